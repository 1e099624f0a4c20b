"""Names and places as real Indonesian news writes them (issue 12, error classes 3 and 4).

Entity-rule cases give the model's spans by hand (as tests/test_entities.py does), so they hold
whatever model is shipped.  Sentences are our own unless a URL is given (one sentence per page).
"""

import pytest

from tests import test_entities as entity_tests
from tests.test_entities import _mend


@pytest.mark.parametrize("text,spans,expect,absent", [
    # a name is never cut inside a hyphenated word
    ("Pemimpin Tertinggi Kim Jong-un meninjau peluncuran rudal itu.",
     [("Tertinggi Kim Jong", "PER")], [("Kim Jong-un", "PER")], [("Tertinggi Kim Jong", "PER"), ("Kim Jong", "PER")]),
    ("Kandidat oposisi Lee Jae-myung terpilih sebagai presiden baru.",
     [("Lee Jae-", "PER")], [("Lee Jae-myung", "PER")], [("Lee Jae-", "PER")]),
    ("Wakil presiden terpilih Hsiao Bi-khim hadir di Taipei.",
     [("Hsiao Bi-", "PER"), ("Taipei", "LOC")], [("Hsiao Bi-khim", "PER")], []),
    ("Serangan RSF di El-Fasher menewaskan 35 warga sipil.",
     [("RSF", "ORG"), ("Fasher", "LOC")], [("El-Fasher", "LOC")], [("Fasher", "LOC")]),
    # ... but two names joined by a hyphen stay two
    ("Hubungan AS-Korea Utara kembali memburuk.",
     [("AS", "LOC"), ("Korea Utara", "LOC")], [("AS", "LOC"), ("Korea Utara", "LOC")], []),
    # a missile's name with its number is no person
    ("Korea Utara menguji rudal Hwasong-17 pada hari Kamis.",
     [("Korea Utara", "LOC"), ("Hwasong", "PER")], [("Hwasong-17", "PRODUCT")], [("Hwasong", "PER")]),
    # tickets: two persons joined by a hyphen
    # https://www.metrotvnews.com/read/k8oC63JE-prabowo-gibran-nomor-urut-2-di-pilpres-2024
    ("Sedangan, pasangan Anies Baswedan-Muhaimin Iskandar mendapat nomor antrean delapan dan Ganjar "
     "Pranowo-Mahfud MD mendapat nomor antrean 10.",
     [("Anies Baswedan-Muhaimin Iskandar", "PER"), ("Ganjar Pranowo-Mahfud MD", "PER")],
     [("Anies Baswedan", "PER"), ("Muhaimin Iskandar", "PER"), ("Ganjar Pranowo", "PER"), ("Mahfud MD", "PER")],
     [("Anies Baswedan-Muhaimin Iskandar", "PER")]),
    ("Pasangan Ridwan Kamil-Suswono resmi mendaftar ke KPU. Suswono mengaku siap bekerja.",
     [("Ridwan Kamil-Suswono", "PER"), ("KPU", "ORG"), ("Suswono", "PER")],
     [("Ridwan Kamil", "PER"), ("Suswono", "PER")], [("Ridwan Kamil-Suswono", "PER")]),
    # a double surname is one person; `Pro-` is a stance
    ("Anggota Kongres Alexandria Ocasio-Cortez mengkritik kebijakan itu.",
     [("Alexandria Ocasio-Cortez", "PER")], [("Alexandria Ocasio-Cortez", "PER")], [("Alexandria Ocasio", "PER")]),
    ("Relawan Pro-Jokowi menggelar deklarasi di Jakarta.",
     [("Pro-Jokowi", "PER"), ("Jakarta", "LOC")], [], [("Pro", "PER"), ("Pro-Jokowi", "PER")]),
    # roles, corps and the tail of a title glued to the name
    ("Andi disebut dalam dakwaan Terdakwa Irman dan Sugiharto.",
     [("Andi", "PER"), ("Terdakwa Irman", "PER"), ("Sugiharto", "PER")], [("Irman", "PER")], [("Terdakwa Irman", "PER")]),
    ("Kapendam XIII/Merdeka Kolonel Kav Mohammad Jaelani menjawab pertanyaan wartawan.",
     [("Kav Mohammad Jaelani", "PER")], [("Mohammad Jaelani", "PER")], [("Kav Mohammad Jaelani", "PER")]),
    ("Kapendam Kolonel Inf Muhammad Aidi membenarkan kontak tembak itu.",
     [("Inf Muhammad Aidi", "PER")], [("Muhammad Aidi", "PER")], []),
    ("Pemimpin Agung Ayatollah Ali Khamenei memperingatkan Israel.",
     [("Agung Ayatollah Ali Khamenei", "PER"), ("Israel", "LOC")], [("Ayatollah Ali Khamenei", "PER")], []),
    ("Kini kekuasaan diserahkan kepada Panglima Tertinggi Min Aung Hlaing.",
     [("Tertinggi Min Aung Hlaing", "PER")], [("Min Aung Hlaing", "PER")], []),
    # `Agung` is a given name after anything but a title
    ("KPK menangkap Bupati Pemalang Mukti Agung di Jakarta.",
     [("KPK", "ORG"), ("Pemalang", "LOC"), ("Mukti Agung", "PER"), ("Jakarta", "LOC")], [("Mukti Agung", "PER")], []),
    # venues and schools named after people or towns are one name, not a person
    ("Pameran itu digelar di Jakarta Convention Center pekan depan.",
     [("Jakarta Convention Center", "LOC")], [("Jakarta Convention Center", "LOC")], [("Convention Center", "PER")]),
    ("Pertandingan dipindah ke Stadion Kapten I Wayan Dipta di Gianyar.",
     [("Stadion Kapten I Wayan Dipta", "LOC"), ("Gianyar", "LOC")], [("Stadion Kapten I Wayan Dipta", "LOC")],
     [("I Wayan Dipta", "PER")]),
    # ... but a known venue before a person, or a known palace and its town, are two names
    ("Penasihat Keamanan Nasional Gedung Putih Jake Sullivan mengatakan itu.",
     [("Gedung Putih Jake Sullivan", "LOC")], [("Jake Sullivan", "PER")], [("Gedung Putih Jake Sullivan", "LOC")]),
    ("Jokowi menerima tamu di Istana Merdeka Jakarta pada Selasa.",
     [("Istana Merdeka Jakarta", "LOC")], [("Istana Merdeka", "LOC"), ("Jakarta", "LOC")], []),
    ("Jokowi menerima tamu di Istana Kepresidenan Bogor, Jawa Barat.",
     [("Istana Kepresidenan Bogor", "LOC"), ("Jawa Barat", "LOC")], [("Istana Kepresidenan Bogor", "LOC")], []),
    # a court or a staff college is a body, not a place
    ("Rusli Sibua divonis oleh Pengadilan Tipikor pada Senin.",
     [("Rusli Sibua", "PER"), ("Pengadilan Tipikor", "LOC")], [("Pengadilan Tipikor", "ORG")], [("Pengadilan Tipikor", "LOC")]),
    ("Mahasiswa dari Univ Atma Jaya Jakarta ikut berunjuk rasa.",
     [("Univ Atma Jaya Jakarta", "PER")], [("Univ Atma Jaya Jakarta", "ORG")], [("Atma Jaya Jakarta", "PER")]),
    ("Pasien dirawat di RSPI Sulianti Saroso sejak Senin.",
     [("RSPI Sulianti Saroso", "LOC")], [("RSPI Sulianti Saroso", "LOC")], [("Sulianti Saroso", "PER")]),
    ("Perusahaan mengakuisisi LSO Organization Holdings Pte Ltd senilai Rp200 miliar.",
     [("LSO Organization Holdings Pte Ltd", "ORG")], [("LSO Organization Holdings Pte Ltd", "ORG")],
     [("Organization Holdings Pte Ltd", "PER")]),
    # a capitalised generic word closes another name: the person after it stays a person
    # https://bakabar.com/post/menang-pilpres-as-trump-era-keemasan-rakyat-amerika-27ikmd7g
    ("bakabar.com, WASHINGTON - Calon Presiden Amerika Serikat dari Partai Republik Donald Trump mengungguli "
     "pesaingnya dari Partai Demokrat.",
     [("Amerika Serikat", "LOC"), ("Partai Republik", "ORG"), ("Donald Trump", "PER"), ("Partai Demokrat", "ORG")],
     [("Donald Trump", "PER")], [("Donald Trump", "ORG")]),
    # http://internasional.metrotvnews.com/amerika/4KZ4P4Eb-menlu-as-dan-ri-bahas-isu-palestina-
    ("Menteri Luar Negeri Retno Marsudi melakukan pertemuan bilateral dengan Menlu Amerika Serikat Mike Pompeo "
     "di Washington DC, Selasa 5 Juni 2018.",
     [("Retno Marsudi", "PER"), ("Amerika Serikat", "LOC"), ("Mike Pompeo", "PER"), ("Washington DC", "LOC")],
     [("Mike Pompeo", "PER")], [("Mike Pompeo", "ORG")]),
    ("Lee mengungguli saingannya kandidat partai berkuasa Kim Moon-soo dalam pemilu.",
     [("Lee", "PER"), ("Kim Moon-soo", "PER")], [("Kim Moon-soo", "PER")], [("Kim Moon-soo", "ORG")]),
    # a short name in brackets after a person's full name is that person's
    ("Presiden Joko Widodo (Jokowi) menerima CEO Microsoft di Istana.",
     [("Joko Widodo", "PER"), ("Jokowi", "PER"), ("Microsoft", "ORG")], [("Jokowi", "PER")], [("Jokowi", "ORG")]),
    # the state's mark after a parliament's committee is part of its name
    ("Pemerintah membatalkan visa itu atas dorongan sejumlah pihak, termasuk Komisi I DPR RI.",
     [], [("Komisi I DPR RI", "ORG")], [("RI", "LOC")]),
    # a palace after a locative is the building; acting, it is the office
    ("Paus Fransiskus tiba di Istana Merdeka untuk upacara kenegaraan.",
     [("Paus Fransiskus", "PER"), ("Istana Merdeka", "LOC")], [("Istana Merdeka", "LOC")], [("Istana Merdeka", "ORG")]),
    # a newspaper, a ship and a budget line are no places
    ("Menurut laporan The Moscow Times, serangan itu terjadi di Belgorod.",
     [("Moscow", "LOC"), ("Belgorod", "LOC")], [("The Moscow Times", "ORG"), ("Belgorod", "LOC")], [("Moscow", "LOC")]),
    ("Kapal perang KRI Teluk Banten tiba di Tanjung Priok.",
     [("KRI Teluk Banten", "LOC"), ("Tanjung Priok", "LOC")], [("KRI Teluk Banten", "PRODUCT")],
     [("KRI Teluk Banten", "LOC"), ("Teluk Banten", "LOC")]),
    ("Pemerintah menaikkan Belanja Negara tahun depan.", [("Belanja Negara", "LOC")], [], [("Belanja Negara", "LOC")]),
    ("Kedua negara sepakat meningkatkan Kemitraan Strategis mereka.", [("Kemitraan Strategis", "PER")], [],
     [("Kemitraan Strategis", "PER")]),
    ("Warga Tanah Abang menolak penggusuran.", [("Tanah Abang", "LOC")], [("Tanah Abang", "LOC")], []),
    # an office's abbreviation glued to its unit, and a title alone
    ("Kabagpenum Divisi Humas Polri Kombes Martinus Sitompul membenarkan penangkapan itu.",
     [("Kabagpenum Divisi Humas Polri", "ORG"), ("Martinus Sitompul", "PER")], [("Divisi Humas Polri", "ORG")],
     [("Kabagpenum Divisi Humas Polri", "ORG")]),
    ("“Pak Presiden sudah mengetahui hal ini,” ujarnya.", [("Pak Presiden", "PER")], [], [("Pak Presiden", "PER")]),
    # common nouns opening a sentence
    ("Banjir merendam 23 rumah. Relawan langsung melakukan evakuasi.", [("Relawan", "PER")], [], [("Relawan", "PER")]),
    # a mission abroad and its city are one organisation
    ("Sebanyak 289 WNI telah dievakuasi oleh KBRI Khartoum ke Port Sudan.",
     [("KBRI", "ORG"), ("Khartoum", "LOC")], [("KBRI Khartoum", "ORG")], [("KBRI", "ORG")]),
    # an election named after a place is no place or person; the place in it is a place (real-news gold:
    # `Pilwakot Makassar` gives `Makassar` LOC; entity_rules.yaml `place_after_heads`)
    ("Dukungan untuk pasangan itu menguat jelang Pilkada Jakarta.",
     [("Pilkada Jakarta", "LOC")], [("Jakarta", "LOC")], [("Pilkada Jakarta", "LOC"), ("Pilkada Jakarta", "PER")]),
])
def test_real_names(text, spans, expect, absent):
    entity_tests.test_entities_conventions(text, spans, expect, absent)


def test_headline_lines_keep_only_names_the_body_confirms():
    text = ("Presiden Jokowi mengumumkan dua warga Depok positif terinfeksi virus corona.\n\n"
            "Jokowi Umumkan Dua Warga Depok Positif Corona\n\n"
            "Kedua pasien kini dirawat di ruang isolasi.")
    found = _mend(text, [("Jokowi", "PER"), ("Depok", "LOC"), ("Jokowi Umumkan Dua", "PER"),
                         ("Depok Positif Corona", "LOC")])
    assert ("Jokowi Umumkan Dua", "PER") not in found and ("Depok Positif Corona", "LOC") not in found
    assert ("Jokowi", "PER") in found and ("Depok", "LOC") in found


@pytest.mark.parametrize("line,headline", [
    ("Jokowi Umumkan Dua Warga Depok Positif Corona, Seorang Ibu 64 Tahun dan Putrinya", True),
    ("Udang di Piring Sekolah: Antara Gizi, Logistik, dan Masa Depan Petambak", True),
    ("Trump Tunjuk Kevin Warsh Pimpin Fed, Ekonom Terbelah", True),
    ("Aung San Suu Kyi - Anak Pahlawan Menang Pemilu tapi Dilarang Jadi Presiden, Kini Ditangkap", True),
    ("GEMPA GUNCANG CIANJUR, WARGA MENGUNGSI", True),
    # names and titles only, prose and captions are no headlines
    ("Presiden Joko Widodo dan Ibu Negara Iriana", False),
    ("Menteri Luar Negeri Retno Marsudi", False),
    ("Gempa mengguncang Cianjur dan warga mengungsi ke Bandung", False),
    ("Suasana rapat paripurna DPR. (CNN Indonesia/ Ramadhan Rizki Saputra)", False),
    ("4) Kepala Badan Pengembangan Sumber Daya Manusia (BPSDM) Kemendagri, Teguh Setyabudi sebagai Pjs. Gubernur "
     "Kalimantan Utara (Kaltara) berdasarkan Keputusan Mendagri Nomor 121.65-2914 tahun 2020.***", False),
])
def test_headline_case(line, headline):
    from warta.annotate.entities import _headline_case

    assert _headline_case(line) is headline


# -- places ---------------------------------------------------------------------------

def _entities(text: str, ents: list[tuple[str, str]]):
    from tests.test_places import _article as ents_of

    return ents_of(text, ents)


@pytest.mark.parametrize("text,ents,expect,none", [
    # towns below the 15,000-people line, in the country the article names
    ("Pemberontak menguasai Sednaya di utara Damaskus, Suriah.",
     [("Sednaya", "LOC"), ("Damaskus", "LOC"), ("Suriah", "LOC")], [("Sednaya", "SYR")], []),
    ("Banjir merendam Desa Pasawahan di Takokak, Cianjur, Jawa Barat, Indonesia.",
     [("Takokak", "LOC"), ("Cianjur", "LOC"), ("Jawa Barat", "LOC"), ("Indonesia", "LOC")], [("Takokak", "IDN")], []),
    # ... and only there: a small namesake in a country the text never names is no match
    ("Kapal penjaga pantai berlabuh di Sabina sejak April.", [("Sabina", "LOC")], [], ["Sabina"]),
    # a venue named with its town lies in that town's country
    ("Pameran digelar di Jakarta Convention Center.", [("Jakarta Convention Center", "LOC")],
     [("Jakarta Convention Center", "IDN")], []),
    ("Pesawat itu lepas landas dari Bandara Internasional Pyongyang.", [("Bandara Internasional Pyongyang", "LOC")],
     [("Bandara Internasional Pyongyang", "PRK")], []),
    # ... and a part of a known place by its compass word; a song or a company named with a country is no place
    ("Sabu itu disimpan di kawasan Perlak, Aceh Timur.", [("Aceh Timur", "LOC")], [("Aceh Timur", "IDN")], []),
    ("Lagu Indonesia Raya dinyanyikan di awal acara.", [("Indonesia Raya", "LOC")], [], ["Indonesia Raya"]),
    ("Serangan itu menghantam kilang Aramco Arab Saudi.", [("Aramco Arab Saudi", "LOC")], [], ["Aramco Arab Saudi"]),
    # a country's name among another country's states is that state
    ("Trump menang di negara bagian Wisconsin, Georgia, dan Pennsylvania.",
     [("Wisconsin", "LOC"), ("Georgia", "LOC"), ("Pennsylvania", "LOC")], [("Georgia", "USA")], []),
    ("Rusia menyerang Georgia pada 2008.", [("Rusia", "LOC"), ("Georgia", "LOC")], [("Georgia", "GEO")], []),
    # a continent after a generic word keeps no country
    ("Kasus baru dilaporkan di wilayah Eropa dan Amerika Serikat.", [("Amerika Serikat", "LOC")],
     [("Amerika Serikat", "USA")], ["wilayah Eropa"]),
])
def test_real_places(text, ents, expect, none):
    from warta.annotate.places import find_places

    found = {(p.text, p.country) for p in find_places(text, _entities(text, ents))}
    for pair in expect:
        assert pair in found, f"{pair} not in {sorted(found, key=str)}"
    for surface in none:
        assert not any(t == surface and c for t, c in found), f"{surface!r} placed: {found}"


def test_mission_abroad_keeps_its_city_a_place():
    from warta.annotate.places import find_places

    text = "Sebanyak 289 WNI telah dievakuasi oleh KBRI Khartoum ke Port Sudan."
    found = {(p.text, p.country) for p in find_places(text, _entities(text, [("KBRI Khartoum", "ORG")]))}
    assert ("Khartoum", "SDN") in found


def test_gazetteer_word_inside_a_longer_name_is_no_place():
    from warta.annotate.places import find_places

    found = {p.text for p in find_places("Ia ditahan di Gedung KPK, Jalan Kuningan Persada, Jakarta Selatan.")}
    assert "Kuningan" not in found and "Jakarta Selatan" in found
    assert "Jakarta" in {p.text for p in find_places("Banjir melanda Jakarta Senin (3/2) pagi.")}


def test_town_table_lookup():
    from warta.knowledge.gazetteer import town

    assert town("Sednaya", frozenset({"SYR"})).country == "SYR"
    assert town("Sednaya", frozenset({"IDN"})) is None
    assert town("Sednaya", frozenset()) is None
    assert town("Asembagus", frozenset({"IDN"})).country == "IDN"


def test_record_places_are_resolved_to_a_country():
    import warta

    art = warta.extract_text("Kapal China kembali terlihat di Laut China Selatan dekat Filipina.")
    assert all(p.country for p in art.places)
    assert ("Filipina", "PHL") in {(p.text, p.country) for p in art.places}


def test_indonesian_report_on_malaysia_is_indonesian():
    from warta.annotate.language import detect

    text = ("Anwar Ibrahim kini resmi menjadi Perdana Menteri Malaysia pada Kamis (24/11/2022). Ketua Pakatan "
            "Harapan yang bernama lengkap Datuk Seri Anwar Ibrahim tersebut dilantik oleh Yang di-Pertuan Agong "
            "Al-Sultan Abdullah di Istana Negara, Kuala Lumpur. Pelantikan itu dihadiri istrinya, Wan Azizah, "
            "karena pemerintah baru harus segera dibentuk, kata juru bicara istana. Mantan perdana menteri "
            "Muhyiddin Yassin mengatakan bahwa ia menghormati keputusan tersebut.")
    assert detect(text, ("id", "ms", "en"))[0] == "id"


def test_drop_inside_keeps_outer_and_equal_ranges():
    from warta.annotate.entities import drop_inside

    spans = [(0, 10, "PER", "a"), (2, 5, "PER", "b"), (0, 10, "ORG", "c"), (12, 20, "LOC", "d")]
    assert drop_inside(spans, spans) == [(0, 10, "PER", "a"), (0, 10, "ORG", "c"), (12, 20, "LOC", "d")]
    # with `same` comparing whole spans, a container of the same range but another label removes the span
    assert drop_inside(spans, [(0, 10, "ORG", "c")], same=lambda o, sp: o == sp) == [
        (0, 10, "ORG", "c"), (12, 20, "LOC", "d")]


def test_town_rows_finds_held_names_and_only_those():
    from warta.knowledge import gazetteer as places

    lines = places._town_text()[1:].rstrip("\n").split("\n")
    for line in lines[:2] + lines[len(lines) // 2:len(lines) // 2 + 2] + lines[-2:]:
        assert line.split("\t") in places._town_rows(line.split("\t")[0])
    assert places._town_rows("zzzz no such town") == []
