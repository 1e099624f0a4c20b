"""Passes over all spans for long names and conventions: acronyms in brackets, treaties, numbered
units, missions, ships, newspapers, institutions, persons and places the model mislabelled."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.knowledge import countries
from warta.lang.id.name_rules import rules

from .base import MODEL_RULE, Span4
from .brackets import _bracket_runs
from .index import first_runs, institution_heads, text_index, unit_heads
from .spanset import SpanList
from .split import drop_inside
from .words import _gazetteer_place, _plain_word, known_label


# the shapes the passes look for, compiled once
_CAPITAL_TAIL = re.compile(r"[A-Z][^()]*$")
_SHORT_BRACKETED = re.compile(r"[ ]\(([A-Z][A-Za-z]{2,14})\)")
_WORD_CHAR = re.compile(r"\w")
_NEXT_NAME = re.compile(r"[ ]([A-Z][\w-]+)(?![\w-])")


@functools.cache
def _abbreviated_heads() -> tuple[str, ...]:
    """The abbreviated school heads `org_abbreviated` opens with (entity_rules.yaml `org_abbreviated_heads`)."""
    return tuple(lexicons.load("entity_rules").get("org_abbreviated_heads") or [])


@functools.cache
def _law_head_back() -> re.Pattern:
    """A law head a few words back, before no full stop or bracket."""
    return re.compile(r"\b(" + "|".join(re.escape(h) for h in rules()["law_heads"]) + r")\b[^.()]*$")


@functools.cache
def _ship_prefix_before() -> re.Pattern:
    """A ship's prefix and a space, ending the text."""
    prefixes = "|".join(re.escape(p) for p in rules()["ship_prefixes"]) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{prefixes})[ ]$")


@functools.cache
def _media_name() -> re.Pattern:
    """Up to four capitalised words closed by a media word (`The Moscow Times`)."""
    words = "|".join(re.escape(w) for w in rules()["media_words"]) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:[A-Z][\w'’\-]*[ ]){{1,4}}(?:{words})(?![\w-])")


@functools.cache
def _media_heads() -> frozenset[str] | None:
    """The first word runs of the media words `_media_name` closes with."""
    return first_runs(rules()["media_words"])


@functools.cache
def _org_suffix() -> re.Pattern:
    """A space and the state's mark after an organisation (`RI`)."""
    suffixes = "|".join(re.escape(w) for w in rules()["org_suffixes"]) or "(?!)"
    return re.compile(rf"[ ](?:{suffixes})(?![\w-])")


def _long_names(text: str, spans: list[Span4]) -> list[Span4]:
    """A long name before its acronym in brackets, cut by the model at `dan` or missed
    (`Lembaga Vulkanologi dan Seismologi Filipina (Phivolcs)`), is one ORG, and so is a court
    or office named with its acronym and its seat (`Pengadilan Tipikor … (Tipikor) Tanjungkarang`)."""
    runs = [(m, start) for m, start in _bracket_runs(text) if start is not None]
    if not runs:
        return sorted(spans)  # (what the list below gives back unchanged, without building it)
    out = SpanList(spans)
    for m, start in runs:
        end = m.start()
        run = text[start:end]
        if " " not in run or known_label(run) == "LOC" or any(run == h or run.startswith(h + " ")
                                            for h in rules()["law_heads"] + rules()["event_heads"]):
            continue  # a country's long name (`Republik Demokratik Kongo (RDK)`), or a treaty
        inner = [sp for _, sp in out.inside(start, end)]
        if inner and all(sp[2] == "LOC" for sp in inner) and len(inner) == 1 and inner[0][:2] == (start, end):
            continue
        if out.overlapping(start, start) or out.overlapping(end, end):
            continue  # (a span runs over the name's start or end)
        # the seat after the acronym (`(Tipikor) Tanjungkarang`)
        # (only after a generic acronym, a kind of court or office rather than a name of its own)
        seat = next((sp for _, sp in out.starting_at(m.end() + 1) if sp[2] == "LOC" and text[m.end()] == " "
                     and m.group(1).casefold() in rules()["not_entities"] and not countries.by_name(text[sp[0]:sp[1]])
                     and text[sp[0]:sp[1]].split()[0].casefold() not in rules()["place_cues"]), None)
        long_end = seat[1] if seat else end
        acr = m.span(1)
        out.remove_all((seq, sp) for seq, sp in out.inside(start, long_end) if (sp[0], sp[1]) != acr)
        out.add((start, long_end, "ORG", "rule:long-name"))
        if m.group(1).casefold() not in rules()["not_entities"]:
            out.remove_all((seq, sp) for seq, sp in out.starting_at(acr[0]) if sp[1] == acr[1])
            out.add((acr[0], acr[1], "ORG", "rule:long-name"))
    return sorted(out.spans())

def _treaties(text: str, spans: list[Span4]) -> list[Span4]:
    """Treaties, laws, zones and meetings are no ORG or LOC: relabelled LAW or EVENT, with the
    acronym in brackets after them (`Konvensi PBB tentang Hukum Laut (UNCLOS)`) and its mentions."""
    r = rules()

    heads = tuple(r["law_heads"]) + tuple(r["event_heads"])

    def kind(name: str) -> str | None:
        if not name.startswith(heads):
            return None
        for head in r["law_heads"]:
            if name == head or name.startswith(head + " "):
                return "LAW"
        for head in r["event_heads"]:
            if name == head or name.startswith(head + " "):
                return "EVENT"
        return None

    relabel: dict[str, str] = {}
    for m, start in _bracket_runs(text):
        before = text[max(0, m.start() - 120):m.start()]
        if start is None:
            # `Konvensi PBB tentang Hukum Laut` begins before the run's own head
            continue
        k = kind(text[start:m.start()])
        if k is None:
            # a law head a few words back (`Konvensi PBB tentang Hukum Laut (UNCLOS)`)
            k2 = _law_head_back().search(before)
            k = "LAW" if k2 else None
        if k:
            relabel[m.group(1)] = k
    relabelled = []
    for s, e, label, rule in spans:
        name = text[s:e]
        k = kind(name) if label in ("ORG", "LOC") else None
        k = k or (relabel.get(name) if label in ("ORG", "LOC", "PER") else None)
        relabelled.append((s, e, k, rule + "+" + k.lower()) if k else (s, e, label, rule))
    if not relabel:
        return sorted(relabelled)  # (no long form or acronym to add below)
    out = SpanList(relabelled)  # (as adding them one by one)
    # the long form itself, when nothing found it, so that no later rule takes it for an ORG
    for m, start in _bracket_runs(text):
        k = relabel.get(m.group(1))
        if k and start is not None:
            inside = [sp for _, sp in out.overlapping(start, m.start())]
            if inside:  # `Konvensi PBB tentang Hukum Laut`: PBB stays; the words after it are the law
                tail = _CAPITAL_TAIL.search(text[max(sp[1] for sp in inside):m.start()])
                if tail and not out.overlapping(m.start() - len(tail.group(0)), m.start()):
                    out.add((m.start() - len(tail.group(0)), m.start(), k, "rule:" + k.lower()))
            else:
                out.add((start, m.start(), k, "rule:" + k.lower()))
        if k and not any(sp[1] == m.end(1) for _, sp in out.starting_at(m.start(1))):
            out.add((m.start(1), m.end(1), k, "rule:" + k.lower()))
    return sorted(out.spans())


def _bracketed_short_names(text: str, full_name_ends: set[int]) -> set[str]:
    """Short names in brackets after a word, less those after a person's full name, which are that
    person's (`Joko Widodo (Jokowi)`)."""
    # (the matches of `\w[ ]\(([A-Z][A-Za-z]{2,14})\)`, found by their literal ` (` and a word character before
    # it, instead of a try at every character)
    found = list(_SHORT_BRACKETED.finditer(text))
    bracketed = {m.group(1) for m in found if m.start() and _WORD_CHAR.match(text, m.start() - 1)}
    return bracketed - {m.group(1) for m in found if m.start() in full_name_ends}


def _org_acronyms(text: str, spans: list[Span4]) -> list[Span4]:
    """A one-word PER that is an organisation's short name is ORG: an acronym in brackets
    after a long name (`(Bakamla)`), a club (`Persebaya`, `X FC` elsewhere), unless the word
    is part of a person's full name in the article."""
    r = rules()
    parts: set[str] = set()
    full_name_ends: set[int] = set()
    for s, e, label, _ in spans:
        words = text[s:e].split()
        if label == "PER" and len(words) >= 2:
            parts.update(words)
            full_name_ends.add(e)
    bracketed: set[str] | None = None  # (found at the first one-word person's name: most texts have none)
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        if label == "PER" and " " not in name and name not in parts and bracketed is None:
            bracketed = _bracketed_short_names(text, full_name_ends)
        if label == "PER" and " " not in name and name not in parts and (
                name in bracketed or any(p.fullmatch(name) for p in r["club_names"])
                or text_index(text).before_club(name)):
            out.append((s, e, "ORG", rule + "+org-acronym"))
        else:
            out.append((s, e, label, rule))
    return out


def _numbered_units(text: str, spans: list[Span4]) -> list[Span4]:
    """`Komisi II` + `DPR` -> one ORG `Komisi II DPR`; a numbered unit alone (`Lantamal V`) is an ORG
    where no span covers it."""
    rx = rules()["numbered_units"]
    units = text_index(text).matches(rx, unit_heads())
    if not units:
        return list(spans)
    out = SpanList(spans)
    ordered = False  # (the spans as given until a unit is found, then sorted)
    for m in units:
        a, b = m.span()
        if any(not (sp[0] >= a and sp[1] <= b) for _, sp in out.overlapping(a, b)):
            continue  # already inside a longer span
        out.remove_all(out.inside(a, b))
        after = [sp for seq, sp in out.starting_at(b + 1) if text[b] == " " and sp[2] == "ORG"]
        nxt = (min(after) if ordered else after[0]) if after else None
        body = _NEXT_NAME.match(text[b:b + 30])
        if nxt is None and body and rules()["institutions"].get(body.group(1).casefold()) == "ORG":
            nxt = (b + 1, b + body.end(), "ORG", "")  # `Komisi I DPR`: a body the model left out
        if nxt:
            same = next((seq for seq, sp in out.starting_at(b + 1) if sp == nxt), None)
            if same is not None:
                out.remove(same)
            out.add((a, nxt[1], "ORG", MODEL_RULE + "+numbered-unit"))
        else:
            out.add((a, b, "ORG", "rule:numbered-unit"))
        ordered = True
    return sorted(out.spans()) if ordered else out.spans()


def _missions(text: str, spans: list[Span4]) -> list[Span4]:
    """`KBRI` + `Khartoum`: a mission and the city it stands in are one ORG."""
    missions = rules()["missions"]
    out = sorted(spans)
    merged: list[Span4] = []
    i = 0
    while i < len(out):
        s, e, label, rule = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if text[s:e] in missions and nxt and nxt[2] == "LOC" and text[e:nxt[0]] == " " and known_label(text[nxt[0]:nxt[1]]) \
                or (text[s:e] in missions and nxt and nxt[2] == "LOC" and text[e:nxt[0]] == " "
                    and _gazetteer_place(text[nxt[0]:nxt[1]]) is not None):
            merged.append((s, nxt[1], "ORG", rule + "+mission"))
            i += 2
            continue
        merged.append((s, e, label, rule))
        i += 1
    return merged


def _ships(text: str, spans: list[Span4]) -> list[Span4]:
    """`KRI` + `Teluk Banten`: a name after a ship's prefix is the ship's (PRODUCT), prefix included."""
    before = _ship_prefix_before()
    out = []
    for s, e, label, rule in spans:
        tail = text[max(0, s - 8):s]
        # (the prefix's space ends the text, or stands before a line break that ends it, as `$` reads it)
        m = before.search(tail) if tail.endswith((" ", " \n")) else None
        if m and label in ("LOC", "ORG", "PER"):
            out.append((s - len(m.group(0)), e, "PRODUCT", rule + "+ship"))
        else:
            out.append((s, e, label, rule))
    return out


def _media_names(text: str, spans: list[Span4]) -> list[Span4]:
    """`The Moscow Times`, `Washington Post`: a newspaper's name (capitalised words closed by a media
    word, entity_rules.yaml `media_words`) is one ORG, not the place inside it."""
    heads = _media_heads()
    # (a match closes with a media word after a space, where a run of word characters starts: no such run,
    # no match)
    if heads is not None and not text_index(text).held(heads):
        return sorted(spans)
    out = SpanList(spans)
    for m in _media_name().finditer(text):
        a, b = m.span()
        found = m.group(0)
        the = rules()["media_article"] + " "
        if " " + the in found:  # `Menurut The Moscow Times`
            a += found.index(" " + the) + 1
        while not text[a:b].startswith(the) and " " in text[a:b] and (
                _plain_word(text[a:b].split()[0]) or text[a:b].split()[0].casefold() in rules()["org_cues"]):
            a += len(text[a:b].split()[0]) + 1  # `Menurut Jakarta Post`, `harian Jakarta Post`
        inside = out.overlapping(a, b)
        named = any(known_label(w) == "LOC" for w in text[a:b].split()[:-1])
        if not (text[a:b].startswith(the) or inside or named) or any(sp[0] < a or sp[1] > b for _, sp in inside):
            continue
        out.remove_all(inside)
        out.add((a, b, "ORG", "rule:media"))
    return sorted(out.spans())


def _org_suffixes(text: str, spans: list[Span4]) -> list[Span4]:
    """`DPR` + `RI`, `Komisi I DPR` + `RI`: the state's mark after an organisation is part of its name
    (entity_rules.yaml `org_suffixes`), not a place."""
    suffix = _org_suffix()
    grown: list[Span4] = []
    for s, e, label, rule in sorted(spans):
        m = suffix.match(text[e:e + 12]) if label == "ORG" else None
        grown.append((s, e + m.end(), label, rule + "+suffix") if m else (s, e, label, rule))
    return drop_inside(grown, [o for o in grown if o[3].endswith("+suffix")], same=lambda o, sp: o == sp)


def _whole_institutions(text: str, spans: list[Span4]) -> list[Span4]:
    """A known institution's full name the model cut up (`Badan Meteorologi, Klimatologi` + `dan
    Geofisika`; `Reserse Narkoba Polda` + `Metro Jaya`) becomes one ORG span; what a cut span had
    outside the name stays, except a person's label before it (`Reserse Narkoba` is no person)."""
    found_names = text_index(text).matches(rules()["institution_rx"], institution_heads())
    if not found_names:
        return list(spans)  # (what the list below gives back unchanged, without building it)
    out = SpanList(spans)
    changed = False
    for m in found_names:
        a, b = m.span()
        found = out.overlapping(a, b)
        if not found or any(sp[0] <= a and b <= sp[1] for _, sp in found):
            continue  # no model span there, or one already holds the whole name
        out.remove_all(found)
        for _, (s, e, label, rule) in found:
            if s < a and label != "PER" and text[s:a].strip():
                out.add((s, s + len(text[s:a].rstrip(" ,")), label, rule))
            if e > b and text[b:e].strip(" ,"):
                rest = len(text[b:e]) - len(text[b:e].lstrip(" ,"))
                out.add((b + rest, e, label, rule))
        out.add((a, b, "ORG", MODEL_RULE + "+institution"))
        changed = True
    return sorted(out.spans()) if changed else out.spans()


_BEFORE_SAME = re.compile(r"[\w.\-]")
_AFTER_SAME = re.compile(r"[\w\-]")


def _propagate(text: str, spans: list[Span4]) -> list[Span4]:
    """An organisation, law or meeting named once is named so wherever the same words stand
    alone elsewhere in the article (so that no later rule reads `Pelatih Persebaya` as a person)."""
    names = {text[s:e]: label for s, e, label, _ in spans
             if label in ("ORG", "LAW", "EVENT") and len(text[s:e]) >= 3 and text[s:e][:1].isupper()}
    out = list(spans)
    covered = bytearray(len(text) + 1)  # characters inside a span: an overlap test linear in the match
    for sp in out:
        covered[sp[0]:sp[1]] = b"\x01" * (sp[1] - sp[0])
    index = text_index(text)
    for name, label in names.items():
        for a, b in _same_name_matches(index, name):
            if covered.find(1, a, b) == -1:
                out.append((a, b, label, "rule:same-name"))
                covered[a:b] = b"\x01" * (b - a)
    return sorted(out)


def _same_name_matches(index, name: str) -> list[tuple[int, int]]:
    r"""re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", text) as (start, end), read off the index."""
    starts = index.starts(name, _BEFORE_SAME, _AFTER_SAME)
    if starts is None:
        return [m.span() for m in re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", index.text)]
    out: list[tuple[int, int]] = []
    for x in starts:
        if not out or x >= out[-1][1]:  # (matches never overlap)
            out.append((x, x + len(name)))
    return out


def _abbreviated_orgs(text: str, spans: list[Span4]) -> list[Span4]:
    """`Univ. PGRI Indrapasasti`, `Univ. Pamulang`: an abbreviated school head and the capitalised words after
    it are one ORG, whatever pieces the model made of them."""
    # (every match holds a head as written: without one in the text, the pattern is not run over it)
    found = list(rules()["org_abbreviated"].finditer(text)) if any(h in text for h in _abbreviated_heads()) else []
    if not found:
        return sorted(spans)  # (what the list below gives back unchanged, without building it)
    out = SpanList(spans)
    for m in found:
        a, b = m.span()
        if out.holding(a, b):
            continue
        out.remove_all(out.inside(a, b))
        if not out.overlapping(a, b):
            out.add((a, b, "ORG", "rule:org-abbreviated"))
    return sorted(out.spans())
