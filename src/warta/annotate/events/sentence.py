"""The events of one sentence: triggers → suppressors and filters → argument strategies → events, then
the sentence's own filters (a trigger linking two countries is no domestic event; one event per key)."""

from __future__ import annotations

from itertools import compress

from warta.annotate.events.arguments import arguments
from warta.annotate.events.countries import is_armed_group, is_international_body
from warta.annotate.events.index import index
from warta.annotate.events.lexicon import (LOWER, SOURCE_ONLY, Ctx, Participant, Rule, cameo_table, gated, ordered,
                                          words)
from warta.annotate.events.implied import reported_accusations
from warta.annotate.events.participants import participants
from warta.annotate.events.strategies import STRATEGIES, Draft
from warta.annotate.events.suppressors import filtered, is_light, is_title_case, suppress
from warta.annotate.events.triggers import find_triggers, sentence_tokens
from warta.knowledge import countries
from warta.record import Article, Event


def event_date(article: Article, s_index: int) -> str | None:
    for d in index(article).dates_in.get(s_index, ()):
        try:
            if d.value and d.grain in ("day", "time", "month", "year") \
                    and not str(d.value).startswith("P"):
                # the day (or month, year) of a point in time; the start of an interval `2024-01/2024-07`
                return str(d.value).split("/")[0][:10]
        except AttributeError:
            continue
    return article.reference_date


def event_place(article: Article, s_index: int) -> str | None:
    for p in index(article).places_in.get(s_index, ()):
        try:
            if p.name or p.text:
                if countries.by_name(p.text):  # a country named as an actor is not where it happened
                    continue
                return p.name or p.text
        except AttributeError:
            continue
    return article.dateline_place


def _draft(ctx: Ctx, m, name_spans, title_case: bool) -> Draft | None:
    if filtered(ctx, m, name_spans, title_case):
        return None
    light = is_light(ctx, m)
    if m.entry.get("light") and not light:
        return None  # `tidak keberatan`: no objection without a light verb
    start = ctx.toks[m.first].start
    reported = any(p < m.first for p in ctx.report_positions) or \
        any(q.start <= start < q.end for _n, q in index(ctx.article).quotes_in.get(ctx.s_index, ()))
    d = Draft(m, arguments(m, ctx.parts, ctx.toks, light), m.entry["type"], m.entry["c"], light, reported)
    for k in gated(STRATEGIES, m):  # (the strategies whose condition on the trigger holds)
        STRATEGIES[k].apply(ctx, d)
        if d.drop:
            return None
    return d


def _pair_ok(ctx: Ctx, d: Draft, src: Participant | None, tgt: Participant | None):
    """(keep, target): whether the source/target pair makes an event, and the target it is coded with."""
    m, etype = d.m, d.etype
    sc = src.country if src else None
    tc = tgt.country if tgt else None
    if sc and tc and sc == tc and (m.entry.get("sym") and etype != "ASSAULT" or m.entry.get("arg") == "consequence"):
        return False, tgt  # a clash of two forces of one country stays (`pasukan Sudan dan RSF`)
    if src is not None and tgt is not None and (src is tgt or (src.actor and src.actor == tgt.actor)):
        return False, tgt
    if sc and tc:
        return True, tgt
    solo = etype in SOURCE_ONLY or m.entry.get("solo")
    if tc and src is not None and not sc and (is_international_body(ctx.article, src)
                                              or is_armed_group(ctx.article, src)):
        pass  # `Uni Eropa menjatuhkan sanksi terhadap Iran`, `ISIS menyerang …`: a body without a country
    elif sc and tgt is not None and not tc and is_international_body(ctx.article, tgt):
        return True, tgt  # `Jokowi mengimbau para pemimpin di G-20`: a body without a country
    elif not (sc and solo) and not (tc and m.voice == "passive" and etype in ("ASSAULT", "COERCE")):
        return False, tgt
    if tc is None and tgt is not None and not solo:
        return False, tgt
    if solo and tgt is not None and tc is None:
        return True, None  # a target without a country is not coded as a country
    return True, tgt


def _emit(ctx: Ctx, d: Draft) -> list[Event]:
    article, toks, m = ctx.article, ctx.toks, d.m
    sent = article.sentences[ctx.s_index]
    info = cameo_table()[d.code]
    out = []
    where = None  # (date, place) of the sentence, found at the first event
    for src in d.args.sources or [None]:
        for tgt0 in d.args.targets or [None]:
            keep, tgt = _pair_ok(ctx, d, src, tgt0)
            if not keep:
                continue
            if where is None:
                where = event_date(article, ctx.s_index), event_place(article, ctx.s_index)
            sc = src.country if src else None
            tc = tgt.country if tgt else None
            confidence = 0.5 + (0.2 if sc else 0) + (0.2 if tc else 0) - (0.1 if d.modality else 0) \
                - (0.1 if "no-source" in d.args.pattern else 0)
            out.append(Event(
                id="", type=d.etype, mode=info.get("mode"), context=info.get("context"), cameo=d.code,
                quad_class=info["quad_class"], goldstein=info["goldstein"],
                source=src.actor if src else None, target=tgt.actor if tgt else None,
                source_country=sc, target_country=tc,
                source_text=src.text if src else None, target_text=tgt.text if tgt else None,
                date=where[0], place=where[1],
                negated=d.negated, modality=d.modality, evidence=article.text[sent.start:sent.end],
                start=sent.start, end=sent.end, trigger=article.text[toks[m.first].start:toks[m.last - 1].end],
                confidence=round(min(confidence, 0.95), 2), rule=f"{m.rule}|{d.args.pattern}"))
    if d.etype in words("reported_hostile_types") and not d.negated and out:
        out.extend(reported_accusations(ctx, m, out))
    return out


def not_domestic_too(events: list[Event]) -> list[Event]:
    """A trigger that links two countries is not also a domestic event (`Menlu RI … menerima Menlu
    Australia`)."""
    crossing = {e.trigger for e in events if e.source_country and e.target_country
                and e.source_country != e.target_country}
    return [e for e in events if not (e.trigger in crossing and e.source_country == e.target_country)]


def one_per_key(events: list[Event]) -> list[Event]:
    """One event per (trigger, type, source country, target country) in a sentence."""
    seen: set = set()
    unique = []
    for e in events:
        k = (e.trigger, e.type, e.source_country, e.target_country) if e.source_country or e.target_country \
            else (e.trigger, e.type, e.source_text, e.target_text)
        if k not in seen:
            seen.add(k)
            unique.append(e)
    return unique


SENTENCE_FILTERS = ordered([
    Rule("not-domestic-too", not_domestic_too, "Polisi Indonesia dan polisi Australia menangkap warga Australia itu di Bali.", 0),
    Rule("one-per-key", one_per_key, "Presiden Rusia dan Menlu Rusia mengunjungi Ukraina.", 10),
])


def _context(article: Article, s_index: int, toks, matches) -> Ctx:
    parts = participants(article, s_index, toks)
    # a trigger phrase may share its last words with an actor phrase (`mengusir diplomat` +
    # `diplomat Rusia`, `penarikan pasukan` + `pasukan Prancis`): the actor starts after the trigger
    for m in matches:
        for p in parts:
            if m.first <= p.first_tok < m.last <= p.last_tok:
                p.first_tok = m.last
    reporting = words("reporting_forms")
    report_positions = list(compress(range(len(toks)), map(reporting.__contains__, map(LOWER, toks))))
    return Ctx(article, s_index, toks, parts, report_positions)


def _name_spans(article: Article, s_index: int) -> list[tuple[int, int]]:
    ix = index(article)
    return [(p.start, p.end) for p in ix.places_in.get(s_index, ())] + \
        [(e.start, e.end) for e in ix.entities_in.get(s_index, ()) if e.label in ("PER", "LOC")]


def events_of_sentence(article: Article, s_index: int) -> list[Event]:
    toks = sentence_tokens(article, s_index)
    if not toks:
        return []
    matches = suppress(find_triggers(toks), toks)
    if not matches:
        return []
    ctx = _context(article, s_index, toks, matches)
    title_case = is_title_case(toks)
    name_spans = _name_spans(article, s_index)
    out: list[Event] = []
    for m in matches:
        if m.suppressed:
            continue
        d = _draft(ctx, m, name_spans, title_case)
        if d is not None:
            out.extend(_emit(ctx, d))
    for rule in SENTENCE_FILTERS:
        out = rule.apply(out)
    return out
