"""The job's in-memory link index (`warta.jobs.lsh.LinkIndex`) gives exactly what `Store.write` stores.

Signatures are generated in families (a random signature and copies of it with a share of its
words replaced), so that articles share any number of LSH bands, many candidates tie on the
number of shared bands (the store keeps the 20 sharing most, ties by largest id), similarities
tie, and some articles have none; events repeat a few keys (stories by events); some ids repeat
(exact duplicates); the articles arrive in partitions of random sizes.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest

from warta.jobs.lsh import LinkIndex
from warta.store import Store, dedup

EVENT_KEYS = [("meet", "IDN", "JPN", "2024-01-02"), ("meet", "IDN", None, "2024-01-02"),
              ("protest", None, "IDN", "2024-03-04"), ("meet", "IDN", "JPN", None), (None, "IDN", "JPN", "2024-01-02")]


def _articles(rng: random.Random, n: int) -> list[tuple[str, bytes | None, list[dict]]]:
    families = [np.array([rng.getrandbits(32) for _ in range(dedup.NUM_PERM)], np.uint32) for _ in range(6)]
    out: list[tuple[str, bytes | None, list[dict]]] = []
    for k in range(n):
        if out and rng.random() < 0.05:  # an exact duplicate of an earlier article
            out.append(rng.choice(out))
            continue
        sig = families[rng.randrange(len(families))].copy()
        share = rng.choice([0.0, 0.02, 0.05, 0.1, 0.15, 0.3, 0.5, 0.7, 0.9])
        if rng.random() < 0.5:  # words replaced one by one
            for w in range(dedup.NUM_PERM):
                if rng.random() < share:
                    sig[w] = rng.getrandbits(32)
        else:  # one word of each of some story bands: many articles share as many bands, less or more alike
            for b in range(dedup.NUM_PERM // 3):
                if rng.random() < 0.9:
                    sig[3 * b + rng.randrange(3)] = rng.getrandbits(32)
        events = [dict(zip(("type", "source_country", "target_country", "date"), rng.choice(EVENT_KEYS)))
                  for _ in range(rng.choice([0, 0, 1, 2]))]
        aid = hashlib.sha256(f"{k}-{rng.random()}".encode()).hexdigest()
        out.append((aid, None if rng.random() < 0.05 else sig.astype("<u4").tobytes(), events))
    return out


def _store_links(articles) -> list[dict]:
    with Store(":memory:") as store:
        outcomes = [store.write({"status": "ok", "id": aid, "source": None, "signature": sig,
                                 "record": {"id": aid, "events": events}}) for aid, sig, events in articles]
        rows = {r["id"]: r for r in store._query("SELECT id, duplicate_of, similarity, story_id FROM articles")}
    out = []
    for (aid, _, _), outcome in zip(articles, outcomes):
        r = rows[aid] if outcome != "duplicate" else {"duplicate_of": None, "similarity": None, "story_id": None}
        out.append({"id": aid, "outcome": outcome, "duplicate_of": r["duplicate_of"], "similarity": r["similarity"],
                    "story_id": r["story_id"]})
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_link_index_gives_the_stores_links(seed):
    rng = random.Random(seed)
    articles = _articles(rng, 400)
    want = _store_links(articles)
    index, got, at = LinkIndex(), [], 0
    while at < len(articles):
        size = rng.choice([1, 3, 17, 60, 150])
        got += index.add(articles[at:at + size])
        at += size
    assert got == want
    kinds = {r["outcome"] for r in want}
    assert kinds == {"new", "near-duplicate", "duplicate"}
    stories = [r["story_id"] for r in want if r["outcome"] != "duplicate"]
    assert len(set(stories)) < len(stories)  # some stories hold several articles


@pytest.mark.parametrize("similar_id, found", [("f" * 16, True), ("0" * 16, False)])
def test_ties_on_shared_bands_keep_the_largest_ids(similar_id, found):
    """30 earlier articles share exactly one story band with the query, and only one of them is similar
    enough (0.3+) to join its story: the store sees it only if it is among the 20 largest ids (SQLite's tie order), and so must
    the index."""
    rng = random.Random(5)
    base = np.array([rng.getrandbits(32) for _ in range(dedup.NUM_PERM)], np.uint32)
    articles = []
    for k in range(30):
        sig = np.array([rng.getrandbits(32) for _ in range(dedup.NUM_PERM)], np.uint32)
        sig[:3] = base[:3]  # story band 0 (3 words) shared with the query
        if k == 7:  # two words of every other story band too: similar, without sharing another band
            for b in range(1, 43):
                sig[3 * b:3 * b + 2] = base[3 * b:3 * b + 2]
        aid = similar_id if k == 7 else f"{rng.getrandbits(60) + (1 << 61):016x}"
        articles.append((aid, sig.astype("<u4").tobytes(), []))
    articles.append(("query", base.astype("<u4").tobytes(), []))
    want = _store_links(articles)
    assert (want[-1]["story_id"] == similar_id) is found
    assert LinkIndex().add(articles) == want
