"""Local time (`waktu setempat`): the UTC offset of the place named around a clock time."""

from __future__ import annotations

import datetime as dt

from warta.knowledge.gazetteer import timezone_of
from warta.record import Article


def local_offset(article: Article, offset: int, day: dt.date | None) -> str | None:
    """UTC offset of the first place named in the sentence around `offset` whose time zone is known
    (for `waktu setempat`); the places are the places layer's (dates uses it when present)."""
    i = article.sentence_at(offset)
    if i is not None:
        candidates = [p for p in article.places if p.sentence == i]
    else:
        candidates = [p for p in article.places if offset - 200 <= p.start and p.end <= offset + 50]
    tz = next((z for z in map(timezone_of, sorted(candidates, key=lambda p: p.start)) if z), None)
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
