"""The `tok2vec` component's forward pass in numpy, on the model's own weights: thinc's numbers, bit for bit.

spaCy's Tok2Vec.v2 (a MultiHashEmbed.v2 feeding a MaxoutWindowEncoder.v2) runs as ~40 thinc layers, each
allocating its output and going through thinc's plumbing (chain, with_array, concatenate, residual, Ragged
and back); its maxout is a scalar C loop that also writes the argmax for a backward pass never taken.
Half the tok2vec's time is spent outside its matrix products.  Here the same float32 operations run in the
same order (the same `numpy.dot` calls on the same shapes, the maxout's ties to the first piece, numpy's
own mean and variance for the layer norm), so every output is the same array:
`tests/test_ner_speed_tok2vec.py` and `bench/bench_ner.py` compare it with thinc's on the corpora.

The embedding of a token (hash embeddings of NORM, PREFIX, SUFFIX and SHAPE, its static vector, then a
maxout and a layer norm) depends on the token alone: it is kept per word (`EmbedCache`, keyed by ORTH and
checked against NORM, the one attribute a tokenizer exception may set per token), so a word seen before
costs a row copy instead of a 480 x 288 product.  A row of a product does not depend on the other rows
(OpenBLAS, float32: the same numbers whatever else is in the batch, as spaCy's own batching already
assumes) once there are 5 rows or more; OpenBLAS multiplies 4 rows or fewer with other kernels, whose last
bits differ.  So new words are embedded `MIN_TOKENS` rows at a time at the least, and a batch of fewer
tokens is left to thinc.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy

#: words whose embedding `EmbedCache` keeps (384 bytes each: ~19 MB)
CACHE_WORDS = 50_000
#: fewer tokens than this in a batch go through thinc (OpenBLAS multiplies 4 rows or fewer another way)
MIN_TOKENS = 16


@dataclass
class Maxout:
    """A thinc Maxout followed by its LayerNorm (G, beta).  `W` holds thinc's rows (nO x nP of them) piece
    by piece (the rows of piece 0 for every output, then piece 1, …), so that each piece's outputs are a
    block of columns: the maximum is then two passes of `numpy.maximum` over blocks instead of a scalar
    loop (a row of a product does not depend on where it stands in the matrix)."""

    W: numpy.ndarray  # (nP * nO, nI)
    b: numpy.ndarray  # (nP * nO,)
    G: numpy.ndarray
    beta: numpy.ndarray
    pieces: int

    def __call__(self, X: numpy.ndarray) -> numpy.ndarray:
        Y = numpy.dot(X, self.W.T)  # thinc's `ops.gemm(X, W, trans2=True)` with numpy's BLAS
        Y += self.b
        best = _maximum(Y, self.pieces)
        mu = best.mean(axis=1, keepdims=True)
        if (best == 0).any() or numpy.isnan(mu).any():  # where the sign of a zero or a NaN could tell
            best = _first_maximum(Y, self.pieces)
            mu = best.mean(axis=1, keepdims=True)
        return _layer_norm(best, mu, self.G, self.beta)


def _maximum(Y: numpy.ndarray, pieces: int) -> numpy.ndarray:
    width = Y.shape[1] // pieces
    best = numpy.maximum(Y[:, :width], Y[:, width:2 * width])
    for p in range(2, pieces):
        numpy.maximum(best, Y[:, p * width:(p + 1) * width], out=best)
    return best


def _first_maximum(Y: numpy.ndarray, pieces: int) -> numpy.ndarray:
    """thinc's maxout exactly: the first of the largest pieces (`cpu_maxout`'s comparisons, last to first)."""
    width = Y.shape[1] // pieces
    best = Y[:, (pieces - 1) * width:]
    for p in range(pieces - 2, -1, -1):
        piece = Y[:, p * width:(p + 1) * width]
        best = numpy.where(best > piece, best, piece)
    return numpy.ascontiguousarray(best)


def _layer_norm(X: numpy.ndarray, mu: numpy.ndarray, G: numpy.ndarray, beta: numpy.ndarray) -> numpy.ndarray:
    """thinc's LayerNorm forward on `X` (whose `X.mean(axis=1, keepdims=True)` is `mu`), operation for
    operation: numpy's `var` subtracts the same mean from `X` as the normalisation does, so that
    difference is computed once (`var(mean=mu)` is numpy's own shortcut, the same numbers)."""
    diff = X - mu
    var = numpy.add.reduce(numpy.square(diff), axis=1, keepdims=True)  # numpy's _var, its mean given
    numpy.true_divide(var, numpy.intp(X.shape[1]), out=var, casting="unsafe")
    var = var + 1e-08
    diff *= var ** (-1.0 / 2.0)
    diff *= G  # thinc: Y = Xhat * G; Y += b
    diff += beta
    return diff


@dataclass
class EmbedCache:
    """Embedding rows by word: ORTH -> slot, the NORM the row was computed for, the rows."""

    width: int
    slots: dict = field(default_factory=dict)
    norms: numpy.ndarray = field(default_factory=lambda: numpy.zeros(CACHE_WORDS, dtype=numpy.uint64))
    rows: numpy.ndarray | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.rows = numpy.zeros((CACHE_WORDS, self.width), dtype=numpy.float32)

    def lookup(self, orth: numpy.ndarray, norm: numpy.ndarray) -> numpy.ndarray:
        """The slot of each token's row (-1: not kept, or kept for another NORM)."""
        get = self.slots.get
        slot = numpy.fromiter((get(k, -1) for k in orth.tolist()), dtype=numpy.int64, count=len(orth))
        known = slot >= 0
        slot[known & (self.norms[numpy.maximum(slot, 0)] != norm)] = -1
        return slot

    def keep(self, orth: numpy.ndarray, norm: numpy.ndarray, rows: numpy.ndarray) -> None:
        """Keep the rows of words not kept yet, while there is room.  A slot is published (put in `slots`)
        only once its row is written, so a `lookup` in another thread never reads a half-kept word."""
        with self.lock:
            for i, key in enumerate(orth.tolist()):
                if key in self.slots or len(self.slots) >= CACHE_WORDS:
                    continue
                at = len(self.slots)
                self.norms[at] = norm[i]
                self.rows[at] = rows[i]
                self.slots[key] = at


class Tok2Vec:
    """spaCy's Tok2Vec.v2 (MultiHashEmbed.v2, MaxoutWindowEncoder.v2) of one pipeline, run in numpy."""

    def __init__(self, model, vocab, attrs: list[str], window: int):
        from spacy.attrs import IDS, NORM, ORTH

        hashes = [n for n in model.walk() if n.name == "hashembed"]
        statics = [n for n in model.walk() if n.name == "static_vectors"]
        maxouts = [n for n in model.walk() if n.name == "maxout"]
        norms = [n for n in model.walk() if n.name == "layernorm"]
        self.window, self.depth = window, len(maxouts) - 1
        self.attrs = [IDS[a] for a in attrs]
        self.columns = [int(n.attrs["column"]) for n in hashes]
        self.tables = [(n.get_param("E"), int(n.attrs["seed"])) for n in hashes]
        self.layers = [_maxout(m, ln) for m, ln in zip(maxouts, norms)]
        self.width = self.layers[0].G.shape[0]
        self.vectors = None
        if statics:
            vectors = vocab.vectors
            self.vectors = (vectors, numpy.ascontiguousarray(statics[0].get_param("W")))
            self.key_attr = getattr(vectors, "attr", ORTH)
        self.orth, self.norm = ORTH, NORM
        self.cache = EmbedCache(self.width)

    # -- the embedding -----------------------------------------------------------------------------------
    def embed(self, arrays: list[numpy.ndarray]) -> numpy.ndarray:
        """(tokens, width): the embedding of every token of the docs whose `columns` arrays these are."""
        table = numpy.concatenate(arrays) if len(arrays) > 1 else arrays[0]
        orth, norm = table[:, -2], table[:, -1]
        slot = self.cache.lookup(orth, norm)
        out = numpy.empty((len(table), self.width), dtype=numpy.float32)
        hit = slot >= 0
        out[hit] = self.cache.rows[slot[hit]]
        miss = numpy.flatnonzero(~hit)
        if len(miss):  # each new word computed once (a row does not depend on the others)
            once, which = _distinct(miss.tolist(), zip(orth[miss].tolist(), norm[miss].tolist()))
            fresh = self._embed_rows(table[once])
            out[miss] = fresh[which]
            self.cache.keep(orth[once], norm[once], fresh)
        return out

    def _embed_rows(self, table: numpy.ndarray) -> numpy.ndarray:
        """thinc's embedding of the tokens whose attributes are `table`: run on `MIN_TOKENS` rows at the least
        (the first one repeated), as many as a batch of thinc's has here, so that numpy takes the same BLAS path."""
        from thinc.api import NumpyOps

        n = len(table)
        if n < MIN_TOKENS:
            table = numpy.concatenate([table, numpy.repeat(table[:1], MIN_TOKENS - n, axis=0)])
        ops = NumpyOps()
        parts = []
        for column, (E, seed) in zip(self.columns, self.tables):
            keys = ops.hash(numpy.ascontiguousarray(table[:, column]), seed) % E.shape[0]
            total = numpy.zeros((len(table), E.shape[1]), dtype=numpy.float32)  # thinc's gather_add: 0, then each row
            for k in range(keys.shape[1]):
                total += E[keys[:, k]]
            parts.append(total)
        if self.vectors is not None:
            vectors, W = self.vectors  # spaCy's StaticVectors: the rows' vectors projected, zeros for no vector
            rows = vectors.find(keys=numpy.ascontiguousarray(table[:, len(self.columns)]))
            projected = numpy.dot(numpy.ascontiguousarray(vectors.data[rows]), W.T)
            projected[rows < 0] = 0
            parts.append(projected)
        return self.layers[0](numpy.hstack(parts))[:n]

    # -- the encoder -------------------------------------------------------------------------------------
    def columns_of(self, doc) -> numpy.ndarray:
        """The token attributes the embedding reads: the hash features, the vector key, ORTH and NORM."""
        keys = [*self.attrs, *([self.key_attr] if self.vectors is not None else []), self.orth, self.norm]
        return doc.to_array(keys).astype(numpy.uint64, copy=False).reshape(len(doc), len(keys))

    def __call__(self, docs: list) -> list[numpy.ndarray]:
        """What `tok2vec.predict(docs)` returns: one (len(doc), width) array per doc."""
        return self.forward([self.columns_of(doc) for doc in docs])

    def forward(self, arrays: list[numpy.ndarray]) -> list[numpy.ndarray]:
        lengths = [len(a) for a in arrays]
        full = [a for a in arrays if len(a)]
        if not full:
            return [numpy.zeros((0, self.width), dtype=numpy.float32) for _ in arrays]
        embedded = self.embed(full)
        pad = self.window * self.depth
        starts, rows, at = [], [], pad
        for n in lengths:
            starts.append(at)
            if n:
                rows.append(numpy.arange(at, at + n))
                at += n + pad
        X = numpy.zeros((at, self.width), dtype=numpy.float32)  # thinc's flatten(pad=...): zeros around each doc
        X[numpy.concatenate(rows)] = embedded
        for layer in self.layers[1:]:
            X = X + layer(_windows(X, self.window))  # residual(expand_window >> maxout >> layernorm)
        return [X[s:s + n] for s, n in zip(starts, lengths)]


def _distinct(positions: list[int], keys) -> tuple[list[int], list[int]]:
    """(the position of the first of each distinct key, the index in that list of each position's key)."""
    first: dict = {}
    once: list[int] = []
    which = []
    for position, key in zip(positions, keys):
        at = first.get(key)
        if at is None:
            at = first[key] = len(once)
            once.append(position)
        which.append(at)
    return once, which


def _windows(X: numpy.ndarray, window: int) -> numpy.ndarray:
    """thinc's seq2col: each row with the `window` rows before and after it (zeros past the ends)."""
    n, width = X.shape
    cols = numpy.empty((n, (2 * window + 1) * width), dtype=X.dtype)
    for w in range(-window, window + 1):
        at = (w + window) * width
        if w < 0:
            cols[-w:, at:at + width] = X[:n + w]
            cols[:-w, at:at + width] = 0
        elif w > 0:
            cols[:n - w, at:at + width] = X[w:]
            cols[n - w:, at:at + width] = 0
        else:
            cols[:, at:at + width] = X
    return cols


def _maxout(maxout, norm) -> Maxout:
    """thinc's W (nO, nP, nI) and b (nO, nP), piece by piece."""
    nO, nP, nI = maxout.get_dim("nO"), maxout.get_dim("nP"), maxout.get_dim("nI")
    W = numpy.ascontiguousarray(maxout.get_param("W").transpose(1, 0, 2).reshape(nP * nO, nI))
    b = numpy.ascontiguousarray(maxout.get_param("b").T.reshape(nP * nO))
    return Maxout(W, b, norm.get_param("G"), norm.get_param("b"), nP)


def for_model(nlp) -> Tok2Vec | None:
    """The numpy tok2vec of pipeline `nlp` (built once, kept on it); None where its tok2vec is not the
    architecture run here."""
    if "_warta_tok2vec" not in nlp.__dict__:
        nlp._warta_tok2vec = _build(nlp)
    return nlp._warta_tok2vec


def _build(nlp) -> Tok2Vec | None:
    if "tok2vec" not in nlp.pipe_names:
        return None
    config = nlp.config["components"]["tok2vec"]["model"]
    embed, encode = config.get("embed", {}), config.get("encode", {})
    if (config.get("@architectures"), embed.get("@architectures"), encode.get("@architectures")) != (
            "spacy.Tok2Vec.v2", "spacy.MultiHashEmbed.v2", "spacy.MaxoutWindowEncoder.v2"):
        return None
    model = nlp.get_pipe("tok2vec").model
    names = [n.name for n in model.walk()]
    depth = int(encode["depth"])
    if (names.count("maxout"), names.count("layernorm"), names.count("hashembed")) != (
            depth + 1, depth + 1, len(embed["attrs"])) or names.count("static_vectors") != bool(
            embed.get("include_static_vectors")):
        return None
    fast = Tok2Vec(model, nlp.vocab, list(embed["attrs"]), int(encode["window_size"]))
    width, window = fast.width, fast.window
    inputs = [layer.W.shape[1] for layer in fast.layers]
    if inputs != [width * (len(fast.tables) + (fast.vectors is not None))] + [width * (2 * window + 1)] * depth:
        return None
    return fast
