"""Vehicles and their plates: a make and model written after a vehicle word (`mobil Toyota Kijang Innova Zenix`,
`sedan Toyota Vios`) is a product, whatever pieces the model made of it; the letters of a number plate
(`berpelat SCV 1`, `bernopol DK 1125 OW`) name nothing.  entity_rules.yaml `vehicle_words` and `plate_words`
hold the words; only the text right before each span is read."""

from __future__ import annotations

import functools
import re

from warta import lexicons

from warta.knowledge.actor_tables import company_names
from warta.lang.alternation import flat_or_never

from .base import Span4
from .words import known_label

PRODUCT = "PRODUCT"
_NAMES = ("PER", "ORG", "LOC")
_CAPITALISED_GAP = re.compile(r"(?:[ ][A-Z][\w\-]*)*[ ]")  # the model's words between two pieces of one model
_DIGIT_AFTER = re.compile(r"[ ]?\d")


@functools.cache
def _cue(key: str) -> re.Pattern:
    """One of the words of entity_rules.yaml `key`, as a word of its own, then one space, ending the text searched."""
    return re.compile(rf"(?<![\w-])(?i:{flat_or_never(lexicons.load('entity_rules').get(key))})[ ]$")


@functools.cache
def _last_words(key: str) -> frozenset[str]:
    """The last word of each word of entity_rules.yaml `key`, casefolded (`motor` of `sepeda motor`)."""
    return frozenset(w.split()[-1].casefold() for w in lexicons.load("entity_rules").get(key) or [])


def _after(key: str, text: str, start: int) -> bool:
    """One of the words of `key` ends right before `start` (one space between); the word before is read
    first, the pattern only where it can match."""
    if start < 2 or text[start - 1] != " ":
        return False
    before = text.rfind(" ", max(0, start - 24), start - 1)
    if text[before + 1:start - 1].casefold() not in _last_words(key):
        return False
    return _cue(key).search(text, max(0, start - 24), start) is not None


@functools.cache
def _makes() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicons.load("entity_rules").get("vehicle_makes") or []) | company_names()


def _is_make(name: str) -> bool:
    """`name` begins with a vehicle make (entity_rules.yaml `vehicle_makes`) or a business institutions.yaml
    knows: `Toyota Kijang`, `Honda`; not a person or a body (`Ferdy Sambo`, `Polri`)."""
    words = name.split()
    return any(" ".join(words[:n]).casefold() in _makes() for n in (1, 2, 3))


def vehicles(text: str, spans: list[Span4]) -> list[Span4]:
    """`mobil Toyota Kijang Innova Zenix berpelat SCV 1`: the make and model are one PRODUCT, the plate's
    letters go; a body or place after the vehicle word (`mobil Polri`) stays what it is."""
    out: list[Span4] = []
    for s, e, label, rule in sorted(spans):
        if label not in _NAMES:
            out.append((s, e, label, rule))
            continue
        last = out[-1] if out else None
        if (last and last[2] == PRODUCT and last[1] < s and _CAPITALISED_GAP.fullmatch(text, last[1], s)
                and known_label(text[s:e]) is None):
            out[-1] = (last[0], e, PRODUCT, last[3])  # the next piece of the same model
        elif _after("vehicle_words", text, s) and _is_make(text[s:e]):
            out.append((s, e, PRODUCT, rule + "+vehicle"))
        elif not (_after("plate_words", text, s) and _DIGIT_AFTER.match(text, e)):
            out.append((s, e, label, rule))
    return out
