"""Text normalization that keeps a map back to the original offsets.

Stored article text is never changed. Components that prefer clean text (one kind
of space, straight quotes, no runs of blanks) work on a :class:`NormalizedText`
and translate every offset they report back with :meth:`NormalizedText.to_original`,
so that evidence always indexes the text as received.

Rules, in order, applied per character of the original:

1. Unicode spaces (``\\xa0``, ``\\u2009``, ``\\u3000``...) and tabs become ``' '``.
2. Runs of spaces collapse to one space; a run containing a newline keeps one
   newline, and a run with two or more newlines keeps two (a paragraph break).
3. Curly quotes and apostrophes become straight ones; nothing else changes, so the
   normalized text has the same words as the original.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized copy of a text with, per normalized character, its original index."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the span of the original text."""
        if not self.offsets:
            return 0, 0
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    def to_normalized(self, original_index: int) -> int:
        """The normalized index of the first character at or after ``original_index``."""
        return bisect_right(self.offsets, original_index - 1)


_SPACE_RUN = re.compile(r"\s+")


def normalize(text: str) -> NormalizedText:
    """Normalize whitespace and quotes of ``text``, keeping an offset map (see module doc)."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        if start > pos:
            pieces.append(text[pos:start].translate(_QUOTES))
            offsets.extend(range(pos, start))
        if offsets and end < len(text):  # leading and trailing blanks are dropped
            newlines = match.group().count("\n")
            sep = "\n\n" if newlines >= 2 else ("\n" if newlines == 1 else " ")
            pieces.append(sep)
            offsets.extend([start] * len(sep))
        pos = end
    if pos < len(text):
        pieces.append(text[pos:].translate(_QUOTES))
        offsets.extend(range(pos, len(text)))
    return NormalizedText(text, "".join(pieces), tuple(offsets))


# "SEOUL (Reuters) - ", "Pyongyang, July 29 (KCNA) --", "SEOUL, South Korea (AP) - ": a
# place, maybe a date, the agency in brackets, then a dash
_DATELINE = re.compile(
    r"\A[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,3}(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r" ?\((?:AP|The Associated Press|Associated Press|Reuters|AFP|KCNA|Yonhap|UPI|Xinhua|CNN|"
    r"Bloomberg|dpa|Kyodo|TASS|NK News|RFA)\) ?(?:-{1,2}|\u2014|\u2013) ?")


# the leaders' names run into the next or previous word in some state-media copy
# ("ComradeKim Jong Unexpressed thanks", "sent toKim Jong Un")
_GLUED_NAME = re.compile(r"(?<=[a-z])(?=Kim (?:Jong Un|Yo Jong|Jong Il|Il Sung))"
                         r"|(?<=Kim (?:Jong Un|Yo Jong|Jong Il|Il Sung))(?=[a-z])")


def _splice(norm: NormalizedText, edits: list[tuple[int, int, str]]) -> NormalizedText:
    """``norm`` with each ``(start, end, replacement)`` edit applied (in text order, not
    overlapping); the replacement's characters map to the original offset of the
    character at ``start``, so spans keep mapping back to the original text."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, replacement in edits:
        pieces.append(norm.text[pos:start] + replacement)
        offsets.extend(norm.offsets[pos:start])
        offsets.extend([norm.offsets[min(start, len(norm.offsets) - 1)]] * len(replacement))
        pos = end
    pieces.append(norm.text[pos:])
    offsets.extend(norm.offsets[pos:])
    return NormalizedText(norm.original, "".join(pieces), tuple(offsets))


def unglue_names(norm: NormalizedText) -> NormalizedText:
    """The same text with a space where a leader's name runs into a neighbouring word; the
    space maps to the original offset of the character after it."""
    return _splice(norm, [(m.start(), m.start(), " ") for m in _GLUED_NAME.finditer(norm.text)])


def separate_dateline(norm: NormalizedText) -> NormalizedText:
    """The same text with a wire dateline set apart as a paragraph of its own, so that a
    parser does not take the place name for the subject of the first sentence. The dash
    becomes the paragraph break; every other character keeps its original offset."""
    match = _DATELINE.match(norm.text)
    if not match:
        return norm
    dash = len(match.group().rstrip(" -\u2014\u2013"))
    return _splice(norm, [(dash, match.end(), "\n\n")])


def normalized_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` in order (NFKC-folded), for hashing and shingling."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """SHA-256 of the text with all blanks folded: equal for texts that differ only in
    spacing, line breaks or quote style."""
    flat = unicodedata.normalize("NFC", " ".join(text.translate(_QUOTES).split()))
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()


def short_hash(value: str, length: int = 16) -> str:
    """A short, stable hexadecimal digest of ``value``."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:length]
