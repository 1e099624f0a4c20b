"""Where words stand in an article's text, found once per text, so that the passes that look for a name
everywhere in the article (`Persebaya` again, `Liang` before `Weidong`, a name after `kabupaten`) read only
the places where that name can stand, instead of searching the whole text once per name (which made long
articles quadratic).  Each look-up answers exactly what the whole-text pattern it replaces answered; the
pattern is named beside it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from warta import lexicons
from warta.lang.alternation import alternation
from warta.lang.id.name_rules import long_institution_names, rules

_RUN = re.compile(r"\w+")
_CAPITAL_RUN = re.compile(r"\b[A-Z]\w*")  # a run that opens with an ASCII capital (`\b`: where a run starts)
_WORD_CHAR = re.compile(r"\w")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class TextIndex:
    """The runs of word characters of one text, by run (`\\w+`), and the places after a place cue.

    The runs that open with a capital (the names the passes ask for, a sixth of the words) are indexed at once;
    all runs (`runs`) only when a look-up needs another one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.capital_runs: dict[str, list[int]] = {}
        for m in _CAPITAL_RUN.finditer(text):
            self.capital_runs.setdefault(m.group(), []).append(m.start())
        self._runs: dict[str, list[int]] | None = None
        self._newlines: list[int] | None = None
        self._lines: dict[int, str] = {}
        self._after_cue: dict[int, frozenset[str]] = {}
        self._cue_starts: list[int] | None = None
        self._club_ends: set[int] | None = None
        self._kept: dict[str, object] = {}

    @property
    def runs(self) -> dict[str, list[int]]:
        """Every run of word characters → its starts, in order."""
        if self._runs is None:
            self._runs = {}
            for m in _RUN.finditer(self.text):
                self._runs.setdefault(m.group(), []).append(m.start())
        return self._runs

    def run_starts(self, run: str) -> list[int] | tuple:
        """The starts of the run `run` (`self.runs.get(run, ())`), from the capitals' index where it opens with one."""
        return self.capital_runs.get(run, ()) if run[:1] in _CAPITALS else self.runs.get(run, ())

    def held(self, heads: frozenset[str]) -> frozenset[str]:
        """The runs among `heads` that the text holds (`self.runs.keys() & heads`); all runs are indexed only
        for heads that open with no capital, and looked up one by one where they are few."""
        capital, other = _split_heads(heads)
        # (frozenset.intersection(dict) reads the dict's keys, the text's few; `keys() & frozenset` read every head)
        found = capital.intersection(self.capital_runs)
        if len(other) > _FEW:
            return found | other.intersection(self.runs)
        return found | {h for h in other if self.run_starts_of_other(h)}

    def run_starts_of_other(self, run: str) -> list[int]:
        """The starts of `run` (no capital first), by the full index where it is built, else by str.find: a
        place is a run's start where no word character stands on either side."""
        if self._runs is not None:
            return self._runs.get(run, [])
        text, n, out = self.text, len(run), []
        x = text.find(run)
        while x >= 0:
            if not (x and _WORD_CHAR.match(text, x - 1)) and not _WORD_CHAR.match(text, x + n):
                out.append(x)
            x = text.find(run, x + 1)
        return out

    def kept(self, name: str, build):
        """`build(text)`, built once per text and kept under `name` (for what several passes read)."""
        if name not in self._kept:
            self._kept[name] = build(self.text)
        return self._kept[name]

    def line(self, offset: int) -> tuple[int, str]:
        """(number, text) of the line that holds `offset`, stripped: read once per line."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect_left(self._newlines, offset)  # the first line break at or after offset ends the line
        if i not in self._lines:
            a = self._newlines[i - 1] + 1 if i else 0
            b = self._newlines[i] if i < len(self._newlines) else len(self.text)
            self._lines[i] = self.text[a:b].strip()
        return i, self._lines[i]

    def starts(self, name: str, before: re.Pattern, after: re.Pattern) -> list[int] | None:
        """Every start (overlapping ones too, in order) of `(?<!before)name(?!after)`, where `before` and
        `after` are one-character classes that hold `\\w`; None when `name` opens with no word character
        (the caller then searches the text).  A match opens a run of word characters, and that run is
        the name's first run (the name goes on with no word character after it, or ends where the text
        has none), so only that run's places are read."""
        head = _RUN.match(name)
        if head is None:
            return None
        text, n = self.text, len(name)
        return [x for x in self.run_starts(head.group())
                if text.startswith(name, x) and not (x and before.match(text, x - 1)) and not after.match(text, x + n)]

    def cue_starts(self) -> list[int]:
        """Sorted places where a name can stand after a place cue: `{place_cue_alt}\\s+` ends there (a cue,
        any case, anywhere, then white space up to a character that is none)."""
        if self._cue_starts is None:
            self._cue_starts = _cue_starts(self.text)
        return self._cue_starts

    def after_cue(self, name: str) -> bool:
        """re.search(rf"{place_cue_alt}\\s+{re.escape(name)}(?!\\w)", text) is not None."""
        if not name or name[0].isspace():
            return re.search(rf"{rules()['place_cue_alt']}\s+{re.escape(name)}(?!\w)", self.text) is not None
        n = len(name)
        if n not in self._after_cue:
            text = self.text
            self._after_cue[n] = frozenset(text[q:q + n] for q in self.cue_starts()
                                           if not _WORD_CHAR.match(text, q + n))
        return name in self._after_cue[n]

    def before_club(self, name: str) -> bool:
        """re.search(rf"(?<!\\w){re.escape(name)}[ ](?:{clubs})(?!\\w)", text) is not None."""
        if self._club_ends is None:
            self._club_ends = {m.start() for m in _space_before_club().finditer(self.text)}
        head = _RUN.match(name)
        if head is None:
            clubs = "|".join(re.escape(c) for c in rules()["clubs"])
            return re.search(rf"(?<!\w){re.escape(name)}[ ](?:{clubs})(?!\w)", self.text) is not None
        text, n = self.text, len(name)
        # (a run's start has no word character before it: `(?<!\w)` holds)
        return any(x + n in self._club_ends and text.startswith(name, x) for x in self.run_starts(head.group()))

    def word_then(self, word: str, follower: re.Pattern, before: re.Pattern | None = None) -> list[tuple[int, re.Match]]:
        """(start, follower's match) of each match of `(?<!before)word[ ]follower`, as re.finditer finds
        them: left to right, none overlapping the one before.  `word` opens with a word character; `before`
        (default `\\w`) holds `\\w`."""
        text, n = self.text, len(word)
        out: list[tuple[int, re.Match]] = []
        reached = 0
        for x in self.starts(word, before or _WORD_CHAR, _NOTHING) or ():
            if x < reached or not text.startswith(" ", x + n):
                continue
            m = follower.match(text, x + n + 1)
            if m:
                out.append((x, m))
                reached = max(m.end(), x + 1)
        return out

    def matches(self, pattern: re.Pattern, heads: frozenset[str] | None) -> list[re.Match]:
        """list(pattern.finditer(text)) for a pattern that opens with `(?<![\\w-])` and then one of some names,
        each opening with a run of word characters (`heads`: those first runs): a match starts where such
        a run starts, so only those places are tried (left to right, none overlapping the one before, as
        finditer finds them).  With `heads` None the text is searched."""
        if heads is None:
            return list(pattern.finditer(self.text))
        places = sorted(x for head in self.held(heads) for x in self._starts_of_head(head))
        out: list[re.Match] = []
        reached = 0
        for x in places:
            if x >= reached:
                m = pattern.match(self.text, x)
                if m:
                    out.append(m)
                    reached = m.end()
        return out

    def _starts_of_head(self, head: str) -> list[int]:
        """The starts of a head `held` found in the text."""
        if head[:1] in _CAPITALS:
            return self.capital_runs[head]
        return self.run_starts_of_other(head)


_FEW = 8  # heads with no capital first looked up by str.find (more: all runs indexed)


@functools.lru_cache(maxsize=64)
def _split_heads(heads: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """`heads` that open with an ASCII capital, and the others."""
    capital = frozenset(h for h in heads if h[:1] in _CAPITALS)
    return capital, heads - capital


def first_runs(names) -> frozenset[str] | None:
    """The first run of word characters (`\\w+`) of each name, for `TextIndex.matches`; None where a name
    opens with no word character."""
    heads = set()
    for name in names:
        head = _RUN.match(name)
        if head is None:
            return None
        heads.add(head.group())
    return frozenset(heads)


@functools.cache
def institution_heads() -> frozenset[str] | None:
    """The first word runs of the names `institution_rx` looks for (its names of two words or more)."""
    return first_runs(long_institution_names())


@functools.cache
def unit_heads() -> frozenset[str] | None:
    """The first word runs of the units `numbered_units` looks for (entity_rules.yaml `numbered_units`)."""
    return first_runs(lexicons.load("entity_rules").get("numbered_units") or [])


_NOTHING = re.compile(r"(?!)")


@functools.cache
def _space_before_club() -> re.Pattern:
    """A space with a club word after it (each match starts where `(?=[ ](?:{clubs})(?!\\w))` matched, and
    opens with the space, so that `re` looks only at spaces)."""
    # (the club words as a trie: a flat alternation in a look-ahead at every space cost ~0.3 ms an article; the
    # look-ahead holds where any word does, whatever the order the words are tried in)
    return re.compile(rf"[ ](?=(?:{alternation(rules()['clubs'], ignore_case=False)})(?!\w))")


def _cue_starts(text: str) -> list[int]:
    """A cue ends where white space begins (cues end in a letter), so each place is the end of a white
    run whose text before it ends in a cue; the cues are found in the reversed text, each run once."""
    cues = rules()["place_cues"]
    if not cues:
        return []
    rev = text[::-1]
    pattern = _reversed_cues()
    size = len(text)
    out = set()
    for m in pattern.finditer(rev):
        y = size - m.start()  # the white run begins at y in the text
        q = y
        while q < size and text[q].isspace():
            q += 1
        out.add(q)
    return sorted(out)


@functools.cache
def _reversed_cues() -> re.Pattern:
    """`(?i:cue|…)` read backwards, after white space: one zero-width match per place a cue ends before it."""
    alt = "|".join(re.escape(c[::-1]) for c in rules()["place_cues"])
    return re.compile(rf"(?<=\s)(?=(?i:{alt}))")


_last: tuple[str | None, TextIndex | None] = (None, None)


def text_index(text: str) -> TextIndex:
    """The index of `text`, built once for the text the passes are working on (the last one is kept, as one
    tuple replaced at once, so that threads working on other texts never get each other's)."""
    global _last
    kept_text, kept = _last
    if kept_text is text and kept is not None:
        return kept
    index = TextIndex(text)
    _last = (text, index)
    return index

