"""Untrusted input, unattended runs (issue 14): every case gives a record, a warning or one clean error,
and one bad input or article never costs another.  Times are measured by bench/bench_adversarial.py,
not here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import warta
from tests import adversarial
from warta import limits
from warta.cli import main
from warta.errors import ArticleTimeout, InputError, ModelError
from warta.pipeline import component
from warta.readers import read_bytes
from warta.store import Store

ROOT = Path(__file__).resolve().parents[1]
FAST = ["--components", "language,sentences"]
ARTICLE = ("Banjir Rendam Ratusan Rumah di Kudus\n\nKUDUS - Banjir merendam ratusan rumah di Kabupaten Kudus "
           "setelah Sungai Wulan meluap pada Senin malam.\n\nSebanyak 250 warga mengungsi. “Kami bertahan,” "
           "kata Sri.\n")


@component("test_sleep", requires=["sentences"], assigns=[])
def make_sleep(options):
    """Sleeps on articles that say TIDUR (a slow component)."""

    def run(article):
        if "TIDUR" in article.text:
            time.sleep(float(os.environ.get("WARTA_TEST_SLEEP", "3")))
        return article

    return run


@component("test_spin", requires=["sentences"], assigns=[])
def make_spin(options):
    """Loops for ever on articles that say PUTAR (a component stuck in Python code)."""

    def run(article):
        while "PUTAR" in article.text:
            pass
        return article

    return run


@component("test_kill", requires=["sentences"], assigns=[])
def make_kill(options):
    """Kills its own process on articles that say MATI (as the OOM killer would)."""

    def run(article):
        if "MATI" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return article

    return run


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def check_offsets(record) -> None:
    text = record.text
    for s in record.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for layer in ("entities", "quotes", "dates", "quantities", "places"):
        for item in getattr(record, layer):
            assert 0 <= item.start <= item.end <= len(text), (layer, item)
            assert text[item.start:item.end] == item.text, (layer, item)


# -- 1. linear time: the adversarial corpus gives records (timed by bench/bench_adversarial.py) ----------
@pytest.fixture(scope="module")
def pipeline():
    return warta.make_pipeline()


@pytest.mark.parametrize("name", sorted(adversarial.cases(0.02)))
def test_adversarial_input_gives_a_record(pipeline, name):
    text = adversarial.cases(0.02)[name]
    record = warta.extract_text(text, source=name, pipeline=pipeline)
    assert record.text.strip()
    check_offsets(record)


def test_safe_tokenizer_keeps_spacy_tokens_on_news_and_text_on_runs():
    from warta.annotate.sentences import tokenizer_nlp

    nlp = tokenizer_nlp()
    news = "Presiden Joko Widodo (Jokowi) bertemu Menlu A.S. di Jakarta, Senin (4/9/2023)."
    assert [t.text for t in nlp.make_doc(news)] == [t.text for t in nlp.tokenizer.tokenizer(news)]
    for text in ("RpRp" * 500, "Judul\n\n" + "(" * 300 + ")" * 300 + " akhir.", "a " + "-" * 100 + "  b"):
        doc = nlp.make_doc(text)
        assert doc.text == text


def test_pieces_cover_the_text_at_paragraph_breaks():
    text = ("Kalimat pertama. " * 10 + "\n\n") * 50
    parts = list(limits.pieces(text, limit=1000))
    assert len(parts) > 1 and "".join(p for _, p in parts) == text
    assert all(len(p) <= 1000 for _, p in parts) and all(text[o:o + len(p)] == p for o, p in parts)
    assert all(p.endswith("\n\n") for _, p in parts[:-1])


def test_time_budget_fails_a_slow_article_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Lambat Sekali\n\nKomponen ini TIDUR lama sekali.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["extract", "--components", "language,sentences,test_sleep",
                                       "--time-budget", "0.5", str(tmp_path)])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1, result.output
    assert [r["title"] for r in records(result.stdout)] == ["Banjir Rendam Ratusan Rumah di Kudus"]
    [error] = [ln for ln in result.stderr.splitlines() if ln.startswith("Error: ")]
    assert "a.txt" in error and "time budget" in error


def test_time_budget_stops_a_component_stuck_in_a_loop():
    nlp = warta.make_pipeline(["language", "sentences", "test_spin"], time_budget=0.5)
    with pytest.raises(ArticleTimeout, match="time budget"):
        warta.extract_text("Berputar\n\nKomponen ini PUTAR terus.", pipeline=nlp)
    assert warta.extract_text(ARTICLE, pipeline=nlp).title  # the pipeline still works


def test_time_budget_outside_the_main_thread_is_checked_between_components(monkeypatch):
    monkeypatch.setenv("WARTA_TEST_SLEEP", "1")
    nlp = warta.make_pipeline(["language", "sentences", "test_sleep", "test_spin"], time_budget=0.3)
    caught = []

    def run():
        try:
            warta.extract_text("Lambat\n\nKomponen ini TIDUR lalu PUTAR.", pipeline=nlp)
        except ArticleTimeout as exc:
            caught.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    assert caught and "time budget" in str(caught[0])


# -- 2. each input and each JSON Lines line its own unit of failure -------------------------------------
def test_extract_unreadable_file_does_not_stop_the_others(tmp_path, monkeypatch):
    import warta.readers as readers

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE.replace("Kudus", name[0].upper() + "udus"), encoding="utf-8")
    real = readers.read_path

    def read_path(path, max_bytes=readers.DEFAULT_MAX_BYTES):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, max_bytes)

    monkeypatch.setattr(readers, "read_path", read_path)
    result = CliRunner().invoke(main, ["extract", *FAST, str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert len(records(result.stdout)) == 2
    [error] = [ln for ln in result.stderr.splitlines() if ln.startswith("Error: ")]
    assert "b.txt" in error and "Permission denied" in error and "Traceback" not in result.output


def test_extract_jsonl_bad_line_costs_only_itself(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        json.dumps({"text": "Gempa mengguncang Maluku pagi ini. Warga panik.", "title": 123}),
        '{"text": "rusak',
        json.dumps({"text": "Harga cabai turun di pasar.", "published": 2024, "authors": [1, None, "Sri"],
                    "url": ["x"]}),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", *FAST, str(dump)])
    assert result.exit_code == 1, result.output
    first, third = records(result.stdout)
    assert first["title"] is None and any('"title"' in w for w in first["warnings"])
    assert third["published"] is None and third["authors"] == ["Sri"] and third["url"] is None
    assert sum('"published"' in w or '"authors"' in w or '"url"' in w for w in third["warnings"]) == 3
    [error] = [ln for ln in result.stderr.splitlines() if ln.startswith("Error: ")]
    assert f"{dump}#2" in error and "line 2" in error


def test_ingest_bad_lines_get_own_failed_rows_cleared_when_fixed(tmp_path):
    dump = tmp_path / "dump.jsonl"
    good = json.dumps({"text": "Gempa mengguncang Maluku pagi ini. Warga panik.", "url": ["x"]})
    dump.write_text("\n".join([good, "{rusak", "[1, 2]"]) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        summary = store.ingest([dump], jobs=1, components=["language", "sentences"])
        failed = list(store.conn.execute("SELECT id, source FROM articles WHERE status = 'failed' ORDER BY source"))
    assert summary.new == 1 and summary.failed == 2
    assert [r["source"] for r in failed] == [f"{dump}#2", f"{dump}#3"] and failed[0]["id"] != failed[1]["id"]
    dump.write_text("\n".join([good, json.dumps({"text": "Harga cabai turun di pasar induk."}),
                               json.dumps({"text": "Banjir surut di Demak pada Selasa."})]) + "\n",
                    encoding="utf-8")
    with Store.open(db) as store:
        again = store.ingest([dump], jobs=1, components=["language", "sentences"])
        statuses = [r[0] for r in store.conn.execute("SELECT status FROM articles")]
    assert again.failed == 0 and sorted(statuses) == ["ok", "ok", "ok"]


def test_ingest_cli_exit_status_and_strict(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_bytes(b"")
    (news / "b.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["ingest", "--components", "language,sentences", "-j", "1", "--no-progress"]
    going = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "a.db"), str(news)])
    assert going.exit_code == 1, going.output
    strict = CliRunner().invoke(main, [*args, "--strict", "--db", str(tmp_path / "b.db"), str(news)])
    assert strict.exit_code == 2, strict.output  # stopped at the first (failed) input
    with Store.open(tmp_path / "b.db") as store:
        assert store.counts()["articles"] == 1


# -- 3. liveness and concurrency ------------------------------------------------------------------------
def test_ingest_survives_a_killed_worker(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for i in range(6):
        body = "Pekerja ini MATI mendadak." if i == 2 else f"Berita nomor {i} tentang banjir di Demak."
        (news / f"{i}.txt").write_text(f"Judul {i}\n\n{body}\n", encoding="utf-8")

    def give_up(signum, frame):
        raise TimeoutError("the ingest hung after a worker was killed")

    old = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(180)
    try:
        with Store.open(tmp_path / "w.db") as store:
            summary = store.ingest([news], jobs=2, components=["language", "sentences", "test_kill"])
            rows = {r["source"]: (r["status"], r["error"]) for r in store.conn.execute(
                "SELECT source, status, error FROM articles")}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert summary.new == 5 and summary.failed == 1
    status, error = rows[str(news / "2.txt")]
    assert status == "failed" and "worker process died" in error


SLOW_INGEST = """
import sys, time
from warta.pipeline import component
from warta.store import Store

@component("test_slow", requires=["sentences"], assigns=[])
def make_slow(options):
    def run(article):
        time.sleep(0.4)
        return article
    return run

with Store.open(sys.argv[1], timeout=1.0) as store:
    s = store.ingest([sys.argv[2]], jobs=1, components=["language", "sentences", "test_slow"], batch_size=2)
print(s.new, s.duplicates, s.failed)
"""


def test_two_ingests_at_once_with_slow_articles_both_store(tmp_path):
    db = tmp_path / "w.db"
    Store.open(db).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    procs = []
    for k in range(2):
        folder = tmp_path / f"news{k}"
        folder.mkdir()
        for i in range(5):
            (folder / f"{i}.txt").write_text(f"Judul {k} {i}\n\nBerita {k} nomor {i} tentang banjir di Demak.\n",
                                             encoding="utf-8")
        procs.append(subprocess.Popen([sys.executable, "-c", SLOW_INGEST, str(db), str(folder)], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    with Store.open(db) as store:
        assert store.counts()["articles"] == 10


# -- 5. no silent corruption ----------------------------------------------------------------------------
def test_one_invalid_utf8_byte_is_replaced_with_a_warning():
    text = "Judul Berita\n\n“Kami siap,” kata Menteri di Jakarta pada Senin. Harga naik 5 persen — tajam.\n"
    data = text.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    [article] = read_bytes(data, "x.txt")
    assert "“Kami siap,”" in article.text and "—" in article.text and "\ufffd" in article.text
    assert any("UTF-8" in w for w in article.warnings)


def test_nul_late_in_a_file_is_removed_with_a_warning():
    data = (ARTICLE + "x" * 9000 + "\x00 akhir.\n").encode("utf-8")
    [article] = read_bytes(data, "x.txt")
    assert "\x00" not in article.text and any("NUL" in w for w in article.warnings)


# -- 6. limits that hold --------------------------------------------------------------------------------
def test_a_1_1_mb_text_is_split_into_sentences_without_e088():
    text = "Judul Panjang\n\n" + ("Banjir merendam ratusan rumah di Demak pada Senin. " * 20 + "\n\n") * 1100
    assert len(text) > 1_100_000
    nlp = warta.make_pipeline(["language", "sentences"])
    record = warta.extract_text(text, pipeline=nlp)
    assert len(record.sentences) == 22_000


def test_deep_nested_html_gives_a_record_with_a_warning():
    html = ("<html><head><title>Banjir</title></head><body>" + "<div>" * 400
            + "<p>Banjir merendam ratusan rumah di Demak pada Senin.</p>" + "</div>" * 400 + "</body></html>")
    [article] = read_bytes(html.encode(), "x.html")
    assert "Banjir merendam" in article.text and article.warnings


@pytest.mark.parametrize("text", [
    "北京电 中国外交部发言人今天表示双方将继续保持沟通",
    "中国外交部发言人今天表示\n\n双方将继续保持沟通",
    "banjir merendam ratusan rumah di demak tanpa titik di akhir",
])
def test_chinese_or_one_paragraph_without_stop_gives_a_record(text):
    record = warta.extract_text(text, pipeline=warta.make_pipeline(["language", "sentences"]))
    assert record.text.strip()


# -- 7. smaller ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["Video [/] Banjir di Demak", "[video] Banjir di Demak"])
def test_pretty_prints_titles_with_brackets(tmp_path, title):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.replace("Banjir Rendam Ratusan Rumah di Kudus", title), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", *FAST, "--pretty", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert title in result.stdout


@pytest.mark.parametrize("value, words", [(None, "not None"), (b"berita", "not bytes"), (42, "not int")])
def test_api_type_errors_say_what_to_give(value, words):
    with pytest.raises(TypeError, match=words):
        list(warta.extract(value))


@pytest.mark.parametrize("value", [None, b"Banjir di Demak."])
def test_extract_text_type_errors(value):
    with pytest.raises(TypeError, match="takes the article's text as a str"):
        warta.extract_text(value)


@pytest.mark.parametrize("text", ["", "   \n "])
def test_extract_text_refuses_an_empty_article(text):
    with pytest.raises(InputError, match="empty"):
        warta.extract_text(text)


def test_extract_takes_a_str_as_one_path():
    nlp = warta.make_pipeline(["language", "sentences"])
    articles = list(warta.extract(str(ROOT / "examples"), pipeline=nlp))
    assert len(articles) == len(list((ROOT / "examples").glob("*.txt")))


def test_extract_reports_errors_to_on_error_and_progress(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    errors, progress = [], []
    nlp = warta.make_pipeline(["language", "sentences"])
    articles = list(warta.extract(tmp_path, pipeline=nlp, on_error=errors.append,
                                  on_progress=lambda done, source: progress.append(done)))
    assert len(articles) == 1 and len(errors) == 1 and "empty" in str(errors[0]) and progress == [1, 2]


def test_a_broken_model_is_a_model_error_not_silence(monkeypatch):
    import warta.models

    def broken(name="id_news"):
        raise ModelError("warta model 'id_news' could not be loaded: simulated")

    monkeypatch.setattr(warta.models, "load_model", broken)
    with pytest.raises(ModelError, match="simulated"):
        warta.make_pipeline(["language", "sentences", "entities"])
    assert warta.make_pipeline(["language", "sentences", "entities"], use_model=False)
