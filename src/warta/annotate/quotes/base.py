"""The quoter's state and the span helpers its rules share: marks, paragraphs, speaker candidates."""

from __future__ import annotations

import bisect
import re

from warta.lang.id.titles import ACTOR_PHRASES, pronouns
from warta.record import Article, Quote
from warta.annotate.quotes.cues import SENTENCE_CUES, abbreviations, cues
from warta.annotate.quotes.marks import Marks, find_marks

_WORD_BEFORE = re.compile(r"(\w+)\W*$")  # the last word of a stretch, before any punctuation
_LAST_TOKEN = re.compile(r"\S+$")


class QuoterBase:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.marks = find_marks(self.text)
        # indexes built once, so that "which candidates lie in a..b" and "is pos inside a quotation or a
        # candidate" are bisections, not scans of the whole article (linear time in its length)
        spans = sorted((m.open, m.close) for m in self.marks)
        self._mark_opens = [o for o, _ in spans]
        self._mark_reach = _reach(c for _, c in spans)
        self._mark_closes = sorted(m.close for m in self.marks)
        self._para_opens = sorted(m.open for m in self.marks if m.paragraph_start)
        # find_marks gives top-level quotations in order, none inside another: then the one that holds an
        # offset, or the last to close before it, is found by bisection (else the list is read, as before)
        self._marks_in_order = all(a.close < b.open for a, b in zip(self.marks, self.marks[1:])) and all(
            m.open <= m.close for m in self.marks)
        self.direct_spans = QuoteSpans()
        self.c = cues()
        self.candidates = self.build_candidates()
        self._cand_starts = [c[0] for c in self.candidates]
        self._cand_reach = _reach(c[1] for c in self.candidates)
        self.candidate_types = {c[2]: c[3] for c in self.candidates}
        self.used_cues: set[int] = set()
        self.quotes: list[Quote] = []

    def sentence_cues(self, s_start: int, s_end: int) -> dict[str, list[re.Match]]:
        """The SENTENCE_CUES of text[s_start:s_end], each as `self.c[cue].finditer` of that text finds them, found
        once (in one search: `cues()["sentence_cues"]`) for the rules that read them."""
        cached = self.__dict__.get("_sentence_cues")
        if cached is None or cached[0] != (s_start, s_end):
            found = self.c["sentence_cues"].finditer(self.text[s_start:s_end])
            cached = self._sentence_cues = ((s_start, s_end), dict(zip(SENTENCE_CUES, found)))
        return cached[1]

    # -- spans ---------------------------------------------------------------------
    def build_candidates(self) -> list[tuple[int, int, str, str]]:
        spans: list[tuple[int, int, str, str]] = []
        types = {a.id: a.type for a in self.article.actors}
        for a in self.article.actors:
            for s, e in a.mentions:
                spans.append((s, e, a.id, a.type))
        for s, e, aid in self.article.scratch.get(ACTOR_PHRASES, []):
            spans.append((s, e, aid, types.get(aid, "PER")))
        # dict, not set: two actors with the same span keep their order in the record (a set ordered them by
        # string hashes, so the speaker's actor id changed from run to run)
        spans = sorted(dict.fromkeys(spans), key=lambda x: (x[0], -x[1]))
        outer: list[tuple[int, int, str, str]] = []
        reach = -1  # spans come by start: one inside (or equal to) an earlier outer span ends by its end
        for sp in spans:
            if sp[1] <= reach:
                continue
            outer.append(sp)
            reach = sp[1]
        return [sp for sp in outer if not self.in_quote(sp[0])]

    def in_quote(self, pos: int) -> bool:
        """Some quotation has open < pos < close."""
        i = bisect.bisect_left(self._mark_opens, pos)
        return i > 0 and self._mark_reach[i - 1] > pos

    def in_candidate(self, pos: int, strictly: bool = False) -> bool:
        """Some speaker candidate has start <= pos < end (with `strictly`: start < pos < end)."""
        i = (bisect.bisect_left if strictly else bisect.bisect_right)(self._cand_starts, pos)
        return i > 0 and self._cand_reach[i - 1] > pos

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, len(self.text) if b < 0 else b

    def paragraph_index(self, pos: int) -> int:
        """Paragraphs before pos, page asides (related links, `Baca juga`) not counted: the breaks of
        the whole text are found once; only a break that straddles pos is matched again."""
        if not hasattr(self, "_breaks"):
            found = [(m.start(), m.end()) for m in re.finditer(r"\n\s*\n", self.text)]
            self._breaks = [s for s, _ in found], [e for _, e in found]
            self._counted = _reach_sum(not self.c["aside"].match(self.text, e) for _, e in found)
        starts, ends = self._breaks
        k = bisect.bisect_right(ends, pos)
        n = self._counted[k - 1] if k else 0
        if k < len(starts) and starts[k] < pos:
            n += len([b for b in re.finditer(r"\n\s*\n", self.text[starts[k]:pos])
                      if not self.c["aside"].match(self.text, starts[k] + b.end())])
        return n

    def extend_out_of_quote(self, end: int) -> int:
        m = self.mark_holding(end)
        return m.close + 1 if m is not None else end

    def mark_holding(self, pos: int) -> Marks | None:
        """The first quotation with open < pos <= close."""
        if not self._marks_in_order:
            return next((m for m in self.marks if m.open < pos <= m.close), None)
        i = bisect.bisect_left(self._mark_opens, pos) - 1  # the last to open before pos
        return self.marks[i] if i >= 0 and pos <= self.marks[i].close else None

    def last_mark_closed_before(self, pos: int, since: int) -> Marks | None:
        """The last quotation (in the list) with since <= close < pos."""
        if not self._marks_in_order:
            return next((m for m in reversed(self.marks) if since <= m.close < pos), None)
        i = bisect.bisect_left(self._mark_closes, pos) - 1
        return self.marks[i] if i >= 0 and self.marks[i].close >= since else None

    def stops(self) -> list[int]:
        r"""The offsets where a sentence ends (`[.!?](?=\s)`), in order, found once."""
        if not hasattr(self, "_stops"):
            self._stops = [m.start() for m in re.finditer(r"[.!?](?=\s)", self.text)]
        return self._stops

    def last_stop_before(self, end: int) -> int:
        r"""The last offset p < end where a sentence ends (`[.!?](?=\s)`), or -1."""
        stops = self.stops()
        i = bisect.bisect_left(stops, end)
        return stops[i - 1] if i else -1

    def first_open_from(self, pos: int, default: int) -> int:
        """min([m.open for m in self.marks if m.open >= pos] + [default])."""
        i = bisect.bisect_left(self._mark_opens, pos)
        return min(self._mark_opens[i], default) if i < len(self._mark_opens) else default

    def last_close_before(self, pos: int, default: int) -> int:
        """max([m.close + 1 for m in self.marks if m.close < pos] + [default])."""
        i = bisect.bisect_left(self._mark_closes, pos)
        return max(self._mark_closes[i - 1] + 1, default) if i else default

    def first_paragraph_open_after(self, pos: int, default: int) -> int:
        """min([m.open for m in self.marks if m.open > pos and m.paragraph_start] + [default])."""
        i = bisect.bisect_right(self._para_opens, pos)
        return min(self._para_opens[i], default) if i < len(self._para_opens) else default

    # -- speakers ------------------------------------------------------------------
    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.text[max(0, pos - 30):pos])
        return m.group(1).casefold() if m else ""

    def abbreviation_before(self, dot: int) -> bool:
        word = _LAST_TOKEN.search(self.text[max(0, dot - 12):dot])
        return bool(word) and word.group() + "." in abbreviations()

    def cands_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect.bisect_left(self._cand_starts, a), bisect.bisect_right(self._cand_starts, b)
        return [c for c in self.candidates[lo:hi] if c[1] <= b]


    def cue_ok(self, pos: int) -> bool:
        return not self.in_quote(pos) and pos not in self.used_cues and not any(
            q.direct and q.start - 1 <= pos < q.end + 1 for q in self.quotes_near(pos, pos))

    def trim_clause(self, a: int, b: int) -> tuple[int, int]:
        while a < b and self.text[a] in " ,:\n":
            a += 1
        while b > a and self.text[b - 1] in " .,;\n":
            b -= 1
        return a, b

    def overlaps_direct(self, a: int, b: int) -> bool:
        return any(q.direct and not (b <= q.start - 1 or a >= q.end + 1) for q in self.quotes_near(a, b))

    def quotes_near(self, a: int, b: int) -> list[Quote]:
        """The quotes found so far, in their order, that may overlap a..b widened by one character each side:
        every quote that starts within the longest one's length before a, up to b + 1."""
        return self.direct_spans.near(self.quotes, a, b)

    def first_direct_after(self, pos: int, default: int) -> int:
        """min([q.start - 1 for q in self.quotes if q.direct and q.start > pos] + [default])."""
        return self.direct_spans.first_direct_after(self.quotes, pos, default)


    @staticmethod
    def pronoun_words() -> frozenset[str]:
        singular, plural = pronouns()
        return singular | plural


def _reach(ends) -> list[int]:
    """The furthest end so far, item by item."""
    out: list[int] = []
    for end in ends:
        out.append(max(end, out[-1]) if out else end)
    return out


def _reach_sum(flags) -> list[int]:
    """How many flags are true so far, item by item."""
    out: list[int] = []
    for flag in flags:
        out.append((out[-1] if out else 0) + bool(flag))
    return out


class QuoteSpans:
    """The quoter's quotes by start, brought up to date with its list (which only grows while the article is
    walked): a look-up reads the quotes that start near a range, not every quote found (linear time)."""

    def __init__(self) -> None:
        self.seen = 0
        self.starts: list[tuple[int, int]] = []  # (start, place in the list)
        self.direct_starts: list[int] = []
        self.longest = 0

    def _update(self, quotes: list[Quote]) -> None:
        if self.seen > len(quotes):  # (never while walking: the list is sorted once, at the end) -- read again
            self.__init__()
        for n in range(self.seen, len(quotes)):
            q = quotes[n]
            bisect.insort(self.starts, (q.start, n))
            if q.direct:
                bisect.insort(self.direct_starts, q.start)
            self.longest = max(self.longest, q.end - q.start)
        self.seen = len(quotes)

    def near(self, quotes: list[Quote], a: int, b: int) -> list[Quote]:
        self._update(quotes)
        lo = bisect.bisect_left(self.starts, (a - self.longest - 2, -1))
        hi = bisect.bisect_left(self.starts, (b + 2, -1))
        return [quotes[n] for n in sorted(n for _, n in self.starts[lo:hi])]

    def first_direct_after(self, quotes: list[Quote], pos: int, default: int) -> int:
        self._update(quotes)
        i = bisect.bisect_right(self.direct_starts, pos)
        return min(self.direct_starts[i] - 1, default) if i < len(self.direct_starts) else default
