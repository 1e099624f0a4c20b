"""Readers: turn files, pages, feeds and JSON Lines into `Article` records.

`read_path(path)` picks the reader from the content (HTML, RSS/Atom, JSON Lines,
plain text); `iter_inputs(paths)` walks files and directories and yields
`(source, articles | InputError)` so that one bad input never stops a run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.errors import InputError, input_error
from warta.readers.encoding import decode
from warta.readers.text import read_text
from warta.record import Article

DEFAULT_MAX_BYTES = 20_000_000

def sniff(text: str, name: str = "") -> str:
    """Which reader fits: 'html', 'feed', 'jsonl' or 'text'."""
    head = text.lstrip()[:2000].lower()
    suffix = Path(name).suffix.lower()
    if suffix in {".jsonl", ".ndjson"} or (head.startswith("{") and '"text"' in head):
        return "jsonl"
    if suffix in {".rss", ".atom"} or "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        return "feed"
    if suffix in {".html", ".htm", ".xhtml"} or "<html" in head or "<!doctype html" in head or "<body" in head:
        return "html"
    return "text"


def read_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None,
               **meta) -> list[Article]:
    """Articles in `data` (one for a page or text, many for a feed or JSON Lines)."""
    if len(data) > max_bytes:
        raise input_error(source, "too_big", size=round(len(data) / 1e6, 1), limit=round(max_bytes / 1e6, 1))
    text = decode(data, source)
    kind = kind or sniff(text, source)
    if kind == "jsonl":
        from warta.readers.jsonl import read_jsonl

        articles = read_jsonl(text, source)
    elif kind == "feed":
        from warta.readers.feed import read_feed

        articles = read_feed(text, source)
    elif kind == "html":
        from warta.readers.html import read_html

        articles = [read_html(text, source, **meta)]
    else:
        articles = [read_text(text, source, **meta)]
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise input_error(source, "no_text")
    return articles


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Articles in one file (`-` is standard input)."""
    name = str(path)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
    p = Path(path)
    if not p.exists():
        raise input_error(name, "missing")
    if p.is_dir():
        raise InputError(name, "is a directory", "use iter_inputs() to read a directory")
    if _is_archive(name):  # a web archive: --max-bytes limits each record, not the file
        from warta.readers.warc import read_warc

        return read_warc(p, max_bytes)
    size = p.stat().st_size
    if size > max_bytes:
        raise input_error(name, "too_big", size=round(size / 1e6, 1), limit=round(max_bytes / 1e6, 1))
    return read_bytes(p.read_bytes(), name, max_bytes)


def _is_archive(name: str) -> bool:
    low = name.lower()
    if not low.endswith((".warc", ".gz", ".arc")):
        return False
    from warta.readers.warc import is_warc

    return is_warc(name)


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files named by `paths`, directories walked recursively in a stable order (hidden files skipped)."""
    for path in paths:
        name = str(path)
        p = Path(path)
        if name != "-" and p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield str(Path(root) / f)
        else:
            yield name


def iter_inputs(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
                ) -> Iterator[tuple[str, list[Article] | InputError]]:
    """`(source, articles)` for each input, or `(source, InputError)` for one that could not be read."""
    for name in expand(paths):
        try:
            yield name, read_path(name, max_bytes)
        except InputError as exc:
            yield name, exc
        except OSError as exc:
            yield name, InputError(name, f"could not be read: {exc.strerror or exc}", "check its permissions")
