"""Back to the laptop: load a job's Parquet dataset into a SQLite store (for `warta serve`, search, queries).

    from warta.store import Store
    from warta.jobs.load import load_dataset, is_dataset
    with Store.open("warta.db") as store:
        summary = load_dataset(store, "dataset/")

Articles are written in the job's input order through `Store.write`, the way an
ingest writes them, with their stored MinHash signatures, so the store links
duplicates and stories itself (the same links as the dataset's).  Rows already in
the store are skipped (idempotent); the dataset's failures are stored as failed.
"""

from __future__ import annotations

import json
import time
from typing import Any

from warta.jobs import dataset as D


def is_dataset(path: str) -> bool:
    """True for the folder of a finished warta job (it holds `_SUCCESS` and `_job.json`)."""
    try:
        fs, root = D.filesystem(str(path))
        return fs.isdir(root) and fs.exists(f"{root}/_job.json") and fs.exists(f"{root}/articles")
    except Exception:  # not a path any file system knows
        return False


def _group(table, key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_pylist():
        row.pop(D.PARTITION, None)
        out.setdefault(row[key], []).append(row)
    return out


def _read_part(fs, root: str, name: str) -> tuple[list[dict], dict[str, dict[str, list[dict]]], dict[str, Any]]:
    """One partition's articles (in input order), layer rows by article id, and MinHash signatures."""
    def read(table: str):
        return [D.read_file(fs, f) for f in fs.glob(f"{root}/{table}/*/{name}")]

    articles = [r for t in read("articles") for r in t.to_pylist()]
    articles.sort(key=lambda r: (r["input_seq"], r["record_seq"]))
    layers = {}
    for layer in D.LAYER_TABLES:
        rows: dict[str, list[dict]] = {}
        for t in read(layer):
            for k, v in _group(t, "article_id").items():
                rows.setdefault(k, []).extend(v)
        layers[layer] = rows
    sigs = {r["article_id"]: r["signature"] for t in read("minhashes") for r in t.to_pylist()}
    return articles, layers, sigs


def _record(a: dict[str, Any], layers: dict[str, dict[str, list[dict]]]) -> dict[str, Any]:
    """The record of one article row, as `Store.write` takes it."""
    record = {k: v for k, v in a.items() if k not in ("duplicate_of", "similarity", "story_id", "status",
                                                        "error", "ingested_at", "source_id", "words")}
    for key in ("authors", "credits", "pipeline", "warnings"):
        record[key] = json.loads(record[key]) if record.get(key) else []
    record["sections"] = json.loads(a["sections"]) if a.get("sections") else []
    record["sentences"] = [{"start": s[0], "end": s[1], "paragraph": s[2], "kind": s[3]}
                           for s in json.loads(a["sentences"] or "[]")]
    for layer in D.LAYER_TABLES:
        items = []
        for row in sorted(layers[layer].get(a["id"], []), key=lambda r: r["idx"]):
            item = dict(row)
            item.update(json.loads(item.pop("extra") or "{}"))  # the store splits it off again
            items.append(item)
        record[layer] = items
    return record


def _load_part(store, fs, root: str, name: str, summary) -> None:
    articles, layers, sigs = _read_part(fs, root, name)
    own = not store.conn.in_transaction
    if own:
        store.conn.execute("BEGIN IMMEDIATE")
    for a in articles:
        outcome = store.write({"status": "ok", "id": a["id"], "source": a["source"], "record": _record(a, layers),
                               "error": None, "signature": sigs.get(a["id"])})
        summary.count(outcome, a["source"], None, a.get("words") or 0)
    for f in fs.glob(f"{root}/failures/{name}"):
        for r in D.read_file(fs, f).to_pylist():
            outcome = store.write({"status": "failed", "id": r["id"], "source": r["source"], "error": r["error"],
                                   "record": {"url": r["url"], "title": r["title"], "published": r["published"]},
                                   "signature": None})
            summary.count(outcome, r["source"], r["error"])
    if own:
        store.conn.execute("COMMIT")


def load_dataset(store, url: str, progress=None):
    """Write every article of the dataset at `url` into `store`; returns a `warta.store.Summary`."""
    from warta.store import Summary

    fs, root = D.filesystem(url)
    if D.read_json(fs, f"{root}/_SUCCESS") is None:
        from warta.errors import StoreError

        raise StoreError(f"{url}: the job has not finished (no _SUCCESS); run it again to complete it, then load")
    summary = Summary()
    start = time.perf_counter()
    parts = sorted({p.rsplit("/", 1)[-1] for p in fs.find(f"{root}/articles") if p.endswith(".parquet")})
    for n, name in enumerate(parts, 1):
        _load_part(store, fs, root, name, summary)
        summary.units = n
        summary.seconds = time.perf_counter() - start
        if progress:
            progress(n, len(parts), summary)
    summary.seconds = time.perf_counter() - start
    return summary
