"""Mending the model's spans, one span at a time: a list of named rules that trim, cut, relabel or
drop a span (each rule's id is what the entity's `rule` field gains), then the split of a name glued
to the one before it, then the passes over all spans (`passes.PASSES`)."""

from __future__ import annotations

import functools
import re
from itertools import chain
from typing import Callable

from warta import lexicons
from warta.knowledge import countries
from warta.lang.id.name_rules import facility_head, match_at_end, rules
from warta.record import Article

from .base import MODEL_RULE, _in_heading, _is_common, _is_verb, _word_before, _words, after_cue
from .split import _split_prefix, article_names, join_hyphens, split_brackets, split_pairs
from .state import QUOTES, Context, Mending, SpanRule
from .trims import (_common_opening, _cut_dateline, _cut_line, _cut_lower_end, _cut_stop, _cut_title, _cut_verb,
                    _lower_opening, _title_opening, _title_word_opening, _trim_office, _trim_plain_edges, _trim_while)
from .words import _gazetteer_place, _is_outlet, _not_a_name, _plain_word, known_label

# a word, then a capitalised name, then the spaces before the span: `(\w+)\s+([A-Z][a-z]+)\s+$` read backwards
_WORD_THEN_NAME_BACKWARDS = re.compile(r"\s+(?P<name>[a-z]+[A-Z])\s+(?P<word>\w+)")

def _lower_case(c: Context, m: Mending) -> bool:
    surface = c.text[m.start:m.end]
    if not (surface[:1].isupper() or any(ch.isupper() for ch in surface)) and not _is_outlet(surface):
        return False
    m.words = _words(c.text, m.start, m.end)
    return True


def _honorifics_only(c: Context, m: Mending) -> bool:
    r = rules()
    return not (m.label == "PER" and m.words and all(c.word(w).casefold() in r["titles"]
                                                     or c.word(w).casefold() in r["honorifics"] for w in m.words))


def _fix_bounds(c: Context, m: Mending) -> bool:
    """No words, or one letter, name nothing; a name ends before a closing stop or comma."""
    if not m.words or (len(m.words) == 1 and len(c.word(m.words[0])) < 2):
        return False
    m.start, m.end = m.words[0][0], m.words[-1][1]
    while m.end > m.start and c.text[m.end - 1] in ".,;:":
        m.end -= 1
    m.surface = c.text[m.start:m.end]
    s = m.start
    m.uninformative = s in c.sentence_starts or c.text[max(0, s - 1)] in QUOTES \
        or (s in c.heading_chars and _in_heading(c.article, s)) or _is_verb(m.surface)
    return True


def _not_entity(c: Context, m: Mending) -> bool:
    return not (m.surface.casefold() in rules()["not_entities"] or (
        len(m.words) == 1 and _is_common(m.surface) and m.uninformative and known_label(m.surface) is None))


@functools.cache
def _openings() -> dict:
    """The word lists the span rules test with str.startswith/endswith, as tuples built once (not per span)."""
    r = rules()
    return {"offices": tuple(r["offices"]), "place_cues": tuple(r["place_cues"]), "not_cues": tuple(r["not_cues"]),
            "law_spaced": tuple(f" {p} " for p in r["law_prefixes"]),
            "law_alone": frozenset(f"{p} " for p in r["law_prefixes"])}


def _office(c: Context, m: Mending) -> bool:
    if m.label != "ORG":
        return True
    low = m.surface.casefold()
    office = next((o for o in rules()["offices"] if low.startswith(o + " ") or low == o), None) \
        if low.startswith(_openings()["offices"]) else None
    if office:
        rest = m.surface[len(office):].strip()
        if not rest or known_label(rest) != "LOC":
            return False
        m.start, m.label, m.rule = m.end - len(rest), "LOC", m.rule + "+office"
        m.words, m.surface = _words(c.text, m.start, m.end), rest
    return True


@functools.cache
def _place_after_heads() -> frozenset[str]:
    return frozenset(lexicons.load("entity_rules").get("place_after_heads") or [])


def _place_after_head(c: Context, m: Mending) -> bool:
    if len(m.words) > 1 and c.word(m.words[0]) in _place_after_heads():
        rest = c.text[m.words[1][0]:m.end]
        if known_label(rest) == "LOC":
            m.start, m.label, m.rule = m.words[1][0], "LOC", m.rule + "+place-after-head"
            m.words, m.surface = m.words[1:], rest
    return True


def _given_name(c: Context, m: Mending) -> bool:
    r = rules()
    if not (m.label == "PER" and len(m.words) == 1):
        return True
    base = max(0, m.words[0][0] - 60)
    found = match_at_end(_WORD_THEN_NAME_BACKWARDS, c.text[base:m.words[0][0]])
    if not found:
        return True
    word, name = found.group("word"), found.group("name")
    if (word.casefold() in r["titles"] or (countries.by_name(word) and r["title_tail"].search(
            c.text[max(0, base - 40):base + found.start("word")].casefold()))) \
            and name.casefold() not in r["titles"] and name.casefold() not in r["common"] and known_label(name) is None:
        m.words = [(base + found.start("name"), base + found.end("name")), m.words[0]]
        m.rule = MODEL_RULE + "+given-name"
    return True


def _plain_words(c: Context, m: Mending) -> bool:
    return not (len(m.words) >= 2 and all(_plain_word(c.word(w)) for w in m.words) and known_label(m.surface) is None
                and not (m.label == "LOC" and after_cue(c.text, m.start, rules()["locatives"]))
                and _gazetteer_place(m.surface) is None)


def _relabel(label: str, suffix: str, test: Callable[[Context, Mending], bool]) -> Callable[[Context, Mending], bool]:
    def apply(c: Context, m: Mending) -> bool:
        if test(c, m):
            m.label, m.rule = label, m.rule + suffix
        return True
    return apply


def _after_law_prefix(c: Context, m: Mending) -> bool:
    before = c.text[max(0, m.start - 12):m.start]
    law = _openings()
    return m.label in ("ORG", "LOC", "PER") and (before.endswith(law["law_spaced"]) or before in law["law_alone"]) \
        and known_label(c.text[m.start:m.end]) is None


@functools.cache
def _plain_buildings() -> frozenset[str]:
    return frozenset(lexicons.load("entity_rules").get("plain_building_words") or [])


def _office_building(c: Context, m: Mending) -> bool:
    first = c.word(m.words[0]) if m.words else ""
    if len(m.words) > 1 and (first.casefold() in rules()["office_building_words"] or first in _plain_buildings()) \
            and known_label(c.text[m.words[1][0]:m.words[-1][1]]) == "ORG":
        m.words, m.label, m.rule = m.words[1:], "ORG", MODEL_RULE + "+office-building"
    return True


def _person_shape(c: Context, m: Mending) -> bool:
    return m.label != "PER" and any(p.fullmatch(m.surface) for p in rules()["person_shapes"]) \
        and known_label(m.surface) is None


def _facility(c: Context, m: Mending) -> bool:
    if len(m.words) > 1 and m.label in ("PER", "LOC"):
        head = facility_head(m.surface)
        if head and head != m.label and not (head == "LOC" and m.label == "LOC"):
            m.label, m.rule = head, m.rule + "+facility"
    return True


def _titles_only(c: Context, m: Mending) -> bool:
    r = rules()
    return not (m.label == "PER" and all(w.casefold() in r["titles"] or w.casefold() in r["honorifics"]
                                         for w in c.text[m.start:m.end].split()))


def _after_place_cue(c: Context, m: Mending) -> bool:
    if m.label == "LOC":
        return False  # (before the text before it is read)
    before = _word_before(c.text, m.start)
    return len(c.text[m.start:m.end].split()) == 1 \
        and before.endswith(_openings()["place_cues"]) and any(
        before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
        for cue in rules()["place_cues"])


def _first_word_in(key: str, casefold: bool = True) -> Callable[[Context, Mending], bool]:
    def test(c: Context, m: Mending) -> bool:
        if len(m.words) < 2:
            return False  # (before the first word is read)
        first = c.word(m.words[0])
        return (first.casefold() if casefold else first) in rules()[key]
    return test


_ORG_ONLY_HEAD = _first_word_in("org_only_heads")  # (made once, not per span)


# The rules, in the order they run on each model span.
SPAN_RULES: list[SpanRule] = [
    # a name never runs over a line break (`BBC News Indonesia` / `20 Februari`)
    SpanRule("cut-line", ("Hujan reda pagi itu.\n\nPengungsi kembali ke Jakarta\n\n20 Februari 2024 siang.",
                          ("Jakarta\n\n20 Februari", "LOC"), ("Jakarta", "LOC")), _cut_line),
    # a dateline's place and dash before the name (`NATUNA - Kapal Pengawas …`)
    SpanRule("cut-dateline", ("NATUNA - Bakamla menangkap dua kapal.", ("NATUNA - Bakamla", "ORG"), ("Bakamla", "ORG")),
             _cut_dateline),
    # a sentence's full stop ends the name (`Agence France-Presse. Pesaing …`, `Netanyahu.(Sumber …`)
    SpanRule("cut-stop", ("Kabar itu dilaporkan Agence France-Presse. Pesaing mereka diam.",
                          ("Agence France-Presse. Pesaing", "ORG"), ("Agence France-Presse", "ORG")), _cut_stop),
    # lower-case words are no name (`kota`, `massa`), but outlets are (`detikcom`)
    SpanRule("drop-lower-case", ("Ribuan massa berkumpul di alun-alun.", ("massa", "ORG"), None), _lower_case),
    # a common word opening a sentence is no part of a name (`Menyediakan`, `Sambil`, `Menurut Kim`)
    SpanRule("trim-common", ("Rudal terbang jauh. Sambil Kim menunggu, uji berhasil.", ("Sambil Kim", "PER"), ("Kim", "PER")),
             _trim_while("trim-common", _common_opening)),
    # a lower-case word opening a place or organisation is no part of it unless it is a name head
    # (`pos Tajikistan`, but `kota Mati`, `laut Natuna`)
    SpanRule("trim-lower", ("Pasukan itu menyerang pos Tajikistan semalam.", ("pos Tajikistan", "LOC"),
                            ("Tajikistan", "LOC")), _trim_while("trim-lower", _lower_opening)),
    # a title before a person's name (`Pemimpin RRDK`, `Presiden Joko Widodo`)
    SpanRule("trim-title", ("Kemarin Presiden Joko Widodo meresmikan bendungan.", ("Presiden Joko Widodo", "PER"),
                            ("Joko Widodo", "PER")), _trim_while("trim-title", _title_opening)),
    # a role, a rank's corps or the tail of a title before the name (`Terdakwa Irman`,
    # `Kolonel Inf Muhammad Aidi`, `Pemimpin Tertinggi Kim Jong-un`)
    SpanRule("trim-title-word", ("Ia bertemu Pemimpin Tertinggi Kim Jong-un di Pyongyang.",
                                 ("Tertinggi Kim Jong-un", "PER"), ("Kim Jong-un", "PER")),
             _trim_while("trim-title", _title_word_opening)),
    # an institution's office building names the institution (`Kantor BNN`, `Kantor Kemenko Perekonomian`,
    # `gedung KPK` written in lower case)
    SpanRule("office-building", ("Ia berbicara di Kantor BNN, Cawang, pada Kamis.", ("Kantor BNN", "LOC"), ("BNN", "ORG")),
             _office_building),
    # an office's abbreviation glued to its unit (`Kabagpenum Divisi Humas Polri`, `Kapuspen TNI`)
    SpanRule("trim-office", ("Hal itu disampaikan Kapuspen TNI kemarin.", ("Kapuspen TNI", "ORG"), ("TNI", "ORG")),
             _trim_office),
    # honorifics and titles only (`Pak Presiden`, `Bapak Menteri`) name no one
    SpanRule("drop-honorifics", ("Kami menunggu Pak Presiden datang.", ("Pak Presiden", "PER"), None), _honorifics_only),
    # a verb inside the span ends the name (`Korea Utara Meluncurkan Rudal`)
    SpanRule("cut-verb", ("Kemarin Korea Utara Meluncurkan Rudal balistik.", ("Korea Utara Meluncurkan Rudal", "LOC"),
                          ("Korea Utara", "LOC")), _cut_verb),
    # a rank or title closing the span belongs to the next name (`Polda Metro Jaya Kombes`)
    # a lower-case word closing a name is the verb or word after it (`Salman tiba`, `Iran kembali`)
    SpanRule("cut-lower-end", ("Setelah itu Pangeran Salman tiba di bandara.", ("Salman tiba", "PER"), ("Salman", "PER")),
             _cut_lower_end),
    # a capitalised verb at the edge of a name the article or warta knows (`" Ungkap Jokowi`,
    # `Iran Kembali menghujani …`, `Rezim Iran`)
    SpanRule("trim-plain", ("Tel Aviv – Iran Kembali menghujani Israel dengan rudal.", ("Iran Kembali", "LOC"),
                            ("Iran", "LOC")), _trim_plain_edges),
    SpanRule("cut-title", ("Direktur Polda Metro Jaya Kombes Ade Ary menjelaskan.", ("Polda Metro Jaya Kombes", "ORG"),
                           ("Polda Metro Jaya", "ORG")), _cut_title),
    SpanRule("drop-short", ("Ia menulis huruf A di papan.", ("A", "PER"), None), _fix_bounds),
    # a lone common word is a name only where its capital letter means something: not at the start of
    # a sentence or quote, not in a heading, and not a verb (`Megawati` mid-sentence stays)
    SpanRule("drop-not-entity", ("Harga BBM naik lagi pekan ini.", ("BBM", "ORG"), None), _not_entity),
    SpanRule("drop-not-a-name", ("Ia berkata, “Mengadili terdakwa dengan adil.”", ("Mengadili", "PER"), None),
             lambda c, m: not _not_a_name(m.surface, m.uninformative)),
    # an office, not an organisation (`Penjabat Gubernur`, `Kapolrestabes Bandung`)
    SpanRule("office", ("Pada Senin Kapolrestabes Bandung memimpin apel.", ("Kapolrestabes Bandung", "ORG"),
                        ("Bandung", "LOC")), _office),
    # a word naming something of a place (its election, its economic zone, its regime) before a place the
    # place's (entity_rules.yaml `place_after_heads`): `Pilwalkot Makassar`, `ZEE Filipina`, `Rezim Iran`
    SpanRule("place-after-head", ("Debat publik Pilwalkot Makassar digelar di Jakarta.", ("Pilwalkot Makassar", "PER"),
                                  ("Makassar", "LOC")), _place_after_head),
    # a language, people or style is no name of its own (`bahasa Jawa`, `suku Dayak`)
    SpanRule("drop-not-cue", ("Ia fasih berbicara bahasa Jawa sejak kecil.", ("Jawa", "LOC"), None),
             lambda c, m: not _word_before(c.text, m.start).endswith(_openings()["not_cues"])),
    # a given name the model left out between a title and the surname (`Irjen Krishna [Murti]`),
    # or the title's country (`Menteri Luar Negeri Ukraina Dmytro [Kuleba]`)
    SpanRule("given-name", ("Rapat dipimpin Irjen Krishna Murti kemarin.", ("Murti", "PER"), ("Krishna Murti", "PER")),
             _given_name),
    # common words only name nothing (`Belanja Negara`, `Zaman Batu`, `Masa Depan Petambak`)
    SpanRule("drop-plain-words", ("Mereka bicara soal Masa Depan bersama.", ("Masa Depan", "ORG"), None), _plain_words),
    # a ship (`KRI Teluk Banten`, `KM Sinar Bangun`) is a vehicle, not a place or a body
    SpanRule("ship", ("Kapal KRI Teluk Banten berlayar ke utara.", ("KRI Teluk Banten", "LOC"),
                      ("KRI Teluk Banten", "PRODUCT")), _relabel("PRODUCT", "+ship", _first_word_in("ship_prefixes", False))),
    # a court, ministry, local government or other body is no place or person (`Pengadilan Tipikor`, `Sesko TNI`,
    # `Pemprov Jateng`)
    SpanRule("org-head", ("Kasus itu disidangkan di Pengadilan Tipikor kemarin.", ("Pengadilan Tipikor", "LOC"),
                          ("Pengadilan Tipikor", "ORG")),
             _relabel("ORG", "+org-head", lambda c, m: m.label in ("LOC", "PER") and _ORG_ONLY_HEAD(c, m))),
    # a school or a venue is no person, and a school no place (`Univ Atma Jaya Jakarta`, `UIN Jakarta`)
    SpanRule("facility", ("Ia kuliah di Univ Atma Jaya sejak 2019.", ("Univ Atma Jaya", "PER"), ("Univ Atma Jaya", "ORG")),
             _facility),
    # a person's name by its shape, whatever the model said (`Lai Ching-ti` read as a place)
    SpanRule("person-shape", ("Ia memberi selamat kepada Lai Ching-ti atas kemenangannya.", ("Lai Ching-ti", "LOC"),
                              ("Lai Ching-ti", "PER")), _relabel("PER", "+person-shape", _person_shape)),
    # a name no one knows after a law's short word is the law's (`UU ITE`); `RUU KPK` keeps the KPK
    SpanRule("law-prefix", ("Polisi menjerat dia dengan UU ITE pasal 27.", ("ITE", "ORG"), ("ITE", "LAW")),
             _relabel("LAW", "+law", _after_law_prefix)),
]

# The rules on each part after `_split_prefix` cut a span in two (`KPU August Mellaz` → ORG + PER).
PART_RULES: list[SpanRule] = [
    # a split that leaves only `Pak Presiden` names no one
    SpanRule("drop-titles-only", ("Kami menunggu Pak Presiden datang.", ("Pak Presiden", "PER"), None), _titles_only),
    # a one-word name after a place word (`kabupaten Demak`) is a place
    SpanRule("place-cue", ("Banjir melanda kabupaten Demak lagi.", ("Demak", "PER"), ("Demak", "LOC")),
             _relabel("LOC", "+place-cue", _after_place_cue)),
    SpanRule("country", ("Delegasi dari Jepang tiba kemarin.", ("Jepang", "PER"), ("Jepang", "LOC")),
             _relabel("LOC", "+country", lambda c, m: m.label != "LOC" and bool(countries.by_name(c.text[m.start:m.end])))),
]


def _run(applies: tuple[Callable[[Context, Mending], bool], ...], c: Context, m: Mending) -> bool:
    for apply in applies:  # (a plain loop: all() over a generator cost a frame per rule and span)
        if not apply(c, m):
            return False
    return True


# the rules' functions, looked up once (not once per rule and span)
_SPAN_APPLIES = tuple(r.apply for r in SPAN_RULES)
_PART_APPLIES = tuple(r.apply for r in PART_RULES)


def mend_span(c: Context, start: int, end: int, label: str, rule: str) -> list[tuple[int, int, str, str]]:
    """One model span mended by SPAN_RULES, split, and each part checked by PART_RULES."""
    m = Mending(start, end, label, rule)
    if not _run(_SPAN_APPLIES, c, m):
        return []
    out = []
    for ps, pe, plabel, prule in _split_prefix(c.text, m.words, m.label, c.known):
        part = Mending(ps, pe, plabel, prule)
        if _run(_PART_APPLIES, c, part):
            out.append((ps, pe, part.label, part.rule if part.rule != MODEL_RULE else m.rule))
    return out


def mend(article: Article, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """Trim, split, relabel or drop model spans by the rules in entity_rules.yaml.

    Returns (start, end, label, rule) with the rule naming what changed.
    """
    from .passes import run_passes

    text = article.text
    spans = split_pairs(text, join_hyphens(text, split_brackets(text, spans)))
    c = Context(article, text, frozenset(s.start for s in article.sentences), article_names(text, spans),
                frozenset(chain.from_iterable(range(s.start, s.end) for s in article.sentences if s.kind == "heading")))
    out = [part for start, end, label, rule in spans for part in mend_span(c, start, end, label, rule)]
    return run_passes(article, out)
