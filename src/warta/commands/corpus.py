"""Corpus commands: `warta ingest`, `search`, `events`, `quotes`, `actors`, `export-db`.

Thin wrappers over `warta.store.Store`: the library does the work, these parse
options, draw the progress bar and print tables (rich) or JSON Lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text
from warta.commands.options import failure_options, pipeline_options

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
    f = click.option("--type", "type_", metavar="TYPE", help="Event type (PLOVER, e.g. CONSULT; any case), or an "
                     "actor type or sector (PER, GOV): events whose source or target actor has it.")(f)
    f = click.option("--country", metavar="ISO3", help="Country (ISO alpha-3): an event's source or target, "
                                                       "a speaker's or an actor's.")(f)
    f = click.option("--actor", metavar="TEXT", help="Actor or speaker name contains TEXT (aliases count: "
                                                     "Jokowi finds Joko Widodo).")(f)
    f = click.option("--since", metavar="YYYY-MM-DD", help="On or after this date.")(f)
    f = click.option("--until", metavar="YYYY-MM-DD", help="On or before this date (a prefix such as 2024-03 "
                                                           "means the whole month).")(f)
    f = click.option("--source", metavar="TEXT", help="Outlet, domain, URL or input file contains TEXT.")(f)
    f = click.option("--all", "duplicates", is_flag=True, help="Include near-duplicate articles.")(f)
    f = click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")(f)
    f = click.option("--sort", metavar="COLUMN", help="Sort by this column (a leading - sorts descending).")(f)
    f = _output_options(f)
    return DB_OPTION(f)


def _output_options(f):
    f = click.option("--jsonl", is_flag=True, help="Write JSON Lines instead of a table.")(f)
    f = click.option("--csv", "as_csv", is_flag=True, help="Write CSV (every column) instead of a table.")(f)
    return f


_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _check_date(name: str, value: str | None) -> str | None:
    """`value` when it is a real date YYYY, YYYY-MM or YYYY-MM-DD; a usage error otherwise."""
    if value is None:
        return None
    ok = bool(_DATE.match(value))
    if ok:
        parts = [int(x) for x in value.split("-")]
        try:
            if len(parts) == 3:
                dt.date(*parts)
            elif len(parts) == 2 and not 1 <= parts[1] <= 12:
                ok = False
        except ValueError:
            ok = False
    if not ok:
        raise click.BadParameter(f"{value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD", param_hint=f"--{name}")
    return value


def _check_country(value: str | None) -> str | None:
    if value is None:
        return None
    import pycountry

    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.countries.get(alpha_3=code) is None:
        raise click.BadParameter(f"{value!r} is not an ISO 3166 alpha-3 country code (IDN, MYS, USA, …)",
                                 param_hint="--country")
    return code


def _event_types(store) -> set[str]:
    from warta.lexicons import load

    known = {str(v["plover"]) for v in (load("cameo") or {}).values() if isinstance(v, dict) and v.get("plover")}
    return known | {r[0] for r in store.conn.execute("SELECT DISTINCT type FROM events") if r[0]}


def _actor_types(store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT DISTINCT type FROM actors UNION SELECT DISTINCT sector "
                                             "FROM actors") if r[0]}


def _check_type(store, value: str | None, table: str) -> dict[str, str]:
    """{'type': T} for an event type, {'actor_type': T} for an actor type or sector (events), in any case;
    a usage error naming the choices otherwise."""
    if value is None:
        return {}
    code = value.strip().upper()
    events, actors = _event_types(store), _actor_types(store)
    if table == "events" and code in events:
        return {"type": code}
    if code in actors:
        return {"actor_type": code} if table == "events" else {"type": code}
    choices = (f"event types: {', '.join(sorted(events))}; " if table == "events" else "") + \
        f"actor types and sectors: {', '.join(sorted(actors)) or 'none stored'}"
    raise click.BadParameter(f"unknown type {value!r} ({choices})", param_hint="--type")


def _sorted(rows, sort: str | None, columns: list[str], limit: int | None):
    """rows sorted by one of `columns` (None last), then cut to `limit`."""
    if not sort:
        return rows
    key = sort.lstrip("-")
    if key not in columns:
        raise click.BadParameter(f"cannot sort by {key!r}; choose one of {', '.join(columns)}", param_hint="--sort")
    rows = list(rows)
    present = [r for r in rows if r.get(key) not in (None, "")]
    absent = [r for r in rows if r.get(key) in (None, "")]
    present.sort(key=lambda r: (isinstance(r[key], str), r[key]), reverse=sort.startswith("-"))
    out = present + absent
    return out[:limit] if limit else out


def _print(rows, columns: list[str], jsonl: bool, title: str, as_csv: bool = False) -> None:
    if jsonl:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if as_csv:
        out = sys.stdout
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
        if writer is None:
            out.write(",".join(columns) + "\n")
        return
    table = Table(title=Text(title), show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    n = 0
    for row in rows:  # cells as Text: a `[word]` in them is text, not Rich markup
        table.add_row(*[Text("" if row.get(c) is None else str(row.get(c))) for c in columns])
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
@pipeline_options
@failure_options
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error "
                                                             "(default: when it is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def ingest(inputs, db, jobs, batch_size, components, no_model, reference_date, max_bytes, time_budget, keep_going,
           progress, as_json):
    """Read INPUTS (files, folders, feeds, JSON Lines dumps, web archives) into the store.

    A Parquet dataset written by `warta job run` is loaded as it is (no extraction).

    Idempotent: articles already stored (same content hash) are skipped, so a
    killed run can simply be run again.  Inputs (each line of a JSON Lines dump
    on its own) and articles that cannot be read or processed, or run past
    --time-budget, are stored as failed with the reason, and the run goes on;
    their failed rows are cleared when they later succeed.  Exit status: 0 when
    all were stored, 1 when some failed, 2 when all failed.
    """
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    names = [c.strip() for c in components.split(",") if c.strip()] if components else None
    options = {"use_model": not no_model, "max_bytes": max_bytes, "time_budget": time_budget}
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
                                       batch_size=batch_size, progress=update, strict=not keep_going)
        else:
            summary = store.ingest(inputs, jobs=jobs, components=names, options=options, batch_size=batch_size,
                                   count_first=False, strict=not keep_going)
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
    if summary.failed:
        sys.exit(1)


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
@click.option("--since", metavar="YYYY-MM-DD", help="Articles published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Articles published on or before this date (2024-03: the month).")
@click.option("--source", metavar="TEXT", help="Outlet, domain, URL or input file contains TEXT.")
@click.option("--all", "duplicates", is_flag=True, help="Include near-duplicate articles.")
@_output_options
def search(query, db, limit, no_quotes, since, until, source, duplicates, jsonl, as_csv):
    """Full-text search over article titles, texts and quotes (FTS5 syntax: words, "a phrase", OR, prefix*)."""
    since, until = _check_date("since", since), _check_date("until", until)
    with _open(db, must_exist=True) as store:
        hits = store.search(query, limit=limit, quotes=not no_quotes, duplicates=duplicates, since=since,
                            until=until, source=source)
    for h in hits:
        h["score"] = round(-h["score"], 3)
    _print(hits, ["score", "kind", "title", "published", "outlet", "snippet", "article_id"], jsonl,
           f"search: {query}", as_csv)


@click.command()
@_filters
@click.option("--grouped", is_flag=True, help="Merge the same event across articles (GDELT-style counts).")
def events(db, type_, country, actor, since, until, source, duplicates, limit, sort, jsonl, as_csv, grouped):
    """Events in the store, filtered; --grouped merges reports of the same event."""
    country, since, until = _check_country(country), _check_date("since", since), _check_date("until", until)
    with _open(db, must_exist=True) as store:
        kind = _check_type(store, type_, "events")
        cut = None if sort else limit
        if grouped:
            if "actor_type" in kind:
                raise click.BadParameter("--grouped takes an event type, not an actor type", param_hint="--type")
            rows = store.event_groups(limit=cut, type=kind.get("type"), country=country, since=since, until=until)
            cols = ["date", "type", "cameo", "source_country", "target_country", "num_mentions", "num_sources",
                    "num_articles", "num_distinct_articles"]
        else:
            rows = store.events(limit=cut, country=country, actor=actor, since=since, until=until, source=source,
                                duplicates=duplicates, **kind)
            cols = ["date", "type", "cameo", "source_name", "source_country", "target_name", "target_country",
                    "title"]
        _print(_sorted(rows, sort, cols, limit), cols, jsonl, "events", as_csv)


@click.command()
@_filters
def quotes(db, type_, country, actor, since, until, source, duplicates, limit, sort, jsonl, as_csv):
    """Quotes in the store with their speakers, filtered."""
    if type_:
        raise click.BadParameter("quotes have no type; filter by --actor or --country", param_hint="--type")
    country, since, until = _check_country(country), _check_date("since", since), _check_date("until", until)
    cols = ["published", "speaker_name", "speaker_country", "text", "title"]
    with _open(db, must_exist=True) as store:
        rows = store.quotes(limit=None if sort else limit, country=country, actor=actor, since=since, until=until,
                            source=source, duplicates=duplicates)
        _print(_sorted(rows, sort, cols + ["source_name"], limit), cols, jsonl, "quotes", as_csv)


@click.command()
@_filters
def actors(db, type_, country, actor, since, until, source, duplicates, limit, sort, jsonl, as_csv):
    """Actors across the store with how many articles mention them, filtered."""
    country, since, until = _check_country(country), _check_date("since", since), _check_date("until", until)
    cols = ["name", "type", "country", "sectors", "num_articles", "first_seen", "last_seen"]
    with _open(db, must_exist=True) as store:
        kind = _check_type(store, type_, "actors")
        rows = store.actors(limit=None if sort else limit, country=country, actor=actor, since=since, until=until,
                            source=source, duplicates=duplicates, **kind)
        _print(_sorted(rows, sort, cols + ["num_mentions"], limit), cols, jsonl, "actors", as_csv)


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


#: Datasette table settings for a warta store: full-text search on articles and quotes (their FTS tables use
#: external content, which Datasette only finds by itself when declared with double quotes), useful facets,
#: and the bookkeeping tables hidden
DATASETTE_TABLES = {
    "articles": {"fts_table": "articles_fts", "fts_pk": "pk", "label_column": "title", "sort_desc": "published",
                 "facets": ["outlet", "status", "language"]},
    "quotes": {"fts_table": "quotes_fts", "fts_pk": "pk", "facets": ["speaker_name", "speaker_country", "direct"]},
    "events": {"sort_desc": "date", "facets": ["type", "source_country", "target_country", "quad_class"]},
    "actors": {"facets": ["type", "sector", "country"]},
    "entities": {"facets": ["label"]},
    "places": {"facets": ["country", "kind"]},
    "dates": {"facets": ["grain"]},
    "quantities": {"facets": ["unit"]},
    "sources": {"label_column": "name", "facets": ["kind"]},
    "minhashes": {"hidden": True},
    "lsh_bands": {"hidden": True},
    "migrations": {"hidden": True},
    "meta": {"hidden": True},
}


@click.command("datasette-metadata")
@DB_OPTION
def datasette_metadata(db):
    """Print a Datasette metadata file for the store (full-text search on articles and quotes, facets).

        warta datasette-metadata --db warta.db > metadata.json
        datasette warta.db -m metadata.json
    """
    from pathlib import Path

    with _open(db, must_exist=True) as store:
        tables = {name: dict(settings) for name, settings in DATASETTE_TABLES.items()
                  if store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()}
        for name, settings in tables.items():
            columns = set(store.columns(name))
            settings["facets"] = [c for c in settings.get("facets", []) if c in columns] or None
            if settings.get("sort_desc") not in columns:
                settings.pop("sort_desc", None)
            if settings["facets"] is None:
                settings.pop("facets")
    name = Path(db).stem
    click.echo(json.dumps({"title": f"warta store {name}", "databases": {name: {"tables": tables}}},
                          ensure_ascii=False, indent=2))


COMMANDS = [ingest, search, events, quotes, actors, export_db, datasette_metadata]
