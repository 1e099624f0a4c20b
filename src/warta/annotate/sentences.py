"""Sentences and tokens: spaCy's Indonesian tokenizer with paragraph-aware sentence splitting.

A paragraph always starts a sentence (the headline and byline are not in the
text, so they never merge into the lead); inside a paragraph sentences end at
. ! ? (with closing quotes), never at a listed abbreviation.  The spaCy `Doc`
is left in `article.scratch["doc"]` for later components.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warta import lexicons
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Sentence


@functools.cache
def tokenizer_nlp() -> Language:
    """A blank Indonesian pipeline with warta's abbreviations and a sentencizer."""
    nlp = spacy.blank("id")
    add_abbreviations(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def add_abbreviations(nlp: Language) -> None:
    for abbr in lexicons.load("abbreviations"):
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])


def mark_paragraphs(doc: Doc) -> Doc:
    """Force a sentence start after every blank line; never start one on whitespace."""
    after_break = True
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
    return doc


def make_doc(text: str) -> Doc:
    nlp = tokenizer_nlp()
    doc = nlp(text)
    return mark_paragraphs(doc)


def sentences_of(doc: Doc, article: Article) -> list[Sentence]:
    text = doc.text
    heading_starts = {s.start for s in article.sections}
    out: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        paragraph = text.count("\n\n", 0, start)
        kind = "heading" if start in heading_starts else ("lead" if paragraph == 0 else "body")
        out.append(Sentence(start=start, end=end, paragraph=paragraph, kind=kind))
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
