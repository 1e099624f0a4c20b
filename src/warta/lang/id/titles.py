"""Titles, roles and actor words of Indonesian news, loaded from the lexicons.

`titles.yaml` (offices, ranks, honorifics, portfolios, rank and corps marks) and
`actor_words.yaml` (group nouns, organisation heads, unit heads, pronouns,
demonstratives, words that are never names) as cached phrase tables and sets.
Shared by the actors component (which finds title phrases) and the quotes
component (which reads speakers).

The actor phrases channel: besides `article.actors`, the actors component leaves
the stretches of text that name an actor beyond its entity (`Presiden Rusia
Vladimir Putin`, `pejabat AS`, `diplomat Rusia`) in `article.scratch[ACTOR_PHRASES]`
as `ActorPhrase(start, end, actor id)` items.  It declares the key in its
`assigns`; the quotes component declares it in its `uses` and reads speakers
from those phrases as well as from the actors' mentions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

from warta import lexicons
from warta.lang.id.phrase_table import Table

#: scratch key (and declared layer name) of the actor phrases
ACTOR_PHRASES = "actor_phrases"


class ActorPhrase(NamedTuple):
    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Title:
    title: str
    sector: str | None
    kind: str
    regional: bool = False


@functools.cache
def title_words() -> dict:
    return lexicons.load("titles")


@functools.cache
def title_table() -> Table:
    table = Table(fold=True)
    for entry in title_words()["titles"]:
        t = Title(entry["title"], entry.get("sector"), entry.get("kind") or "office", bool(entry.get("regional")))
        for form in [entry["title"], *(entry.get("aliases") or [])]:
            table.add(form, t)
    return table


@functools.cache
def portfolio_table() -> Table:
    table = Table(fold=False)
    for form in title_words().get("portfolios") or []:
        table.add(form, form)
    return table


@functools.cache
def rank_suffixes() -> frozenset[str]:
    return frozenset(title_words().get("rank_suffixes") or [])


@functools.cache
def corps_suffixes() -> frozenset[str]:
    return frozenset(title_words().get("corps_suffixes") or [])


@functools.cache
def chain_words(key: str) -> frozenset[str]:
    """A word set of `titles.yaml` `chain_words` (conjunctions and prepositions inside a title chain)."""
    return frozenset(title_words()["chain_words"][key])


@functools.cache
def words() -> dict:
    return lexicons.load("actor_words")


def _head_table(heads: dict[str, str], fold: bool) -> Table:
    """Each head word of an `actor_words` table, with `(head, sector)` as its value."""
    table = Table(fold=fold)
    for head, sector in heads.items():
        table.add(head, (head, sector))
    return table


@functools.cache
def group_table() -> Table:
    return _head_table(words()["group_heads"], fold=True)


@functools.cache
def group_heads() -> dict[str, str]:
    return {str(k).casefold(): v for k, v in words()["group_heads"].items()}


@functools.cache
def group_quantifiers() -> frozenset[str]:
    """`para`, `sejumlah`…: a quantifier before a group noun belongs to the group phrase."""
    return frozenset(w.casefold() for w in words()["group_quantifiers"])


@functools.cache
def org_head_table() -> Table:
    return _head_table(words()["org_heads"], fold=False)


@functools.cache
def unit_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["unit_heads"])


@functools.cache
def not_names() -> frozenset[str]:
    return frozenset(words()["not_names"])


@functools.cache
def particles() -> frozenset[str]:
    return frozenset(words()["name_particles"])


@functools.cache
def pronouns() -> tuple[frozenset[str], frozenset[str]]:
    p = words()["pronouns"]
    return frozenset(p["singular"]), frozenset(p["plural"])


@functools.cache
def demonstratives() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["demonstratives"])
