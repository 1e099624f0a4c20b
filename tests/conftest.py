"""Shared test fixtures: the repository root, test data and the annotated corpora in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("WARTA_SHARED") or ROOT.parent / "shared")
SEED = SHARED / "seed" / "000_d0311550289dc6a3.txt"
GOLD = SHARED / "eval" / "seed.gold.jsonl"


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the annotated corpora and the sample article live beside the repository "
                    "(set WARTA_SHARED to their folder)")
    return path


def load_cases(name: str):
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def gold_path() -> Path:
    return need_shared(GOLD)


@pytest.fixture(scope="session")
def pipeline():
    import warta

    return warta.make_pipeline(today="2026-11-27")


@pytest.fixture
def run_components():
    from warta.options import Options
    from warta.pipeline import Pipeline
    from warta.record import Article

    def run(text, names, **opts):
        return Pipeline(names, Options.build(opts))(Article(text=text))

    return run
