"""Actors: each named title-chain rule (CHAIN_RULES) extends a chain on the example it documents."""

from __future__ import annotations

import functools

import pytest

from warta.annotate.actors import complete_entities
from warta.annotate.actors.titles import CHAIN_RULES

RULES = [r for r in CHAIN_RULES if r.example]


@functools.cache
def pipeline():
    import warta
    return warta.make_pipeline(components=["language", "sentences", "entities"], options={"use_model": False})


def test_actors_chain_rule_ids_unique():
    ids = [r.id for r in CHAIN_RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_actors_chain_rule_reads_its_example(rule):
    import warta
    text = rule.example + ("" if rule.example.endswith("mengatakan") else " mengatakan") + " hal itu di Jakarta."
    article = warta.extract_text(text, pipeline=pipeline())
    finder = complete_entities(article)
    assert finder.fired[rule.id] >= 1, dict(finder.fired)
    assert finder.phrases, "no title phrase"


@pytest.mark.parametrize("text,person,not_person", [
    ("“Harga cabai naik,” ujar pedagang Pasar Senen, Siti Aminah.", "Siti Aminah", "Pasar Senen"),
    ("Rektor Universitas Gadjah Mada, Ova Emilia, mengatakan hal itu di Yogyakarta.", "Ova Emilia",
     "Universitas Gadjah Mada"),
])
def test_actors_workplace_then_appositive_name(text, person, not_person):
    """`Title Workplace, Name`: the workplace (a market, school, village, organisation) is no person."""
    import warta
    finder = complete_entities(warta.extract_text(text, pipeline=pipeline()))
    people = [p.name for p in finder.phrases if p.type == "PER"]
    assert person in people and not_person not in people, people
