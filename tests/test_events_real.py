"""Real-news event phenomena (issue 12, classes 5 and 6) through the full pipeline: tests/data/events_real.yaml."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

import warta

CASES = yaml.safe_load((Path(__file__).parent / "data" / "events_real.yaml").read_text(encoding="utf-8"))["cases"]


@functools.cache
def _pipeline():
    return warta.make_pipeline()


def _events(text: str):
    return [(e.type, e.source_country, e.target_country) for e in warta.extract_text(text, pipeline=_pipeline()).events]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:50])
def test_real_news_event(case):
    got = _events(case["text"])
    if case.get("type"):
        want = (case["type"], case.get("src"), case.get("tgt"))
        swapped = (case["type"], case.get("tgt"), case.get("src"))
        assert want in got or (case.get("sym") and swapped in got), f"expected {want}, got {got}"
    for banned in case.get("banned") or ():
        assert tuple(banned) not in got, f"{tuple(banned)} must not be coded, got {got}"
