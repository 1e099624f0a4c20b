"""Score warta's Indonesian NER model on the held-out test sets.

``evaluate(data_dir, model=None)`` reads the corpora from ``data_dir`` (the folder
holding indolem-ner/, nergrit-indonlu/, idner-news-2k/, e.g. /work/shared/data),
runs the model over the gold tokenisation and returns one dict per test set::

    {"test", "precision", "recall", "f1", "sentences", "words_per_second"}

precision/recall/f1 are exact-match entity scores in percent (spaCy Scorer, micro
over PER/ORG/LOC).  Test sets: NER-UI fold-01 test, NER-UGM fold-01 test (PER/ORG/LOC
only, TIME/QUANTITY dropped), NERGrit test, idner-news-2k test.  None of these
sentences is in the shipped model's training data (see train/convert.py).
"""
from __future__ import annotations

import time
from pathlib import Path

LABEL_MAP = {
    "PERSON": "PER", "PPL": "PER", "PER": "PER",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "ORG": "ORG",
    "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "LOC": "LOC",
}

# (name, relative path, column separator: "\t" or None for whitespace)
TEST_SETS = [
    ("nerui-fold01-test", "indolem-ner/nerui/test.01.tsv", "\t"),
    ("nerugm-fold01-test", "indolem-ner/nerugm/test.01.tsv", "\t"),
    ("nergrit-test", "nergrit-indonlu/test_preprocess.txt", "\t"),
    ("idner-news-2k-test", "idner-news-2k/test.txt", None),
]


def read_conll(path: Path, sep: str | None = "\t"):
    """Yield (words, bio_tags) from a token/label-per-line file; a blank line ends a sentence."""
    words, tags = [], []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            parts = line.split(sep) if sep else line.split()
            if len(parts) < 2:
                parts = line.split()
            if not parts[0]:
                continue
            words.append(parts[0])
            tags.append(parts[-1].strip())
    if words:
        yield words, tags


def read_bio(path: Path, sep: str | None = "\t"):
    """Yield (words, [(start, end, label)]) from a token/label-per-line BIO file."""
    for words, tags in read_conll(path, sep):
        yield words, bio_to_spans(tags)


def bio_to_spans(tags):
    spans, start, cur = [], None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        pref, typ = ("O", None) if (tag == "O" or "-" not in tag) else tag.split("-", 1)
        if cur is not None and (pref in ("O", "B") or typ != cur):
            spans.append((start, i, cur))
            start, cur = None, None
        if pref in ("B", "I") and cur is None:
            start, cur = i, typ
    return [(s, e, LABEL_MAP[t]) for s, e, t in spans if t in LABEL_MAP]


def _resolve_data_dir(data_dir: Path) -> Path:
    data_dir = Path(data_dir)
    for cand in (data_dir, data_dir / "data", data_dir / "shared" / "data"):
        if (cand / "indolem-ner").is_dir():
            return cand
    raise FileNotFoundError(f"no indolem-ner/ under {data_dir}: pass the shared data folder")


def score_docs(nlp, sents, name: str = "") -> dict:
    """Score ``nlp`` on gold (words, spans) sentences; gold tokenisation is kept."""
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    preds_in = [Doc(nlp.vocab, words=w) for w, _ in sents]
    n_words = sum(len(d) for d in preds_in)
    t0 = time.perf_counter()
    preds = list(nlp.pipe(preds_in, batch_size=256))
    elapsed = time.perf_counter() - t0
    examples = []
    for pred, (words, spans) in zip(preds, sents):
        gold = Doc(nlp.vocab, words=words)
        gold.ents = [Span(gold, s, e, label=l) for s, e, l in spans]
        examples.append(Example(pred, gold))
    sc = Scorer.score_spans(examples, "ents")
    per_type = {k: {m: round(100 * v, 2) for m, v in d.items()}
                for k, d in (sc.get("ents_per_type") or {}).items()}
    return {
        "test": name,
        "precision": round(100 * (sc["ents_p"] or 0.0), 2),
        "recall": round(100 * (sc["ents_r"] or 0.0), 2),
        "f1": round(100 * (sc["ents_f"] or 0.0), 2),
        "sentences": len(sents),
        "words_per_second": round(n_words / elapsed) if elapsed > 0 else None,
        "per_type": per_type,
    }


def evaluate(data_dir: Path, model=None, only=None) -> list[dict]:
    """Evaluate ``model`` (a spaCy Language, a path, or None = shipped model) on every test set,
    or on those named in ``only``."""
    if model is None:
        from warta.models import load_model
        nlp = load_model()
    elif isinstance(model, (str, Path)):
        import spacy
        nlp = spacy.load(model)
    else:
        nlp = model
    root = _resolve_data_dir(data_dir)
    results = []
    names = [name for name, _, _ in TEST_SETS]
    unknown = sorted(set(only or ()) - set(names))
    if unknown:
        raise FileNotFoundError(f"unknown test set(s) {', '.join(unknown)}; known: {', '.join(names)}")
    for name, rel, sep in TEST_SETS:
        if only and name not in only:
            continue
        path = root / rel
        if not path.is_file():
            raise FileNotFoundError(f"test set {name} missing: {path}")
        results.append(score_docs(nlp, list(read_bio(path, sep)), name))
    return results


if __name__ == "__main__":  # python -m warta.evaluate_ner DATA_DIR [MODEL]
    import json
    import sys
    out = evaluate(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"),
                   sys.argv[2] if len(sys.argv) > 2 else None)
    for r in out:
        print(json.dumps(r, ensure_ascii=False))
