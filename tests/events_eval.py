"""Per-type precision and recall of the event coder on tests/data/events.yaml.

Run as a script from the repository root:

    PYTHONPATH=src python tests/events_eval.py

A case is found when some predicted event in its sentence has the expected
type and the expected source and target countries (either order for
symmetric meetings and clashes).  Precision per type: predicted events of
that type that match their sentence's expected event, over all predicted
events of that type.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "events.yaml"
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE", "ASSAULT", "RETREAT"}


def cases(include_skipped: bool = False) -> list[dict]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))["cases"]
    return [c for c in data if include_skipped or not c.get("skip")]


@functools.cache
def pipeline():
    import warta

    return warta.make_pipeline(["sentences", "entities", "actors", "quotes", "dates", "places", "events"], use_model=False)


def predict(text: str):
    import warta

    return warta.extract_text(text, pipeline=pipeline()).events


def matches(case: dict, event) -> bool:
    if event.type != case["type"]:
        return False
    pair = (event.source_country, event.target_country)
    want = (case.get("src"), case.get("tgt"))
    return pair == want or (case["type"] in SYMMETRIC and pair == (want[1], want[0]))


def evaluate(selected: list[dict] | None = None) -> dict[str, dict[str, float]]:
    found: Counter = Counter()
    total: Counter = Counter()
    right: Counter = Counter()
    predicted: Counter = Counter()
    for case in selected or cases():
        events = predict(case["text"])
        total[case["type"]] += 1
        if any(matches(case, e) for e in events):
            found[case["type"]] += 1
        for e in events:
            predicted[e.type] += 1
            if matches(case, e):
                right[e.type] += 1
    out = {}
    for t in sorted(set(total) | set(predicted)):
        out[t] = {"recall": found[t] / total[t] if total[t] else 0.0,
                  "precision": right[t] / predicted[t] if predicted[t] else 0.0,
                  "gold": total[t], "predicted": predicted[t]}
    allf, allt = sum(found.values()), sum(total.values())
    allr, allp = sum(right.values()), sum(predicted.values())
    out["ALL"] = {"recall": allf / allt, "precision": allr / allp if allp else 0.0, "gold": allt, "predicted": allp}
    return out


if __name__ == "__main__":
    for t, s in evaluate().items():
        print(f"{t:<10} P {s['precision']:.2f}  R {s['recall']:.2f}  gold {s['gold']:>3}  predicted {s['predicted']:>3}")
