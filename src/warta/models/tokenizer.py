"""spaCy's Indonesian tokenizer, built in a tenth of a second, with the same tokens.

spaCy's `id` language ships ~16,000 tokenizer exceptions, ~15,600 of them hyphenated words
(`abu-abu`, `Abu-Abu`, `ABU-ABU`, …) kept whole although the hyphen between letters is an infix.
Adding each one as a special case costs spaCy ~0.3 ms (lexemes, affix checks, a phrase-matcher
pattern): ~5 s on every start, paid twice (sentence splitting and the NER model).

`FastTokenizer` gives the same tokens with the hyphenated words in a set used as `token_match`
(checked where spaCy checks its special cases) and every other exception kept as a real special
case.  spaCy also re-joins a special case that infix splitting cut out of a longer chunk
(`x/abu-abu` -> `x`, `/`, `abu-abu`), with a phrase matcher; `_join_split_words` does that for the
hyphenated words.  Only words that neither start with a prefix nor end with a suffix are moved to
the set (there the two mechanisms provably agree); the rest stay special cases.
`tests/test_speed_tokenizer.py` checks the tokens against spaCy's own tokenizer.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly
from spacy.attrs import IDX, LENGTH, ORTH as ORTH_ATTR, SPACY
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

FACTORY = "warta.fast_tokenizer.v1"
#: distinct chunks (whitespace-delimited strings) whose tokens a FastTokenizer keeps: spaCy 3.8 keeps the
#: first 10,000 and then splits every other chunk's affixes with its regexes again, each time it is seen
#: (a long text or a long run of articles soon has more; ~100 bytes each)
CACHE_CHUNKS = 100_000


class FastTokenizer(Tokenizer):
    """A spaCy Tokenizer whose hyphenated exceptions are a set instead of special cases."""

    def __init__(self, vocab, rules=None, prefix_search=None, suffix_search=None, infix_finditer=None,
                 token_match=None, url_match=None, faster_heuristics=True, fixed_order=False):
        prefix_search = quick_search(prefix_search)
        super().__init__(vocab, rules=None, prefix_search=prefix_search, suffix_search=suffix_search,
                         infix_finditer=infix_finditer, token_match=None, url_match=url_match,
                         faster_heuristics=faster_heuristics)
        self.max_cache_size = CACHE_CHUNKS
        kept, words = self._split(rules or {}, fixed_order)
        self.words = frozenset(words)
        self.plain = Tokenizer(vocab, rules=None, prefix_search=prefix_search, suffix_search=suffix_search,
                               infix_finditer=infix_finditer, token_match=token_match, url_match=url_match,
                               faster_heuristics=faster_heuristics)  # affixes only: what spaCy's matcher looks for
        self._pieces: dict[str, tuple[str, ...]] = {}
        self.token_match = _either(self.words.__contains__, token_match)
        self.rules = kept

    def _split(self, rules: dict, fixed_order: bool = False) -> tuple[dict, list[str]]:
        """(the exceptions kept as special cases, the hyphenated words for the set).  The affix checks
        cost ~1 s for spaCy's 16,000 exceptions, so the kept names are read from `SPLIT_FILE` where it was
        computed for exactly these exceptions and affix patterns (`python -m warta.models.tokenizer`).
        `fixed_order`: the exceptions always come in the same order (read from a file), so the quicker
        key of that order is tried first (spaCy builds its own in an order that varies run to run)."""
        saved = _saved_split()
        known = (fixed_order and saved.get(self._key(rules, ordered=True))) or saved.get(self._key(rules))
        if known is None:
            names = [s for s, subs in rules.items() if not self._listable(s, subs)]
        else:
            names = known
        kept = {s: rules[s] for s in names}
        return kept, [s for s in rules if s not in kept]

    def _listable(self, string: str, substrings: list) -> bool:
        return (len(substrings) == 1 and set(substrings[0]) == {ORTH} and "-" in string and " " not in string
                and not self.find_prefix(string) and not self.find_suffix(string)
                and not (self.url_match and self.url_match(string)))

    def _key(self, rules: dict, ordered: bool = False) -> str:
        """Digest of the affix patterns and the exceptions: msgpack of the exceptions sorted by string
        (~20 ms for spaCy's 16,000, whatever order they were built in), or with `ordered` in the order
        they come in (~5 ms)."""
        patterns = [getattr(getattr(f, "__self__", None), "pattern", repr(f)) for f in
                    (self.prefix_search, self.suffix_search, self.infix_finditer, self.url_match)]
        h = hashlib.sha256(repr((patterns, ordered)).encode("utf-8"))
        h.update(srsly.msgpack_dumps(rules if ordered else sorted(rules.items(), key=_first)))
        return h.hexdigest()

    def __call__(self, text: str):
        doc = Tokenizer.__call__(self, text)
        if "-" in text and len(doc) > 2:
            self._join_split_words(doc, text)
        return doc

    def _join_split_words(self, doc, text: str) -> None:
        """Re-join a listed word that infix splitting cut out of a longer chunk, as spaCy's special-case
        matcher does: longest first, then leftmost; only tokens written without a space between them.
        `text`: the text `doc` was made from."""
        spans = list(self._candidates(doc, text))
        if not spans:
            return
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        seen: set[int] = set()
        chosen = []
        for start, end in spans:
            if start not in seen and end - 1 not in seen:
                chosen.append((start, end))
            seen.update(range(start, end))
        with doc.retokenize() as retokenizer:
            for start, end in chosen:
                retokenizer.merge(doc[start:end])

    def _candidates(self, doc, text: str):
        arr = doc.to_array([ORTH_ATTR, SPACY])
        hyphens = numpy.flatnonzero(arr[:, 0] == self.vocab.strings["-"])
        if not len(hyphens):
            return
        n = len(doc)
        glued = (arr[:, 1] == 0).tolist()  # no space after the token
        starts = ends = None
        for i in hyphens.tolist():
            if i == 0 or i == n - 1 or not glued[i - 1] or not glued[i]:
                continue
            if starts is None:  # the tokens' characters, read once (a token written with no space after it
                bounds = doc.to_array([IDX, LENGTH])  # ends where the next one starts)
                starts, ends = bounds[:, 0].tolist(), (bounds[:, 0] + bounds[:, 1]).tolist()
            lo, hi = i - 1, i + 2  # the run of tokens written together around the hyphen
            while lo > 0 and glued[lo - 1]:
                lo -= 1
            while hi < n and glued[hi - 1]:
                hi += 1
            for start in range(lo, i):
                for end in range(i + 2, hi + 1):
                    if self._is_word(doc, start, end, text[starts[start]:ends[end - 1]]):
                        yield int(start), int(end)

    def _is_word(self, doc, start: int, end: int, text: str) -> bool:
        """Whether tokens `start:end` of `doc` (written together: `text`) are a listed word cut as affix
        splitting alone would cut it."""
        if text not in self.words:
            return False
        pieces = self._pieces.get(text)
        if pieces is None:
            pieces = self._pieces[text] = tuple(t.text for t in self.plain(text))
        return pieces == tuple(t.text for t in doc[start:end])

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """What spaCy's Tokenizer would save: every exception, the listed words included."""
        listed = self.token_match
        self.token_match = self.plain.token_match  # spaCy saves a token_match as its regex pattern
        try:
            data = srsly.msgpack_loads(super().to_bytes(exclude=exclude))
        finally:
            self.token_match = listed
        if "exceptions" in data:
            data["exceptions"] = {**data["exceptions"], **{w: [{ORTH: w}] for w in self.words}}
        return srsly.msgpack_dumps(data)

    def __reduce__(self):
        return (_rebuild, (self.vocab, {**self.rules, **{w: [{ORTH: w}] for w in self.words}},
                           self.prefix_search, self.suffix_search, self.infix_finditer, self.plain.token_match,
                           self.url_match, self.faster_heuristics))


class QuickSearch:
    """`pattern.search`, answered without scanning the string where the pattern allows.

    spaCy's prefix pattern is an alternation (`^§|^%|…`) that `re` tries at every position of every chunk:
    ~9 µs per word, nearly half the tokenizer's time on new text.  An alternative that starts with `^`
    can only match at 0 (`pattern.match`); any other one can only match where one of its first characters
    stands.  Where that does not rule a match out, the pattern itself searches: the result is always
    `pattern.search`'s.  `pattern` (the text) is what spaCy saves.  (The suffixes, ending in `$`, gain
    nothing from a check of the last character: most words end in a letter some unit ends with.)"""

    def __init__(self, compiled: re.Pattern):
        self.compiled, self.pattern = compiled, compiled.pattern
        self.anchored, self.firsts = _structure(compiled)

    def search(self, string: str):
        if self.anchored:
            found = self.compiled.match(string)
            if found is not None or (self.firsts is not None and not any(c in self.firsts for c in string[1:])):
                return found
        return self.compiled.search(string)

    def __reduce__(self):
        return (QuickSearch, (self.compiled,))


def quick_search(search: Callable | None) -> Callable | None:
    """The `search` of a `QuickSearch` for a compiled pattern's bound `search` (anything else unchanged)."""
    pattern = getattr(search, "__self__", None)
    if isinstance(pattern, re.Pattern) and getattr(search, "__name__", "") == "search":
        return QuickSearch(pattern).search
    return search


def _structure(compiled: re.Pattern) -> tuple[bool, set[str] | None]:
    """(some top-level alternative starts with `^`, the characters the others can start with: None where
    not known)."""
    from re import _constants as sre, _parser

    if compiled.flags & (re.MULTILINE | re.VERBOSE):
        return False, None
    try:
        items = list(_parser.parse(compiled.pattern, compiled.flags))
    except Exception:  # noqa: BLE001 (a private module: any change of it means "not known")
        return False, None
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
    begin = [bool(a) and a[0] == (sre.AT, sre.AT_BEGINNING) for a in alternatives]
    others = [a for a, anchored in zip(alternatives, begin) if not anchored]
    ignore_case = compiled.flags & re.IGNORECASE
    firsts = _chars([a[0] for a in others]) if all(others) and not ignore_case else None
    return any(begin), firsts


def _chars(items: list) -> set[str] | None:
    """The characters the parsed `items` can start with; None where not known."""
    from re import _constants as sre

    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            out.add(chr(arg))
        elif op is sre.IN and all(o is sre.LITERAL or (o is sre.RANGE and a[1] - a[0] < 10_000) for o, a in arg):
            for o, a in arg:
                out.update([chr(a)] if o is sre.LITERAL else map(chr, range(a[0], a[1] + 1)))
        else:
            inner = []  # the alternatives inside a group, a repeat (at least once) or a branch
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
                inner = [arg[2]]
            elif op is sre.SUBPATTERN and not arg[1] and not arg[2]:
                inner = [arg[3]]
            elif op is sre.BRANCH:
                inner = arg[1]
            more = _chars([list(a)[0] for a in inner]) if inner and all(inner) else None
            if more is None:
                return None
            out |= more
    return out


#: the special cases kept for a set of exceptions, by `FastTokenizer._key` (written by `save_split`)
SPLIT_FILE = Path(__file__).resolve().parent / "fast_tokenizer.json"


@functools.cache
def _saved_split() -> dict[str, list[str]]:
    try:
        return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_split() -> None:
    """Compute the split for spaCy's `id` exceptions and the shipped model's tokenizer, and save it."""
    from warta.models import MODEL_DIR

    out = {}
    blank = spacy.blank("id", config=CONFIG)
    saved = srsly.msgpack_loads((MODEL_DIR / "tokenizer").read_bytes()).get("exceptions") or {}
    for tokenizer, rules in ((blank.tokenizer, blank.Defaults.tokenizer_exceptions),
                             (from_file(blank.vocab, MODEL_DIR / "tokenizer"), saved)):
        kept = sorted(s for s, subs in rules.items() if not tokenizer._listable(s, subs))
        out[tokenizer._key(rules)] = kept
        if rules is saved:
            out[tokenizer._key(rules, ordered=True)] = kept
    SPLIT_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def _first(item: tuple) -> Any:
    return item[0]


def _rebuild(*args):
    return FastTokenizer(*args)


def _either(first: Callable, second: Callable | None) -> Callable:
    if second is None:
        return first
    return lambda string: first(string) or second(string)


@spacy.registry.tokenizers(FACTORY)
def create_fast_tokenizer() -> Callable:
    """spaCy's default tokenizer factory (`spacy.Tokenizer.v1`) building a FastTokenizer."""

    def make(nlp) -> FastTokenizer:
        d = nlp.Defaults
        prefix, suffix, infix = _compiled([prefix_expression(d.prefixes), suffix_expression(d.suffixes),
                                           infix_expression(d.infixes)])
        return FastTokenizer(
            nlp.vocab, rules=d.tokenizer_exceptions,
            prefix_search=prefix.search if d.prefixes else None,
            suffix_search=suffix.search if d.suffixes else None,
            infix_finditer=infix.finditer if d.infixes else None,
            token_match=d.token_match, url_match=d.url_match)

    return make


#: a config override that makes spacy.blank / spacy.load build a FastTokenizer
CONFIG = {"nlp": {"tokenizer": {"@tokenizers": FACTORY}}}


def prefix_expression(entries) -> str:
    """The pattern `spacy.util.compile_prefix_regex(entries)` compiles (the same for the two below)."""
    return "|".join(["^" + piece for piece in entries or () if piece.strip()])


def suffix_expression(entries) -> str:
    return "|".join([piece + "$" for piece in entries or () if piece.strip()])


def infix_expression(entries) -> str:
    return "|".join([piece for piece in entries or () if piece.strip()])


def _compiled(expressions: list[str | None]) -> list[re.Pattern | None]:
    """The compiled expressions (None stays None), from the user cache (`warta.knowledge.cache`): the
    affix patterns take ~0.1 s to compile, each time a tokenizer is built."""
    from warta.knowledge import cache

    texts = [e for e in expressions if isinstance(e, str)]
    compiled = iter(cache.patterns(*texts))
    return [next(compiled) if isinstance(e, str) else None for e in expressions]


def from_file(vocab, path) -> FastTokenizer:
    """A FastTokenizer with the settings a saved spaCy tokenizer holds (what `Tokenizer.from_disk` reads)."""
    data = srsly.msgpack_loads(open(path, "rb").read())
    keys = ["prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"]
    patterns = dict(zip(keys, _compiled([data.get(k) for k in keys])))

    def compiled(key: str, method: str):
        return getattr(patterns[key], method) if patterns[key] is not None else None

    return FastTokenizer(
        vocab, rules=data.get("exceptions") or {},
        prefix_search=compiled("prefix_search", "search"), suffix_search=compiled("suffix_search", "search"),
        infix_finditer=compiled("infix_finditer", "finditer"), token_match=compiled("token_match", "match"),
        url_match=compiled("url_match", "match"), faster_heuristics=data.get("faster_heuristics", True),
        fixed_order=True)


#: a tokenizer factory that builds nothing (`load` replaces the tokenizer with the saved one)
PLACEHOLDER = "warta.placeholder_tokenizer.v1"


@spacy.registry.tokenizers(PLACEHOLDER)
def create_placeholder_tokenizer() -> Callable:
    """A tokenizer without rules or affixes, cheap to build; never used to tokenise."""

    def make(nlp) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def load(path: Path):
    """`spacy.load(path)` with the saved tokenizer built as a `FastTokenizer`, in about half the time:
    the tokenizer of the config is never built (only the saved one is), and the vocabulary's string
    table is not read (the model looks strings up by hash; every token adds its own strings, the
    entity labels come with the `ner` component) unless the model keeps lookup tables."""
    nlp = spacy.load(path, config={"nlp": {"tokenizer": {"@tokenizers": PLACEHOLDER}}},
                     exclude=["tokenizer", "vocab"])
    vocab = Path(path) / "vocab"
    nlp.vocab.lookups.from_disk(vocab)
    if nlp.vocab.lookups.tables:  # lexeme norms and the like: the vocabulary as spaCy reads it
        nlp.vocab.from_disk(vocab)
    else:
        nlp.vocab.vectors.from_disk(vocab, exclude=["strings"])
    nlp.tokenizer = from_file(nlp.vocab, Path(path) / "tokenizer")
    return nlp


if __name__ == "__main__":
    save_split()
