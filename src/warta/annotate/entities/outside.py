"""Every name the entities component takes from other components and readers, in one place, so
that it is found (and moved) in one step: sentences (make_doc, tokenizer_nlp), places (the gazetteer:
resolve, key, curated, scan_regex), readers.text (credit_name) and morph (roots)."""

from __future__ import annotations

from warta.annotate.sentences import make_doc, tokenizer_nlp  # noqa: F401  (re-exported for the package)


def place_resolve(name: str):
    from warta.annotate import places
    return places.resolve(name)


def place_key(name: str) -> str:
    from warta.annotate import places
    return places.key(name)


def curated_places():
    from warta.annotate import places
    return places.curated()


def place_scan_regex():
    from warta.annotate import places
    return places.scan_regex()


def credit_name(name: str):
    from warta.readers.text import credit_name as credit
    return credit(name)


def roots(word: str):
    from warta.annotate.morph import roots as word_roots
    return word_roots(word)
