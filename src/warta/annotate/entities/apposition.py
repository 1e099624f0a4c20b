"""A name that an apposition calls an organisation (`Etemad Tejarate Pars, perusahaan yang …`, `Jamaah Ansharut
Daulah, kelompok yang …`): the model often takes an unknown foreign company or group for a person or a place.
The words are entity_rules.yaml `org_appositions` (and `apposition_articles`, `sebuah`); only the text right
after each span is read."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.lang.alternation import flat_or_never

from .base import Span4
from .outside import place_resolve
from .words import known_label

APPOSITION_RULE = "+org-apposition"


@functools.cache
def _apposition() -> re.Pattern:
    """A comma, an optional article (`sebuah`), an organisation noun, then a lower-case word: matched right
    after a name."""
    data = lexicons.load("entity_rules")
    nouns = flat_or_never(data.get("org_appositions"))
    articles = flat_or_never(data.get("apposition_articles"))
    return re.compile(rf",[ ](?:(?:{articles})[ ])?(?:{nouns})[ ][a-z]")


def org_appositions(text: str, spans: list[Span4]) -> list[Span4]:
    """A person or place no one knows, followed by `, perusahaan …` (an organisation noun in apposition),
    is an organisation (ORG)."""
    pattern = _apposition()
    out = []
    for s, e, label, rule in spans:
        if label in ("PER", "LOC") and text.startswith(", ", e) and pattern.match(text, e):
            name = text[s:e]
            if known_label(name) is None and place_resolve(name) is None:
                label, rule = "ORG", rule + APPOSITION_RULE
        out.append((s, e, label, rule))
    return out
