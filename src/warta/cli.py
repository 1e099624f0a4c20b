"""The `warta` command line: a thin layer over the library API.

Each command calls the library and turns its named exceptions into one
`Error: …` line; exit status 1 means something failed, 2 that nothing could be read.
"""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from warta import __version__
from warta.errors import InputError, WartaError
from warta.record import is_record_file
from warta.commands.options import failure_options, pipeline_options

err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def progress_bar(enabled: bool):
    if not enabled:
        return nullcontext(None)
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=err_console, transient=False)


class WartaGroup(click.Group):
    """The `warta` group: the commands of `warta.commands` are imported when one of them runs or the
    list of commands is shown, never for `warta extract` (their options alone take tens of ms)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except WartaError as exc:
            fail(str(exc), getattr(exc, "exit_code", 1))

    def get_command(self, ctx, cmd_name):
        if cmd_name not in self.commands:
            from warta.commands import WHERE

            _add_command_modules([WHERE[cmd_name]] if cmd_name in WHERE else None)
            if cmd_name not in self.commands and cmd_name in WHERE:
                _add_command_modules()  # moved to another module
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        _add_command_modules()
        return super().list_commands(ctx)


@click.group(cls=WartaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="warta")
def main() -> None:
    """warta: structured, explainable event data from Indonesian-language news.

    Reads articles (plain text, HTML, RSS/Atom feeds, JSON Lines) and writes one
    JSON record per article: entities, actors, quotes, dates, quantities, places
    and events, each with its offsets, evidence sentence and the rule behind it.
    """


class _Stop(Exception):
    """--strict: the first failure ends the run."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              show_default=True, help="Write JSON Lines here instead of standard output.")
@click.option("--pretty", is_flag=True, help="Print a readable view of each article instead of JSON.")
@pipeline_options
@failure_options
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on standard error (default: when there are several inputs and a terminal).")
def extract(inputs, output, pretty, reference_date, components, no_model, max_bytes, time_budget, keep_going,
            progress):
    """Extract article records from INPUTS (files, directories read recursively, or - for standard input).

    Writes one JSON object per article (JSON Lines).  Each input, and each line of a JSON Lines file, is
    read on its own: one that cannot be read, or an article that fails or runs past --time-budget, gets one
    `Error:` line on standard error and the others are still written.  Exit status: 0 when everything was
    written, 1 when some input or article failed, 2 when nothing could be read.
    """
    from warta.api import extract as run_extract
    from warta.api import make_pipeline
    from warta.export.pretty import print_article
    from warta.readers import count_units, expand

    names = [c.strip() for c in components.split(",") if c.strip()] if components else None
    pipeline = make_pipeline(names, reference_date=reference_date, use_model=not no_model, max_bytes=max_bytes,
                             time_budget=time_budget)
    if progress is None:
        progress = err_console.is_terminal and len(list(expand(inputs))) > 1
    out = click.open_file(output, "w", encoding="utf-8") if not pretty else None
    console = Console()
    failed: list[WartaError] = []
    written = 0

    def on_error(exc: WartaError) -> None:
        failed.append(exc)
        if not pretty:  # with --pretty the report comes last, after the articles
            click.echo(f"Error: {exc}", err=True)
        if not keep_going:
            raise _Stop()

    with progress_bar(progress) as bar:
        task = bar.add_task("extracting", total=count_units(inputs), rate="") if bar else None

        def on_progress(done: int, source: str) -> None:
            if bar:
                bar.update(task, completed=done, rate=f"{written} articles")

        try:
            for article in run_extract(inputs, pipeline=pipeline, on_error=on_error, on_progress=on_progress):
                if pretty:
                    print_article(article, console)
                else:
                    out.write(article.to_json() + "\n")
                    out.flush()
                written += 1
        except _Stop:
            pass
    if out is not None and output != "-":
        out.close()
    _finish(failed, written, pretty, keep_going)


def _finish(failed: list[WartaError], written: int, pretty: bool, keep_going: bool) -> None:
    """The closing report of `extract` on standard error, and its exit status."""
    if pretty:
        for exc in failed:
            click.echo(f"Error: {exc}", err=True)
    if failed and written:
        click.echo(f"{written} article(s) written; {len(failed)} input(s) or article(s) above failed"
                   + ("" if keep_going else " (stopped at the first: --strict)"), err=True)
    if written == 0:
        if not failed:
            click.echo("Error: no articles found in the inputs (give article files, a directory, or - for "
                       "standard input)", err=True)
        sys.exit(2)
    if failed:
        sys.exit(1)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--reference-date", metavar="YYYY-MM-DD", help="Passed to extraction when INPUTs are articles.")
def eval_(gold, predictions, as_json, reference_date):
    """Score records against a GOLD.jsonl file (FORMAT.md section 3).

    PREDICTIONS is either one JSON Lines file of warta records, or article
    files/directories that are extracted first.
    """
    from warta.api import extract as run_extract
    from warta.api import make_pipeline
    from warta.scoring import format_table, load_jsonl, score

    golds = _gold_records(gold, load_jsonl)
    if len(predictions) == 1 and Path(predictions[0]).suffix in {".jsonl", ".ndjson"} \
            and is_record_file(predictions[0]):
        preds = load_jsonl(predictions[0])
    else:
        errors: list[InputError] = []
        pipeline = make_pipeline(reference_date=reference_date)
        preds = [a.to_dict() for a in run_extract(predictions, pipeline=pipeline, errors=errors)]
        for exc in errors:
            click.echo(f"Error: {exc}", err=True)
    summary = score(golds, preds)
    click.echo(json.dumps(summary, indent=1) if as_json else format_table(summary))


def _gold_records(path: str, load) -> list[dict]:
    """The records of a gold file (FORMAT.md section 3); a clean error when the file is something else."""
    try:
        golds = load(path)
    except (ValueError, UnicodeDecodeError) as exc:
        fail(f"{path}: not a gold file (JSON Lines, FORMAT.md section 3): {exc}")
    if is_record_file(path):
        fail(f"{path}: these are warta records (as `warta extract` writes them), not a gold file; "
             "give the gold file first: warta eval GOLD.jsonl PREDICTIONS")
    for n, g in enumerate(golds, 1):
        entities = g.get("entities", []) if isinstance(g, dict) else None
        if not isinstance(entities, list) or not all(isinstance(e, dict) and "name" in e for e in entities):
            fail(f"{path}: line {n} is not a gold record (FORMAT.md section 3): each entity needs a 'name'")
    return golds


@main.command("components")
def components_() -> None:
    """List the pipeline components in their default order, with what each requires and assigns."""
    from warta.pipeline import REGISTRY, available

    for name in available():
        info = REGISTRY[name]
        click.echo(f"{name:<12} requires: {', '.join(info.requires) or '-':<28} assigns: {', '.join(info.assigns)}")
        if info.doc:
            click.echo(f"{'':<12} {info.doc}")


def _add_command_modules(names=None) -> None:
    """Import the command modules `names` (default: all of `warta.commands.MODULES`) and add their commands."""
    import importlib

    from warta.commands import MODULES

    for module_name in MODULES if names is None else names:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        for command in module.COMMANDS:
            if command.name not in main.commands:
                main.add_command(command)


#: commands that close every output they write before they return: the `warta` command ends them with
#: `os._exit` once the exit handlers have run, skipping the interpreter's teardown, which frees the model's
#: and the tables' objects one at a time (0.3-0.5 s: a quarter of a one-article `warta extract`)
QUICK_EXIT = frozenset({"extract", "job"})


def run() -> None:
    """The `warta` console command: `main`, ended without the interpreter's teardown for `QUICK_EXIT`
    commands (the same exit status, exit handlers and flushed standard streams)."""
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    try:
        main()
    except SystemExit as exc:
        if command not in QUICK_EXIT:
            raise
        _quick_exit(exc.code)


def _quick_exit(code: object) -> None:
    """`sys.exit(code)` minus the teardown: exit handlers (atexit: logging, temporary folders, process
    pools), standard streams flushed, then `os._exit`.  A normal exit where that would lose something: a
    non-integer status (printed by Python), or a thread still running that the normal exit would wait for."""
    import atexit
    import os
    import threading

    code = 0 if code is None else code
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if not isinstance(code, int) or others:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (warta … | head): Python's own exit says 120
            code = code or 120
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
