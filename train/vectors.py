"""Train static word vectors on the unlabelled text (train/rawtext.py) and write a spaCy vectors model.

fastText skip-gram (gensim, a training-time dependency only: `pip install gensim`) on
train/corpus/raw/raw.txt; every word seen at least --min-count times gets a vector (fastText
builds rare words' vectors from their character n-grams, so they are better than word2vec's).
The table is written in word2vec text format and converted with `spacy init vectors`.

  python train/vectors.py --raw train/corpus/raw/raw.txt --out train/vectors/ft100
Then train with --paths.vectors train/vectors/ft100/model
and --components.tok2vec.model.embed.include_static_vectors=true.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", default=Path(__file__).parent / "corpus/raw/raw.txt", type=Path)
    ap.add_argument("--out", default=Path(__file__).parent / "vectors/ft100", type=Path)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    from gensim.models import FastText

    sents = [line.split() for line in args.raw.read_text(encoding="utf-8").splitlines()]
    t0 = time.time()
    model = FastText(sentences=sents, vector_size=args.dim, window=5, min_count=args.min_count,
                     sg=1, epochs=args.epochs, min_n=3, max_n=5, seed=args.seed, workers=1)
    args.out.mkdir(parents=True, exist_ok=True)
    txt = args.out / "vectors.txt"
    model.wv.save_word2vec_format(str(txt))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(txt),
                    str(args.out / "model")], check=True)
    meta = {"words": len(model.wv.index_to_key), "dim": args.dim, "min_count": args.min_count,
            "epochs": args.epochs, "sentences": len(sents), "seconds": round(time.time() - t0)}
    (args.out / "vectors.json").write_text(json.dumps(meta, indent=1))
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
