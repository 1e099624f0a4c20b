"""The Malay-marker shortcut (a text without any marker in its lowercased letters is not scanned) answers as
the full scan does."""

import pytest

from warta.annotate.language import _malay_markers, has_malay_marker

TEXTS = [
    "Polis Diraja Malaysia menangkap dua orang.",
    "Kerajaan negeri berkata projek itu diteruskan.",
    "KERAJAAN menolak cadangan tersebut.",
    "Presiden meresmikan jembatan di Kalimantan Barat.",
    "Perkataan itu tidak ada: kerajaanku bukan penanda.",
    "Di hadapan hakim, terdakwa diam.",
    "İstanbul dan Ankara; polİs tidak datang.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_shortcut_is_the_scan(text):
    assert has_malay_marker(text) == bool(_malay_markers().matches(text)[0])


def test_markers_found_and_not():
    assert has_malay_marker(TEXTS[0]) and has_malay_marker(TEXTS[2])
    assert not has_malay_marker(TEXTS[3])
