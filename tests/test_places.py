import pytest

from tests.conftest import load_cases

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
    from warta.knowledge.gazetteer import resolve

    info = resolve(name, prefix, frozenset(context))
    if kind is None:
        assert info is None
    else:
        assert info is not None and (info.country, info.kind) == (country, kind)


@pytest.mark.parametrize("text, zones", [
    ("Rudal diluncurkan dari daerah Sunan pukul 06.00 waktu setempat.", {"+09:00"}),
    ("Ledakan di Kyiv terdengar pukul 04.15 waktu setempat.", {"+03:00", "+02:00"}),
])
def test_places_give_local_time_its_zone(text, zones, run_components):
    art = run_components(text, ["sentences", "entities", "places", "dates"], reference_date="2023-09-13")
    assert any(d.value and d.value[-6:] in zones for d in art.dates), art.dates


def test_places_seed_article(seed_path):
    seed = seed_path
    import warta

    art = warta.extract_text(seed.read_text(encoding="utf-8"), pipeline=warta.make_pipeline(today="2025-01-01"))
    got = {(p.name, p.country) for p in art.places}
    for name, country in [("Vostochny Cosmodrome", "RUS"), ("Timur Jauh Rusia", "RUS"), ("Sunan", "PRK"),
                          ("Amur", "RUS"), ("Washington", "USA"), ("Moskow", "RUS"), ("Pyongyang", "PRK")]:
        assert (name, country) in got


def _article(text: str, ents: list[tuple[str, str]]):
    """Entities given as (surface, label), found left to right in `text`."""
    from warta.record import Entity

    out, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        out.append(Entity(text=surface, start=start, end=start + len(surface), label=label, rule="test"))
        pos = start + len(surface)
    return out


@pytest.mark.parametrize("text,ents,expect,none", [
    # a country inside or right after an organisation's name is no place
    ("Pengamat dari Universitas Indonesia menilai Bank Indonesia terlalu hati-hati di Jakarta.",
     [("Universitas Indonesia", "ORG"), ("Bank Indonesia", "ORG"), ("Jakarta", "LOC")],
     [("Jakarta", "IDN")], ["Indonesia"]),
    ("Ketua KPU RI hadir di Surabaya.", [("KPU", "ORG"), ("RI", "LOC"), ("Surabaya", "LOC")],
     [("Surabaya", "IDN")], ["RI"]),
    # a seat of power that acts is the government, not a place
    ("Gedung Putih menolak tuduhan itu, sementara Kremlin membantah terlibat di Kyiv.",
     [("Gedung Putih", "LOC"), ("Kremlin", "LOC"), ("Kyiv", "LOC")],
     [("Kyiv", "UKR")], ["Gedung Putih", "Kremlin"]),
    # an organisation the model took for a place
    ("Kerja sama dengan Interpol diperluas hingga Singapura.", [("Interpol", "LOC"), ("Singapura", "LOC")],
     [("Singapura", "SGP")], ["Interpol"]),
    # apposition gives an unknown facility its country
    ("Pesawat bantuan mendarat di Bandara Internasional Queen Alia, Yordania, Selasa.",
     [("Bandara Internasional Queen Alia", "LOC"), ("Yordania", "LOC")],
     [("Bandara Internasional Queen Alia", "JOR")], []),
    # a street in the country the article is about
    ("Polisi Serbia membubarkan massa di Jalan Knez Mihailova, Beograd. Serbia menuding Kosovo. Pemerintah Serbia diam.",
     [("Serbia", "LOC"), ("Jalan Knez Mihailova", "LOC"), ("Beograd", "LOC"), ("Serbia", "LOC"), ("Kosovo", "LOC"),
      ("Serbia", "LOC")],
     [("Jalan Knez Mihailova", "SRB")], []),
    # the bare name of a regency named with its prefix elsewhere
    ("Bupati Blora meninjau Kabupaten Blora di Jawa Tengah. Warga Blora mengungsi ke Semarang.",
     [("Kabupaten Blora", "LOC"), ("Jawa Tengah", "LOC"), ("Blora", "LOC"), ("Semarang", "LOC")],
     [("Blora", "IDN"), ("Kabupaten Blora", "IDN")], []),
    # common words the model took for a place are no place
    ("Laporan diteruskan ke Sentra Penegakan Hukum di Medan.", [("Sentra Penegakan Hukum", "LOC")],
     [("Medan", "IDN")], ["Sentra Penegakan Hukum"]),
])
def test_places_context_rules(text, ents, expect, none):
    from warta.annotate.places import find_places

    found = {(p.text, p.country) for p in find_places(text, _article(text, ents))}
    for pair in expect:
        assert pair in found, f"{pair} not in {sorted(found, key=str)}"
    for surface in none:
        assert not any(t == surface for t, _c in found), f"{surface!r} became a place: {found}"


@pytest.mark.parametrize("name,prefix", [("Wulan", "Sungai"), ("Wulan", "sungai")])
def test_places_natural_feature_is_never_a_foreign_town(name, prefix):
    from warta.knowledge.gazetteer import resolve

    info = resolve(name, prefix)
    assert info is None or info.kind not in ("city", "regency", "district", "village", "admin1"), info
