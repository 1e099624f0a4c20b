"""Stage 3, argument strategies after the voice's own (arguments.py): each a named rule that reads the
draft event (`Draft`) and may change its arguments, code or flags, in the order listed. The id a rule
adds to the event's `rule` is its own (`active+genitive`)."""

from __future__ import annotations

from dataclasses import dataclass

from warta.annotate.events.arguments import Args, after, before, consequence_args, coordinated
from warta.annotate.events.context import context_args
from warta.annotate.events.countries import is_media
from warta.annotate.events.implied import implied_args
from warta.annotate.events.lexicon import SPEECH, Ctx, Match, Rule, cameo_table, ordered, words
from warta.annotate.events.participants import quote_speaker
from warta.knowledge import countries


@dataclass
class Draft:
    """One trigger on its way to events: its arguments, type, code and flags."""

    m: Match
    args: Args
    etype: str
    code: str
    light: bool
    reported: bool
    negated: bool = False
    modality: str | None = None
    drop: bool = False

    def recode(self, code) -> None:
        self.code = str(code)
        self.etype = cameo_table()[self.code]["plover"]


def _cue(ctx: Ctx, m: Match) -> int | None:
    """The last reporting word before the trigger."""
    return max((p for p in ctx.report_positions if p < m.first), default=None)


def _group_at(ctx: Ctx, k: int):
    """The participant group that starts at token `k`, or after `para`, `pihak` … there, else []."""
    while True:
        for idx, p in enumerate(ctx.parts):
            if p.first_tok == k:
                return coordinated(ctx.parts, ctx.toks, idx, forward=True)
        if k >= len(ctx.lows) or ctx.lows[k] not in words("coordination_fillers"):
            return []
        k += 1


def shared_subject(ctx: Ctx, d: Draft) -> None:
    """`Pakistan mengatakan … dalam serangan India, dan menuduh New Delhi …`: a speech act joined to a
    reporting clause by `dan` has the reporter as its subject, not the name just before it."""
    m = d.m
    if m.entry["type"] not in SPEECH or m.voice != "active" or m.first < 2 or \
            ctx.lows[m.first - 1] not in words("clause_conjunctions") \
            or ctx.lows[m.first - 2] != ",":
        return
    cue = _cue(ctx, m)
    if cue is not None and ctx.lows[cue] not in words("according_to"):
        reporter = before(ctx.parts, ctx.toks, cue)
        if reporter:
            d.args = Args(reporter, [t for t in d.args.targets if all(t is not r for r in reporter)],
                          d.args.pattern + "+shared-subject")


def contrast_subject(ctx: Ctx, d: Draft) -> None:
    """`Indonesia … tidak memiliki hubungan diplomatik dengan Israel, sementara secara terbuka mendukung
    perjuangan Palestina`: a contrasting clause without a subject of its own has the sentence's subject, not
    the name just before it."""
    m, lows, srcs, parts = d.m, ctx.lows, d.args.sources, ctx.parts
    if m.voice != "active" or not srcs or not parts or parts[0].first_tok > 1 or any(p is parts[0] for p in srcs):
        return
    opener = next((k for k in range(m.first - 1, srcs[-1].last_tok, -1) if lows[k] in words("contrast_openers")),
                  None)
    if opener is None or any(opener < p.first_tok < m.first for p in parts):
        return
    subject = _group_at(ctx, parts[0].first_tok)
    if subject:
        d.args = Args(subject, [t for t in d.args.targets if all(t is not p for p in subject)],
                      d.args.pattern + "+contrast-subject")


def fronted_clause(ctx: Ctx, d: Draft) -> None:
    """`Setelah menguasai kota strategis Homs, para pemberontak Suriah bergerak …`: the subject of an opening
    clause is the one after its comma."""
    m, lows = d.m, ctx.lows
    if d.args.sources or m.voice != "active" or lows[0] not in words("clause_subordinators") or \
            not lows[m.first].startswith(tuple(words("active_spellings"))):
        return
    comma = next((k for k in range(1, len(lows)) if lows[k] == ","), None)
    if comma is None or comma < m.last:
        return
    subject = _group_at(ctx, comma + 1)
    if subject:
        d.args = Args(subject, [t for t in d.args.targets if all(t is not p for p in subject)],
                      d.args.pattern + "+fronted-clause")


def from_agent(ctx: Ctx, d: Draft) -> None:
    """`intimidasi dari pihak Penjaga Pantai Tiongkok`, `serangan dari Israel`: after a hostile noun `dari X`
    names who acts (the side it falls on is the speaker's, `speaker-side`)."""
    m, lows = d.m, ctx.lows
    if m.entry["type"] not in words("from_agent_types") or d.args.sources or m.voice == "passive" or \
            lows[m.first].startswith(tuple(words("active_spellings"))):
        return
    if m.last < len(lows) and lows[m.last] in words("from_markers"):
        agent = _group_at(ctx, m.last + 1)
        if agent:
            d.args = Args(agent, [t for t in d.args.targets if all(t is not p for p in agent)],
                          d.args.pattern + "+from-agent")


def invitation(ctx: Ctx, d: Draft) -> None:
    """`pemerintah menawarkan Microsoft untuk membangun pusat riset`: offering someone to do something asks them
    to (the entry's `invites` code); `menawarkan bantuan kepada X` stays an offer."""
    code, t = d.m.entry.get("invites"), d.args.targets
    if not code or not t or d.m.voice != "active" or t[0].first_tok != d.m.last:
        return
    k = t[-1].last_tok + 1
    if k < len(ctx.lows) and ctx.lows[k] in words("purpose_markers"):
        d.recode(code)
        d.args = Args(d.args.sources, t, d.args.pattern + "+invites")


def genitive(ctx: Ctx, d: Draft) -> None:
    """`mengumumkan bantuan Australia untuk …`: the genitive of the noun is its source."""
    m, a = d.m, d.args
    if not a.sources and (d.light or m.last - m.first >= 2) and m.voice != "passive" and a.targets \
            and a.targets[0].first_tok == m.last:
        gen = a.targets[0]
        rest, _mk = after(ctx.parts, ctx.toks, gen.last_tok + 1, m.entry["type"], limit=10)
        d.args = Args([gen], [p for p in rest if p.country != gen.country], a.pattern + "+genitive")


def speaker(ctx: Ctx, d: Draft) -> None:
    """`X mengatakan bahwa akan …`: the speaker is the subject of the inner clause."""
    m = d.m
    if d.args.sources or not d.reported or not (m.voice == "active" or d.light) or m.entry.get("arg") == "consequence":
        return
    cue = _cue(ctx, m)
    if cue is not None:
        d.args = Args(before(ctx.parts, ctx.toks, cue), d.args.targets, d.args.pattern + "+speaker")
    if not d.args.sources:
        found = quote_speaker(ctx.article, ctx.toks[m.first].start)
        if found:
            d.args = Args(found, d.args.targets, d.args.pattern + "+quote-speaker")


def consequence(ctx: Ctx, d: Draft) -> None:
    """`X akan membayar harganya, kata Y`: Y warns X (arguments.consequence_args)."""
    if d.m.entry.get("arg") == "consequence":
        d.args = consequence_args(ctx.article, d.m, ctx.parts, ctx.toks, ctx.report_positions)


def context(ctx: Ctx, d: Draft) -> None:
    """The article around the sentence (context.CONTEXT)."""
    d.args = context_args(ctx, d.m, d.args)


def speech_other(ctx: Ctx, d: Draft) -> None:
    """`Kim memperingatkan bahwa Korea Utara akan … latihan militer AS`: the other country named."""
    a, m = d.args, d.m
    if m.entry["type"] in SPEECH and a.sources and a.targets and all(t.country == a.sources[0].country
                                                                      for t in a.targets):
        own = {p.country for p in a.sources}
        other = [p for p in ctx.parts if p.first_tok > a.targets[-1].last_tok and p.country
                 and p.country not in own and p.last_tok - m.last <= 24]
        if other:
            d.args = Args(a.sources, other[:1], a.pattern + "+other")


def own_act(ctx: Ctx, d: Draft) -> None:
    """Another party's act as the speaker tells it (`X mengatakan bahwa kapal Y mengabaikan peringatan`)
    is part of an accusation: dropped."""
    if d.m.entry.get("own") and d.args.sources:
        cue = _cue(ctx, d.m)
        speakers = before(ctx.parts, ctx.toks, cue) if cue is not None else \
            quote_speaker(ctx.article, ctx.toks[d.m.first].start)
        if speakers and all(sp.country != d.args.sources[0].country for sp in speakers):
            d.drop = True


def speaker_side(ctx: Ctx, d: Draft) -> None:
    """`"Pihak X menyerang infrastruktur sipil," kata juru bicara Y`: Y's side was attacked (a news outlet
    telling of it is no side)."""
    a = d.args
    if d.etype in ("ASSAULT", "COERCE") and a.sources and not a.targets and d.m.voice != "passive":
        found = [p for p in quote_speaker(ctx.article, ctx.toks[d.m.first].start) if not is_media(ctx.article, p)]
        if found and found[0].country and all(p.country != found[0].country for p in a.sources):
            d.args = Args(a.sources, found, a.pattern + "+speaker-side")


def hit(ctx: Ctx, d: Draft) -> None:
    """`meluncurkan rudal ke wilayah X`: a launch that hits a country is an attack (the entry's `hit`
    code); without one it is a show of force."""
    m, a = d.m, d.args
    if not m.entry.get("hit"):
        return
    if not a.targets:
        for p in ctx.parts:
            pre = ctx.lows[max(m.last, p.first_tok - 3):p.first_tok]
            if p.first_tok >= m.last and p.first_tok - m.last <= 16 and not words("hit_markers").isdisjoint(pre) \
                    and words("hit_void").isdisjoint(pre):
                d.args = a = Args(a.sources, [p], a.pattern + "+hit")
                break
    if any(t.country and (not a.sources or t.country != a.sources[0].country) for t in a.targets):
        d.recode(m.entry["hit"])
    else:
        d.args = Args(a.sources, [], a.pattern)


def alone(ctx: Ctx, d: Draft) -> None:
    """`TNI menggelar latihan gabungan` of its own services: a show of force (the entry's `alone`)."""
    a = d.args
    own = a.sources[0].country if a.sources else None
    if d.m.entry.get("alone") and not any(t.country and t.country != own for t in a.targets):
        d.recode(d.m.entry["alone"])
        d.args = Args(a.sources, [], a.pattern + "+alone")


def _clause_start(ctx: Ctx, pos: int) -> int:
    openers, lows = words("clause_openers"), ctx.lows
    for k in range(pos - 1, -1, -1):
        if lows[k] in openers:
            return k + 1
    return 0


def modality(ctx: Ctx, d: Draft) -> None:
    """Negation (a negator within three words before), and modality: hypothetical (a hedge, or a clause
    opened by `jika`), future (`akan`), else reported (a reporting frame)."""
    m, lows = d.m, ctx.lows
    start = _clause_start(ctx, m.first)
    window = lows[max(start, m.first - 8):m.first]
    d.negated = not words("negators").isdisjoint(window[-3:])
    if not words("hedges").isdisjoint(window) or (start < m.first and lows[start] in words("condition_openers")):
        d.modality = "hypothetical"
    elif not words("future").isdisjoint(window):
        d.modality = "future"
    elif d.reported:
        d.modality = "reported"


def negated_as(ctx: Ctx, d: Draft) -> None:
    """`tidak diundang ke KTT`: leaving out is a rejection (the entry's `neg` code)."""
    if d.negated and d.m.entry.get("neg"):
        d.recode(d.m.entry["neg"])
        d.negated = False
        d.args = Args(d.args.sources, d.args.targets, d.args.pattern + "+negated-as")


#: the code of a denial (CAMEO 120, reject)
DENIAL = "120"


def _teller(ctx: Ctx, m: Match):
    """Who tells of the act: the subject of a reporting verb before it, else the speaker of its quote."""
    cue = _cue(ctx, m)
    if cue is not None and ctx.lows[cue] not in words("according_to"):
        got = before(ctx.parts, ctx.toks, cue)
        if got:
            return got
    return quote_speaker(ctx.article, ctx.toks[m.first].start)


def denial(ctx: Ctx, d: Draft) -> None:
    """`"Kami sama sekali tidak membantu ICC," kata Marcos`, `menambahkan bahwa Kamboja tidak melakukan
    serangan balasan`: a past act its own side says it did not do is a denial (REJECT, no target)."""
    src = d.args.sources[0] if d.args.sources else None
    if not d.negated or d.modality in ("future", "hypothetical") or d.etype not in words("denial_types") or src is None \
            or not src.country or d.m.entry.get("arg"):
        return
    if any(p.country == src.country for p in _teller(ctx, d.m)):
        d.recode(DENIAL)
        d.negated = False
        d.args = Args(d.args.sources[:1], [], d.args.pattern + "+denial")


def unagented(ctx: Ctx, d: Draft) -> None:
    """`Myanmar tidak akan diusir dari ASEAN`: an act that did not happen and has no agent says nothing about
    anyone: dropped."""
    if d.negated and not any(p.country for p in d.args.sources):
        d.drop = True


def place_partner(ctx: Ctx, d: Draft) -> None:
    """`Microsoft akan berinvestasi di Indonesia`: the country an investment is made in is its partner (the
    entry's `place_partner`), though `di` names places elsewhere."""
    a, lows, end = d.args, ctx.lows, d.m.last
    own = a.sources[0].country if a.sources else None
    if not d.m.entry.get("place_partner") or not own or any(t.country for t in a.targets):
        return
    for p in ctx.parts:
        if end <= p.first_tok <= end + 6 and p.first_tok > 0 and lows[p.first_tok - 1] in \
                words("locatives") and p.country and p.country != own and countries.by_name(p.text):
            d.args = Args(a.sources, [p], a.pattern + "+place-partner")
            return


def implied(ctx: Ctx, d: Draft) -> None:
    """The side the sentence leaves implicit (implied.IMPLIED), for acts that are not negated."""
    if not d.negated:
        d.args = implied_args(ctx, d.m, d.etype, d.args)


STRATEGIES = ordered([
    Rule("shared-subject", shared_subject, "Pakistan mengatakan 26 orang tewas dalam serangan India, dan menuduh New "
         "Delhi melakukan tindakan perang.", 2, when=lambda e, v: e["type"] in SPEECH and v == "active"),
    Rule("contrast-subject", contrast_subject, "Indonesia tidak memiliki hubungan diplomatik dengan Israel, sementara "
         "secara terbuka mendukung perjuangan Palestina.", 3),
    Rule("fronted-clause", fronted_clause, "Setelah merebut kota Pul-e-Khumri, pemberontak Taliban bergerak ke Kabul, "
         "Afganistan.", 4),
    Rule("from-agent", from_agent, "Ini merupakan intimidasi dari pihak Penjaga Pantai Tiongkok, kata juru bicara "
         "Penjaga Pantai Filipina.", 6, when=lambda e, v: e["type"] in words("from_agent_types") and v != "passive"),
    Rule("invites", invitation, "Pemerintah Indonesia menawarkan Jepang untuk membangun pusat riset di Bali.", 8,
         when=lambda e, v: bool(e.get("invites"))),
    Rule("genitive", genitive, "Ia juga mengumumkan bantuan Kanada senilai 20 juta dolar untuk pembangunan sekolah di Filipina.", 10),
    Rule("speaker", speaker, "Kami mendukung Palestina sepenuhnya, kata Menteri Luar Negeri Malaysia.", 20),
    Rule("consequence", consequence, "Menteri Luar Negeri Inggris mengatakan Iran akan menanggung akibatnya bila terus memasok pesawat nirawak ke Rusia.", 30,
         when=lambda e, v: e.get("arg") == "consequence"),
    Rule("context", context, "Pemerintah Jepang memberangkatkan 15 ton bantuan kemanusiaan untuk korban gempa di Turki.", 40),
    Rule("other", speech_other, "Presiden Rusia memperingatkan bahwa Rusia akan merespons setiap pengerahan rudal Amerika Serikat di Eropa.", 50,
         when=lambda e, v: e["type"] in SPEECH),
    Rule("own-act", own_act, "Filipina mengatakan bahwa kapal China mengabaikan peringatan.", 60,
         when=lambda e, v: bool(e.get("own"))),
    Rule("speaker-side", speaker_side, 'Armenia mengatakan pasukannya diserang. "Pasukan Azerbaijan menembaki pos-pos kami di perbatasan," kata '
                 'Kementerian Pertahanan Armenia.', 70),
    Rule("hit", hit, "Rusia meluncurkan puluhan rudal jelajah ke wilayah Ukraina pada Jumat dini hari.", 80,
         when=lambda e, v: bool(e.get("hit"))),
    Rule("alone", alone, "TNI menggelar latihan gabungan di Natuna, Indonesia.", 90,
         when=lambda e, v: bool(e.get("alone"))),
    Rule("modality", modality, "Kanselir Jerman akan berkunjung ke India bulan depan.", 100),
    Rule("negated-as", negated_as, "Rusia tidak diundang ke KTT G20 di Bali, Indonesia.", 110,
         when=lambda e, v: bool(e.get("neg"))),
    Rule("denial", denial, "Juru bicara militer Kamboja mengatakan Kamboja tidak melakukan serangan balasan ke "
         "Thailand.", 115),
    Rule("unagented", unagented, "Sultan Brunei mengatakan bahwa Myanmar tidak akan diusir dari ASEAN.", 116),
    Rule("place-partner", place_partner, "Microsoft akan berinvestasi di Indonesia selama empat tahun ke depan.", 118,
         when=lambda e, v: bool(e.get("place_partner"))),
    Rule("implied", implied, "Turki mengebom posisi militan di Suriah.", 120),
])
