"""The words around names (entity_rules.yaml, titles.yaml, institutions.yaml, common_words.txt,
verbs.txt), loaded once into frozen sets and compiled patterns.

Used by the entities component and by others that need to know what a name, a title or a
place cue looks like (actors, places)."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.knowledge import cache

#: the word that ends a stretch of text (before the spaces after it): `(\w+)\s+$`, read backwards (see `match_at_end`)
_LAST_WORD_BACKWARDS = re.compile(r"\s+(?P<word>\w+)")


class EndMatch:
    """A match found on a text read backwards, as the match of the forward pattern: named groups read forwards,
    offsets in the text."""
    __slots__ = ("_m", "_n")

    def __init__(self, m: re.Match, n: int) -> None:
        self._m, self._n = m, n

    def group(self, name: str) -> str:
        return self._m.group(name)[::-1]

    def start(self, name: str) -> int:
        return self._n - self._m.end(name)

    def end(self, name: str) -> int:
        return self._n - self._m.start(name)


def match_at_end(backwards: re.Pattern, text: str) -> EndMatch | None:
    r"""`backwards` matched at the start of `text` reversed: a forward `re.search(pattern + "$", text)` whose
    match can only be the one that ends the text, without trying every place of the text from the left
    (a word then spaces then the end, `(\w+)\s+$`, cost a try per character, each running to the end)."""
    m = backwards.match(text[::-1])
    return EndMatch(m, len(text)) if m else None


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _folded(data: dict, key: str) -> list[str]:
    return [w.casefold() for w in data.get(key) or []]


def _text_lines(name: str) -> set[str]:
    return {line.strip() for line in lexicons.path(name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _titles(data: dict) -> tuple[set[str], set[str]]:
    """All titles and aliases (casefolded), and the ranks among them."""
    titles: set[str] = set()
    ranks: set[str] = set()
    for t in lexicons.load("titles")["titles"]:
        for name in [t["title"], *(t.get("aliases") or [])]:
            titles.add(name.casefold())
            if t.get("kind") == "rank":
                ranks.add(name.casefold())
    titles.update(_folded(data, "extra_titles"))
    return titles, ranks


def _institution_names() -> list[str]:
    return [n for inst in lexicons.load("institutions")["institutions"] for n in [inst["name"], *(inst.get("aliases") or [])]]


def long_institution_names() -> set[str]:
    """The institutions' names and aliases of two words or more: what `institution_rx` looks for (and where
    `warta.annotate.entities.index.institution_heads` lets it look)."""
    return {n for n in _institution_names() if len(n.split()) >= 2}


def _institutions() -> dict[str, str]:
    out: dict[str, str] = {}
    for inst in lexicons.load("institutions")["institutions"]:
        for name in [inst["name"], *(inst.get("aliases") or [])]:
            out[name.casefold()] = inst.get("type") or "ORG"
    return out


def _folded_sets(data: dict) -> dict:
    keys = {"company_forms": "company_forms", "not_words": "not_entity_words", "prefix_words": "name_prefix_words",
            "corps": "rank_corps", "not_person": "not_person_words", "headline_words": "headline_words",
            "hyphen_prefixes": "hyphen_prefixes", "honorifics": "honorifics", "org_only_heads": "org_only_heads",
            "function_words": "function_words", "currency": "currency_words", "run_not_heads": "run_not_heads",
            "pair_particles": "pair_particles", "seat_cues": "seat_cues",
            "name_closers": "name_closers",
            "office_building_words": "office_building_words"}
    out = {name: frozenset(_folded(data, key)) for name, key in keys.items()}
    out["heads"] = frozenset(w.casefold() for w in data["name_heads"])
    out["not_entities"] = frozenset(w.casefold() for w in data["not_entities"] + (data.get("budget_lines") or []))
    return out


def _as_written_sets(data: dict) -> dict:
    keys = {"clubs": "club_words", "not_acronyms": "not_entity_acronyms", "place_heads": "place_heads",
            "particles": "name_particles", "ship_prefixes": "ship_prefixes", "missions": "missions"}
    out = {name: frozenset(data.get(key) or []) for name, key in keys.items()}
    out["confirm_kinds"] = frozenset(data.get("confirm_kinds") or ["heading"])
    out["run_joiners"] = frozenset(data.get("run_joiners") or [])
    return out


def _ordered(data: dict) -> dict:
    folded_longest = {"place_cues": "place_cues", "org_cues": "org_cues", "offices": "office_words",
                      "locatives": "locatives", "facility_heads": "facility_heads",
                      "org_facility_heads": "org_facility_heads"}
    out = {name: _longest_first(_folded(data, key)) for name, key in folded_longest.items()}
    out.update(
        not_cues=tuple(_folded(data, "not_entity_cues")),
        org_with_country=_longest_first(data.get("org_with_country") or []),
        law_heads=_longest_first(data.get("law_heads") or []),
        event_heads=_longest_first(data.get("event_heads") or []),
        law_prefixes=tuple(data.get("law_prefixes") or []),
        org_suffixes=tuple(data.get("org_suffixes") or []),
        media_words=tuple(data.get("media_words") or []),
        media_article=data.get("media_article") or "The",
    )
    return out


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in words)


def _patterns(data: dict, titles: set[str]) -> dict:
    cues = _longest_first(_folded(data, "place_cues"))
    long_institutions = long_institution_names() or {"(?!)"}
    return {
        "byline": tuple(re.compile(p) for p in data.get("byline_patterns") or []),
        "verb_shapes": tuple(re.compile(p) for p in data.get("verb_shapes") or []),
        "club_names": tuple(re.compile(p) for p in data.get("club_name_patterns") or []),
        "person_shapes": tuple(re.compile(p) for p in data.get("person_shapes") or []),
        # an abbreviated school head and the capitalised words after it (`Univ. PGRI Indrapasasti`)
        "org_abbreviated": re.compile(r"(?<![\w.])(?:" + _alternation(data.get("org_abbreviated_heads") or ["(?!)"])
                                      + r")(?:[ ][A-Z][\w'’\-]*){1,4}"),
        "office_abbrev": re.compile(data.get("office_abbreviation") or "(?!)"),
        "numbered_units": re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, data.get("numbered_units") or ["(?!)"]))
                                     + r")[ ](?:[IVX]{1,5}|\d{1,3})(?![\w-])"),
        # a place cue as a regex alternative (`(?i:kabupaten|kota|…)`), for `cue + name` searches
        "place_cue_alt": "(?i:" + _alternation(cues) + ")",
        # a title, then up to three words, at the end of the text before a name (`Menteri Luar Negeri Ukraina`)
        "title_tail": re.compile(r"(?:^|\W)(?:" + _alternation(_longest_first(titles)) + r")\s+(?:\w+\s+){0,3}$"),
        # known institutions' names of two words or more, as written (`Polda Metro Jaya`)
        "institution_rx": re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(n) if n != "(?!)" else n for n in _longest_first(long_institutions)) + r")(?![\w-])"),
        # `dan` between two halves of one name (`Badan Siber dan Sandi Negara`)
        "conjoined": re.compile(r"\s+(?:" + _alternation(data.get("name_conjunctions") or ["(?!)"]) + r")\s+"),
        # `RS (34)`, `RS (34 tahun)`: initials and an age in brackets
        "initials_age": re.compile(r"(?<![\w.])([A-Z]{2,4})\s*\((\d{1,2})(?:\s*(?:"
                                   + _alternation(data.get("age_words") or ["(?!)"]) + r"))?\)"),
    }


@cache.table("entity-name-rules")  # kept in the user cache (warta.knowledge.cache)
def rules() -> dict:
    """Every word set and pattern the name rules use, by short key (see entity_rules.yaml)."""
    data = lexicons.load("entity_rules")
    titles, ranks = _titles(data)
    out = {**_folded_sets(data), **_as_written_sets(data), **_ordered(data), **_patterns(data, titles)}
    out.update(
        common=frozenset(_text_lines("common_words.txt") | set(_folded(data, "common_words_extra"))),
        verbs=frozenset(_text_lines("verbs.txt")),
        titles=frozenset(titles),
        ranks=frozenset(ranks),
        institutions=_institutions(),
    )
    return out


def facility_head(name: str) -> str | None:
    """ORG for a name opening with a school's or foundation's word, LOC for a venue's, else None."""
    org_heads, place_heads = _facility_openings()
    low = name.casefold()
    if low.startswith(org_heads):
        return "ORG"
    if low.startswith(place_heads):
        return "LOC"
    return None


@functools.cache
def _facility_openings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The school or foundation heads and the venue heads, each with its space, for one str.startswith."""
    r = rules()
    return tuple(h + " " for h in r["org_facility_heads"]), tuple(h + " " for h in r["facility_heads"])


def is_currency_country(text: str, start: int) -> bool:
    """`dolar AS`, `yen Jepang`: the country names a currency (the word before is a currency word)."""
    m = match_at_end(_LAST_WORD_BACKWARDS, text[max(0, start - 20):start])
    return bool(m) and m.group("word").casefold() in rules()["currency"]


_BRACKET_DIGIT = re.compile(r"\(\d")


def initials_age_matches(text: str) -> list[re.Match]:
    r"""list(rules()["initials_age"].finditer(text)), tried only where a match can start: every match is
    `(?<![\w.])([A-Z]{2,4})\s*\(\d…`, so it holds a bracket and a digit (found by their literal bracket), and
    starts two to four characters before the white space before that bracket.  (The pattern tried at every
    character of the text cost ~0.05 ms an article.)"""
    pattern = rules()["initials_age"]
    out = []
    for bracket in _BRACKET_DIGIT.finditer(text):
        w = bracket.start()
        while w > 0 and text[w - 1].isspace():
            w -= 1
        for p in range(max(0, w - 4), w - 1):  # (leftmost first, as finditer finds it)
            m = pattern.match(text, p)
            if m:
                out.append(m)
                break
    return out
