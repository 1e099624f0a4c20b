"""Span indexes for the places component: what lies around a span, found by bisection.

Scanning every mention, organisation or place for each place made the component quadratic in
the article's length (a 256 KB article took 113 s); these indexes are built once per article.
"""

from __future__ import annotations

import bisect
import re


class Spans:
    """Things with a start and an end (mentions, entities, places), sorted by start once, so that
    what lies around a span is found by bisection instead of by scanning them all."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self.reach: list[int] = []  # the furthest end among the items up to each index
        self.reach_at: dict[int, int] = {}  # the furthest end among the items starting at an offset
        self.ends = {x.end for x in self.items}
        for x in self.items:
            self.reach.append(max(x.end, self.reach[-1]) if self.reach else x.end)
            self.reach_at[x.start] = max(x.end, self.reach_at.get(x.start, x.end))

    def starting(self, lo: int, hi: int) -> list:
        """The items that start at `lo` to `hi` (both included), by start."""
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_right(self.starts, hi)]

    def any_within(self, lo: int, hi: int, end: int, shorter: bool = False) -> bool:
        """Whether an item starts at `lo` to `hi` and ends by `end` (with `shorter`: other than `lo`-`end`)."""
        return any(x.end <= end and not (shorter and (x.start, x.end) == (lo, end)) for x in self.starting(lo, hi))

    def covers(self, start: int, end: int, strictly: bool = False) -> bool:
        """Whether an item holds `start`-`end` (with `strictly`: other than `start`-`end` itself)."""
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.reach[i - 1] >= end:
            return True
        at = self.reach_at.get(start)
        return at is not None and (at > end if strictly else at >= end)

    def ends_at(self, offset: int) -> bool:
        return offset in self.ends


class Bounds:
    """Where `. ` and line breaks stand in a text, found once: the sentence-like stretch around an
    offset when no sentence index is given."""

    def __init__(self, text: str):
        self.size = len(text)
        self.stops = [m.start() for m in re.finditer(r"\. ", text)]
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]

    def before(self, start: int) -> int:
        """`max(text.rfind(". ", 0, start), text.rfind("\\n", 0, start))`"""
        i = bisect.bisect_right(self.stops, start - 2) - 1
        j = bisect.bisect_right(self.breaks, start - 1) - 1
        return max(self.stops[i] if i >= 0 else -1, self.breaks[j] if j >= 0 else -1)

    def after(self, end: int) -> int:
        """The first `. ` or line break at or after `end` (the text's length when none)."""
        i = bisect.bisect_left(self.stops, end)
        j = bisect.bisect_left(self.breaks, end)
        found = [x for x in (self.stops[i] if i < len(self.stops) else -1,
                             self.breaks[j] if j < len(self.breaks) else -1) if x >= 0]
        return min(found or [self.size])
