"""The schema of every lexicon file, and the cross-references checked between files.

`SCHEMAS[name]` is the spec of `<name>.yaml` (see `warta.lexicons.schema`);
`CROSS[name]` a function that checks the references of a file into other files
(a trigger's CAMEO code must be in cameo.yaml, a prefix label in morph.yaml).
A new top-level key in a lexicon needs its line here: an unknown key is refused
at load time, so that a misspelt key never silently switches a rule off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from warta.lexicons.schema import (BOOL, INT, NUM, STR, WORDS, Either, List, Map, OneOf, Opt, Rec, Spec, all_,
                                   fail)

#: PLOVER/CAMEO-style sectors of an actor (titles.yaml, institutions.yaml)
SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "MED", "BUS", "CVL", "REB", "IGO", "NGO", "EDU", "REL",
                     "PTY", "SPY", "HLH", "LAB", "ELI"})
#: PLOVER event types (cameo.yaml `plover`, event_triggers.yaml `type`)
PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
#: kinds of a place (places.yaml `kind`, the values of `prefixes`)
PLACE_KINDS = frozenset({"admin1", "city", "continent", "island", "lake", "landmark", "mountain", "regency",
                         "region", "sea", "strait", "district", "river", "village", "country"})

_ISO3 = re.compile(r"^[A-Z]{3}$")


class Code(Spec):
    """A string of a fixed shape (a country or currency code, a CAMEO code)."""

    def __init__(self, pattern: str, name: str):
        self.pattern = re.compile(pattern)
        self.name = name

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, str) or not self.pattern.match(value):
            fail(where, f"expected {self.name}, found {value!r}")


COUNTRY = Code(r"^[A-Z]{3}$", "an ISO 3166-1 alpha-3 country code")
CAMEO = Code(r"^[0-9]{2,4}$", "a CAMEO code in quotes (\"042\")")
CURRENCY = Code(r"^[A-Z]{3}$", "an ISO 4217 currency code")
OFFSET = Code(r"^[+-][0-9]{2}:[0-9]{2}$", "a UTC offset (+07:00)")
WORD_MAP = Map(STR, STR)
WORD_LISTS = Map(STR, WORDS)

_TRIGGER = Rec({
    "r": STR, "f": WORDS, "p": STR, "c": CAMEO, "sym": BOOL, "pre": WORDS, "suf": WORDS, "ex": WORDS,
    "need": WORDS, "after_ex": WORDS, "block": WORDS, "void_near": WORDS, "after_void": WORDS, "place_partner": BOOL, "invites": CAMEO, "modal": WORDS, "voice": OneOf({"active", "passive", "nominal"}),
    "own": BOOL, "hit": CAMEO, "solo": BOOL, "light": BOOL, "home": BOOL, "domestic": BOOL, "alone": CAMEO,
    "neg": CAMEO, "arg": OneOf({"consequence"}), "noun": BOOL, "type": OneOf(PLOVER_TYPES, "PLOVER type"),
}, required=["c"])

_CAMEO_CODE = all_({"name": STR, "root": Code(r"^[0-9]{2}$", "a two-digit CAMEO root"),
                    "quad_class": OneOf({1, 2, 3, 4}, "quad class"), "goldstein": NUM,
                    "plover": OneOf(PLOVER_TYPES, "PLOVER type"), "mode": Opt(STR), "context": Opt(STR)})

_DATELINE = Either(STR, all_({"pattern": STR, "check": OneOf({"place"})}))

SCHEMAS: dict[str, Spec] = {
    "abbreviations": WORDS,
    "languages": Rec({"malay_markers": WORDS, "indonesian_function_words": WORDS, "foreign_function_words": WORDS},
                     required=["malay_markers"]),
    "cameo": Map(CAMEO, _CAMEO_CODE),
    "countries": Rec({"preferred": Map(COUNTRY, STR), "aliases": Map(COUNTRY, WORDS),
                      "capitals": Map(COUNTRY, WORDS)}),
    "people": all_({"people": List(Rec({"name": STR, "aliases": WORDS, "country": COUNTRY},
                                       required=["name", "country"]))}),
    "institutions": all_({"institutions": List(Rec({
        "name": STR, "aliases": WORDS, "country": Opt(COUNTRY), "sector": OneOf(SECTORS, "sector"),
        "type": OneOf({"ORG", "LOC"}, "actor type")}, required=["name", "sector"]))}),
    "titles": Rec({
        "titles": List(Rec({"title": STR, "aliases": WORDS, "sector": Opt(OneOf(SECTORS, "sector")),
                            "regional": BOOL, "kind": OneOf({"office", "rank", "honorific"}, "title kind")},
                           required=["title"])),
        "portfolios": WORDS, "rank_suffixes": WORDS, "corps_suffixes": WORDS,
        "chain_words": WORD_LISTS}, required=["titles"]),  # chain_words: added on branch quotes
    "morph": all_({"particles": WORDS, "possessives": WORDS, "suffixes": WORDS, "plain_prefixes": WORD_LISTS,
                   "nasal_prefixes": List(all_({"onset": STR, "keep": STR, "restore": STR, "label": STR})),
                   "outer_prefixes": WORD_MAP, "min_root": INT}),
    "numbers": all_({"digits": Map(STR, INT), "words": Map(STR, NUM), "teen": STR, "multipliers": Map(STR, INT),
                     "scales": Map(STR, INT), "se_prefix": STR, "approximate": Map(STR, INT),
                     "se_classifiers": WORD_MAP, "qualifiers": WORD_MAP}),
    "months": Rec({
        "months": Map(OneOf(range(1, 13), "month number"), WORDS),
        "weekdays": Map(OneOf(range(7), "weekday number"), WORDS),
        "relative": Map(STR, all_({"unit": OneOf({"day", "week", "weekend", "month", "year"}, "unit"), "offset": INT})),
        "time_zones": Map(STR, OFFSET),
        "duration_units": Map(STR, Rec({"designator": OneOf(set("SMHDWY"), "ISO 8601 designator"), "time": BOOL,
                                        "factor": INT}, required=["designator"])),
        "se_durations": WORD_MAP,
        **{k: WORDS for k in (
            "parts_of_day", "period_modifiers", "before_words", "after_words", "ahead_words", "anchor_after_words",
            "anchor_before_words", "future_cues", "future_after", "weekday_future_cues", "week_ordinals",
            "event_anchor_words", "anaphor_words", "year_acronym_not", "year_not_before", "law_title_words",
            "law_number_cues", "law_types", "anchored_words", "year_cues", "year_event_heads", "local_time",
            "clock_cues", "duration_cues", "age_cues", "age_nouns", "age_not_before", "duration_multipliers",
            "never_dates", "date_modifiers_after", "forward_cues",
            "weekday_also_week", "month_alone_short_ok", "se_relative_alone", "clock_bare_hour_cues",
            "afternoon_parts", "past_from_words", "event_anchor_before", "age_units")},
        "relative_offsets": Map(STR, INT),
    }, required=["months", "weekdays", "time_zones"]),
    "units": Rec({
        "units": WORD_LISTS,
        "currencies": Map(CURRENCY,
                          Rec({"prefix": WORDS, "suffix": WORDS})),
        "object_max_words": INT,
        "name_prefixes": List(Either(STR, BOOL)),  # holds `No`, read by YAML as false: quote it, then WORDS
        "magnitude": all_({"unit": Opt(STR), "object": STR, "before": WORDS, "after": WORDS, "max": NUM}),
        "currency_scales": Map(STR, INT),
        **{k: WORDS for k in ("persons", "classifiers", "object_stop", "not_quantities", "person_after_lainnya",
                              "casualty_words", "partitive_words", "total_words", "person_totals", "total_verbs",
                              "fraction_after", "others_words", "range_words", "one_person",
                              "object_verb_prefixes")},
        "person_generic": STR,
    }, required=["units", "currencies", "persons"]),
    "places": Rec({
        "places": List(Rec({"name": STR, "aliases": WORDS, "country": Opt(COUNTRY), "admin1": STR, "lat": NUM,
                            "lon": NUM, "kind": OneOf(PLACE_KINDS, "place kind"), "scan": BOOL},
                           required=["name", "country", "kind"])),
        "namesakes": List(Rec({"name": STR, "aliases": WORDS, "country": Opt(COUNTRY), "admin1": STR, "lat": NUM,
                               "lon": NUM, "kind": OneOf(PLACE_KINDS, "place kind")},
                              required=["name", "country", "kind"])),
        "prefixes": Map(STR, OneOf(PLACE_KINDS, "place kind")),
        "compass": WORD_LISTS,
        **{k: WORDS for k in ("scan_exclude", "common_words", "institution_cues", "institution_places", "not_places",
                              "seat_cues", "indonesian_prefixes", "local_prefixes", "complete_prefixes",
                              "prefix_not_after", "name_particles", "country_prefixes", "not_capital_prefixes",
                              "indonesia_only_prefixes", "town_articles", "subdivision_types", "list_links",
                              "inside_links", "indonesian_offices")},
        "subdivision_adjective": STR,
    }, required=["places", "prefixes"]),
    "actor_words": Rec({
        "group_heads": WORD_MAP, "org_heads": WORD_MAP,
        "pronouns": all_({"singular": WORDS, "plural": WORDS}),
        "generic_speakers": WORD_LISTS,
        **{k: WORDS for k in ("not_names", "name_particles", "unit_heads", "demonstratives", "generic_prefixes",
                              "member_of", "group_quantifiers", "acronym_joiners")},
    }, required=["pronouns", "demonstratives", "member_of"]),
    "entity_rules": Rec({
        "office_abbreviation": STR,
        "name_particles": List(Either(STR, BOOL)),  # holds `on`, read by YAML as true: quote it, then WORDS
        **{k: WORDS for k in (
            "name_heads", "place_cues", "numbered_units", "locatives", "place_heads", "not_entity_cues",
            "not_entities", "org_cues", "byline_patterns", "confirm_kinds", "org_with_country", "currency_words",
            "club_words", "office_words", "law_heads", "event_heads", "not_entity_acronyms", "verb_shapes",
            "not_entity_words", "company_forms", "name_prefix_words", "rank_corps", "extra_titles", "facility_heads",
            "not_person_words", "function_words", "headline_words", "hyphen_prefixes", "org_facility_heads",
            "org_suffixes", "common_words_extra", "honorifics", "org_only_heads", "ship_prefixes", "media_words",
            "budget_lines", "missions", "run_joiners", "law_prefixes", "run_not_heads", "pair_particles", "seat_cues",
            "name_conjunctions", "age_words", "club_name_patterns", "name_closers", "office_building_words",
            "person_shapes", "org_abbreviated_heads", "royal_openers", "royal_connectors", "royal_titles",
            "place_after_heads", "anniversary_words", "org_appositions", "apposition_articles",
            "vehicle_words", "vehicle_makes", "plate_words", "plain_building_words", "route_starts", "route_ends",
            "route_ends_for_people",
            "list_joiners")},
        "media_article": STR,
    }),
    "event_triggers": Rec({
        "triggers": List(_TRIGGER, non_empty=True),
        **{k: WORDS for k in (
            "light_verbs", "reporting", "reporting_forms", "hedges", "future", "negators", "generic_actors", "crowds",
            "police", "opposing", "anaphors", "currency_words", "vessel_words", "claim_nouns", "nationality_markers",
            "sports_words", "pair_words", "implied_place_types", "implied_home_types", "implied_domestic_types",
            "implied_agent_types", "locatives", "foreign_words", "embassy_words", "reported_hostile_types",
            "victim_words", "target_markers",
            "strong_markers", "place_markers", "trigger_clitics", "clause_conjunctions", "complementisers",
            "object_gap_stops", "object_markers", "from_markers", "according_to", "relative_pronouns",
            "coordinators", "conjunctions", "coordination_fillers", "subject_joiners", "passive_agents",
            "comitative_markers", "fronted_markers", "between_markers", "object_links", "vessel_stops", "ordinals",
            "quantity_words", "not_light_forms", "active_verb_spellings", "consequence_markers",
            "anaphoric_speakers", "anaphoric_speaker_suffixes", "title_chain_words", "subject_breaks",
            "reporter_cues", "object_breaks", "complement_openers", "list_introducers", "clause_openers",
            "condition_openers", "embedding_stops", "aid_clause_stops", "foreign_markers", "hit_markers", "hit_void",
            "name_openers", "passive_spellings", "active_spellings", "phrase_active_spellings", "from_agent_types",
            "clause_subordinators", "crowd_opposing_types", "denial_types",
            "purpose_markers", "contrast_openers")},
        "labels": WORD_MAP,
        "voice_by_affix": List(Rec({"prefix": WORDS, "suffix": WORDS,
                                    "voice": OneOf({"passive", "active", "nominal", "noun"}, "voice")},
                                   required=["prefix", "voice"])),
    }, required=["triggers"]),
    "reporting_verbs": Rec({
        "before": List(Rec({"lemma": STR, "bare": Either(BOOL, OneOf({"loose"})), "person_subject": BOOL,
                            "data_subject": BOOL, "org_subject": BOOL,
                            "as_clause": BOOL}, required=["lemma"])),
        "after": List(Rec({"lemma": STR, "forms": WORDS, "direct_only": BOOL}, required=["lemma"])),
        "nominal_pattern": STR,
        "function_words": WORD_LISTS, "quoted_objects": WORD_LISTS,
        **{k: WORDS for k in (
            "source", "to_press", "negators", "gap_openers", "speaker_stops", "subject_skip", "credit_sources",
            "predicates", "predicate_prefixes", "not_predicates", "subordinators", "naming_words", "data_subjects",
            "clause_breakers", "object_nouns", "infinitive_markers", "modals", "cue_adverbs", "connectives",
            "anaphors", "anaphoric_passives", "not_clause_openers", "courtesy_objects", "adverbial_openers",
            "aside_openers", "statement_nouns", "as_markers")},
    }, required=["before", "after"]),
    "structure": Rec({
        "tail_cut_share": NUM,
        "byline": Rec({"labelled": WORDS, "name_separator": STR, "editor_part": WORDS, "outlet_slash": STR,
                       "bare": WORDS}),
        "editor": Rec({"end": WORDS, "line": WORDS}),
        "months": Map(STR, OneOf(range(1, 13), "month number")),
        "zones": Map(STR, OFFSET),
        "dateline_parts": Map(STR, STR),
        "dateline": List(_DATELINE),
        "dateline_head_paragraphs": INT,
        "credits": Rec({"line": List(Rec({"pattern": STR, "known_only": BOOL, "tail_only": BOOL},
                                         required=["pattern"])),
                        "end": WORDS, "list_line": all_({"max_chars": INT, "separator": STR}),
                        "republished": WORDS, "inline": WORDS, "inline_more": STR}),
        "heading": Rec({"label_max_words": INT, "max_words": INT, "min_words": INT, "question_max_words": INT}),
        **{k: WORDS for k in ("clutter", "clutter_next", "tail_cut", "brand_line", "own_outlet_line",
                              "byline_stopwords", "date_line", "url_date", "outlets")},
    }),
    "function_words": all_({
        "negation": all_({"particles": WORDS, "verbs": WORDS, "prepositions": WORDS}),
        "modality": all_({"future": WORDS, "volition": WORDS, "ability": WORDS, "experience": WORDS,
                          "hedges": WORDS}),
        "demonstratives": WORDS}),
    "currencies": all_({"names": Map(STR, Opt(CURRENCY))}),
    # the date grammar (added on branch dates): named regex rules
    "date_patterns": Rec({
        "parts": WORD_MAP, "cues": WORD_MAP,
        "patterns": List(Rec({"id": STR, "kind": STR, "example": STR, "pattern": STR, "start_at": STR,
                              "end_before": STR, "span_end_before": STR}, required=["id", "pattern"]))}),
}


# -- cross-references between files ------------------------------------------------------------------------------

Loader = Callable[[str], Any]


def _cameo_refs(data: Any, load: Loader, where: str) -> None:
    codes = load("cameo")
    for i, t in enumerate(data["triggers"]):
        for key in ("c", "hit", "alone", "neg"):
            if key in t and t[key] not in codes:
                fail(f"{where}: triggers[{i}].{key}", f"CAMEO code {t[key]!r} is not in cameo.yaml")
        if ("r" in t) + ("f" in t) + ("p" in t) != 1:
            fail(f"{where}: triggers[{i}]", "needs exactly one of r (root), f (forms), p (phrase)")


def _affix_refs(data: Any, load: Loader, where: str) -> None:
    morph = load("morph")
    prefixes = set(morph["plain_prefixes"]) | {n["label"] for n in morph["nasal_prefixes"]} | {""}
    suffixes = set(morph["suffixes"]) | {""}
    for i, t in enumerate(data["triggers"]):
        for key, known, what in (("pre", prefixes, "prefix label"), ("suf", suffixes, "suffix")):
            for v in t.get(key) or []:
                if v not in known:
                    fail(f"{where}: triggers[{i}].{key}", f"unknown {what} {v!r}; morph.yaml knows "
                         f"{', '.join(sorted(known))}")


def _triggers(data: Any, load: Loader, where: str) -> None:
    _cameo_refs(data, load, where)
    _affix_refs(data, load, where)


def _cameo(data: Any, load: Loader, where: str) -> None:
    for code, entry in data.items():
        if not code.startswith(entry["root"]):
            fail(f"{where}: {code}.root", f"root {entry['root']!r} is not the start of code {code!r}")
        if not -10 <= entry["goldstein"] <= 10:
            fail(f"{where}: {code}.goldstein", f"{entry['goldstein']} is outside -10..10")


def _morph(data: Any, load: Loader, where: str) -> None:
    labels = set(data["plain_prefixes"]) | {n["label"] for n in data["nasal_prefixes"]}
    for outer, label in data["outer_prefixes"].items():
        if label not in labels:
            fail(f"{where}: outer_prefixes.{outer}",
                 f"label {label!r} names no prefix of plain_prefixes/nasal_prefixes")


def _titles(data: Any, load: Loader, where: str) -> None:
    seen: dict[str, int] = {}
    for i, t in enumerate(data["titles"]):
        k = t["title"].casefold()
        if k in seen:
            fail(f"{where}: titles[{i}].title", f"{t['title']!r} is listed twice (also titles[{seen[k]}])")
        seen[k] = i


def _places(data: Any, load: Loader, where: str) -> None:
    for i, p in enumerate(data["places"]):
        if p.get("lat") is not None and not (-90 <= p["lat"] <= 90 and -180 <= p.get("lon", 0) <= 180):
            fail(f"{where}: places[{i}]", f"{p['name']!r} has coordinates outside the globe")


CROSS: dict[str, Callable[[Any, Loader, str], None]] = {
    "event_triggers": _triggers,
    "cameo": _cameo,
    "morph": _morph,
    "titles": _titles,
    "places": _places,
}
