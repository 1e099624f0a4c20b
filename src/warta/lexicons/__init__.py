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

from warta.errors import WartaError
from warta.lexicons.schema import LexiconError

__all__ = ["LexiconError", "load", "names", "parse", "path", "problems", "validate"]


def __getattr__(name: str) -> Any:
    if name == "_Loader":
        return _loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _loader() -> type:
    """The C parser, ten times faster than the pure-Python one; PyYAML is imported only when a lexicon is
    parsed (a process that finds them in the user cache never imports it)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> Any:
    """Parsed YAML text (the fast safe loader)."""
    import yaml

    return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader


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


def load(name: str) -> Any:
    """Parsed and validated contents of `lexicons/<name>.yaml` (one shared object: do not change it).

    Every lexicon that validates is kept, parsed, in one file of the user cache (`warta.knowledge.cache`,
    rebuilt when any file of the package changes), so a process reads all of them
    in a few milliseconds instead of parsing YAML; a lexicon that fails its schema is parsed (and
    raises) on its own, as without the cache."""
    data = _stored().get(name)
    return data if data is not None else _load_one(name)


@functools.cache
def _load_one(name: str) -> Any:
    file = resources.files(__package__).joinpath(f"{name}.yaml")
    if not file.is_file():
        raise WartaError(f"lexicon {name!r} is missing from the installed package ({file}); reinstall warta")
    return validate(name, parse(file.read_text(encoding="utf-8")), _load_one)


@functools.cache
def _stored() -> dict[str, Any]:
    from warta.knowledge import cache

    return cache.stored("lexicons", _parse_all)  # versioned by every file of the package, these included


def _parse_all() -> dict[str, Any]:
    """Every lexicon that passes its schema, by name."""
    out = {}
    for name in names():
        try:
            out[name] = _load_one(name)
        except WartaError:
            continue
    return out


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
