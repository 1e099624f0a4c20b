"""Grouping: entity mentions and title/group phrases into actors with ids, roles, country and sector."""

from __future__ import annotations

import bisect
import functools
import re

from warta.knowledge import countries
from warta.knowledge.actor_tables import Institution, institution_table, known_people
from warta.lang.id.phrase_table import name_key, tokenize, toks
from warta.lang.id.titles import ACTOR_PHRASES, ActorPhrase, group_heads, group_quantifiers
from warta.record import Actor, Article, Entity
from warta.annotate.actors.complete import Finder
from warta.annotate.actors.finder import Phrase

QUANTIFIER_BEFORE = re.compile(r"(?<!\w)(\w+)[ \t]+$")
ACTOR_LABELS = ("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "GPE", "FAC")


@functools.lru_cache(maxsize=8192)
def whole_institution(text: str) -> Institution | None:
    """The institution of institutions.yaml that the whole of `text` names (the same for every mention of a
    name, so looked up once per name)."""
    inst = institution_table().match(tokenize(text), 0)
    return inst[1] if inst and inst[0] == len(toks(text)) else None  # type: ignore[return-value]


class Grouper:
    def __init__(self, article: Article, finder: Finder):
        self.article = article
        self.finder = finder
        self.actors: dict[tuple, Actor] = {}
        self.first: dict[tuple, int] = {}
        self.info = {(f.start, f.end): f for f in finder.found}
        self.fulls: list[tuple[int, str]] = []  # (offset, full PER name)
        self._edges: tuple[list | None, dict] = (None, {})  # the fulls indexed by fulls_by_edge, and the index

    def actor_for(self, key: tuple, name: str, type_: str, offset: int) -> Actor:
        actor = self.actors.get(key)
        if actor is None:
            actor = Actor(id="", name=name, type=type_)
            self.actors[key] = actor
            self.first[key] = offset
        self.first[key] = min(self.first[key], offset)
        return actor

    def person_key(self, e: Entity) -> tuple:
        parts = e.text.split()
        if len(parts) >= 2:
            known = known_people().get(name_key(e.text))  # `Bongbong Marcos` = `Ferdinand Marcos Jr.`
            return ("per", name_key(known[0] if known else e.text))
        # a single name: the nearest earlier full name that starts or ends with it, else a later one
        fulls = self.fulls_by_edge().get(parts[0], [])
        i = bisect.bisect_right(fulls, e.start, key=lambda f: f[0])  # fulls[:i] begin at or before the name
        if i:
            return ("per", name_key(fulls[i - 1][1]))
        if i < len(fulls):
            return ("per", name_key(fulls[i][1]))
        known = known_people().get(name_key(e.text))
        return ("per", name_key(known[0] if known else e.text))

    def fulls_by_edge(self) -> dict[str, list[tuple[int, str]]]:
        """The full names (`self.fulls`, in their order) by their first and by their last word."""
        if self._edges[0] is not self.fulls:
            edges: dict[str, list[tuple[int, str]]] = {}
            for o, n in self.fulls:
                words = n.split()
                for w in dict.fromkeys((words[0], words[-1])):
                    edges.setdefault(w, []).append((o, n))
            self._edges = (self.fulls, edges)
        return self._edges[1]

    def key_of(self, e: Entity) -> tuple[tuple, str, str, str | None, str | None, str]:
        """(key, name, type, country, sector, rule) for an entity."""
        f = self.info.get((e.start, e.end))
        if f is not None and f.key is not None:
            name = f.canonical or e.text
            typ = "LOC" if f.key[0] == "country" or f.label == "LOC" else "ORG"
            if f.key[0] == "country":
                c = countries.get(f.key[1])
                name = c.name if c else e.text
            return f.key, name, typ, f.country, f.sector, f.rule
        label = e.label.upper()
        if label in ("PER", "PERSON"):
            return self.person_key(e), e.text, "PER", None, None, "actors:person"
        i = whole_institution(e.text)
        if i is not None:
            return ("inst", i.name), i.name, "ORG", i.country, i.sector, "actors:institution"
        code = countries.by_name(e.text)
        if code:
            c = countries.get(code)
            return ("country", code), c.name if c else e.text, "LOC", code, "GOV", "actors:country"
        cap = countries.by_capital(e.text)
        if cap:
            return ("capital", name_key(e.text)), e.text, "LOC", cap, "GOV", "actors:capital"
        if e.text in self.finder.aliases:
            key, label_, country, sector, long_form = self.finder.aliases[e.text]
            return key, long_form, "ORG" if label_ == "ORG" else "LOC", country, sector, "actors:acronym"
        if label == "ORG":
            country, sector = self.finder.describe_org(e.start, e.end)
            return ("org", name_key(e.text)), e.text, "ORG", country, sector, "actors:org"
        return ("loc", name_key(e.text)), e.text, "LOC", None, None, "actors:place"

    def known_countries(self) -> None:
        """A person with no stated country takes the one the lexicon of public figures gives."""
        for a in self.actors.values():
            if a.type == "PER" and a.country is None:
                known = next((known_people()[k] for k in map(name_key, [a.name, *a.aliases]) if k in known_people()),
                             None)
                if known:
                    a.country, a.rule = known[1], (a.rule or "entity") + "+people"

    def add_entity(self, e: Entity) -> None:
        key, name, typ, country, sector, rule = self.key_of(e)
        actor = self.actor_for(key, name, typ, e.start)
        actor.rule = actor.rule or rule
        if typ == "PER" and len(name.split()) > len(actor.name.split()):
            actor.name = name
        if typ == "ORG" and len(name) > len(actor.name) and key[0] not in ("inst",):
            actor.name = name
        actor.country = actor.country or country
        actor.sector = actor.sector or sector
        f = self.info.get((e.start, e.end))
        if f is not None:
            actor.country = actor.country or f.country
            actor.sector = actor.sector or f.sector
            for r in f.roles:
                if r not in actor.roles:
                    actor.roles.append(r)
        if e.text not in actor.aliases:
            actor.aliases.append(e.text)
        actor.mentions.append([e.start, e.end])
        e.actor_key = key  # type: ignore[attr-defined]

    def phrase_key(self, p: Phrase) -> tuple:
        """`Presiden Rusia` alone: the person the article named with that role; `diplomat Rusia` names no one
        person: a group actor, like `pejabat AS` (the phrase becomes a group phrase)."""
        for k, a in self.actors.items():
            if k[0] == "per" and a.country == p.country and p.roles[0] in a.roles:
                return k
        head = p.roles[0].casefold()
        if len(p.roles) == 1 and head in group_heads():
            p.type, p.rule = "ORG", "actors:group"
            p.sector = group_heads()[head] or p.sector
            q = QUANTIFIER_BEFORE.search(self.article.text, max(0, p.start - 12), p.start)
            if q and q.group(1).casefold() in group_quantifiers():
                p.start = q.start(1)
                p.name = self.article.text[p.start:p.end]
            return ("group", head, p.country)
        return p.key

    def add_phrase(self, p: Phrase) -> None:
        key = self.phrase_key(p) if p.key[0] == "role" else p.key
        actor = self.actor_for(key, p.name, p.type, p.start)
        actor.rule = actor.rule or p.rule
        actor.country = actor.country or p.country
        actor.sector = actor.sector or p.sector
        for r in p.roles:
            if r not in actor.roles:
                actor.roles.append(r)
        if key[0] in ("group", "role") and p.name not in actor.aliases:
            actor.aliases.append(p.name)
        p.key = key
        if key[0] in ("group", "role"):
            actor.mentions.append([p.start, p.end])

    def number(self) -> list[tuple]:
        """Ids by first mention; entities linked to their actor's id. The keys in id order."""
        ordered = sorted(self.actors, key=lambda k: self.first[k])
        for n, k in enumerate(ordered, 1):
            a = self.actors[k]
            a.id = f"a{n}"
            a.mentions.sort()
            a.aliases = [x for x in a.aliases if x != a.name]
            if a.type == "PER" and a.sector is None and a.roles:
                a.sector = "GOV" if a.country else None
        for e in self.article.entities:
            key = getattr(e, "actor_key", None)
            if key is not None:
                e.actor = self.actors[key].id
                del e.actor_key  # type: ignore[attr-defined]
        return ordered

    def run(self) -> None:
        article = self.article
        self.fulls = sorted((e.start, e.text) for e in article.entities
                            if e.label.upper() in ("PER", "PERSON") and len(e.text.split()) >= 2)
        for e in article.entities:
            if e.label.upper() in ACTOR_LABELS:
                self.add_entity(e)
        self.known_countries()  # before the roles join: `Menlu RI` is the Menlu Retno Marsudi named before
        for p in self.finder.phrases:
            self.add_phrase(p)
        ordered = self.number()
        article.actors = [self.actors[k] for k in ordered]
        article.scratch[ACTOR_PHRASES] = [ActorPhrase(p.start, p.end, self.actors[p.key].id)
                                          for p in self.finder.phrases]
