"""The finder (all span rules together) and the completion of `article.entities` with the spans it finds."""

from __future__ import annotations

from warta.annotate.actors.finder import Overlaps
from warta.annotate.actors.orgs import OrgRules
from warta.annotate.actors.titles import TitleRules, title_fragment
from warta.knowledge.gazetteer import wide_place
from warta.record import Article, Entity


class Finder(TitleRules, OrgRules):
    """Finds actor spans the entity layer missed (each with its own `rule`) and title/group phrases."""


def complete_entities(article: Article) -> Finder:
    # the model's spans that are only a title (+ place) name no actor
    article.entities = [e for e in article.entities
                        if e.rule.startswith("gazetteer") or e.label.upper() not in ("ORG", "PER", "PERSON")
                        or not title_fragment(e.text)]
    finder = Finder(article)
    finder.acronyms()
    finder.institutions()
    finder.org_heads()
    finder.titles()
    finder.groups()
    finder.name_parts(article.entities)
    finder.acronym_mentions(article.entities + [
        Entity(text=article.text[f.start:f.end], start=f.start, end=f.end, label=f.label) for f in finder.found])
    # new entities never overlap what the model found; gazetteer spans inside a longer rule span go
    model = [e for e in article.entities if not e.rule.startswith("gazetteer")]
    from warta.lang.id.name_rules import rules as entity_rules
    cues = set(entity_rules()["place_cues"])
    model_index = Overlaps(model)
    model_at: dict[tuple[int, int], list[Entity]] = {}
    for e in model:
        model_at.setdefault((e.start, e.end), []).append(e)
    have = {(e.start, e.end) for e in article.entities}
    for f in finder.found:
        if f.rule == "actors:title" and f.label == "PER" and article.text[f.start:f.end].split()[0].casefold() in cues:
            continue  # `Kecamatan Takokak`: a place word opens it, no person
        if f.rule == "actors:title" and f.label == "PER" and wide_place(article.text[f.start:f.end]):
            continue  # `pemimpin Eropa`, `kepala negara Asia`: the leaders of a continent or country, no person
        if f.rule == "actors:title" and f.label == "PER":
            # a name right after a title is a person even where the model read a place (`Pelatih Persebaya,
            # Gustavo Ribeiro`)
            for e in model_at.get((f.start, f.end), ()):
                if e.label.upper() in ("LOC", "GPE"):
                    e.label, e.rule = "PER", e.rule + "+actors:title"
        if model_index.overlaps(f.start, f.end):
            continue
        if (f.start, f.end) in have:
            continue
        have.add((f.start, f.end))
        article.entities.append(Entity(text=article.text[f.start:f.end], start=f.start, end=f.end, label=f.label,
                                       sentence=article.sentence_at(f.start), rule=f.rule))
    article.entities.sort(key=lambda e: (e.start, -e.end))
    return finder


