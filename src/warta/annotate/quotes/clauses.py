"""Clause readers of reported speech: where the clause after a cue verb starts and ends, a second clause or
speaker in the same sentence, an inserted cue (`A, kata X, B`)."""

from __future__ import annotations

import re

from warta.lang.id.titles import pronouns
from warta.record import Quote
from warta.annotate.quotes.cues import is_clause
from warta.annotate.quotes.direct import DirectRules
from warta.annotate.quotes.marks import OPEN_CLOSE


class ClauseRules(DirectRules):
    def clause_after_speaker(self, a: int, s_end: int) -> tuple[int, int] | None:
        """After an inserted cue (`, kata Aidi, B`): the span of B when a short speaker (≤ 8 words, no other
        cue) ends at a comma and B reads as a clause of 3+ words."""
        comma = self.text.find(",", a, s_end)
        if comma < 0 or self.in_quote(comma) or self.in_candidate(comma, strictly=True):
            return None
        who = self.text[a:comma]
        if not who.strip() or len(who.split()) > 8 or self.c["before"].search(who) or self.c["after"].search(who):
            return None
        qa, qb = self.trim_clause(comma + 1, s_end)
        if len(self.text[qa:qb].split()) < 3 or self.overlaps_direct(qa, qb) or self.text[qa:qa + 1] in OPEN_CLOSE:
            return None
        if self.c["insert"].match(self.text, qa) or self.c["source"].match(self.text, qa) \
                or self.c["before"].match(self.text, qa):
            return None  # `, kata X, seperti dikutip Antara.`: more about the speaker, no clause
        return (qa, qb) if is_clause(self.text[qa:qb]) else None

    def person_speaker(self, speaker: str | None, speaker_text: str | None, pos: int) -> bool:
        """The subject of a `person_subject` verb at pos is a person (not after `yang`)."""
        if self.word_before(pos) in self.c["relative"]:
            return False
        actor = self.article.actor(speaker) if speaker else None
        if actor is not None:
            return actor.type == "PER"
        return bool(speaker_text) and speaker_text.casefold() in pronouns()[0]

    def own_speaker(self, a: int, b: int) -> bool:
        """text[a:b] names its own speaker before a reporting verb (`Dikutip dari Reuters, X menyebut …`)."""
        for v in self.c["before"].finditer(self.text, a, b):
            pre = self.text[a:v.start()]
            if "," not in pre and 1 <= len(pre.split()) <= 10:
                return True
        return False

    def clause_after(self, m: re.Match, a: int, s_end: int, strict: bool = False) -> tuple[int, str] | None:
        """Where the reported clause after the cue verb `m` (ending at a) starts, and how it is marked."""
        text = self.text
        rest = text[a:s_end]
        bm = self.c["complementizer"].search(rest)
        if bm:
            gap = rest[:bm.start()].strip()
            first = re.match(r"[\w]+", gap)
            if (not gap or gap.startswith(",") or (first and first.group().casefold() in self.c["gap"])) \
                    and not self.in_quote(a + bm.start()) and "\u201c" not in gap:
                return a + bm.end(), bm.group().casefold()  # the kind names the complementizer
        lead_m = re.match(r"\s*(,?)\s*", rest)
        lead = lead_m.end()
        if lead_m.group(1) and a + lead < s_end and text[a + lead] not in OPEN_CLOSE and text[a + lead] not in ".!?":
            return a + lead, "comma"  # `Ia menjelaskan, setibanya di El Arish, bantuan …`
        if m.group(1).casefold() not in self.c["bare"]:
            return None
        pm = self.c["to_press"].match(text, a + lead)
        if pm:
            a = pm.end()
            lead = re.match(r"\s*,?\s*", text[a:s_end]).end()
        verb = m.group(1).casefold()
        if a + lead < s_end and text[a + lead] not in OPEN_CLOSE and text[a + lead] not in ".!?" \
                and (is_clause(text[a + lead:s_end], not strict and verb in self.c["loose"])
                     or verb in self.c["as_verbs"] and self.c["declared_as"].match(text, a + lead, s_end)):
            return a + lead, "bare"
        return None

    def reported_clauses(self, m: re.Match, a: int, kind: str, s_end: int, speaker, speaker_text) -> list[Quote]:
        """The clause from a to the sentence end (or a second predicate of the speaker: `… dan meminta …`);
        a second reporting verb there (`… dan menegaskan CLAUSE`) reports a second clause of the same speaker."""
        text = self.text
        out: list[Quote] = []
        for _ in range(3):
            stop = self.first_direct_after(a, s_end)
            stop = self.first_paragraph_open_after(a, stop)
            nxt = found = None
            for br in self.c["breaker"].finditer(text, a, stop):
                if self.in_quote(br.start()):
                    continue
                vm = self.c["before"].match(text, br.start(1))
                if vm and vm.group(1).casefold() in self.c["person_verbs"]:
                    vm = None  # `… dan meminta Uni Eropa …`: a request ends the clause, no second quote
                found = self.clause_after(vm, vm.end(), s_end, strict=True) if vm else None
                if vm and found is None:
                    continue  # `… dan menegaskan kembali komitmen …`: no second clause, the first goes on
                nxt, stop = br, br.start()
                break
            switch = self.next_speaker(a, stop, s_end)
            if switch is not None:
                stop = switch[0]
            qa, qb = self.trim_clause(a, stop)
            if len(text[qa:qb].split()) >= 3 and not self.overlaps_direct(qa, qb):
                out.append(Quote(text=text[qa:qb], start=qa, end=qb, direct=False, speaker=speaker,
                                 speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(qa),
                                 rule=f"quote:reported+{kind}:{m.group(1).casefold()}"))
            if switch is not None:
                _, m, found, speaker, speaker_text = switch
                self.used_cues.add(m.start())
                a, kind = found
                continue
            if nxt is None or found is None:
                break
            m = self.c["before"].match(text, nxt.start(1))
            a, kind = found
        return out

    def next_speaker(self, a: int, stop: int, s_end: int):
        """`Sementara pejabat Amerika mengatakan hampir 200 rudal …, IDF menyebut jumlahnya ada 180`: after a comma
        a new subject (an actor or a pronoun, at most six words) with its own cue verb reports a clause of its own.
        Returns (comma, cue match, (clause start, kind), speaker, speaker_text) or None."""
        for vm in self.c["before"].finditer(self.text, a, stop):
            if self.in_quote(vm.start()) or self.negated(vm.start()):
                continue
            comma = self.text.rfind(",", a, vm.start())
            subj = self.text[comma + 1:vm.start()] if comma >= 0 else ""
            if comma < 0 or not 1 <= len(subj.split()) <= 6 or self.c["source"].search(subj):
                continue
            if not (self.cands_in(comma + 1, vm.start()) or self.c["pronoun"].fullmatch(subj.strip())):
                continue
            found = self.clause_after(vm, vm.end(), s_end, strict=True)
            if found is None:
                continue
            speaker, speaker_text = self.subject_of(comma + 1, vm.start())
            if speaker is None and speaker_text is None:
                continue
            return comma, vm, found, speaker, speaker_text
        return None

