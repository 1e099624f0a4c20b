"""World knowledge the actors and quotes components look names up in: institutions
(`institutions.yaml`), countries and capitals (`warta.knowledge.countries`), and
well-known people (`people.yaml`), as cached phrase tables."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from warta import lexicons
from warta.knowledge import countries
from warta.lang.id.phrase_table import Table, name_key


@dataclass(frozen=True)
class Institution:
    name: str
    country: str | None
    sector: str | None
    type: str


@functools.cache
def known_people() -> dict[str, tuple[str, str]]:
    """name_key of a well-known person's name or alias -> (name, country), from lexicons/people.yaml."""
    out: dict[str, tuple[str, str]] = {}
    for p in lexicons.load("people")["people"]:
        for n in [p["name"], *(p.get("aliases") or [])]:
            out[name_key(n)] = (p["name"], p["country"])
    return out


@functools.cache
def institution_table() -> Table:
    table = Table(fold=False)
    for entry in lexicons.load("institutions")["institutions"]:
        inst = Institution(entry["name"], entry.get("country"), entry.get("sector"), entry.get("type") or "ORG")
        for form in [entry["name"], *(entry.get("aliases") or [])]:
            table.add(form, inst)
    return table


@functools.cache
def company_names() -> frozenset[str]:
    """The names and aliases (casefolded) of the businesses (sector BUS) in institutions.yaml: a car's make
    after `mobil` is one (`mobil Toyota Kijang`), a government body is not (`mobil Polri`)."""
    return frozenset(form.casefold() for entry in lexicons.load("institutions")["institutions"]
                     if entry.get("sector") == "BUS" for form in [entry["name"], *(entry.get("aliases") or [])])


@functools.cache
def country_table() -> Table:
    """Country names (value `("country", code)`) and capitals (`("capital", code)`), as written."""
    table = Table(fold=False)
    for name, code in countries.surface_names().items():
        if "(" not in name:
            table.add(name, ("country", code))
    for name in countries.capital_names_as_written():
        table.add(name, ("capital", countries.by_capital(name)))
    return table
