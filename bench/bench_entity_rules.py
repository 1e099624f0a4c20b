#!/usr/bin/env python3
"""The entities component without its model: CPU ms/article of the rules (span mending, passes, country
gazetteer, merge), the model's spans computed once beforehand, on the texts of the other components
already run.  Several source trees are timed back to back, in turns, each in its own process.

usage: python bench/bench_entity_rules.py [FILES…] [--src DIR …] [--rounds N] [--repeat N] [--warm FILES…]

Defaults: tests/data/gold/*.txt and tests/data/heldout/*.txt, this checkout's src/, 3 rounds of 5 passes.
Prints the least CPU ms/article of each tree over the rounds (the machine's other load only adds).
The warm-up runs over the same texts unless `--warm` names others: with `--warm OTHER --repeat 1` every
name is new to the remembered look-ups, as in a stream of articles never seen before.
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
print(json.dumps({"ms": 1000 * (time.process_time() - start) / (repeat * len(states)), "articles": len(states)}))
"""


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--src", action="append", help="a source tree (PYTHONPATH) to time; repeatable")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warm", action="extend", nargs="+", default=[], help="texts to warm up on instead")
    args = parser.parse_args(argv)
    files = args.files or sorted(str(p) for d in ("gold", "heldout") for p in (ROOT / "tests" / "data" / d).glob("*.txt"))
    trees = args.src or [str(ROOT / "src")]
    best: dict[str, float] = {}
    count = 0
    env = dict(os.environ, OMP_NUM_THREADS="1")
    for _ in range(args.rounds):
        for tree in trees:
            out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(files), str(args.repeat),
                                  json.dumps(args.warm)], check=True,
                                 capture_output=True, text=True, env=dict(env, PYTHONPATH=tree)).stdout
            result = json.loads(out.strip().splitlines()[-1])
            best[tree] = min(best.get(tree, float("inf")), result["ms"])
            count = result["articles"]
    print(f"{count} articles, {args.repeat} passes, best of {args.rounds} rounds (CPU of the process)")
    print(f"{'tree':<40} {'rules ms/article':>16}")
    for tree in trees:
        print(f"{tree:<40} {best[tree]:>16.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
