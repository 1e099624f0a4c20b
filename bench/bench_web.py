"""Web view benchmark: page load time of every list view over a store of 10,000 articles.

    PYTHONPATH=src python bench/bench_web.py [--articles 10000] [--db /tmp/warta-bench-web.db] [--runs 5]

The store is built from generated variants: the example articles and generated wire
stories (tests/data/store_articles.yaml, via tests/store_corpus.py) are run through the
real pipeline once, and each of the N stored articles is one of those records with its
own text tail of four generated paragraphs (so it is a distinct article, rarely a near-duplicate), its own
publication date across 2023-2025, and actor names drawn from a pool of 400 (so the
network, the facets and the actor pages have many values).  An existing --db with the
requested number of articles is reused.

Each view is requested in-process (Starlette's TestClient, the app as `warta serve`
runs it) `--runs` times after one warm-up; the median and the worst time are printed,
with the target (300 ms) checked against the median; the median CPU time of the process is
printed beside it, which a loaded machine inflates less.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

TARGET_MS = 300
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Joko", "Ani", "Hendra", "Rina", "Bambang", "Yusuf",
         "Putri", "Teguh", "Wahyu", "Lestari", "Andi", "Maya", "Fajar", "Nur"]
LAST = ["Santoso", "Wijaya", "Hartawan", "Kusuma", "Siregar", "Nasution", "Pratama", "Hidayat", "Saputra",
        "Lubis", "Simanjuntak", "Setiawan", "Gunawan", "Rahman", "Halim", "Sitompul", "Wibowo", "Tanjung", "Purba",
        "Harahap"]


def templates() -> list[dict]:
    import warta
    from tests import store_corpus

    folder = Path(sys.argv[0]).resolve().parent
    seeds = store_corpus.write_jsonl(Path("/tmp") / f"warta-bench-web-seeds-{id(folder)}.jsonl", 24, seed=11)
    inputs = sorted((ROOT / "examples").glob("*.txt")) + [seeds]
    return [r.to_dict() for r in warta.extract(inputs)]


def variant(template: dict, i: int, rng: random.Random, pool: list[str], filler: str) -> dict:
    record = copy.deepcopy(template)
    record.pop("id", None)
    record["text"] = record["text"] + f"\n\n{filler} (laporan {i})"
    day = rng.randint(0, 3 * 365 - 1)
    y, d = 2023 + day // 365, day % 365
    month, dom = min(12, d // 30 + 1), d % 28 + 1
    published = f"{y}-{month:02d}-{dom:02d}"
    record["published"] = published
    record["url"] = (record.get("url") or "https://contoh.test/berita") + f"-{i}"
    record["outlet"] = rng.choice(["KOMPAS.com", "ANTARA", "detikNews", "Tempo.co", "CNN Indonesia", "Liputan6.com",
                                   "Republika", "Tribunnews.com", "Okezone", "Suara.com"])
    names = {}
    for actor in record.get("actors") or []:
        if actor.get("type") == "PER" or rng.random() < 0.5:
            names[actor["id"]] = actor["name"] = rng.choice(pool)
    for event in record.get("events") or []:
        if event.get("date"):
            event["date"] = published
        for side in ("source", "target"):
            if event.get(side) in names:
                event[f"{side}_text"] = names[event[side]]
    for quote in record.get("quotes") or []:
        if quote.get("speaker") in names:
            quote["speaker_text"] = names[quote["speaker"]]
    return record


def build(db: Path, n: int) -> None:
    from tests import store_corpus
    from warta.record import Article
    from warta.store import Store, dedup

    start = time.perf_counter()
    base = [t for t in templates() if t.get("events") or t.get("quotes")]
    print(f"{len(base)} template records from the real pipeline in {time.perf_counter() - start:.0f} s", flush=True)
    rng = random.Random(15)
    pool = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(pool)
    pool = pool[:400]
    fillers = [a["text"].split("\n\n")[-1] for a in store_corpus.corpus(400, seed=5)]
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    with Store.open(db) as store:
        store._begin()
        for i in range(n):
            filler = "\n\n".join(rng.sample(fillers, 4)) + " " + rng.choice(pool)
            record = variant(base[i % len(base)], i, rng, pool, filler)
            article = Article.from_dict(record)
            record = article.to_dict()
            store.write({"status": "ok", "id": article.id, "source": record.get("source"), "record": record,
                         "error": None, "signature": dedup.signature(article.text)})
            if i % 500 == 499:
                store._commit()
                store._begin()
                print(f"  {i + 1} articles stored", flush=True)
        store._commit()
        counts = store.counts()
    print(f"built {db} in {time.perf_counter() - start:.0f} s: {counts['articles']} articles, {counts['events']} events, "
          f"{counts['quotes']} quotes, {counts['actors']} actor mentions, {counts['near_duplicates']} near-duplicates",
          flush=True)


VIEWS = ["/", "/articles", "/events", "/events?type=CONSULT", "/events?country=IDN&sort=-goldstein",
         "/events?actor=Santoso", "/events/grouped", "/quotes", "/quotes?q=kerja", "/actors", "/actors?sort=name",
         "/map", "/timeline", "/timeline?period=week", "/network", "/api/events", "/api/quotes", "/api/actors"]


def measure(db: Path, runs: int) -> list[tuple[str, float, float, float, int]]:
    from starlette.testclient import TestClient

    from warta.web import make_app

    app = make_app(str(db))
    client = TestClient(app)
    out = []
    try:
        for view in VIEWS:
            r = client.get(view)
            assert r.status_code == 200, (view, r.status_code, r.text[:200])
            times, cpu = [], []
            for _ in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                r = client.get(view)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            out.append((view, statistics.median(times), max(times), statistics.median(cpu), len(r.content)))
    finally:
        app.store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/warta-bench-web.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = Path(args.db)
    have = 0
    if db.exists():
        import sqlite3

        try:
            have = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            have = 0
    if have != args.articles:
        build(db, args.articles)
    else:
        print(f"reusing {db} ({have} articles)")
    rows = measure(db, args.runs)
    print(f"\n{'view':<40}{'median ms':>10}{'max ms':>8}{'CPU ms':>8}{'KiB':>6}  target {TARGET_MS} ms (median)")
    for view, median, worst, cpu, size in rows:
        flag = "ok" if median < TARGET_MS else "SLOW"
        print(f"{view:<40}{median:>10.0f}{worst:>8.0f}{cpu:>8.0f}{size / 1024:>6.0f}  {flag}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: on a shared machine the wall time "
          "includes waiting for a core; CPU ms is this process's own time)")
    slow = [v for v, m, *_ in rows if m >= TARGET_MS]
    print(f"\n{len(rows) - len(slow)}/{len(rows)} views under {TARGET_MS} ms" + (f"; slow: {', '.join(slow)}" if slow else ""))


if __name__ == "__main__":
    main()
