"""Countries from context for the places component: an unresolved name gets the country its
apposition, its prefix, its sentence or the article vouches for; a country's name among another
country's states is that state."""

from __future__ import annotations

import bisect
import functools
import re

from warta import lexicons
from warta.annotate.places.spans import Bounds, Spans
from warta.knowledge.gazetteer import compass_part, inner_country, key, main_country, subdivisions
from warta.lang.alternation import flat_or_never
from warta.record import Place


def _state_namesakes(places: list[Place]) -> list[Place]:
    """`Wisconsin, Georgia, Pennsylvania`: a country's name that is also a state or province of
    another country is that state where its sentence names other states of that country."""
    from collections import Counter

    states: dict[int, Counter] = {}  # sentence → countries of its states (admin1), kept up to date
    for q in places:
        if q.sentence is not None and q.kind == "admin1" and q.country:
            states.setdefault(q.sentence, Counter())[q.country] += 1
    window: Spans | None = None  # made when a country without a sentence index first asks
    for p in places:
        if p.kind != "country":
            continue
        if p.sentence is not None:
            counted = states.get(p.sentence, Counter())
            named = {c for c, n in counted.items() if n > 0 and c != p.country}
        else:  # no sentence index: the places within 200 characters
            window = Spans(places) if window is None else window
            named = {q.country for q in window.starting(p.start - 199, p.start + 199)
                     if q is not p and q.kind == "admin1" and q.country and q.country != p.country}
        sub = next((i for i in subdivisions().get(key(p.text), []) if i.country in named and i.kind == "admin1"),
                   None)
        if sub is not None:
            p.country, p.admin1, p.kind, p.rule = sub.country, sub.admin1, "admin1", p.rule + "+state"
            if p.sentence is not None:
                states.setdefault(p.sentence, Counter())[p.country] += 1
    return places


def admin1_namesakes(places: list[Place]) -> list[Place]:
    """`provinsi Punjab` in a sentence that names Pakistan: a province or state whose name provinces of other
    countries share too (Punjab in India and in Pakistan) is the one of the country its sentence names, where
    the sentence names that country and not the one chosen."""
    by_sentence: dict[int, set[str]] = {}
    for q in places:
        if q.sentence is not None and q.country and q.kind == "country":
            by_sentence.setdefault(q.sentence, set()).add(q.country)
    for p in places:
        named = by_sentence.get(p.sentence, set()) if p.sentence is not None else set()
        if p.kind != "admin1" or not named or p.country in named:
            continue
        other = [i for i in subdivisions().get(key(p.name), []) if i.kind == "admin1" and i.country in named]
        if len({i.country for i in other}) == 1:
            p.country, p.admin1, p.rule = other[0].country, other[0].admin1, p.rule + "+sentence-namesake"
    return places


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
    by_start, by_end = _by_offset(places, "start"), _by_offset(places, "end")
    nearby: _SentenceCountries | None = None  # made when an unresolved prefixed place first asks
    for p in reversed(places):  # right to left: `Desa Ngroto, Kecamatan Gubug, Grobogan`
        if p.country is not None or p.kind in ("sea", "region", "continent", "strait"):
            continue  # (a sea or region no single country holds keeps none: `wilayah Eropa`)
        after = re.match(r",\s*", text[p.end:p.end + 3])
        nxt = next((q for q in by_start.get(p.end + after.end(), ()) if q.country), None) if after else None
        linked = _linked_country(text, p, by_start, by_end, indonesian) \
            if nxt is None and ":unresolved" in p.rule else None
        prefixed = "prefix" in p.rule
        if prefixed and nearby is None:
            nearby = _SentenceCountries(text, places)  # (the places given a country so far count, as if added)
        near, foreign = nearby(p) if prefixed else ([], [])
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
        elif linked is not None:
            p.country, p.rule = linked[0], p.rule + linked[1]
        if nearby is not None:
            nearby.add(p)  # (a country just given counts for the places to its left)
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


def _by_offset(places: list[Place], edge: str) -> dict[int, list[Place]]:
    """The places that start (or end, `edge`) at each offset, in the list's order."""
    out: dict[int, list[Place]] = {}
    for q in places:
        out.setdefault(getattr(q, edge), []).append(q)
    return out


def _linked_country(text: str, p: Place, by_start: dict, by_end: dict, indonesian: bool) -> tuple[str, str] | None:
    """(country, rule) for an unresolved name that a neighbour vouches for: a place it is listed with or lies
    in (`_linked_place`), or, in an article about Indonesia, a regional office before it (`Bupati Morotai`,
    places.yaml `indonesian_offices`)."""
    q = _linked_place(text, p, by_start, by_end)
    if q is not None:
        return q.country, "+list-country"
    if indonesian and _office_before().search(text, max(0, p.start - 30), p.start):
        return "IDN", "+indonesian-office"
    return None


@functools.cache
def _office_before() -> re.Pattern:
    """A regional office of Indonesia's, then one space, ending the searched text (`Bupati `)."""
    return re.compile(rf"(?<![\w-])(?:{flat_or_never(lexicons.load('places').get('indonesian_offices'))})[ ]$")


def _linked_place(text: str, p: Place, by_start: dict, by_end: dict) -> Place | None:
    """A place with a country that an unresolved name is listed with (`Kabupaten Bantul, Kulon Progo dan Gunung
    Kidul`: a comma or a conjunction between them) or that it is said to lie in (`kamp pengungsi Zamzam di
    El-Fasher`); places.yaml `list_links` and `inside_links` hold the words."""
    after = _link_after().match(text, p.end)
    if after:
        q = next((q for q in by_start.get(after.end(), ()) if q.country and q.kind not in _WIDE), None)
        if q is not None:
            return q
    before = _link_before().search(text, max(0, p.start - 12), p.start)
    if before:
        return next((q for q in by_end.get(before.start(), ()) if q.country and q.kind not in _WIDE), None)
    return None


_WIDE = ("sea", "region", "continent", "strait")


@functools.cache
def _link_after() -> re.Pattern:
    """A comma, a listing conjunction or a word of location (`di`), between a name and the next place."""
    data = lexicons.load("places")
    words = "|".join(re.escape(w) for w in [*(data.get("list_links") or []), *(data.get("inside_links") or [])])
    return re.compile(rf"(?:,[ ]*(?:(?:{words})[ ]+)?|[ ]+(?:{words})[ ]+)" if words else r",[ ]*")


@functools.cache
def _link_before() -> re.Pattern:
    """A comma or a listing conjunction between a place and the name after it, ending the searched text."""
    words = "|".join(re.escape(w) for w in lexicons.load("places").get("list_links") or [])
    return re.compile(rf"(?:,[ ]*(?:(?:{words})[ ]+)?|[ ]+(?:{words})[ ]+)$" if words else r",[ ]*$")


def _venue(name: str) -> bool:
    """A venue's or a building's name: opening with a facility word (`Bandara`, `Kebun Raya`) or closing
    with one no person or town has (`Convention Center`) -- entity_rules.yaml lists both."""
    from warta.lang.id.name_rules import facility_head as _facility_head, rules as entity_rules
    words = name.split()
    return _facility_head(name) is not None or (len(words) >= 2 and words[-1].casefold() in entity_rules()["not_person"])


class _SentenceCountries:
    """The nearest country, and the nearest other than Indonesia, among the resolved places of a
    place's sentence (seas and regions left out; nearest by distance, then by code): what sorting
    every place of the sentence by distance gave first, kept in sorted lists per sentence so that
    a sentence of thousands of places is not scanned for each.  A country given to a place
    meanwhile (`add`) counts from then on."""

    EXCLUDED = ("sea", "region", "continent", "strait")

    def __init__(self, text: str, places: list[Place]):
        self.text, self.places = text, places
        self.lists: dict[tuple, list[tuple[int, str, int]]] = {}  # (sentence or "text", foreign?) → sorted
        ordered = sorted(places, key=lambda q: q.start)
        # the window used without a sentence index relies on places not overlapping
        self.disjoint = all(q.start < q.end for q in places) and all(
            a.end <= b.start for a, b in zip(ordered, ordered[1:]))
        self.bounds: Bounds | None = None
        for q in places:
            self.add(q)

    def add(self, q: Place) -> None:
        if not q.country or q.kind in self.EXCLUDED:
            return
        for where in (q.sentence, "text") if q.sentence is not None else ("text",):
            for foreign in (False, True) if q.country != "IDN" else (False,):
                bisect.insort(self.lists.setdefault((where, foreign), []), (q.start, q.country, q.end))

    def __call__(self, p: Place) -> tuple[list[str], list[str]]:
        """([nearest country], [nearest foreign country]), each empty when there is none."""
        if p.sentence is not None:
            return self._nearest((p.sentence, False), p.start), self._nearest((p.sentence, True), p.start)
        if self.bounds is None:
            self.bounds = Bounds(self.text)
        a, b = self.bounds.before(p.start) + 1, self.bounds.after(p.end)
        if not self.disjoint:
            return self._scan(p, a, b)
        return self._nearest(("text", False), p.start, a, b), self._nearest(("text", True), p.start, a, b)

    def _nearest(self, which: tuple, x: int, a: int | None = None, b: int | None = None) -> list[str]:
        found = self.lists.get(which, [])
        i = bisect.bisect_left(found, (x,))  # the first place starting at or after x
        near = []
        if i < len(found) and (b is None or found[i][2] <= b):
            near.append((found[i][0] - x, found[i][1]))
        if i > 0 and (a is None or found[i - 1][0] >= a):
            left = found[bisect.bisect_left(found, (found[i - 1][0],))]  # the first code at that start
            near.append((x - left[0], left[1]))
        return [min(near)[1]] if near else []

    def _scan(self, p: Place, a: int, b: int) -> tuple[list[str], list[str]]:
        found = sorted((abs(q.start - p.start), q.country) for q in self.places
                       if a <= q.start and q.end <= b and q is not p and q.country and q.kind not in self.EXCLUDED)
        foreign = [c for _d, c in found if c != "IDN"]
        return [found[0][1]] if found else [], foreign[:1]
