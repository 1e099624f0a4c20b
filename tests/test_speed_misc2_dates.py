"""A date span's end before spaces, found without copying the text before it."""

import pytest

from warta.annotate.dates.candidates import _before_spaces


@pytest.mark.parametrize("text,pos", [("Dua hari  setelah", 10), ("a \n\t", 4), ("", 0), ("abc", 3), ("\u00a0 x", 2)])
def test_before_spaces_is_rstrip(text, pos):
    assert _before_spaces(text, pos) == len(text[:pos].rstrip())
