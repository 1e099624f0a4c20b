from warta import lexicons
from warta.knowledge.numbers import parse_number


def test_lexicons_months_cover_twelve_and_seven():
    data = lexicons.load("months")
    assert sorted(data["months"]) == list(range(1, 13))
    assert sorted(data["weekdays"]) == list(range(7))
    for names in data["months"].values():
        assert names and all(isinstance(n, str) and n[0].isupper() for n in names)
    assert {"WIB", "WITA", "WIT"} <= set(data["time_zones"])


def test_lexicons_numbers_parse_words():
    for text, value in [("dua", 2), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12), ("dua puluh tiga", 23),
                        ("seratus", 100), ("seribu", 1000), ("tiga ratus lima puluh", 350), ("3 triliun", 3e12),
                        ("1.209", 1209), ("3,75", 3.75), ("puluhan", 10)]:
        assert parse_number(text)[0] == value


def test_lexicons_units_have_no_duplicate_forms():
    data = lexicons.load("units")
    forms = [f for fs in data["units"].values() for f in fs]
    assert len(forms) == len(set(forms))
    assert "orang" in data["persons"]


def test_lexicons_places_entries_are_complete():
    data = lexicons.load("places")
    names = set()
    for p in data["places"]:
        assert p["name"] not in names
        names.add(p["name"])
        assert "country" in p and "kind" in p
        if p.get("lat") is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
    assert len([p for p in data["places"] if p.get("kind") == "admin1" and p.get("country") == "IDN"]) >= 37
