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

The grammar is data: patterns in `lexicons/date_patterns.yaml`, words in `lexicons/months.yaml`.
The code is in steps, each a list of named rules: `candidates` (patterns and the checks that drop
a match), `reference` (REFERENCE_RULES), `resolve` (RESOLVERS, one per kind of candidate).
"""

from __future__ import annotations

import datetime as dt

from warta.annotate.dates.candidates import CHECKS, Cand, find_candidates  # noqa: F401
from warta.annotate.dates.grammar import lex
from warta.annotate.dates.reference import REFERENCE_RULES, choose_reference  # noqa: F401
from warta.annotate.dates.resolve import RESOLVERS, resolve, resolve_event_anchor  # noqa: F401
from warta.annotate.dates.values import shift  # noqa: F401
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Date

#: candidates that name a day themselves (not relative to the reference date): anchors for `kemudian`
EXPLICIT_DAY_KINDS = ("day_month", "press", "numeric", "iso", "day_range", "weekday")


def _day_values(items) -> list[dt.date]:
    return [dt.date.fromisoformat(v) for v, grain, _rule in items or () if grain == "day" and v and len(v) == 10]


def extract(article: Article, options: Options) -> Article:
    text = article.text
    cands = find_candidates(text)
    ref, basis = choose_reference(article, cands, options)
    article.reference_date = ref.isoformat() if ref else None
    article.reference_basis = basis
    # day-grain dates per sentence first, so clock times can use them
    last_day: dict[int | None, dt.date] = {}
    resolved = []
    anchor_day = None  # the most recent explicit day-grain date so far
    for c in cands:
        sent = article.sentence_at(c.start)
        items = resolve(c, text, ref, article, None, options, anchor_day) \
            if not c.kind.startswith("clock") else None
        resolved.append((c, sent, items))
        for day in _day_values(items):
            last_day.setdefault(sent, day)
            if c.kind in EXPLICIT_DAY_KINDS:
                anchor_day = day
    explicit_days = [(c.start, sent, day) for c, sent, items in resolved
                     if c.kind in EXPLICIT_DAY_KINDS for day in _day_values(items)]
    out: list[Date] = []
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


@component("dates", requires=["sentences", "tokens"], uses=["places"],
           assigns=["dates", "reference_date", "reference_basis"])
def make_dates(options: Options):
    """Find Indonesian temporal expressions and resolve them against the reference date."""
    lex()

    def run(article: Article) -> Article:
        return extract(article, options)

    return run
