"""Paragraph-aware sentence splitting on sentences written for these tests."""

import pytest

from warta.annotate.sentences import make_doc
from warta.api import make_pipeline
from warta.readers.text import read_text


def split(text: str) -> list[str]:
    return [s.text.strip() for s in make_doc(text).sents]


@pytest.mark.parametrize("text,expected", [
    ("Pangdam Jend. Andika Perkasa tiba di lokasi. Ia disambut warga.",
     ["Pangdam Jend. Andika Perkasa tiba di lokasi.", "Ia disambut warga."]),
    ("Dr. Siti Nurhasanah memeriksa pasien. Kasus baru bertambah.",
     ["Dr. Siti Nurhasanah memeriksa pasien.", "Kasus baru bertambah."]),
    ("Rumah No. 12 rusak berat. Warga mengungsi.", ["Rumah No. 12 rusak berat.", "Warga mengungsi."]),
    ("Bantuan berupa beras, minyak, dll. Semua dibagikan pagi ini.",
     ["Bantuan berupa beras, minyak, dll. Semua dibagikan pagi ini."]),
    ("Inflasi tercatat 3.5 persen dan 1.209 orang terdampak. Rudal diluncurkan pukul 11.43 waktu setempat.",
     ["Inflasi tercatat 3.5 persen dan 1.209 orang terdampak.", "Rudal diluncurkan pukul 11.43 waktu setempat."]),
    ("“Kami siap,” kata Budi. “Semua sudah disiapkan.” Rapat selesai.",
     ["“Kami siap,” kata Budi.", "“Semua sudah disiapkan.”", "Rapat selesai."]),
    ("Ia menulis di buku tamu: “Persahabatan kita abadi.” Lalu ia pergi.",
     ["Ia menulis di buku tamu: “Persahabatan kita abadi.”", "Lalu ia pergi."]),
    ('Ia menulis: "Kami menolak." Kemudian rapat ditutup. "Ini final," ujarnya.',
     ['Ia menulis: "Kami menolak."', "Kemudian rapat ditutup.", '"Ini final," ujarnya.']),
    ("Mantan presiden Susilo B. Yudhoyono hadir. Ia tersenyum.",
     ["Mantan presiden Susilo B. Yudhoyono hadir.", "Ia tersenyum."]),
    ("Rapat dihadiri Prof. Dr. Ir. H. Ahmad Yani, M.Si. dan stafnya. Keputusan diambil.",
     ["Rapat dihadiri Prof. Dr. Ir. H. Ahmad Yani, M.Si. dan stafnya.", "Keputusan diambil."]),
    ("Apakah harga akan turun? Belum tentu! Pemerintah masih menghitung.",
     ["Apakah harga akan turun?", "Belum tentu!", "Pemerintah masih menghitung."]),
    ("Kantor itu di Jl. Sudirman No. 5, Kec. Menteng. Polisi berjaga.",
     ["Kantor itu di Jl. Sudirman No. 5, Kec. Menteng.", "Polisi berjaga."]),
    ("Harga cabai Rp.45.000 per kg. Pedagang mengeluh.", ["Harga cabai Rp.45.000 per kg.", "Pedagang mengeluh."]),
    ("Skor akhir 2-1. 30 ribu penonton pulang dengan gembira.",
     ["Skor akhir 2-1.", "30 ribu penonton pulang dengan gembira."]),
])
def test_sentences_split(text, expected):
    assert split(text) == expected


def test_sentences_paragraph_always_starts_a_sentence():
    text = "Paragraf pertama tanpa titik\n\nParagraf kedua dimulai di sini. Lalu berlanjut."
    assert split(text) == ["Paragraf pertama tanpa titik", "Paragraf kedua dimulai di sini.", "Lalu berlanjut."]


def test_sentences_headline_and_byline_never_merge_into_lead():
    raw = ("Gubernur Resmikan Jembatan Baru di Samarinda\n\nOleh: Nur Aini\n\n"
           "SAMARINDA, KOMPAS.com - Gubernur Kalimantan Timur meresmikan jembatan sepanjang 1.2 km. Warga antusias.\n\n"
           "Jembatan itu menghubungkan dua kecamatan.")
    pipeline = make_pipeline(["sentences"])
    article = pipeline(read_text(raw))
    texts = [article.sentence_text(i) for i in range(len(article.sentences))]
    # the dateline stays in the text as a sentence of its own
    assert texts[0] == "SAMARINDA, KOMPAS.com -" and article.sentences[0].kind == "dateline"
    assert texts[1] == "Gubernur Kalimantan Timur meresmikan jembatan sepanjang 1.2 km."
    assert article.sentences[1].kind == "lead"
    assert all("Gubernur Resmikan" not in t and "Nur Aini" not in t for t in texts)
    assert [s.paragraph for s in article.sentences] == [0, 0, 0, 1]


def test_sentences_heading_kind():
    raw = ("Judul Berita Tentang Banjir\n\nBanjir melanda tiga desa.\n\nDampak Bagi Petani\n\n"
           "Sawah seluas 200 hektare terendam.")
    article = make_pipeline(["sentences"])(read_text(raw))
    kinds = [s.kind for s in article.sentences]
    assert kinds == ["lead", "heading", "body"]


def test_sentences_offsets_point_into_text():
    raw = "Hujan turun sejak pagi.  Jalan tergenang.\n\n“Kami menunggu,” kata warga."
    article = make_pipeline(["sentences"])(read_text(raw, title="Banjir"))
    for s in article.sentences:
        piece = article.text[s.start:s.end]
        assert piece == piece.strip() and piece
