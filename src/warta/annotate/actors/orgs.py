"""Span rules for organisations: acronyms with their long form, known institutions, `Partai …`/`Kementerian …`
heads, group phrases (`pejabat AS`), parts of full names, and acronym mentions of long names."""

from __future__ import annotations

import functools
import re

from warta.knowledge import countries
from warta.knowledge.actor_tables import country_table, institution_table
from warta.lang.id.phrase_table import name_key, tokenize, toks
from warta.lang.id.titles import (chain_words, group_quantifiers, group_table, not_names, org_head_table,
                                  title_table, words)
from warta.record import Entity
from warta.annotate.actors.finder import FIND_NAMES, Found, FinderBase, Phrase, occurrences


@functools.cache
def acronym_re() -> re.Pattern:
    """A capitalised long form (joined by `dan`, `untuk`…), then its acronym in brackets: (long, acronym).
    At most 16 words before the bracket: an unbounded run made a failed match quadratic in a run of capitals."""
    joiners = "|".join(re.escape(w) for w in words()["acronym_joiners"])
    return re.compile(r"((?:[A-Z][\w'’\-]{0,40}\s+(?:(?:" + joiners + r")\s+)?){1,16})" + ACRONYM_TAIL.pattern)


#: the end of every `acronym_re` match, the acronym in brackets: a text without one has no match (checked
#: first: a search for it costs ~1% of the full scan)
ACRONYM_TAIL = re.compile(r"\(\s*([A-Z][A-Za-z0-9&\-]*[A-Z0-9])\s*\)")


#: characters of text read back from a bracketed acronym before a search for its long form falls back to the
#: whole stretch since the previous acronym
ACRONYM_LOOKBACK = 4000


@functools.cache
def _long_form_reach() -> tuple[re.Pattern, re.Pattern]:
    """Two patterns read on reversed text, right before a bracketed acronym: the run of characters a long form
    of `acronym_re` may be written with, and the last words of such a run that one long form may span (16
    words, each perhaps with a joiner, and one more)."""
    joiners = words()["acronym_joiners"]
    extra = "".join(sorted({c for j in joiners for c in j if not re.match(r"[\w'’\-\s]", c)}))
    run = re.compile(r"[\w'’\-\s" + re.escape(extra) + r"]*")
    chunks = 16 * (1 + max(len(j.split()) for j in joiners)) + 2
    return run, re.compile(r"\s*(?:\S+\s*){0,%d}" % chunks)


def _long_form_start(text: str, lo: int, p: int) -> int:
    """Where a search for the long form of the acronym bracketed at `p` may start (at `lo` or later): no
    `acronym_re` match that ends in this bracket starts before it."""
    run, last = _long_form_reach()
    seg = text[max(lo, p - ACRONYM_LOOKBACK):p][::-1]
    r = run.match(seg).end()
    if r == len(seg) and p - ACRONYM_LOOKBACK > lo:
        return lo  # (a run longer than the look-back: the whole stretch is searched)
    return p - last.match(seg, 0, r).end()


def acronym_matches(text: str) -> list[re.Match]:
    """`list(acronym_re().finditer(text))`: every match ends with a bracketed acronym (`ACRONYM_TAIL`, found
    first), and its long form is searched for only in the few words before that bracket (a scan of the whole
    text tried the pattern at every capital letter)."""
    out, lo = [], 0
    rx = acronym_re()
    for tail in ACRONYM_TAIL.finditer(text):
        m = rx.search(text, _long_form_start(text, lo, tail.start()), tail.end())
        if m is not None:
            out.append(m)
        lo = tail.end()
    return out


class OrgRules(FinderBase):
    def acronyms(self) -> None:
        for m in acronym_matches(self.text):
            long_text, acr = m.group(1), m.group(2)
            if sum(c.isupper() for c in acr) < 2 or "\n" in long_text:
                continue
            words_ = long_text.split()
            while words_ and (words_[0] in not_names() or not words_[0][:1].isupper()):
                words_.pop(0)
            caps = [w for w in words_ if w[:1].isupper()]
            letters = acr.replace("-", "").replace("&", "").upper()
            for k in range(1, len(caps) + 1):  # the shortest tail of words whose initials spell it
                if "".join(w[0] for w in caps[-k:]).upper() == letters:
                    first = caps[-k]
                    words_ = words_[len(words_) - words_[::-1].index(first) - 1:] if first in words_ else words_
                    break
            if not words_:
                continue
            long_form = " ".join(words_)
            start = m.start(1) + long_text.index(words_[0])
            end = start + len(long_form)
            if self.text[start:end] != long_form:
                continue
            from warta.lang.id.name_rules import rules as entity_rules
            office = title_table().match(tokenize(long_form), 0)
            if acr in entity_rules()["not_acronyms"] or (office and office[0] == len(toks(long_form))):
                continue  # `Indeks Harga Saham Gabungan (IHSG)`, `Perdana Menteri (PM)`: a measure or an office
            code = countries.by_name(long_form)
            key = ("country", code) if code else ("org", name_key(long_form))
            label = "LOC" if code else "ORG"
            country, sector = self.describe_org(start, end)
            inst = institution_table().match(tokenize(long_form), 0)
            if inst and inst[0] == len(toks(long_form)):
                key, country, sector = ("inst", inst[1].name), inst[1].country, inst[1].sector
            self.add(Found(start, end, label, "actors:acronym", key, code or country,
                           "GOV" if code else sector, canonical=long_form))
            self.add(Found(m.start(2), m.end(2), label, "actors:acronym", key, code or country,
                           "GOV" if code else sector, canonical=long_form))
            self.aliases[acr] = (key, label, code or country, "GOV" if code else sector, long_form)


    def describe_org(self, start: int, end: int) -> tuple[str | None, str | None]:
        """Country and sector of an organisation name from the words inside it."""
        country = sector = None
        i, stop = self.tok_index(start), self.tok_index(end)
        while i < stop:
            m = self.match_at(country_table(), i)
            if m and country is None:
                country = m[1][1]  # type: ignore[index]
                i += m[0]
                continue
            t = self.match_at(title_table(), i)
            if t and sector is None and t[1].sector:  # type: ignore[union-attr]
                sector = t[1].sector  # type: ignore[union-attr]
            h = self.match_at(org_head_table(), i)
            if h and sector is None:
                sector = h[1][1]  # type: ignore[index]
            i += 1
        return country, sector

    def institutions(self) -> None:
        i = 0
        table = institution_table()
        for k in self.openers(table):  # (a token that opens no institution name is passed over)
            if k < i:
                continue
            i = k
            m = table.match(self.tokens, i)
            if m and self.span_ok(i, m[0]):
                n, inst = m
                start, end = self.tokens[i].start, self.tokens[i + n - 1].end
                own = self.country_after(i + n) if inst.country else None
                if own and own[1] != inst.country:
                    # a generic institution name followed by another country: that country's institution
                    end = self.tokens[i + n + own[0] - 1].end
                    text = self.text[start:end]
                    if self.free(start, end):
                        self.add(Found(start, end, "ORG", "actors:institution+country", ("org", name_key(text)),
                                       own[1], inst.sector, canonical=text))
                    i += n + own[0]
                    continue
                if self.free(start, end):
                    self.add(Found(start, end, "LOC" if inst.type == "LOC" else "ORG", "actors:institution",
                                   ("inst", inst.name), inst.country, inst.sector, canonical=inst.name))
                i += n
                continue
            i += 1

    def org_heads(self) -> None:
        i = 0
        table = org_head_table()
        for k in self.openers(table):  # (a token that opens no head is passed over)
            if k < i:
                continue
            i = k
            m = table.match(self.tokens, i)
            if not m or not self.tokens[i].cap or self.inside_entity(self.tokens[i].start):
                i += 1
                continue
            n = m[0]
            j = i + n
            while j < len(self.tokens) and self.span_ok(j - 1, 2) and (
                    self.tokens[j].cap or (self.tokens[j].text in chain_words("org_joiner") and j + 1 < len(self.tokens)
                                           and self.tokens[j + 1].cap)):
                if self.tokens[j].text in not_names():
                    break
                t = self.match_at(title_table(), j)
                if t and t[1].kind != "office":  # type: ignore[union-attr]
                    break  # `Polda Jawa Timur | Kombes Farman Hakim`: a rank opens a person
                j += 1
            while j > i + n and self.tokens[j - 1].text in chain_words("org_joiner"):
                j -= 1
            if j > i + n:
                start, end = self.tokens[i].start, self.tokens[j - 1].end
                if self.free(start, end) and self.entity_free(start, end, model_only=True):
                    country, _ = self.describe_org(start, end)
                    home = self.home_region_at(i + n) if country is None and j > i + n else None
                    country = home[1] if home and i + n + home[0] == j else country  # `Polda Riau` is Indonesia's
                    text = self.text[start:end]
                    self.add(Found(start, end, "ORG", "actors:org-head", ("org", name_key(text)), country,
                                   m[1][1], canonical=text))  # type: ignore[index]
                i = j
                continue
            i += 1

    def groups(self) -> None:
        i = 0
        table = group_table()
        for k in self.openers(table):  # (a token that opens no group head is passed over)
            if k < i:
                continue
            i = k
            m = table.match(self.tokens, i)
            if not m:
                i += 1
                continue
            n, (head, sector) = m  # type: ignore[misc]
            j = i + n
            if not self.free(self.tokens[i].start, self.tokens[j - 1].end) or \
                    not self.phrase_free(self.tokens[i].start, self.tokens[j - 1].end):
                i = j  # a title phrase already names this span (`diplomat` is a title and a group head)
                continue
            mod = self.modifier_at(j) if j < len(self.tokens) and self.span_ok(i, n + 1) else None
            if mod is None:
                i += 1
                continue
            size, code, _, inst_name = mod
            if code is None:
                i += 1
                continue
            start = self.tokens[i].start
            if i and self.tokens[i - 1].text.casefold() in group_quantifiers():
                start = self.tokens[i - 1].start
            end = self.tokens[j + size - 1].end
            name = self.text[start:end]
            self.phrases.append(Phrase(start, end, ("group", head.casefold(), code), name, "ORG", code, sector,
                                       [head], "actors:group"))
            i = j + size

    def name_parts(self, entities: list[Entity]) -> None:
        fulls: list[tuple[int, list[str], str]] = []
        for e in entities:
            if e.label in ("PER", "PERSON") and len(e.text.split()) >= 2:
                fulls.append((e.start, e.text.split(), e.text))
        for f in self.found:
            if f.label == "PER" and len(self.text[f.start:f.end].split()) >= 2:
                fulls.append((f.start, self.text[f.start:f.end].split(), self.text[f.start:f.end]))
        if not fulls:
            return
        fulls.sort()
        exact = {name: parts for _, parts, name in fulls}
        for name in exact:
            for p in occurrences(self.text, name, indexed=len(exact) > FIND_NAMES):
                if self.free(p, p + len(name)) and self.entity_free(p, p + len(name)):
                    self.add(Found(p, p + len(name), "PER", "actors:name-part"))
        edges = {w for _, parts, _ in fulls for w in (parts[0], parts[-1])}
        for idx in self.tokens_among(edges):  # (the cheapest test first: the others only look, never change)
            tok = self.tokens[idx]
            if not tok.cap or len(tok.text) < 3 or tok.text in not_names():
                continue
            if not self.free(tok.start, tok.end) or not self.entity_free(tok.start, tok.end):
                continue
            if idx + 1 < len(self.tokens) and self.tokens[idx + 1].cap and self.span_ok(idx, 2):
                continue  # part of a longer capitalised run
            self.add(Found(tok.start, tok.end, "PER", "actors:name-part"))

    def acronym_mentions(self, entities: list[Entity]) -> None:
        for e in entities:
            if e.label == "ORG":
                caps = [w for w in e.text.split() if w[:1].isupper()]
                if len(caps) >= 3:
                    acr = "".join(w[0] for w in caps)
                    if acr not in self.aliases:
                        self.aliases[acr] = (("org", name_key(e.text)), "ORG", None, None, e.text)
        for idx in self.tokens_among(self.aliases):
            tok = self.tokens[idx]
            if self.free(tok.start, tok.end) and self.entity_free(tok.start, tok.end):
                key, label, country, sector, long_form = self.aliases[tok.text]
                self.add(Found(tok.start, tok.end, label, "actors:acronym", key, country, sector,
                               canonical=long_form))


