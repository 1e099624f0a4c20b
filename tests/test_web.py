"""The read-only web view (`warta serve`): pages, highlighting, escaping, filters and the JSON error shape.

The app is an ASGI application, so most tests call it in-process through Starlette's
TestClient; one test runs the real uvicorn server on an ephemeral 127.0.0.1 port and
shuts it down.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import sqlite3
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from tests.conftest import ROOT
from warta.cli import main
from warta.errors import StoreError
from warta.record import Actor, Article, Date, Entity, Event, Quantity, Quote, Sentence
from warta.store import Store
from warta.web import App, make_app, make_server, open_store
from warta.web.highlight import render_text

# A hand-built record (no model needed), written in the style of a Kompas.com wire story.
TEXT = ("JAKARTA, KOMPAS.com - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang Takeshi Iwaya "
        "di Tokyo pada Selasa (14/1/2025).\n\n"
        "\"Kami sepakat memperkuat kerja sama maritim dan energi,\" kata Sugiono seusai pertemuan.\n\n"
        "Kedua negara juga meneken tiga nota kesepahaman senilai Rp 12 triliun.\n\n"
        "Seorang warganet menulis <script>alert('x')</script> & <b>tebal</b> di kolom komentar.")


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def diplomacy_article() -> Article:
    t = TEXT
    sentences, pos = [], 0
    for m in re.finditer(r"[^\n]+", t):
        sentences.append(Sentence(m.start(), m.end(), paragraph=len(sentences), kind="lead" if not pos else "body"))
        pos += 1
    s1, s2 = _span(t, "Sugiono"), _span(t, "Takeshi Iwaya")
    s3, s4 = _span(t, "Tokyo"), _span(t, "Sugiono", 1)
    q = _span(t, "Kami sepakat memperkuat kerja sama maritim dan energi,")
    d = _span(t, "Selasa (14/1/2025)")
    n = _span(t, "tiga nota kesepahaman")
    ev = _span(t, t.split("\n")[0])
    return Article(
        text=t, title="Menlu RI Temui Menlu Jepang <b>Bahas</b> Maritim", source="kompas/menlu-jepang.txt",
        outlet="KOMPAS.com", authors=["Dewi Lestari"], credits=["Antara"], published="2025-01-14",
        reference_date="2025-01-14", reference_basis="published", sentences=sentences,
        entities=[Entity("Sugiono", *s1, label="PER", actor="a1", sentence=0, rule="model:id_news"),
                  Entity("Takeshi Iwaya", *s2, label="PER", actor="a2", sentence=0, rule="model:id_news"),
                  Entity("Tokyo", *s3, label="LOC", sentence=0, rule="gazetteer:capital"),
                  Entity("Sugiono", *s4, label="PER", actor="a1", sentence=1, rule="model:id_news")],
        actors=[Actor("a1", "Sugiono", "PER", "IDN", "GOV", ["Menteri Luar Negeri"], [], [list(s1), list(s4)],
                      rule="actors:person"),
                Actor("a2", "Takeshi Iwaya", "PER", "JPN", "GOV", ["Menteri Luar Negeri"], [], [list(s2)],
                      rule="actors:person")],
        quotes=[Quote(t[q[0]:q[1]], *q, direct=True, speaker="a1", speaker_text="Sugiono", cue="kata", sentence=1,
                      rule="quote:direct+after:kata")],
        dates=[Date("Selasa (14/1/2025)", *d, value="2025-01-14", grain="day", sentence=0, rule="press")],
        quantities=[Quantity("tiga nota kesepahaman", *n, value=3, object="nota kesepahaman", sentence=2,
                             rule="object")],
        events=[Event("e0", "CONSULT", cameo="040", quad_class=1, goldstein=1.0, source="a1", target="a2",
                      source_country="IDN", target_country="JPN", source_text="Sugiono", target_text="Takeshi Iwaya",
                      date="2025-01-14", place="Tokyo", evidence=t[ev[0]:ev[1]], start=ev[0], end=ev[1],
                      trigger="bertemu", confidence=0.9, rule="root:temu|active")],
    )


FLOOD = ("SEMARANG, detikJateng - Banjir bandang menerjang tiga desa di Kabupaten Kendal pada Kamis (6/3/2025) "
         "malam. Badan Penanggulangan Bencana Daerah (BPBD) mencatat 250 rumah terendam.")


def flood_article() -> Article:
    b = _span(FLOOD, "Badan Penanggulangan Bencana Daerah")
    return Article(text=FLOOD, title="Banjir Bandang Terjang Kendal", source="detik/banjir-kendal.txt",
                   outlet="detikJateng", published="2025-03-07",
                   sentences=[Sentence(0, FLOOD.index("BPBD") - 43, 0, "lead")],
                   entities=[Entity("Badan Penanggulangan Bencana Daerah", *b, label="ORG", actor="a1", rule="model")],
                   actors=[Actor("a1", "BPBD Kendal", "ORG", "IDN", "GOV", rule="actors:org")],
                   events=[Event("e0", "ACCUSE", cameo="112", source="a1", source_country="IDN",
                                 source_text="BPBD", date="2025-03-06", evidence=FLOOD, start=0, end=len(FLOOD),
                                 rule="test:rule")])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("web") / "w.db"
    with Store.open(path) as store:
        store.add(diplomacy_article())
        store.add(flood_article())
    return str(path)


@pytest.fixture(scope="module")
def app(db):
    application = make_app(db)
    yield application
    application.store.close()


def call(app, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    client = TestClient(app, raise_server_exceptions=True)
    r = client.request(method, path, follow_redirects=False)
    return r.status_code, {k.title(): v for k, v in r.headers.items()}, r.text


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities unescaped, spacing collapsed)."""
    page = re.sub(r"</?(?:div|p|td|th|tr|li|h1|h2|b|section|header|main|table)\b[^>]*>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


# -- pages ----------------------------------------------------------------------------
def test_web_home_shows_counts_search_box_and_recent_articles(app):
    status, headers, page = call(app, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = visible(page)
    assert "2 articles" in text and "2 events" in text and "1 quotes" in text and "3 actors" in text
    assert 'name="q"' in page
    assert "Banjir Bandang Terjang Kendal" in text and "Menlu RI Temui Menlu Jepang <b>Bahas</b> Maritim" in text


@pytest.mark.parametrize("query, title, kind", [
    ("Iwaya", "Menlu RI Temui Menlu Jepang", "article"),
    ("maritim energi", "Menlu RI Temui Menlu Jepang", "quote"),
    ("banjir bandang", "Banjir Bandang Terjang Kendal", "article"),
])
def test_web_search_lists_hits_with_marked_snippets(app, query, title, kind):
    status, _, page = call(app, "/?q=" + query.replace(" ", "+"))
    assert status == 200
    hits = page.split('<ol class="hits">', 1)[1].split("</ol>", 1)[0]
    assert title in html.unescape(hits) and f'class="flag">{kind}<' in hits and "<mark>" in hits
    status, _, body = call(app, "/api/search?q=" + query.replace(" ", "+"))
    data = json.loads(body)
    assert status == 200 and data["ok"] and any(h["title"].startswith(title) for h in data["hits"])


def test_web_search_with_no_hits_says_so(app):
    status, _, page = call(app, "/?q=gempabumi")
    assert status == 200 and "Nothing found." in page


def test_web_article_page_marks_spans_and_lists_layers(app):
    article = diplomacy_article()
    status, _, page = call(app, f"/article/{article.id}")
    assert status == 200
    assert "<h1>Menlu RI Temui Menlu Jepang &lt;b&gt;Bahas&lt;/b&gt; Maritim</h1>" in page
    text = visible(page)
    assert "By Dewi Lestari" in text and "Credits Antara" in text and "Published 2025-01-14" in text
    assert "Reference date 2025-01-14 (published)" in text
    # entities coloured by label, with the actor in the hover title
    assert re.search(r'<span class="ent ent-PER" id="ent1" title="PER: Takeshi Iwaya → actor a2 Takeshi Iwaya '
                     r'\(JPN\)[^"]*">Takeshi Iwaya</span>', page)
    assert re.search(r'<span class="ent ent-LOC"[^>]*>Tokyo</span>', page)
    # the quote is underlined and names its speaker on hover; the entity inside it keeps both
    assert re.search(r'<span class="q q-direct" id="q0" title="direct quote · speaker: Sugiono · cue: kata[^"]*">'
                     r'Kami sepakat', page)
    assert 'class="date" id="d0" title="date: 2025-01-14 (day)' in page
    assert re.search(r'<span class="qty" id="n0" title="quantity: 3 nota kesepahaman[^"]*">tiga nota kesepahaman',
                     page)
    # event line, evidence sentence (trigger marked) and rule
    assert "IDN Sugiono —CONSULT/040→ JPN Takeshi Iwaya · 2025-01-14 · Tokyo" in text
    assert "<mark>bertemu</mark>" in page and "root:temu|active" in page
    assert 'href="?event=0#hit"' in page and 'id="s0"' in page
    # the layer tables
    for cell in ("Menteri Luar Negeri", "GOV", "nota kesepahaman", "2025-01-14", "quote:direct+after:kata"):
        assert cell in text


def test_web_article_text_is_escaped(app):
    _, _, page = call(app, f"/article/{diplomacy_article().id}")
    assert "<script>" not in page and "<b>tebal</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in page \
        or "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in page
    # the marked-up text still reads exactly as the article text
    body = page.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == TEXT


def test_web_pages_forbid_scripts(app):
    _, headers, _ = call(app, "/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("query, expected", [
    ("", {"CONSULT", "ACCUSE"}),
    ("type=consult", {"CONSULT"}),
    ("country=JPN", {"CONSULT"}),
    ("country=idn", {"CONSULT", "ACCUSE"}),
    ("actor=Iwaya", {"CONSULT"}),
    ("actor=BPBD", {"ACCUSE"}),
    ("since=2025-03-01", {"ACCUSE"}),
    ("until=2025-01", {"CONSULT"}),
    ("since=2025-01-01&until=2025-01-31&type=CONSULT", {"CONSULT"}),
    ("type=FIGHT", set()),
    ("type=&country=&actor=", {"CONSULT", "ACCUSE"}),   # the empty fields an HTML form sends
])
def test_web_event_filters(app, query, expected):
    status, _, body = call(app, "/api/events?" + query)
    data = json.loads(body)
    assert status == 200 and data["ok"] is True
    assert {e["type"] for e in data["events"]} == expected and data["count"] == len(expected)
    status, _, page = call(app, "/events?" + query)
    assert status == 200
    rows = page.split("<tbody>", 1)[1] if "<tbody>" in page else ""
    for kind in ("CONSULT", "ACCUSE"):
        assert (f'data-type="{kind}"' in rows) == (kind in expected)


def test_web_events_page_links_to_articles(app):
    _, _, page = call(app, "/events?type=CONSULT")
    assert f'href="/article/{diplomacy_article().id}"' in page
    text = visible(page)
    assert "CONSULT 040 IDN Sugiono JPN Takeshi Iwaya Tokyo" in text
    assert f'href="/article/{diplomacy_article().id}?event=0#hit"' in page


def test_web_event_groups_page_and_api(app):
    status, _, page = call(app, "/events/grouped")
    assert status == 200 and "Menlu RI Temui Menlu Jepang" in html.unescape(page)
    status, _, body = call(app, "/api/events/grouped?country=JPN")
    data = json.loads(body)
    assert status == 200 and data["count"] == 1
    group = data["groups"][0]
    assert group["type"] == "CONSULT" and group["num_articles"] == 1 and group["num_sources"] == 1
    assert group["article_ids"] == [diplomacy_article().id]


def test_web_api_article_returns_the_record(app):
    article = diplomacy_article()
    status, headers, body = call(app, f"/api/articles/{article.id}")
    data = json.loads(body)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert data["ok"] is True and data["article"]["title"] == article.title
    assert data["article"]["events"][0]["place"] == "Tokyo" and data["article"]["text"] == TEXT


@pytest.mark.parametrize("path, method, status", [
    ("/api/articles/0000000000000000", "GET", 404),
    ("/api/articles/%3Cscript%3E", "GET", 404),
    ("/api/nothing-here", "GET", 404),
    ("/api/events?country=XX", "GET", 400),
    ("/api/events?since=2025-13-01", "GET", 400),
    ("/api/events?until=2025-02-30", "GET", 400),
    ("/api/events?type=CONSULT;DROP", "GET", 400),
    ("/api/events?limit=0", "GET", 400),
    ("/api/events?limit=many", "GET", 400),
    ("/api/events?cuntry=IDN", "GET", 400),
    ("/api/events/grouped?min_articles=0", "GET", 400),
    ("/api/search", "GET", 400),
    ("/api/events", "POST", 405),
])
def test_web_api_errors_share_one_shape(app, path, method, status):
    got, headers, body = call(app, path, method)
    data = json.loads(body)
    assert got == status and headers["Content-Type"].startswith("application/json")
    assert set(data) == {"ok", "error", "status"}
    assert data["ok"] is False and data["status"] == status and isinstance(data["error"], str) and data["error"]


@pytest.mark.parametrize("path, status", [
    ("/article/0000000000000000", 404),
    ("/no/such/page", 404),
    ("/events?since=kemarin", 400),
    ("/events/grouped?country=Indonesia", 400),
])
def test_web_html_errors_are_pages(app, path, status):
    got, headers, page = call(app, path)
    assert got == status and headers["Content-Type"].startswith("text/html")
    assert 'class="error"' in page


def test_web_unknown_article_id_is_escaped_in_the_error(app):
    _, _, page = call(app, "/article/%3Cimg%20src=x%3E")
    assert "<img" not in page and "&lt;img src=x&gt;" in page


# -- read-only, opening errors, the CLI ---------------------------------------------------
def test_web_never_writes_the_store(db, app):
    before = hashlib.sha256(Path(db).read_bytes()).hexdigest()
    for path in ("/", "/?q=banjir", f"/article/{diplomacy_article().id}", "/events", "/events/grouped",
                 "/api/events?country=IDN", "/api/search?q=Tokyo"):
        assert call(app, path)[0] == 200
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        app.store.conn.execute("DELETE FROM events")
    assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == before


def test_web_open_store_refuses_what_is_not_a_warta_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(tmp_path / "empty.db")
    (tmp_path / "notes.db").write_text("catatan rapat redaksi\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(tmp_path / "notes.db")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE pelanggan (nama TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a warta store"):
        open_store(other)
    assert other.read_bytes() == before
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("name", ["missing.db", "notes.db"])
def test_web_serve_command_prints_error_for_a_bad_db(tmp_path, name):
    (tmp_path / "notes.db").write_text("bukan basis data", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / name), "--port", "0"])
    assert result.exit_code != 0
    assert result.output.startswith("Error: ") and name in result.output
    assert "Traceback" not in result.output


def test_web_real_server_on_an_ephemeral_port(app):
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with urllib.request.urlopen(base + "/events?country=JPN", timeout=10) as r:
            assert r.status == 200 and "CONSULT" in r.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + "/api/articles/ffff", timeout=10)
        assert info.value.code == 404 and json.loads(info.value.read())["status"] == 404
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- highlighting ---------------------------------------------------------------------------
def test_web_highlight_skips_spans_outside_the_text():
    article = diplomacy_article()
    article.entities.append(Entity("hantu", len(article.text) - 2, len(article.text) + 40, label="PER"))
    article.dates.append(Date("kosong", 5, 5, value="2025-01-01"))
    out, skipped = render_text(article)
    assert skipped == 2
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == article.text


# -- the example articles, through the real pipeline -------------------------------------------
@pytest.fixture(scope="module")
def examples_app(tmp_path_factory, pipeline):
    import warta

    path = tmp_path_factory.mktemp("web-examples") / "examples.db"
    records = list(warta.extract(sorted((ROOT / "examples").glob("*.txt")), pipeline=pipeline))
    assert records
    with Store.open(path) as store:
        for record in records:
            store.add(record)
    application = App(open_store(path))
    yield application, records
    application.store.close()


def test_web_example_articles_render(examples_app):
    app, records = examples_app
    for record in records:
        status, _, page = call(app, f"/article/{record.id}")
        assert status == 200
        assert f"<h1>{html.escape(record.title)}</h1>" in page
        assert page.count('class="ent ent-') >= min(3, len(record.entities))
        body = page.split('<div class="text">', 1)[1].split("</div>", 1)[0]
        assert html.unescape(re.sub(r"<[^>]+>", "", body)) == record.text
        for event in record.events:
            assert f"—{event.type}/" in page


# -- opening read-only ------------------------------------------------------------------------------
def test_web_opening_never_changes_the_journal_mode(tmp_path):
    path = tmp_path / "rollback.db"
    with Store.open(path) as store:
        store.add(flood_article())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = path.read_bytes()
    app = make_app(str(path))
    try:
        client = TestClient(app)
        assert client.get("/events").status_code == 200 and client.get("/api/counts").status_code == 200
        assert app.store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        app.store.close()
    assert path.read_bytes() == before
    assert not (tmp_path / "rollback.db-wal").exists()


def test_web_read_only_file_is_opened_immutable(tmp_path, monkeypatch):
    import warta.store.core as core

    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        store.add(flood_article())
    seen = []
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        seen.append(database)
        return real(database, *args, **kwargs)

    monkeypatch.setattr(core.os, "access", lambda p, mode: False)     # as if the file and folder were read-only
    monkeypatch.setattr(core.sqlite3, "connect", connect)
    store = open_store(path)
    try:
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    finally:
        store.close()
    assert seen and "mode=ro" in seen[0] and "immutable=1" in seen[0]


# -- the analyst's views (in-process; tests/test_web_browser.py runs them in chromium) ------------------
def test_web_event_facets_count_the_filtered_rows(app):
    data = json.loads(call(app, "/api/events")[2])
    facets = {f["param"]: {v["value"]: v["count"] for v in f["values"]} for f in data["facets"]}
    assert facets["type"] == {"CONSULT": 1, "ACCUSE": 1}
    assert facets["country"] == {"IDN": 2, "JPN": 1}
    assert facets["month"] == {"2025-01": 1, "2025-03": 1}
    assert facets["source"] == {"KOMPAS.com": 1, "detikJateng": 1}
    data = json.loads(call(app, "/api/events?country=JPN")[2])
    assert {v["value"] for f in data["facets"] if f["param"] == "type" for v in f["values"]} == {"CONSULT"}
    page = call(app, "/events?since=2025-03&until=2025-03")[2]
    assert 'data-facet="month"' in page and "2025-03 <a" in page          # the month facet shows as active


@pytest.mark.parametrize("kind, api", [("events", "/api/events"), ("quotes", "/api/quotes"),
                                       ("actors", "/api/actors"), ("articles", "/api/articles"),
                                       ("groups", "/api/events/grouped")])
@pytest.mark.parametrize("query", ["", "country=IDN", "since=2025-03", "sort=-date"])
def test_web_downloads_hold_exactly_the_filtered_rows(app, kind, api, query):
    if kind == "groups" and query == "sort=-date":
        query = "sort=-articles"
    if kind == "actors" and query == "sort=-date":
        query = "sort=name"
    if kind == "articles" and query == "country=IDN":
        query = "source=detik"
    status, _, body = call(app, f"{api}?{query}&limit=1000")
    assert status == 200, body
    rows = json.loads(body)[{"groups": "groups"}.get(kind, kind)]
    status, headers, text = call(app, f"/export/{kind}.csv?{query}")
    assert status == 200 and headers["Content-Disposition"].startswith("attachment")
    got = list(csv.DictReader(io.StringIO(text)))
    assert len(got) == len(rows) == json.loads(body)["total"]
    status, _, text = call(app, f"/export/{kind}.json?{query}")
    assert json.loads(text) == [{k: v for k, v in r.items()} for r in json.loads(text)] and len(json.loads(text)) == len(rows)
    key = {"events": "evidence", "quotes": "text", "actors": "name", "articles": "id", "groups": "type"}[kind]
    assert [r[key] for r in got] == [str(r[key]) for r in rows]


def test_web_sorting_by_a_column(app):
    asc = [e["date"] for e in json.loads(call(app, "/api/events?sort=date")[2])["events"]]
    desc = [e["date"] for e in json.loads(call(app, "/api/events?sort=-date")[2])["events"]]
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True) and asc != desc
    page = call(app, "/events?sort=type")[2]
    assert 'aria-sort="ascending"' in page and "sort=-type" in page


def test_web_actor_page(app):
    status, _, page = call(app, "/actor?name=Sugiono")
    assert status == 200
    text = visible(page)
    assert "Sugiono IDN" in text and "Events as source (1)" in text and "Quotes (1)" in text
    assert "Takeshi Iwaya" in text                          # appears with
    data = json.loads(call(app, "/api/actor?name=Takeshi+Iwaya")[2])["actor"]
    assert data["country"] == "JPN" and len(data["events_as_target"]) == 1 and data["co_occurring"]
    assert call(app, "/actor?name=Nobody")[0] == 404


def test_web_quotes_page_searches(app):
    data = json.loads(call(app, "/api/quotes?q=maritim")[2])
    assert data["count"] == 1 and data["quotes"][0]["speaker_name"] == "Sugiono"
    assert json.loads(call(app, "/api/quotes?q=banjir")[2])["count"] == 0
    page = call(app, "/quotes?actor=Sugiono")[2]
    assert "Kami sepakat memperkuat" in page


def test_web_chart_data(app):
    timeline = json.loads(call(app, "/api/timeline?period=month")[2])
    assert [b["period"] for b in timeline["bins"]] == ["2025-01", "2025-02", "2025-03"]   # empty months kept
    assert timeline["bins"][0]["counts"] == {"CONSULT": 1}
    week = json.loads(call(app, "/api/timeline?period=week")[2])
    assert week["bins"][0]["period"] == "2025-01-13"                   # the Monday of the week
    network = json.loads(call(app, "/api/network")[2])
    assert network["edges"] == [{"source": "Sugiono", "target": "Takeshi Iwaya", "count": 1, "goldstein": 1.0}]
    page = call(app, "/map")[2]
    assert '<script type="application/json" id="map-data">' in page and "d3.min.js" in page


def test_web_event_link_highlights_its_evidence(app):
    article = diplomacy_article()
    status, _, page = call(app, f"/article/{article.id}?event=0")
    assert status == 200
    assert 'id="hit"' in page and 'class="hitnote"' in page
    hit = "".join(re.findall(r'<span class="[^"]*\bhit\b[^"]*"[^>]*>([^<]*)</span>', page))
    assert html.unescape(hit) == article.events[0].evidence
    assert call(app, f"/article/{article.id}?event=7")[0] == 404


def test_web_openapi_documents_every_api_route(app):
    spec = json.loads(call(app, "/api/openapi.json")[2])
    assert spec["openapi"].startswith("3.")
    for path in ("/api/events", "/api/quotes", "/api/actors", "/api/actor", "/api/map", "/api/timeline",
                 "/api/network", "/api/search", "/api/articles/{article_id}"):
        assert path in spec["paths"]
    page = call(app, "/api/docs")[2]
    assert "GET /api/events" in html.unescape(page) and "cdn" not in page.lower()


def test_web_static_assets_are_in_the_package(app):
    for path in ("/static/style.css", "/static/warta.js", "/static/vendor/d3/d3.min.js",
                 "/static/vendor/topojson-client/topojson-client.min.js",
                 "/static/vendor/world-atlas/countries-50m.json", "/static/vendor/d3/LICENSE"):
        assert call(app, path)[0] == 200, path
    assert call(app, "/static/../app.py")[0] == 404


def test_web_map_merges_names_of_one_spot_and_near_lists_its_events(tmp_path):
    from warta.record import Place

    articles = []
    for name, title in (("Jakarta", "Menlu Bertemu di Jakarta"), ("DKI Jakarta", "Rapat di DKI Jakarta"),
                        ("DKI Jakarta", "Pertemuan Lagi di DKI Jakarta")):
        d = diplomacy_article().to_dict()
        d.pop("id")
        d.update(title=title, text=d["text"] + f" {title}.")
        a = Article.from_dict(d)
        a.events[0].place = name
        a.places = [Place(name, 0, 7, name=name, country="IDN", lat=-6.2088, lon=106.8456, kind="city", rule="t")]
        articles.append(a)
    with Store.open(tmp_path / "m.db") as store:
        for a in articles:
            store.add(a)
    app = make_app(str(tmp_path / "m.db"))
    try:
        data = json.loads(call(app, "/api/map?all=1")[2])   # the three texts are near-duplicates
        assert len(data["events"]) == 1
        point = data["events"][0]
        assert point["name"] == "DKI Jakarta" and point["names"] == ["DKI Jakarta", "Jakarta"] and point["count"] == 3
        events = json.loads(call(app, "/api/events?all=1&near=" + point["near"])[2])
        assert events["total"] == 3
        assert json.loads(call(app, "/api/events?near=1.0,2.0")[2])["total"] == 0
        assert call(app, "/api/events?near=north")[0] == 400 and call(app, "/api/events?near=91,0")[0] == 400
    finally:
        app.store.close()
