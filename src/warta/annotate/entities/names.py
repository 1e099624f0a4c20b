"""Passes over all spans for long names and conventions: acronyms in brackets, treaties, numbered
units, missions, ships, newspapers, institutions, persons and places the model mislabelled."""

from __future__ import annotations

import re

from warta.knowledge import countries
from warta.lang.id.name_rules import rules

from .base import MODEL_RULE, Span4, _is_verb, before_cue
from .outside import place_resolve
from .split import drop_inside
from .words import _gazetteer_place, _plain_word, known_label


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
        if _CAP.fullmatch(w) or w in r["run_joiners"] and i > 0:
            if _CAP.fullmatch(w):
                heads = (r["heads"] | {h.split()[0].casefold() for h in r["law_heads"] + r["event_heads"]}) \
                    - r["run_not_heads"] - r["titles"]
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
                name in bracketed or any(p.fullmatch(name) for p in r["club_names"])
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
        the = rules()["media_article"] + " "
        if " " + the in found:  # `Menurut The Moscow Times`
            a += found.index(" " + the) + 1
        while not text[a:b].startswith(the) and " " in text[a:b] and (
                _plain_word(text[a:b].split()[0]) or text[a:b].split()[0].casefold() in rules()["org_cues"]):
            a += len(text[a:b].split()[0]) + 1  # `Menurut Jakarta Post`, `harian Jakarta Post`
        inside = [sp for sp in out if sp[0] < b and a < sp[1]]
        named = any(known_label(w) == "LOC" for w in text[a:b].split()[:-1])
        if not (text[a:b].startswith(the) or inside or named) or any(sp[0] < a or sp[1] > b for sp in inside):
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
                    and known_label(name) is None and place_resolve(name) is None \
                    and not any(known_label(w) or place_resolve(w) for w in words) \
                    and any(_alone_as_person(text, spans, w, s, e) for w in words):
                new = "PER"
            elif len(words) == 1 and known_label(name) is None and place_resolve(name) is None \
                    and re.fullmatch(r"[A-Z][a-z]+", name) \
                    and not re.search(rf"{cues}\s+{re.escape(name)}(?!\w)", text):
                for m in re.finditer(rf"(?<!\w){re.escape(name)}[ ]([A-Z][a-z]+)(?!\w)", text):
                    full = f"{name} {m.group(1)}"
                    if m.group(1).casefold() not in r["common"] and place_resolve(full) is None \
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
                and (place_resolve(name) is not None
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


def _abbreviated_orgs(text: str, spans: list[Span4]) -> list[Span4]:
    """`Univ. PGRI Indrapasasti`, `Univ. Pamulang`: an abbreviated school head and the capitalised words after
    it are one ORG, whatever pieces the model made of them."""
    out = list(spans)
    for m in rules()["org_abbreviated"].finditer(text):
        a, b = m.span()
        if any(sp[0] <= a and b <= sp[1] for sp in out):
            continue
        out = [sp for sp in out if not (a <= sp[0] and sp[1] <= b)]
        if not any(sp[0] < b and a < sp[1] for sp in out):
            out.append((a, b, "ORG", "rule:org-abbreviated"))
    return sorted(out)
