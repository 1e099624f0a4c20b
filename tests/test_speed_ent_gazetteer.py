"""The entities component's faster look-ups answer exactly what the slower ones they replace answered:
the country phrases matched on token ids (a spaCy PhraseMatcher on ORTH stood there), the remembered
lookup keys and labels, the cached scan pattern and the phrase table."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from warta.annotate.entities import country_matches, country_phrases, gazetteer_spans, known_label
from warta.annotate.entities.words import _general_label, gazetteer_capitals
from warta.knowledge import countries, gazetteer
from warta.lang.id.phrase_table import Table, tokenize
from warta.lang.id.tokenize import make_doc, tokenizer_nlp


@pytest.fixture(scope="module")
def phrase_matcher() -> PhraseMatcher:
    """The matcher the component built in every process before: every name tokenized, matched on ORTH."""
    matcher = PhraseMatcher(tokenizer_nlp().vocab, attr="ORTH")
    names = list(countries.surface_names()) + countries.capital_names_as_written() + sorted(gazetteer_capitals())
    matcher.add("LOC", [tokenizer_nlp().make_doc(n) for n in sorted(set(names)) if n])
    return matcher


def _old_spans(matcher: PhraseMatcher, doc) -> list[tuple[int, int]]:
    spans = [Span(doc, s, e, label="LOC") for _id, s, e in matcher(doc)]
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept, taken = [], set()
    for s in spans:
        if taken.isdisjoint(range(s.start, s.end)):
            kept.append((s.start, s.end))
            taken.update(range(s.start, s.end))
    return kept


SENTENCES = [
    "Menlu Korea Selatan bertemu utusan Korea Utara di Seoul, lalu terbang ke Tiongkok.",
    # `aux` is one of spaCy's own symbols: its token id is no hash of the text
    "Kapal itu berlabuh di Port-aux-Francais sebelum ke Port-au-Prince dan Port Moresby.",
    "Delegasi AS, Rusia dan Republik Demokratik Kongo tiba di Kinshasa; Guinea Khatulistiwa absen.",
    "Tidak ada negara yang disebut di kalimat ini.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_country_matches_are_the_phrase_matchers(phrase_matcher, text):
    doc = make_doc(text)
    assert sorted(set(country_matches(doc))) == sorted({(s, e) for _id, s, e in phrase_matcher(doc)})
    assert [(s.start, s.end, s.label_) for s in gazetteer_spans(doc)] == \
        [(s, e, "LOC") for s, e in _old_spans(phrase_matcher, doc)]


def test_every_country_phrase_is_found_in_a_sentence(phrase_matcher):
    names = sorted({" ".join(p) for p in country_phrases()})
    text = " . ".join(f"Kabar dari {n} hari ini" for n in names)
    doc = make_doc(text)
    assert sorted(set(country_matches(doc))) == sorted({(s, e) for _id, s, e in phrase_matcher(doc)})


def test_country_phrases_are_token_tuples():
    phrases = country_phrases()
    assert ("Korea", "Utara") in phrases and ("Jepang",) in phrases
    assert phrases == sorted(phrases) and all(phrases)


@pytest.mark.parametrize("name", ["São Tomé", "Korea-Utara", "  Kivu   Utara ", "Ma’ruf", "JAKARTA"])
def test_remembered_keys_are_the_computed_ones(name):
    assert gazetteer.key(name) == gazetteer._key(name)
    assert countries.key(name) == " ".join(name.replace("-", " ").split()).casefold()


def test_known_label_article_names_only_where_knowledge_is_silent():
    assert known_label("Jepang") == "LOC"
    assert known_label("Jepang", {"jepang": "ORG"}) == "LOC"  # knowledge first, as before
    assert _general_label("Zyxwvut Qrstuv") is None
    assert known_label("Zyxwvut Qrstuv", {"zyxwvut qrstuv": "PER"}) == "PER"
    assert known_label("Zyxwvut Qrstuv") is None


def test_scan_regex_is_the_one_built_from_the_names():
    names = gazetteer.curated_scan_names()
    assert gazetteer.scan_regex().pattern == gazetteer._scan_regex(names).pattern
    assert gazetteer.scan_regex().search("banjir di Jakarta kemarin")


@pytest.mark.parametrize("fold", [True, False])
def test_phrase_table_longest_match(fold):
    table = Table(fold)
    table.add("Menteri Luar Negeri", "title")
    table.add("Menteri", "short")
    tokens = tokenize("kata Menteri Luar Negeri Retno")
    assert table.match(tokens, 1) == (3, "title")
    assert table.match(tokens, 0) is None and table.match(tokens, 9) is None
    low = tokenize("menteri luar negeri")
    assert table.match(low, 0) == ((3, "title") if fold else None)
    assert table.match(tokenize("Menteri Luar"), 0) == (1, "short")
