"""Turning raw bytes into text, refusing what is not text.

Rules, in order:

1. empty input (no bytes, or only whitespace once decoded) is refused;
2. input larger than the size limit is refused before it is read whole;
3. a byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32);
4. NUL bytes or a high share of control bytes mean binary data: refused;
5. valid UTF-8 is UTF-8;
6. otherwise charset-normalizer guesses the encoding; with no confident guess the
   input is refused as undecodable. A guess in the single-byte Latin family
   becomes Windows-1252 when the bytes decode as such (the usual case for English).
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from koreawatch.errors import BadInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LATIN_FAMILY = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_9",
                 "cp1254", "mac_roman"}
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}


def read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read at most ``limit`` bytes; refuse the input when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise BadInputError(f"{name}: larger than the size limit of {limit:,} bytes")
    return data


def read_file_bytes(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refusing files over ``limit`` without reading them."""
    size = path.stat().st_size
    if size > limit:
        raise BadInputError(f"file of {size:,} bytes is larger than the size limit of {limit:,}")
    with path.open("rb") as handle:
        return read_limited(handle, limit, str(path))


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or more than 5% control bytes in its first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > 0.05 * max(len(head), 1)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)`` or raises BadInputError."""
    if not data.strip():
        raise BadInputError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise BadInputError(
                    f"bytes do not match their {encoding} byte-order mark") from None
    if looks_binary(data):
        raise BadInputError("binary data, not text")
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInputError("undecodable text: no encoding fits its bytes")
    if best.encoding in _LATIN_FAMILY:
        try:  # English news in a single-byte Latin encoding is nearly always Windows-1252
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding
