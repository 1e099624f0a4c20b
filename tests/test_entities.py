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


@pytest.mark.parametrize("text,spans,expect,absent", [
    # a country after a currency word is the currency
    ("Ekspor naik menjadi 12 miliar dolar AS, kata pejabat di Washington.", [("AS", "LOC"), ("Washington", "LOC")],
     [("Washington", "LOC")], [("AS", "LOC")]),
    # a place followed by a club word is one club
    ("Madura United menahan imbang PSIS Semarang di Stadion Gelora Bangkalan.",
     [("Madura", "LOC"), ("United", "ORG"), ("PSIS Semarang", "ORG")], [("Madura United", "ORG")], [("Madura", "LOC")]),
    # a club or body's short name tagged PER is ORG
    ("Persija kembali kalah. Pelatih Persija menyebut timnya kelelahan.", [("Persija", "PER")],
     [("Persija", "ORG")], [("Persija", "PER")]),
    ("Badan Nasional Pencarian dan Pertolongan (Basarnas) mengerahkan dua kapal. Basarnas menyisir pantai.",
     [("Basarnas", "PER"), ("Basarnas", "PER")], [("Basarnas", "ORG")], [("Basarnas", "PER")]),
    # a long name cut at `dan` before its acronym is whole
    ("Badan Meteorologi dan Geofisika Jepang (JMA) mencatat gempa susulan.", [("Badan Meteorologi", "ORG")],
     [("Badan Meteorologi dan Geofisika Jepang", "ORG"), ("JMA", "ORG")], [("Badan Meteorologi", "ORG")]),
    # offices are no organisations
    ("Penjabat Gubernur menemui buruh, didampingi Kapolresta Malang Kombes Agus Wijaya.",
     [("Penjabat Gubernur", "ORG"), ("Kapolresta Malang", "ORG"), ("Agus Wijaya", "PER")],
     [("Malang", "LOC"), ("Agus Wijaya", "PER")], [("Penjabat Gubernur", "ORG"), ("Kapolresta Malang", "ORG")]),
    # treaties and meetings are not organisations
    ("Menteri menghadiri Pertemuan Menteri Energi ASEAN (AMEM) dan membahas Perjanjian Perdagangan Jasa ASEAN.",
     [("Pertemuan Menteri Energi ASEAN", "ORG"), ("AMEM", "ORG"), ("Perjanjian Perdagangan Jasa ASEAN", "ORG")],
     [("Pertemuan Menteri Energi ASEAN", "EVENT"), ("AMEM", "EVENT"), ("Perjanjian Perdagangan Jasa ASEAN", "LAW")],
     [("AMEM", "ORG"), ("Pertemuan Menteri Energi ASEAN", "ORG")]),
    # verb-shaped words, common-noun acronyms, lower-case spans
    ("Memutuskan bahwa para ABK dipulangkan ke kota asal masing-masing.", [("Memutuskan", "PER"), ("ABK", "ORG"), ("kota", "LOC")],
     [], [("Memutuskan", "PER"), ("ABK", "ORG"), ("kota", "LOC")]),
    # layout: a line break ends a name; a dateline is no part of it
    ("Harga beras naik\n\nHarga beras naik lagi, kata Tim Redaksi Harian Rakyat\n\nPasar sepi pembeli.",
     [("Tim Redaksi Harian Rakyat\n\nPasar", "ORG")], [("Tim Redaksi Harian Rakyat", "ORG")],
     [("Tim Redaksi Harian Rakyat\n\nPasar", "ORG")]),
    ("Kasus demam naik\n\nLaporan Tim Redaksi Jawa Pos\n\nBANDUNG - Dinas Kesehatan Jawa Barat mencatat kenaikan kasus demam berdarah.",
     [("BANDUNG - Dinas Kesehatan Jawa Barat", "ORG")],
     [("Dinas Kesehatan Jawa Barat", "ORG")], [("BANDUNG - Dinas Kesehatan Jawa Barat", "ORG")]),
    # the word that completes a country is no part of the person after it
    ("Perdana Menteri Papua Nugini Peter Kaluwin tiba di Jakarta.", [("Papua", "LOC"), ("Nugini Peter Kaluwin", "PER")],
     [("Papua Nugini", "LOC"), ("Peter Kaluwin", "PER")], [("Nugini Peter Kaluwin", "PER")]),
    # a person the model took for a place
    ("Penyerang Rafael Moreira mencetak dua gol. Moreira mengatakan timnya siap.", [("Rafael Moreira", "LOC")],
     [("Rafael Moreira", "PER")], [("Rafael Moreira", "LOC")]),
    # a place the model took for a person: after a locative word, when a gazetteer or the article knows it
    ("Truk pengangkut sabu itu berangkat dari Dumai menuju Pekanbaru pada Kamis malam.",
     [("Dumai", "PER"), ("Pekanbaru", "LOC")], [("Dumai", "LOC")], [("Dumai", "PER")]),
    ("Ratusan truk bantuan tertahan di perbatasan Rafah. Antrean di gerbang Rafah mengular sejak pagi.",
     [("Rafah", "PER"), ("Rafah", "PER")], [("Rafah", "LOC")], [("Rafah", "PER")]),
    ("Proyek jalan itu ada di Kabupaten Tulang Bawang Barat. Jaksa menyebut suap diserahkan di Tulang Bawang Barat.",
     [("Kabupaten Tulang Bawang Barat", "LOC"), ("Tulang Bawang Barat", "PER")],
     [("Tulang Bawang Barat", "LOC")], [("Tulang Bawang Barat", "PER")]),
    # ... but not a person whose longer name the article gives, nor a name no gazetteer knows
    ("Penyanyi Michael Jackson dikenang para penggemar. Surat dari Jackson itu dilelang di London.",
     [("Michael Jackson", "PER"), ("Jackson", "PER"), ("London", "LOC")], [("Jackson", "PER")], [("Jackson", "LOC")]),
    ("Paket itu dikirim dari Sutrisno kepada istrinya.", [("Sutrisno", "PER")], [("Sutrisno", "PER")], []),
    # a rank inside a span opens the person's name; a lower-case word opening a place is cut
    ("Kepala Satuan Narkoba Polres Tanjung Harapan AKBP Dedi Kurniawan memimpin penggerebekan itu.",
     [("Polres Tanjung Harapan AKBP Dedi Kurniawan", "LOC")], [("Dedi Kurniawan", "PER")],
     [("Polres Tanjung Harapan AKBP Dedi Kurniawan", "LOC")]),
    ("Artileri menghantam pos Armenia di dekat desa perbatasan.", [("pos Armenia", "LOC")], [("Armenia", "LOC")],
     [("pos Armenia", "LOC")]),
    ("Banjir juga merendam provinsi Surigao del Sur.", [("Surigao del Sur", "LOC")], [("Surigao del Sur", "LOC")], []),
    # a place completed into the country written right after it
    ("Delegasi dari Timor-Leste hadir sebagai pengamat.", [("Timor", "LOC")], [("Timor-Leste", "LOC")], [("Timor", "LOC")]),
    ("Kapal itu berbendera Guinea Khatulistiwa dan berlayar dari Dakar.", [("Guinea", "LOC"), ("Dakar", "LOC")],
     [("Guinea Khatulistiwa", "LOC")], [("Guinea", "LOC")]),
    # the given name between a title's country and the surname
    ("Menteri Luar Negeri Ukraina Dmytro Kuleba menulis di media sosial.", [("Ukraina", "LOC"), ("Kuleba", "PER")],
     [("Ukraina", "LOC"), ("Dmytro Kuleba", "PER")], [("Kuleba", "PER")]),
    ("Pemain asal Brasil Neymar kembali cedera.", [("Brasil", "LOC"), ("Neymar", "PER")],
     [("Brasil", "LOC"), ("Neymar", "PER")], [("Brasil Neymar", "PER")]),
    # a geographic word opens a place name
    ("Kapal patroli berjaga di dekat Beting Sabina sejak pekan lalu.", [("Beting Sabina", "PER")],
     [("Beting Sabina", "LOC")], [("Beting Sabina", "PER")]),
    # a prefix word keeps a verb-looking name (`kota Mati`) whole
    ("Gempa terasa hingga kota Mati di Filipina.", [("kota Mati", "LOC")], [("kota Mati", "LOC")], [("kota", "LOC")]),
])
def test_entities_conventions(text, spans, expect, absent):
    got = _mend(text, spans)
    for item in expect:
        assert item in got, f"{item} not in {sorted(got)}"
    for item in absent:
        assert item not in got, f"{item} in {sorted(got)}"


def test_entities_currency_country_dropped_in_pipeline():
    import warta

    art = warta.extract_text("Bank itu meminjam 200 juta dolar Singapura dari investor di Singapura.")
    found = [(e.text, e.start) for e in art.entities if e.label == "LOC"]
    assert len([t for t, _ in found if t == "Singapura"]) == 1
    assert [p.text for p in art.places] == ["Singapura"]


def test_institution_names_are_whole_names():
    """A comma inside a YAML flow list splits a name (`Badan Meteorologi, Klimatologi, dan Geofisika`):
    no name or alias may open with a lower-case word."""
    from warta import lexicons

    for inst in lexicons.load("institutions")["institutions"]:
        for name in [inst["name"], *(inst.get("aliases") or [])]:
            assert not name[:1].islower() or name.split()[0] in ("di", "de"), (inst["name"], name)


def test_a_known_institution_cut_by_the_model_is_whole():
    text = "Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), hujan lebat turun hingga Jumat."
    got = _mend(text, [("Badan Meteorologi, Klimatologi", "ORG"), ("Geofisika", "ORG"), ("BMKG", "ORG")])
    assert ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG") in got, got
    assert ("Geofisika", "ORG") not in got
    text = "Direktur Reserse Narkoba Polda Metro Jaya Kombes Hengki Wirawan memimpin penggerebekan."
    got = _mend(text, [("Reserse Narkoba Polda", "PER"), ("Metro Jaya", "LOC"), ("Hengki Wirawan", "PER")])
    assert ("Polda Metro Jaya", "ORG") in got and ("Hengki Wirawan", "PER") in got, got
    assert not any(label == "PER" and "Reserse" in t for t, label in got), got


def test_numbered_units_are_organisations():
    text = "Ketua Komisi II DPR Rahmat Santoso meminta Lantamal V memperketat patroli."
    got = _mend(text, [("DPR", "ORG"), ("Rahmat Santoso", "PER")])
    assert ("Komisi II DPR", "ORG") in got and ("Lantamal V", "ORG") in got and ("DPR", "ORG") not in got, got
    assert ("Rahmat Santoso", "PER") in got
    # not inside a longer name, and a plain word with a number is no unit
    got = _mend("Rapat Komisi Pemberantasan Korupsi digelar di lantai 2.", [("Komisi Pemberantasan Korupsi", "ORG")])
    assert got == {("Komisi Pemberantasan Korupsi", "ORG")}, got
