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
UNTAGGED_NAME_RE = re.compile(r"\s+([A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,3})\s*,?\s*")
# the first verb-like word of a predicate: passive `di-` or active `me-`/`ber-`/`meng-` (after a relative `yang`
# clause, whose verb describes the subject, the main predicate follows; see active_person_since)
PREDICATE_RE = re.compile(r"(?<!yang )(?<![\w-])(?:di|me|ber)[a-z]{3,}\b")
PREP_BEFORE_SUBJECT = ("oleh", "kepada", "dengan", "dari", "terhadap", "bersama", "antara", "untuk", "bagi",
                       "tentang", "mengenai", "dan")


def _alt(phrases) -> str:
    items = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


@functools.cache
def cues() -> dict:
    data = lexicons.load("reporting_verbs")
    forms = {e["lemma"]: e.get("forms") or [e["lemma"], e["lemma"] + "nya"] for e in data["after"]}
    after_forms = [f for e in data["after"] if not e.get("direct_only") for f in forms[e["lemma"]]]
    direct_forms = [f for e in data["after"] for f in forms[e["lemma"]]]
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
        "after_direct": re.compile(r"(?<!\w)(" + _alt(direct_forms) + r")(?!\w)", re.I),
        "infinitive": {w.casefold() for w in data["infinitive_markers"]},
        "modals": {w.casefold() for w in data["modals"]},
        "cue_adverbs": re.compile(r"(?:\s+(?:" + _alt(data["cue_adverbs"]) + r"))+(?!\w)", re.I),
        "connective": re.compile(r"\s*(?:(?:" + _alt(data["connectives"]) + r")\s*,?\s*)?$", re.I),
        "anaphor": re.compile(r"(?<!\w)(?:" + _alt(data["anaphors"]) + r")(?!\w)", re.I),
        "anaphoric_passive": re.compile(r"(?<!\w)(?:" + _alt(data["anaphors"]) + r")\s+(?:juga\s+|pun\s+)?("
                                        + _alt(data["anaphoric_passives"]) + r")(?:\s+oleh)?(?!\w)", re.I),
        "statement": re.compile(r"(?:" + _alt(data["statement_nouns"]) + r")\s+(?:resmi\s+)?(?:itu|ini|tersebut)",
                                re.I),
        "aside": re.compile(r"(?:" + "|".join(re.escape(x) for x in data["aside_openers"]) + r")"),
        "not_openers": {w.casefold() for w in [*data["not_clause_openers"], *data["courtesy_objects"]]},
        "adverbial": {w.casefold() for w in data["adverbial_openers"]},
        "before": re.compile(r"(?<!\w)(" + _alt(before) + r")(?!\w)", re.I),
        "bare": {k.casefold() for k, v in before.items() if v},
        "loose": {e["lemma"].casefold() for e in data["before"] if e.get("bare") == "loose"},
        "source": re.compile(r"(?<!\w)(" + _alt(data["source"]) + r")(?!\w)", re.I),
        "to_press": re.compile(r"(?<!\w)(" + _alt(data["to_press"]) + r")(?!\w)", re.I),
        "negators": {w.casefold() for w in data["negators"]},
        "gap": {w.casefold() for w in data["gap_openers"]},
        # `dan` ends a speaker unless a name goes on (`kata Menteri Komunikasi dan Informatika Budi Arie`)
        "stops": re.compile(r"\s+(?:" + _alt([w for w in data["speaker_stops"] if w != "dan"]) + r")(?!\w)"
                            + r"|\s+dan(?!\w)(?!\s+[A-Z])|\s+(?:" + _alt(data["to_press"])
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
def abbreviations() -> frozenset[str]:
    return frozenset(lexicons.load("abbreviations"))


@functools.cache
def generic_speakers() -> dict[str, list[str]]:
    return {str(k).casefold(): list(v) for k, v in (lexicons.load("actor_words").get("generic_speakers") or {}).items()}


WORD_RE = re.compile(r"\w+(?:-\w+)*")


def is_clause(text: str, loose: bool = False) -> bool:
    """The words read as a clause: a predicate in the first stretch up to a comma (the verb
    right after `yang` belongs to a relative clause and does not count); a partial quotation
    counts (`menyebut sanksi itu “ilegal”`)."""
    c = cues()
    first_word = re.match(r"\W*(\w+)", text)
    if first_word and first_word.group(1).casefold() in c["not_openers"]:
        return False  # `melaporkan kepada aparat …`: a prepositional phrase, no clause
    # a relative clause set off by commas belongs to the subject (`rencana itu, yang diluncurkan Juli, akan berakhir`)
    text = re.sub(r",\s*yang\s[^,;]*,", "", text)
    stretches = re.split(r"[,;]|[.!?](?=[A-Z])", text)  # `… di Indonesia.Dua warga …`: a glued sentence end
    head = stretches[0]
    if first_word and first_word.group(1).casefold() in c["adverbial"] and len(stretches) > 1 \
            and not is_clause(head) and len(WORD_RE.findall(head)) <= 8:
        # `hingga Jumat pukul 20.40 WIB, dua rumah warga rusak ringan`: an adverbial, then the clause
        return is_clause(text[len(head) + 1:], loose)
    sub = c["subordinate"].search(head)
    if sub and sub.start() > 0 and not re.search(r"(?<!\w)yang\s", head[:sub.start()]):
        # (after a relative clause the conjunction belongs to it: `hujan yang turun selama setengah hari itu
        # juga menyebabkan longsor`)
        head = head[:sub.start()]
    second = re.search(r"\s(?:dan|serta)\s+(?:juga\s+)?(\w+)", head)
    nxt = second.group(1).casefold() if second else ""
    lead_noun = (WORD_RE.findall(head) or [""])[0].casefold()
    nominal = lead_noun in c["object_nouns"] or c["nominal"].fullmatch(lead_noun)
    if nominal and nxt not in c["not_pred"] and (nxt in c["predicates"] or c["prefix"].match(nxt)):
        head = head[:second.start()]  # `kemenangan Trump dan menjadi media …`: a second predicate of the subject
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


# double marks close each other: `“…"` and `"…”` are one quotation (mixed marks are common in web copy)
CLOSERS = {"\u201c": ("\u201d", '"'), '"': ('"', "\u201d"), "\u2018": ("\u2019",)}


def find_marks(text: str) -> list[Marks]:
    """Top-level quotations; an open quotation continues into a paragraph that opens with a mark.
    A quotation opened at the start of a paragraph and never closed ends with that paragraph (a
    missing closing mark, or a page cut off in mid-quotation)."""
    out: list[Marks] = []
    i, n = 0, len(text)
    opener: str | None = None
    open_at = 0

    def para_start(pos: int) -> bool:
        return pos == 0 or text[:pos].rstrip(" \t").endswith("\n")

    def close_unclosed(end: int) -> None:
        if opener in ("\u201c", '"') and para_start(open_at) and len(text[open_at + 1:end].split()) >= 3:
            out.append(Marks(open_at, end, True))

    while i < n:
        c = text[i]
        if c == "\n" and opener is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if "\n\n" in text[i:j] or text[i:j].count("\n") >= 1:
                if j < n and text[j] in CLOSERS.get(opener, (opener,)) + (opener,):  # it goes on
                    i = j + 1
                    continue
                close_unclosed(i)
                opener = None
            i = j
            continue
        if opener is None:
            if c in OPEN_CLOSE and (c != "\u2018" or i == 0 or not text[i - 1].isalnum()):
                opener, open_at = c, i
        elif c in CLOSERS[opener] and (c != "\u2019" or i + 1 >= n or not text[i + 1].isalpha()):
            if i > open_at + 1:
                out.append(Marks(open_at, i, para_start(open_at)))
            opener = None
        elif c == "\u201c" and opener == "\u201c":
            open_at = i  # an unclosed mark before: start again here
        i += 1
    if opener is not None:
        close_unclosed(n)
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
        return any(m.open < pos < m.close for m in self.marks)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, len(self.text) if b < 0 else b

    def paragraph_index(self, pos: int) -> int:
        """Paragraphs before pos, page asides (related links, `Baca juga`) not counted."""
        return len([b for b in re.finditer(r"\n\s*\n", self.text[:pos])
                    if not self.c["aside"].match(self.text, b.end())])

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
        return [c for c in self.candidates if a <= c[0] and c[1] <= b]

    def resolve_pronoun(self, pos: int, word: str) -> str | None:
        singular, plural = pronouns()
        w = word.casefold()
        if w in plural:
            return self.member_body(pos)
        para = self.paragraph_index(pos)
        s_i = self.article.sentence_at(pos)
        # a person named earlier in the same sentence (not across a quotation: `… SU, S (45) … “…,” kata dia`)
        if s_i is not None:
            s = self.article.sentences[s_i]
            lo = max([s.start] + [mk.close + 1 for mk in self.marks if s.start <= mk.close < pos])
            same = [c for c in self.cands_in(lo, pos) if c[3] == "PER" and self.word_before(c[0]) != "oleh"]
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
        lead): the body the crowd belongs to (actor_words.yaml member_of), the nearest such one; else no speaker."""
        lo = 0
        phrases = "|".join(re.escape(p) for p in lexicons.load("actor_words")["member_of"])
        best = None
        for m in re.finditer(rf"\b(?:{phrases})\s+", self.text[lo:pos]):
            at = lo + m.end()  # the body's name may start before the span tagged (`Konfederasi [Serikat …]`)
            org = next((c for c in self.candidates if at <= c[0] <= at + 40 and c[3] == "ORG" and not any(
                w[:1].islower() for w in WORD_RE.findall(self.text[at:c[0]]))), None)
            if org is not None:
                best = org[2]
        return best

    def active_person_since(self, last: Quote, pos: int) -> bool:
        """A person other than the last speaker has been the subject of an active clause since that quote; the
        subject of a passive one (`Andi … sedang diperiksa secara intensif`) is talked about, not talking."""
        for c in self.cands_in(last.end, pos):
            if c[3] != "PER" or c[2] == last.speaker or not self.is_subject(c):
                continue
            s_i = self.article.sentence_at(c[0])
            end = self.article.sentences[s_i].end if s_i is not None else pos
            verb = PREDICATE_RE.search(self.text, c[1], min(end, pos))
            if verb is None or not verb.group().casefold().startswith("di"):
                return True
        return False

    def new_subject_since(self, last: Quote, pos: int) -> bool:
        """A person other than the last speaker opens the sentence just before the words at pos (the sentence before
        the quotation, where pos is its cue): `Wali Kota Eri meninjau lokasi. “…,” katanya.` A person named only as an
        object, or further back, does not take the pronoun from the last speaker (`mendalami peran Andi`)."""
        anchor = pos
        for mk in self.marks:
            if mk.close < pos and not re.search(r"[.!?](?=\s)", self.text[mk.close + 1:pos]):
                anchor = mk.open
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
        return self.resolve_pronoun(pos, "ia"), None

    @staticmethod
    def pronoun_words() -> frozenset[str]:
        singular, plural = pronouns()
        return singular | plural

    def speaker_in(self, a: int, b: int, cue_text: str | None = None) -> tuple[str | None, str | None]:
        """The speaker named in text[a:b] (after a cue)."""
        adv = self.c["cue_adverbs"].match(self.text, a)
        if adv and adv.end() <= b:
            a = adv.end()  # `“…,” katanya lagi`, `ungkapnya pula`
        seg = self.text[a:b]
        m = self.c["stops"].search(seg)
        while m and m.group().startswith(".") and self.abbreviation_before(a + m.start()):
            m = self.c["stops"].search(seg, m.end())  # `ujar Plt. Kepala Pusdatin BNPB Abdul Muhari`
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
            chain = re.match(r"(?:,?\s+(?:dan\s+)?[A-Z][\w'’\-]*)+", self.text[b:])
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
        if cue_text and cue_text.casefold().endswith("nya") and not words:
            sp, st = self.clitic_speaker(a)
            return sp, st or cue_text
        if words and len(words) <= 10:
            return None, self.text[a:b]
        return None, None

    def final_person(self, items: list[tuple[int, int, str]], b: int) -> tuple[int, int, str] | None:
        """`Kepala Bakamla Laksamana Muda TNI Gatot Wiranto mengatakan`, `Kapolrestabes Bandung Kombes Budi
        mengatakan`: a person name that ends a subject made of capitalised words speaks, not the body or
        place named before it in the same noun phrase."""
        types = {c[2]: c[3] for c in self.candidates}
        last = items[-1]
        if items[0][2] == "pronoun" or types.get(items[0][2]) == "PER" and (
                len(items) < 2 or not title_table().match(tokenize(self.text[items[0][1]:last[1]].strip()), 0)):
            return None  # a rank between two names (`Kapendam XVII/Cendrawasih Kolonel Inf Aidi`): the second
        if types.get(last[2]) != "PER" or self.text[last[1]:b].split(",")[0].strip() or last[0] < items[0][1]:
            return None
        between = self.text[items[0][1]:last[0]]  # lowercase words inside the first actor's own span are its own
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
            elif re.match(r"\s*yang\s", self.text[seg_start:b]):
                # `Sultan Brunei, Hassanal Bolkiah, yang tahun ini ketua ASEAN mengatakan`: the relative clause
                # describes the name before it, which speaks
                seg_start, b = (commas[-2] + 1 if len(commas) >= 2 else a), commas[-1]
        if self.word_before(b) == "yang":
            # `keputusan Pengadilan Arbitrase … yang menyatakan …`: the body the relative clause hangs on speaks
            yang = self.text.rfind("yang", a, b)
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
            items = [(c[0], c[1], c[2]) for c in self.cands_in(lo, b)
                     if self.word_before(c[0]) not in PREP_BEFORE_SUBJECT or c[0] == lo]
            for pm in PRONOUN_RE.finditer(self.text[lo:b]):
                p = lo + pm.start()
                if not self.in_quote(p) and not any(c[0] <= p < c[1] for c in self.candidates):
                    items.append((p, lo + pm.end(), "pronoun"))
            items.sort()
            if items:
                s, e, aid = items[0]
                # the person ending the subject may follow `dan`: `komite pakar WHO dan Sekjen WHO Tedros, menyatakan`
                tail = [(c[0], c[1], c[2]) for c in self.cands_in(e, b)]
                s, e, aid = self.final_person([items[0]] + tail if tail else items, b) or (s, e, aid)
                name = UNTAGGED_NAME_RE.fullmatch(self.text, e, b) if aid != "pronoun" and not tail else None
                if name and {c[2]: c[3] for c in self.candidates}.get(aid) != "PER":
                    # `Kandidat oposisi Rusia Alexei Navalny mengakui`: a name the entity layer missed ends the
                    # subject after the body it leads; the person speaks
                    return None, name.group(1)
                if aid == "pronoun":
                    return self.resolve_pronoun(s, self.text[s:e]), self.text[s:e]
                return aid, self.text[s:e]
            if lo == seg_start and lo != a:
                # `Menyusul …, para pemberontak menyatakan`: a group named by its noun after the comma speaks,
                # not an actor named earlier in the adverbial
                group = self.group_words(lo, b)
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

    def statement_of(self, a: int, b: int) -> tuple[str | None, str | None] | None:
        """`Pernyataan itu menyebutkan …`: the statement is the last speaker's (quoted within two paragraphs)."""
        m = self.c["statement"].fullmatch(self.text[a:b].strip())
        last = self.quotes[-1] if self.quotes else None
        if m and last is not None and (last.speaker or last.speaker_text) and \
                self.paragraph_index(a) - self.paragraph_index(last.start) <= 2:
            return last.speaker, last.speaker_text
        return None

    def group_words(self, a: int, b: int) -> str | None:
        """text[a:b] (a subject) names a group by a group noun (`para pemberontak`, `warga Damaskus`)."""
        words = self.text[a:b].split()
        while words and words[0].casefold().strip(",") in self.c["skip"]:
            words.pop(0)
        if 0 < len(words) <= 6 and words[0].casefold() in group_heads():
            return " ".join(words)
        return None

    # -- direct quotes ---------------------------------------------------------------
    def clause_window_after(self, pos: int) -> tuple[int, int]:
        _, pend = self.paragraph_bounds(pos)
        nxt = min([m.open for m in self.marks if m.open >= pos] + [pend])
        for m in re.finditer(r"[.!?](?=\s|$)", self.text[pos:nxt]):
            if not (m.group() == "." and self.abbreviation_before(pos + m.start())):  # `ujar Plt. Kepala …`
                return pos, pos + m.start()
        return pos, nxt

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
        speaker = speaker_text = cue = None
        rule = ""
        # a cue after the closing mark
        a, b = self.clause_window_after(m.close + 1)
        if not self.text[a:b].strip() and inner[-1:] == ",":
            # `“…,”` ends a paragraph and the next one opens with the cue (`Begitu penjelasan manajemen SMKM …`)
            nxt = re.match(r"\s*", self.text[b:]).end() + b
            if nxt < len(self.text) and self.text[nxt] not in OPEN_CLOSE:
                a, b = self.clause_window_after(nxt)
        after = self.text[a:b]
        lead = re.match(r"\s*,?\s*", after).end()
        am = self.c["after_direct"].match(after, lead)
        sm = self.c["source"].match(after, lead)
        if len(inner.split()) < 2 and not (am and inner[-1:] in ",!?"):
            return None  # one word is a quotation only with its cue (`“Setujuuu,” sahut seluruh anggota`)
        if am:
            cue = am.group(1)
            speaker, speaker_text = self.speaker_in(a + am.end(), b, cue)
            if speaker is None and speaker_text is None and cue.casefold().endswith("nya"):
                speaker, speaker_text = self.clitic_speaker(a + am.start())
                speaker_text = speaker_text or cue
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
            last = self.quotes[-1] if self.quotes else None
            if not m.paragraph_start and inner[:1].isupper() and last is not None and last.direct \
                    and self.follows_cue_sentence(last, m.open):
                # `“…,” kata seorang saksi, Ahmed Mussa. “Saya terkejut …”`: the same speaker goes on
                return Quote(text=inner, start=inner_a, end=inner_b, direct=True, speaker=last.speaker,
                             speaker_text=last.speaker_text, cue=None, sentence=self.article.sentence_at(inner_a),
                             rule="quote:direct+inherit")
            if not (m.paragraph_start and inner[:1].isupper()):
                return None
            gap = self.paragraph_index(m.open) - self.paragraph_index(last.end) if last is not None else 99
            if last is not None and (gap <= 1 or (gap <= 2 and not self.new_subject_since(last, m.open))):
                speaker, speaker_text = last.speaker, last.speaker_text
                rule = "quote:direct+inherit"
            else:
                rule = "quote:direct+paragraph"
        return Quote(text=inner, start=inner_a, end=inner_b, direct=True, speaker=speaker,
                     speaker_text=speaker_text, cue=cue, sentence=self.article.sentence_at(inner_a), rule=rule)

    def follows_cue_sentence(self, last: Quote, pos: int) -> bool:
        """Only the cue sentence of the quotation `last` (`, kata X.`) stands between it and pos."""
        mk = next((mk for mk in self.marks if mk.open < last.start <= mk.close), None)
        if mk is None or not (last.cue or "").strip():
            return False
        between = self.text[mk.close + 1:pos]
        ends = list(re.finditer(r"[.!?](?=\s|$)", between))
        return "\n" not in between and len(between) <= 200 and len(ends) == 1 and not between[ends[0].end():].strip()

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
                tail = self.clause_after_speaker(s_start + m.end(), s_end)
                if tail is not None and (pre.endswith(",") or self.c["connective"].fullmatch(pre)) \
                        and (pre.strip() or kind == "after") and not self.own_speaker(*tail):
                    # `A, kata Aidi, B.` / `Tujuannya, menurut para analis, untuk …` / `Lebih lanjut kata
                    # Martinus, B.`: the clause after the inserted cue is the words reported
                    speaker, speaker_text = self.speaker_in(s_start + m.end(), text.rfind(",", 0, tail[0]),
                                                            m.group(1))
                    if speaker is not None or speaker_text is not None:
                        return [Quote(text=text[tail[0]:tail[1]], start=tail[0], end=tail[1], direct=False,
                                      speaker=speaker, speaker_text=speaker_text, cue=m.group(1),
                                      sentence=self.article.sentence_at(tail[0]),
                                      rule=f"quote:reported+{kind}-inserted:{m.group(1).casefold()}")]
                if not pre.endswith(",") and not (kind == "source" and m.group(1).casefold().startswith(
                        ("demikian", "begitu")) and pre):
                    continue
                if self.c["before"].search(pre.rstrip(",").split()[-1] if pre.rstrip(",").split() else ""):
                    continue  # `X, Kamis, mengatakan, berdasarkan laporan relawan …`: the cue verb comes first
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
                if m.group(1).casefold().startswith("berdasarkan") and not self.cands_in(s_start + m.end(),
                                                                                        s_start + comma):
                    speaker = speaker_text = None  # `Berdasarkan keterangan saksi dan rekaman CCTV, …`: no named source
                named = speaker is not None or (speaker_text and (
                    self.cands_in(s_start, s_start + comma) or speaker_text.casefold() in self.pronoun_words()
                    or self.group_words(s_start + m.end(), s_start + comma)))  # `Menurut mereka`, `Menurut militer`
                a, b = self.trim_clause(s_start + comma + 1, s_end)
                if named and len(text[a:b].split()) >= 3 and not self.overlaps_direct(a, b):
                    return [Quote(text=text[a:b], start=a, end=b, direct=False, speaker=speaker,
                                  speaker_text=speaker_text, cue=m.group(1), sentence=self.article.sentence_at(a),
                                  rule=f"quote:reported+source-before:{m.group(1).casefold()}")]
        # 3. `X mengatakan (kepada Y) bahwa CLAUSE` / `X mengatakan CLAUSE` / `X menjelaskan, CLAUSE`
        anaphoric = self.anaphoric(s_start, s_end)
        if anaphoric is not None:
            return anaphoric
        for m in self.c["before"].finditer(sent):
            pos = s_start + m.start()
            if not self.cue_ok(pos) or self.negated(pos):
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
            for vm in self.c["before"].finditer(sent):
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
            covered = [q for q in self.quotes if q.start < sk.end and sk.start < q.end]
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

    def clause_after_speaker(self, a: int, s_end: int) -> tuple[int, int] | None:
        """After an inserted cue (`, kata Aidi, B`): the span of B when a short speaker (≤ 8 words, no other
        cue) ends at a comma and B reads as a clause of 3+ words."""
        comma = self.text.find(",", a, s_end)
        if comma < 0 or self.in_quote(comma) or any(c[0] < comma < c[1] for c in self.candidates):
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
            if not (self.cands_in(comma + 1, vm.start()) or PRONOUN_RE.fullmatch(subj.strip())):
                continue
            found = self.clause_after(vm, vm.end(), s_end, strict=True)
            if found is None:
                continue
            speaker, speaker_text = self.subject_of(comma + 1, vm.start())
            if speaker is None and speaker_text is None:
                continue
            return comma, vm, found, speaker, speaker_text
        return None

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
