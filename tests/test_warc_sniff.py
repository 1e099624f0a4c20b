"""A gzipped WARC is told by its content even when its first 64 compressed bytes decompress to less than
`WARC/` (a short record's gzip member: seen as a flaky failure once in about 150 archives)."""

import gzip
import io

import pytest

from warta.readers.warc import is_warc

warcio = pytest.importorskip("warcio.warcwriter")


def _archive() -> bytes:
    out = io.BytesIO()
    writer = warcio.WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warc_record("https://berita.contoh.test/a", "request",
                                                  payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                  warc_headers_dict={"WARC-Date": "2024-02-06T01:02:03Z"}))
    return out.getvalue()


def test_gzipped_warc_without_suffix_is_sniffed(tmp_path):
    path = tmp_path / "crawl-without-suffix.gz"
    for i in range(600):  # each archive has a new random record id, so a new deflate stream
        path.write_bytes(_archive())
        assert is_warc(path), i


def test_other_gzip_is_not_a_warc(tmp_path):
    path = tmp_path / "notes.gz"
    path.write_bytes(gzip.compress(b"Bukan arsip WARC, hanya teks biasa.\n" * 50))
    assert not is_warc(path)
