"""What a job's worker reads: the results of every article of a partition's inputs, in input order.

`partition_results(units, max_bytes)` yields `(input_seq, result, meta)` for every
article of the partition's inputs (`result` as `warta.store.worker` makes it;
`meta` the web archive record's provenance, or empty).  Articles are read ahead
`warta.api.READ_AHEAD` at a time (consecutive local files, lines of a JSON Lines
file, records of a web archive) and the NER model runs over each group as one
batch (`warta.api.prepare`) before they go through the pipeline one at a time:
what `warta extract` does, with the same records, for less CPU.  A unit that
cannot be read, or an article that fails, becomes a failed result, as before.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from warta.api import chunks
from warta.errors import InputError
from warta.jobs.dataset import is_remote
from warta.jobs.stages import Stages


def _open(path: str):
    if is_remote(path):
        import fsspec

        return fsspec.open(path, "rb", compression="infer" if not path.endswith(".warc.gz") else None).open()
    return open(path, "rb")


def _head(path: str) -> bytes:
    from warta.readers.warc import SNIFF_BYTES

    try:
        with _open(path) as f:
            return f.read(SNIFF_BYTES)
    except OSError:
        return b""


def _kind(path: str) -> str:
    """'warc', 'jsonl' (streamed a line at a time, as `warta ingest` does) or 'file' (any other reader)."""
    from warta.readers import JSONL_SUFFIXES, is_jsonl_file
    from warta.readers.warc import is_warc

    low = path.lower()
    if low.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if low.endswith(tuple(JSONL_SUFFIXES)):
        return "jsonl"
    if low.endswith(".gz") or "." not in low.rsplit("/", 1)[-1]:
        if is_warc(path, _head(path)):
            return "warc"
    if not is_remote(path) and is_jsonl_file(path):
        return "jsonl"
    return "file"


def _failed(source: str, exc: BaseException, unit: str | None = None) -> dict[str, Any]:
    from warta.store.worker import failed_input

    return failed_input(source, exc, unit)


def _stream(path: str):
    """(open binary stream, None), or (None, a failed result saying why it could not be opened)."""
    try:
        return _open(path), None
    except OSError as exc:
        return None, _failed(path, InputError(path, f"could not be read: {exc.strerror or exc}"))


def _read_ahead() -> int:
    from warta.api import READ_AHEAD

    return READ_AHEAD


#: per thread (a Dask worker may run several tasks at once in threads): the ids of articles already extracted
#: and kept (earlier partitions', then this one's); an exact copy of one is not extracted again (see `known`)
_state = threading.local()
_NONE: frozenset[str] = frozenset()


def _known() -> set[str] | frozenset[str]:
    return getattr(_state, "known", _NONE)


@contextmanager
def known(ids: set[str]):
    """While this thread extracts one partition: articles whose id is in `ids` (exact copies of articles kept
    before, in input order) skip the pipeline and come out as {"status": "exists"}; the caller adds the ids it
    keeps."""
    old, _state.known = _known(), ids
    try:
        yield ids
    finally:
        _state.known = old


def _prepare(articles: list, st: Stages) -> None:
    """The NER model over `articles` as one batch (`warta.api.prepare`, as `warta extract` does), timed as
    extraction; exact copies of articles kept before are left out."""
    skip = _known()
    articles = [a for a in articles if a.id not in skip] if skip else articles
    if len(articles) > 1:
        from warta.api import prepare
        from warta.store import worker

        with st("extract (pipeline)"):
            prepare(worker._pipeline(), articles)


def _ok(article, unit: str, st: Stages) -> dict[str, Any]:
    """The result of one article through the worker's pipeline (as `warta.store.worker` makes it), timed."""
    from warta.api import process as run
    from warta.errors import WartaError
    from warta.store import worker
    from warta.store.dedup import signature

    if article.id in _known():
        return {"status": "exists", "id": article.id, "source": article.source, "unit": unit, "record": None,
                "error": None, "signature": None}
    pipeline = worker._pipeline()
    with st("extract (pipeline)"):
        try:
            done = run(article, pipeline)
        except WartaError as exc:
            return worker.failed_article(article, str(exc), unit)
    with st("record (to_dict, MinHash)"):
        return {"status": "ok", "id": done.id, "source": done.source, "unit": unit, "record": done.to_dict(),
                "error": None, "signature": signature(done.text)}


def _units_results(units: list, st: Stages) -> Iterator[tuple[Any, dict[str, Any]]]:
    """(unit, result) for every article of `units` (files or JSON Lines lines), read ahead together and
    their NER run as one batch: `warta.api.read_ahead` and `run_unit`, with reading and extraction timed
    apart (and the exact copies of articles kept before left out)."""
    from warta.api import read_units

    with st("read"):
        read = read_units(units)
    _prepare([a for _, got in read if isinstance(got, list) for a in got], st)
    for unit, got in read:
        if isinstance(got, InputError):
            yield unit, _failed(got.source or unit.source, got, unit.source)
            continue
        for article in got:
            yield unit, _ok(article, unit.source, st)


def _warc_result(meta: dict[str, Any], item, path: str, st: Stages) -> dict[str, Any]:
    from warta.record import Article

    if isinstance(item, Article):
        try:
            return _ok(item, item.source or item.id, st)
        except Exception as exc:  # as worker.process does: record it, keep going
            return {"status": "failed", "id": item.id, "source": item.source,
                    "error": f"{type(exc).__name__}: {exc}", "record": {"url": item.url}, "signature": None}
    if meta.get("skipped") == "language":
        return {"status": "skipped", "id": None, "source": item.source, "error": str(item),
                "record": {"url": meta.get("url"), "language": meta.get("language")}}
    return _failed(item.source or path, item)


def _warc_results(stream, path: str, max_bytes: int, st: Stages
                  ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    from warta.readers.warc import iter_warc
    from warta.record import Article

    records = iter_warc(stream, path, max_bytes)
    while True:
        with st("read"):
            chunk = list(itertools.islice(records, _read_ahead()))
        if not chunk:
            return
        _prepare([item for _, item in chunk if isinstance(item, Article)], st)
        for meta, item in chunk:
            yield _warc_result(meta, item, path, st), meta


def _remote_results(path: str, max_bytes: int, st: Stages) -> Iterator[dict[str, Any]]:
    from warta.readers import read_bytes

    try:
        with st("read"):
            with _open(path) as f:
                data = f.read(max_bytes + 1)
            articles = read_bytes(data, path, max_bytes)
    except InputError as exc:
        yield _failed(path, exc)
        return
    except OSError as exc:
        yield _failed(path, InputError(path, f"could not be read: {exc}"))
        return
    for chunk in chunks(articles, _read_ahead()):
        _prepare(chunk, st)
        for article in chunk:
            yield _ok(article, article.source or article.id, st)


def _jsonl_results(stream, path: str, max_bytes: int, st: Stages
                   ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    from warta.readers import Unit

    lines = ((number, raw) for number, raw in enumerate(stream, 1) if raw.strip())
    units = (Unit("line", f"{path}#{number}", path, number, raw if isinstance(raw, bytes) else raw.encode("utf-8"),
                  max_bytes) for number, raw in lines)
    for chunk in chunks(units, _read_ahead()):
        for _, result in _units_results(chunk, st):
            yield result, {}


def results(path: str, max_bytes: int, st: Stages | None = None, kind: str | None = None
            ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(result, meta) for every article of one input, in order; `result` as `warta.store.worker` makes it."""
    from warta.readers import Unit

    st = st if st is not None else Stages()
    kind = kind or _kind(path)
    if kind in ("warc", "jsonl"):
        stream, failure = _stream(path)
        if failure:
            yield failure, {}
            return
        with stream:
            yield from (_warc_results if kind == "warc" else _jsonl_results)(stream, path, max_bytes, st)
    elif not is_remote(path):
        for _, result in _units_results([Unit("file", path, path, 0, None, max_bytes)], st):
            yield result, {}
    else:
        for result in _remote_results(path, max_bytes, st):
            yield result, {}


def partition_results(units: list[tuple[int, str]], max_bytes: int, st: Stages
                      ) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(input_seq, result, meta) for every article of a partition's inputs (`units`: (input_seq, path)), in
    order; consecutive local files are read ahead together (one NER batch), as `warta extract` reads them."""
    from warta.readers import Unit

    files: list[Unit] = []
    seqs: dict[int, int] = {}  # id(unit) -> its input_seq

    def flush() -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        for unit, result in _units_results(files, st):
            yield seqs[id(unit)], result, {}
        files.clear()
        seqs.clear()

    for input_seq, path in units:
        kind = _kind(path)
        if kind == "file" and not is_remote(path):
            files.append(Unit("file", path, path, 0, None, max_bytes))
            seqs[id(files[-1])] = input_seq
            if len(files) >= _read_ahead():
                yield from flush()
            continue
        if files:
            yield from flush()
        for result, meta in results(path, max_bytes, st, kind):
            yield input_seq, result, meta
    if files:
        yield from flush()
