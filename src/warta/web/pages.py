"""HTML for each page of the web view.  Every value from the store passes through `esc`."""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from warta.record import Article
from warta.web.highlight import LABELS, render_text


def esc(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def article_href(article_id: str) -> str:
    return "/article/" + quote(str(article_id), safe="")


def query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode(merged)) if merged else ""


def layout(title: str, body: str, q: str = "") -> str:
    return (
        "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)} · warta</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
        "<header class=\"top\"><a class=\"brand\" href=\"/\">warta</a><a href=\"/articles\">articles</a>"
        "<a href=\"/events\">events</a><a href=\"/events/grouped\">event groups</a>"
        f"<form action=\"/\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{esc(q)}\" "
        "placeholder=\"search articles and quotes\" aria-label=\"search\"></form></header>"
        f"<main>{body}</main></body></html>\n")


def error_page(status: int, message: str) -> str:
    return layout(f"Error {status}", f"<h1>Error {status}</h1><p class=\"error\">{esc(message)}</p>"
                                     "<p><a href=\"/\">← back to the start</a></p>")


_MARK = re.compile(r"\[([^\[\]\n]{1,200})\]")


def snippet_html(snippet: str | None) -> str:
    """An FTS snippet (matches in [brackets]) as escaped HTML with <mark>s."""
    return _MARK.sub(lambda m: f"<mark>{m.group(1)}</mark>", esc(snippet or ""))


def _url_link(url: str | None) -> str:
    if url and re.match(r"^https?://", url, re.I):
        return f"<a href=\"{esc(url)}\" rel=\"noreferrer noopener\">{esc(url)}</a>"
    return esc(url)


def _table(columns: list[str], rows: list[list[str]], empty: str = "none", numeric: set[int] = frozenset(),
           nowrap: set[int] = frozenset()) -> str:
    """rows are already-escaped HTML cells; `numeric` columns align right, `nowrap` ones never wrap."""
    if not rows:
        return f"<p class=\"small\">{esc(empty)}</p>"

    def cell(i: int, c: str) -> str:
        cls = "num" if i in numeric else "nowrap" if i in nowrap else ""
        return f"<td class=\"{cls}\">{c}</td>" if cls else f"<td>{c}</td>"

    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(cell(i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<div class=\"scroll\"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _short(text: str | None, n: int = 220) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _source_cell(value: str | None) -> str:
    """A source name; file paths and URLs may break anywhere, outlet names never."""
    return f"<span class=\"path\">{esc(value)}</span>" if value and "/" in value else esc(value)


# -- the start page ---------------------------------------------------------------------
def _article_rows(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        title = esc(r.get("title") or "(untitled)")
        link = f"<a href=\"{esc(article_href(r['id']))}\">{title}</a>"
        if r.get("status") == "failed":
            link = f"{title} <span class=\"flag\">failed</span> <span class=\"small\">{esc(_short(r.get('error'), 120))}</span>"
        elif r.get("duplicate_of"):
            link += " <span class=\"flag\">near-duplicate</span>"
        out.append([link, esc(r.get("published") or r.get("reference_date") or ""),
                    _source_cell(r.get("outlet") or r.get("source_name") or r.get("source")),
                    esc(r.get("words") or ""), esc(r.get("num_events")), esc(r.get("num_quotes"))])
    return _table(["article", "date", "source", "words", "events", "quotes"], out, "no articles yet",
                  numeric={3, 4, 5}, nowrap={1})


def home(counts: dict[str, int], q: str, hits: list[dict[str, Any]] | None, recent: list[dict[str, Any]]) -> str:
    boxes = "".join(f"<div><b>{counts.get(k, 0):,}</b><span>{label}</span></div>"
                    for k, label in (("articles", "articles"), ("events", "events"), ("quotes", "quotes"),
                                     ("actors", "actors"), ("event_groups", "event groups"), ("stories", "stories")))
    body = ["<h1>What warta found</h1>", f"<div class=\"counts\">{boxes}</div>"]
    extra = [f"{counts[k]:,} {label}" for k, label in (("failed", "failed"), ("near_duplicates", "near-duplicates"))
             if counts.get(k)]
    if extra:
        body.append(f"<p class=\"small\">{esc(', '.join(extra))}</p>")
    body.append("<form class=\"searchbox\" action=\"/\" method=\"get\" role=\"search\">"
                f"<input type=\"search\" name=\"q\" value=\"{esc(q)}\" placeholder=\"rudal balistik, &quot;banjir "
                "bandang&quot;, pemilu OR pilkada, korup*\" aria-label=\"search\"><button>Search</button></form>")
    if hits is not None:
        body.append(f"<h2>Search: {esc(q)} <span class=\"small\">({len(hits)} hit(s))</span></h2>")
        if not hits:
            body.append("<p class=\"small\">Nothing found.</p>")
        items = []
        for h in hits:
            kind = "quote" if h.get("kind") == "quote" else "article"
            who = f" — <b>{esc(h.get('speaker'))}</b>" if kind == "quote" and h.get("speaker") else ""
            items.append(f"<li><a href=\"{esc(article_href(h['article_id']))}\">{esc(h.get('title') or '(untitled)')}"
                         f"</a> <span class=\"flag\">{kind}</span> <span class=\"small\">"
                         f"{esc(h.get('published') or '')}</span><div class=\"snippet\">{snippet_html(h.get('snippet'))}"
                         f"{who}</div></li>")
        body.append(f"<ol class=\"hits\">{''.join(items)}</ol>")
    body.append("<h2>Recent articles</h2>" + _article_rows(recent))
    if counts.get("articles", 0) > len(recent):
        body.append("<p><a href=\"/articles\">all articles →</a></p>")
    return layout(f"search: {q}" if q else "warta", "".join(body), q)


def articles(rows: list[dict[str, Any]], limit: int, offset: int, total: int) -> str:
    body = [f"<h1>Articles <span class=\"small\">{offset + 1 if rows else 0}–{offset + len(rows)} of {total:,}"
            "</span></h1>", _article_rows(rows), _pager("/articles", {}, limit, offset, len(rows))]
    return layout("articles", "".join(body))


def _pager(path: str, params: dict[str, Any], limit: int, offset: int, n: int) -> str:
    links = []
    if offset > 0:
        links.append(f"<a href=\"{esc(path + query_string(params, offset=max(0, offset - limit) or None))}\">"
                     "← previous</a>")
    if n >= limit:
        links.append(f"<a href=\"{esc(path + query_string(params, offset=offset + limit))}\">next →</a>")
    return f"<div class=\"pager\">{''.join(links)}</div>" if links else ""


# -- events ----------------------------------------------------------------------------
def event_line(type_: str | None, cameo: str | None, source_country: str | None, source: str | None,
               target_country: str | None, target: str | None, date: str | None, place: str | None,
               negated: Any = False, modality: str | None = None) -> str:
    """`PRK Kim Jong Un —CONSULT/042→ RUS Vladimir Putin · 2023-09-13 · Vostochny Cosmodrome` as HTML."""
    def side(country: str | None, name: str | None) -> str:
        cc = f"<span class=\"cc\">{esc(country)}</span> " if country else ""
        return cc + (esc(name) if name else "<span class=\"small\">?</span>")

    code = esc(type_ or "?") + (f"/{esc(cameo)}" if cameo else "")
    parts = [f"{side(source_country, source)} <span class=\"arrow\">—{code}→</span> {side(target_country, target)}"]
    if date:
        parts.append(esc(date))
    if place:
        parts.append(esc(place))
    flags = ""
    if negated:
        flags += " <span class=\"flag\">negated</span>"
    if modality:
        flags += f" <span class=\"flag\">{esc(modality)}</span>"
    return f"<span class=\"evline\">{' · '.join(parts)}</span>{flags}"


def _evidence(evidence: str | None, trigger: str | None) -> str:
    text = esc(_short(evidence, 600))
    if trigger:
        t = esc(trigger)
        m = re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", text, re.I)
        if m:
            text = text[: m.start()] + f"<mark>{m.group(0)}</mark>" + text[m.end():]
    return text


def _filter_form(action: str, params: dict[str, str], fields: list[tuple[str, str, str]]) -> str:
    inputs = "".join(f"<label>{esc(label)}<input type=\"text\" name=\"{name}\" value=\"{esc(params.get(name, ''))}\" "
                     f"placeholder=\"{esc(hint)}\"></label>" for name, label, hint in fields)
    return (f"<form class=\"filters\" action=\"{action}\" method=\"get\">{inputs}<button>Filter</button> "
            f"<a href=\"{action}\">clear</a></form>")


EVENT_FIELDS = [("type", "type", "e.g. CONSULT"), ("country", "country", "e.g. IDN"), ("actor", "actor", "name contains"),
                ("since", "since", "YYYY-MM-DD"), ("until", "until", "YYYY-MM(-DD)"), ("source", "source", "outlet or file")]


def events(params: dict[str, str], rows: list[dict[str, Any]], limit: int, offset: int, error: str = "") -> str:
    body = ["<h1>Events</h1>", _filter_form("/events", params, EVENT_FIELDS)]
    if error:
        body.append(f"<p class=\"error\">{esc(error)}</p>")
    else:
        out = []
        for r in rows:
            line = event_line(r.get("type"), r.get("cameo"), r.get("source_country"), r.get("source_name"),
                              r.get("target_country"), r.get("target_name"), None, r.get("place"), r.get("negated"),
                              r.get("modality"))
            href = article_href(r["article_id"])
            out.append([esc(r.get("date") or ""), line + f"<div class=\"evidence\">{esc(_short(r.get('evidence')))}</div>"
                        f"<div class=\"rule\">{esc(r.get('rule'))}</div>",
                        f"<a href=\"{esc(href)}\">{esc(_short(r.get('title') or '(untitled)', 90))}</a>"
                        f"<div class=\"small\">{_source_cell(r.get('source_name_outlet'))}</div>"])
        body.append(f"<p class=\"small\">{offset + 1 if rows else 0}–{offset + len(rows)} shown · "
                    f"<a href=\"{esc('/api/events' + query_string(params))}\">as JSON</a></p>")
        body.append(_table(["date", "event and evidence", "article"], out, "no events match", nowrap={0}))
        body.append(_pager("/events", params, limit, offset, len(rows)))
    return layout("events", "".join(body))


GROUP_FIELDS = [("type", "type", "e.g. CONSULT"), ("country", "country", "e.g. IDN"), ("since", "since", "YYYY-MM-DD"),
                ("until", "until", "YYYY-MM(-DD)"), ("min_articles", "min. articles", "1")]


def groups(params: dict[str, str], rows: list[dict[str, Any]], titles: dict[str, str], limit: int, offset: int,
           error: str = "") -> str:
    body = ["<h1>Event groups <span class=\"small\">the same event across articles</span></h1>",
            _filter_form("/events/grouped", params, GROUP_FIELDS)]
    if error:
        body.append(f"<p class=\"error\">{esc(error)}</p>")
    else:
        out = []
        for r in rows:
            line = event_line(r.get("type"), r.get("cameo"), r.get("source_country"), None, r.get("target_country"),
                              None, None, None)
            line = line.replace("<span class=\"small\">?</span>", "")
            arts = "".join(f"<div><a href=\"{esc(article_href(a))}\">{esc(_short(titles.get(a) or a, 70))}</a></div>"
                           for a in r["article_ids"][:8])
            if len(r["article_ids"]) > 8:
                arts += f"<div class=\"small\">… and {len(r['article_ids']) - 8} more</div>"
            gold = r.get("goldstein")
            out.append([esc(r.get("date") or ""), line, esc(r.get("num_mentions")), esc(r.get("num_articles")),
                        esc(r.get("num_distinct_articles")), esc(r.get("num_sources")),
                        esc(f"{gold:+.1f}" if isinstance(gold, (int, float)) else ""), arts])
        body.append(f"<p class=\"small\">{offset + 1 if rows else 0}–{offset + len(rows)} shown · "
                    f"<a href=\"{esc('/api/events/grouped' + query_string(params))}\">as JSON</a></p>")
        body.append(_table(["date", "event", "mentions", "articles", "distinct", "sources", "goldstein", "reported in"],
                           out, "no event groups match", numeric={2, 3, 4, 5, 6}, nowrap={0, 1}))
        body.append(_pager("/events/grouped", params, limit, offset, len(rows)))
    return layout("event groups", "".join(body))


# -- one article -----------------------------------------------------------------------
def _legend() -> str:
    items = [f"<span><span class=\"ent ent-{label}\">{label}</span></span>" for label in ("PER", "ORG", "LOC")]
    items += ["<span><span class=\"q q-direct\">direct quote</span></span>",
              "<span><span class=\"q q-reported\">reported speech</span></span>",
              "<span><span class=\"date\">date</span></span>", "<span><span class=\"qty\">quantity</span></span>",
              "<span class=\"small\">hover a span for its speaker, value and rule</span>"]
    return f"<div class=\"legend\">{''.join(items)}</div>"


def _sent_link(article: Article, offset: int | None, label: str) -> str:
    i = article.sentence_at(offset) if isinstance(offset, int) else None
    return f"<a href=\"#s{i}\">{label}</a>" if i is not None else label


def article(a: Article) -> str:
    actors = {x.id: x for x in a.actors}
    meta = []
    if a.authors:
        meta.append(f"<b>By</b> {esc(', '.join(a.authors))}")
    if a.outlet:
        meta.append(f"<b>Outlet</b> {esc(a.outlet)}")
    if a.editor:
        meta.append(f"<b>Editor</b> {esc(a.editor)}")
    if a.credits:
        meta.append(f"<b>Credits</b> {esc(', '.join(a.credits))}")
    dates = []
    if a.published:
        dates.append(f"<b>Published</b> {esc(a.published)}")
    if a.reference_date:
        dates.append(f"<b>Reference date</b> {esc(a.reference_date)} <span class=\"small\">({esc(a.reference_basis)})"
                     "</span>")
    if a.dateline:
        dates.append(f"<b>Dateline</b> {esc(a.dateline)}")
    src = [f"<b>Source</b> {_url_link(a.url) if a.url else esc(a.source)}", f"<b>id</b> <code>{esc(a.id)}</code>",
           f"<a href=\"{esc('/api/articles/' + quote(a.id, safe=''))}\">JSON</a>"]
    head = [f"<h1>{esc(a.title or '(untitled)')}</h1>"]
    for line in (meta, dates, src):
        if line:
            head.append(f"<p class=\"meta\">{' · '.join(line)}</p>")
    if a.warnings:
        head.append("<p class=\"small\">warnings: " + esc("; ".join(a.warnings)) + "</p>")
    text_html, skipped = render_text(a)
    left = ["<h2>Text</h2>", _legend(), f"<div class=\"text\">{text_html}</div>"]
    if skipped:
        left.append(f"<p class=\"small\">{skipped} span(s) with offsets outside the text were not marked.</p>")

    side = [f"<h2>Events <span class=\"small\">({len(a.events)})</span></h2>"]
    if a.events:
        items = []
        for e in a.events:
            src_actor, tgt_actor = actors.get(e.source or ""), actors.get(e.target or "")
            line = event_line(e.type, e.cameo, e.source_country, (src_actor.name if src_actor else None) or e.source_text,
                              e.target_country, (tgt_actor.name if tgt_actor else None) or e.target_text, e.date,
                              e.place, e.negated, e.modality)
            extra = [f"confidence {e.confidence:.2f}" if isinstance(e.confidence, (int, float)) else "",
                     f"goldstein {e.goldstein:+.1f}" if isinstance(e.goldstein, (int, float)) else "",
                     f"context {e.context}" if e.context else ""]
            items.append(f"<li>{line}<div class=\"evidence\">{_evidence(e.evidence, e.trigger)} "
                         f"{_sent_link(a, e.start, '¶')}</div><div class=\"rule\">rule {esc(e.rule)} · "
                         f"{esc(' · '.join(x for x in extra if x))}</div></li>")
        side.append(f"<ul class=\"events\">{''.join(items)}</ul>")
    else:
        side.append("<p class=\"small\">no events</p>")

    tables: list[str] = []
    rows = [[esc(x.id), esc(x.name), esc(x.type), esc(x.country or ""), esc(x.sector or ""),
             esc(", ".join(x.roles)), esc(", ".join(x.aliases)), esc(len(x.mentions)), f"<span class=\"rule\">{esc(x.rule)}</span>"]
            for x in a.actors]
    tables.append(f"<h2>Actors <span class=\"small\">({len(a.actors)})</span></h2>"
                + _table(["id", "name", "type", "country", "sector", "roles", "aliases", "mentions", "rule"], rows,
                         "no actors", numeric={7}, nowrap={0, 3}))
    rows = []
    for i, q in enumerate(a.quotes):
        sp = actors.get(q.speaker or "")
        who = esc((sp.name if sp else None) or q.speaker_text or "?")
        if sp and sp.country:
            who += f" <span class=\"small\">{esc(sp.country)}</span>"
        rows.append([who, esc(q.cue or ""), "direct" if q.direct else "reported",
                     f"<a href=\"#q{i}\">{esc(_short(q.text, 160))}</a>", f"<span class=\"rule\">{esc(q.rule)}</span>"])
    tables.append(f"<h2>Quotes <span class=\"small\">({len(a.quotes)})</span></h2>"
                + _table(["speaker", "cue", "kind", "quote", "rule"], rows, "no quotes"))
    rows = [[f"<a href=\"#d{i}\">{esc(d.text)}</a>", esc(d.value or ""), esc(d.grain), f"<span class=\"rule\">{esc(d.rule)}</span>"]
            for i, d in enumerate(a.dates)]
    tables.append(f"<h2>Dates <span class=\"small\">({len(a.dates)})</span></h2>"
                + _table(["text", "value", "grain", "rule"], rows, "no dates", nowrap={1}))
    seen: dict[tuple, list] = {}  # one row per distinct place reading, with how often it occurs
    for p in a.places:
        key = (p.text, p.name, p.country, p.admin1, p.kind, p.rule)
        seen.setdefault(key, [p, 0])[1] += 1
    rows = [[esc(p.text), esc(p.name), esc(p.country or ""), esc(p.admin1 or ""), esc(p.kind or ""), esc(n),
             f"<span class=\"rule\">{esc(p.rule)}</span>"] for p, n in seen.values()]
    tables.append(f"<h2>Places <span class=\"small\">({len(a.places)})</span></h2>"
                + _table(["text", "name", "country", "admin1", "kind", "×", "rule"], rows, "no places", numeric={5}))
    rows = [[f"<a href=\"#n{i}\">{esc(n.text)}</a>", esc(_num(n.value)), esc(n.unit or ""), esc(n.object or ""),
             "≈" if n.approximate else "", f"<span class=\"rule\">{esc(n.rule)}</span>"] for i, n in enumerate(a.quantities)]
    tables.append(f"<h2>Quantities <span class=\"small\">({len(a.quantities)})</span></h2>"
                + _table(["text", "value", "unit", "object", "", "rule"], rows, "no quantities", numeric={1}))
    body = "".join(head) + f"<div class=\"article\"><section>{''.join(left)}</section>" \
                           f"<section class=\"side\">{''.join(side)}</section></div>" \
                           f"<section class=\"layers\">{''.join(tables)}</section>"
    return layout(a.title or a.id, body)


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    if isinstance(value, (int, float)):
        return f"{value:,}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return "" if value is None else str(value)


__all__ = ["LABELS", "article", "articles", "error_page", "event_line", "events", "groups", "home", "layout"]
