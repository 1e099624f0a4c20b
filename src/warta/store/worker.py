"""The extraction side of an ingest: lazy tasks in, plain result dicts out.

`iter_tasks(paths)` walks the inputs lazily: a file is one task (a page, a text,
a feed), a JSON Lines dump is one task per line, streamed, so a large dump is
never held in memory.  `process(task)` runs in a worker (or in-process for one
job): it reads the task's article(s), skips one the store already holds (a
re-run or a resumed run costs only reading), runs the pipeline, and returns for
each article a dict the single writer (`Store`) can store.  Nothing raised by
one article escapes: it comes back as a failed result with its reason.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from warta.errors import InputError, WartaError, input_error
from warta.record import Article, content_id

JSONL_SUFFIXES = {".jsonl", ".ndjson"}

Task = tuple  # ("file", path, max_bytes) | ("line", source, number, line)

_state: dict[str, Any] = {}


# -- tasks ---------------------------------------------------------------------
def _is_jsonl(path: str) -> bool:
    p = Path(path)
    if p.suffix.lower() in JSONL_SUFFIXES:
        return True
    if p.suffix.lower() not in {".json", ""}:
        return False
    try:
        with open(p, "rb") as f:
            head = f.read(4096).lstrip()
    except OSError:
        return False
    first = head.split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"text"' in first


def iter_tasks(paths: Iterable[str | os.PathLike], max_bytes: int) -> Iterator[Task]:
    from warta.readers import expand

    for name in expand(paths):
        if name != "-" and Path(name).is_file() and _is_jsonl(name):
            with open(name, "rb") as f:
                for number, raw in enumerate(f, 1):
                    if raw.strip():
                        yield ("line", name, number, raw)
        else:
            yield ("file", name, max_bytes)


def count_units(paths: Iterable[str | os.PathLike]) -> int:
    """How many tasks `iter_tasks` will yield (counts dump lines without parsing them)."""
    from warta.readers import expand

    total = 0
    for name in expand(paths):
        if name != "-" and Path(name).is_file() and _is_jsonl(name):
            with open(name, "rb") as f:
                total += sum(1 for raw in f if raw.strip())
        else:
            total += 1
    return total


# -- worker state ----------------------------------------------------------------
def init(components: list[str] | None, options: dict[str, Any], db_path: str | None) -> None:
    """Build the pipeline (loading any model) once per worker; open the store read-only."""
    from warta.api import make_pipeline

    _state["init_error"] = None
    _state["db"] = None
    try:
        _state["pipeline"] = make_pipeline(components, options)
    except Exception as exc:  # a failing initializer would make the Pool respawn workers for ever
        _state["init_error"] = exc
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


def _known(article_id: str) -> bool:
    conn = _state.get("db")
    if conn is None:
        return False
    try:
        row = conn.execute("SELECT status FROM articles WHERE id = ?", (article_id,)).fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == "ok"


def failed_input(source: str, error: BaseException) -> dict[str, Any]:
    return {"status": "failed", "id": content_id("\x00input\x00" + source), "source": source,
            "record": None, "error": str(error), "signature": None}


def _read(task: Task) -> list[Article]:
    from warta.readers import read_path
    from warta.readers.jsonl import read_line

    if task[0] == "file":
        return read_path(task[1], task[2])
    _, source, number, raw = task
    article = read_line(raw, source, number)
    if not article.text.strip():
        raise input_error(f"{source}#{number}", "no_text")
    return [article]


def process_article(article: Article) -> dict[str, Any]:
    from warta.store.dedup import signature

    if _known(article.id):
        return {"status": "exists", "id": article.id, "source": article.source}
    try:
        article = _state["pipeline"](article)
    except WartaError as exc:
        return {"status": "failed", "id": article.id, "source": article.source, "error": str(exc),
                "record": {k: v for k, v in article.to_dict().items() if k not in Article.LAYERS},
                "signature": None}
    return {"status": "ok", "id": article.id, "source": article.source, "record": article.to_dict(),
            "error": None, "signature": signature(article.text)}


def process(task: Task) -> list[dict[str, Any]]:
    """Results for every article in one task (never raises for a bad input; raises if the pipeline could
    not be built, which stops the run)."""
    error = _state.get("init_error")
    if error is not None:
        from warta.errors import ModelError, OptionsError, PipelineError, StoreError

        if isinstance(error, (PipelineError, ModelError, OptionsError)):
            raise type(error)(str(error))
        raise StoreError(f"the pipeline could not be built: {type(error).__name__}: {error}")
    source = task[1] if task[0] == "file" else f"{task[1]}#{task[2]}"
    try:
        articles = _read(task)
    except InputError as exc:
        return [failed_input(exc.source or source, exc)]
    except OSError as exc:
        return [failed_input(source, InputError(source, f"could not be read: {exc.strerror or exc}"))]
    except Exception as exc:  # a reader bug must not stop a corpus run
        return [failed_input(source, InputError(source, f"reader failed: {type(exc).__name__}: {exc}"))]
    out = []
    for article in articles:
        try:
            out.append(process_article(article))
        except Exception as exc:  # anything else: record it, keep going
            out.append({"status": "failed", "id": article.id, "source": article.source,
                        "error": f"{type(exc).__name__}: {exc}",
                        "record": {k: v for k, v in article.to_dict().items() if k not in Article.LAYERS},
                        "signature": None})
    return out
