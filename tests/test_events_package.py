"""The events package: credit lines carry no events, rule names do not depend on the hash seed, the
layers it reads are declared, and its .py files hold no Indonesian word of the lexicon."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warta import lexicons
from warta.annotate.events import make_events
from warta.annotate.events.lexicon import Tok
from warta.annotate.events.triggers import find_triggers
from warta.options import Options
from warta.pipeline import REGISTRY
from warta.record import Actor, Article, Entity, Sentence

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "warta" / "annotate" / "events"


def _toks(text: str) -> list[Tok]:
    art = Article(text=text, sentences=[Sentence(0, len(text))])
    from warta.annotate.events.triggers import sentence_tokens
    return sentence_tokens(art, 0)


def _hand_article(kind: str) -> Article:
    text = "Kim bertemu dengan Putin di Vladivostok pada hari itu."
    art = Article(text=text, sentences=[Sentence(0, len(text), kind=kind)])
    art.entities = [Entity("Kim", 0, 3, "PER", actor="a1", sentence=0),
                    Entity("Putin", 19, 24, "PER", actor="a2", sentence=0)]
    art.actors = [Actor("a1", "Kim Jong Un", country="PRK", mentions=[[0, 3]]),
                  Actor("a2", "Vladimir Putin", country="RUS", mentions=[[19, 24]])]
    return art


@pytest.mark.parametrize("kind,n", [("body", 1), ("lead", 1), ("credit", 0), ("dateline", 0)])
def test_events_credit_lines_carry_no_events(kind, n):
    art = make_events(Options())(_hand_article(kind))
    assert len(art.events) == n


def test_events_declares_the_layers_it_reads():
    info = REGISTRY["events"]
    assert set(info.requires) >= {"sentences", "entities", "actors"}
    assert set(info.uses) == {"quotes", "dates", "places", "reference_date", "actor_phrases"}


@pytest.mark.parametrize("text,rule", [
    ("Kedua negara menyepakati gencatan senjata.", "phrase:menyepakati gencatan senjata"),
    ("Ia menyampaikan ucapan selamat.", "phrase:ucapan selamat"),
    ("Jepang mengirimkan bantuan ke Turki.", "phrase:mengirimkan bantuan"),
])
def test_events_tied_phrases_take_the_one_spelled_so(text, rule):
    assert rule in [m.rule for m in find_triggers(_toks(text))]


def test_events_rule_names_do_not_depend_on_the_hash_seed():
    code = ("from tests.test_events_package import _toks; from warta.annotate.events.triggers import find_triggers; "
            "print([m.rule for t in ['Kedua negara menyepakati gencatan senjata.', 'Ia menyampaikan ucapan selamat.', "
            "'Jepang mengirimkan bantuan ke Turki.'] for m in find_triggers(_toks(t))])")
    root = PACKAGE.parents[3]
    out = set()
    for seed in ("0", "1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=os.pathsep.join([str(root / "src"), str(root)]))
        out.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                               check=True, cwd=root).stdout)
    assert len(out) == 1


def _lexicon_words() -> set[str]:
    data = lexicons.load("event_triggers")
    return {w for k, v in data.items() if isinstance(v, list) and k != "triggers"
            for w in v if isinstance(w, str) and w.isalpha() and w.islower() and len(w) > 2}


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_events_code_holds_no_lexicon_word(path):
    words = _lexicon_words()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in words:
            found.add(node.value)
    assert not found, f"Indonesian words in {path.name}: {sorted(found)} (move them to event_triggers.yaml)"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_events_files_and_functions_are_short(path):
    src = path.read_text(encoding="utf-8")
    assert src.count("\n") <= 400
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno - node.lineno + 1 <= 60, f"{path.name}:{node.name}"


def test_events_span_structures_agree_with_a_scan():
    # the log-time look-ups of participants.py give what a scan over every span gives
    import random

    from warta.annotate.events.participants import _Disjoint, _Within
    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        within = _Within(spans)
        taken, kept = _Disjoint(), []
        for a, b in [(a, a + rng.randint(1, 6)) for a in (rng.randint(0, 40) for _ in range(12))]:
            assert within.holds(a, b) == any(x <= a and b <= y and y - x > b - a for x, y in spans)
            overlap = any(not (b <= x or a >= y) for x, y in kept)
            assert taken.overlaps(a, b) == overlap
            if not overlap:
                taken.add(a, b)
                kept.append((a, b))


def test_events_index_finds_what_a_scan_finds():
    from warta.annotate.events.countries import containing_actors
    art = _hand_article("body")
    art.actors.append(Actor("a3", "Kim dan Putin", country=None, mentions=[[0, 24]]))
    assert [a.id for a in containing_actors(art, 0, 3)] == ["a1", "a3"]
    assert [a.id for a in containing_actors(art, 19, 24)] == ["a2", "a3"]
    assert containing_actors(art, 30, 40) == []
