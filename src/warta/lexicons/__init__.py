"""Indonesian knowledge as data: each lexicon is a YAML (or TSV) file in this folder.

`load("structure")` returns the parsed `structure.yaml`, cached.  Code never
holds word lists of its own.  Every file is checked against its schema
(`warta.lexicons.schemas`) when it is loaded: an unknown key, a value of the
wrong type or a dangling reference (a trigger's CAMEO code missing from
cameo.yaml) raises `LexiconError` naming the file and the key.  The tests in
`tests/test_lexicons_schemas.py` feed each file a broken copy.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from warta.errors import WartaError
from warta.lexicons.schema import LexiconError

try:  # the C parser is ten times faster than the pure-Python one (1.5 s at start-up)
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

__all__ = ["LexiconError", "load", "names", "parse", "path", "problems", "validate"]


def parse(text: str) -> Any:
    """Parsed YAML text (the fast safe loader)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def validate(name: str, data: Any, load_other: Any = None) -> Any:
    """Check `data` (the parsed `<name>.yaml`) against its schema and cross-references; return it."""
    from warta.lexicons.schemas import CROSS, SCHEMAS

    where = f"{name}.yaml"
    if name not in SCHEMAS:
        raise LexiconError(f"{where}: no schema; add one to warta/lexicons/schemas.py")
    SCHEMAS[name].check(data, where)
    if name in CROSS:
        CROSS[name](data, load_other or load, where)
    return data


@functools.cache
def load(name: str) -> Any:
    """Parsed and validated contents of `lexicons/<name>.yaml` (one shared object: do not change it)."""
    file = resources.files(__package__).joinpath(f"{name}.yaml")
    if not file.is_file():
        raise WartaError(f"lexicon {name!r} is missing from the installed package ({file}); reinstall warta")
    return validate(name, parse(file.read_text(encoding="utf-8")))


def problems() -> list[str]:
    """Every lexicon's first schema error (empty when all pass): `python -c "from warta import lexicons;
    print(*lexicons.problems(), sep=chr(10))"` after a merge lists the keys that need a line in schemas.py."""
    out = []
    for name in names():
        try:
            validate(name, parse(path(f"{name}.yaml").read_text(encoding="utf-8")))
        except LexiconError as exc:
            out.append(str(exc))
    return out


def path(name: str):
    """Path of a data file in this folder (any extension)."""
    return resources.files(__package__).joinpath(name)


def names() -> list[str]:
    """Names of every YAML lexicon in this folder."""
    return sorted(p.name[:-5] for p in resources.files(__package__).iterdir() if p.name.endswith(".yaml"))
