"""Quality gate on real news nobody here wrote: ../shared/real (50 articles, 47 outlets, hand-made gold).

The texts are copyrighted and not in the repository; they are rebuilt into the git-ignored
tests/data/real/articles.jsonl as ../shared/real/README.md says. Where that file or the gold is absent
(as in CI, which does not rebuild them) every test here skips, saying why.

The floors are the last measured F1 minus a margin (the closing notes give the measurements and the
command: `warta extract tests/data/real/articles.jsonl > real.jsonl && python3 ../shared/eval/score.py
../shared/real/gold.jsonl real.jsonl`). Raise them when warta improves; never lower them to pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from tests.conftest import SHARED
from warta.scoring import score

ARTICLES = Path(__file__).resolve().parent / "data" / "real" / "articles.jsonl"
GOLD = SHARED / "real" / "gold.jsonl"

# measured 2026-12-03, second session (49 of 50 texts rebuilt; d17 is not among the stored pages and counts
# as a miss): entities .901, quotes .956, dates .972, quantities .985, places .924, events .771 (core recall
# .719, precision .830), attribution .949, metadata .970; floors are those minus a margin of about 0.02
F1_FLOORS = {"entities": 0.88, "quotes": 0.935, "dates": 0.95, "quantities": 0.96, "places": 0.90,
             "events": 0.75}
ATTRIBUTION_FLOOR = 0.93
METADATA_FLOOR = 0.95


@pytest.fixture(scope="module")
def summary() -> dict:
    for path, how in [(GOLD, "the shared folder with the real-news gold is absent"),
                      (ARTICLES, "the real-news texts are not rebuilt (see ../shared/real/README.md)")]:
        if not path.exists():
            pytest.skip(f"{path}: {how}")
    with open(GOLD, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    preds = [a.to_dict() for a in warta.extract([ARTICLES], pipeline=warta.make_pipeline())]
    return score(gold, preds)


@pytest.mark.parametrize("layer", sorted(F1_FLOORS))
def test_real_layer_f1_floor(summary, layer):
    got = summary[layer]["f1"]
    assert got >= F1_FLOORS[layer], f"{layer} F1 on real news fell to {got:.3f} (floor {F1_FLOORS[layer]})"


def test_real_attribution_floor(summary):
    assert summary["attribution"]["accuracy"] >= ATTRIBUTION_FLOOR


def test_real_metadata_floor(summary):
    assert summary["metadata"]["exact"] >= METADATA_FLOOR
