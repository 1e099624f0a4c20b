"""The OpenAPI description of the web view's JSON API (served at /api/openapi.json, read at /api/docs)."""

from __future__ import annotations

import functools
from typing import Any

from warta import __version__
from warta.web.params import ALLOWED
from warta.web.queries import SORTS

DESCRIBE = {
    "type": ("string", "Event type (PLOVER, e.g. CONSULT; any case), or an actor type or sector (PER, GOV): events "
                       "whose source or target actor has it. For actors: type or sector."),
    "sector": ("string", "Actor sector (GOV, MIL, …)."),
    "country": ("string", "ISO 3166 alpha-3 code: an event's source or target country, a speaker's or an actor's."),
    "actor": ("string", "Actor or speaker name contains this text (literally: % and _ are not wildcards); "
                        "aliases count (Jokowi finds Joko Widodo)."),
    "since": ("string", "On or after this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    "until": ("string", "On or before this date; a prefix (2024-03) means the whole month."),
    "source": ("string", "Outlet, domain, URL or input file contains this text (literally)."),
    "place": ("string", "The event's place, exactly as stored."),
    "near": ("string", "LAT,LON: events whose place lies at these coordinates (2 decimals; a map point)."),
    "quad_class": ("integer", "QuadClass 1-4 (verbal/material cooperation, verbal/material conflict)."),
    "q": ("string", "Full-text search (FTS5: words, \"a phrase\", OR, prefix*); a syntax error is a 400."),
    "all": ("boolean", "1: include near-duplicate articles."),
    "failed": ("boolean", "1: include articles that failed to process."),
    "min_articles": ("integer", "At least this many articles report the event."),
    "limit": ("integer", "Rows per page (1-1000)."),
    "offset": ("integer", "Rows to skip."),
    "period": ("string", "day, week or month."),
    "nodes": ("integer", "Most-connected actors to keep (2-300)."),
    "name": ("string", "The actor's name, exactly as stored."),
}

ERROR = {"type": "object", "required": ["ok", "error", "status"],
         "properties": {"ok": {"type": "boolean", "enum": [False]}, "error": {"type": "string"},
                        "status": {"type": "integer"}}}


def _param(name: str, kind: str | None = None, required: bool = False) -> dict[str, Any]:
    typ, text = DESCRIBE.get(name, ("string", ""))
    schema: dict[str, Any] = {"type": typ}
    if name == "sort" and kind:
        keys = sorted(SORTS[kind])
        schema["enum"] = keys + ["-" + k for k in keys]
        text = "Sort by this column; a leading - sorts descending."
    if name == "period":
        schema["enum"] = ["day", "week", "month"]
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": text}


def _op(summary: str, params: list[dict[str, Any]], description: str = "") -> dict[str, Any]:
    op = {"summary": summary, "parameters": params,
          "responses": {"200": {"description": "ok: {\"ok\": true, …}",
                                "content": {"application/json": {"schema": {"type": "object"}}}},
                        "400": {"description": "a bad parameter",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                        "404": {"description": "not found",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    if description:
        op["description"] = description
    return {"get": op}


@functools.cache
def spec() -> dict[str, Any]:
    chart = [p for p in ALLOWED["events"] if p not in ("sort", "limit", "offset")]
    lists = {
        "/api/events": ("events", "Events, filtered and sorted, with facet counts."),
        "/api/events/grouped": ("groups", "Event groups: the same event reported by several articles."),
        "/api/quotes": ("quotes", "Quotes with their speakers, filtered and sorted, with facet counts."),
        "/api/actors": ("actors", "Actors across the store with article and mention counts."),
        "/api/articles": ("articles", "Articles with their event and quote counts."),
    }
    paths: dict[str, Any] = {
        "/api/counts": _op("Rows in each table of the store.", []),
        "/api/search": _op("Full-text search over article titles, texts and quotes.",
                           [_param("q", required=True), _param("limit"), _param("since"), _param("until"),
                            _param("source")]),
        "/api/articles/{article_id}": _op("One article's whole record.", [
            {"name": "article_id", "in": "path", "required": True, "schema": {"type": "string"},
             "description": "The article id (content hash)."}]),
        "/api/actor": _op("One actor: aliases, country, sector, quotes, events as source and target, co-occurring "
                          "actors.", [_param("name", required=True), _param("all")]),
        "/api/map": _op("Event places with coordinates (points sized by count, main type and QuadClass) and all "
                        "place mentions.", [_param(p) for p in chart]),
        "/api/timeline": _op("Events per day, week or month by type.", [_param(p) for p in chart + ["period"]]),
        "/api/network": _op("Who acts on whom: actors and links weighted by event count with mean Goldstein.",
                            [_param(p) for p in chart + ["nodes"]]),
    }
    for path, (kind, summary) in lists.items():
        paths[path] = _op(summary, [_param(p, kind) for p in ALLOWED[kind]],
                          f"The same filters give the CSV and JSON downloads /export/{kind}.csv and "
                          f"/export/{kind}.json (every matching row).")
    return {
        "openapi": "3.1.0",
        "info": {"title": "warta web API", "version": __version__,
                 "description": "Read-only JSON over a warta store. Every error has one shape: "
                                "{\"ok\": false, \"error\": \"…\", \"status\": 400}."},
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": {"Error": ERROR}},
    }
