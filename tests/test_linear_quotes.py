"""The quoter's look-ups over quotation marks (issues 13, 14) answer what the scans of every mark answered."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from warta.annotate.quotes.base import QuoterBase
from warta.annotate.quotes.marks import find_marks
from warta.readers.text import read_text

PIECES = ["“Kami siap,” kata Budi. ", '"Ya." ', "‘oke’ ", "Ia pergi. ", "Dia datang! ", "\n\n", "\n", "  ",
          "“Belum selesai ", "tanya? ", "x.y ", "\t“Lagi”. "]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(lambda parts: "Judul\n\n" + "".join(parts) + "Akhir.")


def _quoter(text: str) -> QuoterBase:
    return QuoterBase(read_text(text, source="t"))


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(min_value=0, max_value=600), st.integers(min_value=0, max_value=600))
def test_mark_look_ups_are_the_scans(text, pos, since):
    q = _quoter(text)
    text = q.text  # (the reader takes the title off)
    pos, since = min(pos, len(text)), min(since, len(text))
    marks = q.marks
    assert q.mark_holding(pos) is next((m for m in marks if m.open < pos <= m.close), None)
    assert q.extend_out_of_quote(pos) == next((m.close + 1 for m in marks if m.open < pos <= m.close), pos)
    last = None
    for m in marks:
        if since <= m.close < pos:
            last = m
    assert q.last_mark_closed_before(pos, since) is last
    assert q.first_open_from(pos, 10**6) == min([m.open for m in marks if m.open >= pos] + [10**6])
    assert q.last_close_before(pos, since) == max([m.close + 1 for m in marks if m.close < pos] + [since])
    assert q.first_paragraph_open_after(pos, 10**6) == \
        min([m.open for m in marks if m.open > pos and m.paragraph_start] + [10**6])


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(min_value=0, max_value=600))
def test_the_anchor_before_a_cue_is_the_scans(text, pos):
    """new_subject_since: the last quotation closed before pos with no sentence's end between."""
    q = _quoter(text)
    text = q.text
    pos = min(pos, len(text))
    anchor = pos
    for mk in q.marks:
        if mk.close < pos and not re.search(r"[.!?](?=\s)", text[mk.close + 1:pos]):
            anchor = mk.open
    mk = q.last_mark_closed_before(pos, q.last_stop_before(pos - 1))
    assert (mk.open if mk is not None else pos) == anchor


@settings(max_examples=150, deadline=None)
@given(texts)
def test_paragraph_start_is_read_back_over_spaces(text):
    """(a quotation left open is kept only where it opens a paragraph, and then says so)"""
    for m in find_marks(text):
        assert m.paragraph_start == (m.open == 0 or text[:m.open].rstrip(" \t").endswith("\n"))


def _member_body_by_scan(q, pos: int):
    """The look-up as it was: the member phrases searched in text[:pos], every candidate read for each."""
    from warta import lexicons
    from warta.annotate.quotes.cues import WORD_RE

    phrases = "|".join(re.escape(p) for p in lexicons.load("actor_words")["member_of"])
    best = None
    for m in re.finditer(rf"\b(?:{phrases})\s+", q.text[:pos]):
        at = m.end()
        org = next((c for c in q.candidates if at <= c[0] <= at + 40 and c[3] == "ORG" and not any(
            w[:1].islower() for w in WORD_RE.findall(q.text[at:c[0]]))), None)
        if org is not None:
            best = org[2]
    return best


MEMBER_PIECES = ["Massa yang tergabung dalam ", "tergabung  ", "Konfederasi Serikat Pekerja Indonesia (KSPI) ",
                 "Partai Buruh ", "bergabung dalam barisan ", "Mereka berdemo. ", "tergabung ke dalam DPR ", "\n\n",
                 "“Kami menolak,” kata mereka. "]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(MEMBER_PIECES), min_size=1, max_size=12))
def test_member_body_is_the_scan(pieces):
    import warta
    from warta.annotate.quotes.quoter import Quoter

    article = warta.make_pipeline(["sentences", "entities", "actors"], time_budget=0)(
        read_text("Judul Berita\n\n" + "".join(pieces) + " Selesai.", source="t"))
    q = Quoter(article)
    for pos in range(0, len(q.text) + 1, 3):
        assert q.member_body(pos) == _member_body_by_scan(q, pos)
