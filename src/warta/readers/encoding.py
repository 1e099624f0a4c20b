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
    """The text in `data`, or an InputError saying why there is none."""
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
            return text
    if looks_binary(data):
        raise input_error(source, "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    legacy = _latin_text(data)
    if legacy is not None:
        return legacy
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise input_error(source, "encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise input_error(source, "encoding") from None
