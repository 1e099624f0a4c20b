"""A readable view of an article record for people (used by `warta extract --pretty`)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warta.record import Article


def _actor_label(article: Article, actor_id: str | None, fallback: str | None = None) -> str:
    actor = article.actor(actor_id)
    if actor is None:
        return fallback or "—"
    return f"{actor.country + ' ' if actor.country else ''}{actor.name}"


def _event_side(article: Article, actor_id: str | None, country: str | None, text: str | None) -> str:
    actor = article.actor(actor_id)
    name = actor.name if actor is not None else text
    country = country or (actor.country if actor is not None else None)
    if name and country and name.casefold() != country.casefold():
        return f"{country} {name}"
    return name or country or "—"


def event_line(article: Article, event) -> str:
    """`PRK Kim Jong Un —CONSULT/042→ RUS Vladimir Putin · 2023-09-13 · Vostochny Cosmodrome`"""
    code = f"{event.type}/{event.cameo}" if event.cameo else event.type
    parts = [f"{_event_side(article, event.source, event.source_country, event.source_text)} —{code}→ "
             f"{_event_side(article, event.target, event.target_country, event.target_text)}"]
    if event.date:
        parts.append(event.date)
    if event.place:
        parts.append(event.place)
    flags = [f for f in (("negated" if event.negated else None), event.modality) if f]
    if flags:
        parts.append(", ".join(flags))
    return " · ".join(parts)


def _plain(value: object) -> Text:
    """Text from the article shown as it is: `[video]` or `[/]` in a title is no Rich markup."""
    return Text("—" if value is None else str(value))


def render(article: Article) -> Group:
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold cyan", justify="right")
    head.add_column()
    head.add_row("title", _plain(article.title or "—"))
    head.add_row("authors", _plain(", ".join(article.authors) or "—"))
    head.add_row("credits", _plain(", ".join(article.credits) or "—"))
    if article.dateline:
        head.add_row("dateline", _plain(article.dateline))
    head.add_row("language", _plain(article.language or "—"))
    head.add_row("reference", _plain(f"{article.reference_date or '—'} ({article.reference_basis})"))
    head.add_row("source", _plain(article.source or article.url or "—"))
    head.add_row("id", _plain(article.id))
    blocks: list = [Panel(head, title="article", title_align="left")]

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        if not rows:
            return
        t = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False, expand=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*[_plain(x) for x in r])
        blocks.append(t)

    if article.sections:
        table("sections", ["heading", "offsets"], [[s.title, f"{s.start}-{s.end}"] for s in article.sections])
    table("entities", ["text", "label", "actor", "offsets", "rule"],
          [[e.text, e.label, e.actor, f"{e.start}-{e.end}", e.rule] for e in article.entities])
    table("actors", ["id", "name", "type", "country", "sector", "roles", "aliases"],
          [[a.id, a.name, a.type, a.country, a.sector, ", ".join(a.roles), ", ".join(a.aliases)]
           for a in article.actors])
    table("quotes", ["speaker", "cue", "direct", "text"],
          [[_actor_label(article, q.speaker, q.speaker_text), q.cue, "yes" if q.direct else "no", q.text]
           for q in article.quotes])
    table("dates", ["text", "value", "grain", "rule"], [[d.text, d.value, d.grain, d.rule] for d in article.dates])
    table("quantities", ["text", "value", "unit", "object"],
          [[q.text, q.value, q.unit, q.object] for q in article.quantities])
    table("places", ["text", "name", "country", "kind", "lat, lon"],
          [[p.text, p.name, p.country, p.kind, f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else None]
           for p in article.places])
    if article.events:
        lines = Text()
        for e in article.events:
            lines.append(event_line(article, e) + "\n", style="bold")
            lines.append(f"    “{e.evidence}”  [{e.rule}]\n", style="dim")
        blocks.append(Panel(lines, title=f"events ({len(article.events)})", title_align="left"))
    for w in article.warnings:
        blocks.append(Text(f"warning: {w}", style="yellow"))
    return Group(*blocks)


def print_article(article: Article, console: Console) -> None:
    console.print(render(article))
    console.print()
