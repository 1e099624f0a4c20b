"""Stage 3b, context: arguments the sentence leaves implicit, taken from the article around it.

Each rule reads the sentence (`Ctx`), the trigger and the arguments found so far (`Args`, changed in
place) and returns True when it has the final word. The rule's id is what it adds to the event's
`rule` (`active+pair`)."""

from __future__ import annotations

from warta.lang.id import morph
from warta.annotate.events.arguments import coordinated
from warta.annotate.events.countries import home_country, home_grounded
from warta.annotate.events.lexicon import (ANAPHORIC, CONDEMNABLE, Args, Ctx, Match, Participant, Rule, gated,
                                          label, ordered, words)
from warta.annotate.events.participants import police, previous_other, previous_pair
from warta.record import Article


def _pair_named(ctx: Ctx, m: Match) -> bool:
    """`keduanya`, `kedua negara` just before the trigger (or, as a phrase, just after)."""
    before = " ".join(ctx.lows[max(0, m.first - 4):m.first])
    after = " ".join(ctx.lows[m.last:m.last + 4])
    pair = words("pair_words")
    return any(w in before.split() or (" " in w and w in before) for w in pair) or \
        any(" " in w and w in after for w in pair)


def _sym_open(m: Match, st: Args) -> bool:
    """A symmetric trigger still missing its second party."""
    return bool(m.entry.get("sym")) and not st.targets and len({p.country for p in st.sources if p.country}) < 2


def _take(st: Args, pair: list[Participant], how: str) -> bool:
    if not pair:
        return False
    st.sources, st.targets, st.pattern = pair[:1], pair[1:], st.pattern + how
    return True


def pair_after(ctx: Ctx, m: Match, st: Args) -> bool:
    if m.entry.get("sym") and not st.sources and len({p.country for p in st.targets if p.country}) >= 2:
        return _take(st, st.targets, "+pair-after")
    return False


def pair(ctx: Ctx, m: Match, st: Args) -> bool:
    return _sym_open(m, st) and _pair_named(ctx, m) and _take(st, previous_pair(ctx.article, ctx.s_index), "+pair")


def pair_sentence(ctx: Ctx, m: Match, st: Args) -> bool:
    if _sym_open(m, st) and not st.sources and not st.targets and m.voice == "nominal":
        text = " ".join(ctx.lows)
        if any(" " in w and w in text for w in words("pair_words")):
            return _take(st, previous_pair(ctx.article, ctx.s_index), "+pair-sentence")
    return False


def sentence_pair(ctx: Ctx, m: Match, st: Args) -> bool:
    if _sym_open(m, st) and not st.sources:
        for idx, _p in enumerate(ctx.parts):
            grp = [q for q in coordinated(ctx.parts, ctx.toks, idx, forward=True) if q.country and not q.generic]
            if len({q.country for q in grp}) >= 2:
                return _take(st, grp, "+sentence-pair")
    return False


def pair_anaphor(ctx: Ctx, m: Match, st: Args) -> bool:
    if _sym_open(m, st) and not st.sources and m.voice == "nominal" and \
            not words("anaphors").isdisjoint(ctx.lows[:min(3, m.first)]):
        return _take(st, previous_pair(ctx.article, ctx.s_index), "+pair-anaphor")
    return False


def mediated(ctx: Ctx, m: Match, st: Args) -> bool:
    if not (m.entry["c"] == "045" and st.sources and len(st.targets) < 2):
        return False
    own = {p.country for p in st.sources}
    sides = [p for p in ctx.parts if p.country and p.country not in own and not p.generic and
             not (p.first_tok > 0 and ctx.lows[p.first_tok - 1] in words("place_markers"))]
    sides = list({p.country: p for p in sides}.values())
    if len(sides) < 2:
        sides = [p for p in previous_pair(ctx.article, ctx.s_index) if p.country not in own]
    if sides:
        st.targets, st.pattern = sides, st.pattern + "+mediated"
        return True
    return False


def fronted(ctx: Ctx, m: Match, st: Args) -> bool:
    if st.sources and not st.targets and m.entry["type"] in ("REQUEST", "CONSULT", "AGREE", "SUPPORT", "AID"):
        first_src = min(p.first_tok for p in st.sources)
        for p in ctx.parts:
            if p.last_tok < first_src and p.first_tok > 0 and ctx.lows[p.first_tok - 1] in words("fronted_markers") \
                    and p.country and all(p.country != q.country or p.actor != q.actor for q in st.sources):
                st.targets, st.pattern = [p], st.pattern + "+fronted"
                break
    return False


def recent_events(article: Article, s_index: int, back: int) -> list:
    """The events of the `back` sentences before `s_index`, in order (the events so far come sentence by
    sentence: read from the end, never the whole article)."""
    out = []
    for e in reversed(article.scratch.get("events_so_far", ())):
        k = article.sentence_at(e.start) or 0
        if k < s_index - back:
            break
        if k < s_index:
            out.append(e)
    return out[::-1]


def antecedent(article: Article, s_index: int, src_country: str | None, noun: str,
               accuser_only: bool = False) -> Participant | None:
    """The actor of the earlier event an anaphoric object refers to."""
    earlier = recent_events(article, s_index, 10)

    def pick(pred):
        for e in reversed(earlier):
            if e.source_country and e.source_country != src_country and pred(e):
                return Participant(e.start, e.start, e.source_text or e.source_country, e.source_country, e.source)
        return None
    noun_roots = morph.roots(noun) if noun else frozenset()
    accuser = pick(lambda e: e.target_country == src_country and src_country is not None)
    if accuser or accuser_only:
        return accuser
    return pick(lambda e: bool(noun_roots & morph.roots((e.trigger or "").split()[0].casefold()))) or \
        pick(lambda e: e.type in CONDEMNABLE) or pick(lambda e: True)


def anaphor_passive(ctx: Ctx, m: Match, st: Args) -> bool:
    etype, lows = m.entry["type"], ctx.lows
    if st.sources and not st.targets and etype in ANAPHORIC and m.voice == "passive" and \
            not words("anaphors").isdisjoint(lows[max(0, m.first - 3):m.first]):
        k = next(i for i in range(max(0, m.first - 3), m.first) if lows[i] in words("anaphors"))
        noun = lows[k - 1] if k > 0 else ""
        ante = antecedent(ctx.article, ctx.s_index, st.sources[0].country, noun, accuser_only=etype == "REJECT")
        if ante:
            st.targets, st.pattern = [ante], st.pattern + "+anaphor"
    return False


def anaphor_object(ctx: Ctx, m: Match, st: Args) -> bool:
    etype, lows, srcs = m.entry["type"], ctx.lows, st.sources
    if srcs and not st.targets and etype in ANAPHORIC and not words("anaphors").isdisjoint(lows[m.last:m.last + 4]):
        noun = lows[m.last] if m.last < len(lows) else ""
        # a denial answers the one who accused the denier; of several deniers none is singled out
        ante = None if etype == "REJECT" and len(srcs) > 1 else \
            antecedent(ctx.article, ctx.s_index, srcs[0].country, noun, accuser_only=etype == "REJECT")
        if ante is None and etype != "REJECT":
            ante = previous_other(ctx.article, ctx.s_index, {p.country for p in srcs})
        if ante:
            st.targets, st.pattern = [ante], st.pattern + "+anaphor"
    return False


def claimant(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if m.entry["type"] == "REJECT" and srcs and not st.targets and m.voice != "passive" and srcs[0].country and \
            not words("claim_nouns").isdisjoint(ctx.lows[m.last - 1:m.last + 1]):
        ante = antecedent(ctx.article, ctx.s_index, srcs[0].country, "", accuser_only=True) or \
            previous_other(ctx.article, ctx.s_index, {srcs[0].country})
        if ante:
            st.targets, st.pattern = [ante], st.pattern + "+claimant"
    return False


def nationality(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if not (m.entry["type"] == "COERCE" and srcs and srcs[0].country and not st.targets and m.voice != "passive"):
        return False
    parts = ctx.parts
    marked = [i for i, p in enumerate(parts) if p.first_tok >= m.last and p.first_tok > 0 and p.country
              and p.country != srcs[0].country and ctx.lows[p.first_tok - 1] in words("nationality_markers")]
    if marked:
        st.targets = list({parts[i].country: parts[i] for i in marked}.values())
        st.pattern += "+nationality"
    elif not words("foreign_markers").isdisjoint(ctx.lows[m.last:m.last + 5]):
        st.targets, st.pattern = [], st.pattern + "+foreign"  # foreign, country not named: not domestic
        return True
    return False


def _implied(src: Participant, role: str, country: str | None, generic: str = "") -> Participant:
    """A side the sentence leaves unnamed (`warga`, `pemerintah`), at the source's offsets."""
    return Participant(src.start, src.end, label(role), country, None, generic=label(generic or role))


def domestic_arrest(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if m.entry["c"] in ("173", "175") and srcs and srcs[0].country and not st.targets and m.voice != "passive":
        st.targets, st.pattern = [_implied(srcs[0], "people", srcs[0].country)], st.pattern + "+domestic"
    return False


def police_agent(ctx: Ctx, m: Match, st: Args) -> bool:
    if m.entry["type"] == "COERCE" and m.voice == "passive" and not st.sources:
        found = police(ctx.article, ctx.s_index, ctx.toks)
        if found:
            st.sources, st.pattern = [found], st.pattern + "+police"
    return False


def earlier_agent(ctx: Ctx, m: Match, st: Args) -> bool:
    tgts, article = st.targets, ctx.article
    if m.entry["type"] == "COERCE" and m.voice == "passive" and not st.sources and tgts and tgts[0].country:
        for e in reversed(recent_events(article, ctx.s_index, 6)):
            if e.type == "COERCE" and e.source_country and e.target_country == tgts[0].country and \
                    e.source_country != e.target_country:
                st.sources = [Participant(e.start, e.start, e.source_text or e.source_country, e.source_country,
                                          e.source)]
                st.pattern += "+earlier-agent"
                break
    return False


def crowd(ctx: Ctx, m: Match, st: Args) -> bool:
    if m.entry["type"] == "PROTEST" and not st.sources:
        found = [p for p in ctx.parts if p.generic in words("crowds")
                 and m.first - 3 <= p.first_tok <= m.last + 8 and p.last_tok >= m.first - 3]
        if found:
            st.sources, st.pattern = found[:1], st.pattern + "+crowd"
    return False


def home_crowd(ctx: Ctx, m: Match, st: Args) -> bool:
    article, toks = ctx.article, ctx.toks
    home = home_country(article)
    if m.entry["type"] == "PROTEST" and not st.sources and not st.targets and m.voice == "nominal" and \
            home_grounded(article, home) and all(p.country in (None, home) for p in ctx.parts):
        st.sources = [Participant(toks[m.first].start, toks[m.last - 1].end, label("crowd"), home, None, m.first,
                                  m.last - 1, label("crowd"))]
        st.pattern += "+home-crowd"
    return False


def against_government(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if m.entry["type"] in words("crowd_opposing_types") and srcs and not st.targets and \
            srcs[0].generic in words("crowds"):
        st.targets = [_implied(srcs[0], "government", srcs[0].country)]
        st.pattern += "+against-government"
    return False


def aid_channel(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if m.entry["type"] == "AID" and srcs and st.targets and srcs[0].country and \
            not any(p.country for p in st.targets):
        st.targets = []
    return False


def aid_recipient(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs, lows = st.sources, ctx.lows
    if not (m.entry["type"] == "AID" and srcs and not st.targets and srcs[0].country and m.entry["c"] != "072"):
        return False
    clause_end = next((k for k in range(m.last, len(lows)) if lows[k] in words("aid_clause_stops")), len(lows))
    later = [p for p in ctx.parts if m.last <= p.first_tok < clause_end and p.country
             and p.country != srcs[0].country]
    home = home_country(ctx.article)
    if later:
        st.targets, st.pattern = later[:1], st.pattern + "+recipient-place"
    elif srcs[0].country == home:
        st.targets, st.pattern = [_implied(srcs[0], "victims", srcs[0].country, "people")], st.pattern + "+domestic"
    elif home:
        st.targets, st.pattern = [_implied(srcs[0], "victims", home, "people")], st.pattern + "+home"
    return False


def home_target(ctx: Ctx, m: Match, st: Args) -> bool:
    srcs = st.sources
    if m.entry.get("home") and srcs and not st.targets and srcs[0].country:
        home = home_country(ctx.article)
        if home and home != srcs[0].country:
            st.targets, st.pattern = [_implied(srcs[0], "government", home)], st.pattern + "+home"
    return False


#: the context rules in the order they run; a rule that returns True ends the stage
CONTEXT = ordered([
    Rule("pair-after", pair_after, "Setelah dialog tingkat tinggi di Manila, sepakat Filipina dan Tiongkok "
         "meredakan ketegangan.", 10,
         when=lambda e, v: bool(e.get("sym"))),
    Rule("pair", pair, "Menteri Luar Negeri Vietnam dan Menteri Luar Negeri Singapura tiba di Hanoi pada Senin. "
         "Kedua menteri menandatangani nota kesepahaman tentang perdagangan digital.", 20,
         when=lambda e, v: bool(e.get("sym"))),
    Rule("pair-sentence", pair_sentence, "Malaysia dan Singapura berselisih soal batas laut. Pertemuan berlangsung "
         "tertutup di Johor dan dihadiri para pejabat tinggi kedua negara.", 30,
         when=lambda e, v: bool(e.get("sym")) and v == "nominal"),
    Rule("sentence-pair", sentence_pair, "Turki, yang menjadi tuan rumah perundingan di Istanbul, meminta Armenia dan "
         "Azerbaijan menghormati gencatan senjata.", 40,
         when=lambda e, v: bool(e.get("sym"))),
    Rule("pair-anaphor", pair_anaphor, "Sudan dan Sudan Selatan menandatangani kesepakatan perbatasan. Kesepakatan itu "
         "dicapai dalam perundingan tingkat menteri di Addis Ababa.", 50,
         when=lambda e, v: bool(e.get("sym")) and v == "nominal"),
    Rule("mediated", mediated, "Rusia dan Ukraina kembali berunding pekan ini. Perundingan itu dimediasi Turki.", 60,
         when=lambda e, v: e["c"] == "045"),
    Rule("fronted", fronted, "Dalam rapat dengan Jepang di Tokyo, Indonesia meminta bantuan pendanaan.", 70,
         when=lambda e, v: e["type"] in ("REQUEST", "CONSULT", "AGREE", "SUPPORT", "AID")),
    Rule("anaphor-passive", anaphor_passive, "Myanmar menuduh Thailand melindungi kelompok bersenjata di perbatasan. "
         "Tuduhan itu dibantah Thailand.", 80,
         when=lambda e, v: e["type"] in ANAPHORIC and v == "passive"),
    Rule("anaphor", anaphor_object, "Korea Utara kembali menguji senjata barunya pada Minggu. Pemerintah Jepang "
         "mengecam keras uji coba tersebut.", 90,
         when=lambda e, v: e["type"] in ANAPHORIC),
    Rule("claimant", claimant, "Kapal patroli China berlayar di dekat Kepulauan Senkaku. Jepang menegaskan tidak "
         "mengakui klaim tersebut.", 100,
         when=lambda e, v: e["type"] == "REJECT" and v != "passive"),
    Rule("nationality", nationality, "Polisi Malaysia menangkap 30 nelayan asing di Sabah, terdiri atas 20 nelayan "
         "berkewarganegaraan Filipina dan 10 nelayan berkewarganegaraan Indonesia.", 110,
         when=lambda e, v: e["type"] == "COERCE" and v != "passive"),
    Rule("domestic-arrest", domestic_arrest, "Polisi Thailand menembakkan gas air mata ke arah kerumunan warga di "
         "Bangkok.", 120,
         when=lambda e, v: e["c"] in ("173", "175") and v != "passive"),
    Rule("police", police_agent, "Surabaya - Polres Surabaya mengungkap jaringan pengedar narkoba. Lima tersangka "
         "diringkus di sebuah rumah di Kecamatan Tambaksari.", 130,
         when=lambda e, v: e["type"] == "COERCE" and v == "passive"),
    Rule("earlier-agent", earlier_agent, "Indonesia menangkap tiga kapal Vietnam di Natuna. Ketiga kapal Vietnam itu "
         "ditangkap saat mencuri ikan.", 140,
         when=lambda e, v: e["type"] == "COERCE" and v == "passive"),
    Rule("crowd", crowd, "Ribuan pengunjuk rasa memadati pusat kota Nairobi pada Selasa untuk menentang kenaikan "
         "pajak.", 150,
         when=lambda e, v: e["type"] == "PROTEST"),
    Rule("home-crowd", home_crowd, "Gelombang demonstrasi nasional menuntut reformasi di Jakarta, Indonesia, Senin.", 160,
         when=lambda e, v: e["type"] == "PROTEST" and v == "nominal"),
    Rule("against-government", against_government, "Ratusan buruh pabrik tekstil dari Bekasi menggelar unjuk rasa di "
         "depan kantor gubernur di Jakarta, Kamis.", 170,
         when=lambda e, v: e["type"] in words("crowd_opposing_types")),
    Rule("aid-channel", aid_channel, "Pemerintah Indonesia menyalurkan bantuan kepada Yayasan Amal Sejahtera.", 180,
         when=lambda e, v: e["type"] == "AID"),
    Rule("aid-recipient", aid_recipient, "Pemerintah Jepang memberangkatkan 15 ton bantuan kemanusiaan untuk korban "
         "gempa di Turki.", 190,
         when=lambda e, v: e["type"] == "AID" and e["c"] != "072"),
    Rule("home", home_target, "Pemilu presiden di Meksiko berlangsung damai pekan lalu di Mexico City dan Guadalajara. "
         "Presiden Brasil menyampaikan ucapan selamat melalui media sosial.", 200,
         when=lambda e, v: bool(e.get("home"))),
])


def context_args(ctx: Ctx, m: Match, args: Args) -> Args:
    """Run the context rules on a copy of `args`."""
    st = Args(list(args.sources), list(args.targets), args.pattern)
    for k in gated(CONTEXT, m):  # (the rules whose condition on the trigger holds)
        if CONTEXT[k].apply(ctx, m, st):
            break
    return st
