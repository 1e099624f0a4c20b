"""FastTokenizer (warta.models.tokenizer) gives exactly spaCy's Indonesian tokens, built without
spaCy's ~16,000 special cases; the shipped model and the sentence splitter both use it."""
from __future__ import annotations

import functools
import glob
import json
from pathlib import Path

import pytest
import spacy

from warta.models import MODEL_DIR
from warta.models.tokenizer import CONFIG, FastTokenizer, from_file

ROOT = Path(__file__).resolve().parent.parent

# hyphenated words from spaCy's exception list in the places where spaCy's mechanisms differ:
# cut out of a chunk by infix splitting (re-joined by its special-case matcher), next to prefixes,
# suffixes, clitics, other hyphens, and written with spaces
CASES = [
    "x/abu-abu y", "2-abu-abu", "abu-abu/ibu-ibu", "(Abu-Abu)", "ABU-ABU,", "abu-abu-nya", "sehari-hari.",
    "anak-anak/remaja", "Jakarta-Bandung", "kupu-kupu–x", "ibu-ibu-bapak-bapak", "a-abu-abu-b", "abu -abu",
    "“anak-anak”.", "x/anak-anak/y", "--anak-anak--", "Rp-anak-anak", "anak-anak…", "sebaik-baiknya",
    "bapak-bapak/ibu-ibu/anak-anak", "Kata-kata: \"sehari-hari\"\n\nMasing-masing (anak-anak)-nya.",
]


@functools.cache
def reference():
    return spacy.blank("id").tokenizer  # spaCy's own, with every exception a special case


def texts() -> list[str]:
    out = list(CASES)
    for name in sorted(glob.glob(str(ROOT / "tests/data/**/*.txt"), recursive=True) + glob.glob(str(ROOT / "examples/*.txt"))):
        out.append(Path(name).read_text(encoding="utf-8", errors="replace"))
    real = Path("/work/main/tests/data/real/articles.jsonl")
    if real.is_file():  # the project's real-news set where present (not shipped)
        out += [json.loads(line)["text"] for line in real.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def tokens(doc):
    return [(t.text, t.whitespace_, t.idx, t.norm_, t.is_stop, t.like_num) for t in doc]


def test_same_tokens_as_spacy_on_the_project_texts_and_edge_cases():
    fast = spacy.blank("id", config=CONFIG).tokenizer
    saved = from_file(fast.vocab, MODEL_DIR / "tokenizer")
    assert isinstance(fast, FastTokenizer) and len(fast.words) > 10_000 and len(fast.rules) < 1_000
    for text in texts():
        expected = tokens(reference()(text))
        assert tokens(fast(text)) == expected, text[:80]
        assert tokens(saved(text)) == expected, text[:80]


@pytest.mark.parametrize("text,expected", [
    ("x/abu-abu y", ["x", "/", "abu-abu", "y"]),
    ("Jakarta-Bandung", ["Jakarta", "-", "Bandung"]),
    ("abu -abu", ["abu", "-abu"]),
])
def test_hyphenated_words_split_and_rejoined(text, expected):
    fast = spacy.blank("id", config=CONFIG).tokenizer
    assert [t.text for t in fast(text)] == [t.text for t in reference()(text)] == expected


def test_model_and_sentence_splitter_use_the_fast_tokenizer():
    from warta.annotate.sentences import tokenizer_nlp
    from warta.models import load_model

    assert isinstance(load_model().tokenizer, FastTokenizer)
    assert isinstance(tokenizer_nlp().tokenizer.tokenizer, FastTokenizer)  # inside SafeTokenizer


def test_saved_split_matches_the_exceptions():
    """The kept special cases read from fast_tokenizer.json are what the affix checks compute."""
    fast = spacy.blank("id", config=CONFIG).tokenizer
    rules = {**fast.rules, **{w: [{65: w}] for w in fast.words}}
    assert sorted(s for s, subs in rules.items() if not fast._listable(s, subs)) == sorted(fast.rules)


def test_pickles_to_the_same_tokens():
    import pickle

    fast = spacy.blank("id", config=CONFIG).tokenizer
    again = pickle.loads(pickle.dumps(fast))
    assert tokens(again(CASES[-1])) == tokens(fast(CASES[-1]))


def test_saves_what_spacy_saves():
    """to_bytes/to_disk write every exception (a saved pipeline loads with plain spaCy, same tokens)."""
    import srsly

    saved = from_file(spacy.blank("id").vocab, MODEL_DIR / "tokenizer")
    data = srsly.msgpack_loads(saved.to_bytes())
    original = srsly.msgpack_loads((MODEL_DIR / "tokenizer").read_bytes())
    assert data["exceptions"] == original["exceptions"]
    assert data["token_match"] == original["token_match"]
    assert tokens(saved(CASES[-1])) == tokens(reference()(CASES[-1]))  # unchanged after saving
