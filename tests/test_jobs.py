"""Corpus jobs (`warta job run`): Dask and Spark on a small corpus give the same dataset, row for row, as
each other and as `warta extract`; links and event groups are the store's; a killed job resumes.

The corpus: a folder of generated text files (with an exact copy, a near copy and a binary file among them),
a JSON Lines dump, and a WARC the test writes from examples/*.txt (with an English page, an image, a 404 and
a page the archive marks as English).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed", reason="the corpus-job tests need dask[distributed] (pip install '.[test]')")
pytest.importorskip("warcio", reason="the corpus-job tests need warcio (pip install '.[test]')")

from tests import jobs_corpus, store_corpus  # noqa: E402
from warta.jobs import dataset as D  # noqa: E402
from warta.jobs import run_job  # noqa: E402
from warta.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = {"today": "2026-11-27"}
TABLES = D.MONTHLY + ("failures", "skipped", "sources", "event_groups")


def make_corpus(folder: Path) -> list[str]:
    texts = folder / "texts"
    paths = store_corpus.write_folder(texts, 7, seed=11)
    shutil.copy(paths[1], texts / "zz-exact-copy.txt")  # same text: an exact duplicate in a later partition
    near = paths[2].read_text(encoding="utf-8").replace(".", ";", 1)
    (texts / "zz-near-copy.txt").write_text(near, encoding="utf-8")
    (texts / "broken.txt").write_bytes(b"\x00\x01\x02" * 200)
    dump = store_corpus.write_jsonl(folder / "dump.jsonl", 3, seed=12)
    warc = jobs_corpus.write_warc(folder / "crawl.warc.gz", jobs_corpus.example_articles())
    return [str(texts), str(dump), str(warc)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("jobs-corpus"))


@pytest.fixture(scope="module")
def dask_dataset(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs") / "dask"
    summary = run_job(corpus, str(out), "dask", workers=2, options=OPTIONS, partition_files=3, dashboard=":0")
    return out, summary


def table_rows(out, table: str) -> list[dict]:
    rows = D.read_dataset(str(out), table).to_pylist()
    for r in rows:
        r.pop("ingested_at", None)
    key = {"articles": ("input_seq", "record_seq"), "failures": ("input_seq", "record_seq"),
           "skipped": ("input_seq", "record_seq"), "sources": ("name",), "minhashes": ("article_id",),
           "event_groups": ("date", "type", "source_country", "target_country", "cameo")}.get(
        table, ("article_id", "idx"))
    return sorted(rows, key=lambda r: tuple("" if r[k] is None else str(r[k]).zfill(12) for k in key))


def store_rows(records: list[dict]) -> dict[str, list[dict]]:
    """The dataset rows the store makes of extracted records (exact copies kept once, the first)."""
    out: dict[str, list[dict]] = {}
    with Store(":memory:") as mem:
        for rec in records:
            mem.write({"status": "ok", "id": rec["id"], "source": rec["source"], "record": rec, "signature": None})
        for layer in D.LAYER_TABLES:
            out[layer] = sorted(mem.rows(layer), key=lambda r: (r["article_id"], r["idx"]))
        cols = ["id", "source", "url", "title", "published", "language", "text", "authors", "credits", "pipeline",
                "warnings", "sentences", "sections", "reference_date", "reference_basis", "words"]
        out["articles"] = list(mem._query(f"SELECT {', '.join(cols)} FROM articles ORDER BY pk"))
    return out


def test_dask_job_summary_and_layout(dask_dataset):
    out, s = dask_dataset
    assert s.inputs == 12 and s.partitions == 7 and s.partitions_resumed == 0  # 3, 3, 2, 1, 1, 1, 1 files
    assert s.failures == 1 and s.non_indonesian == 2  # the broken file; the English page, the marked page
    assert s.exact_duplicates == 1 and s.near_duplicates >= 1
    assert s.articles == 7 + 1 + 3 + 2 and s.events > 0 and s.event_groups > 0
    assert s.dashboard and s.dashboard.startswith("http")
    done = json.loads((out / "_SUCCESS").read_text())
    assert done["articles"] == s.articles
    assert not (out / "_parts").exists()
    assert len(list((out / "_commits").glob("part-*.json"))) == s.partitions
    months = {p.name for p in (out / "articles").iterdir()}
    assert "published_month=2024-02" in months and "published_month=unknown" in months
    articles = table_rows(out, "articles")
    assert len({a["id"] for a in articles}) == len(articles) == s.articles  # each article once
    warc = [a for a in articles if a["warc_record_id"]]
    assert len(warc) == 2 and all(a["url"].startswith("https://berita.contoh.test/") and a["fetched"]
                                  and a["source"].endswith(a["warc_record_id"]) for a in warc)
    skipped = table_rows(out, "skipped")
    assert {r["url"] for r in skipped} == {"https://news.example.test/rates", "https://news.example.test/marked"}
    assert {r["language"] for r in skipped} == {"en", "eng"}
    failures = table_rows(out, "failures")
    assert len(failures) == 1 and failures[0]["source"].endswith("broken.txt") and failures[0]["error"]


def assert_matches_extract(out, corpus, **options) -> None:
    """Every layer row, and every article column, of the dataset equals what `warta extract` gives."""
    import warta

    errors = []
    records = [a.to_dict() for a in warta.extract(corpus, pipeline=warta.make_pipeline(**options), errors=errors)]
    assert len(errors) == 1  # the broken file
    expected = store_rows([r for r in records if r["language"] == "id"])
    for layer in D.LAYER_TABLES:
        got = [{k: v for k, v in r.items() if k != D.PARTITION} for r in table_rows(out, layer)]
        assert got == expected[layer], layer
    got = {a["id"]: a for a in table_rows(out, "articles")}
    assert len(got) == len(expected["articles"])
    for want in expected["articles"]:
        row = got[want["id"]]
        assert {k: row[k] for k in want} == want


def test_dask_job_matches_warta_extract(dask_dataset, corpus):
    out, _ = dask_dataset
    assert_matches_extract(out, corpus, **OPTIONS)


def test_dataset_links_and_event_groups_match_the_store(dask_dataset, corpus, tmp_path):
    out, _ = dask_dataset
    db = tmp_path / "ingest.db"
    with Store.open(db) as store:
        store.ingest(corpus, jobs=1, options=OPTIONS)
        want = {r["id"]: r for r in store._query("SELECT id, duplicate_of, similarity, story_id FROM articles "
                                                 "WHERE status = 'ok' AND language = 'id'")}
        groups = list(store.event_groups())
        counts = store.counts()
    got = {a["id"]: {k: a[k] for k in ("id", "duplicate_of", "similarity", "story_id")}
           for a in table_rows(out, "articles")}
    assert got == want
    assert any(a["duplicate_of"] for a in got.values())
    norm = lambda rows: sorted(({**r, "article_ids": sorted(r["article_ids"].split(","))} for r in rows),  # noqa: E731
                               key=lambda r: json.dumps(r, sort_keys=True))
    assert norm(table_rows(out, "event_groups")) == norm(groups)
    # back to the laptop: the dataset loaded into a store gives the same store
    loaded = tmp_path / "loaded.db"
    from click.testing import CliRunner

    from warta.cli import main

    r = CliRunner().invoke(main, ["ingest", str(out), "--db", str(loaded), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["new"] == len(want)
    with Store.open(loaded) as store:
        again = {r["id"]: r for r in store._query("SELECT id, duplicate_of, similarity, story_id FROM articles "
                                                  "WHERE status = 'ok'")}
        assert again == want
        assert norm(store.event_groups()) == norm(groups)
        assert store.counts()["failed"] == counts["failed"] == 1
        some = next(iter(want))
        assert store.article(some).sentences and store.article(some).entities


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}


def test_spark_job_matches_dask_row_for_row(dask_dataset, corpus, tmp_path):
    pytest.importorskip("pyspark", reason="the Spark engine needs pyspark (pip install '.[test]')")
    from warta.jobs.engines import java_problem

    problem = java_problem()
    if problem:
        pytest.skip(problem)
    dask_out, dask_summary = dask_dataset
    out = tmp_path / "spark"
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]  # Spark's Python workers import warta from here
    try:
        summary = run_job(corpus, str(out), "spark", workers=2, options=OPTIONS, partition_files=3)
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = old
    assert summary.engine.startswith("spark (local[2]")
    for key in ("inputs", "partitions", "articles", "non_indonesian", "failures", "exact_duplicates",
                "near_duplicates", "stories", "events", "event_groups"):
        assert getattr(summary, key) == getattr(dask_summary, key), key
    for table in TABLES:
        assert table_rows(out, table) == table_rows(dask_out, table), table
    files = lambda root: sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))  # noqa: E731
    assert files(out) == files(dask_out)


def test_killed_job_resumes_to_the_same_dataset(dask_dataset, corpus, tmp_path):
    dask_out, _ = dask_dataset
    out = tmp_path / "resumed"
    cmd = [sys.executable, "-m", "warta.cli", "job", "run", *corpus, "--out", str(out), "-w", "1",
           "--partition-files", "3", "--dashboard", ":0", "--no-model", "--json"]
    proc = subprocess.Popen(cmd[:-2] + ["--keep-parts"] + cmd[-2:], env=_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    try:
        while time.time() < deadline and len(list(out.glob("_parts/*/_SUCCESS"))) < 2 and proc.poll() is None:
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finished = len(list(out.glob("_parts/*/_SUCCESS")))
    total = len(json.loads((out / "_job.json").read_text())["partitions"])
    assert 2 <= finished < total and not (out / "_SUCCESS").exists()
    unfinished = next(n for n in range(total) if not (out / "_parts" / f"part-{n:05d}" / "_SUCCESS").exists())
    (out / "_parts" / f"part-{unfinished:05d}").mkdir(parents=True, exist_ok=True)
    (out / "_parts" / f"part-{unfinished:05d}" / "articles.arrow").write_bytes(b"half-written")  # a killed write
    r = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=400)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["partitions_resumed"] == finished
    rerun = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=120)
    assert json.loads(rerun.stdout)["articles"] == summary["articles"]  # finished: nothing done again
    ids = [a["id"] for a in table_rows(out, "articles")]
    assert len(ids) == len(set(ids)) == summary["articles"]
    assert sorted(ids) == sorted(a["id"] for a in table_rows(dask_out, "articles"))
    assert_matches_extract(out, corpus, use_model=False)
    assert "already finished" in rerun.stderr


def test_a_dataset_folder_holds_one_job(corpus, tmp_path):
    from warta.jobs import PLAN_VERSION, JobError

    out = tmp_path / "ds"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(JobError, match="not empty"):
        run_job(corpus, str(out), "dask")
    (out / "notes.txt").unlink()
    (out / "_job.json").write_text(json.dumps({"version": PLAN_VERSION, "inputs": ["elsewhere.txt"], "partitions": [1],
                                               "components": None, "options": {}}))
    with pytest.raises(JobError, match="other inputs, partitions"):
        run_job(corpus, str(out), "dask")


def test_manifest_and_partitions(corpus, tmp_path):
    from warta.jobs import expand_inputs, partition, read_manifest

    manifest = tmp_path / "inputs.txt"
    manifest.write_text(f"# crawl and dumps\n{corpus[2]}\n\n{os.path.relpath(corpus[1], tmp_path)}  # the dump\n"
                        "s3://bucket/cc-news/2024/CC-NEWS-20240101.warc.gz\n")
    assert read_manifest(str(manifest)) == [corpus[2], corpus[1], "s3://bucket/cc-news/2024/CC-NEWS-20240101.warc.gz"]
    files = expand_inputs([corpus[0]], [])
    assert [Path(p).name for p, _ in files][:2] == ["00000.txt", "00001.txt"] and len(files) == 10
    parts = partition(files, max_bytes=10**9, max_files=4)
    assert [len(p) for p in parts] == [3, 2, 2, 1, 1, 1] and parts[1][0] == (3, files[3][0])
    sizes = [(f"f{i}", n) for i, n in enumerate([5, 5, 50, 5])]
    assert [[s for s, _ in p] for p in partition(sizes, max_bytes=12)] == [[0, 1], [2], [3]]


def test_partitions_shrink_towards_the_end_of_the_input():
    from warta.jobs import partition

    files = [(f"{i:05d}.txt", 3000) for i in range(2000)]
    sizes = [len(p) for p in partition(files, max_files=100)]
    assert sum(sizes) == 2000 and max(sizes) == 100 and sizes[0] == 100
    assert sizes[17:] == [75, 57, 42, 32, 24, 18, 13, 12, 12, 12, 3]  # each a quarter of what is left, >= 100/8
    assert [seq for p in partition(files, max_files=100) for seq, _ in p] == list(range(2000))
    big = [(f"{i}.warc.gz", 50_000_000) for i in range(8)]
    assert [len(p) for p in partition(big, max_bytes=64_000_000)] == [1] * 8  # a partition never splits a file


def test_local_workers_start_with_the_pipeline_the_driver_built(dask_dataset):
    _, s = dask_dataset
    assert "driver: pipeline built (before the workers fork)" in s.stages.totals
    assert "worker: worker start (pipeline built)" not in s.stages.totals  # the forked workers built nothing
