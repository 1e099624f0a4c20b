"""`read_text`: a plain-text page read in named steps (STEPS), each taking its part of the page —
head, dateline, tail, body — and what it says about the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from warta.readers.text.dateline import (DatelineMatch, _locate_dateline, _outlet_shaped, _place_name, find_dateline,
                                         url_date)
from warta.readers.text.lines import (_add, _explode_edges, _is_meta_line, _labelled_byline, _repeats_title,
                                      _title_like, credit_name, outlet_key, parse_byline, parse_date_line)
from warta.readers.text.meta import _cut_tail, _drop_clutter, _Meta, is_heading
from warta.readers.text.rules import _EDGE, _END_PUNCT, blocks_of, clean_text, is_clutter, rules
from warta.record import Article, Section


@dataclass
class Page:
    """A page as the steps read it: its paragraphs shrink as head and tail matter is taken."""
    text: str
    title: str | None
    info: _Meta
    paras: list[str] = field(default_factory=list)
    brand: str | None = None  # a brand line under the headline (`kumparanNEWS`)
    stamps: list[str] = field(default_factory=list)  # timestamps read in the head: they stay in the text
    found: DatelineMatch | None = None
    k: int = 0  # the paragraph that opens with the dateline
    lead: int = 0  # the first paragraph of the lead (those above are head matter)
    credit_paras: list[str] = field(default_factory=list)  # wire credit lines: kept at the end, as evidence
    dateline: str | None = None
    dateline_place: str | None = None
    outlet: str | None = None
    n_body: int = 0
    starts: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def _outlets_on_clutter(p: Page) -> None:
    """Credits and the own outlet named on lines that are dropped as clutter."""
    r = rules()
    for ln in p.text.split("\n"):
        for pattern in r.republished:
            m = pattern.match(ln.strip())
            if m:
                _add(p.info.credits, credit_name(m.group("credit")) or m.group("credit").strip(" ."))
        if is_clutter(ln.strip()):
            for pattern in r.own_outlet_line:
                m = pattern.match(ln.strip())
                if m:
                    p.info.own.append(m.group("outlet"))


def _paragraphs(p: Page) -> None:
    lines = _drop_clutter(_cut_tail(p.text.split("\n")))
    p.paras = [" ".join(b) for b in _explode_edges(blocks_of("\n".join(lines)))]


def _above_headline(p: Page) -> None:
    """A date line before the headline (`Jumat 30 Jun 2023 22:36 WIB` / headline); a section label
    above it (`Kabar Tokoh` / headline) is no headline."""
    paras = p.paras
    while p.title is None and len(paras) > 2 and parse_date_line(paras[0]):
        p.stamps.append(paras[0])
        p.info.take_line(paras.pop(0), head=True)
    if p.title is None and len(paras) > 3 and len(paras[0].split()) <= rules().label_max \
            and all(w[:1].isupper() for w in paras[0].split()) and not paras[0].endswith(_END_PUNCT) \
            and _title_like(paras[1]) and len(paras[1].split()) >= 5 and not find_dateline(paras[1]) \
            and _labelled_byline(paras[1]) is None:
        paras.pop(0)


def _headline(p: Page) -> None:
    paras = p.paras
    if p.title is None and len(paras) > 1 and len(paras[0].split()) <= 30 \
            and not paras[0].endswith((".", "”", '"')) and _labelled_byline(paras[0]) is None \
            and parse_date_line(paras[0]) is None:
        p.title = paras.pop(0)
    elif p.title is not None and paras and paras[0].strip().casefold() == p.title.strip().casefold():
        paras.pop(0)


def _under_headline(p: Page) -> None:
    """Bylines, date lines, editor lines and brand lines under the headline, in any order."""
    paras, info = p.paras, p.info
    for _ in range(_EDGE + 1):
        if len(paras) < 2:
            break
        if info.take_line(paras[0], head=True):
            if parse_date_line(paras[0]):
                p.stamps.append(paras[0])
            paras.pop(0)
            continue
        if any(pattern.match(paras[0]) for pattern in rules().brand_line) or (info.authors and (
                credit_name(paras[0]) or "").casefold() == paras[0].strip(" .").casefold()):
            # `kumparanNEWS` under the headline, or a known outlet on the line under the author's
            # name (`Name` / `BBC News Indonesia` / `20 Februari 2024`): the article's own outlet
            p.brand = p.brand or paras[0]
            info.own.append(paras.pop(0))
            continue
        names = parse_byline(paras[0])
        if names:
            info.add_names(names)
            paras.pop(0)
            continue
        break


def _above_dateline(p: Page) -> None:
    """The paragraphs above a dateline that is not the first: head matter, but the standfirst and
    photo captions stay in the text."""
    r, info, paras, k = rules(), p.info, p.paras, p.k
    kept = []
    for i, para in enumerate(paras[:k]):
        if info.take_line(para, head=True):
            if parse_date_line(para):
                kept.append(para)
            continue
        if any(pattern.match(para) for pattern in r.brand_line):
            p.brand = p.brand or para
            info.own.append(para)
            continue
        # a bare name is a byline only right above a date line, a brand or the dateline (a short
        # caption such as `Kapolri Listyo Sigit` is none)
        nxt = paras[i + 1]
        names = parse_byline(para) if not _repeats_title(para, p.title) and (
            i + 1 == k or _is_meta_line(nxt) or any(pattern.match(nxt) for pattern in r.brand_line)) else None
        if names:
            info.add_names(names)
            continue
        kept.append(para)
    p.paras = kept + paras[k:]
    p.k = len(kept)


def _under_standfirst(p: Page) -> None:
    """No dateline: labelled bylines and date lines under a standfirst (`Penulis: X` after the summary)."""
    r, paras = rules(), p.paras
    kept = []
    for i, para in enumerate(paras[:_EDGE]):
        if len(paras) - i > 1 and (_labelled_byline(para) or parse_date_line(para)
                                   or any(pattern.match(para) for pattern in r.editor_line)):
            p.info.take_line(para, head=True)
            if not parse_date_line(para):
                continue
        kept.append(para)
    p.paras = kept + paras[_EDGE:]


def _head_matter(p: Page) -> None:
    """The dateline: in one of the first paragraphs; what comes before it is head matter."""
    p.k, p.found = _locate_dateline(p.paras, p.title)
    if p.found is not None and p.k > 0:
        _above_dateline(p)
    elif p.found is None:
        _under_standfirst(p)
    p.paras = p.stamps + p.paras
    p.k += len(p.stamps)
    p.lead = p.k if p.found is not None else len(p.stamps)  # the paragraphs above it are head matter


def _tail_headline(p: Page) -> None:
    """A headline and date line after the body when the page gave none at the top."""
    paras = p.paras
    if p.title is None and len(paras) > 3 and parse_date_line(paras[-1]) and _title_like(paras[-2]):
        p.info.published = p.info.published or parse_date_line(paras[-1])
        paras.pop()
        p.title = paras.pop()


def _tail_lines(p: Page) -> None:
    """Credit lines, editor lines and bylines closing the text; wire credit lines are kept as evidence."""
    paras, info = p.paras, p.info
    while len(paras) > 1:
        last = paras[-1]
        before = (len(info.credits), len(info.authors))
        if info.take_line(last, head=False):
            paras.pop()
            if len(info.credits) > before[0] and len(info.authors) == before[1]:
                p.credit_paras.insert(0, last)
            continue
        break


def _trailing_marks(p: Page) -> None:
    """`(Tribunnews.com/Name)`, `(Antara)`, `(asr)` closing the last paragraph, however many."""
    r, info, paras = rules(), p.info, p.paras
    if not paras:
        return
    last = paras[-1]
    changed = True
    while changed and last:
        changed = False
        before = info.take_slash(last, whole=False)
        if before is not None:
            last, changed = before, True
        for pattern in r.credit_end:
            m = pattern.search(last)
            if m and credit_name(m.group("credit")):
                _add(info.credits, credit_name(m.group("credit")))
                last = last[:m.start()].rstrip()
                changed = True
        for pattern in r.editor_end:
            m = pattern.search(last)
            if m and not credit_name(m.group("initials")):
                info.editor = info.editor or m.group("initials").replace(" ", "")
                last = last[:m.start()].rstrip()
                changed = True
    if last:
        paras[-1] = last
    else:
        paras.pop()


def _dateline_fields(p: Page) -> None:
    """The dateline stays in the text; its place and outlet are read."""
    found = p.found
    if found is not None and p.k < len(p.paras):
        para = p.paras[p.k]
        p.dateline = para[:found.end].strip()
        if found.place:
            p.dateline_place = _place_name(para[found.place[0]:found.place[1]])
        if found.outlet:
            p.outlet = para[found.outlet[0]:found.outlet[1]].strip(" .")
            p.info.own.append(p.outlet)


def _body(p: Page) -> None:
    """The body (the wire credit lines at its end) and its section headings."""
    p.n_body = n_body = len(p.paras)
    p.paras = paras = p.paras + [c for c in p.credit_paras if p.paras]
    offset = 0
    for para in paras:
        p.starts.append(offset)
        offset += len(para) + 2
    for i, para in enumerate(paras[:n_body]):
        if 0 < i < n_body - 1 and is_heading(para) and not (p.found is not None and i == p.k):
            p.sections.append(Section(title=para, start=p.starts[i],
                                      end=p.starts[n_body - 1] + len(paras[n_body - 1])))
    for a, b in zip(p.sections, p.sections[1:]):
        a.end = b.start


def _inline_credits(p: Page) -> None:
    """`dilaporkan Reuters dan CNN` in the body; the article's own outlet is never a credit."""
    r, info, body = rules(), p.info, "\n\n".join(p.paras)
    for matches in r.credit_inline_set.matches(body):
        for m in matches:
            name = credit_name(m.group("credit"))
            _add(info.credits, name)
            end = m.end("credit")
            while name:
                more = r.credit_inline_more.match(body[end:])
                name = credit_name(more.group("credit")) if more else None
                _add(info.credits, name)
                end += more.end("credit") if more else 0
    own = {outlet_key(o) for o in info.own}
    info.credits = [c for c in info.credits if outlet_key(c) not in own]
    p.outlet = p.outlet or p.brand


@dataclass(frozen=True)
class Step:
    id: str
    run: Callable[[Page], None]


STEPS: list[Step] = [
    Step("clutter-outlets", _outlets_on_clutter),
    Step("paragraphs", _paragraphs),
    Step("above-headline", _above_headline),
    Step("headline", _headline),
    Step("under-headline", _under_headline),
    Step("head-matter", _head_matter),
    Step("tail-headline", _tail_headline),
    Step("tail-lines", _tail_lines),
    Step("trailing-marks", _trailing_marks),
    Step("dateline-fields", _dateline_fields),
    Step("body", _body),
    Step("inline-credits", _inline_credits),
]


def _dateline_spans(p: Page) -> dict | None:
    """Offsets of the dateline and its place and outlet in the body."""
    found = p.found
    if found is None or p.k >= len(p.paras):
        return None
    base = p.starts[p.k]
    spans = {"span": (base, base + len(p.dateline)), "parts": []}
    if found.place:
        spans["parts"].append((base + found.place[0], base + found.place[1], "LOC"))
    if found.region:
        spans["parts"].append((base + found.region[0], base + found.region[1], "LOC"))
    if found.outlet:
        o_start = base + found.outlet[0]
        spans["parts"].append((o_start, o_start + len(p.outlet), "ORG"))
    return spans


def _stamp_outlets(p: Page) -> list[tuple[int, int, str]]:
    """The outlet that opens a timestamp kept above the lead (`CNN Indonesia | Selasa, 24/09/2019 …`)."""
    outlets = []
    for i in range(p.lead):
        m = re.match(r"([\w\.]+(?:\s[\w\.]+){0,2})\s+[-–—|]\s+", p.paras[i])
        if m and parse_date_line(p.paras[i]) and _outlet_shaped(m.group(1)):
            outlets.append((p.starts[i], p.starts[i] + m.end(1), "ORG"))
    return outlets


def _scratch(article: Article, p: Page) -> None:
    """What the reader tells later components about the layout."""
    if len(p.paras) > p.n_body:
        article.scratch["credits_start"] = p.starts[p.n_body]  # read by the sentence splitter (kind "credit")
    spans = _dateline_spans(p)
    if spans is not None:
        # read by the sentence splitter (kind "dateline") and the entity finder (its place and outlet)
        article.scratch["dateline"] = spans
    if 0 < p.lead < p.n_body:
        article.scratch["lead_start"] = p.starts[p.lead]  # timestamps, standfirst, captions above: kind "caption"
        outlets = _stamp_outlets(p)
        if outlets:
            article.scratch["stamp_outlets"] = outlets  # read by the entity finder


def read_text(raw: str, source: str | None = None, **meta) -> Article:
    """Build an Article from a plain-text news article."""
    p = Page(clean_text(raw), meta.pop("title", None), _Meta(list(meta.pop("authors", None) or [])))
    given_published = meta.pop("published", None)
    for step in STEPS:
        step.run(p)
    info = p.info
    article = Article(text="\n\n".join(p.paras), source=source, title=p.title, authors=info.authors,
                      credits=info.credits, editor=info.editor, dateline=p.dateline,
                      dateline_place=p.dateline_place, outlet=p.outlet,
                      published=given_published or info.published or url_date(meta.get("url")),
                      sections=p.sections, **meta)
    _scratch(article, p)
    return article
