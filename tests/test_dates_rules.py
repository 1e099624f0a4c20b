"""Every named rule of the date grammar works on its own example (patterns, checks, resolvers,
reference rules), and no Indonesian word is left in the dates code."""

import datetime as dt
from pathlib import Path

import pytest

from tests.code_words import lexicon_words, words_in_code

from warta.annotate.dates import CHECKS, REFERENCE_RULES, RESOLVERS, choose_reference, find_candidates, lex
from warta.annotate.dates.candidates import raw_candidates
from warta.annotate.dates.reference import read_evidence
from warta.options import Options
from warta.pipeline import Pipeline
from warta.record import Article

PATTERNS = lex().patterns


@pytest.mark.parametrize("rule", PATTERNS, ids=[p.id for p in PATTERNS])
def test_dates_pattern_finds_its_example(rule):
    found = find_candidates(rule.example)
    assert len(found) == 1, found
    assert found[0].kind == rule.kind and PATTERNS[found[0].priority] is rule


def test_dates_pattern_ids_are_unique():
    assert len({p.id for p in PATTERNS}) == len(PATTERNS)


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_dates_check_drops_its_example(check):
    text = check.example
    dropped = [c for c in raw_candidates(text) if c.kind in check.kinds and check.drops(c, text)]
    assert dropped, f"no candidate of {check.kinds} in {text!r} is dropped"
    kept = {(c.kind, c.start, c.end) for c in find_candidates(text)}
    assert not {(c.kind, c.start, c.end) for c in dropped} & kept


REF = "2023-09-13"  # a Wednesday


@pytest.mark.parametrize("resolver", RESOLVERS, ids=[r.id for r in RESOLVERS])
def test_dates_resolver_gives_its_example(resolver):
    text, value = resolver.example
    art = Pipeline(["sentences", "dates"], Options.build({"reference_date": REF, "today": "2025-01-01"}))(
        Article(text=text))
    mine = [d for d in art.dates if d.rule.split(":")[0] in resolver.kinds]
    assert value in [d.value for d in mine], art.dates


def test_dates_every_kind_has_one_resolver():
    kinds = [k for r in RESOLVERS for k in r.kinds]
    assert len(kinds) == len(set(kinds))
    assert {p.kind for p in PATTERNS} <= set(kinds)


#: rule id → (text, published, dateline, options, expected date, basis)
REFERENCE_EXAMPLES = {
    "given": ("Rapat pada Rabu 13 September.", None, None, {"reference_date": "2023-01-02"}, "2023-01-02", "given"),
    "published": ("Rapat pada Rabu 13 September.", "2017-09-14", None, {}, "2017-09-14", "published"),
    "dateline:field": ("Rapat digelar di kantor gubernur.", None, "JAKARTA, 13/9/2023", {}, "2023-09-13",
                       "dateline"),
    "dateline:first-paragraph": ("Rapat digelar Senin (22/5/2017) di kantor gubernur.", None, None, {},
                                 "2017-05-22", "dateline"),
    "dateline:lead-press": ("Harga cabai melonjak.\n\nPedagang mengeluh.\n\n\"Stok menipis,\" kata Ani, "
                            "Selasa (14/5/2024).", None, None, {}, "2024-05-14", "dateline"),
    "weekday": ("Menteri tiba di Tokyo pada Rabu 13 September.", None, None, {}, "2023-09-13", "weekday"),
    "context": ("Sidang akan digelar pada 20 Maret 2025. Gugatan didaftarkan 2 Februari 2025.", None, None, {},
                "2025-02-02", "context"),
}


@pytest.mark.parametrize("rule", REFERENCE_RULES, ids=[r.id for r in REFERENCE_RULES])
def test_dates_reference_rule_gives_its_example(rule):
    text, published, dateline, opts, expected, basis = REFERENCE_EXAMPLES[rule.id]
    options = Options.build({"today": "2025-01-01", **opts})
    art = Pipeline(["sentences"], options)(Article(text=text, published=published, dateline=dateline))
    found = rule.find(art, options, lambda: read_evidence(art, find_candidates(art.text), options))
    assert found == (dt.date.fromisoformat(expected), basis)
    assert choose_reference(art, find_candidates(art.text), options) == found


def test_dates_code_holds_no_indonesian_words():
    """Indonesian words live in lexicons/months.yaml and date_patterns.yaml, not in the code."""
    from warta import lexicons
    from warta.annotate import dates

    schema = {"designator", "factor", "time", "unit", "offset", "x"}
    words = {w for v in lexicons.load("months").values() for w in lexicon_words(v)} - schema
    assert not words_in_code(Path(dates.__file__).parent, words, ("Check", "Resolver"))
