"""Every named rule of the quantity finder works on its own example, and the code holds no
Indonesian word of the lexicons."""

from pathlib import Path

import pytest

from tests.code_words import lexicon_words, words_in_code

from warta.annotate import quantities
from warta.annotate.quantities import COUNT_RULES, PASSES, SKIP, Scan, tables
from warta.options import Options
from warta.pipeline import Pipeline
from warta.record import Article


def _first_number(text: str):
    scan = Scan(Article(text=text), [], [])
    for m in tables()["pat"].finditer(text):
        n = quantities._number(m, scan)
        if n is not None:
            return n
    raise AssertionError(f"no number in {text!r}")


def _run(text: str) -> Article:
    return Pipeline(["sentences", "dates", "quantities"], Options.build({"reference_date": "2023-09-13"}))(
        Article(text=text))


@pytest.mark.parametrize("rule", COUNT_RULES, ids=[r.id for r in COUNT_RULES])
def test_quantities_count_rule_reads_its_example(rule):
    n = _first_number(rule.example)
    reading = rule.read(n, rule.example)
    assert reading is not None, f"{rule.id} does not fire on {rule.example!r}"
    if reading is not SKIP:
        assert reading.rule.split(":")[0] == rule.id.split(":")[0]
        assert reading.rule in [q.rule for q in _run(rule.example).quantities]


def test_quantities_count_rules_go_in_order():
    """`tiga orang warga` could be an object too: the person rule comes first."""
    ids = [r.id for r in COUNT_RULES]
    assert ids.index("person") < ids.index("object") and ids.index("date-or-duration") == 0


@pytest.mark.parametrize("step", PASSES, ids=[p.id for p in PASSES])
def test_quantities_pass_adds_its_example(step):
    found = _run(step.example).quantities
    assert any(q.rule.startswith(step.id) for q in found), found


def test_quantities_code_holds_no_indonesian_words():
    from warta import lexicons

    words = set()
    for name in ("units", "numbers"):
        words |= {w for v in lexicons.load(name).values() for w in lexicon_words(v)}
    words.add(lexicons.load("units")["person_generic"])
    words -= {"unit", "object", "before", "after", "max", "prefix", "suffix", "exact", "approximate",
              "se"}  # schema keys, group names
    assert not words_in_code(Path(quantities.__file__).parent, words, ("CountRule", "Pass"))
