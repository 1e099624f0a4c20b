"""`QuickSearch` (warta.models.tokenizer) answers exactly as `pattern.search` does, and the tokenizers built
with it save and pickle as before.  (Speed: bench/bench_ner.py and bench/bench_scaling.py.)"""

from __future__ import annotations

import pickle
import random
import re

import pytest
import spacy

from warta.models.tokenizer import CONFIG, QuickSearch, quick_search

PATTERNS = [
    r"^a|b+c|^(?:x|y)z|(?:d|[e-g])h",  # unanchored alternatives with known first characters
    r"^a|(?i:b)c", r"^a|x?b", r"^a|\d", r"^a|(?<=x)b", r"^a|", r"^ab|^c",  # unknown first characters, all anchored
    r"^\$|<a([^>]+)>", r"a$|b$",  # nothing anchored
]
ALPHABET = list("aAbBcxyzdefgh019.,;:!?\"'()[]<>/-–…%$£€+*&#\n ") + ["<a href>", "km", "Rp", "US$", "©"]


def same(quick, pattern, strings) -> None:
    for s in strings:
        a, b = quick.search(s), pattern.search(s)
        assert (a is None) == (b is None) and (a is None or a.span() == b.span()), (pattern.pattern[:40], s)


def random_strings(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8))) for _ in range(n)]


@pytest.mark.parametrize("text", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.MULTILINE, re.IGNORECASE])
def test_quick_search_is_search(text, flags):
    pattern = re.compile(text, flags)
    same(QuickSearch(pattern), pattern, random_strings(3000) + ["a", "xb", "x<a b>", "\na", "Ab", "B"])


def test_quick_search_of_spacys_affixes_is_search():
    tokenizer = spacy.blank("id").tokenizer
    words = "Kata “Kami” (BNPB) Rp5.000, US$3 <a href=x>tautan</a> x<a y> ©2024 …dan -- 10km.".split()
    for search in (tokenizer.prefix_search, tokenizer.suffix_search):
        same(QuickSearch(search.__self__), search.__self__, random_strings(5000, seed=9) + words)
    quick = QuickSearch(tokenizer.prefix_search.__self__)
    assert quick.anchored and quick.firsts == {"<"}  # the one prefix alternative without `^`: `<a …>`


def test_tokenizers_save_and_pickle_their_patterns():
    fast = spacy.blank("id", config=CONFIG).tokenizer
    assert isinstance(fast.prefix_search.__self__, QuickSearch)
    assert fast.prefix_search.__self__.pattern == spacy.blank("id").tokenizer.prefix_search.__self__.pattern
    again = pickle.loads(pickle.dumps(fast))
    text = "(Kata) <a href=x>abu-abu</a>, “kami”."
    assert [t.text for t in again(text)] == [t.text for t in fast(text)] == [t.text for t in spacy.blank("id")(text)]
    assert b"prefix_search" in fast.to_bytes()
    assert quick_search(None) is None and quick_search(len) is len
