"""Every name the entities component takes from outside its package, in one place: the shared
tokenizer (warta.lang.id.tokenize), the gazetteer (warta.knowledge.gazetteer), morphology
(warta.lang.id.morph) and the credit-line names of the text reader (readers.text)."""

from __future__ import annotations

from warta.knowledge import gazetteer
from warta.lang.id.morph import roots as word_roots
from warta.lang.id.tokenize import make_doc, tokenizer_nlp  # noqa: F401  (re-exported for the package)


def place_resolve(name: str):
    return gazetteer.resolve(name)


def place_key(name: str) -> str:
    return gazetteer.key(name)


def curated_places():
    return gazetteer.curated()


def place_scan_regex():
    return gazetteer.scan_regex()


def place_scan_names():
    return gazetteer.curated_scan_names()


def credit_name(name: str):
    from warta.readers.text import credit_name as credit
    return credit(name)


def outlet_first_words() -> frozenset[str]:
    """The first word of each known outlet's name (the text reader's outlets), casefolded."""
    from warta.readers.text.lines import rules as reader_rules
    return frozenset(name.split()[0] for name in reader_rules().outlets if name.split())


def roots(word: str):
    return word_roots(word)
