"""The extraction side of an ingest: units in, plain result dicts out, through the library's one loop.

`warta.readers.iter_units(paths)` walks the inputs lazily (a file is one unit, a JSON Lines dump one unit
per line, streamed).  `process(unit)` runs in a worker (or in-process for one job): `warta.api.run_unit`
reads the unit, skips an article the store already holds (a re-run costs only reading), runs the pipeline
within the article's time budget, and each outcome becomes a dict the single writer (`Store`) can store.
Nothing raised by one unit or article escapes: it comes back as a failed result with its reason, and
with `unit` set so that a later success clears it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from warta.readers import Unit, count_units, iter_units  # noqa: F401  (re-exported for the store)
from warta.record import Article, content_id

_state: dict[str, Any] = {}


# -- worker state ----------------------------------------------------------------
def preload(components: list[str] | None, options: dict[str, Any]) -> None:
    """Build and warm the pipeline here, before worker processes are forked: they then share its memory
    (copy on write; `gc.freeze` keeps the collector from touching it) and skip the start-up.  The MinHash
    permutations and the readers are made ready here too, for the same reason."""
    import gc

    from warta.store import dedup

    _build(components, options)
    dedup.signature("warta siap")
    gc.collect()
    gc.freeze()


def _build(components: list[str] | None, options: dict[str, Any]) -> None:
    from warta.api import make_pipeline, warm_up

    key = repr((components, sorted(options.items())))
    if _state.get("key") == key and _state.get("pipeline") is not None:
        return  # built before the fork (`preload`)
    _state["init_error"] = None
    _state["pipeline"] = None
    try:
        pipeline = make_pipeline(components, options)
        warm_up(pipeline)
        _state["pipeline"] = _Timed(pipeline)
        _state["key"] = key
    except Exception as exc:  # a failing initializer would make the pool respawn workers for ever
        _state["init_error"] = exc


class _Timed:
    """The pipeline, adding up the CPU seconds spent in it (`cpu`): a result's `extract` share."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.cpu = 0.0

    def __call__(self, article: Article) -> Article:
        started = time.process_time()
        try:
            return self.pipeline(article)
        finally:
            self.cpu += time.process_time() - started

    def __getattr__(self, name: str):
        return getattr(self.pipeline, name)


def init(components: list[str] | None, options: dict[str, Any], db_path: str | None) -> None:
    """Build the pipeline (loading any model) once per worker, unless it was built before the fork;
    open the store read-only."""
    _build(components, options)
    _state["db"] = None
    if _state["init_error"] is not None:
        return
    if db_path:
        try:
            uri = Path(db_path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            _state["db"] = conn
        except sqlite3.Error:
            _state["db"] = None


def close() -> None:
    """Close the read-only connection and drop the pipeline (in-process runs)."""
    conn = _state.pop("db", None)
    if conn is not None:
        conn.close()
    _state.pop("pipeline", None)
    _state.pop("key", None)
    import gc

    gc.unfreeze()


def _known(article: Article) -> bool:
    conn = _state.get("db")
    if conn is None:
        return False
    try:
        row = conn.execute("SELECT status FROM articles WHERE id = ?", (article.id,)).fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == "ok"


def input_id(source: str) -> str:
    """The id of the failed row of an input (or JSON Lines line) that could not be read."""
    return content_id("\x00input\x00" + source)


def failed_input(source: str, error: BaseException, unit: str | None = None) -> dict[str, Any]:
    return {"status": "failed", "id": input_id(source), "source": source, "unit": unit or source,
            "record": None, "error": str(error), "signature": None}


def failed_article(article: Article, error: str, unit: str) -> dict[str, Any]:
    return {"status": "failed", "id": article.id, "source": article.source, "unit": unit, "error": error,
            "record": {k: v for k, v in article.to_dict().items() if k not in Article.LAYERS}, "signature": None}


def _pipeline():
    """The worker's pipeline; raises if it could not be built, which stops the run."""
    error = _state.get("init_error")
    if error is not None:
        from warta.errors import ModelError, OptionsError, PipelineError, StoreError

        if isinstance(error, (PipelineError, ModelError, OptionsError)):
            raise type(error)(str(error))
        raise StoreError(f"the pipeline could not be built: {type(error).__name__}: {error}")
    return _state["pipeline"]


def _ok(article: Article, unit: str) -> dict[str, Any]:
    from warta.store.dedup import signature

    return {"status": "ok", "id": article.id, "source": article.source, "unit": unit,
            "record": article.to_dict(), "error": None, "signature": signature(article.text)}


def process_article(article: Article, unit: str | None = None) -> dict[str, Any]:
    """The result for one article already read (a web archive's record, a remote file's article)."""
    from warta.api import process as run
    from warta.errors import WartaError

    unit = unit or article.source or article.id
    pipeline = _pipeline()
    try:
        return _ok(run(article, pipeline), unit)
    except WartaError as exc:
        return failed_article(article, str(exc), unit)


def process(unit: Unit) -> list[dict[str, Any]]:
    """Results for every article in one unit (never raises for a bad input or article; raises if the
    pipeline could not be built, which stops the run).

    The first result carries `cpu`: this unit's CPU seconds by stage (`read`: reading and the
    already-stored check; `extract`: the pipeline; `record`: the record dict and its MinHash signature)
    and `process`, this worker's CPU seconds so far (`pid`): the ingest adds them up (`Summary.cpu`)."""
    from warta.api import run_unit

    started = time.process_time()
    pipeline = _pipeline()
    extracted = pipeline.cpu
    outcomes = run_unit(unit, pipeline, skip=_known)
    ran = time.process_time()
    out = []
    for o in outcomes:
        if o.status == "skipped":
            out.append({"status": "exists", "id": o.article.id, "source": o.source, "unit": unit.source})
        elif o.status == "ok":
            out.append(_ok(o.article, unit.source))
        elif o.article is None:
            out.append(failed_input(o.source, o.error, unit.source))
        else:
            out.append(failed_article(o.article, str(o.error), unit.source))
    if out:
        done = time.process_time()
        extract = pipeline.cpu - extracted
        out[0]["cpu"] = {"read": ran - started - extract, "extract": extract, "record": done - ran,
                         "pid": os.getpid(), "process": done}
    return out


def process_units(units: list[Unit]) -> list[list[dict[str, Any]]]:
    """`process` of each unit (one task of an ingest's pool: a few units at a time, fewer round trips)."""
    return [process(unit) for unit in units]
