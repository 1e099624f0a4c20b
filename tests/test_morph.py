import pytest

from warta.lang.id.morph import analyses, roots


@pytest.mark.parametrize("word,root", [
    ("menyerang", "serang"), ("memukul", "pukul"), ("menembak", "tembak"), ("mengirim", "kirim"),
    ("bertemu", "temu"), ("pertemuan", "temu"), ("mempertemukan", "temu"), ("ditemui", "temu"),
    ("diserang", "serang"), ("serangan", "serang"), ("penyerangan", "serang"), ("meluncurkan", "luncur"),
    ("peluncuran", "luncur"), ("mendukung", "dukung"), ("dukungannya", "dukung"), ("membeli", "beli"),
    ("menggali", "gali"), ("mengebom", "bom"), ("melempar", "lempar"), ("kesepakatan", "sepakat"),
    ("menyepakati", "sepakat"), ("penembakan", "tembak"), ("pengiriman", "kirim"), ("dibebaskan", "bebas"),
    ("rudal-rudal", "rudal"), ("mengambil", "ambil"), ("pembebasan", "bebas"), ("ditangkapnya", "tangkap"),
])
def test_morph_root_found(word, root):
    assert root in roots(word)


@pytest.mark.parametrize("word,junk", [("menyerang", "tyerang"), ("memukul", "ukul"), ("mendukung", "tdukung")])
def test_morph_no_impossible_nasal_roots(word, junk):
    assert junk not in roots(word)


def test_morph_prefix_labels():
    labels = {(a.root, a.prefix, a.suffix) for a in analyses("pertemuan")}
    assert ("temu", "per", "an") in labels
    assert ("serang", "di", "") in {(a.root, a.prefix, a.suffix) for a in analyses("diserang")}
