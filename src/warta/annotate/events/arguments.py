"""Stage 3a, argument strategies by voice: who stands before and after the trigger.

* active      `Israel menyerang Gaza`          source before, target after
* passive     `Gaza diserang (oleh) Israel`    target before, source after
* comitative  `Kim bertemu dengan Putin`, `Kim dan Putin bertemu`
* nominal     `serangan Israel ke Gaza`, `pertemuan antara X dan Y`; after a light verb
              (`melakukan kunjungan`) the light verb's subject is the source
* consequence `X akan membayar harganya, kata Y`: Y warns X
"""

from __future__ import annotations

import functools

from warta.annotate.events.lexicon import (FROM_TARGET_TYPES, LOWER, MARKED_TARGET_ONLY, SPEECH, Args, Match,
                                           Participant, Rule, Tok, words)
from warta.annotate.events.participants import quote_speaker
from warta.record import Article


def _link(toks: list[Tok], a: Participant, b: Participant, joiners: frozenset[str]) -> list[str] | None:
    """The joining words between two participants (`dan`, `,`, `serta juga`), else None. Capitalised
    words after a conjunction are the title of the next one (`Macron dan Kanselir Jerman Olaf Scholz`)."""
    gap = toks[a.last_tok + 1:b.first_tok]
    between = [t.lower for t in gap]
    if between and all(w in joiners for w in between) and len(between) <= 2:
        return between
    n = next((i for i, w in enumerate(between) if w not in joiners), len(between))
    if 0 < n <= 2 and any(w in words("conjunctions") for w in between[:n]) and len(gap) - n <= 3 and \
            all(t.text[:1].isupper() and t.text[:1].isalpha() for t in gap[n:]):
        return between[:n]
    return None


def coordinated(parts: list[Participant], toks: list[Tok], idx: int, forward: bool) -> list[Participant]:
    """The participant `idx` and those joined to it by dan/serta/commas (before a verb also bersama)."""
    group = [parts[idx]]
    links: list[list[str]] = []
    joiners = words("coordinators") | words("coordination_fillers") | \
        (frozenset() if forward else words("subject_joiners"))
    j = idx
    while True:
        k = j + (1 if forward else -1)
        if not (0 <= k < len(parts)):
            break
        a, b = (parts[j], parts[k]) if forward else (parts[k], parts[j])
        between = _link(toks, a, b, joiners)
        if between is None:
            break
        group.append(parts[k])
        links.append(between)
        j = k
    # `A, B, dan C` is a list; `A, B` alone is apposition or a place (`di Gedung X, Kementerian Y, Jakarta`)
    conjunctions = words("conjunctions") | (frozenset() if forward else words("subject_joiners"))
    if links and not any(w in conjunctions for lk in links for w in lk):
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
        if toks[k].lower == "," and toks[k + 1].lower in words("relative_pronouns"):
            close = next((j for j in range(k + 2, pos) if toks[j].lower == ","), None)
            if close is None:
                break
            spans.append((k, close))
            k = close
        k += 1
    return spans


def before(parts, toks, pos: int, stop_at_break=True, limit=14):
    """Participants group nearest before token `pos` within the clause."""
    relative = _relative_clauses(toks, pos)
    not_subject = words("place_markers") | words("object_markers")
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
        if stop_at_break and not words("subject_breaks").isdisjoint(between):
            return []
        if p.first_tok > 0 and toks[p.first_tok - 1].lower in not_subject:
            continue
        if not words("reporter_cues").isdisjoint(map(LOWER, toks[max(0, p.first_tok - 3):p.first_tok])):
            continue  # `Menurut badan intelijen Korea Selatan, …` names who reports, not who acts
        return coordinated(parts, toks, idx, forward=False)
    return []


def after(parts, toks, pos: int, etype: str, limit=10, cross_bahwa=False):
    """(participants group, marker word) nearest after token `pos` within the clause."""
    breaks = words("object_breaks") if cross_bahwa else words("object_breaks") | words("complement_openers")
    places: set[int] = set()  # `di Pakistan dan Jammu`: the names joined to a place are places too
    for idx, p in enumerate(parts):
        if p.first_tok < pos or id(p) in places:
            continue
        if p.first_tok - pos > limit:
            return [], None
        between = [t.lower for t in toks[pos:p.first_tok]]
        if between[-2:-1] == [","] and between[-1] in words("list_introducers"):
            between = between[:-2]
        if not breaks.isdisjoint(between) or ("," in between and between[-1] != ","):
            return [], None
        marker = toks[p.first_tok - 1].lower if p.first_tok > 0 else None
        if marker in words("place_markers") and not (marker in words("from_markers") and etype in FROM_TARGET_TYPES):
            places.update(map(id, coordinated(parts, toks, idx, forward=True)))
            continue
        return coordinated(parts, toks, idx, forward=True), marker
    return [], None


def _passive(m: Match, parts, toks, light: bool) -> Args:
    """`Gaza diserang (oleh) Israel`: the agent after the verb, the target before it."""
    etype = m.entry["type"]
    srcs, _marker = after(parts, toks, m.last, etype, limit=4)
    if srcs and not words("coordinators").isdisjoint(map(LOWER, toks[m.last:srcs[0].first_tok])):
        srcs = []  # `… ditembak jatuh dan sejumlah tentara India ditawan`: the next clause's subject
    if not srcs:
        # `… diserang oleh pasukan Israel`
        for k in range(m.last, min(len(toks), m.last + 3)):
            if toks[k].lower in words("passive_agents"):
                srcs, _ = after(parts, toks, k + 1, etype, limit=4)
                break
    tgts = before(parts, toks, m.first)
    if tgts and not words("reporting_forms").isdisjoint(map(LOWER, toks[tgts[-1].last_tok + 1:m.first])):
        tgts = []  # `Gatot menjelaskan, saat akan ditangkap, …`: the speaker is not the one arrested
    launch = _passive_launch(m, parts, toks) if etype == "ASSAULT" else None
    return launch or Args(srcs, tgts, "passive")


def _marked_after(m: Match, parts, toks, markers: frozenset[str], reach: int = 8) -> list[Participant]:
    """The participant group right after one of `markers` (or `ke wilayah`), within `reach` words."""
    for idx, p in enumerate(parts):
        if m.last <= p.first_tok <= m.last + reach:
            pre = [t.lower for t in toks[max(m.last, p.first_tok - 2):p.first_tok]]
            if pre and (pre[-1] in markers or (len(pre) == 2 and pre[0] in markers
                                                and pre[1] in words("locatives"))):
                return coordinated(parts, toks, idx, forward=True)
    return []


def _passive_launch(m: Match, parts, toks) -> Args | None:
    """`180 rudal ditembakkan ke wilayah Israel dari Iran`, `roket ditembakkan dari Gaza ke Israel`: after
    a passive attack verb `ke X` is the target and `dari Y` the one who fired."""
    tgts = _marked_after(m, parts, toks, words("object_markers"))
    if not tgts:
        return None
    srcs = [p for p in _marked_after(m, parts, toks, words("from_markers")) if all(p is not q for q in tgts)]
    return Args(srcs, tgts, "passive:launch") if srcs else None


@functools.cache
def _genitive_stops() -> frozenset[str]:
    """Words that, between a noun and a name, make the name no genitive of the noun."""
    return words("target_markers") | words("place_markers") | {","} | words("passive_agents")


def _genitive(m: Match, parts, toks) -> list[Participant]:
    """The name right after a noun (`serangan Israel`, `kunjungan Menteri Rusia …`)."""
    for p in parts:
        if p.first_tok >= m.last and p.first_tok - m.last <= 2:
            between = [t.lower for t in toks[m.last:p.first_tok]]
            if _genitive_stops().isdisjoint(between):
                return [p]
            if between and between[-1] in words("passive_agents"):
                return [p]
            return []
    return []


def _nominal(m: Match, parts, toks, light: bool) -> Args:
    """`serangan Israel ke Gaza`, `pertemuan antara X dan Y`."""
    etype = m.entry["type"]
    gen = _genitive(m, parts, toks)
    between = words("between_markers")
    if m.last < len(toks) and toks[m.last].lower in between:
        gen = []
    if m.last < len(toks) and toks[m.last].lower in between or \
            (m.last + 1 < len(toks) and toks[m.last + 1].lower in between):
        start = m.last + (1 if toks[m.last].lower in between else 2)
        grp, _ = after(parts, toks, start, etype, limit=4)
        if len(grp) >= 2:
            return Args(grp[:1], grp[1:], "nominal:antara")
    pos = gen[-1].last_tok + 1 if gen else m.last
    tgt, marker = after(parts, toks, pos, etype, limit=8, cross_bahwa=etype in SPEECH)
    if tgt and marker is None and not gen:
        tgt = []
    if gen and tgt and tgt[0] is gen[0]:
        tgt = []
    if gen:
        return Args(gen, tgt, "nominal")
    return Args([], tgt, "nominal:no-source")


def _active(m: Match, parts, toks, light: bool) -> Args:
    """`Israel menyerang Gaza`; a light verb + noun (`melakukan kunjungan ke X`); `bertemu dengan X`."""
    srcs = before(parts, toks, m.first)
    tgt, marker = after(parts, toks, m.last, m.entry["type"], limit=10, cross_bahwa=m.entry["type"] in SPEECH)
    sym = bool(m.entry.get("sym"))
    comitative = words("comitative_markers")
    if sym and marker not in comitative:
        # `membahas isu Myanmar dengan Thailand`: the partner is the one after dengan
        for idx, p in enumerate(parts):
            if p.first_tok >= m.last and p.first_tok > 0 and toks[p.first_tok - 1].lower in comitative \
                    and p.first_tok - m.last <= 10:
                tgt, marker = coordinated(parts, toks, idx, forward=True), toks[p.first_tok - 1].lower
                break
    if sym and not tgt and len(srcs) >= 2:
        return Args(srcs[:1], srcs[1:], "comitative:coordinated")
    if sym and marker in comitative:
        return Args(srcs, tgt, "comitative:dengan")
    return Args(srcs, tgt, "light-verb" if light else "active")


#: one strategy per voice; a nominal trigger after a light verb takes the active one
BY_VOICE = {
    "passive": Rule("passive", _passive, "Ukraina diserang Rusia dengan rudal jelajah."),
    "nominal": Rule("nominal", _nominal, "Sanksi Inggris terhadap Rusia menyasar bank-bank besar."),
    "active": Rule("active", _active, "Israel memblokade Gaza sejak 2007."),
}


def arguments(m: Match, parts, toks, light: bool) -> Args:
    voice = "active" if m.voice == "nominal" and light else m.voice
    args = BY_VOICE.get(voice, BY_VOICE["active"]).apply(m, parts, toks, light)
    if m.voice != "passive" and m.entry["type"] in MARKED_TARGET_ONLY and args.targets:
        first = args.targets[0]
        marker = toks[first.first_tok - 1].lower if first.first_tok > 0 else None
        if marker not in words("strong_markers"):
            args = Args(args.sources, [], args.pattern)
    return args


def consequence_args(article: Article, m: Match, parts, toks, report_positions: list[int]) -> Args:
    """`X akan membayar harganya, kata Y`: Y (the speaker) warns X.

    The target is the subject of the phrase after any reporting verb (`… mengatakan Iran akan
    menanggung akibatnya`), else the party marked after it (`akan ada konsekuensi bagi Rusia`).
    The source is the speaker: the quote layer's speaker where the phrase sits in a quote, else
    the subject of a reporting verb before it, the name after `menurut`, or the name after a
    reporting verb that follows (`…, kata Menlu Inggris`).
    """
    cue_before = max((p for p in report_positions if p < m.first), default=None)
    targets = [p for p in before(parts, toks, m.first) if cue_before is None or p.first_tok > cue_before]
    pattern = "consequence:subject"
    if not targets:
        got, marker = after(parts, toks, m.last, "THREATEN", limit=6)
        if marker in words("consequence_markers"):
            targets, pattern = got, f"consequence:{marker}"
    sources = quote_speaker(article, toks[m.first].start)
    how = "+quote-speaker"
    if not sources and cue_before is not None:
        how = "+speaker"
        if toks[cue_before].lower in words("according_to"):
            sources, _ = after(parts, toks, cue_before + 1, "THREATEN", limit=3)
        else:
            sources = before(parts, toks, cue_before)
    if not sources:
        cue_after = min((p for p in report_positions if p >= m.last), default=None)
        if cue_after is not None:
            sources, _ = after(parts, toks, cue_after + 1, "THREATEN", limit=4)
            how = "+speaker-after"
    if not sources:
        how = ""
    targets = [t for t in targets if all(t is not s_ for s_ in sources)]
    return Args(sources, targets, pattern + how)
