"""Passes over all spans of an article that fix labels: votes, knowledge, countries, clubs,
currencies, and the confirmation of names in headings and bylines."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from warta import lexicons
from warta.knowledge import countries
from warta.lang.id.name_rules import is_currency_country, rules
from warta.record import Article
from warta.knowledge import cache
from warta.lang.alternation import flat_or_never

from .base import Span4, _is_verb, _words
from .index import first_runs, text_index
from .split import drop_inside
from .words import _headline_case, gazetteer_capitals, known_label


@cache.table("entities-org-country", sources=countries.data_files)  # user cache; rebuilt with the country data
def _org_country_regex() -> re.Pattern:
    heads = "|".join(re.escape(h) for h in rules()["org_with_country"])
    names = "|".join(re.escape(n) for n in sorted(countries.surface_names(), key=len, reverse=True) if n)
    return re.compile(rf"(?<![\w-])(?:{heads})\s+(?:{names})(?![\w-])")


@functools.cache
def _org_heads() -> frozenset[str] | None:
    """The first word runs of the heads `_org_country_regex` opens with (None: none, search the text)."""
    heads = rules()["org_with_country"]
    return first_runs(heads) if heads else None


def _org_with_country(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """`Kementerian Luar Negeri Iran`, `Penjaga Pantai China`: a generic organisation head
    (entity_rules.yaml `org_with_country`) followed by a country is one ORG; spans inside it go."""
    found = [(m.start(), m.end()) for m in text_index(text).matches(_org_country_regex(), _org_heads())]
    if not found:
        return spans
    # (matches of one pattern: in order, never overlapping, so a span meets a run of them, found by bisection)
    starts, ends = [a for a, _ in found], [b for _, b in found]

    def kept(sp) -> bool:
        first, last = bisect_right(ends, sp[0]), bisect_left(starts, sp[1])  # found[first:last] overlap sp
        if first >= last:
            return True
        inner = found[bisect_left(starts, sp[0]):bisect_right(ends, sp[1])]  # found inside sp
        return len(inner) > 1 or (len(inner) == 1 and inner[0] != (sp[0], sp[1]))

    out = [sp for sp in spans if kept(sp)]
    # each match that no span holds (a span of the same range holds it too)
    out += [(a, b, "ORG", "rule:org-with-country") for a, b in drop_inside(found, out, same=lambda o, sp: False)]
    return sorted(out)


def _merge_conjoined(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """`Badan Siber` + `dan` + `Sandi Negara`: an organisation's name cut at its `dan` is one name
    when the part after `dan` is made of common words only (no name of its own)."""
    r = rules()
    out: list[tuple[int, int, str, str]] = []
    i = 0
    spans = sorted(spans)
    while i < len(spans):
        s, e, label, rule = spans[i]
        if label == "ORG" and i + 1 < len(spans):
            s2, e2, _, _ = spans[i + 1]
            words2 = text[s2:e2].split() if r["conjoined"].fullmatch(text[e:s2]) else None
            if words2 and all(w[:1].isupper() for w in words2) \
                    and all(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in words2) \
                    and words2[0].casefold() not in r["heads"]:
                out.append((s, e2, "ORG", rule + "+conjoined"))
                i += 2
                continue
        out.append((s, e, label, rule))
        i += 1
    return out


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv|news)$", re.I)

_DATELINE_MARK = re.compile(r"\s*(?:,|-|–|—)")
_NEXT_CAPITALS = re.compile(r"(?:-[A-Z][a-z]+|(?:[ ][A-Z][a-z]+){1,2})")
_SPACE_CAPITAL = re.compile(r"[ ](?=[A-Z])")
_NEXT_WORD = re.compile(r"[ ](\w+)")


def _knowledge_labels(article: Article, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Labels from what warta knows: institutions are ORG, countries and capitals LOC, a web
    domain ORG, a word of a person's full name in this article PER, a name after `partai` ORG."""
    text = article.text
    r = rules()
    parts: set[str] = set()
    for s, e, label, _ in spans:
        words = text[s:e].split()
        if label == "PER" and len(words) >= 2:
            parts.update({words[0], words[-1]})
    outlet = (article.outlet or "").casefold()
    out = []
    for s, e, label, rule in spans:
        surface = text[s:e]
        new = label
        inst = r["institutions"].get(surface.casefold()) if label in ("PER", "ORG", "LOC") else None
        if inst and _seat_as_place(text, s, surface):
            new = "LOC"  # `tiba di Istana Merdeka`: the palace as a place; `Istana menolak`: the office
        elif inst:
            new = inst
        elif "." in surface and _DOMAIN.match(surface):  # (a domain has a dot: no match tried without one)
            at_dateline = text_index(text).line(s)[1].startswith(surface) and _DATELINE_MARK.match(text[e:e + 3])
            if at_dateline or (outlet and surface.casefold().split(".")[0] == outlet.split(".")[0].replace(" ", "")):
                continue  # the outlet's own name in its dateline
            new = "ORG"
        elif countries.by_name(surface) or countries.by_capital(surface) or surface in gazetteer_capitals():
            new = "LOC"
        elif surface in parts and label != "PER":
            new = "PER"
        else:
            # a generic word written in lower case before the name (`partai Georgian Dream`, `media
            # Haaretz`); capitalised, it ends another name (`Partai Republik Donald Trump`, `Amerika
            # Serikat Mike Pompeo`), and a person right after a lower-case word stays a person
            before = text[max(0, s - 40):s].rstrip()
            for cue in r["org_cues"] if _any_org_cue().search(before) else ():
                if cue not in before:
                    continue  # (the pattern below needs the cue, as written, in the text before the name)
                # up to three lower-case words between (`perusahaan gas milik negara Naftogaz`), none a
                # function word or verb (`perusahaan yang dipimpin Budi Hartono` names a person)
                m = _org_cue_pattern(cue).search(before)
                if m and any(w in r["function_words"] or _is_verb(w) for w in m.group(2).split()):
                    m = None
                # (`kandidat partai berkuasa Kim Moon-soo`: the candidate is the person)
                holder = bool(m and m.group(1) and (m.group(1).casefold() in r["titles"]
                                                    or m.group(1).casefold() in r["prefix_words"]))
                if m and not (label == "PER" and m.group(2) and holder):
                    new = "ORG"
                    break
        out.append((s, e, new, rule if new == label else f"{rule}+knowledge"))
    return out


@functools.cache
def _any_org_cue() -> re.Pattern:
    """Any org cue, as written, anywhere: where it finds none, no cue is in the text before a name."""
    return re.compile("|".join(re.escape(c) for c in rules()["org_cues"]))


@functools.lru_cache(maxsize=None)
def _org_cue_pattern(cue: str) -> re.Pattern:
    """`cue`, then up to three lower-case words, at the end of the text before a name."""
    return re.compile(rf"(?:^|\W)(?:(\w+)\s+)?{re.escape(cue)}((?:\s+[a-z]+){{0,3}})$")


def _seat_as_place(text: str, start: int, name: str) -> bool:
    """A seat of power (places.yaml `institution_places`: `Istana Merdeka`, `Kremlin`) written after a
    locative word (`di`, `ke`, `dari`, `kompleks`) names the building, a place."""
    seats, cues = _seats_and_cues()
    if name.casefold() not in seats:
        return False
    before = text[max(0, start - 30):start].casefold().split()
    return bool(before) and before[-1] in cues


@functools.cache
def _seats_and_cues() -> tuple[frozenset[str], frozenset[str]]:
    """The seats of power (casefolded) and the words before a seat that make it a place, built once."""
    seats = frozenset(n.casefold() for n in lexicons.load("places").get("institution_places") or [])
    return seats, frozenset(set(rules()["locatives"]) | rules()["seat_cues"])


def _confirm(article: Article, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """In sub-headings, bylines and credit lines keep only names that are known or that the body
    names too; a heading's span may shrink to its known opening words (`Pyongyang Sebut …`)."""
    text = article.text
    r = rules()

    index = text_index(text)
    by_line: dict[int, bool] = {}

    def doubtful(offset: int) -> bool:
        i = article.sentence_at(offset)
        if i is not None and article.sentences[i].kind in r["confirm_kinds"]:
            return True
        n, line = index.line(offset)
        if n not in by_line:
            by_line[n] = (len(line) < 120 and any(p.search(line) for p in r["byline"])) or _headline_case(line)
        return by_line[n]

    flags = [doubtful(s) for s, _, _, _ in spans]
    body = {text[s:e].casefold() for (s, e, _, _), d in zip(spans, flags) if not d}
    out = []
    for (s, e, label, rule), d in zip(spans, flags):
        if not d:
            out.append((s, e, label, rule))
            continue
        words = _words(text, s, e)
        for n in range(len(words), 0, -1):
            name = text[s:words[n - 1][1]]
            if name.casefold() in body or known_label(name):
                if n < len(words) or name.casefold() not in body:
                    rule += "+confirmed"
                out.append((s, words[n - 1][1], known_label(name) or label, rule))
                break
    return out


def _vote_labels(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One label for one name in one article: the most frequent (ties: ORG for acronyms, else the first)."""
    # (label → count per name in plain dicts, in the order labels come, as a Counter holds them: a Counter
    # per name cost more than the votes)
    votes: dict[str, dict[str, int]] = {}
    for s, e, label, _ in spans:
        counts = votes.setdefault(text[s:e], {})
        counts[label] = counts.get(label, 0) + 1
    out = []
    for s, e, label, rule in spans:
        counter = votes[text[s:e]]
        if len(counter) > 1:
            top = sorted(counter.items(), key=itemgetter(1), reverse=True)  # (Counter.most_common, ties in order)
            best = top[0][0]
            if top[0][1] == top[1][1] and text[s:e].isupper():
                best = "ORG" if "ORG" in counter else best
            if best != label:
                label, rule = best, rule + "+vote"
        out.append((s, e, label, rule))
    return out


def drop_currency(text: str, spans: list[Span4]) -> list[Span4]:
    return [sp for sp in spans if not (sp[2] == "LOC" and countries.by_name(text[sp[0]:sp[1]])
                                       and is_currency_country(text, sp[0]))]


def anniversary_countries(text: str, spans: list[Span4]) -> list[Span4]:
    """`HUT RI`, `HUT ke-78 RI`: a country after an anniversary word (entity_rules.yaml `anniversary_words`)
    names the anniversary (EVENT, from the anniversary word on), not a place the report speaks of."""
    out = []
    for s, e, label, rule in spans:
        if label == "LOC" and countries.by_name(text[s:e]):
            m = _anniversary_before().search(text, max(0, s - 24), s)
            if m:
                s, label, rule = m.start(1), "EVENT", rule + "+anniversary"
        out.append((s, e, label, rule))
    return out


@functools.cache
def _anniversary_before() -> re.Pattern:
    """An anniversary word, an optional ordinal (`ke-78`), then the white space that ends the searched text."""
    words = flat_or_never(lexicons.load("entity_rules").get("anniversary_words"))
    return re.compile(rf"(?<!\w)({words})(?:\s+[Kk]e-?\s?\d+)?\s+$")


def _country_completion(text: str, spans: list[Span4]) -> list[Span4]:
    """`Papua` + `Nugini James Kapera`: a name whose first word completes the place before it
    into a country (`Papua Nugini`) gives that word to the place."""
    out = sorted(spans)
    for i in range(len(out) - 1):
        a, b, la, ra = out[i]
        c, d, lc, rc = out[i + 1]
        if la != "LOC" or lc == "LOC" or text[b:c] != " ":
            continue  # (the words of the next name read only where the test below can pass)
        words = _words(text, c, d)
        if len(words) >= 2 \
                and countries.by_name(text[a:words[0][1]]) and not countries.by_name(text[a:b]):
            out[i] = (a, words[0][1], "LOC", ra + "+country-completed")
            out[i + 1] = (words[1][0], d, lc, rc + "+country-completed")
    # `Timor` + `-Leste`, `Guinea` + ` Khatulistiwa`: a place that the next words make a country, when
    # no other span holds them
    starts = sorted(sp[0] for sp in out)  # (the loop below changes ends only)
    for i, (a, b, la, ra) in enumerate(out):
        if la != "LOC":
            continue
        m = _NEXT_CAPITALS.match(text[b:b + 40])
        if not m:
            continue
        for end in sorted({b + m.end(), *(b + x.start() for x in _SPACE_CAPITAL.finditer(m.group(0)) if x.start())},
                          reverse=True):
            if countries.by_name(text[a:end]) and bisect_left(starts, b) == bisect_left(starts, end):  # none in [b, end)
                out[i] = (a, end, "LOC", ra + "+country-completed")
                break
    return out


def _clubs(text: str, spans: list[Span4]) -> list[Span4]:
    """`Bali United`, `Madura United`: a place followed by a club word is one club (ORG)."""
    clubs = rules()["clubs"]
    out: list[Span4] = []
    spans = sorted(spans)
    skip: set[int] = set()
    for i, (s, e, label, rule) in enumerate(spans):
        if i in skip:
            continue
        m = _NEXT_WORD.match(text[e:e + 20]) if label == "LOC" else None
        if m and m.group(1) in clubs:
            end = e + m.end()
            for j in range(i + 1, len(spans)):
                if spans[j][0] >= end:
                    break  # (sorted by start: no later span starts before `end` either)
                skip.add(j)
                end = max(end, spans[j][1])
            out.append((s, end, "ORG", rule + "+club"))
            continue
        out.append((s, e, label, rule))
    return out
