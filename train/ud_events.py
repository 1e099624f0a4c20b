"""Does a dependency parse find event sources and targets better than warta's word-order rules?

For every case of tests/data/events.yaml, warta's event coder runs as shipped; for each predicted
event of the expected type, the UD parser (train/ud.py) parses the sentence and reads the
arguments off the event's trigger word (its first occurrence in the sentence):
  active   source = nsubj of the trigger (or of the verb it is an xcomp/conj of), target = obj,
           else an obl/nmod led by kepada/terhadap/dengan/ke/atas
  passive  (trigger starts with di-/ter-) source = obl led by `oleh`, target = nsubj
  nominal  source/target = nmod/obl arguments in order
Each argument's country is the country of the first warta actor mention inside its subtree.
Printed: cases the rules get right, cases the parse gets right, rules wrong + parse right
(what a fallback could gain) and rules right + parse wrong.

  PYTHONPATH=src:tests python train/ud_events.py --model train/output/ud-all/model-best
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

import spacy

import warta
from events_eval import SYMMETRIC, cases, matches

TARGET_CASE = {"kepada", "terhadap", "dengan", "ke", "atas", "bagi", "untuk", "melawan"}


def subtree_span(tok):
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def country_in(article, start, end):
    for actor in article.actors:
        if not actor.country:
            continue
        for s, e in actor.mentions:
            if s >= start and e <= end:
                return actor.country
    return None


def dep_args(article, doc, offset, trigger):
    first = (trigger or "").split()[0].lower() if trigger else ""
    trig = next((t for t in doc if t.lower_ == first), None)
    if trig is None:
        return None, None
    passive = trig.lower_.startswith(("di", "ter")) and trig.pos_ == "VERB"
    head = trig
    subj = [c for c in trig.children if c.dep_ == "nsubj"]
    while not subj and head.dep_ in ("xcomp", "conj", "advcl", "acl") and head.head is not head:
        head = head.head
        subj = [c for c in head.children if c.dep_ == "nsubj"]
    objs = [c for c in trig.children if c.dep_ == "obj"]
    obls = [c for c in trig.children if c.dep_ in ("obl", "nmod")]

    def led_by(tok, words):
        return any(c.dep_ == "case" and c.lower_ in words for c in tok.children)

    def country(tok):
        if tok is None:
            return None
        s, e = subtree_span(tok)
        return country_in(article, s + offset, e + offset)

    if passive:
        agent = next((o for o in obls if led_by(o, {"oleh"})), None)
        return country(agent), country(subj[0] if subj else None)
    src = country(subj[0]) if subj else None
    tgt_tok = objs[0] if objs else next((o for o in obls if led_by(o, TARGET_CASE)), None)
    tgt = country(tgt_tok)
    if src is None and trig.pos_ == "NOUN" and obls:
        src = country(obls[0])
        tgt = country(obls[1]) if len(obls) > 1 else tgt
    return src, tgt


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    args = ap.parse_args()
    parser = spacy.load(args.model)
    pipe = warta.make_pipeline(["sentences", "entities", "actors", "quotes", "dates", "places",
                                "events"], use_model=False)
    n = Counter()
    for case in cases():
        article = warta.extract_text(case["text"], pipeline=pipe)
        rule_ok = any(matches(case, e) for e in article.events)
        cands = [e for e in article.events if e.type == case["type"]]
        dep_ok = False
        for e in cands:
            sent = next(s for s in article.sentences if s.start <= e.start < s.end)
            doc = parser(article.text[sent.start:sent.end])
            src, tgt = dep_args(article, doc, sent.start, e.trigger)
            want = (case.get("src"), case.get("tgt"))
            dep_ok |= (src, tgt) == want or (case["type"] in SYMMETRIC and (tgt, src) == want)
        n["cases"] += 1
        n["rules_right"] += rule_ok
        n["parse_right"] += dep_ok
        n["rules_wrong_parse_right"] += dep_ok and not rule_ok
        n["rules_right_parse_wrong"] += rule_ok and not dep_ok
        n["trigger_found"] += bool(cands)
    print(json.dumps(dict(n)))


if __name__ == "__main__":
    main()
