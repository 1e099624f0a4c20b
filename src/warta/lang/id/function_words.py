"""Indonesian function words by category (negation, modality, demonstratives) and currency names.

One home for words that components had filed twice (`lexicons/function_words.yaml`,
`lexicons/currencies.yaml`); each category is a frozen set of case-folded words.

    >>> from warta.lang.id import function_words as fw
    >>> "belum" in fw.negation().particles
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from warta import lexicons


def _words(items) -> frozenset[str]:
    return frozenset(w.casefold() for w in items)


@dataclass(frozen=True)
class Negation:
    particles: frozenset[str]  # tidak, bukan, belum …: negate the predicate after them
    verbs: frozenset[str]  # enggan, gagal, batal …: their complement did not happen
    prepositions: frozenset[str]  # tanpa

    @property
    def all(self) -> frozenset[str]:
        return self.particles | self.verbs | self.prepositions


@dataclass(frozen=True)
class Modality:
    future: frozenset[str]
    volition: frozenset[str]
    ability: frozenset[str]
    experience: frozenset[str]
    hedges: frozenset[str]


@functools.cache
def negation() -> Negation:
    data = lexicons.load("function_words")["negation"]
    return Negation(**{k: _words(v) for k, v in data.items()})


@functools.cache
def modality() -> Modality:
    data = lexicons.load("function_words")["modality"]
    return Modality(**{k: _words(v) for k, v in data.items()})


@functools.cache
def demonstratives() -> frozenset[str]:
    return _words(lexicons.load("function_words")["demonstratives"])


@functools.cache
def currency_names() -> dict[str, str | None]:
    """Case-folded currency name -> ISO 4217 code (None when the word names several currencies)."""
    return {k.casefold(): v for k, v in lexicons.load("currencies")["names"].items()}
