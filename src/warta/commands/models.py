"""`warta evaluate`: score the shipped models on annotated corpora they were not trained on.

Training is done by the scripts in train/ (see train/README.md); it needs the
corpora in ../shared/data and never runs in CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from warta.errors import WartaError

DEFAULT_DATA = Path("..") / "shared" / "data"


@click.group()
def evaluate() -> None:
    """Evaluate the shipped models on held-out test sets."""


@evaluate.command("ner")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DATA,
              show_default=True, help="Folder of the annotated corpora (NER-UI, NER-UGM, NERGrit, idner-news-2k).")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A spaCy model folder to score instead of the shipped one.")
@click.option("--test", "only", multiple=True, metavar="NAME",
              help="Score only this test set (repeatable); default: all of them.")
def evaluate_ner(data_dir: Path, model: Path | None, only: tuple[str, ...]) -> None:
    """Score the entity model; print one JSON line per test set (test, precision, recall, f1, sentences,
    words_per_second)."""
    from warta.evaluate_ner import evaluate as run_evaluation

    if not data_dir.exists():
        raise WartaError(f"{data_dir}: no such folder (pass --data with the folder of the annotated corpora)")
    try:
        results = run_evaluation(data_dir, model, only=only or None)
    except FileNotFoundError as exc:
        raise WartaError(f"{exc} (check --data)") from None
    for row in results:
        click.echo(json.dumps(row, ensure_ascii=False))


COMMANDS = [evaluate]
