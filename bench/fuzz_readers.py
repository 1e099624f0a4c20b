#!/usr/bin/env python3
"""Fuzz each reader for a bounded time with Hypothesis: a crash is any exception that is not a WartaError.

usage: python bench/fuzz_readers.py [--seconds 600] [--readers bytes,text,html,feed,jsonl,warc]

Each reader gets `--seconds` of random inputs (bytes for the encoding sniffer and `read_bytes`; text for
the plain-text reader; markup around text for HTML and feeds; JSON values for JSON Lines lines; WARC archives around fuzzed markup, and fuzzed bytes after a WARC
or gzip header).  Prints
how many inputs each took and the first crash, with its input; exit status 1 when anything crashed.
(Atheris would add coverage guidance; Hypothesis needs no compiler and runs everywhere CI does.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from warta.errors import WartaError  # noqa: E402

TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<title>", "</title>", "<br>",
                        "<script>", "</script>", "<!--", "-->", "<meta name='author' content='x'>",
                        "<rss>", "<channel>", "<item>", "</item>", "<title>", "<description>", "<![CDATA[",
                        "]]>", "<feed>", "<entry>", "&amp;", "&#0;", "\x00", "<?xml version='1.0'?>"])
markup = st.lists(st.one_of(TAGS, st.text(max_size=40)), max_size=40).map("".join)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4),
                           max_leaves=12)
jsonl_lines = st.one_of(
    st.dictionaries(st.sampled_from(["text", "title", "url", "published", "authors", "source"]), json_values)
    .map(json.dumps),
    st.text(max_size=200))


def targets():
    from warta.readers import read_bytes
    from warta.readers.jsonl import read_line
    from warta.readers.text import read_text

    return {
        "bytes": (st.binary(max_size=5000), lambda d: read_bytes(d, "fuzz")),
        "text": (st.text(max_size=3000), lambda t: read_text(t, "fuzz")),
        "html": (markup, lambda t: read_bytes(("<html><body>" + t).encode("utf-8", "surrogatepass"), "f.html",
                                               kind="html")),
        "feed": (markup, lambda t: read_bytes(("<rss><channel>" + t).encode("utf-8", "surrogatepass"), "f.rss",
                                               kind="feed")),
        "jsonl": (jsonl_lines, lambda line: read_line(line, "f.jsonl", 1)),
        "warc": (warc_inputs, read_warc_bytes),
    }


def _warc_record(body: str, content_type: str, uri: str) -> bytes:
    """One WARC response record (gzip-compressed, as CC-NEWS writes them) holding an HTTP response."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    payload = body.encode("utf-8", "replace")
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri or "http://x/", "response", payload=io.BytesIO(payload),
                                                  http_headers=http))
    return out.getvalue()


#: a well-formed archive around fuzzed markup and headers, or fuzzed bytes after a WARC header line
warc_inputs = st.one_of(
    st.builds(_warc_record, markup, st.sampled_from(["text/html", "text/html; charset=iso-8859-1",
                                                     "application/rss+xml", "text/plain", "image/png", ""]),
              st.text(st.characters(blacklist_categories=("Zs", "Cc", "Cs")), max_size=30)),
    st.binary(max_size=3000).map(lambda b: b"WARC/1.0\r\n" + b),
    st.binary(max_size=3000).map(lambda b: b"\x1f\x8b" + b))


def read_warc_bytes(data: bytes) -> None:
    import io

    from warta.readers.warc import iter_warc

    for _ in iter_warc(io.BytesIO(data), "f.warc"):
        pass


def fuzz(name: str, strategy, target, seconds: float) -> tuple[int, str | None]:
    count = [0]
    crash: list[str] = []

    @settings(max_examples=200, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(value=strategy)
    def one(value):
        count[0] += 1
        try:
            target(value)
        except WartaError:
            pass
        except UnicodeEncodeError:
            pass  # lone surrogates in the generated markup cannot be bytes at all
        except Exception:
            crash.append(f"{name}: input {value!r:.300}\n{traceback.format_exc()}")
            raise

    end = time.monotonic() + seconds
    while time.monotonic() < end and not crash:
        try:
            one()
        except Exception as exc:  # a crash of the reader is recorded above; anything else is the fuzzer's own
            if not crash:
                crash.append(f"{name}: the fuzz run itself failed (not the reader): {exc!r:.300}")
            break
    return count[0], (crash[0] if crash else None)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="time per reader")
    parser.add_argument("--readers", default="bytes,text,html,feed,jsonl,warc")
    args = parser.parse_args(argv)
    crashed = False
    all_targets = targets()
    for name in args.readers.split(","):
        strategy, target = all_targets[name]
        started = time.monotonic()
        count, crash = fuzz(name, strategy, target, args.seconds)
        print(f"{name:<6} {count:8d} inputs in {time.monotonic() - started:6.1f} s: "
              f"{'CRASH' if crash else 'no crash'}", flush=True)
        if crash:
            crashed = True
            print(crash, flush=True)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
