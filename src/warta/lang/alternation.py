"""Word lists as regular-expression alternations that fail fast: a trie instead of a flat list.

`alternation(words)` matches exactly what `"|".join(re.escape(w) for w in longest_first(words))` matches, in
the same order of preference, whether the pattern around it is case-sensitive or not; but Python's `re`
tries a flat alternation of 60 words one word at a time at every position, and the trie one character.
(The date and quantity patterns spent most of their time there.)  `phrase_alternation(phrases)` does the same
for phrases whose words stand apart by any run of spaces (`\\s+`), as `phrase_flat(phrases)` would match them.

Why the order is kept: at one position, the words of a flat list that match are prefixes of one another
(case aside), so longest first means deepest first, which is the order the trie tries them in (children before
a word ending at the node).  Words that differ only in case at some character (`Pemilu`, `pemilu`) could
both match under IGNORECASE and would be tried in the order of their branches, not by length; those are
kept as a flat, longest-first list at that point.  A list with a non-ASCII character is left flat (Unicode
case folding has special pairs), unless the caller says the pattern is case-sensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> list[str]:
    """Longest first; words of one length in alphabetical order, so the pattern's text is the same in every
    process (set order depends on the hash seed, and a pattern's text is its key in the user cache).  Two
    words of one length can both match at a position only where they are the same text (or case variants
    under IGNORECASE), so their order never changes a match."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def flat(words: Iterable[str]) -> str:
    """The plain alternation: escaped, longest first."""
    return "|".join(re.escape(w) for w in longest_first(words))


def flat_or_never(words: Iterable[str] | None) -> str:
    """`flat(words)`, or a pattern that never matches (`(?!)`) for an empty list: a lexicon key left empty
    switches its rule off instead of matching everywhere."""
    return flat(words or ()) or "(?!)"


def alternation(words: Iterable[str], ignore_case: bool | None = None) -> str:
    """An alternation of `words` (escaped, no group around it) matching as `flat(words)` does, faster.

    `ignore_case=False` promises that the pattern around it is case-sensitive: the trie then branches on
    exact characters, for any alphabet."""
    words = longest_first(words)
    if ignore_case is False:
        return _node(words, _exact)
    if not words or not all(w.isascii() for w in words):
        return "|".join(re.escape(w) for w in words)
    return _node(words, str.lower)


def _exact(c: str) -> str:
    return c


def _node(words: list[str], fold) -> str:
    """The alternation of `words` (the rests of the words below one trie node, longest first); characters
    with the same `fold` share a branch."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(fold(w[0]), []).append(w)
    parts = []
    for group in groups.values():
        if len({w[0] for w in group}) > 1:  # case variants: as the flat list (longest first)
            parts.append("|".join(re.escape(w) for w in group))
            continue
        rest = _node([w[1:] for w in group], fold)
        parts.append(re.escape(group[0][0]) + (f"(?:{rest})" if "|" in rest else rest))
    if "" in words:  # a word ends here: tried after every longer one
        parts.append("")
    return "|".join(parts)


#: stands for the space between two words while a phrase trie is built (a phrase of the trie is ASCII)
_GAP = "\ue000"


def _phrases(phrases: Iterable[str]) -> list[str]:
    """The phrases stripped, each once, longest first (equal lengths in alphabetical order)."""
    return longest_first(p.strip() for p in phrases if p and p.strip())


def _render(p: str) -> str:
    return r"\s+".join(re.escape(w) for w in p.split())


def phrase_flat(phrases: Iterable[str]) -> str:
    """The plain alternation of phrases: each one's words escaped and joined by `\\s+`, longest first."""
    return "|".join(_render(p) for p in _phrases(phrases))


def phrase_alternation(phrases: Iterable[str]) -> str:
    """An alternation of `phrases` (no group around it) matching as `phrase_flat(phrases)` does, faster: the
    word trie with the space between two words as one more character, which becomes `\\s+`.  The order is
    kept for the same reason as in `alternation` (a `\\s+` never matches where a word's character does, and
    takes the whole run of spaces since a word character follows it); that holds where a phrase's length grows
    with its elements, so a list with a phrase written with two spaces in a row stays flat, and so does one
    with a non-ASCII character (Unicode case folding has special pairs)."""
    items = _phrases(phrases)
    if not all(p.isascii() and " ".join(p.split()) == p for p in items):
        return "|".join(_render(p) for p in items)
    return _node([p.replace(" ", _GAP) for p in items], str.lower).replace(_GAP, r"\s+")
