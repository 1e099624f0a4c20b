"""Quotes on real news (round s6): a body's tally (`BPBD mencatat 23 kepala keluarga mengungsi …`) is its
statement (reporting_verbs.yaml `org_subject`), a place set off by commas after the speaker's name
(`BPBD Kabupaten Cianjur, Jawa Barat, mencatat`) does not speak, and an administrative unit set off by commas in
the clause (`warga Desa X, Kecamatan Y, mengungsi`) does not hide its predicate (cues `place_aside`).
Real sentences are quoted one at a time with their page."""

from __future__ import annotations

import pytest

import warta

# (sentence, the words the quote starts with, the speaker's name or written text)
BODY_TALLIES = [
    # written
    ("Badan Nasional Penanggulangan Bencana (BNPB) mencatat 12 orang meninggal dan 3 orang hilang akibat longsor.",
     "12 orang meninggal", "Badan Nasional Penanggulangan Bencana"),
    ("Kepolisian Daerah Metro Jaya (Polda Metro Jaya) mencatat 40 pengendara ditilang selama sepekan razia.",
     "40 pengendara ditilang", "Kepolisian Daerah Metro Jaya"),
    # https://www.katakini.com/artikel/42478/banjir-di-indonesia-31-ribu-orang-mengungsi/
    ("Banjir melanda sejumlah daerah. BNPB juga mencatat lebih dari 1.000 orang mengungsi akibat banjir di "
     "Kabupaten Kebumen, Kudus, dan Demak, Jawa Tengah.", "lebih dari 1.000 orang", "BNPB"),
    # https://nasional.tempo.co/amp/1116588/gempa-lombok-korban-meninggal-bertambah-menjadi-436-orang
    ("BNPB mencatat korban meninggal akibat gempa ini terdapat di enam tempat di Lombok dan Bali.",
     "korban meninggal akibat gempa", "BNPB"),
    # https://jabar.antaranews.com/berita/507042/bpbd-cianjur-23-kepala-keluarga-mengungsi-karena-banjir
    ("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Cianjur, Jawa Barat, mencatat 23 kepala keluarga warga "
     "Desa Pasawahan, Kecamatan Takokak, mengungsi karena rumah mereka terendam banjir dan terancam tanah longsor.",
     "23 kepala keluarga", "Badan Penanggulangan Bencana Daerah"),
]

# a person noting, a team's record, a body showing, a relative clause: no quote
NOT_QUOTES = [
    "Budi mencatat nomor telepon yang diberikan polisi.",
    "Tim nasional Indonesia mencatat kemenangan pertama di Jakarta.",
    "Komisi Pemberantasan Korupsi (KPK) menunjukkan barang bukti yang disita dari rumah tersangka.",
    "Badan Pusat Statistik (BPS) yang mencatat data itu menyerahkan laporannya kepada presiden.",
    # a measurement with no body named; `sebagai` after a verb that declares nothing
    "Berdasarkan pantauan di lapangan, arus lalu lintas mulai padat sejak pagi.",
    "Presiden Joko Widodo menyampaikan apresiasi sebagai bentuk terima kasih kepada para guru.",
]


def reported_by(text: str, start: str, speaker: str):
    """The quote of `text` that starts with `start`; its speaker names `speaker`."""
    a = warta.extract_text(text)
    hits = [q for q in a.quotes if q.text.startswith(start)]
    assert hits, [(q.rule, q.text) for q in a.quotes]
    assert speaker in speaker_name(a, hits[0])
    return hits[0]


def speaker_name(a, q) -> str:
    actor = a.actor(q.speaker) if q.speaker else None
    return " | ".join(filter(None, [actor.name if actor else None, *(actor.aliases if actor else []),
                                    q.speaker_text]))


def test_place_after_speaker_does_not_speak():
    """`X Kabupaten Cianjur, Jawa Barat, mengatakan …`: the place between commas locates X, X speaks."""
    a = warta.extract_text("Dinas Kesehatan Kabupaten Garut, Jawa Barat, mengatakan 15 warga dirawat karena "
                           "keracunan makanan.")
    assert len(a.quotes) == 1
    assert "Dinas Kesehatan" in speaker_name(a, a.quotes[0])


def test_appositive_person_still_speaks():
    """`Nelayan asal Indramayu, Darsono, menuturkan …`: a person between commas is the speaker."""
    a = warta.extract_text("Nelayan asal Indramayu, Darsono, menuturkan ikan semakin sulit ditangkap tahun ini.")
    assert len(a.quotes) == 1 and "Darsono" in speaker_name(a, a.quotes[0])


# `Berdasarkan analisis/pantauan/parameter X, CLAUSE`: a body's measurement names the source (reporting_verbs.yaml
# source); a comma inside the body's name (`Badan Meteorologi, Klimatologi dan Geofisika`) neither ends the
# source nor the speaker
MEASURED = [
    # written (the real pages say the same with `Menurut hasil analisis BMKG, …`, `Hasil analisis BMKG menunjukkan …`)
    ("Berdasarkan analisis BMKG, gempa itu dipicu aktivitas subduksi lempeng di selatan Jawa.",
     "gempa itu dipicu", "BMKG"),
    ("Berdasarkan pantauan Dinas Perhubungan DKI Jakarta, arus lalu lintas mulai padat sejak pagi.",
     "arus lalu lintas", "Dinas Perhubungan"),
    # opening as at https://news.republika.co.id/berita/rx2oph456/bnpb-dua-rumah-warga-kebumen-dan-satu-di-gunung-kidul-rusak-pascagempa-m-64
    # (the page breaks off after `berpusat di`; the rest written)
    ("Berdasarkan parameter Badan Meteorologi, Klimatologi dan Geofisika (BMKG), gempa M 6,4 berpusat di laut "
     "pada kedalaman 10 kilometer.", "gempa M 6,4", "Badan Meteorologi, Klimatologi dan Geofisika"),
    ("Menurut Badan Meteorologi, Klimatologi dan Geofisika, hujan lebat akan turun di Jakarta pekan depan.",
     "hujan lebat", "Badan Meteorologi, Klimatologi dan Geofisika"),
    ("Berdasarkan hasil analisis BMKG, gempa bumi tersebut tergolong gempa dangkal yang dipicu oleh aktivitas "
     "deformasi dalam lempeng.", "gempa bumi tersebut", "BMKG"),
]


def test_place_of_speaking_does_not_speak():
    """`X di Istana Merdeka, Jakarta, mengatakan …`: the city set off by commas is where X spoke."""
    a = warta.extract_text("Presiden Joko Widodo di Istana Merdeka, Jakarta, mengatakan pemerintah akan menaikkan "
                           "gaji guru tahun depan.")
    assert len(a.quotes) == 1 and "Joko Widodo" in speaker_name(a, a.quotes[0])


# `VERB X sebagai Y` with a declaring verb (reporting_verbs.yaml as_clause, as_markers) is a statement
DECLARED = [
    # written
    ("Pengamat politik Universitas Indonesia Ade Rahman menilai langkah itu sebagai blunder besar.",
     "langkah itu sebagai", "Ade Rahman"),
    ("Kementerian Luar Negeri menyatakan kunjungan itu sebagai kunjungan pribadi.", "kunjungan itu sebagai",
     "Kementerian Luar Negeri"),
    # https://id.alongwalker.com/z/73731.html
    ("Sekretaris Pers Gedung Putih, Karoline Leavitt, menyebut kebocoran laporan intelijen sebagai upaya untuk "
     "merusak reputasi Presiden Trump dan para penerbang tempur AS.", "kebocoran laporan intelijen", "Leavitt"),
    # https://voaindonesia.com/amp/gedung-putih-sangkal-laporan-bahwa-iran-sengaja-gagalkan-serangan-ke-israel/7571644.html
    ("Israel menyebut tanggapan terkoordinasi tersebut sebagai titik awal bagi \"aliansi strategis\" oposisi "
     "regional terhadap Teheran.", "tanggapan terkoordinasi tersebut", "Israel"),
]


# (sentence, quote start, speaker, how the quote's rule starts)
REPORTED = [*[(*c, "quote:reported+bare:mencatat") for c in BODY_TALLIES],
            *[(*c, "quote:reported+source-before:") for c in MEASURED],
            *[(*c, "quote:reported+bare:") for c in DECLARED]]


@pytest.mark.parametrize("text,start,speaker,rule", REPORTED, ids=[c[0][:40] for c in REPORTED])
def test_reported(text, start, speaker, rule):
    assert reported_by(text, start, speaker).rule.startswith(rule)


@pytest.mark.parametrize("text", NOT_QUOTES, ids=[t[:40] for t in NOT_QUOTES])
def test_no_quote(text):
    a = warta.extract_text(text)
    assert not a.quotes, [(q.rule, q.text) for q in a.quotes]
