"""Stage 2, suppressors and filters: triggers that are no event of their own.

Suppressors look at the triggers of a sentence together (the content of `mendesak agar …`, the means
of an attack, the nominal object of a verb); filters look at one trigger in its sentence (a word of a
name, an earlier event named again). Each is a named rule with the example it was written for."""

from __future__ import annotations

from itertools import compress
from operator import itemgetter

from warta.lang.id import morph
from warta.annotate.events.lexicon import (EMBEDDING, LOWER, SPEECH, SPORT_VOID, TEXT, Ctx, Match, Rule, Tok, ordered,
                                          words)


def sport(matches: list[Match], toks: list[Tok]) -> list[Match]:
    """`Arema FC menjamu Bali United di Stadion …`, `menyerang lewat sayap`: a match, not an event."""
    sports = words("sports_words")
    if not sports.isdisjoint(map(LOWER, toks)):
        return [m for m in matches if m.entry["type"] not in SPORT_VOID]
    return matches


def _is_pledge(a: Match, b: Match, gap: list[str]) -> bool:
    """`menjanjikan dana bantuan`, `menjanjikan hibah`: the pledge is the aid itself."""
    return a.entry["type"] == "AGREE" and b.entry["type"] == "AID" and b.voice == "nominal" and \
        len(gap) <= 3 and all(w in words("quantity_words") or w[:1].isdigit() for w in gap)


def embedded(matches: list[Match], toks: list[Tok]) -> list[Match]:
    """The content of a verbal speech act is no event of its own (`mendesak Rusia agar menarik pasukan`);
    a second act of the same subject stays (`mengutuk peluncuran itu dan mendesak Pyongyang …`)."""
    for a in matches:
        if a.voice == "nominal" or a.entry["type"] not in EMBEDDING:
            continue
        for b in matches:
            if b is a or b.first < a.last:
                continue
            gap = [t.lower for t in toks[a.last:b.first]]
            if _is_pledge(a, b, gap):
                a.suppressed = True
                b.extra["pledge"] = True
                break
            if b.voice == "active" and b.entry["type"] in SPEECH and gap and gap[-1] in words("clause_conjunctions") \
                    and words("complementisers").isdisjoint(gap):
                continue
            if words("embedding_stops").isdisjoint(gap) and len(gap) <= 24:
                b.suppressed = True
    return matches


def means_of_attack(matches: list[Match], toks: list[Tok]) -> list[Match]:
    """`melancarkan serangan udara dengan mengerahkan 320 drone`: the means of the attack, not a new event."""
    for a in matches:
        for b in matches:
            if a.entry["type"] == "ASSAULT" and b.entry["type"] == "MOBILIZE" and 0 < b.first - a.last <= 6 and \
                    toks[b.first - 1].lower in words("comitative_markers"):
                b.suppressed = True
    return matches


def nominal_object(matches: list[Match], toks: list[Tok]) -> list[Match]:
    """`dukungan untuk perang …`, `mendukung perang …`: the war is what is supported, not a new event."""
    for a in matches:
        if a.suppressed:
            continue
        for b in matches:
            if b is not a and b.voice == "nominal" and 0 <= b.first - a.last <= (7 if a.voice == "nominal" else 3):
                gap = [t.lower for t in toks[a.last:b.first]]
                if a.voice == "nominal":
                    if gap and all(w in words("object_links") for w in gap):
                        b.suppressed = True
                elif (words("target_markers") | words("object_gap_stops")).isdisjoint(gap):
                    b.suppressed = True
    return matches


SUPPRESSORS = ordered([
    Rule("sport", sport, "Persib menyerang lewat sayap kiri dalam laga di stadion Si Jalak Harupat.", 0),
    Rule("embedded", embedded, "Pakistan menuntut India membebaskan nelayannya.", 10),
    Rule("means-of-attack", means_of_attack, "Rusia melancarkan serangan udara ke Ukraina dengan mengerahkan 320 drone.", 20),
    Rule("nominal-object", nominal_object, "Thailand memenuhi tuntutan Kamboja terkait pemulangan pekerja.", 30),
])


def suppress(matches: list[Match], toks: list[Tok]) -> list[Match]:
    for rule in SUPPRESSORS:
        matches = rule.apply(matches, toks)
    return matches


# ---------------------------------------------------------------------------- filters of one trigger
def name_word(ctx: Ctx, m: Match, name_spans: list[tuple[int, int]], title_case: bool) -> bool:
    """`ditangkap di Serang`: a place or person named with a trigger word."""
    tok = ctx.toks[m.first]
    return m.first > 0 and tok.text[:1].isupper() and not title_case and any(
        a <= tok.start and tok.end <= b for a, b in name_spans)


def named_again(ctx: Ctx, m: Match, name_spans, title_case: bool) -> bool:
    """`Tuduhan itu …`, `Kesepakatan tersebut …`: an earlier event named again."""
    return m.voice == "nominal" and m.last < len(ctx.toks) and ctx.lows[m.last] in words("anaphors") \
        and not m.extra.get("pledge")


def proper_name(ctx: Ctx, m: Match, name_spans, title_case: bool) -> bool:
    """`Perang Korea`: a capitalised noun inside the sentence is a name (KTT, all capitals, stays)."""
    tok = ctx.toks[m.first]
    return m.voice == "nominal" and m.first > 0 and tok.text[:1].isupper() and not title_case \
        and not tok.text.isupper() and ctx.lows[m.first - 1] not in words("name_openers")


FILTERS = ordered([
    Rule("name-word", name_word, "Lima warga Malaysia ditangkap di Serang, Banten.", 0),
    Rule("named-again", named_again, "Myanmar menuduh Thailand melindungi kelompok bersenjata di perbatasan. Tuduhan itu dibantah Thailand.", 10),
    Rule("proper-name", proper_name, "Jepang memperingati Pengeboman Hiroshima setiap tahun.", 20),
])


def is_title_case(toks: list[Tok]) -> bool:
    """Most words (over 60%, of three or more) open with a capital. (Read by C-level maps over the first
    characters; a token is never empty.)"""
    firsts = list(map(itemgetter(0), map(TEXT, toks)))
    alpha = list(compress(firsts, map(str.isalpha, firsts)))
    return len(alpha) >= 3 and sum(map(str.isupper, alpha)) / len(alpha) > 0.6


def filtered(ctx: Ctx, m: Match, name_spans, title_case: bool) -> bool:
    return any(rule.apply(ctx, m, name_spans, title_case) for rule in FILTERS)


def is_light(ctx: Ctx, m: Match) -> bool:
    """A nominal trigger after a light verb (`melakukan kunjungan`, `memberangkatkan 21 ton bantuan`)."""
    if m.extra.get("pledge"):
        return True
    if m.voice != "nominal":
        return False
    light_roots, lows = words("light_verbs"), ctx.lows
    for k in range(max(0, m.first - 2), m.first):
        if morph.roots(lows[k]) & light_roots and lows[k] not in words("not_light_forms"):
            return True
    # a light verb before a quantity of the noun
    for k in range(m.first - 1, max(-1, m.first - 7), -1):
        w = lows[k]
        if morph.roots(w) & light_roots and w.startswith(tuple(sorted(words("active_verb_spellings")))):
            return True
        if not (w[:1].isdigit() or w in words("quantity_words") or w in (".", ",")):
            return False
    return False
