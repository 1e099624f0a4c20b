"""The fast paths of the actors component (issue 13, round 5) give what the plain computations give, on
sentences written for these tests: acronym long forms searched near their brackets, the finder's walks over
the tokens that open a table's phrases, its look-ups (span_ok, tok_index, name_at, match_at), the tokenizer
by columns, and the cached name and country look-ups."""

from __future__ import annotations

import random
import re

import pytest

from warta.annotate.actors import Finder
from warta.annotate.actors.orgs import ACRONYM_LOOKBACK, acronym_matches, acronym_re
from warta.knowledge import countries
from warta.knowledge.actor_tables import country_table, institution_table
from warta.lang.id.phrase_table import TOKEN_RE, Tok, name_key, tokenize
from warta.lang.id.titles import group_table, org_head_table, title_table
from warta.record import Article, Sentence

TEXTS = [
    "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suharyanto meninjau lokasi banjir di Demak.",
    "Menteri Luar Negeri Retno Marsudi bertemu Menlu Jepang di Kementerian Luar Negeri (Kemlu), Jakarta.",
    "Komisi Pemberantasan Korupsi ( KPK ) dan Badan Pemeriksa Keuangan (BPK) menandatangani nota.\n"
    "Presiden Rusia Vladimir Putin mengatakan Amerika Serikat (AS) harus mundur, kata Kremlin.",
    "Wakil Menteri Koordinator Bidang Politik, Hukum, dan Keamanan (Wamenko Polhukam) tiba di Bandung.",
    "Pelatih Persebaya, Gustavo Ribeiro, mengatakan timnya siap. Kapolda Metro Jaya Irjen Karyoto hadir.",
    "Organisasi Pendidikan, Keilmuan dan Kebudayaan Perserikatan Bangsa-Bangsa (UNESCO) & Bank Dunia (WB).",
]


def _key(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _compose(rng: random.Random, pieces: list[str], n: int) -> str:
    return "".join(rng.choice(pieces) + rng.choice([" ", "", "  ", "\n"]) for _ in range(rng.randint(1, n)))


@pytest.mark.parametrize("text", TEXTS)
def test_acronym_matches_as_the_full_scan(text):
    assert _key(acronym_matches(text)) == _key(acronym_re().finditer(text))


def test_acronym_matches_as_the_full_scan_on_composed_texts():
    rng = random.Random(13)
    pieces = ["Badan", "Nasional", "Pusat", "(BNPB)", "dan", "&", "untuk", "dari", "(", ")", "AS", "\n", "kata",
              "Ia", "X" * 45, "(KPK )", "( PBB)", "Kementerian", "Luar", "Negeri", ",", "(Kemlu)", "-", "’s"]
    for _ in range(3000):
        text = _compose(rng, pieces, 70)
        assert _key(acronym_matches(text)) == _key(acronym_re().finditer(text)), text
    # a run of words longer than the look-back: the whole stretch before the bracket is searched
    long_run = " ".join(["Abc"] * (ACRONYM_LOOKBACK // 3)) + " (ABC) Dewan Keamanan (DK)"
    assert _key(acronym_matches(long_run)) == _key(acronym_re().finditer(long_run))


def _finder(text: str) -> Finder:
    return Finder(Article(id="t", text=text, sentences=[Sentence(start=0, end=len(text))]))


@pytest.mark.parametrize("text", TEXTS)
def test_finder_walks_and_look_ups_as_the_plain_loops(text):
    f = _finder(text)
    for table in (institution_table(), org_head_table(), group_table(), title_table(), country_table()):
        keys = [t.text.casefold() if table.fold else t.text for t in f.tokens]
        assert f.openers(table) == [i for i, k in enumerate(keys) if k in table.lengths]
        for i in range(-1, len(f.tokens) + 1):
            assert f.match_at(table, i) == table.match(f.tokens, i)
    words = {t.text for t in f.tokens[::3]}
    assert f.tokens_among(words) == [i for i, t in enumerate(f.tokens) if t.text in words]
    for i in range(len(f.tokens)):
        for n in range(0, 5):
            if i + n <= len(f.tokens):
                plain = all("\n" not in text[f.tokens[k].end:f.tokens[k + 1].start] for k in range(i, i + n - 1))
                assert f.span_ok(i, n) == plain
        assert f.name_at(i) == f._name_at(i)
    for offset in range(-1, len(text) + 2):
        assert f.tok_index(offset) == next((k for k, t in enumerate(f.tokens) if t.start >= offset), len(f.tokens))


@pytest.mark.parametrize("text", TEXTS + ["", "  \n ", "Jong-un's  Ma'ruf ’s -- «x»"])
def test_tokenize_by_columns_as_the_loop(text):
    assert tokenize(text) == [Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_name_look_ups_as_computed(text):
    for w in re.findall(r"\w+(?:\s+\w+)?", text) + ["Korea  Selatan", "korea-utara", "Moskow", "AS"]:
        assert name_key(w) == name_key.__wrapped__(w)
        assert countries.by_name(w) == countries.by_name.__wrapped__(w)
        assert countries.by_capital(w) == countries.by_capital.__wrapped__(w)
