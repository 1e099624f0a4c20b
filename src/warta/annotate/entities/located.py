"""Passes that tell persons from places by what the rest of the article says: a one-word place that opens a
person's longer name elsewhere (`Liang` … `Liang Weidong`), a two-word place whose words stand alone as a
person, a person's name after a locative that a gazetteer or the article names as a place.  What the
article says elsewhere is read off the text's index (`index`), once per text."""

from __future__ import annotations

import re

from warta.knowledge import countries
from warta.lang.id.name_rules import rules

from .base import Span4, _is_verb, after_cue
from .index import text_index
from .outside import place_resolve
from .words import known_label

_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")


def _located_persons(text: str, spans: list[Span4]) -> list[Span4]:
    """A person the model took for a place: a two-word LOC no gazetteer knows, with no place
    word in it and not after a place cue (`Gustavo Ribeiro`), or a one-word LOC that opens a
    longer capitalised name elsewhere in the article (`Liang` … `Liang Weidong`)."""
    r = rules()
    alone = _AloneAsPerson(text, spans)
    opens_name: dict[str, bool] = {}
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        words = name.split()
        new = label
        if label == "LOC" and not after_cue(text, s, r["place_cues"]):
            if len(words) == 2 and all(_NAME_WORD.fullmatch(w) for w in words) \
                    and not any(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in words) \
                    and known_label(name) is None and place_resolve(name) is None \
                    and not any(known_label(w) or place_resolve(w) for w in words) \
                    and any(alone(w, s, e) for w in words):
                new = "PER"
            elif len(words) == 1 and known_label(name) is None and place_resolve(name) is None \
                    and _CAPITALISED_WORD.fullmatch(name):
                if name not in opens_name:
                    opens_name[name] = _opens_person_name(text, name)
                new = "PER" if opens_name[name] else new
        out.append((s, e, new, rule if new == label else rule + "+person"))
    return out


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?!\w)")


def _opens_person_name(text: str, name: str) -> bool:
    r"""`Liang`, never after a place cue, opens a longer capitalised name (`Liang Weidong`) whose next word
    is no common word and no known name: re.finditer(rf"(?<!\w){name}[ ]([A-Z][a-z]+)(?!\w)", text)."""
    r = rules()
    index = text_index(text)
    if index.after_cue(name):
        return False
    for _, m in index.word_then(name, _CAPITALISED):
        nxt = m.group(0)
        if nxt.casefold() not in r["common"] and place_resolve(f"{name} {nxt}") is None \
                and known_label(nxt) is None and not countries.by_name(nxt):
            return True
    return False


def _located_places(text: str, spans: list[Span4]) -> list[Span4]:
    """A place the model took for a person: a PER span that opens with a geographic word
    (`Beting Sabina`), or one after a locative word (`dari Dumai`, `di perbatasan Rafah`) that a
    gazetteer knows or the article names after a place word (`Kabupaten Lampung Tengah`) --
    unless it is a word of a longer person's name in the article (`Michael Jackson` … `Jackson`)."""
    r = rules()
    person_words = {w for s, e, label, _ in spans if label == "PER" and len(text[s:e].split()) >= 2
                    for w in text[s:e].split()}
    index = text_index(text)
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        words = name.split()
        new = label
        if label == "PER" and len(words) >= 2 and words[0] in r["place_heads"]:
            new = "LOC"
        elif label == "PER" and len(words) <= 3 and not (len(words) == 1 and name in person_words) \
                and after_cue(text, s, r["locatives"]) \
                and (place_resolve(name) is not None or index.after_cue(name)):
            new = "LOC"
        out.append((s, e, new, rule if new == label else rule + "+place"))
    # one name, one kind: the same words the model calls a person elsewhere are that place too
    placed = {text[s:e] for (s, e, label, _), (*_, new, _) in zip(spans, out) if label == "PER" and new == "LOC"}
    return [(s, e, "LOC", rule + "+place") if label == "PER" and text[s:e] in placed else (s, e, label, rule)
            for s, e, label, rule in out]


_WORD_AFTER = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


class _AloneAsPerson:
    r"""`Gunaratne mengakui …`, `Gustavo` tagged PER: a word of the name stands alone elsewhere
    as a person (a PER span, or the subject of a verb: re.finditer(rf"(?<![\w-]){word}[ ](\w+)", text)
    outside the name itself)."""

    def __init__(self, text: str, spans: list[Span4]) -> None:
        self.text = text
        self.persons = {text[a:b] for a, b, label, _ in spans if label == "PER"}
        self.before_verb: dict[str, list[int]] = {}  # word -> starts of its matches with a verb after

    def __call__(self, word: str, s: int, e: int) -> bool:
        if word in self.persons:
            return True
        if word not in self.before_verb:
            found = text_index(self.text).word_then(word, _WORD_AFTER, _WORD_OR_HYPHEN)
            self.before_verb[word] = [x for x, m in found if _is_verb(m.group(0)) or m.group(0).casefold() in rules()["verbs"]]
        starts = self.before_verb[word]
        return bool(starts) and (starts[0] < s or starts[-1] >= e)
