"""The Article record: JSON round trip, schema field, content-hash id."""

import json

from warta.record import SCHEMA_VERSION, Actor, Article, Date, Entity, Event, Place, Quantity, Quote, Section, Sentence


def full_article() -> Article:
    text = "Presiden bertemu Perdana Menteri Jepang di Tokyo. “Kami sepakat,” katanya."
    return Article(
        text=text, url="https://contoh.example/a", source="a.txt", language="id", title="Presiden ke Tokyo",
        authors=["Rina"], credits=["Reuters"], editor="asr", dateline="JAKARTA, KOMPAS.com -",
        dateline_place="Jakarta", outlet="KOMPAS.com", published="2023-09-12T08:00:00+07:00",
        reference_date="2023-09-12", reference_basis="published",
        sections=[Section("Latar", 0, 10)], sentences=[Sentence(0, 49, 0, "lead"), Sentence(50, 74, 0, "lead")],
        entities=[Entity("Tokyo", 43, 48, "LOC", "a1", 0, "gazetteer")],
        actors=[Actor("a1", "Jepang", "LOC", "JPN", "GOV", ["host"], ["Tokyo"], [[43, 48]], "country")],
        quotes=[Quote("Kami sepakat", 51, 63, True, "a1", "Presiden", "katanya", 1, "quote")],
        dates=[Date("12 September", 0, 5, "2023-09-12", "day", 0, "date")],
        quantities=[Quantity("dua", 0, 3, 2, None, "rudal", True, 0, "number")],
        places=[Place("Tokyo", 43, 48, "Tokyo", "JPN", "Tokyo", 35.6, 139.7, 1850147, "city", 0, "gazetteer")],
        events=[Event("e1", "CONSULT", source="a1", target="a2", source_country="IDN", target_country="JPN",
                      evidence="Presiden bertemu", start=0, end=49, confidence=0.8, rule="trigger:bertemu")],
        warnings=["w"], pipeline=["language"])


def test_record_round_trip_identity():
    article = full_article()
    data = article.to_dict()
    again = Article.from_dict(json.loads(json.dumps(data)))
    assert again == article
    assert again.to_dict() == data
    assert Article.from_json(article.to_json()) == article


def test_record_schema_and_fields():
    data = full_article().to_dict()
    assert data["schema"] == SCHEMA_VERSION
    assert "scratch" not in data
    for key in ("id", "title", "authors", "credits", "reference_date", "entities", "quotes", "dates",
                "quantities", "places", "events", "language", "text"):
        assert key in data


def test_record_scratch_not_serialised():
    article = full_article()
    article.scratch["doc"] = object()
    assert "scratch" not in article.to_json()


def test_record_unknown_keys_ignored():
    data = full_article().to_dict()
    data["future_field"] = 1
    data["entities"][0]["extra"] = "x"
    assert Article.from_dict(data) == full_article()


def test_record_id_stable_under_whitespace_and_nfc():
    a = Article(text="Kafe\u0301 itu  ramai.\n\nWarga antre.")
    b = Article(text="Kafé itu ramai. \n Warga\u00a0antre. ")
    c = Article(text="Kafé itu ramai. Warga pulang.")
    assert a.id == b.id
    assert a.id != c.id
    assert len(a.id) == 16


def test_record_sentence_helpers():
    article = full_article()
    assert article.sentence_at(45) == 0 and article.sentence_at(60) == 1 and article.sentence_at(49) is None
    assert article.sentence_text(1).startswith("“Kami")
    assert article.actor("a1").name == "Jepang" and article.actor("zz") is None
