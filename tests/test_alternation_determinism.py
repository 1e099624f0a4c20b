"""A word-list alternation is the same text in every process: the text is the key of the compiled pattern
in the user cache (warta.knowledge.cache.patterns), so a text that followed the hash seed's set order
missed the cache on every run and wrote a new file each time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from warta.lang.alternation import alternation, longest_first

SRC = str(Path(__file__).resolve().parents[1] / "src")
PROBE = ("from warta.lang.alternation import alternation; "
         "print(alternation(['Jawa Barat', 'Jawa Timur', 'Bali', 'Bima', 'Bone', 'Jambi', 'Jawa'],"
         " ignore_case=False))")


def test_longest_first_breaks_ties_alphabetically():
    assert longest_first(["Bone", "Bali", "Jawa Timur", "Bima", "Jawa Barat"]) == [
        "Jawa Barat", "Jawa Timur", "Bali", "Bima", "Bone"]


def test_alternation_text_is_the_same_under_every_hash_seed():
    texts = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": SRC}
        out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
        texts.add(out.stdout)
    assert len(texts) == 1


def test_tie_order_does_not_change_a_match():
    import re

    words = ["Bali", "Bima", "Bone", "bali"]
    pattern = re.compile(rf"(?:{alternation(words)})", re.I)
    assert [m.group() for m in pattern.finditer("BALI dan Bima")] == ["BALI", "Bima"]
