"""Query parameters of the web view: parsed, bounded and validated (a bad one is an HTTPError 400)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from starlette.datastructures import QueryParams

from warta.web.queries import DEFAULT_SORT, SORTS

MAX_QUERY_STRING = 4096
MAX_TEXT = 200
MAX_SEARCH = 500

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TYPE = re.compile(r"^[A-Za-z_]{1,40}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(message)


def parse(query: QueryParams, raw: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """The non-empty parameters (the last of repeated ones), refusing unknown names and huge values."""
    if len(raw) > MAX_QUERY_STRING:
        raise HTTPError(400, f"the query string is too long (at most {MAX_QUERY_STRING} characters)")
    out: dict[str, str] = {}
    for key in query.keys():
        if key not in allowed:
            raise HTTPError(400, f"unknown parameter {key[:60]!r}; use {', '.join(sorted(allowed)) or 'none'}")
        value = query.getlist(key)[-1].strip()
        if "\x00" in value:
            raise HTTPError(400, f"{key} contains a NUL character")
        if value:
            out[key] = value
    return out


def integer(params: dict[str, str], key: str, default: int, lo: int, hi: int) -> int:
    if key not in params:
        return default
    try:
        value = int(params[key])
    except ValueError:
        raise HTTPError(400, f"{key} must be a whole number, not {params[key][:40]!r}") from None
    if not lo <= value <= hi:
        raise HTTPError(400, f"{key} must be between {lo} and {hi}, not {value}")
    return value


def date(params: dict[str, str], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    ok = bool(_DATE.match(value))
    if ok:
        parts = value.split("-")
        try:
            if len(parts) == 3:
                dt.date(*map(int, parts))
            elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
                ok = False
        except ValueError:
            ok = False
    if not ok:
        raise HTTPError(400, f"{key} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    return value


def text(params: dict[str, str], key: str, limit: int = MAX_TEXT) -> str | None:
    value = params.get(key)
    if value is not None and len(value) > limit:
        raise HTTPError(400, f"{key} is too long (at most {limit} characters)")
    return value


def near(value: str) -> tuple[float, float]:
    """`lat,lon` (the map's point) as two numbers rounded to 2 decimals."""
    try:
        lat, lon = (round(float(x), 2) for x in value.split(","))
    except ValueError:
        raise HTTPError(400, f"near must be LAT,LON such as -6.21,106.85, not {value[:40]!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise HTTPError(400, f"near must be a latitude (-90..90) and a longitude (-180..180), not {value[:40]!r}")
    return lat, lon


def flag(params: dict[str, str], key: str) -> bool:
    value = params.get(key)
    if value is None:
        return False
    if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
        raise HTTPError(400, f"{key} must be 1 or 0, not {value[:20]!r}")
    return value.lower() in ("1", "true", "yes", "on")


def sort(params: dict[str, str], kind: str) -> str:
    value = params.get("sort") or DEFAULT_SORT[kind]
    if value.lstrip("-") not in SORTS[kind]:
        raise HTTPError(400, f"sort must be one of {', '.join(sorted(SORTS[kind]))} (- before it: descending), "
                             f"not {value[:40]!r}")
    return value


COMMON = ("sort", "limit", "offset")
ALLOWED = {
    "events": ("type", "country", "actor", "since", "until", "source", "place", "near", "quad_class", "all") + COMMON,
    "quotes": ("q", "country", "actor", "since", "until", "source", "all") + COMMON,
    "actors": ("type", "sector", "country", "actor", "since", "until", "source", "all") + COMMON,
    "articles": ("q", "since", "until", "source", "all", "failed") + COMMON,
    "groups": ("type", "country", "since", "until", "min_articles") + COMMON,
}


def filters(params: dict[str, str], kind: str, event_types: set[str] | None = None,
            actor_types: set[str] | None = None) -> dict[str, Any]:
    """Validated store filters for a list kind from its query parameters."""
    f: dict[str, Any] = {}
    if "type" in params:
        value = params["type"]
        if not _TYPE.match(value):
            raise HTTPError(400, f"type must be an event type such as CONSULT, not {value[:40]!r}")
        value = value.upper()
        if kind == "events" and event_types is not None and value not in event_types \
                and actor_types is not None and value in actor_types:
            f["actor_type"] = value
        else:
            f["type"] = value
    if "sector" in params:
        if not _TYPE.match(params["sector"]):
            raise HTTPError(400, f"sector must be a sector such as GOV, not {params['sector'][:40]!r}")
        f["sector"] = params["sector"].upper()
    if "country" in params:
        if not _COUNTRY.match(params["country"]):
            raise HTTPError(400, f"country must be an ISO alpha-3 code such as IDN, not {params['country'][:40]!r}")
        f["country"] = params["country"].upper()
    for key in ("since", "until"):
        value = date(params, key)
        if value:
            f[key] = value
    for key in ("actor", "source", "place"):
        value = text(params, key)
        if value:
            f[key] = value
    if "q" in params:
        f["q"] = text(params, "q", MAX_SEARCH)
    if "near" in params:
        f["near"] = near(params["near"])
    if "quad_class" in params:
        f["quad_class"] = integer(params, "quad_class", 0, 1, 4)
    if "min_articles" in params or kind == "groups":
        f["min_articles"] = integer(params, "min_articles", 1, 1, 1_000_000)
    if flag(params, "all"):
        f["duplicates"] = True
    if flag(params, "failed"):
        f["failed"] = True
    return f
