"""Quantities: Indonesian numerals with their unit or counted object.

Numbers: digits with thousands dots / decimal commas and scale words
(`1.209`, `3,75`, `Rp 3 triliun`), number words (`dua`, `puluhan`) from
`lexicons/numbers.yaml`.  Units, currencies, person nouns and classifiers come
from `lexicons/units.yaml`.  A qualifier (`sekitar`, `lebih dari`) sets
`approximate`.  Vague counts without a digit (`ribuan buruh`, `puluhan ribu warga`) give
no item: there is no number to report.  Earthquake magnitudes (`magnitudo 6,9`, `M 7,4`,
`berkekuatan 6,9 SR`) and `N lainnya luka-luka` (people) follow `units.yaml`.
Dates, clock times, years, durations, article and list numbers
and parts of names (`G20`, `Pasal 5`, `Nusantara 2 DPR`) are never quantities; `seorang`/`sebuah`
alone are indefinite articles and count only after a qualifier (`hanya seorang`) or, for a
person, before a casualty word in its clause (`seorang anggota TNI … mengalami luka tembak`).
A currency sign may be glued to the number (`Rp150 juta`, `SGD13 juta`); a number restated in
words is one number (`4 (empat) pejabat`); people are counted through a partitive (`tujuh di
antaranya anak-anak`) or a total named before a bare number (`jumlah kematian mencapai 130.000`);
the first end of a range counts what the second counts (`200 hingga 250 kasus`).

Steps: `tables` (the lexicons as patterns), `counted` (one number: its unit, else COUNT_RULES),
`passes` (PASSES over the whole text after the numbers: fractions, range starts, se- classifiers).
"""

from __future__ import annotations

import re

from warta.annotate.quantities.counted import COUNT_RULES, SKIP, Num, Scan, count, measure  # noqa: F401
from warta.annotate.quantities.passes import PASSES
from warta.annotate.quantities.tables import idiom_spans, prev_word, tables
from warta.knowledge import numbers
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Quantity


def _number(m: re.Match, scan: Scan) -> Num | None:
    """The number of a match of the main pattern, or None when it is no quantity from the start."""
    T, text = tables(), scan.text
    num_s, num_e = m.span("num")
    if scan.blocked_at.overlaps(num_s, num_e) or scan.idioms_at.overlaps(num_s, num_e):
        return None
    prev = prev_word(text, m.start("pre") if m.group("pre") else num_s)
    if not m.group("qual") and not m.group("pre") and prev in T["name_prefixes"]:
        return None  # `Pasal 5`, `Nomor 12`
    parsed = numbers.parse_number(m.group("num"))
    if parsed is None:
        return None
    n = Num(m, m.group("num"), parsed[0], parsed[1], m.end("restate") + 1 if m.group("restate") else num_e)
    if n.approx and not n.is_digits:
        return None  # `ribuan buruh`, `ratusan juta rupiah`: a vague count, no number to report
    return n


def _magnitude(n: Num, scan: Scan) -> bool:
    """`magnitudo 6,9`, `M 7,4`, `berkekuatan 6,9 SR`: an earthquake's magnitude (added when True)."""
    T, m, text = tables(), n.m, scan.text
    mag = T["magnitude"]
    num_s, num_e = m.span("num")
    if not (n.is_digits and not m.group("pre") and not m.group("unit") and 0 < n.value < mag["max"]):
        return False
    after_mag = T["mag_after"].match(text, num_e)
    if not (after_mag or T["mag_before"].search(text[max(0, num_s - 30):num_s])):
        return False
    end = after_mag.end() if after_mag else num_e
    start = m.start("qual") if m.group("qual") else num_s
    scan.add(start, end, n.value, mag["unit"], mag["object"], n.approx, "magnitude")
    return True


_POINT_DECIMAL = re.compile(r"\d+\.\d{1,2}")


def _read(m: re.Match, scan: Scan) -> None:
    n = _number(m, scan)
    if n is None or _magnitude(n, scan):
        return
    reading = measure(n, scan.text)
    if reading.unit is None:
        reading = count(n, scan)
        if reading is SKIP:
            return
    if reading.unit is None and _POINT_DECIMAL.fullmatch(n.raw):
        return  # `3.14`, `1.5`: no thousands separator, no quantity we can read
    approx, qual = n.approx, m.group("qual")
    if qual:
        approx = approx or tables()["qualifiers"].get(qual.lower(), "approximate") != "exact"
    scan.add(m.start(), reading.end, n.value, reading.unit, reading.obj, approx, reading.rule)


def find_quantities(article: Article) -> list[Quantity]:
    T = tables()
    text = article.text
    scan = Scan(article, blocked=[(d.start, d.end) for d in article.dates],
                idioms=idiom_spans(text))
    numbers, scan.se_matches = T["pat_set"].matches(text)  # T["pat"] and T["se_pat"].finditer(text), faster
    for m in numbers:
        _read(m, scan)
    for p in PASSES:
        p.run(scan)
    scan.out.sort(key=lambda q: q.start)
    return scan.out


@component("quantities", requires=["sentences"], assigns=["quantities"])
def make_quantities(options: Options):
    """Find numbers with their units or counted objects."""
    tables()

    def run(article: Article) -> Article:
        article.quantities = find_quantities(article)
        return article

    return run
