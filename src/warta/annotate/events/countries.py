"""Countries of mentions: the actor layer where it ran, else the gazetteer, institutions named inside a
mention, titles (`Presiden Rusia X`), earlier mentions of the same person, and the article's home."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.annotate.events.index import index
from warta.annotate.events.lexicon import HOME_DEFAULT, NON_PLACE_KINDS, TITLE_WORD, Participant, words
from warta.knowledge import cache, countries
from warta.lang.alternation import alternation
from warta.record import Article


def _names_cache(article: Article) -> dict[str, str]:
    return article.scratch.setdefault("events_name_country", {})


def _layer_country(article: Article, start: int, end: int) -> str | None:
    """The actor layer's country of the mention, else the gazetteer's for its text or place."""
    ix = index(article)
    for e in ix.entities_by_span.get((start, end), ()):
        if e.actor:
            actor = ix.actor(e.actor)
            if actor is not None and actor.country:
                return actor.country
    country = _containing_actor_country(article, start, end)
    if country:
        return country
    text = article.text[start:end]
    code = countries.by_name(text) or countries.by_capital(text)
    if code:
        return code
    for place in ix.places_by_span.get((start, end), ()):
        if place.country and place.kind not in NON_PLACE_KINDS:
            return place.country
    return None


def containing_actors(article: Article, start: int, end: int) -> list:
    """The actors (in the layer's order) with a mention that holds [start, end)."""
    ix = index(article)
    k = ix.sentence_of_span(start, end)
    if k is None:
        return [a for a in article.actors if any(m[0] <= start and end <= m[1] for m in a.mentions or ())]
    found = sorted({pos for pos, a, b in ix.mentions_in.get(k, ()) if a <= start and end <= b})
    return [article.actors[pos] for pos in found]


def _containing_actor_country(article: Article, start: int, end: int) -> str | None:
    return next((a.country for a in containing_actors(article, start, end) if a.country), None)


def mention_country(article: Article, start: int, end: int) -> str | None:
    """Country (ISO alpha-3) of the mention at [start, end).

    The actor layer decides where it ran (Entity.actor → Actor.country, or an
    actor whose mentions include the span); otherwise the country gazetteer
    and capitals on the mention text, then a title heuristic (`Presiden Rusia
    Vladimir Putin` → RUS for `Vladimir Putin`), then earlier mentions of the
    same name in the article (`Kim` after `Pemimpin Korea Utara Kim Jong Un`).
    """
    code = _layer_country(article, start, end)
    if code:
        return code
    text = article.text[start:end]
    cache = _names_cache(article)
    # title heuristic: a country name right before the mention, with only capitalised title words between
    ix = index(article)
    s = ix.sentence_at(start)
    lo = article.sentences[s].start if s is not None else max(0, start - 80)
    for e in ix.entities_in.get(s, ()) if s is not None else article.entities:
        if lo <= e.start and e.end <= start and start - e.end <= 30:
            c = countries.by_name(e.text) or countries.by_capital(e.text)
            if c and TITLE_WORD.match(article.text[e.end:start]):
                for w in text.split():
                    if w[:1].isupper():
                        cache.setdefault(w, c)
                return c
    words_ = [w for w in text.split() if w[:1].isupper()]
    if words_ and all(w in cache for w in words_[:1]):
        return cache[words_[0]]
    return None


@cache.table("events-institutions", sources=countries.data_files)  # user cache; rebuilt with the country data
def _institutions() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """(pattern of institution and country names, name → country, names of bodies without a country)."""
    names_: dict[str, str] = {}
    igo: set[str] = set()
    for inst in lexicons.load("institutions").get("institutions", []):
        names = [inst["name"], *(inst.get("aliases") or [])]
        if inst.get("country"):
            for n in names:
                names_.setdefault(n.casefold(), inst["country"])
        elif inst.get("sector") in ("IGO", "NGO"):
            igo.update(n.casefold() for n in names)
    for n, c in countries.surface_names().items():
        if len(n) >= 2:
            names_.setdefault(n.casefold(), c)
    # a trie (warta.lang.alternation): the same matches as the flat longest-first list, tried a character at a time
    rx = re.compile(r"(?<!\w)(?:" + alternation(names_, ignore_case=False) + r")(?!\w)")
    return rx, names_, frozenset(igo)


@functools.lru_cache(maxsize=16384)  # (the same names are asked about in sentence after sentence)
def inner_country(text: str) -> str | None:
    """Country of an institution or country named inside a mention: `Kepala BNPB Suharyanto` → IDN,
    `Penjaga Pantai China` → CHN."""
    rx, names, _igo = _institutions()
    m = rx.search(text.casefold())
    return names[m.group()] if m else None


@functools.cache
def _igo_pattern() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + alternation(_institutions()[2], ignore_case=False) + r")(?!\w)")


def is_international_body(article: Article, p: Participant) -> bool:
    """An intergovernmental or international body (`Uni Eropa`, `PBB`): a source without a country."""
    igo = _institutions()[2]
    if p.text.casefold() in igo:
        return True
    if not p.country and _igo_pattern().search(p.text.casefold()):
        return True  # `para menteri ekonomi ASEAN`
    actor = index(article).actor(p.actor) if p.actor else None
    return bool(actor and actor.country is None and (actor.sector in ("IGO", "NGO") or actor.name.casefold() in igo))


@functools.lru_cache(maxsize=16384)  # (the same mentions are asked about in sentence after sentence)
def names_body(text: str) -> bool:
    """Whether a mention names an international body before any country (`para pemimpin di G-20`, `Presiden
    FIFA Gianni Infantino`, `Badan PBB untuk Pengungsi Palestina`, not `Dubes Indonesia untuk PBB`): it stands
    for the body, which has no country."""
    low = text.casefold()
    body = _igo_pattern().search(low)
    if not body:
        return False
    named = _institutions()[0].search(low)
    return named is None or body.start() < named.start()


def is_armed_group(article: Article, p: Participant) -> bool:
    """A non-state armed group without a country (`ISIS`): a source without a country."""
    actor = index(article).actor(p.actor) if p.actor else None
    return bool(actor and actor.country is None and actor.sector == "REB")


def is_media(article: Article, p: Participant) -> bool:
    """A news outlet or agency (`seperti dilansir AFP`): a source of the report, not a party to it."""
    actor = index(article).actor(p.actor) if p.actor else None
    return bool(actor and actor.sector == "MED")


def _person_words(article: Article) -> dict[str, str]:
    """Name words of people whose country the article states somewhere (`Menlu Australia Penny Wong`)."""
    cache = article.scratch.get("events_person_words")
    if cache is not None:
        return cache
    found: dict[str, str] = {}
    bad: set[str] = set()
    for a in article.actors:
        if not a.country or a.type != "PER":
            continue
        texts = [a.name, *(a.aliases or ()), *(article.text[m[0]:m[1]] for m in a.mentions or ())]
        for t in texts:
            for w in re.findall(r"\w+", t):
                if len(w) < 3 or not w[:1].isupper() or countries.by_name(w):
                    continue
                if found.get(w, a.country) != a.country:
                    bad.add(w)
                found[w] = a.country
    for w in bad:
        found.pop(w, None)
    article.scratch["events_person_words"] = found
    return found


def person_country(article: Article, p: Participant) -> str | None:
    actor = index(article).actor(p.actor) if p.actor else None
    if actor is not None and actor.type != "PER":
        # an organisation named without a country in an article set at home (`Komisi Disiplin PSSI`,
        # `KKP`) is the home country's; bodies of other countries carry their country in the name
        home = home_country(article)
        if actor.type == "ORG" and home in HOME_DEFAULT and not is_international_body(article, p) \
                and actor.sector not in ("IGO", "NGO"):
            return home
        return None
    found = _person_words(article)
    got = {found[w] for w in re.findall(r"\w+", p.text) if w in found}
    if len(got) == 1:
        return got.pop()
    home = home_country(article)
    # Indonesian outlets name their own officials without a country (`Kepala BPBD Grobogan, Hendra`):
    # in an article set in Indonesia, such a person is Indonesian
    if actor is not None and home in HOME_DEFAULT:
        return home
    return None


def home_country(article: Article) -> str | None:
    """The country most of the article's places lie in (40% or more of them, the dateline counting
    twice), else None."""
    if "events_home" in article.scratch:
        return article.scratch["events_home"]
    from warta.knowledge.gazetteer import main_country

    places = [p for p in getattr(article, "places", None) or [] if p.kind not in NON_PLACE_KINDS]
    home = main_country(places, article.dateline_place, share=0.4)
    article.scratch["events_home"] = home
    return home


def home_grounded(article: Article, home: str | None) -> bool:
    """Whether the article happens in its home country: a dateline, a place there other than the
    country's own name, or that name three times (named once it may only be an actor: `Israel akan
    menyerang …`)."""
    if not home:
        return False
    if article.dateline_place:
        return True
    cache = article.scratch.setdefault("events_home_grounded", {})
    if home not in cache:
        at_home = [p for p in getattr(article, "places", None) or [] if p.country == home
                   and p.kind not in NON_PLACE_KINDS]
        cache[home] = len(at_home) >= 3 or any(not countries.by_name(p.text) for p in at_home)
    return cache[home]


@functools.cache
def _title_chain() -> re.Pattern:
    joiners = "|".join(map(re.escape, sorted(words("title_chain_words"))))
    return re.compile(r"(?:[ \t]+(?:[A-Z][\w.'-]*|" + joiners + r"))+")


def actor_country(article: Article, actor) -> str | None:
    """An actor's country, else one its name carries (`Kepala BNPB X`), else the person fallbacks."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    cache = article.scratch.setdefault("events_actor_country", {})
    if id(actor) not in cache:
        cache[id(actor)] = _actor_country(article, actor)
    return cache[id(actor)]


def _actor_country(article: Article, actor) -> str | None:
    for a, b in actor.mentions or ():
        # `Direktur Jenderal … Kementerian Luar Negeri Tri Tharyat`: the title chain the mention sits in
        chain = _title_chain().match(article.text, b)
        got = inner_country(article.text[a:chain.end() if chain else b])
        if got:
            return got
    for a, _b in actor.mentions or ():
        # `Juru bicara PCG Jay Tarriela`: a spokesperson speaks for the body named in the title
        title = re.split(r"[.,;:\n“”\"()]", article.text[max(0, a - 60):a])[-1]
        for other in article.actors:
            if other is actor or not other.country or other.type == "PER":
                continue
            names = [n for n in (other.name, *(other.aliases or ())) if len(n) >= 2]
            if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", title) for n in names):
                return other.country
    return inner_country(actor.name) or person_country(article, Participant(0, 0, actor.name, None, actor.id))
