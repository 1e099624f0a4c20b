"""The `warta` command ends `extract` and `job` without the interpreter's teardown: the same output, exit
status and exit handlers as a normal exit."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = sorted((ROOT / "examples").glob("*.txt"))[0]


def _warta(*args, **kw):
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True, **kw)


def test_extract_writes_everything_before_the_quick_exit(tmp_path):
    out = tmp_path / "out.jsonl"
    done = _warta("extract", str(EXAMPLE), str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(line.startswith("{") and line.endswith("}") for line in lines)
    piped = _warta("extract", str(EXAMPLE))
    assert piped.returncode == 0 and piped.stdout.count("\n") == 1 and piped.stdout.rstrip().endswith("}")


@pytest.mark.parametrize("content, code", [("", 2)])
def test_extract_keeps_its_exit_status(tmp_path, content, code):
    empty = tmp_path / "kosong.txt"
    empty.write_text(content, encoding="utf-8")
    done = _warta("extract", str(empty))
    assert done.returncode == code and "Error:" in done.stderr


def test_exit_handlers_still_run_and_a_text_status_exits_normally(monkeypatch):
    import atexit
    import os

    from warta import cli

    calls = []  # stand-ins: running the real handlers here would end this test session's pools and logs
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append("handlers"))
    monkeypatch.setattr(os, "_exit", lambda code: calls.append(code))
    cli._quick_exit(None)
    cli._quick_exit(1)
    assert calls == ["handlers", 0, "handlers", 1]
    with pytest.raises(SystemExit) as info:
        cli._quick_exit("Error: not a number")
    assert info.value.code == "Error: not a number" and calls == ["handlers", 0, "handlers", 1]


def test_other_commands_exit_normally(monkeypatch):
    from warta import cli

    monkeypatch.setattr(sys, "argv", ["warta", "--version"])
    with pytest.raises(SystemExit) as info:
        cli.run()
    assert info.value.code == 0
