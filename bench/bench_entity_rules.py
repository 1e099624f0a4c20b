#!/usr/bin/env python3
"""The entities component without its model: CPU ms/article of the rules (span mending, passes, country
gazetteer, merge), the model's spans computed once beforehand, on the texts of the other components
already run.  Several source trees are timed back to back, in turns, each in its own process.

usage: python bench/bench_entity_rules.py [FILES…] [--src DIR …] [--rounds N] [--repeat N] [--warm FILES…] [--parts]

Defaults: tests/data/gold/*.txt and tests/data/heldout/*.txt, this checkout's src/, 3 rounds of 5 passes.
Prints the least CPU ms/article of each tree over the rounds (the machine's other load only adds).
The warm-up runs over the same texts unless `--warm` names others: with `--warm OTHER --repeat 1` every
name is new to the remembered look-ups, as in a stream of articles never seen before.
`--parts` also prints the CPU of each part (the span rules, each pass, the gazetteer and the merge), timed in a
second run after the one whose total is printed.
Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
import warta
import warta.annotate.entities as E
from warta.options import Options
from warta.readers import read_path

files, repeat, warm = json.loads(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
PARTS = sys.argv[4] == "1"
pipeline = warta.make_pipeline()


def before_entities(names):
    out = []
    for name in names:
        for article in read_path(name):
            for info, step in pipeline.steps:
                if info.name == "entities":
                    out.append((article, step))
                    break
                article = step(article)
    return out


states = before_entities(files)
warm_states = before_entities(warm) if warm else states
found = {a.text: E.model_spans(a.text, Options()) for a, _ in states + warm_states}
E.model_spans = lambda text, options: list(found[text])
for article, step in warm_states:  # warm-up: tables, caches
    step(article)
start = time.process_time()
for _ in range(repeat):
    for article, step in states:
        step(article)
ms = 1000 * (time.process_time() - start) / (repeat * len(states))
parts = {}
if PARTS:  # CPU of each part, in a second run (the clock read around each part adds its own cost)
    import importlib
    mend, passes = (importlib.import_module(f"warta.annotate.entities.{m}") for m in ("mend", "passes"))
    spent = {}

    def timed(name, fn):
        def run(*args):
            t = time.process_time()
            try:
                return fn(*args)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return run

    mend.mend_span = timed("span rules (mend_span)", mend.mend_span)
    for p in passes.PASSES:
        object.__setattr__(p, "run", timed("pass " + p.id, p.run))
    for name in ("gazetteer_spans", "merge"):
        setattr(E, name, timed(name, getattr(E, name)))
    for _ in range(repeat):
        for article, step in states:
            step(article)
    parts = {k: 1000 * v / (repeat * len(states)) for k, v in spent.items()}
print(json.dumps({"ms": ms, "articles": len(states), "parts": parts}))
"""


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--src", action="append", help="a source tree (PYTHONPATH) to time; repeatable")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warm", action="extend", nargs="+", default=[], help="texts to warm up on instead")
    parser.add_argument("--parts", action="store_true", help="also CPU ms/article of each part (span rules, each pass)")
    args = parser.parse_args(argv)
    files = args.files or sorted(str(p) for d in ("gold", "heldout") for p in (ROOT / "tests" / "data" / d).glob("*.txt"))
    trees = args.src or [str(ROOT / "src")]
    best: dict[str, float] = {}
    parts: dict[str, dict[str, float]] = {}
    count = 0
    env = dict(os.environ, OMP_NUM_THREADS="1")
    for _ in range(args.rounds):
        for tree in trees:
            out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(files), str(args.repeat),
                                  json.dumps(args.warm), "1" if args.parts else "0"], check=True,
                                 capture_output=True, text=True, env=dict(env, PYTHONPATH=tree)).stdout
            result = json.loads(out.strip().splitlines()[-1])
            best[tree] = min(best.get(tree, float("inf")), result["ms"])
            for part, ms in result["parts"].items():
                parts.setdefault(part, {})[tree] = min(parts.get(part, {}).get(tree, float("inf")), ms)
            count = result["articles"]
    print(f"{count} articles, {args.repeat} passes, best of {args.rounds} rounds (CPU of the process)")
    print(f"{'tree':<40} {'rules ms/article':>16}")
    for tree in trees:
        print(f"{tree:<40} {best[tree]:>16.2f}")
    if parts:
        print("\nparts, ms/article (best of the rounds; timed apart, so they add up to a little more)")
        print(f"{'part':<40}" + "".join(f" {Path(t).parent.name[-16:]:>16}" for t in trees))
        for part in sorted(parts, key=lambda p: -max(parts[p].values())):
            print(f"{part:<40}" + "".join(f" {parts[part].get(t, float('nan')):>16.3f}" for t in trees))


if __name__ == "__main__":
    main(sys.argv[1:])
