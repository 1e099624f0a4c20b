"""The quantity tables, built once from `lexicons/units.yaml`, `numbers.yaml` and `months.yaml`,
and the small text helpers the rules share."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from warta import lexicons
from warta.knowledge import cache, numbers
from warta.lang.alternation import alternation
from warta.lang.prefilter import PatternSet
from warta.lang.text import lowered_for_ascii

S = r"[ \t\u00a0]+"


def _currencies(u: dict) -> tuple[dict, dict]:
    prefix_cur, suffix_cur = {}, {}
    for code, c in u["currencies"].items():
        for f in c.get("prefix") or []:
            prefix_cur[f] = code
        for f in c.get("suffix") or []:
            suffix_cur[f] = code
    return prefix_cur, suffix_cur


def _number_pattern(unit_of: dict, prefix_cur: dict, suffix_cur: dict, quals: str) -> re.Pattern:
    return re.compile(
        rf"(?:(?P<qual>(?i:{quals})){S})?"
        # `Rp 150 juta`, `Rp150 juta`, `SGD13 juta`; a number word may follow a glued full stop (`ini.Dua`)
        rf"(?:(?<![\w])(?P<pre>{alternation(prefix_cur)})(?:{S})?|(?<![\w.,/-])|(?<=[a-z]\.)(?=[A-Za-z]))"
        rf"(?P<num>{numbers.number_pattern()})"
        # `4 (empat) pejabat`: the number restated in words
        rf"(?:[ \t\u00a0]*\((?P<restate>{numbers.word_pattern()})\))?(?![\w]|[.,]\d|/\d|-\w)"
        rf"(?:(?:{S})?(?P<unit>{alternation(unit_of)})(?![\w]))?"
        rf"(?:{S}(?P<cur>{alternation(suffix_cur)})(?![\w]))?")


def _people_patterns(u: dict, persons: list[str], quals: str) -> dict:
    persons_alt = alternation(persons)
    by_length = sorted(persons, key=len, reverse=True)
    others = alternation(u["others_words"])
    return {
        # `seorang anggota TNI … mengalami luka tembak`: one person, counted when a casualty word follows
        "se_casualty": re.compile(rf"\b(?P<se>{alternation(u['one_person'])}){S}(?P<obj>{persons_alt})\b"
                                  rf"(?P<rest>[^.,;\n]{{0,60}})"),
        "casualty": re.compile(rf"\b(?:{alternation(u['casualty_words'])})\b"),
        # `tujuh di antaranya anak-anak`, `Dua diantara korban`: N of a group of people
        "partitive": re.compile(rf"[ \t\u00a0]+(?:{alternation(u['partitive_words'])})[ \t\u00a0]+(?P<p>{persons_alt})(?![\w])"),
        # `jumlah kematian mencapai sekitar 130.000`: a bare number totals the people named before it
        "total_before": re.compile(rf"\b(?i:{alternation(u['total_words'])}){S}(?P<noun>{alternation(persons + u['person_totals'])})\b"
                                   rf"(?:{S}[\w-]+){{0,2}}?{S}(?:{alternation(u['total_verbs'])}){S}(?:(?i:{quals}){S})?$"),
        # one regex for every person noun, lexicon form and title case (`995 Jiwa`): linear in numbers
        "person_re": re.compile("[ \t\u00a0]+(?P<p>" + "|".join(re.escape(v) for p in by_length
                                                                for v in dict.fromkeys([p, p.title()])) + r")(?![\w])"),
        "person_of": {v: p for p in persons for v in (p.title(), p)},
        "persons": by_length,
        "others": re.compile(rf"[ \t\u00a0]+(?:{others})"),
        "others_person": re.compile(rf"[ \t\u00a0]+(?:{others})[ \t\u00a0]+(?:{alternation(u['person_after_lainnya'])})(?![\w])"),
    }


@cache.table("quantities-tables")  # kept in the user cache (warta.knowledge.cache)
def tables() -> dict:
    u = lexicons.load("units")
    months = lexicons.load("months")
    nums = lexicons.load("numbers")
    unit_of = {f: code for code, forms in u["units"].items() for f in forms}
    prefix_cur, suffix_cur = _currencies(u)
    quals = alternation(nums["qualifiers"])
    currency_scales = {k: float(v) for k, v in u["currency_scales"].items()}
    pat = _number_pattern(unit_of, prefix_cur, suffix_cur, quals)
    se_pat = re.compile(rf"(?P<qual>(?i:{quals})){S}(?P<se>{alternation(nums['se_classifiers'])})\b")
    return {
        "pat": pat,
        "se_pat": se_pat,
        # both scanned over the whole text at once (warta.lang.prefilter: the same matches, tried only where
        # one can begin: ~2x faster than `finditer`, which tries the number pattern at every character)
        "pat_set": PatternSet([pat, se_pat]),
        **_people_patterns(u, list(u["persons"]), quals),
        "range_next": re.compile(rf"[ \t\u00a0]*(?:-|–|[ \t\u00a0](?:{alternation(u['range_words'])})[ \t\u00a0])"
                                 rf"[ \t\u00a0]*(?=\d)"),
        "currency_scales": currency_scales,
        "currency_scale": re.compile(rf"[ \t\u00a0]?({alternation(currency_scales)})(?![\w])"),
        # `2/3 dari tuntutan jaksa`: a fraction of something (never a date: no bracket, no weekday)
        "fraction": re.compile(rf"(?<![\w/(.,-])(?P<a>[1-9])/(?P<b>[1-9])(?![\w/]){S}(?:{alternation(u['fraction_after'])})\b"),
        "verb": re.compile(rf"(?:{alternation(u['object_verb_prefixes'])})\w{{3,}}"),
        "unit_of": unit_of, "prefix_cur": prefix_cur, "suffix_cur": suffix_cur,
        "person_generic": u["person_generic"], "classifiers": set(u["classifiers"]),
        "time_units": set(months["duration_units"]) | set(months["se_durations"]),
        "stop": set(u["object_stop"]), "max_words": u["object_max_words"],
        "not": [re.compile(rf"(?i)\b{re.escape(x)}\b") for x in u["not_quantities"]],
        "not_lower": [x.lower() if x.isascii() else None for x in u["not_quantities"]],
        "name_prefixes": set(u["name_prefixes"]), "qualifiers": nums["qualifiers"],
        "se_classifiers": nums["se_classifiers"],
        "months": {n for names in months["months"].values() for n in names},
        "magnitude": u["magnitude"],
        "mag_before": re.compile(rf"(?:^|[ \t\u00a0(])(?:{alternation(u['magnitude']['before'])})[ \t\u00a0]*$"),
        "mag_after": re.compile(rf"[ \t\u00a0]+(?:{alternation(u['magnitude']['after'])})(?![\w])"),
    }


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([\w-]+)")


def next_words(text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
    """The `n` words after `pos` (fewer where a non-word character comes first): (word, start, end).
    Matched in place (`pattern.match(text, pos)`), never on a copy of the rest of the text."""
    out = []
    while len(out) < n:
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end(1)
    return out


def prev_word(text: str, pos: int) -> str:
    """The run of word characters and dots that ends the 30 characters before `pos`, spaces after it aside
    (as `re.search(r"([\\w.]+)[ \\t\\u00a0]*$", window)` finds it, without trying each position)."""
    window = text[max(0, pos - 30):pos]
    end = len(window) - window.endswith("\n")  # `$` also stands before a final newline
    while end and window[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start and (window[start - 1].isalnum() or window[start - 1] in "_."):
        start -= 1
    return window[start:end]


def clause_before(text: str, pos: int) -> str:
    """The text of the clause before `pos` (back to the last sentence or clause stop)."""
    window = text[max(0, pos - 80):pos]
    cut = max(window.rfind(ch) for ch in ".;:!?\n")
    return window[cut + 1:]


_NAME_BEFORE = re.compile(r"([A-Z][a-z][\w-]*)[ \t\u00a0]+$")


def inside_name(text: str, pos: int) -> bool:
    """A number right after a capitalised word inside a sentence (`Nusantara 2 DPR RI`) is part of a name."""
    m = _NAME_BEFORE.search(text[max(0, pos - 40):pos])
    if not m:
        return False
    before = text[max(0, pos - 40):pos][:m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\"“”'(:\n"


def overlaps(a: int, b: int, spans) -> bool:
    return any(a < e and b > s for s, e in spans)


class SpanIndex:
    """A fixed list of spans sorted by start, with the running maximum of their ends: `overlaps(a, b)`
    answers what `overlaps(a, b, spans)` answers in O(log n) instead of a scan of every span (an
    article's dates are checked against each of its numbers)."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, b)  # the spans that start before b
        return i > 0 and self.max_end[i - 1] > a


def idiom_spans(text: str) -> list[tuple[int, int]]:
    """Where the `not_quantities` phrases (`salah satu`, `empat mata`) stand in `text`, each phrase's matches in
    turn; a phrase is tried only where the lowercased text holds it (`phrase_spans`)."""
    T = tables()
    low = lowered_for_ascii(text)
    if low is not None and len(low) != len(text):
        low = None
    out: list[tuple[int, int]] = []
    for p, x in zip(T["not"], T["not_lower"]):
        if low is None or x is None:
            out.extend((m.start(), m.end()) for m in p.finditer(text))
        else:
            out.extend(phrase_spans(p, text, low, x))
    return out


def phrase_spans(pattern: re.Pattern, text: str, low: str, phrase: str) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text)` for a case-insensitive `pattern` of the lowercase ASCII `phrase`
    alone (between `\\b`s), where `low` is `lowered_for_ascii(text)` of the same length: a match can begin only
    where `low` holds the phrase, so only there is the pattern tried (`str.find` instead of a regex scan)."""
    out, at = [], low.find(phrase)
    while at >= 0:
        m = pattern.match(text, at)
        if m is not None:
            out.append((at, m.end()))
            at = low.find(phrase, max(m.end(), at + 1))
        else:
            at = low.find(phrase, at + 1)
    return out
