"""Collect unlabelled, cased Indonesian sentences for tok2vec pretraining and static word vectors.

Sources (all under --data): the kumparan news POS corpus (nlp-id-postag), the UD treebanks
(CSUI train/test, GSD legacy train/dev and current dev, PUD) and NERGrit train/valid. Left out:
NERP/POSP (lower-cased), GSD test (the parser's test set), and every sentence of NER-UI, NER-UGM,
idner-news-2k and the NERGrit test set -- all of NER-UI and NER-UGM are test data in some
IndoLEM fold, so the unlabelled text never contains a sentence that any fold is scored on.
Sentences are matched on convert.key() (lower-cased alphanumerics) and kept once.

  python train/rawtext.py --data /work/shared/data --out train/corpus/raw
writes raw.jsonl ({"text": tokens joined by spaces} a line, for `spacy pretrain`), raw.txt (space-joined tokens
a line, for word2vec/fastText) and manifest.json (counts per source).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from convert import key
from ud import read_conllu as read_ud
from warta.evaluate_ner import read_conll


def read_conllu(path: Path):
    """The word forms of each sentence of a CoNLL-U file (train/ud.py reads the annotation)."""
    for sent in read_ud(path):
        yield [form for form, *_ in sent]


def sources(data: Path):
    yield "nlp-id-postag", (w for w, _ in read_conll(data / "nlp-id-postag/dataset_postag.txt"))
    for name, rel in (("ud-csui-train", "ud-id-csui/id_csui-ud-train.conllu"),
                      ("ud-csui-test", "ud-id-csui/id_csui-ud-test.conllu"),
                      ("ud-gsd-legacy-train", "ud-id-gsd/legacy-v2.0-2017/id-ud-train.conllu"),
                      ("ud-gsd-legacy-dev", "ud-id-gsd/legacy-v2.0-2017/id-ud-dev.conllu"),
                      ("ud-gsd-dev", "ud-id-gsd/id_gsd-ud-dev.conllu"),
                      ("ud-pud", "ud-id-pud/id_pud-ud-test.conllu")):
        yield name, read_conllu(data / rel)
    for split in ("train", "valid"):
        yield f"nergrit-{split}", (w for w, _ in
                                   read_conll(data / f"nergrit-indonlu/{split}_preprocess.txt"))


def excluded_keys(data: Path) -> set[str]:
    keys = set()
    paths = list((data / "indolem-ner").glob("*/*.tsv"))
    paths += [data / f"idner-news-2k/{s}.txt" for s in ("train", "dev", "test")]
    paths += [data / "nergrit-indonlu/test_preprocess.txt",
              data / "ud-id-gsd/id_gsd-ud-test.conllu"]
    for p in paths:
        it = read_conllu(p) if p.suffix == ".conllu" else (w for w, _ in read_conll(p))
        keys.update(key(w) for w in it)
    return keys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="/work/shared/data", type=Path)
    ap.add_argument("--out", default=Path(__file__).parent / "corpus/raw", type=Path)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    skip = excluded_keys(args.data)
    seen: set[str] = set()
    counts = {}
    n_words = 0
    with open(args.out / "raw.jsonl", "w") as js, open(args.out / "raw.txt", "w") as tx:
        for name, sents in sources(args.data):
            kept = dropped = 0
            for words in sents:
                k = key(words)
                if not k or k in skip or k in seen or len(words) < 3:
                    dropped += 1
                    continue
                seen.add(k)
                kept += 1
                n_words += len(words)
                text = " ".join(words)
                js.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                tx.write(text + "\n")
            counts[name] = {"kept": kept, "dropped": dropped}
    manifest = {"sentences": len(seen), "words": n_words, "sources": counts,
                "excluded_keys": len(skip)}
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
