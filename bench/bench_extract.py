#!/usr/bin/env python3
"""End-to-end extraction speed and memory: articles/s, words/s, peak RSS.

usage: python bench/bench_extract.py [FILES_OR_DIRS…] [--repeat N] [--components a,b,…] [--batch N]

Defaults to the articles in examples/ (and the sample article in ../shared when
present), each run --repeat times through one pipeline on one core.  Prints a
table (rates per CPU second; per-component CPU ms/article); nothing is timed inside the tests.
The project's texts: `bench/bench_extract.py tests/data/gold tests/data/heldout --repeat 3`.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_tokenizer_seconds(texts: list[str]) -> float:
    """CPU seconds of spaCy's bare Indonesian tokenizer over `texts` (after one warm-up pass)."""
    import spacy

    tokenizer = spacy.blank("id").tokenizer
    for text in texts:
        tokenizer(text)
    start = time.process_time()
    for text in texts:
        tokenizer(text)
    return time.process_time() - start


def model_seconds(texts: list[str], batch: int) -> float | None:
    """CPU seconds of the NER model alone over `texts`, run as the pipeline runs it (in batches of `batch`
    articles where warta.models has `prepare`, else one text at a time); None without the model."""
    from warta import models

    try:
        model = models.load_model()
    except models.ModelError:
        return None
    prepare = getattr(models, "prepare", None)
    start = time.process_time()
    for first in range(0, len(texts), batch):
        group = texts[first:first + batch]
        if prepare is not None and batch > 1:
            prepare(model, group, batch_size=batch)
        for text in group:
            models.entities_of(model, text)
    return time.process_time() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--components", default=None)
    parser.add_argument("--batch", type=int, default=None,
                        help="articles whose NER runs as one batch, as `warta extract` does (default: "
                             "warta.api.READ_AHEAD; 1: one at a time); its time counts as the entities'")
    parser.add_argument("--cold", action="store_true",
                        help="no warm-up pass over the timed texts (only warta's own one-article warm-up), so that "
                             "the first repeat meets each text, and its words, for the first time")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    import warta
    from warta.readers import expand, read_path

    inputs = args.inputs or [str(ROOT / "examples")]
    seed = ROOT.parent / "shared" / "seed"
    if not args.inputs and seed.exists():
        inputs.append(str(seed))
    articles = [a for name in expand(inputs) for a in read_path(name)]
    components = args.components.split(",") if args.components else None

    t0 = time.perf_counter()
    nlp = warta.make_pipeline(components)
    warta.api.warm_up(nlp)  # as `warta extract` does before its first article (and gc.freeze there)
    # warm up: the first pass loads the model and builds the gazetteers and caches (skipped with --cold: the
    # timed texts are then met for the first time, their words in none of the caches)
    for article in [] if args.cold else articles:
        nlp(warta.Article.from_dict(article.to_dict()))
    load_s = time.perf_counter() - t0

    words = 0
    count = 0
    per_component: dict[str, float] = {name: 0.0 for name in nlp.names}
    t0, c0 = time.perf_counter(), time.process_time()
    batch = max(1, args.batch or getattr(warta.api, "READ_AHEAD", 1))
    prepare = getattr(warta.api, "prepare", None)
    for _ in range(args.repeat):
        for first in range(0, len(articles), batch):
            group = [warta.Article.from_dict(a.to_dict()) for a in articles[first:first + batch]]
            if prepare is not None and batch > 1 and "entities" in per_component:
                s = time.process_time()
                prepare(nlp, group)
                per_component["entities"] += time.process_time() - s
            for fresh in group:
                for info, step in nlp.steps:
                    s = time.process_time()
                    fresh = step(fresh)
                    per_component[info.name] += time.process_time() - s
                words += len(fresh.text.split())
                count += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    bare = bare_tokenizer_seconds([a.text for a in articles]) * args.repeat
    ner = model_seconds([a.text for a in articles] * args.repeat, batch) if "entities" in per_component else None

    print(f"{'articles':>9} {'words':>9} {'wall s':>7} {'cpu s':>7} {'articles/s':>11} {'words/s':>9} "
          f"{'x bare':>7} {'load s':>7} {'peak MB':>8}")
    print(f"{count:>9} {words:>9} {elapsed:>7.2f} {cpu:>7.2f} {count / cpu:>11.1f} {words / cpu:>9.0f} "
          f"{cpu / bare:>7.1f} {load_s:>7.2f} {peak_rss_mb():>8.0f}")
    print("(articles/s and words/s per CPU second of this process, so that other load on the machine does not "
          "count; x bare: times spaCy's bare tokenizer spacy.blank('id') on the same texts)")
    if ner:
        print(f"NER model alone: {count / ner:.1f} articles/s, {words / ner:.0f} words/s per CPU second; the pipeline "
              f"runs at {100 * ner / cpu:.0f}% of the model's speed")
    print()
    print(f"{'component':<12} {'ms/article':>10} {'share':>6}")
    total = sum(per_component.values()) or 1.0
    for name, seconds in per_component.items():
        print(f"{name:<12} {1000 * seconds / count:>10.2f} {100 * seconds / total:>5.0f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
