"""The rule layer around the entity model (warta.annotate.entities.mend): model spans given by
hand, so these tests hold whatever model is shipped."""

import pytest


def _article(text: str):
    from warta.api import make_pipeline, read_text

    return make_pipeline(components=["language", "sentences"])(read_text(text))


def _mend(text: str, spans: list[tuple[str, str]]):
    """Model spans as (surface, label), found left to right in the article text."""
    from warta.annotate.entities import mend

    article = _article(text)
    raw, pos = [], 0
    for surface, label in spans:
        start = article.text.index(surface, pos)
        raw.append((start, start + len(surface), label))
        pos = start + len(surface)
    return {(article.text[s:e], label) for s, e, label, _rule in mend(article, raw)}


@pytest.mark.parametrize("text,spans,expect,absent", [
    # an institution, acronym or country glued to a person's name
    ("Anggota KPK Nurul Ghufron menolak hadir dalam sidang etik di Jakarta.",
     [("KPK Nurul Ghufron", "ORG")], [("KPK", "ORG"), ("Nurul Ghufron", "PER")], [("KPK Nurul Ghufron", "ORG")]),
    ("Gubernur BI Destry Damayanti hadir dalam rapat di Surabaya.",
     [("BI Destry Damayanti", "ORG")], [("BI", "ORG"), ("Destry Damayanti", "PER")], []),
    ("Presiden Armenia Vahagn Khachaturyan menerima tamu dari Iran.",
     [("Armenia Vahagn Khachaturyan", "ORG")], [("Armenia", "LOC"), ("Vahagn Khachaturyan", "PER")], []),
    ("Juru bicara Kremlin Maria Zakharova berbicara kepada wartawan.",
     [("Kremlin Maria Zakharova", "PER")], [("Kremlin", "ORG"), ("Maria Zakharova", "PER")], []),
    # a rank between the unit and the name is dropped
    ("Kapolres Metro Bekasi Kombes Twedi Aditya Bennyahdi memimpin operasi itu.",
     [("Bekasi Kombes Twedi Aditya Bennyahdi", "PER")], [("Bekasi", "LOC"), ("Twedi Aditya Bennyahdi", "PER")],
     [("Bekasi Kombes Twedi Aditya Bennyahdi", "PER")]),
    # a place named with its prefix earlier vouches for the bare name glued to the regent
    ("Banjir melanda Kabupaten Demak sejak Senin. Bupati Demak Eisti Anggraeni meninjau lokasi.",
     [("Kabupaten Demak", "LOC"), ("Demak Eisti Anggraeni", "LOC")], [("Demak", "LOC"), ("Eisti Anggraeni", "PER")], []),
    # a trailing rank is cut from an organisation
    ("Direktur Reserse Kriminal Umum Polda Jawa Timur Kombes Farman mengatakan kasus itu diusut.",
     [("Polda Jawa Timur Kombes", "ORG")], [("Polda Jawa Timur", "ORG")], [("Polda Jawa Timur Kombes", "ORG")]),
    # no split where the rest is part of the organisation
    ("Pesawat milik TNI Angkatan Laut bersandar di Surabaya.",
     [("TNI Angkatan Laut", "ORG")], [("TNI Angkatan Laut", "ORG")], []),
])
def test_entities_split_glued_names(text, spans, expect, absent):
    found = _mend(text, spans)
    for pair in expect:
        assert pair in found, f"{pair} not in {sorted(found)}"
    for pair in absent:
        assert pair not in found


@pytest.mark.parametrize("text,spans,expect", [
    ("Komisi Pemberantasan Korupsi (KPK) memeriksa dua saksi di Jakarta.",
     [("Komisi Pemberantasan Korupsi (KPK)", "ORG")], [("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG")]),
    ("Badan Pusat Statistik (BPS mencatat inflasi Mei sebesar 2,8 persen.",
     [("Badan Pusat Statistik (BPS", "ORG")], [("Badan Pusat Statistik", "ORG"), ("BPS", "ORG")]),
])
def test_entities_bracketed_acronym_is_two_mentions(text, spans, expect):
    found = _mend(text, spans)
    for pair in expect:
        assert pair in found, f"{pair} not in {sorted(found)}"
    assert not any("(" in t for t, _ in found)


@pytest.mark.parametrize("text,spans,expect", [
    # institutions are organisations
    ("Uni Eropa dan Interpol menyepakati kerja sama baru di Lyon.",
     [("Uni Eropa", "LOC"), ("Interpol", "LOC")], [("Uni Eropa", "ORG"), ("Interpol", "ORG")]),
    # a capital the model took for a person
    ("Kedutaan di Manila menyampaikan nota protes. Bangkok juga memprotes.", [("Manila", "PER"), ("Bangkok", "PER")],
     [("Manila", "LOC"), ("Bangkok", "LOC")]),
    # a web domain is an organisation
    ("Berita ini pertama kali tayang di Bisnis.com pada Senin pagi.", [("Bisnis.com", "LOC")], [("Bisnis.com", "ORG")]),
    # a word of a person's full name in the article stays a person
    ("Sri Mulyani Indrawati membuka rapat. Indrawati menyebut defisit terkendali.",
     [("Sri Mulyani Indrawati", "PER"), ("Indrawati", "LOC")], [("Indrawati", "PER")]),
    # the name after `partai` is an organisation
    ("Kandidat dari partai penguasa Civil Contract memenangi pemilu di Yerevan.",
     [("Civil Contract", "PER")], [("Civil Contract", "ORG")]),
    # an organisation head with a country is one organisation
    ("Kementerian Luar Negeri Thailand memanggil duta besar Kamboja.",
     [("Thailand", "LOC")], [("Kementerian Luar Negeri Thailand", "ORG")]),
    # `dan` inside an organisation's name
    ("Laporan itu diperiksa oleh Badan Siber dan Sandi Negara pekan lalu.",
     [("Badan Siber", "ORG"), ("Sandi Negara", "PER")], [("Badan Siber dan Sandi Negara", "ORG")]),
    # initials with an age name suspects
    ("Polisi menangkap dua tersangka, YT (27) dan BR (31), di sebuah rumah di Medan.", [],
     [("YT", "PER"), ("BR", "PER")]),
    # a given name the model left out after a rank
    ("Kapolda Aceh Irjen Achmad Kartiko menyatakan situasi aman.", [("Kartiko", "PER")], [("Achmad Kartiko", "PER")]),
])
def test_entities_labels_from_knowledge(text, spans, expect):
    found = _mend(text, spans)
    for pair in expect:
        assert pair in found, f"{pair} not in {sorted(found)}"


def test_entities_headings_and_bylines_need_confirmation():
    text = ("Harga Beras Naik Lagi di Pasar Induk\n\nOleh Yoga Pratama pada 12 Mar 2024, 09:00 WIB\n\n"
            "Jakarta - Harga beras di Jakarta kembali naik, kata Kepala Badan Pangan Nasional Arief Prasetyo Adi.\n\n"
            "Petani Minta Pupuk Ditambah\n\nPara petani di Karawang meminta pupuk tambahan. Arief Prasetyo Adi berjanji "
            "menambah stok.\n\n(Kontan.co.id/Dina Mariana)")
    spans = [("Oleh Yoga Pratama", "PER"), ("Jakarta", "LOC"), ("Arief Prasetyo Adi", "PER"),
             ("Petani Minta Pupuk Ditambah", "ORG"), ("Karawang", "LOC"), ("Arief Prasetyo Adi", "PER"),
             ("Dina Mariana", "PER")]
    article = _article(text)
    if not any(s.kind == "heading" for s in article.sentences):
        pytest.skip("the reader marked no sub-heading in this text")
    # the reader takes the byline and the closing (Outlet/Name) credit out of the text;
    # whatever of them is left there must not become an entity
    assert "Yoga Pratama" not in article.text and "Dina Mariana" not in article.text
    spans = [(t, label) for t, label in spans if t in article.text]
    found = _mend(text, spans)
    assert ("Arief Prasetyo Adi", "PER") in found and ("Karawang", "LOC") in found
    assert not any(t.startswith("Petani Minta") for t, _ in found)
    assert not any("Yoga" in t or "Dina Mariana" == t for t, _ in found)


@pytest.mark.parametrize("word", ["x", "Daftar", "Server"])
def test_entities_junk_single_words_dropped(word):
    text = f"{word} itu diperiksa ulang oleh petugas di Semarang kemarin."
    found = _mend(text, [(word, "PER")])
    assert not any(t == word for t, _ in found)


def test_entities_known_place_is_never_a_common_word():
    found = _mend("Jaringan itu beroperasi di jalur Malaysia-Aceh-Medan.", [("Aceh", "LOC")])
    assert ("Aceh", "LOC") in found
