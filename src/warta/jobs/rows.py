"""A partition's dataset rows, made by the store's own code without a database.

The dataset's rows must be exactly those of `warta export-db --format parquet`:
what `Store.write` binds into SQLite, as SQLite gives it back.  `Rows` runs the
store's own row-making methods (`_insert_article`, `_insert_layers`,
`_source_id`) against a stand-in connection that keeps the values they bind
instead of storing them, and applies SQLite's column affinity to them the way
SQLite does (an integer in a REAL column comes back as a float, in a TEXT column
as its decimal text; NaN as NULL).  No in-memory database, full-text index,
per-article look-ups or read-back: a few times less CPU for the same rows.

Any statement or value it is not sure of (a float in an INTEGER column, text in
a numeric one, a statement the store did not bind before) raises `Unsure`, and
the partition is made through a real in-memory `Store` instead
(`warta.jobs.tasks`), so the rows stay the store's whatever the records hold.
`tests/test_jobs_speed_rows.py` compares both ways.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

from warta.jobs import dataset as D


class Unsure(Exception):
    """A statement or value `Rows` does not reproduce exactly: use a real store."""


_INT64 = (-(1 << 63), 1 << 63)


def stored(value: Any, declared: str) -> Any:
    """`value` as SQLite gives back what was bound into a column of type `declared` (INTEGER, REAL, TEXT);
    raises `Unsure` where SQLite would convert it in a way this does not reproduce."""
    if value is None:
        return None
    t = type(value)
    if declared == "TEXT":
        if t is str:
            return value
        if t is int:
            return str(value)
    elif declared == "INTEGER":
        if t is int and _INT64[0] <= value < _INT64[1]:
            return value
    elif declared == "REAL":
        if t is float:
            return None if value != value else value  # SQLite stores NaN as NULL
        if t is int and -(1 << 53) <= value <= (1 << 53):
            return float(value)
    raise Unsure(f"{t.__name__} value in a {declared} column")


_TYPES: dict[str, dict[str, str]] = {}


def declared_types(table: str) -> dict[str, str]:
    """Each column's declared type in the store's schema, as written there (not defaulted)."""
    if table not in _TYPES:
        from warta.store import schema

        conn = sqlite3.connect(":memory:")
        schema.migrate(conn)
        _TYPES[table] = {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info({table})")}
        conn.close()
    return _TYPES[table]


_PASS = {"TEXT": str, "INTEGER": int}  # a value of this type comes back as it went in (REAL: see `stored`)


@functools.cache
def _cells(table: str, columns: tuple[str, ...] | None) -> tuple[tuple[str, ...], list[tuple[str, str, type]]]:
    """(column names, [(column, declared type, the Python type that comes back unchanged)]) of `table`."""
    types = declared_types(table)
    names = columns or tuple(c for c in types if c != "pk")
    return names, [(c, types[c], _PASS.get(types[c], type(None))) for c in names]


class _Found:
    def __init__(self, value: Any):
        self.value = value

    def fetchone(self) -> tuple:
        return (self.value,)


class _Keep:
    """Stands in for a store's SQLite connection: keeps the values bound by the statements `Store.write`
    uses to insert an article, its layers and its source, in order."""

    def __init__(self) -> None:
        self.sources: dict[str, str | None] = {}
        self.articles: list[dict[str, Any]] = []
        self.layers: dict[str, list[tuple[tuple[str, ...], Any]]] = {t: [] for t in D.LAYER_TABLES}  # (cols, rows)
        self._names: dict[str, tuple[str, tuple[str, ...]]] = {}

    def _insert(self, sql: str) -> tuple[str, tuple[str, ...]]:
        """(table, columns) of an `INSERT [OR IGNORE] INTO table (cols) VALUES (?, …)` statement."""
        if sql not in self._names:
            head, _, rest = sql.partition(" (")
            words = head.split()
            if words[:2] != ["INSERT", "INTO"] and words[:4] != ["INSERT", "OR", "IGNORE", "INTO"]:
                raise Unsure(sql)
            cols = tuple(c.strip().strip('"') for c in rest.partition(")")[0].split(","))
            self._names[sql] = (words[-1], cols)
        return self._names[sql]

    def execute(self, sql: str, params: Any = ()) -> _Found | None:
        if sql == "INSERT OR IGNORE INTO sources(name, kind) VALUES (?, ?)":
            self.sources.setdefault(params[0], params[1])
            return None
        if sql == "SELECT id FROM sources WHERE name = ?":
            return _Found(D.stable_id(params[0]))  # the dataset's source id
        table, cols = self._insert(sql)
        if table != "articles":
            raise Unsure(sql)
        self.articles.append(dict(zip(cols, params)))
        return None

    def executemany(self, sql: str, rows: Any) -> None:
        table, cols = self._insert(sql)
        if table not in self.layers or not sql.startswith("INSERT OR IGNORE"):
            raise Unsure(sql)
        self.layers[table].append((cols, rows))


class Rows:
    """The dataset rows of a partition's articles, as `Store.write` into a fresh store and a read-back of its
    tables would give them (exact copies kept once, the first), with stable source ids.  `columns`: the
    article columns wanted (store columns only)."""

    def __init__(self, columns: list[str]) -> None:
        from warta.store import Store

        self.columns = columns
        self._store = store = Store.__new__(Store)  # no database: only its row-making methods are used
        store.path = ":rows:"
        store.conn = self._keep = _Keep()
        store._in_batch = False
        store._columns = {t: list(declared_types(t)) for t in ("articles",) + D.LAYER_TABLES}
        self.ids: set[str] = set()
        self.sources: dict[str, str | None] = self._keep.sources
        self.articles: list[dict[str, Any]] = []
        #: each layer table's rows, as lists of values in the order of `names(table)` (the dataset's columns)
        self.layers: dict[str, list[list[Any]]] = {t: [] for t in D.LAYER_TABLES}
        self.through_store = 0  # articles made by a real store (`Unsure`)
        self._columns = tuple(columns)

    def write(self, result: dict[str, Any]) -> str:
        """Add one ok result; 'duplicate' when its article is already there, else 'new'."""
        record = dict(result.get("record") or {})
        record.setdefault("id", result["id"])
        record.setdefault("source", result.get("source"))
        if record["id"] in self.ids:
            return "duplicate"
        self.ids.add(record["id"])
        keep = self._keep
        try:
            self._store._insert_article(record, "ok", None, None, None, record["id"])
            self._store._insert_layers(record)
            article = self._stored("articles", keep.articles[0], self._columns)
            layers = {t: self._values(t, batches) for t, batches in keep.layers.items() if batches}
        except Unsure:
            self.through_store += 1
            article, layers = self._through_store(result)
        finally:
            keep.articles.clear()
            for rows in keep.layers.values():
                rows.clear()
        self.articles.append(article)
        for t, rows in layers.items():
            self.layers[t] += rows
        return "new"

    @staticmethod
    def names(table: str) -> tuple[str, ...]:
        """The columns of a layer table's rows in `layers`."""
        return _cells(table, None)[0]

    def dicts(self, table: str) -> list[dict[str, Any]]:
        """A layer table's rows as dicts."""
        names = self.names(table)
        return [dict(zip(names, row)) for row in self.layers[table]]

    @staticmethod
    def _stored(table: str, row: dict[str, Any], columns: tuple[str, ...] | None = None) -> dict[str, Any]:
        names, cells = _cells(table, columns)
        return {c: v if type(v) is same else stored(v, d) for (c, d, same), v in zip(cells, map(row.get, names))}

    @staticmethod
    def _values(table: str, batches: list[tuple[tuple[str, ...], Any]]) -> list[list[Any]]:
        """The stored values of rows bound as `batches` ((columns, rows)), in the order of `names(table)`."""
        names, cells = _cells(table, None)
        out = []
        for cols, rows in batches:
            if cols != names:
                rows = [list(map(dict(zip(cols, row)).get, names)) for row in rows]
            out += [[v if type(v) is same else stored(v, d) for (_, d, same), v in zip(cells, row)] for row in rows]
        return out

    def _through_store(self, result: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
        """One article's rows from a real in-memory store (what this class stands in for)."""
        from warta.store import Store

        with Store(":memory:") as mem:
            mem.write(dict(result, signature=None))
            names = {r["id"]: r["name"] for r in mem._query("SELECT id, name, kind FROM sources")}
            for r in mem._query("SELECT name, kind FROM sources ORDER BY id"):
                self.sources.setdefault(r["name"], r["kind"])
            article = next(iter(mem._query(f"SELECT {', '.join(self.columns)} FROM articles")))
            if article.get("source_id") is not None:
                article["source_id"] = D.stable_id(names[article["source_id"]])
            return article, {t: [list(map(r.get, self.names(t))) for r in mem.rows(t)] for t in D.LAYER_TABLES}
