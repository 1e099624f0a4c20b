"""Metadata lines: bylines, date lines, editor lines, credit lines and outlet names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.readers.text.rules import _EDGE, _END_PUNCT, rules

def _split_names(names: str) -> list[str]:
    parts = rules().name_separator.split(names)
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


def _title_like(para: str) -> bool:
    """A headline: short, capitalised, without closing punctuation or quotation marks."""
    words = para.split()
    return 3 <= len(words) <= 25 and (para[:1].isupper() or para[:1].isdigit()) and not para.endswith(_END_PUNCT) \
        and not re.search(r'["“”]', para) and parse_date_line(para) is None


def _repeats_title(para: str, title: str | None) -> bool:
    return bool(title) and (title.casefold() in para.casefold() or para.casefold() in title.casefold())

