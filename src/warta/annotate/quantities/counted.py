"""What one number counts: its currency or unit, else a counted object found by a list of named
rules (people first, then a noun phrase), else nothing (the number is no quantity)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from warta.annotate.quantities.tables import SpanIndex, clause_before, inside_name, next_words, tables
from warta.record import Article, Quantity


@dataclass
class Scan:
    """One article's quantities as they are found."""
    article: Article
    blocked: list[tuple[int, int]]  # dates, clock times, durations
    idioms: list[tuple[int, int]]  # `salah satu`, `empat mata`
    out: list[Quantity] = field(default_factory=list)
    ranges: list[tuple[int, int, float, bool]] = field(default_factory=list)  # (start, next number, value, approx)
    se_matches: list = field(default_factory=list)  # the matches of tables()["se_pat"] in the text

    def __post_init__(self) -> None:
        self.blocked_at = SpanIndex(self.blocked)
        self.idioms_at = SpanIndex(self.idioms)

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, start: int, end: int, value: float, unit, obj, approximate: bool, rule: str) -> None:
        self.out.append(Quantity(text=self.text[start:end], start=start, end=end, value=value, unit=unit,
                                 object=obj, approximate=approximate, sentence=self.article.sentence_at(start),
                                 rule=rule))


@dataclass
class Num:
    """A number the main pattern found."""
    m: re.Match
    raw: str
    value: float
    approx: bool
    after: int  # where the words after it start (`4 (empat) pejabat`: after the restated number)

    @property
    def is_digits(self) -> bool:
        return self.raw[0].isdigit()


@dataclass
class Reading:
    unit: str | None
    obj: str | None
    rule: str
    end: int


#: a count rule found no object and the number is no quantity
SKIP = Reading(None, None, "skip", -1)

_YEAR = re.compile(r"(1[89]|20)\d\d")


def measure(n: Num, text: str) -> Reading:
    """The currency or unit written with the number (`Rp 3 triliun`, `50 km`, `5 juta dolar AS`)."""
    T, m = tables(), n.m
    reading = Reading(None, None, "number", m.end())
    if m.group("pre"):
        reading.unit, reading.rule = T["prefix_cur"][m.group("pre")], "currency:prefix"
        short = T["currency_scale"].match(text, m.end("num"))
        if short and not m.group("unit"):  # `Rp 1,5 T`, `Rp208 M`
            n.value = round(n.value * T["currency_scales"][short.group(1)], 6)
            reading.end = short.end()
    elif m.group("cur"):
        reading.unit, reading.rule = T["suffix_cur"][m.group("cur")], "currency:suffix"
    if m.group("unit") and reading.unit is None:
        reading.unit, reading.rule = T["unit_of"][m.group("unit")], f"unit:{m.group('unit')}"
    elif m.group("unit") and reading.unit:
        reading.end = m.end("unit") if not m.group("cur") else m.end()
    return reading


# -- count rules: the first that gives a reading (or SKIP) decides ----------------------------

def _date_word(n: Num, text: str) -> Reading | None:
    words = next_words(text, n.after, 1)
    first = words[0][0] if words else ""
    return SKIP if first.lower() in tables()["time_units"] or first in tables()["months"] else None


def _person(n: Num, text: str) -> Reading | None:
    T = tables()
    found = T["person_re"].match(text[n.after:n.after + 40])  # the longest person noun
    if not found:
        return None
    person = T["person_of"][found.group("p")]
    end = n.after + found.end()
    if person != T["person_generic"]:
        return Reading("person", person, f"person:{person}", end)
    nxt = next_words(text, end, 1)  # `tiga orang warga`: the noun after `orang` is the object
    if nxt and nxt[0][0] in T["persons"]:
        return Reading("person", nxt[0][0], f"person:{person}", nxt[0][2])
    return Reading("person", None, f"person:{person}", end)


def _others(n: Num, text: str) -> Reading | None:
    if not tables()["others_person"].match(text, n.after):
        return None
    return Reading("person", None, "person:lainnya", tables()["others"].match(text, n.after).end())


def _partitive(n: Num, text: str) -> Reading | None:
    found = tables()["partitive"].match(text, n.after)
    return Reading("person", found.group("p"), "person:partitive", found.end()) if found else None


def _total(n: Num, text: str) -> Reading | None:
    found = tables()["total_before"].search(clause_before(text, n.m.start("num"))) if n.is_digits else None
    return Reading("person", found.group("noun"), "person:total", n.m.end()) if found else None


def _in_name(n: Num, text: str) -> Reading | None:
    return SKIP if n.is_digits and not n.m.group("qual") and inside_name(text, n.m.start("num")) else None


def _object(n: Num, text: str) -> Reading | None:
    T = tables()
    ws = next_words(text, n.after, T["max_words"] + 1)
    if ws and ws[0][0] in T["classifiers"]:
        ws = ws[1:]
    taken = []
    for w, s, e in ws[:T["max_words"]]:
        if w.lower() in T["stop"] or not w[0].isalpha() or (w[0].isupper() and not w.isupper()):
            break
        if T["verb"].match(w) and w not in T["persons"]:
            break
        taken.append((w, s, e))
    if not taken:
        return None
    return Reading(None, " ".join(w for w, _s, _e in taken), "object", taken[-1][2])


@dataclass(frozen=True)
class CountRule:
    id: str
    example: str  # a text whose first number this rule reads (or skips)
    read: Callable[[Num, str], Reading | None]


COUNT_RULES: list[CountRule] = [
    CountRule("date-or-duration", "3 hari", _date_word),  # a duration or a date: no quantity
    CountRule("person", "tiga orang warga", _person),
    CountRule("person:lainnya", "140 lainnya luka-luka", _others),
    CountRule("person:partitive", "tujuh di antaranya anak-anak", _partitive),
    CountRule("person:total", "jumlah kematian mencapai sekitar 130.000", _total),
    CountRule("inside-name", "di Lobby Nusantara 2 DPR", _in_name),  # a number inside a name
    CountRule("object", "dua rumah", _object),
]


def count(n: Num, scan: Scan) -> Reading:
    """What a number without a unit counts (SKIP when it is no quantity)."""
    text = scan.text
    for rule in COUNT_RULES:
        found = rule.read(n, text)
        if found is not None:
            return found
    if tables()["range_next"].match(text, n.after):
        # `200 hingga 250 kasus`: the first end counts what the second one counts (see passes)
        scan.ranges.append((n.m.start(), tables()["range_next"].match(text, n.after).end(), n.value, n.approx))
        return SKIP
    # a bare number word counts nothing we can name; a bare number is a count only after a qualifier
    # (`sekitar 500`), never a year or a list number
    if not n.is_digits or _YEAR.fullmatch(n.raw) or not n.m.group("qual"):
        return SKIP
    return Reading(None, None, "number:qualified", n.m.end())
