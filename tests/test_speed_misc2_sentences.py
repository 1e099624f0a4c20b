"""Sentence starts read from token arrays: the same spans as spaCy's `doc.sents`, the same rules as before."""

import random

import pytest

from warta.lang.id.tokenize import make_doc, sentence_spans

TEXTS = [
    "",
    "   ",
    "Presiden tiba di Jakarta. Ia disambut warga.",
    "Kata dia, \"Kami siap.\" Lalu ia pergi!",
    "Susilo B. Yudhoyono hadir. Dr. Andi juga.",
    "Judul\n\nParagraf pertama tanpa titik\nBaris baru",
    "Harga naik... 12 orang protes?! (Semua) pulang.",
    "“Kami menolak.” Warga lalu bubar.",
    "akhir kalimat. huruf kecil tidak memulai kalimat.",
]


def _random_texts(count: int) -> list[str]:
    rnd = random.Random(7)
    pieces = ["a", "Budi", " ", ".", "B.", "!", "?", '"', "“", "”", "\n", "\n\n", "...", "12", "(", ")", "’",
              "Dr.", "  ", "-", "?!", "…", "»", "Jl."]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", TEXTS + _random_texts(300))
def test_sentence_spans_are_doc_sents(text):
    doc = make_doc(text)
    assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]


def test_sentence_rules():
    assert [TEXTS[4][a:b] for a, b in sentence_spans(make_doc(TEXTS[4]))] == \
        ["Susilo B. Yudhoyono hadir.", "Dr. Andi juga."]
    doc = make_doc(TEXTS[8])
    assert len(sentence_spans(doc)) == 1
    doc = make_doc(TEXTS[5])
    assert len(sentence_spans(doc)) == 3
