"""Ingest benchmark: build a corpus of generated Indonesian wire-style articles, run plain `warta extract`
over it, then ingest it into a temporary store with 1 and 2 jobs; print throughput, where the CPU went,
and memory.

    PYTHONPATH=src python bench/bench_ingest.py [--articles 2000] [--jobs 1,2] [--components a,b]

The articles are made from the hand-written seeds in tests/data/store_articles.yaml (sentence order
shuffled, sentences dropped, numbers changed), written as one .txt file each.  Each configuration runs
in a fresh subprocess (start-up included in its time), with the `warta` found on PYTHONPATH (so the same
command measures another checkout: PYTHONPATH=/other/src python bench/bench_ingest.py).

Columns: `art/s` and `words/s` (wall, start-up included); `cpu ms/art`, all processes' CPU per article;
`cpu-bound art/s`, the rate on idle cores that CPU allows (the machine is shared: wall times vary with
its load, CPU times much less); `x extract`, articles/s over plain `warta extract`'s on the same
articles in the same run, and `cpu x extract` the same ratio for CPU per article; `extract %`,
the pipeline's share of all CPU (the rest is start-up, reading, records, MinHash, queues and the
store); `writer %cpu`, the store's writes' share of all CPU, and `writer busy`, the share of the wall
time the single writer was busy (100% would make it the bottleneck); peak RSS (the main process plus
each worker's peak, main/worker) and PSS (shared pages counted once, sampled every 0.5 s).  Then the
CPU seconds by stage (`Summary.cpu`).  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]
if not os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = str(ROOT / "src")
sys.path[:0] = os.environ["PYTHONPATH"].split(os.pathsep)

STAGES = ("start", "read", "extract", "record", "write", "main", "workers")


def pss_mb() -> float:
    """Proportional set size of this process and its children (shared pages counted once in all)."""
    import psutil

    total = 0
    for proc in [psutil.Process()] + psutil.Process().children(recursive=True):
        try:
            total += proc.memory_full_info().pss
        except (psutil.Error, AttributeError):
            pass
    return total / 2**20


class PeakPss:
    """Samples `pss_mb()` every half second in a thread, keeping the peak."""

    def __init__(self) -> None:
        self.peak = 0.0
        self.done = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self.done.wait(0.5):
            self.peak = max(self.peak, pss_mb())

    def stop(self) -> float:
        self.done.set()
        return max(self.peak, pss_mb())


def run_one(corpus: str, db: str, jobs: int, components: str | None) -> dict:
    """One ingest, in this (fresh) process: its summary, wall seconds, writer's wall seconds, memory."""
    from warta.store import Store

    names = components.split(",") if components else None
    writing = [0.0]
    start = time.perf_counter()
    pss = PeakPss()
    with Store.open(db) as store:
        write_batch = store._write_batch

        def timed_write(results, summary):  # the single writer's busy time
            t = time.perf_counter()
            write_batch(results, summary)
            writing[0] += time.perf_counter() - t

        store._write_batch = timed_write
        summary = store.ingest([corpus], jobs=jobs, components=names, count_first=False)
    seconds = time.perf_counter() - start
    peak_pss = pss.stop()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
    return {"jobs": jobs, "articles": summary.read, "new": summary.new, "near_duplicates": summary.near_duplicates,
            "failed": summary.failed, "seconds": seconds, "words": summary.words,
            "peak_rss_mb": (own + children * jobs) / 1024 if jobs > 1 else own / 1024,
            "peak_rss_main_mb": own / 1024, "peak_rss_worker_mb": children / 1024, "db_mb": size / 1e6,
            "peak_pss_mb": peak_pss, "writer_busy": writing[0] / seconds,
            "stages": dict(getattr(summary, "cpu", None) or {})}


def timed(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run `cmd`; (its result, wall seconds, CPU seconds of it and the children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr)
    return out, wall, cpu


def plain_extract(corpus: Path, components: str | None) -> dict:
    """`warta extract CORPUS` (one process, JSON Lines to a file): wall and CPU seconds, articles."""
    out_file = corpus.parent / "extract.jsonl"
    cmd = [sys.executable, "-m", "warta.cli", "extract", str(corpus), "-o", str(out_file), "--no-progress"]
    if components:
        cmd += ["--components", components]
    _, wall, cpu = timed(cmd)
    with open(out_file, encoding="utf-8") as f:
        articles = sum(1 for _ in f)
    return {"articles": articles, "seconds": wall, "cpu": cpu}


def ingest(corpus: Path, tmp: Path, jobs: int, components: str | None) -> dict:
    db = str(tmp / f"bench-{jobs}.db")
    cmd = [sys.executable, __file__, "--run", str(corpus), db, str(jobs)]
    if components:
        cmd += ["--components", components]
    out, _, cpu = timed(cmd)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["cpu"] = cpu
    return row


def pct(part: float | None, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if part is not None and whole else "n/a"


def cpu_bound(r: dict) -> float:
    """Articles/s the run would reach on idle cores, from its CPU: all CPU spread over min(jobs, cores)
    cores, but never faster than its busiest single process (the main one, which writes)."""
    cores = min(r["jobs"], os.cpu_count() or 1)
    main = r["stages"].get("main", 0.0) if r["jobs"] > 1 else 0.0
    return r["articles"] / max(r["cpu"] / cores, main, 1e-9)


def print_table(rows: list[dict], extract: dict) -> None:
    rate = extract["articles"] / extract["seconds"]
    print(f"plain `warta extract`: {extract['articles']} articles in {extract['seconds']:.1f} s wall, "
          f"{extract['cpu']:.1f} s CPU = {rate:.1f} articles/s, "
          f"{extract['articles'] / extract['cpu']:.1f} articles per CPU second")
    print(f"{'jobs':>4} {'articles':>8} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'cpu ms/art':>10} "
          f"{'cpu-bound art/s':>15} {'x extract':>9} {'cpu x extract':>13} {'extract %':>9} {'writer %cpu':>11} {'writer busy':>11} {'peak RSS MB':>11} "
          f"{'(main/worker)':>13} {'PSS MB':>7} {'db MB':>6} {'near-dups':>9}")
    for r in rows:
        stages = r["stages"]
        per_second = r["articles"] / r["seconds"]
        print(f"{r['jobs']:>4} {r['articles']:>8} {r['seconds']:>8.1f} {per_second:>7.1f} "
              f"{r['words'] / r['seconds']:>8.0f} {1000 * r['cpu'] / max(1, r['articles']):>10.1f} "
              f"{cpu_bound(r):>15.1f} {per_second / rate:>9.2f} "
              f"{(extract['cpu'] / extract['articles']) / (r['cpu'] / max(1, r['articles'])):>13.2f} {pct(stages.get('extract'), r['cpu']):>9} "
              f"{pct(stages.get('write'), r['cpu']):>11} {pct(r['writer_busy'], 1):>11} "
              f"{r['peak_rss_mb']:>11.0f} {r['peak_rss_main_mb']:>6.0f}/{r['peak_rss_worker_mb']:<6.0f} "
              f"{r['peak_pss_mb']:>7.0f} {r['db_mb']:>6.1f} {r['near_duplicates']:>9}")
    print("CPU seconds by stage (main: all of the main process, workers: all of the worker processes):")
    print(f"{'jobs':>4} {'total':>7} " + " ".join(f"{s:>8}" for s in STAGES))
    for r in rows:
        stages = r["stages"]
        print(f"{r['jobs']:>4} {r['cpu']:>7.1f} " + " ".join(
            f"{stages[s]:>8.1f}" if s in stages else f"{'n/a':>8}" for s in STAGES))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--components", default=None, help="pipeline components (default: all available)")
    ap.add_argument("--run", nargs=3, metavar=("CORPUS", "DB", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        corpus, db, jobs = args.run
        print(json.dumps(run_one(corpus, db, int(jobs), args.components)))
        return

    import store_corpus
    import warta
    from warta.pipeline import available

    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        store_corpus.write_folder(corpus, args.articles)
        print(f"corpus: {args.articles} articles in {corpus}; warta from {Path(warta.__file__).parent}; "
              f"components: {args.components or ','.join(available())}; cpus: {os.cpu_count()}; "
              f"load average: {os.getloadavg()[0]:.1f}", file=sys.stderr)
        extract = plain_extract(corpus, args.components)
        rows = [ingest(corpus, Path(tmp), int(j), args.components) for j in args.jobs.split(",")]
    print_table(rows, extract)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
