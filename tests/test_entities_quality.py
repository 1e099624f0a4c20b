"""Entity rules for phenomena seen on real news (issue #12), on sentences written here: model spans
given by hand, so these hold whatever model is shipped."""

import pytest

from tests import test_entities as entity_tests

CASES = [
    # a country's body, then its officer's name: two entities (ORG + PER)
    ("Gubernur Bank Sentral Iran Abdolnaser Hemmati mengatakan inflasi naik.",
     [("Bank Sentral Iran Abdolnaser Hemmati", "ORG")], [("Bank Sentral Iran", "ORG"), ("Abdolnaser Hemmati", "PER")],
     [("Bank Sentral Iran Abdolnaser Hemmati", "ORG")]),
    ("Kepala Badan Antariksa Korea Selatan Lee Sang-min hadir dalam acara itu.",
     [("Badan Antariksa Korea Selatan Lee Sang-min", "ORG")], [("Lee Sang-min", "PER")], []),
    # a known institution with a company word, then a person
    ("Pendiri Wagner Group Yevgeny Prigozhin tewas dalam kecelakaan pesawat.",
     [("Wagner Group Yevgeny Prigozhin", "ORG")], [("Wagner Group", "ORG"), ("Yevgeny Prigozhin", "PER")], []),
    # a lower-case verb after the name is no part of it
    ("Presiden Prabowo tiba di Bandara Halim pada Senin.", [("Prabowo tiba", "PER")], [("Prabowo", "PER")], []),
    ("Setelah gencatan senjata, Iran kembali meluncurkan rudal.", [("Iran kembali", "LOC")], [("Iran", "LOC")], []),
    # a sentence's full stop ends the name; an abbreviation's does not
    ("Pernyataan itu dikutip Agence France-Presse. Pesaing mereka belum menanggapi.",
     [("Agence France-Presse. Pesaing", "PER")], [("Agence France-Presse", "ORG")], []),
    ("Ia menyerang Netanyahu.(Sumber: Reuters)", [("Netanyahu.(Sumber", "ORG")], [("Netanyahu", "ORG")], []),
    ("Mahasiswa Univ. Pamulang berunjuk rasa di depan kampus.", [("Univ. Pamulang", "ORG")], [("Univ. Pamulang", "ORG")],
     []),
    # local governments and institutions' short names are organisations, not persons
    ("Anggaran itu disiapkan Pemprov Jateng tahun ini.", [("Pemprov Jateng", "PER")], [("Pemprov Jateng", "ORG")], []),
    ("Tim Densus menangkap dua terduga teroris di Bekasi.", [("Densus", "PER")], [("Densus", "ORG")], []),
    ("Menurut pejabat itu, stok beras di gudang Bulog cukup hingga akhir tahun.", [("Bulog", "PER")], [("Bulog", "ORG")], []),
    # a person's title with a country keeps the person whole
    ("Presiden Iran Masoud Pezeshkian berpidato di PBB.", [("Iran Masoud Pezeshkian", "PER")],
     [("Iran", "LOC"), ("Masoud Pezeshkian", "PER")], []),
    # a capitalised verb or adverb at the edge of a known name is the clause's, not the name's
    ("Jokowi tiba kemarin. “Kami siap,” Ungkap Jokowi di Istana.", [("Jokowi", "PER"), ("Ungkap Jokowi", "PER")],
     [("Jokowi", "PER")], [("Ungkap Jokowi", "PER")]),
    ("Tel Aviv – Iran Kembali menghujani Israel dengan rudal.", [("Iran Kembali", "LOC")], [("Iran", "LOC")], []),
    # but names made of such words stay whole
    ("Mereka berjalan-jalan di Kebun Raya Bogor pada Minggu.", [("Kebun Raya Bogor", "LOC")],
     [("Kebun Raya Bogor", "LOC")], []),
    ("Lagu Indonesia Raya dinyanyikan bersama.", [("Indonesia Raya", "LOC")], [("Indonesia Raya", "LOC")], []),
    # a name nothing knows after a law's short word is the law's; a known body stays
    ("Polisi menjerat dia dengan UU ITE pasal 27.", [("ITE", "ORG")], [("ITE", "LAW")], []),
    ("Mahasiswa menolak revisi RUU KPK di depan gedung DPR.", [("KPK", "ORG")], [("KPK", "ORG")], []),
    # numbered joint commands are organisations
    ("Latihan itu dipimpin Kogabwilhan I di Natuna.", [], [("Kogabwilhan I", "ORG")], []),
    # an abbreviated school head and the words after it are one ORG, whatever pieces the model made
    ("Hadir pula mahasiswa dari Univ. PGRI Indrapasasti, Univ. Pamulang dan lainnya.",
     [("Univ", "ORG"), ("PGRI Indrapasasti", "PER"), ("Univ", "ORG"), ("Pamulang", "LOC")],
     [("Univ. PGRI Indrapasasti", "ORG"), ("Univ. Pamulang", "ORG")], [("Pamulang", "LOC"), ("Univ", "ORG")]),
    # an institution's office building names the institution
    ("Konferensi pers digelar di Kantor Kemenko Perekonomian, Jakarta.", [("Kantor Kemenko Perekonomian", "LOC")],
     [("Kemenko Perekonomian", "ORG")], [("Kantor Kemenko Perekonomian", "LOC")]),
    # East Asian names by their shape are persons
    ("Presiden Yoon Suk-yeol bertemu Hsiao Bi-khim di Seoul.", [("Yoon Suk-yeol", "LOC"), ("Hsiao Bi-khim", "ORG")],
     [("Yoon Suk-yeol", "PER"), ("Hsiao Bi-khim", "PER")], []),
]


@pytest.mark.parametrize("text,spans,expect,absent", CASES)
def test_entities_real_phenomena(text, spans, expect, absent):
    entity_tests.test_entities_split_glued_names(text, spans, expect, absent)
