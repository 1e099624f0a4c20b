"""Near-duplicates and stories with MinHash / LSH.

An article's text is normalised (NFC, case-folded, punctuation dropped) and cut
into word 5-shingles; a datasketch MinHash (128 permutations, 32-bit affine
scheme) summarises them.  The signature is stored in the `minhashes` table and
cut into LSH bands stored in `lsh_bands`, so that any later ingest finds the
earlier articles that share a band, without holding an index in memory.

Two kinds of bands are kept, each tuned (datasketch's optimal parameters for
128 permutations) to one Jaccard threshold:

* near-duplicate (kind 0), threshold `DUPLICATE_THRESHOLD` = 0.8: wire copies,
  re-posts, lightly edited versions.  Candidates are confirmed by the signature's
  estimated Jaccard similarity before an article is linked (`duplicate_of`).
* story (kind 1), threshold `STORY_THRESHOLD` = 0.3: articles that share long
  passages (updates, rewrites of one wire report).  Articles about the same
  event written independently share few 5-shingles, so the store also joins
  stories by shared event keys (see `warta.store.core`).
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

from warta.record import normalise_for_id

NUM_PERM = 128
SHINGLE = 5
DUPLICATE_THRESHOLD = 0.8
STORY_THRESHOLD = 0.3
#: (bands, rows) per kind, from datasketch.lsh._optimal_param(threshold, 128, 0.5, 0.5)
BANDS = {0: (9, 13), 1: (37, 3)}
THRESHOLDS = {0: DUPLICATE_THRESHOLD, 1: STORY_THRESHOLD}

_WORD = re.compile(r"\w+")


#: the MurmurHash3 32-bit finalizer (shift, multiplier, shift, multiplier, shift)
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations `(a, b)` of datasketch's MinHash(num_perm=128, seed=1, scheme="affine32"),
    drawn the same way (numpy's RandomState(1)), so signatures are datasketch's bit for bit
    (tests/test_store_dedup.py compares them) without importing datasketch (and scipy) in every worker."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def words(text: str) -> list[str]:
    return _WORD.findall(normalise_for_id(text))


def shingles(text: str, size: int = SHINGLE) -> list[bytes]:
    """Word `size`-shingles of the normalised text (the words themselves for a very short text)."""
    w = words(text)
    if len(w) < size:
        return [x.encode("utf-8") for x in w]
    return [" ".join(w[i:i + size]).encode("utf-8") for i in range(len(w) - size + 1)]


def _hashes(items: list[bytes]) -> np.ndarray:
    """datasketch's `sha1_hash32` of each item (the first 4 bytes of its SHA-1, little-endian), pre-mixed
    with the MurmurHash3 finalizer, as a column of uint32."""
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(x).digest()[:4] for x in items]), dtype="<u4").astype(np.uint32)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return (hv ^ (hv >> s3)).reshape(-1, 1)


def signature(text: str) -> bytes | None:
    """The MinHash signature of `text` as bytes (uint32 little-endian), or None for a text without words:
    for each permutation `(a, b)`, the least `a * h + b mod 2**32` over the shingles' hashes `h`."""
    sh = shingles(text)
    if not sh:
        return None
    a, b = _permutations()
    with np.errstate(over="ignore"):
        values = (_hashes(sh) * a + b).min(axis=0)
    return values.astype("<u4").tobytes()


def as_array(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x, y = as_array(a), as_array(b)
    if len(x) != len(y):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)


@functools.lru_cache(maxsize=64)  # the writer asks for a signature's keys to look up, then to store them
def band_keys(sig: bytes, kind: int) -> tuple[tuple[int, int], ...]:
    """`(band, key)` pairs of one LSH kind; key is a signed 64-bit hash of the band's rows."""
    bands, rows = BANDS[kind]
    out = []
    for b in range(bands):
        chunk = sig[b * rows * 4:(b + 1) * rows * 4]
        key = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True)
        out.append((b, key))
    return tuple(out)
