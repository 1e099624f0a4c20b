"""The read-only web view of a warta store: a WSGI application (standard library only).

    from warta.web import open_store, App, make_server
    app = App(open_store("warta.db"))          # any WSGI server can run `app`
    make_server(app, "127.0.0.1", 8765).serve_forever()

Pages: `/` (counts, search, recent articles), `/article/<id>` (the text with its
spans marked, and every layer as tables and event lines), `/events` (filterable),
`/events/grouped`, `/articles`.  JSON: `/api/counts`, `/api/articles`,
`/api/articles/<id>`, `/api/events`, `/api/events/grouped`, `/api/search?q=`.
Every API error has one shape: `{"ok": false, "error": "...", "status": 404}`.

The store is opened with `PRAGMA query_only`, so nothing here can write to it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
import socketserver
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _wsgi_make_server

from warta.errors import StoreError, WartaError
from warta.store import Store
from warta.web import pages
from warta.web.style import CSS

STATUS = {200: "200 OK", 204: "204 No Content", 400: "400 Bad Request", 404: "404 Not Found",
          405: "405 Method Not Allowed", 500: "500 Internal Server Error", 503: "503 Service Unavailable"}
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                "base-uri 'none'; frame-ancestors 'none'"),
]
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TYPE = re.compile(r"^[A-Za-z_]{1,40}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(message)


def open_store(path: str | os.PathLike) -> Store:
    """Open an existing warta store for reading only; StoreError when it is missing or not a warta store."""
    path = str(path)
    if not os.path.exists(path):
        raise StoreError(f"{path}: no such store; create it with `warta ingest PATH --db {path}`")
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a directory; give a warta store file (--db)")
    with open(path, "rb") as f:
        header = f.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(f"{path}: not a SQLite database" + (" (an empty file)" if not header else "")
                         + f"; give a warta store (--db), made by `warta ingest PATH --db {path}`")
    try:  # look before Store.open, which would set the journal mode of a database that is not warta's
        probe = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        finally:
            probe.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: not a SQLite database, or a damaged one ({exc}); give a warta store (--db)") from None
    missing = {"articles", "events", "quotes", "actors", "event_groups", "articles_fts"} - tables
    if missing:
        raise StoreError(f"{path}: not a warta store (missing {', '.join(sorted(missing))}); "
                         f"create one with `warta ingest PATH --db {path}`")
    store = Store.open(path, migrate=False)
    try:
        store.conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        store.close()
        raise StoreError(f"{path}: {exc}") from None
    return store


# -- query parameters --------------------------------------------------------------
def _params(environ: dict[str, Any], allowed: Iterable[str]) -> dict[str, str]:
    raw = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    allowed = set(allowed)
    out: dict[str, str] = {}
    for key, values in raw.items():
        if key not in allowed:
            raise HTTPError(400, f"unknown parameter {key!r}; use {', '.join(sorted(allowed))}")
        value = values[-1].strip()
        if value:
            out[key] = value
    return out


def _int(params: dict[str, str], key: str, default: int, lo: int, hi: int) -> int:
    if key not in params:
        return default
    try:
        value = int(params[key])
    except ValueError:
        raise HTTPError(400, f"{key} must be a whole number, not {params[key]!r}") from None
    if not lo <= value <= hi:
        raise HTTPError(400, f"{key} must be between {lo} and {hi}, not {value}")
    return value


def _date(params: dict[str, str], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    ok = bool(_DATE.match(value))
    if ok:
        parts = value.split("-")
        try:
            if len(parts) == 3:
                dt.date(*map(int, parts))
            elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
                ok = False
        except ValueError:
            ok = False
    if not ok:
        raise HTTPError(400, f"{key} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


EVENT_PARAMS = ("type", "country", "actor", "since", "until", "source", "all", "limit", "offset")
GROUP_PARAMS = ("type", "country", "since", "until", "min_articles", "limit", "offset")


def event_filters(params: dict[str, str], grouped: bool = False) -> dict[str, Any]:
    """Validated store filters from query parameters (HTTPError 400 on a bad one)."""
    f: dict[str, Any] = {}
    if "type" in params:
        if not _TYPE.match(params["type"]):
            raise HTTPError(400, f"type must be an event type such as CONSULT, not {params['type']!r}")
        f["type"] = params["type"].upper()
    if "country" in params:
        if not _COUNTRY.match(params["country"]):
            raise HTTPError(400, f"country must be an ISO alpha-3 code such as IDN, not {params['country']!r}")
        f["country"] = params["country"].upper()
    for key in ("since", "until"):
        value = _date(params, key)
        if value:
            f[key] = value
    if grouped:
        f["min_articles"] = _int(params, "min_articles", 1, 1, 1_000_000)
        return f
    for key in ("actor", "source"):
        if key in params:
            if len(params[key]) > 200:
                raise HTTPError(400, f"{key} is too long (at most 200 characters)")
            f[key] = params[key]
    if "all" in params:
        if params["all"].lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise HTTPError(400, f"all must be 1 or 0, not {params['all']!r}")
        f["duplicates"] = params["all"].lower() in ("1", "true", "yes", "on")
    return f


# -- the application ----------------------------------------------------------------
class App:
    """WSGI application over one open Store (read-only); calls are serialised with a lock."""

    def __init__(self, store: Store, *, page_size: int = 100):
        self.store = store
        self.page_size = page_size
        self.lock = threading.Lock()
        self.routes: list[tuple[re.Pattern[str], Callable[..., tuple[int, str, bytes]]]] = [
            (re.compile(r"^/$"), self.home),
            (re.compile(r"^/search$"), self.home),
            (re.compile(r"^/articles$"), self.articles_page),
            (re.compile(r"^/article/([^/]+)$"), self.article_page),
            (re.compile(r"^/events$"), self.events_page),
            (re.compile(r"^/events/grouped$"), self.groups_page),
            (re.compile(r"^/style\.css$"), self.css),
            (re.compile(r"^/favicon\.ico$"), lambda env: (204, "image/x-icon", b"")),
            (re.compile(r"^/api/counts$"), self.api_counts),
            (re.compile(r"^/api/articles$"), self.api_articles),
            (re.compile(r"^/api/articles/([^/]+)$"), self.api_article),
            (re.compile(r"^/api/events$"), self.api_events),
            (re.compile(r"^/api/events/grouped$"), self.api_groups),
            (re.compile(r"^/api/search$"), self.api_search),
        ]

    # WSGI entry point
    def __call__(self, environ: dict[str, Any], start_response: Callable) -> list[bytes]:
        path = environ.get("PATH_INFO") or "/"
        try:  # PEP 3333: PATH_INFO is bytes decoded as latin-1
            path = path.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        api = path.startswith("/api/") or path == "/api"
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            if method not in ("GET", "HEAD"):
                raise HTTPError(405, f"method {method} not allowed; this view is read-only (GET)")
            for pattern, handler in self.routes:
                m = pattern.match(path)
                if m:
                    with self.lock:
                        status, ctype, body = handler(environ, *m.groups())
                    break
            else:
                raise HTTPError(404, f"no such page: {path}")
        except HTTPError as exc:
            status, ctype, body = self._error(api, exc.status, exc.message)
        except StoreError as exc:
            status, ctype, body = self._error(api, 503, str(exc))
        except WartaError as exc:
            status, ctype, body = self._error(api, 500, str(exc))
        except Exception as exc:  # noqa: BLE001 — never show a traceback to the browser
            traceback.print_exc(file=sys.stderr)
            status, ctype, body = self._error(api, 500, f"internal error ({type(exc).__name__}); see the server log")
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body)))] + SECURITY_HEADERS
        headers.append(("Cache-Control", "max-age=300" if ctype.startswith("text/css") else "no-store"))
        if status == 405:
            headers.append(("Allow", "GET, HEAD"))
        start_response(STATUS.get(status, f"{status} Error"), headers)
        return [b""] if method == "HEAD" else [body]

    def _error(self, api: bool, status: int, message: str) -> tuple[int, str, bytes]:
        if api:
            return self._json({"ok": False, "error": message, "status": status}, status)
        return status, "text/html; charset=utf-8", pages.error_page(status, message).encode("utf-8")

    @staticmethod
    def _json(data: Any, status: int = 200) -> tuple[int, str, bytes]:
        body = json.dumps(data, ensure_ascii=False, default=str, indent=1).encode("utf-8")
        return status, "application/json; charset=utf-8", body

    @staticmethod
    def _html(text: str) -> tuple[int, str, bytes]:
        return 200, "text/html; charset=utf-8", text.encode("utf-8")

    # -- data -------------------------------------------------------------------
    def _counts(self) -> dict[str, int]:
        return self.store.counts()

    def _recent(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.title, a.published, a.reference_date, a.outlet, a.source, a.url, a.words, a.status, "
               "a.error, a.duplicate_of, s.name AS source_name, "
               "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS num_events, "
               "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS num_quotes "
               "FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.pk DESC LIMIT ? OFFSET ?")
        try:
            return [dict(r) for r in self.store.conn.execute(sql, (limit, offset))]
        except sqlite3.Error as exc:
            raise StoreError(f"{self.store.path}: {exc}") from None

    def _titles(self, ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(i for i in ids if i))
        out: dict[str, str] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            rows = self.store.conn.execute(
                f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(part))})", part)
            out.update({r[0]: r[1] or "" for r in rows})
        return out

    def _search(self, q: str, limit: int) -> list[dict[str, Any]]:
        if len(q) > 500:
            raise HTTPError(400, "q is too long (at most 500 characters)")
        hits = self.store.search(q, limit=limit)
        for h in hits:
            h["score"] = round(-h["score"], 3) if h.get("score") is not None else None
        return hits

    def _events(self, params: dict[str, str]) -> tuple[dict[str, Any], int, int, list[dict[str, Any]]]:
        filters = event_filters(params)
        limit = _int(params, "limit", self.page_size, 1, 1000)
        offset = _int(params, "offset", 0, 0, 10_000_000)
        rows = list(itertools.islice(self.store.events(**filters), offset, offset + limit))
        return filters, limit, offset, rows

    def _groups(self, params: dict[str, str]) -> tuple[dict[str, Any], int, int, list[dict[str, Any]]]:
        filters = event_filters(params, grouped=True)
        limit = _int(params, "limit", self.page_size, 1, 1000)
        offset = _int(params, "offset", 0, 0, 10_000_000)
        rows = list(itertools.islice(self.store.event_groups(**filters), offset, offset + limit))
        for r in rows:
            r["article_ids"] = [x for x in (r.get("article_ids") or "").split(",") if x]
        return filters, limit, offset, rows

    def _article(self, article_id: str):
        article = self.store.article(article_id)
        if article is None:
            raise HTTPError(404, f"no article with id {article_id!r}")
        return article

    # -- HTML pages -------------------------------------------------------------------
    def home(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, ("q", "limit"))
        q = params.get("q", "")
        limit = _int(params, "limit", 20, 1, 200)
        hits = self._search(q, limit) if q else None
        return self._html(pages.home(self._counts(), q, hits, self._recent(25)))

    def articles_page(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, ("limit", "offset"))
        limit = _int(params, "limit", self.page_size, 1, 1000)
        offset = _int(params, "offset", 0, 0, 10_000_000)
        return self._html(pages.articles(self._recent(limit, offset), limit, offset, self._counts()["articles"]))

    def article_page(self, environ: dict[str, Any], article_id: str) -> tuple[int, str, bytes]:
        _params(environ, ())
        article = self._article(article_id)
        return self._html(pages.article(article))

    def events_page(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, EVENT_PARAMS)

        def render() -> str:
            _filters, limit, offset, rows = self._events(params)
            return pages.events(params, rows, limit, offset)

        return self._filtered_page(render, lambda message: pages.events(params, [], 0, 0, message))

    def groups_page(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, GROUP_PARAMS)

        def render() -> str:
            _filters, limit, offset, rows = self._groups(params)
            titles = self._titles(i for r in rows for i in r["article_ids"])
            return pages.groups(params, rows, titles, limit, offset)

        return self._filtered_page(render, lambda message: pages.groups(params, [], {}, 0, 0, message))

    @staticmethod
    def _filtered_page(render: Callable[[], str], on_error: Callable[[str], str]) -> tuple[int, str, bytes]:
        """The page, or the same page empty with the filter error and status 400."""
        try:
            return App._html(render())
        except HTTPError as exc:
            if exc.status != 400:
                raise
            return 400, "text/html; charset=utf-8", on_error(exc.message).encode("utf-8")

    def css(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        return 200, "text/css; charset=utf-8", CSS.encode("utf-8")

    # -- JSON API ----------------------------------------------------------------------
    def api_counts(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        _params(environ, ())
        return self._json({"ok": True, "counts": self._counts()})

    def api_articles(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, ("limit", "offset"))
        limit = _int(params, "limit", self.page_size, 1, 1000)
        offset = _int(params, "offset", 0, 0, 10_000_000)
        rows = self._recent(limit, offset)
        return self._json({"ok": True, "limit": limit, "offset": offset, "count": len(rows), "articles": rows})

    def api_article(self, environ: dict[str, Any], article_id: str) -> tuple[int, str, bytes]:
        _params(environ, ())
        return self._json({"ok": True, "article": self._article(article_id).to_dict()})

    def api_events(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        filters, limit, offset, rows = self._events(_params(environ, EVENT_PARAMS))
        return self._json({"ok": True, "filters": filters, "limit": limit, "offset": offset, "count": len(rows),
                           "events": rows})

    def api_groups(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        filters, limit, offset, rows = self._groups(_params(environ, GROUP_PARAMS))
        return self._json({"ok": True, "filters": filters, "limit": limit, "offset": offset, "count": len(rows),
                           "groups": rows})

    def api_search(self, environ: dict[str, Any]) -> tuple[int, str, bytes]:
        params = _params(environ, ("q", "limit"))
        if not params.get("q"):
            raise HTTPError(400, "give a search query: /api/search?q=WORDS")
        limit = _int(params, "limit", 20, 1, 200)
        hits = self._search(params["q"], limit)
        return self._json({"ok": True, "query": params["q"], "count": len(hits), "hits": hits})


# -- serving -------------------------------------------------------------------------
class _Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _Handler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — the stdlib's name
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(app: App, host: str = "127.0.0.1", port: int = 8765) -> WSGIServer:
    """A threaded stdlib HTTP server for `app` (port 0: any free port; see server.server_port)."""
    return _wsgi_make_server(host, port, app, server_class=_Server, handler_class=_Handler)
