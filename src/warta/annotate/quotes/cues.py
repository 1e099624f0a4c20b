"""The reporting cues of `lexicons/reporting_verbs.yaml` compiled, and `is_clause` (do these words read as a
clause?)."""

from __future__ import annotations

import functools
import re

from warta import lexicons
from warta.lang.id.titles import group_heads
from warta.knowledge import cache
from warta.lang.alternation import phrase_alternation as _alt
from warta.lang.prefilter import PhraseScan, PhraseSet

UNTAGGED_NAME_RE = re.compile(r"\s+([A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,3})\s*,?\s*")


def quoted_object_cues(data: dict) -> dict:
    """The `quoted_objects` of reporting_verbs.yaml: the words before a quotation that make it what an actor called
    something (`naming`, ending the window before the mark: verb, at most six object words, a link: without the link,
    `menyebut sanksi itu “ilegal”`, the quotation is part of a reported clause) or what
    someone said or shouted (`speech`)."""
    qo = data["quoted_objects"]
    return {
        "naming_verb": re.compile(r"(?<!\w)(" + _alt(qo["naming_verbs"]) + r")(?:\s+[^\s,;:.!?\u201c\u201d\"]+){0,6}?"
                                  r"\s+(?:" + _alt(qo["naming_links"]) + r")\s*$", re.I),
        "speech_noun": re.compile(r"(?<!\w)(" + _alt([*qo["speech_nouns"], *qo["speech_acts"]]) + r")\s*$", re.I),
        "speech_act": re.compile(r"(?<!\w)(" + _alt(qo["speech_acts"]) + r")(?!\w)", re.I),
    }


def function_word_cues(data: dict) -> dict:
    """The `function_words` of reporting_verbs.yaml as the sets and patterns the readers use."""
    fw = data["function_words"]
    rel, coord = _alt(fw["relative"]), _alt(fw["coordinators"])
    p = lexicons.load("actor_words")["pronouns"]
    return {
        "relative": {w.casefold() for w in fw["relative"]},
        # a relative clause set off by commas (`rencana itu, yang diluncurkan Juli, akan berakhir`)
        "relative_aside": re.compile(r",\s*(?:" + rel + r")\s[^,;]*,"),
        "relative_in": re.compile(r"(?<!\w)(?:" + rel + r")\s"),
        # an administrative unit set off by commas (`warga Desa Pasawahan, Kecamatan Takokak, mengungsi`)
        "place_aside": re.compile(r"(?:,\s*(?:" + _alt(lexicons.load("places")["indonesia_only_prefixes"])
                                  + r")\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})+\s*,"),
        "relative_opens": re.compile(r"\s*(?:" + rel + r")\s"),
        # `kemenangan Trump dan menjadi media …`: the word after a coordinator (a second predicate?)
        "second_predicate": re.compile(r"\s(?:" + coord + r")\s+(?:(?:" + _alt(fw["additive"]) + r")\s+)?(\w+)"),
        # the first verb-like word of a predicate: passive `di-` or active `me-`/`ber-`/`meng-` (after a relative
        # `yang` clause, whose verb describes the subject, the main predicate follows; see active_person_since)
        "predicate": re.compile("".join(f"(?<!{re.escape(w)} )" for w in fw["relative"]) + r"(?<![\w-])(?:"
                                + "|".join(re.escape(x) for x in data["predicate_prefixes"]) + r")[a-z]{3,}\b"),
        "pronoun": re.compile(r"(?<!\w)(" + _alt([*p["singular"], *p["plural"]]) + r")(?!\w)", re.I),
        "complementizer": re.compile(r"(?<!\w)(?:" + _alt(fw["complementizers"]) + r")(?!\w)", re.I),
        "subject_prepositions": {w.casefold() for w in fw["subject_prepositions"]},
        "agent_markers": {w.casefold() for w in fw["agent_markers"]},
        "coordinators": set(fw["coordinators"]),
        # `Kepala Pusat Data, Informasi dan Komunikasi BNPB Abdul Muhari`: a capitalised chain after a comma
        "name_chain": re.compile(r"(?:,?\s+(?:(?:" + _alt(fw["name_joiners"]) + r")\s+)?[A-Z][\w'’\-]*)+"),
        "summary_sources": tuple(fw["summary_sources"]),
        "evidence_sources": tuple(fw["evidence_sources"]),
        "clitics": tuple(fw["clitics"]),
        "passive_prefixes": tuple(fw["passive_prefixes"]),
        # `menyatakan serangan tersebut sebagai sebuah kegagalan`: X (no comma, no quotation) `sebagai` Y
        "declared_as": re.compile(r"[^,;.!?\u201c\"]{2,80}?\s(?:" + _alt(data["as_markers"]) + r")\s+\w", re.I),
        "as_verbs": {e["lemma"].casefold() for e in data["before"] if e.get("as_clause")},
        **quoted_object_cues(data),
    }


#: the cues each sentence is searched for, in one PhraseSet (warta.lang.prefilter): `cues()["sentence_cues"]`
SENTENCE_CUES = ("source", "after", "before")


@cache.table("quotes-cues")  # kept in the user cache (warta.knowledge.cache)
def cues() -> dict:
    data = lexicons.load("reporting_verbs")
    clitics = data["function_words"]["clitics"]  # `kata` → `katanya`
    forms = {e["lemma"]: e.get("forms") or [e["lemma"], *(e["lemma"] + c for c in clitics)] for e in data["after"]}
    after_forms = [f for e in data["after"] if not e.get("direct_only") for f in forms[e["lemma"]]]
    direct_forms = [f for e in data["after"] for f in forms[e["lemma"]]]
    before = {e["lemma"]: bool(e.get("bare")) for e in data["before"]}
    verbs = frozenset(line.strip().casefold() for line in lexicons.path("verbs.txt").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    breakers = [*data["clause_breakers"], *before]
    fw = data["function_words"]
    coord, focus = _alt(fw["coordinators"]), _alt(fw["focus_particles"])
    found = {
        **function_word_cues(data),
        "predicates": (verbs | {w.casefold() for w in data["predicates"]})
        - {w.casefold() for w in data["not_predicates"]},
        "prefix": re.compile(r"(?:" + "|".join(re.escape(x) for x in data["predicate_prefixes"]) + r")\w{4,}$"),
        "not_pred": {w.casefold() for w in data["not_predicates"]},
        "subordinate": re.compile(r"(?<!\w)(?:" + _alt(data["subordinators"]) + r")(?!\w)", re.I),
        "naming": re.compile(r"(?<!\w)(?:" + _alt(data["naming_words"]) + r")\s*[\u201c\"]", re.I),
        **{key: {e["lemma"].casefold() for e in data["before"] if e.get(flag)} for key, flag in (
            ("data_verbs", "data_subject"), ("person_verbs", "person_subject"), ("org_verbs", "org_subject"))},
        "data_subjects": {w.casefold() for w in data["data_subjects"]},
        "credit": re.compile(r"(?<!\w)(" + _alt(data["credit_sources"]) + r")(?!\w)", re.I),
        "breaker": re.compile(r",?\s+(?:" + coord + r")\s+(?:(?:" + focus + r")\s+)?(" + _alt(breakers) + r")(?!\w)",
                              re.I),
        "after": re.compile(r"(?<!\w)(" + _alt(after_forms) + r")(?!\w)", re.I),
        "after_direct": re.compile(r"(?<!\w)(" + _alt(direct_forms) + r")(?!\w)", re.I),
        "infinitive": {w.casefold() for w in data["infinitive_markers"]},
        "modals": {w.casefold() for w in data["modals"]},
        "cue_adverbs": re.compile(r"(?:\s+(?:" + _alt(data["cue_adverbs"]) + r"))+(?!\w)", re.I),
        "connective": re.compile(r"\s*(?:(?:" + _alt(data["connectives"]) + r")\s*,?\s*)?$", re.I),
        "anaphor": re.compile(r"(?<!\w)(?:" + _alt(data["anaphors"]) + r")(?!\w)", re.I),
        "anaphoric_passive": re.compile(r"(?<!\w)(?:" + _alt(data["anaphors"]) + r")\s+(?:(?:" + focus + r")\s+)?("
                                        + _alt(data["anaphoric_passives"]) + r")(?:\s+oleh)?(?!\w)", re.I),
        "statement": re.compile(r"(?:" + _alt(data["statement_nouns"]) + r")\s+(?:(?:" + _alt(fw["statement_modifiers"])
                                + r")\s+)?(?:" + _alt(fw["statement_demonstratives"]) + ")",
                                re.I),
        "aside": re.compile(r"(?:" + "|".join(re.escape(x) for x in data["aside_openers"]) + r")"),
        "not_openers": {w.casefold() for w in [*data["not_clause_openers"], *data["courtesy_objects"]]},
        "adverbial": {w.casefold() for w in data["adverbial_openers"]},
        "before": re.compile(r"(?<!\w)(" + _alt(before) + r")(?!\w)", re.I),
        "bare": {k.casefold() for k, v in before.items() if v},
        "loose": {e["lemma"].casefold() for e in data["before"] if e.get("bare") == "loose"},
        "source": re.compile(r"(?<!\w)(" + _alt(data["source"]) + r")(?!\w)", re.I),
        "to_press": re.compile(r"(?<!\w)(" + _alt(data["to_press"]) + r")(?!\w)", re.I),
        "negators": {w.casefold() for w in data["negators"]},
        "gap": {w.casefold() for w in data["gap_openers"]},
        # `dan` ends a speaker unless a name goes on (`kata Menteri Komunikasi dan Informatika Budi Arie`)
        "stops": re.compile(r"\s+(?:" + _alt([w for w in data["speaker_stops"] if w not in fw["name_joiners"]])
                            + r")(?!\w)" + r"|\s+(?:" + _alt(fw["name_joiners"]) + r")(?!\w)(?!\s+[A-Z])|\s+(?:"
                            + _alt(data["to_press"])
                            + r")(?!\w)|[,;:(\u201c\u201d\"]|[.!?](?:\s|$)", re.I),
        "skip": {w.casefold() for w in data["subject_skip"]},
        "object_nouns": {w.casefold() for w in data["object_nouns"]},
        "nominal": re.compile(data["nominal_pattern"]),
        "insert": re.compile(r"\s*(?:" + _alt([*data["speaker_stops"], *data["source"], *data["to_press"]])
                             + r")(?!\w)", re.I),
    }
    return found | {"sentence_cues": _sentence_cues(found, data["source"], after_forms, [*before])}


def _sentence_cues(found: dict, *phrases: list[str]) -> PhraseSet:
    """The cues every sentence is searched for (SENTENCE_CUES, in order), each a PhraseScan of its pattern and the
    phrases it was made of (`phrases`, in that order; warta.lang.prefilter), searched together."""
    return PhraseSet([PhraseScan(found[cue], words) for cue, words in zip(SENTENCE_CUES, phrases, strict=True)])




@functools.cache
def abbreviations() -> frozenset[str]:
    return frozenset(lexicons.load("abbreviations"))


@functools.cache
def generic_speakers() -> dict[str, list[str]]:
    return {str(k).casefold(): list(v) for k, v in (lexicons.load("actor_words").get("generic_speakers") or {}).items()}


WORD_RE = re.compile(r"\w+(?:-\w+)*")
_FIRST_WORD = re.compile(r"\W*(\w+)")
_STRETCH_END = re.compile(r"[,;]|[.!?](?=[A-Z])")  # a comma or semicolon, or a glued sentence end
_DOUBLE_MARK = re.compile(r"[\u201c\u201d\"]")


def is_clause(text: str, loose: bool = False) -> bool:
    """The words read as a clause: a predicate in the first stretch up to a comma (the verb
    right after `yang` belongs to a relative clause and does not count); a partial quotation
    counts (`menyebut sanksi itu “ilegal”`)."""
    c = cues()
    first_word = _FIRST_WORD.match(text)
    if first_word and first_word.group(1).casefold() in c["not_openers"]:
        return False  # `melaporkan kepada aparat …`: a prepositional phrase, no clause
    # a relative clause set off by commas belongs to the subject (`rencana itu, yang diluncurkan Juli, akan berakhir`)
    text = c["place_aside"].sub("", c["relative_aside"].sub("", text))
    stretches = _STRETCH_END.split(text)  # `… di Indonesia.Dua warga …`: a glued sentence end
    head = stretches[0]
    if first_word and first_word.group(1).casefold() in c["adverbial"] and len(stretches) > 1 \
            and not is_clause(head) and len([w for w in WORD_RE.findall(head) if not w.isdigit()]) <= 8:
        # `hingga Jumat (30/6/2023) pukul 20.40 WIB, dua rumah warga rusak ringan`: an adverbial, then the clause
        # (the digits of its dates and times are no words)
        return is_clause(text[len(head) + 1:], loose)
    sub = c["subordinate"].search(head)
    if sub and sub.start() > 0 and not c["relative_in"].search(head[:sub.start()]):
        # (after a relative clause the conjunction belongs to it: `hujan yang turun selama setengah hari itu
        # juga menyebabkan longsor`)
        head = head[:sub.start()]
    second = c["second_predicate"].search(head)
    nxt = second.group(1).casefold() if second else ""
    lead_noun = (WORD_RE.findall(head) or [""])[0].casefold()
    nominal = lead_noun in c["object_nouns"] or c["nominal"].fullmatch(lead_noun)
    if nominal and nxt not in c["not_pred"] and (nxt in c["predicates"] or c["prefix"].match(nxt)):
        head = head[:second.start()]  # `kemenangan Trump dan menjadi media …`: a second predicate of the subject
    if _DOUBLE_MARK.search(head) and not c["naming"].search(head):
        return True
    head_words = WORD_RE.findall(head)
    # a cleft: `pasukan Kirgistan yang lebih dulu menembak` (an actor, then `yang` + predicate) is a clause
    cleft = bool(head_words) and (head_words[0][:1].isupper() or head_words[0].casefold() in group_heads()) \
        and any(w.casefold() in c["relative"] for w in head_words[1:4])
    after_yang = False
    for w in head_words:
        f = w.casefold()
        if f in c["relative"]:
            after_yang = not cleft
            continue
        if f in c["not_pred"] or not w.islower():
            continue
        if f in c["predicates"] or c["prefix"].match(f):
            if after_yang:
                after_yang = False
                continue
            return True
    if not loose or len(head_words) < 4:
        return False
    # `menegaskan dukungan Papua Nugini terhadap …`: a noun object (a nominalisation), no clause
    first = head_words[0].casefold()
    return first not in c["object_nouns"] and not c["nominal"].fullmatch(first)


