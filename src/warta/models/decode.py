"""The entity recognizer's greedy decoding in numpy: spaCy's entities, without spaCy's per-token loop.

spaCy's `ner` runs a transition system (B-, I-, L-, U- per label, and O) one token at a time: each step
sums three precomputed feature vectors (the next token; the open entity's first token and the token before
the next one, or learnt padding when no entity is open), takes the maxout, scores the 14 actions with the
upper layer and applies the best valid one.  In spaCy 3.8's wheels that loop acquires and releases the
GIL inside every state accessor (Cython-generated code around `StateC.B`, `entity_is_open`, …), dozens
of times per token: ~14 µs per token, a third of the model's time.

Here the same arithmetic runs in bulk, in the same float32 order:
* with no entity open the features depend on the token alone, so the decision of *every* token in that
  state is computed at once (`_closed`);
* an entity opened by B- continues with I- or closes with L- of its label (nothing else is valid); those
  chains are followed for all B- starts at once, one token deeper per round (`_chains`);
* a scan over the few tokens whose no-entity decision is not O puts it together (`_scan`).

The upper layer is multiplied with BLIS's gemm, as spaCy's loop does; sentence starts and whitespace
tokens bound entities as spaCy's action rules say.  Where two valid actions score within `MARGIN` of each
other (where a difference in the last bits of a sum could matter), or where a Doc carries preset entities,
that Doc is decoded by spaCy's own component instead: the entities are spaCy's in every case (bench_ner.py
compares them on the 2,844 sentences of the NER corpora).

The tok2vec runs in numpy (`warta.models.tok2vec`, thinc's arrays bit for bit) for a batch of 16 tokens
or more, else as spaCy runs it.  A long Doc's tok2vec runs in windows (`_tok2vec`): a token's output depends on 4 tokens on either side
only, so the numbers are the same, and the activations of 2,048 tokens stay in the caches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

#: smallest gap between the best and the second best valid action decided here (else spaCy's loop decides)
MARGIN = 1e-4
#: tokens of a long Doc run through the tok2vec at once (`_tok2vec`)
WINDOW_TOKENS = 2048


@dataclass
class Weights:
    """The ner component's layers and its action table (B-, I-, L-, U- per label in spaCy's class order)."""

    tok2vec: object  # the component's own listener >> list2array >> linear
    lower: object  # PrecomputableAffine: (tokens + 1, 3 features, hidden, pieces), row 0 the padding
    W: numpy.ndarray  # upper layer (classes, hidden)
    b: numpy.ndarray
    begin: numpy.ndarray  # class of B-<label i>, I-, L-, U- for each label i (same label order)
    inside: numpy.ndarray
    last: numpy.ndarray
    unit: numpy.ndarray
    out: int
    labels: list[str]
    context: int | None = None  # tokens on each side a tok2vec output depends on (None: unknown)


def for_model(nlp) -> Weights | None:
    """The decoding tables of pipeline `nlp` (computed once, kept on it); None where it is not a `tok2vec`
    component feeding a greedy `ner` through a listener, the pipeline decoded here."""
    if "_warta_decode" not in nlp.__dict__:
        nlp._warta_decode = _pipeline_weights(nlp)
    return nlp._warta_decode


def _pipeline_weights(nlp) -> Weights | None:
    if nlp.pipe_names != ["tok2vec", "ner"]:
        return None
    w = weights(nlp.get_pipe("ner"))
    if w is None or [layer.name for layer in w.tok2vec.layers] != ["tok2vec-listener", "list2array", "linear"]:
        return None
    if w.tok2vec.layers[0] not in getattr(nlp.get_pipe("tok2vec"), "listeners", ()):
        return None
    w.context = _context(nlp.config["components"]["tok2vec"]["model"])
    return w


def _context(config: dict) -> int | None:
    """How many tokens on each side a token's tok2vec output depends on, for spaCy's Tok2Vec.v2 of a
    MultiHashEmbed (features of the token alone) and a MaxoutWindowEncoder (`window_size` tokens on each
    side per layer, `depth` layers); None for another architecture."""
    embed, encode = config.get("embed", {}), config.get("encode", {})
    if (config.get("@architectures"), embed.get("@architectures"), encode.get("@architectures")) != (
            "spacy.Tok2Vec.v2", "spacy.MultiHashEmbed.v2", "spacy.MaxoutWindowEncoder.v2"):
        return None
    return int(encode["window_size"]) * int(encode["depth"])


def weights(ner) -> Weights | None:
    """The decoding tables of spaCy component `ner`; None where it is not the greedy NER this decodes."""
    model = ner.model
    if ner.cfg.get("beam_width", 1) != 1 or model.attrs.get("unseen_classes") or not model.attrs.get("has_upper"):
        return None
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    if lower.get_dim("nF") != 3:
        return None
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    if upper.get_dim("nO") != len(names) or "O" not in names:
        return None
    labels = sorted({n[2:] for n in names if n[:2] in ("B-", "I-", "L-", "U-") and len(n) > 2})
    try:
        tables = [numpy.array([names.index(f"{m}-{label}") for label in labels]) for m in "BILU"]
    except ValueError:
        return None
    return Weights(model.get_ref("tok2vec"), lower, upper.get_param("W"), upper.get_param("b"), *tables,
                   out=names.index("O"), labels=labels)


def _maxout(unmaxed: numpy.ndarray) -> numpy.ndarray:
    """spaCy's `Vec.arg_max` over the pieces: the first of the largest (the pieces are 2 or more)."""
    best = unmaxed[..., 0]
    for p in range(1, unmaxed.shape[-1]):
        best = numpy.where(unmaxed[..., p] > best, unmaxed[..., p], best)
    return best


def _scores(w: Weights, unmaxed: numpy.ndarray) -> numpy.ndarray:
    """The upper layer on the summed features (+ the lower bias), as spaCy's `predict_states`."""
    from blis.py import gemm

    hidden = numpy.ascontiguousarray(_maxout(unmaxed + w.lower.get_param("b")))
    return gemm(hidden, w.W, trans2=True, alpha=1.0, beta=0.0) + w.b


def _best(scores: numpy.ndarray, valid: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(the first valid action of the highest score, its lead over the second valid one) per row."""
    masked = numpy.where(valid, scores, -numpy.inf)
    best = masked.argmax(axis=1)
    top = masked[numpy.arange(len(best)), best]
    masked[numpy.arange(len(best)), best] = -numpy.inf
    lead = top - masked.max(axis=1)
    return best, lead


@dataclass
class Tokens:
    """The batch's tokens, one row each: the lower layer's features and what the actions' validity needs."""

    cached: numpy.ndarray  # (n + 1, 3, hidden, pieces), row 0 the padding
    space: numpy.ndarray  # IS_SPACE: no entity starts on it
    joined: numpy.ndarray  # the next token is in the same doc and does not start a sentence
    doc: numpy.ndarray  # the doc of each token
    start: numpy.ndarray  # IDX: its first character
    end: numpy.ndarray  # IDX + LENGTH: after its last character
    preset: set[int]  # the docs with a token whose entity annotation is preset (spaCy decides those)


def _tokens(w: Weights, docs: list, outputs: list) -> Tokens:
    """The `Tokens` of `docs`, whose tok2vec output is `outputs`."""
    from spacy.attrs import ENT_IOB, IDX, IS_SPACE, LENGTH, SENT_START

    tokvecs = outputs
    for layer in w.tok2vec.layers[1:]:  # list2array >> linear: what the component's listener feeds the lower layer
        tokvecs = layer.predict(tokvecs)
    lengths = numpy.array([len(doc) for doc in docs], dtype=int)
    cols = numpy.concatenate([doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START, ENT_IOB]).reshape(-1, 5)
                              for doc in docs]).astype(numpy.int64)
    doc = numpy.repeat(numpy.arange(len(docs)), lengths)
    joined = numpy.zeros(len(cols), dtype=bool)
    joined[:-1] = (doc[1:] == doc[:-1]) & (cols[1:, 3] != 1)
    return Tokens(w.lower.predict(tokvecs), cols[:, 2] != 0, joined, doc, cols[:, 0], cols[:, 0] + cols[:, 1],
                  set(doc[cols[:, 4] != 0].tolist()))  # (not numpy.unique: it imports numpy.ma, 17 ms)


def _closed(w: Weights, tok: Tokens) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Every token's action when no entity is open (next token, then padding for the other two
    features), and its lead over the second best."""
    c = tok.cached
    if len(c) == 1:
        return numpy.zeros(0, dtype=int), numpy.zeros(0, dtype="f")
    scores = _scores(w, (c[1:, 0] + c[0, 1]) + c[0, 2])
    valid = numpy.zeros(scores.shape, dtype=bool)
    valid[:, w.out] = True
    valid[:, w.unit] = ~tok.space[:, None]
    valid[:, w.begin] = (~tok.space & tok.joined)[:, None]  # B- needs a next token in the same sentence
    return _best(scores, valid)


def _chains(w: Weights, tok: Tokens, starts: numpy.ndarray, label: numpy.ndarray):
    """For entities opened by B-`label` at `starts`: (end token + 1, the least lead of a decision)."""
    c = tok.cached
    end = numpy.zeros(len(starts), dtype=int)
    lead = numpy.full(len(starts), numpy.inf, dtype="f")
    active = numpy.arange(len(starts))
    at = starts + 1
    while len(active):
        s, t, lab = starts[active], at[active], label[active]
        scores = _scores(w, (c[1 + t, 0] + c[1 + s, 1]) + c[t, 2])
        i_score, l_score = scores[numpy.arange(len(t)), w.inside[lab]], scores[numpy.arange(len(t)), w.last[lab]]
        can_continue = tok.joined[t]  # I- needs a next token in the same sentence; L- is always valid
        closes = ~can_continue | (l_score > i_score)  # ties go to I- (first in spaCy's class order)
        lead[active] = numpy.minimum(lead[active], numpy.where(can_continue, numpy.abs(l_score - i_score),
                                                                numpy.inf))
        end[active[closes]] = t[closes] + 1
        at[active] = t + 1
        active = active[~closes]
    return end, lead


def _scan(w: Weights, action: numpy.ndarray, starts: numpy.ndarray, ends: numpy.ndarray):
    """The entities (start token, end token, label index) the decisions make, and the tokens inside an
    entity opened by B- (whose no-entity decision is not used)."""
    kind = numpy.full(len(w.b), -1)
    kind[w.begin], kind[w.unit] = 0, 1
    label = numpy.zeros(len(w.b), dtype=int)
    label[w.begin] = label[w.unit] = numpy.arange(len(w.labels))
    end_of = dict(zip(starts.tolist(), ends.tolist()))
    ents, used_chains = [], []
    free = 0
    for g in numpy.flatnonzero(kind[action] >= 0).tolist():
        if g < free:
            continue
        a = int(action[g])
        free = g + 1 if kind[a] else end_of[g]
        ents.append((g, free, int(label[a])))
        if not kind[a]:
            used_chains.append(g)
    return ents, used_chains


def entities(nlp, docs: list, w: Weights) -> list[list[tuple[int, int, str]]]:
    """(start char, end char, label) of the entities spaCy's `tok2vec` + `ner` find in each of `docs`
    (Docs fresh from the tokenizer)."""
    if not docs:
        return []
    outputs = _tok2vec(_predictor(nlp, docs), docs, w.context)
    tok = _tokens(w, docs, outputs)
    action, closed_lead = _closed(w, tok)
    starts = numpy.flatnonzero(numpy.isin(action, w.begin))
    label_of = numpy.zeros(len(w.b), dtype=int)
    label_of[w.begin] = numpy.arange(len(w.labels))
    ends, chain_lead = _chains(w, tok, starts, label_of[action[starts]])
    ents, used = _scan(w, action, starts, ends)
    out: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    for s, e, lab in ents:
        out[int(tok.doc[s])].append((int(tok.start[s]), int(tok.end[e - 1]), w.labels[lab]))
    for i in sorted(_unsure(closed_lead, starts, ends, chain_lead, used, tok.doc) | tok.preset):
        out[i] = _by_spacy(nlp, docs[i], outputs[i])
    return out


def _predictor(nlp, docs: list):
    """The `tok2vec` component's predict, or its numpy twin (`warta.models.tok2vec`: the same numbers in
    half the time) for a batch of `tok2vec.MIN_TOKENS` tokens or more."""
    from warta.models import tok2vec

    fast = tok2vec.for_model(nlp)
    if fast is not None and sum(len(doc) for doc in docs) >= tok2vec.MIN_TOKENS:
        return fast
    return nlp.get_pipe("tok2vec").predict


def _tok2vec(predict, docs: list, context: int | None) -> list:
    """The `tok2vec` component's output for each of `docs` (`predict` runs it); a Doc longer than
    `WINDOW_TOKENS` is run in windows of that many tokens, each with the `context` tokens on either side its
    outputs depend on (the same numbers, at half the time for a 100,000-character Doc, whose activations no
    longer fit a cache).  `predict` may also be the component itself."""
    predict = getattr(predict, "predict", predict)
    if context is None or all(len(doc) <= WINDOW_TOKENS for doc in docs):
        return predict(docs)
    short = [i for i, doc in enumerate(docs) if len(doc) <= WINDOW_TOKENS]
    outputs = [None] * len(docs)
    for i, output in zip(short, predict([docs[i] for i in short]) if short else ()):
        outputs[i] = output
    for i, doc in enumerate(docs):
        if outputs[i] is None:
            outputs[i] = _windowed(predict, doc, context)
    return outputs


def _windowed(predict, doc, context: int) -> numpy.ndarray:
    n = len(doc)
    arrays: dict = {}
    parts = []
    for start in range(0, n, WINDOW_TOKENS):
        end = min(n, start + WINDOW_TOKENS)
        lo, hi = max(0, start - context), min(n, end + context)
        (output,) = predict([_Window(doc, lo, hi, arrays)])
        parts.append(output[start - lo:end - lo])
    return numpy.concatenate(parts)


class _Window:
    """Tokens `lo:hi` of `doc` as the tok2vec reads a Doc (`len`, `vocab`, `to_array`), the doc's arrays
    computed once for all its windows (in `arrays`)."""

    def __init__(self, doc, lo: int, hi: int, arrays: dict):
        self.doc, self.lo, self.hi, self.arrays, self.vocab = doc, lo, hi, arrays, doc.vocab

    def __len__(self) -> int:
        return self.hi - self.lo

    def to_array(self, attrs):
        key = tuple(attrs) if isinstance(attrs, list) else attrs
        if key not in self.arrays:
            self.arrays[key] = self.doc.to_array(attrs)
        return self.arrays[key][self.lo:self.hi]


def _unsure(closed_lead, starts, ends, chain_lead, used, doc_of) -> set[int]:
    """The docs with a decision (one that counts) closer than MARGIN."""
    marks = numpy.zeros(len(closed_lead) + 1, dtype=int)
    index = numpy.searchsorted(starts, used)
    numpy.add.at(marks, starts[index] + 1, 1)
    numpy.add.at(marks, ends[index], -1)
    inside = numpy.cumsum(marks[:-1]) > 0
    close = numpy.flatnonzero((closed_lead < MARGIN) & ~inside).tolist()
    close += starts[index[chain_lead[index] < MARGIN]].tolist()
    return {int(doc_of[g]) for g in close}


def _by_spacy(nlp, doc, tensor) -> list[tuple[int, int, str]]:
    """The entities of spaCy's own `ner` component on `doc` (its tok2vec output `tensor`)."""
    doc.tensor = tensor
    ner = nlp.get_pipe("ner")
    ner.set_annotations([doc], ner.predict([doc]))
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
