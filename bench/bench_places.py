#!/usr/bin/env python3
"""Time of the places component against article length (issue 14: linear time in input size).

usage: PYTHONPATH=src python bench/bench_places.py [--kb 16 64 128 256] [--repeat 3]

Builds articles of 16, 64, 128 and 256 KB from a few sentences written for this bench (places
known and unknown, with and without a generic word, organisations named with a country, seats
of power, states named like countries, small towns), repeated; runs the components places needs
(language, sentences, entities) once per size, then times the places component alone (best of
--repeat runs) and prints seconds and ms per KB, which should stay flat.  Also prints the CPU
time the gazetteer takes to open in a fresh process (`--startup`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Polisi Serbia membubarkan massa di Jalan Knez Mihailova, Beograd, Senin.",
    "Banjir merendam Desa Ngroto, Kecamatan Gubug, Kabupaten Grobogan, Jawa Tengah.",
    "Juru bicara Kremlin mengatakan Rusia tidak terlibat dalam serangan di Kharkiv, Ukraina.",
    "Pengamat dari Universitas Indonesia menilai Bank Indonesia terlalu hati-hati di Jakarta.",
    "Trump menang di negara bagian Wisconsin, Georgia, dan Pennsylvania.",
    "Bantuan dikirim ke kota Xanthoria dan distrik Belvamar di Papua Nugini.",
    "Pesawat bantuan mendarat di Bandara Internasional Queen Alia, Yordania, Selasa.",
    "Warga Sednaya di Suriah mengungsi ke Damaskus setelah serangan udara.",
    "Kapal China kembali terlihat di Laut China Selatan dekat Filipina.",
    "Kepala Dinas Kesehatan Kabupaten Blora meninjau Puskesmas Cepu di Blora.",
]


def article_text(kb: int) -> str:
    out, i = [], 0
    while sum(len(s) + 1 for s in out) < kb * 1024:
        out.append(SENTENCES[i % len(SENTENCES)])
        i += 1
        if i % 5 == 0:
            out[-1] += "\n"
    return " ".join(out)[: kb * 1024].rsplit(".", 1)[0] + "."


def startup() -> float:
    """CPU seconds a fresh process spends importing the gazetteer and resolving its first names."""
    code = ("import time\nt = time.process_time()\ntry:\n    from warta.knowledge import gazetteer as g\n"
            "except ImportError:  # before the gazetteer left the component\n    from warta.annotate import places as g\n"
            "g.scan_regex(); g.resolve('Surabaya'); g.resolve('Kharkiv'); g.town('Sednaya', frozenset({'SYR'})); "
            "print(time.process_time() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))})
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=int, nargs="+", default=[16, 64, 128, 256])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--startup", action="store_true", help="also time the gazetteer's start-up")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.startup:
        print(f"gazetteer start-up: {startup():.2f} s CPU (fresh process, store already built)")

    from warta.pipeline import REGISTRY, Pipeline
    from warta.readers.text import read_text

    before = Pipeline(["language", "sentences", "entities"])
    places = REGISTRY["places"].factory(before.options)
    print(f"{'KB':>6} {'places':>7} {'seconds':>8} {'ms/KB':>7}")
    for kb in args.kb:
        text = article_text(kb)
        article = before(read_text(text, source=f"{kb}KB"))
        best = None
        for _ in range(args.repeat):
            started = time.process_time()
            places(article)
            spent = time.process_time() - started
            best = spent if best is None else min(best, spent)
        print(f"{kb:6d} {len(article.places):7d} {best:8.3f} {1000 * best / kb:7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
