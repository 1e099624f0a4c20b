"""Events as a readable CSV table, one row per event.

    write_csv(rows, file)   # rows: iterable of dicts from warta.export.rows.event_rows(records)
"""

from __future__ import annotations

import csv as _csv
from collections.abc import Iterable
from typing import IO, Any

COLUMNS = ["article_id", "event_id", "date", "type", "cameo", "quad_class", "goldstein", "source_country",
           "source", "target_country", "target", "negated", "modality", "trigger", "place", "confidence",
           "evidence", "rule", "url"]


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": row.get("article_id"), "event_id": row.get("id"), "date": row.get("date"),
            "type": row.get("type"), "cameo": row.get("cameo"), "quad_class": row.get("quad_class"),
            "goldstein": row.get("goldstein"), "source_country": row.get("source_country"),
            "source": row.get("source_name"), "target_country": row.get("target_country"),
            "target": row.get("target_name"), "negated": "yes" if row.get("negated") else "no",
            "modality": row.get("modality"), "trigger": row.get("trigger"), "place": row.get("place"),
            "confidence": row.get("confidence"), "evidence": row.get("evidence"), "rule": row.get("rule"),
            "url": row.get("url") or row.get("source_file")}


def write_csv(rows: Iterable[dict[str, Any]], file: IO[str]) -> int:
    writer = _csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(csv_row(row))
        n += 1
    return n
