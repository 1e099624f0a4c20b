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


def test_file_writable_by_others_is_never_read(folder):
    cache.stored("t", lambda: "mine")
    (path,) = folder.iterdir()
    path.write_bytes(pickle.dumps("planted"))
    os.chmod(path, 0o666)
    assert cache.stored("t", lambda: "mine") == "mine"


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
