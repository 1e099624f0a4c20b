"""PhraseScan (warta.lang.prefilter) finds what its pattern's finditer finds, on sentences written for the test;
lowered_in_place (warta.lang.text) keeps offsets and word characters or says None."""

from __future__ import annotations

import random
import re

import pytest

from warta.annotate.quotes.cues import SENTENCE_CUES, cues
from warta.lang.alternation import phrase_alternation
from warta.lang.prefilter import PhraseScan, PhraseSet
from warta.lang.text import lowered_in_place

SENTENCES = [
    "Harga beras akan turun bulan depan, kata Menteri Perdagangan Budi Santoso.",
    "Menurut Kepala BNPB, KATANYA korban bertambah; ujarnya kepada wartawan, seperti dikutip dari Antara.",
    "Sekata dan katakan bukan cue, tetapi “kata” di antara tanda kutip dan kata-kata lain dihitung.",
    "Dia mengatakan bahwa İstanbul, ſeperti dilaporkan, menurut \u212aata polisi, aman.",
    "Ⅷ mengatakan, ǅ menurut café itu, katanya, ujar   dia menjelaskan.",
    "kata",
    "",
]


def _same(scan: PhraseScan, text: str) -> None:
    plain = [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in scan.finditer(text)] == plain, text


def _same_set(phrase_set: PhraseSet, text: str) -> None:
    plain = [[(m.span(), m.groups()) for m in scan.pattern.finditer(text)] for scan in phrase_set.scans]
    assert [[(m.span(), m.groups()) for m in found] for found in phrase_set.finditer(text)] == plain, text
    for scan in phrase_set.scans:
        _same(scan, text)


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_cues_find_what_their_patterns_find(text):
    assert [scan.pattern for scan in cues()["sentence_cues"].scans] == [cues()[c] for c in SENTENCE_CUES]
    _same_set(cues()["sentence_cues"], text)


def test_sentence_cues_on_cut_sentences():
    rng = random.Random(7)
    whole = " ".join(SENTENCES)
    for _ in range(300):
        a = rng.randrange(len(whole))
        _same_set(cues()["sentence_cues"], whole[a:a + rng.randrange(1, 90)])


def test_a_phrase_scan_of_overlapping_phrases():
    phrases = ["kata", "katanya", "kata dia", "dia"]
    scan = PhraseScan(re.compile(r"(?<!\w)(" + phrase_alternation(phrases) + r")(?!\w)", re.I), phrases)
    other = PhraseScan(re.compile(r"(?<!\w)(" + phrase_alternation(["dia kata", "nya"]) + r")(?!\w)", re.I),
                       ["dia kata", "nya"])
    for text in ["Kata dia, katanya dia kata  DIA.", "kata\ndia sekata dia", "KATANYA", "dia kata nya katanya"]:
        _same(scan, text)
        _same_set(PhraseSet([scan, other]), text)


def test_a_phrase_outside_ascii_is_scanned_as_before():
    phrases = ["ſeperti", "kata"]
    scan = PhraseScan(re.compile(r"(?<!\w)(" + phrase_alternation(phrases) + r")(?!\w)", re.I), phrases)
    assert scan.fast is None
    _same(scan, "Seperti kata dia.")


@pytest.mark.parametrize("text, lowered", [
    ("Kata Dia", "kata dia"),
    ("“Kata” café", "“kata” café"),
    ("İstanbul", None),  # lowers to two characters, and folds to an ASCII letter
    ("ſeperti", None),  # folds to an ASCII letter
])
def test_lowered_in_place(text, lowered):
    assert lowered_in_place(text) == lowered


def _plain_window_after(q, pos: int) -> tuple[int, int]:
    _, pend = q.paragraph_bounds(pos)
    nxt = q.first_open_from(pos, pend)
    for m in re.finditer(r"[.!?](?=\s|$)", q.text[pos:nxt]):
        if not (m.group() == "." and q.abbreviation_before(pos + m.start())):
            return pos, pos + m.start()
    return pos, nxt


@pytest.mark.parametrize("text", [
    "“Kami siap,” ujar Plt. Kepala Dinas Budi. Dia pergi!\nParagraf baru? Ya.",
    "Dia berkata “A.B.” lalu pergi.“Lagi”.\n\nHarga naik.\n",
    "Tanpa titik sama sekali “kutipan” di sini",
    "Titik di akhir teks.",
])
def test_clause_window_after_reads_the_text_stops_as_finditer_does(text):
    from warta.annotate.quotes.quoter import Quoter
    from warta.record import Article

    q = Quoter(Article(text=text))
    for pos in range(len(text) + 1):
        assert q.clause_window_after(pos) == _plain_window_after(q, pos), pos
