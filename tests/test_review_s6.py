"""Negative cases for the rules of the 2026-12-04 quality round (sentences written for these tests): each rule
keeps its positive case and no longer fires where the same words mean something else."""

from __future__ import annotations

import pytest

from warta import api


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e["text"], e["label"]) for e in api.extract_text(text).to_dict()["entities"]}


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e["cameo"], e.get("source_country"), e.get("target_country"))
            for e in api.extract_text(text).to_dict()["events"]]


@pytest.mark.parametrize("text, whole", [
    ("Pasien itu dirujuk ke RSUD Tengku Rafian di Siak, Riau, pada Senin.", "RSUD Tengku Rafian"),
    ("Jemaah memadati Masjid Tengku Ampuan Jemaah di Shah Alam, Selangor.", "Masjid Tengku Ampuan Jemaah"),
])
def test_a_place_named_after_a_royal_stays_whole(text, whole):
    found = _entities(text)
    assert any(name == whole and label != "PER" for name, label in found), found
    assert not any(label == "PER" for _, label in found), found


def test_a_royal_name_is_still_one_person():
    text = "Yang di-Pertuan Agong Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah menerima Presiden Joko Widodo."
    assert ("Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah", "PER") in _entities(text)


def test_a_person_after_a_vehicle_word_is_the_owner_not_a_product():
    assert ("Ferdy Sambo", "PER") in _entities("Polisi menyita mobil Ferdy Sambo di Jakarta.")
    assert ("Toyota Kijang Innova Zenix", "PRODUCT") in _entities("Paus tiba menggunakan mobil Toyota Kijang Innova Zenix.")


def test_a_person_after_ke_is_a_recipient_not_a_route_end():
    assert ("Prabowo Subianto", "PER") in _entities("Paket itu dikirim dari Jakarta ke Prabowo Subianto pekan lalu.")
    assert ("Batas Batu", "LOC") in _entities("Rombongan bergerak dari Batas Batu menuju Kota Kenyam pada Selasa pagi.")


def test_repaying_a_kindness_is_no_threat():
    assert not any(c == "138" for c, _, _ in _events("Presiden Joko Widodo berjanji membalas kebaikan rakyat Jepang."))
    assert ("138", "IRN", "ISR") in _events("Menteri Luar Negeri Iran berjanji akan membalas serangan Israel.")


def test_a_market_share_is_no_territory_taken():
    assert not any(c == "192" for c, _, _ in _events("Perusahaan Tiongkok itu menguasai 60 persen pasar di wilayah Jawa Barat."))
    assert ("192", "RUS", "UKR") in _events("Pasukan Rusia berhasil menguasai wilayah Bakhmut di Ukraina.")
