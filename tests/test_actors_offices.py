"""Actors on real news (issue 12, class 5): the actor of a title with a place is the office or institution
(never the place) and acts for the place's country; armed groups are actors with a country. Own sentences."""

from __future__ import annotations

import pytest

from tests.test_actors import actor_named, run


@pytest.mark.parametrize("text, name, country, sector", [
    ("Gubernur Jawa Tengah mengatakan banjir sudah surut.", "Gubernur Jawa Tengah", "IDN", "GOV"),
    ("Wali Kota Bekasi meninjau lokasi banjir di Jatiasih.", "Wali Kota Bekasi", "IDN", "GOV"),
    ("Kapolda Papua membenarkan peristiwa penembakan tersebut.", "Kapolda Papua", "IDN", "COP"),
    ("Polda Riau menangkap tiga tersangka pembakaran hutan.", "Polda Riau", "IDN", "COP"),
])
def test_office_with_place_is_the_actor(text, name, country, sector):
    a = run(text)
    office = actor_named(a, name)
    assert (office.country, office.sector) == (country, sector)
    assert not any(x.type == "LOC" and x.name in name for x in a.actors if x is not office)


@pytest.mark.parametrize("text, person, country", [
    ("Gubernur Jawa Tengah Ganjar Pranowo mengingatkan para kepala daerah.", "Ganjar Pranowo", "IDN"),
    ("Kapolda Papua Irjen Mathius D Fakhiri membenarkan peristiwa tersebut.", "Mathius D Fakhiri", "IDN"),
    ("Bupati Sleman Kustini Purnomo mengunjungi korban longsor.", "Kustini Purnomo", "IDN"),
])
def test_holder_of_a_regional_office_acts_for_its_country(text, person, country):
    assert actor_named(run(text), person).country == country


@pytest.mark.parametrize("text, name, country", [
    ("Kelompok Kriminal Bersenjata (KKB) menembak dua warga di Puncak.", "Kelompok Kriminal Bersenjata", "IDN"),
    ("Setidaknya 35 warga sipil tewas setelah Pasukan Dukungan Cepat (RSF) menembakkan artileri.",
     "Pasukan Dukungan Cepat", "SDN"),
    ("Densus 88 menangkap delapan anggota jaringan Jamaah Ansharut Daulah (JAD).", "Jamaah Ansharut Daulah", "IDN"),
    ("Kepala tentara bayaran Wagner Group Yevgeny Prigozhin mengaku memimpin konvoi ke Moskow.", "Wagner Group", "RUS"),
])
def test_armed_groups_have_a_country(text, name, country):
    group = actor_named(run(text), name)
    assert group.type == "ORG" and group.country == country


@pytest.mark.parametrize("text, person", [
    ("Kapendam XVII/Cendrawasih Kolonel Inf Muhammad Aidi mengatakan baku tembak terjadi pagi tadi.", "Muhammad Aidi"),
    ("Pelaksana Tugas Deputi Pemberantasan BNN Brigjen Pol. Roy Hardi Siahaan menjelaskan kronologinya.",
     "Roy Hardi Siahaan"),
    ("Kabid Humas Polda Jatim Kombes Pol. Dirmanto mengatakan pelaku sudah ditahan.", "Dirmanto"),
])
def test_corps_mark_after_a_rank_is_no_part_of_the_name(text, person):
    a = run(text)
    assert actor_named(a, person).type == "PER"
    assert not any(x.name.endswith(("Pol", "Inf")) or x.name.startswith("Inf ") for x in a.actors)


def test_title_with_country_later_is_the_known_person_named_before():
    """`Menlu RI` after `Menlu Retno Marsudi` is Retno (her country from the lexicon of public figures)."""
    from tests.quote_metrics import pipeline
    import warta
    a = warta.extract_text("Menlu Retno Marsudi bertemu Menlu AS Mike Pompeo di Washington. Masih dalam pertemuan, "
                           "Menlu RI juga menyampaikan kunjungannya ke AS adalah dalam rangka pencalonan Indonesia.",
                           pipeline=pipeline())
    assert [a.actor(q.speaker).name for q in a.quotes] == ["Retno Marsudi"]
    assert not any(x.name == "Menlu RI" for x in a.actors)
