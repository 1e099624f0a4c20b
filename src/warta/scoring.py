"""Score article records against hand-written gold records (FORMAT.md, section 3).

The same rules as the project's reference scorer, so `warta eval` and
`score.py` agree: entities by distinct (label, name); quotes by token overlap
(F1 ≥ 0.5) with speaker attribution; dates by distinct resolved value (clock
times left out); quantities by (value, unit); places by name and country;
events by type and country pair over the core events; metadata exact match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

COARSE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
          "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "LOCATION": "LOC", "PLACE": "LOC"}
LAYER_ORDER = ["entities", "quotes", "dates", "quantities", "places", "events"]


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate({0x201C: '"', 0x201D: '"', 0x2019: "'"})
    return " ".join(text.split()).casefold()


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", norm(text))


def overlap_f1(gold: str, pred: str | None) -> float:
    g, p = words(gold), words(pred)
    if not g or not p:
        return 0.0
    hit = sum((Counter(g) & Counter(p)).values())
    if not hit:
        return 0.0
    precision, recall = hit / len(p), hit / len(g)
    return 2 * precision * recall / (precision + recall)


@dataclass
class Counts:
    found: int = 0  # gold items found
    gold: int = 0
    right: int = 0  # predicted items that are right
    predicted: int = 0

    def add(self, found: int, gold: int, right: int, predicted: int) -> None:
        self.found += found
        self.gold += gold
        self.right += right
        self.predicted += predicted

    def prf(self) -> dict[str, Any]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": self.gold,
                "predicted": self.predicted}


def _names(item: dict) -> set[str]:
    return {norm(item.get("name"))} | {norm(a) for a in item.get("aliases") or []}


def entities(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    wanted = [(e["label"], _names(e)) for e in gold.get("entities", [])]
    got = {(COARSE.get((e.get("label") or "").upper()), norm(e.get("text"))) for e in pred.get("entities") or []}
    got = {(label, text) for label, text in got if label and text}

    def known(label: str, text: str) -> bool:
        return any(label == gl and text in names for gl, names in wanted)

    found = sum(1 for gl, names in wanted if any(label == gl and text in names for label, text in got))
    return found, len(wanted), sum(1 for label, text in got if known(label, text)), len(got)


def _speaker_ok(gold_speaker: str, aliases: set[str], quote: dict, actors: dict[str, set[str]]) -> bool:
    said = set(actors.get(quote.get("speaker"), set()))
    if quote.get("speaker_text"):
        said.add(norm(quote["speaker_text"]))
    said.discard("")
    want = {norm(gold_speaker)} | aliases
    return any(s == w or (len(s) > 2 and (s in w.split() or s in w or w in s)) for s in said for w in want)


def quotes(gold: dict, pred: dict, attribution: Counts) -> tuple[int, int, int, int]:
    aliases = {norm(e["name"]): _names(e) for e in gold.get("entities", [])}
    actors = {a.get("id"): {norm(a.get("name"))} | {norm(x) for x in a.get("aliases") or []}
              for a in pred.get("actors") or []}
    predicted = pred.get("quotes") or []
    gold_quotes = gold.get("quotes", [])
    used: set[int] = set()
    found = 0
    for g in gold_quotes:
        best, best_i = 0.0, None
        for i, q in enumerate(predicted):
            f = overlap_f1(g["text"], q.get("text"))
            if f > best:
                best, best_i = f, i
        if best >= 0.5 and best_i is not None:
            found += 1
            used.add(best_i)
            ok = _speaker_ok(g["speaker"], aliases.get(norm(g["speaker"]), set()), predicted[best_i], actors)
            attribution.add(int(ok), 1, 0, 0)
    right = sum(1 for i, q in enumerate(predicted)
                if i in used or any(overlap_f1(g["text"], q.get("text")) >= 0.5 for g in gold_quotes))
    return found, len(gold_quotes), right, len(predicted)


def _date_key(value: Any) -> str:
    value = str(value or "").strip()
    return value.upper() if value.upper().startswith("P") else value[:16]


def dates(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    wanted = {_date_key(d["value"]) for d in gold.get("dates", [])}
    got = {_date_key(d.get("value")) for d in pred.get("dates") or [] if d.get("value") and "T" not in str(d["value"])}
    hit = len(wanted & got)
    return hit, len(wanted), hit, len(got)


def quantities(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    def key(q: dict):
        try:
            return round(float(q.get("value")), 3), norm(q.get("unit") or "")
        except (TypeError, ValueError):
            return None

    wanted = {key(q) for q in gold.get("quantities", [])}
    got = {key(q) for q in pred.get("quantities") or []} - {None}
    found = sum(1 for g in wanted if g in got or (g[1] == "" and any(p[0] == g[0] for p in got)))
    right = sum(1 for p in got if p in wanted or (p[0], "") in wanted)
    return found, len(wanted), right, len(got)


def places(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    got = {(norm(p.get("text")), norm(p.get("name")), (p.get("country") or "").upper())
           for p in pred.get("places") or []}
    golds = gold.get("places", [])

    def match(g: dict, item: tuple[str, str, str]) -> bool:
        names = _names(g)
        return (item[0] in names or item[1] in names) and item[2] == g["country"]

    found = sum(1 for g in golds if any(match(g, p) for p in got))
    right = sum(1 for p in got if any(match(g, p) for g in golds))
    return found, len(golds), right, len(got)


def _event_match(g: dict, e: dict) -> bool:
    kind = e.get("type") or ""
    if isinstance(kind, list):
        kind = kind[0] if kind else ""
    if kind.upper() not in g["type"]:
        return False
    pair = (e.get("source_country") or None, e.get("target_country") or None)
    want = (g.get("source_country"), g.get("target_country"))
    return pair == want or (bool(g.get("symmetric")) and pair == (want[1], want[0]))


def events(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    predicted = pred.get("events") or []
    core = [g for g in gold.get("events", []) if g.get("core")]
    found = sum(1 for g in core if any(_event_match(g, e) for e in predicted))
    right = sum(1 for e in predicted if any(_event_match(g, e) for g in gold.get("events", [])))
    return found, len(core), right, len(predicted)


def metadata(gold: dict, pred: dict) -> list[bool]:
    return [
        norm(gold.get("title")) == norm(pred.get("title")),
        sorted(map(norm, gold.get("authors") or [])) == sorted(map(norm, pred.get("authors") or [])),
        sorted(map(norm, gold.get("credits") or [])) == sorted(map(norm, pred.get("credits") or [])),
        (gold.get("reference_date") or "") == (pred.get("reference_date") or "")[:10],
    ]


def pair(golds: list[dict], preds: list[dict]) -> Iterable[tuple[dict, dict]]:
    by_id = {p.get("id"): p for p in preds}
    by_url = {p["url"]: p for p in preds if p.get("url")}
    by_file: dict[str, dict] = {}
    for p in preds:
        for key in (p.get("source"), p.get("url")):
            if key:
                by_file[key.rsplit("/", 1)[-1]] = p
    for g in golds:
        p = by_id.get(g.get("id"))
        if p is None and g.get("url"):
            p = by_url.get(g["url"])
        if p is None and g.get("file"):
            p = by_file.get(g["file"].rsplit("/", 1)[-1])
        yield g, p or {}


def score(golds: list[dict], preds: list[dict]) -> dict[str, Any]:
    """The summary `score.py --json` prints."""
    tallies = {name: Counts() for name in ["entities", "quotes", "attribution", "dates", "quantities", "places",
                                           "events", "metadata"]}
    layer_fns = {"entities": entities, "dates": dates, "quantities": quantities, "places": places, "events": events}
    missing = 0
    for g, p in pair(golds, preds):
        missing += not p
        tallies["quotes"].add(*quotes(g, p, tallies["attribution"]))
        for name, fn in layer_fns.items():
            tallies[name].add(*fn(g, p))
        checks = metadata(g, p)
        tallies["metadata"].add(sum(checks), len(checks), sum(checks), len(checks))
    summary: dict[str, Any] = {name: t.prf() for name, t in tallies.items()}
    summary["attribution"] = {"accuracy": summary["attribution"]["recall"], "quotes_found": tallies["attribution"].gold}
    summary["metadata"] = {"exact": summary["metadata"]["recall"]}
    summary["articles"] = len(golds)
    summary["unmatched_articles"] = missing
    return summary


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"articles {summary['articles']}  without a prediction {summary['unmatched_articles']}",
             f"{'layer':<12}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    for name in LAYER_ORDER:
        s = summary[name]
        lines.append(f"{name:<12}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['gold']:>7}"
                     f"{s['predicted']:>7}")
    lines.append(f"{'attribution':<12}{summary['attribution']['accuracy']:>8.3f}  of "
                 f"{summary['attribution']['quotes_found']} quotes found")
    lines.append(f"{'metadata':<12}{summary['metadata']['exact']:>8.3f}  exact")
    return "\n".join(lines)


def load_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
