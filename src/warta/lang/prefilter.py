"""Many regular expressions over one text, each giving exactly what its `finditer` gives, faster.

Python's `re` tries a pattern that opens with an optional group, a `\\b` or a case-insensitive word at every
position of the text (~40-120 ns a character and pattern); the date grammar's 29 patterns spent ~2.7 ms on
an article of 2,000 characters that way.  `PatternSet` reads, once, which strings of up to `DEPTH`
characters each pattern's matches can begin with (from the parsed pattern: every way through it, with
character classes taken over ASCII), and whether that beginning must follow a `\\b`.  A text is then walked
once (word starts, and where a beginning not behind a `\\b` stands: one pattern of first characters with
look-aheads, which `re` skips to at C speed); each position's next characters
name the patterns that could match there, and only those are tried there, with `pattern.match(text, pos)`,
which sees the same text around `pos` (look-behinds, `\\b`) as `finditer` does.  Going left to right and
going on after each match's end, as `finditer` does, gives the same matches.

Safe by construction: what the analysis cannot read (a back-reference, a pattern that can match the empty
string, a table grown too big) is scanned with `finditer` as before; a non-ASCII character in the first
`DEPTH` characters, or the end of the text, lets every pattern whose prefix fits so far be tried.  The
analysis reads `re`'s own parser (`re._parser`, Python 3.11 on): tests/test_speed_rulesa_prefilter.py
checks the matches against `finditer` on texts built to hit its edges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import re._constants as _C  # noqa: F401  (the parser's op codes)
import re._parser as _parser

from warta.lang.alternation import alternation, phrase_alternation
from warta.lang.text import lowered_in_place

#: characters of a match's beginning read ahead at each position
DEPTH = 3
#: at most this many beginnings per pattern (else fewer characters are read ahead for it)
LIMIT = 20_000
#: at most this many positions' keys are remembered with their patterns (~150 bytes each), then forgotten
KEYS = 50_000
#: characters most often found in a text (spaces, then lowercase letters by their frequency in Indonesian news),
#: tried first where a pattern of first characters (`_starts_pattern`) branches on them
_FREQUENT = " aneiurtksmldgpbhoycjwfvzxq"
#: marks a beginning that follows a `\b` at the match's first position (not an ASCII character)
_MARK = "\uffff"
_ASCII = [chr(i) for i in range(128)]
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_WIDE = re.compile(r"[^\x00-\x7f]")
_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
               _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W"}
_ONE_CHAR = (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


class Unsupported(Exception):
    """A pattern (or a part of one) the analysis does not read: that pattern is scanned as before."""


def _class_text(op, av, flags: int) -> str:
    """One character's class as a regular expression of its own (same flags)."""
    if op is _C.LITERAL:
        body = re.escape(chr(av))
    elif op is _C.NOT_LITERAL:
        body = "[^" + re.escape(chr(av)) + "]"
    elif op is _C.ANY:
        return r"[\s\S]"
    else:
        body = "["
        for o, a in av:
            if o is _C.NEGATE:
                body += "^"
            elif o is _C.LITERAL:
                body += re.escape(chr(a))
            elif o is _C.RANGE:
                body += re.escape(chr(a[0])) + "-" + re.escape(chr(a[1]))
            elif o is _C.CATEGORY and a in _CATEGORIES:
                body += _CATEGORIES[a]
            else:
                raise Unsupported(str(o))
        body += "]"
    return f"(?i:{body})" if flags & re.IGNORECASE else body


class _Reader:
    """The beginnings (strings of at most `depth` ASCII characters; shorter ones end a match) of one pattern."""

    def __init__(self, depth: int, flags: int):
        self.depth = depth
        self.classes: dict[str, frozenset[str]] = {}
        self.wide = {"free": False, "marked": False}  # whether a first character may be outside ASCII
        self.marks = not flags & (re.ASCII | re.LOCALE)  # `\b` as `_WORD` reads it

    def chars(self, op, av, flags: int, first: str | None) -> frozenset[str]:
        text = _class_text(op, av, flags)
        if first and _may_be_wide(op, av, flags):
            self.wide[first] = True
        if text not in self.classes:
            rx = re.compile(text)
            self.classes[text] = frozenset(c for c in _ASCII if rx.match(c))
        return self.classes[text]

    @staticmethod
    def length(s: str) -> int:
        return len(s) - (s[:1] == _MARK)

    def join(self, s: str, t: str) -> str:
        if t[:1] == _MARK:
            return (_MARK + t[1:]) if self.length(s) == 0 else s + t[1:]
        return s + t

    def then(self, acc: set[str], more, room: int) -> set[str]:
        """Every string of `acc` followed by every beginning `more(room left, state)` gives; state: None once
        a character is read, else whether a `\\b` stands before the match's first character."""
        out: set[str] = set()
        for s in acc:
            left = room - self.length(s)
            if left <= 0:
                out.add(s)
                continue
            for t in more(left, None if self.length(s) else "marked" if s else "free"):
                out.add(self.join(s, t))
            if len(out) > LIMIT:
                raise Unsupported("too many beginnings")
        return out

    def seq(self, items, flags: int, room: int, first: str | None) -> set[str]:
        acc = {""}
        for op, av in items:
            if all(self.length(s) >= room for s in acc):
                break
            acc = self.then(acc, lambda left, f, op=op, av=av: self.item(op, av, flags, left, _state(first, f)), room)
        return acc

    def item(self, op, av, flags: int, room: int, first: str | None) -> set[str]:
        if op in _ONE_CHAR:
            return set(self.chars(op, av, flags, first))
        if op is _C.AT:
            return {_MARK} if first and self.marks and av is _C.AT_BOUNDARY else {""}
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            return {""}
        if op is _C.SUBPATTERN:
            _group, add, delete, sub = av
            return self.seq(sub.data, (flags | add) & ~delete, room, first)
        if op is _C.ATOMIC_GROUP:
            return self.seq(av.data, flags, room, first)
        if op is _C.BRANCH:
            return set().union(*(self.seq(alt.data, flags, room, first) for alt in av[1]))
        if op in _REPEATS:
            return self.repeat(*av, flags, room, first)
        raise Unsupported(str(op))

    def repeat(self, low: int, high: int, sub, flags: int, room: int, first: str | None) -> set[str]:
        """`sub` `low` to `high` times; more than `low + room` times begins no other way."""
        out: set[str] = set()
        acc = {""}
        count = 0
        while True:
            if count >= low:
                out |= acc
            if all(self.length(s) >= room for s in acc):
                return out | acc  # every way is read as far as needed, whether `low` is reached or not
            if count >= high or count >= low + room:
                return out
            acc = self.then(acc, lambda left, f: self.seq(sub.data, flags, left, _state(first, f)), room)
            count += 1


def _state(outer: str | None, inner: str | None) -> str | None:
    if outer is None or inner is None:
        return None
    return "marked" if "marked" in (outer, inner) else "free"


def _may_be_wide(op, av, flags: int) -> bool:
    """Whether a one-character class may match a character outside ASCII (erring towards yes)."""
    if op is _C.LITERAL:
        return av > 127 or bool(flags & re.IGNORECASE and chr(av).isalpha())
    if op is not _C.IN:
        return True
    for o, a in av:
        if o is _C.LITERAL and not (a > 127 or flags & re.IGNORECASE and chr(a).isalpha()):
            continue
        if o is _C.RANGE and a[1] < 128 and not (flags & re.IGNORECASE and any(
                chr(c).isalpha() for c in range(a[0], a[1] + 1))):
            continue
        return True
    return False


def _analyse(pattern: re.Pattern, depth: int) -> tuple[set[str], set[str], dict[str, bool]]:
    """(beginnings after a `\\b`, other beginnings, whether a first character may be outside ASCII)."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    reader = _Reader(depth, parsed.state.flags)
    found = reader.seq(parsed.data, parsed.state.flags, depth, "free")
    if "" in found or _MARK in found:
        raise Unsupported("matches the empty string")
    marked = {s[1:] for s in found if s[:1] == _MARK}
    return marked, {s for s in found if s[:1] != _MARK}, reader.wide


def _prefixes(strings: set[str]) -> frozenset[str]:
    return frozenset(s[:j] for s in strings for j in range(1, len(s) + 1))


class _Plan:
    """What one pattern's matches can begin with."""

    __slots__ = ("depth", "marked", "free", "wide", "_prefixes")

    def __init__(self, depth: int, marked: set[str], free: set[str], wide: dict[str, bool]):
        self.depth, self.wide = depth, wide
        self.marked, self.free = frozenset(marked), frozenset(free)
        self._prefixes: tuple[frozenset[str], frozenset[str]] | None = None  # built when first needed

    def __getstate__(self):
        return (self.depth, self.marked, self.free, self.wide)

    def __setstate__(self, state):
        self.__init__(*state)

    def may_start(self, ahead: str, boundary: bool) -> bool:
        """Whether a match can begin with `ahead` (the text from the position on, cut at `DEPTH` characters
        or at its first non-ASCII one); `boundary`: whether `\\b` holds at the position."""
        if not ahead:  # a character outside ASCII
            return self.wide["free"] or (boundary and self.wide["marked"])
        ahead = ahead[:self.depth]
        if any(ahead[:j] in self.free or boundary and ahead[:j] in self.marked for j in range(1, len(ahead) + 1)):
            return True
        if len(ahead) == self.depth:
            return False
        # the text goes on with a character not read (outside ASCII) or ends: a beginning it starts may fit
        if self._prefixes is None:
            self._prefixes = (_prefixes(self.free), _prefixes(self.marked))
        return ahead in self._prefixes[0] or boundary and ahead in self._prefixes[1]


def _starts_pattern(beginnings: set[str]) -> re.Pattern | None:
    """Where one of `beginnings` (ASCII strings) begins, or a prefix of one before a character outside ASCII or
    the text's end.  Each first character, then a look-ahead: `re` skips to those characters at C speed."""
    by_first: dict[str, set[str]] = {}
    for s in beginnings:
        by_first.setdefault(s[0], set()).add(s[1:])
    parts = []
    # `re` tries the branches in turn at each character of the set: the frequent first characters first (the
    # branches begin with distinct characters, so their order changes no match)
    for first, rests in sorted(by_first.items(), key=lambda item: (_FREQUENT.find(item[0]) % 1000, item[0])):
        if "" in rests:
            parts.append(re.escape(first))
            continue
        shorter = {r[:j] for r in rests for j in range(len(r))}
        parts.append(f"{re.escape(first)}(?=(?:{alternation(rests, ignore_case=False)})|"
                     f"(?:{alternation(shorter, ignore_case=False)})(?![\\x00-\\x7f]))")
    return re.compile("|".join(parts)) if parts else None


#: the last text whose word starts were read, and those starts: every set scans an article's text in turn
_last_words: tuple[str, list[int]] = ("", [])


def word_starts(text: str) -> list[int]:
    """Where each run of word characters begins in `text` (read once for the text the sets scan in turn; the
    list is shared: never change it)."""
    global _last_words
    last = _last_words
    if last[0] is text or last[0] == text:
        return last[1]
    starts = [m.start() for m in _WORDS.finditer(text)]
    _last_words = (text, starts)
    return starts


class PatternSet:
    """`patterns` read once; `matches(text)` is `[list(p.finditer(text)) for p in patterns]`."""

    def __init__(self, patterns: Sequence[re.Pattern], depth: int = DEPTH):
        self.patterns = list(patterns)
        self.plans: list[_Plan | None] = []
        starts: set[str] = set()
        self.wide = self.words = False
        for pattern in self.patterns:
            self.plans.append(self._plan(pattern, depth, starts))
        self.depth = max((p.depth for p in self.plans if p), default=1)
        # where a match may begin other than at a word start: the beginnings not behind a `\b`
        self.starts = _starts_pattern(starts)
        self._which: dict[str, tuple[int, ...]] = {}
        self._index: dict[str, list[tuple[int, bool]]] | None = None

    def _plan(self, pattern: re.Pattern, depth: int, starts: set[str]) -> _Plan | None:
        for d in range(depth, 0, -1):
            try:
                marked, free, wide = _analyse(pattern, d)
            except Unsupported as why:
                if str(why) == "too many beginnings":
                    continue
                return None
            starts.update(free)
            starts.update(s for s in marked if not _WORD.match(s[0]))  # `\b` before a non-word character
            self.words = self.words or any(_WORD.match(s[0]) for s in marked)
            self.wide = self.wide or wide["free"] or wide["marked"]
            return _Plan(d, marked, free, wide)
        return None

    def __getstate__(self):
        return {"patterns": self.patterns, "plans": self.plans, "depth": self.depth, "starts": self.starts,
                "wide": self.wide, "words": self.words}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._which, self._index = {}, None

    def positions(self, text: str) -> list[int]:
        """Every position where some pattern may begin: word starts, where `starts` finds a beginning, and
        (`wide`) every character outside ASCII."""
        found = word_starts(text) if self.words else []
        more = [m.start() for m in self.starts.finditer(text)] if self.starts is not None else []
        if self.wide and not text.isascii():
            more.extend(m.start() for m in _WIDE.finditer(text))
        return sorted(set(found).union(more)) if more else found

    def which(self, key: str) -> tuple[int, ...]:
        """The patterns that may begin at a position, from `key`: the character before it (a space at the
        text's start) and the `depth` characters from it."""
        ahead = key[1:]
        boundary = bool(_WORD.match(key[0])) != bool(_WORD.match(ahead[:1]))
        if len(ahead) == self.depth and ahead.isascii():  # (most positions) through the index of beginnings
            if self._index is None:
                self._index = self._beginnings()
            found = {i for j in range(1, self.depth + 1) for i, marked in self._index.get(ahead[:j], ())
                     if boundary or not marked}
            return tuple(sorted(found))
        cut = next((i for i, c in enumerate(ahead) if not c.isascii()), len(ahead))
        return tuple(i for i, plan in enumerate(self.plans)
                     if plan is not None and plan.may_start(ahead[:cut], boundary))

    def _beginnings(self) -> dict[str, list[tuple[int, bool]]]:
        """Each beginning of any pattern -> (pattern, whether only after a `\\b`)."""
        index: dict[str, list[tuple[int, bool]]] = {}
        for i, plan in enumerate(self.plans):
            if plan is not None:
                for s in plan.free:
                    index.setdefault(s, []).append((i, False))
                for s in plan.marked:
                    index.setdefault(s, []).append((i, True))
        return index

    def matches(self, text: str) -> list[list[re.Match]]:
        tried: list[list[int]] = [[] for _ in self.patterns]
        which, depth = self._which, self.depth
        if len(which) > KEYS:
            which.clear()
        for pos in self.positions(text):
            key = text[pos - 1:pos + depth] if pos else " " + text[:depth]
            found = which.get(key)
            if found is None:
                found = which[key] = self.which(key)
            for i in found:
                tried[i].append(pos)
        return [self._scan(i, text, tried[i]) if tried[i] or self.plans[i] is None else []
                for i in range(len(self.patterns))]

    def _scan(self, i: int, text: str, positions: list[int]) -> list[re.Match]:
        pattern = self.patterns[i]
        if self.plans[i] is None:
            return list(pattern.finditer(text))
        out, end = [], 0
        match = pattern.match
        for pos in positions:
            if pos >= end:
                m = match(text, pos)
                if m is not None:
                    out.append(m)
                    end = m.end()
        return out


def led_matches(pattern: re.Pattern, lead: re.Pattern, text: str, scanned: str | None = None) -> list[re.Match]:
    """`list(pattern.finditer(text))`, where every match of `pattern` is a match of `lead` at the same place in
    `scanned` (default: `text`; else a text of the same length), and `lead` opens with characters `re` skips to
    at C speed: `lead` is searched, `pattern` tried only where it matches, left to right from the end of the
    last match as `finditer` goes, so the matches are the same.  (`pattern` must not match the empty string.)"""
    out, pos, search, match = [], 0, lead.search, pattern.match
    scanned = text if scanned is None else scanned
    while (found := search(scanned, pos)) is not None:
        m = match(text, found.start())
        if m is None:
            pos = found.start() + 1
        else:
            out.append(m)
            pos = max(m.end(), found.start() + 1)
    return out


class PhraseScan:
    """`pattern.finditer(text)` (as a list) for `pattern` = `(?<!\\w)(phrase_alternation(phrases))(?!\\w)` under
    IGNORECASE (ASCII phrases), faster: `re` cannot skip ahead to where such a pattern may match, and tries it
    at every character.  `fast`, the lowercased phrases followed by `(?!\\w)`, case-sensitive and without the
    look-behind, begins with its phrases' first characters, which `re` skips to at C speed; it is searched in
    the lowercased text (`lowered_in_place`: same offsets and word characters), and `pattern` is tried where
    it matches.  Every match of `pattern` begins where `fast` matches (the phrase lowercased, then no word
    character), and `pattern` is tried left to right from the end of its last match, as `finditer` does, so
    the matches are the same.  A text that cannot be lowered in place, or a phrase outside ASCII, is scanned
    with `finditer`."""

    def __init__(self, pattern: re.Pattern, phrases: Sequence[str]):
        self.pattern = pattern
        self.fast = _lowered_lead(phrases)
        self.phrases = list(phrases)

    def finditer(self, text: str) -> list[re.Match]:
        low = lowered_in_place(text) if self.fast is not None else None
        if low is None:
            return list(self.pattern.finditer(text))
        return led_matches(self.pattern, self.fast, text, low)


def _lowered_lead(phrases: Sequence[str]) -> re.Pattern | None:
    """The lowercased `phrases` then no word character, case-sensitive (None for an empty list or a phrase
    outside ASCII)."""
    lowered = [p.lower() for p in phrases]
    if not lowered or not all(p.isascii() and p.strip() for p in lowered):
        return None
    return re.compile("(?:" + phrase_alternation(lowered) + r")(?!\w)")


class PhraseSet:
    """`[scan.finditer(text) for scan in scans]` for several PhraseScans, in one search of the lowercased text:
    `fast` is every scan's phrases lowercased (so it matches wherever any of them does), and each scan's pattern
    is tried where `fast` matches, left to right and not before the end of its own last match, as its
    `finditer` goes."""

    def __init__(self, scans: Sequence[PhraseScan]):
        self.scans = list(scans)
        self.fast = _lowered_lead([p for scan in self.scans for p in scan.phrases]) \
            if all(scan.fast is not None for scan in self.scans) else None

    def finditer(self, text: str) -> list[list[re.Match]]:
        low = lowered_in_place(text) if self.fast is not None else None
        if low is None:
            return [list(scan.pattern.finditer(text)) for scan in self.scans]
        out: list[list[re.Match]] = [[] for _ in self.scans]
        reached = [0] * len(self.scans)
        tries = [scan.pattern.match for scan in self.scans]
        pos, search = 0, self.fast.search
        while (found := search(low, pos)) is not None:
            pos = found.start()
            for i, match in enumerate(tries):
                if pos >= reached[i] and (m := match(text, pos)) is not None:
                    out[i].append(m)
                    reached[i] = m.end()
            pos += 1
        return out

