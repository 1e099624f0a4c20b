"""Tables built once and kept on disk: the second process reads in milliseconds what the first built.

    from warta.knowledge import cache

    table = cache.stored("verb-roots", build)

`stored(name, build)` returns `build()`'s value (plain Python data: dicts, lists, sets, strings,
numbers, dataclasses; anything `pickle` keeps exactly), read from `<name>-<version>.pickle` in the user
cache folder when a file of that version is there, else built and written for the next process.  The
version is a digest of the format, warta's and Python's versions, the table's name, every file of the
installed warta package (its code and lexicons, by size and modification time, as Python checks its
own compiled bytecode) and any other `sources` the table is built from (a third-party data file:
content of the small ones, size and time of the rest).  So editing any code or lexicon builds new
tables; files of other versions not built for a week are removed.

`@cache.table(name)` stands where `@functools.cache` stood on a function that builds a table from the
lexicons; `cache.patterns(*expressions)` compiles regular expressions once.  A stored table keeps its
compiled patterns as the code `re` compiled them to (compiling spaCy's affix patterns alone takes
~0.1 s), so reading one back compiles nothing.

Safe by construction: a file is written under a temporary name and renamed into place (a reader sees
no file or a whole one; two processes building at once both finish, the last rename wins); a folder
that cannot be written (a read-only home) or a damaged file only means building in memory, as without
the cache.  Only files of this user in a folder of this user, neither writable by everyone, are read
(a pickle is code, as Python's own compiled files are), so there is no fallback to a shared temporary
folder.  `WARTA_CACHE_DIR` chooses the folder; `WARTA_CACHE_DIR=off` turns the cache off.
`python -m warta.knowledge` builds every table ahead of time (e.g. at install) and prints the folder.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1  # bump when what is stored, or how, changes
#: sources at least this big are fingerprinted by size and time instead of content
BIG = 1_000_000
#: other versions' files unused this long are removed when a new one is written
STALE_DAYS = 7.0

T = TypeVar("T")


def cache_dir() -> Path:
    """`$WARTA_CACHE_DIR`, else `$XDG_CACHE_HOME/warta`, else `~/.cache/warta`."""
    explicit = os.environ.get("WARTA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "warta"


def enabled() -> bool:
    return os.environ.get("WARTA_CACHE_DIR", "").lower() not in {"off", "0", "none"}


@functools.cache
def package_fingerprint() -> str:
    """Digest of every file of the warta package (path, size, modification time); ~1 ms."""
    from warta import __version__

    h = hashlib.sha256(f"{FORMAT} {__version__} {sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    folders = [str(Path(__file__).resolve().parents[1])]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    folders.append(entry.path)
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            h.update(f"{entry.path} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def version(name: str, sources: Iterable[Any] = ()) -> str:
    """Digest of the package fingerprint, `name` and every other source file."""
    h = hashlib.sha256(f"{package_fingerprint()} {name}".encode())
    for source in sources:
        path = Path(str(source))
        h.update(b"\0" + str(path).encode())
        try:
            st = path.stat()
            h.update(path.read_bytes() if st.st_size < BIG else f"{st.st_size} {st.st_mtime_ns}".encode())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:20]


def stored(name: str, build: Callable[[], T], sources: Iterable[Any] | Callable[[], Iterable[Any]] = ()) -> T:
    """`build()`, or the value a process built before from the same `sources` (see the module doc; a
    callable is called for them, so a decorator can name third-party data without looking it up at import)."""
    if not enabled():
        return build()
    if callable(sources):
        sources = sources()
    path = cache_dir() / f"{name}-{version(name, sources)}.pickle"
    value = _read(path)
    if value is not _MISSING:
        return value
    value = build()
    _write(path, value)
    return value


_MISSING = object()


def _trusted(st: os.stat_result) -> bool:
    """Owned by this user and not writable by everyone (a shared temporary folder is not)."""
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return mine and not st.st_mode & stat.S_IWOTH


def _read(path: Path) -> Any:
    try:
        with open(path, "rb") as f:
            if not (_trusted(os.fstat(f.fileno())) and _trusted(path.parent.stat())):
                return _MISSING
            return pickle.load(f)
    except Exception:  # absent, unreadable, damaged or from an incompatible build: build it again
        return _MISSING


def _write(path: Path, value: Any) -> None:
    """Write `value` to `path` atomically; any failure leaves the value in memory only."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        if not _trusted(path.parent.stat()):  # its files would never be read
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            _Pickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
        _remove_stale(path)
    except Exception:  # a read-only or full disk, a value pickle cannot keep: nothing is written
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def table(name: str, sources: Iterable[Any] | Callable[[], Iterable[Any]] = ()) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Decorator for a function of no arguments that builds a table from the package's lexicons: like
    `functools.cache` within a process, and the value is kept in the user cache across processes
    (`stored(name, build, sources)`).  Use it where `functools.cache` stood:

        @cache.table("quotes-cues")
        def cues() -> dict: ...
    """

    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        @functools.cache
        @functools.wraps(build)
        def cached() -> T:
            return stored(name, build, sources)

        return cached

    return decorate


def patterns(*expressions: str, flags: int = 0) -> list[re.Pattern]:
    """`re.compile(expression, flags)` of each expression, kept in the user cache: compiling spaCy's
    affix patterns alone takes ~0.1 s, reading them back well under a millisecond."""
    digest = hashlib.sha256(repr((expressions, flags)).encode("utf-8")).hexdigest()[:16]
    return stored(f"regex-{digest}", lambda: [re.compile(e, flags) for e in expressions])


# -- compiled regular expressions ------------------------------------------------------------------
# pickle keeps a compiled pattern as its text and compiles it again when read.  A stored table keeps
# instead what `re` compiles the text to (the code of its matching engine, exactly as `re.compile`
# makes it) and hands that back to the engine, under the engine's version number (`MAGIC`) and
# Python's; with another version, or if anything about it fails, the text is compiled as pickle would.

class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is re.Pattern:
            return _pattern, _compiled(obj)
        return NotImplemented


def _compiled(p: re.Pattern) -> tuple:
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(p.pattern, p.flags)
        code = [int(c) for c in _compiler._code(parsed, p.flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        engine = (_magic(), sys.version_info[:3], p.flags | parsed.state.flags, code, parsed.state.groups - 1,
                  groupindex, tuple(indexgroup))
    except Exception:  # another Python's re: the text alone
        engine = None
    return p.pattern, p.flags, engine


def _pattern(text: str | bytes, flags: int, engine: tuple | None) -> re.Pattern:
    if engine is not None and engine[0] == _magic() and engine[1] == sys.version_info[:3]:
        try:
            import _sre

            return _sre.compile(text, *engine[2:])
        except Exception:
            pass
    return re.compile(text, flags)


def _magic() -> int | None:
    constants = getattr(re, "_constants", None)
    return getattr(constants, "MAGIC", None)


def _remove_stale(keep: Path) -> None:
    """Remove this table's files of other versions not built for a week (two installs may share the folder)."""
    prefix = keep.name.rsplit("-", 1)[0] + "-"
    for old in keep.parent.glob(f"{prefix}*.pickle"):
        try:
            if old != keep and old.name.rsplit("-", 1)[0] + "-" == prefix \
                    and time.time() - old.stat().st_mtime > STALE_DAYS * 86400:
                old.unlink()
        except OSError:
            pass


def prepare() -> None:
    """Build every table start-up reads from the cache (e.g. once at install), by running the default
    pipeline over a short article: the lexicons, the components' tables and patterns, the gazetteer."""
    from warta.api import WARM_UP, extract_text

    extract_text(WARM_UP, source="<prepare>")
