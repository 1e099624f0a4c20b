"""A list of spans that the passes change match by match, with the look-ups they make (the spans that
overlap a range, lie inside it, hold it, start at a place) in time that does not grow with the article.

A pass that rebuilt its whole list of spans for each match of its pattern (`out = [sp for sp in out if
…]`) took time in proportion to matches × spans: quadratic in the article's length.  `SpanList` keeps the
spans sorted by start, so a look-up reads only the spans that start near the range (a span longer than
`LONG` characters, which news never has, is kept apart and always read).  Every answer is what the
comprehension over the plain list gave, in the plain list's order: each span keeps the place it would
have had there (`seq`: the spans given first, in their order, then each one added, in turn).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Callable, Iterable

LONG = 400  # characters: a span at least this long is kept apart (read by every look-up)

Span = tuple


class SpanList:
    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: dict[int, Span] = {}  # seq -> span
        self._starts: list[tuple[int, int]] = []  # (start, seq) of the short spans, sorted
        self._long: dict[int, Span] = {}
        self._next = 0
        for sp in spans:  # (sorted once at the end, not inserted in order one by one)
            seq = self._store(sp)
            if seq not in self._long:
                self._starts.append((sp[0], seq))
        self._starts.sort()

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, sp: Span) -> int:
        seq = self._store(sp)
        if seq not in self._long:
            insort(self._starts, (sp[0], seq))
        return seq

    def _store(self, sp: Span) -> int:
        seq = self._next
        self._next += 1
        self._spans[seq] = sp
        if not 0 <= sp[1] - sp[0] < LONG:  # (a span ending before it starts, never seen, is read always too)
            self._long[seq] = sp
        return seq

    def remove(self, seq: int) -> None:
        sp = self._spans.pop(seq)
        if self._long.pop(seq, None) is None:
            i = bisect_left(self._starts, (sp[0], seq))
            del self._starts[i]

    def remove_all(self, found: Iterable[tuple[int, Span]]) -> None:
        for seq, _ in found:
            self.remove(seq)

    def _starting(self, lo: int, hi: int) -> list[tuple[int, Span]]:
        """(seq, span) of the spans that start in [lo, hi), and every long one, in list order."""
        i, j = bisect_left(self._starts, (lo, -1)), bisect_left(self._starts, (hi, -1))
        found = [(seq, self._spans[seq]) for _, seq in self._starts[i:j]] + list(self._long.items())
        found.sort(key=lambda x: x[0])
        return found

    def where(self, lo: int, hi: int, test: Callable[[Span], bool]) -> list[tuple[int, Span]]:
        """(seq, span), in list order, of the spans that pass `test` among those that start in [lo, hi)
        or are long; the caller picks lo and hi so that every span that can pass starts there."""
        return [(seq, sp) for seq, sp in self._starting(lo, hi) if test(sp)]

    def overlapping(self, a: int, b: int) -> list[tuple[int, Span]]:
        """Spans with sp[0] < b and a < sp[1]."""
        return self.where(a - LONG, b, lambda sp: sp[0] < b and a < sp[1])

    def inside(self, a: int, b: int) -> list[tuple[int, Span]]:
        """Spans with a <= sp[0] and sp[1] <= b."""
        return self.where(a, b + 1, lambda sp: a <= sp[0] and sp[1] <= b)

    def holding(self, a: int, b: int) -> list[tuple[int, Span]]:
        """Spans with sp[0] <= a and b <= sp[1]."""
        return self.where(b - LONG, a + 1, lambda sp: sp[0] <= a and b <= sp[1])

    def starting_at(self, p: int) -> list[tuple[int, Span]]:
        return self.where(p, p + 1, lambda sp: sp[0] == p)

    def spans(self) -> list[Span]:
        """The spans in list order."""
        return list(self._spans.values())  # (seqs grow with each insertion: the dict's order is theirs)


class Cover:
    """The characters that added spans cover: whether a range overlaps an added span (`any(a < e and s < b
    for s, e in spans)`), in time of the range, not of the number of spans."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._marks = bytearray()
        self._all: list[tuple[int, int]] = []
        self._odd: list[tuple[int, int]] = []  # empty or reversed spans, which cover no character
        for sp in spans:
            self.add(sp[0], sp[1])

    def add(self, a: int, b: int) -> None:
        self._all.append((a, b))
        if not 0 <= a < b:
            self._odd.append((a, b))
            return
        if b > len(self._marks):
            self._marks.extend(bytes(b - len(self._marks)))
        self._marks[a:b] = b"\x01" * (b - a)

    def overlaps(self, a: int, b: int) -> bool:
        if not 0 <= a < b:  # an empty range overlaps no character, but a span around it
            return any(a < e and s < b for s, e in self._all)
        return self._marks.find(1, a, b) != -1 or any(a < e and s < b for s, e in self._odd)
