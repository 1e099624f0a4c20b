"""An extraction task told the ids kept by earlier partitions does not extract their exact copies again."""

from __future__ import annotations

from pathlib import Path

from warta.jobs import dataset as D
from warta.jobs import tasks
from warta.readers import read_path

ROOT = Path(__file__).resolve().parents[1]


def test_an_exact_copy_of_a_kept_article_is_counted_not_extracted(tmp_path):
    example = sorted((ROOT / "examples").glob("*.txt"))[0]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(example.read_bytes())
    other = sorted((ROOT / "examples").glob("*.txt"))[1]
    config = {"out": str(tmp_path / "ds"), "components": None, "options": {"use_model": False}}
    known = [read_path(str(example))[0].id]
    r = tasks.extract_partition(config, 0, [(0, str(copy)), (1, str(other))], known)
    assert r["records"] == 2 and r["duplicates"] == 1 and r["articles"] == 1
    assert r["stages"]["extract (pipeline)"]["n"] == 1  # only the other article went through the pipeline
    assert r["ids"] == [read_path(str(other))[0].id]
    fs, root = D.filesystem(config["out"])
    arts = D.read_part(fs, f"{root}/_parts/part-00000/articles{D.PART}")
    assert arts["id"].to_pylist() == r["ids"]
    # without the ids, both are extracted (the link pass would then drop the copy)
    again = tasks.extract_partition(dict(config, out=str(tmp_path / "ds2")), 0, [(0, str(copy)), (1, str(other))])
    assert again["articles"] == 2 and again["duplicates"] == 0


def test_the_kept_ids_are_per_thread():
    """A Dask worker may run several partitions at once in threads: each sees only its own ids."""
    import threading

    from warta.jobs import inputs

    seen = {}
    with inputs.known({"a"}):
        t = threading.Thread(target=lambda: seen.setdefault("other", set(inputs._known())))
        t.start()
        t.join()
        seen["this"] = set(inputs._known())
    assert seen == {"other": set(), "this": {"a"}} and not inputs._known()
