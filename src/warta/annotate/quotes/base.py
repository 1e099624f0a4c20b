"""The quoter's state and the span helpers its rules share: marks, paragraphs, speaker candidates."""

from __future__ import annotations

import bisect
import re

from warta.lang.id.titles import ACTOR_PHRASES, pronouns
from warta.record import Article, Quote
from warta.annotate.quotes.cues import abbreviations, cues
from warta.annotate.quotes.marks import find_marks


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
        self.c = cues()
        self.candidates = self.build_candidates()
        self._cand_starts = [c[0] for c in self.candidates]
        self._cand_reach = _reach(c[1] for c in self.candidates)
        self.candidate_types = {c[2]: c[3] for c in self.candidates}
        self.used_cues: set[int] = set()
        self.quotes: list[Quote] = []

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
        for m in self.marks:
            if m.open < end <= m.close:
                return m.close + 1
        return end

    # -- speakers ------------------------------------------------------------------
    def word_before(self, pos: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, pos - 30):pos])
        return m.group(1).casefold() if m else ""

    def abbreviation_before(self, dot: int) -> bool:
        word = re.search(r"\S+$", self.text[max(0, dot - 12):dot])
        return bool(word) and word.group() + "." in abbreviations()

    def cands_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect.bisect_left(self._cand_starts, a), bisect.bisect_right(self._cand_starts, b)
        return [c for c in self.candidates[lo:hi] if c[1] <= b]


    def cue_ok(self, pos: int) -> bool:
        return not self.in_quote(pos) and pos not in self.used_cues and not any(
            q.direct and q.start - 1 <= pos < q.end + 1 for q in self.quotes)

    def trim_clause(self, a: int, b: int) -> tuple[int, int]:
        while a < b and self.text[a] in " ,:\n":
            a += 1
        while b > a and self.text[b - 1] in " .,;\n":
            b -= 1
        return a, b

    def overlaps_direct(self, a: int, b: int) -> bool:
        return any(q.direct and not (b <= q.start - 1 or a >= q.end + 1) for q in self.quotes)


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
