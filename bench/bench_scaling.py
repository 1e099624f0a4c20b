#!/usr/bin/env python3
"""Time against article length: 200, 2,000 and 20,000 words, and a 1 MB article.

usage: PYTHONPATH=src python bench/bench_scaling.py [--words 200,2000,20000] [--mb 1.0] [--no-mb]

Each article is made of the project's own news texts (tests/data/gold, tests/data/heldout, examples/),
paragraph after paragraph, cut at the given number of words.  After one warm-up article, each is run
through the full pipeline on one core and the table prints wall and CPU seconds, words/s, µs of CPU per
word (flat means linear time: no quadratic step), peak RSS, and the ratio to spaCy's bare tokenizer
(`spacy.blank("id")`) on the same text in the same run, then the CPU per word of each component.  Goal (issue 13): linear, 1 MB in ≤ 10 s.
Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def paragraphs() -> list[str]:
    names = sorted((ROOT / "tests" / "data" / "gold").glob("*.txt")) + \
        sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    out = []
    for name in names:
        out += [p.strip() for p in name.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def article_of(words: int | None = None, chars: int | None = None) -> str:
    """News paragraphs, cycled, up to `words` words or `chars` characters."""
    parts, count, size = [], 0, 0
    source = paragraphs()
    i = 0
    while (words is None or count < words) and (chars is None or size < chars):
        para = source[i % len(source)]
        if words is not None and count + len(para.split()) > words:
            para = " ".join(para.split()[: words - count])
        parts.append(para)
        count += len(para.split())
        size += len(para) + 2
        i += 1
    return "\n\n".join(parts)


def timed(fn, *args) -> tuple[float, float]:
    w, c = time.perf_counter(), cpu()
    fn(*args)
    return time.perf_counter() - w, cpu() - c


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", default="200,2000,20000")
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--no-mb", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import spacy

    import warta
    from warta.readers.text import read_text

    bare = spacy.blank("id")
    pipeline = warta.make_pipeline(time_budget=0)
    pipeline(read_text(article_of(words=300), source="warm-up"))
    cases = [(f"{n:,} words", article_of(words=n)) for n in map(int, args.words.split(","))]
    if not args.no_mb:
        cases.append((f"{args.mb:g} MB", article_of(chars=int(args.mb * 1_000_000))))
    print(f"{'article':<14} {'words':>8} {'wall s':>7} {'cpu s':>7} {'words/s':>8} {'µs/word':>8} "
          f"{'x bare':>7} {'peak MB':>8}")
    per_word: dict[str, list[float]] = {}
    for name, text in cases:
        words = len(text.split())
        _bw, bare_cpu = timed(bare.tokenizer, text)
        wall, used, steps = run_steps(pipeline, read_text(text, source=name))
        for step, seconds in steps.items():
            per_word.setdefault(step, []).append(1e6 * seconds / words)
        print(f"{name:<14} {words:>8} {wall:>7.2f} {used:>7.2f} {words / used:>8.0f} {1e6 * used / words:>8.1f} "
              f"{used / max(bare_cpu, 1e-9):>7.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>8.0f}")
    print("\nµs of CPU per word, by component (flat across a row = linear)")
    print(f"{'component':<14} " + " ".join(f"{name:>14}" for name, _ in cases))
    for step, values in per_word.items():
        print(f"{step:<14} " + " ".join(f"{v:>14.1f}" for v in values))


def run_steps(pipeline, article) -> tuple[float, float, dict[str, float]]:
    """Run the pipeline's steps one by one: (wall s, CPU s, CPU s per component)."""
    steps: dict[str, float] = {}
    w0, c0 = time.perf_counter(), cpu()
    for info, step in pipeline.steps:
        c = cpu()
        article = step(article)
        steps[info.name] = cpu() - c
    return time.perf_counter() - w0, cpu() - c0, steps


if __name__ == "__main__":
    main(sys.argv[1:])
