"""PLOVER/POLECAT-style event JSON Lines.

    write_plover(rows, file)   # rows: iterable of dicts from warta.export.rows.event_rows(records)

One JSON object per event:

    {"id", "event_type", "mode", "context", "cameo", "quad_class", "goldstein",
     "date", "negated", "modality",
     "actors": [{"role": "source"|"target", "name", "country", "sector", "actor_id"}],
     "location": {"name", "country", "lat", "lon"} | null,
     "text": {"trigger", "evidence", "start", "end"},
     "article": {"id", "url", "source"}, "confidence", "rule"}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

KEYS = ["id", "event_type", "mode", "context", "cameo", "quad_class", "goldstein", "date", "negated", "modality",
        "actors", "location", "text", "article", "confidence", "rule"]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    actors = []
    for side in ("source", "target"):
        if row.get(f"{side}_country") or row.get(f"{side}_name") or row.get(side):
            actors.append({"role": side, "name": row.get(f"{side}_name"), "country": row.get(f"{side}_country"),
                           "sector": row.get(f"{side}_sector"), "actor_id": row.get(side)})
    place = row.get("place_record") or {}
    location = None
    if row.get("place"):
        location = {"name": row.get("place"), "country": place.get("country"), "lat": place.get("lat"),
                    "lon": place.get("lon")}
    return {
        "id": row.get("id"), "event_type": row.get("type"), "mode": row.get("mode"), "context": row.get("context"),
        "cameo": row.get("cameo"), "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein"),
        "date": row.get("date"), "negated": bool(row.get("negated")), "modality": row.get("modality"),
        "actors": actors, "location": location,
        "text": {"trigger": row.get("trigger"), "evidence": row.get("evidence"), "start": row.get("start"),
                 "end": row.get("end")},
        "article": {"id": row.get("article_id"), "url": row.get("url"), "source": row.get("source_file")},
        "confidence": row.get("confidence"), "rule": row.get("rule"),
    }


def write_plover(rows: Iterable[dict[str, Any]], file: IO[str]) -> int:
    n = 0
    for row in rows:
        file.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
