"""The SQL behind the web view's lists, facets and charts (read-only; over `Store._filters`).

Every list kind (events, quotes, actors, articles, groups) has one FROM/WHERE built
from validated filters, and the page, its total, its facets and its downloads all
use that same WHERE, so a download holds exactly the rows the page filters to.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from warta.errors import StoreError
from warta.store import Store
from warta.store.core import PUBLISHED

EVENT_DATE = f"coalesce(t.date, {PUBLISHED})"
GROUP_DATE = "coalesce(t.date, a.published)"   # the date of the event_groups view

#: per list kind: sort key -> SQL expression (a leading `-` in the parameter sorts descending)
SORTS: dict[str, dict[str, str]] = {
    "events": {"date": EVENT_DATE, "type": "t.type", "source": "t.source_name", "target": "t.target_name",
               "place": "t.place", "goldstein": "t.goldstein", "outlet": "s.name", "title": "a.title"},
    "quotes": {"date": PUBLISHED, "speaker": "t.speaker_name", "country": "t.speaker_country",
               "outlet": "s.name", "text": "t.text", "title": "a.title"},
    "actors": {"name": "t.name", "type": "t.type", "country": "t.country", "articles": "num_articles",
               "mentions": "num_mentions", "first": "first_seen", "last": "last_seen"},
    "articles": {"date": PUBLISHED, "title": "a.title", "outlet": "coalesce(s.name, a.source)", "words": "a.words",
                 "events": "num_events", "quotes": "num_quotes"},
    "groups": {"date": "date", "type": "type", "articles": "num_articles", "mentions": "num_mentions",
               "sources": "num_sources", "goldstein": "goldstein"},
}
DEFAULT_SORT = {"events": "-date", "quotes": "-date", "actors": "-articles", "articles": "-date",
                "groups": "-articles"}

FROM = {
    "events": "FROM events t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id",
    "quotes": "FROM quotes t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id",
    "actors": "FROM actors t JOIN articles a ON a.id = t.article_id LEFT JOIN sources s ON s.id = a.source_id",
    "articles": "FROM articles a LEFT JOIN sources s ON s.id = a.source_id",
}

SELECT = {
    "events": ("t.article_id, t.idx, t.id, t.type, t.cameo, t.quad_class, t.goldstein, t.source_name, "
               f"t.source_country, t.target_name, t.target_country, {EVENT_DATE} AS date, t.place, t.negated, "
               "t.modality, t.trigger, t.evidence, t.confidence, t.rule, a.title, "
               f"{PUBLISHED} AS published, s.name AS outlet, a.url"),
    "quotes": ("t.article_id, t.idx, t.text, t.direct, t.speaker_name, t.speaker_country, t.cue, t.rule, a.title, "
               f"{PUBLISHED} AS published, s.name AS outlet, a.url"),
    "actors": ("t.name, t.type, t.country, group_concat(DISTINCT t.sector) AS sectors, "
               "count(DISTINCT t.article_id) AS num_articles, "
               "sum(json_array_length(coalesce(t.mentions, '[]'))) AS num_mentions, "
               f"min({PUBLISHED}) AS first_seen, max({PUBLISHED}) AS last_seen"),
    "articles": (f"a.id, a.title, {PUBLISHED} AS published, coalesce(s.name, a.source) AS outlet, a.url, a.words, "
                 "a.status, a.error, a.duplicate_of, "
                 "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS num_events, "
                 "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS num_quotes"),
}

QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _search_syntax(exc: Exception) -> ValueError | None:
    """An FTS syntax error as the ValueError the routes answer with a 400; None for any other error."""
    return ValueError(f"search syntax: {exc}") if fts_error(exc) else None


def fts_error(exc: Exception) -> bool:
    """The error is the search syntax's (a 400), not the store's."""
    low = str(exc).lower()
    return any(w in low for w in ("fts5", "syntax error", "no such column", "unterminated", "malformed match",
                                  "unknown special query", "parse error"))


class Queries:
    """Read-only queries for the web view over one open Store."""

    def __init__(self, store: Store):
        self.store = store
        self.conn = store.conn

    # -- plumbing ------------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        return list(self._iter(sql, list(params)))

    def _iter(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        """Rows as dicts; an FTS syntax error is a ValueError (a 400), any other SQLite error a StoreError."""
        return self.store._query(sql, params, translate=_search_syntax)

    def _rows_raw(self, sql: str, params: list[Any]) -> list[tuple]:
        """Rows as plain tuples (no sqlite3.Row), for counting many of them."""
        try:
            cursor = self.conn.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            if fts_error(exc):
                raise ValueError(f"search syntax: {exc}") from None
            raise StoreError(f"{self.store.path}: {exc}") from None

    #: filters the store's `_filters` does not know: (list kind, filter, SQL condition with one parameter)
    EXTRA = [("events", "place", "t.place = ?"), ("events", "quad_class", "t.quad_class = ?"),
             ("quotes", "q", "t.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"),
             ("articles", "q", "a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"),
             ("actors", "sector", "t.sector = ?")]

    def where(self, kind: str, f: dict[str, Any]) -> tuple[str, list[Any]]:
        """WHERE clause (without the keyword) and its parameters for a list kind and validated filters."""
        base = {k: f.get(k) for k in ("type", "country", "actor", "since", "until", "source", "actor_type")}
        base["duplicates"] = bool(f.get("duplicates"))
        if kind == "articles":
            base = {k: base[k] for k in ("since", "until", "source", "duplicates")}
            where, params = self.store._filters(table="articles", **base)
            where = where.replace("a.status = 'ok'", "1") if f.get("failed") else where
        else:
            base.pop("actor_type") if kind != "events" else None
            where, params = self.store._filters(table=kind, **base)
        if kind == "events" and f.get("near"):  # events whose place lies at these coordinates (2 decimals)
            where += (" AND EXISTS (SELECT 1 FROM places p2 WHERE p2.article_id = t.article_id AND "
                      "(p2.name = t.place OR p2.text = t.place) AND round(p2.lat, 2) = ? AND round(p2.lon, 2) = ?)")
            params += list(f["near"])
        for table, key, condition in self.EXTRA:
            if kind == table and f.get(key):
                where += f" AND {condition}"
                params.append(f[key])
        return where, params

    def _order(self, kind: str, sort: str | None) -> str:
        sort = sort or DEFAULT_SORT[kind]
        desc = sort.startswith("-")
        expr = SORTS[kind][sort.lstrip("-")]
        tie = {"events": "a.pk, t.idx", "quotes": "a.pk, t.idx", "actors": "t.name", "articles": "a.pk",
               "groups": "type"}[kind]
        direction = "DESC" if desc else "ASC"
        return f"ORDER BY {expr} IS NULL, {expr} {direction}, {tie} {direction}"

    # -- lists -----------------------------------------------------------------------------
    def _list_sql(self, kind: str, f: dict[str, Any], sort: str | None) -> tuple[str, list[Any]]:
        if kind == "groups":
            return self._groups_sql(f, sort)
        where, params = self.where(kind, f)
        group = " GROUP BY t.name, t.type, t.country" if kind == "actors" else ""
        return f"SELECT {SELECT[kind]} {FROM[kind]} WHERE {where}{group} {self._order(kind, sort)}", params

    def rows(self, kind: str, f: dict[str, Any], sort: str | None = None, limit: int = 100, offset: int = 0
             ) -> list[dict[str, Any]]:
        return self.page(kind, f, sort, limit, offset)["rows"]

    def page(self, kind: str, f: dict[str, Any], sort: str | None = None, limit: int = 100, offset: int = 0,
             facets: bool = False) -> dict[str, Any]:
        """{rows, total[, facets]} of one page.  Grouped lists (actors, groups) are aggregated once and cut
        here, since their GROUP BY reads every row anyway; the others count with a second query."""
        sql, params = self._list_sql(kind, f, sort)
        out: dict[str, Any]
        if kind in ("actors", "groups"):
            everything = self._rows(sql, params)
            out = {"rows": everything[offset:offset + limit], "total": len(everything)}
            if facets:
                out["facets"] = self._facets_of(kind, everything)
        else:
            out = {"rows": self._rows(sql + " LIMIT ? OFFSET ?", params + [limit, offset])}
            if facets:  # the facet pass reads one row per filtered row: its length is the total
                out["facets"], out["total"] = self._facets_and_total(kind, f)
            else:
                out["total"] = self.total(kind, f)
        if kind == "groups":
            for r in out["rows"]:
                r["article_ids"] = [x for x in (r.get("article_ids") or "").split(",") if x]
        return out

    def all_rows(self, kind: str, f: dict[str, Any], sort: str | None = None) -> Iterator[dict[str, Any]]:
        """Every row the filters select, in the page's order (for CSV and JSON downloads)."""
        sql, params = self._list_sql(kind, f, sort)
        return self._iter(sql, params)

    def total(self, kind: str, f: dict[str, Any]) -> int:
        if kind == "groups":
            sql, params = self._groups_sql(f, None, count=True)
            return self._rows(sql, params)[0]["n"]
        where, params = self.where(kind, f)
        if kind == "actors":
            sql = f"SELECT count(*) AS n FROM (SELECT 1 {FROM[kind]} WHERE {where} GROUP BY t.name, t.type, t.country)"
        else:
            sql = f"SELECT count(*) AS n {FROM[kind]} WHERE {where}"
        return self._rows(sql, params)[0]["n"]

    # -- facets -------------------------------------------------------------------------------
    #: per list kind: (parameter, label, SQL expressions whose values count; several count a row once)
    FACETS = {
        "events": [("type", "type", ["t.type"]), ("country", "country", ["t.source_country", "t.target_country"]),
                   ("actor", "actor", ["t.source_name", "t.target_name"]), ("source", "outlet", ["s.name"]),
                   ("month", "month", [f"substr({EVENT_DATE}, 1, 7)"])],
        "quotes": [("actor", "speaker", ["t.speaker_name"]), ("country", "country", ["t.speaker_country"]),
                   ("source", "outlet", ["s.name"]), ("month", "month", [f"substr({PUBLISHED}, 1, 7)"])],
        "actors": [("type", "type", ["t.type"]), ("sector", "sector", ["t.sector"]),
                   ("country", "country", ["t.country"]), ("source", "outlet", ["s.name"])],
        "articles": [("source", "outlet", ["s.name"]), ("month", "month", [f"substr({PUBLISHED}, 1, 7)"])],
        "groups": [("type", "type", ["type"]), ("country", "country", ["source_country", "target_country"]),
                   ("month", "month", ["substr(date, 1, 7)"])],
    }

    def _facets_of(self, kind: str, rows: list[dict[str, Any]], size: int = 12) -> list[dict[str, Any]]:
        """Facets counted over the rows of a grouped list already fetched (an actor, a group counts once)."""
        def values(r: dict[str, Any], param: str) -> set:
            if param == "month":
                return {(r.get("date") or "")[:7]}
            if param == "country":
                return {r.get("country")} if kind == "actors" else {r.get("source_country"), r.get("target_country")}
            if param == "sector":
                return set((r.get("sectors") or "").split(","))
            return {r.get(param)}

        spec = self.ACTOR_FACETS if kind == "actors" else self.FACETS[kind]
        out = []
        for param, label, _ in spec:
            c = Counter(v for r in rows for v in values(r, param))
            c.pop(None, None)
            c.pop("", None)
            out.append({"param": param, "label": label,
                        "values": [{"value": v, "count": n}
                                   for v, n in sorted(c.items(), key=lambda x: (-x[1], str(x[0])))[:size]]})
        return out

    #: the actors list counts actors (one row per name, type and country), not their mentions
    ACTOR_FACETS = [("type", "type", []), ("sector", "sector", []), ("country", "country", [])]

    def facets(self, kind: str, f: dict[str, Any], size: int = 12) -> list[dict[str, Any]]:
        """[{param, label, values: [{value, count}]}] over the filtered rows, counted in one pass over them
        (an event whose source and target share a country counts once for it)."""
        return self._facets_and_total(kind, f, size)[0]

    def _facets_and_total(self, kind: str, f: dict[str, Any], size: int = 12
                          ) -> tuple[list[dict[str, Any]], int]:
        spec = self.FACETS.get(kind)
        if not spec:
            return [], self.total(kind, f)
        exprs = [e for _, _, group in spec for e in group]
        if kind == "groups":
            sql, params = self._groups_sql(f, None)
            sql = f"SELECT {', '.join(exprs)} FROM ({sql.split(' ORDER BY ')[0]})"
        else:
            where, params = self.where(kind, f)
            sql = f"SELECT {', '.join(exprs)} {FROM[kind]} WHERE {where}"
        rows = self._rows_raw(sql, params)
        counters = []
        i = 0
        for _, _, group in spec:
            if len(group) == 1:
                c = Counter(map(itemgetter(i), rows))
            else:
                c = Counter(v for r in rows for v in set(r[i:i + len(group)]))
            c.pop(None, None)
            c.pop("", None)
            counters.append(c)
            i += len(group)
        return [{"param": param, "label": label,
                 "values": [{"value": v, "count": n} for v, n in sorted(c.items(), key=lambda x: (-x[1], str(x[0])))[:size]]}
                for (param, label, _), c in zip(spec, counters)], len(rows)

    # -- event groups ------------------------------------------------------------------------------
    def _groups_sql(self, f: dict[str, Any], sort: str | None, count: bool = False) -> tuple[str, list[Any]]:
        where, params = ["num_articles >= ?"], [f.get("min_articles") or 1]
        if f.get("type"):
            where.append("type = ?")
            params.append(f["type"])
        if f.get("country"):
            where.append("(source_country = ? OR target_country = ?)")
            params += [f["country"]] * 2
        if f.get("since"):
            where.append("date >= ?")
            params.append(f["since"])
        if f.get("until"):
            where.append(f"substr(date, 1, {len(f['until'])}) <= ?")
            params.append(f["until"])
        if count:
            return f"SELECT count(*) AS n FROM event_groups WHERE {' AND '.join(where)}", params
        return f"SELECT * FROM event_groups WHERE {' AND '.join(where)} {self._order('groups', sort)}", params

    def group_details(self, groups: list[dict[str, Any]]) -> None:
        """Give each group (in place) its actors' names, place, a sample sentence and its articles: one query
        over the events of the page's types and dates, bucketed by the group key here."""
        if not groups:
            return
        key = ("type", "source_country", "target_country", "date", "cameo")
        wanted = {tuple(g.get(k) for k in key) for g in groups}
        types = sorted({g.get("type") for g in groups if g.get("type")})
        dates = sorted({g.get("date") for g in groups if g.get("date")})
        params: list[Any] = [*types, *dates]
        rows = self._rows(
            f"SELECT t.type, t.source_country, t.target_country, {GROUP_DATE} AS date, t.cameo, t.article_id, t.idx, "
            f"t.source_name, t.target_name, t.place, t.evidence, a.title, {PUBLISHED} AS published, s.name AS outlet "
            f"{FROM['events']} WHERE a.status = 'ok' AND t.type IN ({', '.join('?' * len(types)) or 'NULL'}) "
            f"AND {GROUP_DATE} IN ({', '.join('?' * len(dates)) or 'NULL'}) ORDER BY a.pk, t.idx", params)
        buckets: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            k = tuple(r.get(x) for x in key)
            if k in wanted:
                buckets[k].append(r)
        for g in groups:
            members = buckets.get(tuple(g.get(k) for k in key), [])

            def common(name: str) -> str | None:
                c = Counter(r[name] for r in members if r.get(name))
                return c.most_common(1)[0][0] if c else None

            g["source_name"], g["target_name"], g["place"] = common("source_name"), common("target_name"), \
                common("place")
            sample = next((r for r in members if r.get("evidence")), None)
            g["sample"] = sample and {"text": sample["evidence"], "article_id": sample["article_id"],
                                      "idx": sample["idx"]}
            seen, articles = set(), []
            for r in members:
                if r["article_id"] not in seen:
                    seen.add(r["article_id"])
                    articles.append({"id": r["article_id"], "idx": r["idx"], "title": r["title"],
                                     "published": r["published"], "outlet": r["outlet"]})
            g["articles"] = articles

    # -- map ---------------------------------------------------------------------------------------
    def map_points(self, f: dict[str, Any]) -> dict[str, Any]:
        """Event places (with coordinates from the article's places, else the country) and place mentions."""
        where, params = self.where("events", f)
        rows = self._rows(
            "SELECT t.place AS name, p.lat, p.lon, coalesce(p.country, CASE WHEN p.kind = 'country' THEN NULL END) "
            "AS country, p.kind, t.type, t.quad_class, count(*) AS n "
            f"{FROM['events']} LEFT JOIN places p ON p.pk = (SELECT p2.pk FROM places p2 "
            "WHERE p2.article_id = t.article_id AND (p2.name = t.place OR p2.text = t.place) "
            "ORDER BY p2.lat IS NULL, p2.idx LIMIT 1) "
            f"WHERE {where} AND t.place IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7", params)
        points: dict[tuple, dict[str, Any]] = {}
        for r in rows:
            if r["lat"] is None and (r["kind"] != "country" or not r["country"]):
                continue                # no coordinates, and not a whole country (drawn at its centroid)
            located = r["lat"] is not None and r["lon"] is not None
            # one point per spot: "Jakarta" and "DKI Jakarta" at the same coordinates are one place
            key = ("at", round(r["lat"], 2), round(r["lon"], 2)) if located else ("country", r["country"])
            p = points.setdefault(key, {"lat": r["lat"], "lon": r["lon"], "country": r["country"],
                                        "near": f"{key[1]},{key[2]}" if located else None,
                                        "numeric": None if located else _numeric(r["country"]),
                                        "kind": r["kind"], "count": 0, "names": Counter(), "types": Counter(),
                                        "quad": Counter()})
            p["count"] += r["n"]
            p["names"][r["name"]] += r["n"]
            p["types"][r["type"] or "?"] += r["n"]
            if r["quad_class"]:
                p["quad"][int(r["quad_class"])] += r["n"]
        out = []
        for p in points.values():
            p["name"] = p["names"].most_common(1)[0][0]
            p["names"] = [n for n, _ in p["names"].most_common()]
            p["type"] = p["types"].most_common(1)[0][0]
            p["quad_class"] = p["quad"].most_common(1)[0][0] if p["quad"] else None
            p["types"] = dict(p["types"].most_common())
            p["quad"] = {str(k): v for k, v in p["quad"].items()}
            out.append(p)
        out.sort(key=lambda p: -p["count"])
        dup = "" if f.get("duplicates") else "AND a.duplicate_of IS NULL"
        mentions = self._rows(
            "SELECT p.name, p.country, round(p.lat, 3) AS lat, round(p.lon, 3) AS lon, count(*) AS mentions, "
            "count(DISTINCT p.article_id) AS articles FROM places p JOIN articles a ON a.id = p.article_id "
            f"WHERE a.status = 'ok' {dup} AND p.lat IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY mentions DESC LIMIT 2000")
        return {"events": out, "places": mentions}

    # -- timeline ----------------------------------------------------------------------------------
    PERIODS = {"day": f"substr({EVENT_DATE}, 1, 10)",
               "week": f"date(substr({EVENT_DATE}, 1, 10), '-6 days', 'weekday 1')",
               "month": f"substr({EVENT_DATE}, 1, 7)"}

    def timeline(self, f: dict[str, Any], period: str) -> dict[str, Any]:
        where, params = self.where("events", f)
        expr = self.PERIODS[period]
        need = "" if period == "month" else f" AND length({EVENT_DATE}) >= 10"
        rows = self._rows(f"SELECT {expr} AS period, t.type AS type, count(*) AS n {FROM['events']} "
                          f"WHERE {where}{need} AND {EVENT_DATE} IS NOT NULL GROUP BY 1, 2 ORDER BY 1", params)
        rows = [r for r in rows if r["period"]]
        types = [t for t, _ in Counter({r["type"] or "?": 0 for r in rows}).items()]
        totals = Counter()
        for r in rows:
            totals[r["type"] or "?"] += r["n"]
        types = [t for t, _ in totals.most_common()]
        periods: dict[str, dict[str, int]] = defaultdict(dict)
        for r in rows:
            periods[r["period"]][r["type"] or "?"] = r["n"]
        keys = _all_periods(sorted(periods), period)
        return {"period": period, "types": types,
                "bins": [{"period": k, "counts": periods.get(k, {}), "total": sum(periods.get(k, {}).values())}
                         for k in keys]}

    # -- network -----------------------------------------------------------------------------------
    def network(self, f: dict[str, Any], max_nodes: int = 60) -> dict[str, Any]:
        where, params = self.where("events", f)
        rows = self._rows(
            "SELECT t.source_name AS s, t.source_country AS sc, t.target_name AS t, t.target_country AS tc, "
            f"count(*) AS n, avg(t.goldstein) AS g {FROM['events']} WHERE {where} "
            "AND t.source_name IS NOT NULL AND t.target_name IS NOT NULL AND t.source_name != t.target_name "
            "GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT 2000", params)
        weight: Counter = Counter()
        country: dict[str, str | None] = {}
        for r in rows:
            weight[r["s"]] += r["n"]
            weight[r["t"]] += r["n"]
            country.setdefault(r["s"], r["sc"])
            country.setdefault(r["t"], r["tc"])
        keep = {name for name, _ in weight.most_common(max_nodes)}
        nodes = [{"id": n, "country": country.get(n), "weight": weight[n]} for n in sorted(keep)]
        edges = [{"source": r["s"], "target": r["t"], "count": r["n"],
                  "goldstein": round(r["g"], 2) if r["g"] is not None else None}
                 for r in rows if r["s"] in keep and r["t"] in keep]
        return {"nodes": nodes, "edges": edges}

    # -- one actor ---------------------------------------------------------------------------------
    def actor(self, name: str, f: dict[str, Any]) -> dict[str, Any] | None:
        dup = "" if f.get("duplicates") else " AND a.duplicate_of IS NULL"
        ok = f"a.status = 'ok'{dup}"
        variants = self._rows(
            "SELECT t.type, t.country, t.sector, count(DISTINCT t.article_id) AS articles, "
            f"group_concat(t.aliases, '\x1f') AS aliases, min({PUBLISHED}) AS first_seen, "
            f"max({PUBLISHED}) AS last_seen {FROM['actors']} "
            f"WHERE t.name = ? AND {ok} GROUP BY 1, 2, 3 ORDER BY articles DESC", [name])
        if not variants:
            return None
        import json

        aliases: list[str] = []
        for v in variants:
            for chunk in (v.pop("aliases") or "").split("\x1f"):
                try:
                    for alias in json.loads(chunk) if chunk else []:
                        if alias not in aliases and alias != name:
                            aliases.append(alias)
                except ValueError:
                    pass
        quotes = self._rows(f"SELECT {SELECT['quotes']} {FROM['quotes']} WHERE t.speaker_name = ? AND {ok} "
                            "ORDER BY published DESC, a.pk LIMIT 500", [name])
        as_source = self._rows(f"SELECT {SELECT['events']} {FROM['events']} WHERE t.source_name = ? AND {ok} "
                               "ORDER BY date DESC, a.pk LIMIT 500", [name])
        as_target = self._rows(f"SELECT {SELECT['events']} {FROM['events']} WHERE t.target_name = ? AND {ok} "
                               "ORDER BY date DESC, a.pk LIMIT 500", [name])
        together = self._rows(
            "SELECT x.name, x.country, count(DISTINCT x.article_id) AS articles FROM actors x "
            "JOIN articles a ON a.id = x.article_id "
            f"WHERE x.article_id IN (SELECT article_id FROM actors WHERE name = ?) AND x.name != ? AND {ok} "
            "GROUP BY 1, 2 ORDER BY articles DESC, x.name LIMIT 40", [name, name])
        first = variants[0]
        return {"name": name, "type": first["type"], "country": first["country"], "sector": first["sector"],
                "variants": variants, "aliases": aliases, "articles": sum(v["articles"] for v in variants),
                "first_seen": min((v["first_seen"] for v in variants if v["first_seen"]), default=None),
                "last_seen": max((v["last_seen"] for v in variants if v["last_seen"]), default=None),
                "quotes": quotes, "events_as_source": as_source, "events_as_target": as_target,
                "co_occurring": together}

    def titles(self, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        ids = sorted(set(i for i in ids if i))
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for r in self._rows(f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(part))})", part):
                out[r["id"]] = r["title"] or ""
        return out


def _all_periods(keys: list[str], period: str, most: int = 1500) -> list[str]:
    """`keys` (sorted) with the empty periods between them filled in (unless there would be too many)."""
    import datetime as dt

    if len(keys) < 2:
        return keys
    out: list[str] = []
    try:
        if period == "month":
            y, m = map(int, keys[0].split("-")[:2])
            while len(out) <= most:
                out.append(f"{y:04d}-{m:02d}")
                if out[-1] >= keys[-1]:
                    break
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            day, last = dt.date.fromisoformat(keys[0]), dt.date.fromisoformat(keys[-1])
            step = dt.timedelta(days=7 if period == "week" else 1)
            while day <= last and len(out) <= most:
                out.append(day.isoformat())
                day += step
    except ValueError:
        return keys
    if len(out) > most or not set(keys) <= set(out):
        return keys
    return out


@functools.cache
def _numeric_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.numeric for c in pycountry.countries}


def _numeric(alpha3: str | None) -> str | None:
    """ISO 3166 numeric code (the world atlas's feature id) of an alpha-3 code."""
    return _numeric_codes().get((alpha3 or "").upper())
