"""The subject before a cue verb (`Presiden X mengatakan`, `Nelayan asal Indramayu, Darsono, menuturkan`)."""

from __future__ import annotations

import re

from warta.annotate.quotes.cues import UNTAGGED_NAME_RE
from warta.lang.id.phrase_table import tokenize
from warta.lang.id.titles import group_heads, not_names, title_table

NAME_RE = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}")
from warta.annotate.quotes.speakers import SpeakerRules


class SubjectRules(SpeakerRules):
    def subject_span(self, a: int, b: int) -> tuple[int, int]:
        """Where the subject before a cue verb at b stands in text[a:b]: after the last comma (outside quotations
        and names), before an inserted phrase or on an appositive."""
        seg_start = a
        commas = [a + m.start() for m in re.finditer(r",", self.text[a:b])]
        commas = [p for p in commas if not self.in_quote(p) and not self.in_candidate(p)]
        if not commas:
            return seg_start, b
        seg_start = commas[-1] + 1
        if not self.text[seg_start:b].strip() and len(commas) >= 2 and self.c["insert"].match(
                self.text, commas[-2] + 1, commas[-1]):
            # `Presiden Georgia X, yang berseberangan dengan …, menyatakan`, `Liang, seperti dikutip dari
            # keterangan resmi Kementerian Perdagangan, menyatakan`: an inserted phrase, the subject before it
            return (commas[-3] + 1 if len(commas) >= 3 else a), commas[-2]
        if not self.text[seg_start:b].strip() and len(commas) >= 2:
            if self.place_only(commas[-2] + 1, commas[-1]):
                # `BPBD Kabupaten Cianjur, Jawa Barat, mencatat`: the place set off by commas locates the name
                # before it, which speaks
                return (commas[-3] + 1 if len(commas) >= 3 else a), commas[-2]
            # `Nelayan asal Indramayu, Darsono, menuturkan`: the appositive before the comma
            return commas[-2] + 1, commas[-1]
        if not self.text[seg_start:b].strip():
            return a, commas[-1]
        if self.c["relative_opens"].match(self.text[seg_start:b]):
            # `Sultan Brunei, Hassanal Bolkiah, yang tahun ini ketua ASEAN mengatakan`: the relative clause
            # describes the name before it, which speaks
            return (commas[-2] + 1 if len(commas) >= 2 else a), commas[-1]
        return seg_start, b

    def place_only(self, a: int, b: int) -> bool:
        """text[a:b] is one place name and nothing else (`, Jawa Barat,`)."""
        lo = a + len(self.text[a:b]) - len(self.text[a:b].lstrip())
        hi = a + len(self.text[a:b].rstrip())
        return any(c[0] == lo and c[1] == hi and c[3] == "LOC" for c in self.cands_in(a, b))

    def subject_of(self, a: int, b: int) -> tuple[str | None, str | None]:
        """The speaker before a cue verb: the subject of the clause text[a:b]."""
        seg_start, b = self.subject_span(a, b)
        if self.word_before(b) in self.c["relative"]:
            # `keputusan Pengadilan Arbitrase … yang menyatakan …`: the body the relative clause hangs on speaks
            yang = max(self.text.rfind(w, a, b) for w in self.c["relative"])
            heads = [c for c in self.cands_in(seg_start, yang) if c[3] in ("PER", "ORG")]
            if heads:
                return heads[-1][2], self.text[heads[-1][0]:heads[-1][1]]
        lead_a = seg_start + len(self.text[seg_start:b]) - len(self.text[seg_start:b].lstrip())
        desc = self.description(lead_a, b)
        if desc:
            return desc  # `Ketua Umum Relawan Pro-Jokowi (Projo) itu menambahkan`: the person named before
        statement = self.statement_of(lead_a, b)
        if statement:
            return statement
        lows = (seg_start, a)
        lead = self.c["credit"].match(self.text, a + len(self.text[a:b]) - len(self.text[a:b].lstrip()))
        if lead and seg_start > lead.end():
            lows = (seg_start,)  # `Seperti dilansir AFP, seorang pejabat mengatakan`: the outlet is no subject
        for lo in lows:
            found = self.subject_from(lo, b)
            if found is not None:
                return found
            if lo == seg_start and lo != a:
                # `Menyusul …, para pemberontak menyatakan`: a group named by its noun after the comma speaks,
                # not an actor named earlier in the adverbial
                group = self.group_words(lo, b) or self.bare_name(lo, b)
                if group:
                    return None, group
        words = self.text[seg_start:b].split()
        while words and words[0].casefold().strip(",") in self.c["skip"]:
            words.pop(0)
        while words and words[-1].casefold() in self.c["skip"]:
            words.pop()
        if 0 < len(words) <= 8:
            return None, " ".join(words)
        return None, None

    def subject_from(self, lo: int, b: int) -> tuple[str | None, str | None] | None:
        """The first actor or pronoun of text[lo:b] that is no object of a preposition (or the person ending the
        subject it opens): (speaker, speaker_text), or None where there is none."""
        items = [(c[0], c[1], c[2]) for c in self.cands_in(lo, b)
                 if self.word_before(c[0]) not in self.c["subject_prepositions"] or c[0] == lo]
        for pm in self.c["pronoun"].finditer(self.text[lo:b]):
            p = lo + pm.start()
            if not self.in_quote(p) and not self.in_candidate(p):
                items.append((p, lo + pm.end(), "pronoun"))
        items.sort()
        if not items:
            return None
        s, e, aid = items[0]
        # the person ending the subject may follow `dan`: `komite pakar WHO dan Sekjen WHO Tedros, menyatakan`
        tail = [(c[0], c[1], c[2]) for c in self.cands_in(e, b)]
        s, e, aid = self.final_person([items[0]] + tail if tail else items, b) or (s, e, aid)
        name = UNTAGGED_NAME_RE.fullmatch(self.text, e, b) if aid != "pronoun" and not tail else None
        if name and self.candidate_types.get(aid) != "PER":
            # `Kandidat oposisi Rusia Alexei Navalny mengakui`: a name the entity layer missed ends the
            # subject after the body it leads; the person speaks
            return None, name.group(1)
        if aid == "pronoun":
            return self.resolve_pronoun(s, self.text[s:e]), self.text[s:e]
        return aid, self.text[s:e]

    def statement_of(self, a: int, b: int) -> tuple[str | None, str | None] | None:
        """`Pernyataan itu menyebutkan …`: the statement is the last speaker's (quoted within two paragraphs)."""
        m = self.c["statement"].fullmatch(self.text[a:b].strip())
        last = self.quotes[-1] if self.quotes else None
        if m and last is not None and (last.speaker or last.speaker_text) and \
                self.paragraph_index(a) - self.paragraph_index(last.start) <= 2:
            return last.speaker, last.speaker_text
        return None

    def bare_name(self, a: int, b: int) -> str | None:
        """text[a:b] (a subject after a comma) is a capitalised name the entity layer missed: `Nelayan asal
        Indramayu, Darsono, menuturkan`, `Di Jakarta, Budi menyatakan` (the person speaks, not the place before)."""
        m = NAME_RE.fullmatch(self.text[a:b].strip())
        if m is None or m.group().split()[0] in not_names() or title_table().match(tokenize(m.group()), 0):
            return None
        return m.group()

    def group_words(self, a: int, b: int) -> str | None:
        """text[a:b] (a subject) names a group by a group noun (`para pemberontak`, `warga Damaskus`)."""
        words = self.text[a:b].split()
        while words and words[0].casefold().strip(",") in self.c["skip"]:
            words.pop(0)
        if 0 < len(words) <= 6 and words[0].casefold() in group_heads():
            return " ".join(words)
        return None

    # -- direct quotes ---------------------------------------------------------------
