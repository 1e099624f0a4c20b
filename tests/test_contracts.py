"""Contracts between the layers of warta (issue #11).

a. Imports: a component (a module or package in warta/annotate/) never imports another component;
   warta.lang and warta.knowledge never import warta.annotate.
b. No Indonesian word list or word regex in a .py file under src/warta (they belong in lexicons/).
c. Each component, run on a record holding only the reader layers and the layers it declares
   (`requires`, `uses`), changes only the layers it declares it `assigns`.

Today's violations of a. and b. are listed in ALLOWED_* below.  A new violation fails, and so does an
allowed entry that no longer occurs: the lists can only shrink (remove an entry when you fix it).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from warta import lexicons
from tests.test_pipeline import registered  # noqa: F401  (the fixture that registers test components)
from warta.record import Article, DateGrain, EntityLabel, EventType, SentenceKind

SRC = Path(__file__).resolve().parents[1] / "src" / "warta"
DOC = Path(__file__).resolve().parents[1] / "docs" / "FORMAT.md"


# ---------------------------------------------------------------------------------------------------------------
# a. import contract

#: (importing component, imported component) pairs that exist today.  Each is a reason to move the shared
#: helper to warta/lang/id/ (language) or warta/knowledge/ (world knowledge).
ALLOWED_COMPONENT_IMPORTS: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Absolute names of every module imported anywhere in the tree (function-local imports included)."""
    out: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)  # `from warta.annotate import places`
    return out


def _component(module: str) -> str | None:
    """`warta.annotate.events.triggers` -> "events"; None outside warta.annotate."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["warta", "annotate"] else None


@cache
def component_imports() -> set[tuple[str, str]]:
    found = set()
    for path in sorted((SRC / "annotate").rglob("*.py")):
        module = _module_name(path)
        me = _component(module)
        if me is None:
            continue
        for name in _imported(ast.parse(path.read_text(encoding="utf-8")), module, path.name == "__init__.py"):
            other = _component(name)
            if other and other != me:
                found.add((me, other))
    return found


def test_component_imports_no_other_component():
    new = component_imports() - ALLOWED_COMPONENT_IMPORTS
    assert not new, (f"a component imports another component: {sorted(new)}; move the shared helper to "
                     "warta/lang/id/ or warta/knowledge/ and import it from there")


def test_allowed_component_imports_still_occur():
    gone = ALLOWED_COMPONENT_IMPORTS - component_imports()
    assert not gone, f"fixed, remove from ALLOWED_COMPONENT_IMPORTS: {sorted(gone)}"


@pytest.mark.parametrize("layer", ["lang", "knowledge"])
def test_lang_and_knowledge_never_import_components(layer):
    bad = []
    for path in sorted((SRC / layer).rglob("*.py")):
        module = _module_name(path)
        names = _imported(ast.parse(path.read_text(encoding="utf-8")), module, path.name == "__init__.py")
        bad += [f"{path.relative_to(SRC)} imports {n}" for n in sorted(names)
                if n == "warta.annotate" or n.startswith("warta.annotate.")]
    assert not bad, bad


def test_import_scan_sees_local_and_relative_imports():
    tree = ast.parse("def f():\n    from warta.annotate import places\n    from ..entities import rules\n")
    names = _imported(tree, "warta.annotate.events.stages", is_package=False)
    assert "warta.annotate.places" in names and "warta.annotate.entities.rules" in names


# ---------------------------------------------------------------------------------------------------------------
# b. no Indonesian word lists in Python

#: (file under src/warta, the first four Indonesian words of the literal) -> how many such literals.  Each one
#: belongs in a lexicon (see /work/notes/lang-wordlists.md for file:line).
ALLOWED_WORD_LISTS = Counter({
})

#: a literal with this many Indonesian words is a word list
MIN_WORDS = 4
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: lexicons whose words (not keys of fixed records) are Indonesian vocabulary; places.yaml and the name
#: lexicons hold English and foreign names, and codes, so they are left out
VOCABULARY_LEXICONS = ("function_words", "reporting_verbs", "actor_words", "months", "numbers", "abbreviations",
                       "entity_rules", "morph", "units")


def _lexicon_words(value, words: set[str], keys: bool) -> None:
    if isinstance(value, str):
        words.update(w.casefold() for w in re.findall(r"[^\W\d_]{2,}", value)
                     if w.islower() or (w[:1].isupper() and w[1:].islower()))
    elif isinstance(value, list):
        for v in value:
            _lexicon_words(v, words, keys=False)
    elif isinstance(value, dict):
        for k, v in value.items():
            if keys:  # a word map (`group_heads: {pejabat: …}`), not a record's field names
                _lexicon_words(k, words, keys=False)
            _lexicon_words(v, words, keys=True)


def _code_words() -> set[str]:
    """Parts of every identifier in the code (`source_country` → source, country): English, not Indonesian."""
    out: set[str] = set()
    for path in SRC.rglob("*.py"):
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Name):
                name = n.id
            elif isinstance(n, ast.Attribute):
                name = n.attr
            elif isinstance(n, (ast.arg, ast.keyword)):
                name = n.arg
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = n.name
            else:
                continue
            out.update(p.casefold() for p in (name or "").split("_") if p)
    return out


@cache
def vocabulary() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set()
    for name in ("common_words.txt", "verbs.txt"):
        words.update(line.strip().casefold() for line in lexicons.path(name).read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
    for name in VOCABULARY_LEXICONS:
        data = lexicons.load(name)
        for value in data.values() if isinstance(data, dict) else [data]:
            _lexicon_words(value, words, keys=True)
    places = lexicons.load("places")
    _lexicon_words([*places["prefixes"], *places["compass"], *places["indonesian_prefixes"],
                    *places["local_prefixes"]], words, keys=False)
    return frozenset(words - set(STOP_WORDS) - _code_words())


def _is_word(s: str) -> bool:
    parts = WORD.findall(s)
    return bool(parts) and not s.isupper() and all(p.casefold() in vocabulary() for p in parts)


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    """(line, Indonesian words) of each list/tuple/set literal, dict's keys or regex string with >= MIN_WORDS."""
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
            elts = node.keys if isinstance(node, ast.Dict) else node.elts
            words = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _is_word(e.value)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value \
                and id(node) not in docstrings:  # a regex alternation (`(?:depan|lalu|ini)`)
            words = sorted({w for a in re.split(r"[|()\[\]?:\\]", node.value) for w in WORD.findall(a)
                            if len(w) >= 3 and w.casefold() in vocabulary()})
        else:
            continue
        if len(words) >= MIN_WORDS:
            out.append((node.lineno, words))
    return sorted(out)


@cache
def all_word_lists() -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for line, words in word_lists(path.read_text(encoding="utf-8")):
            found.setdefault((rel, " ".join(words[:MIN_WORDS])), []).append(line)
    return found


def test_no_new_indonesian_word_lists_in_python():
    found = all_word_lists()
    new = {f"{f}:{lines[0]} [{words}]" for (f, words), lines in found.items()
           if len(lines) > ALLOWED_WORD_LISTS.get((f, words), 0)}
    assert not new, f"Indonesian word lists in .py files (move them to a lexicon in src/warta/lexicons): {sorted(new)}"


def test_allowed_word_lists_still_occur():
    found = all_word_lists()
    gone = {f"{k} ({n} allowed, {len(found.get(k, []))} found)" for k, n in ALLOWED_WORD_LISTS.items()
            if len(found.get(k, [])) < n}
    assert not gone, f"moved to a lexicon: lower or remove these in ALLOWED_WORD_LISTS: {sorted(gone)}"


@pytest.mark.parametrize("code, expected", [
    ('NEG = ("tidak", "bukan", "belum", "tak")', 1),                       # a word tuple
    ('R = re.compile(r"\\b(?:tidak|bukan|belum|tak)\\b")', 1),             # a word regex
    ('def f(x):\n    return x in {"kepada", "terhadap", "dengan", "oleh"}', 1),
    ('FIELDS = ("source", "target", "date", "type", "country")', 0),    # English field names
    ('KINDS = ("LOC", "ORG", "PER", "MISC")', 0),                         # codes
    ('def f():\n    """Kata: tidak, bukan, belum, tak | x."""', 0),       # a docstring
    ('P = ("tidak", "bukan", "x")', 0),                                   # too short
])
def test_word_list_scan(code, expected):
    assert len(word_lists(code)) == expected


# ---------------------------------------------------------------------------------------------------------------
# record enumerations are documented


@pytest.mark.parametrize("enum, table, field", [(SentenceKind, "Sentence", "kind"), (EntityLabel, "Entity", "label"),
                                                 (DateGrain, "Date", "grain"), (EventType, "Event", "type")])
def test_enumerations_documented(enum, table, field):
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(f"### {table}\n"):]
    row = next(line for line in section.splitlines() if line.startswith(f"| `{field}` |"))
    missing = [e.value for e in enum if e.value not in row]
    assert not missing, f"docs/FORMAT.md, {table}.{field} lacks {missing}"


def test_enumerations_refuse_typos():
    from warta.record import Date, Entity, Event, Sentence

    for build in (lambda: Sentence(0, 1, kind="byline"), lambda: Entity("x", 0, 1, label="PERSON"),
                  lambda: Date("x", 0, 1, grain="days"), lambda: Event("e1", "ASSAULTS")):
        with pytest.raises(ValueError):
            build()
    assert Sentence(0, 1, kind=SentenceKind.LEAD).kind == "lead"
    assert Article(sentences=[Sentence(0, 1, kind=SentenceKind.LEAD)]).to_json().count('"kind": "lead"') == 1


# ---------------------------------------------------------------------------------------------------------------
# c. each component reads only what it declares and writes only what it declares

TEXT = """JAKARTA, KOMPAS.com - Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo, Jepang, pada Selasa (14/1/2025). Kedua pemimpin sepakat memperkuat kerja sama pertahanan.

"Kami akan terus bekerja sama dengan Jepang," kata Prabowo kepada wartawan.

Sehari kemudian, polisi menangkap 12 orang di Surabaya, Jawa Timur, karena menyelundupkan 3 ton beras. Menteri Luar Negeri Sugiono mengatakan pemerintah tidak akan mengirim pasukan ke Gaza.
"""

#: scratch entries a reader leaves (the reader's layers); the "tokens" layer is the spaCy Doc in scratch["doc"]
TOKENS_SCRATCH = ("doc",)

#: components that today break their contract, with the reason (strict: remove the entry when fixed)
XFAIL: dict[str, str] = {}


@cache
def _pipeline():
    from warta.pipeline import Pipeline

    return Pipeline()


def _read() -> Article:
    from warta.readers.text import read_text

    return read_text(TEXT, source="kontrak.txt")


def _fields(article: Article) -> dict:
    d = article.to_dict()
    d.pop("pipeline", None)
    return d


def _prepared(name: str) -> tuple[Article, set[str]]:
    """The record just before `name` runs in the default pipeline, stripped to the reader layers and the
    layers `name` declares it requires or uses; and the names of the layers kept."""
    pipe = _pipeline()
    article = _read()
    reader_scratch = set(article.scratch)
    info = None
    for info, step in pipe.steps:
        if info.name == name:
            break
        article = step(article)
    from warta.pipeline import READER_LAYERS

    keep = set(READER_LAYERS) | set(info.requires) | set(info.uses) | {"id", "schema", "reference_basis"}
    fresh = Article(text=article.text)
    for f in dataclasses.fields(Article):
        if f.name in ("scratch", "pipeline", "warnings"):
            continue
        if f.name not in keep:
            setattr(article, f.name, getattr(fresh, f.name))
    tokens = "tokens" in keep
    for key in list(article.scratch):
        if key not in reader_scratch and not (tokens and key in TOKENS_SCRATCH) and key not in keep:
            del article.scratch[key]
    return article, keep


def _components() -> list[str]:
    from warta.pipeline import DEFAULT_COMPONENTS, REGISTRY, _load_builtin_components

    _load_builtin_components()
    return [n for n in DEFAULT_COMPONENTS if n in REGISTRY]


def _params():
    return [pytest.param(n, marks=pytest.mark.xfail(reason=XFAIL[n], strict=True)) if n in XFAIL else n
            for n in _components()]


@pytest.mark.parametrize("name", _params())
def test_component_writes_only_what_it_assigns(name):
    pipe = _pipeline()
    article, _keep = _prepared(name)
    before = _fields(article)
    info, step = next((i, s) for i, s in pipe.steps if i.name == name)
    after = _fields(step(article))
    changed = {k for k in before if before[k] != after.get(k)} | (set(after) - set(before))
    undeclared = changed - set(info.assigns) - {"warnings"}
    assert not undeclared, f"{name} changed {sorted(undeclared)} but assigns only {list(info.assigns)}"


#: components whose output today depends on layers they neither require nor use, with the reason
#: (strict: remove the entry when fixed)
XFAIL_INPUTS: dict[str, str] = {}


def _params_inputs():
    return [pytest.param(n, marks=pytest.mark.xfail(reason=XFAIL_INPUTS[n], strict=True)) if n in XFAIL_INPUTS
            else n for n in _components()]


@pytest.mark.parametrize("name", _params_inputs())
def test_component_reads_only_what_it_declares(name):
    """On its declared inputs alone a component gives what it gives in the full pipeline."""
    pipe = _pipeline()
    full = _read()
    for info, step in pipe.steps:
        full = step(full)
        if info.name == name:
            break
    article, _keep = _prepared(name)
    article = step(article)
    for layer in info.assigns:
        if hasattr(full, layer):
            assert _fields(article)[layer] == _fields(full)[layer], \
                f"{name}: layer {layer!r} differs when only {sorted(set(info.requires) | set(info.uses))} are given"


# ---------------------------------------------------------------------------------------------------------------
# the pipeline checks `uses` at build


def test_pipeline_refuses_unknown_used_layer(registered):
    from warta.errors import PipelineError
    from warta.pipeline import Pipeline

    @registered("uji_pakai", requires=["sentences"], uses=["kutipan"], assigns=[])
    def make(options):
        return lambda article: article

    with pytest.raises(PipelineError) as info:
        Pipeline(["sentences", "uji_pakai"])
    assert "uji_pakai" in str(info.value) and "kutipan" in str(info.value)


def test_pipeline_accepts_used_layer_assigned_by_a_registered_component(registered):
    from warta.pipeline import Pipeline

    @registered("uji_pakai2", requires=["sentences"], uses=["quotes", "dates"], assigns=[])
    def make(options):
        return lambda article: article

    pipe = Pipeline(["sentences", "uji_pakai2"])
    assert pipe.names == ["sentences", "uji_pakai2"]
    pipe(_read())
    assert set(pipe.timings) == {"sentences", "uji_pakai2"} and pipe.timings["sentences"] > 0
