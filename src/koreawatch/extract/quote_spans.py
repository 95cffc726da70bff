"""Quotation spans in plain text: pairing quotation marks, paragraph by paragraph.

Rules: double quotes pair within a paragraph, each mark judged opening or closing by the
characters around it; single quotes pair too, outside double-quoted text (apostrophes
inside words, "'90s" and possessives like "workers'" are not quotation marks); a quotation
still open at the end of its paragraph ends there (one span per paragraph).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+(?:['-]\w+)*")
_OPEN_PREV = set(" \n([{-\u2013\u2014/\"'")
_CLOSE_NEXT = set(" \n,.;:!?)]}-\u2013\u2014/\"'")


def _mark_kind(text: str, i: int, mark: str) -> str | None:
    """"open", "close", "both" (could be either) or None (an apostrophe)."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opener = prev in _OPEN_PREV and not nxt.isspace()
    closer = not prev.isspace() and (nxt in _CLOSE_NEXT)
    if mark == "'":
        if prev.isalnum() and nxt.isalnum():
            return None
        if opener and (re.match(r"\d0s\b", text[i + 1 : i + 5]) or nxt in "'\""):
            return None
        return "open" if opener and not closer else "close" if closer and not opener else None
    if opener == closer:
        return "both"
    return "open" if opener else "close"


def _pair_marks(text: str, lo: int, hi: int, mark: str) -> list[tuple[int, int, str]]:
    """Pair ``mark``s in ``text[lo:hi]``: (start, end, how) with how in closed/cut/open."""
    spans: list[tuple[int, int, str]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        if text[i] != mark:
            continue
        kind = _mark_kind(text, i, mark)
        if open_at is None:
            if kind in ("open", "both"):
                open_at = i
        elif kind in ("close", "both"):
            spans.append((open_at + 1, i, "closed"))
            open_at = None
        elif kind == "open":
            spans.append((open_at + 1, i, "cut"))
            open_at = i
    if open_at is not None:
        spans.append((open_at + 1, hi, "open"))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, lo = [], 0
    for m in re.finditer(r"\n+", text):
        out.append((lo, m.start()))
        lo = m.end()
    out.append((lo, len(text)))
    return [(a, b) for a, b in out if b > a]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[tuple[int, int, str]]:
    """All quotation spans of ``text`` (rules 1-3 of the module doc), in text order.

    Returns (start, end, how): ``how`` is "closed", "cut" (a missing closing mark) or
    "open" (runs to the paragraph's end)."""
    paras = paragraphs(text)
    spans: list[tuple[int, int, str]] = []
    for n, (lo, hi) in enumerate(paras):
        doubles = _pair_marks(text, lo, hi, '"')
        inside = [(s, e) for s, e, _ in doubles]
        nxt = text[paras[n + 1][0]] if n + 1 < len(paras) else ""
        for s, e, how in _pair_marks(text, lo, hi, "'"):
            if any(a <= s < b for a, b in inside):
                continue
            if how == "open" and s - 1 != lo and nxt != "'":
                continue
            doubles.append((s, e, how))
        spans.extend((*_trim(text, s, e), how) for s, e, how in doubles)
    return sorted(s for s in spans if s[1] > s[0])


def word_count(text: str) -> int:
    """Words as the annotation guide counts them ("fault...our" is two)."""
    return len(_WORD.findall(text))
