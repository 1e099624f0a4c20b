"""`warta evaluate ner` scores the shipped model on a held-out test set."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import SHARED, need_shared
from warta.cli import main

#: NER-UI fold-01 test F1 of the shipped model is 86; this floor catches a broken model or tokenizer
NERUI_F1_FLOOR = 83.0


def test_cli_evaluate_ner_on_nerui_fold01():
    data = need_shared(SHARED / "data")
    result = CliRunner().invoke(main, ["evaluate", "ner", "--data", str(data), "--test", "nerui-fold01-test"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["test"] for r in rows] == ["nerui-fold01-test"]
    row = rows[0]
    assert set(row) >= {"test", "precision", "recall", "f1", "sentences", "words_per_second"}
    assert row["sentences"] > 400
    assert row["f1"] >= NERUI_F1_FLOOR


def test_cli_evaluate_ner_missing_data_folder(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "ner", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "Error:" in result.output and "--data" in result.output
