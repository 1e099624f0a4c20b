"""Direct quotes: a quotation with its cue after it, before it, or none (its own paragraph)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from warta.lang.text import end_before_spaces
from warta.record import Quote
from warta.annotate.quotes.cues import SENTENCE_CUES
from warta.annotate.quotes.marks import OPEN_CLOSE, Marks
from warta.annotate.quotes.subjects import SubjectRules


@dataclass
class DirectContext:
    """A quotation being attributed: the clause window after its closing mark (and, read when needed, the one
    before its opening mark) with the cues found there."""

    m: Marks
    inner: str
    a: int
    b: int
    after: str
    lead: int = 0
    am: re.Match | None = None  # an after-cue (`kata`, `ujarnya`) right after the mark
    sm: re.Match | None = None  # a source cue (`menurut`) right after the mark
    before: str | None = None
    ba: int = 0
    vm: re.Match | None = None  # the last cue verb before the mark
    am_: re.Match | None = None  # the last after-cue before the mark
    srcm: re.Match | None = None  # the last source cue before the mark


Found = tuple  # (speaker, speaker_text, cue, rule)


@dataclass(frozen=True)
class DirectRule:
    """A named way to find the cue and speaker of a direct quotation; `step` returns (speaker, speaker_text,
    cue, rule) or None where it does not apply. `examples`: (how the record's `rule` field starts, a text the
    rule reads), tested in tests/test_quotes_rules.py."""

    id: str
    step: Callable[["DirectRules", DirectContext], Found | None]
    examples: tuple[tuple[str, str], ...]


def _after(q: "DirectRules", ctx: DirectContext) -> Found | None:
    if not ctx.am:
        return None
    cue = ctx.am.group(1)
    speaker, speaker_text = q.speaker_in(ctx.a + ctx.am.end(), ctx.b, cue)
    if speaker is None and speaker_text is None and cue.casefold().endswith(q.c["clitics"]):
        speaker, speaker_text = q.clitic_speaker(ctx.a + ctx.am.start())
        speaker_text = speaker_text or cue
    q.used_cues.add(ctx.a + ctx.am.start())
    return speaker, speaker_text, cue, f"quote:direct+after:{cue.casefold()}"


def _source(q: "DirectRules", ctx: DirectContext) -> Found | None:
    if not ctx.sm:
        return None
    cue = ctx.sm.group(1)
    speaker, speaker_text = q.speaker_in(ctx.a + ctx.sm.end(), ctx.b)
    q.used_cues.add(ctx.a + ctx.sm.start())
    return speaker, speaker_text, cue, f"quote:direct+source:{cue.casefold()}"


def _inverted(q: "DirectRules", ctx: DirectContext) -> Found | None:
    after, lead = ctx.after, ctx.lead
    vm = q.c["before"].search(after, lead)
    pm = q.c["to_press"].search(after, lead)
    for hit in (vm, pm):
        if hit and 0 < hit.start() - lead <= 80 and "," not in after[lead:hit.start()] \
                and ctx.inner[-1:] in ",.!?…" and len(after[lead:hit.start()].split()) <= 8:
            s, st = q.subject_of(ctx.a + lead, ctx.a + hit.start())
            if s or st:
                q.used_cues.add(ctx.a + hit.start())
                return s, st, hit.group(1), f"quote:direct+inverted:{hit.group(1).casefold()}"
    return None


def _cue_before(q: "DirectRules", ctx: DirectContext, m: re.Match, kind: str, subject: bool) -> Found:
    """The cue m in the window before the mark: its speaker is the subject before it (a verb: `X mengatakan, “…”`)
    or the words after it (`Kata X, “…”`)."""
    if subject:
        speaker, speaker_text = q.subject_of(ctx.ba, ctx.ba + m.start())
    else:
        speaker, speaker_text = q.speaker_in(ctx.ba + m.end(), ctx.ba + len(ctx.before))
    q.used_cues.add(ctx.ba + m.start())
    return speaker, speaker_text, m.group(1), f"quote:direct+{kind}:{m.group(1).casefold()}"


def _before_verb(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before, vm = q.window_before(ctx).before, ctx.vm
    if before.endswith((",", ":")) and vm and len(before) - vm.end() <= 60 and not re.search(
            r"[,:]", before[vm.end():-1]):
        return _cue_before(q, ctx, vm, "before", subject=True)
    return None


def _before_cue(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before, am_ = q.window_before(ctx).before, ctx.am_
    if before.endswith((",", ":")) and am_ and len(before) - am_.end() <= 60 and (
            am_.start() == 0 or before[am_.start() - 1] in " ,"):
        return _cue_before(q, ctx, am_, "before", subject=False)
    return None


def _before_source(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before, srcm = q.window_before(ctx).before, ctx.srcm
    if before.endswith(",") and srcm and srcm.start() <= 2:
        return _cue_before(q, ctx, srcm, "source", subject=False)
    return None


def _colon(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before = q.window_before(ctx).before
    if before.endswith(":") and before[:-1].strip():
        speaker, speaker_text = q.subject_of(ctx.ba, ctx.ba + len(before) - 1)
        return speaker, speaker_text, ":", "quote:direct+colon"
    return None


def _naming(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before = q.window_before(ctx).before
    m = q.c["naming_verb"].search(before)
    if m is None or q.c["before"].search(before, 0, m.start()) or q.c["after"].search(before, 0, m.start()):
        return None  # (a quoted fragment inside reported speech belongs to the reported clause)
    speaker, speaker_text = q.subject_of(ctx.ba, ctx.ba + m.start())
    if speaker is None:
        return None  # `Warga menyebut jalan itu sebagai “jalur maut”`: no actor calls it so, a scare quote
    q.used_cues.add(ctx.ba + m.start())
    return speaker, speaker_text, m.group(1), f"quote:direct+naming:{m.group(1).casefold()}"


def _speech(q: "DirectRules", ctx: DirectContext) -> Found | None:
    before = q.window_before(ctx).before
    m = q.c["speech_noun"].search(before)
    if m is None or q.c["before"].search(before, 0, m.start()):
        return None
    verbs = [v.start() for v in q.c["predicate"].finditer(before, 0, m.start())]
    end = m.start() if q.c["speech_act"].fullmatch(m.group(1)) or not verbs else verbs[-1]
    speaker, speaker_text = q.subject_or_words(ctx.ba, ctx.ba + end)
    if speaker is None and speaker_text is None:
        return None
    return speaker, speaker_text, m.group(1), f"quote:direct+speech:{m.group(1).casefold()}"


DIRECT_RULES: tuple[DirectRule, ...] = (
    DirectRule("after", _after, (("quote:direct+after:kata", "“Kami siap membantu,” kata Gubernur Bali Wayan "
                                                             "Koster."),
                                 ("quote:direct+after:tambahnya", "“Kami siap membantu warga,” tambahnya."))),
    DirectRule("source", _source, (("quote:direct+source:menurut", "“Harga beras akan turun,” menurut Menteri "
                                                                   "Perdagangan Budi Santoso."),)),
    DirectRule("inverted", _inverted, (("quote:direct+inverted:menambahkan", "“Kami tidak akan mundur,” Presiden "
                                                                             "Vladimir Putin menambahkan."),)),
    DirectRule("before-verb", _before_verb, (("quote:direct+before:mengatakan", "Menteri Keuangan Sri Mulyani "
                                              "mengatakan, “Anggaran kita cukup kuat.”"),)),
    DirectRule("before-cue", _before_cue, (("quote:direct+before:kata", "Kata Gubernur Bali Wayan Koster, “Kami "
                                                                        "siap membantu warga.”"),)),
    DirectRule("before-source", _before_source, (("quote:direct+source:menurut", "Menurut Menteri Keuangan Sri "
                                                  "Mulyani, “Anggaran kita cukup kuat.”"),)),
    DirectRule("colon", _colon, (("quote:direct+colon", "Menteri Keuangan Sri Mulyani: “Anggaran kita cukup "
                                                        "kuat.”"),)),
    DirectRule("naming", _naming, (("quote:direct+naming:menyebut", "Kementerian Luar Negeri Tiongkok menyebut "
                                    "kunjungan itu sebagai “provokasi berbahaya” bagi kawasan."),
                                   ("quote:direct+naming:menggambarkannya", "Presiden Prancis Emmanuel Macron memuji "
                                    "rencana itu dan menggambarkannya sebagai “langkah bersejarah”."))),
    DirectRule("speech", _speech, (("quote:direct+speech:meneriakkan", "Ribuan buruh di depan gedung DPR "
                                    "meneriakkan “Tolak upah murah!” sambil membawa spanduk."),
                                   ("quote:direct+speech:ucapan", "Para siswa menyambut rombongan itu dengan ucapan "
                                    "“Selamat datang di Kupang.”"))),
)


class DirectRules(SubjectRules):
    def clause_window_after(self, pos: int) -> tuple[int, int]:
        """From `pos` to the first sentence end (`[.!?](?=\\s|$)` in text[pos:nxt], an abbreviation's full stop
        aside) before the next quotation or the paragraph's end `nxt`, else to `nxt`: read from the text's
        sentence ends (`stops`), then the window's last character (where `$` stands)."""
        _, pend = self.paragraph_bounds(pos)
        nxt = self.first_open_from(pos, pend)
        stops, text = self.stops(), self.text
        k = bisect.bisect_left(stops, pos)
        while k < len(stops) and stops[k] < nxt:
            if not (text[stops[k]] == "." and self.abbreviation_before(stops[k])):  # `ujar Plt. Kepala …`
                return pos, stops[k]
            k += 1
        end = nxt - 1
        if end >= pos and text[end] in ".!?" and not (text[end] == "." and self.abbreviation_before(end)):
            return pos, end
        return pos, nxt

    def clause_window_before(self, pos: int) -> tuple[int, int]:
        pstart, _ = self.paragraph_bounds(pos)
        prev = self.last_close_before(pos, pstart)
        seg = self.text[prev:pos]
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", seg)]
        return (prev + ends[-1] if ends else prev), pos

    def direct(self, m: Marks) -> Quote | None:
        inner_a, inner_b = m.open + 1, m.close
        while inner_a < inner_b and self.text[inner_a].isspace():
            inner_a += 1
        while inner_b > inner_a and self.text[inner_b - 1].isspace():
            inner_b -= 1
        inner = self.text[inner_a:inner_b]
        a, b = self.clause_window_after(m.close + 1)
        if not self.text[a:b].strip() and inner[-1:] == ",":
            # `“…,”` ends a paragraph and the next one opens with the cue (`Begitu penjelasan manajemen SMKM …`)
            nxt = _SPACES.match(self.text, b).end()
            if nxt < len(self.text) and self.text[nxt] not in OPEN_CLOSE:
                a, b = self.clause_window_after(nxt)
        ctx = DirectContext(m, inner, a, b, self.text[a:b])
        ctx.lead = re.match(r"\s*,?\s*", ctx.after).end()
        ctx.am = self.c["after_direct"].match(ctx.after, ctx.lead)
        ctx.sm = self.c["source"].match(ctx.after, ctx.lead)
        if len(inner.split()) < 2 and not (ctx.am and inner[-1:] in ",!?") and not (
                m.paragraph_start and inner[-1:] == "!" and self.speech_act_before(m)):
            return None  # one word is a quotation only with its cue (`“Setujuuu,” sahut seluruh anggota`) or after
            # a sentence of shouting (`Mereka menyoraki anggota dewan. ¶ “Wuuuu!”`)
        for rule in DIRECT_RULES:
            found = rule.step(self, ctx)
            if found is not None:
                speaker, speaker_text, cue, rule_id = found
                return Quote(text=inner, start=inner_a, end=inner_b, direct=True, speaker=speaker,
                             speaker_text=speaker_text, cue=cue, sentence=self.article.sentence_at(inner_a),
                             rule=rule_id)
        return self.uncued(m, inner, inner_a, inner_b)

    def uncued(self, m: Marks, inner: str, inner_a: int, inner_b: int) -> Quote | None:
        """No cue next to the quotation: the last speaker goes on (`“…,” kata seorang saksi, Ahmed Mussa. “Saya
        terkejut …”`, or a paragraph of its own after a quoted paragraph), or a paragraph of its own with no
        speaker; any other quotation is partial."""
        last = self.quotes[-1] if self.quotes else None
        speaker = speaker_text = None
        if not m.paragraph_start and inner[:1].isupper() and last is not None and last.direct \
                and self.follows_cue_sentence(last, m.open):
            speaker, speaker_text, rule = last.speaker, last.speaker_text, "quote:direct+inherit"
        elif not (m.paragraph_start and inner[:1].isupper()):
            return None
        elif (act := self.speech_act_before(m)) is not None:
            speaker, speaker_text, rule = act[0], act[1], f"quote:direct+speech-act:{act[2].casefold()}"
        elif len(inner.split()) < 2:
            return None  # one word is a quotation only with its cue (`“Setujuuu,” sahut seluruh anggota`)
        else:
            gap = self.paragraph_index(m.open) - self.paragraph_index(last.end) if last is not None else 99
            if last is not None and (gap <= 1 or (gap <= 2 and not self.new_subject_since(last, m.open))):
                speaker, speaker_text = last.speaker, last.speaker_text
                rule = "quote:direct+inherit"
            else:
                rule = "quote:direct+paragraph"
        return Quote(text=inner, start=inner_a, end=inner_b, direct=True, speaker=speaker,
                     speaker_text=speaker_text, cue=None, sentence=self.article.sentence_at(inner_a), rule=rule)

    def subject_or_words(self, a: int, b: int) -> tuple[str | None, str | None]:
        """The subject of text[a:b] where an actor opens it; else its words (`Ribuan buruh di depan gedung DPR
        meneriakkan`: the workers shout, not the DPR named after a preposition)."""
        speaker, speaker_text = self.subject_of(a, b)
        if speaker is None and speaker_text:
            words = speaker_text.split()  # `mahasiswa yang mendengar alasan ini`: the relative clause goes
            cut = next((k for k, w in enumerate(words) if k and w.casefold() in self.c["relative"]), len(words))
            return None, " ".join(words[:cut])
        if speaker is None or not speaker_text:
            return speaker, speaker_text
        at = self.text.find(speaker_text, a, b)
        if at < 0 or self.is_subject((at, at + len(speaker_text), speaker, "")):
            return speaker, speaker_text
        words = self.text[a:b].split()
        while words and words[0].casefold() in self.c["skip"]:
            words.pop(0)
        return None, " ".join(words[:6]) or None

    def speech_act_before(self, m: Marks) -> tuple[str | None, str | None, str] | None:
        """A quotation paragraph right after a sentence of shouting (`Para mahasiswa langsung menyoraki anggota
        dewan. ¶ “DPR payah!”`): the subject of that sentence speaks. (speaker, speaker_text, verb) or None."""
        s_i = self.article.sentence_at(max(0, end_before_spaces(self.text, m.open) - 1))
        if s_i is None:
            return None
        s = self.article.sentences[s_i]
        if self.text[s.end:m.open].strip() or any(q.start < s.end and s.start < q.end
                                                  for q in self.quotes_near(s.start, s.end)):
            return None
        v = self.c["speech_act"].search(self.text, s.start, s.end)
        if v is None or self.in_quote(v.start()):
            return None
        speaker, speaker_text = self.subject_or_words(s.start, v.start())
        return (speaker, speaker_text, v.group(1)) if speaker or speaker_text else None

    def window_before(self, ctx: "DirectContext") -> "DirectContext":
        """The clause before the opening mark, with the last cue verb, after-cue and source cue in it."""
        if ctx.before is None:
            ctx.ba, bb = self.clause_window_before(ctx.m.open)
            ctx.before = self.text[ctx.ba:bb].rstrip()
            ctx.vm = ctx.am_ = ctx.srcm = None
            found = dict(zip(SENTENCE_CUES, self.c["sentence_cues"].finditer(ctx.before)))  # self.c[cue].finditer
            ctx.vm, ctx.am_, ctx.srcm = (_last(found[cue]) for cue in ("before", "after", "source"))
        return ctx

    def follows_cue_sentence(self, last: Quote, pos: int) -> bool:
        """Only the cue sentence of the quotation `last` (`, kata X.`) stands between it and pos."""
        mk = self.mark_holding(last.start)
        if mk is None or not (last.cue or "").strip():
            return False
        between = self.text[mk.close + 1:pos]
        ends = list(re.finditer(r"[.!?](?=\s|$)", between))
        return "\n" not in between and len(between) <= 200 and len(ends) == 1 and not between[ends[0].end():].strip()

    # -- reported speech ---------------------------------------------------------------


_SPACES = re.compile(r"\s*")


def _last(found: list):
    return found[-1] if found else None
