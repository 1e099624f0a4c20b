"""Helpers for the tests that fail when a component's code holds a word of its lexicons."""

from __future__ import annotations

import ast
from pathlib import Path


def lexicon_words(node) -> set[str]:
    """Words of a lexicon: list items and mapping keys, all the way down (scalar values of a mapping
    are left out: they are data such as `designator: D`)."""
    if isinstance(node, dict):
        return {str(k).lower() for k in node} | {w for v in node.values() if isinstance(v, (dict, list))
                                                 for w in lexicon_words(v)}
    if isinstance(node, list):
        return {w for v in node for w in lexicon_words(v)}
    return {str(node).lower()}


def words_in_code(folder: Path, words: set[str], example_calls: tuple[str, ...]) -> list[str]:
    """`file: 'constant'` for each string constant in the .py files of `folder` that is one of
    `words` (docstrings and the arguments of `example_calls`, a rule's example, left out)."""
    found = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        skip |= {id(c) for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") in
                 example_calls for c in ast.walk(n)}
        found += [f"{path.name}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and node.value.lower() in words]
    return found
