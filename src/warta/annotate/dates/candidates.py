"""Date candidates: every match of the patterns in `date_patterns.yaml`, the longest kept where
they overlap, then dropped by the named checks below."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from warta.annotate.dates.grammar import lex
from warta.lang.text import end_before_spaces

#: candidates that name one day by its number (`Sabtu (24/6/2023)`, `3 Februari`)
DAY_KINDS = ("day_month", "press", "numeric", "iso")


@dataclass
class Cand:
    kind: str
    start: int
    end: int
    groups: dict
    priority: int
    span_end: int | None = None  # where the span itself ends (`Dua hari` of `Dua hari setelah gempa`)


def raw_candidates(text: str) -> list[Cand]:
    """Every match of every pattern, before overlaps and checks."""
    cands: list[Cand] = []
    L = lex()
    for pri, (rule, matches) in enumerate(zip(L.patterns, L.scan.matches(text))):
        for m in matches:
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.start(), m.end()
            if rule.end_before and rule.end_before in g:
                end = m.start(rule.end_before)  # `Nomor 35 Tahun 2009` of `… tentang Narkotika`
            if rule.start_at:
                start = m.start(rule.start_at)
            span_end = end_before_spaces(text, m.start(rule.span_end_before)) if rule.span_end_before else None
            cands.append(Cand(rule.kind, start, end, g, pri, span_end))
    return cands


def find_candidates(text: str) -> list[Cand]:
    cands = raw_candidates(text)
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = [False] * (len(text) + 1)
    kept = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        if dropped_by(c, text):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return _drop_modifiers(kept, text)


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


# -- checks: a candidate of `kinds` for which `drops` holds is no date ------------------------

@dataclass(frozen=True)
class Check:
    id: str
    kinds: tuple[str, ...]
    example: str  # a text with a candidate this check drops
    drops: Callable[[Cand, str], bool]


def _words(key: str) -> list[str]:
    return lex().words[key]


def _after_prayer(c: Cand, text: str) -> bool:
    return bool(lex().cues["after_prayer"].search(text[max(0, c.start - 8):c.start].lower()))


def _week_not_day(c: Cand, text: str) -> bool:
    """`Minggu` without a cue before it (`pada`, `hari`, `(`), a part of day or a relative word: `week`."""
    g = c.groups
    before = text[max(0, c.start - 8):c.start].lower()
    return g["wd"] in _words("weekday_also_week") and not lex().cues["weekday_cue_before"].search(before) \
        and "part" not in g and "rel" not in g


def _short_month_alone(c: Cand, text: str) -> bool:
    mon = c.groups["mon"]
    return len(mon) <= 3 and mon not in _words("month_alone_short_ok")


def _age(c: Cand, text: str) -> bool:
    L = lex()
    return c.groups["unit"].lower() in _words("age_units") \
        and bool(L.cues["age_before"].search(text[max(0, c.start - 30):c.start])) \
        and not L.cues["age_not_before"].match(text, c.end)


def _same_month(c: Cand, text: str) -> bool:
    return lex().months[c.groups["mon1"]] == lex().months[c.groups["mon2"]]


def _clock_bare_hour(c: Cand, text: str) -> bool:
    g = c.groups
    return "m1" not in g and "part" not in g and "zone" not in g \
        and not any(text[c.start:c.start + len(w)].lower() == w for w in _words("clock_bare_hour_cues"))


CHECKS: list[Check] = [
    Check("weekday:after-prayer", ("weekday",), "usai salat Jumat di masjid", _after_prayer),
    Check("weekday:week-not-day", ("weekday",), "Minggu itu warga mengungsi.", _week_not_day),
    # abbreviations need a day number
    Check("month_alone:abbreviation", ("month_alone",), "sejak Jan warga mengungsi", _short_month_alone),
    Check("duration:age", ("duration",), "Martinus, yang berusia 64 tahun, hadir", _age),
    Check("duration_se:anchored", ("duration_se",), "sehari setelah kedatangannya",  # a day after an undated event
          lambda c, text: "anchor" in c.groups and "cue" not in c.groups),
    Check("duration_se:relative-alone", ("duration_se",), "semalam hujan deras",  # `semalam` alone: last night
          lambda c, text: c.groups["se"].lower() in _words("se_relative_alone") and "cue" not in c.groups),
    # `enam bulan setelah Korea Selatan jatuh …`: no event noun to date, a duration
    Check("event_anchor:no-event-noun", ("event_anchor",), "enam bulan setelah Korea Selatan jatuh",
          lambda c, text: not c.groups["noun"][:1].islower()),
    Check("event_anchor:after-duration-cue", ("event_anchor",), "dalam waktu satu bulan setelah putusan",
          lambda c, text: bool(lex().cues["cue_before"].search(text[max(0, c.start - 25):c.start]))),
    Check("month_range:same-month", ("month_range",), "Juli hingga Juli 2024", _same_month),
    Check("month_range:abbreviation-without-year", ("month_range",), "Jan-Mar",
          lambda c, text: len(c.groups["mon1"]) <= 3 and "year1" not in c.groups and "year" not in c.groups),
    # `Februari 2021 hingga Agustus 2022`: two complete dates, each its own item
    Check("month_range:two-full-dates", ("month_range",), "Februari 2021 hingga Agustus 2022",
          lambda c, text: "year1" in c.groups and "year" in c.groups),
    Check("clock:hour-out-of-range", ("clock",), "pukul 25", lambda c, text: int(c.groups["h1"]) > 24),
    Check("clock:bare-hour", ("clock",), "jam 10 kemudian", _clock_bare_hour),
]

_CHECKS_OF: dict[str, list[Check]] = {}
for _check in CHECKS:
    for _kind in _check.kinds:
        _CHECKS_OF.setdefault(_kind, []).append(_check)


def dropped_by(c: Cand, text: str) -> Check | None:
    """The first check that drops candidate `c`, or None when it stands."""
    return next((check for check in _CHECKS_OF.get(c.kind, ()) if check.drops(c, text)), None)
