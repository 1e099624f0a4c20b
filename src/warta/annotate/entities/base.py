"""Constants and small word helpers shared by the entity rules."""

from __future__ import annotations

import re

from warta.lang.id.name_rules import rules
from warta.record import Article

MODEL_RULE = "model:id_news"


GAZETTEER_RULE = "gazetteer:countries"


Span4 = tuple[int, int, str, str]


_WORD = re.compile(r"[\w][\w'’.\-]*")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # (the pattern looks neither behind nor ahead, so matching from `start` up to `end` of the text is
    # matching the slice, without making it)
    return [m.span() for m in _WORD.finditer(text, start, end)]


def _is_common(word: str) -> bool:
    r = rules()
    key = word.casefold()
    return key in r["common"] and key not in r["heads"]


def _is_verb(word: str) -> bool:
    return word.casefold() in rules()["verbs"]


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 40):start].rstrip().casefold()
    return before


def after_cue(text: str, start: int, cues: tuple[str, ...]) -> bool:
    """One of `cues` is written right before `start` (up to 40 characters back, white space skipped, any case),
    as a word of its own: not the end of a longer word (`kota`, not `Dakota`)."""
    before = text[max(0, start - 40):start].rstrip().casefold()
    return before.endswith(cues) and any(
        before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum()) for cue in cues)


def _in_heading(article: Article, offset: int) -> bool:
    i = article.sentence_at(offset)
    return i is not None and article.sentences[i].kind == "heading"


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()
