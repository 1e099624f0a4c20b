"""Values of date candidates: one named resolver per kind of candidate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from warta.annotate.dates.grammar import lex
from warta.annotate.dates.candidates import Cand
from warta.annotate.dates.reference import event_anchor_date, weekday_is_future
from warta.annotate.dates.zones import local_offset
from warta.annotate.dates.values import (UNIT_SHIFT, _approximate, _date, _fmt_num, _month, _year, _year_offset,
                                         duration_value, nearest_year, shift)
from warta.options import Options
from warta.record import Article

Items = list[tuple[str | None, str, str]]  # (value, grain, rule)


@dataclass
class Ctx:
    """What a resolver may read besides its candidate."""
    text: str
    ref: dt.date | None
    article: Article
    day_context: dt.date | None  # the day of the candidate's sentence (for clock times)
    anchor_day: dt.date | None  # the most recent explicit day-grain date before it (`sehari kemudian`)


def _day(c: Cand, x: Ctx) -> Items:
    g, k = c.groups, c.kind
    m = _month(g)
    day = int(g["day"])
    wd = lex().weekdays.get(g["wd"]) if "wd" in g else None
    y = _year(g.get("year"))
    if m is None or not 1 <= day <= 31:
        return []
    if y is None:
        if x.ref is None:
            return [(None, "day", f"{k}:no-reference")]
        y = nearest_year(x.ref, m, day, wd) if "yrel" not in g else x.ref.year + _year_offset(g["yrel"])
        rule = f"{k}:year-from-reference"
    else:
        rule = k
    d = _date(y, m, day)
    return [(d.isoformat(), "day", rule)] if d else []


def _day_range(c: Cand, x: Ctx) -> Items:
    g = c.groups
    m = _month(g)
    y = _year(g.get("year"))
    if y is None and x.ref is not None:
        y = nearest_year(x.ref, m, int(g["d1"]))
    if y is None:
        return [(None, "day", "day_range:no-reference")] * 2
    a, b = _date(y, m, int(g["d1"])), _date(y, m, int(g["d2"]))
    if not a or not b or b < a:
        return []
    return [(a.isoformat(), "day", "day_range:range-start"), (b.isoformat(), "day", "day_range:range-end")]


def _month_range(c: Cand, x: Ctx) -> Items:
    g = c.groups
    m1, m2 = lex().months[g["mon1"]], lex().months[g["mon2"]]
    y2 = _year(g.get("year"))
    if y2 is None:
        if x.ref is None:
            return [(None, "month", "month_range:no-reference")]
        y2 = nearest_year(x.ref, m2)
    y1 = _year(g.get("year1")) or (y2 if m1 < m2 else y2 - 1)
    if (y1, m1) >= (y2, m2):
        return []
    return [(f"{y1}-{m1:02d}/{y2}-{m2:02d}", "month", "month_range:interval")]


def _week_of_month(c: Cand, x: Ctx) -> Items:
    g = c.groups
    m = _month(g)
    y = _year(g.get("year"))
    if y is None:
        if x.ref is None:
            return [(None, "month", "week_of_month:no-reference")]
        y = nearest_year(x.ref, m)
    return [(f"{y}-{m:02d}", "month", f"week_of_month:{g['ord'].lower()}")]


def _month_of(c: Cand, x: Ctx) -> Items:
    g, k, ref = c.groups, c.kind, x.ref
    m = _month(g)
    y = _year(g.get("year"))
    if y is None:
        if ref is None:
            return [(None, "month", f"{k}:no-reference")]
        if "yrel" in g:  # `Juni tahun ini`, `Maret tahun lalu`
            return [(f"{ref.year + _year_offset(g['yrel'])}-{m:02d}", "month", f"{k}:year-relative")]
        rel = g.get("rel")
        if rel is None and any(x.text[c.start:c.end].lower().startswith(w) for w in lex().words["past_from_words"]):
            offset = -1  # `sejak Mei`: the last May
        else:
            offset = lex().offset(rel)
        if offset < 0:
            y = ref.year if m < ref.month else ref.year - 1
        elif offset > 0:
            y = ref.year if m > ref.month else ref.year + 1
        else:
            y = nearest_year(ref, m)
    return [(f"{y}-{m:02d}", "month", k)]


def _period_year(c: Cand, x: Ctx) -> Items:
    g = c.groups
    if "year" in g:
        return [(g["year"], "year", c.kind)]
    if x.ref is None:
        return [(None, "year", f"{c.kind}:no-reference")]
    return [(str(x.ref.year + lex().offset(g.get("rel"))), "year", c.kind)]


def _year_of(c: Cand, x: Ctx) -> Items:
    return [(c.groups["year"], "year", c.kind)]


def _year_range(c: Cand, x: Ctx) -> Items:
    g = c.groups
    if int(g["y1"]) >= int(g["year"]):
        return []
    return [(g["y1"], "year", "year_range:range-start"), (g["year"], "year", "year_range:range-end")]


def _relative(c: Cand, x: Ctx) -> Items:
    word = c.groups["rel"].lower()
    entry = lex().relative[word]
    if x.ref is None:
        return [(None, "day", f"relative:{word}")]
    v = shift(x.ref, entry["unit"], entry["offset"])
    return [(v[0], v[1], f"relative:{word}")] if v else []


def _count_and_unit(c: Cand) -> tuple[float | None, str] | None:
    """(N, unit) of `N unit` or a se- form (`sehari` = 1 hari); None when the count is vague."""
    g = c.groups
    if "se" in g:
        return 1, lex().se_durations[g["se"].lower()]
    if _approximate(g["num"]):
        return None  # `puluhan tahun ke depan`: too vague for a value
    return _fmt_num(g["num"]), g["unit"]


def _relative_count(c: Cand, x: Ctx) -> Items:
    L, k = lex(), c.kind
    found = _count_and_unit(c)
    if found is None or found[0] is None:
        return []
    n, unit = found[0], found[1].lower()
    direction = " ".join(c.groups["dir"].lower().split())
    if direction in L.ahead:  # `14 hari ke depan`: the span of the next 14 days
        v = duration_value(n, unit)
        return [(v, "duration", f"{k}:ahead")] if v else []
    info = L.units.get(unit)
    if info is None:
        return []
    anchored = direction in L.anchor_after or direction in L.anchor_before
    if info.get("time"):
        # `dua setengah jam setelahnya`: no clock time to shift, the span itself
        v = duration_value(n, unit) if anchored else None
        return [(v, "duration", f"{k}:span")] if v else []
    n = n * info.get("factor", 1)
    if anchored:
        if x.anchor_day is None:
            return []  # anchored to an event without a date
            # (`sehari kemudian` with no explicit date before it)
        sign = -1 if direction in L.anchor_before else 1
        v = shift(x.anchor_day, UNIT_SHIFT[info["designator"]], sign * n)
        rule = f"{k}:after-previous-date" if sign > 0 else f"{k}:before-previous-date"
        return [(v[0], v[1], rule)] if v else []
    sign = -1 if direction in L.words["before_words"] else 1
    if x.ref is None:
        return [(None, "day", k)]
    v = shift(x.ref, UNIT_SHIFT[info["designator"]], sign * n)
    return [(v[0], v[1], k)] if v else []


def _duration(c: Cand, x: Ctx) -> Items:
    found = _count_and_unit(c)
    if found is None or found[0] is None:
        return []  # `puluhan tahun`: too vague for a value
    n, unit = found
    if "mul" in c.groups:  # `1x24 jam`
        n *= int(c.groups["mul"])
    v = duration_value(n, unit)
    return [(v, "duration", c.kind)] if v else []


def _zone_offset(c: Cand, x: Ctx, day: dt.date | None) -> str | None:
    L = lex()
    zone = c.groups.get("zone")
    if not zone:
        return None
    if zone in L.zones:
        return L.zones[zone]
    if zone.lower() in L.local:
        return local_offset(x.article, c.start, day)
    return None


def _clock(c: Cand, x: Ctx) -> Items:
    g, k = c.groups, c.kind
    day = x.day_context or x.ref
    offset = _zone_offset(c, x, day)
    out = []
    for h, mm in (("h1", "m1"), ("h2", "m2")):
        if h not in g:
            continue
        hour, minute = int(g[h]), int(g.get(mm) or 0)
        if g.get("part") in lex().words["afternoon_parts"] and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            return []
        out.append(f"{day.isoformat()}T{hour:02d}:{minute:02d}{offset or ''}" if day else None)
    if len(out) == 2:
        return [(out[0], "time", f"{k}:range-start"), (out[1], "time", f"{k}:range-end")]
    return [(out[0], "time", k)]


def _weekday(c: Cand, x: Ctx) -> Items:
    g, ref = c.groups, x.ref
    wd = lex().weekdays[g["wd"]]
    if ref is None:
        return [(None, "day", "weekday:no-reference")]
    rel = g.get("rel")
    if "wrel" in g:  # `Sabtu pekan lalu`: that weekday in the week before the reference week
        weeks = lex().offset(g["wrel"].split()[-1].lower())
        day = ref + dt.timedelta(days=7 * weeks + wd - ref.weekday())
        return [(day.isoformat(), "day", "weekday:week-relative")]
    if lex().offset(rel) > 0:  # `Rabu depan`
        delta = (wd - ref.weekday()) % 7 or 7
        return [((ref + dt.timedelta(days=delta)).isoformat(), "day", "weekday:next")]
    if rel is None and weekday_is_future(x.article, c):
        # on or after the reference date: `Selasa, X dijadwalkan …` written on a Tuesday is that day
        delta = (wd - ref.weekday()) % 7
        return [((ref + dt.timedelta(days=delta)).isoformat(), "day", "weekday:after-future-cue")]
    back = (ref.weekday() - wd) % 7
    if lex().offset(rel) < 0 and back == 0:  # `Rabu lalu` written on a Wednesday: a week back
        back = 7
    return [((ref - dt.timedelta(days=back)).isoformat(), "day", "weekday:on-or-before-reference")]


@dataclass(frozen=True)
class Resolver:
    id: str
    kinds: tuple[str, ...]
    example: tuple[str, str]  # (text, a value it gives with the reference date Wednesday 2023-09-13)
    resolve: Callable[[Cand, Ctx], Items]


RESOLVERS: list[Resolver] = [
    Resolver("day", ("day_month", "press", "numeric", "iso"), ("Rabu, 13 September", "2023-09-13"), _day),
    Resolver("day_range", ("day_range",), ("1-3 Oktober 2023", "2023-10-03"), _day_range),
    Resolver("month_range", ("month_range",), ("Januari-Juni 2023", "2023-01/2023-06"), _month_range),
    Resolver("week_of_month", ("week_of_month",), ("pekan ketiga Agustus", "2023-08"), _week_of_month),
    Resolver("month", ("month_year", "period_month", "month_alone"), ("sejak Oktober", "2022-10"), _month_of),
    Resolver("period_year", ("period_year",), ("akhir tahun depan", "2024"), _period_year),
    Resolver("decade", ("decade",), ("tahun 1990-an", "199"), lambda c, x: [(c.groups["decade"][:3], "year", c.kind)]),
    Resolver("year", ("year", "year_event", "year_acronym"), ("Pilkada Serentak 2024", "2024"), _year_of),
    Resolver("year_range", ("year_range",), ("periode 2014-2019", "2014"), _year_range),
    # `UU Nomor 35 Tahun 2009 (tentang Narkotika)`: the year the law was issued
    Resolver("law_number", ("law_number",), ("PP Nomor 51 Tahun 2023 yang dinilai", "2023"),
             lambda c, x: [(c.groups["year"], "year", "law_number:year")]),
    # resolved in `extract` once every explicit date is known (`resolve_event_anchor`)
    Resolver("event_anchor", ("event_anchor",), ("Pelantikan pada 20 Oktober 2024. Dua hari setelah pelantikan",
                                                 "2024-10-22"), lambda c, x: []),
    Resolver("relative", ("relative",), ("kemarin", "2023-09-12"), _relative),
    Resolver("relative_count", ("relative_n", "relative_se"), ("tiga hari lalu", "2023-09-10"), _relative_count),
    Resolver("duration", ("duration", "duration_se"), ("1x24 jam", "PT24H"), _duration),
    Resolver("clock", ("clock", "clock_range", "clock_zone"), ("pukul 7 malam WIB", "2023-09-13T19:00+07:00"), _clock),
    Resolver("weekday", ("weekday",), ("Sabtu pekan lalu", "2023-09-09"), _weekday),
]

RESOLVER_OF: dict[str, Resolver] = {k: r for r in RESOLVERS for k in r.kinds}


def resolve(c: Cand, text: str, ref: dt.date | None, article: Article, day_context: dt.date | None,
            options: Options, anchor_day: dt.date | None = None) -> Items:
    """[(value, grain, rule)] for one candidate; `anchor_day` is the most recent explicit
    day-grain date before it (for `sehari kemudian`)."""
    r = RESOLVER_OF.get(c.kind)
    return r.resolve(c, Ctx(text, ref, article, day_context, anchor_day)) if r else []


def resolve_event_anchor(c: Cand, article: Article, days) -> Items:
    """`sehari sebelum pertandingan`: shift the date given for `pertandingan` elsewhere in the text."""
    g = c.groups
    found = _count_and_unit(c)
    if found is None:
        return []
    n, unit = found[0], found[1].lower()
    info = lex().units.get(unit)
    if n is None or info is None or info.get("time"):
        return []
    anchor = event_anchor_date(article, g["noun"], c.start, days)
    if anchor is None:
        # `delapan pekan sebelum turnamen digelar`, the event undated: the span; `sehari setelah
        # kedatangan Kim` names a day, not a span, and that day is unknown
        if "se" in g:
            return []
        v = duration_value(n, unit)
        return [(v, "duration", "event_anchor:span")] if v else []
    sign = -1 if g["dir"].lower() in lex().words["event_anchor_before"] else 1
    v = shift(anchor, UNIT_SHIFT[info["designator"]], sign * n * info.get("factor", 1))
    return [(v[0], v[1], f"event_anchor:{g['dir'].lower()}")] if v else []
