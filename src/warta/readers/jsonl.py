"""JSON Lines: one article a line, with a `text` field and optional `title`, `url`, `published`, `authors`.

Each line is read on its own (`warta.readers.iter_units` streams a file line by line), so a bad line
costs only itself.  A line that is not a JSON object with a string `text` is an InputError naming the
line; an optional field of the wrong type (`"published": 2024`, `"authors": [1, null]`) is left out
with a warning on the article, never passed on.
"""

from __future__ import annotations

import json

from warta.errors import input_error
from warta.readers.dates import parse_published
from warta.readers.encoding import clean_text
from warta.readers.text import read_text
from warta.record import Article

FIELDS = ("title", "url", "published", "authors", "source")


def _fields(item: dict, warnings: list[str]) -> dict:
    meta: dict = {}
    for key in FIELDS:
        value = item.get(key)
        if value is None or value == "" or value == []:
            continue
        if key == "authors":
            values = [value] if isinstance(value, str) else value if isinstance(value, list) else None
            if values is None:
                warnings.append(f'field "authors" must be a list of names, not {type(value).__name__}; ignored')
                continue
            names = [v.strip() for v in values if isinstance(v, str) and v.strip()]
            if len(names) != len(values):
                warnings.append(f'field "authors": {len(values) - len(names)} item(s) that are not names ignored')
            if names:
                meta["authors"] = names
        elif isinstance(value, str):
            meta[key] = value
        else:
            warnings.append(f'field "{key}" must be a string, not {type(value).__name__}; ignored')
    return meta


def read_line(line: str | bytes, source: str, number: int) -> Article:
    """The article on line `number` of the JSON Lines file `source`."""
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError(f"a JSON {type(item).__name__}, not an object")
        if not isinstance(item.get("text"), str):
            raise ValueError("no string \"text\" field")
    except (ValueError, RecursionError) as exc:
        why = exc if isinstance(exc, ValueError) else "nested too deeply"
        raise input_error(f"{source}#{number}", "bad_jsonl", line=number, why=why) from None
    warnings: list[str] = []
    meta = _fields(item, warnings)
    if "published" in meta:
        meta["published"] = parse_published(meta["published"]) or meta["published"]
    text, more = clean_text(item["text"])
    article = read_text(text, source=meta.pop("source", None) or f"{source}#{number}", **meta)
    article.warnings[:0] = more + warnings
    return article


def read_jsonl(text: str, source: str) -> list[Article]:
    return [read_line(line, source, number) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
