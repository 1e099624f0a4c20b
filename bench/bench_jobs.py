"""Corpus-job benchmark: `warta job run` on Dask and Spark with 1 and 2 workers, against plain `warta extract`.

    PYTHONPATH=src python bench/bench_jobs.py [--articles 2000] [--workers 1,2] [--engines none,dask,spark]
                                              [--corpus news|short] [--partition-files 100] [--repeat 1]
                                              [--paired none,dask] [--no-halves] [--dashboard off|:0]
                                              [--src OTHER/src]

The corpus is made of generated variants (sentences shuffled and dropped, numbers
changed; tests/store_corpus.py) of the project's own written articles, one .txt file
each: `news` (default) of the gold and held-out articles (tests/data/gold, heldout:
~240 words an article, the length of the real news warta is measured on), `short` of
the store's six seed stories (~85 words, the corpus of earlier rounds, on which fixed
costs weigh three times as much).  Every run is a fresh process, timed from the
outside, so each pays its own start-up: Python imports, the engine (LocalCluster /
JVM) and the pipeline (built once by the Dask driver or Spark's Python daemon before
the local workers are forked, so they share it).  Wall seconds are taken around the
process; CPU seconds are those of its whole process tree (`os.wait4`: the process and
the children it waited for, plus, for Spark, the JVM and Spark's Python workers,
which the driver never waits for: the job's own count, `engine_cpu`).

What each round runs, interleaved:
- plain `warta extract` over the corpus (one process);
- two plain `warta extract` at once, each on half the files: the same work split by
  hand with no engine, so its speed-up is what the machine gives two processes of
  warta at that moment (`--no-halves` skips it);
- the job with no engine (`none`: the job's own tasks run in the driver, in order:
  reading, extraction, MinHash, rows, Parquet and the link pass, with no cluster, no
  worker process and no scheduling), then on each engine with 1 and 2 workers;
- with `--paired`, plain `warta extract` and the 1-worker job started together, side
  by side (one core each), so that both run in the same phase of the machine.

Overhead (issue #16): how much longer the 1-worker job takes than plain `warta
extract`, both counted from process start to exit ("vs extract": all the job adds,
its own products included), and than the same job with no engine ("engine ovh":
what Dask or Spark adds).  Speed-up: 1-worker wall / N-worker wall.  Every ratio is
taken within one round and the tables give the median over rounds with the range:
this 2-core virtual machine's speed drifts by up to a third within minutes (the CPU
seconds of one same run move with it), so a ratio of two runs minutes apart in
different rounds, or a best-of-N per configuration, would mix its phases.

The stage table adds up what the workers and the driver measured inside the job
(`warta.jobs.stages`) in each configuration's median run: CPU and wall seconds per
stage, summed over partitions and workers.  Its last line, the process tree's CPU
less the workers' pipeline CPU, is what the job costs besides the extraction itself.
(Exact copies of articles kept by earlier partitions are not extracted again: the
short corpus repeats about 6%, the news corpus none.)  --src runs another checkout's
code (e.g. --src ../old/src for a before/after).  Not part of the tests.
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


def run_together(cmds: list[list[str]], env: dict, tmp: Path) -> list[dict]:
    """Start the commands at the same moment; for each, its wall seconds from that moment to its exit, its CPU
    seconds (`os.wait4`: the process and the children it waited for) and its standard output."""
    outs = [open(tmp / f"out-{i}.txt", "w+b") for i in range(len(cmds))]
    errs = [open(tmp / f"err-{i}.txt", "w+b") for i in range(len(cmds))]
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, env=env, stdout=o, stderr=e) for cmd, o, e in zip(cmds, outs, errs)]
    done: dict[int, dict] = {}
    while len(done) < len(procs):
        pid, status, usage = os.wait4(-1, 0)
        if pid in {p.pid for p in procs}:
            done[pid] = {"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                         "status": os.waitstatus_to_exitcode(status)}
    results = []
    for cmd, p, o, e in zip(cmds, procs, outs, errs):
        p.returncode = done[p.pid]["status"]
        o.seek(0)
        e.seek(0)
        if p.returncode:
            sys.exit(f"{' '.join(cmd[:6])} … failed:\n{e.read().decode(errors='replace')[-3000:]}")
        results.append({**done[p.pid], "stdout": o.read().decode()})
        o.close()
        e.close()
    return results


def run(cmd: list[str], env: dict, tmp: Path) -> dict:
    """Wall and CPU seconds of one command, and its standard output."""
    return run_together([cmd], env, tmp)[0]


def extract_cmd(files: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "warta.cli", "extract", *files, "-o", str(out), "--no-progress"]


def run_halves(corpus: Path, tmp: Path, env: dict) -> dict:
    """Two plain `warta extract` processes started at once, each on half the corpus (the first and the second
    half of its files): the same work split by hand with no engine at all, so its speed-up over one process
    is what this machine gives two processes of warta at this moment, the ceiling for a 2-worker job."""
    files = sorted(str(p) for p in corpus.iterdir())
    halves = [files[: len(files) // 2], files[len(files) // 2:]]
    both = run_together([extract_cmd(h, tmp / f"half-{i}.jsonl") for i, h in enumerate(halves)], env, tmp)
    return {"seconds": max(r["seconds"] for r in both), "cpu": sum(r["cpu"] for r in both)}


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


def _job(corpus: Path, dataset: Path, engine: str, w: int, args, r: dict) -> dict:
    summary = json.loads(r["stdout"].strip().splitlines()[-1])
    cpu = r["cpu"] + summary.get("engine_cpu", 0.0)  # the JVM and Spark's Python workers, never waited for
    return {"engine": engine, "workers": w, "seconds": r["seconds"], "cpu": cpu, "summary": summary}


def measure(args, corpus: Path, tmp: Path, env: dict) -> list[dict]:
    """Every round's runs: {"extract", "halves", (engine, workers), ("paired", engine)}, each a dict with
    seconds and cpu (and the job's summary)."""
    configs = [(e, int(w)) for e in args.engines.split(",") for w in args.workers.split(",")
               if e != "none" or w == "1"]
    files = sorted(str(p) for p in corpus.iterdir())
    rounds = []
    for rep in range(args.repeat):
        got: dict = {}
        out = tmp / "x.jsonl"
        got["extract"] = run(extract_cmd([str(corpus)], out), env, tmp)
        got["extract"]["articles"] = sum(1 for _ in open(out, encoding="utf-8"))
        say = lambda what, r: print(f"[{rep + 1}] {what}: {r['seconds']:.1f} s (cpu {r['cpu']:.1f} s)",  # noqa: E731
                                    file=sys.stderr)
        say("warta extract", got["extract"])
        if args.halves:
            got["halves"] = run_halves(corpus, tmp, env)
            say("2 x warta extract, a half each, at once", got["halves"])
        for engine, w in configs:
            dataset = tmp / f"ds-{engine}-{w}-{rep}"
            cmd = job_cmd(corpus, dataset, engine, w, args.partition_files, args.dashboard)
            got[(engine, w)] = _job(corpus, dataset, engine, w, args, run(cmd, env, tmp))
            say(f"{engine} x{w}", got[(engine, w)])
        for engine in (args.paired.split(",") if args.paired else []):
            dataset = tmp / f"ds-paired-{engine}-{rep}"
            cmd = job_cmd(corpus, dataset, engine, 1, args.partition_files, args.dashboard)
            plain, job = run_together([extract_cmd(files, tmp / "paired.jsonl"), cmd], env, tmp)
            got[("paired", engine)] = {"extract": plain, "job": _job(corpus, dataset, engine, 1, args, job)}
            say(f"warta extract beside {engine} x1", plain)
            say(f"{engine} x1 beside warta extract", got[("paired", engine)]["job"])
        rounds.append(got)
    return rounds


def _median(values: list[float]) -> float:
    v = sorted(values)
    return (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2


def _spread(values: list[float], fmt: str) -> str:
    """The median, and the range when there are several rounds: `1.94x (1.68-2.03)`."""
    m = format(_median(values), fmt)
    return m if len(values) < 2 else f"{m} ({format(min(values), fmt)}..{format(max(values), fmt)})"


def _over(a: dict, b: dict, key: str = "seconds") -> float:
    return (a[key] - b[key]) / b[key]


def print_runs(rounds: list[dict], configs: list[tuple[str, int]]) -> list[dict]:
    """The runs table (medians over the rounds, with their range; every ratio is taken within a round, so a
    slow or fast phase of the machine moves both sides of it); returns each configuration's median run."""
    plain = [g["extract"] for g in rounds]
    n = plain[0]["articles"]
    print(f"plain `warta extract` (1 process): {n} articles, {_spread([p['seconds'] for p in plain], '.1f')} s wall, "
          f"{_spread([p['cpu'] for p in plain], '.1f')} s CPU; {len(rounds)} round(s), medians and (ranges)")
    print("art/s count every article read (as `warta extract` writes each); 'kept' is after exact duplicates;")
    print("speed-up = 1-worker wall / N-worker wall; vs extract = (1-worker job - plain extract) / plain extract, "
          "wall: all the job costs more than `warta extract` (MinHash, rows, Parquet, link pass included); engine "
          "ovh = (1-worker job - the same job with no engine) / no engine: what Dask or Spark adds (start-up, "
          "worker process, scheduling); each ratio within one round; CPU s of the process tree; rest = imports, the "
          "driver's pipeline build (local workers fork after it), the write and finish after the last extraction")
    print(f"{'engine':>6} {'workers':>8} {'kept':>5} {'wall s':>7} {'art/s':>6} {'speed-up x':>20} {'vs extract':>18} "
          f"{'engine ovh':>18} {'CPU s':>6} {'start-up s':>10} {'extract s':>9} {'link s':>6} {'rest s':>6}")
    if "halves" in rounds[0]:
        walls = [g["halves"]["seconds"] for g in rounds]
        print(f"{'plain':>6} {'2 halves':>8} {'':>5} {_median(walls):>7.1f} {n / _median(walls):>6.1f} "
              f"{_spread([g['extract']['seconds'] / g['halves']['seconds'] for g in rounds], '.2f'):>20} "
              f"{'':>18} {'':>18} {_median([g['halves']['cpu'] for g in rounds]):>6.1f}   (two `warta extract` "
              "at once, a half each: what this machine gives two processes)")
    medians = []
    for engine, w in configs:
        runs = sorted((g[(engine, w)] for g in rounds), key=lambda r: r["seconds"])
        r = runs[(len(runs) - 1) // 2]
        medians.append(r)
        s = r["summary"]
        one = (engine, 1) in rounds[0]
        speedup = ("" if engine == "none" or not one else
                   _spread([g[(engine, 1)]["seconds"] / g[(engine, w)]["seconds"] for g in rounds], ".2f"))
        first = w == 1
        overhead = _spread([_over(g[(engine, 1)], g["extract"]) * 100 for g in rounds], "+.0f") if first else ""
        inline = [g.get(("none", 1)) for g in rounds]
        engine_ovh = (_spread([_over(g[(engine, 1)], x) * 100 for g, x in zip(rounds, inline)], "+.0f")
                      if first and engine != "none" and all(inline) else "")
        tail = r["seconds"] - s["engine_start_seconds"] - s["extract_seconds"]
        print(f"{engine:>6} {w:>8} {s['articles']:>5} {r['seconds']:>7.1f} {s['records'] / r['seconds']:>6.1f} "
              f"{speedup:>20} {overhead + ('%' if overhead else ''):>18} {engine_ovh + ('%' if engine_ovh else ''):>18} "
              f"{r['cpu']:>6.1f} {s['engine_start_seconds']:>10.1f} {s['extract_seconds']:>9.1f} "
              f"{s['link_seconds']:>6.1f} {max(tail, 0):>6.1f}")
    paired = [k[1] for k in rounds[0] if isinstance(k, tuple) and k[0] == "paired"]
    if paired:
        print()
        print("side by side: plain `warta extract` and the 1-worker job started at the same moment, one core each, "
              "so both run in the same phase of the machine; overhead = (job - extract) / extract, wall (CPU)")
        for engine in paired:
            pairs = [g[("paired", engine)] for g in rounds]
            print(f"{engine:>6} x1 beside extract: overhead {_spread([_over(p['job'], p['extract']) * 100 for p in pairs], '+.0f')}% "
                  f"wall, {_spread([_over(p['job'], p['extract'], 'cpu') * 100 for p in pairs], '+.0f')}% CPU; "
                  f"extract {_spread([p['extract']['seconds'] for p in pairs], '.1f')} s, job "
                  f"{_spread([p['job']['seconds'] for p in pairs], '.1f')} s")
    return medians


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
                    help="news (default): variants of the project's written gold and held-out articles, ~240 "
                         "words, about the length of the real news warta is measured on (~240); short: variants "
                         "of the store's six seed stories, ~85 words (the corpus of earlier rounds)")
    ap.add_argument("--no-halves", dest="halves", action="store_false",
                    help="skip the reference run of two plain `warta extract` processes at once, a half each")
    ap.add_argument("--dashboard", default="off",
                    help="Dask's dashboard for the jobs: off (default: a batch job needs none; its web server "
                         "costs ~0.5 s of start-up) or :0 (any free port), as `warta job run --dashboard`")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds: run everything N times, interleaved; the tables give medians and ranges")
    ap.add_argument("--paired", default="", metavar="ENGINES",
                    help="also run plain `warta extract` and the 1-worker job of each of these engines (e.g. "
                         "none,dask) side by side, started together, in every round")
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
        rounds = measure(args, corpus, Path(tmp), env)
    print(f"corpus: {args.articles} generated articles ({args.corpus}, {words:.0f} words each on average); "
          f"warta from {src}; cpus: {os.cpu_count()}; load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after")
    configs = [k for k in rounds[0] if isinstance(k, tuple) and k[0] != "paired"]
    print_stages(print_runs(rounds, configs))


if __name__ == "__main__":
    main()
