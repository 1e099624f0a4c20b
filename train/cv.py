"""Train one model per IndoLEM fold and score it on that fold's NER-UI and NER-UGM test.

Each fold model is trained on train/corpus/<variant>/foldNN/train.spacy (NER-UI train.0k
+ extras, with that fold's NER-UI/NER-UGM test sentences and the NERGrit/idner test
sentences removed) and early-stopped on foldNN/dev.spacy (NER-UI dev.0k + NER-UGM dev.0k).

  PYTHONPATH=src python train/cv.py --variant all --folds 1,2,3,4,5 [--set training.max_steps=3000]
Results: train/output/<variant>-<tag>/cv.json (+ per-fold model dirs).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from warta.evaluate_ner import read_bio, score_docs  # noqa: E402

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", default="all")
    ap.add_argument("--config", default=str(HERE / "ner.cfg"))
    ap.add_argument("--folds", default="1,2,3,4,5")
    ap.add_argument("--tag", default="cv")
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--eval-only", action="store_true",
                    help="do not train; score existing <out>/foldNN/model-best")
    ap.add_argument("--set", action="append", default=[],
                    help="config override key=value, e.g. training.max_steps=3000")
    args = ap.parse_args()
    import spacy
    corpus = HERE / "corpus" / args.variant
    outroot = HERE / "output" / f"{args.variant}-{args.tag}"
    outroot.mkdir(parents=True, exist_ok=True)
    res_path = outroot / "cv.json"
    results = json.loads(res_path.read_text()) if res_path.exists() else {}
    for fold in [int(f) for f in args.folds.split(",")]:
        fd = corpus / f"fold{fold:02d}"
        out = outroot / f"fold{fold:02d}"
        cmd = [sys.executable, "-m", "spacy", "train", args.config, "--output", str(out),
               "--paths.train", str(fd / "train.spacy"), "--paths.dev", str(fd / "dev.spacy")]
        for kv in args.set:
            k, v = kv.split("=", 1)
            cmd += [f"--{k}", v]
        t0 = time.time()
        if not args.eval_only:
            with open(outroot / f"fold{fold:02d}.log", "w") as log:
                subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT)
        train_s = time.time() - t0 if not args.eval_only else None
        nlp = spacy.load(out / "model-best")
        r = {"train_seconds": round(train_s) if train_s is not None else None}
        for name, rel in (("nerui", "nerui"), ("nerugm", "nerugm")):
            sents = list(read_bio(Path(args.data) / f"indolem-ner/{rel}/test.{fold:02d}.tsv"))
            r[name] = score_docs(nlp, sents, f"{name}-fold{fold:02d}-test")
        results[f"fold{fold:02d}"] = r
        print(fold, json.dumps({k: (v["f1"] if isinstance(v, dict) else v) for k, v in r.items()}),
              flush=True)
        res_path.write_text(json.dumps(results, indent=1))
    folds = [v for k, v in results.items() if k.startswith("fold")]
    summary = {n: round(sum(f[n]["f1"] for f in folds) / len(folds), 2) for n in ("nerui", "nerugm")}
    summary["n_folds"] = len(folds)
    print("MEAN", json.dumps(summary))


if __name__ == "__main__":
    main()
