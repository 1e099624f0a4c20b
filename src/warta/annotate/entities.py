"""Named entities: the shipped Indonesian NER model, completed by a country gazetteer.

The model (trained on NER-UI, NER-UGM, NERGrit and idner-news-2k; see
`models/SCORES.md`) labels PER, ORG and LOC.  Country names, aliases and
capitals from `warta.knowledge.countries` are added as LOC where the model
found nothing, so that `Korut` or `Tiongkok` is never missed.
"""

from __future__ import annotations

import functools

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warta.annotate.sentences import make_doc, tokenizer_nlp
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


def model_spans(doc: Doc, options: Options) -> list[Span]:
    if not options.use_model:
        return []
    model = entity_model()
    if model is None:
        return []
    for _name, proc in model.pipeline:
        doc = proc(doc)
    return list(doc.ents)


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


def merge(primary: list[Span], secondary: list[Span]) -> list[tuple[Span, str]]:
    taken: set[int] = set()
    out: list[tuple[Span, str]] = []
    for s in primary:
        out.append((s, MODEL_RULE))
        taken.update(range(s.start, s.end))
    for s in secondary:
        if taken.isdisjoint(range(s.start, s.end)):
            out.append((s, GAZETTEER_RULE))
    out.sort(key=lambda pair: pair[0].start)
    return out


@component("entities", requires=["sentences", "tokens"], assigns=["entities"])
def make_entities(options: Options):
    """Find PER, ORG and LOC mentions with the trained model and the country gazetteer."""

    def run(article: Article) -> Article:
        doc = article.scratch.get("doc") or make_doc(article.text)
        spans = merge(model_spans(doc, options), gazetteer_spans(doc))
        article.entities = [
            Entity(text=s.text, start=s.start_char, end=s.end_char, label=s.label_,
                   sentence=article.sentence_at(s.start_char), rule=rule)
            for s, rule in spans
        ]
        return article

    return run
