"""Sentences and tokens: spaCy's Indonesian tokenizer with paragraph-aware sentence splitting.

A paragraph always starts a sentence (the headline and byline are not in the
text, so they never merge into the lead); inside a paragraph sentences end at
. ! ? (with closing quotes), never at a listed abbreviation.  The spaCy `Doc`
is left in `article.scratch["doc"]` for later components.
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
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Sentence


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


def sentences_of(doc: Doc, article: Article) -> list[Sentence]:
    text = doc.text
    heading_starts = {s.start for s in article.sections}
    credits_start = article.scratch.get("credits_start")
    out: list[Sentence] = []
    paragraph, counted = 0, 0  # paragraph breaks before `counted`, counted as the sentences go (linear)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        paragraph += text.count("\n\n", counted, start)
        counted = start
        kind = "heading" if start in heading_starts else ("lead" if paragraph == 0 else "body")
        if credits_start is not None and start >= credits_start:
            kind = "credit"
        out.append(Sentence(start=start, end=end, paragraph=paragraph, kind=kind))
    return _split_dateline(out, article.scratch.get("dateline"), article.scratch.get("lead_start"), text)


def _split_dateline(sentences: list[Sentence], dateline: dict | None, lead_start: int | None,
                    text: str) -> list[Sentence]:
    """The head matter the reader kept above the lead (timestamps, standfirst, photo captions) as kind
    "caption", and its dateline (`JAKARTA, KOMPAS.com -`) as a sentence of its own, kind "dateline"."""
    if not dateline and not lead_start:
        return sentences
    d_start, d_end = dateline["span"] if dateline else (-1, -1)
    out: list[Sentence] = []
    head_end = lead_start - 2 if lead_start else -1  # paragraphs before the lead's
    lead = text.count("\n\n", 0, lead_start or 0)  # the lead's paragraph (the dateline's)
    for s in sentences:
        if s.end <= head_end:
            out.append(Sentence(start=s.start, end=s.end, paragraph=s.paragraph, kind="caption"))
            continue
        if s.paragraph == lead and s.kind == "body":
            s = Sentence(start=s.start, end=s.end, paragraph=s.paragraph, kind="lead")
        if s.start <= d_start < s.end or d_start <= s.start < d_end:
            if s.start < d_start:
                out.append(Sentence(start=s.start, end=d_start, paragraph=s.paragraph, kind=s.kind))
            out.append(Sentence(start=d_start, end=d_end, paragraph=s.paragraph, kind="dateline"))
            rest = d_end
            while rest < s.end and text[rest].isspace():
                rest += 1
            if rest < s.end:
                out.append(Sentence(start=rest, end=s.end, paragraph=s.paragraph, kind=s.kind))
            d_start = d_end = -1  # done
        else:
            out.append(s)
    return out


@component("sentences", requires=["text"], assigns=["sentences", "tokens"])
def make_sentences(options: Options):
    """Split the text into sentences and tokens (spaCy `id` tokenizer, paragraph-aware)."""

    def run(article: Article) -> Article:
        doc = make_doc(article.text)
        article.scratch["doc"] = doc
        article.sentences = sentences_of(doc, article)
        return article

    return run
