"""The library API: everything the CLI and other front ends call.

    import warta
    nlp = warta.make_pipeline()
    for article in warta.extract(["news/"], pipeline=nlp):
        print(article.title, len(article.events))
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from warta.errors import InputError
from warta.options import Options
from warta.pipeline import Pipeline
from warta.readers import iter_inputs
from warta.readers.text import read_text
from warta.record import Article


def make_pipeline(components: Sequence[str] | None = None, options: Options | dict[str, Any] | None = None,
                  **overrides: Any) -> Pipeline:
    """A pipeline of the named components (default: all), with validated options."""
    if not isinstance(options, Options):
        options = Options.build(options, **overrides)
    elif overrides:
        options = Options.build({**options.__dict__, **overrides})
    return Pipeline(components, options)


def extract_text(text: str, source: str | None = None, pipeline: Pipeline | None = None, **meta: Any) -> Article:
    """Read `text` as a plain-text article and run the pipeline on it."""
    pipeline = pipeline or make_pipeline()
    return pipeline(read_text(text, source=source, **meta))


def extract(paths: Iterable[str | os.PathLike], pipeline: Pipeline | None = None,
            errors: list[InputError] | None = None) -> Iterator[Article]:
    """Articles read from files, directories, feeds or JSON Lines, each run through the pipeline.

    Inputs that cannot be read are appended to `errors` (when given) and skipped;
    without `errors` the first one is raised.
    """
    pipeline = pipeline or make_pipeline()
    for _source, result in iter_inputs(paths, pipeline.options.max_bytes):
        if isinstance(result, InputError):
            if errors is None:
                raise result
            errors.append(result)
            continue
        for article in result:
            yield pipeline(article)
