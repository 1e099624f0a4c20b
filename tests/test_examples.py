"""The README's example articles run end to end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warta.cli import main
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_extract_writes_one_valid_record(path):
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["language"] == "id"
    assert record["title"]
    assert record["text"] and not record["text"].startswith(record["title"])
    assert record["sentences"]
    for layer in ("entities", "quotes", "dates", "places", "events"):
        for item in record.get(layer) or []:
            assert record["text"][item["start"]:item["end"]] or layer == "events"


def test_examples_pretty_view_names_the_headline():
    result = CliRunner().invoke(main, ["extract", "--pretty", str(EXAMPLES[0])])
    assert result.exit_code == 0, result.output
    assert "Banjir Rendam Ribuan Rumah" in result.output


def test_seed_metadata(seed_path):
    result = CliRunner().invoke(main, ["extract", str(seed_path)])
    record = json.loads(result.output)
    assert record["title"].startswith("Pemimpin Korea Utara Bertemu Putin")
    assert record["authors"] == ["Aldgra Fredly"]
    assert record["credits"] == ["Reuters"]
    assert record["editor"] == "asr"
    assert [s["title"] for s in record["sections"]] == ["Korea Utara Meluncurkan Rudal Menjelang Pembicaraan"]
    assert "(asr)" not in record["text"]
    credit = [s for s in record["sentences"] if s["kind"] == "credit"]
    assert [record["text"][s["start"]:s["end"]] for s in credit] == ["Reuters berkontribusi pada laporan ini"]
    assert {"text": "Reuters", "label": "ORG"} in [{"text": e["text"], "label": e["label"]} for e in record["entities"]]
