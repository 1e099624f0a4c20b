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
def country_matcher(vocab_id: int, vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = list(countries.surface_names()) + [c for c in countries.capital_names_as_written()]
    patterns = [tokenizer_nlp().make_doc(n) for n in sorted(set(names)) if n]
    matcher.add("LOC", patterns)
    return matcher


def model_spans(text: str, options: Options) -> list[tuple[int, int, str]]:
    """(start, end, label) of the model's entities; the model tokenizes with its own vocabulary."""
    if not options.use_model:
        return []
    model = entity_model()
    if model is None:
        return []
    return [(e.start_char, e.end_char, e.label_) for e in model(text).ents]


@functools.cache
def entity_model():
    """The shipped spaCy model, or None where it is not installed (rules still run)."""
    try:
        from warta.models import load_model
    except ImportError:
        return None
    try:
        return load_model()
    except Exception:  # a missing or broken model leaves the gazetteer in charge
        return None


def gazetteer_spans(doc: Doc) -> list[Span]:
    matcher = country_matcher(id(doc.vocab), doc.vocab)
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


def merge(primary: list[tuple[int, int, str, str]], secondary: list[Span]) -> list[tuple[int, int, str, str]]:
    """Model spans, then gazetteer spans that overlap none of them, in text order (character offsets)."""
    out = list(primary)
    for s in secondary:
        if not any(s.start_char < end and start < s.end_char for start, end, _, _ in primary):
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
    for t in lexicons.load("titles")["titles"]:
        for name in [t["title"], *(t.get("aliases") or [])]:
            titles.add(name.casefold())
    institutions: dict[str, str] = {}
    for inst in lexicons.load("institutions")["institutions"]:
        for name in [inst["name"], *(inst.get("aliases") or [])]:
            institutions[name.casefold()] = inst.get("type") or "ORG"
    return {
        "common": frozenset(common),
        "heads": frozenset(w.casefold() for w in data["name_heads"]),
        "place_cues": tuple(sorted((w.casefold() for w in data["place_cues"]), key=len, reverse=True)),
        "not_cues": tuple(w.casefold() for w in data["not_entity_cues"]),
        "not_entities": frozenset(w.casefold() for w in data["not_entities"]),
        "verbs": frozenset(line.strip() for line in lexicons.path("verbs.txt").read_text(encoding="utf-8").splitlines()
                           if line.strip() and not line.startswith("#")),
        "titles": frozenset(titles),
        "institutions": institutions,
    }


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _is_common(word: str) -> bool:
    r = rules()
    key = word.casefold()
    return key in r["common"] and key not in r["heads"]


def _is_verb(word: str) -> bool:
    return word.casefold() in rules()["verbs"]


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
    for start, end, label in spans:
        words = _words(text, start, end)
        rule = MODEL_RULE
        # a common word opening a sentence is no part of a name (`Menyediakan`, `Sambil`, `Menurut Kim`)
        while words and (words[0][0] in sentence_starts or text[max(0, words[0][0] - 1)] in "“\"‘'(")\
                and _is_common(text[words[0][0]:words[0][1]]):
            words = words[1:]
            rule = MODEL_RULE + "+trim-common"
        # a title before a person's name (`Pemimpin RRDK`, `Presiden Joko Widodo`)
        while len(words) > 1 and label == "PER" and text[words[0][0]:words[0][1]].casefold() in r["titles"]:
            words = words[1:]
            rule = MODEL_RULE + "+trim-title"
        # a verb inside the span ends the name (`Korea Utara Meluncurkan Rudal`)
        for i, (ws, we) in enumerate(words[1:], 1):
            if _is_verb(text[ws:we]):
                words = words[:i]
                rule = MODEL_RULE + "+cut-verb"
                break
        if not words:
            continue
        s, e = words[0][0], words[-1][1]
        while e > s and text[e - 1] in ".,;:":
            e -= 1
        surface = text[s:e]
        if surface.casefold() in r["not_entities"] or (len(words) == 1 and _is_common(surface)):
            continue
        before = _word_before(text, s)
        if any(before.endswith(cue) for cue in r["not_cues"]):
            continue
        parts = _split_prefix(text, words, label)
        for ps, pe, plabel, prule in parts:
            before = _word_before(text, ps)
            if plabel != "LOC" and any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
                                       for cue in r["place_cues"]):
                plabel, prule = "LOC", prule + "+place-cue"
            if countries.by_name(text[ps:pe]) and plabel != "LOC":
                plabel, prule = "LOC", prule + "+country"
            out.append((ps, pe, plabel, prule if prule != MODEL_RULE else rule))
    return _vote_labels(text, out)


def _split_prefix(text: str, words: list[tuple[int, int]], label: str) -> list[tuple[int, int, str, str]]:
    """`Kremlin Dmitry Peskov` → ORG + PER; `Yonhap Korea Selatan` → ORG + LOC."""
    r = rules()
    s, e = words[0][0], words[-1][1]
    for n in range(min(4, len(words) - 1), 0, -1):
        head = text[words[0][0]:words[n - 1][1]]
        rest = words[n:]
        head_label = "LOC" if countries.by_name(head) else (r["institutions"].get(head.casefold()))
        if head_label is None:
            continue
        rest_text = [text[a:b] for a, b in rest]
        if len(rest) >= 2 and all(w[:1].isupper() for w in rest_text) and not countries.by_name(" ".join(rest_text)):
            return [(words[0][0], words[n - 1][1], head_label, MODEL_RULE + "+split"),
                    (rest[0][0], rest[-1][1], "PER", MODEL_RULE + "+split")]
    if label == "ORG":  # an organisation followed by its country
        for n in range(1, min(4, len(words))):
            tail = text[words[-n][0]:e]
            lead = words[:-n]
            if countries.by_name(tail) and lead and not any(_is_common(text[a:b]) for a, b in lead) \
                    and text[lead[0][0]:lead[0][1]].casefold() not in r["heads"] \
                    and text[s:e].casefold() not in r["institutions"]:
                return [(s, lead[-1][1], "ORG", MODEL_RULE + "+split"), (words[-n][0], e, "LOC", MODEL_RULE + "+split")]
    return [(s, e, label, MODEL_RULE)]


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

    def run(article: Article) -> Article:
        doc = article.scratch.get("doc") or make_doc(article.text)
        spans = merge(mend(article, model_spans(article.text, options)), gazetteer_spans(doc))
        article.entities = [
            Entity(text=article.text[start:end], start=start, end=end, label=label,
                   sentence=article.sentence_at(start), rule=rule)
            for start, end, label, rule in spans
        ]
        return article

    return run
