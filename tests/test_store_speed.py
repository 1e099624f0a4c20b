"""The ingest's faster paths give exactly what the plain ones gave: MinHash signatures equal to datasketch's,
record dicts equal to what `dataclasses.asdict` made, CPU seconds by stage in the summary, chunked pool tasks."""

from __future__ import annotations

import dataclasses

import pytest

from tests import store_corpus
from warta.record import Actor, Article, Entity, Event, Quote, Section, Sentence
from warta.store import Store, dedup

FAST = ["language", "sentences"]


def datasketch_signature(text: str) -> bytes | None:
    """The signature as warta computed it before, with datasketch's MinHash (affine32, seed 1)."""
    datasketch = pytest.importorskip("datasketch")
    sh = dedup.shingles(text)
    if not sh:
        return None
    m = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=1, scheme="affine32")
    m.update_batch(sh)
    return m.hashvalues.astype("<u4").tobytes()


@pytest.mark.parametrize("text", [
    "satu", "Satu dua", "satu dua tiga empat lima", "satu dua tiga empat lima enam",
    "JAKARTA - Menteri Luar Negeri bertemu Duta Besar Jepang di Jakarta pada Senin. \"Kami membahas kerja sama,\" "
    "kata Menlu. Pertemuan berlangsung dua jam.",
    "Ünïcödé — 2024 ﬁ 𝔘 ½ angka 1,5 juta",
])
def test_signature_equals_datasketch(text):
    assert dedup.signature(text) == datasketch_signature(text)


def test_signature_equals_datasketch_on_generated_articles():
    for article in store_corpus.corpus(40, seed=11):
        text = store_corpus.as_text(article)
        assert dedup.signature(text) == datasketch_signature(text)


def test_signature_of_no_words_is_none():
    assert dedup.signature(" ,.; ") is None and dedup.signature("") is None


def test_band_keys_are_the_same_on_every_call():
    sig = dedup.signature("Menteri Pertahanan Indonesia bertemu Menteri Pertahanan Australia di Canberra")
    assert dedup.band_keys(sig, 0) == dedup.band_keys(sig, 0)
    assert len(dedup.band_keys(sig, 0)) == dedup.BANDS[0][0] and len(dedup.band_keys(sig, 1)) == dedup.BANDS[1][0]


def full_article() -> Article:
    return Article(
        text="JAKARTA - Menlu bertemu Dubes.", title="Menlu", source="a.txt", authors=["Sari"], warnings=["w"],
        sections=[Section(title="Satu", start=0, end=5)], sentences=[Sentence(start=0, end=30, kind="lead")],
        entities=[Entity(text="Menlu", start=10, end=15, label="PER", rule="test")],
        actors=[Actor(id="A1", name="Menteri Luar Negeri", type="PER", country="IDN", aliases=["Menlu"],
                      mentions=[[10, 15]], roles=["source"])],
        quotes=[Quote(text="x", start=0, end=1, speaker="A1", direct=True, rule="test")],
        events=[Event(id="E1", type="CONSULT", source="A1", negated=False, rule="test")])


def asdict_record(article: Article) -> dict:
    """`Article.to_dict()` as it was written with `dataclasses.asdict` (the reference for `record.plain`)."""
    out = {}
    for f in dataclasses.fields(article):
        if f.name == "scratch":
            continue
        value = getattr(article, f.name)
        if f.name in Article.LAYERS:
            value = [dataclasses.asdict(item) for item in value]
        elif isinstance(value, list):
            value = list(value)
        out[f.name] = value
    return out


def test_to_dict_equals_asdict():
    article = full_article()
    assert article.to_dict() == asdict_record(article)
    assert Article(text="kosong").to_dict() == asdict_record(Article(text="kosong"))


def test_to_dict_is_a_copy():
    article = full_article()
    record = article.to_dict()
    record["actors"][0]["aliases"].append("baru")
    record["actors"][0]["mentions"][0].append(99)
    record["authors"].append("Budi")
    assert article.actors[0].aliases == ["Menlu"] and article.actors[0].mentions == [[10, 15]]
    assert article.authors == ["Sari"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_summary_has_cpu_by_stage(tmp_path, jobs):
    store_corpus.write_folder(tmp_path / "news", 9, seed=2)
    with Store.open(tmp_path / "w.db") as store:
        summary = store.ingest([tmp_path / "news"], jobs=jobs, components=FAST, chunksize=2)
        assert store.counts()["articles"] == summary.new
    assert summary.read == 9
    cpu = summary.cpu
    assert {"start", "read", "extract", "record", "write", "main"} <= set(cpu)
    assert all(v >= 0 for v in cpu.values())
    assert cpu["extract"] > 0 and cpu["write"] > 0
    if jobs == 1:
        assert "workers" not in cpu and cpu["main"] >= cpu["extract"]
    else:
        assert cpu["workers"] >= cpu["extract"]
    assert set(summary.to_dict()["cpu"]) == set(cpu)


def test_ingest_chunked_tasks_store_the_same_rows_as_one_job(tmp_path):
    store_corpus.write_folder(tmp_path / "news", 11, seed=4)
    dbs = {}
    for jobs, chunksize in ((1, 4), (2, 3), (2, 1)):
        db = tmp_path / f"{jobs}-{chunksize}.db"
        with Store.open(db) as store:
            store.ingest([tmp_path / "news"], jobs=jobs, components=FAST, chunksize=chunksize)
            dbs[jobs, chunksize] = sorted(tuple(r) for r in store.conn.execute(
                "SELECT id, title, text, words, status FROM articles"))
    assert dbs[1, 4] == dbs[2, 3] == dbs[2, 1] and len(dbs[1, 4]) > 0


def test_to_dict_equals_asdict_on_pipeline_records(pipeline):
    from warta.readers.text import read_text

    for seed in store_corpus.seeds()[:4]:
        article = pipeline(read_text(store_corpus.as_text(seed), source="seed.txt"))
        assert article.entities and article.sentences
        assert article.to_dict() == asdict_record(article)
