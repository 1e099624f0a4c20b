"""Quality gate on the second, held-out gold set (tests/data/heldout).

Ten more articles written for this project in the layouts of other Indonesian outlets (Kompas.com sport,
detik regional court report, BBC News Indonesia, Antara, CNN Indonesia, Republika, Liputan6, Suara.com,
Okezone, VOA Indonesia) on topics unlike tests/data/gold (football, a Tipikor verdict, an earthquake abroad
with Indonesian citizens, ASEAN trade talks, a foreign border clash, a mediated ceasefire, a foreign
election, a workers' protest, a Natuna fishing seizure, a state visit). Each gold record in gold.jsonl
(FORMAT.md section 2) was written by hand and committed *before* warta was first run on these texts, and
no warta rule may be tuned on them: tests/data/gold has been used for tuning, so this set is the one that
still measures how well warta generalises.

Measured on main at 9a16644 (this branch's base) with
`warta extract tests/data/heldout/*.txt > /tmp/ho.jsonl && score.py tests/data/heldout/gold.jsonl /tmp/ho.jsonl`:
entities 0.855, quotes 0.947, dates 0.867, quantities 0.931, places 0.842, events 0.336,
attribution 0.889 (72 quotes found), metadata 0.875.  The floors below sit about 0.05 under those numbers;
raise them when warta improves, never lower them to pass.

Known scorer quirk: score.py drops every predicted date value containing "T", so gold durations of hours or
minutes (PT3H in 09, PT90M in 10) can never be matched even when warta resolves them right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

import warta
from warta.scoring import score

HELDOUT_DIR = Path(__file__).resolve().parent / "data" / "heldout"
GOLD_FILE = HELDOUT_DIR / "gold.jsonl"

# measured F1 minus ~0.05 (see the module docstring for the command and commit)
F1_FLOORS = {
    "entities": 0.80,
    "quotes": 0.89,
    "dates": 0.81,
    "quantities": 0.88,
    "places": 0.79,
    "events": 0.29,
}
ATTRIBUTION_FLOOR = 0.83
METADATA_FLOOR = 0.82
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def load_gold() -> list[dict]:
    with open(GOLD_FILE, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


GOLD = load_gold()


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def summary() -> dict:
    nlp = warta.make_pipeline()
    preds = [article.to_dict() for article in warta.extract([HELDOUT_DIR / g["file"] for g in GOLD], pipeline=nlp)]
    return score(GOLD, preds)


# --- the gold set itself is well formed -------------------------------------------------------------

def test_heldout_covers_every_article_once():
    files = sorted(p.name for p in HELDOUT_DIR.glob("*.txt"))
    assert sorted(g["file"] for g in GOLD) == files
    assert len(files) >= 10
    assert all(g["id"] == Path(g["file"]).stem for g in GOLD)


def test_heldout_does_not_reuse_the_first_gold_set():
    first = Path(__file__).resolve().parent / "data" / "gold"
    old_titles = {json.loads(line)["title"] for line in (first / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                  if line.strip()}
    assert not old_titles & {g["title"] for g in GOLD}
    old_names = {p.name for p in first.glob("*.txt")}
    assert not old_names & {g["file"] for g in GOLD}


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_heldout_record_is_consistent_with_its_article(gold):
    text = (HELDOUT_DIR / gold["file"]).read_text(encoding="utf-8")
    folded = _norm(text)
    words = len(text.split())
    assert 250 <= words <= 500, f"{gold['file']} has {words} words"
    assert text.splitlines()[0] == gold["title"]
    for person in gold["authors"] + gold["credits"]:
        assert person in text, person
    names = {e["name"] for e in gold["entities"]}
    assert len(names) == len(gold["entities"]), "an entity is listed twice"
    for e in gold["entities"]:
        assert e["label"] in {"PER", "ORG", "LOC"}, e
        assert any(_norm(n) in folded for n in [e["name"], *e["aliases"]]), e
    for q in gold["quotes"]:
        assert q["speaker"] in names, q
        assert q["text"].rstrip(",") in text, q["text"]
    for item in gold["dates"] + gold["quantities"]:
        assert item["text"] in text, item
    for p in gold["places"]:
        assert pycountry.countries.get(alpha_3=p["country"]), p
        assert any(_norm(n) in folded for n in [p["name"], *p["aliases"]]), p
    for e in gold["events"]:
        assert e["type"] and set(e["type"]) <= PLOVER, e
        for side in ("source_country", "target_country"):
            assert e[side] is None or pycountry.countries.get(alpha_3=e[side]), e
    assert any(e["core"] for e in gold["events"])


# --- warta on the held-out set: per-layer floors --------------------------------------------------------

def test_heldout_every_article_gets_a_record(summary):
    assert summary["articles"] == len(GOLD)
    assert summary["unmatched_articles"] == 0


@pytest.mark.parametrize("layer", sorted(F1_FLOORS))
def test_heldout_layer_f1_floor(summary, layer):
    got = summary[layer]["f1"]
    assert got >= F1_FLOORS[layer], f"{layer} F1 {got:.3f} fell below {F1_FLOORS[layer]} ({summary[layer]})"


def test_heldout_attribution_floor(summary):
    assert summary["attribution"]["accuracy"] >= ATTRIBUTION_FLOOR, summary["attribution"]


def test_heldout_metadata_exact_floor(summary):
    assert summary["metadata"]["exact"] >= METADATA_FLOOR, summary["metadata"]
