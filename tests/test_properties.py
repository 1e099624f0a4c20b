"""Property tests (Hypothesis): any input gives a record or a clear error, never a traceback, and every
offset points into the text.  Examples are bounded so the suite stays fast; bench/fuzz_readers.py runs
the same targets for longer."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.errors import WartaError
from warta.readers import read_bytes
from warta.readers.jsonl import read_line

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: text that looks like news often enough to reach the rules: words, names, numbers, quotes, brackets
WORDS = ["Presiden", "Jokowi", "kata", "Rp", "5", "persen", "Senin", "(4/9/2023)", "“", "”", '"', "(", ")",
         "Jakarta", "—", "KPK", "di", "pada", "\n\n", ".", ",", "2024", "ribu", "dua", "puluh", "Menteri"]
news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like)


@pytest.fixture(scope="module")
def pipeline():
    return warta.make_pipeline()


def check_record(record) -> None:
    text = record.text
    assert text.strip()
    for s in record.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for layer in ("entities", "quotes", "dates", "quantities", "places"):
        for item in getattr(record, layer):
            assert 0 <= item.start <= item.end <= len(text)
            assert text[item.start:item.end] == item.text
    for actor in record.actors:
        for start, end in actor.mentions:
            assert 0 <= start <= end <= len(text)
    for event in record.events:
        assert 0 <= event.start <= event.end <= len(text)
    json.loads(record.to_json())


@FAST
@given(text=any_text)
def test_any_text_gives_a_record_or_a_clear_error(pipeline, text):
    try:
        record = warta.extract_text(text, pipeline=pipeline)
    except WartaError as exc:
        assert str(exc)
        return
    check_record(record)


@FAST
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_articles_or_an_input_error(data):
    try:
        articles = read_bytes(data, "x")
    except WartaError as exc:
        assert str(exc).startswith("x")
        return
    assert articles and all(a.text.strip() and "\x00" not in a.text for a in articles)


@FAST
@given(text=news_like, wrapper=st.sampled_from(["<html><body><p>{}</p></body></html>",
                                                  "<rss><channel><item><title>t</title><description>{}"
                                                  "</description></item></channel></rss>", "{}"]))
def test_pages_and_feeds_of_any_text(text, wrapper):
    try:
        articles = read_bytes(wrapper.format(text).encode("utf-8"), "x")
    except WartaError:
        return
    assert all(a.text.strip() for a in articles)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(st.text(max_size=5), children, max_size=3), max_leaves=8)


@FAST
@given(item=st.dictionaries(st.sampled_from(["text", "title", "url", "published", "authors", "source", "x"]),
                            json_values, max_size=6))
def test_any_jsonl_line_gives_an_article_or_an_input_error(item):
    try:
        article = read_line(json.dumps(item), "d.jsonl", 1)
    except WartaError as exc:
        assert "d.jsonl#1" in str(exc)
        return
    assert isinstance(item.get("text"), str)
    for key in ("title", "url", "published", "source"):
        assert getattr(article, key) is None or isinstance(getattr(article, key), str)
    assert all(isinstance(a, str) for a in article.authors)
