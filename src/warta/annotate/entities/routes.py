"""Places by the company they keep: a name the model took for a person or body is a place when it is one end
of a route whose other end is a place (`dari Batas Batu menuju Kota Kenyam`), or when it is listed with a place
named after a place word (`provinsi perbatasan Preah Vihear dan Oddar Meanchey`, `kota Muzaffarabad dan Kotli`).
entity_rules.yaml `route_starts`, `route_ends`, `list_joiners` and `place_cues` hold the words; only the text
between neighbouring spans is read."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.lang.alternation import flat_or_never
from warta.lang.id.name_rules import rules

from .base import Span4
from .words import known_label

ROUTE_RULE = "+route"
LISTED_RULE = "+listed-place"


@functools.cache
def _words() -> dict[str, re.Pattern]:
    """The patterns of the text between the spans: `dari ` before a route's start, ` menuju ` between its
    ends, ` dan ` between listed names, and a place word (with one word after it) before a listed place."""
    data = lexicons.load("entity_rules")

    return {
        "start": re.compile(rf"(?<![\w-])(?i:{flat_or_never(data.get('route_starts'))})[ ]$"),
        "end": re.compile(rf"[ ](?:{flat_or_never(data.get('route_ends'))})[ ]"),
        "end_for_people": re.compile(rf"[ ](?:{flat_or_never(data.get('route_ends_for_people'))})[ ]"),
        # (a comma is no joiner: `Dinas PUPR Kabupaten Lampung Tengah, Sutrisno Hadi Prakoso` names its head)
        "joiner": re.compile(rf"[ ](?:{flat_or_never(data.get('list_joiners'))})[ ]"),
        "cue": re.compile(rf"(?<![\w-])(?i:{flat_or_never(rules()['place_cues'])})[ ](?:[a-z]+[ ])?$"),  # (`provinsi perbatasan `)
    }


def _unknown(text: str, sp: Span4) -> bool:
    return sp[2] in ("PER", "ORG") and len(text[sp[0]:sp[1]].split()) <= 4 and known_label(text[sp[0]:sp[1]]) is None


def _route(text: str, a: Span4, b: Span4, w: dict) -> bool:
    """`a` and `b` are the two ends of `dari a menuju b`."""
    return w["end"].fullmatch(text, a[1], b[0]) is not None and w["start"].search(text, max(0, a[0] - 12), a[0]) is not None


def _listed(text: str, a: Span4, b: Span4, w: dict) -> bool:
    """`b` is listed after `a`, a place named after a place word (`provinsi perbatasan a dan b`)."""
    if a[2] != "LOC" or w["joiner"].fullmatch(text, a[1], b[0]) is None:
        return False
    # the place word before `a`, or opening it (`Kabupaten Nduga dan Lanny Jaya`)
    space = text.find(" ", a[0], a[1])
    cue = w["cue"].search(text, max(0, a[0] - 40), a[0]) or (w["cue"].search(text, a[0], space + 1) if space > 0 else None)
    return cue is not None and not _in_title(text, cue.start())


def _in_title(text: str, at: int) -> bool:
    """The place word at `at` ends a title (`Wali Kota Bandung dan Yana Mulyana`: a mayor and a person)."""
    before = text[max(0, at - 30):at].split()
    word = text[at:].split(" ", 1)[0]
    return bool(before) and f"{before[-1]} {word}".casefold() in rules()["titles"]


def places_by_company(text: str, spans: list[Span4]) -> list[Span4]:
    """A person or body no one knows, at one end of a route whose other end is a place, or listed after a
    place that follows a place word, is a place (LOC)."""
    out = sorted(spans)
    w = _words()
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if b[0] - a[1] > 12:
            continue  # (no route word or joiner is that long)
        if _route(text, a, b, w):
            if a[2] == "LOC" and _unknown(text, b) and (b[2] != "PER" or w["end_for_people"].fullmatch(text, a[1], b[0])):
                out[i + 1] = (b[0], b[1], "LOC", b[3] + ROUTE_RULE)
            elif b[2] == "LOC" and _unknown(text, a):
                out[i] = (a[0], a[1], "LOC", a[3] + ROUTE_RULE)
        elif _unknown(text, b) and _listed(text, a, b, w):
            out[i + 1] = (b[0], b[1], "LOC", b[3] + LISTED_RULE)
    return out
