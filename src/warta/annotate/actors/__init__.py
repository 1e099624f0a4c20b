"""Actors: entity mentions grouped into real-world actors, with roles, country and sector.

Works on whatever `article.entities` holds (the NER model's spans, the country
gazetteer) and first completes them with rule-found spans, each with its own
`rule`, so the layer works where the model misses a name:

- `actors:acronym`     `Kepala Staf Gabungan Korea Selatan (JCS)` → ORG + alias `JCS`
- `actors:institution` lexicon `institutions.yaml` (`Kremlin`, `Kantor Berita Yonhap`…)
- `actors:org-head`    `Partai …`, `Kementerian …` + capitalised words (`actor_words.yaml`)
- `actors:title`       title (+ country/institution/rank) + capitalised name
                       (`Presiden Rusia Vladimir Putin` → PER `Vladimir Putin`)
- `actors:name-part`   `Kim`, `Putin` where the article names `Kim Jong Un`, `Vladimir Putin`

Grouping: country names and aliases by ISO code (`Korut`/`Korea Utara`),
institutions by their canonical name, acronyms with their long form, person
names by first/last-name subsumption.  Capitals and seats of power stand for
their government (`Moskow` → RUS GOV).  Collective phrases (`pejabat AS`,
`militer Korea Selatan`) become group actors without an entity.
Actor ids `a1`, `a2`… follow the order of first mention.

Layout: `finder.py` (the finder's state and look-ups), `orgs.py` (acronym, institution,
org-head, group and name-part rules), `titles.py` (title chains as named `CHAIN_RULES`),
`complete.py` (all rules over an article), `grouping.py` (actors, ids, the actor phrases
channel).  Title, group and pronoun words live in `warta.lang.id.titles`; institutions,
countries and known people in `warta.knowledge.actor_tables`.

Besides `actors`, the component assigns the scratch layer `actor_phrases`
(`warta.lang.id.titles.ACTOR_PHRASES`): the title and group phrases that name an actor
beyond its entity mentions, read by the quotes component.
"""

from __future__ import annotations

from warta.lang.id.titles import ACTOR_PHRASES
from warta.options import Options
from warta.pipeline import component
from warta.record import Article
from warta.annotate.actors.complete import Finder, complete_entities
from warta.annotate.actors.grouping import Grouper
from warta.annotate.actors.titles import title_fragment

__all__ = ["Finder", "Grouper", "complete_entities", "make_actors", "title_fragment"]


@component("actors", requires=["entities", "sentences"], assigns=["actors", ACTOR_PHRASES, "entities"])
def make_actors(options: Options):
    """Group entity mentions into actors (aliases, titles → roles, country, sector, metonymy)."""

    def run(article: Article) -> Article:
        finder = complete_entities(article)
        Grouper(article, finder).run()
        return article

    return run
