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
from warta.knowledge.gazetteer import (Info, country_infos, geonames_cities, key, never_places, resolve, scan_regex,
                                       subdivisions, town)
from warta.annotate.places.context import _countries_from_context, _state_namesakes, admin1_namesakes
from warta.annotate.places.spans import Bounds, Spans
from warta.limits import Cover
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Place

LOC_LABELS = {"LOC", "GPE", "FAC"}

_NEXT_CAPITAL = re.compile(r"[ ]([A-Z][a-z]+)(?![\w-])")  # a capitalised word right after a name
_NEXT_WORD = re.compile(r"\s+(\w+)")
_OPENS_SENTENCE = re.compile(r"(^|[.!?\n]\s*|[\"“]\s*)$")  # what stands before a sentence's first word


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
    return start == 0 or bool(_OPENS_SENTENCE.search(before))


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
    from warta.lang.id.name_rules import rules as entity_rules

    m = _NEXT_CAPITAL.match(text[end:end + 30])
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
    from warta.lang.id.name_rules import rules as entity_rules
    return " " not in name and name.casefold() in entity_rules()["common"]


@functools.cache
def _institution_places() -> frozenset[str]:
    return frozenset(lexicons.load("places").get("institution_places") or [])


def _institution(text: str, start: int, name: str) -> bool:
    if name not in _institution_places():
        return False
    data = lexicons.load("places")
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
    town_countries = None
    for m in sorted(chosen, key=lambda m: m.start):
        if _institution(text, m.start, m.name):
            continue
        info = resolved[id(m)]
        if info is None and m.rule.startswith("entity"):
            if town_countries is None:  # counted once per article, when a town is first looked for
                town_countries = _town_countries(text, chosen, resolved, sentence_at)
            info = town(m.name, town_countries(m))
        place = _place(text, m, info, sentence_at)
        if place is not None:
            out.append(place)
    return admin1_namesakes(_state_namesakes(_countries_from_context(text, out, dateline_place)))


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
    inside = Spans(mentions)
    longer = Spans([m for m in plain if inside.any_within(m.start, m.end, m.end, shorter=True)])
    mentions = [x for x in mentions if not longer.covers(x.start, x.end)]
    inside = Spans(mentions)
    for i, group in enumerate((prefixed, mentions, sorted(plain, key=lambda m: m.start - m.end))):
        for m in group:
            # a prefix mention gives way to an entity or gazetteer mention that starts inside its
            # prefix (and is no longer than it)
            if i == 0 and inside.any_within(m.start, m.start + len(m.prefix or "") - 1, m.end):
                continue
            if free(m):
                chosen.append(m)
                taken.append((m.start, m.end))
    return chosen


def _drop_non_places(text: str, entities, chosen: list[Mention]) -> list[Mention]:
    """Leave out a country named as a currency (`dolar AS`) and what `_not_a_place` rules out."""
    from warta.lang.id.name_rules import is_currency_country
    chosen = [m for m in chosen if not (countries.by_name(m.name) and is_currency_country(text, m.start))]
    # (a mission abroad keeps its city a place: `KBRI Khartoum` stands in Khartoum)
    from warta.lang.id.name_rules import rules as entity_rules
    missions = entity_rules()["missions"]
    orgs = Spans([e for e in entities if (e.label or "").upper() not in LOC_LABELS
                   and not any(e.text.startswith(w + " ") for w in missions)])
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


def _town_countries(text: str, chosen: list[Mention], resolved: dict, sentence_at):
    """Where a small town named at a mention may lie: the country most of the article's places are
    in, and the countries of the places named in its own sentence.  Returns a function of the
    mention; the votes and each sentence's countries are counted once."""
    from collections import Counter

    def country(x: Mention) -> str | None:
        info = resolved.get(id(x))
        return info.country if info is not None and info.kind not in ("sea", "region", "continent", "strait") else None

    votes = Counter(c for x in chosen if (c := country(x)))
    top = {votes.most_common(1)[0][0]} if votes else set()
    if sentence_at is not None:
        by_sentence: dict = {}
        for x in chosen:
            if c := country(x):
                by_sentence.setdefault(sentence_at(x.start), set()).add(c)
        return lambda m: frozenset(top | by_sentence.get(sentence_at(m.start), set()))
    bounds = Bounds(text)
    located = Spans([x for x in chosen if country(x)])

    def where(m: Mention) -> frozenset[str]:
        a, b = bounds.before(m.start), bounds.after(m.end)
        return frozenset(top | {country(x) for x in located.starting(a + 1, b - 1)})

    return where


def _not_a_place(text: str, m: "Mention", orgs: "Spans") -> bool:
    """An organisation (`Uni Eropa`, `Interpol`), a name inside or right after an organisation's
    name (`Bank Indonesia`, `Bawaslu RI`), a seat of power acting (`Kremlin membantah`), or a
    span of common words the entity model took for a place (`Sentra Penegakan Hukum`)."""
    names, seats = never_places()
    if key(m.name) in names or key(text[m.start:m.end]) in names:
        return True
    if orgs.covers(m.start, m.end, strictly=True):
        return True
    # right after an organisation's name, or after its bracketed short name (`Bawaslu RI`, `(KPU) RI`)
    if (orgs.ends_at(m.start - 1) and text[m.start - 1:m.start] == " "
            or orgs.ends_at(m.start - 2) and text[m.start - 2:m.start] == ") ") and countries.by_name(m.name):
        return True
    if key(m.name) in seats:
        from warta.lang.id.name_rules import rules as entity_rules
        after = _NEXT_WORD.match(text[m.end:m.end + 30])
        before = text[max(0, m.start - 30):m.start].casefold()
        data = lexicons.load("places")
        if (after and after.group(1).casefold() in entity_rules()["verbs"]) or any(
                re.search(rf"\b{re.escape(c)}\s+$", before) for c in data.get("seat_cues") or []):
            return True
    if m.rule.startswith("entity") and resolve(m.name, m.prefix) is None and not m.prefix:
        from warta.lang.id.name_rules import rules as entity_rules
        r = entity_rules()
        words = m.name.split()
        data = lexicons.load("places")
        if m.name.startswith(tuple(data.get("indonesian_prefixes") or []) + tuple(data.get("local_prefixes") or [])):
            return False
        if words and words[0].casefold() not in r["heads"] and any(
                w.casefold() in r["common"] and w.casefold() not in r["heads"] for w in words):
            return True
    return False


@component("places", requires=["entities"], uses=["sentences"], assigns=["places"])
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
