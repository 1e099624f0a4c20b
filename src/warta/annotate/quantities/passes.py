"""Passes over the whole text after every number was read, in order (each sees what the ones
before it added)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from warta.annotate.quantities.counted import Scan
from warta.annotate.quantities.tables import next_words, tables


def _overlaps_found(scan: Scan, a: int, b: int) -> bool:
    """Whether a quantity found so far overlaps `a`-`b` (`overlaps(a, b, spans of scan.out)`, no list built)."""
    return any(a < q.end and b > q.start for q in scan.out)


def _slash_matches(pattern, text: str) -> list:
    """`pattern.finditer(text)` for a pattern whose every match has a `/` as its second character: tried only
    there (same matches: none can start elsewhere, and each is taken where the last one ended, as finditer does)."""
    out, end, match = [], 0, pattern.match
    at = text.find("/", 1)
    while at >= 0:
        if at - 1 >= end and (m := match(text, at - 1)) is not None:
            out.append(m)
            end = m.end()
        at = text.find("/", at + 1)
    return out


def _fractions(scan: Scan) -> None:
    for m in _slash_matches(tables()["fraction"], scan.text):
        a, b = int(m.group("a")), int(m.group("b"))
        end = m.end("b")
        if a < b and not (scan.blocked_at.overlaps(m.start(), end) or _overlaps_found(scan, m.start(), end)):
            scan.add(m.start(), m.end("b"), round(a / b, 3), None, None, False, "fraction")


def _range_starts(scan: Scan) -> None:
    for start, nxt, value, approx in scan.ranges:
        second = next((q for q in scan.out if q.start == nxt or (q.start < nxt < q.end and q.text[:1].isalpha())),
                      None)
        if second is not None and (second.unit or second.object):
            scan.add(start, second.end, value, second.unit, second.object, approx, "range-start")


def _one_casualty(scan: Scan) -> None:
    T = tables()
    for m in T["se_casualty"].finditer(scan.text):
        if _overlaps_found(scan, m.start(), m.end("obj")) or scan.idioms_at.overlaps(m.start(), m.end("obj")):
            continue
        if T["casualty"].search(m.group("rest")):
            scan.add(m.start(), m.end("obj"), 1, "person", m.group("obj"), False, "se-classifier:casualty")


def _se_classifiers(scan: Scan) -> None:
    T, text = tables(), scan.text
    for m in scan.se_matches:
        if _overlaps_found(scan, m.start(), m.end()):
            continue
        cls = T["se_classifiers"][m.group("se").lower()]
        nxt = next_words(text, m.end(), 1)
        obj = nxt[0][0] if nxt and nxt[0][0].lower() not in T["stop"] else None
        end = nxt[0][2] if obj else m.end()
        scan.add(m.start(), end, 1, "person" if cls == T["person_generic"] else None, obj,
                 T["qualifiers"].get(m.group("qual").lower()) != "exact", f"se-classifier:{m.group('se').lower()}")


@dataclass(frozen=True)
class Pass:
    id: str
    example: str  # a text this pass adds a quantity for
    run: Callable[[Scan], None]


PASSES: list[Pass] = [
    Pass("fraction", "2/3 dari tuntutan jaksa", _fractions),
    Pass("range-start", "200 hingga 250 kasus", _range_starts),
    Pass("se-classifier:casualty", "seorang anggota TNI mengalami luka tembak", _one_casualty),
    Pass("se-classifier", "hanya seorang warga", _se_classifiers),
]
