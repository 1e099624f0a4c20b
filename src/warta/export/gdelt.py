"""GDELT 2.0-style event table (tab-separated, one header row).

    write_gdelt(rows, file)   # rows: iterable of dicts from warta.export.rows.event_rows(records)

Columns (GDELT 2.0 names where they apply; values warta cannot know are empty):

    GlobalEventID      integer derived from the warta event id (stable)
    Day, MonthYear, Year   event date as YYYYMMDD, YYYYMM, YYYY
    Actor1Name, Actor1CountryCode, Actor2Name, Actor2CountryCode   source / target (ISO alpha-3)
    IsRootEvent        1 when the event comes from the article's first three sentences' paragraph 0
    EventCode, EventBaseCode, EventRootCode   CAMEO code, its 3-digit base, its 2-digit root
    QuadClass, GoldsteinScale
    NumMentions, NumSources, NumArticles   1 (one article, one mention)
    ActionGeo_Type, ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long
    DATEADDED          YYYYMMDDHHMMSS of the export
    SOURCEURL          the article's URL, else its file name
    WartaEventType, WartaEventID, Negated, Modality   warta's PLOVER type and flags (extra columns)
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import IO, Any

COLUMNS = ["GlobalEventID", "Day", "MonthYear", "Year", "Actor1Name", "Actor1CountryCode", "Actor2Name",
           "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
           "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
           "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
           "WartaEventType", "WartaEventID", "Negated", "Modality"]


def global_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12], 16)


def gdelt_row(row: dict[str, Any], added: str) -> dict[str, Any]:
    date = (row.get("date") or row.get("reference_date") or "")[:10]
    day = date.replace("-", "") if len(date) == 10 else ""
    code = row.get("cameo") or ""
    place = row.get("place_record") or {}
    geo_type = ""
    if place:
        geo_type = 1 if place.get("kind") == "country" else (4 if place.get("lat") is not None else 1)
    return {
        "GlobalEventID": global_id(row.get("id") or ""),
        "Day": day, "MonthYear": day[:6], "Year": day[:4],
        "Actor1Name": (row.get("source_name") or "").upper(), "Actor1CountryCode": row.get("source_country") or "",
        "Actor2Name": (row.get("target_name") or "").upper(), "Actor2CountryCode": row.get("target_country") or "",
        "IsRootEvent": 1 if (row.get("start") or 0) < 600 else 0,
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": row.get("quad_class") or "", "GoldsteinScale": row.get("goldstein") if row.get("goldstein") is not None else "",
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": geo_type, "ActionGeo_FullName": row.get("place") or "",
        "ActionGeo_CountryCode": place.get("country") or "",
        "ActionGeo_Lat": place.get("lat") if place.get("lat") is not None else "",
        "ActionGeo_Long": place.get("lon") if place.get("lon") is not None else "",
        "DATEADDED": added, "SOURCEURL": row.get("url") or row.get("source_file") or "",
        "WartaEventType": row.get("type") or "", "WartaEventID": row.get("id") or "",
        "Negated": 1 if row.get("negated") else 0, "Modality": row.get("modality") or "",
    }


def write_gdelt(rows: Iterable[dict[str, Any]], file: IO[str], header: bool = True) -> int:
    """Write event rows as GDELT-style TSV to `file`; returns the number of events written."""
    added = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    writer = csv.DictWriter(file, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(gdelt_row(row, added))
        n += 1
    return n
