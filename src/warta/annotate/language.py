"""Language identification with lingua, restricted to a handful of languages so it stays fast, and skipped
where its answer can only be Indonesian (`surely_indonesian`: ~2 ms an article saved)."""

from __future__ import annotations

import functools
import re

from lingua import IsoCode639_1, LanguageDetectorBuilder

from warta import lexicons
from warta.lang.prefilter import PatternSet
from warta.lang.text import lowered_for_ascii
from warta.options import Options
from warta.pipeline import component
from warta.record import Article

#: how much text is looked at
SAMPLE_CHARS = 2000
#: Malay and Indonesian are close; Malay wins only with this margin
MALAY_MARGIN = 0.9
#: a sample is surely Indonesian or Malay with at least this many words, this share of them Indonesian
#: function words, at most this share foreign ones, and at most this share of its letters outside ASCII
SURE_WORDS = 40
SURE_SHARE = 0.08
SURE_FOREIGN = 0.02
SURE_OTHER_LETTERS = 0.05
_WORD = re.compile(r"\w+")


@functools.cache
def detector(codes: tuple[str, ...]):
    languages = []
    for code in codes:
        try:
            languages.append(IsoCode639_1.from_str(code))
        except ValueError:
            continue
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).with_low_accuracy_mode().build()


@functools.cache
def _malay_markers() -> PatternSet:
    """The markers as one pattern, tried only at word starts whose first letters fit (warta.lang.prefilter)."""
    words = lexicons.load("languages")["malay_markers"]
    return PatternSet([re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                  + r")\b", re.IGNORECASE)], depth=6)


@functools.cache
def _marker_words() -> tuple[str, ...] | None:
    """The markers lowercased, when all are ASCII (else None: no shortcut)."""
    words = lexicons.load("languages")["malay_markers"]
    return tuple(w.lower() for w in words) if all(w.isascii() for w in words) else None


def has_malay_marker(text: str) -> bool:
    """Whether a marker stands in `text`; a text without one of the markers in its lowercased letters (and
    without a character that folds to an ASCII letter) has none, and is not scanned."""
    words = _marker_words()
    low = lowered_for_ascii(text) if words is not None else None
    if low is not None:
        if not any(w in low for w in words):
            return False
    return bool(_malay_markers().matches(text)[0])


@functools.cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicons.load("languages")
    return frozenset(data["indonesian_function_words"]), frozenset(data["foreign_function_words"])


def surely_indonesian(sample: str, codes: tuple[str, ...]) -> bool:
    """Whether `detect` can only answer "id" for `sample`: the detector then picks Indonesian or Malay (a long
    text, in Latin letters, full of the two languages' function words and next to none of the other languages'),
    and Malay is answered only with a Malay marker.  Only among the default languages, whose function words
    `foreign_function_words` lists."""
    if "id" not in codes or not set(codes) <= set(Options.languages):  # (the languages the word lists cover)
        return False
    words = _WORD.findall(sample.lower())
    if len(words) < SURE_WORDS:
        return False
    ours, foreign = _function_words()
    if sum(map(ours.__contains__, words)) < SURE_SHARE * len(words) or \
            sum(map(foreign.__contains__, words)) > SURE_FOREIGN * len(words):
        return False
    letters = "".join(words)
    if not letters.isascii() and \
            len(letters) - len(letters.encode("ascii", "ignore")) > SURE_OTHER_LETTERS * len(letters):
        return False
    return not has_malay_marker(sample)


def detect(text: str, codes: tuple[str, ...]) -> tuple[str | None, float | None]:
    """(language code, the detector's confidence) of `text`; the confidence is None where the detector was
    not asked (`surely_indonesian`)."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None, 0.0
    if surely_indonesian(sample, codes):
        return "id", None
    values = detector(codes).compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    if code == "ms":
        indonesian = next((v.value for v in values if v.language.iso_code_639_1.name == "ID"), 0.0)
        # an Indonesian report on Malaysia (`Datuk Seri`, `Yang di-Pertuan Agong`) can score as Malay: Malay
        # text always has some word Indonesian never uses (`kerajaan`, `berkata`, `kerana`)
        if best.value - indonesian < MALAY_MARGIN or not has_malay_marker(sample):
            return "id", indonesian
    return code, best.value


@component("language", requires=["text"], assigns=["language"], indonesian_only=False)
def make_language(options: Options):
    """Set `language` (BCP-47); warn when an article is not Indonesian."""

    def run(article: Article) -> Article:
        if article.language is None:
            article.language, confidence = detect(" ".join(filter(None, [article.title, article.text])),
                                                  options.languages)
            if article.language != "id":
                article.warnings.append(
                    f"language detected as {article.language or 'unknown'} (confidence {confidence:.2f}), not "
                    "Indonesian: only the reader's layers were filled")
        return article

    return run
