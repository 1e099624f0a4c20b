"""`warta extract` on good and bad inputs, through click's CliRunner."""

import json
import time

import pytest
from click.testing import CliRunner

from warta.cli import main

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

ARTICLE = ("Banjir Rendam Ratusan Rumah di Kudus\n\nOleh: Sri Wahyuni\n\n"
           "KUDUS, KOMPAS.com - Banjir merendam ratusan rumah di Kabupaten Kudus setelah Sungai Wulan meluap "
           "pada Senin malam.\n\nSebanyak 250 warga mengungsi ke gedung sekolah. (dwi)\n")
FAST = ["--components", "language,sentences"]


def run(args, **kwargs):
    return CliRunner().invoke(main, args, **kwargs)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error: ")]


def test_cli_extract_text_file(tmp_path):
    path = tmp_path / "banjir.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run(["extract", *FAST, str(path)])
    assert result.exit_code == 0, result.output
    [record] = records(result.stdout)
    assert record["title"] == "Banjir Rendam Ratusan Rumah di Kudus"
    assert record["authors"] == ["Sri Wahyuni"]
    assert record["editor"] == "dwi"
    assert record["language"] == "id"
    assert record["schema"]
    assert record["text"].startswith("KUDUS, KOMPAS.com - Banjir merendam")  # the dateline stays in the text


def test_cli_extract_stdin():
    result = run(["extract", *FAST, "-"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    [record] = records(result.stdout)
    assert record["source"] == "<stdin>" and record["dateline_place"] == "Kudus"


def test_cli_extract_jsonl_stdin():
    lines = [json.dumps({"text": "Gempa mengguncang Maluku pagi ini. Warga panik.", "title": "Gempa Maluku",
                         "url": "https://contoh.example/gempa", "published": "2023-09-12"}),
             json.dumps({"text": "Harga minyak goreng turun di pasar tradisional."})]
    result = run(["extract", *FAST, "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    first, second = records(result.stdout)
    assert first["title"] == "Gempa Maluku" and first["url"] == "https://contoh.example/gempa"
    assert first["published"] == "2023-09-12"
    assert second["title"] is None and second["text"].startswith("Harga minyak")


def test_cli_extract_output_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(["extract", *FAST, "-o", str(out), str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert len(records(out.read_text(encoding="utf-8"))) == 1


def test_cli_extract_feed_one_record_per_entry():
    result = run(["extract", *FAST, str(DATA / "feeds" / "berita.rss")])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in records(result.stdout)] == [
        "KPU Tetapkan Jadwal Debat Calon Presiden", "Harga Bawang Merah Turun di Brebes",
        "Timnas Putri Kalah dari Vietnam"]


BAD = {
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "blank": (lambda p: p.write_bytes(b"  \n\n \t\n"), "empty"),
    "binary": (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary"),
    "encoding": (lambda p: p.write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 50 + [0xfe, 0xff, 0xc3] * 40)),
                 "encoding"),
    "html": (lambda p: p.write_text("<html><body><div><span></div>", encoding="utf-8"), "no article text"),
    "feed": (lambda p: p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>Putus',
                                    encoding="utf-8"), "feed could not be parsed"),
    "jsonl": (lambda p: p.write_text('{"judul": "tanpa teks"}\n', encoding="utf-8"), "line 1"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_cli_extract_bad_input_one_line_error(tmp_path, kind):
    make, words = BAD[kind]
    suffix = {"html": ".html", "feed": ".rss", "jsonl": ".jsonl"}.get(kind, ".txt")
    path = tmp_path / f"bad{suffix}"
    make(path)
    result = run(["extract", *FAST, str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    assert str(path) in lines[0] and words in lines[0]
    assert "(" in lines[0]  # says how to fix it
    assert records(result.stdout) == []


def test_cli_extract_missing_path(tmp_path):
    result = run(["extract", *FAST, str(tmp_path / "tidak-ada.txt")])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "no such file" in line and "check the path" in line


def test_cli_extract_too_big_refused_quickly(tmp_path):
    path = tmp_path / "besar.txt"
    chunk = ("Kalimat berita yang sangat panjang sekali. " * 1000).encode("utf-8")
    with path.open("wb") as f:
        while f.tell() < 50_000_000:
            f.write(chunk)
    started = time.perf_counter()
    result = run(["extract", *FAST, str(path)])
    assert time.perf_counter() - started < 5
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "over the 20.0 MB limit" in line and "--max-bytes" in line


def test_cli_extract_too_big_stdin_refused():
    result = run(["extract", *FAST, "--max-bytes", "1000", "-"], input="Berita panjang sekali. " * 200)
    assert result.exit_code == 2
    assert "limit" in result.stderr


def test_cli_extract_directory_good_and_bad(tmp_path):
    (tmp_path / "a_baik.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_rusak.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / ".tersembunyi.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(["extract", *FAST, str(tmp_path)])
    assert result.exit_code == 1, result.output  # one input failed: non-zero, the good one still written
    [record] = records(result.stdout)
    assert record["source"].endswith("a_baik.txt")
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "b_rusak.txt" in errors[0] and "binary" in errors[0]
    assert result.stderr.strip().splitlines()[-1].startswith("1 article(s) written")


def test_cli_extract_all_bad_several(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00" * 10)
    result = run(["extract", *FAST, str(tmp_path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("Error: ") for line in lines)


def test_cli_extract_empty_directory(tmp_path):
    result = run(["extract", *FAST, str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no articles found")


def test_cli_extract_unknown_component():
    result = run(["extract", "--components", "language,tidakada", "-"], input=ARTICLE)
    assert result.exit_code != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "tidakada" in line and "available" in line


def test_cli_extract_bad_reference_date():
    result = run(["extract", "--reference-date", "kemarin", "-"], input=ARTICLE)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "YYYY-MM-DD" in result.stderr
