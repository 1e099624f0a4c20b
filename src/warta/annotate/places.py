"""Places: every toponym mention resolved to a country (ISO alpha-3), admin1,
coordinates, a GeoNames id where known, and a kind.

Mentions come from LOC/GPE/FAC entities and from a gazetteer scan of the text
(the entity model may miss names).  What a name names is world knowledge
(`warta.knowledge.gazetteer.resolve`); this component finds the mentions, keeps out
what is no place (organisations, seats of power after a role word: `juru bicara
Kremlin`), and gives unresolved names a country their context vouches for.  A name
nothing knows is kept with country null, never guessed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from warta import lexicons
from warta.knowledge import countries
# the gazetteer moved to warta.knowledge.gazetteer; re-exported for the files that import it from here
from warta.knowledge.gazetteer import (  # noqa: F401  (re-exports)
    NATURAL_KINDS, SCAN_MIN_POPULATION, SETTLEMENT_KINDS, Info, _alpha2_to_3, _best, _capital_city, _nearest_timezone,
    _resolve, _town_rows, _town_text, capital_timezones, country_infos, curated, curated_scan_names, geonames_cities,
    compass_part, inner_country, key, main_country, never_places, resolve, scan_regex, subdivisions, timezone_of, town)
from warta.limits import Cover
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Place

LOC_LABELS = {"LOC", "GPE", "FAC"}

@functools.cache
def prefix_regex() -> re.Pattern:
    data = lexicons.load("places")
    pre = "|".join(re.escape(p) for p in sorted(data["prefixes"], key=len, reverse=True))
    # foreign particles inside a name (`Bandar al Abbas`), never the Indonesian `di`, and only
    # before another capitalised word (`wilayah Belarus dekat` stops at Belarus)
    particles = "|".join(re.escape(w) for w in data["name_particles"])
    name = rf"[A-Z][\w'’\-]*(?:[ ](?:[A-Z][\w'’\-]*|(?:{particles})(?=[ ][A-Z])))*"
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in data["prefix_not_after"])
    return re.compile(rf"(?<![\w-]){not_after}(?P<prefix>{pre})[ ]+(?P<name>{name})")


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(lexicons.load("places").get("common_words") or [])


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
    chosen = _choose(text, entities)
    chosen = _drop_non_places(text, entities, chosen)
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
        place = _place(text, m, info, sentence_at)
        if place is not None:
            out.append(place)
    return _state_namesakes(_countries_from_context(text, out, dateline_place))


def _choose(text: str, entities) -> list[Mention]:
    """Entity and scanned mentions, overlaps resolved: a prefix mention replaces an entity inside
    it; a longer gazetteer name wins over an entity inside it; otherwise entities win overlaps."""
    mentions: list[Mention] = []
    for e in entities:
        if (e.label or "").upper() in LOC_LABELS and any(ch.isupper() for ch in e.text):
            mentions.append(_entity_mention(e))
    scanned = scan(text)
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
    return chosen


def _drop_non_places(text: str, entities, chosen: list[Mention]) -> list[Mention]:
    """Leave out a country named as a currency (`dolar AS`) and what `_not_a_place` rules out."""
    from warta.annotate.entities import is_currency_country
    chosen = [m for m in chosen if not (countries.by_name(m.name) and is_currency_country(text, m.start))]
    # (a mission abroad keeps its city a place: `KBRI Khartoum` stands in Khartoum)
    from warta.annotate.entities import rules as entity_rules
    missions = entity_rules()["missions"]
    orgs = [(e.start, e.end) for e in entities if (e.label or "").upper() not in LOC_LABELS
            and not any(e.text.startswith(w + " ") for w in missions)]
    return [m for m in chosen if not _not_a_place(text, m, orgs)]


def _place(text: str, m: Mention, info: Info | None, sentence_at) -> Place | None:
    """The record's place for mention `m` resolved to `info` (None: kept unresolved when an entity
    or a prefix vouches for it, else left out)."""
    if info is None:
        if m.prefix is None and not m.rule.startswith("entity"):
            return None
        return Place(text=text[m.start:m.end], start=m.start, end=m.end, name=m.name, country=None,
                     kind=None, sentence=sentence_at(m.start) if sentence_at else None,
                     rule=f"{m.rule}:unresolved")
    return Place(text=text[m.start:m.end], start=m.start, end=m.end,
                 name=info.name if info.source not in ("geonames", "pycountry", "geonames:towns") else m.name,
                 country=info.country, admin1=info.admin1,
                 lat=round(info.lat, 4) if info.lat is not None else None,
                 lon=round(info.lon, 4) if info.lon is not None else None,
                 geonames_id=info.geonames_id, kind=info.kind,
                 sentence=sentence_at(m.start) if sentence_at else None,
                 rule=f"{m.rule}>{info.source}")


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


def _not_a_place(text: str, m: "Mention", orgs: list[tuple[int, int]]) -> bool:
    """An organisation (`Uni Eropa`, `Interpol`), a name inside or right after an organisation's
    name (`Bank Indonesia`, `Bawaslu RI`), a seat of power acting (`Kremlin membantah`), or a
    span of common words the entity model took for a place (`Sentra Penegakan Hukum`)."""
    names, seats = never_places()
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
        elif ":unresolved" in p.rule and (_venue(p.text) or compass_part(p.text)) \
                and (inner := inner_country(p.text)) is not None:
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


def _venue(name: str) -> bool:
    """A venue's or a building's name: opening with a facility word (`Bandara`, `Kebun Raya`) or closing
    with one no person or town has (`Convention Center`) -- entity_rules.yaml lists both."""
    from warta.annotate.entities import _facility_head, rules as entity_rules
    words = name.split()
    return _facility_head(name) is not None or (len(words) >= 2 and words[-1].casefold() in entity_rules()["not_person"])


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
