"""Stage 1, triggers: the words and phrases of `event_triggers.yaml` found in a sentence's tokens, with
the voice (active, passive, nominal) that decides where the arguments stand."""

from __future__ import annotations

import functools
import re
from itertools import compress

from warta.lang.id import morph
from warta.annotate.events.lexicon import (LOWER, TOKEN, Match, Rule, Tok, known_roots, ordered, table, trigger_tables,
                                          words)
from warta.record import Article


#: scratch key of the sentences' tokens while the events component runs (read, never changed, by its rules)
TOKENS = "events_tokens"


def sentence_tokens(article: Article, s_index: int) -> list[Tok]:
    memo = article.scratch.get(TOKENS)
    if memo is not None and s_index in memo:
        return memo[s_index]
    sent = article.sentences[s_index]
    # (TOKEN has no anchor or look-behind: searching the text between the offsets finds what the slice would)
    ms = list(TOKEN.finditer(article.text, sent.start, sent.end))
    ws = list(map(re.Match.group, ms))  # (the columns read by `map`: no Python-level loop per token)
    toks = list(map(Tok, ws, map(str.casefold, ws), map(re.Match.start, ms), map(re.Match.end, ms)))
    if memo is not None:
        memo[s_index] = toks
    return toks


def voice_of(tok: Tok, analysis: morph.Analysis | None, noun: bool) -> str:
    """Voice from the analysis (`voice_by_affix`), else from the spelling of the word."""
    if analysis is not None:
        return _affix_voice(analysis.prefix, analysis.suffix, noun)
    return _spelled_voice(tok.lower, noun)


@functools.lru_cache(maxsize=4096)
def _affix_voice(prefix: str, suffix: str, noun: bool) -> str:
    """The voice `voice_by_affix` gives an analysis with these affixes (the same for every word so made)."""
    for row in table("voice_by_affix"):
        if prefix in row["prefix"] and suffix in row.get("suffix", (suffix,)):
            voice = row["voice"]
            return ("nominal" if noun else "active") if voice == "noun" else voice
    return "active"


@functools.lru_cache(maxsize=65536)
def _spelled_voice(low: str, noun: bool) -> str:
    """The voice the spelling of the word `low` gives (once per word form)."""
    if low.startswith(_spellings("passive_spellings")) and not noun:
        return "passive"
    if low.startswith(_spellings("active_spellings")):
        return "active"
    return "nominal"


@functools.cache
def _spellings(name: str) -> tuple[str, ...]:
    """A word list of event_triggers.yaml as the tuple `str.startswith` takes."""
    return tuple(words(name))


def _words_match(toks: list[Tok], i: int, rootsets: list[frozenset[str]], ws: list[str]) -> bool:
    """Whether the tokens from `i` on are the phrase's words `ws` (whose roots are `rootsets`)."""
    for j, word in enumerate(ws):
        low = toks[i + j].lower
        if low != word and not _form_matches(low, rootsets[j], word):
            return False
    return True


@functools.lru_cache(maxsize=65536)
def _form_matches(low: str, rootset: frozenset[str], word: str) -> bool:
    """Whether the word form `low` is the phrase's word `word` (whose roots are `rootset`): the same for every
    occurrence of the form, so decided once per form."""
    if low == word:
        return True
    if word.endswith("*"):
        return low.startswith(word[:-1])
    if "-" in word:  # `tembak-menembak` is its own word: `menembakkan` is no exchange of fire
        return False
    shared = (morph.roots(low) | {low}) & rootset
    # short shared roots only count when they are real roots (temu, beri, laku), never
    # stripping debris such as `rang` shared by serangan and perang
    return any(len(r) >= 5 or r == word or r in known_roots() for r in shared)


def phrase_match(toks: list[Tok], i: int) -> Match | None:
    """The longest phrase starting at token `i`; of equal ones, the one spelled most like the text
    (`menyepakati gencatan senjata` over `kesepakatan gencatan senjata`), then the first in the lexicon.
    (Never the order of a set: the rule name must not depend on the hash seed.)"""
    return _phrase_among(toks, i, _phrases_opened_by(toks[i].lower))


def _phrase_among(toks: list[Tok], i: int, phrases: tuple) -> Match | None:
    """`phrase_match` over the phrases its first word opens (`_phrases_opened_by`, looked up by the caller)."""
    tok = toks[i]
    best, best_key = None, None
    for entry, rootsets, ws in phrases:
        n = len(ws)
        if i + n > len(toks):
            continue
        if not _words_match(toks, i, rootsets, ws):
            continue
        if "modal" in entry and not any(t.lower in entry["modal"] for t in toks[max(0, i - 2):i]):
            continue
        key = (-n, -sum(toks[i + j].lower == ws[j] for j in range(n)), entry["n"])
        if best_key is None or key < best_key:
            voice = entry.get("voice") or voice_of(tok, None, True)
            if not entry.get("voice") and ws[0].startswith(_spellings("phrase_active_spellings")) and \
                    tok.lower.startswith(_spellings("passive_spellings")):
                voice = "passive"  # `ditembak jatuh` matched by `menembak jatuh`
            best, best_key = Match(entry, i, i + n, voice, f"phrase:{entry['p']}"), key
    return best


@functools.lru_cache(maxsize=65536)
def _phrases_opened_by(low: str) -> tuple:
    """The phrases whose first word `low` may be (by any of its roots), each once, in lexicon order: the same
    for every occurrence of the word, so looked up once per word form."""
    phrases = trigger_tables()[2]
    found = {entry["n"]: (entry, rootsets, ws)
             for r in morph.roots(low) | {low} for entry, rootsets, ws in phrases.get(r, ())}
    return tuple(found[n] for n in sorted(found))


@functools.lru_cache(maxsize=65536)
def _bare(low: str) -> str:
    """The word without a clitic (`serangannya` → `serangan`)."""
    return next((low[:-len(c)] for c in sorted(words("trigger_clitics")) if low.endswith(c)), low)


def form_match(toks: list[Tok], i: int) -> Match | None:
    """An exact word form (`f:`), also with `-nya`; void before a `block` word."""
    return _form_among(toks, i, _forms_of(toks[i].lower))


@functools.lru_cache(maxsize=65536)
def _forms_of(low: str) -> tuple[dict, ...]:
    """The form entries of the word `low`, as itself and without its clitic, in that order (once per word)."""
    forms = trigger_tables()[1]
    return tuple(forms.get(low, []) + forms.get(_bare(low), []))


def _form_among(toks: list[Tok], i: int, entries: tuple[dict, ...]) -> Match | None:
    """`form_match` over the form entries of the word at `i` (`_forms_of`, looked up by the caller)."""
    low = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    for entry in entries:
        if nxt in entry.get("block", ()) or not _needed(entry, toks, i):
            continue
        return Match(entry, i, i + 1, voice_of(toks[i], None, entry.get("noun", False)), f"form:{low}")
    return None


def _root_allowed(entry: dict, a: morph.Analysis, toks: list[Tok], i: int) -> bool:
    """The conditions a root entry puts on the word (`pre`, `suf`, `ex`, `block`, `after_ex`, `need`)."""
    low = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    bare = _bare(low)
    if "pre" in entry and a.prefix not in entry["pre"]:
        return False
    if "suf" in entry and a.suffix not in entry["suf"]:
        return False
    ex = entry.get("ex", ())
    if low in ex or bare in ex or " ".join((low, nxt)) in ex:
        return False
    if nxt in entry.get("block", ()):
        return False
    if i > 0 and toks[i - 1].lower in entry.get("after_ex", ()) and a.prefix == "":
        return False  # `alat tangkap`: the bare root as a modifier of the word before
    if i > 0 and toks[i - 1].lower in entry.get("after_void", ()):
        return False  # `kota yang dikuasai pemberontak`: a state, not the act
    return _needed(entry, toks, i) and not _void_near(entry, toks, i)


def _needed(entry: dict, toks: list[Tok], i: int) -> bool:
    """`need`: one of the entry's roots stands within the seven words after the trigger (luncur + rudal)."""
    if "need" not in entry:
        return True
    need = set(entry["need"])
    return any(morph.roots(t.lower) & need for t in toks[i + 1:i + 8])


def _void_near(entry: dict, toks: list[Tok], i: int) -> bool:
    """`void_near`: one of these words (or their roots) within the six after the trigger makes it no event
    (`perang berdarahnya melawan narkoba`, `mengerahkan 120 personel gabungan untuk mengevakuasi warga`)."""
    void = entry.get("void_near")
    if not void:
        return False
    void = set(void)
    return any(t.lower in void or morph.roots(t.lower) & void for t in toks[i + 1:i + 7])


def root_match(toks: list[Tok], i: int) -> Match | None:
    """A root (`r:`) in any affixed form the analyser gives."""
    return _root_among(toks, i, _root_entries(toks[i].lower))


@functools.lru_cache(maxsize=65536)
def _root_entries(low: str) -> tuple[tuple[dict, morph.Analysis], ...]:
    """(root entry, analysis) for each analysis of the word `low` whose root has entries, in the order
    `root_match` tries them (once per word)."""
    roots = trigger_tables()[0]
    return tuple((entry, a) for a in morph.analyses(low) for entry in roots.get(a.root, ()))


def _root_among(toks: list[Tok], i: int, pairs: tuple[tuple[dict, morph.Analysis], ...]) -> Match | None:
    """`root_match` over the root entries of the word at `i` (`_root_entries`, looked up by the caller)."""
    for entry, a in pairs:
        if _root_allowed(entry, a, toks, i):
            return Match(entry, i, i + 1, voice_of(toks[i], a, entry.get("noun", False)), f"root:{entry['r']}")
    return None


#: the trigger finders, tried in this order at each token; the first that matches wins
TRIGGERS = ordered([
    Rule("phrase", phrase_match, "Rusia melancarkan serangan udara ke Kyiv.", 0),
    Rule("form", form_match, "Turki memperingatkan Swedia soal demonstrasi pembakaran Al-Quran.", 1),
    Rule("root", root_match, "Israel menyerang Gaza.", 2),
])


def _may_open(low: str) -> bool:
    """Whether some trigger (phrase, form or root) is listed for the word `low`: most words have none, and
    then no finder needs to look at their context."""
    roots, forms, _ = trigger_tables()
    return bool(_phrases_opened_by(low) or forms.get(low) or forms.get(_bare(low))
                or any(a.root in roots for a in morph.analyses(low)))


@functools.lru_cache(maxsize=65536)
def _word_may_open(low: str) -> bool:
    """A word (not punctuation) for which some trigger is listed: one look-up per token."""
    return low[0].isalnum() and _may_open(low)


@functools.lru_cache(maxsize=65536)
def _plan(low: str) -> tuple[tuple, tuple, tuple] | None:
    """What the finders of TRIGGERS would look up for the word `low` (its phrases, form entries and root
    entries), or None where it opens no trigger (as `_word_may_open` says): once per word form, not per token."""
    plan = _phrases_opened_by(low), _forms_of(low), _root_entries(low)
    return plan if low[:1].isalnum() and any(plan) else None


#: which look-up of `_plan` each finder of TRIGGERS reads
_PLAN_SLOT = {"phrase": 0, "form": 1, "root": 2}


def _first_match(toks: list[Tok], i: int, plan: tuple[tuple, tuple, tuple]) -> Match | None:
    """`next(rule.apply(toks, i) for rule in TRIGGERS …)` without asking a finder whose look-up for the word
    is empty (it would find nothing).  Each finder is asked through its rule (`rule.apply`), so that the rules
    stay data a test or a caller can replace."""
    for rule in TRIGGERS:
        if plan[_PLAN_SLOT[rule.id]]:
            got = rule.apply(toks, i)
            if got is not None:
                return got
    return None


def find_triggers(toks: list[Tok]) -> list[Match]:
    out: list[Match] = []
    last = 0  # the first token after the last trigger found
    plans = list(map(_plan, map(LOWER, toks)))  # (a plan is a non-empty tuple, or None)
    for i in compress(range(len(toks)), plans):
        if i < last:
            continue
        m = _first_match(toks, i, plans[i])
        if m is None:
            continue
        if m.voice in ("active", "nominal") and i > 0 and toks[i - 1].lower in words("victim_words"):
            m.voice = "passive"  # `mengalami luka tembak`, `terkena tembakan`: the subject is the victim
        out.append(m)
        last = m.last
    return out
