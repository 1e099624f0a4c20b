"""Acronyms in brackets and the capitalised name run before each (`Lembaga Vulkanologi dan Seismologi Filipina
(Phivolcs)`), found once per text for the passes that read them (long names, treaties)."""

from __future__ import annotations

import functools
import re

from warta.lang.id.name_rules import rules

from .index import text_index

_CAP = re.compile(r"[A-Z][\w'’\-]*")
_NON_SPACE = re.compile(r"\S+")
_BRACKETED = re.compile(r"[ ]\(([A-Z][A-Za-z0-9\-]{1,14})\)")


def _run_before(text: str, pos: int) -> int | None:
    """Start of the capitalised name that ends at `pos` (words joined by `dan`, `tentang`,
    `untuk`), beginning at a name head or an office of law/meeting; None if there is none."""
    r = rules()
    words = [m.span() for m in _NON_SPACE.finditer(text[max(0, pos - 160):pos])]
    base = max(0, pos - 160)
    words = [(base + a, base + b) for a, b in words]
    start = None
    i = len(words) - 1
    while i >= 0:
        w = text[words[i][0]:words[i][1]]
        if _CAP.fullmatch(w) or w in r["run_joiners"] and i > 0:
            if _CAP.fullmatch(w):
                if w.casefold() in _run_heads():
                    start = words[i][0]
            i -= 1
            continue
        break
    return start


@functools.cache
def _run_heads() -> frozenset[str]:
    """The words a run before an acronym may open with: name heads and the first words of law and meeting heads,
    less the words that never open one and titles."""
    r = rules()
    return frozenset((r["heads"] | {h.split()[0].casefold() for h in r["law_heads"] + r["event_heads"]})
                     - r["run_not_heads"] - r["titles"])


def _bracket_runs(text: str) -> list[tuple[re.Match, int | None]]:
    """Each acronym in brackets (`_BRACKETED`) with the start of the name run before it (`_run_before`), found
    once per text for the passes that read them (long names, treaties)."""
    return text_index(text).kept("bracket-runs",
                                 lambda t: [(m, _run_before(t, m.start())) for m in _BRACKETED.finditer(t)])
