"""Phrase lists (words apart by any run of spaces) as regular-expression alternations that fail fast.

`flat(phrases)` is the plain alternation: each phrase's words escaped and joined by `\\s+`, the longest phrase
(by its characters) first.  `trie(phrases)` matches exactly what `flat(phrases)` matches, in the same order of
preference, around a case-sensitive or an IGNORECASE pattern; but Python's `re` tries a flat list of 80
phrases one phrase at a time at every position (under IGNORECASE it cannot even skip a phrase by its first
character), and the trie one character at a time.

It is the word trie of `warta.lang.alternation` with the space between two words as one more character, which
becomes `\\s+`; the order is kept for the same reason (at one position, the phrases that match are prefixes of
one another, element by element: a `\\s+` never matches where a word's character does, and it takes the whole
run of spaces since a word character follows it; so longest first is deepest first).  That holds where a
phrase's length grows with its elements, so a list with a phrase written with two spaces in a row falls back
to the flat list; so does one with a non-ASCII character (Unicode case folding has special pairs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.lang.alternation import _node

#: stands for the space between two words while the trie is built (a phrase of the trie is ASCII)
_GAP = "\ue000"


def phrases_of(phrases: Iterable[str]) -> list[str]:
    """The phrases stripped, each once, longest first (equal lengths in alphabetical order)."""
    return sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))


def _render(p: str) -> str:
    return r"\s+".join(re.escape(w) for w in p.split())


def flat(phrases: Iterable[str]) -> str:
    return "|".join(_render(p) for p in phrases_of(phrases))


def trie(phrases: Iterable[str]) -> str:
    """An alternation of `phrases` (no group around it) matching as `flat(phrases)` does, faster."""
    items = phrases_of(phrases)
    if not all(p.isascii() and " ".join(p.split()) == p for p in items):
        return "|".join(_render(p) for p in items)
    return _node([p.replace(" ", _GAP) for p in items], str.lower).replace(_GAP, r"\s+")
