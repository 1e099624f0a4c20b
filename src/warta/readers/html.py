"""HTML pages through trafilatura: main text, title, authors, published date and time from the page's meta.

The page's own metadata (`article:published_time`, `author` meta, JSON-LD
`datePublished`/`author`) is read first, since trafilatura keeps only the date;
trafilatura's findings fill what the meta leaves open.  Broken markup gives an
article when any text can be recovered, otherwise an InputError, never a traceback.
"""

from __future__ import annotations

import json
import re

from warta.errors import input_error
from warta.readers.dates import parse_published
from warta.readers.text import read_text
from warta.record import Article

#: meta names/properties, best first
PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                  "publish-date", "publish_date", "dc.date.issued", "dc.date", "date", "content_publishdate",
                  "dtm:published", "sailthru.date", "parsely-pub-date")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "content_author", "parsely-author", "sailthru.author")
TITLE_KEYS = ("og:title", "twitter:title", "dc.title")


def page_meta(html: str) -> dict[str, object]:
    """title, authors and published (ISO) from <meta> tags and JSON-LD; missing keys are left out."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except Exception:  # unparsable markup: no meta
        return {}
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().casefold()
        value = (node.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    out: dict[str, object] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for item in _ld_items(script.text or ""):
            if "published" not in out and item.get("datePublished"):
                out["published"] = parse_published(str(item["datePublished"]))
            if "authors" not in out and item.get("author"):
                names = _ld_names(item["author"])
                if names:
                    out["authors"] = names
            if "title" not in out and isinstance(item.get("headline"), str):
                out["title"] = item["headline"].strip()
    for key in PUBLISHED_KEYS:
        if key in metas and not out.get("published"):
            out["published"] = parse_published(metas[key])
    for key in AUTHOR_KEYS:
        if key in metas and "authors" not in out and not metas[key].startswith("http"):
            out["authors"] = [n.strip() for n in re.split(r"\s*(?:[,;]|\bdan\b|&)\s*", metas[key]) if n.strip()]
    for key in TITLE_KEYS:
        if key in metas and "title" not in out:
            out["title"] = metas[key]
    return {k: v for k, v in out.items() if v}


def _ld_items(raw: str) -> list[dict]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            out.extend(x for x in item.get("@graph") or [] if isinstance(x, dict))
    return out


def _ld_names(author: object) -> list[str]:
    authors = author if isinstance(author, list) else [author]
    names = []
    for a in authors:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def read_html(html: str, source: str, **meta) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=meta.get("url"), with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise input_error(source, "no_text") from exc
    if doc is None:
        raise input_error(source, "no_text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    if not body.strip():
        raise input_error(source, "no_text")
    found = page_meta(html)
    authors = found.get("authors") or [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    article = read_text(body, source=source, title=meta.get("title") or found.get("title") or data.get("title"),
                        authors=meta.get("authors") or authors,
                        published=meta.get("published") or found.get("published") or parse_published(data.get("date")))
    article.url = meta.get("url") or data.get("url")
    return article
