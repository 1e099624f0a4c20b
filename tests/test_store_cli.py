"""The corpus commands through click's CliRunner, and the exports."""

from __future__ import annotations

import csv
import io
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


# -- the corpus command defects of issue 15, one test each ----------------------------------------------
def _placed_article():
    """The web tests' diplomacy article with its place (Tokyo, with coordinates) and a URL."""
    from tests.test_web import diplomacy_article
    from warta.record import Place

    a = diplomacy_article()
    start = a.text.index("Tokyo")
    a.url = "https://www.kompas.com/menlu-jepang"
    a.places = [Place("Tokyo", start, start + 5, name="Tokyo", country="JPN", lat=35.6895, lon=139.6917,
                      kind="city", rule="gazetteer:capital")]
    return a


@pytest.fixture
def placed(tmp_path):
    """(store path, records JSON Lines path) holding the same article."""
    from tests.test_web import flood_article

    records = [_placed_article(), flood_article()]
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        for r in records:
            store.add(r)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(db), path


def test_corpus_export_db_plover_has_trigger_place_and_article(placed, tmp_path):
    db, _ = placed
    result = run("export-db", "--db", db, "--format", "plover", "-o", tmp_path / "p.jsonl")
    assert result.exit_code == 0, result.output
    rows = jsonl((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    consult = next(r for r in rows if r["event_type"] == "CONSULT")
    assert consult["text"]["trigger"] == "bertemu" and consult["text"]["start"] == 0
    assert consult["location"]["lat"] == pytest.approx(35.6895) and consult["location"]["country"] == "JPN"
    assert consult["article"]["source"] == "kompas/menlu-jepang.txt"
    assert consult["article"]["url"] == "https://www.kompas.com/menlu-jepang"


@pytest.mark.parametrize("fmt", ["gdelt", "plover"])
def test_corpus_export_db_event_formats_equal_export_from_records(placed, tmp_path, fmt):
    db, records = placed
    from_store = run("export-db", "--db", db, "--format", fmt).stdout
    from_records = run("export", str(records), "--format", fmt).stdout

    def norm(text):
        lines = [line for line in text.splitlines() if line.strip()]
        if fmt == "gdelt":  # DATEADDED is the time of the export
            header = lines[0].split("\t")
            i = header.index("DATEADDED")
            lines = ["\t".join(c for j, c in enumerate(line.split("\t")) if j != i) for line in lines]
        return sorted(lines)

    assert norm(from_store) == norm(from_records)
    if fmt == "gdelt":
        rows = list(csv.DictReader(io.StringIO(from_store), delimiter="\t"))
        tokyo = next(r for r in rows if r["ActionGeo_FullName"] == "Tokyo")
        assert tokyo["ActionGeo_Lat"] and tokyo["ActionGeo_CountryCode"] == "JPN"
        assert tokyo["SOURCEURL"] == "https://www.kompas.com/menlu-jepang"


@pytest.mark.parametrize("args, n", [
    (["--type", "consult"], 1),                 # any case
    (["--type", "Consult", "--country", "jpn"], 1),
    (["--type", "GOV"], 2),                     # an actor sector: events whose source or target has it
    (["--type", "per"], 1),                     # an actor type (BPBD is an ORG)
])
def test_corpus_events_type_is_case_free_and_takes_actor_types(placed, args, n):
    db, _ = placed
    result = run("events", "--db", db, "--jsonl", *args)
    assert result.exit_code == 0, result.output
    assert len(jsonl(result.stdout)) == n


@pytest.mark.parametrize("args, message", [
    (["--type", "FIGHTING"], "unknown type"),
    (["--country", "XX"], "alpha-3"),
    (["--country", "ZZZ"], "alpha-3"),
    (["--since", "2024-13-45"], "not a date"),
    (["--until", "kemarin"], "not a date"),
])
def test_corpus_events_bad_filters_are_errors_not_zero_rows(placed, args, message):
    db, _ = placed
    result = CliRunner().invoke(main, ["events", "--db", db, *args])
    assert result.exit_code == 2 and message in result.output and "0 row(s)" not in result.output
    assert "Traceback" not in result.output


def test_corpus_events_actor_finds_a_known_alias(tmp_path):
    from warta.record import Actor, Event

    a = Article(text="Presiden Joko Widodo menerima Perdana Menteri Anthony Albanese di Istana Bogor.",
                title="Jokowi Terima PM Australia", source="x.txt", published="2024-05-01",
                actors=[Actor("a1", "Joko Widodo", "PER", "IDN", "GOV"), Actor("a2", "Anthony Albanese", "PER", "AUS")],
                events=[Event("e0", "CONSULT", source="a1", target="a2", source_country="IDN", target_country="AUS",
                              date="2024-05-01", rule="t")])
    with Store.open(tmp_path / "j.db") as store:
        store.add(a)
    rows = jsonl(run("events", "--db", tmp_path / "j.db", "--jsonl", "--actor", "Jokowi").stdout)
    assert len(rows) == 1 and rows[0]["source_name"] == "Joko Widodo"
    assert jsonl(run("events", "--db", tmp_path / "j.db", "--jsonl", "--actor", "jokowi").stdout)


@pytest.mark.parametrize("option, pattern, n", [
    ("--actor", "%", 0), ("--actor", "_", 0), ("--actor", "Pertahanan%Australia", 0),
    ("--actor", "Pertahanan Australia", 2), ("--source", "%", 0), ("--source", "K_MPAS", 0), ("--source", "KOMPAS", 2),
])
def test_corpus_actor_and_source_filters_are_literal(db, option, pattern, n):
    assert len(jsonl(run("events", "--db", db, "--jsonl", option, pattern).stdout)) == n


def test_corpus_export_reads_standard_input(placed):
    _, records = placed
    result = CliRunner().invoke(main, ["export", "-", "--format", "csv"], input=records.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["type"] for r in rows} == {"CONSULT", "ACCUSE"}


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["actors"], ["search", "latihan"]])
def test_corpus_lists_write_csv(db, command):
    as_jsonl = jsonl(run(*command, "--db", db, "--jsonl").stdout)
    result = run(*command, "--db", db, "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(as_jsonl) > 0
    assert set(rows[0]) == set(as_jsonl[0])


@pytest.mark.parametrize("args, titles", [
    (["--since", "2024-04"], {"Menhan RI dan Australia Sepakati Latihan Bersama"}),
    (["--until", "2024-03"], set()),
    (["--source", "ANTARA", "--all"], {"Menhan RI dan Australia Sepakati Latihan Bersama"}),
    (["--source", "tempo"], set()),
])
def test_corpus_search_filters_by_date_and_outlet(db, args, titles):
    hits = jsonl(run("search", "latihan", "--db", db, "--jsonl", *args).stdout)
    assert {h["title"] for h in hits} == titles


def test_corpus_search_table_keeps_the_bracketed_match(db):
    result = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["search", "kebakaran", "--db", db])
    assert result.exit_code == 0
    assert "[kebakaran]" in result.stdout.lower()


def test_corpus_listing_date_falls_back_to_the_reference_date(tmp_path):
    from tests.test_web import diplomacy_article

    a = diplomacy_article()
    a.published = None
    a.reference_date = "2025-01-14"
    with Store.open(tmp_path / "r.db") as store:
        store.add(a)
    quotes = jsonl(run("quotes", "--db", tmp_path / "r.db", "--jsonl").stdout)
    assert quotes[0]["published"] == "2025-01-14"
    actors = jsonl(run("actors", "--db", tmp_path / "r.db", "--jsonl").stdout)
    assert actors[0]["first_seen"] == "2025-01-14"


def test_corpus_lists_sort(db):
    rows = jsonl(run("actors", "--db", db, "--jsonl", "--all", "--sort", "-name").stdout)
    names = [r["name"] for r in rows]
    assert names == sorted(names, reverse=True) and len(names) > 1
    assert run("actors", "--db", db, "--sort", "nope").exit_code == 2


def test_corpus_datasette_metadata_declares_search_and_facets(db):
    from pathlib import Path

    result = run("datasette-metadata", "--db", db)
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    tables = meta["databases"][Path(db).stem]["tables"]
    assert tables["articles"]["fts_table"] == "articles_fts" and tables["articles"]["fts_pk"] == "pk"
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert "type" in tables["events"]["facets"] and tables["lsh_bands"]["hidden"] is True
    with Store.open(db) as store:
        for name, settings in tables.items():
            assert set(settings.get("facets", [])) <= set(store.columns(name))


def test_eval_on_a_file_that_is_not_gold_is_an_error(tmp_path, placed):
    _, records = placed
    for bad in (records, tmp_path / "notes.jsonl"):
        if bad.name == "notes.jsonl":
            bad.write_text('{"entities": [{"text": "x"}]}\n', encoding="utf-8")
        result = CliRunner().invoke(main, ["eval", str(bad), str(records)])
        assert result.exit_code == 2 and result.output.startswith("Error: ") and "gold" in result.output
        assert "Traceback" not in result.output and "KeyError" not in result.output
