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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from warta import lexicons
from warta.knowledge import countries
from warta.options import Options
from warta.pipeline import component
from warta.limits import Cover
from warta.record import Actor, Article, Entity

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’\-]{0,40}\s+(?:(?:dan|untuk|dari|&)\s+)?){1,16})\(\s*([A-Z][A-Za-z0-9&\-]*[A-Z0-9])\s*\)")
# (at most 16 words before the bracket: an unbounded run made a failed match quadratic in a run of capitals)


def toks(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


#: longest title chain read from one start (`Wakil Menteri Koordinator Bidang Politik, Hukum, dan Keamanan`
#: is 11 tokens); without a bound `Presiden Presiden …` took time quadratic in its length
MAX_CHAIN_TOKENS = 40


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


class Table:
    """Phrase table: token sequences → value, longest match first."""

    def __init__(self, fold: bool):
        self.fold = fold
        self.items: dict[tuple[str, ...], object] = {}
        self.maxlen = 0
        self.lengths: dict[str, list[int]] = {}  # first word → phrase lengths, longest first

    def add(self, phrase: str, value: object) -> None:
        key = tuple(t.casefold() if self.fold else t for t in toks(phrase))
        if key and key not in self.items:
            self.items[key] = value
            self.maxlen = max(self.maxlen, len(key))
            lengths = self.lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                lengths.sort(reverse=True)

    def match(self, tokens: list[Tok], i: int) -> tuple[int, object] | None:
        if i >= len(tokens):
            return None
        first = tokens[i].text.casefold() if self.fold else tokens[i].text
        for n in self.lengths.get(first, ()):
            if n > len(tokens) - i:
                continue
            key = tuple(t.text.casefold() if self.fold else t.text for t in tokens[i:i + n])
            if key in self.items:
                return n, self.items[key]
        return None


@dataclass(frozen=True)
class Title:
    title: str
    sector: str | None
    kind: str
    regional: bool = False


@dataclass(frozen=True)
class Institution:
    name: str
    country: str | None
    sector: str | None
    type: str


@functools.cache
def known_people() -> dict[str, tuple[str, str]]:
    """name_key of a well-known person's name or alias -> (name, country), from lexicons/people.yaml."""
    out: dict[str, tuple[str, str]] = {}
    for p in lexicons.load("people")["people"]:
        for n in [p["name"], *(p.get("aliases") or [])]:
            out[name_key(n)] = (p["name"], p["country"])
    return out


def region_name(text: str, name: str, at: int = -1) -> bool:
    """`name` is a place: a gazetteer knows it, or the article writes it after a place word
    (`Kabupaten Lampung Tengah`) somewhere other than at offset `at` (where `Wali Kota` stands)."""
    from warta.annotate import places
    from warta.annotate.entities import rules as entity_rules

    if places.resolve(name) is not None:
        return True
    cues = entity_rules()["place_cue_alt"]
    return any(m.start(1) != at for m in re.finditer(rf"{cues}\s+({re.escape(name)})(?!\w)", text))


@functools.cache
def title_table() -> Table:
    table = Table(fold=True)
    for entry in lexicons.load("titles")["titles"]:
        t = Title(entry["title"], entry.get("sector"), entry.get("kind") or "office", bool(entry.get("regional")))
        for form in [entry["title"], *(entry.get("aliases") or [])]:
            table.add(form, t)
    return table


@functools.cache
def portfolio_table() -> Table:
    table = Table(fold=False)
    for form in lexicons.load("titles").get("portfolios") or []:
        table.add(form, form)
    return table


@functools.cache
def rank_suffixes() -> frozenset[str]:
    return frozenset(lexicons.load("titles").get("rank_suffixes") or [])


@functools.cache
def corps_suffixes() -> frozenset[str]:
    return frozenset(lexicons.load("titles").get("corps_suffixes") or [])


@functools.cache
def institution_table() -> Table:
    table = Table(fold=False)
    for entry in lexicons.load("institutions")["institutions"]:
        inst = Institution(entry["name"], entry.get("country"), entry.get("sector"), entry.get("type") or "ORG")
        for form in [entry["name"], *(entry.get("aliases") or [])]:
            table.add(form, inst)
    return table


@functools.cache
def country_table() -> Table:
    table = Table(fold=False)
    for name, code in countries.surface_names().items():
        if "(" not in name:
            table.add(name, ("country", code))
    for name in countries.capital_names_as_written():
        table.add(name, ("capital", countries.by_capital(name)))
    return table


@functools.cache
def words() -> dict:
    return lexicons.load("actor_words")


@functools.cache
def group_table() -> Table:
    table = Table(fold=True)
    for head, sector in words()["group_heads"].items():
        table.add(head, (head, sector))
    return table


@functools.cache
def group_heads() -> dict[str, str]:
    return {str(k).casefold(): v for k, v in words()["group_heads"].items()}


GROUP_QUANTIFIERS = ("para", "seorang", "sejumlah", "beberapa")
QUANTIFIER_BEFORE = re.compile(r"(?<!\w)(\w+)[ \t]+$")


@functools.cache
def org_head_table() -> Table:
    table = Table(fold=False)
    for head, sector in words()["org_heads"].items():
        table.add(head, (head, sector))
    return table


@functools.cache
def unit_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["unit_heads"])


@functools.cache
def not_names() -> frozenset[str]:
    return frozenset(words()["not_names"])


@functools.cache
def particles() -> frozenset[str]:
    return frozenset(words()["name_particles"])


def name_key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


@dataclass
class Found:
    """A span a rule found, with what the rule knows about its actor."""

    start: int
    end: int
    label: str
    rule: str
    key: tuple | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None


@dataclass
class Phrase:
    """A stretch of text naming an actor beyond its entity (`Presiden Rusia Vladimir Putin`, `pejabat AS`)."""

    start: int
    end: int
    key: tuple
    name: str
    type: str
    country: str | None
    sector: str | None
    roles: list[str]
    rule: str


class Finder:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.tokens = tokenize(self.text)
        self.found: list[Found] = []
        self.phrases: list[Phrase] = []
        self.aliases: dict[str, tuple] = {}  # acronym → key of its long form
        self.taken = Cover(len(self.text))  # (start, end) pairs; `free` is linear in the span, not the list

    # -- helpers -------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def inside_entity(self, offset: int) -> bool:
        """Offset lies inside a name that began earlier (`Serikat` in `Amerika Serikat`)."""
        return any(e.start < offset < e.end for e in self.article.entities)

    def phrase_free(self, start: int, end: int) -> bool:
        return all(end <= p.start or start >= p.end for p in self.phrases)

    def entity_free(self, start: int, end: int, *, model_only: bool = False) -> bool:
        for e in self.article.entities:
            if model_only and e.rule.startswith("gazetteer"):
                continue
            if not (end <= e.start or start >= e.end):
                return False
        return True

    def add(self, f: Found) -> None:
        self.found.append(f)
        self.taken.append((f.start, f.end))

    def tok_index(self, offset: int) -> int:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def span_ok(self, i: int, n: int) -> bool:
        """Tokens i..i+n-1 sit in one paragraph with only spaces between them."""
        for k in range(i, i + n - 1):
            gap = self.text[self.tokens[k].end:self.tokens[k + 1].start]
            if "\n" in gap:
                return False
        return True

    def modifier_at(self, i: int) -> tuple[int, str | None, str | None, str | None] | None:
        """A country, capital or institution at token i: (length, country, sector, name)."""
        m = institution_table().match(self.tokens, i)
        if m and self.span_ok(i, m[0]):
            inst: Institution = m[1]  # type: ignore[assignment]
            own = self.country_after(i + m[0])
            if own:  # `Kementerian Luar Negeri Iran` is Iran's ministry, not Indonesia's
                return m[0] + own[0], own[1], inst.sector, None
            return m[0], inst.country, inst.sector, inst.name
        m = country_table().match(self.tokens, i)
        if m and self.span_ok(i, m[0]):
            kind, code = m[1]  # type: ignore[misc]
            return m[0], code, "GOV" if kind == "capital" else None, None
        for f in self.found:
            if f.start == self.tokens[i].start and f.label == "ORG":
                j = self.tok_index(f.end)
                return j - i, f.country, f.sector, None
        return None

    def place_entity_at(self, j: int) -> int:
        """Length in tokens of a place entity (LOC/GPE) starting at token j, else 0."""
        start = self.tokens[j].start
        for e in self.article.entities:
            if e.start == start and e.label.upper() in ("LOC", "GPE"):
                return max(0, self.tok_index(e.end) - j)
        return 0

    def home_region_at(self, j: int) -> tuple[int, str] | None:
        """A curated region (a province, regency or city of places.yaml) at token j, in the same paragraph as
        token j-1: (length in tokens, its country)."""
        from warta.annotate import places
        for n in (4, 3, 2, 1):
            if j + n <= len(self.tokens) and self.span_ok(j - 1, n + 1) and all(t.cap for t in self.tokens[j:j + n]):
                info = places.curated().get(places.key(" ".join(t.text for t in self.tokens[j:j + n])))
                if info is not None and info.country:
                    return n, info.country
        return None

    def country_after(self, j: int) -> tuple[int, str] | None:
        """A country name right at token j, in the same paragraph as token j-1: (length, code)."""
        if j >= len(self.tokens) or not self.span_ok(j - 1, 2):
            return None
        m = country_table().match(self.tokens, j)
        if m and m[1][0] == "country" and self.span_ok(j, m[0]):  # type: ignore[index]
            return m[0], m[1][1]  # type: ignore[index]
        return None

    def is_name_token(self, i: int) -> bool:
        t = self.tokens[i]
        if not t.cap or not t.text[0].isalpha() or t.text in not_names():
            return False
        if title_table().match(self.tokens, i) or country_table().match(self.tokens, i):
            return False
        if institution_table().match(self.tokens, i) or group_table().match(self.tokens, i):
            return False
        return True

    def name_at(self, i: int) -> int:
        """Length of a capitalised personal name starting at token i (0 if none)."""
        n = 0
        while i + n < len(self.tokens) and n < 5:
            t = self.tokens[i + n]
            if n and "\n" in self.text[self.tokens[i + n - 1].end:t.start]:
                break
            if self.is_name_token(i + n) and t.text.upper() != t.text or (
                    self.is_name_token(i + n) and len(t.text) <= 3 and n):
                n += 1
            elif n and t.text in particles() and i + n + 1 < len(self.tokens) and self.tokens[i + n + 1].cap:
                n += 1
            else:
                break
        while n and self.tokens[i + n - 1].text in particles():
            n -= 1
        return n

    # -- rules ---------------------------------------------------------------------
    def acronyms(self) -> None:
        for m in ACRONYM_RE.finditer(self.text):
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
            from warta.annotate.entities import rules as entity_rules
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
            m = country_table().match(self.tokens, i)
            if m and country is None:
                country = m[1][1]  # type: ignore[index]
                i += m[0]
                continue
            t = title_table().match(self.tokens, i)
            if t and sector is None and t[1].sector:  # type: ignore[union-attr]
                sector = t[1].sector  # type: ignore[union-attr]
            h = org_head_table().match(self.tokens, i)
            if h and sector is None:
                sector = h[1][1]  # type: ignore[index]
            i += 1
        return country, sector

    def institutions(self) -> None:
        i = 0
        table = institution_table()
        while i < len(self.tokens):
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
        while i < len(self.tokens):
            m = table.match(self.tokens, i)
            if not m or not self.tokens[i].cap or self.inside_entity(self.tokens[i].start):
                i += 1
                continue
            n = m[0]
            j = i + n
            while j < len(self.tokens) and self.span_ok(j - 1, 2) and (
                    self.tokens[j].cap or (self.tokens[j].text == "dan" and j + 1 < len(self.tokens)
                                           and self.tokens[j + 1].cap)):
                if self.tokens[j].text in not_names():
                    break
                t = title_table().match(self.tokens, j)
                if t and t[1].kind != "office":  # type: ignore[union-attr]
                    break  # `Polda Jawa Timur | Kombes Farman Hakim`: a rank opens a person
                j += 1
            while j > i + n and self.tokens[j - 1].text == "dan":
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

    def chain_goes_on(self, j: int) -> int | None:
        """Token index where a title chain goes on after a unit name ending before token j
        (`… Kerja Sama Multilateral | Kementerian Luar Negeri Tri Tharyat`, `… dan Kebudayaan (Menko PMK) Muhadjir`),
        or None where the name ends the chain."""
        if j >= len(self.tokens) or not self.span_ok(j - 1, 2):
            return None
        t = self.tokens[j]
        if t.text in ("dan", "&") and j + 1 < len(self.tokens) and self.tokens[j + 1].cap and self.span_ok(j, 2):
            return j + 1
        if t.text == "(":
            close = next((x for x in range(j + 1, min(j + 7, len(self.tokens))) if self.tokens[x].text == ")"), None)
            if close is not None and close + 1 < len(self.tokens) and self.span_ok(j, close - j + 2) \
                    and self.name_at(close + 1):
                return close + 1
            return None
        if t.cap and t.text[:1].isalpha() and t.text not in not_names():
            return j
        return None

    def person_in_name(self, k: int, n: int) -> tuple[int, int]:
        """The person inside a capitalised run after a title: a model PER entity ending it
        (`Bidang Perekonomian Airlangga Hartarto`), else the run without a leading unit word."""
        start, end = self.tokens[k].start, self.tokens[k + n - 1].end
        for e in self.article.entities:
            if e.label in ("PER", "PERSON") and start < e.start and e.end == end and not e.rule.startswith("actors"):
                k2 = self.tok_index(e.start)
                return k + n - k2, k2
        if self.tokens[k].text.casefold() in unit_heads() and n >= 3:
            return 2, k + n - 2
        return n, k

    def titles(self) -> None:
        i = 0
        table = title_table()
        while i < len(self.tokens):
            m = table.match(self.tokens, i)
            if not m or not self.free(self.tokens[i].start, self.tokens[i].end):
                i += 1
                continue
            start = self.tokens[i].start
            roles: list[str] = []
            offices: list[Title] = []
            ranks: list[Title] = []
            country = inst_sector = None
            j = i
            lower_mods = 0
            field_open = False  # the last words consumed name an office or its field (`Menteri Investasi`)
            for _hop in range(5):
                while j < len(self.tokens) and j - i < MAX_CHAIN_TOKENS:  # bounded: linear in the text
                    t = table.match(self.tokens, j)
                    if t and self.span_ok(j, t[0]):
                        title: Title = t[1]  # type: ignore[assignment]
                        roles.append(" ".join(x.text for x in self.tokens[j:j + t[0]]))
                        (ranks if title.kind != "office" else offices).append(title)
                        field_open = title.kind == "office"
                        j += t[0]
                        continue
                    # the field of an office and lists of fields: `Menteri Investasi, Perdagangan dan Industri`
                    if field_open and self.span_ok(j - 1, 2):
                        pf = portfolio_table().match(self.tokens, j)
                        if pf and self.span_ok(j, pf[0]):
                            j += pf[0]
                            continue
                        if self.tokens[j].text in (",", "dan", "serta", "&") and j + 1 < len(self.tokens):
                            pf = portfolio_table().match(self.tokens, j + 1)
                            if pf and self.span_ok(j, pf[0] + 1):
                                j += 1 + pf[0]
                                continue
                    # `Kolonel Inf Muhammad Aidi`, `Brigjen Pol. Roy`: a corps or service mark after a rank
                    if ranks and not field_open and self.tokens[j].text in corps_suffixes() and self.span_ok(j - 1, 2) \
                            and self.tokens[j - 1].text not in corps_suffixes():
                        j += 1 + (j + 1 < len(self.tokens) and self.tokens[j + 1].text == ".")
                        continue
                    if ranks and self.tokens[j].text == "." and self.tokens[j - 1].text in corps_suffixes():
                        j += 1  # `Kombes Pol.`: the rank's own full stop
                        continue
                    # `Laksamana Muda TNI (Purn) Gatot Wiranto`: a retired/honorary mark after a rank
                    if ranks and self.tokens[j].text == "(" and j + 2 < len(self.tokens) \
                            and self.tokens[j + 1].text in rank_suffixes() and self.span_ok(j, 3):
                        close = j + 2 + (self.tokens[j + 2].text == ".")
                        if close < len(self.tokens) and self.tokens[close].text == ")":
                            j = close + 1
                            continue
                    field_open = False
                    mod = self.modifier_at(j)
                    if mod and self.span_ok(j - 1, 2):
                        n, code, sector, _ = mod
                        country = country or code
                        inst_sector = inst_sector or sector
                        j += n
                        continue
                    tok = self.tokens[j]
                    le = self.place_entity_at(j) if offices and self.span_ok(j - 1, 2) else 0
                    if not le and offices and tok.cap and self.span_ok(j - 1, 2) and (
                            self.name_at(j) == 1 or re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", tok.text)):
                        le = 1  # `Pelatih Persebaya, Gustavo Ribeiro, …`: one word for the club, then the person
                        after = j + 2 + self.name_at(j + 2) if j + 2 < len(self.tokens) else 0
                        if not (after and after < len(self.tokens) and self.tokens[after].text == ","
                                and (after + 1 >= len(self.tokens) or self.tokens[after + 1].text not in ("dan", "serta"))):
                            le = 0
                    if le and j + le + 1 < len(self.tokens) and self.tokens[j + le].text == "," \
                            and self.span_ok(j + le - 1, 3) and self.name_at(j + le + 1) >= 2:
                        j += le  # `Penjabat Gubernur Jawa Barat, Andi Kurniawan`: a place, then the person
                        continue
                    home = self.home_region_at(j) if country is None and any(t.regional for t in offices) else None
                    if home:  # `Gubernur Jawa Tengah`, `Kapolda Papua`: the office's region gives its country
                        j, country = j + home[0], home[1]
                        continue
                    if offices and re.fullmatch(r"[IVX]{1,4}|\d{1,2}", tok.text) and self.span_ok(j - 1, 2):
                        j += 1  # `Anggota Komisi I DPR`, `Ketua Komisi II`
                        continue
                    if tok.text in ("untuk", "di") and j + 1 < len(self.tokens) and offices and self.modifier_at(j + 1):
                        j += 1  # `Dubes RI untuk Jepang`
                        continue
                    if tok.cap and offices and self.span_ok(j - 1, 2):
                        # a place or unit before a rank and the name: `Kapolda Metro Jaya Irjen Karyoto`
                        n_place = self.name_at(j)
                        after = j + n_place
                        if n_place and after < len(self.tokens) and self.span_ok(after - 1, 2):
                            t2 = table.match(self.tokens, after)
                            if t2 and self.name_at(after + t2[0]):
                                j = after
                                continue
                    if (not tok.cap and tok.text.isalpha() and lower_mods < 3 and len(tok.text) >= 4
                            and country is None and inst_sector is None and tok.text.capitalize() not in not_names()
                            and not re.match(r"(me|ber|di|ter)", tok.text) and j + 1 < len(self.tokens)
                            and self.span_ok(j - 1, 2) and offices):
                        lower_mods += 1
                        j += 1
                        continue
                    break
                # an appositive comma: `anggota politbiro Partai Komunis Tiongkok, Li Hongzhong`
                k = j
                if k < len(self.tokens) and self.tokens[k].text == "," and k > i and self.span_ok(k, 2):
                    k += 1
                n = self.name_at(k) if k < len(self.tokens) and self.span_ok(max(k - 1, 0), 2) else 0
                if n and k != j and n < 2:
                    n = 0
                # `Direktur Reserse Narkoba Polda Metro Jaya Kombes Hengki`, `juru bicara Penjaga Pantai
                # Filipina Jay Tarriela`: capitalised words that the chain goes on after name a unit, not a person
                nxt = self.chain_goes_on(k + n) if n and k == j and roles else None
                if nxt is None:
                    break
                j = nxt
            if n:
                n, k = self.person_in_name(k, n)
            if not roles:
                i += 1
                continue
            sector = next((t.sector for t in offices if t.sector), None) or inst_sector or next(
                (t.sector for t in ranks if t.sector), None)
            if n:
                name_start, name_end = self.tokens[k].start, self.tokens[k + n - 1].end
                if not self.free(name_start, name_end):
                    i += 1
                    continue
                name = self.text[name_start:name_end]
                if any(t.regional for t in offices) and k == j and (region_name(self.text, name, name_start)
                                                                    or self.place_entity_at(k) == n):
                    i = k + n  # `Wali Kota Bekasi`, `Bupati Lampung Tengah`: the office's region, no person
                    continue
                self.add(Found(name_start, name_end, "PER", "actors:title", None, country, sector or (
                    "GOV" if offices and country else None), roles))
                self.phrases.append(Phrase(start, name_end, ("per", name_key(name)), name, "PER", country,
                                           sector, roles, "actors:title"))
                i = k + n
                continue
            if offices and (country or inst_sector) and j > i + 1 and self.tokens[j - 1].cap:
                end = self.tokens[j - 1].end
                phrase = self.text[start:end]
                self.phrases.append(Phrase(start, end, ("role", roles[0].casefold(), country), phrase, "PER",
                                           country, sector or "GOV", roles, "actors:role"))
                i = j
                continue
            i += 1

    def groups(self) -> None:
        i = 0
        table = group_table()
        while i < len(self.tokens):
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
            if i and self.tokens[i - 1].text.casefold() in GROUP_QUANTIFIERS:
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
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self.text):
                if self.free(m.start(), m.end()) and self.entity_free(m.start(), m.end()):
                    self.add(Found(m.start(), m.end(), "PER", "actors:name-part"))
        for idx, tok in enumerate(self.tokens):
            if not tok.cap or len(tok.text) < 3 or tok.text in not_names():
                continue
            if not self.free(tok.start, tok.end) or not self.entity_free(tok.start, tok.end):
                continue
            if idx + 1 < len(self.tokens) and self.tokens[idx + 1].cap and self.span_ok(idx, 2):
                continue  # part of a longer capitalised run
            if any(tok.text in (parts[0], parts[-1]) for _, parts, _ in fulls):
                self.add(Found(tok.start, tok.end, "PER", "actors:name-part"))

    def acronym_mentions(self, entities: list[Entity]) -> None:
        for e in entities:
            if e.label == "ORG":
                caps = [w for w in e.text.split() if w[:1].isupper()]
                if len(caps) >= 3:
                    acr = "".join(w[0] for w in caps)
                    if acr not in self.aliases:
                        self.aliases[acr] = (("org", name_key(e.text)), "ORG", None, None, e.text)
        for tok in self.tokens:
            if tok.text in self.aliases and self.free(tok.start, tok.end) and self.entity_free(tok.start, tok.end):
                key, label, country, sector, long_form = self.aliases[tok.text]
                self.add(Found(tok.start, tok.end, label, "actors:acronym", key, country, sector,
                               canonical=long_form))


def title_fragment(text: str) -> bool:
    """An entity that is only a title, or a title and the place or body it serves (`Penjabat Gubernur`,
    `Kapolrestabes Bandung`, `Menteri Investasi`): it names an office, not an organisation or a person."""
    tokens = tokenize(text)
    m = title_table().match(tokens, 0)
    if not m or m[1].kind != "office":  # type: ignore[union-attr]
        return False
    i = m[0]
    while i < len(tokens):
        t = title_table().match(tokens, i) or portfolio_table().match(tokens, i)
        if t:
            i += t[0]
            continue
        break
    if i == len(tokens):
        return True
    rest = tokens[i:]
    if institution_table().match(rest, 0) or org_head_table().match(rest, 0):
        return False  # `Ketua DPR`, `Kepala Badan …`: the body itself is named
    # a title over a place: `Kapolrestabes Bandung`, `Gubernur Jawa Barat`
    return all(t.cap and t.text[:1].isalpha() for t in rest) and len(rest) <= 3


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
    from warta.annotate.entities import rules as entity_rules
    cues = set(entity_rules()["place_cues"])
    for f in finder.found:
        if f.rule == "actors:title" and f.label == "PER" and article.text[f.start:f.end].split()[0].casefold() in cues:
            continue  # `Kecamatan Takokak`: a place word opens it, no person
        if f.rule == "actors:title" and f.label == "PER":
            # a name right after a title is a person even where the model read a place (`Pelatih Persebaya,
            # Gustavo Ribeiro`)
            for e in model:
                if e.start == f.start and e.end == f.end and e.label.upper() in ("LOC", "GPE"):
                    e.label, e.rule = "PER", e.rule + "+actors:title"
        if any(not (f.end <= e.start or f.start >= e.end) for e in model):
            continue
        if any(e.start == f.start and e.end == f.end for e in article.entities):
            continue
        article.entities.append(Entity(text=article.text[f.start:f.end], start=f.start, end=f.end, label=f.label,
                                       sentence=article.sentence_at(f.start), rule=f.rule))
    article.entities.sort(key=lambda e: (e.start, -e.end))
    return finder


# -- grouping -------------------------------------------------------------------------

class Grouper:
    def __init__(self, article: Article, finder: Finder):
        self.article = article
        self.finder = finder
        self.actors: dict[tuple, Actor] = {}
        self.first: dict[tuple, int] = {}
        self.info = {(f.start, f.end): f for f in finder.found}
        self.fulls: list[tuple[int, str]] = []  # (offset, full PER name)

    def actor_for(self, key: tuple, name: str, type_: str, offset: int) -> Actor:
        actor = self.actors.get(key)
        if actor is None:
            actor = Actor(id="", name=name, type=type_)
            self.actors[key] = actor
            self.first[key] = offset
        self.first[key] = min(self.first[key], offset)
        return actor

    def person_key(self, e: Entity) -> tuple:
        parts = e.text.split()
        if len(parts) >= 2:
            known = known_people().get(name_key(e.text))  # `Bongbong Marcos` = `Ferdinand Marcos Jr.`
            return ("per", name_key(known[0] if known else e.text))
        # a single name: the nearest earlier full name that starts or ends with it, else a later one
        before = [(o, n) for o, n in self.fulls if o <= e.start and parts[0] in (n.split()[0], n.split()[-1])]
        after = [(o, n) for o, n in self.fulls if o > e.start and parts[0] in (n.split()[0], n.split()[-1])]
        if before:
            return ("per", name_key(before[-1][1]))
        if after:
            return ("per", name_key(after[0][1]))
        known = known_people().get(name_key(e.text))
        return ("per", name_key(known[0] if known else e.text))

    def key_of(self, e: Entity) -> tuple[tuple, str, str, str | None, str | None, str]:
        """(key, name, type, country, sector, rule) for an entity."""
        f = self.info.get((e.start, e.end))
        if f is not None and f.key is not None:
            name = f.canonical or e.text
            typ = "LOC" if f.key[0] == "country" or f.label == "LOC" else "ORG"
            if f.key[0] == "country":
                c = countries.get(f.key[1])
                name = c.name if c else e.text
            return f.key, name, typ, f.country, f.sector, f.rule
        label = e.label.upper()
        if label in ("PER", "PERSON"):
            return self.person_key(e), e.text, "PER", None, None, "actors:person"
        inst = institution_table().match(tokenize(e.text), 0)
        if inst and inst[0] == len(toks(e.text)):
            i: Institution = inst[1]  # type: ignore[assignment]
            return ("inst", i.name), i.name, "ORG", i.country, i.sector, "actors:institution"
        code = countries.by_name(e.text)
        if code:
            c = countries.get(code)
            return ("country", code), c.name if c else e.text, "LOC", code, "GOV", "actors:country"
        cap = countries.by_capital(e.text)
        if cap:
            return ("capital", name_key(e.text)), e.text, "LOC", cap, "GOV", "actors:capital"
        if e.text in self.finder.aliases:
            key, label_, country, sector, long_form = self.finder.aliases[e.text]
            return key, long_form, "ORG" if label_ == "ORG" else "LOC", country, sector, "actors:acronym"
        if label == "ORG":
            country, sector = self.finder.describe_org(e.start, e.end)
            return ("org", name_key(e.text)), e.text, "ORG", country, sector, "actors:org"
        return ("loc", name_key(e.text)), e.text, "LOC", None, None, "actors:place"

    def known_countries(self) -> None:
        """A person with no stated country takes the one the lexicon of public figures gives."""
        for a in self.actors.values():
            if a.type == "PER" and a.country is None:
                known = next((known_people()[k] for k in map(name_key, [a.name, *a.aliases]) if k in known_people()), None)
                if known:
                    a.country, a.rule = known[1], (a.rule or "entity") + "+people"

    def run(self) -> None:
        article = self.article
        self.fulls = sorted((e.start, e.text) for e in article.entities
                            if e.label.upper() in ("PER", "PERSON") and len(e.text.split()) >= 2)
        for e in article.entities:
            if e.label.upper() not in ("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "GPE", "FAC"):
                continue
            key, name, typ, country, sector, rule = self.key_of(e)
            actor = self.actor_for(key, name, typ, e.start)
            actor.rule = actor.rule or rule
            if typ == "PER" and len(name.split()) > len(actor.name.split()):
                actor.name = name
            if typ == "ORG" and len(name) > len(actor.name) and key[0] not in ("inst",):
                actor.name = name
            actor.country = actor.country or country
            actor.sector = actor.sector or sector
            f = self.info.get((e.start, e.end))
            if f is not None:
                actor.country = actor.country or f.country
                actor.sector = actor.sector or f.sector
                for r in f.roles:
                    if r not in actor.roles:
                        actor.roles.append(r)
            if e.text not in actor.aliases:
                actor.aliases.append(e.text)
            actor.mentions.append([e.start, e.end])
            e.actor_key = key  # type: ignore[attr-defined]
        self.known_countries()  # before the roles join: `Menlu RI` is the Menlu Retno Marsudi named before
        for p in self.finder.phrases:
            key = p.key
            if key[0] == "role":  # `Presiden Rusia` alone: the person the article named with that role
                for k, a in self.actors.items():
                    if k[0] == "per" and a.country == p.country and p.roles[0] in a.roles:
                        key = k
                        break
                else:
                    head = p.roles[0].casefold()
                    if len(p.roles) == 1 and head in group_heads():
                        # `diplomat Rusia` names no one person: a group actor, like `pejabat AS`
                        key = ("group", head, p.country)
                        p.type, p.rule = "ORG", "actors:group"
                        p.sector = group_heads()[head] or p.sector
                        q = QUANTIFIER_BEFORE.search(self.article.text, max(0, p.start - 12), p.start)
                        if q and q.group(1).casefold() in GROUP_QUANTIFIERS:
                            p.start = q.start(1)
                            p.name = self.article.text[p.start:p.end]
            actor = self.actor_for(key, p.name, p.type, p.start)
            actor.rule = actor.rule or p.rule
            actor.country = actor.country or p.country
            actor.sector = actor.sector or p.sector
            for r in p.roles:
                if r not in actor.roles:
                    actor.roles.append(r)
            if key[0] in ("group", "role") and p.name not in actor.aliases:
                actor.aliases.append(p.name)
            p.key = key
            if key[0] in ("group", "role"):
                actor.mentions.append([p.start, p.end])
        # ids by first mention
        ordered = sorted(self.actors, key=lambda k: self.first[k])
        for n, k in enumerate(ordered, 1):
            a = self.actors[k]
            a.id = f"a{n}"
            a.mentions.sort()
            a.aliases = [x for x in a.aliases if x != a.name]
            if a.type == "PER" and a.sector is None and a.roles:
                a.sector = "GOV" if a.country else None
        for e in article.entities:
            key = getattr(e, "actor_key", None)
            if key is not None:
                e.actor = self.actors[key].id
                del e.actor_key  # type: ignore[attr-defined]
        article.actors = [self.actors[k] for k in ordered]
        article.scratch["actor_phrases"] = [(p.start, p.end, self.actors[p.key].id) for p in self.finder.phrases]


@component("actors", requires=["entities", "sentences"], assigns=["actors"])
def make_actors(options: Options):
    """Group entity mentions into actors (aliases, titles → roles, country, sector, metonymy)."""

    def run(article: Article) -> Article:
        finder = complete_entities(article)
        Grouper(article, finder).run()
        return article

    return run
