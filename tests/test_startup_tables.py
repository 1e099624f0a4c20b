"""What start-up reads from the user cache or loads the short way equals what was built the long way:
lexicons, country tables, verb roots, and the NER model (same entities as spaCy's own loader);
commands that extract nothing never import spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    """A new, empty cache folder, and the in-process memos that read it cleared before and after."""
    from warta import lexicons
    from warta.knowledge import countries
    from warta.lang.id import morph

    memos = [lexicons._stored, lexicons._load_one, countries._tables, morph._verb_roots, morph.roots]
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    for memo in memos:
        memo.cache_clear()
    yield tmp_path / "cache"
    for memo in memos:
        memo.cache_clear()


def test_lexicons_read_back_equal_what_yaml_gives(empty_cache):
    from warta import lexicons

    built = {name: lexicons.load(name) for name in lexicons.names()}  # builds the stored file
    lexicons._stored.cache_clear()
    lexicons._load_one.cache_clear()
    assert {name: lexicons.load(name) for name in lexicons.names()} == built  # read from it
    assert any(p.name.startswith("lexicons-") for p in empty_cache.iterdir())
    for name in lexicons.names():
        assert built[name] == lexicons.parse(lexicons.path(f"{name}.yaml").read_text(encoding="utf-8"))


def test_a_lexicon_failing_its_schema_still_raises_on_its_own(empty_cache, monkeypatch):
    from warta import lexicons

    real = lexicons.validate

    def broken_cameo(name, data, load_other=None):
        if name == "cameo":
            raise lexicons.LexiconError("cameo.yaml: broken on purpose")
        return real(name, data, load_other)

    monkeypatch.setattr(lexicons, "validate", broken_cameo)
    assert lexicons.load("months")  # the others are stored and load
    assert "cameo" not in lexicons._stored()
    with pytest.raises(lexicons.LexiconError, match="broken on purpose"):
        lexicons.load("cameo")


def test_country_tables_read_back_equal_the_built_ones(empty_cache):
    from warta.knowledge import countries

    built = countries._build_tables()
    assert countries._tables() == built  # built and stored
    countries._tables.cache_clear()
    assert countries._tables() == built  # read back
    assert countries.by_name("Tiongkok") == "CHN" and countries.by_capital("Moskow") == "RUS"


def test_stored_verb_roots_equal_the_analysis(empty_cache):
    from warta.lang.id import morph

    table = morph._verb_roots()
    assert len(table) > 1000
    for word, roots in table.items():
        assert roots == morph._roots(word), word
    assert morph.roots("menyerang") == morph._roots("menyerang") >= {"serang"}
    assert morph.roots("bukanverbaapapun") == morph._roots("bukanverbaapapun")  # not in the table


def test_model_loaded_the_short_way_finds_what_spacy_load_finds():
    import spacy

    from warta.models import MODEL_DIR, entities_of
    from warta.models.tokenizer import CONFIG, FastTokenizer, from_file, load

    full = spacy.load(MODEL_DIR, config=CONFIG, exclude=["tokenizer"])  # vocabulary with its strings
    full.tokenizer = from_file(full.vocab, MODEL_DIR / "tokenizer")
    short = load(MODEL_DIR)
    assert isinstance(short.tokenizer, FastTokenizer)
    assert short.pipe_names == full.pipe_names and short.vocab.vectors.shape == full.vocab.vectors.shape
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "gold").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    found = 0
    for text in texts:
        expected = entities_of(full, text)
        assert entities_of(short, text) == expected, text[:60]
        found += len(expected)
    assert found > 100


def _modules_after(argv_list: list[list[str]], cwd: Path | None = None) -> set[str]:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom warta.cli import main\n"
            f"for argv in {argv_list!r}:\n"
            "    result = CliRunner().invoke(main, argv)\n"
            "    assert result.exit_code == 0, (argv, result.output)\n"
            "print(' '.join(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd,
                         env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    return set(out.stdout.split())


def test_help_of_every_command_imports_no_model_library():
    from warta.cli import main
    import click

    ctx = click.Context(main)
    argvs = [["--help"], ["--version"]] + [[name, "--help"] for name in main.list_commands(ctx)]
    loaded = _modules_after(argvs)
    assert not {"spacy", "thinc", "lingua", "warta.annotate", "warta.models.tokenizer"} & loaded


def test_exporting_and_scoring_records_builds_no_pipeline(tmp_path):
    """Commands given records (not articles) never load the models."""
    from warta.record import Article

    record = Article(text="Menlu Retno bertemu Dubes Jepang.", title="Menlu").to_dict()
    (tmp_path / "records.jsonl").write_text(__import__("json").dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(__import__("json").dumps({"id": record["id"], "entities": []}) + "\n",
                                         encoding="utf-8")
    loaded = _modules_after([["export", "--format", "csv", "records.jsonl"],
                             ["eval", "gold.jsonl", "records.jsonl"]], cwd=tmp_path)
    assert not {"spacy", "thinc", "lingua", "warta.annotate"} & loaded
