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
"""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.knowledge import numbers
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Quantity

S = r"[ \t\u00a0]+"


def _alt(items) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@functools.cache
def tables() -> dict:
    u = lexicons.load("units")
    months = lexicons.load("months")
    nums = lexicons.load("numbers")
    unit_of = {}
    for code, forms in u["units"].items():
        for f in forms:
            unit_of[f] = code
    prefix_cur, suffix_cur = {}, {}
    for code, c in u["currencies"].items():
        for f in c.get("prefix") or []:
            prefix_cur[f] = code
        for f in c.get("suffix") or []:
            suffix_cur[f] = code
    persons = list(u["persons"])
    time_units = set(months["duration_units"]) | set(months["se_durations"])
    NUM = numbers.number_pattern()
    quals = _alt(nums["qualifiers"])
    pat = re.compile(
        rf"(?:(?P<qual>(?i:{quals})){S})?"
        # `Rp 150 juta`, `Rp150 juta`, `SGD13 juta`; a number word may follow a glued full stop (`ini.Dua`)
        rf"(?:(?<![\w])(?P<pre>{_alt(prefix_cur)})(?:{S})?|(?<![\w.,/-])|(?<=[a-z]\.)(?=[A-Za-z]))"
        rf"(?P<num>{NUM})"
        # `4 (empat) pejabat`: the number restated in words
        rf"(?:[ \t\u00a0]*\((?P<restate>{numbers.word_pattern()})\))?(?![\w]|[.,]\d|/\d|-\w)"
        rf"(?:(?:{S})?(?P<unit>{_alt(unit_of)})(?![\w]))?"
        rf"(?:{S}(?P<cur>{_alt(suffix_cur)})(?![\w]))?")
    se_pat = re.compile(rf"(?P<qual>(?i:{quals})){S}(?P<se>{_alt(nums['se_classifiers'])})\b")
    persons_alt = _alt(persons)
    # `seorang anggota TNI … mengalami luka tembak`: one person, counted when a casualty word follows
    se_casualty = re.compile(rf"\b(?P<se>[Ss]eorang){S}(?P<obj>{persons_alt})\b(?P<rest>[^.,;\n]{{0,60}})")
    casualty = re.compile(rf"\b(?:{_alt(u['casualty_words'])})\b")
    # `tujuh di antaranya anak-anak`, `Dua diantara korban`: N of a group of people
    partitive = re.compile(rf"[ \t\u00a0]+(?:{_alt(u['partitive_words'])})[ \t\u00a0]+(?P<p>{persons_alt})(?![\w])")
    # `jumlah kematian mencapai sekitar 130.000`: a bare number totals the people named before it
    total_before = re.compile(rf"\b(?i:{_alt(u['total_words'])}){S}(?P<noun>{_alt(persons + u['person_totals'])})\b"
                              rf"(?:{S}[\w-]+){{0,2}}?{S}(?:{_alt(u['total_verbs'])}){S}(?:(?i:{quals}){S})?$")
    range_next = re.compile(rf"[ \t\u00a0]*(?:-|–|[ \t\u00a0](?:hingga|sampai|s\.d\.|s/d)[ \t\u00a0])[ \t\u00a0]*(?=\d)")
    currency_scales = {k: float(v) for k, v in u["currency_scales"].items()}
    # `2/3 dari tuntutan jaksa`: a fraction of something (never a date: no bracket, no weekday)
    fraction = re.compile(rf"(?<![\w/(.,-])(?P<a>[1-9])/(?P<b>[1-9])(?![\w/]){S}(?:{_alt(u['fraction_after'])})\b")
    return {"currency_scales": currency_scales, "fraction": fraction,
            "currency_scale": re.compile(rf"[ \t\u00a0]?({_alt(currency_scales)})(?![\w])"),
            "pat": pat, "se_pat": se_pat, "se_casualty": se_casualty, "casualty": casualty, "partitive": partitive,
            "total_before": total_before, "range_next": range_next, "unit_of": unit_of, "prefix_cur": prefix_cur, "suffix_cur": suffix_cur,
            "persons": sorted(persons, key=len, reverse=True),
            # one regex for every person noun, lexicon form and title case (`995 Jiwa`): linear in numbers
            "person_re": re.compile("[ \t\u00a0]+(?P<p>" + "|".join(re.escape(v) for p in sorted(persons, key=len, reverse=True)
                                                            for v in dict.fromkeys([p, p.title()])) + r")(?![\w])"),
            "person_of": {v: p for p in persons for v in (p.title(), p)}, "classifiers": set(u["classifiers"]),
            "time_units": time_units, "stop": set(u["object_stop"]), "max_words": u["object_max_words"],
            "not": [re.compile(rf"(?i)\b{re.escape(x)}\b") for x in u["not_quantities"]],
            "name_prefixes": set(u["name_prefixes"]), "qualifiers": nums["qualifiers"],
            "months": {n for names in months["months"].values() for n in names},
            "magnitude": u["magnitude"],
            "mag_before": re.compile(rf"(?:^|[ \t\u00a0(])(?:{_alt(u['magnitude']['before'])})[ \t\u00a0]*$"),
            "mag_after": re.compile(rf"[ \t\u00a0]+(?:{_alt(u['magnitude']['after'])})(?![\w])"),
            "lainnya": re.compile(rf"[ \t\u00a0]+lainnya[ \t\u00a0]+(?:{_alt(u['person_after_lainnya'])})(?![\w])")}


def _next_words(text: str, pos: int, n: int) -> list[tuple[str, int, int]]:
    out = []
    while len(out) < n:
        m = re.match(r"[ \t\u00a0]+([\w-]+)", text[pos:])
        if not m:
            break
        s = pos + m.start(1)
        out.append((m.group(1), s, pos + m.end(1)))
        pos = pos + m.end(1)
    return out


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.]+)[ \t\u00a0]*$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _clause_before(text: str, pos: int) -> str:
    """The text of the clause before `pos` (back to the last sentence or clause stop)."""
    window = text[max(0, pos - 80):pos]
    cut = max(window.rfind(ch) for ch in ".;:!?\n")
    return window[cut + 1:]


def _inside_name(text: str, pos: int) -> bool:
    """A number right after a capitalised word inside a sentence (`Nusantara 2 DPR RI`) is part of a name."""
    m = re.search(r"([A-Z][a-z][\w-]*)[ \t\u00a0]+$", text[max(0, pos - 40):pos])
    if not m:
        return False
    before = text[max(0, pos - 40):pos][:m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\"“”'(:\n"


def find_quantities(article: Article) -> list[Quantity]:
    T = tables()
    text = article.text
    blocked = [(d.start, d.end) for d in article.dates]
    idioms = [(m.start(), m.end()) for p in T["not"] for m in p.finditer(text)]
    out: list[Quantity] = []

    def inside(a, b, spans):
        return any(a < e and b > s for s, e in spans)

    ranges: list[tuple[int, int, float, bool]] = []  # `200 hingga 250 kasus`: (start, next number, value, approx)
    for m in T["pat"].finditer(text):
        num_s, num_e = m.span("num")
        raw = m.group("num")
        # where the words after the number start (`4 (empat) pejabat`: after the restated number)
        after_num = m.end("restate") + 1 if m.group("restate") else num_e
        if inside(num_s, num_e, blocked) or inside(num_s, num_e, idioms):
            continue
        prev = _prev_word(text, m.start("pre") if m.group("pre") else num_s)
        if not m.group("qual") and not m.group("pre") and prev in T["name_prefixes"]:
            continue
        parsed = numbers.parse_number(raw)
        if parsed is None:
            continue
        value, approx = parsed
        is_digits = raw[0].isdigit()
        if approx and not is_digits:
            continue  # `ribuan buruh`, `ratusan juta rupiah`: a vague count, no number to report
        mag = T["magnitude"]
        if is_digits and not m.group("pre") and not m.group("unit") and 0 < value < mag["max"]:
            after_mag = T["mag_after"].match(text, num_e)
            if after_mag or T["mag_before"].search(text[max(0, num_s - 30):num_s]):
                end = after_mag.end() if after_mag else num_e
                start = m.start("qual") if m.group("qual") else num_s
                out.append(Quantity(text=text[start:end], start=start, end=end, value=value, unit=mag["unit"],
                                    object=mag["object"], approximate=approx, sentence=article.sentence_at(start),
                                    rule="magnitude"))
                continue
        unit = None
        obj = None
        end = m.end()
        rule = "number"
        if m.group("pre"):
            unit = T["prefix_cur"][m.group("pre")]
            rule = "currency:prefix"
            short = T["currency_scale"].match(text, num_e)
            if short and not m.group("unit"):  # `Rp 1,5 T`, `Rp208 M`
                value = round(value * T["currency_scales"][short.group(1)], 6)
                end = short.end()
        elif m.group("cur"):
            unit = T["suffix_cur"][m.group("cur")]
            rule = "currency:suffix"
        if m.group("unit") and unit is None:
            unit = T["unit_of"][m.group("unit")]
            rule = f"unit:{m.group('unit')}"
        elif m.group("unit") and unit:
            end = m.end("unit") if not m.group("cur") else m.end()
        if unit is None:
            words = _next_words(text, after_num, T["max_words"] + 1)
            first = words[0][0] if words else ""
            if first.lower() in T["time_units"] or first in T["months"]:
                continue  # a duration or a date
            # person nouns (longest first)
            after = text[after_num:after_num + 40]
            # `995 Jiwa, 226 Warga` in a title-case headline count people too
            found = T["person_re"].match(after)  # the longest person noun (one regex: linear in numbers)
            person = T["person_of"][found.group("p")] if found else None
            lainnya = T["lainnya"].match(text, after_num) if not person else None
            partitive = T["partitive"].match(text, after_num) if not person and not lainnya else None
            total = T["total_before"].search(_clause_before(text, num_s)) if is_digits else None
            if lainnya:  # `140 lainnya luka-luka`: more people
                unit, rule = "person", "person:lainnya"
                end = after_num + re.match(r"[ \t\u00a0]+lainnya", after).end()
            elif partitive:  # `tujuh di antaranya anak-anak`
                unit, obj, rule, end = "person", partitive.group("p"), "person:partitive", partitive.end()
            elif person:
                unit = "person"
                end = after_num + re.match(rf"[ \t\u00a0]+(?:{re.escape(person)}|{re.escape(person.title())})", after).end()
                obj = None if person == "orang" else person
                if person == "orang":  # "tiga orang warga": the noun after orang is the object
                    nxt = _next_words(text, end, 1)
                    if nxt and nxt[0][0] in T["persons"]:
                        obj, end = nxt[0][0], nxt[0][2]
                rule = f"person:{person}"
            elif total:  # `jumlah kematian mencapai sekitar 130.000`
                unit, obj, rule = "person", total.group("noun"), "person:total"
            else:
                if is_digits and not m.group("qual") and _inside_name(text, num_s):
                    continue  # `Lobby Nusantara 2 DPR RI`: a number inside a name
                ws = words
                if ws and ws[0][0] in T["classifiers"]:
                    ws = ws[1:]
                taken = []
                for w, s, e in ws[:T["max_words"]]:
                    if w.lower() in T["stop"] or not w[0].isalpha() or (w[0].isupper() and not w.isupper()):
                        break
                    if re.match(r"(me|mem|men|meng|meny|di|ber|ter)\w{3,}", w) and w not in T["persons"]:
                        break
                    taken.append((w, s, e))
                if taken:
                    obj = " ".join(w for w, _s, _e in taken)
                    end = taken[-1][2]
                    rule = "object"
                elif T["range_next"].match(text, after_num):
                    # `200 hingga 250 kasus`: the first end counts what the second one counts
                    ranges.append((m.start(), T["range_next"].match(text, after_num).end(), value, approx))
                    continue
                elif not is_digits:
                    continue  # a bare number word counts nothing we can name
                else:
                    # a bare number: keep only when it is clearly a count (not a year or a list number)
                    if re.fullmatch(r"(1[89]|20)\d\d", raw) or not m.group("qual"):
                        continue
                    rule = "number:qualified"
        if unit is None and is_digits and re.fullmatch(r"\d+\.\d{1,2}", raw):
            continue
        if re.fullmatch(r"\d+\.\d{1,2}", raw) and unit is None:
            continue
        qual = m.group("qual")
        start = m.start()
        if qual:
            kind = T["qualifiers"].get(qual.lower(), "approximate")
            approx = approx or kind != "exact"
        out.append(Quantity(text=text[start:end], start=start, end=end, value=value, unit=unit, object=obj,
                            approximate=approx, sentence=article.sentence_at(start), rule=rule))
    for m in T["fraction"].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b and not inside(m.start(), m.end("b"), blocked + [(q.start, q.end) for q in out]):
            out.append(Quantity(text=text[m.start():m.end("b")], start=m.start(), end=m.end("b"), value=round(a / b, 3),
                                unit=None, object=None, approximate=False,
                                sentence=article.sentence_at(m.start()), rule="fraction"))
    for start, nxt, value, approx in ranges:
        second = next((q for q in out if q.start == nxt or (q.start < nxt < q.end and q.text[:1].isalpha())), None)
        if second is not None and (second.unit or second.object):
            out.append(Quantity(text=text[start:second.end], start=start, end=second.end, value=value,
                                unit=second.unit, object=second.object, approximate=approx,
                                sentence=article.sentence_at(start), rule="range-start"))
    for m in T["se_casualty"].finditer(text):
        if inside(m.start(), m.end("obj"), [(q.start, q.end) for q in out]) or inside(m.start(), m.end("obj"), idioms):
            continue
        if T["casualty"].search(m.group("rest")):
            obj = m.group("obj")
            out.append(Quantity(text=text[m.start():m.end("obj")], start=m.start(), end=m.end("obj"), value=1,
                                unit="person", object=obj, approximate=False,
                                sentence=article.sentence_at(m.start()), rule="se-classifier:casualty"))
    for m in T["se_pat"].finditer(text):
        if inside(m.start(), m.end(), [(q.start, q.end) for q in out]):
            continue
        cls = lexicons.load("numbers")["se_classifiers"][m.group("se").lower()]
        nxt = _next_words(text, m.end(), 1)
        obj = nxt[0][0] if nxt and nxt[0][0].lower() not in T["stop"] else None
        end = nxt[0][2] if obj else m.end()
        out.append(Quantity(text=text[m.start():end], start=m.start(), end=end, value=1,
                            unit="person" if cls == "orang" else None, object=obj,
                            approximate=T["qualifiers"].get(m.group("qual").lower()) != "exact",
                            sentence=article.sentence_at(m.start()), rule=f"se-classifier:{m.group('se').lower()}"))
    out.sort(key=lambda q: q.start)
    return out


@component("quantities", requires=["sentences"], assigns=["quantities"])
def make_quantities(options: Options):
    """Find numbers with their units or counted objects."""
    tables()

    def run(article: Article) -> Article:
        article.quantities = find_quantities(article)
        return article

    return run
