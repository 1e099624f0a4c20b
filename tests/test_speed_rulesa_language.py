"""The language component skips lingua only where lingua's answer could only be Indonesian: a long text of
Indonesian sentences; a mixture with English (or any text with a Malay marker) still asks lingua."""

from warta.annotate.language import detect, surely_indonesian
from warta.options import Options

INDONESIAN = (
    "Pemerintah Provinsi Jawa Tengah akan membangun tiga waduk baru untuk mengatasi kekeringan yang setiap tahun "
    "melanda wilayah selatan. Gubernur mengatakan anggaran pembangunan sudah disetujui DPRD dan pekerjaan akan "
    "dimulai pada awal tahun depan. Menurut dia, waduk itu juga bisa menjadi sumber air bersih bagi warga yang "
    "selama ini kesulitan mendapatkan air pada musim kemarau. Warga menyambut baik rencana tersebut karena "
    "mereka sudah lama menunggu. ")
ENGLISH = ("The central bank kept its benchmark interest rate unchanged on Thursday, saying that inflation remained "
           "within its target range while the currency was stable against the dollar. The governor told reporters "
           "that the decision was made to support growth. ")
CODES = Options().languages


def test_long_indonesian_text_skips_the_detector():
    assert surely_indonesian(INDONESIAN, CODES)
    assert detect(INDONESIAN, CODES) == ("id", None)


def test_mixed_with_english_asks_the_detector():
    assert not surely_indonesian(INDONESIAN[:200] + ENGLISH * 2, CODES)
    assert detect(ENGLISH * 2 + INDONESIAN[:100], CODES)[0] == "en"


def test_a_malay_marker_asks_the_detector():
    assert not surely_indonesian(INDONESIAN + "Menteri itu berkata kerajaan akan membantu.", CODES)


def test_short_texts_and_other_language_sets_ask_the_detector():
    assert not surely_indonesian("Harga beras naik. Warga mengeluh.", CODES)
    assert not surely_indonesian(INDONESIAN, ("en", "ms"))
    assert not surely_indonesian(INDONESIAN, ("id", "jv"))  # a language whose function words are not listed
