"""Plain-text articles as copied from Indonesian news sites.

Recognises the headline, byline, date line, dateline (`JAKARTA, KOMPAS.com -`),
lead, section sub-headings, body paragraphs, the editor's initials at the end
(`(asr)`), wire credits (`Reuters berkontribusi pada laporan ini`, `(Antara)`,
`REUTERS | AL JAZEERA`, `Melansir BBC`, `Sebagian artikel ini telah tayang di
Kontan.co.id`) and page clutter (`Baca Juga: …`).  The article's own outlet (from
its dateline, a brand line under the headline, a copyright line or `(Kompas.com/Name)`)
is never a credit.  The conventions are data,
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
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_END_PUNCT = tuple('.!?:;"”’\')…')
#: how many paragraphs at each end may hold a byline, date line, editor or credit
_EDGE = 4


@dataclass
class CreditLine:
    pattern: re.Pattern
    known_only: bool
    tail_only: bool = False


@dataclass
class Rules:
    clutter: list[re.Pattern]
    clutter_next: list[re.Pattern]
    tail_cut: list[re.Pattern]
    tail_cut_share: float
    byline_labelled: list[re.Pattern]
    editor_part: list[re.Pattern]
    outlet_slash: re.Pattern
    brand_line: list[re.Pattern]
    own_outlet_line: list[re.Pattern]
    credit_list_max: int
    credit_list_sep: re.Pattern
    republished: list[re.Pattern]
    byline_bare: list[re.Pattern]
    byline_stopwords: frozenset[str]
    editor_end: list[re.Pattern]
    editor_line: list[re.Pattern]
    date_line: list[re.Pattern]
    url_date: list[re.Pattern]
    months: dict[str, int]
    zones: dict[str, str]
    dateline: list[tuple[re.Pattern, str | None]]
    dateline_parts: dict[str, str]
    dateline_head: int
    credit_line: list[CreditLine]
    credit_end: list[re.Pattern]
    credit_inline: list[re.Pattern]
    credit_inline_more: re.Pattern
    outlets: dict[str, str]
    heading_max: int
    label_max: int
    heading_min: int
    question_max: int


def _dateline_pattern(item, parts: dict[str, str]) -> tuple[re.Pattern, str | None]:
    """A dateline pattern with its `{domain}`, `{brand}`, `{place}`, `{sep}` parts filled in."""
    item = item if isinstance(item, dict) else {"pattern": item}
    pattern = item["pattern"]
    for name, part in parts.items():
        pattern = pattern.replace("{" + name + "}", part)
    return re.compile(pattern), item.get("check")


@functools.cache
def rules() -> Rules:
    data = lexicons.load("structure")
    ci = re.IGNORECASE
    lines = [item if isinstance(item, dict) else {"pattern": item} for item in data["credits"]["line"]]
    return Rules(
        clutter=[re.compile(p, ci) for p in data["clutter"]],
        clutter_next=[re.compile(p, ci) for p in data["clutter_next"]],
        tail_cut=[re.compile(p, ci) for p in data["tail_cut"]],
        tail_cut_share=float(data["tail_cut_share"]),
        byline_labelled=[re.compile(p, ci) for p in data["byline"]["labelled"]],
        editor_part=[re.compile(p, ci) for p in data["byline"]["editor_part"]],
        outlet_slash=re.compile(data["byline"]["outlet_slash"]),
        brand_line=[re.compile(p) for p in data["brand_line"]],
        own_outlet_line=[re.compile(p, ci) for p in data["own_outlet_line"]],
        credit_list_max=int(data["credits"]["list_line"]["max_chars"]),
        credit_list_sep=re.compile(data["credits"]["list_line"]["separator"]),
        republished=[re.compile(p) for p in data["credits"]["republished"]],
        byline_bare=[re.compile(p) for p in data["byline"]["bare"]],
        byline_stopwords=frozenset(w.lower() for w in data["byline_stopwords"]),
        editor_end=[re.compile(p) for p in data["editor"]["end"]],
        editor_line=[re.compile(p, ci) for p in data["editor"]["line"]],
        date_line=[re.compile(p, ci) for p in data["date_line"]],
        url_date=[re.compile(p) for p in data["url_date"]],
        months={str(k).casefold(): int(v) for k, v in data["months"].items()},
        zones={str(k).upper(): str(v) for k, v in data["zones"].items()},
        dateline=[_dateline_pattern(item, data["dateline_parts"]) for item in data["dateline"]],
        dateline_parts=dict(data["dateline_parts"]),
        dateline_head=int(data.get("dateline_head_paragraphs", 1)),
        credit_line=[CreditLine(re.compile(item["pattern"]), bool(item.get("known_only")), bool(item.get("tail_only")))
                     for item in lines],
        credit_end=[re.compile(p) for p in data["credits"]["end"]],
        credit_inline=[re.compile(p) for p in data["credits"]["inline"]],
        credit_inline_more=re.compile(data["credits"]["inline_more"]),
        outlets={o.casefold(): o for o in data["outlets"]},
        heading_max=int(data["heading"]["max_words"]),
        label_max=int(data["heading"].get("label_max_words", 0)),
        heading_min=int(data["heading"]["min_words"]),
        question_max=int(data["heading"].get("question_max_words", 0)),
    )


def clean_text(raw: str) -> str:
    """NFC, one kind of newline, no zero-width characters, single spaces (curly quotes kept)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def blocks_of(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines, split on blank lines; a text without blank lines has one paragraph a line."""
    if re.search(r"\n\s*\n", text):
        blocks = [[ln.strip() for ln in p.split("\n") if ln.strip()] for p in re.split(r"\n\s*\n", text)]
    else:
        blocks = [[ln.strip()] for ln in text.split("\n")]
    return [b for b in blocks if b]


def is_clutter(line: str) -> bool:
    return any(p.match(line) for p in rules().clutter)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\bdan\b|&)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .")]


@dataclass
class Byline:
    names: list[str]
    published: str | None = None
    editor: str | None = None


def _labelled(line: str) -> Byline | None:
    """A labelled byline (`Oleh X pada 05 Des 2023, 14:10 WIB`, `Rep: X/ Red: Y`), or None."""
    r = rules()
    for pattern in r.byline_labelled:
        m = pattern.match(line)
        if m:
            names = [n for n in _split_names(m.group("names")) if not re.search(r"\d", n)]
            groups = m.groupdict()
            # a sentence that happens to start with a label word (`Oleh karena itu, …`) is no byline
            if not names or any(len(n.split()) > 5 for n in names) \
                    or (not groups.get("date") and line.rstrip().endswith((".", "?", "!", '"', "”"))):
                return None
            published = parse_date_line(groups["date"]) if groups.get("date") else None
            editor = None
            for p in r.editor_part:
                e = p.search(line[m.end("names"):])
                if e:
                    editor = e.group("initials").strip()
                    break
            return Byline(names, published, editor)
    return None


def _labelled_byline(line: str) -> list[str] | None:
    found = _labelled(line)
    return found.names if found else None


def outlet_key(name: str) -> str:
    """An outlet's name for comparison: `TRIBUNNEWS.COM`, `Tribunnews` and `tribunnews.com` are one outlet."""
    key = name.strip(" .()").casefold()
    key = re.sub(r"^www\.", "", key)
    key = re.sub(r"(?:\.co)?\.(?:com|co|id|net|tv|org|news)(?:\.id)?$", "", key)
    key = re.sub(r"\s*news$", "", key)
    return " ".join(key.split())


def _is_outlet(part: str) -> bool:
    """A known outlet, a web domain (`Kontan.co.id`) or a camel-cased brand (`kumparanNEWS`)."""
    known = credit_name(part)
    return bool((known and known.casefold() == part.strip(" .").casefold())
                or any(p.match(part) for p in rules().brand_line))


def _name_like(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() and not re.search(r"\d", w) for w in words) \
        and not {w.lower() for w in words} & rules().byline_stopwords


def credit_list(line: str) -> tuple[list[str], list[str]] | None:
    """(credits, authors) of a closing line of names: `REUTERS | AL JAZEERA`, `AFP/Reuters`;
    with `|`, people may stand beside the outlets (`RIZKI PRATAMA | ANTARA`).  None otherwise."""
    r = rules()
    if len(line) > r.credit_list_max or re.search(r"[!?:\"“”()]|\.\s+\S", line):
        return None
    parts = [p.strip(" .") for p in r.credit_list_sep.split(line)]
    if len(parts) < 2 or not all(parts):
        return None
    credits = [credit_name(p) or p for p in parts if _is_outlet(p)]
    people = [p for p in parts if not _is_outlet(p)]
    if not credits or (people and ("|" not in line or not all(_name_like(p) for p in people))):
        return None
    return credits, [p.title() if p.isupper() else p for p in people]


def outlet_slash(para: str) -> tuple[re.Match, dict] | None:
    """`(Tribunnews.com/Nadia Rahmawati)` closing a paragraph: the match and its reading
    {own, credits, authors, editor}, or None when a part is neither an outlet, a name nor initials."""
    m = rules().outlet_slash.search(para)
    if not m:
        return None
    parts = [p.strip() for p in m.group("parts").split("/") if p.strip()]
    out = {"own": None, "credits": [], "authors": [], "editor": None}
    outlets = []
    for part in parts:
        if re.fullmatch(r"[a-z]{2,5}", part):
            out["editor"] = "/".join(x for x in (out["editor"], part) if x)
        elif _is_outlet(part):
            outlets.append(credit_name(part) or part)
        elif _name_like(part):
            out["authors"].append(part)
        else:
            return None
    if not outlets or not _is_outlet(parts[0]):
        return None
    if out["authors"]:
        out["own"] = outlets.pop(0)  # the author's outlet: the article's own
    out["credits"] = [o for o in outlets if credit_name(o)]
    return m, out


def parse_byline(para: str) -> list[str] | None:
    """Author (or outlet) names if `para` is a byline, else None."""
    r = rules()
    if len(para.split()) > 14 or para.endswith((".", "?", "!", '"', "”")):
        return None
    names = _labelled_byline(para)
    if names:
        return names
    for pattern in r.byline_bare:
        m = pattern.match(para)
        if not m:
            continue
        names = _split_names(m.group("names"))
        words = {w.lower() for w in re.findall(r"\w+", m.group("names"))}
        if words & r.byline_stopwords or not names or any(len(n.split()) > 4 for n in names):
            continue
        names = [n for n in names if not re.search(r"\d", n)]
        if names:
            return names
    return None


def parse_date_line(line: str) -> str | None:
    """ISO date (with the time and zone offset when given) of a date line, or None."""
    r = rules()
    for pattern in r.date_line:
        m = pattern.match(line.strip())
        if not m:
            continue
        month_text = m.group("month").rstrip(".").casefold()
        month = int(month_text) if month_text.isdigit() else r.months.get(month_text)
        try:
            day, year = int(m.group("day")), int(m.group("year"))
            import datetime as dt

            date = dt.date(year, month or 0, day)
        except (TypeError, ValueError):
            continue
        if m.group("hour") is None:
            return date.isoformat()
        hour, minute = int(m.group("hour")), int(m.group("minute"))
        if hour > 23 or minute > 59:
            return date.isoformat()
        zone = r.zones.get((m.group("zone") or "").upper(), "")
        return f"{date.isoformat()}T{hour:02d}:{minute:02d}:00{zone}"
    return None


def credit_name(name: str) -> str | None:
    """The known outlet at the start of `name` (the longest), or None."""
    name = name.strip(" .,")
    outlets = rules().outlets
    words = name.split()
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n]).strip(" .,").casefold()
        if key in outlets:
            return outlets[key]
    return None


def _add(items: list[str], value: str | None) -> None:
    if value and value.casefold() not in {x.casefold() for x in items}:
        items.append(value)


def _is_meta_line(line: str) -> bool:
    """A line that is a labelled byline, a date line, an editor or a credit line on its own."""
    r = rules()
    return bool(parse_date_line(line) or _labelled_byline(line) or any(p.match(line) for p in r.editor_line)
                or any(c.pattern.match(line) for c in r.credit_line) or credit_list(line)
                or (len(line.split()) <= 6 and any(p.match(line) for p in r.byline_bare[:2])))


def _explode_edges(blocks: list[list[str]]) -> list[list[str]]:
    """Split a multi-line paragraph near either end into its lines when one of them is metadata."""
    out: list[list[str]] = []
    n = len(blocks)
    for i, block in enumerate(blocks):
        if len(block) > 1 and (i < _EDGE or i >= n - _EDGE) and any(_is_meta_line(ln) for ln in block):
            out.extend([ln] for ln in block)
        else:
            out.append(block)
    return out


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
    from warta.annotate.places import resolve  # the gazetteer; loaded only when a dateline needs it

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


class _Meta:
    def __init__(self, authors: list[str]):
        self.authors = authors
        self.credits: list[str] = []
        self.editor: str | None = None
        self.published: str | None = None
        self.own: list[str] = []  # names of the article's own outlet

    def add_names(self, names: list[str]) -> None:
        for name in names:
            outlet = credit_name(name)
            if outlet and outlet.casefold() == name.strip(" .").casefold():
                _add(self.credits, outlet)
            else:
                _add(self.authors, name)

    def take_line(self, line: str, head: bool) -> bool:
        """Record `line` if it is a metadata line; True when it was one."""
        r = rules()
        published = parse_date_line(line)
        if published:
            self.published = self.published or published
            return True
        for p in r.editor_line:
            m = p.match(line)
            if m:
                self.editor = self.editor or m.group("initials").strip()
                return True
        for c in r.credit_line:
            m = None if (c.tail_only and head) else c.pattern.match(line)
            if m:
                # `AFP dan Reuters`: every part is a credit (a single name is kept whole)
                parts = [m.group("credit")]
                if credit_name(parts[0]) is None or credit_name(parts[0]).casefold() != parts[0].strip(" .").casefold():
                    split = [p for p in r.credit_list_sep.split(parts[0]) if p.strip(" .")]
                    if len(split) > 1:
                        parts = split
                found = [(credit_name(p), p) for p in parts]
                if all(known or not c.known_only for known, _p in found):
                    for known, part in found:
                        _add(self.credits, known or part.strip(" ."))
                    return True
        found = _labelled(line)
        if found:
            self.add_names(found.names)
            self.published = self.published or found.published
            self.editor = self.editor or found.editor
            return True
        listed = credit_list(line)
        if listed:
            for credit in listed[0]:
                _add(self.credits, credit)
            for name in listed[1]:
                _add(self.authors, name)
            return True
        if not head and self.take_slash(line, whole=True):
            return True
        return False

    def take_slash(self, para: str, whole: bool) -> str | None:
        """Read `(Tribunnews.com/Name)` at the end of `para`; the text before it ("" when it was the
        whole paragraph), or None when there is none (or `whole` and it is not the whole paragraph)."""
        found = outlet_slash(para)
        if not found or (whole and found[0].start() > 0):
            return None
        m, out = found
        if out["own"]:
            self.own.append(out["own"])
        for credit in out["credits"]:
            _add(self.credits, credit)
        for name in out["authors"]:
            _add(self.authors, name)
        self.editor = self.editor or out["editor"]
        return para[:m.start()].rstrip()


def _drop_clutter(lines: list[str]) -> list[str]:
    """The lines without page clutter; a linked headline under `Baca Juga:` goes with it."""
    r = rules()
    out: list[str] = []
    skip_next = False
    for ln in lines:
        line = ln.strip()
        if not line:
            out.append(ln)
            continue
        if skip_next:
            skip_next = False
            if _title_like(line):
                continue
        if is_clutter(line):
            skip_next = any(p.match(line) for p in r.clutter_next)
            continue
        out.append(ln)
    return out


def _cut_tail(lines: list[str]) -> list[str]:
    """The lines before the page's closing chrome (`Artikel Terkait`, `Komentar`) in the last part."""
    r = rules()
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in full[max(1, int(len(full) * r.tail_cut_share)):]:
        if any(p.match(lines[i].strip()) for p in r.tail_cut):
            return lines[:i]
    return lines


def _title_like(para: str) -> bool:
    """A headline: short, capitalised, without closing punctuation or quotation marks."""
    words = para.split()
    return 3 <= len(words) <= 25 and (para[:1].isupper() or para[:1].isdigit()) and not para.endswith(_END_PUNCT) \
        and not re.search(r'["“”]', para) and parse_date_line(para) is None


def _repeats_title(para: str, title: str | None) -> bool:
    return bool(title) and (title.casefold() in para.casefold() or para.casefold() in title.casefold())


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


def read_text(raw: str, source: str | None = None, **meta) -> Article:
    """Build an Article from a plain-text news article."""
    r = rules()
    text = clean_text(raw)
    title = meta.pop("title", None)
    info = _Meta(list(meta.pop("authors", None) or []))
    # credits and the own outlet named on lines that are dropped as clutter
    for ln in text.split("\n"):
        for p in r.republished:
            m = p.match(ln.strip())
            if m:
                _add(info.credits, credit_name(m.group("credit")) or m.group("credit").strip(" ."))
        if is_clutter(ln.strip()):
            for p in r.own_outlet_line:
                m = p.match(ln.strip())
                if m:
                    info.own.append(m.group("outlet"))
    lines = _drop_clutter(_cut_tail(text.split("\n")))
    blocks = _explode_edges(blocks_of("\n".join(lines)))
    paras = [" ".join(b) for b in blocks]

    given_published = meta.pop("published", None)
    dateline = dateline_place = outlet = brand = None

    # timestamps read in the head stay in the text, above the dateline (their dates are the article's too)
    stamps: list[str] = []
    # -- the head: a date line may come before the headline (`Jumat 30 Jun 2023 22:36 WIB` / headline)
    while title is None and len(paras) > 2 and parse_date_line(paras[0]):
        stamps.append(paras[0])
        info.take_line(paras.pop(0), head=True)
    # -- a section label above the headline (`Kabar Tokoh` / headline) is no headline --
    if title is None and len(paras) > 3 and len(paras[0].split()) <= r.label_max \
            and all(w[:1].isupper() for w in paras[0].split()) and not paras[0].endswith(_END_PUNCT) \
            and _title_like(paras[1]) and len(paras[1].split()) >= 5 and not find_dateline(paras[1]) \
            and _labelled_byline(paras[1]) is None:
        paras.pop(0)
    # -- then the headline, then bylines, date lines, editor lines in any order -------
    if title is None and len(paras) > 1 and len(paras[0].split()) <= 30 \
            and not paras[0].endswith((".", "”", '"')) and _labelled_byline(paras[0]) is None \
            and parse_date_line(paras[0]) is None:
        title = paras.pop(0)
    elif title is not None and paras and paras[0].strip().casefold() == title.strip().casefold():
        paras.pop(0)
    for _ in range(_EDGE + 1):
        if len(paras) < 2:
            break
        if info.take_line(paras[0], head=True):
            if parse_date_line(paras[0]):
                stamps.append(paras[0])
            paras.pop(0)
            continue
        if any(p.match(paras[0]) for p in r.brand_line) or (info.authors and (
                credit_name(paras[0]) or "").casefold() == paras[0].strip(" .").casefold()):
            # `kumparanNEWS` under the headline, or a known outlet on the line under the author's
            # name (`Name` / `BBC News Indonesia` / `20 Februari 2024`): the article's own outlet
            brand = brand or paras[0]
            info.own.append(paras.pop(0))
            continue
        names = parse_byline(paras[0])
        if names:
            info.add_names(names)
            paras.pop(0)
            continue
        break

    # -- the dateline: in one of the first paragraphs; what comes before it is head matter --
    k, found = _locate_dateline(paras, title)
    if found is not None and k > 0:
        kept = []
        for i, para in enumerate(paras[:k]):
            if info.take_line(para, head=True):
                if parse_date_line(para):
                    kept.append(para)
                continue
            if any(p.match(para) for p in r.brand_line):
                brand = brand or para
                info.own.append(para)
                continue
            # a bare name is a byline only right above a date line, a brand or the dateline (a short
            # caption such as `Kapolri Listyo Sigit` is none)
            nxt = paras[i + 1]
            names = parse_byline(para) if not _repeats_title(para, title) and (
                i + 1 == k or _is_meta_line(nxt) or any(p.match(nxt) for p in r.brand_line)) else None
            if names:
                info.add_names(names)
                continue
            kept.append(para)  # the standfirst and photo captions stay in the text
        paras = kept + paras[k:]
        k = len(kept)
    elif found is None:
        # no dateline: labelled bylines and date lines under a standfirst (`Penulis: X` after the summary)
        kept = []
        for i, para in enumerate(paras[:_EDGE]):
            if len(paras) - i > 1 and (_labelled_byline(para) or parse_date_line(para)
                                                    or any(p.match(para) for p in r.editor_line)):
                info.take_line(para, head=True)
                if not parse_date_line(para):
                    continue
            kept.append(para)
        paras = kept + paras[_EDGE:]
    paras = stamps + paras
    k += len(stamps)
    lead = k if found is not None else len(stamps)  # the paragraphs above it are head matter

    # -- the tail: a headline and date line after the body when the page gave none at the top --
    if title is None and len(paras) > 3 and parse_date_line(paras[-1]) and _title_like(paras[-2]):
        info.published = info.published or parse_date_line(paras[-1])
        paras.pop()
        title = paras.pop()

    # -- the tail: credit lines, editor lines and initials, bylines ------------------
    credit_paras: list[str] = []  # wire credit lines stay in the text, at its end, as the record's evidence
    while len(paras) > 1:
        last = paras[-1]
        before = (len(info.credits), len(info.authors))
        if info.take_line(last, head=False):
            paras.pop()
            if len(info.credits) > before[0] and len(info.authors) == before[1]:
                credit_paras.insert(0, last)
            continue
        break
    if paras:
        last = paras[-1]
        changed = True
        while changed and last:
            changed = False
            before = info.take_slash(last, whole=False)
            if before is not None:
                last, changed = before, True
            for p in r.credit_end:
                m = p.search(last)
                if m and credit_name(m.group("credit")):
                    _add(info.credits, credit_name(m.group("credit")))
                    last = last[:m.start()].rstrip()
                    changed = True
            for p in r.editor_end:
                m = p.search(last)
                if m and not credit_name(m.group("initials")):
                    info.editor = info.editor or m.group("initials").replace(" ", "")
                    last = last[:m.start()].rstrip()
                    changed = True
        if last:
            paras[-1] = last
        else:
            paras.pop()

    # -- the dateline: kept in the text, its place and outlet read ---------------------
    if found is not None and k < len(paras):
        para = paras[k]
        dateline = para[:found.end].strip()
        if found.place:
            dateline_place = _place_name(para[found.place[0]:found.place[1]])
        if found.outlet:
            outlet = para[found.outlet[0]:found.outlet[1]].strip(" .")
            info.own.append(outlet)

    # -- body text and section headings -------------------------------------------
    n_body = len(paras)
    paras = paras + [c for c in credit_paras if paras]
    body = "\n\n".join(paras)
    sections: list[Section] = []
    offset = 0
    starts = []
    for para in paras:
        starts.append(offset)
        offset += len(para) + 2
    for i, para in enumerate(paras[:n_body]):
        if 0 < i < n_body - 1 and is_heading(para) and not (found is not None and i == k):
            sections.append(Section(title=para, start=starts[i], end=starts[n_body - 1] + len(paras[n_body - 1])))
    for a, b in zip(sections, sections[1:]):
        a.end = b.start
    credits_start = starts[n_body] if len(paras) > n_body else None

    for p in r.credit_inline:
        for m in p.finditer(body):
            name = credit_name(m.group("credit"))
            _add(info.credits, name)
            end = m.end("credit")
            while name:  # `dilaporkan Reuters dan CNN`
                more = r.credit_inline_more.match(body[end:])
                name = credit_name(more.group("credit")) if more else None
                _add(info.credits, name)
                end += more.end("credit") if more else 0
    own = {outlet_key(o) for o in info.own}
    info.credits = [c for c in info.credits if outlet_key(c) not in own]
    outlet = outlet or brand

    if found is not None and k < len(paras):
        base = starts[k]
        article_spans = {"span": (base, base + len(dateline)), "parts": []}
        if found.place:
            article_spans["parts"].append((base + found.place[0], base + found.place[1], "LOC"))
        if found.region:
            article_spans["parts"].append((base + found.region[0], base + found.region[1], "LOC"))
        if found.outlet:
            o_start = base + found.outlet[0]
            article_spans["parts"].append((o_start, o_start + len(outlet), "ORG"))
    else:
        article_spans = None

    article = Article(text=body, source=source, title=title, authors=info.authors, credits=info.credits,
                      editor=info.editor, dateline=dateline, dateline_place=dateline_place, outlet=outlet,
                      published=given_published or info.published or url_date(meta.get("url")),
                      sections=sections, **meta)
    if credits_start is not None:
        article.scratch["credits_start"] = credits_start  # read by the sentence splitter (kind "credit")
    if article_spans is not None:
        # read by the sentence splitter (kind "dateline") and the entity finder (its place and outlet)
        article.scratch["dateline"] = article_spans
    if 0 < lead < n_body:
        article.scratch["lead_start"] = starts[lead]  # timestamps, standfirst, captions above: kind "caption"
        # the outlet that opens a timestamp kept above the lead (`CNN Indonesia | Selasa, 24/09/2019 …`)
        outlets = []
        for i in range(lead):
            m = re.match(r"([\w\.]+(?:\s[\w\.]+){0,2})\s+[-–—|]\s+", paras[i])
            if m and parse_date_line(paras[i]) and _outlet_shaped(m.group(1)):
                outlets.append((starts[i], starts[i] + m.end(1), "ORG"))
        if outlets:
            article.scratch["stamp_outlets"] = outlets  # read by the entity finder
    return article


def is_heading(para: str) -> bool:
    """A sub-heading: a short paragraph without closing punctuation, mostly capitalised, or a short question."""
    r = rules()
    words = para.split()
    if not (r.heading_min <= len(words) <= r.heading_max) or "“" in para or '"' in para:
        return False
    if para.endswith("?") and not para.endswith(('?"', "?”")):
        return len(words) <= r.question_max
    if para.endswith(_END_PUNCT):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= max(1, len(words) // 2)
