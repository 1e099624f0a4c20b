"""JSON Lines: one article a line, with a `text` field and optional `title`, `url`, `published`, `authors`."""

from __future__ import annotations

import json

from warta.errors import input_error
from warta.readers.dates import parse_published
from warta.readers.text import read_text
from warta.record import Article

FIELDS = ("title", "url", "published", "authors")


def read_line(line: str, source: str, number: int) -> Article:
    """The article on line `number` of the JSON Lines file `source`."""
    try:
        item = json.loads(line)
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError("no string \"text\" field")
    except ValueError as exc:
        raise input_error(source, "bad_jsonl", line=number, why=exc) from None
    meta = {k: item[k] for k in FIELDS if item.get(k)}
    if isinstance(meta.get("published"), str):
        meta["published"] = parse_published(meta["published"]) or meta["published"]
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [meta["authors"]]
    return read_text(item["text"], source=item.get("source") or f"{source}#{number}", **meta)


def read_jsonl(text: str, source: str) -> list[Article]:
    return [read_line(line, source, number) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
