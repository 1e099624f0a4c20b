"""Web archives (WARC, WARC.gz) with warcio: each HTML response → trafilatura → Article.

Common Crawl's CC-NEWS and most crawlers (Heritrix, wget --warc-file, browsertrix)
write WARC files: one record per request, response, metadata…  Only `response`
records with a successful (2xx) HTTP status and an HTML payload are articles; the
rest are skipped and counted (`WarcStats`), never silently.

Each article keeps where it came from: `url` is the record's WARC-Target-URI,
`source` is `FILE#<WARC-Record-ID>`; `iter_warc` also yields the record's
metadata (`record_id`, `fetched` = WARC-Date, `url`, `language` when the
archive identified one) for callers that keep them (the corpus jobs do).

Language is filtered early where the archive says it: a record whose
`WARC-Identified-Content-Language` (Common Crawl's main crawl) names languages
without Indonesian or Malay is not extracted at all (`skipped_language`).  The
pipeline's own language identification decides for the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from warta.errors import InputError, input_error
from warta.record import Article

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
#: ISO 639-3 codes (Common Crawl's header) that let a record through the early filter
KEEP_LANGUAGES = frozenset({"ind", "msa", "zsm"})


@dataclass
class WarcStats:
    """What one archive held, besides articles."""

    records: int = 0
    responses: int = 0
    not_html: int = 0
    bad_status: int = 0
    skipped_language: int = 0
    no_text: int = 0
    too_big: int = 0
    languages: dict[str, int] = field(default_factory=dict)


#: bytes read to tell a WARC by its content: a gzip member's dynamic Huffman tables can take well over 64
#: bytes before the first byte of `WARC/` comes out
SNIFF_BYTES = 4096


def is_warc(path: str | os.PathLike, head: bytes | None = None) -> bool:
    """True for a WARC or ARC file (by name, else by its first bytes, gzip or not)."""
    name = str(path).lower()
    if name.endswith(WARC_SUFFIXES):
        return True
    if head is None:
        try:
            with open(path, "rb") as f:
                head = f.read(SNIFF_BYTES)
        except OSError:
            return False
    if head.startswith(b"\x1f\x8b"):
        import gzip
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except (zlib.error, gzip.BadGzipFile):
            return False
    return head.startswith(b"WARC/")


def _languages(header: str | None) -> list[str]:
    return [x.strip().lower() for x in (header or "").split(",") if x.strip()]


def _response(record, stats: WarcStats) -> dict[str, Any] | None:
    """The metadata of a successful HTML response, or None for any other record (counted in `stats`)."""
    stats.records += 1
    if record.rec_type != "response":
        return None
    stats.responses += 1
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or f"record-{stats.records}"
    meta = {"record_id": record_id, "url": headers.get_header("WARC-Target-URI"),
            "fetched": headers.get_header("WARC-Date"),
            "language": headers.get_header("WARC-Identified-Content-Language")}
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if http is not None and not (status or "").startswith("2"):
        stats.bad_status += 1
        return None
    ctype = ((http.get_header("Content-Type") if http is not None else None)
             or headers.get_header("WARC-Identified-Payload-Type") or "").lower()
    if ctype and "html" not in ctype:
        stats.not_html += 1
        return None
    return meta


def _article(record, meta: dict[str, Any], source: str, max_bytes: int, stats: WarcStats) -> Article | InputError:
    """The article of an HTML response, or the InputError that says why there is none."""
    from warta.readers.encoding import decode
    from warta.readers.html import read_html

    record_id = meta["record_id"]
    langs = _languages(meta["language"])
    if langs and not KEEP_LANGUAGES & set(langs):
        stats.skipped_language += 1
        stats.languages[langs[0]] = stats.languages.get(langs[0], 0) + 1
        meta["skipped"] = "language"
        return InputError(f"{source}#{record_id}", f"not Indonesian: the archive identified "
                          f"{meta['language']}", "only Indonesian pages are extracted")
    name = f"{source}#{record_id}"
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        stats.too_big += 1
        return input_error(name, "too_big", size=round(len(payload) / 1e6, 1), limit=round(max_bytes / 1e6, 1))
    try:
        html = decode(payload, name)
        article = read_html(html, name, url=meta["url"])
    except InputError as exc:
        stats.no_text += 1
        return exc
    article.url = meta["url"] or article.url
    return article


def iter_warc(stream: IO[bytes], source: str, max_bytes: int = 20_000_000, stats: WarcStats | None = None,
              ) -> Iterator[tuple[dict[str, Any], Article | InputError]]:
    """`(meta, article)` for every HTML response in the archive read from `stream`, or `(meta, InputError)`
    for one that has no text or is too big.  Other records are counted in `stats` and skipped."""
    from warcio.archiveiterator import ArchiveIterator

    stats = stats if stats is not None else WarcStats()
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            meta = _response(record, stats)
            if meta is not None:
                yield meta, _article(record, meta, source, max_bytes, stats)
    except Exception as exc:  # a truncated or corrupt archive: what was read so far stands
        if isinstance(exc, InputError):
            raise
        yield {"record_id": None, "url": None, "fetched": None, "language": None}, InputError(
            source, f"the archive is damaged after {stats.records} record(s): {type(exc).__name__}: {exc}",
            "the records before the damage were read")


def read_warc(path: str | os.PathLike, max_bytes: int = 20_000_000) -> list[Article]:
    """Every HTML article in the archive at `path` (records without text are skipped; an archive without
    any article is an InputError).  `max_bytes` limits each record, not the archive."""
    name = str(path)
    if not Path(name).exists():
        raise input_error(name, "missing")
    with open(name, "rb") as f:
        articles = [a for meta, a in iter_warc(f, name, max_bytes) if isinstance(a, Article)]
    if not articles:
        raise input_error(name, "no_text")
    return articles
