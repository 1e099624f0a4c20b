"""Every named rule of the event stages fires on the example it carries (triggers → suppressors and
filters → argument strategies → sentence filters), and the stages are ordered and named uniquely."""

from __future__ import annotations

import dataclasses

import pytest

from tests.events_eval import predict
from warta.annotate.events import arguments, context, implied, sentence, strategies, suppressors, triggers
from warta.annotate.events.lexicon import Rule


def _snapshot(obj):
    a = obj.args if hasattr(obj, "args") else obj
    extra = (obj.code, obj.drop, obj.modality, obj.negated) if hasattr(obj, "code") else ()
    return (a.pattern, [id(p) for p in a.sources], [id(p) for p in a.targets], *extra)


def _spy_result(stage, got, before, args):
    if stage in ("triggers", "implied"):
        return got is not None
    if stage in ("filters",):
        return bool(got)
    if stage == "voice":
        return bool(got.sources or got.targets)
    if stage == "suppressors":
        matches = got
        return len(matches) < before[0] or sum(m.suppressed for m in matches) > before[1]
    if stage == "sentence":
        return len(got) < before
    if stage == "context":
        return bool(got) or _snapshot(args[2]) != before
    return _snapshot(args[1]) != before  # strategies


def _before(stage, args):
    if stage == "suppressors":
        return len(args[0]), sum(m.suppressed for m in args[0])
    if stage == "sentence":
        return len(args[0])
    if stage == "context":
        return _snapshot(args[2])
    if stage == "strategies":
        return _snapshot(args[1])
    return None


STAGES = {
    "triggers": triggers.TRIGGERS,
    "suppressors": suppressors.SUPPRESSORS,
    "filters": suppressors.FILTERS,
    "voice": arguments.BY_VOICE,
    "strategies": strategies.STRATEGIES,
    "context": context.CONTEXT,
    "implied": implied.IMPLIED,
    "sentence": sentence.SENTENCE_FILTERS,
}
RULES = [(stage, key) for stage, rules in STAGES.items()
         for key in (rules if isinstance(rules, dict) else range(len(rules)))]


def _rule(stage, key) -> Rule:
    return STAGES[stage][key]


@pytest.mark.parametrize("stage,key", RULES, ids=[f"{s}:{_rule(s, k).id}" for s, k in RULES])
def test_events_rule_fires_on_its_example(stage, key):
    rule = _rule(stage, key)
    assert rule.example, f"{rule.id} has no example"
    fired = []

    def spy(*args):
        before = _before(stage, args)
        got = rule.apply(*args)
        fired.append(_spy_result(stage, got, before, args))
        return got

    STAGES[stage][key] = dataclasses.replace(rule, apply=spy)
    try:
        predict(rule.example)
    finally:
        STAGES[stage][key] = rule
    assert any(fired), f"rule {rule.id} ({stage}) did not fire on {rule.example!r}"


@pytest.mark.parametrize("stage", [s for s, r in STAGES.items() if isinstance(r, list)])
def test_events_stage_rules_are_named_and_ordered(stage):
    rules = STAGES[stage]
    assert len({r.id for r in rules}) == len(rules)
    assert [r.priority for r in rules] == sorted(r.priority for r in rules)
