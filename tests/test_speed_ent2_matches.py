"""TextIndex.matches (the institution, organisation+country and numbered-unit passes) finds what the
pattern's finditer finds, and the newspaper pass's shortcut skips only texts where no match can be."""

import importlib

import pytest

from warta.annotate.entities.index import TextIndex, first_runs, institution_heads, unit_heads
from warta.lang.id.name_rules import rules

labels = importlib.import_module("warta.annotate.entities.labels")
names = importlib.import_module("warta.annotate.entities.names")

TEXTS = [
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) dan Polda Metro Jaya menyatakan siaga.",
    "x-Polda Metro Jaya tidak dihitung, Polda Metro Jaya-x juga tidak, tetapi (Polda Metro Jaya) ya.",
    "Kementerian Luar Negeri Iran memanggil duta besar; Kementerian Luar Negeri  Iran lagi.",
    "Komisi II DPR dan Kodam V/Brawijaya, Lantamal-V, Komisi 12, x-Komisi III, Komisi IIIx.",
    "Polda Polda Metro Jaya Metro Jaya Komisi Komisi I",
    "",
    "Tanpa nama lembaga apa pun di sini.",
]


def _patterns():
    return [("institution", rules()["institution_rx"], institution_heads()),
            ("org-country", labels._org_country_regex(), labels._org_heads()),
            ("numbered-unit", rules()["numbered_units"], unit_heads())]


@pytest.mark.parametrize("text", TEXTS)
def test_matches_as_finditer(text):
    for name, pattern, heads in _patterns():
        assert [m.span() for m in TextIndex(text).matches(pattern, heads)] == \
            [m.span() for m in pattern.finditer(text)], name


def test_matches_find_something():
    found = {name: TextIndex(" ".join(TEXTS)).matches(pattern, heads) for name, pattern, heads in _patterns()}
    assert all(found.values()), found


def test_first_runs():
    assert first_runs(["Polda Metro Jaya", "Badan Siber", "Polda Bali"]) == frozenset({"Polda", "Badan"})
    assert first_runs(["(?!)", "Polda"]) is None
    assert first_runs([]) == frozenset()


@pytest.mark.parametrize("text", ["Menurut The Moscow Times, kata mereka.", "Harian Jakarta Post menulis.",
                                  "Tidak ada koran di sini."])
def test_media_shortcut(text):
    heads = names._media_heads()
    can_match = not TextIndex(text).runs.keys().isdisjoint(heads)
    assert can_match or not list(names._media_name().finditer(text))
    assert can_match == ("Times" in text or "Post" in text)
