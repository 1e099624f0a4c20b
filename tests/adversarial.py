"""The adversarial corpus of issue 14: inputs that once took quadratic time or broke a reader.

Shared by bench/bench_adversarial.py (which times them) and tests/test_robustness.py (which checks that
each gives a record or a clean error).  `cases(scale)` builds the inputs; scale 1.0 is the size in the
issue, tests use a smaller scale.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "menlu-asean.txt"


def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def cases(scale: float = 1.0) -> dict[str, str]:
    """name -> text, each as described in issue 14 (sizes times `scale`)."""

    def n(count: int) -> int:
        return max(1, int(count * scale))

    base = sample()
    return {
        "quotes_20k": "Judul\n\n" + '"' * n(20_000),
        "parens_10k": "Judul\n\n" + "(" * n(10_000) + ")" * n(10_000),
        "number_words_x2000": "Judul\n\n" + "satu dua tiga empat lima ratus ribu juta " * n(2000),
        "sample_presiden_x10000": base + "\n\n" + "Presiden " * n(10_000),
        "kata_caps_x18000": "Judul\n\n" + "KATA " * n(18_000),
        "kata_x20000": "Judul\n\n" + "Kata " * n(20_000),
        "sample_rp_x40000": base + "\n\n" + "Rp" * n(40_000),
        "dates_digits": "Judul\n\n" + "1 2 3 4 5 6 7 8 9 10 11 12 " * n(3000),
        "one_paragraph_no_stop": "kata " * n(5000),
        "chinese": "北京电 " + "中国外交部发言人今天表示双方将继续保持沟通" * n(500),
        "long_word": "Judul\n\n" + "a" * n(100_000),
        "dashes": "Judul\n\n" + "-" * n(50_000),
        "newlines": "Judul\n\n" + "\n" * n(50_000) + "Kata terakhir.",
        "dots": "Judul\n\n" + "." * n(50_000),
        "mixed_punct": "Judul\n\n" + "\"(Rp.-'/:)" * n(5_000),
    }
