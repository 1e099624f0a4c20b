"""Countries by their Indonesian names, aliases and capitals.

Names come from CLDR's Indonesian territory names (babel, locale `id`), then
from `lexicons/countries.yaml` (aliases news uses: Korut, AS, Tiongkok…, and
capitals that stand for governments: Moskow, Washington).  Codes are ISO
3166-1 alpha-3 (pycountry).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from warta import lexicons
from warta.knowledge import cache


@dataclass
class Country:
    alpha3: str
    alpha2: str | None
    name: str  # the Indonesian name news uses first
    names: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Lookup form of a name: spacing collapsed, case-folded, hyphens as spaces (remembered: every component
    asks whether the same words name a country)."""
    return " ".join(name.replace("-", " ").split()).casefold()


@functools.cache
def _tables() -> tuple[dict[str, Country], dict[str, str], dict[str, str]]:
    """(alpha-3 → Country, name key → alpha-3, capital key → alpha-3); kept in the user cache
    (`warta.knowledge.cache`, rebuilt when pycountry's or babel's data change)."""
    return cache.stored("countries", _build_tables, data_files)


def data_files() -> list:
    """The third-party files the country tables are built from (a table built from them names these as its
    `warta.knowledge.cache` sources)."""
    from warta.knowledge.geostore import package_file

    return [package_file("pycountry", "databases/iso3166-1.json"), package_file("babel", "locale-data/id.dat")]


def _build_tables() -> tuple[dict[str, Country], dict[str, str], dict[str, str]]:
    import pycountry
    from babel import Locale

    data = lexicons.load("countries")
    by_code: dict[str, Country] = {}
    territories = Locale("id").territories
    for c in pycountry.countries:
        cldr = territories.get(c.alpha_2)
        names = []
        if cldr:
            names.append(cldr)
            bare = re.sub(r"\s*\(.*?\)\s*", " ", cldr).strip()
            if bare != cldr:
                names.append(bare)
                names.extend(re.findall(r"\((.*?)\)", cldr))
        preferred = names[1] if len(names) > 1 and "(" in names[0] else (names or [c.name])[0]
        by_code[c.alpha_3] = Country(c.alpha_3, c.alpha_2, preferred, names)
    if "XKX" not in by_code:
        by_code["XKX"] = Country("XKX", "XK", "Kosovo", ["Kosovo"])
    for code, aliases in (data.get("aliases") or {}).items():
        country = by_code[code]
        for a in aliases:
            if a not in country.names:
                country.names.append(a)
    for code, name in (data.get("preferred") or {}).items():
        by_code[code].name = name
    for code, capitals in (data.get("capitals") or {}).items():
        by_code[code].capitals.extend(capitals or [])
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, country in by_code.items():
        for n in country.names:
            names.setdefault(key(n), code)
        for n in country.capitals:
            capitals.setdefault(key(n), code)
    # a name from the curated list wins over a CLDR name of another country
    for code, aliases in (data.get("aliases") or {}).items():
        for a in aliases:
            names[key(a)] = code
    return by_code, names, capitals


def get(alpha3: str) -> Country | None:
    return _tables()[0].get(alpha3)


@functools.lru_cache(maxsize=65536)  # (asked for every mention of every name: answered without a Python call)
def by_name(name: str) -> str | None:
    """alpha-3 code of a country named `name` (any listed Indonesian name or alias), else None."""
    return _tables()[1].get(key(name))


@functools.lru_cache(maxsize=65536)
def by_capital(name: str) -> str | None:
    """alpha-3 code of the country whose capital (or seat of power) is `name`, else None."""
    return _tables()[2].get(key(name))


def surface_names() -> dict[str, str]:
    """Every country name and alias as written (for phrase matching) → alpha-3."""
    out: dict[str, str] = {}
    for code, country in _tables()[0].items():
        for n in country.names:
            out.setdefault(n, code)
    return out


def capital_names_as_written() -> list[str]:
    """Capitals and seats of power as written in the lexicon."""
    return [n for country in _tables()[0].values() for n in country.capitals]
