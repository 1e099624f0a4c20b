"""Quotation marks: the top-level quotations of a text (`“…”`, `"…"`, `‘…’`, mixed double marks,
paragraphs that open a quotation again continue it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}


@dataclass
class Marks:
    open: int   # index of the opening mark
    close: int  # index of the closing mark
    paragraph_start: bool = False


# double marks close each other: `“…"` and `"…”` are one quotation (mixed marks are common in web copy)
CLOSERS = {"\u201c": ("\u201d", '"'), '"': ('"', "\u201d"), "\u2018": ("\u2019",)}
#: the only characters the scan acts on (a line break, a mark): it jumps from one to the next
_STOPS = re.compile("[\n" + re.escape("".join({*OPEN_CLOSE, *(c for cs in CLOSERS.values() for c in cs)})) + "]")


def find_marks(text: str) -> list[Marks]:
    """Top-level quotations; an open quotation continues into a paragraph that opens with a mark.
    A quotation opened at the start of a paragraph and never closed ends with that paragraph (a
    missing closing mark, or a page cut off in mid-quotation)."""
    out: list[Marks] = []
    i, n = 0, len(text)
    opener: str | None = None
    open_at = 0

    def para_start(pos: int) -> bool:
        """`text[:pos].rstrip(" \t").endswith("\n")`, reading back over the spaces only."""
        j = pos
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        return pos == 0 or (j > 0 and text[j - 1] == "\n")

    def close_unclosed(end: int) -> None:
        if opener in ("\u201c", '"') and para_start(open_at) and len(text[open_at + 1:end].split()) >= 3:
            out.append(Marks(open_at, end, True))

    while i < n:
        stop = _STOPS.search(text, i)
        if stop is None:
            break
        i = stop.start()
        c = text[i]
        if c == "\n" and opener is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if "\n\n" in text[i:j] or text[i:j].count("\n") >= 1:
                if j < n and text[j] in CLOSERS.get(opener, (opener,)) + (opener,):  # it goes on
                    i = j + 1
                    continue
                close_unclosed(i)
                opener = None
            i = j
            continue
        if opener is None:
            if c in OPEN_CLOSE and (c != "\u2018" or i == 0 or not text[i - 1].isalnum()):
                opener, open_at = c, i
        elif c in CLOSERS[opener] and (c != "\u2019" or i + 1 >= n or not text[i + 1].isalpha()):
            if i > open_at + 1:
                out.append(Marks(open_at, i, para_start(open_at)))
            opener = None
        elif c == "\u201c" and opener == "\u201c":
            open_at = i  # an unclosed mark before: start again here
        i += 1
    if opener is not None:
        close_unclosed(n)
    return out

