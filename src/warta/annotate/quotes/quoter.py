"""The quoter: walks an article in order (so pronouns see the speakers quoted before them)."""

from __future__ import annotations

from warta import lexicons
from warta.record import Quote
from warta.annotate.quotes.cues import generic_speakers
from warta.annotate.quotes.reported import ReportedRules


class Quoter(ReportedRules):
    def run(self) -> list[Quote]:
        pending = sorted(self.marks, key=lambda m: m.open)
        sentences = self.article.sentences
        # walk the text in order so that pronouns see the speakers quoted before them
        events: list[tuple[int, str, object]] = [(m.open, "mark", m) for m in pending]
        events += [(s.end, "sent", s) for s in sentences if s.kind not in ("title", "byline", "heading")]
        events.sort(key=lambda x: (x[0], 0 if x[1] == "mark" else 1))
        for _, kind, obj in events:
            if kind == "mark":
                q = self.direct(obj)  # type: ignore[arg-type]
                if q is not None:
                    self.quotes.append(q)
            else:
                s = obj
                if self.in_quote(s.start) and self.extend_out_of_quote(s.start) >= s.end:  # type: ignore
                    continue
                self.quotes.extend(self.reported(s.start, s.end))  # type: ignore[attr-defined]
        self.quotes.sort(key=lambda q: q.start)
        for q in self.quotes:
            if q.speaker is None and q.speaker_text:
                q.speaker = self.generic_speaker(q.speaker_text, q.start)
        return self.quotes

    def generic_speaker(self, words: str, pos: int) -> str | None:
        """`Hakim`, `majelis hakim`, `Polisi`: the court / police body the article names."""
        table = generic_speakers()
        w = " ".join(words.casefold().split())
        for p in sorted(lexicons.load("actor_words").get("generic_prefixes") or [], key=len, reverse=True):
            if w.startswith(p + " "):
                w = w[len(p) + 1:]
                break
        heads = table.get(w)
        if not heads:
            return None
        best: tuple[int, str] | None = None
        for a in self.article.actors:
            if a.type != "ORG" or not any(n == h or n.startswith(h + " ") for n in [a.name, *a.aliases] for h in heads):
                continue
            before = [s for s, _ in a.mentions if s < pos]
            rank = pos - before[-1] if before else 10**9 + (a.mentions[0][0] if a.mentions else 0)
            if best is None or rank < best[0]:
                best = (rank, a.id)
        return best[1] if best else None

