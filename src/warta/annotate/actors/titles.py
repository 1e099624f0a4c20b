"""Title chains: a title (+ fields, ranks, country, institution, region) and the person it names.

`Presiden Rusia Vladimir Putin` → PER `Vladimir Putin` with role `Presiden`, country RUS; `Presiden Rusia`
alone → a role phrase that joins the person the article named with that role.  A chain grows token by
token: at each token the rules of `CHAIN_RULES` are tried in order, and the first that matches extends it;
when none does, the chain ends and a name may follow (after an appositive comma too).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from warta.knowledge.actor_tables import institution_table
from warta.lang.id.phrase_table import Table, name_key, tokenize
from warta.lang.id.titles import (Title, chain_words, corps_suffixes, not_names, org_head_table, portfolio_table,
                                  rank_suffixes, title_table, unit_heads)
from warta.annotate.actors.finder import Found, FinderBase, Phrase, region_name

@functools.cache
def workplace_table() -> Table:
    table = Table(fold=False)
    for w in chain_words("workplace_heads"):
        table.add(w, w)
    return table


@functools.cache
def place_cue_words() -> frozenset[str]:
    from warta.lang.id.name_rules import rules as entity_rules
    return frozenset(entity_rules()["place_cues"])


#: longest title chain read from one start (`Wakil Menteri Koordinator Bidang Politik, Hukum, dan Keamanan`
#: is 11 tokens); without a bound `Presiden Presiden …` took time quadratic in its length
MAX_CHAIN_TOKENS = 40
ACRONYM_SHAPE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
NUMBER_SHAPE = re.compile(r"[IVX]{1,4}|\d{1,2}")


@dataclass
class Chain:
    """A title chain being read from token i; j is the next token to read."""

    i: int
    j: int
    roles: list[str] = field(default_factory=list)
    offices: list[Title] = field(default_factory=list)
    ranks: list[Title] = field(default_factory=list)
    country: str | None = None
    inst_sector: str | None = None
    lower_mods: int = 0
    field_open: bool = False  # the last words consumed name an office or its field (`Menteri Investasi`)
    k: int = 0  # the name after the chain: its first token and length
    n: int = 0


@dataclass(frozen=True)
class ChainRule:
    """A named way a title chain goes on: `step` returns the next token index, or None where it does not apply."""

    id: str
    example: str
    step: Callable[["TitleRules", Chain], int | None]


def _title(f: "TitleRules", c: Chain) -> int | None:
    t = f.match_at(title_table(), c.j)
    if not (t and f.span_ok(c.j, t[0])):
        return None
    title: Title = t[1]  # type: ignore[assignment]
    c.roles.append(" ".join(x.text for x in f.tokens[c.j:c.j + t[0]]))
    (c.ranks if title.kind != "office" else c.offices).append(title)
    c.field_open = title.kind == "office"
    return c.j + t[0]


def _portfolio(f: "TitleRules", c: Chain) -> int | None:
    if not (c.field_open and f.span_ok(c.j - 1, 2)):
        return None
    pf = f.match_at(portfolio_table(), c.j)
    return c.j + pf[0] if pf and f.span_ok(c.j, pf[0]) else None


def _portfolio_list(f: "TitleRules", c: Chain) -> int | None:
    j = c.j
    if not (c.field_open and f.span_ok(j - 1, 2)) or f.tokens[j].text not in chain_words("field_list") \
            or j + 1 >= len(f.tokens):
        return None
    pf = f.match_at(portfolio_table(), j + 1)
    return j + 1 + pf[0] if pf and f.span_ok(j, pf[0] + 1) else None


def _corps(f: "TitleRules", c: Chain) -> int | None:
    j, tokens = c.j, f.tokens
    if c.ranks and not c.field_open and tokens[j].text in corps_suffixes() and f.span_ok(j - 1, 2) \
            and tokens[j - 1].text not in corps_suffixes():
        return j + 1 + (j + 1 < len(tokens) and tokens[j + 1].text == ".")
    return None


def _rank_stop(f: "TitleRules", c: Chain) -> int | None:
    if c.ranks and f.tokens[c.j].text == "." and f.tokens[c.j - 1].text in corps_suffixes():
        return c.j + 1
    return None


def _retired(f: "TitleRules", c: Chain) -> int | None:
    j, tokens = c.j, f.tokens
    if c.ranks and tokens[j].text == "(" and j + 2 < len(tokens) and tokens[j + 1].text in rank_suffixes() \
            and f.span_ok(j, 3):
        close = j + 2 + (tokens[j + 2].text == ".")
        if close < len(tokens) and tokens[close].text == ")":
            return close + 1
    return None


def _field_closes(f: "TitleRules", c: Chain) -> int | None:
    c.field_open = False  # no rule: the office's field (if any) has ended; the rules below read what follows
    return None


def _modifier(f: "TitleRules", c: Chain) -> int | None:
    mod = f.modifier_at(c.j)
    if not (mod and f.span_ok(c.j - 1, 2)):
        return None
    n, code, sector, _ = mod
    c.country = c.country or code
    c.inst_sector = c.inst_sector or sector
    return c.j + n


def _place_then_name(f: "TitleRules", c: Chain) -> int | None:
    j, tokens = c.j, f.tokens
    tok = tokens[j]
    le = f.place_entity_at(j) if c.offices and f.span_ok(j - 1, 2) else 0
    if not le and c.offices and tok.cap and f.span_ok(j - 1, 2) and (
            f.name_at(j) == 1 or ACRONYM_SHAPE.fullmatch(tok.text)):
        le = 1  # `Pelatih Persebaya, Gustavo Ribeiro, …`: one word for the club, then the person
        after = j + 2 + f.name_at(j + 2) if j + 2 < len(tokens) else 0
        if not (after and after < len(tokens) and tokens[after].text == ","
                and (after + 1 >= len(tokens) or tokens[after + 1].text not in chain_words("list_joiner"))):
            le = 0
    if not le and c.offices and tok.cap and f.span_ok(j - 1, 2):
        le = f.workplace_at(j)  # `pedagang Pasar Senen, Siti Aminah`: a workplace, then the person
    if le and j + le + 1 < len(tokens) and tokens[j + le].text == "," \
            and f.span_ok(j + le - 1, 3) and f.name_at(j + le + 1) >= 2:
        return j + le
    return None


def _home_region(f: "TitleRules", c: Chain) -> int | None:
    home = f.home_region_at(c.j) if c.country is None and any(t.regional for t in c.offices) else None
    if not home:
        return None
    c.country = home[1]
    return c.j + home[0]


def _numbered_body(f: "TitleRules", c: Chain) -> int | None:
    if c.offices and NUMBER_SHAPE.fullmatch(f.tokens[c.j].text) and f.span_ok(c.j - 1, 2):
        return c.j + 1
    return None


def _target(f: "TitleRules", c: Chain) -> int | None:
    j = c.j
    if f.tokens[j].text in chain_words("target") and j + 1 < len(f.tokens) and c.offices and f.modifier_at(j + 1):
        return j + 1
    return None


def _unit_before_rank(f: "TitleRules", c: Chain) -> int | None:
    j = c.j
    if not (f.tokens[j].cap and c.offices and f.span_ok(j - 1, 2)):
        return None
    n_place = f.name_at(j)
    after = j + n_place
    if n_place and after < len(f.tokens) and f.span_ok(after - 1, 2):
        t2 = f.match_at(title_table(), after)
        if t2 and f.name_at(after + t2[0]):
            return after
    return None


def _lower_modifier(f: "TitleRules", c: Chain) -> int | None:
    j, tok = c.j, f.tokens[c.j]
    if (not tok.cap and tok.text.isalpha() and c.lower_mods < 3 and len(tok.text) >= 4
            and c.country is None and c.inst_sector is None and tok.text.capitalize() not in not_names()
            and not tok.text.startswith(tuple(chain_words("verb_prefixes"))) and j + 1 < len(f.tokens)
            and f.span_ok(j - 1, 2) and c.offices):
        c.lower_mods += 1
        return j + 1
    return None


CHAIN_RULES: tuple[ChainRule, ...] = (
    ChainRule("title", "Presiden Rusia Vladimir Putin", _title),
    ChainRule("portfolio", "Wakil Menteri Luar Negeri Pahala Mansury", _portfolio),
    ChainRule("portfolio-list", "Menteri Investasi, Perdagangan dan Industri Malaysia Tengku Zafrul", _portfolio_list),
    ChainRule("corps", "Kolonel Inf Muhammad Aidi", _corps),
    ChainRule("rank-stop", "Kombes Pol. Dirmanto", _rank_stop),
    ChainRule("retired", "Laksamana Muda TNI (Purn) Gatot Wiranto", _retired),
    ChainRule("field-closes", "", _field_closes),
    ChainRule("modifier", "Presiden Rusia Vladimir Putin", _modifier),
    ChainRule("place-then-name", "Pelatih Persebaya, Gustavo Ribeiro, mengatakan", _place_then_name),
    ChainRule("home-region", "Gubernur Jawa Tengah Ganjar Pranowo", _home_region),
    ChainRule("numbered-body", "Anggota Komisi I DPR Dave Laksono", _numbered_body),
    ChainRule("target", "Dubes RI untuk Jepang Heri Akhmadi", _target),
    ChainRule("unit-before-rank", "Kapolda Metro Jaya Irjen Karyoto", _unit_before_rank),
    ChainRule("lower-modifier", "Komandan pasukan khusus Budi Santoso", _lower_modifier),
)


class TitleRules(FinderBase):
    def chain_goes_on(self, j: int) -> int | None:
        """Token index where a title chain goes on after a unit name ending before token j
        (`… Kerja Sama Multilateral | Kementerian Luar Negeri Tri Tharyat`, `… dan Kebudayaan (Menko PMK)
        Muhadjir`),
        or None where the name ends the chain."""
        if j >= len(self.tokens) or not self.span_ok(j - 1, 2):
            return None
        t = self.tokens[j]
        if t.text in chain_words("name_joiner") and j + 1 < len(self.tokens) and self.tokens[j + 1].cap \
                and self.span_ok(j, 2):
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

    def workplace_at(self, j: int) -> int:
        """Length of a capitalised run (at most 4 tokens, no comma) at token j that opens with a workplace, place or
        organisation head (`Pasar Senen`, `SMA Negeri 1 Bogor`, `Desa Sukamaju`, `Universitas Indonesia`), else 0."""
        head = self.match_at(workplace_table(), j)
        if head is None and self.tokens[j].text.casefold() not in place_cue_words() \
                and self.match_at(org_head_table(), j) is None:
            return 0
        n = head[0] if head else 1
        while n < 4 and j + n < len(self.tokens) and self.span_ok(j + n - 1, 2) and (
                self.tokens[j + n].cap or self.tokens[j + n].text.isdigit()):
            n += 1
        return n

    def person_in_name(self, k: int, n: int) -> tuple[int, int]:
        """The person inside a capitalised run after a title: a model PER entity ending it
        (`Bidang Perekonomian Airlangga Hartarto`), else the run without a leading unit word."""
        start, end = self.tokens[k].start, self.tokens[k + n - 1].end
        for e in self._indexed("by-end", _entities_by_end).get(end, ()):
            if e.label in ("PER", "PERSON") and start < e.start and not e.rule.startswith("actors"):
                k2 = self.tok_index(e.start)
                return k + n - k2, k2
        if self.tokens[k].text.casefold() in unit_heads() and n >= 3:
            return 2, k + n - 2
        return n, k

    def extend_chain(self, c: Chain) -> None:
        """Read the chain on from c.j while a rule of CHAIN_RULES applies."""
        while c.j < len(self.tokens) and c.j - c.i < MAX_CHAIN_TOKENS:  # bounded: linear in the text
            for rule in CHAIN_RULES:
                nxt = rule.step(self, c)
                if nxt is not None:
                    self.fired[rule.id] += 1
                    c.j = nxt
                    break
            else:
                return

    def chain_name(self, c: Chain) -> bool:
        """The name after the chain (c.k, c.n), after an appositive comma too (`anggota politbiro Partai Komunis
        Tiongkok, Li Hongzhong`); True where capitalised words after it go on with the chain (`Direktur Reserse
        Narkoba Polda Metro Jaya Kombes Hengki`, `juru bicara Penjaga Pantai Filipina Jay Tarriela`: they name a
        unit, not a person), with c.j moved there."""
        k = c.j
        if k < len(self.tokens) and self.tokens[k].text == "," and k > c.i and self.span_ok(k, 2):
            k += 1
        n = self.name_at(k) if k < len(self.tokens) and self.span_ok(max(k - 1, 0), 2) else 0
        if n and k != c.j and n < 2:
            n = 0
        c.k, c.n = k, n
        nxt = self.chain_goes_on(k + n) if n and k == c.j and c.roles else None
        if nxt is None:
            return False
        c.j = nxt
        return True

    def read_chain(self, i: int) -> Chain:
        c = Chain(i, i)
        for _hop in range(5):
            self.extend_chain(c)
            if not self.chain_name(c):
                break
        if c.n:
            c.n, c.k = self.person_in_name(c.k, c.n)
        return c

    def emit_chain(self, c: Chain) -> int:
        """Record the person (or the role phrase) the chain names; the token index to go on from."""
        start = self.tokens[c.i].start
        sector = next((t.sector for t in c.offices if t.sector), None) or c.inst_sector or next(
            (t.sector for t in c.ranks if t.sector), None)
        if c.n:
            k, n = c.k, c.n
            name_start, name_end = self.tokens[k].start, self.tokens[k + n - 1].end
            if not self.free(name_start, name_end):
                return c.i + 1
            name = self.text[name_start:name_end]
            if any(t.regional for t in c.offices) and k == c.j and (region_name(self.text, name, name_start)
                                                                    or self.place_entity_at(k) == n):
                return k + n  # `Wali Kota Bekasi`, `Bupati Lampung Tengah`: the office's region, no person
            self.add(Found(name_start, name_end, "PER", "actors:title", None, c.country, sector or (
                "GOV" if c.offices and c.country else None), c.roles))
            self.phrases.append(Phrase(start, name_end, ("per", name_key(name)), name, "PER", c.country,
                                       sector, c.roles, "actors:title"))
            return k + n
        if c.offices and (c.country or c.inst_sector) and c.j > c.i + 1 and self.tokens[c.j - 1].cap:
            end = self.tokens[c.j - 1].end
            phrase = self.text[start:end]
            self.phrases.append(Phrase(start, end, ("role", c.roles[0].casefold(), c.country), phrase, "PER",
                                       c.country, sector or "GOV", c.roles, "actors:role"))
            return c.j
        return c.i + 1

    def titles(self) -> None:
        i = 0
        table = title_table()
        for k in self.openers(table):  # (a token that opens no title is passed over)
            if k < i:
                continue
            i = k
            m = table.match(self.tokens, i)
            if not m or not self.free(self.tokens[i].start, self.tokens[i].end):
                i += 1
                continue
            c = self.read_chain(i)
            i = self.emit_chain(c) if c.roles else i + 1


def _entities_by_end(entities) -> dict[int, list]:
    """The entities that end at each offset, in the list's order."""
    out: dict[int, list] = {}
    for e in entities:
        out.setdefault(e.end, []).append(e)
    return out


@functools.lru_cache(maxsize=8192)  # (asked for every entity: the same answer for every mention of a name)
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
