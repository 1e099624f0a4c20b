"""Small text helpers that several components share (no language knowledge: that is in `warta.lang.id`)."""

from __future__ import annotations

import re

#: the characters Python's case-insensitive matching equates with an ASCII letter (`İ`, `ı`, `ſ`, the Kelvin
#: sign): in a text without them, an ASCII phrase matches case-insensitively only where the lowercased phrase
#: is in the lowercased text
_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered_for_ascii(text: str) -> str | None:
    """`text.lower()`, in which an ASCII phrase that an IGNORECASE pattern finds in `text` occurs lowercased;
    None where `text` holds a character that folds to an ASCII letter (then no such shortcut holds)."""
    return None if _ASCII_FOLDS.search(text) else text.lower()


_WIDE = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"\w")


def lowered_in_place(text: str) -> str | None:
    """`lowered_for_ascii(text)` where each of its characters stands where it stood in `text` and is a word
    character (`\\w`) exactly where `text`'s is, so that a pattern sees the same words and spaces at the same
    offsets; else None."""
    low = lowered_for_ascii(text)
    if low is None or len(low) != len(text):
        return None
    if not text.isascii() and not all(_lower_keeps_word(c) for c in set(_WIDE.findall(text))):
        return None
    return low


def _lower_keeps_word(c: str) -> bool:
    low = c.lower()
    return len(low) == 1 and bool(_WORD.match(c)) == bool(_WORD.match(low))


def end_before_spaces(text: str, pos: int) -> int:
    """`len(text[:pos].rstrip())`, reading back over the white space only (no copy of the text before)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos
