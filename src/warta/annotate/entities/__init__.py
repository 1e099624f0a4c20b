"""Named entities: the shipped Indonesian NER model, completed by a country gazetteer.

The model (trained on NER-UI, NER-UGM, NERGrit and idner-news-2k; see
`models/SCORES.md`) labels PER, ORG and LOC.  Country names, aliases and
capitals from `warta.knowledge.countries` are added as LOC where the model
found nothing, so that `Korut` or `Tiongkok` is never missed.

Layout: `mend` (the rules on each model span, SPAN_RULES; `trims` holds the trimming ones, `state` the span
being mended), `split` (names glued together,
brackets, hyphens), `passes` (the passes over all spans, PASSES) with `labels` and `names`,
`gazetteer` (countries and capitals), `words` (what a word is), `outside` (every import from
other components and readers).  The name rules' word lists are `warta.lang.id.name_rules`.
"""

from __future__ import annotations

from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Entity

# re-exports: the tests import these from here
from .base import MODEL_RULE, Span4  # noqa: F401
from .gazetteer import country_matches, country_phrases, gazetteer_spans, merge  # noqa: F401
from .labels import anniversary_countries, drop_currency
from .mend import mend  # noqa: F401
from .outside import make_doc
from .split import article_names, drop_inside, join_hyphens, split_brackets, split_pairs  # noqa: F401
from .words import _headline_case, gazetteer_capitals, known_label  # noqa: F401


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


@component("entities", requires=["sentences", "tokens"], assigns=["entities"])
def make_entities(options: Options):
    """Find PER, ORG and LOC mentions with the trained model and the country gazetteer."""
    if options.use_model:
        entity_model()  # a missing or broken model fails the pipeline's construction, once, by name

    def run(article: Article) -> Article:
        doc = article.scratch.get("doc") or make_doc(article.text)
        spans = drop_currency(article.text, merge(mend(article, model_spans(article.text, options)),
                                                  gazetteer_spans(doc), article.text))
        spans = anniversary_countries(article.text, spans)
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
