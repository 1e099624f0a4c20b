"""Countries and capitals found by the gazetteer, merged with the model's spans."""

from __future__ import annotations

import functools
from bisect import bisect_right

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warta.knowledge import countries

from .base import GAZETTEER_RULE
from .outside import place_scan_regex, tokenizer_nlp
from .spanset import Cover
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
    longer: list[tuple[int, int]] | None = None  # the places gazetteer's names in the text, found when first needed
    cover = Cover(out)
    for s in secondary:
        if cover.overlaps(s.start_char, s.end_char):
            continue
        if longer is None:
            longer = [m.span() for m in place_scan_regex().finditer(text)] if text is not None else []
            longer_starts = [a for a, _ in longer]
        whole = _holding(longer, longer_starts, s.start_char, s.end_char)
        if whole and cover.overlaps(whole[0], whole[1]):
            whole = None
        found = (whole[0], whole[1], "LOC", "gazetteer:places") if whole \
            else (s.start_char, s.end_char, s.label_, GAZETTEER_RULE)
        out.append(found)
        cover.add(found[0], found[1])
    out.sort()
    return out


def _holding(longer: list[tuple[int, int]], starts: list[int], a: int, b: int) -> tuple[int, int] | None:
    """The first of `longer` (matches of one pattern, so in order and never overlapping) that holds [a, b)
    and is longer: only the last one that starts at or before `a` can."""
    if a >= b:  # (never: a gazetteer span has a word) -- read them all
        return next(((x, y) for x, y in longer if x <= a and b <= y and y - x > b - a), None)
    i = bisect_right(starts, a) - 1
    if i >= 0 and b <= longer[i][1] and longer[i][1] - longer[i][0] > b - a:
        return longer[i]
    return None
