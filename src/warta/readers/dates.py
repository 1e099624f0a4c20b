"""Publication dates in page metadata and feeds, Indonesian forms included
(`Selasa, 12 Sep 2023 08:00:00 WIB`).

`published` is ISO 8601: a date (`2023-09-12`), or a date and time with its UTC
offset where the source gives one (`2023-09-12T08:00:00+07:00`); its first ten
characters are always the date.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso(value: dt.datetime | dt.date, has_time: bool = True) -> str:
    if isinstance(value, dt.datetime) and has_time:
        return value.replace(microsecond=0).isoformat()
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def parse_published(value: str | None) -> str | None:
    """ISO date or date-time of a publication date string, or None when it cannot be read."""
    if not value or not str(value).strip():
        return None
    value = " ".join(str(value).split())
    if _ISO.match(value):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            try:
                return dt.date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                return None
        return _iso(parsed, has_time=len(value) > 10)
    from warta.readers.text import parse_date_line

    found = parse_date_line(value)
    if found:
        return found
    from email.utils import parsedate_to_datetime

    try:
        return _iso(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # last resort; imported only here

    zones = {"WIB": "+0700", "WITA": "+0800", "WIT": "+0900"}
    cleaned = re.sub(r"\b(WIB|WITA|WIT)\b", lambda m: zones[m.group(1)], value)
    parsed = dateparser.parse(cleaned, languages=["id", "en"])
    return _iso(parsed) if parsed else None
