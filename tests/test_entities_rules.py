"""Every named rule of the entity mender runs its own example (warta.annotate.entities.mend:
SPAN_RULES on each model span, PART_RULES on the parts of a split span), and the package keeps
its shape: only `outside.py` imports other components or readers."""

import ast
import pathlib

import pytest

from warta.annotate.entities.mend import PART_RULES, SPAN_RULES
from warta.annotate.entities.passes import PASSES

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "src" / "warta" / "annotate" / "entities"


def _mended(text: str, span: tuple[str, str]) -> set[tuple[str, str]]:
    from tests.test_entities import _mend

    return _mend(text, [span])


@pytest.mark.parametrize("rule", SPAN_RULES + PART_RULES, ids=lambda r: r.id)
def test_entities_rule_example(rule):
    text, span, expect = rule.example
    found = _mended(text, span)
    if expect is None:
        assert not any(surface == span[0] for surface, _ in found), found
        assert not any(surface in span[0] for surface, label in found if label == span[1]), found
    else:
        assert expect in found, f"{rule.id}: {expect} not in {sorted(found)}"
        if expect != span:
            assert span not in found


def test_entities_rule_ids_unique():
    ids = [r.id for r in SPAN_RULES + PART_RULES]
    assert len(ids) == len(set(ids))
    assert len({p.id for p in PASSES}) == len(PASSES)


def _imports(path: pathlib.Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_entities_imports_no_other_component(path):
    foreign = {m for m in _imports(path) if m.startswith(("warta.annotate", "warta.readers"))}
    if path.name != "outside.py":
        assert not foreign, f"{path.name} imports {foreign}: go through outside.py"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_entities_module_shape(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 400
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            assert node.end_lineno - node.lineno + 1 <= 60, node.name
