"""Country-name gazetteer in Indonesian from babel's CLDR `id` territory names.

Adds an `entity_ruler` named "country_ruler" AFTER the statistical ner with
overwrite_ents=False, so it only labels country names (LOC) that the ner left
unlabelled and never breaks an ORG such as "Kedutaan Besar Amerika Serikat".
"""
from __future__ import annotations

import re

# CLDR codes that are not countries/territories or are ambiguous as person names
SKIP_CODES = {"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO", "001", "150"}
SKIP_NAMES = {"Chad", "Georgia", "Jersey", "Dominika", "Guernsey", "Jamaika"}
EXTRA = ["Inggris", "China", "Cina", "Korut", "Korsel", "Timor Timur", "Burma",
         "Hong Kong", "Makau", "Palestina", "Vatikan", "Kongo", "Ceko", "Britania Raya",
         "Republik Rakyat Tiongkok", "Republik Indonesia"]


def country_names() -> list[str]:
    from babel import Locale
    names = set(EXTRA)
    for code, name in Locale("id").territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in SKIP_CODES:
            continue
        name = re.sub(r"\s*DAK Tiongkok$", "", name)       # Hong Kong DAK Tiongkok
        name = re.sub(r"\s*-\s*(Kinshasa|Brazzaville)$", "", name)
        m = re.match(r"^(.*?)\s*\((.*)\)$", name)            # Myanmar (Burma)
        parts = [m.group(1), m.group(2)] if m else [name]
        for p in parts:
            p = p.strip()
            if p and p not in SKIP_NAMES and "&" not in p:
                names.add(p)
    return sorted(names)


def add_country_ruler(nlp, name: str = "country_ruler"):
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
    ruler = nlp.add_pipe("entity_ruler", name=name, last=True,
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "LOC", "pattern": n} for n in country_names()])
    return ruler


if __name__ == "__main__":
    ns = country_names()
    print(len(ns), ns[:20])
