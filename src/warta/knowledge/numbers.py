"""Indonesian numerals: digits with thousands dots and decimal commas (`1.209`,
`3,75`), number words (`dua puluh tiga`, `seratus`, `puluhan ribu`) and scale
words after digits (`3 triliun`).  Words come from `lexicons/numbers.yaml`."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.lang.alternation import alternation

#: longest numeral in words (`dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh` has 11)
MAX_NUMBER_WORDS = 12

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@functools.cache
def table() -> dict:
    data = lexicons.load("numbers")
    se = data["se_prefix"]
    words: dict[str, tuple[str, float]] = {}
    for w, v in data["digits"].items():
        words[w] = ("digit", v)
    for w, v in data["words"].items():
        words[w] = ("word", v)
    words[data["teen"]] = ("teen", 10)
    for w, v in data["multipliers"].items():
        words[w] = ("mult", v)
        words[se + w] = ("word", v)
    for w, v in data["scales"].items():
        words[w] = ("scale", v)
        words[se + w] = ("sescale", v)
    approx = {}
    for w, v in data["approximate"].items():
        if " " not in w:
            words[w] = ("approx", v)
        approx[w] = v
    return {"words": words, "scales": data["scales"], "se_classifiers": data["se_classifiers"],
            "qualifiers": data["qualifiers"]}


@functools.cache
def word_pattern() -> str:
    """A run of number words (`dua puluh tiga`, `puluhan ribu`), at most MAX_NUMBER_WORDS long: an
    unbounded run made a failed match quadratic in the length of a text of number words."""
    w = alternation(table()["words"])
    return rf"(?i:(?:{w})(?:[ \t]+(?:{w})){{0,{MAX_NUMBER_WORDS - 1}}})"


@functools.cache
def scale_pattern() -> str:
    return alternation(table()["scales"])


@functools.cache
def number_pattern() -> str:
    """Digits (with an optional scale word) or number words, as a regex string (no groups)."""
    return rf"(?:(?:{DIGITS})(?:[ \t]+(?i:{scale_pattern()})\b)?|(?:{word_pattern()}))"


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_POINT = re.compile(r"\d+\.\d{1,2}")
_INTEGER = re.compile(r"\d+")


def parse_digits(s: str) -> float | int | None:
    s = s.strip()
    if _THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(",", ".")
    elif _DECIMAL_POINT.fullmatch(s):
        pass  # English-style decimal point (only reached when a caller allows it)
    elif not _INTEGER.fullmatch(s):
        return None
    v = float(s)
    return int(v) if v.is_integer() else v


def parse_number(text: str) -> tuple[float | int, bool] | None:
    """(value, approximate) of a numeral written in digits and/or words, else None."""
    tab = table()
    words = tab["words"]
    parts = text.split()
    if not parts:
        return None
    total = 0.0
    group = 0.0
    digit = 0.0
    approximate = False
    for p in parts:
        low = p.lower()
        if p[0].isdigit():
            v = parse_digits(p)
            if v is None:
                return None
            digit += v
            continue
        kind_value = words.get(low)
        if kind_value is None:
            return None
        kind, v = kind_value
        if kind == "digit" or kind == "word":
            digit += v
        elif kind == "teen":
            group += 10 + digit
            digit = 0
        elif kind == "mult":
            group += (digit or 1) * v
            digit = 0
        elif kind == "scale":
            total += ((group + digit) or 1) * v
            group = digit = 0
        elif kind == "sescale":
            total += v
        elif kind == "approx":
            approximate = True
            digit += v
    value = total + group + digit
    value = round(value, 6)
    return (int(value) if float(value).is_integer() else value), approximate
