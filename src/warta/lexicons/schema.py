"""Shapes that a lexicon file's parsed YAML must have, checked when it is loaded.

A spec is a small object with `check(value, where)` that raises `LexiconError`
naming the file and the key path (`event_triggers.yaml: triggers[12].c`).
`Rec` is a mapping with fixed keys (an unknown key is refused), `Map` one with
free keys, `Words` a list of strings.  The schema of each file is in
`warta.lexicons.schemas`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from warta.errors import WartaError


class LexiconError(WartaError):
    """A lexicon file does not have the shape its schema declares."""


def fail(where: str, message: str) -> None:
    raise LexiconError(f"{where}: {message}")


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


class Spec:
    def check(self, value: Any, where: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class Scalar(Spec):
    """One of the given Python types (bool is never taken for int/float)."""

    def __init__(self, *types: type, name: str = ""):
        self.types = types
        self.name = name or "/".join(t.__name__ for t in types)

    def check(self, value: Any, where: str) -> None:
        if isinstance(value, bool) and bool not in self.types:
            fail(where, f"expected {self.name}, found bool {value!r}")
        if not isinstance(value, self.types):
            fail(where, f"expected {self.name}, found {_type_name(value)} {value!r}")


class OneOf(Spec):
    """A value from a fixed set (a category code)."""

    def __init__(self, values: Iterable[Any], name: str = "value"):
        self.values = frozenset(values)
        self.name = name

    def check(self, value: Any, where: str) -> None:
        if isinstance(value, (list, dict)) or value not in self.values:
            fail(where, f"unknown {self.name} {value!r}; known: {', '.join(sorted(map(str, self.values)))}")


class Either(Spec):
    """Any of several specs (the first that accepts the value)."""

    def __init__(self, *specs: Spec):
        self.specs = specs

    def check(self, value: Any, where: str) -> None:
        errors = []
        for spec in self.specs:
            try:
                spec.check(value, where)
                return
            except LexiconError as exc:
                errors.append(str(exc).split(": ", 1)[-1])
        fail(where, " or ".join(errors))


class Opt(Spec):
    """`spec` or null."""

    def __init__(self, spec: Spec):
        self.spec = spec

    def check(self, value: Any, where: str) -> None:
        if value is not None:
            self.spec.check(value, where)


class List(Spec):
    def __init__(self, item: Spec, non_empty: bool = False):
        self.item = item
        self.non_empty = non_empty

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, list):
            fail(where, f"expected a list, found {_type_name(value)}")
        if self.non_empty and not value:
            fail(where, "the list is empty")
        for i, item in enumerate(value):
            self.item.check(item, f"{where}[{i}]")


class Map(Spec):
    """A mapping with free keys: each key checked by `key`, each value by `value`."""

    def __init__(self, key: Spec, value: Spec):
        self.key = key
        self.value = value

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            fail(where, f"expected a mapping, found {_type_name(value)}")
        for k, v in value.items():
            self.key.check(k, f"{where} key {k!r}")
            self.value.check(v, f"{where}.{k}")


class Rec(Spec):
    """A mapping with fixed keys: `fields` maps each allowed key to its spec; `required` must be present."""

    def __init__(self, fields: dict[str, Spec], required: Iterable[str] = ()):
        self.fields = fields
        self.required = frozenset(required)

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            fail(where, f"expected a mapping, found {_type_name(value)}")
        for k in value:
            if k not in self.fields:
                fail(where, f"unknown key {k!r}; allowed: {', '.join(self.fields)}")
        for k in sorted(self.required - set(value)):
            fail(where, f"missing key {k!r}")
        for k, v in value.items():
            self.fields[k].check(v, f"{where}.{k}" if where else str(k))


STR = Scalar(str, name="string")
INT = Scalar(int, name="integer")
NUM = Scalar(int, float, name="number")
BOOL = Scalar(bool, name="true/false")
#: a list of words or phrases
WORDS = List(STR)


def all_(rec: dict[str, Spec]) -> Rec:
    """A record whose every key is required."""
    return Rec(rec, required=rec)


CrossCheck = Callable[[Any, Callable[[str], Any], str], None]
