"""`warta export`: events of extracted records as GDELT TSV, PLOVER JSON Lines or CSV."""

from __future__ import annotations

import json
from pathlib import Path

import click

from warta.record import is_record_file

FORMATS = ("gdelt", "plover", "csv")


def _stdin_records(data: bytes):
    """Records from standard input: JSON Lines of warta records, else articles to extract first."""
    from warta.api import make_pipeline
    from warta.readers import read_bytes

    lines = [line for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
    try:
        first = json.loads(lines[0]) if lines else None
    except ValueError:
        first = None
    if isinstance(first, dict) and "schema" in first and ("entities" in first or "events" in first):
        for line in lines:
            yield json.loads(line)
        return
    pipeline = make_pipeline()
    for article in read_bytes(data, "<stdin>"):
        yield pipeline(article).to_dict()


def _records(inputs):
    """Records from JSON Lines files of warta records (`-`: standard input); other inputs are extracted first."""
    import sys

    from warta.api import extract

    others = []
    for name in inputs:
        if name == "-":
            yield from _stdin_records(sys.stdin.buffer.read())
            continue
        p = Path(name)
        if p.suffix in (".jsonl", ".ndjson") and p.is_file() and is_record_file(p):
            with p.open(encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
        else:
            others.append(name)
    if others:
        for article in extract(others):
            yield article.to_dict()


@click.command("export")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="gdelt", show_default=True,
              help="gdelt: GDELT 2.0-style TSV; plover: PLOVER/POLECAT JSON Lines; csv: readable table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              show_default=True, help="Write here instead of standard output.")
def export(inputs, fmt, output):
    """Export the events of INPUTS (JSON Lines from `warta extract`, or article files to extract first;
    - reads either from standard input)."""
    from warta.export.csv import write_csv
    from warta.export.gdelt import write_gdelt
    from warta.export.plover import write_plover
    from warta.export.rows import event_rows

    writer = {"gdelt": write_gdelt, "plover": write_plover, "csv": write_csv}[fmt]
    with click.open_file(output, "w", encoding="utf-8") as out:
        n = writer(event_rows(_records(inputs)), out)
    click.echo(f"{n} event(s) written", err=True)


COMMANDS = [export]
