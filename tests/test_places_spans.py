"""The places component's span indexes answer what scanning every span answered (issue 14: the
scans made the component quadratic in article length; bench/bench_places.py times it)."""

import random
from types import SimpleNamespace as NS

import pytest


def _spans(rng, n, size=200, longest=12):
    out = []
    for _ in range(n):
        start = rng.randrange(size)
        out.append(NS(start=start, end=start + rng.randrange(1, longest)))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_places_spans_answer_as_a_scan(seed):
    from warta.annotate.places.spans import Spans

    rng = random.Random(seed)
    items = _spans(rng, rng.randrange(0, 30))
    index = Spans(items)
    for _ in range(60):
        start = rng.randrange(-2, 210)
        end = start + rng.randrange(0, 15)
        assert index.covers(start, end) == any(x.start <= start and end <= x.end for x in items)
        assert index.covers(start, end, strictly=True) == any(
            x.start <= start and end <= x.end and (x.start, x.end) != (start, end) for x in items)
        hi = start + rng.randrange(0, 10)
        assert index.any_within(start, hi, end) == any(start <= x.start <= hi and x.end <= end for x in items)
        assert index.any_within(start, end, end, shorter=True) == any(
            x.start >= start and x.end <= end and x.end - x.start < end - start for x in items)
        assert sorted(map(id, index.starting(start, hi))) == sorted(id(x) for x in items if start <= x.start <= hi)
        assert index.ends_at(start) == any(x.end == start for x in items)


@pytest.mark.parametrize("seed", range(20))
def test_places_bounds_are_rfind_and_find(seed):
    from warta.annotate.places.spans import Bounds

    rng = random.Random(seed)
    text = "".join(rng.choice(["a", " ", ".", ". ", "\n", "b c"]) for _ in range(rng.randrange(0, 80)))
    bounds = Bounds(text)
    for start in range(len(text) + 1):
        assert bounds.before(start) == max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        found = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
        assert bounds.after(start) == min(found or [len(text)])


def _brute_sentence_countries(text, places, p):
    """The scan the index replaced (nearest first, seas and regions left out)."""
    if p.sentence is not None:
        same = [q for q in places if q.sentence == p.sentence]
    else:
        a = max(text.rfind(". ", 0, p.start), text.rfind("\n", 0, p.start)) + 1
        b = min([i for i in (text.find(". ", p.end), text.find("\n", p.end)) if i >= 0] or [len(text)])
        same = [q for q in places if a <= q.start and q.end <= b]
    found = sorted((abs(q.start - p.start), q.country) for q in same
                   if q is not p and q.country and q.kind not in ("sea", "region", "continent", "strait"))
    out = []
    for _d, c in found:
        if c not in out:
            out.append(c)
    return out


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("with_sentences", [True, False])
def test_places_sentence_countries_nearest_as_the_scan(seed, with_sentences):
    from warta.annotate.places.context import _SentenceCountries

    rng = random.Random(seed)
    text, places = "", []
    for _ in range(rng.randrange(1, 40)):  # places that do not overlap, some sentences apart
        text += rng.choice(["", " ", ", ", ". ", "\n", " dan "])
        start = len(text)
        text += rng.choice(["Xa", "Yb Zc", "Wd"])
        places.append(NS(start=start, end=len(text), sentence=text.count(". ") if with_sentences else None,
                         country=rng.choice([None, None, "IDN", "PNG", "RUS", "AUS"]),
                         kind=rng.choice([None, "city", "sea", "region"])))
    nearby = _SentenceCountries(text, places)
    for p in reversed(places):  # as _countries_from_context goes: countries given meanwhile count
        if p.country is not None:
            continue
        expect = _brute_sentence_countries(text, places, p)
        near, foreign = nearby(p)
        assert near == expect[:1]
        assert foreign == [c for c in expect if c != "IDN"][:1]
        if rng.random() < 0.5:
            p.country = rng.choice(["IDN", "PNG"])
            nearby.add(p)
