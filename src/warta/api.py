"""The library API, and the one extraction loop that the CLI, the store's workers and Python callers share.

    import warta
    for article in warta.extract(["news/"], on_error=print):
        print(article.title, len(article.events))

`extract` walks the inputs as units of work (a file, or one line of a JSON Lines file), reads each,
runs every article through the pipeline within its time budget (`Options.time_budget`) and yields the
records.  One unit's or one article's failure never costs another: it is handed to `on_error` (or
appended to `errors`) as a named `WartaError`, and the loop goes on; without either, it is raised.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from warta import limits
from warta.errors import ArticleTimeout, ComponentError, InputError, WartaError, input_error
from warta.options import Options
from warta.pipeline import Pipeline
from warta.readers import Unit, iter_units, read_unit
from warta.readers.encoding import clean_text
from warta.readers.text import read_text
from warta.record import Article

ErrorHandler = Callable[[WartaError], None]
ProgressHandler = Callable[[int, str], None]  # (units done, source of the unit just done)


def make_pipeline(components: Sequence[str] | None = None, options: Options | dict[str, Any] | None = None,
                  **overrides: Any) -> Pipeline:
    """A pipeline of the named components (default: all), with validated options."""
    if isinstance(components, (str, bytes)):
        raise TypeError("make_pipeline(components=…) takes a list of component names, e.g. ['sentences', "
                        f"'entities'], not a {type(components).__name__}")
    if not isinstance(options, Options):
        options = Options.build(options, **overrides)
    elif overrides:
        options = Options.build({**options.__dict__, **overrides})
    return Pipeline(components, options)


# -- one article ----------------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What became of one article of a unit: `status` is "ok" (article processed), "failed" (`error` says
    why; `article` is the article as read, or None when the unit could not be read) or "skipped"."""

    status: str
    source: str
    article: Article | None = None
    error: WartaError | None = None


#: run once through a new pipeline before the first timed article, so that loading models, gazetteers
#: and language profiles (seconds on a busy machine) is never charged to an article's time budget
WARM_UP = ("Menlu Bertemu Dubes Jepang\n\nJAKARTA - Menteri Luar Negeri Retno Marsudi bertemu Duta Besar "
           "Jepang di Jakarta pada Senin (4/9/2023). \"Kami membahas kerja sama ekonomi senilai Rp 5 triliun,\" "
           "kata Retno.")


def warm_up(pipeline: Pipeline) -> None:
    """Load everything the pipeline's components load lazily (once per pipeline; no time budget).

    What is then alive (the model, gazetteers, lexicons: some 140,000 objects) is moved out of the garbage
    collector's passes (`gc.freeze`): a full collection would otherwise walk all of it, about 80 ms, every
    few dozen articles, for objects that live as long as the process.  Reference counting still frees them."""
    if not getattr(pipeline, "_warm", False):
        pipeline(read_text(WARM_UP, source="<warm-up>"))
        pipeline._warm = True
        gc.freeze()


def process(article: Article, pipeline: Pipeline) -> Article:
    """`pipeline(article)` within the article's time budget; raises a WartaError (ComponentError,
    ArticleTimeout) naming the article when it fails."""
    source = article.source or article.id
    if pipeline.options.time_budget:
        warm_up(pipeline)
    try:
        with limits.time_budget(pipeline.options.time_budget, source):
            return pipeline(article)
    except limits._Alarm:  # the alarm rang as the budget was being lifted
        raise ArticleTimeout(source, pipeline.options.time_budget) from None
    except WartaError:
        raise
    except RecursionError as exc:
        raise ComponentError("pipeline", source, exc) from None


def run_unit(unit: Unit, pipeline: Pipeline, skip: Callable[[Article], bool] | None = None) -> list[Outcome]:
    """Read one unit and process each of its articles; never raises for a bad input or article.

    `skip(article)` (e.g. "already stored") is asked before the pipeline runs."""
    return run_units([unit], pipeline, skip)[0]


def run_units(units: Sequence[Unit], pipeline: Pipeline,
              skip: Callable[[Article], bool] | None = None) -> list[list[Outcome]]:
    """`run_unit` of each of `units`, with the NER model run over all their articles as one batch first
    (`prepare`): the same outcomes, for less CPU.  `skip` is asked once an article."""
    if skip is not None:
        skip = _asked_once(skip)
    return [_outcomes(unit, got, pipeline, skip) for unit, got in read_ahead(units, pipeline, skip)]


def _asked_once(skip: Callable[[Article], bool]) -> Callable[[Article], bool]:
    """`skip` remembering its answer per article (`warta ingest`'s asks the store, and both `read_ahead` and
    `_outcomes` ask)."""
    answers: dict[int, bool] = {}

    def once(article: Article) -> bool:
        if id(article) not in answers:
            answers[id(article)] = skip(article)
        return answers[id(article)]

    return once


def read_units(units: Iterable[Unit]) -> list[tuple[Unit, list[Article] | InputError]]:
    """Each unit with its articles, or the InputError saying why it could not be read."""
    read: list[tuple[Unit, list[Article] | InputError]] = []
    for unit in units:
        try:
            read.append((unit, read_unit(unit)))
        except InputError as exc:
            read.append((unit, exc))
    return read


def read_ahead(units: Sequence[Unit], pipeline: Pipeline, skip: Callable[[Article], bool] | None = None
               ) -> list[tuple[Unit, list[Article] | InputError]]:
    """Each unit with its articles (or why it could not be read), their NER prepared as one batch."""
    read = read_units(units)
    articles = [a for _, got in read if isinstance(got, list) for a in got]
    if skip is not None and len(articles) > 1:
        articles = [a for a in articles if not skip(a)]
    prepare(pipeline, articles)
    return read


def _outcomes(unit: Unit, articles: list[Article] | InputError, pipeline: Pipeline,
              skip: Callable[[Article], bool] | None) -> list[Outcome]:
    if isinstance(articles, InputError):
        return [Outcome("failed", articles.source or unit.source, None, articles)]
    out = []
    for article in articles:
        if skip is not None and skip(article):
            out.append(Outcome("skipped", article.source or unit.source, article))
            continue
        try:
            out.append(Outcome("ok", article.source or unit.source, process(article, pipeline)))
        except WartaError as exc:
            out.append(Outcome("failed", article.source or unit.source, article, exc))
    return out


#: units `extract` reads ahead: their articles' NER runs as one batch (`prepare`) before each is processed
READ_AHEAD = 16
#: articles per `model.pipe` batch
NER_BATCH = 16


def prepare(pipeline: Pipeline, articles: Sequence[Article]) -> None:
    """Run the NER model over `articles` as one batch (`warta.models.prepare`), before they go through
    `pipeline` one at a time: their entities component then finds its model spans ready.

    Best effort, with the same results: nothing is prepared without an entities component or model, for
    fewer than two articles, or for an article already known not to be Indonesian.  The batch runs outside
    the articles' own time budgets, so it has one of its own (`Options.time_budget`); past it, or on any
    error, nothing is kept and each article runs the model itself, inside its budget (as do texts over
    `warta.models.PREPARE_CHARS`, so no one article can make a batch slow)."""
    if "entities" not in pipeline.names or not pipeline.options.use_model:
        return
    texts = [a.text for a in articles if a.language in (None, "id") and a.text]
    if len(texts) < 2:
        return
    from warta import models

    try:
        model = models.load_model()  # loaded when the pipeline was built: never charged to the budget
        with limits.time_budget(pipeline.options.time_budget, "<NER batch>"):
            models.prepare(model, texts, batch_size=NER_BATCH)
    except (Exception, limits._Alarm):  # a timeout, a broken model: each article runs (and reports) its own
        models.forget_prepared()


# -- the loop -------------------------------------------------------------------------------------------
def _paths(inputs: Any, name: str = "extract") -> list[str]:
    """`inputs` as a list of path names; a str or path is one input (never iterated letter by letter)."""
    if inputs is None:
        raise TypeError(f"warta.{name}() needs inputs: a path (str or pathlib.Path) or a list of paths, not None")
    if isinstance(inputs, (bytes, bytearray)):
        raise TypeError(f"warta.{name}() takes paths, not bytes; decode a path first, or give an article's "
                        "text to warta.extract_text()")
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    try:
        items = list(inputs)
    except TypeError:
        raise TypeError(f"warta.{name}() takes a path or a list of paths, not {type(inputs).__name__}") from None
    out = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)) or isinstance(item, bytes):
            raise TypeError(f"warta.{name}(): every input must be a path (str or pathlib.Path), "
                            f"not {type(item).__name__} ({item!r:.40})")
        if str(item) == "":
            raise TypeError(f"warta.{name}(): an input path is the empty string")
        out.append(str(os.fspath(item)))
    return out


def extract(inputs: str | os.PathLike | Iterable[str | os.PathLike], pipeline: Pipeline | None = None,
            errors: list[WartaError] | None = None, *, options: Options | dict[str, Any] | None = None,
            on_error: ErrorHandler | None = None, on_progress: ProgressHandler | None = None) -> Iterator[Article]:
    """Articles read from files, directories (walked), feeds, JSON Lines (one unit a line) or `-` (standard
    input), each run through the pipeline within its time budget.

    A unit or article that fails is handed to `on_error` (and appended to `errors` when given) and the
    loop goes on; with neither, the first failure is raised.  `on_progress(done, source)` is called after
    each unit.  A str or path is one input; so is each item of a list.
    """
    names = _paths(inputs)
    if pipeline is None:
        pipeline = make_pipeline(options=options)
    elif options is not None:
        raise TypeError("warta.extract(): give either a pipeline or options, not both")
    done = 0
    for units in chunks(iter_units(names, pipeline.options.max_bytes), READ_AHEAD):
        for unit, got in read_ahead(units, pipeline):
            for outcome in _outcomes(unit, got, pipeline, None):
                if outcome.status == "ok":
                    yield outcome.article
                elif outcome.error is not None:
                    if errors is None and on_error is None:
                        raise outcome.error
                    if errors is not None:
                        errors.append(outcome.error)
                    if on_error is not None:
                        on_error(outcome.error)
            done += 1
            if on_progress is not None:
                on_progress(done, unit.source)


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def extract_text(text: str, source: str | None = None, pipeline: Pipeline | None = None, **meta: Any) -> Article:
    """Read `text` as a plain-text article and run the pipeline on it (raises a WartaError when it fails)."""
    if not isinstance(text, str):
        hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"warta.extract_text() takes the article's text as a str, not "
                        f"{type(text).__name__}{hint}; for files use warta.extract(paths)")
    name = source or "<text>"
    text, warnings = clean_text(text)
    if not text.strip():
        raise input_error(name, "empty")
    pipeline = pipeline or make_pipeline()
    from warta.readers import body_or_title

    article = body_or_title(read_text(text, source=source, **meta))
    if not article.text.strip():
        raise input_error(name, "no_text")
    article.warnings[:0] = warnings
    return process(article, pipeline)
