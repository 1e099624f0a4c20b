"""Precision rules from the real-news dev set (round 2): actors-layer spans that name no entity.
Sentences are written for the tests unless a URL is given."""

from __future__ import annotations

import functools

import pytest


@functools.cache
def pipeline():
    import warta
    return warta.make_pipeline(components=["language", "sentences", "entities", "actors"],
                               options={"use_model": False})


def entities(text: str) -> set[tuple[str, str]]:
    import warta
    article = warta.extract_text(text, pipeline=pipeline())
    return {(e.text, e.label) for e in article.entities}


@pytest.mark.parametrize("text,absent", [
    # an acronym of an office or of a market index / health status is no organisation
    ("Anwar Ibrahim kini resmi menjadi Perdana Menteri (PM) ke-10 Malaysia pada Kamis.",
     ["Perdana Menteri", "PM"]),
    ("Indeks Harga Saham Gabungan (IHSG) tercatat turun sekitar 1,3 persen pada sesi pertama.",
     ["Indeks Harga Saham Gabungan", "IHSG"]),
    ("WHO menyatakan wabah itu masih menjadi Darurat Kesehatan Masyarakat untuk Kepedulian Internasional (PHEIC).",
     ["Darurat Kesehatan Masyarakat untuk Kepedulian Internasional", "PHEIC"]),
    # a document number after a title is no person
    ("Dengan Surat Instruksi Menteri Perdagangan No. 944/M-DAG/SD/11/2015, harga beras diatur.", ["No"]),
    ("Ia dilantik berdasarkan Keputusan Mendagri Nomor 121.21-2911 Tahun 2020 di Batam.", ["Nomor"]),
    # a one-letter initial with an age names nobody
    ("Lima terduga teroris dibekuk, yakni S (45), K (42), A (35), dan M (52).", ["S", "K", "A", "M"]),
])
def test_no_entity_from_offices_measures_numbers_letters(text, absent):
    found = {t for t, _ in entities(text)}
    for a in absent:
        assert a not in found, (a, found)


def test_real_acronyms_of_bodies_still_entities():
    found = entities("Komisi Pemberantasan Korupsi (KPK) menahan tersangka YT (27) di Jakarta.")
    assert ("Komisi Pemberantasan Korupsi", "ORG") in found and ("KPK", "ORG") in found
    assert ("YT", "PER") in found


def _mend(text: str, spans: list[tuple[str, str]]):
    from tests.test_entities import _mend as mend
    return mend(text, spans)


@pytest.mark.parametrize("text,spans,expect", [
    # a lower-case kind of company or service before the name, with its own modifiers, makes it ORG
    ("Direktur Utama perusahaan gas nasional Naftogaz menyebut serangan itu besar.",
     [("Naftogaz", "LOC")], [("Naftogaz", "ORG")]),
    # `milik` (owned by) before a name: the owner may be a person
    ("Saham perusahaan milik Budi Hartono naik tajam.", [("Budi Hartono", "PER")], [("Budi Hartono", "PER")]),
    ("Hal itu disampaikan perusahaan listrik nasional Ukrenergo dalam pernyataannya.",
     [("Ukrenergo", "PER")], [("Ukrenergo", "ORG")]),
    ("Menurut layanan Flightradar, pesawat itu menghilang dari radar.", [("Flightradar", "PER")],
     [("Flightradar", "ORG")]),
    ("Presiden menyampaikannya pada kanal Youtube milik istana, Senin.", [("Youtube", "PER")],
     [("Youtube", "ORG")]),
    # a verb or function word between keeps the person
    ("Saham perusahaan yang dipimpin Budi Hartono naik tajam.", [("Budi Hartono", "PER")],
     [("Budi Hartono", "PER")]),
])
def test_org_cue_before_name(text, spans, expect):
    found = _mend(text, spans)
    for pair in expect:
        assert pair in found, (pair, found)


@pytest.mark.parametrize("text,spans,expect", [
    # a camp or neighbourhood word before one capitalised word makes it a place
    ("Gambar diambil di lingkungan Shujaiya, bagian timur Kota Gaza.", [("Shujaiya", "PER")], [("Shujaiya", "LOC")]),
    ("RSF mengklaim telah menguasai kamp pengungsi Zamzam di El-Fasher.", [("Zamzam", "PER")], [("Zamzam", "LOC")]),
])
def test_place_cue_before_one_word(text, spans, expect):
    found = _mend(text, spans)
    for pair in expect:
        assert pair in found, (pair, found)



@pytest.mark.parametrize("text,absent", [
    # a portfolio or a minister's short title after a title is no person (https://www.cnbcindonesia.com, 2025
    # reshuffle reports: `Kursi Menko Polhukam dan Menpora untuk sementara masih kosong`)
    ("Kursi Menko Polhukam dan Menpora untuk sementara masih kosong.", ["Polhukam", "Menpora"]),
    ("Abdul Kadir Karding dilantik sebagai Menteri Perlindungan Pekerja Migran Indonesia di Jakarta.",
     ["Perlindungan Pekerja Migran"]),
])
def test_portfolios_are_no_person(text, absent):
    found = {t for t, lab in entities(text) if lab == "PER"}
    for a in absent:
        assert a not in found, (a, found)


def test_split_leaving_honorific_and_title_is_no_person():
    # https://www.cnbcindonesia.com (d15 shape): `sudah bicara dengan USTR Pak Presiden, kami laporkan`
    found = _mend("Kami sudah bicara dengan USTR Pak Presiden, kami laporkan surat itu.", [("USTR Pak Presiden", "PER")])
    assert not any(label == "PER" for _, label in found), found
