"""P/R/F1 and attribution of the quotes layer on tests/data/quotes.yaml.

Matching follows /work/shared/eval/score.py: an expected quote is found by a
predicted one whose words overlap it (token F1 ≥ 0.5); attribution is right when
the speaker's actor name/aliases or the speaker_text contain the expected speaker.

    PYTHONPATH=src python tests/quote_metrics.py
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import yaml

from warta.scoring import norm, overlap_f1

DATA = Path(__file__).parent / "data" / "quotes.yaml"


# the same normalisation and token overlap as the scorer (warta.scoring)
token_f1 = overlap_f1


def cases() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["cases"]


@functools.cache
def pipeline():
    import warta
    return warta.make_pipeline(components=["language", "sentences", "entities", "actors", "quotes"],
                               options={"use_model": False})


def run_case(case: dict):
    import warta
    return warta.extract_text(case["text"], pipeline=pipeline())


def speaker_ok(expected: dict, quote, article) -> bool:
    said = set()
    actor = article.actor(quote.speaker)
    if actor is not None:
        said |= {norm(actor.name), *map(norm, actor.aliases)}
    if quote.speaker_text:
        said.add(norm(quote.speaker_text))
    want = norm(expected["speaker"])
    if expected.get("speaker_null") and quote.speaker is not None and actor is not None and actor.type == "PER":
        return False
    return any(s == want or (len(s) > 2 and (s in want or want in s)) for s in said if s)


def evaluate_case(case: dict) -> dict:
    article = run_case(case)
    predicted = article.quotes
    found = attributed = direct_ok = 0
    misses = []
    used = set()
    for exp in case["quotes"]:
        best, best_i = 0.0, None
        for i, q in enumerate(predicted):
            f = token_f1(exp["text"], q.text)
            if f > best:
                best, best_i = f, i
        if best >= 0.5:
            found += 1
            used.add(best_i)
            q = predicted[best_i]
            ok = speaker_ok(exp, q, article)
            attributed += ok
            direct_ok += q.direct == exp["direct"]
            if not ok:
                misses.append(f"speaker of {exp['text'][:40]!r}: got {q.speaker_text!r}")
        else:
            misses.append(f"missed {exp['text'][:50]!r}")
    right = sum(1 for i, q in enumerate(predicted)
                if i in used or any(token_f1(e["text"], q.text) >= 0.5 for e in case["quotes"]))
    for i, q in enumerate(predicted):
        if i not in used and not any(token_f1(e["text"], q.text) >= 0.5 for e in case["quotes"]):
            misses.append(f"spurious {q.text[:50]!r}")
    return {"found": found, "gold": len(case["quotes"]), "right": right, "predicted": len(predicted),
            "attributed": attributed, "direct_ok": direct_ok, "misses": misses}


def evaluate() -> dict:
    total = Counter()
    for case in cases():
        r = evaluate_case(case)
        for k in ("found", "gold", "right", "predicted", "attributed", "direct_ok"):
            total[k] += r[k]
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["found"] / total["gold"] if total["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f,
            "attribution": total["attributed"] / total["found"] if total["found"] else 0.0,
            "direct_accuracy": total["direct_ok"] / total["found"] if total["found"] else 0.0, **total}


if __name__ == "__main__":
    for case in cases():
        r = evaluate_case(case)
        if r["misses"]:
            print(case["id"], r["misses"])
    print({k: round(v, 3) if isinstance(v, float) else v for k, v in evaluate().items()})
