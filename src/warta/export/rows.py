"""Event rows shared by the exporters: one flat dict per event, from Article records or dicts.

`event_rows(records)` accepts `Article` objects or their JSON dicts (as `warta extract`
writes them, or as a store returns them) and yields one dict per event with the
article fields an exporter needs (`article_id`, `url`, `source`, `published`,
`reference_date`) plus the event's own fields and its actors' names/sectors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from warta.record import Article


def _as_dict(record: Article | dict[str, Any]) -> dict[str, Any]:
    return record.to_dict() if isinstance(record, Article) else record


def event_rows(records: Iterable[Article | dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        d = _as_dict(record)
        actors = {a.get("id"): a for a in d.get("actors") or []}
        for e in d.get("events") or []:
            row = dict(e)
            row["article_id"] = d.get("id")
            row["url"] = d.get("url")
            row["source_file"] = d.get("source")
            row["published"] = d.get("published")
            row["reference_date"] = d.get("reference_date")
            for side in ("source", "target"):
                actor = actors.get(e.get(side)) or {}
                row[f"{side}_name"] = actor.get("name") or e.get(f"{side}_text")
                row[f"{side}_sector"] = actor.get("sector")
                row[f"{side}_type"] = actor.get("type")
            place = None
            for p in d.get("places") or []:
                if e.get("place") and (p.get("name") == e.get("place") or p.get("text") == e.get("place")):
                    place = p
                    break
            row["place_record"] = place
            yield row
