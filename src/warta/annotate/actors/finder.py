"""The span finder's state and the look-ups its rules share (tokens, taken spans, modifiers, names)."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from itertools import compress
from dataclasses import dataclass, field

from warta.knowledge.actor_tables import Institution, country_table, institution_table
from warta.lang.id.phrase_table import Table, tokenize
from warta.lang.id.titles import group_table, not_names, particles, title_table
from warta.limits import Cover
from warta.record import Article


def region_name(text: str, name: str, at: int = -1) -> bool:
    """`name` is a place: a gazetteer knows it, or the article writes it after a place word
    (`Kabupaten Lampung Tengah`) somewhere other than at offset `at` (where `Wali Kota` stands)."""
    from warta.knowledge import gazetteer as places
    from warta.lang.id.name_rules import rules as entity_rules

    if places.resolve(name) is not None:
        return True
    first = re.match(r"\w+", name)
    if first is None:
        cues = entity_rules()["place_cue_alt"]
        return any(m.start(1) != at for m in re.finditer(rf"{cues}\s+({re.escape(name)})(?!\w)", text))
    end_ok = re.compile(r"(?!\w)")
    return any(p != at and text.startswith(name, p) and end_ok.match(text, p + len(name))
               for p in _after_place_cues(text).get(first.group(), ()))


@functools.lru_cache(maxsize=4)
def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word (a maximal run of word characters) of `text` starts, in order."""
    out: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        out.setdefault(m.group(), []).append(m.start())
    return out


#: where a whole word may not go on (`(?!\w)`), or did not start (`(?<!\w)`, asked one character before)
_NO_WORD = re.compile(r"(?!\w)")
#: up to this many names asked about in one text, `str.find` finds each faster than a word index of the text
FIND_NAMES = 16


def occurrences(text: str, name: str, indexed: bool = True) -> list[int]:
    r"""Starts of `name` written as a whole word in `text` (`(?<!\w)name(?!\w)`): through the word index (one
    scan of the text however many names are asked about), or with `indexed=False` by `str.find`."""
    first = re.match(r"\w+", name)
    if first is None:
        return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
    if indexed:
        return [p for p in word_starts(text).get(first.group(), ())
                if text.startswith(name, p) and _NO_WORD.match(text, p + len(name))]
    out = []
    p = text.find(name)
    while p >= 0:
        # a word starts at p (the name opens with a word character) and ends with the name
        if (p == 0 or _NO_WORD.match(text, p - 1)) and _NO_WORD.match(text, p + len(name)):
            out.append(p)
        p = text.find(name, p + 1)
    return out


@functools.lru_cache(maxsize=4)
def _after_place_cues(text: str) -> dict[str, list[int]]:
    """Where a word follows a place word (`Kabupaten Lampung`), by that word: found once per article
    instead of one scan of the whole text per name asked about."""
    from warta.lang.id.name_rules import rules as entity_rules

    out: dict[str, list[int]] = {}
    for m in re.finditer(rf"{entity_rules()['place_cue_alt']}\s+(?=(\w+))", text):
        out.setdefault(m.group(1), []).append(m.start(1))
    return out


class Overlaps:
    """Spans sorted by start with the furthest end so far: whether any overlaps a span, or holds an
    offset inside it, by bisection (scanning every entity for every token made actors quadratic)."""

    def __init__(self, spans):
        self.starts: list[int] = []
        self.reach: list[int] = []
        for start, end in sorted((s.start, s.end) for s in spans):
            self.starts.append(start)
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has s.start < end and s.end > start."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start

    def inside(self, offset: int) -> bool:
        """Some span has s.start < offset < s.end."""
        i = bisect.bisect_left(self.starts, offset)
        return i > 0 and self.reach[i - 1] > offset


def _place_starts(entities) -> dict:
    """The first place entity (LOC/GPE) at each start offset."""
    out: dict = {}
    for e in entities:
        if e.label.upper() in ("LOC", "GPE"):
            out.setdefault(e.start, e)
    return out


@dataclass
class Found:
    """A span a rule found, with what the rule knows about its actor."""

    start: int
    end: int
    label: str
    rule: str
    key: tuple | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None


@dataclass
class Phrase:
    """A stretch of text naming an actor beyond its entity (`Presiden Rusia Vladimir Putin`, `pejabat AS`)."""

    start: int
    end: int
    key: tuple
    name: str
    type: str
    country: str | None
    sector: str | None
    roles: list[str]
    rule: str


class FinderBase:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.tokens = tokenize(self.text)
        self._texts: list[str] | None = None  # the tokens' texts, once
        self._starts: list[int] | None = None  # the tokens' starts, once
        self._names: dict[int, int] = {}  # name_at by token index (it reads only the tokens and the tables)
        self._folded: list[str] | None = None  # the tokens case-folded, once
        self._opens: dict[Table, list[bool]] = {}  # per phrase table (held by the finder): which tokens open a phrase
        self._openers: dict[Table, list[int]] = {}  # per phrase table: the indices of the tokens that may open one
        self.found: list[Found] = []
        self.phrases: list[Phrase] = []
        self.aliases: dict[str, tuple] = {}  # acronym → key of its long form
        self.taken = Cover(len(self.text))  # (start, end) pairs; `free` is linear in the span, not the list
        self.fired: Counter[str] = Counter()  # named rules that extended a title chain (for tests and tracing)
        self._indexes: dict[object, tuple[tuple[int, int], object]] = {}  # what the entity indexes were built from
        self._phrase_cover: tuple[Cover, int] = (Cover(len(self.text)), 0)  # phrases' characters, phrases covered
        self._org_starts: tuple[dict[int, Found], int] = ({}, 0)  # first ORG found at each start, spans read

    def match_at(self, table: Table, i: int) -> tuple[int, object] | None:
        """`table.match(self.tokens, i)`, without a look at the tokens that open none of its phrases (most)
        where the table's flags were built (`opens`; `Table.match` itself looks at the first word first)."""
        flags = self._opens.get(table)
        if flags is not None and 0 <= i < len(flags) and not flags[i]:
            return None
        return table.match(self.tokens, i)

    def opens(self, table: Table) -> list[bool]:
        """Whether each token may open a phrase of `table` (its first word, case-folded where the table is)."""
        got = self._opens.get(table)
        if got is None:
            if self._folded is None and table.fold:
                self._folded = list(map(str.casefold, self.texts()))
            keys = self._folded if table.fold else self.texts()
            got = self._opens[table] = list(map(table.lengths.__contains__, keys))
        return got

    def texts(self) -> list[str]:
        """The tokens' texts (`[t.text for t in self.tokens]`), once."""
        if self._texts is None:
            self._texts = [t.text for t in self.tokens]
        return self._texts

    def openers(self, table: Table) -> list[int]:
        """The indices of the tokens that may open a phrase of `table` (where `opens` is true), in order: a
        rule that walks the tokens looking for its table's phrases visits these, not every token."""
        got = self._openers.get(table)
        if got is None:
            got = self._openers[table] = list(compress(range(len(self.tokens)), self.opens(table)))
        return got

    def tokens_among(self, words) -> list[int]:
        """The indices of the tokens whose text is in `words` (a set or dict), in order."""
        return list(compress(range(len(self.tokens)), map(words.__contains__, self.texts())))

    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def _indexed(self, kind: object, build):
        """`build(entities)`, rebuilt only when the article's entity list is replaced or grows."""
        ents = self.article.entities
        stamp = (id(ents), len(ents))
        if kind not in self._indexes or self._indexes[kind][0] != stamp:
            self._indexes[kind] = (stamp, build(ents))
        return self._indexes[kind][1]

    def _entity_index(self, model_only: bool = False) -> Overlaps:
        """The article's entities (without the gazetteer's, with `model_only`) as an overlap index."""
        return self._indexed(model_only, lambda ents: Overlaps(
            [e for e in ents if not (model_only and e.rule.startswith("gazetteer"))]))

    def inside_entity(self, offset: int) -> bool:
        """Offset lies inside a name that began earlier (`Serikat` in `Amerika Serikat`)."""
        return self._entity_index().inside(offset)

    def phrase_free(self, start: int, end: int) -> bool:
        """No phrase found so far overlaps start..end (`all(end <= p.start or start >= p.end for p in
        self.phrases)`), on a cover of the phrases' characters brought up to date with the list."""
        cover, seen = self._phrase_cover
        if seen > len(self.phrases):  # (the list only grows while spans are found; rebuilt if not)
            cover, seen = Cover(len(self.text)), 0
        for p in self.phrases[seen:]:
            cover.append((p.start, p.end))
        self._phrase_cover = (cover, len(self.phrases))
        return cover.free(start, end)

    def entity_free(self, start: int, end: int, *, model_only: bool = False) -> bool:
        return not self._entity_index(model_only).overlaps(start, end)

    def add(self, f: Found) -> None:
        self.found.append(f)
        self.taken.append((f.start, f.end))

    def tok_index(self, offset: int) -> int:
        """The first token that starts at or after `offset` (bisection over the tokens' starts, found once)."""
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return bisect.bisect_left(self._starts, offset)

    def span_ok(self, i: int, n: int) -> bool:
        """Tokens i..i+n-1 sit in one paragraph with only spaces between them (no token holds a line break:
        one look at the text between the first and the last, where both are in the list)."""
        if 0 <= i and i + n <= len(self.tokens):
            return n < 2 or self.text.find("\n", self.tokens[i].end, self.tokens[i + n - 1].start) < 0
        for k in range(i, i + n - 1):
            gap = self.text[self.tokens[k].end:self.tokens[k + 1].start]
            if "\n" in gap:
                return False
        return True

    def modifier_at(self, i: int) -> tuple[int, str | None, str | None, str | None] | None:
        """A country, capital or institution at token i: (length, country, sector, name)."""
        m = self.match_at(institution_table(), i)
        if m and self.span_ok(i, m[0]):
            inst: Institution = m[1]  # type: ignore[assignment]
            own = self.country_after(i + m[0])
            if own:  # `Kementerian Luar Negeri Iran` is Iran's ministry, not Indonesia's
                return m[0] + own[0], own[1], inst.sector, None
            return m[0], inst.country, inst.sector, inst.name
        m = self.match_at(country_table(), i)
        if m and self.span_ok(i, m[0]):
            kind, code = m[1]  # type: ignore[misc]
            return m[0], code, "GOV" if kind == "capital" else None, None
        f = self.org_found_at(self.tokens[i].start)
        if f is not None:
            j = self.tok_index(f.end)
            return j - i, f.country, f.sector, None
        return None

    def org_found_at(self, start: int) -> Found | None:
        """The first ORG span found at `start` (`next(f for f in self.found if f.start == start and f.label ==
        "ORG")`), from an index brought up to date with the list of spans found, which only grows."""
        starts, seen = self._org_starts
        if seen > len(self.found):
            starts, seen = {}, 0
        for f in self.found[seen:]:
            if f.label == "ORG":
                starts.setdefault(f.start, f)
        self._org_starts = (starts, len(self.found))
        return starts.get(start)

    def place_entity_at(self, j: int) -> int:
        """Length in tokens of a place entity (LOC/GPE) starting at token j, else 0."""
        places: dict = self._indexed("places", _place_starts)
        e = places.get(self.tokens[j].start)
        return max(0, self.tok_index(e.end) - j) if e is not None else 0

    def home_region_at(self, j: int) -> tuple[int, str] | None:
        """A curated region (a province, regency or city of places.yaml) at token j, in the same paragraph as
        token j-1: (length in tokens, its country)."""
        from warta.knowledge import gazetteer as places
        for n in (4, 3, 2, 1):
            if j + n <= len(self.tokens) and self.span_ok(j - 1, n + 1) and all(t.cap for t in self.tokens[j:j + n]):
                info = places.curated().get(places.key(" ".join(t.text for t in self.tokens[j:j + n])))
                if info is not None and info.country:
                    return n, info.country
        return None

    def country_after(self, j: int) -> tuple[int, str] | None:
        """A country name right at token j, in the same paragraph as token j-1: (length, code)."""
        if j >= len(self.tokens) or not self.span_ok(j - 1, 2):
            return None
        m = self.match_at(country_table(), j)
        if m and m[1][0] == "country" and self.span_ok(j, m[0]):  # type: ignore[index]
            return m[0], m[1][1]  # type: ignore[index]
        return None

    def is_name_token(self, i: int) -> bool:
        t = self.tokens[i]
        if not t.cap or not t.text[0].isalpha() or t.text in not_names():
            return False
        if self.match_at(title_table(), i) or self.match_at(country_table(), i):
            return False
        if self.match_at(institution_table(), i) or self.match_at(group_table(), i):
            return False
        return True

    def name_at(self, i: int) -> int:
        """Length of a capitalised personal name starting at token i (0 if none); found once per token."""
        got = self._names.get(i)
        if got is None:
            got = self._names[i] = self._name_at(i)
        return got

    def _name_at(self, i: int) -> int:
        n = 0
        while i + n < len(self.tokens) and n < 5:
            t = self.tokens[i + n]
            if n and "\n" in self.text[self.tokens[i + n - 1].end:t.start]:
                break
            if self.is_name_token(i + n) and t.text.upper() != t.text or (
                    self.is_name_token(i + n) and len(t.text) <= 3 and n):
                n += 1
            elif n and t.text in particles() and i + n + 1 < len(self.tokens) and self.tokens[i + n + 1].cap:
                n += 1
            else:
                break
        while n and self.tokens[i + n - 1].text in particles():
            n -= 1
        return n
