"""Participants of a sentence: entities and actor phrases with their countries, title chains merged,
plus actors named without a name (`polisi`, `pengunjuk rasa`) and vessels named by an anaphor."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right, insort
from itertools import compress

from warta.annotate.events.countries import (actor_country, containing_actors, home_country, inner_country,
                                             is_media, mention_country, names_body, person_country)
from warta.annotate.events.index import index
from warta.annotate.events.lexicon import (END, GEOGRAPHIC_KINDS, LOWER, START, TITLE_WORD, Participant, Tok, label,
                                          words)
from warta.annotate.events.triggers import sentence_tokens
from warta.record import Article


class _Disjoint:
    """Spans that do not overlap one another, sorted: whether a new span overlaps one in log time."""

    def __init__(self):
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.spans, (b, b))  # the spans that start before b ...
        return k > 0 and self.spans[k - 1][1] > a and not (b <= self.spans[k - 1][0])  # ... the last ends after a

    def add(self, a: int, b: int) -> None:
        insort(self.spans, (a, b))


class _Within:
    """Whether a span lies inside a longer one of a set (`China` in `Laut China Selatan`)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _b in spans]
        self.reach, top = [], -1
        for _a, b in spans:
            top = max(top, b)
            self.reach.append(top)  # the furthest end of the spans that start so far
        self.same_start: dict[int, int] = {}
        for a, b in spans:
            self.same_start[a] = max(self.same_start.get(a, -1), b)

    def holds(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, a)  # spans that start before a: any reaching b is longer
        return (k > 0 and self.reach[k - 1] >= b) or self.same_start.get(a, -1) > b


def _joins_two(text: str, people: list[tuple[int, int]]) -> bool:
    """A phrase that joins two named people with a conjunction (`Menlu Jepang X dan Menlu Korea Selatan Y`,
    not `Menteri Hukum dan HAM Y`): a person named on each side. `people`: their spans in `text`."""
    if len(people) < 2:
        return False  # (one person or none cannot stand on both sides)
    for m in re.finditer(r"\S+", text):
        if m.group().casefold() in words("clause_conjunctions"):
            if any(b <= m.start() for _a, b in people) and any(a >= m.end() for a, _b in people):
                return True
    return False


def _mentions(article: Article, s_index: int) -> list[Participant]:
    """Actor phrases and entities of the sentence, longest phrase first, none overlapping another."""
    sent = article.sentences[s_index]
    ix = index(article)
    taken = _Disjoint()
    spans: list[Participant] = []
    phrases = sorted((p for p in ix.phrases_in.get(s_index, ()) if p[1] <= sent.end),
                     key=lambda p: (p[0] - p[1], p[0]))
    # a phrase names its actor in full (`pasukan Prancis` is the French forces, not France):
    # it replaces the entities inside it; of overlapping phrases the longer one stands
    people = [(e.start, e.end) for e in ix.entities_in.get(s_index, ()) if e.label == "PER"]
    for a, b, actor_id in phrases:
        if _joins_two(article.text[a:b], [(x - a, y - a) for x, y in people if a <= x and y <= b]):
            continue  # `Presiden Prancis X dan Kanselir Jerman Y`: two actors, each coded on its own
        if not taken.overlaps(a, b):
            actor = ix.actor(actor_id)
            spans.append(Participant(a, b, article.text[a:b], actor.country if actor else None, actor_id))
            taken.add(a, b)
    # a country inside a longer place name is no actor (`China` in `Laut China Selatan`)
    places = _Within([(pl.start, pl.end) for pl in ix.places_in.get(s_index, ()) if pl.kind in GEOGRAPHIC_KINDS])
    for e in ix.entities_in.get(s_index, ()):
        # inside or across a phrase (the phrase stands), or inside a longer place name
        if e.end <= sent.end and not taken.overlaps(e.start, e.end) and not places.holds(e.start, e.end):
            spans.append(Participant(e.start, e.end, e.text, None, e.actor))
            taken.add(e.start, e.end)
    return sorted(spans, key=lambda p: p.start)


def _merge_titles(article: Article, parts: list[Participant]) -> list[Participant]:
    """Title chains as one participant: `Presiden Rusia Vladimir Putin`, `Menteri Pertahanan Rusia
    Jenderal Sergei Shoigu`."""
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
    return merged


def participants(article: Article, s_index: int, toks: list[Tok]) -> list[Participant]:
    parts = _mentions(article, s_index)
    for p in parts:
        p.country = p.country or mention_country(article, p.start, p.end)
        if p.actor is None:
            holders = containing_actors(article, p.start, p.end)
            if holders:
                p.actor = holders[-1].id
    merged = _merge_titles(article, parts)
    starts, ends = list(map(START, toks)), list(map(END, toks))
    for p in merged:
        p.first_tok = bisect_right(ends, p.start)
        last = bisect_left(starts, p.end) - 1
        p.last_tok = last if last >= 0 else p.first_tok
        if not p.country:
            p.country = inner_country(p.text) or person_country(article, p)
        if p.country and names_body(p.text):
            p.country = None  # `para pemimpin di G-20`: the body's, which has no country
    # a country right after a currency word is part of an amount (`dolar AS`, `yen Jepang`)
    currency = words("currency_words")
    merged = [p for p in merged if not (p.first_tok > 0 and toks[p.first_tok - 1].lower in currency)]
    merged += _generic_participants(article, toks, merged)
    merged += _vessel_participants(article, s_index, toks, merged)
    return sorted(merged, key=lambda p: p.first_tok)


def _vessel_country(article: Article, toks: list[Tok], i: int) -> str | None:
    """Country of the vessel named at token `i`: a flag (`berbendera Vietnam`) or an owner
    (`kapal penjaga pantai China`) within the few words after it, before any clause or place word."""
    end = i
    for k in range(i + 1, min(len(toks), i + 7)):
        if toks[k].lower in words("vessel_stops"):
            break
        end = k
    if end == i:
        return None
    return inner_country(article.text[toks[i + 1].start:toks[end].end])


def _last_vessel_country(article: Article, s_index: int, toks: list[Tok], i: int) -> str | None:
    """The country of the vessel named last before token `i` (this sentence or the three before)."""
    vessels = words("vessel_words")
    for k in range(s_index, max(-1, s_index - 4), -1):
        ktoks = toks[:i] if k == s_index else sentence_tokens(article, k)
        for j in range(len(ktoks) - 1, -1, -1):
            if ktoks[j].lower in vessels:
                country = _vessel_country(article, ktoks, j)
                if country:
                    return country
    return None


def _vessel_participants(article: Article, s_index: int, toks: list[Tok], taken: list[Participant]) -> list[Participant]:
    """`kapal tersebut`, `kapal itu`: the vessel named last (this sentence or the three before), with its
    flag or owner country."""
    vessels = words("vessel_words")
    if vessels.isdisjoint(map(LOWER, toks)):
        return []  # (most sentences name no vessel)
    anaphors = words("anaphors")
    covered = {i for p in taken for i in range(p.first_tok, p.last_tok + 1)}
    out = []
    for i in range(len(toks) - 1):
        ordinal = i > 0 and toks[i - 1].lower in words("ordinals")
        if toks[i].lower not in vessels or not (toks[i + 1].lower in anaphors or ordinal) or i in covered:
            continue
        country = _last_vessel_country(article, s_index, toks, i)
        if country:
            first = i - 1 if ordinal else i
            last = i if ordinal else i + 1
            a, b = toks[first].start, toks[last].end
            out.append(Participant(a, b, article.text[a:b], country, None, first, last, label("vessel")))
    return out


@functools.cache
def _generic_index() -> dict[str, list[list[str]]]:
    idx: dict[str, list[list[str]]] = {}
    for g in sorted(words("generic_actors")):
        ws = g.casefold().split()
        idx.setdefault(ws[0], []).append(ws)
    return idx


def _generic_participants(article: Article, toks: list[Tok], taken: list[Participant]) -> list[Participant]:
    """`Polisi`, `pemerintah`, `pengunjuk rasa` …: actors of the home country named without a name."""
    home = home_country(article)
    if not home:
        return []
    index = _generic_index()
    covered: set[int] | None = None  # (built at the first generic word: most sentences have none)
    out = []
    last = 0  # the first token after the last generic phrase found
    for i in list(compress(range(len(toks)), map(index.__contains__, map(LOWER, toks)))):
        if i < last:
            continue
        best = None
        for ws in index[toks[i].lower]:
            n = len(ws)
            if [t.lower for t in toks[i:i + n]] == ws and (best is None or n > len(best)):
                best = ws
        if best is None:
            continue
        n = len(best)
        if covered is None:
            covered = {i for p in taken for i in range(p.first_tok, p.last_tok + 1)}
        span = set(range(i, i + n))
        # `pemerintah Filipina` is the actor layer's: a name right after makes it no generic actor
        if not (span & covered) and (i + n) not in covered:
            a, b = toks[i].start, toks[i + n - 1].end
            out.append(Participant(a, b, article.text[a:b], home, None, i, i + n - 1, " ".join(best)))
        last = i + n
    return out


def previous_pair(article: Article, s_index: int) -> list[Participant]:
    """The two countries named last in the three sentences before (nearest first)."""
    seen: dict[str, Participant] = {}
    for k in range(s_index - 1, max(-1, s_index - 4), -1):
        ptoks = sentence_tokens(article, k)
        for p in reversed(participants(article, k, ptoks)):
            if p.country and p.country not in seen and not p.generic and not is_media(article, p):
                seen[p.country] = p
        if len(seen) >= 2:
            return list(seen.values())[:2]
    return []


def previous_other(article: Article, s_index: int, own: set) -> Participant | None:
    """The country named last in the three sentences before that is not one of `own`."""
    for k in range(s_index - 1, max(-1, s_index - 4), -1):
        for p in reversed(participants(article, k, sentence_tokens(article, k))):
            if p.country and p.country not in own and not p.generic and not is_media(article, p):
                return p
    return None


def police(article: Article, s_index: int, toks: list[Tok]) -> Participant | None:
    """The police named in this sentence or the three before (`Polda Metro Jaya`, `polisi`)."""
    police_words = words("police")
    for k in range(s_index, max(-1, s_index - 4), -1):
        ktoks = toks if k == s_index else sentence_tokens(article, k)
        for t in reversed(ktoks):
            if t.lower in police_words:
                country = inner_country(t.text) or home_country(article)
                if country:
                    return Participant(t.start, t.end, t.text, country, None, generic=label("police"))
    return None


def _anaphoric_speaker(text: str) -> bool:
    low = text.strip().casefold()
    return low in words("anaphoric_speakers") or low.endswith(tuple(words("anaphoric_speaker_suffixes")))


def _earlier_speaker(article: Article, quotes, n: int, q) -> list[Participant]:
    """`…," ujarnya`: the speaker named in the quotes just before quote `n`."""
    here = article.sentence_at(q.start) or 0
    for prev in reversed(quotes[:n]):
        if here - (article.sentence_at(prev.start) or 0) > 3:
            break
        pa = index(article).actor(prev.speaker) if prev.speaker else None
        pc = actor_country(article, pa) if pa else None
        if pc:
            return [Participant(q.start, q.start, prev.speaker_text or pa.name, pc, pa.id)]
    return []


def quote_speaker(article: Article, offset: int) -> list[Participant]:
    """The speaker of the quote around `offset`, as a participant (quote layer)."""
    quotes = getattr(article, "quotes", None) or []
    ix = index(article)
    k = article.sentence_at(offset)
    for n, q in ix.quotes_in.get(k, ()) if k is not None else enumerate(quotes):
        if q.start <= offset < q.end and q.speaker:
            actor = ix.actor(q.speaker)
            country = actor_country(article, actor)
            if country:
                return [Participant(q.start, q.start, q.speaker_text or actor.name, country, actor.id)]
            if _anaphoric_speaker(q.speaker_text or ""):
                got = _earlier_speaker(article, quotes, n, q)
                if got:
                    return got
        elif q.start <= offset < q.end and q.speaker_text:
            named = ix.named_actor(q.speaker_text)
            if named is not None:  # the quote layer named the speaker without linking its actor
                return [Participant(q.start, q.start, q.speaker_text, named.country, named.id)]
            country = inner_country(q.speaker_text)  # `kata Kepala BNPB`: the institution in the title
            if country:
                return [Participant(q.start, q.start, q.speaker_text, country, None)]
    return []
