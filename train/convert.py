"""Convert the Indonesian NER corpora in /work/shared/data to spaCy DocBin files.

Label mapping (everything else -> O):
  PERSON, PPL, PER                  -> PER
  ORGANIZATION, ORGANISATION, ORG   -> ORG
  LOCATION, PLACE, PLC, LOC         -> LOC
  NER-UGM TIME/QUANTITY, NERP IND/EVT/FNB -> O (dropped)

Test sentences are removed from every training/dev set.  The removal set for
fold k is: NER-UI test.0k, NER-UGM test.0k, NERGrit test, idner-news-2k test
(matching key = lower-cased alphanumeric characters of the sentence, so tokenisation
differences do not hide a duplicate).  Fold 01 is the shipped model, so the shipped
model has never seen any of the four evaluation test sets.

Training sentences that occur in more than one corpus are kept once, in priority
order NER-UI > NER-UGM > idner-news-2k > NERGrit > NERP.

NERP (all lower-case) modes: drop | recase (capitalise tokens inside PPL/PLC
entities and the sentence-initial token) | lower (keep as-is, lower-case).

Usage:
  python train/convert.py --data /work/shared/data --out train/corpus/all \
      --extras nerugm,idner,nergrit,nerp --nerp recase --folds 1,2,3,4,5
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from warta.evaluate_ner import read_conll

LABEL_MAP = {
    "PERSON": "PER", "PPL": "PER", "PER": "PER",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "ORG": "ORG",
    "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "LOC": "LOC",
}


def bio_to_spans(tags):
    """Robust BIO -> [(start, end, mapped_label)]; I- after O/other type starts a span."""
    spans, start, cur = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or "-" not in tag:
            pref, typ = "O", None
        else:
            pref, typ = tag.split("-", 1)
        if cur is not None and (pref in ("O", "B") or typ != cur):
            spans.append((start, i, cur))
            start, cur = None, None
        if pref in ("B", "I") and cur is None:
            start, cur = i, typ
    out = []
    for s, e, t in spans:
        lab = LABEL_MAP.get(t)
        if lab:
            out.append((s, e, lab))
    return out


def key(words) -> str:
    return re.sub(r"[\W_]+", "", "".join(words).lower())


def recase(words, spans):
    words = list(words)
    for s, e, _ in spans:
        for i in range(s, e):
            w = words[i]
            if w and w[0].isalpha():
                words[i] = w[0].upper() + w[1:]
    if words and words[0][:1].isalpha():
        words[0] = words[0][0].upper() + words[0][1:]
    return words


class Corpora:
    def __init__(self, data: Path):
        self.data = data

    def nerui(self, split, fold):
        return list(self._sents(self.data / f"indolem-ner/nerui/{split}.0{fold}.tsv"))

    def nerugm(self, split, fold):
        return list(self._sents(self.data / f"indolem-ner/nerugm/{split}.0{fold}.tsv"))

    def idner(self, split):
        return list(self._sents(self.data / f"idner-news-2k/{split}.txt", sep=None))

    def nergrit(self, split):
        return list(self._sents(self.data / f"nergrit-indonlu/{split}_preprocess.txt"))

    def nerp(self, split, mode):
        out = []
        for w, sp in self._sents(self.data / f"nerp/{split}_preprocess.txt"):
            if mode == "recase":
                w = recase(w, sp)
            out.append((w, sp))
        return out

    @staticmethod
    def _sents(path, sep="\t"):
        for words, tags in read_conll(path, sep=sep):
            yield words, bio_to_spans(tags)


def to_docbin(nlp, sents) -> DocBin:
    db = DocBin(store_user_data=False)
    for words, spans in sents:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = [Span(doc, s, e, label=l) for s, e, l in spans]
        db.add(doc)
    return db


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=Path("train/corpus/all"))
    ap.add_argument("--extras", default="nerugm,idner,nergrit,nerp",
                    help="comma list of extra training corpora (nerugm,idner,nergrit,nerp)")
    ap.add_argument("--nerp", default="recase", choices=["drop", "recase", "lower"])
    ap.add_argument("--folds", default="1,2,3,4,5")
    ap.add_argument("--repeat", action="append", default=[], metavar="CORPUS=N",
                    help="put that corpus's (de-duplicated) training sentences N times into "
                         "train, e.g. nerui=2 to weight the in-domain news corpus up")
    args = ap.parse_args()
    repeat = {k: int(v) for k, v in (r.split("=", 1) for r in args.repeat)}
    nlp = spacy.blank("id")
    C = Corpora(args.data)
    extras = [e for e in args.extras.split(",") if e]
    if args.nerp == "drop" and "nerp" in extras:
        extras.remove("nerp")

    # fixed test sets
    tests_fixed = {"nergrit": C.nergrit("test"), "idner": C.idner("test")}
    tdir = args.out / "test"
    tdir.mkdir(parents=True, exist_ok=True)
    for name, s in tests_fixed.items():
        to_docbin(nlp, s).to_disk(tdir / f"{name}.spacy")

    manifest = {}
    for fold in [int(f) for f in args.folds.split(",")]:
        test_ui, test_ugm = C.nerui("test", fold), C.nerugm("test", fold)
        to_docbin(nlp, test_ui).to_disk(tdir / f"nerui.{fold:02d}.spacy")
        to_docbin(nlp, test_ugm).to_disk(tdir / f"nerugm.{fold:02d}.spacy")
        banned = {key(w) for w, _ in test_ui + test_ugm
                  + tests_fixed["nergrit"] + tests_fixed["idner"]}
        train_src = [("nerui", C.nerui("train", fold))]
        dev_src = [("nerui", C.nerui("dev", fold))]
        if "nerugm" in extras:
            train_src.append(("nerugm", C.nerugm("train", fold)))
            dev_src.append(("nerugm", C.nerugm("dev", fold)))
        if "idner" in extras:
            train_src.append(("idner", C.idner("train") + C.idner("dev")))
        if "nergrit" in extras:
            train_src.append(("nergrit", C.nergrit("train") + C.nergrit("valid")))
        if "nerp" in extras:
            train_src.append(("nerp", C.nerp("train", args.nerp) + C.nerp("valid", args.nerp)))
        seen = set(banned)
        dev, train, stats = [], [], {}
        for name, sents in dev_src:  # dev first: dev sentences never in train
            kept = [s for s in sents if key(s[0]) not in seen]
            seen.update(key(s[0]) for s in kept)
            dev += kept
            stats[f"dev:{name}"] = {"in": len(sents), "kept": len(kept)}
        for name, sents in train_src:
            kept = []
            for s in sents:
                k = key(s[0])
                if k in seen:
                    continue
                seen.add(k)
                kept.append(s)
            train += kept * repeat.get(name, 1)
            stats[f"train:{name}"] = {"in": len(sents), "kept": len(kept),
                                      "words": sum(len(w) for w, _ in kept),
                                      "repeat": repeat.get(name, 1)}
        fdir = args.out / f"fold{fold:02d}"
        fdir.mkdir(parents=True, exist_ok=True)
        to_docbin(nlp, train).to_disk(fdir / "train.spacy")
        to_docbin(nlp, dev).to_disk(fdir / "dev.spacy")
        manifest[f"fold{fold:02d}"] = stats
        print(fold, json.dumps(stats))
    (args.out / "manifest.json").write_text(json.dumps(
        {"extras": extras, "nerp": args.nerp, "repeat": repeat, "folds": manifest}, indent=1))


if __name__ == "__main__":
    main()
