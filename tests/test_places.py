import pytest

from tests.conftest import load_cases, shared_dir

CASES = load_cases("places.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_places_gazetteer_mention_resolves(case):
    from warta.annotate.places import find_places

    found = {(p.text, p.country) for p in find_places(case["text"])}
    for surface, country in case["expect"]:
        assert (surface, country) in found, f"{(surface, country)} not in {sorted(found, key=str)}"
    for surface in case.get("none", []):
        assert not any(t == surface for t, _c in found), f"{surface!r} became a place: {found}"


@pytest.mark.parametrize("name,prefix,context,country,kind", [
    ("Amur", "wilayah", {"RUS"}, "RUS", "admin1"),
    ("Sunan", "daerah", {"PRK"}, "PRK", "city"),
    ("Washington", None, set(), "USA", "city"),
    ("Moskow", None, set(), "RUS", "city"),
    ("Surabaya", None, set(), "IDN", "city"),
    ("Laut Cina Selatan", None, set(), None, "sea"),
    ("Timur Jauh Rusia", None, set(), "RUS", "region"),
    ("Kharkiv", "kota", {"UKR"}, "UKR", "city"),
    ("Kalimbekuwu", "daerah", set(), None, None),
])
def test_places_resolve_name(name, prefix, context, country, kind):
    from warta.annotate.places import resolve

    info = resolve(name, prefix, frozenset(context))
    if kind is None:
        assert info is None
    else:
        assert info is not None and (info.country, info.kind) == (country, kind)


def test_places_timezone_of_text_for_local_time():
    from warta.annotate.places import timezone_of_text

    assert timezone_of_text("Rudal diluncurkan dari daerah Sunan") == "Asia/Pyongyang"
    assert timezone_of_text("Ledakan di Kyiv") == "Europe/Kyiv" or timezone_of_text("Ledakan di Kyiv") == "Europe/Kiev"


def test_places_seed_article():
    seed = shared_dir() / "seed" / "000_d0311550289dc6a3.txt"
    if not seed.exists():
        pytest.skip("shared seed article not present (../shared or WARTA_SHARED)")
    import warta

    art = warta.extract_text(seed.read_text(encoding="utf-8"), pipeline=warta.make_pipeline(today="2025-01-01"))
    got = {(p.name, p.country) for p in art.places}
    for name, country in [("Vostochny Cosmodrome", "RUS"), ("Timur Jauh Rusia", "RUS"), ("Sunan", "PRK"),
                          ("Amur", "RUS"), ("Washington", "USA"), ("Moskow", "RUS"), ("Pyongyang", "PRK")]:
        assert (name, country) in got
