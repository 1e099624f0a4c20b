"""The state of a model span while the span rules mend it, and the rule object itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from warta.record import Article

QUOTES = "“\"‘'("


@dataclass
class Mending:
    """A model span while the rules mend it; `surface` and `start` are set once its words are fixed."""
    start: int
    end: int
    label: str
    rule: str
    words: list[tuple[int, int]] = field(default_factory=list)
    surface: str = ""
    uninformative: bool = False


@dataclass(frozen=True)
class Context:
    article: Article
    text: str
    sentence_starts: frozenset[int]
    known: dict[str, str]
    # whether any sentence of the article is a heading (none: no span can stand in one, nothing to look up)
    has_headings: bool = True

    def word(self, w: tuple[int, int]) -> str:
        return self.text[w[0]:w[1]]


@dataclass(frozen=True)
class SpanRule:
    """One rule of the span mender: `apply` changes the span in place, or returns False to drop it.
    `example` is (text, model span as (surface, label), the mended span or None when it is dropped)."""
    id: str
    example: tuple[str, tuple[str, str], tuple[str, str] | None]
    apply: Callable[[Context, Mending], bool]
