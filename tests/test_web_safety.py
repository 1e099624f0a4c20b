"""Hostile text in the store renders inert on every page; bad, hostile or huge parameters are a 400.

The store holds an article whose title, author, outlet, URL, text, actors, quotes and
places carry `<script>`, `"><img onerror>` and `javascript:` payloads.  Every page must
show them as text: no tag, attribute or link made of them (the browser test runs the same
pages in chromium and checks that nothing runs).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from warta.record import Actor, Article, Entity, Event, Place, Quote, Sentence
from warta.store import Store
from warta.web import make_app

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'
JS = "javascript:window.__pwned=1"
NAME = f"Budi {SCRIPT}"
TEXT = (f"JAKARTA - {NAME} bertemu Menteri {IMG} di Jakarta pada Senin. "
        f"\"Kami menolak {SCRIPT} itu,\" kata Budi. Tautan {JS} beredar.")


def evil_article() -> Article:
    t = TEXT
    a1, a2 = t.index(NAME), t.index("Menteri " + IMG)
    q0 = t.index("Kami menolak")
    q1 = t.index(" itu,") + 4
    jakarta = t.index("Jakarta pada")
    sentence_end = t.index("Senin.") + 6
    return Article(
        text=t, title=f"Judul {SCRIPT} {IMG}", source=f"feed/{IMG}.txt", url=JS, outlet=f"Outlet {IMG}",
        authors=[IMG, SCRIPT], credits=[JS], published="2025-02-03",
        sentences=[Sentence(0, sentence_end, 0, "lead"), Sentence(sentence_end + 1, len(t), 0, "body")],
        entities=[Entity(NAME, a1, a1 + len(NAME), label="PER", actor="a1", rule=f"rule {SCRIPT}")],
        actors=[Actor("a1", NAME, "PER", "IDN", "GOV", [IMG], [SCRIPT], [[a1, a1 + len(NAME)]], rule="x"),
                Actor("a2", "Menteri " + IMG, "PER", "MYS", "GOV", [], [], [[a2, a2 + 8 + len(IMG)]], rule="x")],
        quotes=[Quote(t[q0:q1], q0, q1, direct=True, speaker="a1", speaker_text=NAME, cue=IMG, rule="q")],
        places=[Place("Jakarta", jakarta, jakarta + 7, name=f"Jakarta {IMG}", country="IDN", lat=-6.2, lon=106.8,
                      kind="city", rule="gazetteer")],
        events=[Event("e0", "CONSULT", cameo="040", quad_class=1, goldstein=1.0, source="a1", target="a2",
                      source_country="IDN", target_country="MYS", source_text=NAME, target_text=IMG,
                      date="2025-02-03", place=f"Jakarta {IMG}", evidence=t[:sentence_end], start=0,
                      end=sentence_end, trigger=f"bertemu {SCRIPT}", confidence=0.9, rule=f"rule {IMG}")])


def evil_store(path: Path) -> Path:
    with Store.open(path) as store:
        store.add(evil_article())
    return path


ARTICLE_ID = evil_article().id
EVIL_PAGES = ["/", "/?q=Budi", "/?q=" + "%22%3Cscript%3E%22", "/articles", f"/article/{ARTICLE_ID}",
              f"/article/{ARTICLE_ID}?event=0", "/events", "/events?actor=" + "%3Cscript%3E", "/events/grouped",
              "/quotes", "/quotes?q=menolak", "/actors", "/actor?name=" + NAME.replace(" ", "+")
              .replace("<", "%3C").replace(">", "%3E").replace("=", "%3D").replace("/", "%2F"),
              "/map", "/timeline", "/network", "/api/docs"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = make_app(str(evil_store(tmp_path_factory.mktemp("evil") / "evil.db")))
    yield TestClient(app)
    app.store.close()


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser would parse them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _tags_outside_json(page: str) -> str:
    """The page without its JSON data blocks (checked separately: there `<` is written \\u003c)."""
    return re.sub(r'<script type="application/json" id="[a-z-]+">.*?</script>', "", page, flags=re.S)


@pytest.mark.parametrize("path", EVIL_PAGES)
def test_web_hostile_text_is_inert(client, path):
    r = client.get(path)
    assert r.status_code == 200, (path, r.text[:300])
    page = _tags_outside_json(r.text)
    assert "<script>window" not in page and "<img" not in page.lower()
    for tag, attrs in Tags(r.text).tags:
        assert tag not in ("img", "iframe", "object", "embed", "base"), (tag, attrs)
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action", "formaction"):
            assert not attrs.get(key, "").strip().lower().startswith(("javascript:", "data:")), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") == "application/json" or re.fullmatch(r"/static/[\w/.-]+\.js", attrs.get("src", "")), attrs
    for block in re.findall(r'<script type="application/json" id="[a-z-]+">(.*?)</script>', r.text, re.S):
        assert "<" not in block and ">" not in block
        json.loads(block)


def test_web_hostile_text_still_reads_as_written(client):
    page = client.get(f"/article/{ARTICLE_ID}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "javascript:window.__pwned=1" in page          # shown as text …
    assert 'href="javascript' not in page                 # … never as a link


def test_web_hostile_csv_cells_do_not_run_as_formulas(tmp_path):
    with Store.open(tmp_path / "f.db") as store:
        a = evil_article()
        a.actors[0].name = "=HYPERLINK(\"http://x\")"
        a.events[0].source = "a1"
        store.add(a)
    app = make_app(str(tmp_path / "f.db"))
    try:
        text = TestClient(app).get("/export/events.csv").text
    finally:
        app.store.close()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


@pytest.mark.parametrize("path", [
    '/api/search?q="',
    "/api/search?q=NEAR(",
    "/api/search?q=AND",
    '/?q="unbalanced',
    '/quotes?q="',
    "/api/quotes?q=*",
    "/articles?q=OR+OR",
    "/api/articles?q=title:%22",
    "/api/events?actor=" + "x" * 5000,
    "/api/events?actor=" + "x" * 300,
    "/events?source=" + "y" * 300,
    "/api/search?q=" + "kata+" * 200,
    "/api/events?limit=" + "9" * 40,
    "/api/events?offset=-1",
    "/api/events?sort=evil",
    "/api/events?sort=date;DROP",
    "/api/events?type=" + "A" * 100,
    "/api/events?country=%00%00%00",
    "/api/events?actor=a%00b",
    "/timeline?period=year",
    "/network?nodes=100000",
    "/api/events?" + "&".join(f"p{i}=1" for i in range(50)),
    "/export/events.csv?since=kemarin",
    "/export/nothing.csv",
    "/article/x?event=99",
    "/actor",
])
def test_web_bad_parameters_are_4xx_never_500(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code, r.text[:300])
    if path.startswith(("/api/", "/export/")):
        data = r.json()
        assert set(data) == {"ok", "error", "status"} and data["ok"] is False and data["status"] == r.status_code


def test_web_like_wildcards_are_literal(tmp_path):
    from tests.test_web import diplomacy_article

    with Store.open(tmp_path / "w.db") as store:
        store.add(diplomacy_article())
    app = make_app(str(tmp_path / "w.db"))
    try:
        c = TestClient(app)
        assert c.get("/api/events?actor=%25").json()["count"] == 0      # % is not "anything"
        assert c.get("/api/events?actor=_").json()["count"] == 0
        assert c.get("/api/events?source=%25").json()["count"] == 0
        assert c.get("/api/events?actor=Sugi").json()["count"] == 1
        assert c.get("/api/quotes?actor=S_giono").json()["count"] == 0
    finally:
        app.store.close()
