"""warta.lang.text: the end of a span before spaces (dates, quotes), found without copying the text before it;
the lowercased text for the ASCII-phrase shortcut (language, quantities)."""

import pytest

from warta.lang.text import end_before_spaces, lowered_for_ascii


@pytest.mark.parametrize("text,pos", [("Dua hari  setelah", 10), ("a \n\t", 4), ("", 0), ("abc", 3), ("\u00a0 x", 2)])
def test_before_spaces_is_rstrip(text, pos):
    assert end_before_spaces(text, pos) == len(text[:pos].rstrip())


@pytest.mark.parametrize("text", ["Kuala Lumpur", "\u0130stanbul", "ka\u0131k", "Kelvin \u212a"])
def test_lowered_only_where_no_character_folds_to_ascii(text):
    import re

    low = lowered_for_ascii(text)
    assert low is None or low == text.lower()
    for word in ("istanbul", "kaik", "k"):
        if re.search(word, text, re.IGNORECASE):
            assert low is None or word in low
