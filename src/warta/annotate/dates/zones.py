"""Local time (`waktu setempat`): the UTC offset of the place named around a clock time."""

from __future__ import annotations

import datetime as dt

from warta.record import Article


def local_offset(article: Article, offset: int, day: dt.date | None) -> str | None:
    """UTC offset of the place named in the sentence around `offset` (for `waktu setempat`)."""
    try:
        from warta.annotate.places import timezone_of_text  # the gazetteer (see issue #11)
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
