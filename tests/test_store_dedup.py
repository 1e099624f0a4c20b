"""Near-duplicates, stories and event groups in the store."""

from __future__ import annotations

import pytest

from warta.record import Actor, Article, Event, Quote
from warta.store import Store
from warta.store import dedup

WIRE = (
    "JAKARTA, KOMPAS.com - Menteri Pertahanan Indonesia bertemu Menteri Pertahanan Australia di Canberra pada Kamis "
    "untuk membahas latihan militer bersama dan patroli maritim di Laut Timor. Kedua menteri sepakat menambah "
    "frekuensi latihan gabungan angkatan laut mulai tahun depan serta berbagi data pemantauan kapal asing. "
    "\"Kerja sama ini penting untuk menjaga stabilitas kawasan,\" kata Menhan Indonesia seusai pertemuan. "
    "Pihak Australia menyatakan akan mengirim dua kapal patroli untuk latihan pertama pada bulan Mei."
)
OTHER = (
    "SURABAYA, Tempo.co - Kebakaran melanda pasar tradisional di Surabaya Utara pada Rabu dini hari dan "
    "menghanguskan sekitar 80 kios pedagang sayur dan pakaian. Petugas pemadam kebakaran mengerahkan dua belas "
    "mobil pemadam dan api baru dapat dikendalikan tiga jam kemudian. Polisi masih menyelidiki penyebab kebakaran."
)


def wire_article(text: str, source: str, outlet: str | None = None) -> Article:
    return Article(
        text=text, title="Menhan RI dan Australia Sepakati Latihan Bersama", source=source, outlet=outlet,
        published="2024-04-11",
        actors=[Actor(id="A1", name="Menteri Pertahanan Indonesia", type="PER", country="IDN", sector="MIL"),
                Actor(id="A2", name="Menteri Pertahanan Australia", type="PER", country="AUS", sector="MIL")],
        quotes=[Quote(text="Kerja sama ini penting untuk menjaga stabilitas kawasan,", start=292, end=349,
                      speaker="A1", speaker_text="Menhan Indonesia", cue="kata", rule="test")],
        events=[Event(id="E1", type="CONSULT", cameo="040", source="A1", target="A2", source_country="IDN",
                      target_country="AUS", date="2024-04-11", evidence="…", rule="test"),
                Event(id="E2", type="AGREE", cameo="057", source="A1", target="A2", source_country="IDN",
                      target_country="AUS", date="2024-04-11", rule="test")])


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "w.db") as s:
        yield s


def test_dedup_signature_similarity_orders_texts():
    a, b, c = dedup.signature(WIRE), dedup.signature(WIRE + " Berita ini telah diperbarui."), dedup.signature(OTHER)
    assert dedup.similarity(a, a) == 1.0
    assert dedup.similarity(a, b) >= dedup.DUPLICATE_THRESHOLD
    assert dedup.similarity(a, c) < 0.2
    assert dedup.signature("  ,,, ") is None


def test_store_near_duplicates_make_one_event_group_with_two_articles(store):
    assert store.add(wire_article(WIRE, "kompas/1.txt", "KOMPAS.com")) == "new"
    copy = WIRE.replace("JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -") + " (Antara)"
    assert store.add(wire_article(copy, "antara/9.txt", "ANTARA")) == "near-duplicate"
    groups = list(store.event_groups(type="CONSULT"))
    assert len(groups) == 1
    g = groups[0]
    assert (g["num_articles"], g["num_mentions"], g["num_sources"], g["num_distinct_articles"]) == (2, 2, 2, 1)
    assert (g["source_country"], g["target_country"], g["date"]) == ("IDN", "AUS", "2024-04-11")
    # near-duplicates are linked and left out of queries unless asked for
    rows = list(store.conn.execute("SELECT id, duplicate_of, story_id FROM articles ORDER BY pk"))
    assert rows[1]["duplicate_of"] == rows[0]["id"] and rows[1]["story_id"] == rows[0]["story_id"]
    assert len(list(store.events(type="CONSULT"))) == 1
    assert len(list(store.events(type="CONSULT", duplicates=True))) == 2


def test_store_same_text_twice_is_an_exact_duplicate(store):
    assert store.add(wire_article(WIRE, "a.txt")) == "new"
    assert store.add(wire_article(WIRE, "b.txt")) == "duplicate"
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 2


def test_store_unrelated_article_starts_its_own_story(store):
    store.add(wire_article(WIRE, "a.txt"))
    other = Article(text=OTHER, title="Pasar Terbakar", source="b.txt", published="2024-04-10")
    assert store.add(other) == "new"
    stories = {r[0] for r in store.conn.execute("SELECT story_id FROM articles")}
    assert len(stories) == 2 and store.counts()["near_duplicates"] == 0


def test_store_independent_reports_of_one_event_join_one_story(store):
    store.add(wire_article(WIRE, "a.txt"))
    rewrite = ("Canberra - Indonesia dan Australia akan memperbanyak latihan angkatan laut gabungan. Hal itu "
               "disepakati para menteri pertahanan kedua negara dalam pertemuan di ibu kota Australia, Kamis, "
               "yang juga membahas pengamanan perairan di selatan Nusa Tenggara.")
    article = wire_article(rewrite, "c.txt")
    article.quotes = []
    assert store.add(article) == "new"
    rows = list(store.conn.execute("SELECT id, story_id, duplicate_of FROM articles ORDER BY pk"))
    assert rows[1]["duplicate_of"] is None and rows[1]["story_id"] == rows[0]["id"]
    assert list(store.event_groups(type="CONSULT"))[0]["num_distinct_articles"] == 2


def test_store_signatures_persist_across_sessions(tmp_path):
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.add(wire_article(WIRE, "a.txt"))
    with Store.open(db) as store:
        assert store.add(wire_article(WIRE + " Editor: Sari.", "b.txt")) == "near-duplicate"


def test_store_article_round_trip(store):
    article = wire_article(WIRE, "a.txt")
    store.add(article)
    back = store.article(article.id)
    assert back.events == article.events and back.actors == article.actors and back.quotes == article.quotes
    assert back.text == article.text and back.title == article.title
