"""The tok2vec forward pass in numpy (`warta.models.tok2vec`) gives thinc's own arrays, bit for bit.

Compared with `nlp.get_pipe("tok2vec").predict` on sentences written here, on the project's articles and,
where present, on the project's real-news set and the NER corpora.  Speed is measured by bench/bench_ner.py
and bench/bench_extract.py, never here."""

from __future__ import annotations

import glob
import json
import os
from pathlib import Path

import numpy
import pytest

from tests.test_models_speed_decode import model  # noqa: F401  (the fixture: the shipped model, or a skip)
from warta.limits import blank_pathological
from warta.models import decode, tok2vec

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Istana Bogor, Jawa Barat, Senin (4/9/2023).",
    "",
    "   \n\n  ",
    "Jakarta",
    "Menteri Luar Negeri Retno Marsudi terbang ke New York untuk menghadiri Sidang Majelis Umum PBB.",
    "Gubernur DKI Jakarta Heru Budi Hartono dan Kapolda Metro Jaya Irjen Karyoto meninjau Stasiun Manggarai."
    "\n\nMereka kemudian menuju Bandara Soekarno-Hatta di Tangerang.",
    "Harga cabai rawit naik Rp 15.000 per kilogram; BPS mencatat inflasi 0,3 persen (yoy) di 90 kota.",
    "gak nyangka bgt, kata warga Kec. Cibinong, Kab. Bogor, Jl. Raya No. 12 — xyzzyqwv ΑΒΓ 北京 😀",
]


def fresh_numpy_tok2vec(model) -> tok2vec.Tok2Vec:
    """A numpy tok2vec with an empty word cache (the model's own one may hold rows from other tests)."""
    built = tok2vec._build(model)
    assert built is not None
    return built


def assert_same(model, fast, docs):
    expected = model.get_pipe("tok2vec").predict(docs)
    got = fast(docs)
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert numpy.array_equal(a, b)


def test_sentences_batched_and_one_by_one(model):
    fast = fresh_numpy_tok2vec(model)
    docs = [model.tokenizer(t) for t in SENTENCES]
    assert_same(model, fast, docs)  # words computed
    assert fast.cache.slots
    assert_same(model, fast, docs)  # the same words, from the cache
    for doc in docs:
        if len(doc) >= tok2vec.MIN_TOKENS:
            assert_same(model, fast, [doc])


def test_a_token_norm_set_by_hand_is_not_taken_from_the_cache(model):
    fast = fresh_numpy_tok2vec(model)
    text = SENTENCES[0]
    assert_same(model, fast, [model.tokenizer(text)])  # `Presiden` cached with its own NORM
    doc = model.tokenizer(text)
    doc[0].norm_ = "ketua"
    assert_same(model, fast, [doc])


def test_the_cache_stops_growing_at_its_size(model, monkeypatch):
    monkeypatch.setattr(tok2vec, "CACHE_WORDS", 5)
    fast = fresh_numpy_tok2vec(model)
    docs = [model.tokenizer(t) for t in SENTENCES]
    assert_same(model, fast, docs)
    assert len(fast.cache.slots) == 5
    assert_same(model, fast, docs)


def corpus_texts() -> list[str]:
    names = sorted(glob.glob(str(ROOT / "tests/data/gold/*.txt")) + glob.glob(str(ROOT / "tests/data/heldout/*.txt")))
    out = [Path(n).read_text(encoding="utf-8") for n in names]
    real = Path("/work/main/tests/data/real/articles.jsonl")
    if real.is_file():  # the project's real-news set where present (not shipped)
        out += [json.loads(line)["text"] for line in real.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def ner_sentences(limit: int = 600) -> list[str]:
    from warta.evaluate_ner import read_bio

    root = Path(os.environ.get("WARTA_SHARED", "/work/shared")) / "data"
    out: list[str] = []
    for rel, sep in (("indolem-ner/nerui/nergithub.txt", "\t"), ("idner-news-2k/test.txt", None)):
        if (root / rel).is_file():
            out += [" ".join(words) for words, _ in read_bio(root / rel, sep)][:limit // 2]
    return out


def test_the_project_articles_in_batches_as_prepare_runs_them(model):
    fast = fresh_numpy_tok2vec(model)
    docs = [model.tokenizer(blank_pathological(t)) for t in corpus_texts()]
    assert len(docs) >= 20
    for first in range(0, len(docs), 16):
        assert_same(model, fast, docs[first:first + 16])
    for doc in docs[:10]:  # one at a time, most words from the cache now
        assert_same(model, fast, [doc])


def test_ner_corpus_sentences(model):
    texts = ner_sentences()
    if not texts:
        pytest.skip("no NER corpora")
    fast = fresh_numpy_tok2vec(model)
    docs = [model.tokenizer(t) for t in texts]
    for first in range(0, len(docs), 64):
        assert_same(model, fast, docs[first:first + 64])


def test_maxout_ties_go_to_the_first_piece_as_in_thinc():
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(0)
    nO, nP, nI = 4, 3, 5
    W = numpy.zeros((nP * nO, nI), dtype="f")  # every output is its bias: ties of +0.0 and -0.0, and of equals
    b = numpy.array([0.0, -0.0, 0.0, 1.0, -0.0, 0.0, -0.0, 1.0, 0.0, 0.0, -0.0, -2.0], dtype="f")
    layer = tok2vec.Maxout(W, b, numpy.ones(nO, dtype="f"), numpy.zeros(nO, dtype="f"), nP)
    X = rng.standard_normal((3, nI), dtype="f")
    Y = numpy.dot(X, W.T) + b
    best = tok2vec._maximum(Y, nP)
    assert (best == 0).any()  # the case the exact path is for
    thinc_best, _ = NumpyOps().maxout(numpy.ascontiguousarray(Y.reshape(3, nP, nO).transpose(0, 2, 1)))
    exact = tok2vec._first_maximum(Y, nP)
    assert numpy.array_equal(numpy.signbit(exact), numpy.signbit(thinc_best)) and numpy.array_equal(exact, thinc_best)
    mu = exact.mean(axis=1, keepdims=True)
    assert numpy.array_equal(layer(X), tok2vec._layer_norm(exact, mu, layer.G, layer.beta))


def test_layer_norm_and_windows_are_thincs():
    from thinc.api import LayerNorm, NumpyOps

    rng = numpy.random.default_rng(1)
    X = rng.standard_normal((50, 96), dtype="f") * 3
    norm = LayerNorm(nI=96)
    norm.initialize(X=X)
    norm.set_param("G", rng.standard_normal(96, dtype="f"))
    norm.set_param("b", rng.standard_normal(96, dtype="f"))
    mu = X.mean(axis=1, keepdims=True)
    assert numpy.array_equal(tok2vec._layer_norm(X, mu, norm.get_param("G"), norm.get_param("b")), norm.predict(X))
    assert numpy.array_equal(tok2vec._windows(X, 1), NumpyOps().seq2col(X, 1))


def test_other_architectures_are_left_to_thinc(model, monkeypatch):
    import copy

    config = copy.deepcopy(model.config)
    config["components"]["tok2vec"]["model"]["encode"]["@architectures"] = "spacy.TorchBiLSTMEncoder.v1"

    class Other:
        pipe_names = model.pipe_names
        get_pipe = model.get_pipe

    other = Other()
    other.config = config
    assert tok2vec._build(other) is None


def test_a_small_batch_goes_through_thinc(model):
    few = [model.tokenizer("Jakarta")]
    assert decode._predictor(model, few) == model.get_pipe("tok2vec").predict
    many = [model.tokenizer(SENTENCES[0])]
    assert decode._predictor(model, many) is tok2vec.for_model(model)


def test_a_blanked_text_needs_no_safe_tokenizer(model):
    """`models.prepare` and `entities_of` hand the blanked text to spaCy's tokenizer itself: `SafeTokenizer`
    would find nothing left to split in it."""
    from warta.limits import SafeTokenizer

    texts = ["Harga " + "-" * 5000 + " naik", "RpRp" * 300 + " di Jakarta", "(((((((((((( Jokowi ))))))))))))",
             "a.b.c.d.e.f.g.h.i.j.k Bogor", *SENTENCES]
    safe = SafeTokenizer(model.tokenizer)
    for text in texts:
        blanked = blank_pathological(text)
        assert [(t.text, t.idx) for t in model.tokenizer(blanked)] == [(t.text, t.idx) for t in safe(blanked)]


def test_a_long_doc_in_windows_gives_the_whole_docs_arrays(model, monkeypatch):
    text = " ".join(SENTENCES) * 3
    whole = model.get_pipe("tok2vec").predict([model.tokenizer(text)])[0]
    monkeypatch.setattr(decode, "WINDOW_TOKENS", 16)
    docs = [model.tokenizer(text), model.tokenizer(SENTENCES[0])]
    predict = decode._predictor(model, docs)
    assert predict is tok2vec.for_model(model)
    windowed = decode._tok2vec(predict, docs, decode.for_model(model).context)
    assert numpy.array_equal(windowed[0], whole)
