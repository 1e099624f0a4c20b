"""Throughput changes that must not change any result: the trie alternations, the NER batch, the
pathological-chunk scan.  (Speed itself is measured by bench/bench_extract.py, never here.)"""

from __future__ import annotations

import random
import re

import pytest

from warta import limits
from warta.lang.alternation import alternation, flat


@pytest.fixture
def ner():
    """(warta.models, the loaded NER model); skips where either is missing."""
    models = pytest.importorskip("warta.models")
    try:
        return models, models.load_model()
    except models.ModelError:
        pytest.skip("no NER model")


@pytest.mark.parametrize("words", [
    ["di", "dan", "dalam", "dalam waktu"],  # prefixes of one another: longest first
    ["Pemilu", "pemilu", "Pilkada", "pilkada", "pada", "Pa"],  # case variants stay a flat list
    ["a", ""],  # an empty word matches last
    ["s.d.", "s/d", "(x)", "a|b"],  # escaped
    ["Kamis", "Ahad", "Sabtu", "Minggu"],
])
@pytest.mark.parametrize("flags", ["", "(?i)"])
@pytest.mark.parametrize("tail", ["", r"\b", "(?:a|ab)b", r"[ ]+\d"])
def test_alternation_matches_as_the_flat_list(words, flags, tail):
    text = "Pada pemilu PEMILU pilkadaa Pa di dalam waktu dalamb dan s.d. s/d (x) a|b aab Kamis Sabtu 1"
    one = re.compile(f"{flags}(?:{flat(words)}){tail}")
    two = re.compile(f"{flags}(?:{alternation(words)}){tail}")
    assert [m.span() for m in one.finditer(text)] == [m.span() for m in two.finditer(text)]


def test_alternation_random_lists_match_as_the_flat_list():
    rng = random.Random(7)
    for _ in range(400):
        words = ["".join(rng.choice("abAB ") for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 7))]
        for flags in ("", "(?i)"):
            one = re.compile(f"{flags}(?:{flat(words)})(?:b|\\b)")
            two = re.compile(f"{flags}(?:{alternation(words)})(?:b|\\b)")
            for _ in range(4):
                text = "".join(rng.choice("abAB ") for _ in range(14))
                assert [m.span() for m in one.finditer(text)] == [m.span() for m in two.finditer(text)], words


def test_alternation_is_a_trie():
    assert alternation(["dalam", "dan", "di"]) == "d(?:a(?:lam|n)|i)"
    assert alternation(["é", "e"]) == flat(["é", "e"])  # non-ASCII: flat


@pytest.mark.parametrize("chunk", ["kata", "Rp5.000.000,00", "x" * 64, "x" * 65, "a-b-c-d-e-f-g-h-i-j",
                                   "((((((((((", "“Kami”", "_____abc__", "١٢٣٤٥٦٧٨٩٠"])
def test_pathological_counts_what_is_not_alphanumeric(chunk):
    old = len(chunk) > limits.CHUNK_CHARS or (
        len(chunk) > limits.CHUNK_PUNCT and sum(1 for c in chunk if not c.isalnum()) > limits.CHUNK_PUNCT)
    assert limits.pathological(chunk) == old


def test_blank_pathological_keeps_offsets_and_ordinary_words():
    text = "Harga naik\n\n" + "-" * 100 + " Rp5.000 " + '"' * 20 + " selesai."
    out = limits.blank_pathological(text)
    assert len(out) == len(text)
    assert "Rp5.000" in out and "selesai." in out and "-" not in out and '"' not in out


def test_prepared_entities_are_the_ones_computed_one_by_one(ner):
    models, model = ner
    texts = ["Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Jakarta.",
             "Menteri Luar Negeri Retno Marsudi terbang ke New York, Amerika Serikat, Senin.",
             "Tidak ada nama di sini.", ""]
    alone = [models.entities_of(model, t) for t in texts]
    assert models.prepare(model, texts + [texts[0]], batch_size=2) == 3  # distinct, non-empty texts
    assert [models.entities_of(model, t) for t in texts] == alone
    assert alone[0] and alone[1]
    models.forget_prepared()


def test_extract_batches_and_gives_the_same_records(tmp_path):
    import warta
    from warta import api

    paths = []
    for i, body in enumerate(["JAKARTA - Menteri Keuangan Sri Mulyani bertemu Gubernur BI di Jakarta, Senin (4/9/2023).",
                              "SURABAYA - Wali Kota Eri Cahyadi meninjau banjir di Surabaya pada Selasa (5/9/2023).",
                              "Ini bukan artikel."]):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Judul {i}\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    pipeline = warta.make_pipeline()
    batched = [a.to_dict() for a in warta.extract(paths, pipeline=pipeline)]
    one = [warta.extract_text(p.read_text(encoding="utf-8"), source=str(p), pipeline=pipeline).to_dict()
           for p in paths]
    strip = [{k: v for k, v in d.items() if k != "extraction"} for d in batched]
    assert strip == [{k: v for k, v in d.items() if k != "extraction"} for d in one]
    outcomes = api.run_units([api.Unit("file", str(p), str(p)) for p in paths], pipeline)
    assert [o[0].status for o in outcomes] == ["ok", "ok", "ok"]


def test_prepare_batches_hold_few_texts_and_characters(monkeypatch):
    from warta import models

    monkeypatch.setattr(models, "BATCH_CHARS", 24_000)
    texts = ["a" * 10_000, "b" * 10_000, "c" * 10_000, "d", "e", "f"]
    groups = list(models._batches(texts, 2))
    assert [len(g) for g in groups] == [2, 2, 2]
    assert all(sum(map(len, g)) <= models.BATCH_CHARS or len(g) == 1 for g in groups)
    assert [t for g in groups for t in g] == texts
    assert list(models._batches(["x" * 30_000, "y"], 16)) == [["x" * 30_000], ["y"]]


def test_idiom_spans_are_every_phrase_match():
    from warta.annotate.quantities.tables import idiom_spans, tables

    for text in ["Salah satu dari EMPAT MATA itu satu-satunya.", "İ salah satu", "ſalah ſatu korban", "tanpa idiom"]:
        assert idiom_spans(text) == [(m.start(), m.end()) for p in tables()["not"] for m in p.finditer(text)]


@pytest.mark.parametrize("failure", ["error", "timeout"])
def test_a_failed_ner_batch_leaves_each_article_to_run_the_model_itself(tmp_path, monkeypatch, failure):
    import time

    import warta
    from warta import models

    paths = []
    for i, body in enumerate(["JAKARTA - Presiden Joko Widodo meresmikan bendungan di Bogor, Senin.",
                              "MEDAN - Gubernur Bobby Nasution meninjau pasar di Medan, Selasa."]):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"Berita {i}\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    pipeline = warta.make_pipeline(time_budget=2)
    expected = [a.entities for a in warta.extract(paths, pipeline=pipeline)]
    assert all(expected)

    def broken(model, texts, batch_size=16):
        if failure == "timeout":
            time.sleep(5)  # the batch's own budget (2 s) stops it
        raise RuntimeError("broken batch")

    monkeypatch.setattr(models, "prepare", broken)
    errors: list = []
    got = [a.entities for a in warta.extract(paths, pipeline=pipeline, errors=errors)]
    assert got == expected and not errors


def test_the_model_multiplies_with_numpy_and_one_blas_thread(ner):
    models, model = ner
    for name in model.pipe_names:
        for node in model.get_pipe(name).model.walk():
            assert getattr(node.ops, "use_blis", False) is False, (name, node.name)
    with models.one_thread():
        pools = models._threadpools()
        if pools is not None:
            assert all(p["num_threads"] == 1 for p in pools.info() if p["user_api"] == "blas")


def test_run_units_asks_skip_once_an_article(tmp_path):
    from warta import api
    from warta.readers import iter_units

    paths = []
    for i, name in enumerate(["Retno Marsudi", "Prabowo Subianto"]):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Judul {i}\n\nJAKARTA - {name} bertemu duta besar di Jakarta pada Senin.", encoding="utf-8")
        paths.append(str(p))
    asked: list[str] = []

    def skip(article):
        asked.append(article.source)
        return article.source.endswith("a1.txt")

    pipeline = api.make_pipeline(["language", "sentences"])
    outcomes = api.run_units(list(iter_units(paths, 1_000_000)), pipeline, skip)
    assert sorted(asked) == sorted(paths)
    assert [o.status for got in outcomes for o in got] == ["ok", "skipped"]
