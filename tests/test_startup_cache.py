"""Tables kept in the user cache (warta.knowledge.cache): built once per version, read back exactly,
written atomically, and never a reason to fail (a read-only folder, a damaged or foreign file only
mean building in memory)."""

from __future__ import annotations

import multiprocessing
import os
import pickle

import pytest

from warta.knowledge import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("WARTA_CACHE_DIR", str(where))
    return where


def counted(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_back_equal(folder):
    value = {"a": frozenset({"x", "y"}), "b": [1, 2.5, None, ("t", True)]}
    build, calls = counted(value)
    assert cache.stored("t", build) == value
    assert cache.stored("t", build) == value
    assert len(calls) == 1
    assert [p.name.startswith("t-") and p.suffix == ".pickle" for p in folder.iterdir()] == [True]


def test_a_changed_source_builds_a_new_version(folder, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    build, calls = counted([1])
    cache.stored("t", build, [source])
    source.write_text("two", encoding="utf-8")
    cache.stored("t", build, [source])
    cache.stored("t", build, [source])
    assert len(calls) == 2


def test_names_do_not_share_files(folder):
    assert cache.stored("a", lambda: 1) == 1
    assert cache.stored("b", lambda: 2) == 2
    assert cache.stored("a", lambda: 3) == 1


def test_damaged_file_is_rebuilt_and_replaced(folder):
    cache.stored("t", lambda: [1, 2])
    (path,) = folder.iterdir()
    path.write_bytes(b"not a pickle")
    build, calls = counted([1, 2])
    assert cache.stored("t", build) == [1, 2] and calls == [1]
    assert pickle.loads(path.read_bytes()) == [1, 2]


def test_file_writable_by_everyone_is_never_read(folder):
    cache.stored("t", lambda: "mine")
    (path,) = folder.iterdir()
    path.write_bytes(pickle.dumps("planted"))
    os.chmod(path, 0o666)
    assert cache.stored("t", lambda: "mine") == "mine"


def test_folder_writable_by_everyone_is_neither_read_nor_written(folder):
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)
    build, calls = counted("built")
    assert cache.stored("t", build) == "built" and cache.stored("t", build) == "built" and len(calls) == 2
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_builds_in_memory(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    monkeypatch.setenv("WARTA_CACHE_DIR", str(locked / "cache"))
    build, calls = counted(7)
    assert cache.stored("t", build) == 7 and cache.stored("t", build) == 7
    assert len(calls) == 2 and not (locked / "cache").exists()


def test_unwritable_path_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("WARTA_CACHE_DIR", str(blocker / "cache"))
    build, calls = counted(7)
    assert cache.stored("t", build) == 7 and cache.stored("t", build) == 7 and len(calls) == 2


def test_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("WARTA_CACHE_DIR", "off")
    build, calls = counted(1)
    cache.stored("t", build)
    cache.stored("t", build)
    assert len(calls) == 2


def test_unpicklable_value_is_returned_and_not_written(folder):
    value = [lambda: 1]
    assert cache.stored("t", lambda: value) is value
    assert not folder.exists() or not any(p.suffix == ".pickle" for p in folder.iterdir())
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir()) if folder.exists() else True


def _build_in_process(folder: str, n: int) -> list:
    os.environ["WARTA_CACHE_DIR"] = folder
    return cache.stored("race", lambda: list(range(n)))


def test_concurrent_processes_all_get_the_whole_table(folder):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.starmap(_build_in_process, [(str(folder), 50_000)] * 8)
    assert all(r == list(range(50_000)) for r in results)
    assert [p.suffix for p in folder.iterdir()] == [".pickle"]  # no temporary file left behind


def test_stale_versions_are_removed(folder):
    cache.stored("t", lambda: 1)
    (old,) = folder.iterdir()
    week_ago = old.stat().st_mtime - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    other = folder / "tx-0123.pickle"  # another table's file is left alone
    other.write_bytes(pickle.dumps(0))
    os.utime(other, (week_ago, week_ago))
    cache._write(folder / "t-newversion.pickle", 2)
    assert sorted(p.name for p in folder.iterdir()) == ["t-newversion.pickle", "tx-0123.pickle"]


def test_package_fingerprint_is_stable_within_a_process():
    assert cache.package_fingerprint() == cache.package_fingerprint() and len(cache.package_fingerprint()) == 64


TEXT = "Rp5.000,- (kata-nya) \"Menlu\" 12/3/2024 https://x.id/a?b=1 ÀBC abc ABC ab\nc — 3,5% 1.200km"


def test_compiled_patterns_are_stored_and_match_as_re_compiles_them(folder):
    import re

    expressions = [r"(?i)\b(?P<w>ab+c)\b", r"\d+(?:[.,]\d+)*(?=%|km)", r"[^\W\d_]+", r"(?<![\w-])Menlu(?![\w-])"]
    built = cache.patterns(*expressions, flags=re.M)
    read = cache.patterns(*expressions, flags=re.M)  # from the stored file: the engine's code, not the text
    for expression, a, b in zip(expressions, built, read):
        fresh = re.compile(expression, re.M)
        for p in (a, b):
            assert (p.pattern, p.flags, p.groups, p.groupindex) == (fresh.pattern, fresh.flags, fresh.groups,
                                                                   fresh.groupindex)
            assert [m.span() for m in p.finditer(TEXT)] == [m.span() for m in fresh.finditer(TEXT)]


def test_a_pattern_stored_under_another_engine_version_is_compiled_from_its_text(folder):
    import re

    stored = cache._compiled(re.compile(r"a(b)c", re.I))
    text, flags, engine = stored
    other = (engine[0] + 1, *engine[1:])  # another `re` engine: its code is not used
    p = cache._pattern(text, flags, other)
    assert p.pattern == "a(b)c" and p.flags & re.I and p.match("ABC").group(1) == "B"


def test_spacys_affix_patterns_are_the_ones_spacy_compiles():
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from warta.models.tokenizer import infix_expression, prefix_expression, suffix_expression

    d = spacy.blank("id").Defaults
    assert compile_prefix_regex(d.prefixes).pattern == prefix_expression(d.prefixes)
    assert compile_suffix_regex(d.suffixes).pattern == suffix_expression(d.suffixes)
    assert compile_infix_regex(d.infixes).pattern == infix_expression(d.infixes)
