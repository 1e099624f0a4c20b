"""Quotes on real-news phenomena (issue #12, class 7): quotations that are what an actor called something
(`menyebut X sebagai “…”`), what someone said or shouted (`dengan ucapan “…”`, `meneriakkan “…”`, a quotation
paragraph after a sentence of shouting), and adverbials with dates before a reported clause.  Sentences
written for these tests after the patterns seen on real pages."""

from __future__ import annotations

import pytest

import warta
from tests.quote_metrics import pipeline


def quotes(text: str):
    a = warta.extract_text(text, pipeline=pipeline())
    return a, [(q.text, q.direct, a.actor(q.speaker).name if q.speaker else None, q.speaker_text, q.rule)
               for q in a.quotes]


@pytest.mark.parametrize("text,words,speaker", [
    ("Kementerian Luar Negeri Tiongkok menyebut kunjungan itu sebagai “provokasi berbahaya” bagi kawasan.",
     "provokasi berbahaya", "Kementerian Luar Negeri Tiongkok"),
    ("Presiden Prancis Emmanuel Macron memuji rencana itu dan menggambarkannya sebagai “langkah bersejarah”.",
     "langkah bersejarah", "Emmanuel Macron"),
    ("Pemerintah Rusia berulang kali mengecam Presiden Volodymyr Zelensky, menggambarkannya sebagai “boneka "
     "Barat” dan menolak usulnya.", "boneka Barat", "Rusia"),
])
def test_quotes_naming_quote_is_the_actors_words(text, words, speaker):
    _, qs = quotes(text)
    q = next(q for q in qs if q[0] == words)
    assert q[1] and q[4].startswith("quote:direct+naming:")
    assert speaker in (q[2] or "") or speaker in (q[3] or "")


@pytest.mark.parametrize("text", [
    "Warga menyebut jalan itu sebagai “jalur maut” karena sering terjadi kecelakaan.",  # no actor: a scare quote
    "Program itu dikenal sebagai “Kampung Tangguh” di kalangan warga.",  # no verb of calling
])
def test_quotes_naming_without_an_actor_is_no_quote(text):
    assert quotes(text)[1] == []


def test_quotes_quoted_complement_stays_in_the_reported_clause():
    """Without `sebagai` the quotation completes a reported clause (one quote, direct=false)."""
    _, qs = quotes("Kremlin menyebut sanksi itu “ilegal dan tidak berdasar”.")
    assert [(q[0], q[1], q[2]) for q in qs] == [("sanksi itu “ilegal dan tidak berdasar”", False, "Kremlin")]


@pytest.mark.parametrize("text,words,speaker_text", [
    ("Ribuan buruh di depan gedung DPR meneriakkan “Tolak upah murah!” sambil membawa spanduk.",
     "Tolak upah murah!", "Ribuan buruh"),
    ("Para siswa menyambut rombongan itu dengan ucapan “Selamat datang di Kupang.”",
     "Selamat datang di Kupang.", "siswa"),
])
def test_quotes_speech_noun_or_shout_before_the_quotation(text, words, speaker_text):
    _, qs = quotes(text)
    q = next(q for q in qs if q[0] == words)
    assert q[1] and q[4].startswith("quote:direct+speech:") and q[2] is None and speaker_text in q[3]


def test_quotes_paragraph_after_a_sentence_of_shouting():
    text = ("Rapat itu ditunda lagi. Para mahasiswa yang mendengar alasan ini langsung menyoraki anggota dewan.\n\n"
            "“Huuuu!”\n\n“DPR payah!”\n\nMereka lalu menutup jalan di depan gedung itu.")
    _, qs = quotes(text)
    assert [(q[0], q[3]) for q in qs] == [("Huuuu!", "mahasiswa"), ("DPR payah!", "mahasiswa")]
    assert qs[0][4] == "quote:direct+speech-act:menyoraki"


def test_quotes_one_word_paragraph_without_shouting_is_no_quote():
    text = "Rapat itu ditunda lagi sampai pekan depan.\n\n“Huuuu!”\n\nMereka lalu menutup jalan."
    assert quotes(text)[1] == []


def test_quotes_adverbial_with_a_date_before_the_reported_clause():
    """`melaporkan hingga Jumat (30/6/2023) pukul 20.40 WIB, …`: the digits of the date are no words of the
    adverbial, the clause after it is reported."""
    _, qs = quotes("Pusdalops BNPB melaporkan hingga Jumat (30/6/2023) pukul 20.40 WIB, dua rumah warga rusak "
                   "ringan di Kabupaten Kebumen.")
    assert len(qs) == 1 and "dua rumah warga rusak ringan" in qs[0][0] and qs[0][4].startswith("quote:reported")


@pytest.mark.parametrize("text,speaker_text", [
    ("Nelayan asal Indramayu, Darsono, menuturkan hasil tangkapannya turun drastis sejak musim angin barat.",
     "Darsono"),
    ("Di Jakarta, Budi menyatakan bahwa harga beras akan turun bulan depan.", "Budi"),
])
def test_quotes_bare_name_after_a_comma_speaks_not_the_place_before(text, speaker_text):
    """A name the entity layer missed, after a comma, is the subject; the place in the words before is not."""
    _, qs = quotes(text)
    assert len(qs) == 1 and qs[0][2] is None and qs[0][3] == speaker_text
