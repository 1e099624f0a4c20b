"""Indonesian knowledge as data: each lexicon is a YAML (or TSV) file in this folder.

`load("structure")` returns the parsed `structure.yaml`, cached.  Code never
holds word lists of its own; tests in `tests/test_lexicons.py` check each file.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from warta.errors import WartaError


@functools.cache
def load(name: str) -> Any:
    """Parsed contents of `lexicons/<name>.yaml`."""
    path = resources.files(__package__).joinpath(f"{name}.yaml")
    if not path.is_file():
        raise WartaError(f"lexicon {name!r} is missing from the installed package ({path}); reinstall warta")
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def path(name: str):
    """Path of a data file in this folder (any extension)."""
    return resources.files(__package__).joinpath(name)
