"""Generated corpora for the store tests and the ingest benchmark.

The seed articles in tests/data/store_articles.yaml are written for warta (no
published text); distinct articles are made from them by shuffling body
sentences, dropping some, and changing the numbers.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "store_articles.yaml"
_SENT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def seeds() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def as_text(article: dict) -> str:
    return f"{article['title']}\n\n{article['text'].strip()}\n"


def variant(seed: dict, rng: random.Random, n: int) -> dict:
    paras = [p.strip() for p in seed["text"].strip().split("\n\n") if p.strip()]
    lead, body = paras[0], paras[1:]
    sentences = [s for p in body for s in _SENT.split(p)]
    rng.shuffle(sentences)
    keep = sentences[: max(2, int(len(sentences) * rng.uniform(0.6, 1.0)))]
    size = rng.randint(1, 3)
    new_body = [" ".join(keep[i:i + size]) for i in range(0, len(keep), size)]
    text = "\n\n".join([lead] + new_body)
    text = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), text)
    month = rng.randint(1, 12)
    return {"title": f"{seed['title']} ({n})", "text": text, "published": f"2024-{month:02d}-{rng.randint(1, 28):02d}",
            "url": f"{seed['url']}-{n}"}


WRITTEN = [Path(__file__).parent / "data" / name for name in ("gold", "heldout")]


def written_seeds() -> list[dict]:
    """The project's own written news articles (tests/data/gold and heldout, ~280 words each) as seeds: title,
    then the text; their variants, some sentences dropped, are ~240 words, the length of the real news the
    project is measured on."""
    out = []
    for folder in WRITTEN:
        for path in sorted(folder.glob("*.txt")):
            title, _, text = path.read_text(encoding="utf-8").strip().partition("\n")
            out.append({"title": title.strip(), "text": text.strip(), "url": f"https://contoh.test/{path.stem}"})
    return out


#: the kinds of generated corpus: "short" (the store's six ~100-word seed stories, ~85 words an article)
#: and "news" (the written gold and held-out articles, ~240 words an article)
KINDS = {"short": seeds, "news": written_seeds}


def corpus(n: int, seed: int = 7, kind: str = "short") -> list[dict]:
    rng = random.Random(seed)
    base = KINDS[kind]()
    return [variant(base[i % len(base)], rng, i) for i in range(n)]


def write_folder(folder: Path, n: int, seed: int = 7, kind: str = "short") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, article in enumerate(corpus(n, seed, kind)):
        p = folder / f"{i:05d}.txt"
        p.write_text(as_text(article), encoding="utf-8")
        paths.append(p)
    return paths


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for article in corpus(n, seed):
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path
