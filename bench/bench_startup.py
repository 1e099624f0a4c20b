#!/usr/bin/env python3
"""Start-up: how long `warta extract ONE_ARTICLE` takes to print its record, and where the time goes.

usage: python bench/bench_startup.py [ARTICLE] [--src DIR …] [--runs N]

For each source tree (default: this checkout's src/; give `--src /other/checkout/src` several times to
compare trees back to back in the same run) it runs, each in a fresh process, `warta --help`,
`warta extract ARTICLE` and spaCy's bare tokenizer `spacy.blank("id")` on the same article, and prints
wall seconds, CPU seconds (user+sys of that process, what the machine's load does not inflate) and
peak RSS; then the stages of one start-up inside one process (import, pipeline, first article).
Nothing here is a test.

Every tree first runs once untimed, so that what an installed warta has (Python's compiled bytecode,
written by pip at install; warta's caches in the user cache folder) is there, as on a user's second
and later runs.  Bytecode goes to a folder of this benchmark (PYTHONPYCACHEPREFIX), never into the
trees; `--no-bytecode` measures as PYTHONDONTWRITEBYTECODE=1 does in a tree without __pycache__ (every
module of the tree compiled from source on each run; the libraries' bytecode still read).
The row `… (empty cache)` runs with a new, empty WARTA_CACHE_DIR: a user's very first run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = ("import sys, spacy; nlp = spacy.blank('id'); "
        "doc = nlp(open(sys.argv[1], encoding='utf-8').read()); print(len(doc))")

STAGES = r"""
import sys, time, resource
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
marks = []
def mark(name):
    marks.append((name, time.perf_counter(), cpu()))
mark("start")
import spacy; mark("import spacy")
import warta; mark("import warta")
from warta.models import load_model
load_model(); mark("load NER model")
from warta.annotate.sentences import tokenizer_nlp
tokenizer_nlp(); mark("sentence tokenizer")
pipeline = warta.make_pipeline(); mark("rest of make_pipeline")
from warta.readers import read_path
articles = read_path(sys.argv[1])
for a in articles: pipeline(a)
mark("first article (warm-up)")
for a in read_path(sys.argv[1]): pipeline(a)
mark("second article")
for (n0, w0, c0), (n1, w1, c1) in zip(marks, marks[1:]):
    print(f"{n1}\t{w1 - w0:.3f}\t{c1 - c0:.3f}")
print(f"peak\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
"""


PYCACHE = Path(tempfile.gettempdir()) / "warta-bench-pycache"
BYTECODE = True


def run(argv: list[str], src: str, **extra: str) -> tuple[float, float, float, str]:
    """(wall s, cpu s, peak RSS MB, stdout) of one fresh process."""
    env = {**os.environ, "PYTHONPATH": src, "OMP_NUM_THREADS": "1", **extra}
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:  # the installed libraries' own __pycache__ is read; a tree without one compiles every module
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def best(argv: list[str], src: str, runs: int, fresh_cache: bool = False) -> tuple[float, float, float, str]:
    results = []
    for _ in range(runs):
        if fresh_cache:
            with tempfile.TemporaryDirectory(prefix="warta-bench-cache-") as folder:
                results.append(run(argv, src, WARTA_CACHE_DIR=folder))
        else:
            results.append(run(argv, src))
    return min(results, key=lambda r: r[1])  # the run the machine's load disturbed least


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "examples" / "menlu-asean.txt"))
    parser.add_argument("--src", action="append", help="a source tree (PYTHONPATH) to time; repeatable")
    parser.add_argument("--runs", type=int, default=2, help="runs of each command; the least CPU is shown")
    parser.add_argument("--no-bytecode", action="store_true", help="compile every module from source each run")
    parser.add_argument("--empty-cache", action="store_true", help="also time a run with an empty warta cache")
    args = parser.parse_args(argv)
    global BYTECODE
    BYTECODE = not args.no_bytecode
    trees = args.src or [str(ROOT / "src")]
    py = sys.executable
    print(f"article: {args.article}; best of {args.runs} runs (least CPU); wall is inflated by the machine's load; "
          f"{'with' if BYTECODE else 'without'} compiled bytecode")
    print(f"{'tree':<28} {'command':<28} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'x bare':>7}")
    extract = [py, "-m", "warta.cli", "extract", args.article]
    for src in trees:
        run(extract, src)  # untimed: bytecode and caches as an installed warta has them
        bare = best([py, "-c", BARE, args.article], src, args.runs)
        rows = [("spacy.blank('id') + article", bare),
                ("warta --help", best([py, "-m", "warta.cli", "--help"], src, args.runs)),
                ("warta extract ARTICLE", best(extract, src, args.runs))]
        if args.empty_cache:
            rows.append(("… (empty cache)", best(extract, src, args.runs, fresh_cache=True)))
        for name, (wall, cpu, peak, _out) in rows:
            print(f"{_short(src):<28} {name:<28} {wall:>7.2f} {cpu:>6.2f} {peak:>8.0f} {cpu / bare[1]:>7.2f}")
    for src in trees:
        _wall, _cpu, _peak, out = run([py, "-c", STAGES, args.article], src)
        print(f"\nstages of one start-up in one process, {_short(src)}")
        print(f"{'stage':<26} {'wall s':>7} {'cpu s':>6}")
        for line in out.splitlines():
            name, *values = line.split("\t")
            if name == "peak":
                print(f"{'peak RSS MB':<26} {values[0]:>7}")
            else:
                print(f"{name:<26} {float(values[0]):>7.3f} {float(values[1]):>6.3f}")


def _short(src: str) -> str:
    return src if len(src) <= 28 else "…" + src[-27:]


if __name__ == "__main__":
    main(sys.argv[1:])
