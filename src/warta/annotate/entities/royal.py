"""Malay royal names (Malaysia, Brunei): a hereditary royal opener (`Al-Sultan`, `Tunku`, `Tengku`) is part of
the person's name, and the name runs over its regnal words, which the model cuts into pieces or takes for an
organisation (`Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah`, `Tunku Hajah Azizah Aminah Maimunah
Iskandariah`); a royal office (`Yang di-Pertuan Agong`, `Permaisuri Agong`) names no one.  The words are
entity_rules.yaml `royal_openers`, `royal_connectors` and `royal_titles`; the openers are read off the text's
index (`TextIndex`), never by a pattern over the whole text."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.lang.id.name_rules import rules

from .base import Span4
from .index import text_index

ROYAL_RULE = "rule:royal-name"

_RUN = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"[ ]([^\W\d_][\w'’\-]*)")


@functools.cache
def _royal() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(openers, connectors casefolded, royal offices), longest first."""
    data = lexicons.load("entity_rules")
    openers = tuple(sorted(data.get("royal_openers") or [], key=len, reverse=True))
    titles = tuple(sorted(data.get("royal_titles") or [], key=len, reverse=True))
    return openers, frozenset(w.casefold() for w in data.get("royal_connectors") or []), titles


def _occurrences(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each of `names` standing as words of their own, found through the text's index."""
    index = text_index(text)
    out = []
    for name in names:
        head = _RUN.match(name)
        if head is None:
            continue
        for x in index.run_starts(head.group()):
            end = x + len(name)
            if text.startswith(name, x) and not (x and text[x - 1].isalnum()) \
                    and not (end < len(text) and text[end].isalnum()):
                out.append((x, end))
    return out


def _name_end(text: str, start: int, titles: frozenset[str], connectors: frozenset[str]) -> int | None:
    """Where a royal name opened at `start` (the opener's end) ends: capitalised words, and a connector
    (`ibni`, `binti`) only with a capitalised word after it; a title (`Gubernur`) ends the name unless a
    connector stands before it (`ibni Almarhum Sultan Ahmad Shah`).  None: no name word follows."""
    end, last = start, None
    while True:
        m = _NEXT_WORD.match(text, end)
        if m is None:
            break
        word = m.group(1)
        folded = word.casefold()
        if folded in connectors:
            after = _NEXT_WORD.match(text, m.end())
            if after is None or not after.group(1)[:1].isupper():
                break
        elif not word[:1].isupper() or (folded in titles and last not in connectors):
            break
        end, last = m.end(), folded
    return end if end > start else None


def royal_names(text: str, spans: list[Span4]) -> list[Span4]:
    """`Yang di-Pertuan Agong Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah`: the royal name is one
    person (PER) whatever pieces the model made of it; a span inside a royal office goes, and one that
    runs past it keeps its part after the office."""
    openers, connectors, titles = _royal()
    offices = _occurrences(text, titles)
    found = []
    for a, b in sorted(_occurrences(text, openers)):
        if any(x <= a < y for x, y in offices) or (found and a < found[-1][1]):
            continue  # (`Tengku Mahkota` is an office; an opener inside a name found already)
        end = _name_end(text, b, rules()["titles"], connectors)
        if end is not None:
            found.append((a, end))
    if not found and not offices:
        return spans
    # a place or body named after a royal (`RSUD Tengku Rafian`, `Masjid Tengku Ampuan Jemaah`) stays whole
    kept = [(s, e) for s, e, label, _ in spans if label != "PER"
            and any(s < a and b <= e for a, b in found + offices)]
    found = [(a, b) for a, b in found if not any(s < a and b <= e for s, e in kept)]
    out = [(a, b, "PER", ROYAL_RULE) for a, b in found]
    for s, e, label, rule in spans:
        if (s, e) in kept:
            out.append((s, e, label, rule))
            continue
        if any(s < b and a < e for a, b in found):
            continue
        office = next(((x, y) for x, y in offices if s < y and x < e), None)
        if office is not None:
            if e <= office[1] or not text[office[1]:e].strip():
                continue
            s = office[1] + len(text[office[1]:e]) - len(text[office[1]:e].lstrip())
            label, rule = "PER", rule + "+royal-office"
        out.append((s, e, label, rule))
    return sorted(out)
