"""The `Store`: an embedded SQLite database of articles and everything found in them.

    from warta.store import Store
    with Store.open("warta.db") as store:
        summary = store.ingest(["news/"], jobs=4)
        for hit in store.search("rudal balistik"):
            print(hit["title"], hit["snippet"])
        for row in store.events(type="CONSULT", country="RUS"):
            ...

One process writes (the one that holds the `Store`); extraction runs in a pool
of workers that each build the pipeline once.  Work is committed in batches
(`batch_size` articles a transaction, WAL journal), so a run killed at any point
loses at most the batch in flight, and a re-run skips what is already stored.

Duplicates and stories
----------------------
* exact duplicate: same content hash (`Article.id`) → not stored again.
* near-duplicate: estimated Jaccard ≥ 0.8 over word 5-shingles with an earlier
  article (MinHash/LSH, `warta.store.dedup`) → stored, with `duplicate_of` set to
  the earliest copy, so it counts once in `num_distinct_articles` and is left out
  of search and query results unless asked for.
* story: a near-duplicate joins its original's story; otherwise an article joins
  the story of an earlier article with Jaccard ≥ 0.3 (story LSH bands), else of an
  earlier article that reports an event with the same key (type, source country,
  target country, date; at least one country and the date known); otherwise it
  starts its own story (`story_id` = its own id).
* event groups: the `event_groups` view merges events by (type, source_country,
  target_country, date, cameo) with GDELT-style num_mentions, num_sources,
  num_articles (plus num_distinct_articles, which counts near-duplicates once).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import itertools
import json
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from warta.errors import StoreError
from warta.options import Options
from warta.record import Article
from warta.store import dedup, schema

LAYERS = ("entities", "actors", "quotes", "dates", "quantities", "places", "events")
ARTICLE_JSON = ("authors", "credits", "pipeline", "warnings", "sections")
QUERY_TABLES = ("events", "event_groups", "quotes", "actors", "articles", "entities", "dates", "quantities", "places")


@dataclass
class Summary:
    """What an ingest did."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    words: int = 0
    units: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason), first 100
    #: CPU seconds by stage: read, extract, record (in the workers), write (the store's writer), and the
    #: whole CPU of this process (`main`) and of the workers (`workers`, 0 when they are this process)
    cpu: dict[str, float] = field(default_factory=dict)
    _workers: dict[int, float] = field(default_factory=dict, repr=False)

    def add_cpu(self, stage: str, seconds: float) -> None:
        self.cpu[stage] = self.cpu.get(stage, 0.0) + seconds

    def add_worker_cpu(self, results: list[dict[str, Any]]) -> None:
        """Add one unit's CPU seconds by stage and its worker's CPU so far (the `cpu` that `worker.process`
        puts in the unit's first result, taken out here)."""
        cpu = results[0].pop("cpu", None) if results else None
        if not cpu:
            return
        for stage in ("read", "extract", "record"):
            self.add_cpu(stage, cpu.get(stage, 0.0))
        if cpu.get("pid") != os.getpid():
            self._workers[cpu["pid"]] = max(self._workers.get(cpu["pid"], 0.0), cpu.get("process", 0.0))
            self.cpu["workers"] = sum(self._workers.values())

    def count(self, status: str, source: str | None = None, error: str | None = None, words: int = 0) -> None:
        self.read += 1
        self.words += words
        if status == "new":
            self.new += 1
        elif status == "near-duplicate":
            self.new += 1
            self.near_duplicates += 1
        elif status == "duplicate":
            self.duplicates += 1
        elif status == "failed":
            self.failed += 1
            if len(self.errors) < 100:
                self.errors.append((source or "?", error or ""))

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("_workers")
        d["cpu"] = {k: round(v, 3) for k, v in self.cpu.items()}
        d["articles_per_second"] = round(self.articles_per_second, 2)
        return d


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


#: the types SQLite takes as they are (`_json` turns the others into JSON text or 0/1)
_CELLS = frozenset({str, int, float, type(None), bytes})


def _json(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _store_error(path: str, exc: sqlite3.Error) -> StoreError:
    message = str(exc)
    low = message.lower()
    if "locked" in low or "busy" in low:
        return StoreError(f"{path}: the database is locked by another process (another `warta ingest`?); "
                          "wait for it to finish, or use another --db")
    if "disk is full" in low or "disk full" in low:
        return StoreError(f"{path}: the disk is full; free some space and run again (stored work is kept)")
    if "not a database" in low or "malformed" in low:
        return StoreError(f"{path}: not a SQLite database, or a damaged one; give a warta store (--db)")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: the database is read-only; check the file's permissions")
    if "unable to open" in low:
        return StoreError(f"{path}: cannot open the database; check that the folder exists and is writable")
    return StoreError(f"{path}: {message}")


#: an article's date in listings: its publication day, else its reference date (YYYY-MM-DD)
PUBLISHED = "substr(coalesce(a.published, a.reference_date), 1, 10)"


def like_pattern(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching `text` literally anywhere: `%`, `_` and `\\` lose their meaning."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def actor_names(actor: str) -> list[str]:
    """`actor` and, when it names a well-known person (lexicons/people.yaml), all that person's names."""
    from warta import lexicons

    key = " ".join(actor.casefold().split())
    for person in lexicons.load("people").get("people") or []:
        names = [person["name"], *(person.get("aliases") or [])]
        if key in {" ".join(n.casefold().split()) for n in names}:
            return [actor] + [n for n in names if n.casefold() != actor.casefold()]
    return [actor]


def _actor_filter(actor: str, table: str) -> tuple[str, list[Any]]:
    """The condition of an actor filter over `table` (`t`): a literal substring of the actor's names,
    of a well-known person's other names, or of the stored aliases."""
    ors: list[str] = []
    params: list[Any] = []
    for like in (like_pattern(n) for n in actor_names(actor)):
        if table == "events":
            ors.append("t.source_name LIKE ? ESCAPE '\\' OR t.target_name LIKE ? ESCAPE '\\' "
                       "OR t.source_text LIKE ? ESCAPE '\\' OR t.target_text LIKE ? ESCAPE '\\' "
                       "OR EXISTS (SELECT 1 FROM actors x WHERE x.article_id = t.article_id "
                       "AND x.id IN (t.source, t.target) AND x.aliases LIKE ? ESCAPE '\\')")
            params += [like] * 5
        elif table == "quotes":
            ors.append("t.speaker_name LIKE ? ESCAPE '\\' OR t.speaker_text LIKE ? ESCAPE '\\' "
                       "OR EXISTS (SELECT 1 FROM actors x WHERE x.article_id = t.article_id "
                       "AND x.id = t.speaker AND x.aliases LIKE ? ESCAPE '\\')")
            params += [like] * 3
        else:
            ors.append("t.name LIKE ? ESCAPE '\\' OR t.aliases LIKE ? ESCAPE '\\'")
            params += [like] * 2
    return "(" + " OR ".join(ors) + ")", params


class _StopIngest(Exception):
    """`strict`: the first failed unit ends the ingest."""


_END = object()  # the end of the units

#: the writer's page cache during an ingest (KiB, as PRAGMA cache_size takes it when negative): the LSH band
#: and layer indexes of a store of 10,000 articles are ~40 MB, and SQLite's default cache is 2 MB
INGEST_CACHE_KIB = -32768

#: a unit whose worker died is retried alone this many times before it is stored as failed
WORKER_RETRIES = 1


def _pool_maker(jobs: int, initargs: tuple, summary: Summary) -> tuple[Callable, bool]:
    """(a function making a pool of `jobs` workers, whether the pipeline was built here before forking)."""
    from concurrent.futures import ProcessPoolExecutor

    from warta.store import worker

    ctx = multiprocessing.get_context("spawn" if os.name != "posix" else "fork")
    preloaded = ctx.get_start_method() == "fork"
    if preloaded:
        started = time.process_time()
        worker.preload(*initargs[:2])  # one pipeline, built before forking, shared by the workers
        summary.add_cpu("start", time.process_time() - started)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=worker.init, initargs=initargs)

    return new_pool, preloaded


def _run_pool(jobs: int, chunksize: int, units: Iterator, initargs: tuple, take: Callable,
              summary: Summary) -> None:
    """Run `worker.process` over `units` in `jobs` processes, handing each unit's results to `take`.

    Units go to the workers `chunksize` at a time (one task), at most two tasks a worker in flight.
    When a worker dies (`BrokenProcessPool`: killed by the OOM killer or a signal), the pool is rebuilt
    and each unit that was in flight is run again alone; one that kills its worker again is reported
    as failed and the run goes on."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    from warta.store import worker

    new_pool, preloaded = _pool_maker(jobs, initargs, summary)
    pool = new_pool()
    inflight: dict = {}  # future -> its units
    suspects: list = []
    it = iter(units)
    exhausted = False
    try:
        while True:
            if suspects and not inflight:
                pool = _run_suspects(pool, new_pool, suspects, take)
            while not exhausted and len(inflight) < 2 * jobs:
                chunk = list(itertools.islice(it, max(1, chunksize)))
                exhausted = len(chunk) < max(1, chunksize)
                if chunk:
                    inflight[pool.submit(worker.process_units, chunk)] = chunk
            if not inflight:
                if exhausted and not suspects:
                    return
                continue
            finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                chunk = inflight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    suspects.extend((unit, 0) for unit in chunk)
                    continue
                for unit_results in results:
                    take(unit_results)
            if broken:
                suspects.extend((unit, 0) for chunk in inflight.values() for unit in chunk)
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if preloaded:
            worker.close()


def _run_suspects(pool, new_pool: Callable, suspects: list, take: Callable):
    """After a worker died: run the units that were in flight one at a time, to find the culprit; one
    that kills its worker again (after WORKER_RETRIES) is reported as failed.  Returns the live pool."""
    from concurrent.futures.process import BrokenProcessPool

    from warta.store import worker

    while suspects:
        unit, tries = suspects.pop(0)
        future = pool.submit(worker.process, unit)
        try:
            take(future.result())
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            if tries >= WORKER_RETRIES:
                take([worker.failed_input(unit.source, Exception(
                    "the worker process died while processing it (killed, or out of memory)"))])
            else:
                suspects.append((unit, tries + 1))
    return pool


def _plain_options(options: Options | dict[str, Any] | None) -> dict[str, Any]:
    """`options` as a plain dict (what worker processes are given), checked (a bad option fails here)."""
    if isinstance(options, Options):
        options = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    options = dict(options or {})
    Options.build(options)
    return options


def _run_units(jobs: int, chunksize: int, units: Iterator, initargs: tuple, take: Callable,
               summary: Summary) -> None:
    """`worker.process` over `units`, in this process (jobs == 1) or in a pool of `jobs` processes."""
    from warta.store import worker

    if jobs > 1:
        _run_pool(jobs, chunksize, units, initargs, take, summary)
        return
    started = time.process_time()
    worker.init(*initargs)
    summary.add_cpu("start", time.process_time() - started)
    try:
        for unit in units:
            take(worker.process(unit))
    finally:
        worker.close()


class Store:
    """A warta article store in one SQLite file (WAL mode)."""

    def __init__(self, path: str | os.PathLike = "warta.db", *, migrate: bool = True, timeout: float = 10.0):
        self.path = str(path)
        existed = self.path != ":memory:" and Path(self.path).exists() and Path(self.path).stat().st_size > 0
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a directory; give a database file (--db)")
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            if existed:
                self._check_warta()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if migrate:
                self.migrate()
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None
        self._columns: dict[str, list[str]] = {}
        self._in_batch = False

    @classmethod
    def open(cls, path: str | os.PathLike = "warta.db", **kwargs: Any) -> "Store":
        return cls(path, **kwargs)

    @classmethod
    def open_readonly(cls, path: str | os.PathLike) -> "Store":
        """Open an existing store for reading only (`mode=ro`; also `immutable=1` when the file or its folder is
        read-only, so no lock or -shm file is needed).  Never sets the journal mode, never migrates, never
        writes; `PRAGMA query_only` refuses any write that is tried."""
        store = cls.__new__(cls)
        store.path = str(path)
        resolved = Path(path).resolve()
        immutable = not (os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK))
        uri = resolved.as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
        try:
            store.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            store.conn.row_factory = sqlite3.Row
            store.conn.execute("PRAGMA query_only = ON")
            store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise _store_error(store.path, exc) from None
        store._columns = {}
        store._in_batch = False
        return store

    def _check_warta(self) -> None:
        app = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app == schema.APPLICATION_ID or (not tables - {"migrations", "meta"}):
            return
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
            if row and row[0] == "warta":
                return
        raise StoreError(f"{self.path}: a SQLite database, but not a warta store (tables: "
                         f"{', '.join(sorted(tables)[:6])}); give another --db")

    def migrate(self) -> list[str]:
        """Apply pending schema migrations; returns their names (none when up to date)."""
        try:
            return schema.migrate(self.conn)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def close(self) -> None:
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
            self.conn.close()
            self.conn = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------
    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        return self._columns[table]

    def _source_id(self, record: dict[str, Any]) -> int | None:
        name, kind = None, None
        if record.get("outlet"):
            name, kind = record["outlet"], "outlet"
        elif record.get("url"):
            host = urlparse(record["url"]).netloc.lower()
            name, kind = (host[4:] if host.startswith("www.") else host) or None, "domain"
        if not name and record.get("source"):
            src = str(record["source"])
            if src.startswith(("http://", "https://")):
                host = urlparse(src).netloc.lower()
                name, kind = (host[4:] if host.startswith("www.") else host), "domain"
            else:
                name, kind = src.split("#", 1)[0], "file"
        if not name:
            return None
        self.conn.execute("INSERT OR IGNORE INTO sources(name, kind) VALUES (?, ?)", (name, kind))
        return self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0]

    def _similar(self, sig: bytes, kind: int, exclude: str, candidates: int = 20) -> tuple[str, float] | None:
        """The earlier article most similar to `sig` above the kind's threshold: (id to link to, similarity).

        LSH candidates are the articles sharing a band key, most shared bands first (at most `candidates`),
        then confirmed with the estimated Jaccard similarity of the stored signatures."""
        keys = dedup.band_keys(sig, kind)
        values = ", ".join("(?, ?)" for _ in keys)
        params: list[Any] = [x for pair in keys for x in pair] + [kind, exclude, candidates]
        rows = self.conn.execute(
            f"WITH q(band, key) AS (VALUES {values}), "
            "c AS (SELECT l.article_id, count(*) AS shared FROM q JOIN lsh_bands l "
            "      ON l.kind = ? AND l.band = q.band AND l.key = q.key AND l.article_id != ? "
            "      GROUP BY l.article_id ORDER BY shared DESC LIMIT ?) "
            "SELECT c.article_id, m.signature, a.pk, a.duplicate_of, a.story_id FROM c "
            "JOIN minhashes m ON m.article_id = c.article_id JOIN articles a ON a.id = c.article_id "
            "WHERE a.status = 'ok'", params).fetchall()
        best = None
        for row in rows:
            score = dedup.similarity(sig, row["signature"])
            if score >= dedup.THRESHOLDS[kind] and (best is None or (score, -row["pk"]) > (best[0], -best[1]["pk"])):
                best = (score, row)
        if best is None:
            return None
        score, row = best
        if kind == 0:
            return (row["duplicate_of"] or row["article_id"]), score
        return (row["story_id"] or row["article_id"]), score

    def _story_by_events(self, record: dict[str, Any]) -> str | None:
        for e in record.get("events") or []:
            if not e.get("type") or not e.get("date") or not (e.get("source_country") or e.get("target_country")):
                continue
            row = self.conn.execute(
                "SELECT a.story_id FROM events e JOIN articles a ON a.id = e.article_id "
                "WHERE e.type = ? AND e.source_country IS ? AND e.target_country IS ? AND e.date = ? "
                "AND a.status = 'ok' AND a.story_id IS NOT NULL ORDER BY a.pk LIMIT 1",
                (e["type"], e.get("source_country"), e.get("target_country"), e["date"])).fetchone()
            if row:
                return row[0]
        return None

    def _insert_article(self, record: dict[str, Any], status: str, error: str | None, duplicate_of: str | None,
                        similarity: float | None, story_id: str | None) -> None:
        cols = self.columns("articles")
        row = {k: _json(record.get(k)) for k in cols if k in record and k not in ("sentences",)}
        row.update(id=record["id"], status=status, error=error, ingested_at=_now(), duplicate_of=duplicate_of,
                   similarity=similarity, story_id=story_id, source_id=self._source_id(record),
                   words=len((record.get("text") or "").split()) or None)
        if record.get("sentences"):
            row["sentences"] = json.dumps([[s["start"], s["end"], s.get("paragraph", 0), s.get("kind", "body")]
                                           for s in record["sentences"]])
        names = list(row)
        self.conn.execute(f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                          [row[n] for n in names])

    def _layer_sql(self, layer: str) -> tuple[list[str], frozenset[str], str]:
        """A layer table's columns (pk left out), as a set, and its INSERT statement (built once)."""
        key = "\0insert " + layer
        if key not in self._columns:
            cols = [c for c in self.columns(layer) if c != "pk"]
            quoted = ", ".join(f'"{c}"' for c in cols)
            self._columns[key] = [cols, frozenset(cols),
                                  f"INSERT OR IGNORE INTO {layer} ({quoted}) VALUES ({', '.join('?' * len(cols))})"]
        return tuple(self._columns[key])  # type: ignore[return-value]

    def _insert_layers(self, record: dict[str, Any]) -> None:
        actors = {a.get("id"): a for a in record.get("actors") or []}
        article_id = record["id"]
        for layer in LAYERS:
            items = record.get(layer)
            if not items:
                continue
            cols, known, sql = self._layer_sql(layer)
            rows = []
            for idx, item in enumerate(items):
                item = dict(item)
                if layer == "events":
                    for side in ("source", "target"):
                        actor = actors.get(item.get(side))
                        item[f"{side}_name"] = (actor or {}).get("name") or item.get(f"{side}_text")
                elif layer == "quotes":
                    actor = actors.get(item.get("speaker"))
                    item["speaker_name"] = (actor or {}).get("name") or item.get("speaker_text")
                    item["speaker_country"] = (actor or {}).get("country")
                extra = {k: v for k, v in item.items() if k not in known}
                item.update(article_id=article_id, idx=idx, extra=json.dumps(extra, ensure_ascii=False)
                            if extra else None)
                rows.append([v if type(v) in _CELLS else _json(v) for v in map(item.get, cols)])
            self.conn.executemany(sql, rows)

    def write(self, result: dict[str, Any]) -> str:
        """Store one worker result; returns 'new', 'near-duplicate', 'duplicate' or 'failed'."""
        try:
            return self._write(result)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def _write(self, result: dict[str, Any]) -> str:
        status = result["status"]
        if status == "exists":
            return "duplicate"
        record = dict(result.get("record") or {})
        record.setdefault("id", result["id"])
        record.setdefault("source", result.get("source"))
        own = not self.conn.in_transaction
        if own:
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT status FROM articles WHERE id = ?", (record["id"],)).fetchone()
            if row is not None:
                if row[0] == "ok" or status == "failed":
                    outcome = "duplicate" if status == "ok" else "failed"
                    if own:
                        self.conn.execute("COMMIT")
                    return outcome
                self.conn.execute("DELETE FROM articles WHERE id = ?", (record["id"],))  # failed before, ok now
            if status == "ok" and result.get("unit"):  # the unit failed before (other content, unreadable)
                from warta.store.worker import input_id

                self.conn.execute("DELETE FROM articles WHERE status = 'failed' AND id != ? AND (id = ? OR source = ?)",
                                  (record["id"], input_id(result["unit"]), result["unit"]))
            if status == "failed":
                self._insert_article(record, "failed", result.get("error") or "unknown error", None, None, None)
                outcome = "failed"
            else:
                sig = result.get("signature")
                duplicate_of = story_id = similarity = None
                if sig:
                    found = self._similar(sig, 0, record["id"])
                    if found:
                        duplicate_of, similarity = found
                        story_id = self.conn.execute("SELECT story_id FROM articles WHERE id = ?",
                                                     (duplicate_of,)).fetchone()[0]
                    else:
                        found = self._similar(sig, 1, record["id"])
                        if found:
                            story_id, similarity = found
                story_id = story_id or self._story_by_events(record) or record["id"]
                self._insert_article(record, "ok", None, duplicate_of, similarity, story_id)
                self._insert_layers(record)
                if sig:
                    self.conn.execute("INSERT OR REPLACE INTO minhashes(article_id, num_perm, signature) "
                                      "VALUES (?, ?, ?)", (record["id"], dedup.NUM_PERM, sig))
                    self.conn.executemany(
                        "INSERT OR IGNORE INTO lsh_bands(kind, band, key, article_id) VALUES (?, ?, ?, ?)",
                        sorted((kind, b, k, record["id"]) for kind in (0, 1) for b, k in dedup.band_keys(sig, kind)))
                outcome = "near-duplicate" if duplicate_of else "new"
            if own:
                self.conn.execute("COMMIT")
            return outcome
        except BaseException:
            if own and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def add(self, article: Article) -> str:
        """Store one processed Article; returns 'new', 'near-duplicate', 'duplicate' or 'failed'."""
        record = article.to_dict()
        return self.write({"status": "ok", "id": article.id, "source": article.source, "record": record,
                           "error": None, "signature": dedup.signature(article.text)})

    def add_failed(self, source: str, reason: str, article: Article | None = None) -> str:
        """Record an input or article that could not be processed."""
        from warta.store.worker import failed_input

        if article is None:
            return self.write(failed_input(source, Exception(reason)) | {"error": reason})
        record = {k: v for k, v in article.to_dict().items() if k not in Article.LAYERS}
        return self.write({"status": "failed", "id": article.id, "source": source, "record": record,
                           "error": reason, "signature": None})

    # -- ingest -----------------------------------------------------------------
    def ingest(self, paths: Iterable[str | os.PathLike], jobs: int | None = None,
               components: list[str] | None = None, options: Options | dict[str, Any] | None = None,
               batch_size: int = 50, chunksize: int = 4,
               progress: Callable[[int, int | None, Summary], None] | None = None,
               count_first: bool = True, strict: bool = False) -> Summary:
        """Read, extract and store every article under `paths`; returns a Summary.

        `jobs` worker processes (default: every core) each build the pipeline once;
        `progress(done_units, total_units, summary)` is called after each input unit
        (a file or a JSON Lines line).  Results are written `batch_size` at a time (or
        after a second) in one short write transaction, never held open while articles
        are extracted, so concurrent ingests into the same store take turns.  A worker
        that dies (killed, out of memory) fails the unit it was processing, and the pool
        is rebuilt.  `strict`: stop after the first failed unit.
        """
        from warta.store import worker

        paths = [str(p) for p in paths]
        jobs = max(1, jobs or os.cpu_count() or 1)
        options = _plain_options(options)
        max_bytes = int(options.get("max_bytes") or 20_000_000)
        total = worker.count_units(paths) if count_first else None
        summary = Summary()
        start = time.perf_counter()
        units = worker.iter_units(paths, max_bytes)
        db = None if self.path == ":memory:" else self.path
        pending: list[dict[str, Any]] = []
        first_pending = [0.0]
        done = 0

        def flush() -> None:
            if pending:
                self._write_batch(pending, summary)
                pending.clear()

        def take(results: list[dict[str, Any]]) -> None:
            nonlocal done
            done += 1
            summary.add_worker_cpu(results)
            if not pending:
                first_pending[0] = time.monotonic()
            pending.extend(results)
            if len(pending) >= batch_size or time.monotonic() - first_pending[0] > 1.0:
                flush()
            summary.units = done
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(done, total, summary)
            if strict and any(r["status"] == "failed" for r in results):
                raise _StopIngest()

        with self._ingesting(summary):
            try:
                _run_units(jobs, chunksize, units, (components, options, db), take, summary)
            except _StopIngest:
                pass
            finally:
                flush()
        summary.seconds = time.perf_counter() - start
        return summary

    @contextlib.contextmanager
    def _ingesting(self, summary: Summary) -> Iterator[None]:
        """The writer's page cache at INGEST_CACHE_KIB while an ingest runs, then as it was; this process's
        CPU seconds meanwhile go to `summary.cpu["main"]`."""
        started = time.process_time()
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {INGEST_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {cache}")
            summary.cpu["main"] = time.process_time() - started

    def _write_batch(self, results: list[dict[str, Any]], summary: Summary) -> None:
        """Write results in one short transaction (retried with backoff while another writer holds the
        store); a result that cannot be stored becomes a failed row with the reason."""
        def write_all() -> list[str]:
            outcomes = []
            for result in results:
                try:
                    outcomes.append(self._write_one(result))
                except sqlite3.OperationalError:
                    raise
                except (sqlite3.Error, TypeError, ValueError, KeyError, OverflowError) as exc:
                    source = str(result.get("source") or result.get("unit") or "?")
                    from warta.store.worker import failed_input

                    reason = f"could not be stored: {type(exc).__name__}: {exc}"
                    result.clear()
                    result.update(failed_input(source, Exception(reason)))
                    outcomes.append(self._write_one(result))
            return outcomes

        started = time.process_time()
        outcomes = self._retrying(write_all)
        summary.add_cpu("write", time.process_time() - started)
        for result, outcome in zip(results, outcomes):
            words = len(((result.get("record") or {}).get("text") or "").split()) if result["status"] == "ok" else 0
            summary.count(outcome, result.get("source"), result.get("error"), words)

    def _write_one(self, result: dict[str, Any]) -> str:
        self.conn.execute("SAVEPOINT one")
        try:
            outcome = self._write(result)
        except BaseException:
            self.conn.execute("ROLLBACK TO one")
            self.conn.execute("RELEASE one")
            raise
        self.conn.execute("RELEASE one")
        return outcome

    def _retrying(self, work: Callable[[], Any], attempts: int = 8) -> Any:
        """`work()` inside BEGIN IMMEDIATE … COMMIT; on "database is locked" (after busy_timeout) roll back
        and try again with exponential backoff."""
        delay = 0.2
        for attempt in range(attempts):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    value = work()
                    self.conn.execute("COMMIT")
                    return value
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as exc:
                low = str(exc).lower()
                if ("locked" not in low and "busy" not in low) or attempt == attempts - 1:
                    raise _store_error(self.path, exc) from None
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
            except sqlite3.Error as exc:
                raise _store_error(self.path, exc) from None
        raise AssertionError("unreachable")

    # -- reading ----------------------------------------------------------------
    def _query(self, sql: str, params: Iterable[Any] = (),
               translate: Callable[[sqlite3.Error], Exception | None] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, fetched in batches; an SQLite error is a StoreError, unless `translate` turns it
        into another exception (the web view makes an FTS syntax error a 400)."""
        try:
            cursor = self.conn.execute(sql, list(params))
            while True:
                rows = cursor.fetchmany(500)
                if not rows:
                    return
                for row in rows:
                    yield dict(row)
        except sqlite3.Error as exc:
            mapped = translate(exc) if translate else None
            raise (mapped or _store_error(self.path, exc)) from None

    def counts(self) -> dict[str, int]:
        """Rows in each table (articles split into ok / failed / near-duplicates)."""
        out = {}
        for table in ("articles", "sources") + LAYERS + ("minhashes", "lsh_bands"):
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["failed"] = self.conn.execute("SELECT count(*) FROM articles WHERE status = 'failed'").fetchone()[0]
        out["near_duplicates"] = self.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
        out["stories"] = self.conn.execute(
            "SELECT count(DISTINCT story_id) FROM articles WHERE status = 'ok'").fetchone()[0]
        out["event_groups"] = self.conn.execute("SELECT count(*) FROM event_groups").fetchone()[0]
        return out

    def search(self, query: str, limit: int = 20, quotes: bool = True, duplicates: bool = False, *,
               since: str | None = None, until: str | None = None, source: str | None = None,
               strict: bool = False) -> list[dict[str, Any]]:
        """Full-text hits over article titles+texts and quotes, best first, each with a snippet.

        `query` is FTS5 syntax (words are ANDed, "a phrase" in quotes, OR, prefix*); a query FTS5 cannot
        parse is searched as plain words (with `strict`, it raises StoreError instead).  since/until
        (publication date, else reference date) and source (outlet, domain or file contains) narrow the hits.
        """
        extra, params = self._filters(table="articles", since=since, until=until, source=source,
                                      duplicates=duplicates)
        try:
            return self._search(query, limit, quotes, extra, params)
        except StoreError as exc:
            if strict or any(w in str(exc) for w in ("locked", "disk is full", "read-only", "not a SQLite",
                                                     "cannot open")):
                raise
            words = [w for w in dedup.words(query)]
            if not words:
                return []
            return self._search(" ".join(f'"{w}"' for w in words), limit, quotes, extra, params)

    def _search(self, query: str, limit: int, quotes: bool, where: str, params: list[Any]) -> list[dict[str, Any]]:
        hits = list(self._query(
            "SELECT 'article' AS kind, a.id AS article_id, a.title AS title, "
            f"{PUBLISHED} AS published, s.name AS outlet, "
            "a.source AS source, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, "
            "bm25(articles_fts, 5.0, 1.0) AS score "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid LEFT JOIN sources s ON s.id = a.source_id "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY score LIMIT ?", [query, *params, limit]))
        if quotes:
            hits += self._query(
                "SELECT 'quote' AS kind, a.id AS article_id, a.title AS title, "
                f"{PUBLISHED} AS published, s.name AS outlet, "
                "a.source AS source, q.speaker_name AS speaker, "
                "snippet(quotes_fts, 0, '[', ']', '…', 16) AS snippet, bm25(quotes_fts) AS score "
                "FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN sources s ON s.id = a.source_id "
                f"WHERE quotes_fts MATCH ? AND {where} ORDER BY score LIMIT ?", [query, *params, limit])
            hits.sort(key=lambda h: h["score"])
        return hits[:limit]

    def _filters(self, *, type: str | None = None, country: str | None = None, actor: str | None = None,
                 since: str | None = None, until: str | None = None, source: str | None = None,
                 duplicates: bool = False, table: str = "events", actor_type: str | None = None
                 ) -> tuple[str, list[Any]]:
        """SQL conditions over `t` (the table), `a` (its article) and `s` (the article's source).

        Text filters (actor, source) match a literal substring, case-insensitively: `%` and `_` in them are
        not wildcards.  An actor filter also matches the actor's stored aliases and, for a well-known person
        (lexicons/people.yaml), every name and alias of that person (`Jokowi` finds `Joko Widodo`).
        `actor_type` (events) keeps events whose source or target actor has that sector or type (GOV, PER)."""
        where, params = ["a.status = 'ok'"], []
        date = {"events": f"coalesce(t.date, {PUBLISHED})"}.get(table, PUBLISHED)
        if not duplicates:
            where.append("a.duplicate_of IS NULL")
        if type and table == "actors":
            where.append("(t.type = ? OR t.sector = ?)")
            params += [type, type]
        elif type:
            where.append("t.type = ?" if table != "quotes" else "0")
            params += [type] if table != "quotes" else []
        if actor_type and table == "events":
            where.append("EXISTS (SELECT 1 FROM actors x WHERE x.article_id = t.article_id "
                         "AND x.id IN (t.source, t.target) AND (x.sector = ? OR x.type = ?))")
            params += [actor_type.upper()] * 2
        if country:
            country = country.upper()
            if table == "events":
                where.append("(t.source_country = ? OR t.target_country = ?)")
                params += [country, country]
            elif table == "quotes":
                where.append("t.speaker_country = ?")
                params.append(country)
            else:
                where.append("t.country = ?")
                params.append(country)
        if actor:
            clause, values = _actor_filter(actor, table)
            where.append(clause)
            params += values
        if since:
            where.append(f"{date} >= ?")
            params.append(since)
        if until:
            where.append(f"substr({date}, 1, {len(until)}) <= ?")
            params.append(until)
        if source:
            like = like_pattern(source)
            where.append("(s.name LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\' OR a.url LIKE ? ESCAPE '\\' "
                         "OR a.outlet LIKE ? ESCAPE '\\')")
            params += [like] * 4
        return " AND ".join(where), params

    def events(self, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event rows with their article's title, date and source; filters: type, country (source or target),
        actor (name substring), since/until (event date, else publication date), source, duplicates."""
        where, params = self._filters(table="events", **filters)
        sql = ("SELECT t.article_id, t.idx, t.id, t.type, t.cameo, t.quad_class, t.goldstein, "
               "t.source_name, t.source_country, t.target_name, t.target_country, "
               f"coalesce(t.date, {PUBLISHED}) AS date, t.place, t.negated, t.modality, t.evidence, "
               f"t.confidence, t.rule, a.title, {PUBLISHED} AS published, s.name AS source_name_outlet, a.url "
               "FROM events t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id "
               f"WHERE {where} ORDER BY date, a.pk, t.idx")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._query(sql, params)

    def event_groups(self, limit: int | None = None, type: str | None = None, country: str | None = None,
                     since: str | None = None, until: str | None = None, min_articles: int = 1
                     ) -> Iterator[dict[str, Any]]:
        """Merged events (the `event_groups` view), most-reported first."""
        where, params = ["num_articles >= ?"], [min_articles]
        if type:
            where.append("type = ?")
            params.append(type)
        if country:
            where.append("(source_country = ? OR target_country = ?)")
            params += [country.upper()] * 2
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append(f"substr(date, 1, {len(until)}) <= ?")
            params.append(until)
        sql = f"SELECT * FROM event_groups WHERE {' AND '.join(where)} ORDER BY num_articles DESC, date"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._query(sql, params)

    def quotes(self, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Quotes with speaker and article; filters: country (speaker's), actor (speaker name substring),
        since/until (publication date), source, duplicates."""
        filters.pop("type", None)
        where, params = self._filters(table="quotes", **filters)
        sql = ("SELECT t.article_id, t.idx, t.text, t.direct, t.speaker_name, t.speaker_country, t.cue, "
               f"a.title, {PUBLISHED} AS published, s.name AS source_name, a.url "
               "FROM quotes t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id "
               f"WHERE {where} ORDER BY published, a.pk, t.idx")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._query(sql, params)

    def actors(self, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Actors across the corpus (grouped by name, type, country) with article and mention counts."""
        where, params = self._filters(table="actors", **filters)
        sql = ("SELECT t.name, t.type, t.country, group_concat(DISTINCT t.sector) AS sectors, "
               "count(DISTINCT t.article_id) AS num_articles, sum(json_array_length(coalesce(t.mentions, '[]'))) "
               f"AS num_mentions, min({PUBLISHED}) AS first_seen, max({PUBLISHED}) AS last_seen "
               "FROM actors t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id "
               f"WHERE {where} GROUP BY t.name, t.type, t.country ORDER BY num_articles DESC, t.name")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._query(sql, params)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table or view, as stored (for exports)."""
        if table not in QUERY_TABLES:
            raise StoreError(f"unknown table {table!r}; choose one of {', '.join(QUERY_TABLES)}")
        if table == "articles":
            cols = [c for c in self.columns("articles") if c not in ("pk", "sentences", "sections")]
            return self._query(f"SELECT {', '.join(cols)} FROM articles ORDER BY pk")
        if table == "event_groups":
            return self._query("SELECT * FROM event_groups ORDER BY date, type")
        cols = [f't."{c}"' for c in self.columns(table) if c != "pk"]
        return self._query(f"SELECT {', '.join(cols)} FROM {table} t JOIN articles a ON a.id = t.article_id "
                           "ORDER BY a.pk, t.idx")

    def declared_types(self, table: str) -> dict[str, str]:
        """Declared SQLite type of each column of `table` (and the article columns joined to it)."""
        out: dict[str, str] = {}
        for name in (table, "articles"):
            if name in ("articles",) + LAYERS:
                for r in self.conn.execute(f"PRAGMA table_info({name})"):
                    out.setdefault(r[1], r[2])
        for name in ("num_mentions", "num_sources", "num_articles", "num_distinct_articles", "num_stories"):
            out[name] = "INTEGER"
        out.update(goldstein="REAL", quad_class="INTEGER", date="TEXT", source_name_outlet="TEXT")
        return out

    def article(self, article_id: str) -> Article | None:
        """The stored Article record (layers included), or None."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        data = dict(row)
        for key in ARTICLE_JSON:
            data[key] = json.loads(data[key]) if data.get(key) else []
        data["sentences"] = [{"start": s[0], "end": s[1], "paragraph": s[2], "kind": s[3]}
                             for s in json.loads(data["sentences"] or "[]")]
        data["text"] = data.get("text") or ""
        for layer in LAYERS:
            items = []
            for item in self._query(f"SELECT * FROM {layer} WHERE article_id = ? ORDER BY idx", (article_id,)):
                for k in ("roles", "aliases", "mentions"):
                    if k in item and isinstance(item[k], str):
                        item[k] = json.loads(item[k])
                for k in ("direct", "negated", "approximate"):
                    if k in item and item[k] is not None:
                        item[k] = bool(item[k])
                items.append(item)
            data[layer] = items
        return Article.from_dict(data)
