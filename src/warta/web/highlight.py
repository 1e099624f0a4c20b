"""Article text with its spans marked up as HTML.

Spans of different layers overlap (an entity inside a quote, a date inside an
event's evidence), so the text is cut at every span boundary and each piece is
written once, as one `<span>` carrying the classes and hover titles of every
span that covers it.  Everything from the record is escaped; offsets outside
the text (or empty spans) are skipped and counted, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from warta.record import Article

#: entity labels with their own colour (others share `ent-OTHER`)
LABELS = ("PER", "ORG", "LOC", "GPE", "FAC", "NORP", "EVENT", "PRODUCT")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    anchor: str = ""  # id given to the first piece of this span


def _label_class(label: str | None) -> str:
    label = (label or "").upper()
    return f"ent ent-{label}" if label in LABELS else "ent ent-OTHER"


def marks(article: Article) -> list[Mark]:
    """Every span of the record worth marking, in record order."""
    out: list[Mark] = []
    actors = {a.id: a for a in article.actors}
    for i, s in enumerate(article.sentences):
        if s.kind in ("heading", "byline", "title"):
            out.append(Mark(s.start, s.end, f"sent-{s.kind}"))
    for i, e in enumerate(article.entities):
        actor = actors.get(e.actor) if e.actor else None
        title = f"{e.label}: {e.text}"
        if actor is not None:
            title += f" → actor {actor.id} {actor.name}" + (f" ({actor.country})" if actor.country else "")
        out.append(Mark(e.start, e.end, _label_class(e.label), f"{title} · rule {e.rule}", f"ent{i}"))
    for i, q in enumerate(article.quotes):
        speaker = actors.get(q.speaker) if q.speaker else None
        who = (speaker.name if speaker else None) or q.speaker_text or "unknown speaker"
        kind = "direct" if q.direct else "reported"
        title = f"{kind} quote · speaker: {who}" + (f" · cue: {q.cue}" if q.cue else "") + f" · rule {q.rule}"
        out.append(Mark(q.start, q.end, "q q-direct" if q.direct else "q q-reported", title, f"q{i}"))
    for i, d in enumerate(article.dates):
        out.append(Mark(d.start, d.end, "date", f"date: {d.value or '?'} ({d.grain}) · rule {d.rule}", f"d{i}"))
    for i, n in enumerate(article.quantities):
        value = int(n.value) if isinstance(n.value, float) and n.value.is_integer() else n.value
        what = " ".join(str(x) for x in (value, n.unit, n.object) if x not in (None, ""))
        out.append(Mark(n.start, n.end, "qty", f"quantity: {what or '?'}" + (" (approx.)" if n.approximate else "")
                        + f" · rule {n.rule}", f"n{i}"))
    return out


def render_text(article: Article, extra: list[Mark] | None = None,
                extra_anchors: dict[int, list[str]] | None = None) -> tuple[str, int]:
    """(HTML of article.text with marks, number of marks skipped for bad offsets).

    Sentence starts get empty anchors `id="s<i>"` so tables can link to them; `extra_anchors` adds
    more (offset -> ids), such as the `hit` anchor of the event whose evidence is highlighted."""
    text = article.text or ""
    n = len(text)
    good: list[Mark] = []
    skipped = 0
    for m in marks(article) + (extra or []):
        if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n:
            good.append(m)
        else:
            skipped += 1
    anchors: dict[int, list[str]] = {}
    for i, s in enumerate(article.sentences):
        if isinstance(s.start, int) and 0 <= s.start <= n:
            anchors.setdefault(s.start, []).append(f"s{i}")
    for at, ids in (extra_anchors or {}).items():
        if 0 <= at <= n:
            anchors.setdefault(at, []).extend(ids)
    cuts = {0, n} | {m.start for m in good} | {m.end for m in good} | set(anchors)
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in good:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    parts: list[str] = []
    for a, b in zip(points, points[1:] + [None]):
        for ident in anchors.get(a, ()):
            parts.append(f'<span class="anchor" id="{escape(ident)}"></span>')
        if b is None:
            break
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = escape(text[a:b], quote=False)
        if not active:
            parts.append(piece)
            continue
        classes: list[str] = []
        for m in active:
            for c in m.cls.split():
                if c not in classes:
                    classes.append(c)
        titles = " | ".join(m.title for m in active if m.title)
        ids = [m.anchor for m in starts.get(a, []) if m.anchor]
        ident = f' id="{escape(ids[0])}"' if ids else ""
        title = f' title="{escape(titles)}"' if titles else ""
        parts.append(f'<span class="{escape(" ".join(classes))}"{ident}{title}>{piece}</span>')
    return "".join(parts), skipped
