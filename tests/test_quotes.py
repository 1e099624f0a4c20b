"""Quotes layer: every case in tests/data/quotes.yaml, the aggregate scores, and the seed article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.quote_metrics import cases, evaluate, evaluate_case

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quotes_case(case):
    if case.get("xfail"):
        pytest.xfail(case["xfail"])
    result = evaluate_case(case)
    assert result["misses"] == [], result["misses"]


def test_quotes_dataset_size_and_coverage():
    assert sum(len(c["quotes"]) for c in CASES) >= 80
    texts = " ".join(c["text"] for c in CASES)
    lowered = texts.casefold()
    for cue in ["mengatakan", "kata", "ujar", "ungkap", "tutur", "jelas", "tegas", "tambah", "sebut", "klaim",
                "menyatakan", "menegaskan", "mengungkapkan", "menjelaskan", "menambahkan", "menurut",
                "demikian laporan", "seperti dikutip dari", "melansir", "tulis", "kepada wartawan", "menjawab",
                "ujarnya", "tambahnya", "katanya", "Dia", "Beliau", "ia"]:
        assert cue in texts or cue.casefold() in lowered, cue


def test_quotes_aggregate_scores():
    scores = evaluate()
    assert scores["f1"] >= 0.9, scores
    assert scores["attribution"] >= 0.9, scores


def test_quotes_partial_quote_stays_inside_reported_clause():
    import warta
    from tests.quote_metrics import pipeline
    a = warta.extract_text("Menteri Luar Negeri Sugiono Hadi mengatakan bahwa Indonesia mendukung "
                           "“solusi dua negara” bagi Palestina.", pipeline=pipeline())
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert not q.direct and "“solusi dua negara”" in q.text
    assert a.text[q.start:q.end] == q.text
    assert a.actor(q.speaker).name == "Sugiono Hadi"


def test_quotes_offsets_and_rules():
    import warta
    from tests.quote_metrics import pipeline
    a = warta.extract_text("“Kami siap membantu,” kata Gubernur Bali Wayan Koster.", pipeline=pipeline())
    q = a.quotes[0]
    assert a.text[q.start:q.end] == q.text == "Kami siap membantu,"
    assert q.cue == "kata" and q.rule.startswith("quote:direct") and q.sentence == 0


def test_quotes_seed_scores(seed_path, gold_path):
    out = subprocess.run([sys.executable, "-m", "warta.cli", "extract", str(seed_path)], capture_output=True,
                         text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    if out.returncode != 0:
        pytest.skip(f"warta extract failed: {out.stderr[-300:]}")
    pred = ROOT / ".pytest_seed_quotes.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    try:
        score = subprocess.run([sys.executable, str(gold_path.parent / "score.py"), str(gold_path), str(pred),
                                "--json"], capture_output=True, text=True)
        summary = json.loads(score.stdout)
    finally:
        pred.unlink()
    assert summary["quotes"]["f1"] >= 0.9
    assert summary["attribution"]["accuracy"] >= 0.9
