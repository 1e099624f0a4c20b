"""The layout of a job's Parquet dataset, its file system (fsspec), and its table schemas.

    DATASET/
      articles/published_month=2024-02/part-00003.parquet   one file per input partition and month
      entities/ actors/ quotes/ dates/ quantities/ places/ events/ minhashes/   (the same layout)
      failures/part-00003.parquet      inputs and articles that could not be processed, with the reason
      skipped/part-00003.parquet       articles not in Indonesian (counted, not extracted)
      sources/part-00003.parquet       outlets, domains and files (id, name, kind), as in the store
      event_groups/part-00000.parquet  one row per event reported by several articles (the store's view)
      _commits/part-00003.json         commit marker: that partition's files are complete
      _parts/  _job.json               work in progress (removed when the job has finished)
      _SUCCESS                          the job's summary, written last

Columns are those of `warta export-db --format parquet` (the store's tables, `pk`
left out) with the store's declared SQLite types; `articles` also keeps
`sentences` and `sections` (so `warta ingest DATASET/` restores the web view's
highlighting) and the provenance columns `fetched`, `warc_record_id`, `input_seq`
and `record_seq` (the article's place in the job's input order).  The partition
column `published_month` (YYYY-MM, or `unknown`) is in the directory names
(Hive style), as Spark, DuckDB and pyarrow read it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from warta.store import schema as store_schema

LAYER_TABLES = ("entities", "actors", "quotes", "dates", "quantities", "places", "events")
MONTHLY = ("articles",) + LAYER_TABLES + ("minhashes",)
PARTITION = "published_month"
UNKNOWN_MONTH = "unknown"
ARTICLE_EXTRA = (("fetched", "TEXT"), ("warc_record_id", "TEXT"), ("input_seq", "INTEGER"),
                 ("record_seq", "INTEGER"))
FAILURES = (("id", "TEXT"), ("source", "TEXT"), ("url", "TEXT"), ("title", "TEXT"), ("published", "TEXT"),
            ("error", "TEXT"), ("fetched", "TEXT"), ("warc_record_id", "TEXT"), ("input_seq", "INTEGER"),
            ("record_seq", "INTEGER"))
SKIPPED = (("id", "TEXT"), ("source", "TEXT"), ("url", "TEXT"), ("title", "TEXT"), ("published", "TEXT"),
           ("language", "TEXT"), ("reason", "TEXT"), ("fetched", "TEXT"), ("warc_record_id", "TEXT"),
           ("input_seq", "INTEGER"), ("record_seq", "INTEGER"))
EVENT_GROUPS = (("type", "TEXT"), ("source_country", "TEXT"), ("target_country", "TEXT"), ("date", "TEXT"),
                ("cameo", "TEXT"), ("quad_class", "INTEGER"), ("goldstein", "REAL"), ("num_mentions", "INTEGER"),
                ("num_sources", "INTEGER"), ("num_articles", "INTEGER"), ("num_distinct_articles", "INTEGER"),
                ("num_stories", "INTEGER"), ("first_published", "TEXT"), ("last_published", "TEXT"),
                ("article_ids", "TEXT"))


def is_remote(name: str) -> bool:
    """Whether `name` is a URI for fsspec (s3://, hdfs://, gs://…) rather than a local path."""
    return "://" in name and not name.startswith("file://")


def filesystem(url: str):
    """(fsspec file system, root path) for a dataset URL or local path."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    return fs, root.rstrip("/")


def month(published: str | None) -> str:
    if published and len(published) >= 7 and published[4] == "-" and published[:4].isdigit():
        return published[:7]
    return UNKNOWN_MONTH


def stable_id(name: str) -> int:
    """A positive 62-bit id for a source name: the same name gives the same id on every machine."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little") >> 2


_SQLITE = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string", "BLOB": "binary"}


def _declared(table: str) -> list[tuple[str, str]]:
    """(column, declared type) of a store table, `pk` left out, from a scratch in-memory store."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    store_schema.migrate(conn)
    cols = [(r[1], (r[2] or "TEXT").upper()) for r in conn.execute(f"PRAGMA table_info({table})")]
    conn.close()
    return [(c, t) for c, t in cols if c != "pk"]


_COLUMNS: dict[str, list[tuple[str, str]]] = {}


def columns(table: str) -> list[tuple[str, str]]:
    """The dataset columns of `table` with their SQLite types (the partition column is not among them)."""
    if table not in _COLUMNS:
        if table == "articles":
            cols = _declared("articles") + list(ARTICLE_EXTRA)
        elif table in LAYER_TABLES or table in ("minhashes", "sources"):
            cols = _declared(table)
        else:
            cols = list({"failures": FAILURES, "skipped": SKIPPED, "event_groups": EVENT_GROUPS}[table])
        _COLUMNS[table] = cols
    return _COLUMNS[table]


def arrow_schema(table: str):
    import pyarrow as pa

    return pa.schema([pa.field(c, getattr(pa, _SQLITE[t])()) for c, t in columns(table)])


def to_arrow(table: str, rows: list[Any], names: tuple[str, ...] | None = None):
    """A pyarrow Table of `rows` with the dataset schema of `table` (values that do not fit are converted,
    as `warta export-db` does).  Rows are dicts, or lists of values in the order of the columns `names`."""
    import pyarrow as pa

    from warta.store.exports import _coerce

    schema = arrow_schema(table)
    if names is not None:
        if tuple(names) == tuple(schema.names) and rows:
            try:  # a column at a time, straight from the rows' values
                return pa.Table.from_arrays([pa.array(col, f.type) for col, f in zip(zip(*rows), schema)],
                                            schema=schema)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                pass
        rows = [dict(zip(names, row)) for row in rows]
    try:  # column by column: the same values as Table.from_pylist, without a dict per row
        return pa.Table.from_arrays([pa.array([r.get(f.name) for r in rows], f.type) for f in schema], schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        rows = [{c: row.get(c) for c in schema.names} for row in rows]
        return pa.Table.from_pylist([_coerce(r, schema) for r in rows], schema=schema)


#: the dataset's Parquet compression: Snappy (Parquet's default, read by every engine) costs half of what zstd
#: costs to write one of the many small files (a table's rows of one partition and month), at a larger size
COMPRESSION = "snappy"


def write_table(fs, path: str, table) -> None:
    """Write a pyarrow Table to `path` atomically where the file system allows (temporary name, then rename)."""
    import pyarrow.parquet as pq

    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    tmp = path + ".tmp"
    with fs.open(tmp, "wb") as f:
        pq.write_table(table, f, compression=COMPRESSION)
    fs.mv(tmp, path)


#: the work-in-progress tables under `_parts/` are Arrow IPC files (uncompressed): written once, read twice by
#: the job itself, they cost a tenth of a small Parquet file's encoding and compression
PART = ".arrow"


def write_part(fs, path: str, table) -> None:
    """Write a work-in-progress table (Arrow IPC file) atomically: temporary name, then rename."""
    import pyarrow as pa

    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    tmp = path + ".tmp"
    with fs.open(tmp, "wb") as f, pa.ipc.new_file(f, table.schema) as writer:
        writer.write_table(table)
    fs.mv(tmp, path)


def read_part(fs, path: str):
    """A work-in-progress table (memory-mapped where the file system is local)."""
    import pyarrow as pa
    from fsspec.implementations.local import LocalFileSystem

    if isinstance(fs, LocalFileSystem):
        with pa.memory_map(path, "r") as source:
            return pa.ipc.open_file(source).read_all()
    with fs.open(path, "rb") as f:
        return pa.ipc.open_file(f).read_all()


def read_file(fs, path: str):
    import pyarrow.parquet as pq
    from fsspec.implementations.local import LocalFileSystem

    if isinstance(fs, LocalFileSystem):
        return pq.ParquetFile(path).read()  # a third of read_table's cost on a small file
    with fs.open(path, "rb") as f:
        return pq.ParquetFile(f).read()


def write_json(fs, path: str, value: Any) -> None:
    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    tmp = path + ".tmp"
    with fs.open(tmp, "w") as f:
        f.write(json.dumps(value, ensure_ascii=False, indent=1))
    fs.mv(tmp, path)


def read_json(fs, path: str) -> Any | None:
    if not fs.exists(path):
        return None
    with fs.open(path, "r") as f:
        return json.loads(f.read())


def read_dataset(url: str, table: str, columns_: list[str] | None = None):
    """One table of a finished dataset as a pyarrow Table (with `published_month` where it is partitioned);
    an empty table with the dataset's columns when the job wrote no rows for it."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    fs, root = filesystem(url)
    base = f"{root}/{table}"
    files = [p for p in (fs.find(base) if fs.exists(base) else []) if p.endswith(".parquet")]
    schema = arrow_schema(table)
    if table in MONTHLY:
        schema = schema.append(pa.field(PARTITION, pa.string()))
    if not files:
        t = schema.empty_table()
        return t.select(columns_) if columns_ else t
    part = ds.partitioning(pa.schema([pa.field(PARTITION, pa.string())]), flavor="hive") \
        if table in MONTHLY else None
    dataset = ds.dataset(sorted(files), filesystem=fs, format="parquet", partitioning=part,
                         partition_base_dir=base, schema=schema)
    return dataset.to_table(columns=columns_)
