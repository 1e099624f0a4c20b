"""Per-article look-ups the event rules make for every sentence, built once (linear time, issue 14):
the layers' items by sentence and by span, actors by id, and actor mentions by the sentences they
touch. A rule asks for "the items of sentence k" instead of scanning the whole article each time."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from warta.record import Article


#: scratch key of the index the events component builds once for its run over an article
PINNED = "events_index_pinned"


def _layer(article: Article, name: str) -> list:
    return getattr(article, name, None) or []


class ArticleIndex:
    def __init__(self, article: Article):
        self.article = article
        self.starts = [s.start for s in article.sentences]
        self.ends = [s.end for s in article.sentences]
        self.actor_by_id: dict[str, Any] = {}
        self.actor_by_name: dict[str, Any] = {}
        for a in article.actors:
            self.actor_by_id.setdefault(a.id, a)
            if a.country:
                for name in (a.name, *(a.aliases or ())):
                    self.actor_by_name.setdefault(name, a)
        self.entities_by_span = self._by_span(article.entities)
        self.entities_in = self._by_sentence(article.entities)
        self.places_by_span = self._by_span(_layer(article, "places"))
        self.places_in = self._by_sentence(_layer(article, "places"))
        self.dates_in = self._by_sentence(_layer(article, "dates"))
        # (position of the actor in article.actors, start, end) for each sentence a mention touches
        self.mentions_in: dict[int, list[tuple[int, int, int]]] = {}
        for pos, actor in enumerate(article.actors):
            for m in actor.mentions or ():
                for k in self.touched(m[0], m[1]):
                    self.mentions_in.setdefault(k, []).append((pos, m[0], m[1]))
        self.quotes_in: dict[int, list[tuple[int, Any]]] = {}
        for n, q in enumerate(_layer(article, "quotes")):
            for k in self.touched(q.start, q.end):
                self.quotes_in.setdefault(k, []).append((n, q))
        self.phrases_in: dict[int, list[tuple[int, int, str]]] = {}
        for p in actor_phrases(article):
            k = self.sentence_at(p[0])
            if k is not None:
                self.phrases_in.setdefault(k, []).append(p)

    def _by_span(self, items) -> dict[tuple[int, int], list]:
        out: dict[tuple[int, int], list] = {}
        for it in items:
            out.setdefault((it.start, it.end), []).append(it)
        return out

    def _by_sentence(self, items) -> dict[int, list]:
        """Items by the sentence their start lies in, in the layer's order."""
        out: dict[int, list] = {}
        at = self.article.sentence_at
        for it in items:
            k = at(it.start)
            if k is not None:
                out.setdefault(k, []).append(it)
        return out

    def sentence_at(self, offset: int) -> int | None:
        """`article.sentence_at(offset)` (a table look-up the article keeps)."""
        return self.article.sentence_at(offset)

    def touched(self, a: int, b: int) -> list[int]:
        """Indices of the sentences [a, b) overlaps (a zero-length span: the one it stands in)."""
        starts, ends = self.starts, self.ends  # (the sentences' offsets, read once)
        k = max(0, bisect_right(starts, a) - 1)
        stop, n = max(b, a + 1), len(starts)
        out = []
        while k < n and starts[k] < stop:
            if ends[k] > a:
                out.append(k)
            k += 1
        return out

    def actor(self, actor_id: str | None):
        return self.actor_by_id.get(actor_id) if actor_id is not None else None

    def named_actor(self, name: str):
        """The first actor with a country that has this name or alias."""
        return self.actor_by_name.get(name)

    def sentence_of_span(self, start: int, end: int) -> int | None:
        """The sentence that holds all of [start, end), if one does."""
        k = self.sentence_at(start)
        if k is None or end > self.article.sentences[k].end or end <= start:
            return None
        return k


def actor_phrases(article: Article) -> list[tuple[int, int, str]]:
    """Actor phrases beyond entities: (start, end, actor id).

    While the pipeline runs the actor layer leaves them in
    `scratch["actor_phrases"]` (`pasukan Prancis`, `diplomat Rusia`,
    `Presiden Rusia Vladimir Putin`); on a finished record (scratch cleared)
    the actors' group and role mentions stand in for them.
    """
    phrases = article.scratch.get("actor_phrases")
    if phrases is not None:
        return [(int(a), int(b), str(c)) for a, b, c in phrases]
    entity_spans = {(e.start, e.end) for e in article.entities}
    return [(m[0], m[1], actor.id) for actor in article.actors for m in actor.mentions or ()
            if (m[0], m[1]) not in entity_spans]


def _key(article: Article) -> tuple:
    layers = [article.sentences, article.entities, article.actors, *(_layer(article, n) for n in
                                                                     ("places", "dates", "quotes"))]
    phrases = article.scratch.get("actor_phrases")
    return (*((id(x), len(x)) for x in layers), id(phrases), len(phrases or ()))


def index(article: Article) -> ArticleIndex:
    """The article's index, rebuilt when a layer was replaced or grew since it was built (while the events
    component runs, its layers stay as they are: the index it pinned is used without that check)."""
    pinned = article.scratch.get(PINNED)
    if pinned is not None:
        return pinned
    got = article.scratch.get("events_index")
    key = _key(article)
    if got is None or got[0] != key:
        got = (key, ArticleIndex(article))
        article.scratch["events_index"] = got
    return got[1]
