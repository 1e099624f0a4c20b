"""The reference date of an article: a list of named rules, the first that gives a date wins
(see the package docstring for the order and examples)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from warta.annotate.dates.candidates import DAY_KINDS, Cand, find_candidates
from warta.annotate.dates.grammar import lex
from warta.annotate.dates.values import _date, _month, _year
from warta.options import Options
from warta.record import Article

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
    cues = lex().cues
    text = article.text
    i = article.sentence_at(c.start)
    start = article.sentences[i].start if i is not None else 0
    window = _window(text, c.start - FUTURE_WINDOW, start, c.start)
    return bool(cues["future_cues"].search(window) or cues["future_after"].match(text[c.end:c.end + 20]))


def weekday_is_future(article: Article, c: Cand) -> bool:
    """A bare weekday after a future cue in its sentence (`dijadwalkan dilantik pada Rabu`), or
    opening its sentence (or quote) right after a sentence with a future cue."""
    cue = lex().cues["weekday_future"]
    text = article.text
    i = article.sentence_at(c.start)
    if i is None:
        return False
    sent = article.sentences[i]
    if cue.search(_window(text, c.start - FUTURE_WINDOW - 20, sent.start, c.start)):
        return True
    opening = text[sent.start:c.start].strip(" \t\"“'‘(")
    if not opening:  # `Selasa kami berangkat`: look at the sentences just before
        for prev in article.sentences[max(0, i - WEEKDAY_LOOKBACK):i]:
            if cue.search(text[prev.start:prev.end]):
                return True
    return False


def event_anchor_date(article: Article, noun: str, before: int,
                      days: list[tuple[int, int | None, dt.date]]) -> dt.date | None:
    """The date the text gives for the event `noun` names: the explicit day date in the sentence
    of its first mention before `before`, or in the sentence before when the mention is anaphoric."""
    by_sentence: dict[int | None, dt.date] = {}
    for _start, sent, d in days:
        by_sentence.setdefault(sent, d)
    for m in re.finditer(rf"(?i)\b{re.escape(noun)}\b", article.text[:before]):
        i = article.sentence_at(m.start())
        if i in by_sentence:
            return by_sentence[i]
        nxt = re.match(r"[ \t]+(\w+)", article.text[m.end():m.end() + 20])
        if nxt and nxt.group(1).lower() in lex().anaphors and i is not None and i - 1 in by_sentence:
            return by_sentence[i - 1]
    return None


# -- what the text says about its own date ----------------------------------------------------

@dataclass
class Evidence:
    article: Article
    cands: list[Cand]
    options: Options
    full: list[tuple[dt.date, bool]] = field(default_factory=list)  # explicit full dates, planned or not
    pairs: list[tuple[int, int, int]] = field(default_factory=list)  # (weekday, month, day) without a year
    dateline: dt.date | None = None  # a press or numeric date with its year in the first paragraph
    lead_press: list[dt.date] = field(default_factory=list)  # `Rabu (9/10/2024)` in the lead paragraphs
    ranges: list[tuple[dt.date, dt.date]] = field(default_factory=list)  # `3 hingga 6 September 2024`
    first_para_end: int = 0
    lead_end: int = 0

    @functools.cached_property
    def mentioned(self) -> list[tuple[int, int | None]]:
        return _mentioned_periods(self.article, self.cands)


def _lead_bounds(ev: Evidence, sentences) -> None:
    first_para_end = sentences[0].end if sentences else len(ev.article.text)
    lead_end = first_para_end
    paras: set[int] = set()  # the paragraphs seen so far (a set: a long article has thousands)
    for s in sentences:
        if s.paragraph == sentences[0].paragraph:
            first_para_end = s.end
        paras.add(s.paragraph)
        if len(paras) <= LEAD_PARAGRAPHS:
            lead_end = s.end
    ev.first_para_end, ev.lead_end = first_para_end, lead_end


def _read_day_range(ev: Evidence, c: Cand) -> None:
    g = c.groups
    a, b = (_date(int(g["year"]), _month(g), int(g[d])) for d in ("d1", "d2"))
    if a and b and a <= b:
        future = is_future(ev.article, c)
        ev.full.append((b, future))
        if not future:
            ev.ranges.append((a, b))


def _read_day(ev: Evidence, c: Cand) -> None:
    g = c.groups
    m = _month(g)
    if m is None:
        return
    y = _year(g.get("year"))
    day = int(g["day"])
    if not y:
        if "wd" in g:
            ev.pairs.append((lex().weekdays[g["wd"]], m, day))
        return
    d = _date(y, m, day)
    if not d:
        return
    future = is_future(ev.article, c)
    ev.full.append((d, future))
    if ev.dateline is None and c.kind in ("press", "numeric") and c.start < ev.first_para_end:
        ev.dateline = d
    if c.kind == "press" and "wd" in g and c.start < ev.lead_end and not future \
            and d.weekday() == lex().weekdays[g["wd"]]:
        ev.lead_press.append(d)


def read_evidence(article: Article, cands: list[Cand], options: Options) -> Evidence:
    # photo captions and the standfirst above the dateline never set the reference date
    sentences = [s for s in article.sentences if s.kind != "caption"]
    if len(sentences) < len(article.sentences):
        cands = [c for c in cands if article.sentence_at(c.start) is None
                 or article.sentences[article.sentence_at(c.start)].kind != "caption"]
    ev = Evidence(article, cands, options)
    _lead_bounds(ev, sentences)
    for c in cands:
        if c.kind == "day_range" and "year" in c.groups:
            _read_day_range(ev, c)
        elif c.kind in DAY_KINDS:
            _read_day(ev, c)
    return ev


def _mentioned_periods(article: Article, cands: list[Cand]) -> list[tuple[int, int | None]]:
    """(year, month or None) of each year or month the text names with its year and does not mark
    as planned (`sejak Mei 2024`, `sepanjang 2023`); law numbers and future dates left out."""
    out = []
    forward = lex().cues["forward_cues"]
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


# -- the rules, in order --------------------------------------------------------------------

Found = tuple[dt.date | None, str] | None


def _given(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    return (dt.date.fromisoformat(options.reference_date[:10]), "given") if options.reference_date else None


def _published(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    if article.published:
        try:
            return dt.date.fromisoformat(str(article.published)[:10]), "published"
        except ValueError:
            pass
    return None


def _dateline_field(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    """A full date inside the dateline the reader found (`JAKARTA, 13/9/2023 -`)."""
    for c in find_candidates(article.dateline or ""):
        g = c.groups
        if c.kind in DAY_KINDS and g.get("year") and _month(g):
            d = _date(_year(g["year"]), _month(g), int(g["day"]))
            if d:
                return d, "dateline"
    return None


def _first_paragraph(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    """`Senin (22/5/2017)`: a press-form date with its year in the first paragraph."""
    return (ev().dateline, "dateline") if ev().dateline else None


def _lead_press(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    """`kata Bagja, Rabu (9/10/2024)`: the latest weekday + press date with a year in the lead."""
    return (max(ev().lead_press), "dateline") if ev().lead_press else None


def _weekday_fit(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    """`Rabu 13 September`: the most recent year ≤ today in which every weekday + day-month pair
    holds, preferring a year the text names (`sepanjang 2023`, a full date further down)."""
    pairs = ev().pairs
    if not pairs:
        return None
    today = options.today_date()
    fits = []
    for y in range(today.year, today.year - 40, -1):
        ds = [_date(y, m, d) for _wd, m, d in pairs]
        if all(x is not None and x.weekday() == wd and x <= today for x, (wd, _m, _d) in zip(ds, pairs)):
            fits.append(max(ds))
    years = {y for y, _m in ev().mentioned} | {d.year for d, future in ev().full if not future}
    named = [d for d in fits if d.year in years]
    return ((named or fits)[0], "weekday") if named or fits else None


def _context(article: Article, options: Options, ev: Callable[[], Evidence]) -> Found:
    """The latest date not marked as planned (`akan digelar pada 27 November`), unless the text
    reports a later month or year as past (`Sejak 15 April 2023 … sejak Mei 2024`): then the
    article's own date is unknown; a bare lead weekday inside a stated range of days wins."""
    past = [d for d, future in ev().full if not future]
    if not past:
        return None
    ref = max(past)
    today = options.today_date()
    if any((ref.year, ref.month) < (y, m or 1) <= (today.year, today.month) for y, m in ev().mentioned):
        return None, "none"
    lead = _lead_weekday(article, ev().cands, ev().first_para_end, ref, ev().ranges)
    return (lead or ref), "context"


@dataclass(frozen=True)
class ReferenceRule:
    id: str
    find: Callable[[Article, Options, Callable[[], Evidence]], Found]


REFERENCE_RULES: list[ReferenceRule] = [
    ReferenceRule("given", _given),
    ReferenceRule("published", _published),
    ReferenceRule("dateline:field", _dateline_field),
    ReferenceRule("dateline:first-paragraph", _first_paragraph),
    ReferenceRule("dateline:lead-press", _lead_press),
    ReferenceRule("weekday", _weekday_fit),
    ReferenceRule("context", _context),
]


def choose_reference(article: Article, cands: list[Cand], options: Options) -> tuple[dt.date | None, str]:
    """(reference date, basis): the first rule of REFERENCE_RULES that gives one, else (None, "none")."""
    evidence = functools.cache(lambda: read_evidence(article, cands, options))
    for rule in REFERENCE_RULES:
        found = rule.find(article, options, evidence)
        if found is not None:
            return found
    return None, "none"
