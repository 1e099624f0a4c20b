"""The data the event rules read: triggers, CAMEO codes and grammar words (`lexicons/event_triggers.yaml`,
`lexicons/cameo.yaml`), and the small records the stages pass along."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Callable

from warta import lexicons
from warta.lang.id import morph
from warta.record import Article
from warta.knowledge import cache

TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)
#: a run of capitalised words (a title between a country and a name: `Rusia Vladimir`)
TITLE_WORD = re.compile(r"^(?:\s*[A-Z][\w.'-]*)*\s*$")

#: types a sports sentence never carries (a match is no meeting, attack or show of force)
SPORT_VOID = frozenset({"CONSULT", "ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "RETREAT"})
#: types that may stand with a source only
SOURCE_ONLY = frozenset({"MOBILIZE", "ASSAULT", "PROTEST", "REJECT", "RETREAT", "CONCEDE"})
#: verbal triggers of these types take a complement clause whose own triggers are its content
EMBEDDING = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"})
#: speech-act types whose target may sit inside the complement (`menuduh bahwa Rusia …`)
SPEECH = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE"})
#: types whose target needs an explicit marker (`ke`, `terhadap` …); otherwise a later name is a place or witness
MARKED_TARGET_ONLY = frozenset({"MOBILIZE", "PROTEST"})
#: types for which `dari X` names the other party
FROM_TARGET_TYPES = frozenset({"REQUEST", "RETREAT", "SANCTION", "AID", "AGREE"})
#: places named after a country without being it (`Laut China Selatan`, `Semenanjung Korea`)
GEOGRAPHIC_KINDS = frozenset({"sea", "ocean", "water", "strait", "lake", "island", "mountain", "region",
                              "continent"})
NON_PLACE_KINDS = frozenset({"sea", "ocean", "water", "region", "continent", "landmark", "facility"})
#: types whose object may be an earlier event named by an anaphor (`mengecam peluncuran tersebut`)
ANAPHORIC = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN"})
#: conflictual types a denunciation is most likely about
CONDEMNABLE = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST", "REJECT"})
#: home countries whose people the news names without a country
HOME_DEFAULT = frozenset({"IDN"})


@dataclass(frozen=True)
class Rule:
    """A named rule of one stage: `apply` does the work; `example` is a sentence it fires on (tested)."""

    id: str
    apply: Callable[..., Any]
    example: str = ""
    priority: int = 0
    #: a condition on the trigger (its lexicon entry and its voice) without which the rule does
    #: nothing: where it is false the rule is not asked (`gated`)
    when: Callable[[dict, str], bool] | None = None


_GATED: dict[tuple, tuple[dict, tuple[int, ...]]] = {}


def gated(rules: list[Rule], m: "Match") -> tuple[int, ...]:
    """The positions in `rules` of the rules whose `when` holds for the trigger `m` (all without one), in
    order; found once per list, entry and voice (the lexicon's entries are never changed once built; the
    entry is kept with the answer, so that its id names no other dict meanwhile)."""
    entry = m.entry
    key = (id(rules), id(entry), m.voice)
    got = _GATED.get(key)
    if got is None or got[0] is not entry:
        got = _GATED[key] = (entry, tuple(k for k, r in enumerate(rules) if r.when is None or r.when(entry, m.voice)))
    return got[1]


def ordered(rules: list[Rule]) -> list[Rule]:
    """A stage's rules in the order they run (priority, then as listed)."""
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)), f"duplicate rule ids: {ids}"
    return sorted(rules, key=lambda r: r.priority)


@dataclass(slots=True)
class Tok:
    text: str
    lower: str
    start: int
    end: int


#: a token's fields as C-level getters: `list(map(LOWER, toks))` reads a column without a Python loop
TEXT, LOWER, START, END = attrgetter("text"), attrgetter("lower"), attrgetter("start"), attrgetter("end")


@dataclass
class Participant:
    start: int
    end: int
    text: str
    country: str | None
    actor: str | None
    first_tok: int = 0
    last_tok: int = 0
    generic: str = ""  # the generic word (`polisi`, `pengunjuk rasa`) for actors named without a name


@dataclass
class Match:
    entry: dict
    first: int  # token indices, inclusive/exclusive
    last: int
    voice: str  # active, passive, nominal
    rule: str
    suppressed: bool = False
    extra: dict = field(default_factory=dict)


@dataclass
class Args:
    sources: list[Participant]
    targets: list[Participant]
    pattern: str


@dataclass
class Ctx:
    """One sentence as the rules see it: its tokens (and their lower forms), participants, and the
    positions of reporting words."""

    article: Article
    s_index: int
    toks: list[Tok]
    parts: list[Participant]
    report_positions: list[int]
    lows: list[str] = field(init=False)

    def __post_init__(self):
        self.lows = list(map(LOWER, self.toks))


@functools.cache
def cameo_table() -> dict[str, dict]:
    return {str(k): v for k, v in lexicons.load("cameo").items()}


@cache.table("events-triggers")  # kept in the user cache (warta.knowledge.cache)
def trigger_tables():
    """(roots, exact forms, phrases by the roots of their first word), from event_triggers.yaml; every
    entry carries its position in the file (`n`), which breaks ties between equal matches."""
    data = lexicons.load("event_triggers")
    roots: dict[str, list[dict]] = {}
    forms: dict[str, list[dict]] = {}
    phrases: dict[str, list[tuple[dict, list[frozenset[str]], list[str]]]] = {}
    for n, entry in enumerate(data["triggers"]):
        entry = dict(entry, n=n)
        entry["c"] = str(entry["c"])
        entry.setdefault("type", cameo_table()[entry["c"]]["plover"])
        if "r" in entry:
            roots.setdefault(entry["r"].casefold(), []).append(entry)
        elif "f" in entry:
            for f in entry["f"]:
                forms.setdefault(f.casefold(), []).append(entry)
        elif "p" in entry:
            ws = entry["p"].casefold().split()
            # `harganya*`: a word that starts so (harganya, harganyalah), never the bare root (harga)
            rootsets = [frozenset({w}) if w.endswith("*") else morph.roots(w) | {w} for w in ws]
            assert not ws[0].endswith("*"), f"a phrase cannot open with a prefix word: {entry['p']}"
            for r in rootsets[0]:
                phrases.setdefault(r, []).append((entry, rootsets, ws))
    return roots, forms, phrases


@functools.cache
def _sets() -> dict[str, frozenset[str]]:
    data = lexicons.load("event_triggers")
    return {k: frozenset(v) for k, v in data.items()
            if k != "triggers" and isinstance(v, list) and all(isinstance(x, str) for x in v)}


@functools.cache  # (asked for in every loop of the rules: one look-up, not two calls)
def words(name: str) -> frozenset[str]:
    """A word list of event_triggers.yaml."""
    return _sets()[name]


def table(name: str) -> Any:
    """Any other entry of event_triggers.yaml (`labels`, `voice_by_affix`)."""
    return lexicons.load("event_triggers")[name]


def label(role: str) -> str:
    """The text of an implied side (`warga`, `pemerintah`)."""
    return table("labels")[role]


@functools.cache
def known_roots() -> frozenset[str]:
    return frozenset(trigger_tables()[0]) | words("light_verbs") | words("reporting")
