"""The faster loops of events and actors (issue 13, round 2) find what the plain loops found: triggers looked
for only at tokens that may open one, generic actors only at their first words, each sentence's tokens found
between its offsets in the text (the finder's look-ups: tests/test_speed_rulesb_equivalence.py)."""

from __future__ import annotations

import random

import pytest

from warta.annotate.events import triggers
from warta.annotate.events.lexicon import TOKEN, Tok, words
from warta.annotate.events.triggers import TRIGGERS, find_triggers
from warta.record import Article, Sentence

SENTENCES = [
    "Rusia melancarkan serangan udara ke Kyiv pada Senin dini hari.",
    "Turki memperingatkan Swedia soal demonstrasi pembakaran Al-Quran, kata Menteri Luar Negeri Turki.",
    "Israel menyerang Gaza; Gaza diserang oleh Israel, serangan Israel ke Gaza, mengalami luka tembak.",
    "Presiden Prabowo bertemu dengan Presiden Rusia Vladimir Putin di Moskow dan menandatangani kesepakatan.",
    "Polisi menangkap pengunjuk rasa di depan gedung DPR, sementara pemerintah Filipina mengecam penembakan.",
    "Kapal China ditembak jatuh, menembak jatuh drone, serangannya terhadap pos-pos tembak-menembak.",
    "« , . ; » -- 12 % ( ) İstanbul STRASSE straße",
]


def _plain_find(toks: list[Tok]) -> list:
    """The loop before: every token visited in turn, a match skips the tokens it covers."""
    out, i = [], 0
    while i < len(toks):
        if not toks[i].lower[0].isalnum() or not triggers._may_open(toks[i].lower):
            i += 1
            continue
        m = next((got for rule in TRIGGERS if (got := rule.apply(toks, i)) is not None), None)
        if m is None:
            i += 1
            continue
        if m.voice in ("active", "nominal") and i > 0 and toks[i - 1].lower in words("victim_words"):
            m.voice = "passive"
        out.append(m)
        i = m.last
    return out


def _toks(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().casefold(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _key(matches) -> list:
    return [(m.first, m.last, m.voice, m.rule) for m in matches]


def _shuffled(rng: random.Random) -> str:
    pool = " ".join(SENTENCES).split()
    return " ".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))


def test_triggers_found_as_by_the_plain_loop():
    rng = random.Random(13)
    for text in SENTENCES + [_shuffled(rng) for _ in range(300)]:
        assert _key(find_triggers(_toks(text))) == _key(_plain_find(_toks(text))), text


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_tokens_between_offsets_as_from_the_slice(text):
    full = "Judul.\n" + text + " Kalimat berikutnya."
    start = full.index(text)
    article = Article(id="t", text=full, sentences=[Sentence(start=start, end=start + len(text))])
    got = triggers.sentence_tokens(article, 0)
    want = [Tok(t.text, t.lower, start + t.start, start + t.end) for t in _toks(text)]
    assert got == want

