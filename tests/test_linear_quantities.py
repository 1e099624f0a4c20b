"""The quantities component's look-ups that replaced scans answer what the scans answered."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from warta.annotate.quantities.tables import SpanIndex, next_words, overlaps

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25)


@given(spans, st.integers(0, 60), st.integers(0, 60))
def test_span_index_answers_as_the_scan(items, a, b):
    assert SpanIndex(items).overlaps(a, b) == overlaps(a, b, items)


def _next_words_by_copy(text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
    out = []
    while len(out) < n:
        m = re.match(r"[ \t\u00a0]+([\w-]+)", text[pos:])
        if not m:
            break
        out.append((m.group(1), pos + m.start(1), pos + m.end(1)))
        pos += m.end(1)
    return out


@given(st.text(alphabet="ab- \t\u00a0.,", max_size=40), st.integers(0, 40), st.integers(0, 4))
def test_next_words_in_place_as_on_a_copy(text, pos, n):
    pos = min(pos, len(text))
    assert next_words(text, pos, n) == _next_words_by_copy(text, pos, n)


def test_next_words_example():
    text = "sebanyak 12 orang warga-desa tewas."
    assert next_words(text, text.index(" orang"), 2) == [("orang", 12, 17), ("warga-desa", 18, 28)]
