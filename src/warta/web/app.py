"""The read-only web view of a warta store: an ASGI application (Starlette), served by uvicorn.

    from warta.web import make_app, make_server
    app = make_app("warta.db")                  # any ASGI server can run `app`
    make_server(app, "127.0.0.1", 8765).serve_forever()

Pages (Jinja2 templates, autoescaped; static files and vendored JS under /static):
`/` counts, search and recent articles; `/articles`, `/events`, `/events/grouped`,
`/quotes`, `/actors` (lists with facets, sortable columns and CSV/JSON downloads of
exactly the filtered rows under `/export/<list>.csv|json`); `/article/<id>` (the
text with its spans marked; `?event=N#hit` highlights event N's evidence);
`/actor?name=`; `/map`, `/timeline`, `/network` (charts drawn in the browser from
the vendored d3, topojson-client and world-atlas, no network needed).

JSON under `/api/` (documented at `/api/docs`, `/api/openapi.json`).  Every API
error has one shape: `{"ok": false, "error": "...", "status": 404}`.

The store is opened read-only (`mode=ro`, `immutable=1` when read-only on disk,
`PRAGMA query_only`): nothing here can write to it.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from warta.errors import StoreError, WartaError
from warta.store import Store
from warta.web import params as P
from warta.web.highlight import Mark, render_text
from warta.web.params import HTTPError
from warta.web.queries import QUAD, SORTS, Queries, fts_error

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"content-security-policy", CSP.encode()),
]
LISTS = ("events", "quotes", "actors", "articles", "groups")
TITLES = {"events": "Events", "quotes": "Quotes", "actors": "Actors", "articles": "Articles",
          "groups": "Event groups"}
PATHS = {"events": "/events", "quotes": "/quotes", "actors": "/actors", "articles": "/articles",
         "groups": "/events/grouped"}


def open_store(path: str) -> Store:
    """Open an existing warta store read-only; StoreError when it is missing or not a warta store."""
    import os
    import sqlite3

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
    store = Store.open_readonly(path)
    try:
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.Error as exc:
        store.close()
        raise StoreError(f"{path}: not a SQLite database, or a damaged one ({exc}); give a warta store (--db)") \
            from None
    missing = {"articles", "events", "quotes", "actors", "event_groups", "articles_fts"} - tables
    if missing:
        store.close()
        raise StoreError(f"{path}: not a warta store (missing {', '.join(sorted(missing))}); "
                         f"create one with `warta ingest PATH --db {path}`")
    return store


# -- templates --------------------------------------------------------------------------
def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode(merged)) if merged else ""


def _short(value: Any, n: int = 220) -> str:
    value = " ".join(str(value or "").split())
    return value if len(value) <= n else value[: n - 1].rstrip() + "…"


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:,}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return "" if value is None else str(value)


def _snippet(value: str | None) -> Markup:
    """An FTS snippet (matches in [brackets]) as escaped HTML with <mark>s."""
    import re

    escaped = str(Markup.escape(value or ""))
    return Markup(re.sub(r"\[([^\[\]\n]{1,200})\]", r"<mark>\1</mark>", escaped))


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (a `javascript:` URL stays text)."""
    import re

    return url if url and re.match(r"^https?://[^\s]+$", url, re.I) else None


def _evidence(evidence: str | None, trigger: str | None, n: int = 600) -> Markup:
    import re

    text = _short(evidence, n)
    if trigger:
        m = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", text, re.I)
        if m:
            return Markup.escape(text[: m.start()]) + Markup("<mark>") + Markup.escape(m.group(0)) + \
                Markup("</mark>") + Markup.escape(text[m.end():])
    return Markup.escape(text)


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(qs=_qs, short=_short, num=_num, snippet=_snippet, safe_url=_safe_url, evidence=_evidence,
                       urlq=lambda v: quote(str(v), safe=""))
    env.globals.update(QUAD=QUAD, SORTS=SORTS, PATHS=PATHS, TITLES=TITLES)
    return env


# -- the application ---------------------------------------------------------------------------
class SecurityHeaders:
    """ASGI middleware: the security headers on every response, and no caching of pages."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope.get("path", "").startswith("/static/")

        async def wrapped(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                headers += SECURITY_HEADERS
                headers.append((b"cache-control", b"public, max-age=3600" if static else b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, wrapped)


class WebApp:
    """The handlers over one read-only Store; `self.asgi` is the Starlette application."""

    def __init__(self, store: Store, *, page_size: int = 100):
        self.store = store
        self.q = Queries(store)
        self.page_size = page_size
        self.lock = threading.Lock()
        self.env = make_env()
        self._types: tuple[float, set[str], set[str]] | None = None
        self._counts: tuple[int, dict[str, int]] | None = None
        lists = [Route(path, self.page(self.list_page(kind))) for kind, path in PATHS.items()]
        lists += [Route("/api" + path, self.page(self.api_list(kind))) for kind, path in PATHS.items()]
        routes = lists + [
            Route("/", self.page(self.home)),
            Route("/search", self.page(self.home)),
            Route("/article/{article_id}", self.page(self.article_page)),
            Route("/actor", self.page(self.actor_page)),
            Route("/map", self.page(self.map_page)),
            Route("/timeline", self.page(self.timeline_page)),
            Route("/network", self.page(self.network_page)),
            Route("/export/{name}", self.page(self.download)),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/style.css", lambda request: RedirectResponse("/static/style.css", status_code=301)),
            Route("/api/counts", self.page(self.api_counts)),
            Route("/api/articles/{article_id}", self.page(self.api_article)),
            Route("/api/actor", self.page(self.api_actor)),
            Route("/api/search", self.page(self.api_search)),
            Route("/api/map", self.page(self.api_map)),
            Route("/api/timeline", self.page(self.api_timeline)),
            Route("/api/network", self.page(self.api_network)),
            Route("/api/openapi.json", self.page(self.api_openapi)),
            Route("/api/docs", self.page(self.api_docs)),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ]
        self.asgi = Starlette(routes=routes, exception_handlers={HTTPException: self._http_exception},
                              middleware=[])
        self.asgi.state.web = self
        self._wrapped = SecurityHeaders(self.asgi)

    async def __call__(self, scope, receive, send):
        await self._wrapped(scope, receive, send)

    # -- errors ------------------------------------------------------------------------------
    def error(self, request: Request, status: int, message: str) -> Response:
        path = request.url.path
        if path.startswith("/api/") or path == "/api" or path.startswith("/export/"):
            return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status,
                                headers={"Allow": "GET, HEAD"} if status == 405 else None)
        body = self.env.get_template("error.html").render(status=status, message=message, q="",
                                                          title=f"Error {status}")
        return HTMLResponse(body, status_code=status, headers={"Allow": "GET, HEAD"} if status == 405 else None)

    async def _http_exception(self, request: Request, exc: HTTPException) -> Response:
        message = {404: f"no such page: {request.url.path}",
                   405: f"method {request.method} not allowed; this view is read-only (GET)"}.get(
            exc.status_code, str(exc.detail))
        return self.error(request, exc.status_code, message)

    def page(self, handler: Callable[..., Response]) -> Callable[[Request], Response]:
        """A sync endpoint (Starlette runs it in a thread) with the store lock and every error handled."""
        def endpoint(request: Request) -> Response:
            try:
                with self.lock:
                    return handler(request, **request.path_params)
            except HTTPError as exc:
                return self.error(request, exc.status, exc.message)
            except ValueError as exc:
                if str(exc).startswith("search syntax"):
                    return self.error(request, 400, f"{exc}; put words in double quotes to search them as written")
                raise
            except StoreError as exc:
                if fts_error(exc):
                    return self.error(request, 400, f"search syntax: {exc}")
                return self.error(request, 503, str(exc))
            except WartaError as exc:
                return self.error(request, 500, str(exc))
            except Exception as exc:  # noqa: BLE001 — never show a traceback to the browser
                traceback.print_exc(file=sys.stderr)
                return self.error(request, 500, f"internal error ({type(exc).__name__}); see the server log")

        endpoint.__name__ = getattr(handler, "__name__", "endpoint")
        return endpoint

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("q", "")
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    @staticmethod
    def json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        body = json.dumps(data, ensure_ascii=False, default=str, indent=1).encode("utf-8")
        return Response(body, status_code=status, media_type="application/json; charset=utf-8", headers=headers)

    def params(self, request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
        return P.parse(request.query_params, request.url.query, allowed)

    def counts(self) -> dict[str, int]:
        """Store.counts(), computed again only when the store has changed (`PRAGMA data_version`)."""
        version = self.store.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._counts is None or self._counts[0] != version:
            self._counts = (version, self.store.counts())
        return self._counts[1]

    def known_types(self) -> tuple[set[str], set[str]]:
        """(event types, actor types and sectors): PLOVER's and what the store holds (refreshed each minute)."""
        now = time.monotonic()
        if self._types is None or now - self._types[0] > 60:
            from warta.lexicons import load

            events = {str(v.get("plover")) for v in (load("cameo") or {}).values()
                      if isinstance(v, dict) and v.get("plover")}
            events |= {r[0] for r in self.store.conn.execute("SELECT DISTINCT type FROM events") if r[0]}
            actors = {r[0] for r in self.store.conn.execute(
                "SELECT DISTINCT type FROM actors UNION SELECT DISTINCT sector FROM actors") if r[0]}
            self._types = (now, events, actors)
        return self._types[1], self._types[2]

    def filters(self, params: dict[str, str], kind: str) -> dict[str, Any]:
        events, actors = self.known_types()
        return P.filters(params, kind, events, actors)

    # -- lists -----------------------------------------------------------------------------------
    def _list(self, request: Request, kind: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
        params = self.params(request, P.ALLOWED[kind] + extra)
        f = self.filters(params, kind)
        sort = P.sort(params, kind)
        limit = P.integer(params, "limit", self.page_size, 1, 1000)
        offset = P.integer(params, "offset", 0, 0, 10_000_000)
        page = self.q.page(kind, f, sort, limit, offset, facets=True)
        if kind == "groups":
            self.q.group_details(page["rows"])
        return {"kind": kind, "params": params, "filters": f, "sort": sort, "limit": limit, "offset": offset,
                "rows": page["rows"], "total": page["total"], "facets": page["facets"]}

    def list_page(self, kind: str) -> Callable[..., Response]:
        def handler(request: Request) -> Response:
            try:
                ctx = self._list(request, kind)
            except HTTPError as exc:
                if exc.status != 400:
                    raise
                params = dict(request.query_params)
                return self.render(f"{kind}.html", status=400, kind=kind, params=params, filters={}, rows=[],
                                   total=0, limit=self.page_size, offset=0, sort="", facets=[], error=exc.message,
                                   title=TITLES[kind], path=PATHS[kind])
            return self.render(f"{kind}.html", title=TITLES[kind], path=PATHS[kind], error="", **ctx)

        handler.__name__ = f"{kind}_page"
        return handler

    def api_list(self, kind: str) -> Callable[..., Response]:
        def handler(request: Request) -> Response:
            ctx = self._list(request, kind)
            data = {"ok": True, "filters": ctx["filters"], "sort": ctx["sort"], "limit": ctx["limit"],
                    "offset": ctx["offset"], "total": ctx["total"], "count": len(ctx["rows"]),
                    kind: ctx["rows"], "facets": ctx["facets"]}
            return self.json(data)

        handler.__name__ = f"api_{kind}"
        return handler

    def download(self, request: Request, name: str) -> Response:
        kind, _, fmt = name.rpartition(".")
        if kind not in LISTS or fmt not in ("csv", "json"):
            raise HTTPError(404, f"no such download: {name}; use /export/LIST.csv or .json with LIST one of "
                                 f"{', '.join(LISTS)}")
        params = self.params(request, tuple(p for p in P.ALLOWED[kind] if p not in ("limit", "offset")))
        f = self.filters(params, kind)
        rows = self.q.all_rows(kind, f, P.sort(params, kind))
        filename = f"warta-{kind}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if fmt == "json":
            out = list(rows)
            body = json.dumps(out, ensure_ascii=False, default=str).encode("utf-8")
            return Response(body, media_type="application/json; charset=utf-8", headers=headers)
        buf = io.StringIO()
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)

    # -- pages -------------------------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        params = self.params(request, ("q", "limit", "since", "until", "source"))
        q = P.text(params, "q", P.MAX_SEARCH) or ""
        limit = P.integer(params, "limit", 20, 1, 200)
        f = P.filters({k: v for k, v in params.items() if k in ("since", "until", "source")}, "articles")
        hits = self._search(q, limit, f) if q else None
        counts = self.counts()
        recent = self.q.rows("articles", {}, "-date", 25, 0)
        return self.render("home.html", title="warta", counts=counts, q=q, hits=hits, recent=recent, params=params)

    def _search(self, q: str, limit: int, f: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            hits = self.store.search(q, limit=limit, since=f.get("since"), until=f.get("until"),
                                     source=f.get("source"), strict=True)
        except StoreError as exc:
            if fts_error(exc):
                raise HTTPError(400, f"search syntax: {str(exc).split(': ', 1)[-1]}; put words in double quotes "
                                     "to search them as written") from None
            raise
        for h in hits:
            h["score"] = round(-h["score"], 3) if h.get("score") is not None else None
        return hits

    def article_page(self, request: Request, article_id: str) -> Response:
        params = self.params(request, ("event",))
        article = self.store.article(article_id)
        if article is None:
            raise HTTPError(404, f"no article with id {article_id!r}")
        hit = None
        extra: list[Mark] = []
        anchors: dict[int, list[str]] = {}
        if "event" in params:
            idx = P.integer(params, "event", 0, 0, 1_000_000)
            if idx >= len(article.events):
                raise HTTPError(404, f"article {article_id} has no event {idx}")
            hit = article.events[idx]
            if isinstance(hit.start, int) and isinstance(hit.end, int) and 0 <= hit.start < hit.end <= len(article.text):
                extra.append(Mark(hit.start, hit.end, "hit", f"evidence of event {idx}: {hit.type}"))
                anchors[hit.start] = ["hit"]
        text_html, skipped = render_text(article, extra, anchors)
        actors = {x.id: x for x in article.actors}
        places: dict[tuple, list] = {}
        for p in article.places:
            places.setdefault((p.text, p.name, p.country, p.admin1, p.kind, p.rule), [p, 0])[1] += 1
        return self.render("article.html", title=article.title or article.id, a=article, text_html=Markup(text_html),
                           skipped=skipped, actors=actors, places=list(places.values()), hit=hit,
                           hit_idx=params.get("event"), url=_safe_url(article.url))

    def actor_page(self, request: Request) -> Response:
        params = self.params(request, ("name", "all"))
        name = P.text(params, "name")
        if not name:
            raise HTTPError(400, "give an actor's name: /actor?name=NAME (see /actors)")
        data = self.q.actor(name, P.filters(params, "actors"))
        if data is None:
            raise HTTPError(404, f"no actor named {name!r}")
        return self.render("actor.html", title=name, actor=data, params=params)

    def _chart_filters(self, request: Request, extra: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, Any]]:
        allowed = tuple(p for p in P.ALLOWED["events"] if p not in ("sort", "limit", "offset")) + extra
        params = self.params(request, allowed)
        return params, self.filters(params, "events")

    def map_page(self, request: Request) -> Response:
        params, f = self._chart_filters(request)
        data = self.q.map_points(f)
        return self.render("map.html", title="Map", params=params, data=data, path="/map",
                           total=sum(p["count"] for p in data["events"]))

    def timeline_page(self, request: Request) -> Response:
        params, f = self._chart_filters(request, ("period",))
        period = params.get("period", "month")
        if period not in self.q.PERIODS:
            raise HTTPError(400, f"period must be day, week or month, not {period[:20]!r}")
        data = self.q.timeline(f, period)
        return self.render("timeline.html", title="Timeline", params=params, data=data, period=period,
                           path="/timeline")

    def network_page(self, request: Request) -> Response:
        params, f = self._chart_filters(request, ("nodes",))
        nodes = P.integer(params, "nodes", 60, 2, 300)
        data = self.q.network(f, nodes)
        return self.render("network.html", title="Actor network", params=params, data=data, path="/network")

    # -- JSON API ------------------------------------------------------------------------------------
    def api_counts(self, request: Request) -> Response:
        self.params(request, ())
        return self.json({"ok": True, "counts": self.counts()})

    def api_article(self, request: Request, article_id: str) -> Response:
        self.params(request, ())
        article = self.store.article(article_id)
        if article is None:
            raise HTTPError(404, f"no article with id {article_id!r}")
        return self.json({"ok": True, "article": article.to_dict()})

    def api_actor(self, request: Request) -> Response:
        params = self.params(request, ("name", "all"))
        name = P.text(params, "name")
        if not name:
            raise HTTPError(400, "give an actor's name: /api/actor?name=NAME")
        data = self.q.actor(name, P.filters(params, "actors"))
        if data is None:
            raise HTTPError(404, f"no actor named {name!r}")
        return self.json({"ok": True, "actor": data})

    def api_search(self, request: Request) -> Response:
        params = self.params(request, ("q", "limit", "since", "until", "source"))
        if not params.get("q"):
            raise HTTPError(400, "give a search query: /api/search?q=WORDS")
        q = P.text(params, "q", P.MAX_SEARCH)
        limit = P.integer(params, "limit", 20, 1, 200)
        f = P.filters({k: v for k, v in params.items() if k in ("since", "until", "source")}, "articles")
        hits = self._search(q, limit, f)
        return self.json({"ok": True, "query": q, "count": len(hits), "hits": hits})

    def api_map(self, request: Request) -> Response:
        _params, f = self._chart_filters(request)
        return self.json({"ok": True, "filters": f, **self.q.map_points(f)})

    def api_timeline(self, request: Request) -> Response:
        params, f = self._chart_filters(request, ("period",))
        period = params.get("period", "month")
        if period not in self.q.PERIODS:
            raise HTTPError(400, f"period must be day, week or month, not {period[:20]!r}")
        return self.json({"ok": True, "filters": f, **self.q.timeline(f, period)})

    def api_network(self, request: Request) -> Response:
        params, f = self._chart_filters(request, ("nodes",))
        nodes = P.integer(params, "nodes", 60, 2, 300)
        return self.json({"ok": True, "filters": f, **self.q.network(f, nodes)})

    def api_openapi(self, request: Request) -> Response:
        from warta.web.openapi import spec

        self.params(request, ())
        return self.json(spec())

    def api_docs(self, request: Request) -> Response:
        from warta.web.openapi import spec

        self.params(request, ())
        return self.render("docs.html", title="API", spec=spec())


def _csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (=, +, -, @ at the start of text)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
        return True
    except ValueError:
        return False


# -- serving ------------------------------------------------------------------------------------
class Server:
    """uvicorn serving `app` on a socket bound at construction (port 0: any free port, see `server_port`)."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 8765, log_level: str = "warning"):
        import uvicorn

        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError:
            self.socket.close()
            raise
        self.socket.listen(128)
        self.server_port = self.socket.getsockname()[1]
        self.host = host
        self.server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, access_log=log_level == "info",
                                                    lifespan="off", server_header=False))

        self._running = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self) -> None:
        self._running.set()
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self.server.should_exit = True

    def server_close(self) -> None:
        """Close the socket, once a running server has finished (after `shutdown`)."""
        if self._running.is_set():
            self._stopped.wait(10)
        self.socket.close()


def make_server(app, host: str = "127.0.0.1", port: int = 8765, log_level: str = "warning") -> Server:
    return Server(app, host, port, log_level)
