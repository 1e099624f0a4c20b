"""One event per country when several countries act together (issue 12, class 6): lists with commas,
`dan`/`serta`, `bersama`/`beserta` before the verb, titled names joined by `dan`; a news outlet is no
side of what it reports. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.events_eval import predict


@pytest.mark.parametrize("text,etype,want", [
    ("Amerika Serikat, Inggris, dan Prancis mengecam serangan Rusia ke Ukraina.", "ACCUSE",
     {("USA", "RUS"), ("GBR", "RUS"), ("FRA", "RUS")}),
    ("AS bersama Jepang dan Korea Selatan mengutuk peluncuran rudal Korea Utara.", "ACCUSE",
     {("USA", "PRK"), ("JPN", "PRK"), ("KOR", "PRK")}),
    ("AS beserta Inggris mengecam serangan Rusia.", "ACCUSE", {("USA", "RUS"), ("GBR", "RUS")}),
    ("Arab Saudi, Mesir, Yordania, Qatar, dan Turki menuntut Israel menghentikan serangan.", "REQUEST",
     {("SAU", "ISR"), ("EGY", "ISR"), ("JOR", "ISR"), ("QAT", "ISR"), ("TUR", "ISR")}),
    ("Inggris dan Prancis memperingatkan Iran agar tidak menyerang Israel.", "THREATEN",
     {("GBR", "IRN"), ("FRA", "IRN")}),
    ("Korea Utara kembali meluncurkan rudal balistik pada Minggu. Menteri luar negeri Jepang dan Korea Selatan "
     "mengutuk peluncuran rudal itu.", "ACCUSE", {("JPN", "PRK"), ("KOR", "PRK")}),
])
def test_events_coordinated_subjects_give_one_event_each(text, etype, want):
    got = {(e.source_country, e.target_country) for e in predict(text) if e.type == etype}
    assert got == want


def test_events_bersama_after_the_verb_is_no_subject():
    # `bersama` joins subjects only before the verb: after it, the partner stays the target
    got = {(e.source_country, e.target_country) for e in predict("Jepang bertemu bersama Korea Selatan di Seoul.")
           if e.type == "CONSULT"}
    assert got <= {("JPN", "KOR"), ("KOR", "JPN")} and got


def test_events_titled_names_joined_by_dan_split():
    from warta.annotate.events.participants import _joins_two
    text = "Menlu Jepang Yoko Kamikawa dan Menlu Korea Selatan Cho Tae-yul"
    people = [(13, 26), (51, 62)]
    assert [text[a:b] for a, b in people] == ["Yoko Kamikawa", "Cho Tae-yul"]
    assert _joins_two(text, people)
    text = "Menteri Hukum dan HAM Yasonna H Laoly"
    assert not _joins_two(text, [(22, 37)])  # one person, an office with `dan` in its name
    assert not _joins_two("pasukan Prancis", [])


def test_events_a_news_outlet_is_no_side():
    # `"Pasukan Rusia menyerang …," lapor Al Jazeera`: the outlet's country is not the side attacked
    from warta.annotate.events import events_of_sentence
    from warta.record import Actor, Article, Entity, Quote, Sentence
    text = "“Pasukan Rusia menyerang kota itu pada malam hari,” lapor Al Jazeera."
    q_end = text.index("”") + 1
    art = Article(text=text, sentences=[Sentence(0, len(text))])
    r = text.index("Rusia")
    j = text.index("Al Jazeera")
    art.entities = [Entity("Rusia", r, r + 5, "LOC", actor="a2", sentence=0),
                    Entity("Al Jazeera", j, j + 10, "ORG", actor="a1", sentence=0)]
    art.actors = [Actor("a1", "Al Jazeera", country="QAT", sector="MED", mentions=[[j, j + 10]]),
                  Actor("a2", "Rusia", country="RUS", mentions=[[r, r + 5]])]
    art.quotes = [Quote(text[1:q_end - 1], 0, q_end, direct=True, speaker="a1", speaker_text="Al Jazeera")]
    pairs = {(e.type, e.source_country, e.target_country) for e in events_of_sentence(art, 0)}
    assert ("ASSAULT", "RUS", "QAT") not in pairs
    assert ("ASSAULT", "RUS", None) in pairs
