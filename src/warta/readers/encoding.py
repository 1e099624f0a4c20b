"""Bytes to text: UTF-8, UTF-16/32 with a BOM, and legacy single-byte encodings.

Binary data is refused, not guessed at.  The result is NFC-normalised by the
readers that use it.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from warta.errors import input_error

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB (BOM-less UTF-16 is rare in news)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


#: share of non-ASCII bytes up to which a text is taken as Windows-1252 (Indonesian is mostly ASCII;
#: its legacy files hold curly quotes, dashes and a few accented letters)
LATIN_SHARE = 0.05
_HIGH = bytes(range(128, 256))


def _latin_text(data: bytes) -> str | None:
    """`data` as Windows-1252 when it decodes cleanly and is mostly ASCII, else None."""
    high = len(data) - len(data.translate(None, _HIGH))
    if high > LATIN_SHARE * len(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def decode(data: bytes, source: str) -> str:
    """The text in `data`, or an InputError saying why there is none (see `decode_text` for the warnings)."""
    return decode_text(data, source)[0]


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """`(text, warnings)` for `data`: UTF-8 with a few invalid bytes becomes UTF-8 with U+FFFD in their place
    (never a legacy-encoding guess that garbles every other character), and NUL characters are removed,
    each with a warning for the article."""
    text, warnings = _decode(data, source)
    text, more = clean_text(text)
    if not text.strip():
        raise input_error(source, "empty")
    return text, warnings + more


def clean_text(text: str) -> tuple[str, list[str]]:
    """`text` without NUL characters (they break databases and C libraries), and a warning when any were."""
    nuls = text.count("\x00")
    if not nuls:
        return text, []
    return text.replace("\x00", ""), [f"removed {nuls} NUL character(s) from the text"]


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """`(text, bad bytes)` when `data` is UTF-8 with some invalid bytes: it holds valid multi-byte sequences
    and no more invalid bytes than those (a legacy single-byte file has no valid sequences)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if good and bad <= good:
        return text, bad
    return None


def _decode(data: bytes, source: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise input_error(source, "empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                raise input_error(source, "encoding") from None
            if not text.strip():
                raise input_error(source, "empty")
            return text, []
    if looks_binary(data):
        raise input_error(source, "binary")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        return text, [f"{bad} byte(s) were not valid UTF-8 and were replaced by U+FFFD"]
    legacy = _latin_text(data)
    if legacy is not None:
        return legacy, []
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise input_error(source, "encoding")
    try:
        return data.decode(best.encoding), [f"not UTF-8: decoded as {best.encoding}"]
    except (UnicodeDecodeError, LookupError):
        raise input_error(source, "encoding") from None
