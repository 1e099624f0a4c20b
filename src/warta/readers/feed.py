"""RSS and Atom feeds through feedparser: one record per entry."""

from __future__ import annotations

import re

import feedparser

from warta.errors import input_error
from warta.readers.dates import parse_published
from warta.readers.text import read_text
from warta.record import Article

_TAGS = re.compile(r"<[^>]+>")


def _entry_text(entry) -> str:
    parts = []
    for content in entry.get("content") or []:
        parts.append(content.get("value") or "")
    if not parts:
        parts.append(entry.get("summary") or entry.get("description") or "")
    html = "\n\n".join(parts)
    html = re.sub(r"(?i)<\s*(br|/p|/div|/h\d|/li)\s*/?>", "\n\n", html)
    import html as htmllib

    return htmllib.unescape(_TAGS.sub("", html)).strip()


def read_feed(text: str, source: str) -> list[Article]:
    parsed = feedparser.parse(text)
    if not parsed.entries:
        raise input_error(source, "bad_feed", why=_why(parsed) if parsed.bozo else "it has no entries")
    articles = []
    for i, entry in enumerate(parsed.entries):
        body = _entry_text(entry)
        if not body:
            continue
        published = parse_published(entry.get("published") or entry.get("updated"))
        authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        article = read_text(body, source=entry.get("link") or f"{source}#{i + 1}", title=entry.get("title"),
                            authors=authors, published=published)
        article.url = entry.get("link")
        articles.append(article)
    if not articles:
        if parsed.bozo:
            raise input_error(source, "bad_feed", why=_why(parsed))
        raise input_error(source, "no_text")
    return articles


def _why(parsed) -> str:
    exc = getattr(parsed, "bozo_exception", None)
    text = str(getattr(exc, "getMessage", lambda: exc)() or exc or "no entries")
    return " ".join(text.split())[:200]
