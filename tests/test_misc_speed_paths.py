"""The fast paths of the misc speed work give what the plain computation gives (sentences written for the
tests; timing is measured by bench/bench_extract.py, never here)."""

from __future__ import annotations

import random

import pytest

from warta.annotate.quantities.tables import idiom_spans, phrase_spans, tables
from warta.lang import prefilter
from warta.lang.text import lowered_for_ascii
from warta.record import Article, Sentence, _sentence_index
import warta.record as record

NUMBER_TEXTS = [
    "Sekitar 1.209 warga mengungsi dan Rp 3 triliun dana disiapkan, kata dia.",
    "Harga naik menjadi Rp150 juta, sedangkan SGD13 juta dibayar tunai oleh empat (4) perusahaan.",
    "Gempa bermagnitudo 6,9 mengguncang; lebih dari dua puluh tiga rumah rusak.ini.Dua warga luka.",
    "xsekitar 5 orang, “puluhan ribu” buruh, 3,75 persen, US$ 20 dan 200 hingga 250 kasus.",
    "Pasal 5 ayat 2 dan Nomor 12 tahun 2023 bukan jumlah; hanya seorang warga yang selamat.",
    "İstanbul menerima sekİtar 7 ton bantuan, ſekitar 8 kapal, dan KELVIN \u212a 9.",
    "",
    "5",
]


def _spans(matches):
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_number_pattern_set_finds_what_finditer_finds(text):
    T = tables()
    numbers, se = T["pat_set"].matches(text)
    assert _spans(numbers) == _spans(T["pat"].finditer(text))
    assert _spans(se) == _spans(T["se_pat"].finditer(text))


def test_number_pattern_set_on_joined_and_cut_texts():
    T = tables()
    rng = random.Random(13)
    whole = " ".join(NUMBER_TEXTS)
    for _ in range(200):
        a = rng.randrange(len(whole))
        text = whole[a:a + rng.randrange(1, 80)]
        assert _spans(T["pat_set"].matches(text)[0]) == _spans(T["pat"].finditer(text)), text


def test_word_starts_follow_the_text_they_are_asked_for():
    texts = ["Dua warga luka.", "Tiga  rumah rusak berat", "Dua warga luka.", "", "x"]
    for text in texts * 2:
        assert prefilter.word_starts(text) == [m.start() for m in prefilter._WORDS.finditer(text)]


def _plain_sentence_at(sents, offset):
    for k, s in enumerate(sents):
        if s.start <= offset < s.end:
            return k
    return None


def _article(text, spans):
    article = Article(text=text)
    article.sentences = [Sentence(start=a, end=b) for a, b in spans]
    return article


@pytest.mark.parametrize("spans", [
    [(0, 16), (17, 40), (41, 60)],           # in order, apart
    [(0, 16), (16, 16), (16, 40)],           # an empty sentence between two
    [(3, 10), (12, 12)],                     # ends in an empty sentence; text before the first
    [],                                      # no sentences
])
def test_sentence_at_reads_what_a_plain_search_finds(spans):
    text = "Harga beras naik. Menteri Budi mengatakan itu. Warga protes keras."
    article = _article(text, spans)
    for offset in range(-2, len(text) + 3):
        assert article.sentence_at(offset) == _plain_sentence_at(article.sentences, offset), offset


def test_sentence_at_follows_a_changed_sentence_list_and_long_texts(monkeypatch):
    text = "Harga beras naik. Menteri Budi mengatakan itu."
    article = _article(text, [(0, 17)])
    assert article.sentence_at(20) is None
    article.sentences.append(Sentence(start=18, end=len(text)))
    assert article.sentence_at(20) == 1
    monkeypatch.setattr(record, "SENTENCE_TABLE_CHARS", 10)  # a long text: starts and bisect, no table
    table, starts, _ = _sentence_index(article.sentences, len(text))
    assert table is None and starts == [0, 18]
    article.scratch.clear()
    for offset in range(-1, len(text) + 2):
        assert article.sentence_at(offset) == _plain_sentence_at(article.sentences, offset)


def test_sentence_at_with_overlapping_sentences_searches_them():
    text = "Harga beras naik. Menteri Budi mengatakan itu."
    article = _article(text, [(0, 20), (10, 30)])
    assert _sentence_index(article.sentences, len(text))[0] is None
    assert article.sentence_at(5) == 0 and article.sentence_at(25) == 1


IDIOM_TEXTS = [
    "Salah satu warga, SALAH SATU petugas dan salah satunya pergi; bertemu empat mata.",
    "Mereka saling membantu satu sama lain, satu per satu, “satu-satunya” jalan.",
    "İni salah satu contoh dengan huruf İ yang dilipat.",
    "salah satusalah satu salah satu",
    "",
]


@pytest.mark.parametrize("text", IDIOM_TEXTS)
def test_idiom_spans_find_what_each_phrase_pattern_finds(text):
    T = tables()
    plain = [(m.start(), m.end()) for p in T["not"] for m in p.finditer(text)]
    assert idiom_spans(text) == plain


def test_phrase_spans_is_finditer_where_the_lowered_text_holds_the_phrase():
    import re

    pattern = re.compile(r"(?i)\bsatu\b")
    for text in ["Satu, satu-satu dan SATU satuan sasatu satu", "satusatu satu"]:
        low = lowered_for_ascii(text)
        assert phrase_spans(pattern, text, low, "satu") == [(m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Pada Senin (4/9/2023) pukul 10.00 WIB, tiga hari setelah gempa tahun 2018-2019, sejak 1998.",
    "Dua pekan lalu, pada tahun ini dan 5 tahun ke depan; UU Nomor 35 Tahun 2009 tentang Narkotika.",
    "Sabtu, 24 Juni 2023, era 1990-an, Juli lalu, pekan depan, 2020/2021 dan pukul 20.40 WITA.",
])
def test_date_pattern_set_finds_what_each_pattern_finds(text):
    from warta.annotate.dates.grammar import lex

    plain = [_spans(p.regex.finditer(text)) for p in lex().patterns]
    assert lex().scan.depth == 4 and [_spans(ms) for ms in lex().scan.matches(text)] == plain
