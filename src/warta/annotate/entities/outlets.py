"""An outlet's name the model cut short (`(CNN Indonesia/ Ramadhan Rizki Saputra)` read as `CNN`, `BBC News
Indonesia` as `BBC`): a span that opens a longer known outlet's name (the text reader's outlets, structure.yaml
`outlets`) is that outlet, one ORG."""

from __future__ import annotations

import functools
import re

from .base import Span4
from .outside import credit_name, outlet_first_words

OUTLET_RULE = "+outlet"
_NAME_RUN = re.compile(r"[\w .'&-]{1,40}")  # the words that may follow on the same line, without a bracket or slash


def outlet_names(text: str, spans: list[Span4]) -> list[Span4]:
    """`CNN` + ` Indonesia` → `CNN Indonesia` (ORG) where the longer name is a known outlet written there;
    spans inside the added words go."""
    grown: list[tuple[int, int]] = []
    out: list[Span4] = []
    for s, e, label, rule in sorted(spans):
        if grown and s < grown[-1][1]:
            continue  # (inside an outlet grown just before)
        run = _NAME_RUN.match(text, s) if label in ("ORG", "PER", "LOC") and _opens_outlet(text[s:e]) else None
        outlet = credit_name(run.group(0)) if run and run.end() > e else None
        end = s + len(outlet) if outlet else e
        if outlet and end > e and text[s:end].casefold() == outlet.casefold() and not text[end:end + 1].isalnum():
            out.append((s, end, "ORG", rule + OUTLET_RULE))
            grown.append((s, end))
        else:
            out.append((s, e, label, rule))
    return out


@functools.lru_cache(maxsize=4096)
def _opens_outlet(name: str) -> bool:
    """The name's first word opens a known outlet's name (`CNN` of `CNN Indonesia`)."""
    first = name.split(" ", 1)[0].casefold()
    return first in _first_words()


@functools.cache
def _first_words() -> frozenset[str]:
    return outlet_first_words()
