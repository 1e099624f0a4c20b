"""Exports from the store: JSON Lines, CSV and Parquet for any table, plus a hook
for event formats written by other modules (GDELT, PLOVER).

    from warta.store import Store
    from warta.store.exports import export
    with Store.open("warta.db") as store:
        export(store, "events", "parquet", "events.parquet")

Rows stream from SQLite in batches, so an export never holds the whole table.
JSON-valued columns (authors, roles, …) are decoded in JSON Lines and kept as
JSON text in CSV and Parquet.

Event formats: `register_event_format(name, writer)` adds a format for the
events table; `writer(rows, path) -> int` receives an iterator of event row
dicts (`event_export_rows`: every column of the events table, the article's url,
source_file, published and reference_date, the actors' sectors and types, and
place_record with the place's country and coordinates, as `warta.export.rows`
makes them from records) and returns how many records it wrote.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from warta.errors import StoreError

FORMATS = ("jsonl", "csv", "parquet")
JSON_COLUMNS = {"authors", "credits", "pipeline", "warnings", "roles", "aliases", "mentions", "extra"}

EventWriter = Callable[[Iterator[dict[str, Any]], str], int]
EVENT_FORMATS: dict[str, EventWriter] = {}


def register_event_format(name: str, writer: EventWriter) -> None:
    """Make `warta export-db --table events --format NAME` call `writer(event_rows, path)`."""
    EVENT_FORMATS[name] = writer


def event_formats() -> list[str]:
    return sorted(EVENT_FORMATS)


@contextmanager
def _open_text(path: str):
    if path == "-":
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the export: {exc.strerror or exc}") from None
    with f:
        yield f


def write_jsonl(rows: Iterable[dict[str, Any]], path: str) -> int:
    n = 0
    with _open_text(path) as f:
        for row in rows:
            for key in JSON_COLUMNS & row.keys():
                if isinstance(row[key], str):
                    try:
                        row[key] = json.loads(row[key])
                    except ValueError:
                        pass
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], path: str) -> int:
    n = 0
    with _open_text(path) as f:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
            n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: str, batch: int = 5000,
                  types: dict[str, str] | None = None) -> int:
    """Parquet via pyarrow; column types from `types` (SQLite declared types by column name) where known,
    else from the first batch; a value that does not fit its column's type is converted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path == "-":
        raise StoreError("Parquet is binary: give a file with -o")
    writer = None
    schema = None
    n = 0
    buf: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer, schema
        if not buf:
            return
        if schema is None:
            schema = _arrow_schema(buf, types or {})
            writer = pq.ParquetWriter(path, schema)
        try:
            table = pa.Table.from_pylist(buf, schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            table = pa.Table.from_pylist([_coerce(r, schema) for r in buf], schema=schema)
        writer.write_table(table)
        buf.clear()

    try:
        for row in rows:
            buf.append(row)
            n += 1
            if len(buf) >= batch:
                flush()
        flush()
        if writer is None:  # no rows: an empty file with no columns
            pq.write_table(pa.table({}), path)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the export: {exc}") from None
    finally:
        if writer is not None:
            writer.close()
    return n


_DECLARED = {"INTEGER": "int", "REAL": "float", "TEXT": "str", "BLOB": "bytes"}


def _arrow_schema(rows: list[dict[str, Any]], types: dict[str, str]):
    """Column types: the declared SQLite type where known, else from the values of the first batch."""
    import pyarrow as pa

    fields = []
    for name in rows[0]:
        declared = _DECLARED.get((types.get(name) or "").upper())
        kinds = {type(r.get(name)) for r in rows} - {type(None)}
        if declared:
            kinds = {{"int": int, "float": float, "str": str, "bytes": bytes}[declared]}
        if not kinds:
            t = pa.string()
        elif kinds <= {int}:
            t = pa.int64()
        elif kinds <= {int, float}:
            t = pa.float64()
        elif kinds <= {bytes}:
            t = pa.binary()
        else:
            t = pa.string()
        fields.append(pa.field(name, t))
    return pa.schema(fields)


def _coerce(row: dict[str, Any], schema) -> dict[str, Any]:
    import pyarrow as pa

    out = {}
    for f in schema:
        v = row.get(f.name)
        if v is not None:
            if pa.types.is_string(f.type) and not isinstance(v, str):
                v = v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
            elif pa.types.is_floating(f.type) and not isinstance(v, float):
                try:
                    v = float(v)
                except (TypeError, ValueError):
                    v = None
            elif pa.types.is_integer(f.type) and not isinstance(v, int):
                try:
                    v = int(float(v)) if float(v).is_integer() else None
                except (TypeError, ValueError):
                    v = None
        out[f.name] = v
    return out


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}


def event_export_rows(store, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every stored event as the row `warta.export.rows.event_rows` makes from a record: the event's own
    fields (trigger, offsets, mode, …), its article's url, source file and dates, its actors' names, sectors
    and types, and `place_record` (the article's place the event names, with country and coordinates)."""
    filters.setdefault("duplicates", True)
    where, params = store._filters(table="events", **filters)
    cols = [f't."{c}"' for c in store.columns("events") if c not in ("pk",)]
    sql = (f"SELECT {', '.join(cols)}, a.url AS url, a.source AS source_file, a.published AS published, "
           "a.reference_date AS reference_date, a.title AS title, s.name AS outlet, "
           "sa.sector AS source_sector, sa.type AS source_type, ta.sector AS target_sector, ta.type AS target_type, "
           "p.text AS place_text, p.name AS place_name, p.country AS place_country, p.admin1 AS place_admin1, "
           "p.lat AS place_lat, p.lon AS place_lon, p.geonames_id AS place_geonames_id, p.kind AS place_kind "
           "FROM events t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id "
           "LEFT JOIN actors sa ON sa.article_id = t.article_id AND sa.id = t.source "
           "LEFT JOIN actors ta ON ta.article_id = t.article_id AND ta.id = t.target "
           "LEFT JOIN places p ON p.pk = (SELECT p2.pk FROM places p2 WHERE p2.article_id = t.article_id "
           "AND (p2.name = t.place OR p2.text = t.place) ORDER BY p2.idx LIMIT 1) "
           f"WHERE {where} ORDER BY a.pk, t.idx")
    for row in store._query(sql, params):
        extra = row.pop("extra", None)
        if extra:
            try:
                row.update({k: v for k, v in json.loads(extra).items() if k not in row})
            except ValueError:
                pass
        row["negated"] = bool(row.get("negated"))
        place = {k[len("place_"):]: row.pop(k) for k in list(row) if k.startswith("place_")}
        row["place_record"] = place if place.get("name") or place.get("text") else None
        yield row


def export(store, table: str, fmt: str, path: str, **filters: Any) -> int:
    """Write `table` (events, event_groups, articles, quotes, actors, …) of `store` to `path` as `fmt`;
    returns the number of rows.  `filters` (events only) are those of `Store.events()`."""
    if fmt in EVENT_FORMATS:
        if table != "events":
            raise StoreError(f"format {fmt!r} writes events only; use --table events")
        return EVENT_FORMATS[fmt](event_export_rows(store, **filters), path)
    if fmt not in WRITERS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(list(FORMATS) + event_formats())}")
    rows = store.events(duplicates=True, **filters) if (table == "events" and filters) else store.rows(table)
    if fmt == "parquet":
        return write_parquet(_parquet_safe(rows), path, types=store.declared_types(table))
    return WRITERS[fmt](rows, path)


def _parquet_safe(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Values of a column may mix int and float (SQLite is dynamic): leave them, the schema widens to float;
    anything else non-scalar becomes JSON text."""
    for row in rows:
        yield {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items()}


def _file_writer(write: Callable[[Iterable[dict[str, Any]], Any], int]) -> EventWriter:
    def writer(rows: Iterator[dict[str, Any]], path: str) -> int:
        with _open_text(path) as f:
            return write(rows, f)

    return writer


def _register_builtin_event_formats() -> None:
    from warta.export.gdelt import write_gdelt
    from warta.export.plover import write_plover

    register_event_format("gdelt", _file_writer(write_gdelt))
    register_event_format("plover", _file_writer(write_plover))


_register_builtin_event_formats()
