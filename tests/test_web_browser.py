"""The web view in a real browser: Debian's chromium driven by pytest-playwright.

A store is built from the project's example articles (examples/*.txt) and generated
variants of the store test articles (tests/data/store_articles.yaml), served by uvicorn
on an ephemeral 127.0.0.1 port.  Every request that leaves the loopback is aborted and
reported, so a page that needs a CDN fails here.  Screenshots of each view go to
tests/screenshots/ (git-ignored); the README's pictures are copies of three of them.

Skipped with the reason when chromium (apt-get install chromium) or playwright is missing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests import store_corpus
from tests.conftest import ROOT

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytest.importorskip("pytest_playwright", reason="pytest-playwright is not installed (pip install '.[test]')")

CHROMIUM = os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "tests" / "screenshots"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver); browser tests skipped")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox", "--disable-gpu"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1360, "height": 900}, "accept_downloads": True}


@pytest.fixture(scope="module")
def site(tmp_path_factory, pipeline):
    """(base URL, the records stored) for a store of the example articles served on 127.0.0.1."""
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver); browser tests skipped")
    import warta
    from warta.store import Store
    from warta.web import make_app, make_server

    folder = tmp_path_factory.mktemp("browser")
    seeds = store_corpus.write_jsonl(folder / "seeds.jsonl", 16)
    inputs = sorted((ROOT / "examples").glob("*.txt")) + [seeds]
    records = list(warta.extract(inputs, pipeline=pipeline))
    db = folder / "examples.db"
    with Store.open(db) as store:
        for record in records:
            store.add(record)
    app = make_app(str(db))
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", records
    server.shutdown()
    server.server_close()
    thread.join(10)
    app.store.close()


@pytest.fixture
def web(page, site):
    """The page with every non-loopback request blocked; fails the test on a blocked request, a console
    error (a CSP violation is one), a page error or a dialog (an escaped <script> never opens one)."""
    base, _ = site
    problems: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if host in LOOPBACK or route.request.url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            problems.append(f"blocked request to {route.request.url}")
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.base = base
    yield page
    assert not problems, problems


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def open_page(page, path: str, status: int = 200):
    response = page.goto(page.base + path)
    assert response is not None and response.status == status, (path, response and response.status)
    return response


# -- every page ------------------------------------------------------------------------------------
def test_browser_every_page_opens_offline(web, site):
    _, records = site
    article = next(r for r in records if r.events)
    actor = next(a.name for r in records for a in r.actors if a.name)
    pages = {"home": "/", "search": "/?q=banjir", "articles": "/articles", "article": f"/article/{article.id}",
             "events": "/events", "groups": "/events/grouped", "quotes": "/quotes", "actors": "/actors",
             "actor": "/actor?name=" + actor, "map": "/map", "timeline": "/timeline", "network": "/network",
             "docs": "/api/docs"}
    for name, path in pages.items():
        open_page(web, path)
        assert web.locator("header.top").is_visible()
        if name in ("map", "timeline", "network"):
            web.wait_for_selector(f"#{name}[data-ready='1']", timeout=20000)
        shot(web, name)


# -- the charts --------------------------------------------------------------------------------------
def test_browser_map_has_points_and_countries(web):
    open_page(web, "/map")
    web.wait_for_selector("#map[data-ready='1']", timeout=20000)
    assert web.locator("#map path.land").count() > 200          # the world atlas, 50m
    points = web.locator("#map circle.point")
    assert points.count() > 0
    names = {points.nth(i).get_attribute("data-name") for i in range(points.count())}
    assert "Demak" in names
    web.get_by_role("button", name="Indonesia").click()
    web.wait_for_timeout(800)
    shot(web, "map")
    web.locator("#map").screenshot(path=str(SHOTS / "map-only.png"))
    web.locator("#map circle.point[data-name='Demak']").first.dispatch_event("click")
    web.wait_for_url(re.compile(r"/events\?.*near="))
    rows = web.locator("#rows tbody tr")
    assert rows.count() >= 1
    assert all("Demak" in rows.nth(i).inner_text() for i in range(rows.count()))


def test_browser_timeline_has_bars_and_brushing_sets_dates(web):
    open_page(web, "/timeline")
    web.wait_for_selector("#timeline[data-ready='1']", timeout=20000)
    bars = web.locator("#timeline rect.bar")
    assert bars.count() > 2
    shot(web, "timeline")
    box = web.locator("#timeline svg").bounding_box()
    web.mouse.move(box["x"] + box["width"] * 0.06, box["y"] + box["height"] * 0.5)
    web.mouse.down()
    web.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5, steps=8)
    web.mouse.up()
    web.wait_for_url(re.compile(r"/events\?.*since="))
    query = parse_qs(urlparse(web.url).query)
    assert query["since"][0] <= query["until"][0]


def test_browser_network_has_nodes_and_edges(web):
    open_page(web, "/network")
    web.wait_for_selector("#network[data-ready='1']", timeout=20000)
    assert web.locator("#network g.node").count() >= 2
    assert web.locator("#network path.edge").count() >= 1
    shot(web, "network")
    first = web.locator("#network g.node a").first
    name = first.text_content()
    first.click()
    web.wait_for_url(re.compile(r"/actor\?name="))
    assert web.locator("h1").inner_text().startswith(name)


# -- facets, downloads, the evidence link -------------------------------------------------------------
def _api_rows(page, path: str) -> list[dict]:
    response = page.request.get(page.base + path)
    assert response.status == 200
    return response.json()


def test_browser_facets_filter_and_csv_is_the_filtered_rows(web):
    open_page(web, "/events")
    total_before = int(web.locator(".summary .total").inner_text().replace(".", ""))
    facet = web.locator(".facet[data-facet='country'] li a").first
    value, count = facet.get_attribute("data-value"), int(facet.locator("xpath=..").locator(".count").inner_text())
    facet.click()
    web.wait_for_url(re.compile(r"country=" + value))
    total = int(web.locator(".summary .total").inner_text().replace(".", ""))
    assert total == count and 0 < total <= total_before
    assert web.locator(".facet[data-facet='country'] .active").inner_text().startswith(value)
    rows = web.locator("#rows tbody tr")
    assert rows.count() == min(total, 100)
    assert all(value in rows.nth(i).inner_text() for i in range(rows.count()))
    shot(web, "events")

    query = urlparse(web.url).query
    csv_href = web.locator("a.dl-csv").get_attribute("href")
    assert csv_href == "/export/events.csv?" + query
    with web.expect_download() as info:
        web.locator("a.dl-csv").click()
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    got = list(csv.DictReader(io.StringIO(text)))
    want = _api_rows(web, "/api/events?" + query + "&limit=1000")["events"]
    assert [(r["article_id"], int(r["idx"])) for r in got] == [(r["article_id"], r["idx"]) for r in want]
    assert len(got) == total
    assert all(value in (r["source_country"], r["target_country"]) for r in got)
    data = _api_rows(web, "/export/events.json?" + query)
    assert [(r["article_id"], r["idx"]) for r in data] == [(r["article_id"], r["idx"]) for r in want]


def test_browser_sorting_a_column(web):
    open_page(web, "/events?sort=date")
    dates = [t.strip() for t in web.locator("#rows tbody tr td:first-child").all_inner_texts()]
    assert dates == sorted(dates)
    web.locator("#rows thead th a", has_text="date").click()
    web.wait_for_url(re.compile(r"sort=-date"))
    dates = [t.strip() for t in web.locator("#rows tbody tr td:first-child").all_inner_texts()]
    assert dates == sorted(dates, reverse=True)


def test_browser_event_link_lands_on_its_highlighted_sentence(web, site):
    _, records = site
    open_page(web, "/events?sort=date")
    link = web.locator("a.evlink").last
    href = link.get_attribute("href")
    article_id, idx = re.match(r"/article/([^?]+)\?event=(\d+)#hit", href).groups()
    record = next(r for r in records if r.id == article_id)
    event = record.events[int(idx)]
    link.click()
    web.wait_for_url(re.compile(r"#hit$"))
    hit = web.locator(".text .hit")
    assert hit.count() >= 1
    assert re.sub(r"\s+", "", "".join(hit.all_inner_texts())) == re.sub(r"\s+", "", record.text[event.start:event.end])
    web.wait_for_timeout(300)
    box = web.locator("#hit").bounding_box()
    assert box is not None and 0 <= box["y"] <= web.viewport_size["height"]    # scrolled to it
    assert web.locator("li.current").count() == 1
    shot(web, "article-hit")


# -- safety in the browser --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver); browser tests skipped")
    from tests.test_web_safety import evil_store
    from warta.web import make_app, make_server

    db = evil_store(tmp_path_factory.mktemp("evil") / "evil.db")
    app = make_app(str(db))
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(10)
    app.store.close()


def test_browser_hostile_text_runs_nothing(web, evil_site):
    from tests.test_web_safety import EVIL_PAGES

    web.base = evil_site
    for path in EVIL_PAGES:
        open_page(web, path)
        assert web.evaluate("() => window.__pwned === undefined")
        assert web.locator("img").count() == 0          # no injected image anywhere
        hrefs = web.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not any(h.strip().lower().startswith("javascript:") for h in hrefs)
