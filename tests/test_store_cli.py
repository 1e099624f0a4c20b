"""The corpus commands through click's CliRunner, and the exports."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from tests import store_corpus
from tests.test_store_dedup import OTHER, WIRE, wire_article
from warta.cli import main
from warta.record import Article
from warta.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as store:
        store.add(wire_article(WIRE, "kompas/1.txt", "KOMPAS.com"))
        store.add(wire_article(WIRE + " (Antara)", "antara/2.txt", "ANTARA"))
        store.add(Article(text=OTHER, title="Pasar Tradisional Terbakar", source="tempo/3.txt",
                          published="2024-03-02"))
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_corpus_ingest_command_prints_summary(tmp_path):
    store_corpus.write_folder(tmp_path / "news", 5)
    db = tmp_path / "w.db"
    result = run("ingest", tmp_path / "news", "--db", db, "--jobs", 1, "--components", "language,sentences",
                 "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["read"] == 5 and summary["failed"] == 0
    again = json.loads(run("ingest", tmp_path / "news", "--db", db, "--jobs", 1, "--components",
                           "language,sentences", "--json").stdout.strip().splitlines()[-1])
    assert again["new"] == 0 and again["duplicates"] == 5


@pytest.mark.parametrize("query, title", [
    ("kebakaran pasar", "Pasar Tradisional Terbakar"),
    ('"latihan militer bersama"', "Menhan RI dan Australia Sepakati Latihan Bersama"),
    ("stabilitas", "Menhan RI dan Australia Sepakati Latihan Bersama"),
])
def test_corpus_search_ranks_hits_with_snippet(db, query, title):
    result = run("search", query, "--db", db, "--jsonl")
    assert result.exit_code == 0, result.output
    hits = jsonl(result.stdout)
    assert hits and hits[0]["title"] == title and "[" in hits[0]["snippet"]


def test_corpus_search_survives_fts_syntax(db):
    result = run("search", 'latihan "militer', "--db", db, "--jsonl")
    assert result.exit_code == 0
    assert jsonl(result.stdout)


def test_corpus_search_table_output(db):
    result = run("search", "kebakaran", "--db", db)
    assert result.exit_code == 0 and "Pasar" in result.stdout and "1 row(s)" in result.stdout


@pytest.mark.parametrize("args, n", [
    (["--type", "CONSULT", "--country", "AUS"], 1),
    (["--type", "CONSULT", "--country", "aus", "--all"], 2),
    (["--type", "AGREE", "--country", "IDN"], 1),
    (["--type", "ASSAULT"], 0),
    (["--country", "PRK"], 0),
    (["--actor", "Pertahanan Australia"], 2),
    (["--since", "2024-04-12"], 0),
    (["--until", "2024-04"], 2),
    (["--source", "KOMPAS"], 2),
    (["--source", "ANTARA"], 0),
])
def test_corpus_events_filters(db, args, n):
    result = run("events", "--db", db, "--jsonl", *args)
    assert result.exit_code == 0, result.output
    assert len(jsonl(result.stdout)) == n


def test_corpus_events_grouped(db):
    rows = jsonl(run("events", "--db", db, "--jsonl", "--grouped", "--type", "CONSULT").stdout)
    assert len(rows) == 1 and rows[0]["num_articles"] == 2 and rows[0]["num_sources"] == 2


def test_corpus_events_table_output(db):
    result = run("events", "--db", db, "--type", "CONSULT")
    assert result.exit_code == 0 and "CONSULT" in result.stdout and "1 row(s)" in result.stdout


def test_corpus_quotes_and_actors(db):
    quotes = jsonl(run("quotes", "--db", db, "--jsonl", "--actor", "Indonesia").stdout)
    assert len(quotes) == 1 and quotes[0]["speaker_country"] == "IDN"
    actors = jsonl(run("actors", "--db", db, "--jsonl", "--country", "AUS").stdout)
    assert [a["name"] for a in actors] == ["Menteri Pertahanan Australia"] and actors[0]["num_articles"] == 1


def test_corpus_query_on_missing_db_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code != 0 and "no such store" in result.output


@pytest.mark.parametrize("table", ["events", "articles", "quotes", "actors", "event_groups"])
def test_corpus_export_db_formats_open(db, tmp_path, table):
    import pyarrow.parquet as pq

    counts = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{table}.{fmt}"
        result = run("export-db", "--db", db, "--table", table, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        if fmt == "jsonl":
            counts[fmt] = len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()])
        elif fmt == "csv":
            with open(out, newline="", encoding="utf-8") as f:
                counts[fmt] = len(list(csv.DictReader(f)))
        else:
            counts[fmt] = pq.read_table(out).num_rows
    assert len(set(counts.values())) == 1 and counts["jsonl"] > 0


def test_corpus_export_event_format_hook(db, tmp_path):
    from warta.store import exports

    seen = []

    def writer(rows, path):
        rows = list(rows)
        seen.extend(rows)
        return len(rows)

    exports.register_event_format("test-format", writer)
    try:
        result = run("export-db", "--db", db, "--format", "test-format", "-o", tmp_path / "x")
    finally:
        exports.EVENT_FORMATS.pop("test-format")
    assert result.exit_code == 0 and len(seen) == 4 and {r["type"] for r in seen} == {"CONSULT", "AGREE"}
