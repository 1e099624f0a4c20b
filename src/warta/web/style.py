"""The one stylesheet of the web view (served at /style.css)."""

CSS = """
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; --link: #0a58ca; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--fg); background: var(--bg); }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: #1f2937; color: #f9fafb; padding: .55rem 1.2rem; display: flex; gap: 1.2rem;
             align-items: center; flex-wrap: wrap; }
header.top a { color: #f9fafb; }
header.top .brand { font-weight: 700; letter-spacing: .03em; }
header.top form { margin-left: auto; }
header.top input { width: 20rem; max-width: 60vw; }
main { max-width: 1240px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: .4rem 0 .4rem; }
h2 { font-size: 1.12rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.meta { color: var(--muted); margin: .1rem 0; }
.meta b { color: var(--fg); font-weight: 600; }
input[type=text], input[type=search], select { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line);
       border-radius: 4px; min-width: 0; }
button { font: inherit; padding: .3rem .8rem; border: 1px solid #1f2937; background: #1f2937; color: #fff;
         border-radius: 4px; cursor: pointer; }
.counts { display: flex; gap: .8rem; flex-wrap: wrap; margin: .6rem 0 1rem; }
.counts div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem;
              min-width: 8rem; }
.counts b { display: block; font-size: 1.5rem; }
.counts span { color: var(--muted); font-size: .85rem; }
.searchbox { display: flex; gap: .5rem; margin: .5rem 0 1rem; }
.searchbox input { flex: 1; max-width: 40rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .3rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
td.nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.path { overflow-wrap: anywhere; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.small { font-size: .82rem; color: var(--muted); }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .78rem; color: var(--muted);
        overflow-wrap: anywhere; }
td .rule { overflow-wrap: normal; word-break: normal; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
mark { background: #fff3a3; color: inherit; padding: 0 .1em; }
.hits li { margin: .2rem 0 .8rem; }
.hits .snippet { color: #333; }
.error { background: #fdecea; border: 1px solid #f5c2c0; padding: .7rem 1rem; border-radius: 6px; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: end; background: var(--panel);
           border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters input { width: 9rem; }

/* the article page: text left, tables right on wide screens, stacked below otherwise */
.article { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.6rem; }
@media (max-width: 1000px) { .article { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; line-height: 1.75; background: #fff;
        border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1.1rem; }
.article > section > h2:first-child { margin-top: .4rem; }
.layers { margin-top: 1rem; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .8rem; font-size: .8rem; margin: .4rem 0 .6rem; }
.legend span { white-space: nowrap; }
.anchor { scroll-margin-top: 4rem; }
.ent { border-radius: 3px; padding: 0 1px; }
.ent-PER { background: #dbeafe; }
.ent-ORG { background: #dcfce7; }
.ent-LOC, .ent-GPE, .ent-FAC { background: #ffedd5; }
.ent-NORP { background: #f3e8ff; }
.ent-EVENT, .ent-PRODUCT, .ent-OTHER { background: #e5e7eb; }
.q { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.q-direct { text-decoration-color: #7c3aed; }
.q-reported { text-decoration-color: #a78bfa; text-decoration-style: dashed; }
.date { border-bottom: 2px dotted #b91c1c; }
.qty { border-bottom: 2px dotted #0f766e; font-variant-numeric: tabular-nums; }
.sent-heading { font-weight: 700; }
.sent-byline { color: var(--muted); font-style: italic; }
[title] { cursor: help; }
.events { list-style: none; padding: 0; margin: .3rem 0 1rem; }
.events li { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .7rem; margin: 0 0 .5rem; }
.evline { font-weight: 600; overflow-wrap: anywhere; }
.evline .arrow { color: #7c3aed; white-space: nowrap; }
.evline .cc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em;
              background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .25em; }
.evidence { margin: .25rem 0 .1rem; color: #333; font-size: .9rem; }
.flag { font-size: .75rem; border-radius: 3px; padding: 0 .3em; background: #fef3c7; color: #78350f; font-weight: 400; }
.pager { display: flex; gap: 1rem; margin: .5rem 0; }
"""
