"""The link pass's index in memory: near-duplicates and stories as `Store.write` finds them, a partition at a time.

`Store.write` links each article against every earlier one (`warta.store.core`):

1. near-duplicate (LSH kind 0): the earlier articles sharing at least one band
   key with it, the 20 sharing most bands (ties: largest id first, as SQLite's
   `GROUP BY article_id ... ORDER BY shared DESC LIMIT 20` keeps them), and of
   those with an estimated Jaccard similarity >= 0.8 the most similar (ties: the
   earliest stored); it becomes `duplicate_of` that one's original, in its story;
2. else story (kind 1): the same with the story bands and 0.3; it joins that
   article's story;
3. else the story of the earliest article with an event of the same (type,
   source country, target country, date), else a story of its own.

`LinkIndex` gives the same answers without a database: the band keys are kept
in sorted numpy arrays per band (segments merged as they grow, as a log-structured
index does), so the candidates of a whole partition are found with a few
`searchsorted` calls, counted and ranked with `np.unique`/`np.lexsort`, and their
similarity computed on the signatures' array; only the last step, which follows
earlier links, is a loop over the partition's articles.  Memory: about 1 KB an
article (signature, band keys, id).  `tests/test_jobs_speed_links.py` compares it
with `Store.write` on many articles with tied candidates.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from warta.store import dedup

#: candidates confirmed per article and kind (`Store._similar`'s default)
CANDIDATES = 20
_WORDS = dedup.NUM_PERM  # uint32 words in a signature


class _Bands:
    """The (band, key) → article index of one LSH kind: per band, sorted segments of (key, article)."""

    def __init__(self, bands: int) -> None:
        self.bands = bands
        self.segments: list[tuple[list[np.ndarray], list[np.ndarray]]] = []

    def add(self, keys: np.ndarray, idx: np.ndarray) -> None:
        """Add articles `idx` with their keys (`keys[i, b]`: article i's key at band b)."""
        if not len(idx):
            return
        seg_keys, seg_idx = [], []
        for b in range(self.bands):
            order = np.argsort(keys[:, b], kind="stable")
            seg_keys.append(keys[order, b])
            seg_idx.append(idx[order])
        self.segments.append((seg_keys, seg_idx))
        while len(self.segments) > 1 and len(self.segments[-2][1][0]) <= 2 * len(self.segments[-1][1][0]):
            (k1, i1), (k2, i2) = self.segments[-2], self.segments[-1]
            merged_k, merged_i = [], []
            for b in range(self.bands):
                k, i = np.concatenate([k1[b], k2[b]]), np.concatenate([i1[b], i2[b]])
                order = np.argsort(k, kind="stable")
                merged_k.append(k[order])
                merged_i.append(i[order])
            self.segments[-2:] = [(merged_k, merged_i)]

    def pairs(self, keys: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query, candidate) index pairs, one per band the two share a key in (so a pair repeats as many
        times as they share bands), for the queries `idx` with their `keys`."""
        qs, cs = [], []
        for seg_keys, seg_idx in self.segments:
            for b in range(self.bands):
                lo = np.searchsorted(seg_keys[b], keys[:, b], "left")
                n = np.searchsorted(seg_keys[b], keys[:, b], "right") - lo
                total = int(n.sum())
                if not total:
                    continue
                ends = np.cumsum(n)
                at = np.repeat(lo - (ends - n), n) + np.arange(total)
                qs.append(np.repeat(idx, n))
                cs.append(seg_idx[b][at])
        if not qs:
            empty = np.empty(0, np.int64)
            return empty, empty
        return np.concatenate(qs), np.concatenate(cs)


def _firsts(groups: np.ndarray) -> np.ndarray:
    """Position of each row within its run of equal `groups` values (the array is grouped)."""
    n = len(groups)
    start = np.r_[True, groups[1:] != groups[:-1]] if n else np.empty(0, bool)
    begin = np.maximum.accumulate(np.where(start, np.arange(n), 0)) if n else np.empty(0, np.int64)
    return np.arange(n) - begin


class LinkIndex:
    """Every linked article so far (index = the order `Store.write` would have stored them in, its `pk`)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.index: dict[str, int] = {}
        self.story: list[str] = []
        self.original: list[str] = []  # what a near-duplicate of it links to: its own original, or itself
        self._ids_bytes = np.empty(0, "S1")  # the ids as bytes (SQLite's order of TEXT), for ranking ties
        self._named = 0
        self._sigs = np.zeros((0, _WORDS), np.uint32)
        self._bands = {kind: _Bands(bands) for kind, (bands, _) in dedup.BANDS.items()}
        self._events: dict[tuple, str] = {}

    def _grow(self, sigs: list[tuple[int, bytes]]) -> None:
        n = len(self.ids)
        if n > len(self._sigs):
            grown = np.zeros((max(n, 2 * len(self._sigs)), _WORDS), np.uint32)
            grown[:len(self._sigs)] = self._sigs
            self._sigs = grown
        for i, sig in sigs:
            self._sigs[i] = dedup.as_array(sig)
        added = np.array([i.encode("utf-8") for i in self.ids[self._named:]])
        if len(added):
            width = max(added.dtype.itemsize, self._ids_bytes.dtype.itemsize)
            if n > len(self._ids_bytes) or width > self._ids_bytes.dtype.itemsize:
                grown = np.zeros(max(n, 2 * len(self._ids_bytes)), f"S{width}")
                grown[:self._named] = self._ids_bytes[:self._named]
                self._ids_bytes = grown
            self._ids_bytes[self._named:n] = added
            self._named = n

    def _best(self, kind: int, q: np.ndarray, c: np.ndarray) -> dict[int, tuple[int, float]]:
        """{query: (candidate, similarity)}: the best confirmed candidate of each query, as `Store._similar`."""
        if not len(q):
            return {}
        n = len(self.ids)
        code, shared = np.unique(q.astype(np.int64) * n + c, return_counts=True)
        q, c = code // n, code % n
        rank = np.unique(self._ids_bytes[c], return_inverse=True)[1].reshape(-1)
        order = np.lexsort((-rank, -shared, q))  # most shared bands first, then the largest id (as SQLite)
        q, c = q[order], c[order]
        top = _firsts(q) < CANDIDATES
        q, c = q[top], c[top]
        same = np.empty(len(q), np.int64)
        for s in range(0, len(q), 65536):  # bounded memory: 65536 pairs of 512-byte signatures at a time
            same[s:s + 65536] = np.count_nonzero(self._sigs[q[s:s + 65536]] == self._sigs[c[s:s + 65536]], axis=1)
        score = same / float(_WORDS)
        ok = score >= dedup.THRESHOLDS[kind]
        q, c, score = q[ok], c[ok], score[ok]
        order = np.lexsort((c, -score, q))  # most similar first, then the earliest stored
        q, c, score = q[order], c[order], score[order]
        first = _firsts(q) == 0
        return {int(a): (int(b), float(s)) for a, b, s in zip(q[first], c[first], score[first])}

    def _story_by_events(self, events: list[dict[str, Any]]) -> str | None:
        for e in events:
            if e.get("type") and e.get("date") and (e.get("source_country") or e.get("target_country")):
                found = self._events.get((e["type"], e.get("source_country"), e.get("target_country"), e["date"]))
                if found is not None:
                    return found
        return None

    def add(self, articles: list[tuple[str, bytes | None, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
        """Link `articles` ((id, signature, events in order), in input order) after every earlier one; returns
        for each {"id", "outcome" ('new', 'near-duplicate' or 'duplicate'), "duplicate_of", "similarity",
        "story_id"}, the values `Store.write` would have stored."""
        new: list[tuple[int, int]] = []  # (position in `articles`, index)
        sigs: list[tuple[int, bytes]] = []
        for pos, (aid, sig, _) in enumerate(articles):
            if aid in self.index:
                continue
            self.index[aid] = len(self.ids)
            self.ids.append(aid)
            new.append((pos, self.index[aid]))
            if sig and len(sig) == 4 * _WORDS:
                sigs.append((self.index[aid], sig))
        self._grow(sigs)
        best = self._link(sigs)
        self.story.extend([""] * len(new))
        self.original.extend([""] * len(new))
        out = [{"id": a[0], "outcome": "duplicate", "duplicate_of": None, "similarity": None, "story_id": None}
               for a in articles]
        for pos, i in new:
            out[pos] = self._resolve(i, articles[pos][2], best)
        return out

    def _link(self, sigs: list[tuple[int, bytes]]) -> dict[int, dict[int, tuple[int, float]]]:
        """The best candidate of each new article with a signature, per kind (queries see earlier ones only)."""
        if not sigs:
            return {0: {}, 1: {}}
        idx = np.array([i for i, _ in sigs], np.int64)
        best = {}
        for kind, bands in self._bands.items():
            keys = np.array([[k for _, k in dedup.band_keys(s, kind)] for _, s in sigs], np.int64)
            bands.add(keys, idx)
            q, c = bands.pairs(keys, idx)
            earlier = c < q
            best[kind] = self._best(kind, q[earlier], c[earlier])
        return best

    def _resolve(self, i: int, events: list[dict[str, Any]], best: dict[int, dict[int, tuple[int, float]]]
                 ) -> dict[str, Any]:
        aid = self.ids[i]
        duplicate_of = story = similarity = None
        if i in best[0]:
            c, similarity = best[0][i]
            duplicate_of = self.original[c]
            story = self.story[self.index[duplicate_of]]
        elif i in best[1]:
            c, similarity = best[1][i]
            story = self.story[c]
        story = story or self._story_by_events(events) or aid
        self.story[i] = story
        self.original[i] = duplicate_of or aid
        for e in events:
            self._events.setdefault((e.get("type"), e.get("source_country"), e.get("target_country"), e.get("date")),
                                    story)
        return {"id": aid, "outcome": "near-duplicate" if duplicate_of else "new", "duplicate_of": duplicate_of,
                "similarity": similarity, "story_id": story}
