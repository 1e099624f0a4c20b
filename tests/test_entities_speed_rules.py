"""The entity rules' fast paths answer exactly what the plain computation they stand for answers: patterns
matched backwards at a text's end, the spans-apart shortcut of `join_hyphens`, the country phrases' opening
places, the org-cue precheck, the bracketed runs kept per text, and the heading look-up skipped where an
article has no heading."""

from __future__ import annotations

import random
import re

import pytest

from warta.annotate.entities.base import _in_heading
from warta.annotate.entities.gazetteer import _opening_places
from warta.annotate.entities.labels import _any_org_cue
from warta.annotate.entities.brackets import _BRACKETED, _bracket_runs, _run_before
from warta.annotate.entities.split import _apart, drop_inside
from warta.lang.id.name_rules import _LAST_WORD_BACKWARDS, match_at_end, rules
from warta.record import Article, Sentence

_ALPHABET = "ab Kz\n\t_9é\u00a0.-Ü,(" + "AB"

# (the forward pattern, the backwards one that stands for it, the groups compared)
PAIRS = [
    (re.compile(r"(?P<word>\w+)\s+$"), _LAST_WORD_BACKWARDS, ("word",)),
    (re.compile(r"(?P<word>\w+)\s+(?P<name>[A-Z][a-z]+)\s+$"),
     re.compile(r"\s+(?P<name>[a-z]+[A-Z])\s+(?P<word>\w+)"), ("word", "name")),
]

SENTENCES = [
    "Rapat dipimpin Irjen Krishna ",
    "Menteri Luar Negeri Ukraina Dmytro ",
    "dolar ",
    "harga dolar AS",
    "kurs yen \n",
    "Kata Budi\n",
    "",
    "   ",
    "Kapolda Metro Jaya Irjen Karyoto\u00a0",
    "akhir_kata Xy \n ",
]


def _random_texts(n: int = 3000) -> list[str]:
    rng = random.Random(13)
    return [''.join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 14))) for _ in range(n)]


@pytest.mark.parametrize("forward,backwards,groups", PAIRS)
def test_match_at_end_is_the_forward_search(forward, backwards, groups):
    for text in SENTENCES + _random_texts():
        want, got = forward.search(text), match_at_end(backwards, text)
        assert (want is None) == (got is None), repr(text)
        if want:
            for g in groups:
                assert (got.group(g), got.start(g), got.end(g)) == (want.group(g), want.start(g), want.end(g)), repr(text)


def test_apart_spans_are_what_drop_inside_keeps():
    rng = random.Random(5)
    for _ in range(3000):
        spans = []
        for _ in range(rng.randrange(0, 6)):
            a = rng.randrange(0, 12)
            spans.append((a, a + rng.randrange(0, 4), "PER", "r"))
        if rng.random() < 0.5:
            spans.sort()
        if _apart(spans):
            assert drop_inside(spans, spans) == spans, spans
    model = [(0, 5, "PER", "r"), (5, 9, "LOC", "r"), (12, 20, "ORG", "r")]
    assert _apart(model) and drop_inside(model, model) == model
    assert not _apart([(0, 9, "ORG", "r"), (5, 9, "LOC", "r")])


def test_opening_places_are_the_tokens_that_open_a_phrase():
    import numpy as np

    rng = random.Random(7)
    big = 2 ** 64 - 1  # (ORTH ids are 64-bit hashes, the largest ones too)
    ids = [0, 3, 5, 8, 9, big - 1, big, 2 ** 63]
    for firsts in ([3, 5, big], [0, 2 ** 63], [], [big - 1]):
        for _ in range(500):
            orths = [rng.choice(ids) for _ in range(rng.randrange(0, 15))]
            got = _opening_places(np.array(orths, dtype=np.uint64), np.array(sorted(firsts), dtype=np.uint64))
            assert got == [i for i, x in enumerate(orths) if x in set(firsts)], (orths, firsts)


def test_any_org_cue_finds_a_cue_where_one_is_written():
    cues = rules()["org_cues"]
    texts = ["kata juru bicara partai", "ia bertemu", "", "media asing", "PARTAI"] + [f"x {c}" for c in cues]
    for text in texts + _random_texts(500):
        assert (_any_org_cue().search(text) is not None) == any(c in text for c in cues), text


NEWS = [
    "Badan Pengawas Pemilihan Umum (Bawaslu) dan Komisi Pemilihan Umum (KPU) bertemu.",
    "Konvensi PBB tentang Hukum Laut (UNCLOS) berlaku. Ia (Budi) diam.",
    "Banjir melanda Laut China Selatan dan Kabupaten Demak, lalu Jakarta-Bandung macet.",
    "Warga Semarang, Kudus, dan Pati mengungsi ke Jawa Tengah; Jakarta Selatan aman.",
    "Tidak ada kurung atau tempat di sini.",
]


@pytest.mark.parametrize("text", NEWS)
def test_bracket_runs_are_each_bracket_and_its_run(text):
    want = [(m.span(), _run_before(text, m.start())) for m in _BRACKETED.finditer(text)]
    assert [(m.span(), start) for m, start in _bracket_runs(text)] == want
    assert [(m.span(), start) for m, start in _bracket_runs(text)] == want  # (kept: the same again)


def test_an_offset_in_a_heading_is_inside_a_headings_range():
    """`_fix_bounds` asks `_in_heading` only for offsets inside some heading sentence's range: every offset it
    holds for is one, whether the sentences stand apart or overlap."""
    from itertools import chain

    text = "Banjir Demak\nBanjir melanda Demak. Warga mengungsi ke Kudus.\nSubjudul Lagi\nAkhir."
    layouts = [[(0, 12, "heading"), (13, 34, "body"), (35, 61, "body"), (62, 75, "heading"), (76, 82, "body")],
               [(0, 34, "body"), (13, 61, "heading"), (40, 75, "body"), (62, 82, "heading")],
               [(0, 34, "body"), (35, 82, "body")]]
    for layout in layouts:
        article = Article(text=text, sentences=[Sentence(start=a, end=b, kind=k) for a, b, k in layout])
        chars = frozenset(chain.from_iterable(range(a, b) for a, b, k in layout if k == "heading"))
        for i in range(len(text) + 1):
            if _in_heading(article, i):
                assert i in chars, (layout, i)


@pytest.mark.parametrize("text", NEWS)
def test_scan_matches_are_the_scan_patterns(text):
    from warta.annotate.entities.gazetteer import _scan_heads
    from warta.annotate.entities.index import TextIndex
    from warta.annotate.entities.outside import place_scan_regex

    want = [m.span() for m in place_scan_regex().finditer(text)]
    assert [m.span() for m in TextIndex(text).matches(place_scan_regex(), _scan_heads())] == want


def _votes_by_counter(text, spans):
    """The vote as it was written, with a Counter per name and its most_common()."""
    from collections import Counter, defaultdict

    votes = defaultdict(Counter)
    for s, e, label, _ in spans:
        votes[text[s:e]][label] += 1

    def best(s: int, e: int, label: str) -> str:
        top = votes[text[s:e]].most_common()
        if len(top) < 2:
            return label
        tie_org = top[0][1] == top[1][1] and text[s:e].isupper() and "ORG" in votes[text[s:e]]
        return "ORG" if tie_org else top[0][0]

    return [(s, e, best(s, e, label), rule if best(s, e, label) == label else rule + "+vote")
            for s, e, label, rule in spans]


def test_vote_is_the_counters_vote():
    from warta.annotate.entities.labels import _vote_labels

    text = "KPU dan Budi. KPU lagi. Budi pergi. Budi datang. KPU. Jawa Jawa"
    rng = random.Random(3)
    names = [(0, 3), (8, 12), (14, 17), (24, 28), (36, 40), (49, 52), (54, 58), (59, 63)]
    for _ in range(2000):
        spans = [(a, b, rng.choice(["PER", "ORG", "LOC"]), "m") for a, b in names if rng.random() < 0.8]
        assert _vote_labels(text, spans) == _votes_by_counter(text, spans), spans


NO_BRACKETS = [
    ("Presiden Joko Widodo bertemu Menteri Luar Negeri di Jakarta.", [(9, 20, "PER", "m"), (51, 58, "LOC", "m")]),
    ("Ia (32) tiba; Univ Atma Jaya libur.", [(19, 28, "ORG", "m")]),
]


@pytest.mark.parametrize("text,spans", NO_BRACKETS)
def test_passes_with_nothing_to_do_give_the_spans_sorted(text, spans):
    from warta.annotate.entities.names import _abbreviated_orgs, _long_names, _treaties
    from warta.annotate.entities.spanset import SpanList

    plain = sorted(SpanList(list(reversed(spans))).spans())
    assert _long_names(text, list(reversed(spans))) == plain
    assert _treaties(text, list(reversed(spans))) == plain
    if not list(rules()["org_abbreviated"].finditer(text)):
        assert _abbreviated_orgs(text, list(reversed(spans))) == plain


def _pieces_texts(pieces: list[str], n: int = 3000) -> list[str]:
    rng = random.Random(11)
    return [''.join(rng.choice(pieces) for _ in range(rng.randrange(0, 6))) for _ in range(n)]


def test_prechecks_are_what_the_patterns_need():
    """Each precheck is a condition every match of its pattern meets: without it, no match is tried."""
    from warta.annotate.entities.labels import _DOMAIN
    from warta.annotate.entities.names import _ship_prefix_before
    from warta.annotate.entities.split import _BRACKET, _SLASHED

    prefixes = sorted(rules()["ship_prefixes"])[:3]
    ship_texts = _pieces_texts(prefixes + [" ", "\n", "KM", "x", "-", "Kapal "])
    for tail in ship_texts:
        if _ship_prefix_before().search(tail):
            assert tail.endswith((" ", " \n")), repr(tail)
    for text in _pieces_texts(["detik", ".", "com", "co", "id", "-", " ", "x"]):
        if _DOMAIN.match(text):
            assert "." in text, text
    for text in _pieces_texts(["/", "DPR", "MPR", " ", "x", "AB"]):
        if _SLASHED.match(text):
            assert text.startswith("/"), text
    for text in _pieces_texts(["(", ")", "Bawaslu", " ", "Badan Pengawas", "x"]):
        if _BRACKET.match(text):
            assert "(" in text, text
    assert _ship_prefix_before().search(f"kapal {prefixes[0]} ") and _ship_prefix_before().search(f"kapal {prefixes[0]} \n")


def test_whole_text_precheck_is_what_the_pattern_needs():
    from warta.annotate.entities.names import _abbreviated_heads

    for text in _pieces_texts(["Univ", ".", " ", "PGRI", "Univ.", "Pamulang", "uni", "x"]):
        if list(rules()["org_abbreviated"].finditer(text)):
            assert any(h in text for h in _abbreviated_heads()), text
    assert list(rules()["org_abbreviated"].finditer("Ia kuliah di Univ. Pamulang sejak 2019."))
    assert list(rules()["initials_age"].finditer("Tersangka RS (34) ditangkap."))


CLUB_TEXTS = [
    "Persebaya kalah dari Bali United dan Madura United FC, lalu Manchester City menang.",
    "Pemain Arema FC dan Persija (Jakarta) Club berlatih; Unitedx tidak.",
    "Tidak ada klub di sini.",
]


def test_club_spaces_are_the_flat_patterns():
    from warta.annotate.entities.index import _space_before_club

    flat = "|".join(re.escape(c) for c in rules()["clubs"])
    for text in CLUB_TEXTS + _pieces_texts([" ", "United", "FC", "City", "x", "Club", "-"]):
        want = [m.start() for m in re.finditer(rf"[ ](?=(?:{flat})(?!\w))", text)]
        assert [m.start() for m in _space_before_club().finditer(text)] == want, repr(text)


AGES = ["Tersangka RS (34) dan AB (35 tahun) ditangkap; A (35) tidak.", "XABCD (12) lalu ABCD(1) dan AB\n (2)",
        "K.AB (3) U.S (4) (5) ABC(12/3)"]


def test_initials_age_matches_are_the_patterns():
    from warta.lang.id.name_rules import initials_age_matches

    for text in AGES + _pieces_texts(["RS", "ABCD", " ", "\n", "(", "34", ")", "tahun", "x", ".", "A"]):
        want = [(m.span(), m.groups()) for m in rules()["initials_age"].finditer(text)]
        assert [(m.span(), m.groups()) for m in initials_age_matches(text)] == want, repr(text)


INDEX_TEXTS = [
    "Kementerian Luar Negeri Iran dan eSwatini; KPU-KPUD di Jakarta. jakarta Jakartaku _Jakarta Ärzte ärzte 12 Jakarta",
    "Persebaya kalah. Persebaya menang lagi, persebaya diam; di dia dia-dia di_di",
    "",
]


def _plain_runs(text: str) -> dict[str, list[int]]:
    runs: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        runs.setdefault(m.group(), []).append(m.start())
    return runs


@pytest.mark.parametrize("text", INDEX_TEXTS)
def test_capital_index_answers_as_the_full_index(text):
    from warta.annotate.entities.index import TextIndex

    full = _plain_runs(text)
    words = sorted(full) + ["Absent", "absent", "Jak", "di_", "Ä"]
    index = TextIndex(text)
    assert index.capital_runs == {k: v for k, v in full.items() if k[:1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for w in words:
        if not w[:1].isupper() or not w[:1].isascii():
            assert TextIndex(text).run_starts_of_other(w) == full.get(w, []), w  # (the full index not built)
    for heads in [frozenset(words[:3]), frozenset(words), frozenset(w for w in words if w.islower()),
                  frozenset({"eSwatini", "Jakarta"}), frozenset()]:
        assert TextIndex(text).held(heads) == full.keys() & heads, heads
    assert all(index.run_starts(w) == full.get(w, ()) for w in words)
    assert index.runs == full
