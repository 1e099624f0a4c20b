"""Ingest into the store: idempotent, crash-safe, failures recorded, not stopping the run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import store_corpus
from warta.errors import StoreError
from warta.store import Store

FAST = ["language", "sentences"]
ROOT = Path(__file__).resolve().parents[1]


def table_counts(path) -> dict[str, int]:
    with Store.open(path) as store:
        return store.counts()


def test_store_ingest_folder_twice_adds_nothing(tmp_path):
    store_corpus.write_folder(tmp_path / "news", 12)
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        first = store.ingest([tmp_path / "news"], jobs=1, components=FAST)
        after_first = store.counts()
        second = store.ingest([tmp_path / "news"], jobs=1, components=FAST)
        assert store.counts() == after_first
    assert first.read == 12 and first.new + first.duplicates == 12 and first.new > 0
    assert second.new == 0 and second.duplicates == 12
    assert after_first["articles"] == first.new


def test_store_ingest_jsonl_dump_streams_each_line(tmp_path):
    dump = store_corpus.write_jsonl(tmp_path / "dump.jsonl", 8, seed=3)
    with Store.open(tmp_path / "w.db") as store:
        summary = store.ingest([dump], jobs=1, components=FAST)
        rows = list(store.conn.execute("SELECT source, published, url FROM articles ORDER BY pk"))
    assert summary.read == 8
    assert rows[0]["source"] == f"{dump}#1"
    assert all(r["published"] and r["url"] for r in rows)


def test_store_ingest_two_jobs_matches_one_job(tmp_path):
    store_corpus.write_folder(tmp_path / "news", 16, seed=5)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Store.open(one) as store:
        store.ingest([tmp_path / "news"], jobs=1, components=FAST)
    with Store.open(two) as store:
        summary = store.ingest([tmp_path / "news"], jobs=2, components=FAST, batch_size=3)
    assert summary.read == 16
    a, b = table_counts(one), table_counts(two)
    assert a["articles"] == b["articles"] and a["minhashes"] == b["minhashes"]


@pytest.mark.parametrize("name, content, reason", [
    ("binary.txt", b"\x00\x01\x02\x03 not text", "binary"),
    ("empty.txt", b"", "empty"),
    ("broken.jsonl", b'{"title": "tanpa teks"}\n', "text"),
])
def test_store_ingest_bad_input_recorded_as_failed(tmp_path, name, content, reason):
    store_corpus.write_folder(tmp_path / "news", 3)
    (tmp_path / "news" / name).write_bytes(content)
    with Store.open(tmp_path / "w.db") as store:
        summary = store.ingest([tmp_path / "news"], jobs=1, components=FAST)
        failed = list(store.conn.execute("SELECT source, error, status FROM articles WHERE status = 'failed'"))
        again = store.ingest([tmp_path / "news"], jobs=1, components=FAST)
        total = store.counts()["articles"]
    assert summary.failed == 1 and summary.new + summary.duplicates == 3
    assert len(failed) == 1 and name in failed[0]["source"] and reason in failed[0]["error"]
    assert again.new == 0 and total == 1 + summary.new


def test_store_ingest_component_error_recorded_and_run_continues(tmp_path):
    from warta.pipeline import REGISTRY, component

    @component("explodes_on_banjir", requires=["text"], assigns=[])
    def make(options):
        def run(article):
            if "Banjir" in (article.title or ""):
                raise ValueError("boom")
            return article
        return run

    try:
        store_corpus.write_folder(tmp_path / "news", 6)
        with Store.open(tmp_path / "w.db") as store:
            summary = store.ingest([tmp_path / "news"], jobs=1, components=["language", "explodes_on_banjir"])
            rows = list(store.conn.execute("SELECT title, error FROM articles WHERE status = 'failed'"))
    finally:
        REGISTRY.pop("explodes_on_banjir", None)
    assert summary.failed == 1 and summary.read == 6
    assert "Banjir" in rows[0]["title"] and "explodes_on_banjir" in rows[0]["error"] and "boom" in rows[0]["error"]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "warta.cli", "ingest", str(corpus), "--db", str(db), "--jobs", "1",
            "--batch-size", "10", "--components", ",".join(FAST), "--no-progress"]


def test_store_ingest_sigkill_then_rerun_matches_uninterrupted_run(tmp_path):
    corpus = tmp_path / "news"
    store_corpus.write_folder(corpus, 400, seed=11)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = subprocess.Popen(_ingest_cmd(corpus, killed_db), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _count(killed_db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    still_running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = _count(killed_db)
    assert still_running, "the ingest finished before it could be killed: make the corpus bigger"
    assert 10 <= at_kill < 400
    for cmd in (_ingest_cmd(corpus, killed_db), _ingest_cmd(corpus, clean_db)):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    killed, clean = table_counts(killed_db), table_counts(clean_db)
    assert killed == clean
    with Store.open(killed_db) as store:
        assert store.conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == killed["articles"]


def test_store_open_refuses_a_foreign_sqlite_db(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a warta store"):
        Store.open(other)


def test_store_open_refuses_a_file_that_is_not_sqlite(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("ini bukan basis data SQLite, hanya teks biasa " * 20, encoding="utf-8")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(junk)


def test_store_migrate_is_safe_to_rerun(tmp_path):
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        assert store.migrate() == []
        names = [r[0] for r in store.conn.execute("SELECT name FROM migrations")]
    with Store.open(db) as store:
        assert [r[0] for r in store.conn.execute("SELECT name FROM migrations")] == names == ["0001_initial"]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_locked_db_gives_a_clear_error(tmp_path):
    db = tmp_path / "w.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            with Store.open(db, timeout=0.2) as store:
                store.add_failed("x.txt", "test")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_store_ingest_unknown_component_stops_with_pipeline_error(tmp_path, jobs):
    from warta.errors import PipelineError

    store_corpus.write_folder(tmp_path / "news", 3)
    with Store.open(tmp_path / "w.db") as store:
        with pytest.raises(PipelineError, match="no_such_component"):
            store.ingest([tmp_path / "news"], jobs=jobs, components=["language", "no_such_component"])
        assert store.counts()["articles"] == 0
