"""The NER model's bulk decoding (`warta.models.decode`) gives spaCy's own entities.

Speed is measured by bench/bench_ner.py and bench/bench_extract.py, never here."""

from __future__ import annotations

import numpy
import pytest

from warta import models
from warta.models import decode

SENTENCES = [
    "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Istana Bogor, Jawa Barat, Senin (4/9/2023).",
    "Menteri Luar Negeri Retno Marsudi terbang ke New York untuk menghadiri Sidang Majelis Umum PBB.",
    "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suharyanto meninjau lokasi banjir di Kabupaten Demak.",
    "",
    "   \n\n  ",
    "Tidak ada nama di sini.",
    "Gubernur DKI Jakarta Heru Budi Hartono, Kapolda Metro Jaya Irjen Karyoto dan Pangdam Jaya Mayjen "
    "Mohamad Hasan meninjau Stasiun Manggarai.\n\nMereka kemudian menuju Bandara Soekarno-Hatta di Tangerang.",
    "Bank Indonesia (BI) menahan suku bunga; Kementerian Keuangan menyebut inflasi di Surabaya, Medan dan "
    "Makassar melandai.",
    "Jakarta",
]


@pytest.fixture(scope="module")
def model():
    try:
        return models.load_model()
    except models.ModelError:
        pytest.skip("no NER model")


def spacy_entities(model, texts):
    """spaCy's own loop (`nlp.pipe`) on the texts, as warta ran it before the bulk decoding."""
    docs = [model.tokenizer(t) for t in texts]
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in model.pipe(docs, batch_size=4)]


def test_decoded_entities_are_spacys(model):
    assert decode.for_model(model) is not None
    expected = spacy_entities(model, SENTENCES)
    assert models.run(model, [model.tokenizer(t) for t in SENTENCES]) == expected
    assert [models.run(model, [model.tokenizer(t)])[0] for t in SENTENCES] == expected  # one by one
    assert sum(map(len, expected)) >= 15


def test_close_decisions_are_left_to_spacy(model, monkeypatch):
    calls = []
    by_spacy = decode._by_spacy
    monkeypatch.setattr(decode, "MARGIN", numpy.inf)
    monkeypatch.setattr(decode, "_by_spacy", lambda *args: calls.append(1) or by_spacy(*args))
    expected = spacy_entities(model, SENTENCES)
    assert models.run(model, [model.tokenizer(t) for t in SENTENCES]) == expected
    assert len(calls) == sum(1 for t in SENTENCES if t.strip())  # all but where only O is valid (spaces)


def test_preset_entities_are_left_to_spacy(model):
    from spacy.tokens import Span

    def preset():
        doc = model.tokenizer(SENTENCES[0])
        doc.set_ents([Span(doc, 0, 1, label="ORG")], default="missing")  # `Presiden` preset as ORG
        return doc

    (got,) = models.run(model, [preset()])
    want = [(e.start_char, e.end_char, e.label_) for e in model(preset()).ents]
    assert got == want and (0, 8, "ORG") in got


def test_sentence_starts_bound_entities_as_in_spacy(model):
    def split():
        doc = model.tokenizer("Kemarin Joko Widodo Albanese bertemu di Jakarta Bogor.")
        for token in doc[1:]:
            token.is_sent_start = token.i in (3, 8)  # `Albanese`, `Bogor`: an entity can't run across
        return doc

    (got,) = models.run(model, [split()])
    assert got == [(e.start_char, e.end_char, e.label_) for e in model(split()).ents]


def test_long_docs_run_in_windows_with_the_same_numbers(model, monkeypatch):
    text = " ".join(SENTENCES) * 3
    tok2vec = model.get_pipe("tok2vec")
    whole = tok2vec.predict([model.tokenizer(text)])[0]
    expected = spacy_entities(model, [text, SENTENCES[0]])
    monkeypatch.setattr(decode, "WINDOW_TOKENS", 16)
    context = decode.for_model(model).context
    assert context == 4  # window 1, depth 4
    windowed = decode._tok2vec(tok2vec, [model.tokenizer(text), model.tokenizer(SENTENCES[0])], context)
    assert numpy.array_equal(windowed[0], whole)
    assert models.run(model, [model.tokenizer(text), model.tokenizer(SENTENCES[0])]) == expected


def test_an_unknown_encoder_is_run_whole():
    config = {"@architectures": "spacy.Tok2Vec.v2", "embed": {"@architectures": "spacy.MultiHashEmbed.v2"},
              "encode": {"@architectures": "spacy.TorchBiLSTMEncoder.v1", "depth": 2}}
    assert decode._context(config) is None


def test_other_pipelines_go_through_spacy():
    import spacy

    blank = spacy.blank("id")
    assert decode.for_model(blank) is None
    assert models.run(blank, [blank("Joko Widodo di Jakarta.")]) == [[]]


def test_maxout_keeps_the_first_of_the_largest_pieces():
    unmaxed = numpy.array([[[1.0, 3.0], [2.0, 2.0], [-0.0, 0.0], [5.0, -1.0]]], dtype="f")
    best = decode._maxout(unmaxed)
    assert best.tolist() == [[3.0, 2.0, 0.0, 5.0]]
    assert numpy.signbit(best[0, 2])  # the first of two equal pieces, as spaCy's Vec.arg_max


def test_freed_memory_is_kept_once_per_process():
    assert models.keep_freed_memory() in (True, False)
    assert models.keep_freed_memory() == models.keep_freed_memory()
