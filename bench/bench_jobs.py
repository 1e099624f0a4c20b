"""Corpus-job benchmark: `warta job run` on Dask and Spark with 1 and 2 workers, against plain `warta extract`.

    PYTHONPATH=src python bench/bench_jobs.py [--articles 2000] [--workers 1,2] [--engines dask,spark]
                                              [--partition-files 100] [--dashboard off|:0] [--repeat 1]
                                              [--src OTHER/src]

The corpus is made of generated variants of the hand-written seed articles
(tests/data/store_articles.yaml: sentences shuffled and dropped, numbers changed), one
.txt file each, as in bench/bench_ingest.py.  Every run is a fresh `warta` process,
timed from the outside, so each pays its own start-up: Python imports, the engine
(LocalCluster / JVM), and the pipeline (spaCy model): built once by the Dask driver or
Spark's Python daemon before the local workers are forked, so they share it.  Wall seconds are
taken around the process; CPU seconds are those of its whole process tree: the rusage
of the children this script waited for (the process, and the Dask workers it waited
for), plus, for Spark, the JVM and Spark's Python workers, which the driver never waits
for (the job's own count, `engine_cpu`, read just before Spark stops).

Overhead, as issue #16 defines it: how much longer a 1-worker job takes than plain
`warta extract` (one process) on the same articles, in this same benchmark, both
counted from process start to exit (everything the engine adds: its start-up,
scheduling, MinHash, Parquet, the cross-dataset link pass).  The CPU overhead is
the same ratio for CPU seconds, which a loaded machine disturbs much less than
wall time.  Speed-up: wall of the 1-worker job / wall of the N-worker job.

The stage table adds up what the workers and the driver measured inside the job
(`warta.jobs.stages`): CPU and wall seconds per stage, summed over partitions and
workers (so with 2 workers the worker stages' wall can exceed the job's).  Its last line, the
process tree's CPU less the workers' pipeline CPU, is what the job costs besides the
extraction itself: on a loaded machine it moves much less than the totals.  (Exact copies
of articles kept by earlier partitions are not extracted again, so the job runs the
pipeline on fewer articles than `warta extract` where the corpus repeats some: the
generated corpus repeats about 6%.)
With --repeat N every run is done N times (interleaved) and the fastest wall is
kept.  --src runs another checkout's code (e.g. --src ../main/src for a before/after).
Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]


def run(cmd: list[str], env: dict) -> dict:
    """Wall seconds and CPU seconds (the process and the children it waited for) of one command, and its
    standard output."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "stdout": proc.stdout}


def run_halves(corpus: Path, tmp: Path, env: dict) -> dict:
    """Two plain `warta extract` processes started at once, each on half the corpus (the first and the second
    half of its files): the same work split by hand with no engine at all, so its speed-up over one process
    is what this machine gives two processes of warta at this moment, the ceiling for a 2-worker job."""
    import resource

    files = sorted(str(p) for p in corpus.iterdir())
    halves = [files[: len(files) // 2], files[len(files) // 2:]]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "warta.cli", "extract", *half, "-o", str(tmp / f"half-{i}.jsonl"),
                               "--no-progress"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for i, half in enumerate(halves)]
    for p in procs:
        _, err = p.communicate()
        if p.returncode:
            sys.exit(f"warta extract (a half) failed:\n{err.decode(errors='replace')[-3000:]}")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": seconds, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


def run_inline(corpus: str, out: str, partition_files: int) -> None:
    """`--inline`: the job's own work with no engine: `run_job` with an engine that runs each task in this
    process as soon as it is submitted (the reference the engines' overhead is measured against: reading,
    extraction, MinHash, rows, Parquet and the link pass, the same code, but no cluster, no worker process,
    no scheduling).  Prints the summary as `warta job run --json` does."""
    from warta.jobs import run_job
    from warta.jobs.engines import Engine

    class InProcess(Engine):
        name = "none"

        def __init__(self) -> None:
            self.done: list[dict] = []

        def start(self) -> None:
            pass

        def submit(self, fn, config, args) -> None:
            self.done.append(fn(config, *args))

        def results(self):
            while self.done:
                yield self.done.pop(0)

    summary = run_job([corpus], out, partition_files=partition_files, engine_obj=InProcess())
    print(json.dumps(summary.to_dict()))


def job_cmd(corpus: Path, dataset: Path, engine: str, workers: int, partition_files: int, dashboard: str
            ) -> list[str]:
    if engine == "none":
        return [sys.executable, __file__, "--inline", str(corpus), str(dataset), "--partition-files",
                str(partition_files)]
    return [sys.executable, "-m", "warta.cli", "job", "run", str(corpus), "--out", str(dataset), "--engine", engine,
            "-w", str(workers), "--json", "--dashboard", dashboard, "--partition-files", str(partition_files)]


def measure(args, corpus: Path, tmp: Path, env: dict) -> tuple[dict, list[dict]]:
    configs = [(e, int(w)) for e in args.engines.split(",") for w in args.workers.split(",")
               if e != "none" or w == "1"]
    plain: dict = {}
    rows: dict[tuple[str, int], dict] = {}
    for rep in range(args.repeat):
        out = tmp / "x.jsonl"
        r = run([sys.executable, "-m", "warta.cli", "extract", str(corpus), "-o", str(out), "--no-progress"], env)
        n = sum(1 for _ in open(out, encoding="utf-8"))
        print(f"[{rep + 1}] warta extract: {n} articles in {r['seconds']:.1f} s (cpu {r['cpu']:.1f} s)", file=sys.stderr)
        if not plain or r["seconds"] < plain["seconds"]:
            plain = {"seconds": r["seconds"], "cpu": r["cpu"], "articles": n}
        if args.halves:
            r = run_halves(corpus, tmp, env)
            print(f"[{rep + 1}] 2 x warta extract, a half each, at once: {r['seconds']:.1f} s (cpu {r['cpu']:.1f} s)",
                  file=sys.stderr)
            if "halves" not in plain or r["seconds"] < plain["halves"]["seconds"]:
                plain["halves"] = r
        for engine, w in configs:
            dataset = tmp / f"ds-{engine}-{w}-{rep}"
            r = run(job_cmd(corpus, dataset, engine, w, args.partition_files, args.dashboard), env)
            s = json.loads(r["stdout"].strip().splitlines()[-1])
            r["cpu"] += s.get("engine_cpu", 0.0)  # the JVM and Spark's Python workers, never waited for
            print(f"[{rep + 1}] {engine} x{w}: {s['articles']} articles in {r['seconds']:.1f} s "
                  f"(cpu {r['cpu']:.1f} s)", file=sys.stderr)
            if (engine, w) not in rows or r["seconds"] < rows[(engine, w)]["seconds"]:
                rows[(engine, w)] = {"engine": engine, "workers": w, "seconds": r["seconds"], "cpu": r["cpu"],
                                     "summary": s}
    return plain, [rows[c] for c in configs]


def _ratio(a: float, b: float) -> str:
    return f"{(a - b) / b:+.0%}"


def print_runs(plain: dict, rows: list[dict]) -> None:
    rate = plain["articles"] / plain["seconds"]
    print(f"plain `warta extract` (1 process): {plain['articles']} articles, {plain['seconds']:.1f} s wall, "
          f"{plain['cpu']:.1f} s CPU, {rate:.1f} articles/s")
    print("art/s count every article read (as `warta extract` writes each); 'kept' is after exact duplicates;")
    print("vs extract = (1-worker job - plain extract) / plain extract, wall (CPU): all the job costs more than "
          "`warta extract`, its MinHash, rows, Parquet and link pass included; engine ovh = (1-worker job - the "
          "same job with no engine) / no engine, wall (CPU): what Dask or Spark adds (start-up, worker "
          "process, scheduling); each from process start to exit; rest = imports, the driver's pipeline "
          "build (local workers fork after it), the write and finish after the last extraction")
    head = (f"{'engine':>6} {'workers':>8} {'kept':>5} {'wall s':>7} {'art/s':>6} {'speed-up':>8} "
            f"{'vs extract':>12} {'engine ovh':>12} {'CPU s':>6} {'start-up s':>10} {'extract s':>9} "
            f"{'link s':>6} {'rest s':>6}")
    print(head)
    if "halves" in plain:
        h = plain["halves"]
        print(f"{'plain':>6} {'2 halves':>8} {'':>5} {h['seconds']:>7.1f} {plain['articles'] / h['seconds']:>6.1f} "
              f"{plain['seconds'] / h['seconds']:>7.2f}x {'':>12} {'':>12} {h['cpu']:>6.1f}   (two `warta extract` "
              "at once, a half each: what this machine gives two processes now)")
    inline = next((x for x in rows if x["engine"] == "none"), None)
    for r in rows:
        s = r["summary"]
        one = next((x for x in rows if x["engine"] == r["engine"] and x["workers"] == 1), None)
        speedup = f"{one['seconds'] / r['seconds']:>7.2f}x" if one and r["engine"] != "none" else ""
        first = r["workers"] == 1
        overhead = (f"{_ratio(r['seconds'], plain['seconds'])} ({_ratio(r['cpu'], plain['cpu'])})"
                    if first else "")
        engine = (f"{_ratio(r['seconds'], inline['seconds'])} ({_ratio(r['cpu'], inline['cpu'])})"
                  if first and inline and r is not inline else "")
        tail = r["seconds"] - s["engine_start_seconds"] - s["extract_seconds"]
        print(f"{r['engine']:>6} {r['workers']:>8} {s['articles']:>5} {r['seconds']:>7.1f} "
              f"{s['records'] / r['seconds']:>6.1f} {speedup:>8} {overhead:>12} {engine:>12} {r['cpu']:>6.1f} "
              f"{s['engine_start_seconds']:>10.1f} {s['extract_seconds']:>9.1f} {s['link_seconds']:>6.1f} "
              f"{max(tail, 0):>6.1f}")


def print_stages(rows: list[dict]) -> None:
    names: list[str] = []
    for r in rows:
        for k in (r["summary"].get("stages") or {}):
            if k not in names:
                names.append(k)
    if not names:
        return
    print()
    print("stages inside the job, CPU s / wall s (workers' stages summed over partitions and workers)")
    cols = [f"{r['engine']} x{r['workers']}" for r in rows]
    print(f"{'stage':<38}" + "".join(f"{c:>16}" for c in cols))
    for name in names:
        cells = []
        for r in rows:
            v = (r["summary"].get("stages") or {}).get(name)
            cells.append(f"{v['cpu']:7.1f} /{v['wall']:6.1f}" if v else "")
        print(f"{name:<38}" + "".join(f"{c:>16}" for c in cells))
    extra = [("worker processes, CPU s", "worker_process_cpu"), ("driver process, CPU s", "driver_cpu"),
             ("JVM + its children (Python workers), CPU s", "engine_cpu")]
    for label, key in extra:
        print(f"{label:<38}" + "".join(f"{r['summary'].get(key, 0):>16.1f}" for r in rows))
    print(f"{'whole process tree, CPU s':<38}" + "".join(f"{r['cpu']:>16.1f}" for r in rows))
    # what the job costs besides the extraction itself: much steadier than either on a loaded machine
    rest = [r["cpu"] - ((r["summary"].get("stages") or {}).get("worker: extract (pipeline)") or {}).get("cpu", 0.0)
            for r in rows]
    print(f"{'tree minus worker: extract (pipeline)':<38}" + "".join(f"{x:>16.1f}" for x in rest))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--engines", default="none,dask,spark",
                    help="none: the job's tasks run in one process with no engine (the reference for the "
                         "engines' own overhead); dask; spark")
    ap.add_argument("--partition-files", type=int, default=100)
    ap.add_argument("--corpus", choices=("news", "short"), default="news",
                    help="news (default): variants of the project's written gold and held-out articles, ~230 "
                         "words, about the length of the real news warta is measured on (~240); short: variants "
                         "of the store's six seed stories, ~85 words (the corpus of earlier rounds)")
    ap.add_argument("--no-halves", dest="halves", action="store_false",
                    help="skip the reference run of two plain `warta extract` processes at once, a half each")
    ap.add_argument("--dashboard", default="off",
                    help="Dask's dashboard for the jobs: off (default: a batch job needs none; its web server "
                         "costs ~0.5 s of start-up) or :0 (any free port), as `warta job run --dashboard`")
    ap.add_argument("--repeat", type=int, default=1, help="run everything N times, keep the fastest wall")
    ap.add_argument("--src", default=str(ROOT / "src"), help="the warta source tree to run (default: this one)")
    ap.add_argument("--inline", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inline:
        return run_inline(*args.inline, args.partition_files)

    import store_corpus

    src = str(Path(args.src).resolve())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    print("$ " + " ".join(shlex.quote(a) for a in ["python", *sys.argv]))
    with tempfile.TemporaryDirectory(prefix="warta-bench-jobs-") as tmp:
        corpus = Path(tmp) / "corpus"
        store_corpus.write_folder(corpus, args.articles, kind=args.corpus)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.iterdir()) / args.articles
        load0 = os.getloadavg()[0]
        plain, rows = measure(args, corpus, Path(tmp), env)
    print(f"corpus: {args.articles} generated articles ({args.corpus}, {words:.0f} words each on average); "
          f"warta from {src}; cpus: {os.cpu_count()}; load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after")
    print_runs(plain, rows)
    print_stages(rows)


if __name__ == "__main__":
    main()
