"""Quotes: direct and reported speech with its speaker.

Direct quotes are the words inside “…”, "…" or ‘…’ (one quote may run over
several sentences and paragraphs: a paragraph that leaves the quotation open
and a next one that opens it again continue it).  A quotation is *direct* when
a cue stands next to it (`“…,” kata X`, `“…,” tambahnya`, `X menjawab, “…”`,
`X: “…”`) or when it fills a paragraph of its own (the speaker is then the last
one quoted, where the previous paragraph quoted someone).  Any other quotation
is partial: it belongs to the reported clause around it, or it is a scare quote.

Reported speech: `X mengatakan (kepada Y) bahwa CLAUSE`, `X mengatakan CLAUSE`
(verbs marked `bare`), `CLAUSE, kata X`, `CLAUSE, menurut X`, `CLAUSE, demikian
laporan X`, `Menurut X, CLAUSE`, `Seperti dikutip dari X, CLAUSE`…  Cues are data
in `lexicons/reporting_verbs.yaml`.

Speakers come from the actors layer (mentions and title/group phrases); the
pronouns ia/dia/beliau and the clitic -nya (`ujarnya`) are resolved to the last
speaker quoted nearby or to the subject of the nearest earlier sentence naming a
person; an unnamed speaker keeps its words as `speaker_text`.

Layout: `cues.py` (the cue lexicon compiled, `is_clause`), `marks.py` (quotation marks),
`base.py` (spans, paragraphs, candidates), `speakers.py` and `subjects.py` (who speaks:
after a cue, before a cue verb, pronouns and descriptions), `direct.py` (direct quotes:
the named `DIRECT_RULES`), `reported.py` and `clauses.py` (reported speech: the named
`REPORTED_RULES` and the clause readers), `quoter.py` (the walk over the article).

Speaker candidates are the actors' mentions and the actor phrases the actors component
leaves in the declared scratch layer `actor_phrases` (`warta.lang.id.titles.ACTOR_PHRASES`).
"""

from __future__ import annotations

from warta.lang.id.titles import ACTOR_PHRASES
from warta.options import Options
from warta.pipeline import component
from warta.record import Article
from warta.annotate.quotes.cues import cues, is_clause
from warta.annotate.quotes.marks import Marks, find_marks
from warta.annotate.quotes.quoter import Quoter

__all__ = ["Marks", "Quoter", "cues", "find_marks", "is_clause", "make_quotes"]


@component("quotes", requires=["sentences", "actors"], uses=[ACTOR_PHRASES], assigns=["quotes"])
def make_quotes(options: Options):
    """Find direct and reported speech and attribute it to an actor."""

    def run(article: Article) -> Article:
        article.quotes = Quoter(article).run()
        return article

    return run
