"""The look-ups that made the entity passes linear give exactly what the whole-text patterns they replace gave
(issues 13, 14): checked on texts built from a few words that collide on purpose (`Liang`, `Liang-an`, `kota`,
`Dakota`, club words, dots and hyphens before names)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from warta.annotate.entities.index import TextIndex
from warta.annotate.entities.located import _CAPITALISED
from warta.annotate.entities.names import _same_name_matches
from warta.lang.id.name_rules import rules

WORDS = ["Liang", "Liang-an", "Weidong", "Liang Weidong", "kota", "Kota", "Dakota", "desain", "di", "United", "FC",
         "Persebaya", "PBB", "Badan", "Badan Siber", "mengatakan", "Jokowi", "x", "é", "Ka"]
SEPARATORS = [" ", "  ", "\n", "\n\n", ". ", "-", ".", ", ", " (", ") ", "\t"]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts))
names = st.sampled_from(WORDS + ["Liang Weidong", "Kota Liang", "-Liang", " Liang", "Weidong FC"])


@settings(max_examples=300, deadline=None)
@given(texts, names)
def test_starts_are_every_match_of_the_name(text, name):
    before, after = re.compile(r"[\w.\-]"), re.compile(r"[\w\-]")
    expected = [m.start() for m in re.finditer(rf"(?<![\w.\-])(?={re.escape(name)}(?![\w\-]))", text)]
    got = TextIndex(text).starts(name, before, after)
    assert got is None and not re.match(r"\w", name) or got == expected


@settings(max_examples=300, deadline=None)
@given(texts, names)
def test_same_name_matches_are_finditer(text, name):
    expected = [m.span() for m in re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", text)]
    assert _same_name_matches(TextIndex(text), name) == expected


@settings(max_examples=300, deadline=None)
@given(texts, names)
def test_after_cue_is_the_cue_search(text, name):
    expected = re.search(rf"{rules()['place_cue_alt']}\s+{re.escape(name)}(?!\w)", text) is not None
    assert TextIndex(text).after_cue(name) == expected


@settings(max_examples=300, deadline=None)
@given(texts, names)
def test_before_club_is_the_club_search(text, name):
    clubs = "|".join(re.escape(c) for c in rules()["clubs"])
    expected = re.search(rf"(?<!\w){re.escape(name)}[ ](?:{clubs})(?!\w)", text) is not None
    assert TextIndex(text).before_club(name) == expected


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["Liang", "Liang-an", "Kota", "Jokowi", "Ka"]))
def test_word_then_is_finditer(text, word):
    index = TextIndex(text)
    expected = [(m.start(), m.group(1)) for m in re.finditer(rf"(?<!\w){re.escape(word)}[ ]([A-Z][a-z]+)(?!\w)", text)]
    assert [(x, m.group(0)) for x, m in index.word_then(word, _CAPITALISED)] == expected
    expected = [(m.start(), m.group(1)) for m in re.finditer(rf"(?<![\w-]){re.escape(word)}[ ](\w+)", text)]
    got = index.word_then(word, re.compile(r"\w+"), re.compile(r"[\w-]"))
    assert [(x, m.group(0)) for x, m in got] == expected


def _line(text: str, offset: int) -> str:
    """The line at offset as it was read before (one search each way per span)."""
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return text[a:b if b >= 0 else len(text)].strip()


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=0, max_value=400))
def test_line_is_the_stripped_line(text, offset):
    offset = min(offset, len(text))
    assert TextIndex(text).line(offset)[1] == _line(text, offset)


def test_cue_ends_in_any_case_and_inside_words():
    text = "Warga DAKOTA  Liang tiba, kamp pengungsi Gaza dan kamp\tPengungsi Rafah."
    index = TextIndex(text)
    assert index.after_cue("Liang") and index.after_cue("Gaza") and index.after_cue("Pengungsi")
    assert not index.after_cue("Rafah") and not index.after_cue("Warga")
