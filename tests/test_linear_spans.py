"""The indexes that replaced whole-list scans (issues 13, 14) answer what the scans answered, in the same order:
the entities' span list and character cover, the quoter's marks and quotes found so far."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from warta.annotate.entities import spanset
from warta.annotate.entities.spanset import Cover, SpanList
from warta.annotate.quotes.base import QuoteSpans
from warta.record import Quote

ends = st.integers(min_value=0, max_value=60)
span = st.tuples(ends, ends, st.sampled_from(["PER", "ORG", "LOC"]), st.sampled_from(["a", "b"])).map(
    lambda t: (t[0], t[0] + t[1] % 9 if t[1] % 7 else t[0] + t[1] * 20, t[2], t[3]))  # some spans long
ops = st.lists(st.tuples(st.sampled_from(["add", "remove", "ask"]), span, ends, ends), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=20), ops)
def test_span_list_answers_as_the_plain_list(first, steps):
    spanset.LONG, old = 30, spanset.LONG  # (spans longer than this are kept apart: both kinds are tested)
    try:
        plain: list = list(first)
        kept = SpanList(first)
        for op, sp, a, b in steps:
            if op == "add":
                plain.append(sp)
                kept.add(sp)
            elif op == "remove":
                gone = [x for x in kept.overlapping(a, b)]
                kept.remove_all(gone)
                plain = [x for x in plain if not (x[0] < b and a < x[1])]
            assert [x for _, x in kept.overlapping(a, b)] == [x for x in plain if x[0] < b and a < x[1]]
            assert [x for _, x in kept.inside(a, b)] == [x for x in plain if a <= x[0] and x[1] <= b]
            assert [x for _, x in kept.holding(a, b)] == [x for x in plain if x[0] <= a and b <= x[1]]
            assert [x for _, x in kept.starting_at(a)] == [x for x in plain if x[0] == a]
            assert kept.spans() == plain
    finally:
        spanset.LONG = old


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ends, ends), max_size=20), st.lists(st.tuples(ends, ends), max_size=20))
def test_cover_is_the_overlap_scan(added, asked):
    cover = Cover()
    seen: list = []
    for (s, e), (a, b) in zip(added, asked):
        cover.add(s, e)
        seen.append((s, e))
        assert cover.overlaps(a, b) == any(a < y and x < b for x, y in seen)


def _quote(start: int, end: int, direct: bool) -> Quote:
    return Quote(text="", start=start, end=end, direct=direct)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ends, st.integers(min_value=0, max_value=30), st.booleans(), ends, ends), max_size=30))
def test_quote_spans_find_every_quote_that_can_overlap(steps):
    quotes: list[Quote] = []
    index = QuoteSpans()
    for start, length, direct, a, b in steps:
        quotes.append(_quote(start, start + length, direct))
        near = index.near(quotes, a, b)
        assert near == [q for q in quotes if q in near]  # in the list's order
        assert [q for q in index.near(quotes, a, a) if q.direct and q.start - 1 <= a < q.end + 1] == \
            [q for q in quotes if q.direct and q.start - 1 <= a < q.end + 1]
        assert [q for q in near if q.direct and not (b <= q.start - 1 or a >= q.end + 1)] == \
            [q for q in quotes if q.direct and not (b <= q.start - 1 or a >= q.end + 1)]
        assert [q for q in near if q.start < b and a < q.end] == [q for q in quotes if q.start < b and a < q.end]
        assert index.first_direct_after(quotes, a, 99) == min([q.start - 1 for q in quotes if q.direct and q.start > a] + [99])
