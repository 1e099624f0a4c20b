"""Indonesian tokenisation, shared by every component: spaCy's `id` tokenizer (built the fast way,
same tokens) with warta's abbreviations and paragraph-aware sentence starts.

A paragraph always starts a sentence; inside a paragraph sentences end at . ! ? (with closing
quotes), never at a listed abbreviation.  Components get their tokens from here (the sentences
component leaves the `Doc` in `article.scratch["doc"]`), never from a tokenizer of their own.
"""

from __future__ import annotations

import functools

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from warta import lexicons
from warta.limits import MAX_TEXT_CHARS, SafeTokenizer


#: tokens that end a sentence
ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
#: closing quotes and brackets that stay with the sentence they close (when written without a space before)
CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»"})
#: what a new sentence may open with besides a capital letter or a digit
OPENERS = frozenset({"“", "‘", '"', "'", "(", "[", "«", "-", "–", "—"})


ENDER_IDS = frozenset(get_string_id(t) for t in ENDERS)
CLOSER_OR_ENDER_IDS = frozenset(get_string_id(t) for t in CLOSERS | ENDERS)
FULL_STOP_ID = get_string_id(".")


@Language.component("warta_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts: after every line break, and after . ! ? (with the closing quotes that follow
    them) when the next word opens like a sentence.  Abbreviations are single tokens (see
    abbreviations.yaml) so they never end one; nor does a full stop after a single capital (`B.`).

    Reads the tokens as arrays (one `to_array` call, string ids compared), not token by token."""
    n = len(doc)
    if not n:
        return doc
    strings = doc.vocab.strings
    orths, glued, spaces = _token_columns(doc)
    starts = [-1] * n
    after_break = True
    i = 0
    while i < n:
        if spaces[i]:
            if "\n" in strings[orths[i]]:
                after_break = True
            i += 1
            continue
        if after_break:
            starts[i] = 1
            after_break = False
        if orths[i] in ENDER_IDS and not _initial_before(strings, orths, glued, i):
            i = _after_ender(strings, orths, glued, spaces, i, starts)
            continue
        i += 1
    # one array write: setting token.is_sent_start one by one is quadratic in spaCy
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(n, 1))
    return doc


def _token_columns(doc: Doc) -> tuple[list[int], list[bool], list[bool]]:
    """Per token: its ORTH string id, whether it has no whitespace after it, whether it is a space token."""
    table = doc.to_array([ORTH, SPACY, IS_SPACE])
    return table[:, 0].tolist(), (table[:, 1] == 0).tolist(), (table[:, 2] != 0).tolist()


def _after_ender(strings, orths: list[int], glued: list[bool], spaces: list[bool], i: int,
                 starts: list[int]) -> int:
    """Past the ender at `i` and the closers and enders glued to it; marks the next word a sentence
    start when it is set off by a space and opens like a sentence.  Returns where the scan goes on."""
    n = len(orths)
    j = i + 1
    while j < n and glued[j - 1] and orths[j] in CLOSER_OR_ENDER_IDS:
        j += 1
    k = j
    while k < n and spaces[k]:
        k += 1
    if k < n and (not glued[j - 1] or k > j):
        first = strings[orths[k]]
        if first[:1].isupper() or first[:1].isdigit() or first in OPENERS:
            starts[k] = 1
    return j


def _initial_before(strings, orths: list[int], glued: list[bool], i: int) -> bool:
    """A full stop right after a single capital letter (`Susilo B. Yudhoyono`)."""
    if orths[i] != FULL_STOP_ID or i == 0:
        return False
    prev = strings[orths[i - 1]]
    return glued[i - 1] and len(prev) == 1 and prev.isupper()


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each of `doc.sents`, read from the token arrays, no `Span` built."""
    n = len(doc)
    if not n:
        return []
    table = doc.to_array([SENT_START, IDX, LENGTH]).astype("int64")
    firsts = [0] + (numpy.flatnonzero(table[1:, 0] == 1) + 1).tolist()
    begins = table[:, 1].tolist()
    ends = (table[:, 1] + table[:, 2]).tolist()
    return [(begins[first], ends[after - 1]) for first, after in zip(firsts, firsts[1:] + [n])]


@functools.cache
def tokenizer_nlp() -> Language:
    """A blank Indonesian pipeline with warta's abbreviations and paragraph-aware sentence starts.

    Its tokenizer is spaCy's `id` tokenizer built the fast way (`warta.models.tokenizer`: same tokens)."""
    from warta.models.tokenizer import CONFIG

    nlp = spacy.blank("id", config=CONFIG)
    add_abbreviations(nlp)
    nlp.tokenizer = SafeTokenizer(nlp.tokenizer)  # linear time on runs like `RpRp…` or `(((…`
    nlp.max_length = MAX_TEXT_CHARS  # the tokenizer alone is linear; inputs are capped by max_bytes
    nlp.add_pipe("warta_sentences")
    return nlp


def add_abbreviations(nlp: Language) -> None:
    for abbr in lexicons.load("abbreviations"):
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])


def make_doc(text: str) -> Doc:
    return tokenizer_nlp()(text)
