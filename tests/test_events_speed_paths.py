"""The fast paths of the events component (issue 13, round 5) give what the plain computations give, on
sentences written for these tests: the per-word trigger plans, the cached voices, the rules asked only where
their condition on the trigger holds (`when`), the index's own sentence look-up, and the token columns."""

from __future__ import annotations

import random

import pytest

from tests.events_eval import predict
from warta.annotate.events import context, lexicon, sentence, strategies, suppressors, triggers
from warta.annotate.events.index import ArticleIndex
from warta.annotate.events.lexicon import END, LOWER, START, TOKEN, Tok, table
from warta.lang.id import morph
from warta.record import Article, Sentence

SENTENCES = [
    "Rusia melancarkan serangan udara ke Kyiv pada Senin dini hari, kata juru bicara militer Ukraina.",
    "Kapal penjaga pantai China ditembak jatuh; kapal itu kemudian menembak jatuh drone Filipina.",
    "Menteri Luar Negeri Jepang bertemu Menteri Luar Negeri Korea Selatan dan menandatangani kesepakatan.",
    "Ribuan pengunjuk rasa berdemo di depan Kedutaan Besar Myanmar di Jakarta menuntut pembebasan tahanan.",
    "Polisi Malaysia menangkap 30 nelayan asing, terdiri atas 20 nelayan berkewarganegaraan Filipina.",
    "Korea Utara menguji rudal barunya. Pemerintah Jepang mengecam keras uji coba tersebut.",
    "Pemerintah Australia memberangkatkan 15 ton bantuan kemanusiaan untuk korban gempa di Turki.",
    "Iran tidak diundang ke KTT itu, dan Rusia meluncurkan rudal jelajah ke wilayah Ukraina.",
    "Myanmar menuduh Thailand melindungi pemberontak. Tuduhan itu dibantah Thailand pada Selasa.",
    "Lima tersangka diringkus polisi di Surabaya; mereka ditangkap saat mencuri kabel milik PLN.",
]


def _toks(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().casefold(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def test_trigger_plan_slots_follow_the_finders():
    assert [r.id for r in triggers.TRIGGERS] == sorted(triggers._PLAN_SLOT, key=triggers._PLAN_SLOT.get)


@pytest.mark.parametrize("text", SENTENCES)
def test_plans_and_finders_over_them_as_the_plain_finders(text):
    toks = _toks(text)
    for i, t in enumerate(toks):
        plan = triggers._plan(t.lower)
        assert (plan is not None) == triggers._word_may_open(t.lower)
        if plan is None:
            continue
        phrases, forms, roots = plan
        assert bool(phrases) == bool(triggers._phrases_opened_by(t.lower))
        for rule in triggers.TRIGGERS:
            got = rule.apply(toks, i)
            if not plan[triggers._PLAN_SLOT[rule.id]]:
                assert got is None  # a finder whose look-up is empty finds nothing: it is not asked
        plain = next((got for rule in triggers.TRIGGERS if (got := rule.apply(toks, i)) is not None), None)
        fast = triggers._first_match(toks, i, plan)
        assert (fast and (fast.first, fast.last, fast.voice, fast.rule)) == \
            (plain and (plain.first, plain.last, plain.voice, plain.rule))


def _plain_voice(tok: Tok, analysis, noun: bool) -> str:
    if analysis is not None:
        for row in table("voice_by_affix"):
            if analysis.prefix in row["prefix"] and analysis.suffix in row.get("suffix", (analysis.suffix,)):
                voice = row["voice"]
                return ("nominal" if noun else "active") if voice == "noun" else voice
        return "active"
    low = tok.lower
    if low.startswith(tuple(lexicon.words("passive_spellings"))) and not noun:
        return "passive"
    if low.startswith(tuple(lexicon.words("active_spellings"))):
        return "active"
    return "nominal"


@pytest.mark.parametrize("text", SENTENCES)
def test_cached_voices_as_computed(text):
    for tok in _toks(text):
        for noun in (False, True):
            assert triggers.voice_of(tok, None, noun) == _plain_voice(tok, None, noun)
            for a in morph.analyses(tok.lower):
                assert triggers.voice_of(tok, a, noun) == _plain_voice(tok, a, noun)


def _events(text: str) -> list[tuple]:
    return [(e.type, e.cameo, e.source_country, e.target_country, e.trigger, e.rule) for e in predict(text)]


def test_rules_asked_only_where_their_condition_holds_change_nothing(monkeypatch):
    """Every context rule and strategy asked (the plain loop) codes what the gated loop codes."""
    texts = SENTENCES + [rule.example for rule in context.CONTEXT + strategies.STRATEGIES]
    fast = [_events(t) for t in texts]
    monkeypatch.setattr(context, "gated", lambda rules, m: tuple(range(len(rules))))
    monkeypatch.setattr(sentence, "gated", lambda rules, m: tuple(range(len(rules))))
    assert [_events(t) for t in texts] == fast
    assert any(fast)


def test_gated_memo_is_the_condition():
    """The rules kept for a trigger (remembered by its entry's fields and voice) are those whose `when` holds,
    for every entry of the trigger lexicon and every voice."""
    entries = triggers.trigger_tables()[0]
    for rules in (context.CONTEXT, strategies.STRATEGIES):
        for entry in [e for es in entries.values() for e in es]:
            for voice in ("active", "passive", "nominal"):
                m = lexicon.Match(entry, 0, 1, voice, "test")
                kept = lexicon.gated(rules, m)
                assert kept == tuple(k for k, r in enumerate(rules) if r.when is None or r.when(entry, voice))


def test_index_sentence_lookup_as_the_articles():
    rng = random.Random(5)
    text = " ".join(SENTENCES)
    starts = [text.index(s) for s in SENTENCES]
    apart = Article(id="a", text=text, sentences=[Sentence(start=a, end=a + len(s)) for a, s in zip(starts, SENTENCES)])
    # sentences out of order and overlapping: the index asks the article
    tangled = Article(id="b", text=text, sentences=[Sentence(start=40, end=300), Sentence(start=0, end=120),
                                                     Sentence(start=250, end=len(text))])
    for article in (apart, tangled):
        ix = ArticleIndex(article)
        for offset in [rng.randrange(-5, len(text) + 5) for _ in range(300)] + starts:
            assert ix.sentence_at(offset) == article.sentence_at(offset)


@pytest.mark.parametrize("text", SENTENCES)
def test_token_columns_as_the_loops(text):
    toks = _toks(text)
    assert list(map(LOWER, toks)) == [t.lower for t in toks]
    assert list(map(START, toks)) == [t.start for t in toks]
    assert list(map(END, toks)) == [t.end for t in toks]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_tokens_by_columns_as_by_the_loop(text):
    article = Article(id="t", text="Judul.\n" + text, sentences=[Sentence(start=7, end=7 + len(text))])
    want = [Tok(m.group(), m.group().casefold(), m.start(), m.end())
            for m in TOKEN.finditer(article.text, 7, 7 + len(text))]
    assert triggers.sentence_tokens(article, 0) == want


@pytest.mark.parametrize("text", SENTENCES + ["Perang Korea Dimulai Pada Tahun Itu", "A b", "12 % «» PBB DAN AS"])
def test_title_case_by_columns_as_the_loop(text):
    toks = _toks(text)
    alpha = [t.text for t in toks if t.text[:1].isalpha()]
    plain = len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) / len(alpha) > 0.6
    assert suppressors.is_title_case(toks) == plain


SET_NAMES = ["anaphors", "claim_nouns", "foreign_markers", "foreign_words", "hit_markers", "hit_void", "complementisers",
             "embedding_stops", "target_markers", "object_gap_stops", "subject_breaks", "reporter_cues", "coordinators",
             "reporting_forms", "negators", "hedges", "future", "sports_words", "vessel_words"]


@pytest.mark.parametrize("name", SET_NAMES)
def test_word_set_tests_at_once_as_word_by_word(name):
    """`not S.isdisjoint(window)` (the rules' form now) is `any(w in S for w in window)` on every window of
    the test sentences."""
    found = lexicon.words(name)
    for text in SENTENCES + [" ".join(sorted(found))]:
        lows = [t.lower for t in _toks(text)]
        for a in range(len(lows)):
            for b in (a + 1, a + 3, a + 8):
                window = lows[a:b]
                assert (not found.isdisjoint(window)) == any(w in found for w in window)
