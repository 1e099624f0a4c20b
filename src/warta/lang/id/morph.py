"""A small Indonesian affix stripper that proposes candidate roots.

Indonesian builds verbs and nouns from roots with prefixes (meN-, di-, ber-,
ter-, peN-, per-, ke-, se-), suffixes (-kan, -i, -an), circumfixes (ke-…-an,
peN-…-an, per-…-an) and clitics (-nya, -lah, -pun…).  The nasal prefixes
meN-/peN- swallow the first consonant of some roots:

    menyerang → serang    memukul → pukul    menembak → tembak    mengirim → kirim

`analyses(word)` returns every plausible (root, prefix, suffix) split; it does
not know which roots exist, so callers look the candidates up in a lexicon
(`roots(word) & LEXICON`).  Over-generation is harmless there; only a form the
rules cannot undo is lost.  The affixes themselves are data
(`lexicons/morph.yaml`).  Components reach it as `warta.lang.id.morph`.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from warta import lexicons


VOWELS = frozenset("aeiou")


class Analysis(NamedTuple):
    root: str
    prefix: str  # label of the outermost prefix ("" when none): meN, peN, di, ter, ber, per, ke, se
    suffix: str  # derivational suffix ("" when none): kan, an, i


@functools.cache
def _rules() -> dict:
    return lexicons.load("morph")


def _strip_suffixes(word: str, min_root: int) -> list[tuple[str, str]]:
    rules = _rules()
    bases = {word}
    for group in ("particles", "possessives"):
        for base in list(bases):
            for p in rules[group]:
                if base.endswith(p) and len(base) - len(p) >= min_root:
                    bases.add(base[: -len(p)])
    out = [(b, "") for b in bases]
    for base in bases:
        for s in rules["suffixes"]:
            if base.endswith(s) and len(base) - len(s) >= min_root:
                out.append((base[: -len(s)], s))
    return out


def _strip_prefixes(stem: str, min_root: int) -> list[tuple[str, str]]:
    rules = _rules()
    out: list[tuple[str, str]] = [(stem, "")]
    for outer, label in rules["outer_prefixes"].items():
        if stem.startswith(outer) and len(stem) - len(outer) >= min_root:
            out.append((stem[len(outer):], label))
    for label, forms in rules["plain_prefixes"].items():
        for f in forms:
            if stem.startswith(f) and len(stem) - len(f) >= min_root:
                out.append((stem[len(f):], label))
    for rule in rules["nasal_prefixes"]:
        onset = rule["onset"]
        if not stem.startswith(onset) or len(stem) - len(onset) < 2:
            continue
        rest = stem[len(onset):]
        if rest[0] in rule["keep"] and len(rest) >= min_root:
            out.append((rest, rule["label"]))
        if rule["restore"] and rest[0] in VOWELS:
            out.append((rule["restore"] + rest, rule["label"]))
    return out


@functools.lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every plausible (root, prefix, suffix) split of `word`, the unchanged word first."""
    w = word.casefold().strip()
    if "-" in w:  # reduplication: rudal-rudal, serang-menyerang, tembak-menembak
        w = w.rsplit("-", 1)[1] or w
    min_root = int(_rules().get("min_root", 3))
    seen: dict[str, Analysis] = {}
    found: list[Analysis] = [Analysis(w, "", "")]
    seen[(w, "", "")] = found[0]
    if not w.isalpha():
        return tuple(found)
    for stem, suffix in _strip_suffixes(w, min_root):
        for root, prefix in _strip_prefixes(stem, min_root):
            key = (root, prefix, suffix)
            if key not in seen:
                seen[key] = Analysis(root, prefix, suffix)
                found.append(seen[key])
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def roots(word: str) -> frozenset[str]:
    """Candidate roots of `word` (the word itself included)."""
    known = _verb_roots().get(word)
    return known if known is not None else _roots(word)


def _roots(word: str) -> frozenset[str]:
    return frozenset(a.root for a in analyses(word))


@functools.cache
def _verb_roots() -> dict[str, frozenset[str]]:
    """`roots` of every word of `lexicons/verbs.txt`, the words asked about most (~3,400: tens of
    milliseconds to analyse), kept in the user cache (`warta.knowledge.cache`, rebuilt when any file
    of the package changes)."""
    from warta.knowledge import cache

    return cache.stored("morph-verb-roots", _analyse_verbs)


def _analyse_verbs() -> dict[str, frozenset[str]]:
    lines = lexicons.path("verbs.txt").read_text(encoding="utf-8").splitlines()
    return {w: _roots(w) for w in sorted({line.strip() for line in lines}) if w and not w.startswith("#")}
