"""Limits that keep warta's time linear in the input and bound the time one article may take.

* **Tokenising.** spaCy's tokenizer splits the affixes of each whitespace-delimited chunk in a loop
  that is quadratic in the chunk's length (20 KB of `"` or of `RpRp…` takes seconds to minutes).
  `SafeTokenizer` hands spaCy only ordinary chunks; a chunk longer than `CHUNK_CHARS` characters or
  with more than `CHUNK_PUNCT` punctuation characters is split by one linear regex instead (words
  and single punctuation marks).  News text never has such chunks, so its tokens are spaCy's.
* **Long texts.** A text longer than `PIECE_CHARS` characters goes through the statistical model in
  pieces cut at paragraph (else line, else space) boundaries, so spaCy's `max_length` (E088) is never
  hit; the documented limit on an input is `Options.max_bytes` (20 MB).
* **Time.** `time_budget(seconds)` stops one article after `seconds` (default `Options.time_budget`,
  30 s): an alarm signal where the article runs in a process's main thread, and a check between
  components everywhere.  The article is then reported as failed (`ArticleTimeout`) and the run goes on.
* **The NER batch.** `warta.extract` runs the NER model over the articles of up to `api.READ_AHEAD` units
  at once (`warta.api.prepare` -> `warta.models.prepare`), before each article's own budget starts.  The
  batch has a budget of its own (the same `time_budget`); only texts up to `models.PREPARE_CHARS`
  characters and batches up to `models.BATCH_CHARS` go in, so one batch holds well under a second of
  model time, and an article's budget still covers everything else of it, including the model run for
  a longer text.  A batch over its budget is dropped and each of its articles runs the model itself,
  inside its own budget: so an article never fails for another's sake.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator

from warta.errors import ArticleTimeout

#: longest whitespace-delimited chunk handed to spaCy's tokenizer
CHUNK_CHARS = 64
#: most punctuation characters in a chunk handed to spaCy's tokenizer
CHUNK_PUNCT = 8
#: longest text run through the statistical model in one call (spaCy's max_length is 1,000,000)
PIECE_CHARS = 100_000
#: characters spaCy may be handed at once by the tokenizer (above the 20 MB input limit)
MAX_TEXT_CHARS = 25_000_000

#: the chunks that may be pathological: only one longer than CHUNK_PUNCT can be (see `pathological`), and
#: most words are shorter, so scanning for these alone spares a Python call per word (same chunks: a
#: match always starts where a whitespace-delimited chunk starts and takes all of it)
_LONG_CHUNK = re.compile(r"\S{%d,}" % (CHUNK_PUNCT + 1))
_NOT_ALNUM = re.compile(r"[\W_]")
_PIECE_TOKEN = re.compile(r"\w+|[^\w\s]")


def pathological(chunk: str) -> bool:
    """A chunk spaCy's tokenizer would take super-linear time on."""
    if len(chunk) > CHUNK_CHARS:
        return True
    if len(chunk) <= CHUNK_PUNCT:
        return False
    return len(_NOT_ALNUM.findall(chunk)) > CHUNK_PUNCT


def blank_pathological(text: str) -> str:
    """`text` with each pathological chunk replaced by as many spaces (offsets kept): what a statistical
    model is shown, since a run of 50,000 dashes holds no name but would cost 50,000 tokens of inference."""
    return _LONG_CHUNK.sub(lambda m: " " * len(m.group()) if pathological(m.group()) else m.group(), text)


class SafeTokenizer:
    """A wrapper around a spaCy tokenizer that keeps its time linear (see the module docstring).

    Texts without a pathological chunk go to spaCy unchanged, so their tokens are exactly spaCy's."""

    def __init__(self, tokenizer: Callable):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        bad = [m for m in _LONG_CHUNK.finditer(text) if pathological(m.group())]
        if not bad:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in bad:
            if m.start() < pos:  # a chunk whose leading space was taken as trailing whitespace
                continue
            self._add(text[pos:m.start()], words, spaces)
            for t in _PIECE_TOKEN.finditer(m.group()):
                words.append(t.group())
                spaces.append(False)
            pos = m.end()
            if text.startswith(" ", pos) and not text.startswith("  ", pos):
                spaces[-1] = True
                pos += 1
        self._add(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, part: str, words: list[str], spaces: list[bool]) -> None:
        if not part:
            return
        for token in self.tokenizer(part):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    # spaCy calls these on a tokenizer; pass them through
    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """`(offset, piece)` covering `text`, each piece at most `limit` characters, cut after a paragraph
    break, else a line break, else a space, else anywhere.  One piece when the text is short."""
    start = 0
    n = len(text)
    while n - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + limit // 2, end)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


class Cover:
    """Character ranges taken so far, as a list of `(start, end)` pairs that components append to.

    `free(start, end)` answers `all(end <= s or start >= e for s, e in taken)` in time linear in
    `end - start` instead of in the number of ranges taken (which made long articles quadratic)."""

    def __init__(self, size: int):
        self.marks = bytearray(size + 1)
        self.pairs: list[tuple[int, int]] = []
        self.empty: list[int] = []

    def append(self, pair: tuple[int, int]) -> None:
        start, end = pair
        self.pairs.append(pair)
        if start < end:
            self.marks[start:end] = b"\x01" * (end - start)
        else:
            self.empty.append(start)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def free(self, start: int, end: int) -> bool:
        if start >= end:  # an empty range: the plain test (rare)
            return all(end <= s or start >= e for s, e in self.pairs)
        if self.marks.find(1, max(start, 0), end) != -1:
            return False
        return not any(start < p < end for p in self.empty)


# -- the per-article time budget ------------------------------------------------------------------
class _Alarm(BaseException):
    """Raised by the alarm signal inside a component; a BaseException so no `except Exception` swallows it."""


_local = threading.local()


def deadline() -> float | None:
    """The monotonic time by which the article being processed must be done (None: no budget)."""
    return getattr(_local, "deadline", None)


def check(source: str) -> None:
    """Raise ArticleTimeout when the article being processed is over its budget."""
    end = deadline()
    if end is not None and time.monotonic() > end:
        raise ArticleTimeout(source, getattr(_local, "seconds", 0))


@contextlib.contextmanager
def time_budget(seconds: float | None, source: str) -> Iterator[None]:
    """Run the body with at most `seconds` of wall time (None or 0: no limit); raise ArticleTimeout after."""
    if not seconds:
        yield
        return
    previous = (deadline(), getattr(_local, "seconds", 0))
    _local.deadline = time.monotonic() + seconds
    _local.seconds = seconds
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread() \
        and previous[0] is None
    old_handler = None
    if use_alarm:
        def on_alarm(signum, frame):
            raise _Alarm()

        try:
            old_handler = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        except (ValueError, OSError):  # not allowed here (embedded interpreter): checks only
            use_alarm = False
    try:
        yield
    except _Alarm:
        raise ArticleTimeout(source, seconds) from None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler if old_handler is not None else signal.SIG_DFL)
        _local.deadline, _local.seconds = previous
