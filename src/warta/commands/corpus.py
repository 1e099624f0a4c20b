"""Corpus commands: `warta ingest`, `search`, `events`, `quotes`, `actors`, `export-db`.

Thin wrappers over `warta.store.Store`: the library does the work, these parse
options, draw the progress bar and print tables (rich) or JSON Lines.
"""

from __future__ import annotations

import json
import os
import sys

import click
from rich.console import Console
from rich.table import Table

DB_OPTION = click.option("--db", default="warta.db", show_default=True, type=click.Path(dir_okay=False),
                         help="The store (a SQLite file; created when missing).")


def _err_console() -> Console:
    return Console(stderr=True)


def _open(db: str, must_exist: bool = False):
    from warta.errors import StoreError
    from warta.store import Store

    if must_exist and not os.path.exists(db):
        raise StoreError(f"{db}: no such store; create it with `warta ingest PATH --db {db}`")
    return Store.open(db)


def _filters(f):
    f = click.option("--type", "type_", metavar="TYPE", help="Event type (PLOVER, e.g. CONSULT) or actor type.")(f)
    f = click.option("--country", metavar="ISO3", help="Country (ISO alpha-3): an event's source or target, "
                                                       "a speaker's or an actor's.")(f)
    f = click.option("--actor", metavar="TEXT", help="Actor or speaker name contains TEXT.")(f)
    f = click.option("--since", metavar="YYYY-MM-DD", help="On or after this date.")(f)
    f = click.option("--until", metavar="YYYY-MM-DD", help="On or before this date (a prefix such as 2024-03 "
                                                           "means the whole month).")(f)
    f = click.option("--source", metavar="TEXT", help="Outlet, domain, URL or input file contains TEXT.")(f)
    f = click.option("--all", "duplicates", is_flag=True, help="Include near-duplicate articles.")(f)
    f = click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")(f)
    f = click.option("--jsonl", is_flag=True, help="Write JSON Lines instead of a table.")(f)
    return DB_OPTION(f)


def _print(rows, columns: list[str], jsonl: bool, title: str) -> None:
    if jsonl:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
        n += 1
    console = Console()
    console.print(table)
    console.print(f"{n} row(s)")


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction (default: every core).")
@click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Articles committed per transaction (a killed run loses at most one batch).")
@click.option("--components", metavar="NAME,…", help="Run only these pipeline components, in this order.")
@click.option("--no-model", is_flag=True, help="Do not run the trained entity model.")
@click.option("--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates against this date.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
              help="Refuse inputs larger than this many bytes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error "
                                                             "(default: when it is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def ingest(inputs, db, jobs, batch_size, components, no_model, reference_date, max_bytes, progress, as_json):
    """Read INPUTS (files, folders, feeds, JSON Lines dumps, web archives) into the store.

    A Parquet dataset written by `warta job run` is loaded as it is (no extraction).

    Idempotent: articles already stored (same content hash) are skipped, so a
    killed run can simply be run again.  Articles that cannot be read or
    processed are stored as failed with the reason, and the run goes on.
    """
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    names = [c.strip() for c in components.split(",") if c.strip()] if components else None
    options = {"use_model": not no_model, "max_bytes": max_bytes}
    if reference_date:
        options["reference_date"] = reference_date
    err = _err_console()
    if progress is None:
        progress = err.is_terminal
    datasets, inputs = _split_datasets(inputs)
    if datasets:
        summary = _load_datasets(datasets, db, err, as_json)
        if not inputs:
            return
    with _open(db) as store:
        if progress:
            bar = Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                           TimeRemainingColumn(), console=err, transient=False)
            with bar:
                task = bar.add_task("ingest", total=None, rate="")

                def update(done, total, s):
                    bar.update(task, completed=done, total=total,
                               rate=f"{s.articles_per_second:6.1f} articles/s  {s.new} new  {s.failed} failed")

                summary = store.ingest(inputs, jobs=jobs, components=names, options=options,
                                       batch_size=batch_size, progress=update)
        else:
            summary = store.ingest(inputs, jobs=jobs, components=names, options=options, batch_size=batch_size,
                                   count_first=False)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        err.print(f"read {summary.read} article(s) in {summary.seconds:.1f} s "
                  f"({summary.articles_per_second:.1f}/s): {summary.new} new, {summary.duplicates} duplicate(s), "
                  f"{summary.near_duplicates} near-duplicate(s), {summary.failed} failed → {db}")
        for source, reason in summary.errors[:20]:
            err.print(f"  failed: {reason}" if reason.startswith(str(source)) else f"  failed: {source}: {reason}",
                      markup=False, highlight=False)
        if summary.failed > 20:
            err.print(f"  … and {summary.failed - 20} more (warta export-db --table articles lists them)")
    if summary.read and summary.failed == summary.read:
        sys.exit(2)


def _split_datasets(inputs):
    """Parquet datasets written by `warta job run` (loaded as they are) apart from the other inputs."""
    from warta.jobs.load import is_dataset

    try:
        datasets = [p for p in inputs if is_dataset(p)]
    except ImportError:  # fsspec missing: no datasets to load
        return [], list(inputs)
    return datasets, [p for p in inputs if p not in datasets]


def _load_datasets(datasets, db, err, as_json):
    from warta.jobs.load import load_dataset

    with _open(db) as store:
        for path in datasets:
            summary = load_dataset(store, path)
            if as_json:
                click.echo(json.dumps(dict(summary.to_dict(), dataset=path), ensure_ascii=False))
            else:
                err.print(f"loaded {summary.read} article(s) from the dataset {path} in {summary.seconds:.1f} s: "
                          f"{summary.new} new, {summary.duplicates} already stored, {summary.near_duplicates} "
                          f"near-duplicate(s), {summary.failed} failed → {db}", markup=False, highlight=False)
    return summary


@click.command()
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Show at most this many hits.")
@click.option("--no-quotes", is_flag=True, help="Search article titles and texts only.")
@click.option("--all", "duplicates", is_flag=True, help="Include near-duplicate articles.")
@click.option("--jsonl", is_flag=True, help="Write JSON Lines instead of a table.")
def search(query, db, limit, no_quotes, duplicates, jsonl):
    """Full-text search over article titles, texts and quotes (FTS5 syntax: words, "a phrase", OR, prefix*)."""
    with _open(db, must_exist=True) as store:
        hits = store.search(query, limit=limit, quotes=not no_quotes, duplicates=duplicates)
    for h in hits:
        h["score"] = round(-h["score"], 3)
    _print(hits, ["score", "kind", "title", "published", "snippet", "article_id"], jsonl, f"search: {query}")


@click.command()
@_filters
@click.option("--grouped", is_flag=True, help="Merge the same event across articles (GDELT-style counts).")
def events(db, type_, country, actor, since, until, source, duplicates, limit, jsonl, grouped):
    """Events in the store, filtered; --grouped merges reports of the same event."""
    with _open(db, must_exist=True) as store:
        if grouped:
            rows = store.event_groups(limit=limit, type=type_, country=country, since=since, until=until)
            cols = ["date", "type", "cameo", "source_country", "target_country", "num_mentions", "num_sources",
                    "num_articles", "num_distinct_articles"]
        else:
            rows = store.events(limit=limit, type=type_, country=country, actor=actor, since=since, until=until,
                                source=source, duplicates=duplicates)
            cols = ["date", "type", "cameo", "source_name", "source_country", "target_name", "target_country",
                    "title"]
        _print(rows, cols, jsonl, "events")


@click.command()
@_filters
def quotes(db, type_, country, actor, since, until, source, duplicates, limit, jsonl):
    """Quotes in the store with their speakers, filtered."""
    with _open(db, must_exist=True) as store:
        rows = store.quotes(limit=limit, country=country, actor=actor, since=since, until=until, source=source,
                            duplicates=duplicates)
        _print(rows, ["published", "speaker_name", "speaker_country", "text", "title"], jsonl, "quotes")


@click.command()
@_filters
def actors(db, type_, country, actor, since, until, source, duplicates, limit, jsonl):
    """Actors across the store with how many articles mention them, filtered."""
    with _open(db, must_exist=True) as store:
        rows = store.actors(limit=limit, type=type_, country=country, actor=actor, since=since, until=until,
                            source=source, duplicates=duplicates)
        _print(rows, ["name", "type", "country", "sectors", "num_articles", "first_seen", "last_seen"], jsonl,
               "actors")


@click.command("export-db")
@DB_OPTION
@click.option("--format", "fmt", default="jsonl", show_default=True, metavar="jsonl|csv|parquet",
              help="Output format (event formats registered by other modules are accepted for --table events).")
@click.option("--table", default="events", show_default=True,
              type=click.Choice(["events", "event_groups", "articles", "quotes", "actors", "entities", "dates",
                                 "quantities", "places"]),
              help="Which table to export; event_groups has one row per event reported by several articles.")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file (- for standard output; Parquet needs a file).")
def export_db(db, fmt, table, output):
    """Export a table of the store as JSON Lines, CSV or Parquet."""
    from warta.store.exports import export

    with _open(db, must_exist=True) as store:
        n = export(store, table, fmt, output)
    click.echo(f"{n} row(s) of {table} written to {output}", err=True)


COMMANDS = [ingest, search, events, quotes, actors, export_db]
