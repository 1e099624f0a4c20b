#!/usr/bin/env python3
"""Time of the events component alone, per KB, on news text made of repeated paragraphs (issue 14).

usage: PYTHONPATH=src python bench/bench_events.py [KB ...]   (default 16 64 128 256)
       PYTHONPATH=src python bench/bench_events.py --adversarial [SCALE]   (tests/adversarial.py inputs)

Runs the full pipeline on news text of each size (bench_adversarial.news_text: the examples repeated)
and on adversarial inputs, timing only `events_of_sentence` (all sentences of the article); the ms per
KB should stay flat as the article grows (linear time)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> int:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import warta
    import warta.annotate.events as events
    from bench.bench_adversarial import news_text

    spent = [0.0]
    inner = events.events_of_sentence

    def timed(article, i):
        t = time.perf_counter()
        try:
            return inner(article, i)
        finally:
            spent[0] += time.perf_counter() - t

    events.events_of_sentence = timed
    nlp = warta.make_pipeline(time_budget=0)
    warta.extract_text(news_text(2), pipeline=nlp)
    if argv[:1] == ["--adversarial"]:
        from tests import adversarial
        scale = float(argv[1]) if len(argv) > 1 else 1.0
        print(f"{'adversarial input':<28} {'KB':>7} {'pipeline s':>10} {'events s':>9}")
        for name, text in adversarial.cases(scale).items():
            spent[0] = 0.0
            t = time.perf_counter()
            warta.extract_text(text, pipeline=nlp)
            print(f"{name:<28} {len(text.encode()) / 1024:7.1f} {time.perf_counter() - t:10.2f} {spent[0]:9.2f}",
                  flush=True)
        return 0
    sizes = [int(a) for a in argv] or [16, 64, 128, 256]
    print(f"{'KB':>6} {'pipeline s':>10} {'events s':>9} {'events ms/KB':>13} {'events':>7}")
    for kb in sizes:
        text = news_text(kb)
        spent[0] = 0.0
        t = time.perf_counter()
        record = warta.extract_text(text, pipeline=nlp)
        total = time.perf_counter() - t
        print(f"{kb:6d} {total:10.2f} {spent[0]:9.2f} {1000 * spent[0] / kb:13.1f} {len(record.events):7d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
