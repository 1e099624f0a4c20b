"""HTML pages through trafilatura: main text, title, authors, published date from the page's meta."""

from __future__ import annotations

import trafilatura

from warta.errors import input_error
from warta.readers.dates import parse_published
from warta.readers.text import read_text
from warta.record import Article


def read_html(html: str, source: str, **meta) -> Article:
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
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    article = read_text(body, source=source, title=meta.get("title") or data.get("title"),
                        authors=meta.get("authors") or authors,
                        published=meta.get("published") or parse_published(data.get("date")))
    article.url = meta.get("url") or data.get("url")
    return article
