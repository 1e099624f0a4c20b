"""The WARC reader: HTML responses become articles with their URL, fetch date and record id; other records are
counted, not read; a damaged archive keeps what came before the damage."""

from __future__ import annotations

import gzip
import shutil

import pytest

pytest.importorskip("warcio", reason="the WARC reader needs warcio (pip install '.[test]')")

from tests import jobs_corpus  # noqa: E402
from warta.errors import InputError  # noqa: E402
from warta.readers import read_path  # noqa: E402
from warta.readers.warc import WarcStats, is_warc, iter_warc  # noqa: E402
from warta.record import Article  # noqa: E402


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    return jobs_corpus.write_warc(tmp_path_factory.mktemp("warc") / "crawl.warc.gz", jobs_corpus.example_articles())


def test_warc_records_become_articles_with_provenance(warc):
    stats = WarcStats()
    with open(warc, "rb") as f:
        items = list(iter_warc(f, str(warc), stats=stats))
    articles = [(m, a) for m, a in items if isinstance(a, Article)]
    assert [a.url for _, a in articles] == ["https://berita.contoh.test/banjir-demak", "https://news.example.test/rates",
                                            "https://berita.contoh.test/menlu-asean"]
    meta, first = articles[0]
    assert first.source == f"{warc}#{meta['record_id']}" and meta["record_id"].startswith("<urn:uuid:")
    assert meta["fetched"] == "2024-02-10T00:00:00Z"
    assert first.title.startswith("Banjir Rendam Ribuan Rumah") and first.published.startswith("2024-02-05")
    assert "Tanggul Sungai Wulan jebol" in first.text and "Hak cipta" not in first.text
    marked = [(m, a) for m, a in items if m.get("skipped") == "language"]
    assert len(marked) == 1 and marked[0][0]["language"] == "eng" and "not Indonesian" in str(marked[0][1])
    assert (stats.responses, stats.not_html, stats.bad_status, stats.skipped_language) == (6, 1, 1, 1)


def test_read_path_and_sniffing_read_archives(warc, tmp_path):
    assert len(read_path(warc)) == 3
    plain = tmp_path / "crawl-without-suffix.gz"
    shutil.copy(warc, plain)
    assert is_warc(plain) and len(read_path(plain)) == 3
    text = tmp_path / "notes.gz"
    text.write_bytes(gzip.compress(b"bukan arsip"))
    assert not is_warc(text)


def test_a_damaged_archive_keeps_the_records_before_the_damage(warc, tmp_path):
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)] + b"\x00garbage" * 50)
    with open(cut, "rb") as f:
        items = list(iter_warc(f, str(cut)))
    assert any(isinstance(a, Article) for _, a in items)
    assert isinstance(items[-1][1], InputError) and "damaged" in str(items[-1][1])
