"""Ingest benchmark: build a corpus of generated Indonesian wire-style articles and
ingest it into a temporary store with 1 and 2 jobs.

    PYTHONPATH=src python bench/bench_ingest.py [--articles 2000] [--jobs 1,2] [--components a,b]

The articles are made from the hand-written seeds in tests/data/store_articles.yaml
(sentence order shuffled, sentences dropped, numbers changed), written as one
.txt file each.  Each configuration runs in a fresh subprocess so its peak RSS
(resource.getrusage, the process itself plus its worker children) is its own.
PSS is the peak proportional memory of the whole run (shared pages counted once: the pipeline is built
before the workers are forked); `writer` is the share of the run's time spent in the store's batched
writes.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]


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


def run_one(corpus: str, db: str, jobs: int, components: str | None) -> dict:
    import threading

    from warta.store import Store

    names = components.split(",") if components else None
    peak_pss = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peak_pss[0] = max(peak_pss[0], pss_mb())

    writing = [0.0]
    start = time.perf_counter()
    threading.Thread(target=sample, daemon=True).start()
    with Store.open(db) as store:
        write_batch = store._write_batch

        def timed_write(results, summary):  # the single writer's time, to print its share
            t = time.perf_counter()
            write_batch(results, summary)
            writing[0] += time.perf_counter() - t

        store._write_batch = timed_write
        summary = store.ingest([corpus], jobs=jobs, components=names, count_first=False)
    seconds = time.perf_counter() - start
    done.set()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
    return {"jobs": jobs, "articles": summary.read, "new": summary.new, "near_duplicates": summary.near_duplicates,
            "failed": summary.failed, "seconds": seconds, "words": summary.words,
            "peak_rss_mb": (own + children * jobs) / 1024 if jobs > 1 else own / 1024,
            "peak_rss_main_mb": own / 1024, "peak_rss_worker_mb": children / 1024, "db_mb": size / 1e6,
            "peak_pss_mb": peak_pss[0], "writer_share": writing[0] / seconds}


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
    from warta.pipeline import available

    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        store_corpus.write_folder(corpus, args.articles)
        print(f"corpus: {args.articles} articles in {corpus}; components: {args.components or ','.join(available())}"
              f"; cpus: {os.cpu_count()}", file=sys.stderr)
        rows = []
        for jobs in [int(j) for j in args.jobs.split(",")]:
            db = str(Path(tmp) / f"bench-{jobs}.db")
            cmd = [sys.executable, __file__, "--run", str(corpus), db, str(jobs)]
            if args.components:
                cmd += ["--components", args.components]
            out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
            if out.returncode:
                sys.exit(out.stderr)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'jobs':>4} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'peak RSS MB':>12} "
          f"{'(main/worker)':>14} {'PSS MB':>7} {'writer':>7} {'db MB':>6} {'near-dups':>9}")
    for r in rows:
        print(f"{r['jobs']:>4} {r['articles']:>8} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>10.1f} "
              f"{r['words'] / r['seconds']:>9.0f} {r['peak_rss_mb']:>12.0f} "
              f"{r['peak_rss_main_mb']:>6.0f}/{r['peak_rss_worker_mb']:<7.0f} {r['peak_pss_mb']:>7.0f} "
              f"{100 * r['writer_share']:>6.1f}% {r['db_mb']:>6.1f} "
              f"{r['near_duplicates']:>9}")


if __name__ == "__main__":
    main()
