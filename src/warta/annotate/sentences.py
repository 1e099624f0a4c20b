"""Sentences and tokens: spaCy's Indonesian tokenizer with paragraph-aware sentence splitting.

A paragraph always starts a sentence (the headline and byline are not in the
text, so they never merge into the lead); inside a paragraph sentences end at
. ! ? (with closing quotes), never at a listed abbreviation.  The spaCy `Doc`
is left in `article.scratch["doc"]` for later components.
"""

from __future__ import annotations

from spacy.tokens import Doc

from warta.lang.id.tokenize import make_doc, sentence_spans, tokenizer_nlp  # noqa: F401  (re-exported)
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Sentence


def sentences_of(doc: Doc, article: Article) -> list[Sentence]:
    text = article.text  # the text `doc` was made from (spaCy's tokens keep every character)
    heading_starts = {s.start for s in article.sections}
    credits_start = article.scratch.get("credits_start")
    out: list[Sentence] = []
    paragraph, counted = 0, 0  # paragraph breaks before `counted`, counted as the sentences go (linear)
    for start, end in sentence_spans(doc):
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
