"""Corpus-job benchmark: `warta job run` on Dask and Spark with 1 and 2 workers, against plain `warta extract`.

    PYTHONPATH=src python bench/bench_jobs.py [--articles 2000] [--workers 1,2] [--engines dask,spark]

The corpus is made of generated variants of the hand-written seed articles
(tests/data/store_articles.yaml: sentences shuffled and dropped, numbers changed), one
.txt file each, as in bench/bench_ingest.py.  Every run is a fresh `warta` process,
timed from the outside (wall clock), so each pays its own start-up: Python imports, the
engine (LocalCluster / JVM), and one pipeline (spaCy model) per worker.

Printed per run: wall seconds, articles/s, the engine's own start-up (cluster or
SparkContext), the job's stages, the ratio to plain `warta extract` (one process) in
this same benchmark, the speed-up from 1 to 2 workers, and the overhead: how much longer
a 1-worker job takes than `warta extract` on the same articles (everything the engine
adds: start-up, scheduling, Parquet, the cross-dataset link pass).  Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}


def timed(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if out.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr[-3000:]}")
    return seconds, out.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--engines", default="dask,spark")
    ap.add_argument("--partition-files", type=int, default=100)
    args = ap.parse_args()

    import store_corpus

    workers = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="warta-bench-jobs-") as tmp:
        corpus = Path(tmp) / "corpus"
        store_corpus.write_folder(corpus, args.articles)
        print(f"corpus: {args.articles} articles in {corpus}; cpus: {os.cpu_count()}; "
              f"load average: {os.getloadavg()[0]:.1f}", file=sys.stderr)
        seconds, out = timed([sys.executable, "-m", "warta.cli", "extract", str(corpus), "-o", str(Path(tmp) / "x.jsonl"),
                              "--no-progress"])
        plain = {"seconds": seconds, "articles": sum(1 for _ in open(Path(tmp) / "x.jsonl", encoding="utf-8"))}
        print(f"warta extract: {plain['articles']} articles in {seconds:.1f} s", file=sys.stderr)
        rows = []
        for engine in args.engines.split(","):
            for w in workers:
                dataset = Path(tmp) / f"ds-{engine}-{w}"
                seconds, out = timed([sys.executable, "-m", "warta.cli", "job", "run", str(corpus), "--out",
                                      str(dataset), "--engine", engine, "-w", str(w), "--json", "--dashboard", ":0",
                                      "--partition-files", str(args.partition_files)])
                s = json.loads(out.strip().splitlines()[-1])
                rows.append({"engine": engine, "workers": w, "seconds": seconds, **{k: s[k] for k in (
                    "records", "articles", "engine_start_seconds", "extract_seconds", "link_seconds", "write_seconds",
                    "partitions")}})
                print(f"{engine} x{w}: {s['articles']} articles in {seconds:.1f} s", file=sys.stderr)
    rate = plain["articles"] / plain["seconds"]
    print(f"plain `warta extract` (1 process): {plain['articles']} articles, {plain['seconds']:.1f} s, "
          f"{rate:.1f} articles/s")
    print("articles/s count every article read (as `warta extract` writes each); 'kept' is after exact duplicates")
    print(f"{'engine':>6} {'workers':>7} {'kept':>6} {'seconds':>8} {'art/s':>6} {'vs extract':>10} "
          f"{'speed-up':>8} {'overhead':>8} {'start-up s':>10} {'extract s':>9} {'link s':>6} {'write s':>7}")
    for r in rows:
        one = next((x for x in rows if x["engine"] == r["engine"] and x["workers"] == 1), None)
        speedup = one["seconds"] / r["seconds"] if one else float("nan")
        overhead = (r["seconds"] - plain["seconds"]) / plain["seconds"] if r["workers"] == 1 else None
        print(f"{r['engine']:>6} {r['workers']:>7} {r['articles']:>6} {r['seconds']:>8.1f} "
              f"{r['records'] / r['seconds']:>6.1f} {r['records'] / r['seconds'] / rate:>9.2f}x "
              f"{speedup:>7.2f}x {'' if overhead is None else f'{overhead:+.0%}':>8} "
              f"{r['engine_start_seconds']:>10.1f} {r['extract_seconds']:>9.1f} {r['link_seconds']:>6.1f} "
              f"{r['write_seconds']:>7.1f}")


if __name__ == "__main__":
    main()
