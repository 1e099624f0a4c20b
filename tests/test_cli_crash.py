"""A component that fails on one article never loses the others (`warta extract` over many inputs)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warta.cli import main
from warta.pipeline import component


@component("test_boom", requires=["sentences"], assigns=[])
def make_boom(options):
    """Fails on articles that say BOOM (a test double for a crashing component)."""

    def run(article):
        if "BOOM" in article.text:
            raise RuntimeError("simulated crash")
        return article

    return run


def test_cli_extract_keeps_going_after_a_component_crash(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Banjir Surut di Demak\n\nAir mulai surut di Demak pada Selasa pagi. BOOM.\n",
                                encoding="utf-8")
    (news / "b.txt").write_text("Harga Cabai Turun\n\nHarga cabai rawit di Pasar Induk turun menjadi Rp 40.000 "
                                "per kilogram pada Rabu.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--components", "language,sentences,test_boom", str(news)])
    assert result.exit_code == 1, result.output  # something failed: non-zero, the rest still written
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["title"] for r in records] == ["Harga Cabai Turun"]
    assert "component 'test_boom' failed on article" in result.stderr and "a.txt" in result.stderr
    assert "1 article(s) written" in result.stderr


def test_cli_extract_strict_stops_at_the_first_failure(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Banjir Surut\n\nAir mulai surut di Demak pada Selasa pagi. BOOM.\n", encoding="utf-8")
    (news / "b.txt").write_text("Harga Cabai Turun\n\nHarga cabai rawit turun pada Rabu.\n", encoding="utf-8")
    args = ["extract", "--components", "language,sentences,test_boom"]
    strict = CliRunner().invoke(main, [*args, "--strict", str(news)])
    assert strict.exit_code == 2 and "BOOM" not in strict.stdout and "Harga" not in strict.stdout
    assert [ln for ln in strict.stderr.splitlines() if ln.startswith("Error: ")][0].count("test_boom") == 1
    going = CliRunner().invoke(main, [*args, "--keep-going", str(news)])
    assert going.exit_code == 1 and "Harga Cabai Turun" in going.stdout
