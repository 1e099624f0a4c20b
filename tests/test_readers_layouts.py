"""Page structure on real Indonesian news layouts (issue 12, class 1): datelines of every shape, the page
chrome around the headline (date lines, standfirst, photo captions, bylines, menus) and after the body
(related-article lists, comment boxes), wire credits, and where the publication date comes from.

The openings are sentences written for these tests in the shapes seen on real pages; a few are single
lines of real pages, with their address.
"""

import pytest

from warta import make_pipeline
from warta.readers.text import find_dateline, read_text, url_date


def _parts(line):
    found = find_dateline(line)
    if found is None:
        return None
    place = line[found.place[0]:found.place[1]] if found.place else None
    outlet = line[found.outlet[0]:found.outlet[1]] if found.outlet else None
    return place, outlet, line[:found.end].strip()


@pytest.mark.parametrize("line,place,outlet", [
    ("Liputan6.com, Pyongyang - Korea Utara kembali menembakkan rudal balistik.", "Pyongyang", "Liputan6.com"),
    ("JAKARTA, KOMPAS.com - Harga beras naik di sejumlah pasar.", "JAKARTA", "KOMPAS.com"),
    ("REPUBLIKA.CO.ID, JAKARTA -- Pemerintah menyiapkan bantuan.", "JAKARTA", "REPUBLIKA.CO.ID"),
    ("Nusa Dua, Bali (ANTARA) - Para menteri ASEAN bertemu di Bali.", "Nusa Dua", "ANTARA"),
    ("Jakarta, CNN Indonesia -- Korea Utara menembakkan rudal.", "Jakarta", "CNN Indonesia"),
    ("BOGOR, KOMPAS.com — Raja Salman tiba di Istana Bogor.", "BOGOR", "KOMPAS.com"),
    ("FAJAR.CO.ID, JAKARTA-- Polisi menangkap pelaku penusukan.", "JAKARTA", "FAJAR.CO.ID"),
    ("Jakarta, Gatra.com- FIFA mencabut status tuan rumah.", "Jakarta", "Gatra.com"),
    ("JAKARTA,KHATULISTIWAONLINE.COM – Bareskrim menemukan 102 kasus.", "JAKARTA", "KHATULISTIWAONLINE.COM"),
    ("NEW DELHI (Arrahmah.id) – Militer India meluncurkan operasi.", "NEW DELHI", "Arrahmah.id"),
    ("Silabuskepri.co.id | Tel Aviv – Iran kembali meluncurkan rudal.", "Tel Aviv", "Silabuskepri.co.id"),
    ("Kuala Lumpur – Internationalmedia.co.id – News – Pengadilan menjatuhkan vonis.", "Kuala Lumpur",
     "Internationalmedia.co.id"),
    ("Ntvnews.idJAKARTA – Presiden bertemu Megawati di Teuku Umar.", "JAKARTA", "Ntvnews.id"),
    ("HERALD.ID, MANILAPresiden Marcos menandatangani undang-undang baru.", "MANILA", "HERALD.ID"),
    ("JAKARTA, APACERITA – Paus Fransiskus tiba di Jakarta.", "JAKARTA", "APACERITA"),
    # https://malang.times.co.id/news/wawancara-khusus/8IkzD6kLU/Muhammad-Nur-Data-Pribadi-Ibarat-Emas-Baru
    ("TIMES MALANG, JAKARTA – Muhammad Nur, Kepala Seksi Pembinaan Pelaksanaan Anggaran II B Kanwil DJPb "
     "Provinsi Riau, mengungkapkan pentingnya kewaspadaan terhadap penyalahgunaan data pribadi.", "JAKARTA",
     "TIMES MALANG"),
    ("Jenewa: Organisasi Kesehatan Dunia mengatakan wabah masih berlangsung.", "Jenewa", None),
    ("SEOUL - Kandidat oposisi terpilih sebagai presiden.", "SEOUL", None),
    ("FILIPINA – Mantan presiden dikirim ke Den Haag.", "FILIPINA", None),
    ("Suara.com - Tim penyelamat di Gaza melaporkan korban.", None, "Suara.com"),
    ("tirto.id - Mahasiswa dilarang masuk gedung DPR.", None, "tirto.id"),
    ("ASPIRASIKU - Enam atlet dipastikan batal tampil.", None, "ASPIRASIKU"),
    ("OUTENTIK-Presiden merombak kabinet pada Senin.", None, "OUTENTIK"),
    ("WahanaNews.co | Kepala tentara bayaran mengaku siap mati.", None, "WahanaNews.co"),
    ("TRIBUN-TIMUR.COM - Talkshow tadi malam membahas BUMN.", None, "TRIBUN-TIMUR.COM"),
    ("Jakarta (Metrobali.com) – Ketua Umum partai akan memenuhi undangan Presiden.", "Jakarta", "Metrobali.com"),
    ("Kabupaten Bone Bolango (ANTARA) – Polisi menyelidiki ledakan.", "Kabupaten Bone Bolango", "ANTARA"),
    ("Liputan6.com, Jakarta Pada Pemilu 2024, KPU memperkenalkan aplikasi.", "Jakarta", "Liputan6.com"),
    ("Bandar Lampung - Majelis hakim menjatuhkan vonis tujuh tahun.", "Bandar Lampung", None),
])
def test_dateline_shapes(line, place, outlet):
    got = _parts(line)
    assert got is not None, line
    assert got[:2] == (place, outlet)
    assert line.startswith(got[2])


@pytest.mark.parametrize("line", [
    "Presiden Joko Widodo (Jokowi) menerima lawatan CEO Microsoft di Istana.",
    "KPK-Polri sepakat memperkuat kerja sama pemberantasan korupsi.",
    "Kesimpulan: pemerintah harus bertindak cepat.",
    "BNPB: Dua rumah warga rusak akibat gempa.",
    "Militer Myanmar melakukan kudeta terhadap pemerintahan.",
    "Berita Antv - Presiden geram pada perubahan masalah itu.",
])
def test_no_dateline_in_ordinary_openings(line):
    assert find_dateline(line) is None


def test_dateline_stays_in_the_text_as_its_own_sentence_with_its_entities():
    raw = ("Menteri Luar Negeri Bertemu Mitra ASEAN\n\n"
           "Nusa Dua, Bali (ANTARA) - Menteri Luar Negeri Retno Marsudi bertemu para menteri ASEAN di Nusa Dua, "
           "Senin (4/9/2023). Pertemuan itu membahas krisis Myanmar.\n\n"
           "Retno mengatakan ASEAN harus tetap bersatu.")
    article = make_pipeline(["sentences", "entities", "places"])(read_text(raw))
    assert article.text.startswith("Nusa Dua, Bali (ANTARA) - Menteri")
    assert article.dateline == "Nusa Dua, Bali (ANTARA) -" and article.outlet == "ANTARA"
    first = article.sentences[0]
    assert (first.kind, article.text[first.start:first.end]) == ("dateline", "Nusa Dua, Bali (ANTARA) -")
    assert article.sentences[1].kind == "lead"
    found = {(e.text, e.label, e.rule) for e in article.entities if e.start < first.end}
    assert ("ANTARA", "ORG", "dateline:outlet") in found
    assert ("Nusa Dua", "LOC", "dateline:place") in found and ("Bali", "LOC", "dateline:place") in found
    assert any(p.text == "Bali" and p.country == "IDN" for p in article.places)
    assert article.credits == []  # Antara's own story


def test_republika_layout_date_line_headline_standfirst_byline_caption():
    raw = ("Jumat 30 Jun 2023 22:36 WIB\n\n"
           "BNPB: Dua Rumah Warga Rusak Pascagempa di Kebumen\n\n"
           "BNPB terus berkoordinasi dengan BPBD setempat.\n\n"
           "Rep: Dewi Lestari/ Red: Agus Salim\n\n"
           "Warga melihat rumah yang rusak akibat gempa di Kebumen, Jumat (30/6/2023).\n\n"
           "Foto: Dok Warga\n\n"
           "REPUBLIKA.CO.ID, JAKARTA – Gempa berkekuatan 6,4 magnitudo mengguncang selatan Jawa pada Jumat malam "
           "dan merusak dua rumah warga di Kabupaten Kebumen, menurut data sementara BNPB.\n\n"
           "Tidak ada laporan korban jiwa.")
    article = read_text(raw)
    assert article.title == "BNPB: Dua Rumah Warga Rusak Pascagempa di Kebumen"
    assert article.authors == ["Dewi Lestari"] and article.editor == "Agus Salim"
    assert article.published == "2023-06-30T22:36:00+07:00"
    assert article.outlet == "REPUBLIKA.CO.ID" and article.dateline_place == "Jakarta"
    # the timestamp, the standfirst and the caption stay in the text (their names and dates are the
    # article's too), above the dateline
    assert article.text.startswith("Jumat 30 Jun 2023 22:36 WIB\n\nBNPB terus berkoordinasi")
    assert "Rep:" not in article.text and "Foto:" not in article.text


def test_caption_date_never_sets_the_reference_date():
    raw = ("Banjir Rendam Ratusan Rumah di Demak\n\n"
           "Warga mengungsi saat banjir melanda Demak, Senin (12/2/2018). (Foto: arsip)\n\n"
           "DEMAK, KOMPAS.com - Banjir kembali merendam ratusan rumah di Demak pada Selasa (13/2/2024) setelah "
           "tanggul Sungai Wulan jebol diterjang arus deras semalaman.\n\n"
           "Sebanyak 300 warga mengungsi.")
    article = make_pipeline(["sentences", "dates"])(read_text(raw))
    assert article.sentences[0].kind == "caption"
    assert article.reference_date == "2024-02-13"


def test_tribun_layout_byline_after_standfirst_and_photo_credit_is_no_author():
    raw = ("Jokowi Umumkan Dua Warga Depok Positif Corona\n\n"
           "Presiden mengumumkan kasus pertama virus corona di Indonesia.\n\n"
           "Penulis: Yurika Nendri\n\n"
           "Editor: Daryono\n\n"
           "zoom-in Jokowi Umumkan Dua Warga Depok Positif Corona\n\n"
           "Kolase TribunStyle\n\n"
           "TRIBUNNEWS.COM - Presiden Joko Widodo mengumumkan kasus pertama virus corona di Indonesia pada Senin "
           "di Istana Merdeka, Jakarta, bersama Menteri Kesehatan.\n\n"
           "Dua warga Depok positif terinfeksi.")
    article = read_text(raw)
    assert article.title == "Jokowi Umumkan Dua Warga Depok Positif Corona"
    assert article.authors == ["Yurika Nendri"]
    assert article.outlet == "TRIBUNNEWS.COM"
    assert "zoom-in" not in article.text


def test_detik_layout_initials_and_channel_byline_and_dateline_alone():
    raw = ("Sultan Brunei: ASEAN Tidak Akan Mengusir Myanmar\n\n"
           "dtv - detikNews\n\n"
           "Jumat, 29 Okt 2021 03:15 WIB\n\n"
           "Jakarta -\n\n"
           "Junta Myanmar sebelumnya menolak mengirimkan perwakilan ke KTT ASEAN yang digelar pekan ini di "
           "Bandar Seri Begawan.\n\n"
           "ASEAN menyatakan akan menerima perwakilan non-politik.")
    article = read_text(raw)
    assert article.authors == ["dtv"]
    assert article.published == "2021-10-29T03:15:00+07:00"
    assert article.dateline == "Jakarta -" and article.dateline_place == "Jakarta"


@pytest.mark.parametrize("chrome", [
    "Baca berita tanpa iklan. Gabung Kompas.com+", "Tentang Kami", "Tentang Kami…", "TUTUP", "loading…",
    "Home | Nasional | Internasional | Ekonomi", "Menu",
])
def test_page_chrome_is_never_the_title(chrome):
    raw = (f"{chrome}\n\nPemerintah Naikkan Harga Beras Medium\n\n"
           "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga eceran tertinggi beras medium mulai pekan depan "
           "untuk menjaga pasokan di pasar tradisional.\n\nKenaikan berlaku nasional.")
    assert read_text(raw).title == "Pemerintah Naikkan Harga Beras Medium"


def test_section_label_above_the_headline_is_no_title():
    raw = ("Kabar Tokoh\n\nJokowi Absen di Sidang PBB, Wapres Berangkat ke New York\n\n"
           "Wakil Presiden berangkat ke New York untuk menghadiri Sidang Umum PBB.\n\n"
           "Penulis: Roifah Azma\n\n"
           "Jusuf Kalla dijadwalkan berpidato pada Kamis di markas PBB di New York dan bertemu beberapa "
           "pemimpin negara sahabat.")
    article = read_text(raw)
    assert article.title == "Jokowi Absen di Sidang PBB, Wapres Berangkat ke New York"
    assert article.authors == ["Roifah Azma"]


def test_closing_chrome_and_linked_headlines_are_dropped():
    raw = ("Saham SMKM Melonjak Enam Persen\n\n"
           "Harga saham SMKM melonjak 6,21 persen pada Jumat setelah perusahaan mengumumkan rencana akuisisi.\n\n"
           "Baca Juga:\n\nBank Sentral Tahan Suku Bunga di Level Enam Persen\n\n"
           "Perusahaan akan mengambil alih seluruh saham LSO Holdings senilai Rp172 miliar.\n\n"
           "Transaksi ditargetkan selesai pada Juni.\n\n"
           "Artikel Terkait\n\nTrump Tunjuk Kevin Warsh Pimpin Fed\n\nHarga Emas Naik Tipis Pagi Ini")
    article = read_text(raw)
    assert "Bank Sentral Tahan" not in article.text and "Kevin Warsh" not in article.text
    assert article.text.rstrip().endswith("Transaksi ditargetkan selesai pada Juni.")


def test_antara_headline_and_date_line_after_the_body():
    raw = ("Cianjur (ANTARA) - Badan Penanggulangan Bencana Daerah Kabupaten Cianjur mencatat 23 kepala keluarga "
           "mengungsi karena banjir.\n\n"
           "Banjir setinggi satu meter merendam rumah warga.\n\n"
           "Petugas masih mendata kerusakan.\n\n"
           "BPBD Cianjur: 23 kepala keluarga mengungsi karena banjir\n\n"
           "Kamis, 4 April 2024 16:32 WIB")
    article = read_text(raw)
    assert article.title == "BPBD Cianjur: 23 kepala keluarga mengungsi karena banjir"
    assert article.published == "2024-04-04T16:32:00+07:00"
    assert article.text.rstrip().endswith("Petugas masih mendata kerusakan.")


@pytest.mark.parametrize("sentence,credits", [
    ("Presiden Assad meninggalkan Damaskus, demikian dilaporkan Reuters dan CNN.", ["Reuters", "CNN"]),
    ("India mengatakan delapan orang tewas oleh penembakan Pakistan, lansir Al Jazeera.", ["Al Jazeera"]),
    ("Partai itu menang, menurut Agence France-Presse. Pesaingnya mengakui kekalahan.", ["Agence France-Presse"]),
    ('"Ya (ditangkap)," kata Kombes Ade dikutip dari detikcom, Kamis (12/11/2020).', ["detikcom"]),
    ("Ledakan terdengar, kata saksi mata, dilansir Wartabanjar.com dari Reuters.", ["Reuters"]),
    ("Gambar yang diambil oleh AFP menunjukkan warga mencari korban di antara puing.", ["AFP"]),
    ("Seorang perwira mengatakan kepada Reuters bahwa pasukan telah mundur.", ["Reuters"]),
    # `demikian laporan X` reports what X said (a quote), it does not credit X with the article
    ("Korea Utara meluncurkan dua rudal, demikian laporan Kantor Berita Yonhap Korea Selatan.", []),
    ("Menurut Presiden, pemerintah akan menambah anggaran.", []),
])
def test_inline_credits(sentence, credits):
    raw = f"Judul Berita Hari Ini\n\nPara pejabat bertemu di ibu kota pada Senin pagi.\n\n{sentence}\n\nRapat berlanjut."
    assert sorted(read_text(raw).credits) == sorted(credits)


def test_closing_line_with_a_wire_name_is_a_credit():
    raw = ("Bulog Diinstruksikan Gelar Operasi Pasar\n\n"
           "TEMPO.CO, Jakarta - Menteri Perdagangan menginstruksikan Bulog menggelar operasi pasar beras.\n\n"
           "Harga beras medium naik dibandingkan bulan lalu.\n\nANTARA")
    article = read_text(raw)
    assert article.credits == ["Antara"]
    assert read_text(raw.replace("ANTARA", "Kompas")).credits != ["Antara"]


@pytest.mark.parametrize("url,date", [
    ("https://news.okezone.com/read/2023/08/18/337/2866339/4-fakta-warga-sipil", "2023-08-18"),
    ("https://m.tribunnews.com/metropolitan/2020/03/02/jokowi-umumkan-dua-warga", "2020-03-02"),
    ("https://kabar24.bisnis.com/read/20220912/15/1576502/massa-buruh-demo", "2022-09-12"),
    ("https://www.cnnindonesia.com/nasional/20190924130444-32-433358/paripurna-dpr", "2019-09-24"),
    ("https://ipol.id/2024/12/pemberontak-suriah-kuasai-damaskus", None),
    ("https://www.tempo.co/ekonomi/bulog-diintruksi-menteri-perdagangan-1401961", None),
])
def test_publication_date_from_the_page_address(url, date):
    assert url_date(url) == date


def test_page_address_date_only_when_nothing_else_gives_one():
    raw = "Judul Berita\n\nSEOUL - Presiden baru dilantik pada Rabu pagi di gedung parlemen Korea Selatan.\n\nSelesai."
    url = "https://news.okezone.com/read/2025/06/04/18/3144488/menangi-pilpres"
    assert read_text(raw, url=url).published == "2025-06-04"
    assert read_text(raw, url=url, published="2025-06-05").published == "2025-06-05"


def test_indonesian_report_on_malaysia_is_indonesian():
    from warta.annotate.language import detect
    from warta.options import Options

    text = ("HALUANRIAU.CO, MALAYSIA - Anwar Ibrahim resmi menjadi Perdana Menteri ke-10 Malaysia pada Kamis "
            "(24/11/2022). Ketua Pakatan Harapan yang bernama lengkap Datuk Seri Anwar Ibrahim itu dilantik oleh "
            "Yang di-Pertuan Agong Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah di Istana Negara pada "
            "pukul 17.06 waktu setempat. Permaisuri Agong Tunku Hajah Azizah Aminah Maimunah Iskandariah juga "
            "hadir mendampingi Raja Malaysia. Pakatan Harapan menjadi koalisi dengan perolehan kursi terbanyak, "
            "disusul Perikatan Nasional pimpinan Tan Sri Muhyiddin Yassin dan Barisan Nasional.")
    assert detect(text, Options().languages)[0] == "id"


@pytest.mark.parametrize("line,published", [
    ("Kompas.com - 14/09/2023, 10:49 WIB", "2023-09-14T10:49:00+07:00"),
    ("Selasa, 19/10/2021 13:25 WIB", "2021-10-19T13:25:00+07:00"),
    ("CNN Indonesia | Selasa, 24/09/2019 14:22 WIB", "2019-09-24T14:22:00+07:00"),
    ("Kamis, 21 Maret 2013 – 20:02 WIB", "2013-03-21T20:02:00+07:00"),
    ("Kamis 16 Desember 2021 17:11 WIB", "2021-12-16T17:11:00+07:00"),
    ("Senin 04 Des 2023 / 10:49 WIB", "2023-12-04T10:49:00+07:00"),
    ("Diterbitkan 17 Feb 2024, 15:30 WIB", "2024-02-17T15:30:00+07:00"),
    ("Jum'at, 12 Januari 2024 08:00 WITA", "2024-01-12T08:00:00+08:00"),
    ("Tim Redaksi - Kamis, 12 Jan 2023 10:00 WIB", "2023-01-12T10:00:00+07:00"),
    ("27 January 2022 21:35", "2022-01-27T21:35:00"),
    ("Published: 2024-03-01 10:00", "2024-03-01T10:00:00"),
    ("Harga naik 12 persen - 2023", None),
])
def test_timestamp_shapes(line, published):
    from warta.readers.text import parse_date_line

    assert parse_date_line(line) == published


@pytest.mark.parametrize("line,names,published", [
    ("oleh Mabruri Pudyas Salim diperbarui 17 Feb 2024, 15:30 WIB", ["Mabruri Pudyas Salim"],
     "2024-02-17T15:30:00+07:00"),
    ("Reporter : Dita Angga", ["Dita Angga"], None),
    ("Penulis: iwan Arifianto | Editor: muslimah", ["iwan Arifianto"], None),
])
def test_byline_layouts(line, names, published):
    from warta.readers.text import _labelled

    found = _labelled(line)
    assert (found.names, found.published) == (names, published)


def test_the_dateline_paragraph_is_the_lead_under_captions():
    raw = ("Gempa Guncang Selatan Jawa\n\n"
           "Warga keluar rumah saat gempa, Jumat (30/6/2023).\n\n"
           "REPUBLIKA.CO.ID, JAKARTA – Gempa berkekuatan 6,4 magnitudo mengguncang selatan Jawa pada Jumat malam. "
           "Dua rumah rusak.\n\nTidak ada korban jiwa.")
    article = make_pipeline(["sentences"])(read_text(raw))
    assert [s.kind for s in article.sentences] == ["caption", "dateline", "lead", "lead", "body"]


def test_names_above_the_dateline_byline_only_right_above_a_date_or_the_dateline():
    raw = ("Makan Malam Menuju Konsensus ASEAN\n\n"
           "Para menteri luar negeri menyiapkan konsensus soal Myanmar.\n\n"
           "Kapolri Listyo Sigit\n\n"
           "Gabriel Wahyu Titiyoga\n\n"
           "Sabtu, 1 Mei 2021\n\n"
           "Jakarta - Menteri Luar Negeri mengundang para menteri negara tetangga makan malam bersama di Gedung "
           "Pancasila sebelum pertemuan para pemimpin.\n\nPertemuan berlangsung alot.")
    article = read_text(raw)
    assert article.authors == ["Gabriel Wahyu Titiyoga"]
    assert article.published == "2021-05-01"


def test_tribun_page_brand_line_promo_and_closing_follow_box():
    # the layout of https://m.tribunnews.com/video/2016/05/03/17-tahun-warta-kota-dan-mereka-yang-masih-setia
    # (promo line, brand, headline with a number first, standfirst, editor, reporter, dateline, follow box)
    raw = ("Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunX\nTribun\n\n"
           "17 Tahun Harian Kota dan Para Perintisnya\n\n"
           "Para reporter perintis mendapat pelatihan jurnalistik sebelum koran terbit.\n\n"
           "Editor: Willem Jonata\n\n"
           "Laporan Wartawan Wartakotalive.com, Theo Laturiuw\n\n"
           "TRIBUNNEWS.COM, JAKARTA - Harian itu terbit sejak 3 Mei 1999 dan kini bergabung dengan jaringan koran "
           "daerah Kompas Gramedia.\n\n"
           "Banyak perintis kini menjadi redaktur.\n\n"
           "Dapatkan Berita Pilihan\ndi WhatsApp Anda\nIkuti kami di\nAtas")
    article = read_text(raw)
    assert article.title == "17 Tahun Harian Kota dan Para Perintisnya"
    assert article.authors == ["Theo Laturiuw"] and article.editor == "Willem Jonata"
    assert article.outlet == "TRIBUNNEWS.COM" and article.dateline_place == "Jakarta"
    assert article.text.rstrip().endswith("Banyak perintis kini menjadi redaktur.")


def test_timestamp_stays_in_the_text_as_head_matter():
    raw = ("Timnas Voli Putri Lolos ke Final\n\nkumparanSPORT\n14 Mei 2023 21:40 WIB\n\n"
           "Timnas voli putri Indonesia lolos ke final setelah mengalahkan Thailand, Minggu (14/5).\n\nSelesai.")
    article = make_pipeline(["sentences", "dates"])(read_text(raw))
    assert article.published == "2023-05-14T21:40:00+07:00"
    assert article.text.startswith("14 Mei 2023 21:40 WIB\n\nTimnas voli")
    assert [s.kind for s in article.sentences][:2] == ["caption", "lead"]
    assert "2023-05-14" in {d.value for d in article.dates}


def test_outlet_opening_a_timestamp_is_one_org():
    raw = ("Paripurna DPR Sahkan Revisi Undang-Undang\n\nCNN Indonesia | Selasa, 24/09/2019 14:22 WIB\n\n"
           "Jakarta, CNN Indonesia -- Rapat Paripurna DPR secara resmi mengesahkan revisi undang-undang tentang "
           "pembentukan peraturan perundang-undangan.\n\nKeputusan itu disepakati seluruh fraksi.")
    article = make_pipeline(["sentences", "entities"])(read_text(raw))
    assert article.published == "2019-09-24T14:22:00+07:00"
    head = [(e.text, e.label, e.rule) for e in article.entities if e.start < article.text.index("Jakarta,")]
    assert head == [("CNN Indonesia", "ORG", "timestamp:outlet")]
