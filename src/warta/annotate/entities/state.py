"""The state of a model span while the span rules mend it, and the rule object itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from warta.record import Article

QUOTES = "“\"‘'("


@dataclass(slots=True)
class Mending:
    """A model span while the rules mend it; `surface` and `start` are set once its words are fixed."""
    start: int
    end: int
    label: str
    rule: str
    words: list[tuple[int, int]] = field(default_factory=list)
    surface: str = ""
    uninformative: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    article: Article
    text: str
    sentence_starts: frozenset[int]
    known: dict[str, str]
    # every offset inside a heading sentence's range: an offset outside them all stands in no heading (the
    # sentence that holds it is none), so the sentence is looked up only for the few inside
    heading_chars: frozenset[int]

    def word(self, w: tuple[int, int]) -> str:
        return self.text[w[0]:w[1]]


@dataclass(frozen=True)
class SpanRule:
    """One rule of the span mender: `apply` changes the span in place, or returns False to drop it.
    `example` is (text, model span as (surface, label), the mended span or None when it is dropped)."""
    id: str
    example: tuple[str, tuple[str, str], tuple[str, str] | None]
    apply: Callable[[Context, Mending], bool]
