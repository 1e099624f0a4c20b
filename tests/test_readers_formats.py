"""HTML pages, RSS/Atom feeds, JSON Lines, encodings and language identification."""

import codecs
import json

import pytest

from warta.annotate.language import detect
from warta.api import make_pipeline
from warta.errors import InputError
from warta.options import Options
from warta.readers import read_bytes, read_path, sniff
from warta.readers.dates import parse_published
from warta.readers.encoding import decode

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

PAGES = DATA / "pages"
FEEDS = DATA / "feeds"


# -- HTML ---------------------------------------------------------------------------------
def test_html_meta_title_author_published_time():
    [article] = read_path(PAGES / "kompas_style.html")
    assert article.title == "Gempa M 5,6 Guncang Sumedang, Puluhan Rumah Rusak"
    assert article.authors == ["Dewi Lestari"]
    assert article.published == "2024-01-01T20:34:00+07:00"
    assert article.dateline_place == "Sumedang"
    assert article.text.startswith("SUMEDANG, KABARNUSANTARA.com - Gempa bermagnitudo 5,6")
    assert "Baca juga" not in article.text and "Beranda" not in article.text


def test_html_json_ld_authors_and_date():
    [article] = read_path(PAGES / "jsonld_style.html")
    assert article.authors == ["Andi Wijaya", "Lina Marpaung"]
    assert article.published == "2023-10-05T14:20:00+07:00"
    assert article.title == "Ekspor Kopi Sumatra Naik Tajam"
    assert article.dateline_place == "Medan"


def test_html_truncated_page_still_gives_article():
    [article] = read_path(PAGES / "truncated.html")
    assert article.title == "Banjir Rob Rendam Pesisir Semarang"
    assert article.published == "2023-12-11T07:00:00+07:00"
    assert "Banjir rob kembali merendam" in article.text


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title></head><body><div><div><span></span></div></body>",
    "<!DOCTYPE html><html><head><meta property='article:published_time' content='bukan tanggal'></head><body>",
    "<html><head><script>var x = '<p>bukan teks</p>';</script></head>",
])
def test_html_malformed_gives_clear_error(html):
    with pytest.raises(InputError) as info:
        read_bytes(html.encode("utf-8"), "rusak.html")
    assert "rusak.html" in str(info.value) and "no article text" in str(info.value)


@pytest.mark.parametrize("html", [
    "<html><body><p>Terlalu</p>", "<<<>>><html", "<html><body><p>Harga <b>naik</i> tajam<p>dan <td>turun",
    "<html>\x00\x01<body>" + "<div>" * 500 + "Berita pendek tentang panen.", "<html><body><p>" + "a" * 100_000,
])
def test_html_malformed_never_a_traceback(html):
    try:
        articles = read_bytes(html.encode("utf-8"), "rusak.html", kind="html")
    except InputError as exc:
        assert "rusak.html" in str(exc)
    else:
        assert all(a.text.strip() for a in articles)


def test_html_unclosed_tags_recovered():
    paragraph = ("Pemerintah kota menutup sementara pasar hewan setelah ditemukan kasus penyakit mulut dan kuku "
                 "pada puluhan sapi yang didatangkan dari luar daerah pekan lalu. ")
    html = f"<html><head><title>Pasar Hewan Ditutup</title><body><div><p>{paragraph}<p>{paragraph * 2}<div><span>"
    [article] = read_bytes(html.encode("utf-8"), "pasar.html")
    assert "pasar hewan" in article.text


# -- feeds ----------------------------------------------------------------------------------
def test_feed_rss_one_record_per_entry_with_indonesian_dates():
    articles = read_path(FEEDS / "berita.rss")
    assert [a.published for a in articles] == [
        "2023-09-12T08:00:00+07:00", "2023-09-13T10:15:00+07:00", "2023-09-14T19:30:00+07:00"]
    assert articles[0].authors == ["Fajar Nugroho"]
    assert articles[0].url == "https://kabarharian.example/nasional/kpu-debat"
    assert articles[0].text.startswith("Komisi Pemilihan Umum") and "<p>" not in articles[0].text
    assert articles[0].text.count("\n\n") == 1


def test_feed_atom():
    articles = read_path(FEEDS / "dunia.atom")
    assert [a.title for a in articles] == ["Jepang Kirim Bantuan ke Filipina Setelah Topan",
                                           "Chile Gelar Pemilu Konstitusi"]
    assert articles[0].authors == ["Maria Tan"]
    assert articles[1].published == "2023-11-01T22:10:00+07:00"


def test_feed_broken_is_clear_error():
    with pytest.raises(InputError) as info:
        read_path(FEEDS / "broken.rss")
    assert "feed could not be parsed" in str(info.value)


def test_feed_without_entries():
    with pytest.raises(InputError, match="no entries"):
        read_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title></channel></rss>', "k.rss")


@pytest.mark.parametrize("value,expected", [
    ("Selasa, 12 Sep 2023 08:00:00 WIB", "2023-09-12T08:00:00+07:00"),
    ("Jumat, 1 Desember 2023 17:05 WITA", "2023-12-01T17:05:00+08:00"),
    ("Sabtu, 02 Mar 2024 | 21.30 WIT", "2024-03-02T21:30:00+09:00"),
    ("Tue, 12 Sep 2023 08:00:00 +0700", "2023-09-12T08:00:00+07:00"),
    ("2023-09-12T01:00:00Z", "2023-09-12T01:00:00+00:00"),
    ("2023-09-12", "2023-09-12"),
    ("12/09/2023", "2023-09-12"),
    ("bukan tanggal", None),
    ("", None),
])
def test_dates_parse_published(value, expected):
    assert parse_published(value) == expected


# -- JSON Lines ---------------------------------------------------------------------------
def test_jsonl_fields():
    lines = [{"text": "Isi berita tentang panen padi di Karawang.", "title": "Panen Padi",
              "url": "https://contoh.example/panen", "published": "Rabu, 13 September 2023 | 10:15 WIB",
              "authors": "Eko Saputra"},
             {"text": "Isi kedua tentang pasar modal."}]
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode("utf-8")
    first, second = read_bytes(data, "berita.jsonl")
    assert first.title == "Panen Padi" and first.url == "https://contoh.example/panen"
    assert first.published == "2023-09-13T10:15:00+07:00" and first.authors == ["Eko Saputra"]
    assert second.source == "berita.jsonl#2"
    assert sniff(data.decode(), "tanpa-akhiran") == "jsonl"


def test_jsonl_bad_line_named():
    with pytest.raises(InputError, match="line 2"):
        read_bytes(b'{"text": "Baik."}\n[1, 2]\n', "x.jsonl")


# -- encodings ----------------------------------------------------------------------------
TEXT = "Menteri itu berkata, “kami tidak akan mundur” — lalu pergi ke kafe di Bandung. Harga naik 5 %.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"])
def test_encoding_detected(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode(data, "x").lstrip("\ufeff") == TEXT


def test_encoding_latin1_accents():
    text = "Pemain asal Brasil, José Ribeiro, mencetak dua gol di Stadion Gelora Bung Karno.\n"
    assert decode(text.encode("latin-1"), "x") == text


def test_encoding_nfc_and_nbsp_through_reader():
    raw = "Kafe\u0301 Baru\n\nWarga\u00a0antre di kafe\u0301 itu sejak pagi,\u202fkata “pemilik”.\n\nLalu tutup."
    [article] = read_bytes(raw.encode("utf-16"), "kafe.txt")
    assert article.title == "Kafé Baru"
    assert article.text.startswith("Warga antre di kafé itu sejak pagi, kata “pemilik”.")


@pytest.mark.parametrize("data,problem", [
    (b"", "empty"), (b"\xef\xbb\xbf   ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    (bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 50 + [0xfe, 0xff, 0xc3] * 40), "encoding"),
])
def test_encoding_refused(data, problem):
    with pytest.raises(InputError) as info:
        decode(data, "x")
    assert problem in str(info.value)


# -- language -----------------------------------------------------------------------------
INDONESIAN = [
    "Pemerintah Provinsi Jawa Tengah akan membangun tiga waduk baru untuk mengatasi kekeringan yang setiap tahun "
    "melanda wilayah selatan. Gubernur mengatakan anggaran pembangunan sudah disetujui DPRD.",
    "Polisi menangkap seorang pria yang diduga mencuri sepeda motor di parkiran pusat perbelanjaan. Pelaku "
    "ditangkap saat hendak menjual motor curian itu kepada penadah di Bekasi.",
    "Bank Indonesia memutuskan mempertahankan suku bunga acuan. Menurut gubernur bank sentral, keputusan itu "
    "sejalan dengan upaya menjaga stabilitas nilai tukar rupiah.",
    "Tim nasional berhasil lolos ke babak selanjutnya setelah menang atas Brunei. Pelatih mengaku puas walaupun "
    "masih banyak peluang yang terbuang.",
    "Kementerian Luar Negeri mengecam serangan terhadap kamp pengungsi dan meminta semua pihak menghormati hukum "
    "humaniter internasional.",
    "Harga beras naik. Warga mengeluh.",
]
MALAY = [
    "Kerajaan Malaysia akan memperkenalkan dasar baharu bagi membantu golongan berpendapatan rendah menghadapi "
    "kenaikan kos sara hidup. Menteri Kewangan berkata peruntukan tambahan akan diumumkan minggu hadapan.",
    "Polis Diraja Malaysia menahan tiga lelaki yang disyaki terlibat dalam sindiket dadah di Johor Bahru. Ketua "
    "polis daerah berkata kesemua suspek kini ditahan reman selama tujuh hari.",
]
ENGLISH = ("The central bank kept its benchmark interest rate unchanged on Thursday, saying inflation remained "
           "within its target range while the currency stayed stable against the dollar.")


@pytest.mark.parametrize("text", INDONESIAN)
def test_language_indonesian_not_taken_for_malay(text):
    assert detect(text, Options().languages)[0] == "id"


@pytest.mark.parametrize("text", MALAY)
def test_language_malay(text):
    assert detect(text, Options().languages)[0] == "ms"


@pytest.mark.parametrize("text,code", [(ENGLISH, "en"), (MALAY[0], "ms")])
def test_language_foreign_article_gets_record_with_warning(text, code):
    from warta.readers.text import read_text

    article = make_pipeline()(read_text(text, source="asing.txt"))
    assert article.language == code
    assert any("not Indonesian" in w for w in article.warnings)
    assert article.pipeline == ["language"]
    assert not article.sentences and not article.entities and not article.events
    assert article.text == text


def test_language_indonesian_no_warning():
    from warta.readers.text import read_text

    article = make_pipeline(["language", "sentences"])(read_text(INDONESIAN[0]))
    assert article.language == "id" and article.warnings == [] and article.sentences
