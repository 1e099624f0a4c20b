"""Events: who did what to whom, coded in PLOVER and CAMEO from Indonesian sentences.

For every sentence the component finds trigger words from
`lexicons/event_triggers.yaml` (roots matched through every affix form by
`warta.annotate.morph`, exact forms, and multi-word phrases), decides the voice
of the trigger (active verb, passive di-/ter- verb, or nominalisation) and
takes its arguments from the sentence around it:

* active      `Israel menyerang Gaza`          source before, target after
* passive     `Gaza diserang (oleh) Israel`    target before, source after
* comitative  `Kim bertemu dengan Putin`, `Kim dan Putin bertemu`
* nominal     `serangan Israel ke Gaza`, `kunjungan Shoigu ke Pyongyang`,
              `pertemuan antara X dan Y`; after a light verb (`melakukan
              kunjungan`, `menjatuhkan sanksi`) the light verb's subject is the source
* reported    `X mengatakan bahwa Y akan …` → the inner event, modality `reported`
              (or `future`/`hypothetical` where marked); the saying is not an event.

Participants are the sentence's entities and actor mentions; their country
comes from `mention_country()` (the actor layer where present, else the
country gazetteer, capitals, and titles such as `Presiden Rusia X`).
Dates and places come from the sentence's own Date/Place items when those
layers ran, else from the article's reference date and dateline.

Precision first: a dyadic event needs both a source and a target country; an
event with only a source is kept for types that have no target by nature
(MOBILIZE, ASSAULT, PROTEST, REJECT, RETREAT, CONCEDE).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from warta import lexicons
from warta.annotate import morph
from warta.knowledge import countries
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Event

TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)

#: types a sports sentence never carries (a match is no meeting, attack or show of force)
SPORT_VOID = frozenset({"CONSULT", "ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "RETREAT"})
#: types that may stand with a source only
SOURCE_ONLY = frozenset({"MOBILIZE", "ASSAULT", "PROTEST", "REJECT", "RETREAT", "CONCEDE"})
#: verbal triggers of these types take a complement clause whose own triggers are its content
EMBEDDING = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"})
#: speech-act types whose target may sit inside the complement (`menuduh bahwa Rusia …`)
SPEECH = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE"})

TARGET_MARKERS = frozenset({"ke", "kepada", "terhadap", "atas", "dengan", "melawan", "antara", "untuk", "bagi",
                            "pada", "kpd", "bersama", "lawan"})
#: types whose target needs an explicit marker (`ke`, `terhadap` …); otherwise a later name is a place or witness
MARKED_TARGET_ONLY = frozenset({"MOBILIZE", "PROTEST"})
STRONG_MARKERS = frozenset({"ke", "kepada", "terhadap", "atas", "melawan", "lawan"})
PLACE_MARKERS = frozenset({"di", "dari", "dalam", "sekitar", "menuju", "depan"})
FROM_TARGET_TYPES = frozenset({"REQUEST", "RETREAT", "SANCTION", "AID", "AGREE"})  # `dari X` names the other party
COORD = frozenset({"dan", "serta", ",", "&"})
PASSIVE_AGENT = frozenset({"oleh"})
OBJECT_LINKS = frozenset({"“", "”", '"', "untuk", "atas", "terhadap", "bagi", "penuh", "tanpa", "syarat", "dan"})
#: places named after a country without being it (`Laut China Selatan`, `Semenanjung Korea`)
GEOGRAPHIC_KINDS = frozenset({"sea", "ocean", "water", "strait", "lake", "island", "mountain", "region",
                              "continent"})
NON_PLACE_KINDS = frozenset({"sea", "ocean", "water", "region", "continent", "landmark", "facility"})


@dataclass
class Tok:
    text: str
    lower: str
    start: int
    end: int


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


# ---------------------------------------------------------------------------- lexicon
@functools.cache
def cameo_table() -> dict[str, dict]:
    return {str(k): v for k, v in lexicons.load("cameo").items()}


@functools.cache
def _lexicon():
    data = lexicons.load("event_triggers")
    roots: dict[str, list[dict]] = {}
    forms: dict[str, list[dict]] = {}
    phrases: dict[str, list[tuple[dict, list[frozenset[str]], list[str]]]] = {}
    for entry in data["triggers"]:
        entry = dict(entry)
        entry["c"] = str(entry["c"])
        info = cameo_table()[entry["c"]]
        entry.setdefault("type", info["plover"])
        if "r" in entry:
            roots.setdefault(entry["r"].casefold(), []).append(entry)
        elif "f" in entry:
            for f in entry["f"]:
                forms.setdefault(f.casefold(), []).append(entry)
        elif "p" in entry:
            words = entry["p"].casefold().split()
            # `harganya*`: a word that starts so (harganya, harganyalah), never the bare root (harga)
            rootsets = [frozenset({w}) if w.endswith("*") else morph.roots(w) | {w} for w in words]
            assert not words[0].endswith("*"), f"a phrase cannot open with a prefix word: {entry['p']}"

            for r in rootsets[0]:
                phrases.setdefault(r, []).append((entry, rootsets, words))
    sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list) and k != "triggers"}
    return roots, forms, phrases, sets


def words(name: str) -> frozenset[str]:
    return _lexicon()[3][name]


def _word_matches(tok: Tok, rootset: frozenset[str], word: str) -> bool:
    if tok.lower == word:
        return True
    if word.endswith("*"):
        return tok.lower.startswith(word[:-1])
    if "-" in word:  # `tembak-menembak` is its own word: `menembakkan` is no exchange of fire
        return False
    shared = (morph.roots(tok.lower) | {tok.lower}) & rootset
    # short shared roots only count when they are real roots (temu, beri, laku), never
    # stripping debris such as `rang` shared by serangan and perang
    return any(len(r) >= 5 or r == word or r in _known_roots() for r in shared)


@functools.cache
def _known_roots() -> frozenset[str]:
    roots, _f, _p, sets = _lexicon()
    return frozenset(roots) | sets["light_verbs"] | sets["reporting"]


def _voice_of(tok: Tok, analysis: morph.Analysis | None, noun: bool) -> str:
    low = tok.lower
    if analysis is not None:
        p, s = analysis.prefix, analysis.suffix
        if p == "di":
            return "passive"
        if p == "ter" and s in ("", "kan", "i"):
            return "passive"
        if p in ("meN", "ber"):
            return "active"
        if p in ("peN", "per", "ke") and s == "an" or (p == "" and s == "an") or p == "peN":
            return "nominal"
        if p == "per":
            return "active"
        if p == "" and s == "":
            return "nominal" if noun else "active"
        return "active"
    if low.startswith("di") and not noun:
        return "passive"
    if low.startswith(("me", "ber", "be")):
        return "active"
    if low.endswith("an") or low.startswith(("pe", "ke")):
        return "nominal"
    return "nominal"


def _root_match(toks: list[Tok], i: int) -> Match | None:
    roots, forms, _phr, _sets = _lexicon()
    tok = toks[i]
    low = tok.lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    bare = low[:-3] if low.endswith("nya") else low
    for entry in forms.get(low, []) + forms.get(bare, []):
        if nxt in entry.get("block", ()):
            continue
        return Match(entry, i, i + 1, _voice_of(tok, None, entry.get("noun", False)), f"form:{low}")
    for a in morph.analyses(low):
        for entry in roots.get(a.root, ()):
            if "pre" in entry and a.prefix not in entry["pre"]:
                continue
            if "suf" in entry and a.suffix not in entry["suf"]:
                continue
            if low in entry.get("ex", ()) or bare in entry.get("ex", ()):
                continue
            if " ".join((low, nxt)) in entry.get("ex", ()):
                continue
            if nxt in entry.get("block", ()):
                continue
            if i > 0 and toks[i - 1].lower in entry.get("after_ex", ()) and a.prefix == "":
                continue  # `alat tangkap`: the bare root as a modifier of the word before
            if "need" in entry:
                window = toks[i + 1:i + 8]
                if not any(morph.roots(t.lower) & set(entry["need"]) for t in window):
                    continue
            return Match(entry, i, i + 1, _voice_of(tok, a, entry.get("noun", False)), f"root:{entry['r']}")
    return None


def _phrase_match(toks: list[Tok], i: int) -> Match | None:
    _roots, _forms, phrases, _sets = _lexicon()
    tok = toks[i]
    best = None
    seen: set[int] = set()
    for r in morph.roots(tok.lower) | {tok.lower}:
        for entry, rootsets, ws in phrases.get(r, ()):
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            n = len(ws)
            if i + n > len(toks):
                continue
            if not all(_word_matches(toks[i + j], rootsets[j], ws[j]) for j in range(n)):
                continue
            if "modal" in entry and not any(t.lower in entry["modal"] for t in toks[max(0, i - 2):i]):
                continue
            if best is None or n > best.last - best.first:
                voice = entry.get("voice") or _voice_of(tok, None, True)
                if not entry.get("voice") and ws[0].startswith("me") and tok.lower.startswith("di"):
                    voice = "passive"  # `ditembak jatuh` matched by `menembak jatuh`
                best = Match(entry, i, i + n, voice, f"phrase:{entry['p']}")
    return best


def find_triggers(toks: list[Tok]) -> list[Match]:
    out: list[Match] = []
    i = 0
    while i < len(toks):
        if not toks[i].lower[0].isalnum():
            i += 1
            continue
        m = _phrase_match(toks, i) or _root_match(toks, i)
        if m is None:
            i += 1
            continue
        # a longer phrase starting at the next word wins over a single-word trigger here
        if m.last - m.first == 1 and i + 1 < len(toks):
            nxt = _phrase_match(toks, i + 1)
            if nxt is not None and nxt.last - nxt.first >= 2 and m.rule.startswith("root"):
                # light verb + phrase: keep the phrase, it will look left for its subject
                pass
        if m.voice in ("active", "nominal") and i > 0 and toks[i - 1].lower in words("victim_words"):
            m.voice = "passive"  # `mengalami luka tembak`, `terkena tembakan`: the subject is the victim
        out.append(m)
        i = m.last
    return out


# ---------------------------------------------------------------------------- countries of mentions
TITLE_WORD = re.compile(r"^(?:\s*[A-Z][\w.'-]*)*\s*$")


def _names_cache(article: Article) -> dict[str, str]:
    return article.scratch.setdefault("events_name_country", {})


def mention_country(article: Article, start: int, end: int) -> str | None:
    """Country (ISO alpha-3) of the mention at [start, end).

    The actor layer decides where it ran (Entity.actor → Actor.country, or an
    actor whose mentions include the span); otherwise the country gazetteer
    and capitals on the mention text, then a title heuristic (`Presiden Rusia
    Vladimir Putin` → RUS for `Vladimir Putin`), then earlier mentions of the
    same name in the article (`Kim` after `Pemimpin Korea Utara Kim Jong Un`).
    """
    for e in article.entities:
        if e.start == start and e.end == end and e.actor:
            actor = article.actor(e.actor)
            if actor is not None and actor.country:
                return actor.country
    for actor in article.actors:
        if actor.country and any(m[0] <= start and end <= m[1] for m in actor.mentions or ()):
            return actor.country
    text = article.text[start:end]
    code = countries.by_name(text) or countries.by_capital(text)
    if code:
        return code
    for place in article.places:
        if place.start == start and place.end == end and place.country and place.kind not in NON_PLACE_KINDS:
            return place.country
    cache = _names_cache(article)
    # title heuristic: a country name right before the mention, with only capitalised title words between
    s = article.sentence_at(start)
    lo = article.sentences[s].start if s is not None else max(0, start - 80)
    for e in article.entities:
        if lo <= e.start and e.end <= start and start - e.end <= 30:
            c = countries.by_name(e.text) or countries.by_capital(e.text)
            if c and TITLE_WORD.match(article.text[e.end:start]):
                for w in text.split():
                    if w[:1].isupper():
                        cache.setdefault(w, c)
                return c
    words_ = [w for w in text.split() if w[:1].isupper()]
    if words_ and all(w in cache for w in words_[:1]):
        return cache[words_[0]]
    return None


def _actor_phrases(article: Article) -> list[tuple[int, int, str]]:
    """Actor phrases beyond entities: (start, end, actor id).

    While the pipeline runs the actor layer leaves them in
    `scratch["actor_phrases"]` (`pasukan Prancis`, `diplomat Rusia`,
    `Presiden Rusia Vladimir Putin`); on a finished record (scratch cleared)
    the actors' group and role mentions stand in for them.
    """
    phrases = article.scratch.get("actor_phrases")
    if phrases is not None:
        return [(int(a), int(b), str(c)) for a, b, c in phrases]
    entity_spans = {(e.start, e.end) for e in article.entities}
    return [(m[0], m[1], actor.id) for actor in article.actors for m in actor.mentions or ()
            if (m[0], m[1]) not in entity_spans]


def _participants(article: Article, s_index: int, toks: list[Tok]) -> list[Participant]:
    sent = article.sentences[s_index]
    spans: dict[tuple[int, int], Participant] = {}
    phrases = sorted((p for p in _actor_phrases(article) if sent.start <= p[0] and p[1] <= sent.end),
                     key=lambda p: (p[0] - p[1], p[0]))
    # a phrase names its actor in full (`pasukan Prancis` is the French forces, not France):
    # it replaces the entities inside it; of overlapping phrases the longer one stands
    for a, b, actor_id in phrases:
        if any(not (b <= q.start or a >= q.end) for q in spans.values()):
            continue
        actor = article.actor(actor_id)
        spans[(a, b)] = Participant(a, b, article.text[a:b], actor.country if actor else None, actor_id)
    # a country inside a longer place name is no actor (`China` in `Laut China Selatan`)
    place_names = [(pl.start, pl.end) for pl in getattr(article, "places", None) or []
                   if sent.start <= pl.start < sent.end and pl.kind in GEOGRAPHIC_KINDS]
    for e in article.entities:
        if sent.start <= e.start and e.end <= sent.end:
            if any(q.start <= e.start and e.end <= q.end for q in spans.values()):
                continue
            if any(a <= e.start and e.end <= b and b - a > e.end - e.start for a, b in place_names):
                continue
            if any(not (e.end <= q.start or e.start >= q.end) for q in spans.values()):
                continue  # a partial overlap: the phrase stands
            spans[(e.start, e.end)] = Participant(e.start, e.end, e.text, None, e.actor)
    parts = sorted(spans.values(), key=lambda p: p.start)
    for p in parts:
        p.country = p.country or mention_country(article, p.start, p.end)
        if p.actor is None:
            for actor in article.actors:
                if any(m[0] <= p.start and p.end <= m[1] for m in actor.mentions or ()):
                    p.actor = actor.id
    # merge title chains: `Presiden Rusia Vladimir Putin`, `Menteri Pertahanan Rusia Jenderal Sergei Shoigu`
    merged: list[Participant] = []
    for p in parts:
        if merged and TITLE_WORD.match(article.text[merged[-1].end:p.start]) and \
                p.start - merged[-1].end <= 25 and "\n" not in article.text[merged[-1].end:p.start]:
            last = merged[-1]
            last.country = last.country or p.country
            last.actor = p.actor or last.actor
            last.end = p.end
            last.text = article.text[last.start:last.end]
            continue
        merged.append(p)
    for p in merged:
        p.first_tok = next((i for i, t in enumerate(toks) if t.end > p.start), len(toks))
        p.last_tok = max((i for i, t in enumerate(toks) if t.start < p.end), default=p.first_tok)
        if not p.country:
            p.country = _inner_country(p.text) or _person_country(article, p)
    # a country right after a currency word is part of an amount (`dolar AS`, `yen Jepang`)
    currency = words("currency_words")
    merged = [p for p in merged if not (p.first_tok > 0 and toks[p.first_tok - 1].lower in currency)]
    merged += _generic_participants(article, toks, merged)
    merged += _vessel_participants(article, s_index, toks, merged)
    return sorted(merged, key=lambda p: p.first_tok)


VESSEL_STOPS = frozenset({"yang", ",", ".", ";", "dan", "serta"}) | PLACE_MARKERS | {"ke", "menuju"}


def _vessel_country(article: Article, toks: list[Tok], i: int) -> str | None:
    """Country of the vessel named at token `i`: a flag (`berbendera Vietnam`) or an owner
    (`kapal penjaga pantai China`) within the few words after it, before any clause or place word."""
    end = i
    for k in range(i + 1, min(len(toks), i + 7)):
        if toks[k].lower in VESSEL_STOPS:
            break
        end = k
    if end == i:
        return None
    return _inner_country(article.text[toks[i + 1].start:toks[end].end])


def _vessel_participants(article: Article, s_index: int, toks: list[Tok], taken: list[Participant]) -> list[Participant]:
    """`kapal tersebut`, `kapal itu`: the vessel named last (this sentence or the three before), with its
    flag or owner country."""
    vessels = words("vessel_words")
    anaphors = words("anaphors")
    covered = {i for p in taken for i in range(p.first_tok, p.last_tok + 1)}
    out = []
    for i in range(len(toks) - 1):
        ordinal = i > 0 and toks[i - 1].lower in ("kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh",
                                                   "kedelapan", "kesembilan", "kesepuluh")
        if toks[i].lower not in vessels or not (toks[i + 1].lower in anaphors or ordinal) or i in covered:
            continue
        country = None
        for k in range(s_index, max(-1, s_index - 4), -1):
            ktoks = toks[:i] if k == s_index else sentence_tokens(article, k)
            for j in range(len(ktoks) - 1, -1, -1):
                if ktoks[j].lower in vessels:
                    country = _vessel_country(article, ktoks, j)
                    if country:
                        break
            if country:
                break
        if country:
            first = i - 1 if ordinal else i
            last = i if ordinal else i + 1
            a, b = toks[first].start, toks[last].end
            out.append(Participant(a, b, article.text[a:b], country, None, first, last, "kapal"))
    return out


# ---------------------------------------------------------------------------- countries from context
@functools.cache
def _institutions() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """(pattern of institution and country names, name → country, names of bodies without a country)."""
    table: dict[str, str] = {}
    igo: set[str] = set()
    for inst in lexicons.load("institutions").get("institutions", []):
        names = [inst["name"], *(inst.get("aliases") or [])]
        if inst.get("country"):
            for n in names:
                table.setdefault(n.casefold(), inst["country"])
        elif inst.get("sector") in ("IGO", "NGO"):
            igo.update(n.casefold() for n in names)
    for n, c in countries.surface_names().items():
        if len(n) >= 2:
            table.setdefault(n.casefold(), c)
    names = sorted(table, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return rx, table, frozenset(igo)


def _inner_country(text: str) -> str | None:
    """Country of an institution or country named inside a mention: `Kepala BNPB Suharyanto` → IDN,
    `Penjaga Pantai China` → CHN."""
    rx, table, _igo = _institutions()
    m = rx.search(text.casefold())
    return table[m.group()] if m else None


@functools.cache
def _igo_pattern() -> re.Pattern:
    names = sorted(_institutions()[2], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _igo_inside(text: str) -> bool:
    return bool(_igo_pattern().search(text.casefold()))


def _is_international_body(article: Article, p: Participant) -> bool:
    """An intergovernmental or international body (`Uni Eropa`, `PBB`): a source without a country."""
    igo = _institutions()[2]
    if p.text.casefold() in igo:
        return True
    if not p.country and _igo_inside(p.text):
        return True  # `para menteri ekonomi ASEAN`
    actor = article.actor(p.actor) if p.actor else None
    return bool(actor and actor.country is None and (actor.sector in ("IGO", "NGO") or actor.name.casefold() in igo))


def _person_words(article: Article) -> dict[str, str]:
    """Name words of people whose country the article states somewhere (`Menlu Australia Penny Wong`)."""
    cache = article.scratch.get("events_person_words")
    if cache is not None:
        return cache
    found: dict[str, str] = {}
    bad: set[str] = set()
    for a in article.actors:
        if not a.country or a.type != "PER":
            continue
        texts = [a.name, *(a.aliases or ()), *(article.text[m[0]:m[1]] for m in a.mentions or ())]
        for t in texts:
            for w in re.findall(r"\w+", t):
                if len(w) < 3 or not w[:1].isupper() or countries.by_name(w):
                    continue
                if found.get(w, a.country) != a.country:
                    bad.add(w)
                found[w] = a.country
    for w in bad:
        found.pop(w, None)
    article.scratch["events_person_words"] = found
    return found


def _person_country(article: Article, p: Participant) -> str | None:
    actor = article.actor(p.actor) if p.actor else None
    if actor is not None and actor.type != "PER":
        # an organisation named without a country in an article set at home (`Komisi Disiplin PSSI`,
        # `KKP`) is the home country's; bodies of other countries carry their country in the name
        home = home_country(article)
        if actor.type == "ORG" and home in HOME_DEFAULT and not _is_international_body(article, p) \
                and not actor.sector in ("IGO", "NGO"):
            return home
        return None
    table = _person_words(article)
    got = {table[w] for w in re.findall(r"\w+", p.text) if w in table}
    if len(got) == 1:
        return got.pop()
    home = home_country(article)
    # Indonesian outlets name their own officials without a country (`Kepala BPBD Grobogan, Hendra`):
    # in an article set in Indonesia, such a person is Indonesian
    if actor is not None and home in HOME_DEFAULT:
        return home
    return None


#: home countries whose people the news names without a country
HOME_DEFAULT = frozenset({"IDN"})


def home_country(article: Article) -> str | None:
    """The country most of the article's places lie in (40% or more of them, the dateline counting
    twice), else None."""
    if "events_home" in article.scratch:
        return article.scratch["events_home"]
    from warta.annotate.places import main_country

    places = [p for p in getattr(article, "places", None) or [] if p.kind not in NON_PLACE_KINDS]
    home = main_country(places, article.dateline_place, share=0.4)
    article.scratch["events_home"] = home
    return home


@functools.cache
def _generic_index() -> dict[str, list[list[str]]]:
    idx: dict[str, list[list[str]]] = {}
    for g in words("generic_actors"):
        ws = g.casefold().split()
        idx.setdefault(ws[0], []).append(ws)
    return idx


def _generic_participants(article: Article, toks: list[Tok], taken: list[Participant]) -> list[Participant]:
    """`Polisi`, `pemerintah`, `pengunjuk rasa` …: actors of the home country named without a name."""
    home = home_country(article)
    if not home:
        return []
    covered = {i for p in taken for i in range(p.first_tok, p.last_tok + 1)}
    out = []
    i = 0
    while i < len(toks):
        best = None
        for ws in _generic_index().get(toks[i].lower, ()):
            n = len(ws)
            if [t.lower for t in toks[i:i + n]] == ws and (best is None or n > len(best)):
                best = ws
        if best is None:
            i += 1
            continue
        n = len(best)
        span = set(range(i, i + n))
        # `pemerintah Filipina` is the actor layer's: a name right after makes it no generic actor
        if not (span & covered) and (i + n) not in covered:
            a, b = toks[i].start, toks[i + n - 1].end
            out.append(Participant(a, b, article.text[a:b], home, None, i, i + n - 1, " ".join(best)))
        i += n
    return out


# ---------------------------------------------------------------------------- argument finding
def _coordinated(parts: list[Participant], toks: list[Tok], idx: int, forward: bool) -> list[Participant]:
    """The participant `idx` and those joined to it by dan/serta/commas."""
    group = [parts[idx]]
    links: list[list[str]] = []
    j = idx
    while True:
        k = j + (1 if forward else -1)
        if not (0 <= k < len(parts)):
            break
        a, b = (parts[j], parts[k]) if forward else (parts[k], parts[j])
        between = [t.lower for t in toks[a.last_tok + 1:b.first_tok]]
        if between and all(w in COORD or w in ("juga", "para", "pihak") for w in between) and len(between) <= 2:
            group.append(parts[k])
            links.append(between)
            j = k
        else:
            break
    # `A, B, dan C` is a list; `A, B` alone is apposition or a place (`di Gedung X, Kementerian Y, Jakarta`)
    if links and not any(w in ("dan", "serta", "&") for lk in links for w in lk):
        group = group[:1]
    elif links and forward:
        while links and links[-1] == [","]:
            links.pop()
            group.pop()
    return group if forward else list(reversed(group))


def _relative_clauses(toks: list[Tok], pos: int) -> list[tuple[int, int]]:
    """Token spans of `, yang …,` relative clauses closed before `pos` (`Rusia, yang memiliki pangkalan
    di kedua negara, meminta …`): their names are not the subject of what follows."""
    spans = []
    k = 0
    while k < pos - 1:
        if toks[k].lower == "," and toks[k + 1].lower == "yang":
            close = next((j for j in range(k + 2, pos) if toks[j].lower == ","), None)
            if close is None:
                break
            spans.append((k, close))
            k = close
        k += 1
    return spans


def _before(parts, toks, pos: int, stop_at_break=True, limit=14):
    """Participants group nearest before token `pos` within the clause."""
    relative = _relative_clauses(toks, pos)
    for idx in range(len(parts) - 1, -1, -1):
        p = parts[idx]
        if p.last_tok >= pos:
            continue
        if any(a <= p.first_tok <= b for a, b in relative):
            continue
        skipped = sum(b - a + 1 for a, b in relative if p.last_tok < a and b < pos)
        if pos - p.last_tok - skipped > limit:
            return []
        between = [t.lower for t in toks[p.last_tok + 1:pos]]
        if stop_at_break and any(w in ("bahwa", ";", ":") for w in between):
            return []
        if p.first_tok > 0 and toks[p.first_tok - 1].lower in PLACE_MARKERS | {"ke", "kepada", "terhadap"}:
            continue
        if any(t.lower in ("menurut", "kata", "ujar", "tutur", "ucap") for t in toks[max(0, p.first_tok - 3):p.first_tok]):
            continue  # `Menurut badan intelijen Korea Selatan, …` names who reports, not who acts
        return _coordinated(parts, toks, idx, forward=False)
    return []


def _after(parts, toks, pos: int, etype: str, limit=10, cross_bahwa=False):
    """(participants group, marker word) nearest after token `pos` within the clause."""
    for idx, p in enumerate(parts):
        if p.first_tok < pos:
            continue
        if p.first_tok - pos > limit:
            return [], None
        between = [t.lower for t in toks[pos:p.first_tok]]
        breaks = {";", ".", ":"} | ({"yang", "sementara", "namun", "tetapi", "karena", "sebab", "setelah",
                                      "sebelum", "ketika", "saat", "sehingga"})
        if not cross_bahwa:
            breaks |= {"bahwa", "agar", "supaya"}
        if between[-2:-1] == [","] and between[-1] in ("terutama", "khususnya", "termasuk", "yakni", "yaitu"):
            between = between[:-2]
        if any(w in breaks for w in between) or ("," in between and between[-1] != ","):
            return [], None
        marker = toks[p.first_tok - 1].lower if p.first_tok > 0 else None
        if marker in PLACE_MARKERS and not (marker == "dari" and etype in FROM_TARGET_TYPES):
            continue
        return _coordinated(parts, toks, idx, forward=True), marker
    return [], None


@dataclass
class Args:
    sources: list[Participant]
    targets: list[Participant]
    pattern: str


def _arguments(m: Match, parts, toks, light: bool) -> Args:
    etype = m.entry["type"]
    sym = bool(m.entry.get("sym"))
    cross = etype in SPEECH
    if m.voice == "passive":
        after, marker = _after(parts, toks, m.last, etype, limit=4)
        srcs = after if after else []
        if srcs and any(t.lower in COORD for t in toks[m.last:srcs[0].first_tok]):
            srcs = []  # `… ditembak jatuh dan sejumlah tentara India ditawan`: the next clause's subject
        if not srcs:
            # `… diserang oleh pasukan Israel`
            for k in range(m.last, min(len(toks), m.last + 3)):
                if toks[k].lower in PASSIVE_AGENT:
                    srcs, _ = _after(parts, toks, k + 1, etype, limit=4)
                    break
        tgts = _before(parts, toks, m.first)
        if tgts and any(_is_reporting(t) for t in toks[tgts[-1].last_tok + 1:m.first]):
            tgts = []  # `Gatot menjelaskan, saat akan ditangkap, …`: the speaker is not the one arrested
        return Args(srcs, tgts, "passive")
    if m.voice == "nominal" and not light:
        pass
    args = _arguments_inner(m, parts, toks, light, etype, sym, cross)
    if etype in MARKED_TARGET_ONLY and args.targets:
        first = args.targets[0]
        marker = toks[first.first_tok - 1].lower if first.first_tok > 0 else None
        if marker not in STRONG_MARKERS:
            args = Args(args.sources, [], args.pattern)
    return args


def _arguments_inner(m: Match, parts, toks, light: bool, etype: str, sym: bool, cross: bool) -> Args:
    if m.voice == "nominal" and not light:
        # genitive right after the noun: `serangan Israel`, `kunjungan Menteri Rusia …`
        gen: list[Participant] = []
        for idx, p in enumerate(parts):
            if p.first_tok >= m.last and p.first_tok - m.last <= 2:
                between = [t.lower for t in toks[m.last:p.first_tok]]
                if all(w not in TARGET_MARKERS | PLACE_MARKERS | {",", "oleh"} for w in between):
                    gen = [p]
                elif between and between[-1] == "oleh":
                    gen = [p]
                break
        if gen and toks[m.last].lower == "antara" if m.last < len(toks) else False:
            gen = []
        if m.last < len(toks) and toks[m.last].lower == "antara" or \
                (m.last + 1 < len(toks) and toks[m.last + 1].lower == "antara"):
            start = m.last + (1 if toks[m.last].lower == "antara" else 2)
            grp, _ = _after(parts, toks, start, etype, limit=4)
            if len(grp) >= 2:
                return Args(grp[:1], grp[1:], "nominal:antara")
        pos = gen[-1].last_tok + 1 if gen else m.last
        tgt, marker = _after(parts, toks, pos, etype, limit=8, cross_bahwa=cross)
        if tgt and marker is None and not gen:
            tgt = []
        if gen and tgt and tgt[0] is gen[0]:
            tgt = []
        if gen:
            return Args(gen, tgt, "nominal")
        return Args([], tgt, "nominal:no-source")
    # active verb (or light verb + noun)
    srcs = _before(parts, toks, m.first)
    tgt, marker = _after(parts, toks, m.last, etype, limit=10, cross_bahwa=cross)
    if sym and marker != "dengan":
        # `membahas isu Myanmar dengan Thailand`: the partner is the one after dengan
        for idx, p in enumerate(parts):
            if p.first_tok >= m.last and p.first_tok > 0 and toks[p.first_tok - 1].lower == "dengan" \
                    and p.first_tok - m.last <= 10:
                tgt, marker = _coordinated(parts, toks, idx, forward=True), "dengan"
                break
    if sym and not tgt and len(srcs) >= 2:
        return Args(srcs[:1], srcs[1:], "comitative:coordinated")
    if sym and marker == "dengan":
        return Args(srcs, tgt, "comitative:dengan")
    return Args(srcs, tgt, "light-verb" if light else "active")


#: words between a light verb and its noun that count the noun (`memberangkatkan 21 ton bantuan`)
QUANTITY_WORDS = frozenset({"ton", "kg", "kilogram", "paket", "unit", "buah", "ribu", "juta", "miliar", "triliun",
                            "ratusan", "puluhan", "ribuan", "jutaan", "satu", "dua", "tiga", "empat", "lima",
                            "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebanyak", "sejumlah", "senilai",
                            "sebesar", "berupa", "lebih", "dari", "sekitar", "hampir", "baru", "tambahan"})
#: types whose object may be an earlier event named by an anaphor (`mengecam peluncuran tersebut`)
ANAPHORIC = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN"})
#: conflictual types a denunciation is most likely about
CONDEMNABLE = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST", "REJECT"})


def _context_args(article: Article, s_index: int, m: Match, parts, toks, args: Args, light: bool) -> Args:
    """Arguments the sentence leaves implicit, taken from the article around it.

    * `kedua negara/keduanya sepakat …` (symmetric triggers): the two countries named just before;
    * `Dalam rapat dengan X, Y meminta …`: a fronted `dengan/kepada X` is the target;
    * `mengecam peluncuran tersebut`, `membantah tudingan itu`: the actor of the earlier event
      (the accuser for a denial, else the one who acted);
    * agentless arrests (`tersangka ditangkap`): the police named in the sentence or just before;
    * a crowd's demonstration against a law or policy: the crowd protests the home government;
    * aid without a named recipient by a home-country body: domestic relief (home country).
    """
    etype = m.entry["type"]
    srcs, tgts, pattern = list(args.sources), list(args.targets), args.pattern
    lows = [t.lower for t in toks]
    before = " ".join(lows[max(0, m.first - 4):m.first])
    if m.entry.get("sym") and not srcs and len({p.country for p in tgts if p.country}) >= 2:
        return Args(tgts[:1], tgts[1:], pattern + "+pair-after")  # `Setelah dialog …, Filipina dan Tiongkok`
    if m.entry.get("sym") and not tgts and len({p.country for p in srcs if p.country}) < 2:
        after = " ".join(lows[m.last:m.last + 4])
        if any(w in before.split() or (" " in w and w in before) for w in words("pair_words")) or \
                any(" " in w and w in after for w in words("pair_words")):
            pair = _previous_pair(article, s_index)
            if pair:
                return Args(pair[:1], pair[1:], pattern + "+pair")
        if not srcs and not tgts and m.voice == "nominal" and \
                any(" " in w and w in " ".join(lows) for w in words("pair_words")):
            # `Perselisihan antara kedua negara … sebelum tercapai kesepakatan gencatan senjata`
            pair = _previous_pair(article, s_index)
            if pair:
                return Args(pair[:1], pair[1:], pattern + "+pair-sentence")
        if not srcs:
            # `Setelah dialog tingkat tinggi, Filipina dan Tiongkok sepakat …`: the pair the sentence names
            for idx, p in enumerate(parts):
                grp = [q for q in _coordinated(parts, toks, idx, forward=True) if q.country and not q.generic]
                if len({q.country for q in grp}) >= 2:
                    return Args(grp[:1], grp[1:], pattern + "+sentence-pair")
        if not srcs and m.voice == "nominal" and any(w in words("anaphors") for w in lows[:min(3, m.first)]):
            # `Kesepakatan itu dicapai dalam perundingan …`: the sentence goes on about the last pair
            pair = _previous_pair(article, s_index)
            if pair:
                return Args(pair[:1], pair[1:], pattern + "+pair-anaphor")
    if m.entry["c"] == "045" and srcs and len(tgts) < 2:
        # a mediator (`dimediasi Angola`, `Qatar menengahi`) meets each party: the other countries of the
        # sentence (not places), else the pair named just before
        own = {p.country for p in srcs}
        sides = [p for p in parts if p.country and p.country not in own and not p.generic and
                 not (p.first_tok > 0 and lows[p.first_tok - 1] in PLACE_MARKERS)]
        sides = list({p.country: p for p in sides}.values())
        if len(sides) < 2:
            sides = [p for p in _previous_pair(article, s_index) if p.country not in own]
        if sides:
            return Args(srcs, sides, pattern + "+mediated")
    if srcs and not tgts and etype in ("REQUEST", "CONSULT", "AGREE", "SUPPORT", "AID"):
        first_src = min(p.first_tok for p in srcs)
        for p in parts:
            if p.last_tok < first_src and p.first_tok > 0 and lows[p.first_tok - 1] in ("dengan", "kepada")                     and p.country and all(p.country != q.country or p.actor != q.actor for q in srcs):
                tgts, pattern = [p], pattern + "+fronted"
                break
    if srcs and not tgts and etype in ANAPHORIC and m.voice == "passive" and \
            any(w in words("anaphors") for w in lows[max(0, m.first - 3):m.first]):
        # `Tuduhan itu dibantah Rwanda`: the denier answers the accuser
        k = next(i for i in range(max(0, m.first - 3), m.first) if lows[i] in words("anaphors"))
        noun = lows[k - 1] if k > 0 else ""
        ante = _antecedent(article, s_index, srcs[0].country, noun, accuser_only=etype == "REJECT")
        if ante:
            tgts, pattern = [ante], pattern + "+anaphor"
    if srcs and not tgts and etype in ANAPHORIC and \
            any(w in words("anaphors") for w in lows[m.last:m.last + 4]):
        noun = lows[m.last] if m.last < len(lows) else ""
        # a denial answers the one who accused the denier; of several deniers none is singled out
        ante = None if etype == "REJECT" and len(srcs) > 1 else \
            _antecedent(article, s_index, srcs[0].country, noun, accuser_only=etype == "REJECT")
        if ante is None and etype != "REJECT":
            ante = _previous_other(article, s_index, {p.country for p in srcs})
        if ante:
            tgts, pattern = [ante], pattern + "+anaphor"
    if etype == "REJECT" and srcs and not tgts and m.voice != "passive" and srcs[0].country and \
            any(w in words("claim_nouns") for w in lows[m.last - 1:m.last + 1]):
        # `tidak mengakui klaim sembilan garis putus-putus`: the claimant named before
        ante = _antecedent(article, s_index, srcs[0].country, "", accuser_only=True) or \
            _previous_other(article, s_index, {srcs[0].country})
        if ante:
            tgts, pattern = [ante], pattern + "+claimant"
    if etype == "COERCE" and srcs and srcs[0].country and not tgts and m.voice != "passive":
        # `menangkap 14 kapal ikan asing, terdiri atas sembilan kapal berbendera Vietnam dan …`
        marked = [i for i, p in enumerate(parts) if p.first_tok >= m.last and p.first_tok > 0 and p.country
                  and p.country != srcs[0].country and lows[p.first_tok - 1] in words("nationality_markers")]
        if marked:
            tgts = list({parts[i].country: parts[i] for i in marked}.values())
            pattern += "+nationality"
        elif "asing" in lows[m.last:m.last + 5]:
            return Args(srcs, [], pattern + "+foreign")  # foreign, country not named: not domestic
    if m.entry["c"] in ("173", "175") and srcs and srcs[0].country and not tgts and m.voice != "passive":
        # police arresting or dispersing unnamed people: the country's own people (domestic repression)
        tgts, pattern = [Participant(srcs[0].start, srcs[0].end, "warga", srcs[0].country, None,
                                     generic="warga")], pattern + "+domestic"
    if etype == "COERCE" and m.voice == "passive" and not srcs:
        police = _police(article, s_index, toks)
        if police:
            srcs, pattern = [police], pattern + "+police"
        elif tgts and tgts[0].country:
            # `ketiga kapal … ditangkap`: the agent of the earlier seizure of the same party
            for e in reversed(article.scratch.get("events_so_far", ())):
                if e.type == "COERCE" and e.source_country and e.target_country == tgts[0].country and \
                        e.source_country != e.target_country and \
                        s_index - 6 <= (article.sentence_at(e.start) or 0) < s_index:
                    srcs = [Participant(e.start, e.start, e.source_text or e.source_country, e.source_country,
                                        e.source)]
                    pattern += "+earlier-agent"
                    break
    if etype == "PROTEST":
        if not srcs:
            crowd = [p for p in parts if p.generic in words("crowds")
                     and m.first - 3 <= p.first_tok <= m.last + 8 and p.last_tok >= m.first - 3]
            if crowd:
                srcs, pattern = crowd[:1], pattern + "+crowd"
            elif not tgts and m.voice == "nominal" and _home_grounded(article, home_country(article)) and \
                    all(p.country in (None, home_country(article)) for p in parts):
                # `gelombang demonstrasi nasional menuntut reformasi`: a demonstration at home, no crowd named
                home = home_country(article)
                srcs = [Participant(toks[m.first].start, toks[m.last - 1].end, "massa", home, None, m.first,
                                    m.last - 1, "massa")]
                pattern += "+home-crowd"
        if srcs and not tgts and srcs[0].generic in words("crowds"):
            # a crowd's demonstration at home is against its government (the office it marches on)
            tgts, pattern = [Participant(srcs[0].start, srcs[0].end, "pemerintah", srcs[0].country, None,
                                         generic="pemerintah")], pattern + "+against-government"
    if etype == "AID" and srcs and tgts and srcs[0].country and not any(p.country for p in tgts):
        tgts = []  # `melalui LDKPI`: a channel without a country is no recipient
    if etype == "AID" and srcs and not tgts and srcs[0].country and m.entry["c"] != "072":
        clause_end = next((k for k in range(m.last, len(lows)) if lows[k] in (";", "sementara", "sedangkan")),
                          len(lows))
        later = [p for p in parts if m.last <= p.first_tok < clause_end and p.country
                 and p.country != srcs[0].country]
        home = home_country(article)
        if later:
            tgts, pattern = later[:1], pattern + "+recipient-place"
        elif srcs[0].country == home:
            tgts, pattern = [Participant(srcs[0].start, srcs[0].end, "korban", srcs[0].country, None,
                                         generic="warga")], pattern + "+domestic"
        elif home:
            # relief from abroad without a named recipient goes where the article's events happen
            tgts, pattern = [Participant(srcs[0].start, srcs[0].end, "korban", home, None,
                                         generic="warga")], pattern + "+home"
    if m.entry.get("home") and srcs and not tgts and srcs[0].country:
        home = home_country(article)
        if home and home != srcs[0].country:
            tgts, pattern = [Participant(srcs[0].start, srcs[0].end, "pemerintah", home, None,
                                         generic="pemerintah")], pattern + "+home"
    return Args(srcs, tgts, pattern)


def _sentence_place_country(article: Article, s_index: int, toks: list[Tok], m: Match,
                            avoid: set) -> str | None:
    """The country of a place named in the sentence (`di Khan Younis`, `sembilan lokasi di Pakistan`)
    that is none of `avoid`: the one nearest after the trigger, else the nearest before it."""
    sent = article.sentences[s_index]
    at = toks[m.first].start
    found = []
    for p in getattr(article, "places", None) or []:
        if not (sent.start <= p.start < sent.end) or not p.country or p.country in avoid:
            continue
        if p.kind in NON_PLACE_KINDS:
            continue
        k = next((i for i, t in enumerate(toks) if t.start >= p.start), len(toks))
        if countries.by_name(p.text) and not (k > 0 and toks[k - 1].lower in words("locatives")):
            continue  # `pejabat AS`, `Pakistan mengatakan`: a country as an actor, not where it happened
        found.append((0 if p.start >= at else 1, abs(p.start - at), p.country))
    return min(found)[2] if found else None


def _home_grounded(article: Article, home: str | None) -> bool:
    """Whether the article happens in its home country: a dateline, a place there other than the
    country's own name, or that name three times (named once it may only be an actor: `Israel akan
    menyerang …`)."""
    if not home:
        return False
    if article.dateline_place:
        return True
    at_home = [p for p in getattr(article, "places", None) or [] if p.country == home
               and p.kind not in NON_PLACE_KINDS]
    return len(at_home) >= 3 or any(not countries.by_name(p.text) for p in at_home)


def _implied_args(article: Article, s_index: int, m: Match, etype: str, parts, toks, args: Args) -> Args:
    """The side a sentence leaves implicit, from where it happens and what the article is about.

    * a source without a target: the country of a place in the sentence other than the source's
      (`serangan udara Israel … di Khan Younis` → PSE), else the article's home country when the
      source is foreign (`Rusia melancarkan serangan udara` in an article set in Ukraine), else, for an
      act at home, the home country itself (domestic events are coded X→X: `KKB membakar dua kendaraan`);
    * a target without a source (`Andi ditahan`, `anggota KKB tewas tertembak`): a place abroad in the
      sentence, else the home country when the target is the home country's (its own authorities).
    Which types take which fill is data (`implied_*` in event_triggers.yaml)."""
    if m.entry.get("arg") == "consequence" or m.entry.get("sym") and etype != "ASSAULT":
        return args
    lows = [t.lower for t in toks]
    foreign = any(w in words("foreign_words") for w in lows)
    srcs, tgts = args.sources, args.targets
    home = home_country(article)
    grounded = _home_grounded(article, home)
    if srcs and not any(t.country for t in tgts) and srcs[0].country:
        sc = srcs[0].country
        fill = None
        how = ""
        if etype == "PROTEST":
            # `berdemo di depan Kedutaan Besar Myanmar`: a protest at an embassy is against its country
            site = [p for p in parts if p.first_tok >= m.last and p.country and p.country != sc
                    and p.text.split()[0].casefold() in words("embassy_words")]
            if site:
                return Args(srcs, site[:1], args.pattern + "+embassy")
        if etype in words("implied_place_types"):
            fill, how = _sentence_place_country(article, s_index, toks, m, {sc}), "+place"
        if not fill and home and home != sc and etype in words("implied_home_types"):
            fill, how = home, "+home"
        if not fill and grounded and home == sc and not foreign and (
                etype in words("implied_domestic_types") or m.entry.get("domestic")):
            fill, how = sc, "+domestic"
        if fill:
            s0 = srcs[0]
            return Args(srcs, [Participant(s0.start, s0.end, fill, fill, None, generic="implied")],
                        args.pattern + how)
    if tgts and not srcs and tgts[0].country and etype in words("implied_agent_types") and m.voice == "passive":
        tc = tgts[0].country
        fill = _sentence_place_country(article, s_index, toks, m, {tc})
        how = "+place-agent"
        if not fill:
            # `pasukan Kamboja menembaki …, tentara Thailand diserang`: the other party the sentence names
            other = [p for p in parts if p.country and p.country != tc and not p.generic
                     and not _is_media(article, p)]
            if other:
                fill, how = min(other, key=lambda p: abs(p.first_tok - m.first)).country, "+other-agent"
        if not fill and grounded and home == tc and not foreign:
            fill, how = tc, "+domestic-agent"
        if fill:
            t0 = tgts[0]
            return Args([Participant(t0.start, t0.end, fill, fill, None, generic="implied")], tgts,
                        args.pattern + how)
    return args


def _reported_accusations(article: Article, toks: list[Tok], parts, m: Match, events: list[Event],
                          report_positions: list[int]) -> list[Event]:
    """A hostile act told by a party of another country is also that party's accusation.

    `Maly Socheata (Kamboja) menyatakan pasukan Thailand melancarkan serangan ke tentara Kamboja`:
    Thailand attacks Cambodia (as told) and Cambodia accuses Thailand. The speaker is the subject of a
    reporting verb before the act, else the speaker of the quote it sits in; the accusation is coded
    when the speaker's country is the target's, or the act has no target country."""
    cue = max((p for p in report_positions if p < m.first), default=None)
    speakers = []
    if cue is not None and toks[cue].lower != "menurut":  # `menurut data X`: a count, not a charge
        speakers = _before(parts, toks, cue)
    if not speakers and any(q.direct and q.start <= toks[m.first].start < q.end
                            for q in getattr(article, "quotes", None) or []):
        speakers = _quote_speaker(article, toks[m.first].start)
    speakers = [p for p in speakers if p.country and not _is_media(article, p)]
    if not speakers:
        return []
    speaker = speakers[0]
    info = cameo_table()["112"]
    out = []
    for e in events:
        if not e.source_country or e.source_country == speaker.country:
            continue
        if e.target_country not in (None, speaker.country) or "+home" in e.rule:
            continue
        out.append(Event(
            id="", type=info["plover"], mode=info.get("mode"), context=info.get("context"), cameo="112",
            quad_class=info["quad_class"], goldstein=info["goldstein"], source=speaker.actor, target=e.source,
            source_country=speaker.country, target_country=e.source_country, source_text=speaker.text,
            target_text=e.source_text, date=e.date, place=e.place, negated=False, modality="reported",
            evidence=e.evidence, start=e.start, end=e.end, trigger=e.trigger,
            confidence=round(max(0.5, e.confidence - 0.1), 2), rule=e.rule + "+reported-accusation"))
    return out


def _previous_pair(article: Article, s_index: int) -> list[Participant]:
    """The two countries named last in the three sentences before (nearest first)."""
    seen: dict[str, Participant] = {}
    for k in range(s_index - 1, max(-1, s_index - 4), -1):
        ptoks = sentence_tokens(article, k)
        for p in reversed(_participants(article, k, ptoks)):
            if p.country and p.country not in seen and not p.generic and not _is_media(article, p):
                seen[p.country] = p
        if len(seen) >= 2:
            return list(seen.values())[:2]
    return []


def _antecedent(article: Article, s_index: int, src_country: str | None, noun: str,
                accuser_only: bool = False) -> Participant | None:
    """The actor of the earlier event an anaphoric object refers to."""
    earlier = [e for e in article.scratch.get("events_so_far", ())
               if s_index - 10 <= (article.sentence_at(e.start) or 0) < s_index]
    def pick(pred):
        for e in reversed(earlier):
            if e.source_country and e.source_country != src_country and pred(e):
                return Participant(e.start, e.start, e.source_text or e.source_country, e.source_country, e.source)
        return None
    noun_roots = morph.roots(noun) if noun else frozenset()
    accuser = pick(lambda e: e.target_country == src_country and src_country is not None)
    if accuser or accuser_only:
        return accuser
    return accuser or \
        pick(lambda e: bool(noun_roots & morph.roots((e.trigger or "").split()[0].casefold()))) or \
        pick(lambda e: e.type in CONDEMNABLE) or pick(lambda e: True)


def _previous_other(article: Article, s_index: int, own: set) -> Participant | None:
    """The country named last in the three sentences before that is not one of `own`."""
    for k in range(s_index - 1, max(-1, s_index - 4), -1):
        for p in reversed(_participants(article, k, sentence_tokens(article, k))):
            if p.country and p.country not in own and not p.generic and not _is_media(article, p):
                return p
    return None


def _is_media(article: Article, p: Participant) -> bool:
    """A news outlet or agency (`seperti dilansir AFP`): a source of the report, not a party to it."""
    actor = article.actor(p.actor) if p.actor else None
    return bool(actor and actor.sector == "MED")


def _police(article: Article, s_index: int, toks: list[Tok]) -> Participant | None:
    """The police named in this sentence or the three before (`Polda Metro Jaya`, `polisi`)."""
    police = words("police")
    for k in range(s_index, max(-1, s_index - 4), -1):
        ktoks = toks if k == s_index else sentence_tokens(article, k)
        for t in reversed(ktoks):
            if t.lower in police:
                country = _inner_country(t.text) or home_country(article)
                if country:
                    return Participant(t.start, t.end, t.text, country, None, generic="polisi")
    return None


CONSEQUENCE_MARKERS = frozenset({"bagi", "untuk", "kepada", "oleh", "terhadap", "atas"})


ANAPHORIC_SPEAKER = re.compile(r"(?:nya|^ia|^dia|^beliau|^mereka)$", re.IGNORECASE)


def _quote_speaker(article: Article, offset: int) -> list[Participant]:
    """The speaker of the quote around `offset`, as a participant (quote layer)."""
    quotes = getattr(article, "quotes", None) or []
    for n, q in enumerate(quotes):
        if q.start <= offset < q.end and q.speaker:
            actor = article.actor(q.speaker)
            country = _actor_country(article, actor)
            if country:
                return [Participant(q.start, q.start, q.speaker_text or actor.name, country, actor.id)]
            if ANAPHORIC_SPEAKER.search((q.speaker_text or "").strip()):
                # `…," ujarnya`: the speaker named in the quotes just before
                here = article.sentence_at(q.start) or 0
                for prev in reversed(quotes[:n]):
                    if here - (article.sentence_at(prev.start) or 0) > 3:
                        break
                    pa = article.actor(prev.speaker) if prev.speaker else None
                    pc = _actor_country(article, pa) if pa else None
                    if pc:
                        return [Participant(q.start, q.start, prev.speaker_text or pa.name, pc, pa.id)]
        elif q.start <= offset < q.end and q.speaker_text:
            named = next((a for a in article.actors if a.country and q.speaker_text in (a.name, *(a.aliases or ()))),
                         None)
            if named is not None:  # the quote layer named the speaker without linking its actor
                return [Participant(q.start, q.start, q.speaker_text, named.country, named.id)]
            country = _inner_country(q.speaker_text)  # `kata Kepala BNPB`: the institution in the title
            if country:
                return [Participant(q.start, q.start, q.speaker_text, country, None)]
    return []


def _actor_country(article: Article, actor) -> str | None:
    """An actor's country, else one its name carries (`Kepala BNPB X`), else the person fallbacks."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    for a, b in actor.mentions or ():
        # `Direktur Jenderal … Kementerian Luar Negeri Tri Tharyat`: the title chain the mention sits in
        chain = TITLE_CHAIN.match(article.text, b)
        got = _inner_country(article.text[a:chain.end() if chain else b])
        if got:
            return got
    for a, _b in actor.mentions or ():
        # `Juru bicara PCG Jay Tarriela`: a spokesperson speaks for the body named in the title
        title = re.split(r"[.,;:\n“”\"()]", article.text[max(0, a - 60):a])[-1]
        for other in article.actors:
            if other is actor or not other.country or other.type == "PER":
                continue
            names = [n for n in (other.name, *(other.aliases or ())) if len(n) >= 2]
            if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", title) for n in names):
                return other.country
    return _inner_country(actor.name) or _person_country(
        article, Participant(0, 0, actor.name, None, actor.id))


TITLE_CHAIN = re.compile(r"(?:[ \t]+(?:[A-Z][\w.'-]*|dan|untuk))+")


def _consequence_args(article: Article, m: Match, parts, toks, report_positions: list[int]) -> Args:
    """`X akan membayar harganya, kata Y`: Y (the speaker) warns X.

    The target is the subject of the phrase after any reporting verb (`… mengatakan Iran akan
    menanggung akibatnya`), else the party marked after it (`akan ada konsekuensi bagi Rusia`).
    The source is the speaker: the quote layer's speaker where the phrase sits in a quote, else
    the subject of a reporting verb before it, the name after `menurut`, or the name after a
    reporting verb that follows (`…, kata Menlu Inggris`).
    """
    cue_before = max((p for p in report_positions if p < m.first), default=None)
    targets = [p for p in _before(parts, toks, m.first) if cue_before is None or p.first_tok > cue_before]
    pattern = "consequence:subject"
    if not targets:
        after, marker = _after(parts, toks, m.last, "THREATEN", limit=6)
        if marker in CONSEQUENCE_MARKERS:
            targets, pattern = after, f"consequence:{marker}"
    sources = _quote_speaker(article, toks[m.first].start)
    how = "+quote-speaker"
    if not sources and cue_before is not None:
        how = "+speaker"
        if toks[cue_before].lower == "menurut":
            sources, _ = _after(parts, toks, cue_before + 1, "THREATEN", limit=3)
        else:
            sources = _before(parts, toks, cue_before)
    if not sources:
        cue_after = min((p for p in report_positions if p >= m.last), default=None)
        if cue_after is not None:
            sources, _ = _after(parts, toks, cue_after + 1, "THREATEN", limit=4)
            how = "+speaker-after"
    if not sources:
        how = ""
    targets = [t for t in targets if all(t is not s_ for s_ in sources)]
    return Args(sources, targets, pattern + how)


# ---------------------------------------------------------------------------- modality
def _flags(toks: list[Tok], m: Match, clause_start: int, reported: bool) -> tuple[bool, str | None]:
    window = [t.lower for t in toks[max(clause_start, m.first - 8):m.first]]
    negated = any(w in words("negators") for w in window[-3:])
    modality = None
    if any(w in words("hedges") for w in window) or (clause_start < m.first and
                                                       toks[clause_start].lower in ("apakah", "jika", "kalau")):
        modality = "hypothetical"
    elif any(w in words("future") for w in window):
        modality = "future"
    elif reported:
        modality = "reported"
    return negated, modality


def _is_reporting(tok: Tok) -> bool:
    return tok.lower in words("reporting_forms")


def _clause_start(toks: list[Tok], pos: int) -> int:
    for k in range(pos - 1, -1, -1):
        if toks[k].lower in ("bahwa", ";", ":", "agar", "supaya", "apakah"):
            return k + 1
    return 0


# ---------------------------------------------------------------------------- dates and places
def _event_date(article: Article, s_index: int) -> str | None:
    sent = article.sentences[s_index]
    for d in getattr(article, "dates", None) or []:
        try:
            if sent.start <= d.start < sent.end and d.value and d.grain in ("day", "time", "month", "year") \
                    and not str(d.value).startswith("P"):
                # the day (or month, year) of a point in time; the start of an interval `2024-01/2024-07`
                return str(d.value).split("/")[0][:10]
        except AttributeError:
            continue
    return article.reference_date


def _event_place(article: Article, s_index: int) -> str | None:
    sent = article.sentences[s_index]
    for p in getattr(article, "places", None) or []:
        try:
            if sent.start <= p.start < sent.end and (p.name or p.text):
                if countries.by_name(p.text):  # a country named as an actor is not where it happened
                    continue
                return p.name or p.text
        except AttributeError:
            continue
    return article.dateline_place


def _is_title_case(toks: list[Tok]) -> bool:
    alpha = [t.text for t in toks if t.text[:1].isalpha()]
    return len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) / len(alpha) > 0.6


# ---------------------------------------------------------------------------- the component
def sentence_tokens(article: Article, s_index: int) -> list[Tok]:
    sent = article.sentences[s_index]
    text = article.text[sent.start:sent.end]
    return [Tok(m.group(), m.group().casefold(), sent.start + m.start(), sent.start + m.end())
            for m in TOKEN.finditer(text)]


def events_of_sentence(article: Article, s_index: int) -> list[Event]:
    toks = sentence_tokens(article, s_index)
    if not toks:
        return []
    matches = find_triggers(toks)
    if not matches:
        return []
    if any(t.lower in words("sports_words") for t in toks):
        # `Arema FC menjamu Bali United di Stadion …`, `menyerang lewat sayap`: a match, not an event
        matches = [m for m in matches if m.entry["type"] not in SPORT_VOID]
        if not matches:
            return []
    parts = _participants(article, s_index, toks)
    # a trigger phrase may share its last words with an actor phrase (`mengusir diplomat` +
    # `diplomat Rusia`, `penarikan pasukan` + `pasukan Prancis`): the actor starts after the trigger
    for m in matches:
        for p in parts:
            if m.first <= p.first_tok < m.last <= p.last_tok:
                p.first_tok = m.last
    title_case = _is_title_case(toks)
    light_roots = words("light_verbs")
    report_positions = [i for i, t in enumerate(toks) if _is_reporting(t)]
    # suppress the content of embedding triggers and nominal objects of verbal triggers
    for a in matches:
        if a.voice == "nominal" or a.entry["type"] not in EMBEDDING:
            continue
        for b in matches:
            if b is not a and b.first >= a.last:
                gap = [t.lower for t in toks[a.last:b.first]]
                if a.entry["type"] == "AGREE" and b.entry["type"] == "AID" and b.voice == "nominal" and \
                        len(gap) <= 3 and all(w in QUANTITY_WORDS or w[:1].isdigit() for w in gap):
                    # `menjanjikan dana bantuan`, `menjanjikan hibah`: the pledge is the aid itself
                    a.suppressed = True
                    b.extra["pledge"] = True
                    break
                if b.voice == "active" and b.entry["type"] in SPEECH and gap and gap[-1] in ("dan", "serta") \
                        and "bahwa" not in gap:
                    continue  # `mengutuk peluncuran itu dan mendesak Pyongyang …`: a second act of the subject
                if not any(w in (".", ";", "sementara", "namun", "tetapi", "sedangkan") for w in gap) and len(gap) <= 24:
                    b.suppressed = True
    for a in matches:
        for b in matches:
            # `melancarkan serangan udara dengan mengerahkan 320 drone`: the means of the attack, not a new event
            if a.entry["type"] == "ASSAULT" and b.entry["type"] == "MOBILIZE" and 0 < b.first - a.last <= 6 and \
                    toks[b.first - 1].lower == "dengan":
                b.suppressed = True
    for a in matches:
        if a.suppressed:
            continue
        for b in matches:
            if b is not a and b.voice == "nominal" and 0 <= b.first - a.last <= (7 if a.voice == "nominal" else 3):
                gap = [t.lower for t in toks[a.last:b.first]]
                if a.voice == "nominal":
                    if gap and all(w in OBJECT_LINKS for w in gap):
                        b.suppressed = True  # `dukungan untuk perang …`
                elif not any(w in TARGET_MARKERS | {",", "dan"} for w in gap):
                    b.suppressed = True  # `mendukung perang …`
    out: list[Event] = []
    sent = article.sentences[s_index]
    name_spans = [(p.start, p.end) for p in getattr(article, "places", None) or []
                  if sent.start <= p.start < sent.end] + \
        [(e.start, e.end) for e in article.entities if sent.start <= e.start < sent.end and e.label in ("PER", "LOC")]
    for m in matches:
        if m.suppressed:
            continue
        first_tok = toks[m.first]
        if m.first > 0 and first_tok.text[:1].isupper() and not title_case and any(
                a <= first_tok.start and first_tok.end <= b for a, b in name_spans):
            continue  # `ditangkap di Serang`: a place or person named with a trigger word
        if m.voice == "nominal" and m.last < len(toks) and toks[m.last].lower in words("anaphors") \
                and not m.extra.get("pledge"):
            continue  # `Tuduhan itu …`, `Kesepakatan tersebut …`: an earlier event named again
        if m.voice == "nominal" and m.first > 0 and first_tok.text[:1].isupper() and not title_case \
                and not first_tok.text.isupper() and toks[m.first - 1].lower not in ("“", '"', "(", ":"):
            continue  # a proper name: Perang Korea, KTT … is all capitals and stays
        light = False
        if m.voice == "nominal":
            for k in range(max(0, m.first - 2), m.first):
                if morph.roots(toks[k].lower) & light_roots and toks[k].lower not in ("ada", "umum", "nyata"):
                    light = True
            if not light:
                # `memberangkatkan 21 ton bantuan`: a light verb before a quantity of the noun
                for k in range(m.first - 1, max(-1, m.first - 7), -1):
                    w = toks[k].lower
                    if morph.roots(w) & light_roots and w.startswith(("me", "mem", "men", "meng", "meny")):
                        light = True
                        break
                    if not (w[:1].isdigit() or w in QUANTITY_WORDS or w in (".", ",")):
                        break
        if m.extra.get("pledge"):
            light = True
        if m.entry.get("light") and not light:
            continue  # `tidak keberatan`: no objection without a light verb
        args = _arguments(m, parts, toks, light)
        reported_frame = any(p < m.first for p in report_positions) or \
            any(q.start <= first_tok.start < q.end for q in (getattr(article, "quotes", None) or []))
        if not args.sources and (light or m.last - m.first >= 2) and m.voice != "passive" and args.targets \
                and args.targets[0].first_tok == m.last:
            # `mengumumkan bantuan Australia untuk …`: the genitive of the noun is its source
            gen = args.targets[0]
            rest, _mk = _after(parts, toks, gen.last_tok + 1, m.entry["type"], limit=10)
            rest = [p for p in rest if p.country != gen.country]
            args = Args([gen], rest, args.pattern + "+genitive")
        if not args.sources and reported_frame and (m.voice == "active" or light) \
                and m.entry.get("arg") != "consequence":
            # `X mengatakan bahwa akan …`: the speaker is the subject of the inner clause
            cue = max((p for p in report_positions if p < m.first), default=None)
            if cue is not None:
                args = Args(_before(parts, toks, cue), args.targets, args.pattern + "+speaker")
            if not args.sources:
                speaker = _quote_speaker(article, first_tok.start)
                if speaker:
                    args = Args(speaker, args.targets, args.pattern + "+quote-speaker")
        if m.entry.get("arg") == "consequence":
            args = _consequence_args(article, m, parts, toks, report_positions)
        args = _context_args(article, s_index, m, parts, toks, args, light)
        if m.entry["type"] in SPEECH and args.sources and args.targets and \
                all(t.country == args.sources[0].country for t in args.targets):
            # `Kim memperingatkan bahwa Korea Utara akan … latihan militer AS`: the other country named
            own = {p.country for p in args.sources}
            other = [p for p in parts if p.first_tok > args.targets[-1].last_tok and p.country
                     and p.country not in own and p.last_tok - m.last <= 24]
            if other:
                args = Args(args.sources, other[:1], args.pattern + "+other")
        if m.entry.get("own") and args.sources:
            cue = max((p for p in report_positions if p < m.first), default=None)
            speakers = _before(parts, toks, cue) if cue is not None else _quote_speaker(article, first_tok.start)
            if speakers and all(sp.country != args.sources[0].country for sp in speakers):
                continue  # another party's act as the speaker tells it: part of an accusation
        etype = m.entry["type"]
        code = m.entry["c"]
        if etype in ("ASSAULT", "COERCE") and args.sources and not args.targets and m.voice != "passive":
            # `"Pihak X menyerang infrastruktur sipil," kata juru bicara Y`: Y's side was attacked
            speaker = _quote_speaker(article, first_tok.start)
            if speaker and speaker[0].country and all(p.country != speaker[0].country for p in args.sources):
                args = Args(args.sources, speaker, args.pattern + "+speaker-side")
        if m.entry.get("hit") and not args.targets:
            for p in parts:
                pre = [t.lower for t in toks[max(m.last, p.first_tok - 3):p.first_tok]]
                if p.first_tok >= m.last and p.first_tok - m.last <= 16 and "ke" in pre and "arah" not in pre:
                    args = Args(args.sources, [p], args.pattern + "+hit")
                    break
        if m.entry.get("hit"):
            # a launch that hits a country is an attack; without one it is a show of force
            if any(t.country and (not args.sources or t.country != args.sources[0].country) for t in args.targets):
                code = str(m.entry["hit"])
                etype = cameo_table()[code]["plover"]
            else:
                args = Args(args.sources, [], args.pattern)
        if m.entry.get("alone") and not any(t.country and t.country != (args.sources[0].country if args.sources
                                                                      else None) for t in args.targets):
            # `TNI menggelar latihan gabungan` of its own services: a show of force, not cooperation
            code = str(m.entry["alone"])
            etype = cameo_table()[code]["plover"]
            args = Args(args.sources, [], args.pattern + "+alone")
        clause_start = _clause_start(toks, m.first)
        negated, modality = _flags(toks, m, clause_start, reported_frame)
        if negated and m.entry.get("neg"):
            # `tidak diundang ke KTT`, `tidak pernah mengundang atlet Israel`: leaving out is a rejection
            code, negated = str(m.entry["neg"]), False
            etype = cameo_table()[code]["plover"]
            args = Args(args.sources, args.targets, args.pattern + "+negated-as")
        if not negated:
            args = _implied_args(article, s_index, m, etype, parts, toks, args)
        info = cameo_table()[code]
        before_n = len(out)
        sources = args.sources or [None]
        targets = args.targets or [None]
        for src in sources:
            for tgt in targets:
                sc = src.country if src else None
                tc = tgt.country if tgt else None
                if sc and tc and sc == tc and (m.entry.get("sym") and etype != "ASSAULT"
                                               or m.entry.get("arg") == "consequence"):
                    continue  # a clash of two forces of one country stays (`pasukan Sudan dan RSF`)
                if src is not None and tgt is not None and (src is tgt or (src.actor and src.actor == tgt.actor)):
                    continue
                if not (sc and tc):
                    if tc and src is not None and not sc and _is_international_body(article, src):
                        pass  # `Uni Eropa menjatuhkan sanksi terhadap Iran`: a body without a country
                    elif not (sc and (etype in SOURCE_ONLY or m.entry.get("solo"))):
                        if not (tc and m.voice == "passive" and etype in ("ASSAULT", "COERCE")):
                            continue
                    solo = etype in SOURCE_ONLY or m.entry.get("solo")
                    if tc is None and tgt is not None and not solo:
                        continue
                    if solo and tgt is not None and tc is None:
                        tgt = None  # a target without a country is not coded as a country
                confidence = 0.5 + (0.2 if sc else 0) + (0.2 if tc else 0) - (0.1 if modality else 0) \
                    - (0.1 if "no-source" in args.pattern else 0)
                out.append(Event(
                    id="", type=etype, mode=info.get("mode"), context=info.get("context"), cameo=code,
                    quad_class=info["quad_class"], goldstein=info["goldstein"],
                    source=src.actor if src else None, target=tgt.actor if tgt else None,
                    source_country=sc, target_country=tc,
                    source_text=src.text if src else None, target_text=tgt.text if tgt else None,
                    date=_event_date(article, s_index), place=_event_place(article, s_index),
                    negated=negated, modality=modality, evidence=article.text[sent.start:sent.end],
                    start=sent.start, end=sent.end,
                    trigger=article.text[toks[m.first].start:toks[m.last - 1].end],
                    confidence=round(min(confidence, 0.95), 2), rule=f"{m.rule}|{args.pattern}"))
        if etype in words("reported_hostile_types") and not negated and len(out) > before_n:
            out.extend(_reported_accusations(article, toks, parts, m, out[before_n:], report_positions))
    # a trigger that links two countries is not also a domestic event (`Menlu RI … menerima Menlu Australia`)
    crossing = {e.trigger for e in out if e.source_country and e.target_country
                and e.source_country != e.target_country}
    out = [e for e in out if not (e.trigger in crossing and e.source_country == e.target_country)]
    # one event per (trigger, type, source country, target country) in a sentence
    seen: set = set()
    unique = []
    for e in out:
        k = (e.trigger, e.type, e.source_country, e.target_country) if e.source_country or e.target_country \
            else (e.trigger, e.type, e.source_text, e.target_text)
        if k not in seen:
            seen.add(k)
            unique.append(e)
    return unique


# the actor layer is required where its component is installed (it registers before this module
# is imported, see warta.annotate); without it events still run on the country gazetteer
_REQUIRES = ["sentences", "entities", "actors"]


@component("events", requires=_REQUIRES, assigns=["events"])
def make_events(options: Options):
    """Code who-did-what-to-whom events (PLOVER types, CAMEO codes) from trigger words and sentence structure."""

    def run(article: Article) -> Article:
        events: list[Event] = []
        for i, sent in enumerate(article.sentences):
            if getattr(sent, "kind", "body") == "byline":
                continue
            article.scratch["events_so_far"] = events
            events.extend(events_of_sentence(article, i))
        for n, e in enumerate(events):
            e.id = f"{article.id}-e{n}"
        article.events = events
        return article

    return run
