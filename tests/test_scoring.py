"""`warta eval` agrees with the project's reference scorer (/work/shared/eval/score.py)."""

import copy
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.scoring import overlap_f1, score

from tests.conftest import need_shared


def reference(shared, gold, preds) -> dict:
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(preds), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ours(gold, preds) -> dict:
    result = CliRunner().invoke(main, ["eval", "--json", str(gold), str(preds)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_scoring_eval_agrees_with_score_py_on_seed(tmp_path):
    shared = need_shared()
    seed = shared / "seed" / "000_d0311550289dc6a3.txt"
    gold = shared / "eval" / "seed.gold.jsonl"
    result = CliRunner().invoke(main, ["extract", "--no-model", str(seed)])
    assert result.exit_code == 0, result.output
    preds = tmp_path / "pred.jsonl"
    preds.write_text(result.stdout, encoding="utf-8")
    assert ours(gold, preds) == reference(shared, gold, preds)


def _perturbed(gold_record: dict) -> dict:
    """A prediction made from the gold record, half right and half wrong, to exercise every layer."""
    g = copy.deepcopy(gold_record)
    pred = {"id": g.get("id"), "source": g.get("file"), "title": g.get("title"), "authors": g.get("authors"),
            "credits": [], "reference_date": g.get("reference_date"),
            "entities": [{"text": e["name"], "label": e["label"]} for e in g.get("entities", [])[::2]]
            + [{"text": "Bukan Entitas", "label": "PER"}, {"text": "Jakarta", "label": "GPE"}],
            "actors": [{"id": "a1", "name": q["speaker"], "aliases": []} for q in g.get("quotes", [])[:1]],
            "quotes": [{"text": q["text"], "speaker": "a1" if i == 0 else None, "speaker_text": None}
                       for i, q in enumerate(g.get("quotes", [])[::2])] + [{"text": "kalimat lain sama sekali"}],
            "dates": [{"value": d["value"]} for d in g.get("dates", [])[1:]] + [{"value": "2023-09-13T11:43+09:00"}],
            "quantities": [{"value": q["value"], "unit": q.get("unit")} for q in g.get("quantities", [])]
            + [{"value": 7, "unit": "km"}],
            "places": [{"text": p["name"], "name": p["name"], "country": p["country"]} for p in g.get("places", [])[:1]],
            "events": [{"type": e["type"][0], "source_country": e.get("target_country"),
                        "target_country": e.get("source_country")} for e in g.get("events", [])]}
    return pred


def test_scoring_eval_agrees_with_score_py_on_mixed_predictions(tmp_path):
    shared = need_shared()
    gold = shared / "eval" / "seed.gold.jsonl"
    golds = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = tmp_path / "pred.jsonl"
    preds.write_text("\n".join(json.dumps(_perturbed(g), ensure_ascii=False) for g in golds) + "\n",
                     encoding="utf-8")
    # our eval reads a record file only when it looks like warta records
    lines = [dict(json.loads(line), schema="1.0") for line in preds.read_text().splitlines()]
    preds.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    assert ours(gold, preds) == reference(shared, gold, preds)


def test_scoring_perfect_prediction():
    gold = {"id": "x", "title": "Judul", "authors": ["A"], "credits": [], "reference_date": "2023-01-02",
            "entities": [{"name": "Joko Widodo", "label": "PER", "aliases": ["Jokowi"]}],
            "quotes": [{"speaker": "Joko Widodo", "text": "Kami siap bekerja."}],
            "dates": [{"value": "2023-01-02"}], "quantities": [{"value": 5, "unit": "km"}],
            "places": [{"name": "Solo", "country": "IDN"}],
            "events": [{"type": ["CONSULT"], "source_country": "IDN", "target_country": "JPN", "core": True}]}
    pred = {"id": "x", "title": "Judul", "authors": ["A"], "credits": [], "reference_date": "2023-01-02",
            "entities": [{"text": "Jokowi", "label": "PER"}],
            "actors": [{"id": "a", "name": "Joko Widodo"}],
            "quotes": [{"text": "Kami siap bekerja", "speaker": "a"}], "dates": [{"value": "2023-01-02"}],
            "quantities": [{"value": 5.0, "unit": "km"}], "places": [{"text": "Solo", "name": "Solo", "country": "IDN"}],
            "events": [{"type": "CONSULT", "source_country": "IDN", "target_country": "JPN"}]}
    summary = score([gold], [pred])
    for layer in ("entities", "quotes", "dates", "quantities", "places", "events"):
        assert summary[layer]["f1"] == 1.0, layer
    assert summary["attribution"]["accuracy"] == 1.0 and summary["metadata"]["exact"] == 1.0


def test_scoring_overlap():
    assert overlap_f1("Kami siap bekerja", "kami siap") == pytest.approx(0.8)
    assert overlap_f1("a", "") == 0.0
