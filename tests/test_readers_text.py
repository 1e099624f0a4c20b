"""The plain-text reader on article openings and endings written in the styles of Indonesian outlets."""

import pytest
import yaml

from warta.readers.text import clean_text, is_clutter, parse_byline, read_text

from tests.conftest import need_shared

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

CASES = yaml.safe_load((DATA / "articles" / "structure.yaml").read_text(encoding="utf-8"))
FIELDS = ("title", "authors", "credits", "editor", "dateline_place", "outlet", "published")


def test_structure_cases_are_enough():
    assert len(CASES) >= 20


def body_of(article) -> str:
    """The text after the head matter and the dateline and before the wire credit lines, all of which the
    reader keeps in the text (with their offsets)."""
    dateline = article.scratch.get("dateline")
    start = dateline["span"][1] if dateline else article.scratch.get("lead_start", 0)
    return article.text[start:article.scratch.get("credits_start", len(article.text))].strip()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_text_reader_structure(case):
    article = read_text(case["raw"], source=case["name"])
    expect = case["expect"]
    for field in FIELDS:
        if field in expect:
            got = getattr(article, field)
            want = expect[field]
            if field == "credits":
                assert sorted(got) == sorted(want), field
            else:
                assert got == want, field
    if "sections" in expect:
        assert [s.title for s in article.sections] == expect["sections"]
    body = body_of(article)
    assert body.startswith(expect["starts"]), body[:80]
    if article.dateline:  # the dateline stays in the text, where its offsets say
        d_start, d_end = article.scratch["dateline"]["span"]
        assert article.text[d_start:d_end] == article.dateline
        for start, end, _label in article.scratch["dateline"]["parts"]:
            assert d_start <= start < end <= d_end
    assert body.endswith(expect["ends"]), body[-80:]
    for junk in expect.get("absent", []):
        assert junk not in body
    assert article.title not in article.text
    for section in article.sections:
        assert article.text[section.start:section.start + len(section.title)] == section.title


@pytest.mark.parametrize("line", [
    "Baca Juga: Harga Cabai Naik Jelang Natal", "Baca juga - Gempa di Cianjur", "Advertisement", "ADVERTISEMENT",
    "Scroll to continue with content", "Simak Video \"Detik-detik Evakuasi Korban\"", "[Gambas:Video CNN]",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.", "Pilihan Editor: Harga BBM Turun",
    "COPYRIGHT © ANTARA 2023", "Halaman selanjutnya", "Baca berita lengkapnya di sini",
])
def test_text_clutter_lines(line):
    assert is_clutter(line)


@pytest.mark.parametrize("line", [
    "Baca tulisan itu, kata dia, sebelum memutuskan.", "Simak ujar Menteri itu di rapat.",
    "Iklan rokok dilarang tayang pada jam anak-anak, kata KPI.", "Advertisement agencies in Jakarta grew.",
])
def test_text_clutter_keeps_sentences(line):
    assert not is_clutter(line)


@pytest.mark.parametrize("line,names", [
    ("Aldgra Fredly", ["Aldgra Fredly"]),
    ("Oleh: Siti Aminah", ["Siti Aminah"]),
    ("Penulis : Rudi Hartono, Maya Sari", ["Rudi Hartono", "Maya Sari"]),
    ("Reporter: Dian Purnama | Editor: Joko", ["Dian Purnama"]),
    ("Laporan wartawan Tribunnews.com, Fahdi Fahlevi", ["Fahdi Fahlevi"]),
    ("Rina Marlina - detikNews", ["Rina Marlina"]),
    ("Rep: Fikri Ramadhan/ Red: Nora Azizah", ["Fikri Ramadhan"]),
    ("Oleh Maria Flora pada 12 Jan 2024, 09:30 WIB", ["Maria Flora"]),
    ("Penulis: Yohana Sitorus | Editor: Agus Salim", ["Yohana Sitorus"]),
    ("Tim Redaksi", None),
    ("Presiden Tiba di Jakarta", None),
    ("Kim bertemu Putin di Rusia", None),
    ("Oleh karena itu, warga diminta tetap waspada.", None),
    ("Oleh sebab itu pemerintah daerah menetapkan status siaga darurat bencana", None),
])
def test_text_byline(line, names):
    assert parse_byline(line) == names


def test_text_clean_nfc_nbsp_curly_quotes():
    raw = "Cafe\u0301\u00a0di\u00a0Bandung  “ramai”\u200b\r\nbaris"
    assert clean_text(raw) == "Café di Bandung “ramai”\nbaris"


def test_text_no_headline_when_single_paragraph():
    article = read_text("Hujan deras mengguyur Jakarta sejak pagi.")
    assert article.title is None
    assert article.text == "Hujan deras mengguyur Jakarta sejak pagi."


def test_text_given_title_not_repeated():
    article = read_text("Judul Berita Hari Ini\n\nIsi berita pertama.\n\nIsi kedua.", title="Judul Berita Hari Ini")
    assert article.title == "Judul Berita Hari Ini"
    assert article.text.startswith("Isi berita pertama.")


def test_text_seed():
    shared = need_shared()
    text = (shared / "seed" / "000_d0311550289dc6a3.txt").read_text(encoding="utf-8")
    article = read_text(text, source="seed")
    assert article.title == "Pemimpin Korea Utara Bertemu Putin, Bersumpah Mendukung Perang Rusia"
    assert article.authors == ["Aldgra Fredly"]
    assert article.credits == ["Reuters"]
    assert article.editor == "asr"
    assert [s.title for s in article.sections] == ["Korea Utara Meluncurkan Rudal Menjelang Pembicaraan"]
    assert "(asr)" not in article.text
    # the credit line is kept as the last paragraph, after the body
    assert body_of(article).endswith("menerima tawaran tersebut.")
    assert article.text.endswith("Reuters berkontribusi pada laporan ini")


@pytest.mark.parametrize("line", ["Ilustrasi Banjir", "Foto Istimewa", "Berita Terkini", "Breaking News"])
def test_text_caption_lines_are_not_bylines(line):
    assert parse_byline(line) is None


def test_text_tail_pewarta_and_editor_lines():
    raw = ("Pelabuhan Merak Padat Jelang Libur Panjang\n\nCilegon (ANTARA) - Antrean kendaraan di Pelabuhan Merak "
           "mengular hingga tiga kilometer.\n\nPetugas menambah jumlah kapal yang beroperasi.\n\n"
           "Pewarta: Sugiharto Purnama\nEditor: Chandra Hamdani Noor\nCOPYRIGHT © ANTARA 2024")
    article = read_text(raw)
    assert article.authors == ["Sugiharto Purnama"]
    assert article.editor == "Chandra Hamdani Noor"
    assert article.credits == []  # Antara's own story: its dateline and copyright line are not credits
    assert article.text.endswith("jumlah kapal yang beroperasi.")


@pytest.mark.parametrize("line,credits,authors", [
    ("REUTERS | AL JAZEERA", ["Reuters", "Al Jazeera"], []),
    ("AFP/Reuters", ["AFP", "Reuters"], []),
    ("Antara, Xinhua", ["Antara", "Xinhua"], []),
    ("DEWI LESTARI | REUTERS", ["Reuters"], ["Dewi Lestari"]),
    ("Jakarta, Bandung, Surabaya", None, None),
    ("Dewi Lestari/Budi", None, None),
])
def test_text_credit_list_line(line, credits, authors):
    from warta.readers.text import credit_list

    found = credit_list(line)
    assert (found is None) if credits is None else (found == (credits, authors))


@pytest.mark.parametrize("para,own,credits,authors", [
    ("(Tribunnews.com/Ardi Santoso)", "Tribunnews.com", [], ["Ardi Santoso"]),
    ("Korban dibawa ke RSUD. (Kompas.com/Nur Fitri)", "Kompas.com", [], ["Nur Fitri"]),
    ("(Antara/Reuters)", None, ["Antara", "Reuters"], []),
    ("(ANTARA FOTO/Budi Candra)", None, None, None),
])
def test_text_outlet_slash(para, own, credits, authors):
    from warta.readers.text import outlet_slash

    found = outlet_slash(para)
    if credits is None:
        assert found is None
    else:
        _m, out = found
        assert (out["own"], out["credits"], out["authors"]) == (own, credits, authors)


def test_text_own_outlet_is_never_a_credit():
    from warta.readers.text import outlet_key

    assert outlet_key("TRIBUNNEWS.COM") == outlet_key("Tribunnews") == outlet_key("tribunnews.com")
    assert outlet_key("REPUBLIKA.CO.ID") == outlet_key("Republika")
    assert outlet_key("CNN Indonesia") != outlet_key("CNN")
