"""Fractions are looked for only at a `/`: the same matches as scanning the whole text."""

import pytest

from warta.annotate.quantities.passes import _slash_matches
from warta.annotate.quantities.tables import tables

TEXTS = [
    "Ia dituntut 2/3 dari tuntutan jaksa.",
    "Sekitar 1/2 bagian lahan, lalu 3/4 dari sisanya.",
    "Tanggal 12/3 bukan pecahan; (2/3 dari) juga bukan; 1/2/3 dari bukan.",
    "/2 dari",
    "tanpa garis miring",
    "2/3 dari2/3 dari 4/5  bagian",
]


@pytest.mark.parametrize("text", TEXTS)
def test_slash_matches_are_finditer(text):
    pattern = tables()["fraction"]
    assert [m.span() for m in _slash_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]


def test_fraction_found():
    assert len(_slash_matches(tables()["fraction"], TEXTS[1])) == 2
