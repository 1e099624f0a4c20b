"""Readers: turn files, pages, feeds and JSON Lines into `Article` records.

`read_path(path)` picks the reader from the content (HTML, RSS/Atom, JSON Lines,
plain text); `iter_units(paths)` walks files and directories lazily and yields
units of work (a file, or one line of a JSON Lines file) that `read_unit` reads,
so that one bad input never stops a run.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.errors import InputError, input_error
from warta.readers.encoding import decode_text
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
    text, warnings = decode_text(data, source)
    kind = kind or sniff(text, source)
    if kind == "jsonl":
        from warta.readers.jsonl import read_jsonl

        articles = read_jsonl(text, source)
    elif kind == "feed":
        from warta.readers.feed import read_feed

        articles = read_feed(text, source)
    elif kind == "html":
        articles = [_read_page(text, source, **meta)]
    else:
        articles = [read_text(text, source, **meta)]
    articles = [a for a in (body_or_title(a) for a in articles) if a.text.strip()]
    if not articles:
        raise input_error(source, "no_text")
    for article in articles:
        article.warnings[:0] = warnings
    return articles


_TAG = re.compile(r"<(head|title|script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|header|footer|blockquote)\b[^>]*>", re.I)


def _read_page(html: str, source: str, **meta) -> Article:
    """An HTML page through trafilatura; a page it cannot read (256+ levels of nesting break lxml's parser)
    gives its text without the markup, with a warning, when there is any."""
    from warta.readers.html import read_html

    try:
        return read_html(html, source, **meta)
    except InputError:
        import html as html_lib

        text = html_lib.unescape(_TAG.sub(" ", _BLOCK.sub("\n\n", html)))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        if not text.strip():
            raise
        article = read_text(text, source, **meta)
        article.warnings.append("the page's layout could not be read; its text was taken without the markup")
        return article


def body_or_title(article: Article) -> Article:
    """An input whose only paragraph was read as a headline (no full stop, Chinese text…) keeps that
    paragraph as its text, with a warning, instead of failing with "no article text"."""
    if article.text.strip() or not (article.title or "").strip():
        return article
    from warta.record import content_id

    article.text, article.title = article.title, None
    article.id = content_id(article.text)
    article.warnings.append("only a headline-like paragraph was found; it is read as the article's text")
    return article


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Articles in one file (`-` is standard input)."""
    name = str(path)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
    p = Path(path)
    if not p.exists():
        raise input_error(name, "missing")
    if p.is_dir():
        raise InputError(name, "is a directory", "use iter_units() or warta.extract() to read a directory")
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


# -- units of work: a file, or one line of a JSON Lines file ------------------------------------------------
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Unit:
    """One unit of reading and of failure: a file (`kind="file"`), standard input or other bytes
    (`"bytes"`), or one line of a JSON Lines file (`"line"`, `source` = `path#line`).  Picklable."""

    kind: str
    source: str
    path: str = ""
    number: int = 0
    data: bytes | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def is_jsonl_file(path: str | os.PathLike) -> bool:
    """A JSON Lines file by its suffix, or a `.json`/suffix-less file whose first line is an object with text."""
    p = Path(path)
    if p.suffix.lower() in JSONL_SUFFIXES:
        return True
    if p.suffix.lower() not in {".json", ""}:
        return False
    try:
        with open(p, "rb") as f:
            head = f.read(4096).lstrip()
    except OSError:
        return False
    first = head.split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"text"' in first


def _line_units(lines: Iterable[bytes], path: str, max_bytes: int) -> Iterator[Unit]:
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            yield Unit("line", f"{path}#{number}", path, number, raw, max_bytes)


def iter_units(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Unit]:
    """The units of work under `paths`, lazily: a JSON Lines file is streamed one line at a time."""
    for name in expand(paths):
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            head = data[:4096].lstrip()
            if len(data) <= max_bytes and head.startswith(b"{") and b'"text"' in head.split(b"\n", 1)[0]:
                yield from _line_units(data.splitlines(), "<stdin>", max_bytes)
            else:
                yield Unit("bytes", "<stdin>", "<stdin>", 0, data, max_bytes)
            continue
        if Path(name).is_file() and is_jsonl_file(name):
            try:
                with open(name, "rb") as f:
                    yield from _line_units(f, name, max_bytes)
                continue
            except OSError:
                pass  # reported when the file unit is read
        yield Unit("file", name, name, 0, None, max_bytes)


def count_units(paths: Iterable[str | os.PathLike]) -> int:
    """How many units `iter_units` will yield (counts JSON Lines lines without parsing them)."""
    total = 0
    for name in expand(paths):
        if name != "-" and Path(name).is_file() and is_jsonl_file(name):
            try:
                with open(name, "rb") as f:
                    total += sum(1 for raw in f if raw.strip())
                continue
            except OSError:
                pass
        total += 1
    return total


def read_unit(unit: Unit) -> list[Article]:
    """The articles of one unit; raises InputError (never anything else) when it cannot be read."""
    try:
        if unit.kind == "line":
            from warta.readers.jsonl import read_line

            if len(unit.data or b"") > unit.max_bytes:
                size = len(unit.data or b"")
                raise input_error(unit.source, "too_big", size=round(size / 1e6, 1),
                                  limit=round(unit.max_bytes / 1e6, 1))
            text, warnings = decode_text(unit.data or b"", unit.source)
            article = body_or_title(read_line(text, unit.path, unit.number))
            if not article.text.strip():
                raise input_error(unit.source, "no_text")
            article.warnings[:0] = warnings
            return [article]
        if unit.kind == "bytes":
            return read_bytes(unit.data or b"", unit.source, unit.max_bytes)
        return read_path(unit.path, unit.max_bytes)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(unit.source, f"could not be read: {exc.strerror or exc}", "check its permissions") from None
    except RecursionError:
        raise InputError(unit.source, "its structure is nested too deeply to be read", "simplify the file") from None
    except Exception as exc:  # a reader bug must not stop a run: the input fails with the reason
        raise InputError(unit.source, f"the reader failed: {type(exc).__name__}: {exc}",
                         "please report it with the file") from None
