"""The job's two tasks: extract one input partition (on the engine's workers); write its linked articles
(on the driver).

`extract_partition` takes plain data (the job's `config` dict and a partition
number with its inputs) and returns a small summary dict, so Dask and Spark ship
nothing else; it writes every table of the partition but `articles` straight to
the final dataset, and what the driver needs to `_parts/`.  `finalize_partition`
runs on the driver once the link pass has linked the partition: it writes the
`articles` table with the links, and drops the rows of exact duplicates of
earlier partitions' articles (rare) from the tables already written.  The pipeline is built once per worker process, by
`warta.store.worker.init` (the same worker `warta ingest` uses), where it runs,
never pickled or broadcast: lazily, by the first partition that runs there, or
before the workers are forked, by the process they are forked from (`preload`:
the Dask driver of a local cluster, Spark's local Python daemon), so that they
share it and start at once.  Articles are read ahead and their NER batched as
`warta extract` does (`warta.jobs.inputs`).

Rows are made by the store's own code (`warta.jobs.rows`: its row-making
methods, with SQLite's column affinity, without a database), so the dataset's
columns and values are exactly those of `warta export-db --format parquet`.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from warta.jobs import dataset as D
from warta.jobs import inputs
from warta.jobs.inputs import partition_results
from warta.jobs.stages import Stages, gc_cpu

_built: dict[str, Any] = {"key": None}


def _key(config: dict[str, Any]) -> str:
    return json.dumps([config.get("components"), config.get("options")], sort_keys=True)


def _pipeline(config: dict[str, Any], st: Stages) -> None:
    """Build the pipeline of this worker process the first time one of its tasks needs it (the spaCy model
    is loaded here, never pickled or broadcast), and the MinHash code, unless the process was forked from
    a driver that built them (`preload`).  What was built is then left out of the garbage collector's
    passes (`gc.freeze`), as `warta ingest` does."""
    from warta.store import worker

    key = _key(config)
    if _built["key"] != key:
        with st("worker start (pipeline built)"):
            worker.preload(config.get("components"), dict(config.get("options") or {}))
        _built["key"] = key


def preload(config: dict[str, Any]) -> None:
    """Build the pipeline here, in the driver, before a local cluster forks its worker processes: they then
    share it (copy on write) and start at once, as `warta ingest`'s workers do (`warta.store.worker.preload`,
    which also freezes it out of the garbage collector's passes)."""
    from warta.store import worker

    worker.preload(config.get("components"), dict(config.get("options") or {}))
    worker._pipeline()  # raises here, before any worker starts, if the pipeline could not be built
    _built["key"] = _key(config)


def unload() -> None:
    """Drop what `preload` built (a library caller's process goes on without the model)."""
    from warta.store import worker

    worker.close()
    _built["key"] = None


def _part_dir(root: str, part: int) -> str:
    return f"{root}/_parts/part-{part:05d}"


def _begin(fs, root: str, where: str, name: str) -> dict[str, Any] | None:
    """The summary of a partition already extracted (its marker is there), or None after clearing what an
    earlier attempt at it left: its work-in-progress folder and, when that folder is there (an attempt writes
    `_STARTED` into it before any file of the final dataset), the final files it may have written, at once,
    so that an attempt killed again before it writes anything leaves none of them behind."""
    done = D.read_json(fs, f"{where}/_SUCCESS")
    if done is not None:
        return dict(done, skipped=True)
    if fs.exists(where):
        _clear(fs, root, name)
        fs.rm(where, recursive=True)
    return None


def _collect(mem, units: list[tuple[int, str]], max_bytes: int, st: Stages, known: set[str]
             ) -> tuple[dict, dict[str, list]]:
    """Every article of the partition's inputs extracted and its rows made by `mem` (`rows.Rows`), but exact
    copies of the articles `known` (kept before; the partition's own are added as they are kept);
    returns (counts, {"failures", "skipped", "extra", "signatures"})."""
    counts = {"articles": 0, "duplicates": 0, "failures": 0, "non_indonesian": 0, "records": 0}
    kept: dict[str, Any] = {"failures": [], "skipped": [], "extra": {}, "signatures": {}}
    seqs: dict[int, int] = {}
    for input_seq, result, meta in partition_results(units, max_bytes, st):  # (inside `inputs.known`)
        record_seq = seqs[input_seq] = seqs.get(input_seq, -1) + 1
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
        if result["status"] == "exists":  # an exact copy of an article kept before: not extracted again
            counts["duplicates"] += 1
            continue
        with st("rows (store's rows)"):
            outcome = mem.write(dict(result, signature=None))
        if outcome == "duplicate":
            counts["duplicates"] += 1
            continue
        known.add(result["id"])
        counts["articles"] += 1
        kept["extra"][result["id"]] = prov
        kept["signatures"][result["id"]] = result.get("signature")
    return counts, kept


#: the work-in-progress tables a partition leaves under `_parts/` for the driver (its link pass and the final
#: `articles` table); every other table goes straight to the final dataset
FOR_DRIVER = {"articles": None, "minhashes": ["article_id", "signature"],
              "events": ["article_id", "idx", "type", "source_country", "target_country", "date"]}


def _months(articles: list[dict[str, Any]]):
    """(article ids, their publication months) as two Arrow arrays."""
    import pyarrow as pa

    return (pa.array([a["id"] for a in articles], pa.string()),
            pa.array([D.month(a.get("published")) for a in articles], pa.string()))


def extract_partition(config: dict[str, Any], part: int, units: list[tuple[int, str]], known: list[str] = ()
                      ) -> dict[str, Any]:
    """Stage 1: extract the articles of one input partition (skipped when its commit marker is there): every
    table but `articles` goes to the final dataset, by publication month (`part-N.parquet`); what the
    driver needs (`FOR_DRIVER`) to `_parts/part-N/`.  `units` are (input_seq, path) pairs; `known`: ids of
    articles kept by earlier partitions (some of them), whose exact copies are not extracted again (those
    it does not name are found by the link pass, with the same dataset)."""
    from warta.jobs.rows import Rows

    st = Stages()
    start = time.perf_counter()
    fs, root = D.filesystem(config["out"])
    where = _part_dir(root, part)
    name = f"part-{part:05d}.parquet"
    done = _begin(fs, root, where, name)
    if done is not None:
        return dict(done, task="extract")
    _pipeline(config, st)
    gc0 = gc_cpu()
    max_bytes = int((config.get("options") or {}).get("max_bytes") or 20_000_000)
    mem = Rows(_article_columns())
    with inputs.known(set(known)) as ids:
        counts, kept = _collect(mem, units, max_bytes, st, ids)
    with st("rows (tables)"):
        tables = _rows(mem, kept["extra"], kept["signatures"])
        months = _months(tables["articles"])
    tables["failures"] = kept["failures"]
    tables["skipped"] = kept["skipped"]
    D.write_json(fs, f"{where}/_STARTED", {"part": part})  # before any file of the final dataset
    for table, rows in tables.items():
        if rows:
            _write_stage1(fs, root, where, name, table, rows, months, mem, st)
    counts["events"] = len(tables["events"])
    st.add("gc (within the above)", 0.0, gc_cpu() - gc0)
    summary = {"part": part, "units": len(units), **counts, "seconds": round(time.perf_counter() - start, 3),
               "worker": f"{os.uname().nodename}:{os.getpid()}"}
    D.write_json(fs, f"{where}/_SUCCESS", summary)
    return dict(summary, skipped=False, task="extract", stages=st.as_dict(), process_cpu=time.process_time(),
                ids=[a["id"] for a in tables["articles"]])


def _write_stage1(fs, root: str, where: str, name: str, table: str, rows: list, months, mem, st: Stages) -> None:
    with st("arrow (rows to columns)"):
        data = D.to_arrow(table, rows, mem.names(table) if table in D.LAYER_TABLES else None)
    if table in FOR_DRIVER:
        with st("write parts (Arrow IPC)"):
            cols = FOR_DRIVER[table]
            D.write_part(fs, f"{where}/{table}{D.PART}", data.select(cols) if cols else data)
    if table == "articles":
        return
    with st("parquet by month"):
        if table in D.MONTHLY:
            _write_by_month(fs, root, name, table, data, months)
        else:
            D.write_table(fs, f"{root}/{table}/{name}", data)


def _article_columns() -> list[str]:
    from warta.jobs.rows import declared_types

    return [c for c, _ in D.columns("articles") if c in declared_types("articles")]


def _rows(mem, extra: dict[str, dict], signatures: dict[str, bytes | None]) -> dict[str, list[dict]]:
    """Every table of the partition (`mem`: `rows.Rows`) as dataset rows (provenance columns added)."""
    articles = mem.articles
    for row in articles:
        row.update(extra[row["id"]])
    out = {"articles": articles}
    for layer in D.LAYER_TABLES:
        out[layer] = mem.layers[layer]
    out["minhashes"] = [{"article_id": a["id"], "num_perm": 128, "signature": signatures[a["id"]]}
                        for a in articles if signatures.get(a["id"])]
    out["sources"] = [{"id": D.stable_id(name), "name": name, "kind": kind} for name, kind in mem.sources.items()]
    return out


def _linked_articles(articles, links: list[dict[str, Any]], counts: dict[str, Any]):
    """The partition's articles without the exact duplicates found across the dataset, with their links
    (`duplicate_of`, `similarity`, `story_id`) set."""
    import pyarrow as pa
    import pyarrow.compute as pc

    info = {r["id"]: r for r in links}
    keep = pa.array([info.get(i, {}).get("keep", True) for i in articles["id"].to_pylist()], pa.bool_())
    counts["exact_duplicates"] = len(keep) - pc.sum(keep).as_py() if len(keep) else 0
    articles = articles.filter(keep)
    ids = articles["id"].to_pylist()
    for col in ("duplicate_of", "similarity", "story_id"):
        values = [info.get(i, {}).get(col) for i in ids]
        idx = articles.schema.get_field_index(col)
        articles = articles.set_column(idx, articles.schema.field(col), pa.array(values, articles[col].type))
    return articles


def _write_by_month(fs, root: str, name: str, table: str, data, months) -> int:
    """Write one table's rows of a partition under `published_month=…/`; returns the rows written.  `months`:
    (kept article ids, their months) as two Arrow arrays; rows of other articles (an exact duplicate's copy
    found in an earlier partition) are left out."""
    import pyarrow.compute as pc

    ids, month_of = months
    key = "id" if table == "articles" else "article_id"
    at = pc.index_in(data[key], value_set=ids)
    if at.null_count:
        data, at = data.filter(pc.is_valid(at)), at.drop_null()
    row_months = month_of.take(at)
    values = pc.unique(row_months).to_pylist()
    for m in sorted(values):
        chunk = data if len(values) == 1 else data.filter(pc.equal(row_months, m))
        D.write_table(fs, f"{root}/{table}/{D.PARTITION}={m}/{name}", chunk)
    return data.num_rows


def _clear(fs, root: str, name: str) -> None:
    """Remove the final files a killed attempt at this partition may have left (`name` in any table).  It
    looks through the whole dataset, so it runs only after an attempt that began writing, not for every
    partition (a job of many partitions would otherwise list a growing dataset once a partition)."""
    for path in fs.glob(f"{root}/*/{D.PARTITION}=*/{name}") + fs.glob(f"{root}/*/{name}"):
        fs.rm(path)


def _drop(fs, root: str, name: str, ids: set[str]) -> int:
    """Remove the rows of the articles `ids` (exact duplicates of articles of earlier partitions) from this
    partition's final tables; returns the events left.  Idempotent (a restarted job may do it again)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    events = 0
    drop = pa.array(sorted(ids), pa.string())
    tables = set(D.LAYER_TABLES + ("minhashes",))
    for path in fs.glob(f"{root}/*/{D.PARTITION}=*/{name}"):
        table = path.rsplit("/", 3)[-3]
        if table in tables:
            data = D.read_file(fs, path)
            keep = pc.invert(pc.is_in(data["article_id"], value_set=drop))
            left = pc.sum(keep).as_py() or 0
            if left == 0:
                fs.rm(path)
            elif left < data.num_rows:
                D.write_table(fs, path, data.filter(keep))
            events += left if table == "events" else 0
    return events


def finalize_partition(config: dict[str, Any], part: int, links: list[dict[str, Any]], events: int = 0
                       ) -> dict[str, Any]:
    """Stage 3 (on the driver, once the partition is linked): its `articles` into the final dataset, by
    publication month, with the links (exact and near duplicates, stories) found across the whole dataset,
    and the rows of its exact duplicates of earlier articles out of the other tables; then its commit marker
    (and nothing is done when the marker is there).  `events`: the events its extraction wrote."""
    import pyarrow as pa

    st = Stages()
    fs, root = D.filesystem(config["out"])
    marker = f"{root}/_commits/part-{part:05d}.json"
    done = D.read_json(fs, marker)
    if done is not None:
        return dict(done, skipped=True, task="finalize")
    name = f"part-{part:05d}.parquet"
    counts = {"part": part, "articles": 0, "events": events, "exact_duplicates": 0}
    path = f"{_part_dir(root, part)}/articles{D.PART}"
    if fs.exists(path):
        with st("final: read parts"):
            articles = D.read_part(fs, path)
        with st("final: links"):
            articles = _linked_articles(articles, links, counts)
            months = (articles["id"].combine_chunks(),
                      pa.array(map(D.month, articles["published"].to_pylist()), pa.string()))
        counts["articles"] = articles.num_rows
        with st("final: parquet by month"):
            for stale in fs.glob(f"{root}/articles/{D.PARTITION}=*/{name}"):
                fs.rm(stale)
            _write_by_month(fs, root, name, "articles", articles, months)
        if counts["exact_duplicates"]:
            with st("final: exact duplicates' rows dropped"):
                counts["events"] = _drop(fs, root, name, {r["id"] for r in links if not r["keep"]})
    D.write_json(fs, marker, counts)
    return dict(counts, skipped=False, task="finalize", stages=st.as_dict())
