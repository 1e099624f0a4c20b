"""Every lexicon is checked against its schema when loaded: a broken copy of each file is refused with an
error naming the file and the key (unknown key, wrong type, dangling reference)."""

from __future__ import annotations

import copy

import pytest
import yaml

from warta import lexicons
from warta.lang.id import function_words as fw
from warta.lexicons import LexiconError, validate
from warta.lexicons.schemas import CROSS, SCHEMAS


def test_every_lexicon_has_a_schema():
    assert set(lexicons.names()) <= set(SCHEMAS), set(lexicons.names()) - set(SCHEMAS)
    assert set(CROSS) <= set(SCHEMAS)


@pytest.mark.parametrize("name", lexicons.names())
def test_lexicon_loads_as_the_plain_yaml_parser_reads_it(name):
    """The fast loader gives exactly what yaml.safe_load gives (the API callers see is unchanged)."""
    text = lexicons.path(f"{name}.yaml").read_text(encoding="utf-8")
    assert lexicons.load(name) == yaml.safe_load(text)


def test_fast_loader_is_used():
    if getattr(yaml, "__with_libyaml__", False):
        assert lexicons._Loader is yaml.CSafeLoader


def _first_list(data):
    return next(k for k, v in data.items() if isinstance(v, list))


# (file, what is broken, mutation of a deep copy, words the error must name)
def _set(path, value):
    def mutate(data):
        *head, last = path
        target = data
        for k in head:
            target = target[k]
        target[last] = value
    return mutate


BROKEN = [
    # abbreviations: a list of strings
    ("abbreviations", "wrong type", lambda d: d.append({"Dr.": 1}), ["abbreviations.yaml[", "string"]),
    ("abbreviations", "wrong type", lambda d: d.append(3), ["abbreviations.yaml[", "found int"]),
    ("actor_words", "unknown key", _set(["pronoun"], ["dia"]), ["actor_words.yaml", "'pronoun'"]),
    ("actor_words", "wrong type", _set(["pronouns", "singular"], "dia"), ["pronouns.singular", "list"]),
    ("actor_words", "wrong type", _set(["group_heads", "pejabat"], ["x"]), ["group_heads.pejabat", "string"]),
    ("cameo", "unknown key", _set(["042", "plovr"], "CONSULT"), ["042", "'plovr'"]),
    ("cameo", "wrong type", _set(["042", "goldstein"], "1.9"), ["042.goldstein", "number"]),
    ("cameo", "dangling reference", _set(["042", "plover"], "CONSUL"), ["042.plover", "CONSUL"]),
    ("cameo", "dangling reference", _set(["042", "root"], "05"), ["042.root", "not the start"]),
    ("countries", "unknown key", _set(["alias"], {}), ["countries.yaml", "'alias'"]),
    ("countries", "dangling reference", _set(["aliases", "Korut"], ["Korea Utara"]), ["aliases key 'Korut'",
                                                                                      "alpha-3"]),
    ("entity_rules", "unknown key", _set(["name_head"], ["Partai"]), ["entity_rules.yaml", "'name_head'"]),
    ("entity_rules", "wrong type", _set(["name_heads"], "Partai"), ["name_heads", "list"]),
    ("event_triggers", "unknown key", lambda d: d["triggers"][0].update(code="030"), ["triggers[0]", "'code'"]),
    ("event_triggers", "wrong type", lambda d: d["triggers"][0].update(sym="ya"), ["triggers[0].sym", "true/false"]),
    ("event_triggers", "wrong type", lambda d: d["triggers"][0].update(c=30), ["triggers[0].c", "CAMEO"]),
    ("event_triggers", "dangling reference", lambda d: d["triggers"][0].update(c="999"),
     ["triggers[0].c", "'999'", "cameo.yaml"]),
    ("event_triggers", "dangling reference", lambda d: d["triggers"][0].update(pre=["meng"]),
     ["triggers[0].pre", "'meng'", "morph.yaml"]),
    ("event_triggers", "dangling reference", lambda d: d["triggers"][0].update(type="ATTACK"),
     ["triggers[0].type", "ATTACK"]),
    ("event_triggers", "missing key", lambda d: d["triggers"][0].pop("c"), ["triggers[0]", "missing key 'c'"]),
    ("function_words", "unknown key", _set(["negation", "adverbs"], ["tidak"]), ["negation", "'adverbs'"]),
    ("function_words", "wrong type", _set(["demonstratives"], "itu"), ["demonstratives", "list"]),
    ("currencies", "dangling reference", _set(["names", "yen"], "Yen"), ["names.yen", "ISO 4217"]),
    ("institutions", "unknown key", lambda d: d["institutions"][0].update(sektor="GOV"),
     ["institutions[0]", "'sektor'"]),
    ("institutions", "dangling reference", lambda d: d["institutions"][0].update(sector="GOVT"),
     ["institutions[0].sector", "GOVT"]),
    ("institutions", "dangling reference", lambda d: d["institutions"][0].update(country="Rusia"),
     ["institutions[0].country", "alpha-3"]),
    ("languages", "unknown key", _set(["malay"], ["polis"]), ["languages.yaml", "'malay'"]),
    ("languages", "wrong type", _set(["malay_markers"], [1]), ["malay_markers[0]", "string"]),
    ("months", "unknown key", _set(["monthz"], {}), ["months.yaml", "'monthz'"]),
    ("date_patterns", "unknown key", lambda d: d["patterns"][0].update(regex="x"), ["patterns[0]", "'regex'"]),
    ("date_patterns", "missing key", lambda d: d["patterns"][0].pop("pattern"), ["patterns[0]", "'pattern'"]),
    ("months", "wrong type", _set(["months", 13], ["Undecember"]), ["months key 13", "month number"]),
    ("months", "dangling reference", _set(["relative", "lusa", "unit"], "fortnight"), ["relative.lusa.unit",
                                                                                       "fortnight"]),
    ("months", "wrong type", _set(["time_zones", "WIB"], 7), ["time_zones.WIB", "UTC offset"]),
    ("morph", "unknown key", lambda d: d["nasal_prefixes"][0].update(lable="meN"), ["nasal_prefixes[0]", "'lable'"]),
    ("morph", "wrong type", _set(["min_root"], "3"), ["min_root", "integer"]),
    ("morph", "dangling reference", _set(["outer_prefixes", "memper"], "mem"), ["outer_prefixes.memper", "'mem'"]),
    ("numbers", "unknown key", _set(["digit"], {}), ["numbers.yaml", "'digit'"]),
    ("numbers", "wrong type", _set(["digits", "dua"], "2"), ["digits.dua", "integer"]),
    ("people", "unknown key", lambda d: d["people"][0].update(negara="USA"), ["people[0]", "'negara'"]),
    ("people", "dangling reference", lambda d: d["people"][0].update(country="AS"), ["people[0].country",
                                                                                    "alpha-3"]),
    ("places", "unknown key", lambda d: d["places"][0].update(latitude=1.0), ["places[0]", "'latitude'"]),
    ("places", "wrong type", lambda d: d["places"][0].update(lat="1.0"), ["places[0].lat", "number"]),
    ("places", "dangling reference", lambda d: d["places"][0].update(kind="planet"), ["places[0].kind", "planet"]),
    ("places", "dangling reference", _set(["prefixes", "kota"], "town"), ["prefixes.kota", "town"]),
    ("reporting_verbs", "unknown key", lambda d: d["before"][0].update(lema="kata"), ["before[0]", "'lema'"]),
    ("reporting_verbs", "wrong type", lambda d: d["before"][0].update(bare="kadang"), ["before[0].bare", "kadang"]),
    ("structure", "unknown key", _set(["byline", "labeled"], []), ["byline", "'labeled'"]),
    ("structure", "wrong type", _set(["tail_cut_share"], "half"), ["tail_cut_share", "number"]),
    ("structure", "dangling reference", lambda d: d["dateline"].append({"pattern": "x", "check": "country"}),
     ["dateline[", "country"]),
    ("titles", "unknown key", lambda d: d["titles"][0].update(sektor="GOV"), ["titles[0]", "'sektor'"]),
    ("titles", "dangling reference", lambda d: d["titles"][0].update(sector="GOVERNMENT"),
     ["titles[0].sector", "GOVERNMENT"]),
    ("titles", "dangling reference", lambda d: d["titles"][0].update(kind="rang"), ["titles[0].kind", "rang"]),
    ("titles", "duplicate", lambda d: d["titles"].append({"title": d["titles"][0]["title"]}), ["listed twice"]),
    ("units", "unknown key", _set(["unit"], {}), ["units.yaml", "'unit'"]),
    ("units", "wrong type", _set(["object_max_words"], 3.5), ["object_max_words", "integer"]),
    ("units", "dangling reference", _set(["currencies", "Rupiah"], {"prefix": ["Rp"]}), ["currencies key 'Rupiah'",
                                                                                        "ISO 4217"]),
]


@pytest.mark.parametrize("name, what, mutate, words", BROKEN, ids=[f"{b[0]}-{b[1]}-{i}" for i, b in enumerate(BROKEN)])
def test_broken_lexicon_is_refused(name, what, mutate, words):
    data = copy.deepcopy(lexicons.load(name))
    validate(name, data)  # the intact copy passes
    mutate(data)
    with pytest.raises(LexiconError) as info:
        validate(name, data)
    message = str(info.value)
    assert message.startswith(f"{name}.yaml"), message
    for w in words:
        assert w in message, (w, message)


def test_every_lexicon_has_a_broken_copy_test():
    assert {b[0] for b in BROKEN} == set(lexicons.names())


def test_missing_schema_is_refused():
    with pytest.raises(LexiconError, match="no schema"):
        validate("tidak_ada", {})


def test_function_words_accessor():
    assert {"tidak", "belum", "bukan"} <= fw.negation().particles
    assert "tanpa" in fw.negation().all and "tanpa" not in fw.negation().particles
    assert {"akan", "bakal"} <= fw.modality().future
    assert fw.demonstratives() == {"ini", "itu", "tersebut"}
    assert fw.currency_names()["yen"] == "JPY" and fw.currency_names()["dolar"] is None


def test_single_home_covers_the_old_copies():
    """function_words.yaml and currencies.yaml hold every word of the older, differing copies (so that the
    readers can be rewired to them without losing a word)."""
    trig, rep = lexicons.load("event_triggers"), lexicons.load("reporting_verbs")
    neg = fw.negation().all
    assert set(trig["negators"]) <= neg and set(rep["negators"]) <= neg
    mod = fw.modality()
    assert set(trig["future"]) <= mod.future | mod.volition
    assert set(trig["hedges"]) <= mod.hedges | mod.ability
    assert set(rep["modals"]) <= mod.future | mod.volition | mod.ability | mod.experience
    assert set(trig["anaphors"]) == fw.demonstratives() == set(lexicons.load("months")["anaphor_words"])
    currencies = set(fw.currency_names())
    assert set(lexicons.load("entity_rules")["currency_words"]) <= currencies
    assert set(trig["currency_words"]) <= currencies
