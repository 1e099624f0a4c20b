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
from warta.jobs.stages import Stages, gc_cpu

_built: dict[str, Any] = {"key": None}


def _pipeline(config: dict[str, Any], st: Stages) -> None:
    """Build the pipeline of this worker process the first time one of its tasks needs it (the spaCy model
    is loaded here, never pickled or broadcast), and the MinHash code (datasketch imports scipy)."""
    from warta.store import worker

    key = json.dumps([config.get("components"), config.get("options")], sort_keys=True)
    if _built["key"] != key:
        with st("worker start (pipeline built)"):
            worker.init(config.get("components"), dict(config.get("options") or {}), None)
            from warta.store.dedup import signature

            signature("warm up")
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


def _failed(source: str, exc: BaseException, unit: str | None = None) -> dict[str, Any]:
    from warta.store.worker import failed_input

    return failed_input(source, exc, unit)


def _stream(path: str):
    """(open binary stream, None), or (None, a failed result saying why it could not be opened)."""
    try:
        return _open(path), None
    except OSError as exc:
        return None, _failed(path, InputError(path, f"could not be read: {exc.strerror or exc}"))


def _ok(article, unit: str, st: Stages) -> dict[str, Any]:
    """The result of one article through the worker's pipeline (as `warta.store.worker` makes it), timed."""
    from warta.api import process as run
    from warta.errors import WartaError
    from warta.store import worker
    from warta.store.dedup import signature

    pipeline = worker._pipeline()
    with st("extract (pipeline)"):
        try:
            done = run(article, pipeline)
        except WartaError as exc:
            return worker.failed_article(article, str(exc), unit)
    with st("record (to_dict, MinHash)"):
        return {"status": "ok", "id": done.id, "source": done.source, "unit": unit, "record": done.to_dict(),
                "error": None, "signature": signature(done.text)}


def _unit_results(unit, st: Stages) -> Iterator[dict[str, Any]]:
    """Results for every article of one unit: `warta.api.run_unit` as `warta.store.worker.process` runs it,
    with reading and extraction timed apart."""
    from warta.readers import read_unit

    try:
        with st("read"):
            articles = read_unit(unit)
    except InputError as exc:
        yield _failed(exc.source or unit.source, exc, unit.source)
        return
    for article in articles:
        yield _ok(article, unit.source, st)


def _warc_results(path: str, max_bytes: int, st: Stages) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    from warta.readers.warc import iter_warc
    from warta.record import Article

    stream, failure = _stream(path)
    if failure:
        yield failure, {}
        return
    with stream:
        records = iter_warc(stream, path, max_bytes)
        while True:
            with st("read"):
                meta, item = next(records, (None, None))
            if meta is None:
                return
            if isinstance(item, Article):
                try:
                    yield _ok(item, item.source or item.id, st), meta
                except Exception as exc:  # as worker.process does: record it, keep going
                    yield {"status": "failed", "id": item.id, "source": item.source,
                           "error": f"{type(exc).__name__}: {exc}", "record": {"url": item.url},
                           "signature": None}, meta
            elif meta.get("skipped") == "language":
                yield {"status": "skipped", "id": None, "source": item.source, "error": str(item),
                       "record": {"url": meta.get("url"), "language": meta.get("language")}}, meta
            else:
                yield _failed(item.source or path, item), meta


def _remote_results(path: str, max_bytes: int, st: Stages) -> Iterator[dict[str, Any]]:
    from warta.readers import read_bytes

    try:
        with st("read"):
            with _open(path) as f:
                data = f.read(max_bytes + 1)
            articles = read_bytes(data, path, max_bytes)
    except InputError as exc:
        yield _failed(path, exc)
        return
    except OSError as exc:
        yield _failed(path, InputError(path, f"could not be read: {exc}"))
        return
    for article in articles:
        yield _ok(article, article.source or article.id, st)


def results(path: str, max_bytes: int, st: Stages | None = None
            ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(result, meta) for every article of one input, in order; `result` as `warta.store.worker` makes it."""
    from warta.readers import Unit

    st = st if st is not None else Stages()
    kind = _kind(path)
    if kind == "warc":
        yield from _warc_results(path, max_bytes, st)
    elif kind == "jsonl":
        stream, failure = _stream(path)
        if failure:
            yield failure, {}
            return
        with stream:
            for number, raw in enumerate(stream, 1):
                if raw.strip():
                    unit = Unit("line", f"{path}#{number}", path, number,
                                raw if isinstance(raw, bytes) else raw.encode("utf-8"), max_bytes)
                    for result in _unit_results(unit, st):
                        yield result, {}
    elif not _is_remote(path):
        for result in _unit_results(Unit("file", path, path, 0, None, max_bytes), st):
            yield result, {}
    else:
        for result in _remote_results(path, max_bytes, st):
            yield result, {}


def _part_dir(root: str, part: int) -> str:
    return f"{root}/_parts/part-{part:05d}"


def _begin(fs, where: str) -> dict[str, Any] | None:
    """The summary of a partition already extracted (its marker is there), or None after clearing a
    half-written one."""
    done = D.read_json(fs, f"{where}/_SUCCESS")
    if done is not None:
        return dict(done, skipped=True)
    if fs.exists(where):
        fs.rm(where, recursive=True)
    return None


def _collect(mem, units: list[tuple[int, str]], max_bytes: int, st: Stages) -> tuple[dict, dict[str, list]]:
    """Every article of the partition's inputs extracted and written into the in-memory store `mem`;
    returns (counts, {"failures", "skipped", "extra", "signatures"})."""
    counts = {"articles": 0, "duplicates": 0, "failures": 0, "non_indonesian": 0, "records": 0}
    kept: dict[str, Any] = {"failures": [], "skipped": [], "extra": {}, "signatures": {}}
    mem.conn.execute("BEGIN")
    for input_seq, path in units:
        for record_seq, (result, meta) in enumerate(results(path, max_bytes, st)):
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
                kept["skipped"].append(dict(base, language=record.get("language"), reason=reason))
                continue
            if result["status"] == "failed":
                counts["failures"] += 1
                kept["failures"].append(dict(base, error=result.get("error")))
                continue
            with st("rows (store.write)"):
                outcome = mem.write(dict(result, signature=None))
            if outcome == "duplicate":
                counts["duplicates"] += 1
                continue
            counts["articles"] += 1
            kept["extra"][result["id"]] = prov
            kept["signatures"][result["id"]] = result.get("signature")
    mem.conn.execute("COMMIT")
    return counts, kept


def extract_partition(config: dict[str, Any], part: int, units: list[tuple[int, str]]) -> dict[str, Any]:
    """Stage 1: extract the articles of one input partition into `_parts/part-N/` (skipped when its commit
    marker is there).  `units` are (input_seq, path) pairs."""
    from warta.store import Store

    st = Stages()
    start = time.perf_counter()
    fs, root = D.filesystem(config["out"])
    where = _part_dir(root, part)
    done = _begin(fs, where)
    if done is not None:
        return dict(done, task="extract")
    _pipeline(config, st)
    gc0 = gc_cpu()
    max_bytes = int((config.get("options") or {}).get("max_bytes") or 20_000_000)
    with Store(":memory:") as mem:
        counts, kept = _collect(mem, units, max_bytes, st)
        with st("rows (read back)"):
            tables = _rows(mem, kept["extra"], kept["signatures"])
    tables["failures"] = kept["failures"]
    tables["skipped"] = kept["skipped"]
    for name, rows in tables.items():
        if rows:
            with st("arrow (rows to columns)"):
                data = D.to_arrow(name, rows)
            with st("write parts (Arrow IPC)"):
                D.write_part(fs, f"{where}/{name}{D.PART}", data)
    counts["events"] = len(tables["events"])
    st.add("gc (within the above)", 0.0, gc_cpu() - gc0)
    summary = {"part": part, "units": len(units), **counts, "seconds": round(time.perf_counter() - start, 3),
               "worker": f"{os.uname().nodename}:{os.getpid()}"}
    D.write_json(fs, f"{where}/_SUCCESS", summary)
    return dict(summary, skipped=False, task="extract", stages=st.as_dict(), process_cpu=time.process_time())


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


def _linked_articles(articles, links, counts: dict[str, Any]):
    """The partition's articles without the exact duplicates found across the dataset, with their links
    (`duplicate_of`, `similarity`, `story_id`) set."""
    import pyarrow as pa
    import pyarrow.compute as pc

    info = {r["id"]: r for r in links.to_pylist()} if links is not None else {}
    keep = pa.array([info.get(i, {}).get("keep", True) for i in articles["id"].to_pylist()], pa.bool_())
    counts["exact_duplicates"] = len(keep) - pc.sum(keep).as_py() if len(keep) else 0
    articles = articles.filter(keep)
    ids = articles["id"].to_pylist()
    for col in ("duplicate_of", "similarity", "story_id"):
        values = [info.get(i, {}).get(col) for i in ids]
        idx = articles.schema.get_field_index(col)
        articles = articles.set_column(idx, articles.schema.field(col), pa.array(values, articles[col].type))
    return articles


def _write_by_month(fs, root: str, name: str, table: str, data, months: dict[str, str]) -> int:
    """Write one table's rows of a partition under `published_month=…/`; returns the rows written."""
    import pyarrow as pa
    import pyarrow.compute as pc

    key = "id" if table == "articles" else "article_id"
    row_months = [months.get(i) for i in data[key].to_pylist()]
    data = data.append_column(D.PARTITION, pa.array(row_months, pa.string()))
    data = data.filter(pc.is_valid(data[D.PARTITION]))  # rows of an exact duplicate's copy
    for m in sorted(set(x for x in row_months if x)):
        chunk = data.filter(pc.equal(data[D.PARTITION], m)).drop_columns([D.PARTITION])
        D.write_table(fs, f"{root}/{table}/{D.PARTITION}={m}/{name}", chunk)
    return data.num_rows


def finalize_partition(config: dict[str, Any], part: int) -> dict[str, Any]:
    """Stage 3: write partition `part` into the final dataset, by publication month, with the links (exact
    and near duplicates, stories) found across the whole dataset; skipped when its commit marker is there."""
    st = Stages()
    fs, root = D.filesystem(config["out"])
    marker = f"{root}/_commits/part-{part:05d}.json"
    done = D.read_json(fs, marker)
    if done is not None:
        return dict(done, skipped=True, task="finalize")
    name = f"part-{part:05d}.parquet"
    for table in D.MONTHLY + D.FLAT:
        for path in fs.glob(f"{root}/{table}/*/{name}") + fs.glob(f"{root}/{table}/{name}"):
            fs.rm(path)
    where = _part_dir(root, part)
    counts = {"part": part, "articles": 0, "events": 0, "exact_duplicates": 0}

    def load(table: str):
        path = f"{where}/{table}{D.PART}"
        with st("final: read parts"):
            return D.read_part(fs, path) if fs.exists(path) else None

    articles = load("articles")
    months: dict[str, str] = {}
    if articles is not None:
        links = load("links")
        with st("final: links"):
            articles = _linked_articles(articles, links, counts)
            months = dict(zip(articles["id"].to_pylist(), map(D.month, articles["published"].to_pylist())))
        counts["articles"] = articles.num_rows
    for table in D.MONTHLY:
        data = articles if table == "articles" else load(table)
        if data is not None and data.num_rows:
            with st("final: parquet by month"):
                n = _write_by_month(fs, root, name, table, data, months)
            counts["events"] += n if table == "events" else 0
    for table in D.FLAT:
        data = load(table)
        if data is not None and data.num_rows:
            with st("final: parquet by month"):
                D.write_table(fs, f"{root}/{table}/{name}", data)
    D.write_json(fs, marker, counts)
    return dict(counts, skipped=False, task="finalize", stages=st.as_dict(), process_cpu=time.process_time(),
                worker=f"{os.uname().nodename}:{os.getpid()}")
