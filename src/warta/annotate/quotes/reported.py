"""Reported speech: `CLAUSE, kata X`, `Menurut X, CLAUSE`, `Hal itu disampaikan X`, `X mengatakan bahwa CLAUSE`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from warta.record import Quote
from warta.annotate.quotes.clauses import ClauseRules
from warta.annotate.quotes.cues import WORD_RE


@dataclass(frozen=True)
class ReportedRule:
    """A named way to find reported speech in a sentence: `step(quoter, s_start, s_end, sentence)` returns the
    quotes it makes (a list, maybe empty, that ends the search) or None where it does not apply. `examples`:
    (how the record's `rule` field starts, a sentence the rule reads), tested in tests/test_quotes_rules.py."""

    id: str
    step: Callable[["ReportedRules", int, int, str], list[Quote] | None]
    examples: tuple[tuple[str, str], ...]


def _cue_after(q: "ReportedRules", s_start: int, s_end: int, sent: str) -> list[Quote] | None:
    for kind in ("source", "after"):
        for m in q.sentence_cues(s_start, s_start + len(sent))[kind]:  # q.c[kind].finditer(sent), faster
            if q.cue_ok(s_start + m.start()):
                out = q.cue_after(m, kind, s_start, s_end, sent)
                if out is not None:
                    return out
    return None


def _source_before(q: "ReportedRules", s_start: int, s_end: int, sent: str) -> list[Quote] | None:
    m = q.c["source"].match(sent)
    return q.source_before(m, s_start, s_end, sent) if m and q.cue_ok(s_start) else None


def _anaphor(q: "ReportedRules", s_start: int, s_end: int, sent: str) -> list[Quote] | None:
    return q.anaphoric(s_start, s_end)


def _verb_before(q: "ReportedRules", s_start: int, s_end: int, sent: str) -> list[Quote] | None:
    return q.verb_before(s_start, s_end, sent)


REPORTED_RULES: tuple[ReportedRule, ...] = (
    ReportedRule("cue-after", _cue_after, (
        ("quote:reported+after-after:kata", "Pemerintah akan menaikkan harga BBM bulan depan, kata Menteri Keuangan "
                                            "Sri Mulyani."),
        ("quote:reported+after-inserted:kata", "Harga beras, kata Menteri Perdagangan Budi Santoso, akan turun "
                                               "bulan depan."),
        ("quote:reported+source-after:menurut", "Harga beras akan turun bulan depan, menurut Menteri Perdagangan "
                                                "Budi Santoso."))),
    ReportedRule("source-before", _source_before, (
        ("quote:reported+source-before:menurut", "Menurut Menteri Perdagangan Budi Santoso, harga beras akan turun "
                                                 "bulan depan."),)),
    ReportedRule("anaphor", _anaphor, (
        ("quote:reported+anaphor:disampaikan", "Harga beras akan turun bulan depan. Hal itu disampaikan Menteri "
                                               "Perdagangan Budi Santoso di Jakarta."),)),
    ReportedRule("verb-before", _verb_before, (
        ("quote:reported+bahwa:mengatakan", "Menteri Perdagangan Budi Santoso mengatakan bahwa harga beras akan "
                                            "turun bulan depan."),
        ("quote:reported+bare:mengatakan", "Menteri Perdagangan Budi Santoso mengatakan harga beras akan turun "
                                           "bulan depan."),
        ("quote:reported+comma:menjelaskan", "Menteri Perdagangan Budi Santoso menjelaskan, harga beras akan turun "
                                             "bulan depan."))),
)


class ReportedRules(ClauseRules):
    def reported(self, s_start: int, s_end: int) -> list[Quote]:
        """The reported speech of the sentence text[s_start:s_end]: the quotes of the first rule of REPORTED_RULES
        that applies."""
        s_end = self.extend_out_of_quote(s_end)
        sent = self.text[s_start:s_end]
        for rule in REPORTED_RULES:
            out = rule.step(self, s_start, s_end, sent)
            if out is not None:
                return out
        return []

    def cue_after(self, m: re.Match, kind: str, s_start: int, s_end: int, sent: str) -> list[Quote] | None:
        """A cue after the clause (`CLAUSE, kata X.`), or inserted in it (`A, kata Aidi, B.`)."""
        text = self.text
        pre = sent[:m.start()].rstrip()
        tail = self.clause_after_speaker(s_start + m.end(), s_end)
        if tail is not None and (pre.endswith(",") or self.c["connective"].fullmatch(pre)) \
                and (pre.strip() or kind == "after") and not self.own_speaker(*tail):
            # `A, kata Aidi, B.` / `Tujuannya, menurut para analis, untuk …` / `Lebih lanjut kata
            # Martinus, B.`: the clause after the inserted cue is the words reported
            speaker, speaker_text = self.speaker_in(s_start + m.end(), text.rfind(",", 0, tail[0]), m.group(1))
            if speaker is not None or speaker_text is not None:
                return [Quote(text=text[tail[0]:tail[1]], start=tail[0], end=tail[1], direct=False,
                              speaker=speaker, speaker_text=speaker_text, cue=m.group(1),
                              sentence=self.article.sentence_at(tail[0]),
                              rule=f"quote:reported+{kind}-inserted:{m.group(1).casefold()}")]
        if not pre.endswith(",") and not (kind == "source" and m.group(1).casefold().startswith(
                self.c["summary_sources"]) and pre):
            return None
        if self.c["before"].search(pre.rstrip(",").split()[-1] if pre.rstrip(",").split() else ""):
            return None  # `X, Kamis, mengatakan, berdasarkan laporan relawan …`: the cue verb comes first
        a, b = self.trim_clause(s_start, s_start + len(pre))
        if len(text[a:b].split()) < 3 or self.overlaps_direct(a, b):
            return None
        speaker, speaker_text = self.speaker_in(s_start + m.end(), s_end, m.group(1))
        if speaker is None and speaker_text is None:
            return None
        return [Quote(text=text[a:b], start=a, end=b, direct=False, speaker=speaker,
                      speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(a),
                      rule=f"quote:reported+{kind}-after:{m.group(1).casefold()}")]

    def source_before(self, m: re.Match, s_start: int, s_end: int, sent: str) -> list[Quote] | None:
        """`Menurut X, CLAUSE.` / `Seperti dikutip dari X, CLAUSE.` / `Menurutnya, CLAUSE.`"""
        text = self.text
        comma = sent.find(",", m.end())
        while comma > 0 and self.in_candidate(s_start + comma):
            comma = sent.find(",", comma + 1)  # `Berdasarkan parameter Badan Meteorologi, Klimatologi dan Geofisika, …`
        credit = self.c["credit"].fullmatch(m.group(1)) is not None
        if comma <= 0 or (credit and self.own_speaker(s_start + comma + 1, s_end)):
            return None
        speaker, speaker_text = self.speaker_in(s_start + m.end(), s_start + comma, m.group(1))
        if m.group(1).casefold().startswith(self.c["evidence_sources"]) and not self.cands_in(
                s_start + m.end(), s_start + comma):
            speaker = speaker_text = None  # `Berdasarkan keterangan saksi dan rekaman CCTV, …`: no named source
        named = speaker is not None or (speaker_text and (
            self.cands_in(s_start, s_start + comma) or speaker_text.casefold() in self.pronoun_words()
            or self.group_words(s_start + m.end(), s_start + comma)))  # `Menurut mereka`, `Menurut militer`
        a, b = self.trim_clause(s_start + comma + 1, s_end)
        if named and len(text[a:b].split()) >= 3 and not self.overlaps_direct(a, b):
            return [Quote(text=text[a:b], start=a, end=b, direct=False, speaker=speaker,
                          speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(a),
                          rule=f"quote:reported+source-before:{m.group(1).casefold()}")]
        return None

    def verb_before(self, s_start: int, s_end: int, sent: str) -> list[Quote] | None:
        """`X mengatakan (kepada Y) bahwa CLAUSE` / `X mengatakan CLAUSE` / `X menjelaskan, CLAUSE`."""
        for m in self.before_matches(s_start, s_end, sent):
            pos = s_start + m.start()
            if not self.cue_ok(pos) or self.negated(pos):
                continue
            verb = m.group(1).casefold()
            # a data verb reports from a data source (`Data BPS menunjukkan …`), or, an `org_subject` one, from an
            # organisation (`BPBD mencatat 23 kepala keluarga mengungsi …`), not after `yang`: the cheap test first
            by_org = verb in self.c["data_verbs"] and not self.data_subject(s_start, pos)
            if by_org and (verb not in self.c["org_verbs"] or self.word_before(pos) in self.c["relative"]):
                continue
            found = self.clause_after(m, s_start + m.end(), s_end)
            if found is None:
                continue
            a, kind = found
            speaker, speaker_text = self.subject_of(s_start, pos)
            if by_org and not (speaker and (actor := self.article.actor(speaker)) is not None and actor.type == "ORG"):
                continue
            if m.group(1).casefold() in self.c["person_verbs"] and not self.person_speaker(speaker, speaker_text, pos):
                continue
            return self.reported_clauses(m, a, kind, s_end, speaker, speaker_text)
        return None

    def data_subject(self, s_start: int, pos: int) -> bool:
        """The subject before the data verb at pos opens with a data source word (`Data`, `Survei`)."""
        subj = self.text[s_start:pos].split(",")[-1].split()
        return bool(subj) and subj[0].casefold() in self.c["data_subjects"]

    def before_matches(self, s_start: int, s_end: int, sent: str) -> list[re.Match]:
        """The `before` cues of the sentence `sent` (text[s_start:s_end]), found once for the anaphor and
        verb-before rules that both read them."""
        return self.sentence_cues(s_start, s_start + len(sent))["before"]

    def negated(self, pos: int) -> bool:
        """The cue verb at pos is negated (`tidak mengatakan`, `belum dapat memastikan`) or heads an infinitive or
        purpose clause (`… guna memastikan …`, `agar melaporkan`)."""
        before = [w.casefold() for w in WORD_RE.findall(self.text[max(0, pos - 40):pos])][-2:]
        if not before:
            return False
        if before[-1] in self.c["negators"] or before[-1] in self.c["infinitive"]:
            return True
        return len(before) == 2 and before[-1] in self.c["modals"] and before[0] in self.c["negators"]

    def anaphoric(self, s_start: int, s_end: int) -> list[Quote] | None:
        """`Hal itu disampaikan X …` / `X mengatakan hal itu di Jakarta, Jumat`: X said the sentences before (back to
        the paragraph before, at most three sentences, never across a quotation). Returns the quotes made (none
        where the words before are already quoted: their speaker is filled in if missing), or None."""
        sent = self.text[s_start:s_end]
        pm = self.c["anaphoric_passive"].match(sent, len(sent) - len(sent.lstrip()))
        speaker = speaker_text = cue = None
        if pm:
            cue = pm.group(1)
            speaker, speaker_text = self.speaker_in(s_start + pm.end(), s_end)
        else:
            for vm in self.before_matches(s_start, s_end, sent):
                am = self.c["anaphor"].match(sent, vm.end() + len(sent[vm.end():]) - len(sent[vm.end():].lstrip()))
                if am and self.cue_ok(s_start + vm.start()):
                    cue = vm.group(1)
                    speaker, speaker_text = self.subject_of(s_start, s_start + vm.start())
                    break
        if cue is None or (speaker is None and speaker_text is None):
            return None
        s_i = self.article.sentence_at(s_start)
        if s_i is None:
            return []
        para = self.article.sentences[s_i].paragraph
        picked = []
        for k in range(s_i - 1, max(-1, s_i - 4), -1):
            sk = self.article.sentences[k]
            if sk.kind in ("title", "byline", "heading") or sk.paragraph < para - 2:
                break
            covered = [q for q in self.quotes_near(sk.start, sk.end) if q.start < sk.end and sk.start < q.end]
            if covered:
                for q in covered:
                    if q.speaker is None and (q.speaker_text is None or q.rule.endswith("paragraph")):
                        q.speaker, q.speaker_text = speaker, speaker_text
                break
            if self.in_quote(sk.start):
                break
            picked.append(sk)
        if not picked:
            return []
        a, b = self.trim_clause(picked[-1].start, picked[0].end)
        return [Quote(text=self.text[a:b], start=a, end=b, direct=False, speaker=speaker, speaker_text=speaker_text,
                      cue=cue, sentence=self.article.sentence_at(a), rule=f"quote:reported+anaphor:{cue.casefold()}")]

