"""Countries and capitals found by the gazetteer, merged with the model's spans."""

from __future__ import annotations

import functools

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warta.knowledge import countries

from .base import GAZETTEER_RULE
from .outside import place_scan_regex, tokenizer_nlp
from .words import gazetteer_capitals


@functools.cache
def country_matcher(vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = list(countries.surface_names()) + [c for c in countries.capital_names_as_written()] \
        + sorted(gazetteer_capitals())
    patterns = [tokenizer_nlp().make_doc(n) for n in sorted(set(names)) if n]
    matcher.add("LOC", patterns)
    return matcher


def gazetteer_spans(doc: Doc) -> list[Span]:
    matcher = country_matcher(doc.vocab)
    spans = [Span(doc, start, end, label="LOC") for _id, start, end in matcher(doc)]
    # longest first, no overlaps
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    taken: set[int] = set()
    for s in spans:
        if taken.isdisjoint(range(s.start, s.end)):
            kept.append(s)
            taken.update(range(s.start, s.end))
    return kept


def merge(primary: list[tuple[int, int, str, str]], secondary: list[Span],
          text: str | None = None) -> list[tuple[int, int, str, str]]:
    """Model spans, then gazetteer spans that overlap none of them, in text order (character offsets).
    A country inside a longer place name the places gazetteer knows (`China` in `Laut China
    Selatan`) gives way to that whole name."""
    out = list(primary)
    longer: list[tuple[int, int]] = []
    if text is not None:
        longer = [m.span() for m in place_scan_regex().finditer(text)]
    for s in secondary:
        if any(s.start_char < end and start < s.end_char for start, end, _, _ in out):
            continue
        whole = next(((a, b) for a, b in longer if a <= s.start_char and s.end_char <= b and b - a > s.end_char - s.start_char
                      and not any(a < end and start < b for start, end, _, _ in out)), None)
        if whole:
            out.append((whole[0], whole[1], "LOC", "gazetteer:places"))
        else:
            out.append((s.start_char, s.end_char, s.label_, GAZETTEER_RULE))
    out.sort()
    return out
