"""The corpus job makes its rows without a database (`warta.jobs.rows`): they must be exactly what the store
gives back after `Store.write` (the rows `warta export-db` exports), value for value and type for type."""

from __future__ import annotations

import math
import sqlite3

import pytest

from tests import store_corpus
from warta.jobs import dataset as D
from warta.jobs import rows as R
from warta.jobs.tasks import _article_columns
from warta.store import Store

LINKS = ("duplicate_of", "similarity", "story_id")  # set by the job's link pass, not by these rows


def through_sqlite(value, declared: str):
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE t (v {declared})")
    conn.execute("INSERT INTO t VALUES (?)", (value,))
    return conn.execute("SELECT v FROM t").fetchone()[0]


@pytest.mark.parametrize("declared", ["TEXT", "INTEGER", "REAL"])
@pytest.mark.parametrize("value", [None, "", "kata", "12", "1.5", 0, -7, 2**40, 2**62, 2**53, -(2**53), 2**53 + 1,
                                   0.0, -0.0, 1.5, 3.0, 1e20, -2.5e-7, math.nan, math.inf, b"\x00\x01", True])
def test_stored_is_what_sqlite_gives_back_or_unsure(value, declared):
    try:
        got = R.stored(value, declared)
    except R.Unsure:
        return
    want = through_sqlite(value, declared)
    assert got == want and type(got) is type(want), (value, declared, got, want)


def records(folder) -> list[dict]:
    """Records of generated articles (a JSON Lines dump: URLs, dates, outlets) and of the examples."""
    import warta

    from tests.jobs_corpus import ROOT

    dump = store_corpus.write_jsonl(folder / "dump.jsonl", 40, seed=5)
    inputs = [str(dump)] + sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    out = [a.to_dict() for a in warta.extract(inputs, pipeline=warta.make_pipeline(today="2026-11-27"))]
    return out + [out[3]]  # an exact copy: kept once


def store_tables(recs: list[dict]) -> dict[str, list[dict]]:
    """What a fresh store gives back of `recs` (the job's rows before this module)."""
    with Store(":memory:") as mem:
        for rec in recs:
            mem.write({"status": "ok", "id": rec["id"], "source": rec["source"], "record": rec, "signature": None})
        names = {r["id"]: r["name"] for r in mem._query("SELECT id, name FROM sources")}
        cols = _article_columns()
        arts = list(mem._query(f"SELECT {', '.join(cols)} FROM articles WHERE status = 'ok' ORDER BY pk"))
        for a in arts:
            a["source_id"] = D.stable_id(names[a["source_id"]]) if a["source_id"] is not None else None
        out = {"articles": arts, "sources": [{"id": D.stable_id(r["name"]), "name": r["name"], "kind": r["kind"]}
                                             for r in mem._query("SELECT name, kind FROM sources")]}
        for layer in D.LAYER_TABLES:
            out[layer] = list(mem.rows(layer))
    return out


def rows_tables(recs: list[dict]) -> tuple[dict[str, list[dict]], R.Rows]:
    rows = R.Rows(_article_columns())
    outcomes = [rows.write({"status": "ok", "id": r["id"], "source": r["source"], "record": r}) for r in recs]
    assert outcomes.count("duplicate") == 1
    out = {"articles": rows.articles, "sources": [{"id": D.stable_id(n), "name": n, "kind": k}
                                                   for n, k in rows.sources.items()],
           **{t: rows.dicts(t) for t in D.LAYER_TABLES}}
    return out, rows


def comparable(table: str, rows: list[dict]) -> list[list]:
    drop = ("ingested_at",) + (LINKS if table == "articles" else ())
    return [[(k, type(v).__name__, v) for k, v in r.items() if k not in drop] for r in rows]


@pytest.fixture(scope="module")
def recs(tmp_path_factory):
    return records(tmp_path_factory.mktemp("rows"))


def test_rows_are_the_stores_rows(recs):
    want = store_tables(recs)
    got, rows = rows_tables(recs)
    assert rows.through_store == 0
    assert set(got) == set(want)
    for table in want:
        assert len(got[table]) == len(want[table]) > 0, table
        assert comparable(table, got[table]) == comparable(table, want[table]), table
        if table != "sources":
            assert D.to_arrow(table, got[table]).drop_columns(["ingested_at"] if table == "articles" else []).equals(
                D.to_arrow(table, want[table]).drop_columns(["ingested_at"] if table == "articles" else []))


def test_a_value_it_is_unsure_of_goes_through_a_real_store(recs):
    odd = [dict(r) for r in [recs[0]] + [r for r in recs[1:-1] if r["quantities"] and r["entities"]][:2]]
    odd[1]["entities"] = [dict(e, sentence=float(e.get("sentence") or 0) + 0.5) for e in odd[1]["entities"]]
    odd[1]["quantities"] = [dict(q, value=str(q.get("value"))) for q in odd[1]["quantities"]]
    assert odd[1]["entities"] and odd[1]["quantities"]
    want = store_tables(odd)
    got, rows = rows_tables(odd + [odd[0]])
    assert rows.through_store == 1
    for table in want:
        assert comparable(table, got[table]) == comparable(table, want[table]), table
