"""Phrase lists (words apart by any run of spaces) as regular-expression alternations that fail fast.

`flat(phrases)` is the plain alternation: each phrase's words escaped and joined by `\\s+`, the longest phrase
(by its characters) first.  `trie(phrases)` matches exactly what `flat(phrases)` matches, in the same order of
preference, around a case-sensitive or an IGNORECASE pattern; but Python's `re` tries a flat list of 80
phrases one phrase at a time at every position (under IGNORECASE it cannot even skip a phrase by its first
character), and the trie one character at a time.

Why the order is kept (as in `warta.lang.alternation`, here with `\\s+` as one more "character"): at one
position, the phrases of the flat list that match are prefixes of one another, element by element (a `\\s+`
never matches where a word's character does, and it takes the whole run of spaces since a word character
follows it); so longest first means deepest first, the order in which the trie tries them (children before a
phrase ending at the node).  That holds where a phrase's length grows with its elements, so a list with a
phrase written with two spaces in a row falls back to the flat list; so does one with a non-ASCII character
(Unicode case folding has special pairs).  Characters that differ only in case at one node (`Kata`, `kata`)
are kept as a flat, longest-first list at that node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: the element standing for a run of spaces between two words
SPACE = None


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
    return _node([tuple(SPACE if ch == " " else ch for ch in p) for p in items])[0]


def _text(element) -> str:
    return r"\s+" if element is SPACE else re.escape(element)


def _fold(element):
    return element if element is SPACE else element.lower()


def _node(seqs: list[tuple]) -> tuple[str, bool]:
    """The alternation of the rests of the phrases below one trie node, longest first, and whether it has more
    than one branch (then it needs a group around it)."""
    groups: dict[object, list[tuple]] = {}
    for s in seqs:
        if s:
            groups.setdefault(_fold(s[0]), []).append(s)
    parts = []
    for group in groups.values():
        if len({s[0] for s in group}) > 1:  # case variants: as the flat list (longest first)
            parts.extend("".join(_text(e) for e in s) for s in group)
            continue
        rest, branches = _node([s[1:] for s in group])
        parts.append(_text(group[0][0]) + (f"(?:{rest})" if branches else rest))
    if () in seqs:  # a phrase ends here: tried after every longer one
        parts.append("")
    return "|".join(parts), len(parts) > 1
