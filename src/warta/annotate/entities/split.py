"""Cutting and joining spans: a name glued to the organisation or place before it, brackets,
hyphens, pairs of persons."""

from __future__ import annotations

import functools
import re

from warta.knowledge import countries
from warta.lang.id.name_rules import facility_head as _facility_head, initials_age_matches, rules

from .base import MODEL_RULE, _is_acronym
from .index import text_index
from .spanset import SpanList
from .words import _curated_place, known_label


Words = list[tuple[int, int]]

# the shapes the rules test, compiled once
_SLASHED = re.compile(r"(?:/[A-Z]{2,}\b)+")
_ACRONYM_END = re.compile(r"\b[A-Z]{2,}$")
_NUMBERED = re.compile(r"[^\W\d_]-\d+$")
_PAIR_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[A-Z])")
_CLEAN_NAME = re.compile(r"[A-Z][\w'’]*(?:[ ][A-Z][\w'’.]*)*")


def _venue_town(text: str, words: Words, label: str, known) -> list | None:
    """A known venue and the town it stands in (`Istana Merdeka Jakarta`)."""
    s, e = words[0][0], words[-1][1]
    if label == "LOC" and len(words) >= 3 and _facility_head(text[s:e]):
        for n in (2, 1):
            if len(words) - n >= 2 and known_label(text[words[-n][0]:e]) == "LOC" \
                    and _curated_place(text[s:words[-n - 1][1]]):
                return [(s, words[-n - 1][1], label, MODEL_RULE + "+split"), (words[-n][0], e, "LOC", MODEL_RULE + "+split")]
    return None


def _person_name_words(text: str, rest: Words) -> bool:
    """Capitalised words, none common, a name head or a country: a person's name."""
    r = rules()
    rest_text = [text[a:b] for a, b in rest]
    return all(w[:1].isupper() for w in rest_text) \
        and not any(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in rest_text) \
        and not any(countries.by_name(w) for w in rest_text)


def _head_person(text: str, words: Words, label: str, known, venue: bool) -> list | None:
    """A known organisation or place, then a person (`Kremlin Dmitry Peskov`, `KPU August Mellaz`), ranks and
    titles between dropped (`Kombes`, `Irjen`); a known venue before a person still splits (`Gedung Putih Jake
    Sullivan`), but a place of several words the model read whole stays (`Patung Kuda Arjuna Wihaha`)."""
    r = rules()
    for n in range(min(4, len(words) - 1), 0, -1):
        if (label == "LOC" and n > 1 or venue) and known_label(text[words[0][0]:words[n - 1][1]]) is None:
            continue
        head = text[words[0][0]:words[n - 1][1]]
        rest = words[n:]
        head_label = known_label(head, known if n < len(words) else None)
        if head_label is None and n == 1 and _is_acronym(head):
            head_label = "ORG"
        if head_label is None or head_label == "PER":
            continue
        while rest and text[rest[0][0]:rest[0][1]].casefold() in r["titles"]:
            rest = rest[1:]
        if len(rest) >= 2 and _person_name_words(text, rest) and known_label(" ".join(text[a:b] for a, b in rest)) is None:
            return [(words[0][0], words[n - 1][1], head_label, MODEL_RULE + "+split"),
                    (rest[0][0], rest[-1][1], "PER", MODEL_RULE + "+split")]
    return None


def _rank_person(text: str, words: Words, label: str, known, venue: bool) -> list | None:
    """A rank inside the span opens a person's name (`Metro Jaya Kombes Hengki Wirawan`)."""
    s, e = words[0][0], words[-1][1]
    for i in range(1, len(words) - 2) if not venue else ():
        if text[words[i][0]:words[i][1]].casefold() in rules()["ranks"]:
            if _person_name_words(text, words[i + 1:]):
                head_label = known_label(text[s:words[i - 1][1]], known) or (label if label != "PER" else "ORG")
                return [(s, words[i - 1][1], head_label, MODEL_RULE + "+split"),
                        (words[i + 1][0], e, "PER", MODEL_RULE + "+split")]
            break
    return None


def _org_country(text: str, words: Words, label: str) -> list | None:
    """An organisation followed by its country, only after a known institution (`Yonhap Korea Selatan`);
    `Garuda Indonesia` is a company's name."""
    s, e = words[0][0], words[-1][1]
    if label != "ORG":
        return None
    for n in range(1, min(4, len(words))):
        lead = words[:-n]
        if countries.by_name(text[words[-n][0]:e]) and lead and known_label(text[s:lead[-1][1]]) == "ORG" \
                and text[s:e].casefold() not in rules()["institutions"]:
            return [(s, lead[-1][1], "ORG", MODEL_RULE + "+split"), (words[-n][0], e, "LOC", MODEL_RULE + "+split")]
    return None


def _country_person(text: str, words: Words) -> list | None:
    """A body or title of a country, then a person (`Bank Sentral Iran Abdolnaser Hemmati`): the country
    closes the head, an ORG (a LOC when it is the country alone); the rest, a name of two words or more
    that nothing knows, is the person."""
    s = words[0][0]
    for i in range(len(words) - 2):
        for j in (i - 1, i):  # a country of two words (`Korea Selatan`) or of one
            if j < 0 or not countries.by_name(text[words[j][0]:words[i][1]]):
                continue
            rest = words[i + 1:]
            if _person_name_words(text, rest) and known_label(text[rest[0][0]:rest[-1][1]]) is None:
                head_label = "LOC" if j == 0 else known_label(text[s:words[i][1]]) or "ORG"
                return [(s, words[i][1], head_label, MODEL_RULE + "+split"),
                        (rest[0][0], rest[-1][1], "PER", MODEL_RULE + "+split")]
    return None


def _known_head_person(text: str, words: Words, known) -> list | None:
    """A known institution whose name has a word no person's name has, then a person (`Wagner Group
    Yevgeny Prigozhin`)."""
    for n in range(min(4, len(words) - 2), 1, -1):
        head = text[words[0][0]:words[n - 1][1]]
        rest = words[n:]
        if known_label(head) == "ORG" and _person_name_words(text, rest) \
                and known_label(text[rest[0][0]:rest[-1][1]]) is None:
            return [(words[0][0], words[n - 1][1], "ORG", MODEL_RULE + "+split"),
                    (rest[0][0], rest[-1][1], "PER", MODEL_RULE + "+split")]
    return None


def _split_prefix(text: str, words: Words, label: str,
                  known: dict[str, str] | None = None) -> list[tuple[int, int, str, str]]:
    """`Kremlin Dmitry Peskov` → ORG + PER; `KPU August Mellaz` → ORG + PER;
    `Polda Metro Jaya Kombes Hengki Wirawan` → ORG + PER (the rank dropped);
    `Yonhap Korea Selatan` → ORG + LOC.  A company (`PT …`), or a name with a word no person's name has
    (`Jakarta Convention Center`), is one name."""
    r = rules()
    s, e = words[0][0], words[-1][1]
    whole = [(s, e, label, MODEL_RULE)]
    if len(words) == 1 or text[s:words[0][1]].casefold() in r["company_forms"]:
        return whole  # (one word: every split below needs two parts, and none ever splits it)
    found = _venue_town(text, words, label, known)
    if found:
        return found
    if any(text[a:b].casefold().rstrip(".") in r["not_person"] for a, b in words):
        return _known_head_person(text, words, known) or _country_person(text, words) or whole
    venue = bool(_facility_opening().match(text[s:e].casefold()))
    return _head_person(text, words, label, known, venue) or _rank_person(text, words, label, known, venue) \
        or _org_country(text, words, label) or (None if venue else _country_person(text, words)) or whole


def _initials(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """`RS (34)`: initials followed by an age in brackets name a person (suspects, victims); one letter
    (`A (35)`) is too little to name anyone."""
    found = initials_age_matches(text)
    if not found:
        return sorted(spans)
    out = SpanList(spans)
    for m in found:
        a, b = m.span(1)
        if countries.by_name(m.group(1)) or m.group(1).casefold() in rules()["institutions"]:
            continue
        out.remove_all([(seq, sp) for seq, sp in out.starting_at(a) if sp[1] == b])
        if not out.overlapping(a, b):
            out.add((a, b, "PER", "rule:initials-age"))
    return sorted(out.spans())


# an acronym in brackets after its long form, whole or cut by the model: `Komisi Pemilihan Umum (KPU`
_BRACKET = re.compile(r"^(?P<long>[^()]*?\w)\s*\(\s*(?P<acr>[^()]*?\w)\s*\)?$")


def split_brackets(text: str, spans) -> list[tuple[int, int, str, str]]:
    """`Badan Pengawas Pemilihan Umum (Bawaslu)` → the long name and the acronym, two mentions."""
    out: list[tuple[int, int, str, str]] = []
    for span in spans:
        start, end, label = span[:3]
        rule = span[3] if len(span) > 3 else MODEL_RULE
        m = _BRACKET.match(text[start:end]) if "(" in text[start:end] else None
        # only a one-word acronym in the brackets (`(Bawaslu)`), not a company form (`(Persero)`) or a remark
        if m is None or len(m.group("acr").split()) != 1 \
                or m.group("acr").casefold() in rules()["company_forms"]:
            out.append((start, end, label, rule))
            continue
        out.append((start, start + m.end("long"), label, rule + "+bracket"))
        acr_label = "ORG" if label == "ORG" or m.group("acr").isupper() else label
        out.append((start + m.start("acr"), start + m.end("acr"), acr_label, rule + "+bracket"))
    return out


def drop_inside(spans: list, containers: list, same=lambda o, sp: True) -> list:
    """`spans` less those inside one of `containers`: a container of a longer range, or of the same range
    that is not `same` as the span.  O(n log n) (a pairwise test made many-name texts quadratic)."""
    from bisect import bisect_left
    from itertools import accumulate

    widest: dict[int, int] = {}
    by_range: dict[tuple[int, int], list] = {}
    for o in containers:
        widest[o[0]] = max(widest.get(o[0], -1), o[1])
        by_range.setdefault((o[0], o[1]), []).append(o)
    starts = sorted(widest)
    reach = list(accumulate((widest[x] for x in starts), max))

    def inside(sp) -> bool:
        i = bisect_left(starts, sp[0])  # containers opening before the span
        if i and reach[i - 1] >= sp[1]:
            return True
        if widest.get(sp[0], -1) > sp[1]:  # opening with it, ending after it
            return True
        return any(not same(o, sp) for o in by_range.get((sp[0], sp[1]), ()))

    return [sp for sp in spans if not inside(sp)]


_HYPHEN_TAIL = re.compile(r"(?:-[^\W_]+)+")
_HYPHEN_HEAD = re.compile(r"(?<![\w-])(?:[^\W_]+-)+$")


def join_hyphens(text: str, spans) -> list[tuple[int, int, str, str]]:
    """A name is never cut inside a hyphenated word (`Kim Jong` + `-un`, `Lee Jae-` + `myung`,
    `El-` + `Fasher`, `Bedford-Stuyvesant`); a person's name with a number after its hyphen is a
    weapon's or a product's (`Hwasong-17`), not a person."""
    out: list[tuple[int, int, str, str]] = []
    for start, end, label, rule in spans:
        s, e = start, end
        while e > s and text[e - 1] == "-":
            e -= 1
        # (but not over a name of its own: `AS-Korea Utara`, `Jakarta-Bandung` are two places)
        if e > s and text[e - 1].isalnum():
            m = _HYPHEN_TAIL.match(text, e)
            if m and not (m.group(0)[1:2].isupper() and (known_label(m.group(0)[1:].split("-")[0])
                                                         or known_label(text[s:e]))):
                e = m.end()
        # `Kompleks MPR` + `/DPR`: acronyms joined by a slash are one name
        m = _SLASHED.match(text[e:e + 30]) if text.startswith("/", e) else None  # (it opens with a slash)
        if m and _ACRONYM_END.search(text[s:e]) and label in ("LOC", "ORG"):
            e += m.end()
        if s > 0 and text[s - 1] == "-":
            m = _HYPHEN_HEAD.search(text, max(0, s - 40), s)
            if m and not (m.group(0)[:1].isupper() and (known_label(m.group(0).rstrip("-").split("-")[-1])
                                                        or known_label(text[s:e]))):
                s = m.start()
        if (s, e) != (start, end):
            rule += "+hyphen"
        if label == "PER" and _NUMBERED.search(text[s:e]):
            label, rule = "PRODUCT", rule + "+product"
        elif label == "PER" and "-" in text[s:e] and text[s:e].split("-")[0].casefold() in rules()["hyphen_prefixes"]:
            label, rule = "MISC", rule + "+stance"  # `Pro-Jokowi`, `Anti-Israel`: a stance, no person
        out.append((s, e, label, rule))
    # a span the joined word now holds goes (none where the spans stand in order and apart, as the model's do)
    return out if _apart(out) else drop_inside(out, out)


def _apart(spans: list) -> bool:
    """Each span starts where or after the one before it ends, and holds a character: then none is inside
    another, and `drop_inside(spans, spans)` would give them all back."""
    reached = -1
    for sp in spans:
        if sp[0] < reached or sp[0] >= sp[1]:
            return False
        reached = sp[1]
    return True


def split_pairs(text: str, spans) -> list[tuple[int, int, str, str]]:
    """Two people joined by a hyphen, as tickets and pairs are written (`Prabowo Subianto-Gibran
    Rakabuming Raka`, `Anies Baswedan-Muhaimin Iskandar`, `Ridwan Kamil-Suswono`), are two persons:
    split where both sides are names of two words or more, or where the side after the hyphen
    also stands alone in the article.  A particle (`Al-Assad`) or a lower-case part (`Jong-un`)
    never splits."""
    r = rules()
    out: list[tuple[int, int, str, str]] = []
    for s, e, label, rule in spans:
        m = _PAIR_HYPHEN.search(text[s:e]) if label in ("PER", "PERSON") else None
        if not m:
            out.append((s, e, label, rule))
            continue
        left, right = text[s:s + m.start()], text[s + m.end():e]
        lw, rw = left.split(), right.split()
        alone = _stands_alone(text, right)
        if lw and rw and _CLEAN_NAME.fullmatch(left) and _CLEAN_NAME.fullmatch(right) and lw[-1].casefold() not in r["particles"] \
                and lw[-1].casefold() not in r["hyphen_prefixes"] and lw[-1].casefold() not in r["pair_particles"] \
                and ((len(lw) >= 2 and len(rw) >= 2) or alone):
            out.append((s, s + m.start(), label, rule + "+pair"))
            out.append((s + m.end(), e, label, rule + "+pair"))
        else:
            out.append((s, e, label, rule))
    return out


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _stands_alone(text: str, name: str) -> bool:
    r"""re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None, read off the text's index."""
    starts = text_index(text).starts(name, _WORD_OR_HYPHEN, _WORD_OR_HYPHEN)
    if starts is None:
        return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None
    return bool(starts)


def article_names(text: str, spans) -> dict[str, str]:
    """Names the article itself vouches for: a span's text, and the name after a generic head
    (`Kabupaten Grobogan` → `Grobogan` LOC), casefolded → label."""
    r = rules()
    out: dict[str, str] = {}
    for start, end, label, *_ in spans:
        surface = text[start:end]
        out.setdefault(surface.casefold(), label)
        words = surface.split()
        if len(words) >= 2 and words[0].casefold() in r["place_cues"]:
            out.setdefault(" ".join(words[1:]).casefold(), "LOC")
    return out


@functools.cache
def _facility_opening() -> re.Pattern:
    """A name that opens with a facility head and a space (one match instead of a test per head)."""
    heads = rules()["facility_heads"]
    return re.compile("(?:" + "|".join(re.escape(h) for h in heads) + ") ") if heads else re.compile("(?!)")
