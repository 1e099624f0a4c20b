"""warta.lang.prefilter: a PatternSet finds exactly what each pattern's finditer finds, on texts built to hit the
analysis' edges (optional openings, `\\b`, case folding, characters outside ASCII, the end of the text)."""

from __future__ import annotations

import random
import re

import pytest

from warta.lang.prefilter import PatternSet

TRICKY = [
    r"\bxyz",
    r"(?:ab)?\d\d\d\dxx",
    r"(?i:\b(?:kemarin|besok|lusa))\b",
    r"(?:\bSenin,? )?\b(?P<d>\d{1,2}) (?P<m>Mei|Juni)",
    r"(?<![\w$])[A-Z][A-Z0-9]{1,9} (?:19|20)\d\d\b",
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)",
    r"(?i:k)elvin|(?i:s)tra(?i:ß)e",  # case partners outside ASCII: K (Kelvin sign), ſ
    r"\b\(x",  # `\b` before a non-word character: after a word character
    r"a{0,3}b",
    r"(?:x|)y\b",
    r"é+t",
    r"[^a-z ]{2}",
    r"\Bab",
    r"(a)\1",  # a back-reference: scanned as before
    r"x*",  # the empty match: scanned as before
    r"(?i:ı)i|\w\w\w\w\w\w",
]
ALPHABET = list("abxyzkKsSetuSenin MeiJuni()/,.-0123456789 \n\t") + ["\u212a", "\u017f", "é", "ß", "ı", "İ",
                                                                           "“", "”", "\u00a0", "Mei", "Senin, ",
                                                                           "kemarin", "Lusa", "KPK 2024"]


def _same(ps, text):
    for pattern, matches in zip(ps.patterns, ps.matches(text)):
        assert [(m.span(), m.groups()) for m in matches] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)], (pattern.pattern, text)


@pytest.mark.parametrize("seed", range(20))
def test_tricky_patterns_match_as_finditer(seed):
    rng = random.Random(seed)
    ps = PatternSet([re.compile(p) for p in TRICKY])
    for _ in range(40):
        _same(ps, "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))))


def test_date_grammar_matches_as_finditer():
    from warta.annotate.dates.grammar import lex

    L = lex()
    words = [p.example for p in L.patterns] + ["Senin", "(", ")", "2023", "12", "/", " ", ", ", "\n", "pukul",
                                               "“", "é", "KPK", "tahun", "\u212a", "se", "hari"]
    rng = random.Random(7)
    for _ in range(150):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "-"]) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        _same(L.scan, text)


def test_what_it_cannot_read_is_scanned_as_before():
    ps = PatternSet([re.compile(r"(a)\1"), re.compile(r"x*"), re.compile(r"ab")])
    assert ps.plans[0] is None and ps.plans[1] is None and ps.plans[2] is not None
    assert [len(m) for m in ps.matches("aa xx ab")] == [len(list(p.finditer("aa xx ab"))) for p in ps.patterns]


def test_survives_pickling():
    import pickle

    ps = pickle.loads(pickle.dumps(PatternSet([re.compile(r"\bab\d")])))
    assert [m.group() for m in ps.matches("ab1 xab2 ab3")[0]] == ["ab1", "ab3"]


def _texts(words, count, seed):
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "-", ", ", "\n"])
                       for _ in range(rng.randint(1, 14)))
        yield text.upper() if rng.random() < 0.15 else text


def test_quantity_patterns_match_as_finditer():
    from warta.annotate.quantities.tables import tables

    pattern_set = PatternSet([tables()["pat"], tables()["se_pat"]])
    words = ["sekitar", "lebih dari", "hanya", "seorang", "sebuah", "Rp", "Rp150", "3", "1.209", "3,75", "juta",
             "triliun", "dua puluh", "warga", "orang", "km", "persen", "%", "US$", "(empat)", "“", "é", "ribuan",
             "\u212a", "hingga", "-", "M", "magnitudo", "6,9", "SR"]
    for text in _texts(words, 150, 11):
        _same(pattern_set, text)


def test_inline_credit_patterns_match_as_finditer():
    from warta.readers.text.rules import rules

    words = ["dilansir", "dari", "Reuters", "melansir", "AFP", "mengutip", "kata", "kepada", "CNN", "menurut",
             "laporan", "foto", "yang", "diambil", "oleh", "dikutip", "Antara", "x", "MELANSIR", "ﬁ", "“"]
    for text in _texts(words, 150, 12):
        _same(rules().credit_inline_set, text)
