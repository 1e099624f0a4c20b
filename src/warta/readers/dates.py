"""Publication dates in page metadata and feeds, Indonesian forms included
(`Selasa, 12 Sep 2023 08:00:00 WIB`)."""

from __future__ import annotations

import datetime as dt
import re

_ZONES = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}


def parse_published(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a publication date string, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    cleaned = re.sub(r"\b(WIB|WITA|WIT)\b", lambda m: _ZONES[m.group(1)], value)
    parsed = dateparser.parse(cleaned, languages=["id", "en"])
    return parsed.date().isoformat() if parsed else None
