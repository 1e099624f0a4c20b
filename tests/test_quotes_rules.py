"""Quotes: each named rule (DIRECT_RULES, REPORTED_RULES) reads the example it documents; the actor phrases
channel is declared; the quotes and actors components import no other component; no Indonesian word list in
their code."""

from __future__ import annotations

import ast
import pathlib

import pytest

import warta
from tests.quote_metrics import pipeline
from warta.annotate.quotes.direct import DIRECT_RULES
from warta.annotate.quotes.reported import REPORTED_RULES

SRC = pathlib.Path(warta.__file__).parent
EXAMPLES = [(r.id, record, text) for rules in (DIRECT_RULES, REPORTED_RULES) for r in rules
            for record, text in r.examples]


def test_quotes_rule_ids_unique():
    for rules in (DIRECT_RULES, REPORTED_RULES):
        ids = [r.id for r in rules]
        assert len(ids) == len(set(ids)) and all(r.examples for r in rules)


@pytest.mark.parametrize("rule_id,record,text", EXAMPLES, ids=[f"{r}:{rec}" for r, rec, _ in EXAMPLES])
def test_quotes_rule_reads_its_example(rule_id, record, text):
    a = warta.extract_text(text, pipeline=pipeline())
    rules = [q.rule for q in a.quotes]
    assert any(r.startswith(record) for r in rules), (rule_id, rules)
    q = next(q for q in a.quotes if q.rule.startswith(record))
    assert a.text[q.start:q.end] == q.text
    assert q.speaker or q.speaker_text


def test_quotes_speaker_from_actor_phrase():
    """`Presiden Rusia Vladimir Kuznetsov`: the title phrase (declared scratch layer) gives the speaker."""
    from warta.lang.id.titles import ACTOR_PHRASES
    from warta.pipeline import REGISTRY
    assert ACTOR_PHRASES in REGISTRY["actors"].assigns and ACTOR_PHRASES in REGISTRY["quotes"].uses
    a = warta.extract_text("Presiden Rusia Vladimir Kuznetsov mengatakan bahwa pasukannya akan mundur dari kota "
                           "itu.", pipeline=pipeline())
    assert len(a.quotes) == 1 and a.actor(a.quotes[0].speaker).name == "Vladimir Kuznetsov"


def _imports(path: pathlib.Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(n.name for n in node.names)
    return out


@pytest.mark.parametrize("own,other", [("quotes", "actors"), ("actors", "quotes")])
def test_quotes_actors_import_no_other_component(own, other):
    for path in (SRC / "annotate" / own).glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(f"warta.annotate.{other}")}
        assert not bad, (path.name, bad)


def test_quotes_actors_hold_no_indonesian_words():
    """String constants in the code of both components are no words of their lexicons' function-word lists."""
    from warta import lexicons
    rv, aw, ti = lexicons.load("reporting_verbs"), lexicons.load("actor_words"), lexicons.load("titles")
    vocab = {w.casefold() for ws in rv["function_words"].values() for w in ws}
    vocab |= {w.casefold() for w in [*aw["group_quantifiers"], *aw["acronym_joiners"], *aw["pronouns"]["singular"],
                                     *aw["pronouns"]["plural"]]}
    vocab |= {w.casefold() for ws in ti["chain_words"].values() for w in ws}
    vocab = {w for w in vocab if w.isalpha()}
    for own in ("quotes", "actors"):
        for path in (SRC / "annotate" / own).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    words = set(node.value.casefold().replace("(", " ").replace("|", " ").split())
                    if len(node.value.split()) <= 3:  # docstrings and rules' example sentences are prose
                        assert not words & vocab, (path.name, node.value)
