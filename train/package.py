"""Copy a trained spaCy pipeline into the package (src/warta/models/id_news) and write
its meta.json: version, training-data manifest (corpus, source commit, sentence counts)
and test scores (computed here with warta.evaluate_ner.evaluate).

  PYTHONPATH=src python train/package.py --model train/output/all-cv/fold01/model-best \
      --manifest train/corpus/all/manifest.json [--gazetteer] [--version 0.1.0]
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

from warta.evaluate_ner import evaluate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEST = REPO / "src" / "warta" / "models" / "id_news"

SOURCES = {
    "nerui": ("IndoLEM NER-UI (indolem-ner/nerui train.01/dev.01)", "github.com/indolem/indolem",
              "777fdc680cfa85243f08e60045e3d34ca49756ed", "no LICENSE in repo; NusaCrowd: CC BY 4.0"),
    "nerugm": ("IndoLEM NER-UGM (indolem-ner/nerugm train.01/dev.01; TIME/QUANTITY dropped)",
               "github.com/indolem/indolem", "777fdc680cfa85243f08e60045e3d34ca49756ed",
               "no LICENSE in repo; NusaCrowd: CC BY 4.0"),
    "idner": ("idner-news-2k (train+dev)", "github.com/khairunnisaor/idner-news-2k",
              "625ff40f85b03c615c036ef11bc23cb70c79987a", "MIT"),
    "nergrit": ("NERGrit IndoNLU 3-class (train+valid)", "github.com/IndoNLP/indonlu",
                "ce728f6926a36174b9923dfe49d6a6839b6e9bb7", "NERGRIT: free incl. commercial, credit; NusaCrowd: MIT"),
    "nerp": ("NERP IndoNLU (train+valid; PPL/PLC kept, re-cased)", "github.com/IndoNLP/indonlu",
             "ce728f6926a36174b9923dfe49d6a6839b6e9bb7", "Apache-2.0 (repo)"),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--fold", default="fold01")
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--gazetteer", action="store_true")
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--cv", help="cv.json with 5-fold results to record in meta")
    ap.add_argument("--vectors", help="train/vectors/<name>/vectors.json of the static vectors the "
                    "model was trained with (recorded in meta with the raw-text manifest)")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    if args.gazetteer:
        from gazetteer import add_country_ruler
        add_country_ruler(nlp)
    man = json.loads(Path(args.manifest).read_text())
    fold = man["folds"][args.fold]
    training = []
    for key, stats in fold.items():
        split, corpus = key.split(":")
        name, repo, commit, lic = SOURCES[corpus]
        training.append({"corpus": name, "split": split, "repo": repo, "commit": commit,
                         "license": lic, "sentences_in": stats["in"],
                         "sentences_used": stats["kept"],
                         "repeat": stats.get("repeat", 1)})
    scores = evaluate(Path(args.data), nlp)
    for s in scores:
        s.pop("per_type", None)
    nlp.meta.update({
        "name": "id_news", "version": args.version, "lang": "id",
        "description": ("warta Indonesian news NER: spaCy `id` tokenizer, CNN tok2vec "
                        "(MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE, width 96"
                        + (" + static fastText vectors" if args.vectors else "")
                        + ") + transition NER, "
                        "labels PER/ORG/LOC" + (", + CLDR country-name entity_ruler (LOC, "
                                                "fills gaps only)" if args.gazetteer else "")),
        "author": "warta", "license": "see training_data licences",
        "label_mapping": {"PER": ["PERSON", "PPL"], "ORG": ["ORGANIZATION", "ORGANISATION"],
                          "LOC": ["LOCATION", "PLACE", "PLC"],
                          "dropped": ["TIME", "QUANTITY", "IND", "EVT", "FNB"]},
        "training_data": training,
        "excluded_from_training": ["NER-UI test.01", "NER-UGM test.01", "NERGrit test",
                                   "idner-news-2k test"],
        "test_scores": scores,
    })
    if args.vectors:
        vec = json.loads(Path(args.vectors).read_text())
        raw = json.loads((HERE / "corpus" / "raw" / "manifest.json").read_text())
        nlp.meta["static_vectors"] = {
            "method": "fastText skip-gram (gensim), train/vectors.py", **vec,
            "text": "train/rawtext.py: nlp-id-postag, UD CSUI/GSD-legacy/PUD, NERGrit train+valid; "
                    "no sentence of NER-UI, NER-UGM, idner-news-2k, NERGrit test or GSD test",
            "text_sentences": raw["sentences"], "text_words": raw["words"]}
    if args.cv:
        cv = json.loads(Path(args.cv).read_text())
        folds = {k: v for k, v in cv.items() if k.startswith("fold")}
        nlp.meta["cv_5fold"] = {
            n: {"mean_f1": round(sum(f[n]["f1"] for f in folds.values()) / len(folds), 2),
                "folds": {k: f[n]["f1"] for k, f in folds.items()}}
            for n in ("nerui", "nerugm")}
    if DEST.exists():
        shutil.rmtree(DEST)
    nlp.to_disk(DEST)
    size = sum(p.stat().st_size for p in DEST.rglob("*") if p.is_file())
    print(json.dumps(scores, indent=1))
    print(f"wrote {DEST} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
