#!/usr/bin/env python3
"""Build src/warta/lexicons/common_words.txt and verbs.txt: Indonesian words that news writes in lower case.

A word is listed when, away from the start of a sentence, it is written in lower
case at least 90% of the time and at least 3 times (capitalised uses tagged as proper
nouns count against it, so a name like `Megawati` is not listed for its unit sense), in the cased kumparan news
POS corpus (nlp-id, MIT).  The entity component uses the list to drop model
entities that are only a capitalised common word at the start of a sentence or
heading (`Menyediakan`, `Sambil`).

usage: python train/common_words.py [../shared/data]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(data: Path) -> None:
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    verb: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    sentence: list[tuple[str, str]] = []
    path = data / "nlp-id-postag" / "dataset_postag.txt"

    def flush() -> None:
        for i, (word, tag) in enumerate(sentence):
            if word.isalpha():
                seen[word.casefold()] += 1
                verb[word.casefold()] += tag == "VB"
            if i == 0 or not word.isalpha():
                continue
            key = word.casefold()
            if word.islower():
                lower[key] += 1
            elif word[:1].isupper():
                upper[key] += 1
        sentence.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            sentence.append((parts[0], parts[1]))
    flush()
    words = sorted(w for w, n in lower.items() if n >= 3 and len(w) >= 2 and n >= 9 * upper[w])
    out = ROOT / "src" / "warta" / "lexicons" / "common_words.txt"
    header = ("# Indonesian words written in lower case in news (>= 90% of >= 3 non-initial uses),\n"
              "# from the kumparan news POS corpus (nlp-id, MIT). Built by train/common_words.py.\n")
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {out}")
    verbs = sorted(w for w in words if seen[w] >= 3 and verb[w] >= 0.8 * seen[w])
    out = ROOT / "src" / "warta" / "lexicons" / "verbs.txt"
    header = ("# Indonesian verbs (tagged VB in >= 80% of >= 3 uses, and common words), from the kumparan news\n"
              "# POS corpus (nlp-id, MIT). A verb inside an entity span ends the name. Built by train/common_words.py.\n")
    out.write_text(header + "\n".join(verbs) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verbs → {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
