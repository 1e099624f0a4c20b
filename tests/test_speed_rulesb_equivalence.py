"""The faster paths of the rule components (issue 13) give what the plain ones gave: trie alternations of
phrases match as the flat list does, the mark scan that jumps between marks finds what the character loop
found, names found by `str.find` start where the word index puts them, `sentence_at` by bisection names the
sentence the linear search named, and the finder's table look-up skips only tokens no phrase opens."""

from __future__ import annotations

import random
import re

import pytest

from warta.annotate.actors import Finder
from warta.annotate.actors.finder import occurrences
from warta.annotate.quotes import marks
from warta.lang.alternation import phrase_alternation as trie
from warta.lang.alternation import phrase_flat as flat
from warta.record import Article, Entity, Sentence

PHRASES = ["kata", "katanya", "kata dia", "Kata", "ujar", "ujarnya", "seperti dikutip", "seperti dikutip dari",
           "seperti dilansir", "menurut", "menurutnya", "demikian disampaikan", "dikutip dari", "a b", "a b c",
           "ab", "sebut", "menyebut", "-", "Plt.", "dan"]
TEXTS = ["Harga beras akan turun, kata Menteri Perdagangan Budi Santoso.",
         "Seperti dikutip dari  Antara, harga naik. Menurutnya, SEPERTI DILANSIR Reuters, a b c ab a  b.",
         "katanyaa kata-kata ujarnya; Kata dia: menurut\tdia, demikian\ndisampaikan Plt. Kepala",
         "menyebut sebut-sebut disebut, a b cd, ab c"]


def _random_text(rng: random.Random) -> str:
    words = [w for p in PHRASES for w in p.split()] + ["x", "Ka", "ta", ",", ".", "\n"]
    return "".join(rng.choice(words) + rng.choice([" ", "  ", "", "\n", ", "]) for _ in range(rng.randint(0, 30)))


@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize("around", [r"(?<!\w)({})(?!\w)", r"({})", r"\s*(?:{})\s*$", r"(?:{})(?:\s+x)?"])
def test_trie_matches_as_the_flat_list(flags, around):
    rng = random.Random(13)
    texts = TEXTS + [_random_text(rng) for _ in range(300)]
    for n in (1, 2, 5, len(PHRASES)):
        phrases = rng.sample(PHRASES, n)
        a = re.compile(around.format(flat(phrases)), flags)
        b = re.compile(around.format(trie(phrases)), flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in a.finditer(text)] == \
                [(m.span(), m.groups()) for m in b.finditer(text)], (phrases, text)
            for pos in range(len(text)):
                ma, mb = a.match(text, pos), b.match(text, pos)
                assert (ma and ma.span()) == (mb and mb.span()), (phrases, text, pos)


def test_trie_is_a_trie_and_falls_back_to_the_flat_list():
    phrases = ["seperti dikutip", "seperti dikutip dari", "ujar"]
    assert flat(phrases).count("k") == 2 and trie(phrases).count("k") == 1  # the shared words: one branch
    assert trie(["a  b", "a b c"]) == flat(["a  b", "a b c"])  # two spaces: the length order is not the depth
    assert trie(["kata", "katé"]) == flat(["kata", "katé"])  # non-ASCII: Unicode case folding


def test_mark_scan_finds_what_the_character_loop_found(monkeypatch):
    """The scan stops only at line breaks and marks: stopping at every character (the loop as it was) finds
    the same quotations."""
    def scan(text: str, every: bool) -> list[tuple[int, int, bool]]:
        if every:
            monkeypatch.setattr(marks, "_STOPS", re.compile(r"(?s)."))
        found = [(m.open, m.close, m.paragraph_start) for m in marks.find_marks(text)]
        monkeypatch.undo()
        return found

    rng = random.Random(7)
    alphabet = "ab c\n\n\t\u201c\u201d\"\u2018\u2019x."
    texts = ['"Kami siap," kata dia.\n\n\u201cItu benar\n\n\u201cdan lanjut\u201d ujarnya. Rumah\u2019nya \u2018ok\u2019']
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(3000)]
    for text in texts:
        assert scan(text, every=False) == scan(text, every=True)


def test_names_found_by_find_start_where_the_word_index_puts_them():
    text = "A A A Ab_A A-A. Joko Widodo, Widodo dan Jokowi; Joko Widodonya joko Widodo\nWidodo"
    for name in ["A", "A A", "A-A", "Ab_A", "Widodo", "Joko Widodo", "Jokowi", "Joko", "-A", "Widodo\nWidodo"]:
        assert occurrences(text, name, indexed=False) == occurrences(text, name, indexed=True), name
    assert occurrences(text, "A A", indexed=False) == [0, 2]  # overlapping occurrences too


def _sentence_at_by_search(sentences: list[Sentence], offset: int) -> int | None:
    return next((k for k, s in enumerate(sentences) if s.start <= offset < s.end), None)


@pytest.mark.parametrize("spans", [[(0, 10), (10, 10), (10, 20)], [(0, 5), (7, 9), (9, 15)], [(5, 5), (5, 8)],
                                   [], [(3, 4)]])
def test_sentence_at_by_bisection(spans):
    article = Article(text="x" * 30, sentences=[Sentence(start=a, end=b) for a, b in spans])
    for offset in range(-1, 32):
        assert article.sentence_at(offset) == _sentence_at_by_search(article.sentences, offset), offset
    article.sentences = article.sentences + [Sentence(start=25, end=28)]  # a new list: looked up anew
    assert article.sentence_at(26) == len(spans)


def test_finder_skips_only_tokens_that_open_no_phrase():
    from warta.knowledge.actor_tables import country_table, institution_table
    from warta.lang.id.titles import group_table, title_table

    text = ("Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Amerika Serikat di Kremlin. "
            "Pejabat AS dan militer Korea Selatan, kata juru bicara Kementerian Pertahanan Jepang.")
    finder = Finder(Article(text=text, entities=[Entity(text="Vladimir Putin", start=15, end=29, label="PER")]))
    for table in (title_table(), country_table(), institution_table(), group_table()):
        for i in range(-1, len(finder.tokens) + 1):
            assert finder.match_at(table, i) == table.match(finder.tokens, i), (table, i)
