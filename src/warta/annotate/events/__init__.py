"""Events: who did what to whom, coded in PLOVER and CAMEO from Indonesian sentences.

For every sentence the component runs four stages, each a list of named rules:

1. triggers (`triggers.py`): words and phrases of `lexicons/event_triggers.yaml` (roots matched
   through every affix form by `warta.lang.id.morph`, exact forms, multi-word phrases), with the
   voice of the trigger (active verb, passive di-/ter- verb, or nominalisation);
2. suppressors and filters (`suppressors.py`): triggers that are no event of their own (the content
   of a speech act, the means of an attack, a word of a name, an earlier event named again);
3. argument strategies: by voice (`arguments.py`: `Israel menyerang Gaza`, `Gaza diserang oleh
   Israel`, `serangan Israel ke Gaza`, `Kim bertemu dengan Putin`), then the named strategies of
   `strategies.py` (a speaker as subject, a hit, a negation recoded), the article context
   (`context.py`: `kedua negara`, anaphors, crowds, police) and implied sides (`implied.py`);
4. filters of the sentence's events (`sentence.py`).

Participants are the sentence's entities and actor mentions (`participants.py`); their country
comes from `countries.mention_country()` (the actor layer where present, else the country
gazetteer, capitals, and titles such as `Presiden Rusia X`). Dates and places come from the
sentence's own Date/Place items when those layers ran, else from the article's reference date and
dateline.

Precision first: a dyadic event needs both a source and a target country; an event with only a
source is kept for types that have no target by nature (MOBILIZE, ASSAULT, PROTEST, REJECT,
RETREAT, CONCEDE). Every event's `rule` names the trigger and the strategies that made it
(`phrase:melancarkan serangan|active+place`).
"""

from __future__ import annotations

from warta.annotate.events.countries import home_country, mention_country  # noqa: F401
from warta.annotate.events.lexicon import cameo_table, words  # noqa: F401
from warta.annotate.events.index import PINNED, ArticleIndex
from warta.annotate.events.sentence import events_of_sentence
from warta.annotate.events.triggers import TOKENS, find_triggers, sentence_tokens  # noqa: F401
from warta.options import Options
from warta.pipeline import component
from warta.record import Article, Event

#: sentence kinds that never carry events: photo and credit lines, the dateline
NO_EVENT_KINDS = frozenset({"credit", "dateline"})

# the actor layer is required where its component is installed (it registers before this module
# is imported, see warta.annotate); without it events still run on the country gazetteer.
# quotes (speakers), dates (event dates) and places (event places, home country) are read when present
_REQUIRES = ["sentences", "entities", "actors"]
_USES = ["quotes", "dates", "places", "reference_date", "actor_phrases"]


@component("events", requires=_REQUIRES, uses=_USES, assigns=["events"])
def make_events(options: Options):
    """Code who-did-what-to-whom events (PLOVER types, CAMEO codes) from trigger words and sentence structure."""

    def run(article: Article) -> Article:
        events: list[Event] = []
        # the layers the rules read stay as they are while this runs: one index, each sentence tokenised once
        article.scratch[PINNED] = ArticleIndex(article)
        article.scratch[TOKENS] = {}
        try:
            for i, sent in enumerate(article.sentences):
                if getattr(sent, "kind", "body") in NO_EVENT_KINDS:
                    continue
                article.scratch["events_so_far"] = events
                events.extend(events_of_sentence(article, i))
        finally:
            for key in (PINNED, TOKENS, "events_index"):
                article.scratch.pop(key, None)
        for n, e in enumerate(events):
            e.id = f"{article.id}-e{n}"
        article.events = events
        return article

    return run
