"""Who speaks: the speaker after a cue (`kata X`), pronouns and clitics resolved, descriptions (`politikus itu`)."""

from __future__ import annotations

import bisect
import functools
import re

from warta import lexicons
from warta.lang.id.phrase_table import tokenize
from warta.lang.id.titles import demonstratives, pronouns, title_table
from warta.record import Quote
from warta.annotate.quotes.base import QuoterBase
from warta.annotate.quotes.cues import WORD_RE


class SpeakerRules(QuoterBase):
    def resolve_pronoun(self, pos: int, word: str = "") -> str | None:
        """The actor a pronoun at pos points to (word: the pronoun as written, "" for a singular one)."""
        singular, plural = pronouns()
        w = word.casefold()
        if w in plural:
            return self.member_body(pos)
        para = self.paragraph_index(pos)
        s_i = self.article.sentence_at(pos)
        # a person named earlier in the same sentence (not across a quotation: `… SU, S (45) … “…,” kata dia`)
        if s_i is not None:
            s = self.article.sentences[s_i]
            lo = self.last_close_before(pos, s.start)
            same = [c for c in self.cands_in(lo, pos)
                    if c[3] == "PER" and self.word_before(c[0]) not in self.c["agent_markers"]]
            if same:
                return same[0][2]
        # the last speaker quoted nearby, unless another person has been the subject of a sentence since
        # (a person named only as an object, `mendalami peran Andi`, does not take the pronoun)
        if self.quotes:
            last = self.quotes[-1]
            gap = para - self.paragraph_index(last.start)
            if last.speaker and (gap <= 2 or gap == 3 and not self.active_person_since(last, pos)):
                actor = self.article.actor(last.speaker)
                if actor is not None and actor.type == "PER" and not self.new_subject_since(last, pos):
                    return last.speaker
        # the subject of the nearest earlier sentence that names a person
        start_i = (s_i if s_i is not None else len(self.article.sentences)) - 1
        for k in range(start_i, max(-1, start_i - 8), -1):
            s = self.article.sentences[k]
            people = [c for c in self.cands_in(s.start, min(s.end, pos)) if c[3] == "PER"]
            if people:
                return people[0][2]
        return None

    def member_body(self, pos: int) -> str | None:
        """`mereka` after `Massa yang tergabung dalam KSPSI …` (the crowd a report is about, often named once in the
        lead): the body the crowd belongs to (actor_words.yaml member_of), the nearest such one; else no speaker.
        (The matches in text[:pos] are those of the whole text that end by pos, then the text from the start of the
        one that runs over pos read again; the bodies after the whole text's matches are found once.)"""
        pattern = _member_pattern()
        if not hasattr(self, "_members"):
            found = list(pattern.finditer(self.text))
            self._members = [m.end() for m in found], [m.start() for m in found], _last_found(
                self.member_after(m.end()) for m in found)  # (the candidate's actor id, by match)
        ends, starts, best_so_far = self._members
        k = bisect.bisect_right(ends, pos)  # matches [:k] end by pos
        best = best_so_far[k - 1] if k else None
        for m in pattern.finditer(self.text, min(starts[k], pos) if k < len(starts) else pos, pos):
            org = self.member_after(m.end())
            best = org[2] if org is not None else best
        return best

    def member_after(self, at: int) -> tuple[int, int, str, str] | None:
        """The body named right after a member phrase: the first ORG candidate within 40 characters with no
        lower-case word before it (the name may start before the span tagged: `Konfederasi [Serikat …]`)."""
        i = bisect.bisect_left(self._cand_starts, at)
        while i < len(self.candidates) and self.candidates[i][0] <= at + 40:
            c = self.candidates[i]
            i += 1
            if c[3] == "ORG" and not any(w[:1].islower() for w in WORD_RE.findall(self.text[at:c[0]])):
                return c
        return None

    def active_person_since(self, last: Quote, pos: int) -> bool:
        """A person other than the last speaker has been the subject of an active clause since that quote; the
        subject of a passive one (`Andi … sedang diperiksa secara intensif`) is talked about, not talking."""
        for c in self.cands_in(last.end, pos):
            if c[3] != "PER" or c[2] == last.speaker or not self.is_subject(c):
                continue
            s_i = self.article.sentence_at(c[0])
            end = self.article.sentences[s_i].end if s_i is not None else pos
            verb = self.c["predicate"].search(self.text, c[1], min(end, pos))
            if verb is None or not verb.group().casefold().startswith(self.c["passive_prefixes"]):
                return True
        return False

    def new_subject_since(self, last: Quote, pos: int) -> bool:
        """A person other than the last speaker opens the sentence just before the words at pos (the sentence before
        the quotation, where pos is its cue): `Wali Kota Eri meninjau lokasi. “…,” katanya.` A person named only as
        an object, or further back, does not take the pronoun from the last speaker (`mendalami peran Andi`)."""
        # the last quotation closed before pos with no sentence's end (`[.!?](?=\s)`) between its close and pos
        mk = self.last_mark_closed_before(pos, self.last_stop_before(pos - 1))
        anchor = mk.open if mk is not None else pos
        s_i = self.article.sentence_at(anchor)
        if s_i is None:
            return False
        k = s_i - 1  # the sentence before the one holding the words, and that sentence up to them
        while k >= 0 and self.article.sentences[k].kind in ("heading", "byline", "title"):
            k -= 1
        lo = self.article.sentences[k].start if k >= 0 else self.article.sentences[s_i].start
        return any(c[3] == "PER" and c[2] != last.speaker and self.is_subject(c)
                   for c in self.cands_in(max(lo, last.end), anchor))

    def is_subject(self, cand: tuple[int, int, str, str]) -> bool:
        """The candidate opens its sentence (after connectives and title words only): a subject."""
        s_i = self.article.sentence_at(cand[0])
        if s_i is None:
            return True
        lead = self.text[self.article.sentences[s_i].start:cand[0]]
        lead = self.c["connective"].sub("", lead) if self.c["connective"].fullmatch(lead) else lead
        return not any(w[:1].islower() for w in WORD_RE.findall(lead))

    def clitic_speaker(self, pos: int) -> tuple[str | None, str | None]:
        """`ujarnya`, `klaimnya`: the last speaker quoted just before (a person, a body, a state, or an unnamed
        title-holder kept as words) unless a person has been the subject of a sentence since; else as `ia`."""
        last = self.quotes[-1] if self.quotes else None
        if last is not None and (last.speaker or last.speaker_text) and \
                self.paragraph_index(pos) - self.paragraph_index(last.start) <= 1:
            if not self.new_subject_since(last, pos):
                actor = self.article.actor(last.speaker) if last.speaker else None
                if actor is not None and actor.type != "PER":
                    return last.speaker, last.speaker_text
                if actor is None and last.speaker_text and last.speaker_text.casefold() not in self.pronoun_words() \
                        and not self.c["after_direct"].fullmatch(last.speaker_text):
                    return None, last.speaker_text
        return self.resolve_pronoun(pos), None

    def speaker_in(self, a: int, b: int, cue_text: str | None = None) -> tuple[str | None, str | None]:
        """The speaker named in text[a:b] (after a cue)."""
        adv = self.c["cue_adverbs"].match(self.text, a)
        if adv and adv.end() <= b:
            a = adv.end()  # `“…,” katanya lagi`, `ungkapnya pula`
        seg = self.text[a:b]
        m = self.c["stops"].search(seg)
        while m and (m.group().startswith(".") and self.abbreviation_before(a + m.start()) or m.group().strip() == ","
                     and self.in_candidate(a + m.start() + m.group().index(","), strictly=True)):
            # `ujar Plt. Kepala Pusdatin BNPB Abdul Muhari`, `menurut Badan Meteorologi, Klimatologi dan Geofisika`
            m = self.c["stops"].search(seg, m.end())
        if m and m.start() > 0:
            b = a + m.start()
        elif m and m.start() == 0:
            b = a
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1] in " \t.,":
            b -= 1
        cands = self.cands_in(a, b)
        if m and m.group().strip() == "," and a < b and not any(c[3] == "PER" for c in cands):
            # `ujar Plt. Kepala Pusat Data, Informasi dan Komunikasi Kebencanaan BNPB Abdul Muhari`: a comma inside
            # an office name; the person the capitalised chain ends with speaks
            chain = self.c["name_chain"].match(self.text[b:])
            people = [c for c in self.cands_in(a, b + chain.end()) if c[3] == "PER"] if chain else []
            if people and chain.end() > 1:
                return people[-1][2], self.text[people[-1][0]:people[-1][1]]
        if m and m.group().strip() == "," and a < b:
            # an appositive name after the description: `kata pedagang pasar, Siti Aminah`
            rest_a = a + m.end()
            rest = self.text[rest_a:]
            n = re.match(r"\s*((?:[A-Z][\w'’\-]*)(?:\s+[A-Z][\w'’\-]*){0,3})(?=\s*(?:[.,!?]|$|\s+[a-z]))", rest)
            if n:
                na, nb = rest_a + n.start(1), rest_a + n.end(1)
                inner = self.cands_in(na, nb)
                if inner:
                    return inner[0][2], self.text[inner[0][0]:inner[0][1]]
                if not cands or all(c[3] != "PER" for c in cands):
                    return None, self.text[na:nb]
        desc = self.description(a, b)
        if desc:
            return desc
        if cands:
            best = next((c for c in cands if c[3] == "PER"), None) or next(
                (c for c in cands if c[3] == "ORG"), None) or cands[0]
            return best[2], self.text[best[0]:best[1]]
        words = self.text[a:b].split()
        if words and words[0].casefold() in pronouns()[0] | pronouns()[1]:
            return self.resolve_pronoun(a, words[0]), words[0]
        if cue_text and cue_text.casefold().endswith(self.c["clitics"]) and not words:
            sp, st = self.clitic_speaker(a)
            return sp, st or cue_text
        if words and len(words) <= 10:
            return None, self.text[a:b]
        return None, None

    def final_person(self, items: list[tuple[int, int, str]], b: int) -> tuple[int, int, str] | None:
        """`Kepala Bakamla Laksamana Muda TNI Gatot Wiranto mengatakan`, `Kapolrestabes Bandung Kombes Budi
        mengatakan`: a person name that ends a subject made of capitalised words speaks, not the body or
        place named before it in the same noun phrase."""
        types = self.candidate_types
        last = items[-1]
        if items[0][2] == "pronoun" or types.get(items[0][2]) == "PER" and (
                len(items) < 2 or not title_table().match(tokenize(self.text[items[0][1]:last[1]].strip()), 0)):
            return None  # a rank between two names (`Kapendam XVII/Cendrawasih Kolonel Inf Aidi`): the second
        if types.get(last[2]) != "PER" or self.text[last[1]:b].split(",")[0].strip() or last[0] < items[0][1]:
            return None
        between = self.text[items[0][1]:last[0]]  # lowercase words inside the first actor's own span are its own
        if any(w[:1].islower() and w not in self.c["coordinators"] for w in WORD_RE.findall(between)):
            return None
        return last

    def description(self, a: int, b: int) -> tuple[str | None, str] | None:
        """`politikus Partai NasDem itu`, `pria asal Bandung tersebut`: a description with a demonstrative
        points back to a person already named; resolved like a pronoun, the words kept as speaker_text."""
        words = self.text[a:b].split()
        if len(words) < 2 or len(words) > 8 or words[-1].casefold() not in demonstratives():
            return None
        first = words[0]
        if not (first[:1].islower() or title_table().match(tokenize(first), 0)):
            return None
        if any(c[3] == "PER" and self.text[c[0]:c[1]][:1].isupper() and not title_table().match(
                tokenize(self.text[c[0]:c[1]]), 0) for c in self.cands_in(a, b)):
            return None  # a name inside: `kata Budi itu` is no description
        return self.resolve_pronoun(a), self.text[a:b]



@functools.cache
def _member_pattern() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in lexicons.load("actor_words")["member_of"])
    return re.compile(rf"\b(?:{phrases})\s+")


def _last_found(cands) -> list:
    """Match by match, the actor id of the last candidate found so far (None before the first)."""
    out: list = []
    for c in cands:
        out.append(c[2] if c is not None else (out[-1] if out else None))
    return out
