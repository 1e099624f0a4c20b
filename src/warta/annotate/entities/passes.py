"""The passes over all of an article's spans after each span is mended, in the order they run.
Each is named; its function's docstring holds its example."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from warta.record import Article

from .base import Span4
from .labels import (_clubs, _confirm, _country_completion, _knowledge_labels, _merge_conjoined, _org_with_country,
                     _vote_labels, drop_currency)
from .located import _located_persons, _located_places
from .names import (_abbreviated_orgs, _long_names, _media_names, _missions, _numbered_units, _org_acronyms, _org_suffixes,
                    _propagate, _ships, _treaties, _whole_institutions)
from .apposition import org_appositions
from .outlets import outlet_names
from .royal import royal_names
from .routes import places_by_company
from .split import _initials
from .vehicles import vehicles


@dataclass(frozen=True)
class Pass:
    id: str
    run: Callable[[Article, list[Span4]], list[Span4]]


def _on_text(fn: Callable[[str, list[Span4]], list[Span4]]) -> Callable[[Article, list[Span4]], list[Span4]]:
    return lambda article, spans: fn(article.text, spans)


PASSES: list[Pass] = [
    Pass("royal-name", _on_text(royal_names)),
    Pass("vote", _on_text(_vote_labels)),
    Pass("conjoined", _on_text(_merge_conjoined)),
    Pass("org-with-country", _on_text(_org_with_country)),
    Pass("org-abbreviated", _on_text(_abbreviated_orgs)),
    Pass("initials-age", _on_text(_initials)),
    Pass("knowledge", _knowledge_labels),
    Pass("org-apposition", _on_text(org_appositions)),
    Pass("country-completed", _on_text(_country_completion)),
    Pass("club", _on_text(_clubs)),
    Pass("long-name", _on_text(_long_names)),
    Pass("treaty", _on_text(_treaties)),
    Pass("org-acronym", _on_text(_org_acronyms)),
    Pass("institution", _on_text(_whole_institutions)),
    Pass("numbered-unit", _on_text(_numbered_units)),
    Pass("suffix", _on_text(_org_suffixes)),
    Pass("media", _on_text(_media_names)),
    Pass("outlet", _on_text(outlet_names)),
    Pass("ship", _on_text(_ships)),
    Pass("vehicle", _on_text(vehicles)),
    Pass("mission", _on_text(_missions)),
    Pass("person", _on_text(_located_persons)),
    Pass("place", _on_text(_located_places)),
    Pass("place-company", _on_text(places_by_company)),
    Pass("currency", _on_text(drop_currency)),
    Pass("same-name", _on_text(_propagate)),
    Pass("confirmed", _confirm),
]


def run_passes(article: Article, spans: list[Span4]) -> list[Span4]:
    for p in PASSES:
        spans = p.run(article, spans)
    return spans
