"""Command-line options shared by every command that runs the pipeline (`extract`, `ingest`, `job run`).

Declared once here so the commands agree on names, defaults and help; each maps onto a field of
`warta.options.Options` (`components` → the pipeline's component list, `--no-model` → `use_model`).
"""

from __future__ import annotations

from collections.abc import Callable

import click

DEFAULT_MAX_BYTES = 20_000_000


def _apply(func: Callable, options: list) -> Callable:
    for option in reversed(options):
        func = option(func)
    return func


def pipeline_options(func: Callable) -> Callable:
    """--reference-date, --components, --no-model and --max-bytes."""
    return _apply(func, [
        click.option("--reference-date", metavar="YYYY-MM-DD",
                     help="Resolve relative and year-less dates against this date instead of the article's own."),
        click.option("--components", metavar="NAME,…",
                     help="Run only these pipeline components, in this order (see `warta components`)."),
        click.option("--no-model", is_flag=True,
                     help="Do not run the trained entity model (gazetteer and rules only)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse inputs (or web-archive records) larger than this many bytes."),
    ])


def failure_options(func: Callable) -> Callable:
    """--time-budget and --keep-going/--strict."""
    return _apply(func, [
        click.option("--time-budget", type=click.FloatRange(min=0), default=30.0, show_default=True,
                     metavar="SECONDS",
                     help="Give up on an article after this many seconds and report it as failed (0: no limit)."),
        click.option("--keep-going/--strict", default=True, show_default=True,
                     help="On a failed input or article: report it and go on (default), or stop at the first one."),
    ])
