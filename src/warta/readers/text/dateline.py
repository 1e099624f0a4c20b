"""The dateline (`JAKARTA, KOMPAS.com -`) and dates in a page's address."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.readers.text.lines import _repeats_title, credit_name
from warta.readers.text.rules import rules

def _place_name(place: str) -> str:
    words = place.strip(" .").split()
    return " ".join(w if len(w) <= 2 and w.isupper() else w[:1].upper() + w[1:].lower() for w in words)


@dataclass
class DatelineMatch:
    """A dateline at the start of a paragraph: its length and the spans of its place and outlet."""
    end: int
    place: tuple[int, int] | None
    outlet: tuple[int, int] | None
    region: tuple[int, int] | None = None


def _known_place(name: str) -> bool:
    from warta.knowledge.gazetteer import resolve  # the gazetteer; loaded only when a dateline needs it

    name = name.strip(" .")
    return bool(name) and (resolve(name) is not None or (name.isupper() and resolve(name.title()) is not None))


def _outlet_shaped(part: str) -> bool:
    """A web domain, a camel-cased brand or a known outlet (`KOMPAS.com`, `detikNews`, `CNN Indonesia`)."""
    parts = rules().dateline_parts
    return bool(re.fullmatch(parts["domain"], part) or re.fullmatch(parts["brand"], part) or credit_name(part))


def find_dateline(para: str) -> DatelineMatch | None:
    """The dateline opening `para` (`JAKARTA, KOMPAS.com -`, `Nusa Dua, Bali (ANTARA) -`), or None."""
    for pattern, check in rules().dateline:
        m = pattern.match(para)
        if not m:
            continue
        groups = m.groupdict()
        end = m.end()
        place = m.span("place") if groups.get("place") else None
        outlet = m.span("outlet") if groups.get("outlet") else None
        if groups.get("either"):
            text = groups["either"].strip(" .")
            span = (m.start("either"), m.start("either") + len(text))
            if _known_place(text):
                place = span
            elif len(text) >= 4 or _outlet_shaped(text):
                outlet = span
            else:
                continue
        if groups.get("a"):
            a, b = m.span("a"), m.span("b")
            if _outlet_shaped(groups["a"]) and not _outlet_shaped(groups["b"]):
                outlet, place = a, b
            elif _outlet_shaped(groups["b"]) or _known_place(groups["a"]):
                place, outlet = a, b
            elif _known_place(groups["b"]):
                outlet, place = a, b
            else:
                continue
        if check == "place" and place is not None:
            words = list(re.finditer(r"\S+", para[place[0]:place[1]]))
            # the longest known run of words (`Jakarta` of `Jakarta Lamsel Fest`)
            while words and not _known_place(para[place[0]:place[0] + words[-1].end()]):
                words.pop()
            if not words:
                continue
            new_end = place[0] + words[-1].end()
            if new_end < place[1]:
                end = new_end
                while end < len(para) and para[end] == " ":
                    end += 1
            place = (place[0], new_end)
        region = m.span("region") if groups.get("region") else None
        return DatelineMatch(end, place, outlet, region)
    return None


def _locate_dateline(paras: list[str], title: str | None) -> tuple[int, "DatelineMatch | None"]:
    """The index of the paragraph that opens with the dateline among the first few, and the dateline.
    Past the first paragraph, the dateline must open the body: a long paragraph (or stand alone
    before one)."""
    r = rules()
    for i, para in enumerate(paras[:r.dateline_head]):
        if _repeats_title(para, title):
            continue
        found = find_dateline(para)
        if found is None:
            continue
        rest = para[found.end:].split() or (paras[i + 1].split() if i + 1 < len(paras) else [])
        if i == 0 or len(rest) >= 12:
            return i, found
    return 0, None


def url_date(url: str | None) -> str | None:
    """The publication date in a page's address (`…/read/2023/08/18/…`), or None."""
    import datetime as dt

    for p in rules().url_date if url else []:
        m = p.search(url)
        if m:
            try:
                return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None


