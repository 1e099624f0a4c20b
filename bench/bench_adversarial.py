#!/usr/bin/env python3
"""Time per adversarial input (issue 14) and time per KB from 1 KB to 1 MB.

usage: python bench/bench_adversarial.py [--scale 1.0] [--max-kb 1024] [--cap 120]   (--max-kb 0: part 1 only)

Part 1 runs the adversarial corpus (tests/adversarial.py: 20 KB of `"`, 10k `(` then `)`, number words
x2000, `Presiden ` x10000, `KATA ` x18000, `Rp` x40000, …) through the full pipeline, one article each,
and prints the seconds each took; the goal is none over 5 s for inputs up to 100 KB.  Part 2 runs news
text (the examples, repeated) of 1, 4, 16, 64, 256 and 1024 KB and prints seconds and ms per KB, which
should stay flat (a straight line); wall and CPU seconds of the process are both printed (the machine may be
shared: compare CPU).  The checkout timed is the one `PYTHONPATH` names, else this one.  No time budget applies (each input is capped at --cap seconds by an
alarm, reported as "over").  Nothing here is timed inside the tests.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "src"))  # after PYTHONPATH: `PYTHONPATH=/other/checkout/src` times that checkout


def cpu() -> float:
    return time.process_time()


class Over(BaseException):
    pass


def timed(nlp, text: str, source: str, cap: float) -> tuple[float, float, str]:
    """(wall s, CPU s of this process, status) for one article."""
    import warta
    from warta.errors import WartaError

    def ring(signum, frame):
        raise Over()

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, cap)
    started, started_cpu = time.perf_counter(), cpu()
    try:
        record = warta.extract_text(text, source=source, pipeline=nlp)
        status = f"ok ({len(record.sentences)} sentences, {len(record.entities)} entities)"
    except Over:
        status = f"OVER {cap:g} s"
    except WartaError as exc:
        status = f"error: {exc}"[:70]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return time.perf_counter() - started, cpu() - started_cpu, status


def news_text(kb: int) -> str:
    paragraphs = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    out, i = ["Berita Panjang untuk Uji Kecepatan"], 0
    while sum(len(p) + 2 for p in out) < kb * 1024:
        out.append(paragraphs[i % len(paragraphs)])
        i += 1
    return "\n\n".join(out)[: kb * 1024]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of the adversarial inputs (1.0: as in the issue)")
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--cap", type=float, default=120.0, help="give up on one input after this many seconds")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    import warta
    from tests import adversarial

    nlp = warta.make_pipeline(time_budget=0)
    warta.extract_text(adversarial.sample(), pipeline=nlp)  # load models and tables first
    worst = 0.0
    print(f"{'adversarial input':<28} {'KB':>8} {'seconds':>8} {'cpu s':>7}  result")
    for name, text in adversarial.cases(args.scale).items():
        seconds, used, status = timed(nlp, text, name, args.cap)
        kb = len(text.encode("utf-8")) / 1024
        if kb <= 100:
            worst = max(worst, seconds)
        print(f"{name:<28} {kb:8.1f} {seconds:8.2f} {used:7.2f}  {status}", flush=True)
    print(f"slowest input up to 100 KB: {worst:.2f} s (goal: at most 5 s)\n")
    print(f"{'news text KB':>12} {'seconds':>8} {'ms/KB':>7} {'cpu s':>8} {'cpu ms/KB':>9}")
    kb = 1
    while kb <= args.max_kb:
        seconds, used, status = timed(nlp, news_text(kb), f"{kb}KB", args.cap * 10)
        print(f"{kb:12d} {seconds:8.2f} {1000 * seconds / kb:7.1f} {used:8.2f} {1000 * used / kb:9.1f}  "
              f"{status if not status.startswith('ok') else ''}", flush=True)
        kb *= 4
    return 0 if worst <= 5 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
