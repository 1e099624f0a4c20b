"""What runs on the engine's workers: extract one input partition; write one partition of the final dataset.

Both functions take plain data (the job's `config` dict and a partition number
with its inputs) and return a small summary dict, so Dask and Spark ship nothing
else.  The pipeline is built lazily, once per worker process, by
`warta.store.worker.init` (the same worker `warta ingest` uses), the first time a
partition runs there: the spaCy model is loaded where it runs, never pickled
or broadcast.

Rows are made by the store itself: a partition's articles are written into a
private in-memory `Store`, and its tables are read back, so the dataset's
columns and values are exactly those of `warta export-db --format parquet`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any

from warta.errors import InputError
from warta.jobs import dataset as D

_built: dict[str, Any] = {"key": None}


def _pipeline(config: dict[str, Any]) -> None:
    from warta.store import worker

    key = json.dumps([config.get("components"), config.get("options")], sort_keys=True)
    if _built["key"] != key:
        worker.init(config.get("components"), dict(config.get("options") or {}), None)
        _built["key"] = key


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _open(path: str):
    if _is_remote(path):
        import fsspec

        return fsspec.open(path, "rb", compression="infer" if not path.endswith(".warc.gz") else None).open()
    return open(path, "rb")


def _head(path: str) -> bytes:
    try:
        with _open(path) as f:
            return f.read(4096)
    except OSError:
        return b""


def _kind(path: str) -> str:
    """'warc', 'jsonl' (streamed a line at a time, as `warta ingest` does) or 'file' (any other reader)."""
    from warta.readers.warc import is_warc
    from warta.readers import JSONL_SUFFIXES, is_jsonl_file

    low = path.lower()
    if low.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if low.endswith(tuple(JSONL_SUFFIXES)):
        return "jsonl"
    if low.endswith(".gz") or "." not in low.rsplit("/", 1)[-1]:
        if is_warc(path, _head(path)):
            return "warc"
    if not _is_remote(path) and is_jsonl_file(path):
        return "jsonl"
    return "file"


def _failed(source: str, exc: BaseException) -> dict[str, Any]:
    from warta.store.worker import failed_input

    return failed_input(source, exc)


def _stream(path: str):
    """(open binary stream, None), or (None, a failed result saying why it could not be opened)."""
    try:
        return _open(path), None
    except OSError as exc:
        return None, _failed(path, InputError(path, f"could not be read: {exc.strerror or exc}"))


def results(path: str, max_bytes: int) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(result, meta) for every article of one input, in order; `result` as `warta.store.worker` makes it."""
    from warta.readers import Unit
    from warta.store import worker

    kind = _kind(path)
    if kind == "warc":
        from warta.readers.warc import iter_warc
        from warta.record import Article

        stream, failure = _stream(path)
        if failure:
            yield failure, {}
            return
        with stream:
            for meta, item in iter_warc(stream, path, max_bytes):
                if isinstance(item, Article):
                    try:
                        yield worker.process_article(item), meta
                    except Exception as exc:  # as worker.process does: record it, keep going
                        yield {"status": "failed", "id": item.id, "source": item.source,
                               "error": f"{type(exc).__name__}: {exc}", "record": {"url": item.url},
                               "signature": None}, meta
                elif meta.get("skipped") == "language":
                    yield {"status": "skipped", "id": None, "source": item.source, "error": str(item),
                           "record": {"url": meta.get("url"), "language": meta.get("language")}}, meta
                else:
                    yield _failed(item.source or path, item), meta
        return
    if kind == "jsonl":
        stream, failure = _stream(path)
        if failure:
            yield failure, {}
            return
        with stream:
            for number, raw in enumerate(stream, 1):
                if raw.strip():
                    unit = Unit("line", f"{path}#{number}", path, number,
                                raw if isinstance(raw, bytes) else raw.encode("utf-8"), max_bytes)
                    for result in worker.process(unit):
                        yield result, {}
        return
    if not _is_remote(path):
        for result in worker.process(Unit("file", path, path, 0, None, max_bytes)):
            yield result, {}
        return
    from warta.readers import read_bytes

    try:
        with _open(path) as f:
            data = f.read(max_bytes + 1)
        articles = read_bytes(data, path, max_bytes)
    except InputError as exc:
        yield _failed(path, exc), {}
        return
    except OSError as exc:
        yield _failed(path, InputError(path, f"could not be read: {exc}")), {}
        return
    for article in articles:
        yield worker.process_article(article), {}


def _part_dir(root: str, part: int) -> str:
    return f"{root}/_parts/part-{part:05d}"


def extract_partition(config: dict[str, Any], part: int, units: list[tuple[int, str]]) -> dict[str, Any]:
    """Stage 1: extract the articles of one input partition into `_parts/part-N/` (skipped when its commit
    marker is there).  `units` are (input_seq, path) pairs."""
    from warta.store import Store

    fs, root = D.filesystem(config["out"])
    where = _part_dir(root, part)
    done = D.read_json(fs, f"{where}/_SUCCESS")
    if done is not None:
        return dict(done, skipped=True)
    if fs.exists(where):
        fs.rm(where, recursive=True)
    start = time.perf_counter()
    _pipeline(config)
    max_bytes = int((config.get("options") or {}).get("max_bytes") or 20_000_000)
    failures: list[dict] = []
    skipped: list[dict] = []
    extra: dict[str, dict] = {}
    signatures: dict[str, bytes | None] = {}
    counts = {"articles": 0, "duplicates": 0, "failures": 0, "non_indonesian": 0, "records": 0}
    with Store(":memory:") as mem:
        mem.conn.execute("BEGIN")
        for input_seq, path in units:
            for record_seq, (result, meta) in enumerate(results(path, max_bytes)):
                counts["records"] += 1
                record = result.get("record") or {}
                prov = {"fetched": meta.get("fetched"), "warc_record_id": meta.get("record_id"),
                        "input_seq": input_seq, "record_seq": record_seq}
                base = {"id": result.get("id"), "source": result.get("source"), "url": record.get("url"),
                        "title": record.get("title"), "published": record.get("published"), **prov}
                if result["status"] == "skipped" or (result["status"] == "ok"
                                                     and record.get("language") not in (None, "id")):
                    counts["non_indonesian"] += 1
                    reason = result.get("error") or f"language detected as {record.get('language')}"
                    skipped.append(dict(base, language=record.get("language"), reason=reason))
                    continue
                if result["status"] == "failed":
                    counts["failures"] += 1
                    failures.append(dict(base, error=result.get("error")))
                    continue
                outcome = mem.write(dict(result, signature=None))
                if outcome == "duplicate":
                    counts["duplicates"] += 1
                    continue
                counts["articles"] += 1
                extra[result["id"]] = prov
                signatures[result["id"]] = result.get("signature")
        mem.conn.execute("COMMIT")
        tables = _rows(mem, extra, signatures)
    tables["failures"] = failures
    tables["skipped"] = skipped
    for name, rows in tables.items():
        if rows:
            D.write_table(fs, f"{where}/{name}.parquet", D.to_arrow(name, rows))
    counts["events"] = len(tables["events"])
    summary = {"part": part, "units": len(units), **counts, "seconds": round(time.perf_counter() - start, 3),
               "worker": f"{os.uname().nodename}:{os.getpid()}"}
    D.write_json(fs, f"{where}/_SUCCESS", summary)
    return dict(summary, skipped=False)


def _rows(mem, extra: dict[str, dict], signatures: dict[str, bytes | None]) -> dict[str, list[dict]]:
    """Every table of the in-memory store as dataset rows (stable source ids, provenance columns)."""
    sources = {r["id"]: r for r in mem._query("SELECT id, name, kind FROM sources")}
    ids = {k: D.stable_id(v["name"]) for k, v in sources.items()}
    cols = [c for c, _ in D.columns("articles") if c in mem.columns("articles")]
    articles = []
    for row in mem._query(f"SELECT {', '.join(cols)} FROM articles WHERE status = 'ok' ORDER BY pk"):
        row["source_id"] = ids.get(row["source_id"])
        row.update(extra[row["id"]])
        articles.append(row)
    out = {"articles": articles}
    for layer in D.LAYER_TABLES:
        out[layer] = list(mem.rows(layer))
    out["minhashes"] = [{"article_id": a["id"], "num_perm": 128, "signature": signatures[a["id"]]}
                        for a in articles if signatures.get(a["id"])]
    out["sources"] = [{"id": ids[k], "name": v["name"], "kind": v["kind"]} for k, v in sources.items()]
    return out


def finalize_partition(config: dict[str, Any], part: int) -> dict[str, Any]:
    """Stage 3: write partition `part` into the final dataset, by publication month, with the links (exact
    and near duplicates, stories) found across the whole dataset; skipped when its commit marker is there."""
    import pyarrow as pa
    import pyarrow.compute as pc

    fs, root = D.filesystem(config["out"])
    marker = f"{root}/_commits/part-{part:05d}.json"
    done = D.read_json(fs, marker)
    if done is not None:
        return dict(done, skipped=True)
    name = f"part-{part:05d}.parquet"
    for table in D.MONTHLY + D.FLAT:
        for path in fs.glob(f"{root}/{table}/*/{name}") + fs.glob(f"{root}/{table}/{name}"):
            fs.rm(path)
    where = _part_dir(root, part)
    counts = {"part": part, "articles": 0, "events": 0, "exact_duplicates": 0}

    def load(table: str):
        path = f"{where}/{table}.parquet"
        return D.read_file(fs, path) if fs.exists(path) else None

    articles = load("articles")
    months: dict[str, str] = {}
    if articles is not None:
        links = load("links")
        info = {r["id"]: r for r in links.to_pylist()} if links is not None else {}
        keep = pa.array([info.get(i, {}).get("keep", True) for i in articles["id"].to_pylist()])
        counts["exact_duplicates"] = len(keep) - pc.sum(keep).as_py() if len(keep) else 0
        articles = articles.filter(keep)
        for col in ("duplicate_of", "similarity", "story_id"):
            values = [info.get(i, {}).get(col) for i in articles["id"].to_pylist()]
            idx = articles.schema.get_field_index(col)
            articles = articles.set_column(idx, articles.schema.field(col), pa.array(values, articles[col].type))
        months = {i: D.month(p) for i, p in zip(articles["id"].to_pylist(), articles["published"].to_pylist())}
        counts["articles"] = articles.num_rows
    for table in D.MONTHLY:
        data = articles if table == "articles" else load(table)
        if data is None or data.num_rows == 0:
            continue
        key = "id" if table == "articles" else "article_id"
        ids = data[key].to_pylist()
        row_months = [months.get(i) for i in ids]
        data = data.append_column(D.PARTITION, pa.array(row_months, pa.string()))
        data = data.filter(pc.is_valid(data[D.PARTITION]))  # rows of an exact duplicate's copy
        if table == "events":
            counts["events"] = data.num_rows
        for m in sorted(set(x for x in row_months if x)):
            chunk = data.filter(pc.equal(data[D.PARTITION], m)).drop_columns([D.PARTITION])
            D.write_table(fs, f"{root}/{table}/{D.PARTITION}={m}/{name}", chunk)
    for table in D.FLAT:
        data = load(table)
        if data is not None and data.num_rows:
            D.write_table(fs, f"{root}/{table}/{name}", data)
    D.write_json(fs, marker, counts)
    return dict(counts, skipped=False)
