"""Plain-text articles as copied from Indonesian news sites.

Recognises the headline, byline, dateline (`JAKARTA, KOMPAS.com -`), lead,
section sub-headings, body paragraphs, the editor's initials at the end
(`(asr)`), wire credits (`Reuters berkontribusi pada laporan ini`, `(Antara)`,
`Melansir BBC`) and page clutter (`Baca Juga: …`).  The conventions are data,
in `lexicons/structure.yaml`; this module only applies them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from warta import lexicons
from warta.record import Article, Section

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_END_PUNCT = tuple('.!?:;"”’\')…')
_DATE_LINE = re.compile(
    r"^(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad),?\s+)?\d{1,2}[ /-]\w{3,9}[ /-]\d{4}"
    r"(?:[, ]+(?:pukul\s+)?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:WIB|WITA|WIT|GMT|UTC)?)?\s*$",
    re.IGNORECASE)


@dataclass
class Rules:
    clutter: list[re.Pattern]
    byline: list[re.Pattern]
    byline_stopwords: frozenset[str]
    editor: list[re.Pattern]
    dateline: list[re.Pattern]
    credit_line: list[re.Pattern]
    credit_end: list[re.Pattern]
    credit_inline: list[re.Pattern]
    outlets: dict[str, str]
    heading_max: int
    heading_min: int


@functools.cache
def rules() -> Rules:
    data = lexicons.load("structure")
    ci = re.IGNORECASE
    return Rules(
        clutter=[re.compile(p, ci) for p in data["clutter"]],
        # byline name patterns rely on capitals: only the labelled form is case-insensitive
        byline=[re.compile(data["byline"][0], ci)] + [re.compile(p) for p in data["byline"][1:]],
        byline_stopwords=frozenset(w.lower() for w in data["byline_stopwords"]),
        editor=[re.compile(p, ci if p.startswith("^") else 0) for p in data["editor"]],
        dateline=[re.compile(p) for p in data["dateline"]],
        credit_line=[re.compile(p) for p in data["credits"]["line"]],
        credit_end=[re.compile(p) for p in data["credits"]["end"]],
        credit_inline=[re.compile(p) for p in data["credits"]["inline"]],
        outlets={o.casefold(): o for o in data["outlets"]},
        heading_max=int(data["heading"]["max_words"]),
        heading_min=int(data["heading"]["min_words"]),
    )


def clean_text(raw: str) -> str:
    """NFC, one kind of newline, no zero-width characters, single spaces (curly quotes kept)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs split on blank lines; a text without blank lines has one paragraph a line."""
    if re.search(r"\n\s*\n", text):
        paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    else:
        paras = [line.strip() for line in text.split("\n")]
    return [p for p in paras if p]


def is_clutter(line: str) -> bool:
    return any(p.match(line) for p in rules().clutter)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\bdan\b|&)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def parse_byline(para: str) -> list[str] | None:
    """Author names if `para` is a byline, else None."""
    r = rules()
    if len(para.split()) > 12 or para.endswith((".", "?", "!", '"', "”")):
        return None
    for i, pattern in enumerate(r.byline):
        m = pattern.match(para)
        if not m:
            continue
        names = _split_names(m.group("names"))
        if i > 0:  # the bare-name form: no sentence words, short names
            words = {w.lower() for w in re.findall(r"\w+", para)}
            if words & r.byline_stopwords or not names or any(len(n.split()) > 5 for n in names):
                continue
        names = [n for n in names if not re.search(r"\d", n)]
        if names:
            return names
    return None


def _credit_name(name: str) -> str | None:
    name = name.strip(" .,")
    outlets = rules().outlets
    words = name.split()
    # the longest known outlet at the start of the captured words
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n]).casefold()
        if key in outlets:
            return outlets[key]
    return None


def _add(items: list[str], value: str | None) -> None:
    if value and value.casefold() not in {x.casefold() for x in items}:
        items.append(value)


def read_text(raw: str, source: str | None = None, **meta) -> Article:
    """Build an Article from a plain-text news article."""
    r = rules()
    text = clean_text(raw)
    lines = [ln for ln in text.split("\n") if not (ln.strip() and is_clutter(ln.strip()))]
    paras = paragraphs_of("\n".join(lines))

    title = meta.pop("title", None)
    authors: list[str] = list(meta.pop("authors", None) or [])
    credits: list[str] = []
    published = meta.pop("published", None)
    editor = dateline = dateline_place = outlet = None

    # -- the head: headline, byline, a date line ----------------------------------
    if title is None and paras and len(paras[0].split()) <= 30 and len(paras) > 1 \
            and not paras[0].endswith((".", "”", '"')) and parse_byline(paras[0]) is None:
        title = paras.pop(0)
    elif title is not None and paras and paras[0].strip().casefold() == title.strip().casefold():
        paras.pop(0)
    for _ in range(3):  # byline and date line, in either order
        if not paras:
            break
        if _DATE_LINE.match(paras[0]):
            published = published or _parse_date_line(paras[0])
            paras.pop(0)
            continue
        names = parse_byline(paras[0]) if len(paras) > 1 else None
        if names:
            for n in names:
                _add(authors, n)
            paras.pop(0)
            continue
        break

    # -- the tail: credit lines, editor initials -------------------------------
    while paras:
        last = paras[-1]
        m = next((m for p in r.credit_line if (m := p.match(last))), None)
        if m:
            _add(credits, m.group("credit").strip(" ."))
            paras.pop()
            continue
        m = next((m for p in r.editor if p.pattern.startswith("^") and (m := p.match(last))), None)
        if m:
            editor = m.group("initials").strip()
            paras.pop()
            continue
        break
    if paras:
        last = paras[-1]
        changed = True
        while changed:
            changed = False
            for p in r.credit_end:
                m = p.search(last)
                if m:
                    _add(credits, m.group("credit"))
                    last = last[:m.start()].rstrip()
                    changed = True
            for p in r.editor:
                if p.pattern.startswith("^"):
                    continue
                m = p.search(last)
                if m and not _credit_name(m.group("initials")):
                    editor = editor or m.group("initials")
                    last = last[:m.start()].rstrip()
                    changed = True
        if last:
            paras[-1] = last
        else:
            paras.pop()

    # -- the dateline at the start of the first paragraph -------------------------
    if paras:
        for p in r.dateline:
            m = p.match(paras[0])
            if m and m.end() < len(paras[0]):
                dateline = m.group(0).strip()
                dateline_place = m.group("place").strip(" .").title() if m.group("place") else None
                outlet = (m.groupdict().get("outlet") or "").strip() or None
                if outlet and _credit_name(outlet) and _credit_name(outlet).casefold() in {"antara", "reuters", "afp", "ap", "xinhua"}:
                    _add(credits, _credit_name(outlet))
                paras[0] = paras[0][m.end():].lstrip()
                break

    # -- body text and section headings -------------------------------------------
    body = "\n\n".join(paras)
    sections: list[Section] = []
    offset = 0
    starts = []
    for para in paras:
        starts.append(offset)
        offset += len(para) + 2
    for i, para in enumerate(paras):
        if 0 < i < len(paras) - 1 and _is_heading(para):
            sections.append(Section(title=para, start=starts[i], end=len(body)))
    for a, b in zip(sections, sections[1:]):
        a.end = b.start

    for p in r.credit_inline:
        for m in p.finditer(body):
            _add(credits, _credit_name(m.group("credit")))

    article = Article(text=body, source=source, title=title, authors=authors, credits=credits,
                      editor=editor, dateline=dateline, dateline_place=dateline_place, outlet=outlet,
                      published=published, sections=sections, **meta)
    return article


def _is_heading(para: str) -> bool:
    r = rules()
    words = para.split()
    if not (r.heading_min <= len(words) <= r.heading_max) or para.endswith(_END_PUNCT):
        return False
    if "“" in para or '"' in para:
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= max(1, len(words) // 2)


def _parse_date_line(line: str) -> str | None:
    import dateparser  # only for the rare date line under a headline

    parsed = dateparser.parse(line, languages=["id", "en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
