"""Stage 3c, implied sides: the side a sentence leaves implicit, from where it happens and what the
article is about, and the accusation a hostile act told by another party carries.

* a source without a target: the country of a place in the sentence other than the source's
  (`serangan udara Israel … di Khan Younis` → PSE), else the article's home country when the
  source is foreign (`Rusia melancarkan serangan udara` in an article set in Ukraine), else, for an
  act at home, the home country itself (domestic events are coded X→X: `KKB membakar dua kendaraan`);
* a target without a source (`Andi ditahan`, `anggota KKB tewas tertembak`): a place abroad in the
  sentence, else the home country when the target is the home country's (its own authorities).
Which types take which fill is data (`implied_*` in event_triggers.yaml)."""

from __future__ import annotations

from warta.annotate.events.arguments import before
from bisect import bisect_left

from warta.annotate.events.countries import (home_country, home_grounded, is_armed_group, is_international_body,
                                             is_media)
from warta.annotate.events.index import index
from warta.annotate.events.lexicon import (NON_PLACE_KINDS, START, Args, Ctx, Match, Participant, Rule, cameo_table,
                                          words)
from warta.annotate.events.participants import quote_speaker
from warta.knowledge import countries
from warta.record import Event


def sentence_place_country(ctx: Ctx, m: Match, avoid: set) -> str | None:
    """The country of a place named in the sentence (`di Khan Younis`, `sembilan lokasi di Pakistan`)
    that is none of `avoid`: the one nearest after the trigger, else the nearest before it."""
    article, toks = ctx.article, ctx.toks
    at = toks[m.first].start
    starts = list(map(START, toks))
    found = []
    for p in index(article).places_in.get(ctx.s_index, ()):
        if not p.country or p.country in avoid or p.kind in NON_PLACE_KINDS:
            continue
        k = bisect_left(starts, p.start)
        if countries.by_name(p.text) and not (k > 0 and toks[k - 1].lower in words("locatives")):
            continue  # `pejabat AS`, `Pakistan mengatakan`: a country as an actor, not where it happened
        found.append((0 if p.start >= at else 1, abs(p.start - at), p.country))
    return min(found)[2] if found else None


def _fill(side: Participant, country: str) -> Participant:
    return Participant(side.start, side.end, country, country, None, generic="implied")


def implied_target(ctx: Ctx, m: Match, etype: str, args: Args) -> Args | None:
    """A source without a target country: an embassy protested at, a place, the home country, or home."""
    srcs, article = args.sources, ctx.article
    if srcs and not srcs[0].country and not any(t.country for t in args.targets) and \
            etype in words("implied_place_types") and is_armed_group(article, srcs[0]):
        # `ISIS melakukan penyerangan di sebuah konser dekat Moscow`: the place's country is the target
        fill = sentence_place_country(ctx, m, set())
        return Args(srcs, [_fill(srcs[0], fill)], args.pattern + "+place") if fill else None
    if not (srcs and not any(t.country for t in args.targets) and srcs[0].country) or \
            any(is_international_body(article, t) for t in args.targets):
        return None  # (`para pemimpin di G-20`: a body without a country is the target)
    sc = srcs[0].country
    if etype == "PROTEST":
        # `berdemo di depan Kedutaan Besar Myanmar`: a protest at an embassy is against its country
        site = [p for p in ctx.parts if p.first_tok >= m.last and p.country and p.country != sc
                and p.text.split()[0].casefold() in words("embassy_words")]
        if site:
            return Args(srcs, site[:1], args.pattern + "+embassy")
    home = home_country(article)
    foreign = not words("foreign_words").isdisjoint(ctx.lows)
    fill, how = None, ""
    if etype in words("implied_place_types"):
        fill, how = sentence_place_country(ctx, m, {sc}), "+place"
    if not fill and home and home != sc and etype in words("implied_home_types"):
        fill, how = home, "+home"
    if not fill and home_grounded(article, home) and home == sc and not foreign and (
            etype in words("implied_domestic_types") or m.entry.get("domestic")):
        fill, how = sc, "+domestic"
    return Args(srcs, [_fill(srcs[0], fill)], args.pattern + how) if fill else None


def implied_agent(ctx: Ctx, m: Match, etype: str, args: Args) -> Args | None:
    """A passive act with a target and no agent: a place abroad, the other party named, or home."""
    tgts, article = args.targets, ctx.article
    if not (tgts and not args.sources and tgts[0].country and etype in words("implied_agent_types")
            and m.voice == "passive"):
        return None
    tc = tgts[0].country
    fill = sentence_place_country(ctx, m, {tc})
    how = "+place-agent"
    if not fill:
        # `pasukan Kamboja menembaki …, tentara Thailand diserang`: the other party the sentence names
        other = [p for p in ctx.parts if p.country and p.country != tc and not p.generic
                 and not is_media(article, p)]
        if other:
            fill, how = min(other, key=lambda p: abs(p.first_tok - m.first)).country, "+other-agent"
    home = home_country(article)
    foreign = not words("foreign_words").isdisjoint(ctx.lows)
    if not fill and home_grounded(article, home) and home == tc and not foreign:
        fill, how = tc, "+domestic-agent"
    return Args([_fill(tgts[0], fill)], tgts, args.pattern + how) if fill else None


IMPLIED = [
    Rule("implied-target", implied_target, "Turki mengebom posisi militan di Suriah."),
    Rule("implied-agent", implied_agent, "Iran memulangkan warga Prancis yang sempat ditahan di Teheran."),
]


def implied_args(ctx: Ctx, m: Match, etype: str, args: Args) -> Args:
    if m.entry.get("arg") == "consequence" or m.entry.get("sym") and etype != "ASSAULT":
        return args
    for rule in IMPLIED:
        got = rule.apply(ctx, m, etype, args)
        if got is not None:
            return got
    return args


def _accuser(ctx: Ctx, m: Match) -> Participant | None:
    """Who tells of the act: the subject of a reporting verb before it, else the speaker of its quote."""
    toks, article = ctx.toks, ctx.article
    cue = max((p for p in ctx.report_positions if p < m.first), default=None)
    speakers = []
    if cue is not None and toks[cue].lower not in words("according_to"):  # `menurut data X`: a count
        speakers = before(ctx.parts, toks, cue)
    if not speakers and any(q.direct and q.start <= toks[m.first].start < q.end
                            for _n, q in index(article).quotes_in.get(ctx.s_index, ())):
        speakers = quote_speaker(article, toks[m.first].start)
    speakers = [p for p in speakers if p.country and not is_media(article, p)]
    return speakers[0] if speakers else None


def reported_accusations(ctx: Ctx, m: Match, events: list[Event]) -> list[Event]:
    """A hostile act told by a party of another country is also that party's accusation.

    `Maly Socheata (Kamboja) menyatakan pasukan Thailand melancarkan serangan ke tentara Kamboja`:
    Thailand attacks Cambodia (as told) and Cambodia accuses Thailand. The speaker is the subject of a
    reporting verb before the act, else the speaker of the quote it sits in; the accusation is coded
    when the speaker's country is the target's, or the act has no target country."""
    speaker = _accuser(ctx, m)
    if speaker is None:
        return []
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
