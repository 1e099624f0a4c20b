"""NER throughput benchmark for warta's shipped Indonesian model (one CPU core).

  PYTHONPATH=src python bench/bench_ner.py [--text FILE] [--data /work/shared/data]
      [--model PATH] [--limit N] [--repeat R]

Without --text it uses sentences from the NER corpora (NER-UI full file + NERGrit test +
idner-news-2k test), run through the model's own `id` tokenizer from raw text and also
over pre-tokenised Docs (pipeline only), then over the same Docs as warta runs the model
(`warta.models.run`: the tok2vec in numpy by `warta.models.tok2vec`, the ner's transitions decoded in bulk
by `warta.models.decode`), and checks that the two give the same entities, sentence by sentence; then the
tok2vec alone, thinc's and warta's, checked to give the same arrays bit for bit.  Prints words per CPU second of
this process (other load on the machine does not count) and peak RSS (getrusage).
"""
from __future__ import annotations

import argparse
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def peak_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 / (1024 if sys.platform == "darwin" else 1)


def load_texts(args) -> list[str]:
    if args.text:
        lines = Path(args.text).read_text(encoding="utf-8").splitlines()
        return [ln.strip() for ln in lines if ln.strip()]
    from warta.evaluate_ner import read_bio
    root = Path(args.data)
    texts = []
    for rel, sep in (("indolem-ner/nerui/nergithub.txt", "\t"),
                     ("nergrit-indonlu/test_preprocess.txt", "\t"),
                     ("idner-news-2k/test.txt", None)):
        p = root / rel
        if p.is_file():
            texts += [" ".join(w) for w, _ in read_bio(p, sep)]
    if not texts:
        sys.exit(f"no corpus found under {root}; pass --text FILE")
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--text", help="UTF-8 text file, one sentence/paragraph per line")
    ap.add_argument("--data", default=os.environ.get("WARTA_SHARED", "/work/shared") + "/data")
    ap.add_argument("--model", help="spaCy pipeline dir (default: shipped warta model)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass
    rss0 = peak_mb()
    t0 = time.perf_counter()
    if args.model:
        import spacy
        nlp = spacy.load(args.model)
    else:
        from warta.models import load_model
        nlp = load_model()
    load_s = time.perf_counter() - t0
    texts = load_texts(args)
    if args.limit:
        texts = texts[: args.limit]
    texts = texts * args.repeat
    list(nlp.pipe(texts[:50]))  # warm-up
    rows = []
    # 1) raw text: tokenizer + pipeline
    t0 = time.process_time()
    n_words = n_ents = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_words += len(doc)
        n_ents += len(doc.ents)
    dt = time.process_time() - t0
    rows.append(("text -> id tokenizer + pipeline", len(texts), n_words, n_ents, dt))
    # 2) tokenizer only
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    dt = time.process_time() - t0
    rows.append(("id tokenizer only", len(texts), sum(map(len, docs)), 0, dt))
    # 3) pipeline over pre-tokenised docs
    t0 = time.process_time()
    n_ents = sum(len(d.ents) for d in nlp.pipe(docs, batch_size=args.batch_size))
    dt = time.process_time() - t0
    rows.append(("pipeline on Docs (" + "+".join(nlp.pipe_names) + ")", len(docs),
                 sum(map(len, docs)), n_ents, dt))
    # 4) the same Docs as warta runs the model (bulk decoding), compared with 3)
    same = compare_with_warta(nlp, docs, args.batch_size, rows)
    same_arrays = compare_tok2vec(nlp, docs, args.batch_size, rows)
    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')}  load {load_s:.2f}s  "
          f"threads=1")
    print(f"{'mode':44s} {'sents':>7s} {'words':>8s} {'ents':>6s} {'cpu s':>7s} {'words/s':>9s}")
    for name, ns, nw, ne, dt in rows:
        print(f"{name:44s} {ns:7d} {nw:8d} {ne:6d} {dt:7.2f} {nw / dt:9.0f}")
    if same is not None:
        print(f"entities of warta.models.run identical to spaCy's pipeline on {same[0]} of {same[1]} texts")
    if same_arrays is not None:
        print(f"tok2vec arrays of warta.models.tok2vec bit-identical to thinc's on {same_arrays[0]} of {same_arrays[1]} "
              "texts")
    print(f"peak RSS: {peak_mb():.0f} MB (before model load: {rss0:.0f} MB)")


def compare_with_warta(nlp, docs, batch_size: int, rows: list) -> tuple[int, int] | None:
    """Time `warta.models.run` on fresh copies of `docs` (batches of `batch_size`) and count the texts whose
    entities (offsets and labels) equal those spaCy's pipeline set on `docs`; None for a model warta does
    not decode itself."""
    from warta import models
    from warta.models import decode

    if decode.for_model(nlp) is None:
        return None
    fresh = [nlp.make_doc(doc.text) for doc in docs]
    t0 = time.process_time()
    with models.one_thread():
        spans = [s for i in range(0, len(fresh), batch_size) for s in models.run(nlp, fresh[i:i + batch_size])]
    dt = time.process_time() - t0
    rows.append(("warta.models.run on Docs (bulk decoding)", len(fresh), sum(map(len, fresh)),
                 sum(map(len, spans)), dt))
    spacy_spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    return sum(a == b for a, b in zip(spans, spacy_spans)), len(docs)


def compare_tok2vec(nlp, docs, batch_size: int, rows: list) -> tuple[int, int] | None:
    """Time the tok2vec alone, thinc's (`predict`) and warta's numpy one (`warta.models.tok2vec`, its word
    cache filled by the run before), in batches of `batch_size`, and count the texts whose arrays are
    equal bit for bit; None where warta does not run this tok2vec itself."""
    import numpy

    from warta import models
    from warta.models import tok2vec

    fast = tok2vec.for_model(nlp)
    if fast is None:
        return None
    batches = [docs[i:i + batch_size] for i in range(0, len(docs), batch_size)]
    words = sum(map(len, docs))
    with models.one_thread():
        t0 = time.process_time()
        expected = [a for batch in batches for a in nlp.get_pipe("tok2vec").predict(batch)]
        rows.append(("tok2vec: thinc's predict", len(docs), words, 0, time.process_time() - t0))
        t0 = time.process_time()
        got = [a for batch in batches for a in fast(batch)]
        rows.append(("tok2vec: warta.models.tok2vec (numpy)", len(docs), words, 0, time.process_time() - t0))
    return sum(numpy.array_equal(a, b) for a, b in zip(got, expected)), len(docs)


if __name__ == "__main__":
    main()
