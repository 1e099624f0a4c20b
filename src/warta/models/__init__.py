"""Trained models shipped inside the warta package.

``load_model()`` returns the Indonesian news NER pipeline (spaCy ``id`` tokenizer,
tok2vec + ner with labels PER/ORG/LOC), loaded from the package directory, offline.
``run`` / ``prepare`` / ``entities_of`` run it: the tok2vec in numpy on the model's own weights
(`warta.models.tok2vec`: thinc's arrays bit for bit, in about half the time), then the ner's transitions
decoded in bulk (`warta.models.decode`, spaCy's entities for a fraction of its loop's time).
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from warta.errors import ModelError, ModelNotFoundError

MODEL_DIR = Path(__file__).resolve().parent / "id_news"


def model_path(name: str = "id_news") -> Path:
    return Path(__file__).resolve().parent / name


@lru_cache(maxsize=4)
def load_model(name: str = "id_news"):
    """Load (once, cached) the shipped spaCy pipeline ``name`` from the package.

    Purely local: never downloads anything.  Raises ModelNotFoundError with a clear
    message if the model directory is absent (e.g. a checkout without the model).
    """
    path = model_path(name)
    if not (path / "meta.json").is_file() or not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"warta model '{name}' not found at {path} (expected a spaCy pipeline "
            "directory with meta.json and config.cfg). Re-install warta or train it "
            "with train/README.md.")
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover
        raise ModelNotFoundError("spaCy is required to load warta's NER model") from exc
    try:
        return _load(path)
    except Exception as exc:  # a damaged model directory, an incompatible spaCy version…
        raise ModelError(f"warta model '{name}' at {path} could not be loaded: {type(exc).__name__}: {exc} "
                         "(re-install warta, or run with --no-model for the gazetteer and rules only)") from exc


def _load(path: Path):
    """spacy.load, with the saved tokenizer rebuilt as a `FastTokenizer` (same tokens, ~0.1 s instead of ~5 s)."""
    from warta.models.tokenizer import load

    nlp = load(path)
    use_numpy_gemm(nlp)
    keep_freed_memory()
    return nlp


#: glibc's mallopt parameters (malloc.h) and the values `keep_freed_memory` sets
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_BYTES, TRIM_BYTES = 32 << 20, 64 << 20


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Have glibc's malloc keep freed memory for reuse (blocks up to 32 MB from the heap, up to 64 MB of
    free heap kept) instead of handing each of the model's arrays back to the kernel when freed.

    By default a block over 128 KB-32 MB is mapped afresh and unmapped when freed (and a free heap top
    over 128 KB-64 MB is trimmed), so every batch's activations (a few MB) cost page faults and the
    zeroing of new pages: a third of the tok2vec's time (bench: 11.8 -> 7.4 ms/article, same peak RSS).
    Process-wide, once; a no-op where the C library is not glibc.  Returns whether it was set."""
    import ctypes
    import os

    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):  # (platform.libc_ver() takes ~50 ms)
            return False
        libc = ctypes.CDLL(None)  # the process's own symbols: glibc's mallopt
        return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_BYTES)) and bool(libc.mallopt(M_TRIM_THRESHOLD, TRIM_BYTES))
    except (OSError, ValueError, AttributeError):  # no confstr name, no libc symbols: not glibc
        return False


def use_numpy_gemm(nlp) -> None:
    """Have every layer of `nlp` multiply its matrices with numpy's BLAS (OpenBLAS) instead of thinc's BLIS.

    On the machines measured BLIS's gemm takes 3-4x the CPU of OpenBLAS's for the tok2vec's shapes (300 x 288
    by 288 x 288), a third of the model's time; the entities are the same (2,844 NER-corpus sentences and the
    project's 69 articles compared).  The model then runs with one BLAS thread (`one_thread`), as warta runs
    one article per process at a time."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops


@lru_cache(maxsize=1)
def _threadpools():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover (a dependency; without it BLAS picks its own threads)
        return None
    return ThreadpoolController()


def one_thread():
    """A context in which numpy's BLAS uses one thread (~12 µs to enter and leave): the model's matrices are
    small, and a second thread would only spin on a core another worker process needs."""
    pools = _threadpools()
    return pools.limit(limits=1, user_api="blas") if pools is not None else contextlib.nullcontext()


#: texts `prepare` runs the model over, per thread: {(id(model), text): spans}; `entities_of` pops its text's
_prepared = threading.local()
#: the longest text `prepare` takes (a longer one is left to `entities_of`, inside its article's time budget)
PREPARE_CHARS = 20_000
#: characters of text per `model.pipe` batch (~4 news articles): the batch's activations are what it adds to
#: the process's peak memory (bench_extract on the project's texts: +4 MB at 8,000, +25 MB at 16,000, +50 MB
#: at 32,000), and the ~1.5 ms a call saves is mostly saved by then
BATCH_CHARS = 8_000


def prepare(model, texts: Iterable[str], batch_size: int = 16) -> int:
    """Run `model` over `texts` in batches (at most `batch_size` texts and `BATCH_CHARS` characters each)
    and keep each text's spans for `entities_of`, which then pops them instead of running the model.

    A call of the model costs ~1.5 ms of Python and spaCy overhead besides the arithmetic, paid once per
    batch instead of once per article; the entities are the same.  What was prepared before is dropped (an
    article that never asked for its entities, e.g. one in another language, leaves nothing behind).  Texts
    longer than `PREPARE_CHARS` are left to `entities_of`.  Returns how many texts were prepared."""
    from warta.limits import blank_pathological

    store = _prepared.__dict__.setdefault("spans", {})
    store.clear()
    todo = list(dict.fromkeys(t for t in texts if t and len(t) <= PREPARE_CHARS))
    tokenizer = model.tokenizer  # (a blanked text has no chunk `SafeTokenizer` would split: spaCy's tokens)
    with one_thread():
        for group in _batches(todo, batch_size):
            docs = [tokenizer(blank_pathological(t)) for t in group]
            for text, spans in zip(group, run(model, docs)):
                store[(id(model), text)] = spans
    return len(todo)


def run(model, docs: list) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of the entities `model` finds in each of `docs` (Docs fresh from its tokenizer):
    decoded in bulk by `warta.models.decode` where the model is a tok2vec + greedy ner pipeline (the same
    entities as spaCy's loop, for a fraction of its time), else by `model.pipe`."""
    from warta.models import decode

    weights = decode.for_model(model)
    if weights is not None:
        return decode.entities(model, docs, weights)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in model.pipe(docs, batch_size=max(1, len(docs)))]


def _batches(texts: list[str], size: int) -> Iterable[list[str]]:
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and (len(group) >= size or chars + len(text) > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    if group:
        yield group


def forget_prepared() -> None:
    """Drop what `prepare` left (this thread's)."""
    _prepared.__dict__.pop("spans", None)


def entities_of(model, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities `model` finds in `text` (as `prepare` left them, if it did).

    Tokenised as `warta.limits.SafeTokenizer` would (linear time on any input), with runs such as 50,000
    dashes blanked out (they hold no name; offsets are kept); a text longer than
    `warta.limits.PIECE_CHARS` is run in pieces cut at paragraph boundaries (never spaCy's E088)."""
    from warta.limits import blank_pathological, pieces

    known = getattr(_prepared, "spans", None)
    if known:
        spans = known.pop((id(model), text), None)
        if spans is not None:
            return list(spans)
    tokenizer = model.tokenizer  # (a blanked text has no chunk `SafeTokenizer` would split: spaCy's tokens)
    out = []
    with one_thread():
        for offset, piece in pieces(blank_pathological(text)):
            (spans,) = run(model, [tokenizer(piece)])
            out += [(offset + start, offset + end, label) for start, end, label in spans]
    return out


__all__ = ["load_model", "model_path", "entities_of", "prepare", "run", "forget_prepared", "keep_freed_memory",
           "MODEL_DIR", "ModelError", "ModelNotFoundError"]
