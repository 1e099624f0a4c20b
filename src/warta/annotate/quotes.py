"""Quotes: direct and reported speech with its speaker.

Direct quotes are the words inside “…”, "…" or ‘…’ (one quote may run over
several sentences and paragraphs: a paragraph that leaves the quotation open
and a next one that opens it again continue it).  A quotation is *direct* when
a cue stands next to it (`“…,” kata X`, `“…,” tambahnya`, `X menjawab, “…”`,
`X: “…”`) or when it fills a paragraph of its own (the speaker is then the last
one quoted, where the previous paragraph quoted someone).  Any other quotation
is partial: it belongs to the reported clause around it, or it is a scare quote.

Reported speech: `X mengatakan (kepada Y) bahwa CLAUSE`, `X mengatakan CLAUSE`
(verbs marked `bare`), `CLAUSE, kata X`, `CLAUSE, menurut X`, `CLAUSE, demikian
laporan X`, `Menurut X, CLAUSE`, `Seperti dikutip dari X, CLAUSE`…  Cues are data
in `lexicons/reporting_verbs.yaml`.

Speakers come from the actors layer (mentions and title/group phrases); the
pronouns ia/dia/beliau and the clitic -nya (`ujarnya`) are resolved to the last
speaker quoted nearby or to the subject of the nearest earlier sentence naming a
person; an unnamed speaker keeps its words as `speaker_text`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from warta import lexicons
from warta.options import Options
from warta.pipeline import component
from warta.annotate.actors import group_heads, title_table, tokenize
from warta.record import Article, Quote

OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}
PREP_BEFORE_SUBJECT = ("oleh", "kepada", "dengan", "dari", "terhadap", "bersama", "antara", "untuk", "bagi",
                       "tentang", "mengenai", "dan")


def _alt(phrases) -> str:
    items = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


@functools.cache
def cues() -> dict:
    data = lexicons.load("reporting_verbs")
    after_forms = [f for e in data["after"] for f in e["forms"]]
    before = {e["lemma"]: bool(e.get("bare")) for e in data["before"]}
    verbs = frozenset(line.strip().casefold() for line in lexicons.path("verbs.txt").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    breakers = [*data["clause_breakers"], *before]
    return {
        "predicates": (verbs | {w.casefold() for w in data["predicates"]})
        - {w.casefold() for w in data["not_predicates"]},
        "prefix": re.compile(r"(?:" + "|".join(re.escape(x) for x in data["predicate_prefixes"]) + r")\w{4,}$"),
        "not_pred": {w.casefold() for w in data["not_predicates"]},
        "subordinate": re.compile(r"(?<!\w)(?:" + _alt(data["subordinators"]) + r")(?!\w)", re.I),
        "naming": re.compile(r"(?<!\w)(?:" + _alt(data["naming_words"]) + r")\s*[\u201c\"]", re.I),
        "data_verbs": {e["lemma"].casefold() for e in data["before"] if e.get("data_subject")},
        "person_verbs": {e["lemma"].casefold() for e in data["before"] if e.get("person_subject")},
        "data_subjects": {w.casefold() for w in data["data_subjects"]},
        "credit": re.compile(r"(?<!\w)(" + _alt(data["credit_sources"]) + r")(?!\w)", re.I),
        "breaker": re.compile(r",?\s+(?:dan|serta)\s+(?:juga\s+|pun\s+)?(" + _alt(breakers) + r")(?!\w)", re.I),
        "after": re.compile(r"(?<!\w)(" + _alt(after_forms) + r")(?!\w)", re.I),
        "before": re.compile(r"(?<!\w)(" + _alt(before) + r")(?!\w)", re.I),
        "bare": {k.casefold() for k, v in before.items() if v},
        "loose": {e["lemma"].casefold() for e in data["before"] if e.get("bare") == "loose"},
        "source": re.compile(r"(?<!\w)(" + _alt(data["source"]) + r")(?!\w)", re.I),
        "to_press": re.compile(r"(?<!\w)(" + _alt(data["to_press"]) + r")(?!\w)", re.I),
        "negators": {w.casefold() for w in data["negators"]},
        "gap": {w.casefold() for w in data["gap_openers"]},
        "stops": re.compile(r"\s+(?:" + _alt(data["speaker_stops"]) + r")(?!\w)|\s+(?:" + _alt(data["to_press"])
                            + r")(?!\w)|[,;:(\u201c\u201d\"]|[.!?](?:\s|$)", re.I),
        "skip": {w.casefold() for w in data["subject_skip"]},
        "object_nouns": {w.casefold() for w in data["object_nouns"]},
        "nominal": re.compile(data["nominal_pattern"]),
        "insert": re.compile(r"\s*(?:" + _alt([*data["speaker_stops"], *data["source"], *data["to_press"]])
                             + r")(?!\w)", re.I),
    }


@functools.cache
def pronouns() -> tuple[frozenset[str], frozenset[str]]:
    p = lexicons.load("actor_words")["pronouns"]
    return frozenset(p["singular"]), frozenset(p["plural"])


@functools.cache
def generic_speakers() -> dict[str, list[str]]:
    return {str(k).casefold(): list(v) for k, v in (lexicons.load("actor_words").get("generic_speakers") or {}).items()}


WORD_RE = re.compile(r"\w+(?:-\w+)*")


def is_clause(text: str, loose: bool = False) -> bool:
    """The words read as a clause: a predicate in the first stretch up to a comma (the verb
    right after `yang` belongs to a relative clause and does not count); a partial quotation
    counts (`menyebut sanksi itu “ilegal”`)."""
    c = cues()
    head = re.split(r"[,;]", text, maxsplit=1)[0]
    sub = c["subordinate"].search(head)
    if sub:
        head = head[:sub.start()]
    if re.search(r"[\u201c\u201d\"]", head) and not c["naming"].search(head):
        return True
    head_words = WORD_RE.findall(head)
    # a cleft: `pasukan Kirgistan yang lebih dulu menembak` (an actor, then `yang` + predicate) is a clause
    cleft = bool(head_words) and (head_words[0][:1].isupper() or head_words[0].casefold() in group_heads()) \
        and "yang" in (w.casefold() for w in head_words[1:4])
    after_yang = False
    for w in head_words:
        f = w.casefold()
        if f == "yang":
            after_yang = not cleft
            continue
        if f in c["not_pred"] or not w.islower():
            continue
        if f in c["predicates"] or c["prefix"].match(f):
            if after_yang:
                after_yang = False
                continue
            return True
    if not loose or len(head_words) < 4:
        return False
    # `menegaskan dukungan Papua Nugini terhadap …`: a noun object (a nominalisation), no clause
    first = head_words[0].casefold()
    return first not in c["object_nouns"] and not c["nominal"].fullmatch(first)


@functools.cache
def demonstratives() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicons.load("actor_words")["demonstratives"])


PRONOUN_RE = re.compile(r"(?<!\w)(ia|dia|beliau|mereka)(?!\w)", re.I)
BAHWA_RE = re.compile(r"(?<!\w)bahwa(?!\w)", re.I)


@dataclass
class Marks:
    open: int   # index of the opening mark
    close: int  # index of the closing mark
    paragraph_start: bool = False


def find_marks(text: str) -> list[Marks]:
    """Top-level quotations; an open quotation continues into a paragraph that opens with a mark."""
    out: list[Marks] = []
    i, n = 0, len(text)
    opener: str | None = None
    open_at = 0
    while i < n:
        c = text[i]
        if c == "\n" and opener is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if "\n\n" in text[i:j] or text[i:j].count("\n") >= 1:
                if j < n and text[j] == opener:  # the quotation goes on in the next paragraph
                    i = j + 1
                    continue
                opener = None  # never closed: dropped
            i = j
            continue
        if opener is None:
            if c in OPEN_CLOSE and (c != "\u2018" or i == 0 or not text[i - 1].isalnum()):
                opener, open_at = c, i
        elif c == OPEN_CLOSE[opener] and (c != "\u2019" or i + 1 >= n or not text[i + 1].isalpha()):
            if i > open_at + 1:
                para_start = open_at == 0 or text[:open_at].rstrip(" \t").endswith("\n")
                out.append(Marks(open_at, i, para_start))
            opener = None
        elif c == "\u201c" and opener == "\u201c":
            open_at = i  # an unclosed mark before: start again here
        i += 1
    return out


class Quoter:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.marks = find_marks(self.text)
        self.c = cues()
        self.candidates = self.build_candidates()
        self.used_cues: set[int] = set()
        self.quotes: list[Quote] = []

    # -- spans ---------------------------------------------------------------------
    def build_candidates(self) -> list[tuple[int, int, str, str]]:
        spans: list[tuple[int, int, str, str]] = []
        types = {a.id: a.type for a in self.article.actors}
        for a in self.article.actors:
            for s, e in a.mentions:
                spans.append((s, e, a.id, a.type))
        for s, e, aid in self.article.scratch.get("actor_phrases", []):
            spans.append((s, e, aid, types.get(aid, "PER")))
        spans = sorted(set(spans), key=lambda x: (x[0], -x[1]))
        outer: list[tuple[int, int, str, str]] = []
        reach = -1  # spans come by start: one inside (or equal to) an earlier outer span ends by its end
        for sp in spans:
            if sp[1] <= reach:
                continue
            outer.append(sp)
            reach = sp[1]
        return [sp for sp in outer if not self.in_quote(sp[0])]

    def in_quote(self, pos: int) -> bool:
        return any(m.open < pos < m.close for m in self.marks)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, len(self.text) if b < 0 else b

    def paragraph_index(self, pos: int) -> int:
        return len(re.findall(r"\n\s*\n", self.text[:pos]))

    def extend_out_of_quote(self, end: int) -> int:
        for m in self.marks:
            if m.open < end <= m.close:
                return m.close + 1
        return end

    # -- speakers ------------------------------------------------------------------
    def word_before(self, pos: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, pos - 30):pos])
        return m.group(1).casefold() if m else ""

    def cands_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        return [c for c in self.candidates if a <= c[0] and c[1] <= b]

    def resolve_pronoun(self, pos: int, word: str) -> str | None:
        singular, plural = pronouns()
        w = word.casefold()
        if w in plural:
            return None
        para = self.paragraph_index(pos)
        s_i = self.article.sentence_at(pos)
        # a person named earlier in the same sentence
        if s_i is not None:
            s = self.article.sentences[s_i]
            same = [c for c in self.cands_in(s.start, pos) if c[3] == "PER" and self.word_before(c[0]) != "oleh"]
            if same:
                return same[0][2]
        # the last speaker quoted nearby, unless another person was named since
        if self.quotes:
            last = self.quotes[-1]
            if last.speaker and para - self.paragraph_index(last.start) <= 2:
                actor = self.article.actor(last.speaker)
                since = [c for c in self.cands_in(last.end, pos) if c[3] == "PER" and c[2] != last.speaker]
                if actor is not None and actor.type == "PER" and not since:
                    return last.speaker
        # the subject of the nearest earlier sentence that names a person
        start_i = (s_i if s_i is not None else len(self.article.sentences)) - 1
        for k in range(start_i, max(-1, start_i - 8), -1):
            s = self.article.sentences[k]
            people = [c for c in self.cands_in(s.start, min(s.end, pos)) if c[3] == "PER"]
            if people:
                return people[0][2]
        return None

    def clitic_speaker(self, pos: int) -> str | None:
        return self.resolve_pronoun(pos, "ia")

    def speaker_in(self, a: int, b: int, cue_text: str | None = None) -> tuple[str | None, str | None]:
        """The speaker named in text[a:b] (after a cue)."""
        seg = self.text[a:b]
        m = self.c["stops"].search(seg)
        if m and m.start() > 0:
            b = a + m.start()
        elif m and m.start() == 0:
            b = a
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1] in " \t.,":
            b -= 1
        cands = self.cands_in(a, b)
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
        if cue_text and cue_text.casefold().endswith("nya") and not words:
            return self.clitic_speaker(a), cue_text
        if words and len(words) <= 10:
            return None, self.text[a:b]
        return None, None

    def final_person(self, items: list[tuple[int, int, str]], b: int) -> tuple[int, int, str] | None:
        """`Kepala Bakamla Laksamana Muda TNI Gatot Wiranto mengatakan`, `Kapolrestabes Bandung Kombes Budi
        mengatakan`: a person name that ends a subject made of capitalised words speaks, not the body or
        place named before it in the same noun phrase."""
        types = {c[2]: c[3] for c in self.candidates}
        if types.get(items[0][2]) == "PER" or items[0][2] == "pronoun":
            return None
        last = items[-1]
        if types.get(last[2]) != "PER" or self.text[last[1]:b].strip(" ,") or last[0] < items[0][1]:
            return None
        between = self.text[items[0][0]:last[0]]
        if any(w[:1].islower() and w not in ("dan", "serta") for w in WORD_RE.findall(between)):
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
        return self.resolve_pronoun(a, "ia"), self.text[a:b]

    def subject_of(self, a: int, b: int) -> tuple[str | None, str | None]:
        """The speaker before a cue verb: the subject of the clause text[a:b]."""
        seg_start = a
        commas = [a + m.start() for m in re.finditer(r",", self.text[a:b])]
        commas = [p for p in commas if not self.in_quote(p) and not any(c[0] <= p < c[1] for c in self.candidates)]
        if commas:
            seg_start = commas[-1] + 1
            if not self.text[seg_start:b].strip() and len(commas) >= 2 and self.c["insert"].match(
                    self.text, commas[-2] + 1, commas[-1]):
                # `Presiden Georgia X, yang berseberangan dengan …, menyatakan`, `Liang, seperti dikutip dari
                # keterangan resmi Kementerian Perdagangan, menyatakan`: an inserted phrase, the subject before it
                seg_start, b = (commas[-3] + 1 if len(commas) >= 3 else a), commas[-2]
            elif not self.text[seg_start:b].strip() and len(commas) >= 2:
                # `Nelayan asal Indramayu, Darsono, menuturkan`: the appositive before the comma
                seg_start, b = commas[-2] + 1, commas[-1]
            elif not self.text[seg_start:b].strip():
                b = commas[-1]
                seg_start = a
        lows = (seg_start, a)
        lead = self.c["credit"].match(self.text, a + len(self.text[a:b]) - len(self.text[a:b].lstrip()))
        if lead and seg_start > lead.end():
            lows = (seg_start,)  # `Seperti dilansir AFP, seorang pejabat mengatakan`: the outlet is no subject
        for lo in lows:
            items = [(c[0], c[1], c[2]) for c in self.cands_in(lo, b)
                     if self.word_before(c[0]) not in PREP_BEFORE_SUBJECT or c[0] == lo]
            for pm in PRONOUN_RE.finditer(self.text[lo:b]):
                p = lo + pm.start()
                if not self.in_quote(p) and not any(c[0] <= p < c[1] for c in self.candidates):
                    items.append((p, lo + pm.end(), "pronoun"))
            items.sort()
            if items:
                s, e, aid = items[0]
                s, e, aid = self.final_person(items, b) or (s, e, aid)
                if aid == "pronoun":
                    return self.resolve_pronoun(s, self.text[s:e]), self.text[s:e]
                return aid, self.text[s:e]
        words = self.text[seg_start:b].split()
        while words and words[0].casefold().strip(",") in self.c["skip"]:
            words.pop(0)
        while words and words[-1].casefold() in self.c["skip"]:
            words.pop()
        if 0 < len(words) <= 8:
            return None, " ".join(words)
        return None, None

    # -- direct quotes ---------------------------------------------------------------
    def clause_window_after(self, pos: int) -> tuple[int, int]:
        _, pend = self.paragraph_bounds(pos)
        nxt = min([m.open for m in self.marks if m.open >= pos] + [pend])
        m = re.search(r"[.!?](?=\s|$)", self.text[pos:nxt])
        return pos, pos + m.start() if m else nxt

    def clause_window_before(self, pos: int) -> tuple[int, int]:
        pstart, _ = self.paragraph_bounds(pos)
        prev = max([m.close + 1 for m in self.marks if m.close < pos] + [pstart])
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
        if len(inner.split()) < 2:
            return None
        speaker = speaker_text = cue = None
        rule = ""
        # a cue after the closing mark
        a, b = self.clause_window_after(m.close + 1)
        after = self.text[a:b]
        lead = re.match(r"\s*,?\s*", after).end()
        am = self.c["after"].match(after, lead)
        sm = self.c["source"].match(after, lead)
        if am:
            cue = am.group(1)
            speaker, speaker_text = self.speaker_in(a + am.end(), b, cue)
            if speaker is None and speaker_text is None and cue.casefold().endswith("nya"):
                speaker, speaker_text = self.clitic_speaker(a + am.start()), cue
            self.used_cues.add(a + am.start())
            rule = f"quote:direct+after:{am.group(1).casefold()}"
        elif sm:
            cue = sm.group(1)
            speaker, speaker_text = self.speaker_in(a + sm.end(), b)
            self.used_cues.add(a + sm.start())
            rule = f"quote:direct+source:{cue.casefold()}"
        else:
            vm = self.c["before"].search(after, lead)
            pm = self.c["to_press"].search(after, lead)
            for hit in (vm, pm):
                if hit and 0 < hit.start() - lead <= 80 and "," not in after[lead:hit.start()] \
                        and inner[-1:] in ",.!?…" and len(after[lead:hit.start()].split()) <= 8:
                    s, st = self.subject_of(a + lead, a + hit.start())
                    if s or st:
                        speaker, speaker_text, cue = s, st, hit.group(1)
                        self.used_cues.add(a + hit.start())
                        rule = f"quote:direct+inverted:{cue.casefold()}"
                        break
        if not rule:
            a, b = self.clause_window_before(m.open)
            before = self.text[a:b].rstrip()
            vm = None
            for vm_ in self.c["before"].finditer(before):
                vm = vm_
            am_ = None
            for x in self.c["after"].finditer(before):
                am_ = x
            srcm = None
            for x in self.c["source"].finditer(before):
                srcm = x
            if before.endswith((",", ":")) and vm and len(before) - vm.end() <= 60 and not re.search(
                    r"[,:]", before[vm.end():-1]):
                cue = vm.group(1)
                speaker, speaker_text = self.subject_of(a, a + vm.start())
                self.used_cues.add(a + vm.start())
                rule = f"quote:direct+before:{cue.casefold()}"
            elif before.endswith((",", ":")) and am_ and len(before) - am_.end() <= 60 and (
                    am_.start() == 0 or before[am_.start() - 1] in " ,"):
                cue = am_.group(1)
                speaker, speaker_text = self.speaker_in(a + am_.end(), a + len(before))
                self.used_cues.add(a + am_.start())
                rule = f"quote:direct+before:{cue.casefold()}"
            elif before.endswith(",") and srcm and srcm.start() <= 2:
                cue = srcm.group(1)
                speaker, speaker_text = self.speaker_in(a + srcm.end(), a + len(before))
                self.used_cues.add(a + srcm.start())
                rule = f"quote:direct+source:{cue.casefold()}"
            elif before.endswith(":") and before[:-1].strip():
                cue = ":"
                speaker, speaker_text = self.subject_of(a, a + len(before) - 1)
                rule = "quote:direct+colon"
        if not rule:
            if not (m.paragraph_start and inner[:1].isupper()):
                return None
            last = self.quotes[-1] if self.quotes else None
            if last is not None and self.paragraph_index(m.open) - self.paragraph_index(last.end) <= 1:
                speaker, speaker_text = last.speaker, last.speaker_text
                rule = "quote:direct+inherit"
            else:
                rule = "quote:direct+paragraph"
        return Quote(text=inner, start=inner_a, end=inner_b, direct=True, speaker=speaker,
                     speaker_text=speaker_text, cue=cue, sentence=self.article.sentence_at(inner_a), rule=rule)

    # -- reported speech ---------------------------------------------------------------
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

    def reported(self, s_start: int, s_end: int) -> list[Quote]:
        text = self.text
        s_end = self.extend_out_of_quote(s_end)
        sent = text[s_start:s_end]
        # 1. `CLAUSE, kata X.` / `CLAUSE, menurut X.` / `CLAUSE, demikian laporan X.`
        for rx, kind in ((self.c["source"], "source"), (self.c["after"], "after")):
            for m in rx.finditer(sent):
                pos = s_start + m.start()
                if not self.cue_ok(pos):
                    continue
                pre = sent[:m.start()].rstrip()
                if not pre.endswith(","):
                    continue
                a, b = self.trim_clause(s_start, s_start + len(pre))
                if len(text[a:b].split()) < 3 or self.overlaps_direct(a, b):
                    continue
                speaker, speaker_text = self.speaker_in(s_start + m.end(), s_end, m.group(1))
                if speaker is None and speaker_text is None:
                    continue
                return [Quote(text=text[a:b], start=a, end=b, direct=False, speaker=speaker,
                              speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(a),
                              rule=f"quote:reported+{kind}-after:{m.group(1).casefold()}")]
        # 2. `Menurut X, CLAUSE.` / `Seperti dikutip dari X, CLAUSE.` / `Menurutnya, CLAUSE.`
        m = self.c["source"].match(sent)
        if m and self.cue_ok(s_start):
            comma = sent.find(",", m.end())
            credit = self.c["credit"].fullmatch(m.group(1)) is not None
            if comma > 0 and not (credit and self.own_speaker(s_start + comma + 1, s_end)):
                speaker, speaker_text = self.speaker_in(s_start + m.end(), s_start + comma, m.group(1))
                named = speaker is not None or (speaker_text and self.cands_in(s_start, s_start + comma))
                a, b = self.trim_clause(s_start + comma + 1, s_end)
                if named and len(text[a:b].split()) >= 3 and not self.overlaps_direct(a, b):
                    return [Quote(text=text[a:b], start=a, end=b, direct=False, speaker=speaker,
                                  speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(a),
                                  rule=f"quote:reported+source-before:{m.group(1).casefold()}")]
        # 3. `X mengatakan (kepada Y) bahwa CLAUSE` / `X mengatakan CLAUSE` / `X menjelaskan, CLAUSE`
        for m in self.c["before"].finditer(sent):
            pos = s_start + m.start()
            if not self.cue_ok(pos) or self.word_before(pos) in self.c["negators"]:
                continue
            if m.group(1).casefold() in self.c["data_verbs"]:
                subj = self.text[s_start:pos].split(",")[-1].split()
                if not subj or subj[0].casefold() not in self.c["data_subjects"]:
                    continue
            found = self.clause_after(m, s_start + m.end(), s_end)
            if found is None:
                continue
            a, kind = found
            speaker, speaker_text = self.subject_of(s_start, pos)
            if m.group(1).casefold() in self.c["person_verbs"] and not self.person_speaker(speaker, speaker_text, pos):
                continue
            return self.reported_clauses(m, a, kind, s_end, speaker, speaker_text)
        return []

    def person_speaker(self, speaker: str | None, speaker_text: str | None, pos: int) -> bool:
        """The subject of a `person_subject` verb at pos is a person (not after `yang`)."""
        if self.word_before(pos) == "yang":
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
        bm = BAHWA_RE.search(rest)
        if bm:
            gap = rest[:bm.start()].strip()
            first = re.match(r"[\w]+", gap)
            if (not gap or gap.startswith(",") or (first and first.group().casefold() in self.c["gap"])) \
                    and not self.in_quote(a + bm.start()) and "\u201c" not in gap:
                return a + bm.end(), "bahwa"
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
        if a + lead < s_end and text[a + lead] not in OPEN_CLOSE and text[a + lead] not in ".!?" \
                and is_clause(text[a + lead:s_end], not strict and m.group(1).casefold() in self.c["loose"]):
            return a + lead, "bare"
        return None

    def reported_clauses(self, m: re.Match, a: int, kind: str, s_end: int, speaker, speaker_text) -> list[Quote]:
        """The clause from a to the sentence end (or a second predicate of the speaker: `… dan meminta …`);
        a second reporting verb there (`… dan menegaskan CLAUSE`) reports a second clause of the same speaker."""
        text = self.text
        out: list[Quote] = []
        for _ in range(3):
            stop = min([q.start - 1 for q in self.quotes if q.direct and q.start > a] + [s_end])
            stop = min([mk.open for mk in self.marks if mk.open > a and mk.paragraph_start] + [stop])
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
            qa, qb = self.trim_clause(a, stop)
            if len(text[qa:qb].split()) >= 3 and not self.overlaps_direct(qa, qb):
                out.append(Quote(text=text[qa:qb], start=qa, end=qb, direct=False, speaker=speaker,
                                 speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(qa),
                                 rule=f"quote:reported+{kind}:{m.group(1).casefold()}"))
            if nxt is None or found is None:
                break
            m = self.c["before"].match(text, nxt.start(1))
            a, kind = found
        return out

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


@component("quotes", requires=["sentences", "actors"], assigns=["quotes"])
def make_quotes(options: Options):
    """Find direct and reported speech and attribute it to an actor."""

    def run(article: Article) -> Article:
        article.quotes = Quoter(article).run()
        return article

    return run
