"""The span rules that trim or cut a model span's words (`Menurut Kim` → `Kim`, `Polda Metro Jaya Kombes` →
`Polda Metro Jaya`); the rule list is `mend.SPAN_RULES`."""

from __future__ import annotations

import functools
import re
from typing import Callable

from warta import lexicons
from warta.lang.id.name_rules import facility_head, rules

from .base import MODEL_RULE, _is_common, _is_verb
from .state import QUOTES, Context, Mending
from .words import _title_word_at, known_label

# the shapes the rules test, compiled once
_DATELINE = re.compile(r"[A-Z]{3,}(?:[ ][A-Z]{3,})*\s*[-–—]+\s+(?=[A-Z])")
_STOP = re.compile(r"(\w+)\.(?=\s*\(|\s+(\w+))")
_LOWER3 = re.compile(r"[a-z]{3,}")
_LOWER = re.compile(r"[a-z]+")


@functools.cache
def abbreviations() -> frozenset[str]:
    return frozenset(lexicons.load("abbreviations"))



def _cut_line(c: Context, m: Mending) -> bool:
    nl = c.text.find("\n", m.start, m.end)
    if nl > m.start:
        m.end, m.rule = len(c.text[m.start:nl].rstrip()) + m.start, m.rule + "+cut-line"
    return True



def _cut_dateline(c: Context, m: Mending) -> bool:
    found = _DATELINE.match(c.text, m.start, m.end)  # (no look-behind: as on the span's slice, no slice made)
    if found:
        m.start, m.rule = found.end(), m.rule + "+cut-dateline"
    return True



def _cut_stop(c: Context, m: Mending) -> bool:
    """A full stop that ends a sentence ends the name: after it comes a bracket or a common word
    (`Agence France-Presse. Pesaing`, `Netanyahu.(Sumber`); never after an abbreviation (`Jl.`, `Univ.`)."""
    if c.text.find(".", m.start, m.end) < 0:  # (every stop the pattern finds is a full stop in the span)
        return True
    r = rules()
    for stop in _STOP.finditer(c.text[m.start:m.end]):
        after = (stop.group(2) or "").casefold()
        if stop.group(1) + "." in abbreviations() or len(stop.group(1)) < 2:
            continue
        if not stop.group(2) or after in r["common"] or after in r["function_words"] or _is_verb(after):
            m.end, m.rule = m.start + stop.start() + len(stop.group(1)), m.rule + "+cut-stop"
            break
    return True



def _trim_while(name: str, test: Callable[[Context, Mending], bool]) -> Callable[[Context, Mending], bool]:
    def apply(c: Context, m: Mending) -> bool:
        while m.words and test(c, m):
            m.words = m.words[1:]
            m.rule = MODEL_RULE + "+" + name
        return True
    return apply



def _common_opening(c: Context, m: Mending) -> bool:
    first = m.words[0]
    return (first[0] in c.sentence_starts or c.text[max(0, first[0] - 1)] in QUOTES) \
        and _is_common(c.word(first)) and known_label(c.word(first)) is None



def _lower_opening(c: Context, m: Mending) -> bool:
    r, w = rules(), c.word(m.words[0])
    return len(m.words) > 1 and m.label in ("LOC", "ORG") and _LOWER3.fullmatch(w) is not None \
        and w not in r["heads"] and w not in r["particles"] \
        and not _opens_with_cue(c.text, m.words[0][0])


def _opens_with_cue(text: str, at: int) -> bool:
    """The text from `at` opens with a place cue and a space (`kota Mati`).  Case folding never makes text
    shorter, so the folded text of the longest cue's length (and the space) is as good as the rest's."""
    cues = rules()["place_cues"]
    window = text[at:at + max(map(len, cues), default=0) + 1].casefold()
    return any(window.startswith(cue + " ") for cue in cues)



def _title_opening(c: Context, m: Mending) -> bool:
    return len(m.words) > 1 and m.label == "PER" and c.word(m.words[0]).casefold() in rules()["titles"]



def _title_word_opening(c: Context, m: Mending) -> bool:
    return len(m.words) > 1 and m.label == "PER" and _title_word_at(c.text, m.words[0])



def _trim_office(c: Context, m: Mending) -> bool:
    while len(m.words) > 1 and m.label in ("ORG", "PER") and rules()["office_abbrev"].fullmatch(c.word(m.words[0])):
        m.words = m.words[1:]
        if m.label == "PER" and known_label(c.text[m.words[0][0]:m.words[-1][1]]) == "ORG":
            m.label = "ORG"
        m.rule = MODEL_RULE + "+trim-office"
    return True



def _cut_verb(c: Context, m: Mending) -> bool:
    r = rules()
    if m.words and c.word(m.words[0]).casefold() in r["company_forms"]:
        return True
    text, verbs = c.text, r["verbs"]
    for i, (a, b) in enumerate(m.words[1:], 1):  # (`_is_verb(c.word(w))` written out: two calls a word)
        if text[a:b].casefold() in verbs and c.word(m.words[i - 1]).casefold() not in r["place_cues"]:
            m.words, m.rule = m.words[:i], MODEL_RULE + "+cut-verb"
            break
    return True



def _cut_title(c: Context, m: Mending) -> bool:
    while len(m.words) > 1 and c.word(m.words[-1]).casefold() in rules()["ranks"]:
        m.words, m.rule = m.words[:-1], MODEL_RULE + "+cut-title"
    return True



def _lower_closing(c: Context, m: Mending) -> bool:
    if len(m.words) < 2:
        return False
    r, w = rules(), c.word(m.words[-1])
    return _LOWER.fullmatch(w) is not None and w not in r["particles"] and w not in r["heads"]



def _cut_lower_end(c: Context, m: Mending) -> bool:
    while _lower_closing(c, m):
        m.words, m.rule = m.words[:-1], MODEL_RULE + "+cut-lower"
    return True



def _plain_edge(c: Context, w: tuple[int, int], opening: bool) -> bool:
    """A capitalised verb at a name's edge (`Ungkap` opening, `Kembali` closing), no head of a
    name, a body or a venue."""
    r, word = rules(), c.word(w)
    key = word.casefold()
    if not word[:1].isupper() or key in r["org_only_heads"] or key in r["place_cues"] or facility_head(word + " x"):
        return False
    if opening:
        return _is_verb(word)
    return _is_verb(word) or key in r["name_closers"]



def _trim_plain_edges(c: Context, m: Mending) -> bool:
    if len(m.words) < 2 or m.label not in ("PER", "LOC") or known_label(c.text[m.words[0][0]:m.words[-1][1]]):
        return True
    words = list(m.words)
    while len(words) > 1 and _plain_edge(c, words[0], True):
        words = words[1:]
    while len(words) > 1 and _plain_edge(c, words[-1], False):
        words = words[:-1]
    rest = c.text[words[0][0]:words[-1][1]]
    label = known_label(rest, c.known)
    if words != m.words and label in ("PER", "LOC", "ORG"):
        m.words, m.label, m.rule = words, label, MODEL_RULE + "+trim-plain"
    return True
