"""UPOS tagger + dependency parser on the Indonesian UD treebanks: convert, train, score.

Convert (gold syntactic words; multiword-token lines are skipped, their parts kept):
  python train/ud.py convert --data /work/shared/data --out train/corpus/ud --train gsd,csui,pud
    train = the chosen treebanks (gsd = GSD legacy v2.0 train, csui = CSUI train, pud = PUD),
            minus every sentence of GSD test/dev (matched on lower-cased alphanumerics)
    dev   = GSD dev (current), test = GSD test (current) and CSUI test
  Relation subtypes are dropped (nsubj:pass -> nsubj): the legacy GSD train has none, and the
  CoNLL 2018 LAS scores universal relations only.
Train:
  python -m spacy train train/ud.cfg --output train/output/ud --paths.train .../train.spacy \
      --paths.dev .../dev.spacy
Score (UPOS accuracy, UAS, LAS over all words incl. punctuation, on gold words):
  python train/ud.py score --model train/output/ud/model-best --corpus train/corpus/ud
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from convert import key

TREEBANKS = {
    "gsd": ["ud-id-gsd/legacy-v2.0-2017/id-ud-train.conllu"],
    "csui": ["ud-id-csui/id_csui-ud-train.conllu"],
    "pud": ["ud-id-pud/id_pud-ud-test.conllu"],
}
DEV = "ud-id-gsd/id_gsd-ud-dev.conllu"
TESTS = {"gsd-test": "ud-id-gsd/id_gsd-ud-test.conllu",
         "csui-test": "ud-id-csui/id_csui-ud-test.conllu"}


def read_conllu(path: Path):
    """Yield sentences as lists of (form, upos, head, deprel) over syntactic words."""
    sent = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "-" in c[0] or "." in c[0]:
                continue
            sent.append((c[1], c[3], int(c[6]), c[7].split(":")[0]))
    if sent:
        yield sent


def to_doc(vocab, sent):
    from spacy.tokens import Doc
    words = [w for w, *_ in sent]
    heads = [(h - 1) if h > 0 else i for i, (_, _, h, _) in enumerate(sent)]
    deps = [d for *_, d in sent]
    return Doc(vocab, words=words, pos=[p for _, p, _, _ in sent], heads=heads, deps=deps)


def convert(args):
    import spacy
    from spacy.tokens import DocBin
    nlp = spacy.blank("id")
    data, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    held = {}
    for name, rel in [("dev", DEV), *TESTS.items()]:
        held[name] = list(read_conllu(data / rel))
    skip = {key([w for w, *_ in s]) for s in held["dev"] + held["gsd-test"]}
    manifest = {"train": {}, "dev": len(held["dev"])}
    db = DocBin()
    for tb in args.train.split(","):
        for rel in TREEBANKS[tb]:
            kept = dropped = 0
            for s in read_conllu(data / rel):
                if key([w for w, *_ in s]) in skip:
                    dropped += 1
                    continue
                db.add(to_doc(nlp.vocab, s))
                kept += 1
            manifest["train"][rel] = {"kept": kept, "dropped_overlap": dropped}
    db.to_disk(out / "train.spacy")
    for name, sents in held.items():
        DocBin(docs=[to_doc(nlp.vocab, s) for s in sents]).to_disk(out / f"{name}.spacy")
        manifest[name] = len(sents)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(json.dumps(manifest))


def score_conllu(nlp, sents) -> dict:
    """UPOS accuracy, UAS and LAS over all gold words (punctuation included)."""
    from spacy.tokens import Doc
    n = pos_ok = uas = las = 0
    t0 = time.time()
    docs = [Doc(nlp.vocab, words=[w for w, *_ in s]) for s in sents]
    for doc, s in zip(nlp.pipe(docs), sents):
        for tok, (_, upos, head, dep) in zip(doc, s):
            n += 1
            pos_ok += tok.pos_ == upos
            gold_head = head - 1 if head > 0 else tok.i
            if tok.head.i == gold_head:
                uas += 1
                las += tok.dep_.lower().split(":")[0] == dep.lower() or (
                    dep == "root" and tok.dep_ == "ROOT")
    secs = time.time() - t0
    return {"sentences": len(sents), "words": n, "upos": round(100 * pos_ok / n, 2),
            "uas": round(100 * uas / n, 2), "las": round(100 * las / n, 2),
            "words_per_second": round(n / secs)}


def score(args):
    import spacy
    nlp = spacy.load(args.model)
    data = Path(args.data)
    res = {}
    for name, rel in TESTS.items():
        res[name] = score_conllu(nlp, list(read_conllu(data / rel)))
        print(json.dumps({"test": name, **res[name]}), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("--data", default="/work/shared/data")
    c.add_argument("--out", default=str(Path(__file__).parent / "corpus/ud"))
    c.add_argument("--train", default="gsd,csui,pud")
    s = sub.add_parser("score")
    s.add_argument("--model", required=True)
    s.add_argument("--data", default="/work/shared/data")
    s.add_argument("--out")
    args = ap.parse_args()
    {"convert": convert, "score": score}[args.cmd](args)


if __name__ == "__main__":
    main()
