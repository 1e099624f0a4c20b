"""docs/FORMAT.md describes exactly the fields of src/warta/record.py (a new field must be documented)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from warta.record import Article

DOC = Path(__file__).resolve().parents[1] / "docs" / "FORMAT.md"


def documented() -> dict[str, list[str]]:
    """Field names of each table: "Article" for section 1, then each `### Item`."""
    tables: dict[str, list[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## 1."):
            current = "Article"
        elif line.startswith("### "):
            current = line[4:].strip()
        elif line.startswith("## "):
            current = None
        elif current and (m := re.match(r"\|\s*`(\w+)`\s*\|", line)):
            tables.setdefault(current, []).append(m.group(1))
    return tables


def test_article_fields_documented_in_order():
    fields = [f.name for f in dataclasses.fields(Article) if f.name != "scratch"]
    assert documented()["Article"] == fields


@pytest.mark.parametrize("layer", sorted(Article.LAYERS))
def test_item_fields_documented_in_order(layer):
    cls = Article.LAYERS[layer]
    assert documented()[cls.__name__] == [f.name for f in dataclasses.fields(cls)]


def test_every_documented_item_exists():
    names = {cls.__name__ for cls in Article.LAYERS.values()}
    assert set(documented()) - {"Article"} == names
