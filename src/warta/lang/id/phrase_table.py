"""Word tokens and phrase tables for actor and title phrases.

`tokenize` splits a text into word and punctuation tokens with offsets
(`Ma'ruf`, `Jong-un` stay one token); a `Table` maps token sequences to values,
longest match first, optionally case-folded.  Used by the actors and quotes
components and by the knowledge tables of institutions and countries.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def toks(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Tok]:
    """`[Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]`, the columns read by `map`."""
    ms = list(TOKEN_RE.finditer(text))
    return list(map(Tok, map(re.Match.group, ms), map(re.Match.start, ms), map(re.Match.end, ms)))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name as a look-up key: typographic apostrophe unified, spaces collapsed, case folded."""
    return " ".join(text.replace("\u2019", "'").split()).casefold()


class Table:
    """Phrase table: token sequences → value, longest match first."""

    def __init__(self, fold: bool):
        self.fold = fold
        self.items: dict[tuple[str, ...], object] = {}
        self.maxlen = 0
        self.lengths: dict[str, list[int]] = {}  # first word → phrase lengths, longest first

    def add(self, phrase: str, value: object) -> None:
        words = toks(phrase)
        key = tuple([t.casefold() for t in words]) if self.fold else tuple(words)
        if key and key not in self.items:
            self.items[key] = value
            n = len(key)
            self.maxlen = max(self.maxlen, n)
            lengths = self.lengths.setdefault(key[0], [])
            if n not in lengths:
                lengths.append(n)
                lengths.sort(reverse=True)

    def match(self, tokens: list[Tok], i: int) -> tuple[int, object] | None:
        if i >= len(tokens):
            return None
        first = tokens[i].text
        lengths = self.lengths.get(first.casefold() if self.fold else first)
        if lengths is None:  # (most tokens open no phrase)
            return None
        left = len(tokens) - i
        for n in lengths:
            if n > left:
                continue
            if self.fold:
                key = tuple([t.text.casefold() for t in tokens[i:i + n]])
            else:
                key = tuple([t.text for t in tokens[i:i + n]])
            if key in self.items:
                return n, self.items[key]
        return None
