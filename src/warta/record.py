"""The Article record: warta's public output (see FORMAT.md, section 1).

One `Article` flows through the pipeline; every component reads some of its
layers and adds others.  Every span layer item carries character offsets into
`Article.text`, the index of the sentence it came from (`sentence`) and the
rule or model that produced it (`rule`), so each record can be traced back to
the words behind it.

The record is plain dataclasses so that it is cheap to build and to turn into
JSON; `Article.to_dict()` / `Article.from_dict()` round-trip exactly.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import hashlib
import json
import operator
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, ClassVar

SCHEMA_VERSION = "1.0"


# -- closed vocabularies ---------------------------------------------------------------------------------------
# A field typed by one of these holds the plain string value (JSON is unchanged); a value outside the
# enumeration raises ValueError when the item is built, so that a misspelt kind or label fails at once.

class SentenceKind(str, Enum):
    LEAD = "lead"          # the first paragraph
    BODY = "body"
    HEADING = "heading"    # a section title inside the body
    CREDIT = "credit"      # a wire credit line kept at the end
    DATELINE = "dateline"  # `JAKARTA, KOMPAS.com -` split off the lead
    CAPTION = "caption"    # a standfirst or photo caption above the dateline


class EntityLabel(str, Enum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"            # places, countries, facilities
    MISC = "MISC"          # a stance (`Pro-Jokowi`)
    PRODUCT = "PRODUCT"    # a ship's name (`KRI Nanggala`)
    EVENT = "EVENT"        # a named event (`KTT G20`)
    LAW = "LAW"            # a named law (`UU Cipta Kerja`)


class DateGrain(str, Enum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DURATION = "duration"
    SET = "set"


class EventType(str, Enum):
    """PLOVER event types (the `plover` of each code in lexicons/cameo.yaml)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple]]] = {}


def _no_values(value: Any) -> tuple:
    return ()


def plain(value: Any) -> Any:
    """`dataclasses.asdict(value)`, the same dict made faster: strings and numbers are not deep-copied."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is tuple:
        return tuple(plain(v) for v in value)
    fields = _FIELDS.get(kind)
    if fields is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value))
        fields = _FIELDS.setdefault(kind, (names, operator.attrgetter(*names, *names[:1]) if names else _no_values))
    if fields is not None:
        names, values = fields  # (`values` reads every field in one call; the extra name keeps it a tuple)
        return {name: v if type(v) in _ATOMS else plain(v) for name, v in zip(names, values(value))}
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    return copy.deepcopy(value)


def checked(value: Any, enum: type[Enum], what: str) -> str:
    """`value` as a plain string when it is a value of `enum`; ValueError otherwise."""
    if isinstance(value, enum):
        return value.value
    if value not in enum._value2member_map_:
        raise ValueError(f"{what} {value!r} is not one of {', '.join(enum._value2member_map_)}")
    return value


@dataclass
class Span:
    """Base for everything that points into the text."""

    text: str
    start: int
    end: int


@dataclass
class Section:
    """A sub-heading inside the body and the stretch of text it opens."""

    title: str
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int = 0
    kind: str = "body"  # a SentenceKind value

    def __post_init__(self) -> None:
        self.kind = checked(self.kind, SentenceKind, "sentence kind")


@dataclass
class Entity(Span):
    label: str = "LOC"  # an EntityLabel value
    actor: str | None = None
    sentence: int | None = None
    rule: str = ""

    def __post_init__(self) -> None:
        self.label = checked(self.label, EntityLabel, "entity label")


@dataclass
class Actor:
    id: str
    name: str
    type: str = "PER"  # PER, ORG, LOC (a country or place acting as a government)
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)  # [start, end] pairs
    rule: str = ""


@dataclass
class Quote(Span):
    direct: bool = True
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    sentence: int | None = None
    rule: str = ""


@dataclass
class Date(Span):
    value: str | None = None
    grain: str = "day"  # a DateGrain value
    sentence: int | None = None
    rule: str = ""

    def __post_init__(self) -> None:
        self.grain = checked(self.grain, DateGrain, "date grain")


@dataclass
class Quantity(Span):
    value: float | int | None = None
    unit: str | None = None
    object: str | None = None
    approximate: bool = False
    sentence: int | None = None
    rule: str = ""


@dataclass
class Place(Span):
    name: str = ""
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    sentence: int | None = None
    rule: str = ""


@dataclass
class Event:
    id: str
    type: str  # an EventType value (PLOVER)
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: str | None = None
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    modality: str | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0
    trigger: str | None = None
    confidence: float = 0.5
    rule: str = ""

    def __post_init__(self) -> None:
        self.type = checked(self.type, EventType, "event type")


#: texts up to this many characters get a table of each offset's sentence (`Article.sentence_at`)
SENTENCE_TABLE_CHARS = 200_000


def _sentence_index(sents: list[Sentence], text_len: int) -> tuple[list | None, list[int] | None, list[int]]:
    """(each offset's sentence index or None, up to the last sentence's end; the sentences' starts; their ends)
    for `Article.sentence_at`: the table only for a text up to SENTENCE_TABLE_CHARS long, table and starts
    only where the sentences are in order and apart."""
    starts, ends = [s.start for s in sents], [s.end for s in sents]
    apart = all(ends[k] <= starts[k + 1] and starts[k] <= ends[k] for k in range(len(sents) - 1))
    if not apart:
        return None, None, ends
    if text_len > SENTENCE_TABLE_CHARS or not sents or max(ends) > SENTENCE_TABLE_CHARS:
        return None, starts, ends
    table: list[int | None] = [None] * max(0, max(ends))
    for k, (a, b) in enumerate(zip(starts, ends)):
        if a < b:
            table[max(0, a):b] = [k] * (b - max(0, a))
    return table, starts, ends


@dataclass
class Article:
    """One news article and everything warta found in it."""

    LAYERS: ClassVar[dict[str, type]] = {
        "sections": Section,
        "sentences": Sentence,
        "entities": Entity,
        "actors": Actor,
        "quotes": Quote,
        "dates": Date,
        "quantities": Quantity,
        "places": Place,
        "events": Event,
    }

    text: str = ""
    id: str = ""
    schema: str = SCHEMA_VERSION
    url: str | None = None
    source: str | None = None
    language: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    editor: str | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    outlet: str | None = None
    published: str | None = None
    reference_date: str | None = None
    reference_basis: str = "none"
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline: list[str] = field(default_factory=list)
    # Working state shared between components (a spaCy Doc, caches); never serialised.
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    # -- helpers for components -------------------------------------------------
    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence that contains character `offset`, or None.  Where the sentences are in order
        and apart, read from a table of every offset's sentence (texts up to SENTENCE_TABLE_CHARS long) or by
        `bisect` over their starts; the table or starts are made once per sentence list and kept in scratch."""
        sents = self.sentences
        got = self.scratch.get("sentence_index")
        if got is None or got[0] is not sents or got[1] != len(sents):
            got = self.scratch["sentence_index"] = (sents, len(sents), *_sentence_index(sents, len(self.text)))
        table = got[2]
        if table is not None:
            return table[offset] if 0 <= offset < len(table) else None
        starts = got[3]
        if starts is not None:
            k = bisect_right(starts, offset) - 1
            return k if k >= 0 and offset < got[4][k] else None
        lo, hi = 0, len(sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = sents[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def sentence_text(self, index: int | None) -> str:
        if index is None or not (0 <= index < len(self.sentences)):
            return ""
        s = self.sentences[index]
        return self.text[s.start:s.end]

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    # -- serialisation ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "scratch":
                continue
            value = getattr(self, f.name)
            if f.name in self.LAYERS:
                value = [plain(item) for item in value]
            elif isinstance(value, list):
                value = list(value)
            out[f.name] = value
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        known = {f.name for f in dataclasses.fields(cls)} - {"scratch"}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if key in cls.LAYERS:
                item_cls = cls.LAYERS[key]
                names = {f.name for f in dataclasses.fields(item_cls)}
                value = [item_cls(**{k: v for k, v in item.items() if k in names}) for item in value or []]
            kwargs[key] = value
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> "Article":
        return cls.from_dict(json.loads(line))


_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """The form of the text that the id is computed from: NFC, spacing collapsed, case-folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip().casefold()


def content_id(text: str) -> str:
    """Stable id of an article: the same normalised text always gives the same id."""
    digest = hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()
    return digest[:16]


def is_record_file(path: str | os.PathLike) -> bool:
    """True when `path` is JSON Lines of warta article records (as `warta extract` writes them)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and "schema" in first and ("entities" in first or "events" in first)
    return False
