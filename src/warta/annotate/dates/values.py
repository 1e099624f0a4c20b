"""Calendar arithmetic for dates: parsing group values, shifting, ISO durations."""

from __future__ import annotations

import calendar
import datetime as dt

from warta.annotate.dates.grammar import lex
from warta.knowledge import numbers

#: a fractional day, hour or minute is split into the next smaller unit (`P0.5D` → `PT12H`)
SPLIT_UNIT = {("D", False): ("H", 24), ("H", True): ("M", 60), ("M", True): ("S", 60)}

UNIT_SHIFT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


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


def _year_offset(yrel: str) -> int:
    """`tahun lalu` → -1, `tahun ini` → 0, `tahun depan` / `tahun mendatang` → 1."""
    return lex().offset(yrel.split()[-1].lower())


def _fmt_num(text: str) -> float | None:
    parsed = numbers.parse_number(text)
    return parsed[0] if parsed else None


def _approximate(num: str) -> bool:
    parsed = numbers.parse_number(num)
    return bool(parsed and parsed[1])


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
