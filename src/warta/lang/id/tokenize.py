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
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from warta import lexicons
from warta.limits import MAX_TEXT_CHARS, SafeTokenizer


#: tokens that end a sentence
ENDERS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
#: closing quotes and brackets that stay with the sentence they close (when written without a space before)
CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»"})
#: what a new sentence may open with besides a capital letter or a digit
OPENERS = frozenset({"“", "‘", '"', "'", "(", "[", "«", "-", "–", "—"})


@Language.component("warta_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts: after every line break, and after . ! ? (with the closing quotes that follow
    them) when the next word opens like a sentence.  Abbreviations are single tokens (see
    abbreviations.yaml) so they never end one; nor does a full stop after a single capital (`B.`)."""
    n = len(doc)
    starts = [False] * n
    after_break = True
    i = 0
    while i < n:
        token = doc[i]
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            i += 1
            continue
        if after_break:
            starts[i] = True
            after_break = False
        if token.text in ENDERS and not _initial_before(doc, i):
            j = i + 1
            while j < n and not doc[j - 1].whitespace_ and (doc[j].text in CLOSERS or doc[j].text in ENDERS):
                j += 1
            k = j
            while k < n and doc[k].is_space:
                k += 1
            if k < n and (doc[j - 1].whitespace_ or k > j):
                first = doc[k].text
                if first[:1].isupper() or first[:1].isdigit() or first in OPENERS:
                    starts[k] = True
            i = j
            continue
        i += 1
    if n:
        # one array write: setting token.is_sent_start one by one is quadratic in spaCy
        values = numpy.array([[1 if start else -1] for start in starts], dtype="int64").astype("uint64")
        doc.from_array([SENT_START], values)
    return doc


def _initial_before(doc: Doc, i: int) -> bool:
    """A full stop right after a single capital letter (`Susilo B. Yudhoyono`)."""
    if doc[i].text != "." or i == 0:
        return False
    prev = doc[i - 1]
    return not prev.whitespace_ and len(prev.text) == 1 and prev.text.isupper()


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
