"""The page conventions of `lexicons/structure.yaml`, compiled once, and the text clean-up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from warta import lexicons
from warta.knowledge import cache
from warta.lang.prefilter import PatternSet

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
    name_separator: re.Pattern
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
    credit_inline_set: PatternSet | None = None  # the `credit_inline` patterns run together (warta.lang.prefilter)


def _dateline_pattern(item, parts: dict[str, str]) -> tuple[re.Pattern, str | None]:
    """A dateline pattern with its `{domain}`, `{brand}`, `{place}`, `{sep}` parts filled in."""
    item = item if isinstance(item, dict) else {"pattern": item}
    pattern = item["pattern"]
    for name, part in parts.items():
        pattern = pattern.replace("{" + name + "}", part)
    return re.compile(pattern), item.get("check")


@cache.table("reader-rules")  # kept in the user cache (warta.knowledge.cache)
def rules() -> Rules:
    data = lexicons.load("structure")
    ci = re.IGNORECASE
    lines = [item if isinstance(item, dict) else {"pattern": item} for item in data["credits"]["line"]]
    r = Rules(
        clutter=[re.compile(p, ci) for p in data["clutter"]],
        clutter_next=[re.compile(p, ci) for p in data["clutter_next"]],
        tail_cut=[re.compile(p, ci) for p in data["tail_cut"]],
        tail_cut_share=float(data["tail_cut_share"]),
        byline_labelled=[re.compile(p, ci) for p in data["byline"]["labelled"]],
        editor_part=[re.compile(p, ci) for p in data["byline"]["editor_part"]],
        name_separator=re.compile(data["byline"]["name_separator"]),
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
    r.credit_inline_set = PatternSet(r.credit_inline)
    return r


def clean_text(raw: str) -> str:
    """NFC, one kind of newline, no zero-width characters, single spaces (curly quotes kept)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACES.sub(" ", _ZERO_WIDTH.sub("", text))  # (no run of spaces crosses a line: one call for all)
    return "\n".join(line.strip() for line in text.split("\n"))


def blocks_of(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines, split on blank lines; a text without blank lines has one paragraph a line."""
    if re.search(r"\n\s*\n", text):
        blocks = [[ln.strip() for ln in p.split("\n") if ln.strip()] for p in re.split(r"\n\s*\n", text)]
    else:
        blocks = [[ln.strip()] for ln in text.split("\n")]
    return [b for b in blocks if b]


_CLUTTER_ANY: dict[int, tuple[list[re.Pattern], re.Pattern]] = {}


def is_clutter(line: str) -> bool:
    """Whether one of the clutter patterns matches `line`: all of them as one alternation, one regex call."""
    clutter = rules().clutter
    cached = _CLUTTER_ANY.get(id(clutter))
    if cached is None or cached[0] is not clutter:
        joined = re.compile("|".join(f"(?:{p.pattern})" for p in clutter), re.IGNORECASE)
        cached = _CLUTTER_ANY[id(clutter)] = (clutter, joined)
    return cached[1].match(line) is not None


