"""Temporal expressions: found with lexicon-driven rules, resolved against a reference date.

Words come from `lexicons/months.yaml` (months, weekdays, relative words, time
zones, duration units) and `lexicons/numbers.yaml` (number words).

Reference date (`article.reference_date`, `reference_basis`), first that applies:
`Options.reference_date` (given) → `article.published` (published, which the text reader
takes from a date line under the headline or a dated byline) → a press-form date with its
year in the first paragraph, `Senin (22/5/2017)`, else the latest weekday + press date with
a year in the lead paragraphs, `kata Bagja, Rabu (9/10/2024)` (dateline) → the most recent
year ≤ today in which every weekday + day-month pair of the article holds, preferring a year the
text names (`sepanjang 2017`, a full date further down), `Rabu 13 September` (weekday) → the
latest explicit full date not written as planned (`akan digelar pada 27 November 2024`, `12 Juli
mendatang`, `batas waktu … 30 Juni 2027`), or a bare lead weekday inside a stated range of days
(context); none when the text reports a later month or year as past than that date, or when
every date is planned → none.

Bare years need a cue (`sepanjang 2023`, `sejak 2019`) or an event name before them
(`Pilkada Serentak 2024`, `krisis 1998`); a year range (`periode 2014-2019`) gives both years;
a law's number (`UU Nomor 35 Tahun 2009`) is no date, its year is.  `N hari ke depan` /
`N hari mendatang` is a duration (P{N}D); `sehari kemudian` / `dua hari sebelumnya` count from
the most recent explicit date before them; `dua hari setelah pelantikan` from the date given
for the event, else it is the span (P2D); vague counts (`puluhan tahun`) give no item; ages
(`berusia 64 tahun`, `ibu 64 tahun`) are no durations; `setengah hari` = PT12H, `1x24 jam` = PT24H.

Values: ISO 8601 (`2023-09-13`, `2023-09`, `2023`, decades `197`, weeks `2023-W36`,
weekends `2023-W36-WE`, times `2023-09-13T11:43+09:00`, durations `P18M`, `PT3H`).
Ranges (`1-3 Oktober`, `2014-2019`, `antara pukul 11.43 dan 11.53`) give two Date items over
the same span, one per end (rules `...:range-start` / `...:range-end`); month ranges
(`Januari-Juni 2023`) are one ISO interval.
A duration anchored to an unnamed event (`sehari setelah kedatangan`) gets no item.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from warta import lexicons
from warta.knowledge import numbers
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Date

S = r"[ \t\u00a0]+"
SO = r"[ \t\u00a0]*"


def _alt(items, escape=True) -> str:
    items = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(i) if escape else i for i in items)


@dataclass
class Lex:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, dict]
    zones: dict[str, str]
    local: list[str]
    units: dict[str, dict]
    se_durations: dict[str, str]
    ahead: frozenset[str] = frozenset()
    anchor_after: frozenset[str] = frozenset()
    anchor_before: frozenset[str] = frozenset()
    future_cues: re.Pattern | None = None
    future_after: re.Pattern | None = None
    weekday_future: re.Pattern | None = None
    anaphors: frozenset[str] = frozenset()
    age_before: re.Pattern | None = None
    age_not_before: re.Pattern | None = None
    forward_cues: re.Pattern | None = None
    modifiers_after: frozenset[str] = frozenset()
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)
    cue_before: re.Pattern | None = None


@functools.cache
def lex() -> Lex:
    data = lexicons.load("months")
    months = {n: int(m) for m, names in data["months"].items() for n in names}
    weekdays = {n: int(d) for d, names in data["weekdays"].items() for n in names}
    L = Lex(months=months, weekdays=weekdays, relative=data["relative"], zones=data["time_zones"],
            local=data["local_time"], units=data["duration_units"], se_durations=data["se_durations"],
            ahead=frozenset(w.lower() for w in data["ahead_words"]),
            anchor_after=frozenset(w.lower() for w in data["anchor_after_words"]),
            anchor_before=frozenset(w.lower() for w in data["anchor_before_words"]),
            future_cues=re.compile(rf"(?i:\b(?:{_alt(data['future_cues'])})\b)"),
            future_after=re.compile(rf"(?i:^{S}(?:{_alt(data['future_after'])})\b)"),
            weekday_future=re.compile(rf"(?i:(?<!\bdi )\b(?:{_alt(data['weekday_future_cues'])})\b)"),
            anaphors=frozenset(w.lower() for w in data["anaphor_words"]),
            modifiers_after=frozenset(w.lower() for w in data["date_modifiers_after"]))
    L.age_before = re.compile(rf"(?:(?i:\b(?:{_alt(data['age_cues'])}))|\b(?i:{_alt(data['age_nouns'])})(?:nya)?){S}$"
                              rf"|\b[A-Z][\w'-]*{SO}\({SO}$")
    L.forward_cues = re.compile(rf"(?i:\b(?:{_alt(data['forward_cues'])})\b)")
    L.age_not_before = re.compile(rf"{S}(?i:{_alt(data['age_not_before'])})\b")
    MON_CAP = rf"(?P<mon>{_alt(months)})(?:(?<=\b[A-Z][a-z]{{2}})\.|(?<=Sept)\.)?(?![\w])"
    WD = rf"(?P<wd>{_alt(weekdays)})"
    NUM = numbers.number_pattern()
    UNIT = _alt(data["duration_units"])
    ZONE = rf"(?P<zone>{_alt(data['time_zones'])}|{_alt(data['local_time'])})"
    CLOCK = _alt(data["clock_cues"])
    mods = _alt(data["period_modifiers"])
    before = _alt(data["before_words"])
    after = _alt(data["after_words"])
    ahead = _alt(data["ahead_words"])
    anchor = _alt(data["anchor_after_words"] + data["anchor_before_words"])
    heads = _alt(data["year_event_heads"])
    laws = _alt(data["law_types"])
    law_nums = _alt(data["law_number_cues"])
    rel = _alt(data["relative"])
    cues = _alt(data["duration_cues"])
    parts = _alt(data["parts_of_day"])
    year_cues = _alt(data["year_cues"])
    yr = r"(?P<year>(?:1[89]|20)\d\d)"
    MONS = _alt(months)
    dot = r"(?:(?<=\b[A-Z][a-z]{2})\.|(?<=Sept)\.)?(?![\w])"
    RANGE = rf"{SO}(?:-|–|{S}(?:hingga|sampai|s\.d\.?|s/d){S}){SO}"
    acr_not = "|".join(re.escape(a) for a in data["year_acronym_not"])
    not_before = _alt(data["year_not_before"])
    ordinals = _alt(data["week_ordinals"])
    event_anchor = _alt(data["event_anchor_words"])
    titles = _alt(data["law_title_words"])
    wdp = rf"(?:{WD},?{SO})"
    mult = _alt(data["duration_multipliers"])
    yrel = rf"(?P<yrel>tahun{S}(?:ini|lalu|depan|mendatang))"
    wrel = rf"(?:pekan|minggu){S}(?:lalu|depan|ini|mendatang)"
    P = [
        # 1-3 Oktober 2023 / 13 hingga 15 September
        ("day_range", rf"\b(?P<d1>\d{{1,2}}){SO}(?:-|–|{S}(?:hingga|sampai|s\.d\.?|s/d|dan){S}){SO}(?P<d2>\d{{1,2}}){S}{MON_CAP}(?:{S}{yr}\b)?"),
        # Januari-Juli 2024 / Maret hingga Mei / Oktober 2023-Februari 2024: an ISO interval
        ("month_range", rf"(?:\bbulan{S})?\b(?P<mon1>{MONS}){dot}(?:{S}(?P<year1>(?:1[89]|20)\d\d))?{RANGE}(?P<mon2>{MONS}){dot}(?:{S}(?P<year>(?:1[89]|20)\d\d)\b)?"),
        # pekan ketiga Agustus / minggu terakhir bulan Mei 2024
        ("week_of_month", rf"(?i:\b(?:pekan|minggu){S}(?P<ord>{ordinals}))(?:{S}(?i:bulan))?{S}{MON_CAP}(?:{S}{yr}\b)?"),
        # Rabu, 13 September 2023 / 13 September
        ("day_month", rf"(?:{wdp})?\b(?P<day>\d{{1,2}}){S}{MON_CAP}(?:{S}{yr}\b|{S}{yrel}\b)?"),
        # Sep 3, 2014 / September 3, 2014: the English order some outlets keep from wire copy
        ("day_month", rf"(?:{wdp})?\b{MON_CAP}{S}(?P<day>\d{{1,2}}),{SO}{yr}\b"),
        # Rabu (13/9/2023), (13/9), Senin 22/5/2017
        ("press", rf"(?:{WD}(?:{S}(?:{parts}))?,?{SO})?\({SO}(?P<day>\d{{1,2}})/(?P<mon>\d{{1,2}})(?:/(?P<year>\d{{4}}|\d{{2}}))?{SO}\)"),
        ("numeric", rf"(?:{wdp})?\b(?P<day>\d{{1,2}})[/-](?P<mon>\d{{1,2}})[/-](?P<year>(?:19|20)\d\d)\b"),
        # Sabtu 15/01 / Senin, 2/3: a weekday vouches for a bare day/month (never a fraction)
        ("press", rf"{WD},?{SO}\b(?P<day>\d{{1,2}})/(?P<mon>\d{{1,2}})(?:/(?P<year>\d{{4}}|\d{{2}}))?\b(?!/|[.,]\d)"),
        ("iso", rf"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
        # awal September 2023 / akhir bulan Juli / pertengahan tahun 2022 / akhir tahun ini
        ("period_month", rf"(?i:\b(?P<mod>{mods})){S}(?:bulan{S})?{MON_CAP}(?:{S}{yr}\b)?"),
        ("period_year", rf"(?i:\b(?P<mod>{mods}){S}tahun)(?:{S}(?P<year>(?:1[89]|20)\d\d)\b|{S}(?P<rel>ini|lalu|depan|mendatang)\b)?"),
        # September 2023 / bulan Mei / pada Juli
        ("month_year", rf"(?:\bbulan{S})?{MON_CAP}{S}{yr}\b"),
        ("month_alone", rf"(?:(?i:\b(?:bulan|pada|sejak|hingga|sampai|selama|periode|jelang|menjelang|medio)){S}){MON_CAP}(?!{S}(?:1[89]|20)\d\d\b)(?:{S}(?P<rel>lalu|depan|mendatang|ini)\b|{S}{yrel}\b)?"),
        # decades
        ("decade", rf"(?:(?i:\b(?:tahun|era|dekade)){S})?\b(?P<dec>(?:1[89]|20)\d0)-?an\b"),
        # 2014-2019 / periode 2019–2024 / 2019/2020: two years
        ("year_range", rf"(?:(?i:\b(?:{year_cues})){S})?(?<![\w.,/-])(?P<y1>(?:1[89]|20)\d\d){SO}(?:-|–|—|/){SO}{yr}\b(?![.,]\d|-|{S}(?i:{not_before})\b)"),
        # tahun 2019 / pada 2019
        ("year", rf"(?i:\b(?P<cue>{year_cues}))\b{S}{yr}\b(?![.,]\d|-)"),
        # Pilkada Serentak 2024 / krisis 1998 / Perjanjian Pertahanan Bersama 1951
        ("year_event", rf"(?i:\b(?P<cue>{heads}))\b(?:{S}(?!(?:Rp|RP|US|USD|IDR|Pasal|Nomor|No)\b)[A-Z][\w-]*){{0,3}}{S}{yr}\b(?![.,]\d|-)"),
        # UU Nomor 35 Tahun 2009 / Perpres No. 12 Tahun 2020 / PP 22 Tahun 2021: a law's number (no item)
        ("law_number", rf"(?:(?i:\b(?:{law_nums})){SO}|\b(?:{laws}){S})\d+[A-Za-z]?{S}(?i:tahun){S}(?P<year>(?:1[89]|20)\d\d)\b(?P<title>{S}(?i:{titles})\b)?"),
        # UMK 2025 / (UNCLOS) 1982: a year right after an acronym
        ("year_acronym", rf"(?<![\w$])(?:(?!(?:{acr_not})\b)[A-Z][A-Z0-9]{{1,9}}|\((?!(?:{acr_not})\))[A-Z][A-Za-z0-9]{{1,9}}\)){S}{yr}\b(?![.,]\d|-|{S}(?i:{not_before})\b)"),
        # sehari sebelum pertandingan / dua hari setelah pelantikan: from the date of that event
        ("event_anchor", rf"(?i:(?:\b(?P<se>{_alt(data['se_durations'])})|\b(?P<num>{NUM}){S}(?P<unit>{UNIT})){S}(?P<dir>{event_anchor}){S}(?P<noun>[a-z][\w-]{{3,}}))"),
        # N unit lalu / N unit lagi
        ("relative_n", rf"(?i:\b(?P<num>{NUM}){S}(?P<unit>{UNIT}){S}(?P<dir>{before}|{after}|{ahead}|{anchor}))\b"),
        ("relative_se", rf"(?i:\b(?P<se>{_alt(data['se_durations'])}){S}(?P<dir>{before}|{after}|{ahead}|{anchor}))\b"),
        ("relative", rf"(?i:\b(?P<rel>{rel}))\b"),
        # durations
        ("duration", rf"(?i:(?:\b(?P<cue>{cues}){S})?(?:\b(?P<mul>\d{{1,2}}){SO}(?:{mult}){SO}(?=\d)|\b(?<!ke-))(?P<num>{NUM}){S}(?P<unit>{UNIT}))\b(?P<anchor>{S}(?i:{_alt(data['anchored_words'])})\b)?"),
        ("duration_se", rf"(?i:(?:\b(?P<cue>{cues}){S})?\b(?P<se>{_alt(data['se_durations'])}))\b(?P<anchor>{S}(?i:{_alt(data['anchored_words'])})\b)?"),
        # clock times and ranges
        ("clock_range", rf"(?i:(?:\bantara{S})?\b(?:{CLOCK}){S})(?P<h1>\d{{1,2}})[.:](?P<m1>\d\d){SO}(?:-|–|{S}(?i:hingga|sampai|dan|s\.d\.?|s/d){S})(?:(?i:{CLOCK}){S})?(?P<h2>\d{{1,2}})[.:](?P<m2>\d\d)(?:{S}{ZONE})?\b"),
        ("clock", rf"(?i:\b(?:{CLOCK}){S})(?P<h1>\d{{1,2}})(?:[.:](?P<m1>\d\d)(?::\d\d)?)?(?:{S}(?P<part>{parts}))?(?:{S}{ZONE})?\b"),
        ("clock_zone", rf"\b(?P<h1>\d{{1,2}})[.:](?P<m1>\d\d)(?::\d\d)?{S}{ZONE}\b"),
        # Rabu / Rabu lalu / Senin malam
        ("weekday", rf"\b{WD}\b(?:{S}(?P<part>{parts}))?(?:{S}(?P<wrel>{wrel})\b|{S}(?P<rel>lalu|kemarin|depan|mendatang|ini)\b)?"),
    ]
    L.patterns = [(name, re.compile(p)) for name, p in P]
    L.cue_before = re.compile(rf"(?i:\b(?:{cues}){S}$)")
    return L


@dataclass
class Cand:
    kind: str
    start: int
    end: int
    groups: dict
    priority: int
    span_end: int | None = None  # where the span itself ends (`Dua hari` of `Dua hari setelah gempa`)


def find_candidates(text: str) -> list[Cand]:
    L = lex()
    cands: list[Cand] = []
    for pri, (name, pat) in enumerate(L.patterns):
        for m in pat.finditer(text):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.start(), m.end()
            if name in ("duration", "duration_se") and "anchor" in g:
                end = m.start("anchor")
            if name == "year_acronym":
                start = m.start("year")
            if name == "law_number" and "title" in g:
                end = m.start("title")  # `Nomor 35 Tahun 2009` of `… tentang Narkotika`
            span_end = len(text[:m.start("dir")].rstrip()) if name == "event_anchor" else None
            cands.append(Cand(name, start, end, g, pri, span_end))
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = [False] * (len(text) + 1)
    kept = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        if not _valid(c, text):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return _drop_modifiers(kept, text)


#: candidates that name one day by its number (`Sabtu (24/6/2023)`, `3 Februari`)
DAY_KINDS = ("day_month", "press", "numeric", "iso")


def _drop_modifiers(kept: list[Cand], text: str) -> list[Cand]:
    """`Sabtu (24/6/2023) kemarin`: a relative word right after a day date only stresses that the
    date is past; it is part of that date, not a date of its own."""
    out: list[Cand] = []
    for c in kept:
        if c.kind == "relative" and c.groups["rel"].lower() in lex().modifiers_after and out \
                and out[-1].kind in DAY_KINDS and not text[out[-1].end:c.start].strip():
            continue
        out.append(c)
    return out


def _valid(c: Cand, text: str) -> bool:
    g = c.groups
    if c.kind == "weekday":
        before = text[max(0, c.start - 8):c.start].lower()
        if re.search(r"(salat|shalat|sholat)\s+$", before):
            return False
        # "Minggu" / "minggu" at a sentence start means "week" unless a cue makes it a day
        if g["wd"] == "Minggu" and not re.search(r"(pada|hari|sejak|hingga|sampai|,|\()\s*$", before) \
                and "part" not in g and "rel" not in g:
            return False
        if not g["wd"][0].isupper():
            return False
    if c.kind in ("day_month", "month_year", "day_range", "period_month", "month_alone"):
        mon = g.get("mon", "")
        if not mon[:1].isupper():
            return False
        # abbreviations need a day number
        if c.kind == "month_alone" and len(mon) <= 3 and mon not in ("Mei",):
            return False
    if c.kind == "duration" and g["unit"].lower() in ("tahun", "bulan") \
            and lex().age_before.search(text[max(0, c.start - 30):c.start]) \
            and not lex().age_not_before.match(text, c.end):
        return False  # `berusia 64 tahun`, `seorang ibu 64 tahun`, `Martinus (45 tahun)`: an age
    if c.kind == "duration_se" and "anchor" in g and "cue" not in g:
        return False  # `sehari setelah kedatangannya`: a day after an undated event
    if c.kind == "event_anchor" and not g["noun"][:1].islower():
        return False  # `enam bulan setelah Korea Selatan jatuh …`: no event noun to date, a duration
    if c.kind == "event_anchor" and lex().cue_before.search(text[max(0, c.start - 25):c.start]):
        return False  # `dalam waktu satu bulan setelah putusan`: a duration
    if c.kind == "month_range":
        a, b = lex().months.get(g["mon1"]), lex().months.get(g["mon2"])
        if not (g["mon1"][:1].isupper() and g["mon2"][:1].isupper()) or a is None or b is None or a == b:
            return False
        if len(g["mon1"]) <= 3 and "year1" not in g and "year" not in g:
            return False
        if "year1" in g and "year" in g:
            return False  # `Februari 2021 hingga Agustus 2022`: two complete dates, each its own item
    if c.kind == "week_of_month" and not g["mon"][:1].isupper():
        return False
    if c.kind == "duration_se" and g["se"].lower() == "semalam" and "cue" not in g:
        return False  # "semalam" alone is "last night" (relative)
    if c.kind == "clock":
        h = int(g["h1"])
        if h > 24 or ("m1" not in g and "part" not in g and "zone" not in g and not text[c.start:c.start + 5].lower().startswith("pukul")):
            return False
    return True


# -- reference date ---------------------------------------------------------------

def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def _month(g: dict) -> int | None:
    mon = g.get("mon")
    if mon is None:
        return None
    if mon.isdigit():
        m = int(mon)
        return m if 1 <= m <= 12 else None
    return lex().months.get(mon)


#: paragraphs at the start that make up the lead (where `Rabu (9/10/2024)` gives the dateline date)
LEAD_PARAGRAPHS = 3
#: characters before a date searched for a future cue (`akan digelar pada`)
FUTURE_WINDOW = 40
#: sentences before a weekday that opens its sentence searched for a future cue
WEEKDAY_LOOKBACK = 2


def _window(text: str, start: int, lo: int, end: int) -> str:
    """`text[start:end]` widened back to a word start (never before `lo`), so no cue is matched
    inside a word cut by the window (`mengat|akan`), and cut after a closing quote mark."""
    start = max(lo, start)
    while start > lo and not text[start - 1].isspace():
        start -= 1
    window = text[start:end]
    # words of a quote that closed before the date are not about it (`akan kami proses," kata X, Rabu`)
    quote = max(window.rfind('"'), window.rfind("”"))
    return window[quote + 1:] if quote >= 0 else window


def is_future(article: Article, c: Cand) -> bool:
    """A date written as planned: a future cue shortly before it in its sentence, or `mendatang` after it."""
    L = lex()
    text = article.text
    i = article.sentence_at(c.start)
    start = article.sentences[i].start if i is not None else 0
    window = _window(text, c.start - FUTURE_WINDOW, start, c.start)
    return bool(L.future_cues.search(window) or L.future_after.match(text[c.end:c.end + 20]))


def weekday_is_future(article: Article, c: Cand) -> bool:
    """A bare weekday after a future cue in its sentence (`dijadwalkan dilantik pada Rabu`), or
    opening its sentence (or quote) right after a sentence with a future cue."""
    L = lex()
    text = article.text
    i = article.sentence_at(c.start)
    if i is None:
        return False
    sent = article.sentences[i]
    if L.weekday_future.search(_window(text, c.start - FUTURE_WINDOW - 20, sent.start, c.start)):
        return True
    opening = text[sent.start:c.start].strip(" \t\"“'‘(")
    if not opening:  # `Selasa kami berangkat`: look at the sentences just before
        for prev in article.sentences[max(0, i - WEEKDAY_LOOKBACK):i]:
            if L.weekday_future.search(text[prev.start:prev.end]):
                return True
    return False


def _event_anchor_date(article: Article, noun: str, before: int,
                       days: list[tuple[int, int | None, dt.date]]) -> dt.date | None:
    """The date the text gives for the event `noun` names: the explicit day date in the sentence
    of its first mention before `before`, or in the sentence before when the mention is anaphoric."""
    L = lex()
    by_sentence: dict[int | None, dt.date] = {}
    for _start, sent, d in days:
        by_sentence.setdefault(sent, d)
    for m in re.finditer(rf"(?i)\b{re.escape(noun)}\b", article.text[:before]):
        i = article.sentence_at(m.start())
        if i in by_sentence:
            return by_sentence[i]
        nxt = re.match(r"[ \t]+(\w+)", article.text[m.end():m.end() + 20])
        if nxt and nxt.group(1).lower() in L.anaphors and i is not None and i - 1 in by_sentence:
            return by_sentence[i - 1]
    return None


def choose_reference(article: Article, cands: list[Cand], options: Options) -> tuple[dt.date | None, str]:
    if options.reference_date:
        return dt.date.fromisoformat(options.reference_date[:10]), "given"
    if article.published:
        try:
            return dt.date.fromisoformat(str(article.published)[:10]), "published"
        except ValueError:
            pass
    full = []  # explicit full dates, each with whether it is marked as future
    pairs = []  # (weekday, month, day) without a year
    # photo captions and the standfirst above the dateline never set the reference date
    sentences = [s for s in article.sentences if s.kind != "caption"]
    if len(sentences) < len(article.sentences):
        cands = [c for c in cands if article.sentence_at(c.start) is None
                 or article.sentences[article.sentence_at(c.start)].kind != "caption"]
    first_para_end = sentences[0].end if sentences else len(article.text)
    lead_end = first_para_end
    paras: list[int] = []
    for s in sentences:
        if s.paragraph == sentences[0].paragraph:
            first_para_end = s.end
        if s.paragraph not in paras:
            paras.append(s.paragraph)
        if len(paras) <= LEAD_PARAGRAPHS:
            lead_end = s.end
    dateline = None
    lead_press = []  # `Rabu (9/10/2024)`: weekday + press date with a year in the lead paragraphs
    ranges = []  # `3 hingga 6 September 2024`: (first day, last day)
    mentioned = _mentioned_periods(article, cands)
    for c in cands:
        if c.kind == "day_range" and "year" in c.groups:
            g = c.groups
            a, b = (_date(int(g["year"]), _month(g), int(g[d])) for d in ("d1", "d2"))
            if a and b and a <= b:
                future = is_future(article, c)
                full.append((b, future))
                if not future:
                    ranges.append((a, b))
            continue
        if c.kind not in ("day_month", "press", "numeric", "iso"):
            continue
        g = c.groups
        m = _month(g)
        if m is None:
            continue
        y = _year(g.get("year"))
        day = int(g["day"])
        if y:
            d = _date(y, m, day)
            if d:
                future = is_future(article, c)
                full.append((d, future))
                if dateline is None and c.kind in ("press", "numeric") and c.start < first_para_end:
                    dateline = d
                if c.kind == "press" and "wd" in g and c.start < lead_end and not future \
                        and d.weekday() == lex().weekdays[g["wd"]]:
                    lead_press.append(d)
        elif "wd" in g:
            pairs.append((lex().weekdays[g["wd"]], m, day))
    if article.dateline:
        for c in find_candidates(article.dateline):
            g = c.groups
            if c.kind in ("day_month", "press", "numeric", "iso") and g.get("year") and _month(g):
                d = _date(_year(g["year"]), _month(g), int(g["day"]))
                if d:
                    return d, "dateline"
    if dateline:
        return dateline, "dateline"
    if lead_press:
        return max(lead_press), "dateline"
    if pairs:
        today = options.today_date()
        fits = []
        for y in range(today.year, today.year - 40, -1):
            ds = [_date(y, m, d) for _wd, m, d in pairs]
            if all(x is not None and x.weekday() == wd and x <= today for x, (wd, _m, _d) in zip(ds, pairs)):
                fits.append(max(ds))
        # a weekday + day-month fits many years: one the text names (`sepanjang 2023`) wins
        # over the most recent one
        years = {y for y, _m in mentioned} | {d.year for d, future in full if not future}
        named = [d for d in fits if d.year in years]
        if named or fits:
            return (named or fits)[0], "weekday"
    past = [d for d, future in full if not future]
    if past:
        # the latest date not marked as planned (`akan digelar pada 27 November`), unless the text
        # reports a later month or year as past (`Sejak 15 April 2023 … sejak Mei 2024`): then the
        # article's own date is unknown.  When every date is planned, it is unknown too.
        ref = max(past)
        today = options.today_date()
        if any((ref.year, ref.month) < (y, m or 1) <= (today.year, today.month) for y, m in mentioned):
            return None, "none"
        lead = _lead_weekday(article, cands, first_para_end, ref, ranges)
        return (lead or ref), "context"
    return None, "none"


def _mentioned_periods(article: Article, cands: list[Cand]) -> list[tuple[int, int | None]]:
    """(year, month or None) of each year or month the text names with its year and does not mark
    as planned (`sejak Mei 2024`, `sepanjang 2023`); law numbers and future dates left out."""
    out = []
    forward = lex().forward_cues
    for c in cands:
        g = c.groups
        before = article.text[max(0, c.start - 20):c.start] + article.text[c.start:c.end]
        if c.kind in ("year", "year_event", "year_acronym", "year_range", "month_year", "period_month") \
                and "year" in g and not is_future(article, c) and not forward.search(before):
            out.append((int(g["year"]), _month(g) if c.kind in ("month_year", "period_month") else None))
    return out


def _lead_weekday(article: Article, cands: list[Cand], lead_end: int, ref: dt.date,
                  ranges: list[tuple[dt.date, dt.date]]) -> dt.date | None:
    """`tiba di Jakarta pada Rabu pagi … berlangsung dari 3 hingga 6 September 2024`: a bare weekday
    in the first paragraph that falls inside a stated range of days is the article's day."""
    for c in cands:
        if c.start >= lead_end:
            break
        if c.kind == "weekday" and "rel" not in c.groups and "wrel" not in c.groups \
                and not weekday_is_future(article, c):
            wd = lex().weekdays[c.groups["wd"]]
            for a, b in ranges:
                if (b - a).days < 7:
                    day = b - dt.timedelta(days=(b.weekday() - wd) % 7)
                    if a <= day <= ref:
                        return day
    return None


# -- resolution ---------------------------------------------------------------------

def nearest_year(ref: dt.date, m: int, d: int | None = None, wd: int | None = None) -> int:
    best = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        if d is None:
            dist = abs((y * 12 + m) - (ref.year * 12 + ref.month)) * 31
        else:
            x = _date(y, m, d)
            if x is None:
                continue
            if wd is not None and x.weekday() != wd:
                dist = 10_000 + abs((x - ref).days)
            else:
                dist = abs((x - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ref.year


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift(ref: dt.date, unit: str, n: float) -> tuple[str, str] | None:
    n = int(n)
    if unit == "day":
        return (ref + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return week_value(ref + dt.timedelta(days=7 * n)), "week"
    if unit == "weekend":
        return week_value(ref + dt.timedelta(days=7 * n)) + "-WE", "week"
    if unit == "month":
        return add_months(ref, n).isoformat()[:7], "month"
    if unit == "year":
        return str(ref.year + n), "year"
    return None


#: candidates that name a day themselves (not relative to the reference date): anchors for `kemudian`
EXPLICIT_DAY_KINDS = ("day_month", "press", "numeric", "iso", "day_range", "weekday")

UNIT_SHIFT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def duration_value(num: float, unit: str) -> str | None:
    info = lex().units.get(unit.lower())
    if info is None:
        return None
    v = num * info.get("factor", 1)
    designator, time = info["designator"], bool(info.get("time"))
    if not float(v).is_integer() and (designator, time) in SPLIT_UNIT:
        # `setengah hari` = PT12H, `dua setengah jam` = PT2H30M (years and months keep a decimal: P22.5Y)
        whole = int(v)
        smaller, factor = SPLIT_UNIT[(designator, time)]
        rest = round((v - whole) * factor, 3)
        rest = int(rest) if float(rest).is_integer() else rest
        if not time:  # days: the hours go to the time part
            return f"P{whole}DT{rest}{smaller}" if whole else f"PT{rest}{smaller}"
        return f"PT{whole}{designator}{rest}{smaller}" if whole else f"PT{rest}{smaller}"
    v = int(v) if float(v).is_integer() else v
    return f"PT{v}{designator}" if time else f"P{v}{designator}"


#: a fractional day, hour or minute is split into the next smaller unit (`P0.5D` → `PT12H`)
SPLIT_UNIT = {("D", False): ("H", 24), ("H", True): ("M", 60), ("M", True): ("S", 60)}


def _year_offset(yrel: str) -> int:
    """`tahun lalu` → -1, `tahun ini` → 0, `tahun depan` / `tahun mendatang` → 1."""
    return {"lalu": -1, "depan": 1, "mendatang": 1}.get(yrel.split()[-1].lower(), 0)


def _fmt_num(text: str) -> float | None:
    parsed = numbers.parse_number(text)
    return parsed[0] if parsed else None


def _approximate(num: str) -> bool:
    parsed = numbers.parse_number(num)
    return bool(parsed and parsed[1])


def resolve(c: Cand, text: str, ref: dt.date | None, article: Article, day_context: dt.date | None,
            options: Options, anchor_day: dt.date | None = None) -> list[tuple[str | None, str, str]]:
    """[(value, grain, rule)] for one candidate; `anchor_day` is the most recent explicit
    day-grain date before it (for `sehari kemudian`)."""
    L = lex()
    g = c.groups
    k = c.kind
    if k in ("day_month", "press", "numeric", "iso"):
        m = _month(g)
        day = int(g["day"])
        wd = L.weekdays.get(g["wd"]) if "wd" in g else None
        y = _year(g.get("year"))
        if m is None or not 1 <= day <= 31:
            return []
        if y is None:
            if ref is None:
                return [(None, "day", f"{k}:no-reference")]
            y = nearest_year(ref, m, day, wd) if "yrel" not in g else ref.year + _year_offset(g["yrel"])
            rule = f"{k}:year-from-reference"
        else:
            rule = k
        d = _date(y, m, day)
        return [(d.isoformat(), "day", rule)] if d else []
    if k == "day_range":
        m = _month(g)
        y = _year(g.get("year"))
        if y is None and ref is not None:
            y = nearest_year(ref, m, int(g["d1"]))
        if y is None:
            return [(None, "day", "day_range:no-reference")] * 2
        a, b = _date(y, m, int(g["d1"])), _date(y, m, int(g["d2"]))
        if not a or not b or b < a:
            return []
        return [(a.isoformat(), "day", "day_range:range-start"), (b.isoformat(), "day", "day_range:range-end")]
    if k == "month_range":
        m1, m2 = L.months[g["mon1"]], L.months[g["mon2"]]
        y2 = _year(g.get("year"))
        if y2 is None:
            if ref is None:
                return [(None, "month", "month_range:no-reference")]
            y2 = nearest_year(ref, m2)
        y1 = _year(g.get("year1")) or (y2 if m1 < m2 else y2 - 1)
        if (y1, m1) >= (y2, m2):
            return []
        return [(f"{y1}-{m1:02d}/{y2}-{m2:02d}", "month", "month_range:interval")]
    if k == "week_of_month":
        m = _month(g)
        y = _year(g.get("year"))
        if y is None:
            if ref is None:
                return [(None, "month", "week_of_month:no-reference")]
            y = nearest_year(ref, m)
        return [(f"{y}-{m:02d}", "month", f"week_of_month:{g['ord'].lower()}")]
    if k in ("month_year", "period_month", "month_alone"):
        m = _month(g)
        y = _year(g.get("year"))
        if y is None:
            if ref is None:
                return [(None, "month", f"{k}:no-reference")]
            rel = g.get("rel")
            if "yrel" in g:  # `Juni tahun ini`, `Maret tahun lalu`
                return [(f"{ref.year + _year_offset(g['yrel'])}-{m:02d}", "month", f"{k}:year-relative")]
            if rel is None and text[c.start:c.end].lower().startswith("sejak"):
                rel = "lalu"
            if rel == "lalu":
                y = ref.year if m < ref.month else ref.year - 1
            elif rel in ("depan", "mendatang"):
                y = ref.year if m > ref.month else ref.year + 1
            else:
                y = nearest_year(ref, m)
        return [(f"{y}-{m:02d}", "month", k)]
    if k == "period_year":
        if "year" in g:
            return [(g["year"], "year", k)]
        if ref is None:
            return [(None, "year", f"{k}:no-reference")]
        off = {"lalu": -1, "depan": 1, "mendatang": 1}.get(g.get("rel", "ini"), 0)
        return [(str(ref.year + off), "year", k)]
    if k == "decade":
        return [(g["dec"][:3], "year", k)]
    if k in ("year", "year_event"):
        return [(g["year"], "year", k)]
    if k == "year_range":
        if int(g["y1"]) >= int(g["year"]):
            return []
        return [(g["y1"], "year", "year_range:range-start"), (g["year"], "year", "year_range:range-end")]
    if k == "law_number":
        # `UU Nomor 35 Tahun 2009 (tentang Narkotika)`: the year the law was issued
        return [(g["year"], "year", "law_number:year")]
    if k == "year_acronym":
        return [(g["year"], "year", k)]
    if k == "event_anchor":
        return []  # resolved in `extract` once every explicit date is known
    if k == "relative":
        entry = L.relative[g["rel"].lower()]
        if ref is None:
            return [(None, "day", f"relative:{g['rel'].lower()}")]
        v = shift(ref, entry["unit"], entry["offset"])
        return [(v[0], v[1], f"relative:{g['rel'].lower()}")] if v else []
    if k in ("relative_n", "relative_se"):
        if k == "relative_n":
            if _approximate(g["num"]):
                return []  # `puluhan tahun ke depan`: too vague for a value
            n = _fmt_num(g["num"])
            unit = g["unit"].lower()
        else:
            n = 1
            unit = L.se_durations[g["se"].lower()]
        if n is None:
            return []
        direction = " ".join(g["dir"].lower().split())
        if direction in L.ahead:  # `14 hari ke depan`: the span of the next 14 days
            v = duration_value(n, unit)
            return [(v, "duration", f"{k}:ahead")] if v else []
        info = L.units.get(unit)
        if info is None:
            return []
        if info.get("time"):
            # `dua setengah jam setelahnya`: no clock time to shift, the span itself
            v = duration_value(n, unit) if direction in L.anchor_after | L.anchor_before else None
            return [(v, "duration", f"{k}:span")] if v else []
        n = n * info.get("factor", 1)
        if direction in L.anchor_after or direction in L.anchor_before:
            if anchor_day is None:
                return []  # anchored to an event without a date
            sign = -1 if direction in L.anchor_before else 1
            v = shift(anchor_day, UNIT_SHIFT[info["designator"]], sign * n)
            return [(v[0], v[1], f"{k}:after-previous-date" if sign > 0 else f"{k}:before-previous-date")] if v else []
        sign = -1 if direction in ("lalu", "silam", "yang lalu") else 1
        if ref is None:
            return [(None, "day", k)]
        v = shift(ref, UNIT_SHIFT[info["designator"]], sign * n)
        return [(v[0], v[1], k)] if v else []
    if k in ("duration", "duration_se"):
        if k == "duration":
            if _approximate(g["num"]):
                return []  # `puluhan tahun`: too vague for a value
            n = _fmt_num(g["num"])
            unit = g["unit"]
            if n is not None and "mul" in g:  # `1x24 jam`
                n *= int(g["mul"])
        else:
            n = 1
            unit = L.se_durations[g["se"].lower()]
        if n is None:
            return []
        v = duration_value(n, unit)
        return [(v, "duration", k)] if v else []
    if k in ("clock", "clock_range", "clock_zone"):
        day = day_context or ref
        offset = None
        zone = g.get("zone")
        if zone:
            if zone in L.zones:
                offset = L.zones[zone]
            elif zone.lower() in L.local:
                offset = local_offset(article, c.start, day)
        out = []
        for h, mm in (("h1", "m1"), ("h2", "m2")):
            if h not in g:
                continue
            hour, minute = int(g[h]), int(g.get(mm) or 0)
            if g.get("part") in ("sore", "malam", "petang") and hour < 12:
                hour += 12
            if hour > 23 or minute > 59:
                return []
            value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{offset or ''}" if day else None
            out.append(value)
        if len(out) == 2:
            return [(out[0], "time", f"{k}:range-start"), (out[1], "time", f"{k}:range-end")]
        return [(out[0], "time", k)]
    if k == "weekday":
        wd = L.weekdays[g["wd"]]
        if ref is None:
            return [(None, "day", "weekday:no-reference")]
        rel = g.get("rel")
        if "wrel" in g:  # `Sabtu pekan lalu`: that weekday in the week before the reference week
            weeks = {"lalu": -1, "depan": 1, "mendatang": 1}.get(g["wrel"].split()[-1].lower(), 0)
            day = ref + dt.timedelta(days=7 * weeks + wd - ref.weekday())
            return [(day.isoformat(), "day", "weekday:week-relative")]
        if rel in ("depan", "mendatang"):
            delta = (wd - ref.weekday()) % 7 or 7
            return [((ref + dt.timedelta(days=delta)).isoformat(), "day", "weekday:next")]
        if rel is None and weekday_is_future(article, c):
            # on or after the reference date: `Selasa, X dijadwalkan …` written on a Tuesday is that day
            delta = (wd - ref.weekday()) % 7
            return [((ref + dt.timedelta(days=delta)).isoformat(), "day", "weekday:after-future-cue")]
        back = (ref.weekday() - wd) % 7
        if rel == "lalu" and back == 0:
            back = 7
        return [((ref - dt.timedelta(days=back)).isoformat(), "day", "weekday:on-or-before-reference")]
    return []


def resolve_event_anchor(c: Cand, article: Article, days) -> list[tuple[str | None, str, str]]:
    """`sehari sebelum pertandingan`: shift the date given for `pertandingan` elsewhere in the text."""
    L = lex()
    g = c.groups
    if "se" in g:
        n, unit = 1, L.se_durations[g["se"].lower()]
    else:
        if _approximate(g["num"]):
            return []
        n, unit = _fmt_num(g["num"]), g["unit"].lower()
    info = L.units.get(unit)
    if n is None or info is None or info.get("time"):
        return []
    anchor = _event_anchor_date(article, g["noun"], c.start, days)
    if anchor is None:
        # `delapan pekan sebelum turnamen digelar`, the event undated: the span; `sehari setelah
        # kedatangan Kim` names a day, not a span, and that day is unknown
        if "se" in g:
            return []
        v = duration_value(n, unit)
        return [(v, "duration", "event_anchor:span")] if v else []
    sign = -1 if g["dir"].lower() in ("sebelum", "menjelang", "jelang") else 1
    v = shift(anchor, UNIT_SHIFT[info["designator"]], sign * n * info.get("factor", 1))
    return [(v[0], v[1], f"event_anchor:{g['dir'].lower()}")] if v else []


def local_offset(article: Article, offset: int, day: dt.date | None) -> str | None:
    """UTC offset of the place named in the sentence around `offset` (for `waktu setempat`)."""
    try:
        from warta.annotate.places import timezone_of_text
    except ImportError:
        return None
    i = article.sentence_at(offset)
    text = article.sentence_text(i) if i is not None else article.text[max(0, offset - 200):offset + 50]
    tz = timezone_of_text(text)
    if not tz:
        return None
    try:
        from zoneinfo import ZoneInfo
        when = dt.datetime.combine(day or dt.date.today(), dt.time(12))
        off = ZoneInfo(tz).utcoffset(when)
    except Exception:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def extract(article: Article, options: Options) -> Article:
    text = article.text
    cands = find_candidates(text)
    ref, basis = choose_reference(article, cands, options)
    article.reference_date = ref.isoformat() if ref else None
    article.reference_basis = basis
    out: list[Date] = []
    last_day: dict[int | None, dt.date] = {}
    # day-grain dates per sentence first, so clock times can use them
    resolved = []
    anchor_day = None  # the most recent explicit day-grain date so far
    for c in cands:
        sent = article.sentence_at(c.start)
        items = resolve(c, text, ref, article, None, options, anchor_day) \
            if not c.kind.startswith("clock") else None
        resolved.append((c, sent, items))
        if items:
            for value, grain, _rule in items:
                if grain == "day" and value and len(value) == 10:
                    last_day.setdefault(sent, dt.date.fromisoformat(value))
                    if c.kind in EXPLICIT_DAY_KINDS:
                        anchor_day = dt.date.fromisoformat(value)
    explicit_days = [(c.start, sent, dt.date.fromisoformat(v)) for c, sent, items in resolved
                     if c.kind in EXPLICIT_DAY_KINDS and items for v, grain, _r in items
                     if grain == "day" and v and len(v) == 10]
    for c, sent, items in resolved:
        if items is None:
            items = resolve(c, text, ref, article, last_day.get(sent), options)
        if c.kind == "event_anchor":
            items = resolve_event_anchor(c, article, explicit_days)
        for value, grain, rule in items:
            end = c.span_end if rule == "event_anchor:span" else c.end
            out.append(Date(text=text[c.start:end], start=c.start, end=end, value=value, grain=grain,
                            sentence=sent, rule=rule))
    article.dates = out
    return article


@component("dates", requires=["sentences", "tokens"], assigns=["dates", "reference_date"])
def make_dates(options: Options):
    """Find Indonesian temporal expressions and resolve them against the reference date."""
    lex()

    def run(article: Article) -> Article:
        return extract(article, options)

    return run
