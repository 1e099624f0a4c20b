"""`record.plain` (fields read with one attrgetter) gives what `dataclasses.asdict` gives, key order included."""

import dataclasses
import json

from warta.record import Sentence, plain


@dataclasses.dataclass
class _Empty:
    pass


@dataclasses.dataclass
class _Nested:
    name: str
    items: list
    inner: Sentence | None = None
    pairs: tuple = ()
    extra: dict = dataclasses.field(default_factory=dict)


def test_plain_is_asdict():
    values = [
        Sentence(start=0, end=5, paragraph=0, kind="lead"),
        _Empty(),
        _Nested("x", [Sentence(start=1, end=2, paragraph=1, kind="body"), 3, "a"],
                Sentence(start=0, end=1, paragraph=0, kind="lead"), (1, [2]), {"k": [Sentence(0, 1, 0, "lead")]}),
    ]
    for value in values:
        assert json.dumps(plain(value)) == json.dumps(dataclasses.asdict(value))


def test_plain_copies_containers():
    nested = _Nested("x", [1, 2])
    out = plain(nested)
    out["items"].append(3)
    assert nested.items == [1, 2]
