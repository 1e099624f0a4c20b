"""The places' context counts made late give what they give made early (the component now makes them only
when a place asks): sentences and places written for the test."""

from __future__ import annotations

import random
from types import SimpleNamespace as NS

import pytest


def _places(rng: random.Random, with_sentences: bool):
    text, places = "", []
    for _ in range(rng.randrange(1, 30)):
        text += rng.choice(["", " ", ", ", ". ", "\n", " dan "])
        start = len(text)
        text += rng.choice(["Xa", "Yb Zc", "Wd"])
        places.append(NS(start=start, end=len(text), sentence=text.count(". ") if with_sentences else None,
                         country=rng.choice([None, None, "IDN", "PNG", "RUS"]),
                         kind=rng.choice([None, "city", "sea"])))
    return text, places


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("with_sentences", [True, False])
def test_sentence_countries_made_late_answer_as_made_early_with_adds(seed, with_sentences):
    from warta.annotate.places.context import _SentenceCountries

    rng = random.Random(seed)
    text, places = _places(rng, with_sentences)
    early = _SentenceCountries(text, places)
    for p in reversed(places):  # countries given meanwhile, added as _countries_from_context adds them
        if p.country is None and rng.random() < 0.5:
            p.country = rng.choice(["IDN", "PNG"])
            early.add(p)
    late = _SentenceCountries(text, places)
    assert late.lists == early.lists
    for p in places:
        assert late(p) == early(p)


def test_countries_from_context_through_the_component():
    from warta.annotate.places import find_places

    text = "Warga desa Kok-Tash di Kirgistan mengungsi. Banjir melanda Kabupaten Grobogan, Jawa Tengah."
    found = {p.text: (p.country, p.rule) for p in find_places(text)}
    assert found["desa Kok-Tash"][0] == "KGZ" and found["desa Kok-Tash"][1].endswith("+sentence-country")
    assert found["Kirgistan"][0] == "KGZ"
