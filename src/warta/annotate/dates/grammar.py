"""The date grammar, loaded from `lexicons/date_patterns.yaml` (patterns and cues) and
`lexicons/months.yaml` (the words they are filled with)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta import lexicons
from warta.errors import WartaError
from warta.knowledge import cache, numbers
from warta.lang.alternation import alternation
from warta.lang.prefilter import PatternSet

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


@dataclass(frozen=True)
class PatternRule:
    """One named pattern of `date_patterns.yaml`: it finds candidates of `kind`."""
    id: str
    kind: str
    example: str
    regex: re.Pattern
    start_at: str | None = None
    end_before: str | None = None
    span_end_before: str | None = None


@dataclass
class Lex:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, dict]
    zones: dict[str, str]
    local: list[str]
    units: dict[str, dict]
    se_durations: dict[str, str]
    words: dict = field(default_factory=dict)  # the whole of months.yaml
    ahead: frozenset[str] = frozenset()
    anchor_after: frozenset[str] = frozenset()
    anchor_before: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    modifiers_after: frozenset[str] = frozenset()
    cues: dict[str, re.Pattern] = field(default_factory=dict)
    patterns: list[PatternRule] = field(default_factory=list)
    scan: PatternSet | None = None  # the patterns, run together (warta.lang.prefilter)

    def offset(self, word: str | None) -> int:
        """`lalu` → -1, `depan` / `mendatang` → 1, anything else 0 (`relative_offsets`)."""
        return self.words["relative_offsets"].get(word, 0)


def _filler(words: dict, parts: dict[str, str]):
    """A function that fills `{name}` placeholders (see the head of date_patterns.yaml)."""
    builtins = {
        "months": alternation(n for names in words["months"].values() for n in names),
        "weekdays": alternation(n for names in words["weekdays"].values() for n in names),
        "NUM": numbers.number_pattern(),
    }
    done: dict[str, str] = {}

    def value(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name in stack:
            raise WartaError(f"date_patterns.yaml: part {{{name}}} refers to itself")
        if name in parts:
            v = fill(parts[name], stack + (name,))
        elif name in builtins:
            v = builtins[name]
        elif isinstance(words.get(name), (list, dict)):
            v = alternation(words[name])
        else:
            raise WartaError(f"date_patterns.yaml: unknown part {{{name}}}")
        done[name] = v
        return v

    def fill(template: str, stack: tuple[str, ...] = ()) -> str:
        return _PLACEHOLDER.sub(lambda m: value(m.group(1), stack), template)

    return fill


def _lowered(items) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


@cache.table("dates-grammar")  # kept in the user cache (warta.knowledge.cache)
def lex() -> Lex:
    data = lexicons.load("months")
    grammar = lexicons.load("date_patterns")
    fill = _filler(data, grammar["parts"])
    L = Lex(months={n: int(m) for m, names in data["months"].items() for n in names},
            weekdays={n: int(d) for d, names in data["weekdays"].items() for n in names},
            relative=data["relative"], zones=data["time_zones"], local=data["local_time"],
            units=data["duration_units"], se_durations=data["se_durations"], words=data,
            ahead=_lowered(data["ahead_words"]), anchor_after=_lowered(data["anchor_after_words"]),
            anchor_before=_lowered(data["anchor_before_words"]), anaphors=_lowered(data["anaphor_words"]),
            modifiers_after=_lowered(data["date_modifiers_after"]))
    L.cues = {name: re.compile(fill(template)) for name, template in grammar["cues"].items()}
    L.patterns = [PatternRule(p["id"], p.get("kind", p["id"]), str(p["example"]), re.compile(fill(p["pattern"])),
                              p.get("start_at"), p.get("end_before"), p.get("span_end_before"))
                  for p in grammar["patterns"]]
    # four characters read ahead: ~12% fewer tries than three (the grammar is built once, in the user cache)
    L.scan = PatternSet([p.regex for p in L.patterns], depth=4)
    ids = [p.id for p in L.patterns]
    if len(ids) != len(set(ids)):
        raise WartaError(f"date_patterns.yaml: pattern ids repeat: {ids}")
    return L
