"""An extraction task looks through the dataset for a killed attempt's files only after an attempt that began
writing (its `_STARTED` marker), not at every partition's start: listing a growing dataset once a partition
made a job of many partitions quadratic."""

from __future__ import annotations

from pathlib import Path

from warta.jobs import dataset as D
from warta.jobs import tasks

ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path) -> dict:
    return {"out": str(tmp_path / "ds"), "components": None, "options": {"use_model": False}}


def test_a_fresh_partition_does_not_list_the_dataset(tmp_path, monkeypatch):
    examples = sorted((ROOT / "examples").glob("*.txt"))
    calls = []
    monkeypatch.setattr(tasks, "_clear", lambda *a: calls.append(a))
    config = _config(tmp_path)
    for part, example in enumerate(examples[:2]):
        r = tasks.extract_partition(config, part, [(part, str(example))])
        assert r["articles"] == 1
    assert calls == []
    fs, root = D.filesystem(config["out"])
    assert fs.exists(f"{root}/_parts/part-00001/_STARTED") and fs.exists(f"{root}/_parts/part-00001/_SUCCESS")


def test_a_killed_attempts_files_are_removed_before_the_partition_is_written_again(tmp_path):
    example = sorted((ROOT / "examples").glob("*.txt"))[0]
    config = _config(tmp_path)
    fs, root = D.filesystem(config["out"])
    # a killed attempt at partition 0: it began (its marker) and wrote a file of the final dataset
    D.write_json(fs, f"{root}/_parts/part-00000/_STARTED", {"part": 0})
    stale = Path(root) / "quotes" / f"{D.PARTITION}=1999-01" / "part-00000.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half-written")
    r = tasks.extract_partition(config, 0, [(0, str(example))])
    assert r["articles"] == 1 and not r["skipped"]
    assert not stale.exists()


def test_an_attempt_killed_again_before_it_writes_leaves_the_first_ones_files_cleared(tmp_path):
    """Attempt 1 began writing and was killed; attempt 2 was killed while it extracted (before its own
    `_STARTED`): attempt 1's files are gone all the same, cleared as attempt 2 began."""
    config = _config(tmp_path)
    fs, root = D.filesystem(config["out"])
    where = f"{root}/_parts/part-00000"
    D.write_json(fs, f"{where}/_STARTED", {"part": 0})
    stale = Path(root) / "events" / f"{D.PARTITION}=1999-01" / "part-00000.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half-written")
    assert tasks._begin(fs, root, where, "part-00000.parquet") is None  # attempt 2 begins, then dies
    assert not stale.exists() and not fs.exists(where)
