"""Plain-text articles: a title line, an optional dateline, then the body.

The layout handled (as in a text copy of a web article)::

    Title of the article
    <blank>
    March 15, 2021 Topic: North Korea Blog Brand: Korea Watch Tags: North KoreaChina
    <blank>
    Title of the article          (a repeat: dropped)
    <blank>
    Body...

Rules, in order:

1. the first non-blank line is the title;
2. the next non-blank line is a dateline when it starts with a date; labelled
   fields on it (``Topic:``, ``Blog Brand:``/``Brand:``, ``Tags:``, ``By``/``Author:``)
   are read; tags that ran together (``North KoreaChinaMilitary``) are split where a
   lower-case letter meets an upper-case one;
3. a repeat of the title right after the dateline is skipped;
4. the body is the rest of the text, exactly as received (a slice of the input).

A text without a dateline keeps its first line as title and has no date (flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from koreawatch.ingest.dates import parse_date
from koreawatch.models import Article

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_START = re.compile(
    rf"^\s*(?P<date>(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
    r"|(?:\d{4}-\d{2}-\d{2}))",
    re.IGNORECASE,
)
_LABELS = re.compile(r"(?P<label>Blog Brand|Brand|Topic|Tags|Author|By)\s*:", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPACES = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(stripped), stripped))
        pos += len(raw)
    return out


def _clean(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def split_tags(value: str) -> tuple[str, ...]:
    """Split a tag field: on commas or semicolons when present, else where words ran together."""
    value = _clean(value)
    if not value:
        return ()
    parts = re.split(r"\s*[,;|]\s*", value) if re.search(r"[,;|]", value) else _CAMEL.split(value)
    return tuple(p.strip() for p in parts if p.strip())


def parse_dateline(line: str) -> dict[str, str] | None:
    """Fields of a dateline (``date``, ``topic``, ``brand``, ``tags``, ``author``), or None."""
    match = _DATE_START.match(line)
    if not match:
        return None
    fields = {"date": _clean(match["date"])}
    rest = line[match.end():]
    labels = list(_LABELS.finditer(rest))
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(rest)
        name = label["label"].lower()
        name = {"blog brand": "brand", "by": "author"}.get(name, name)
        fields[name] = rest[label.end():end]
    return fields


def _next_nonblank(lines: list[_Line], index: int) -> int:
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    return index


def parse_plain_article(text: str, source: str) -> Article:
    """Read a plain-text article (see the module doc for the layout)."""
    lines = _lines(text)
    first = _next_nonblank(lines, 0)
    if first >= len(lines):
        from koreawatch.errors import BadInputError

        raise BadInputError("empty input")
    title = _clean(lines[first].text)
    body_line = first + 1
    fields: dict[str, str] = {}
    nxt = _next_nonblank(lines, body_line)
    if nxt < len(lines):
        parsed = parse_dateline(lines[nxt].text)
        if parsed is not None:
            fields = parsed
            body_line = nxt + 1
            nxt = _next_nonblank(lines, body_line)
            if nxt < len(lines) and _clean(lines[nxt].text) == title:
                body_line = nxt + 1
    body_index = _next_nonblank(lines, body_line)
    body = text[lines[body_index].start:] if body_index < len(lines) else ""
    if not body.strip():  # a one-paragraph text: the whole text is the body
        body, title = text, title[:200]
    published, date_flag = parse_date(fields.get("date"))
    flags = (date_flag,) if date_flag else ()
    return Article(
        text=body,
        source=source,
        title=title,
        published=published,
        topic=_clean(fields["topic"]) or None if "topic" in fields else None,
        brand=_clean(fields["brand"]) or None if "brand" in fields else None,
        author=_clean(fields["author"]) or None if "author" in fields else None,
        tags=split_tags(fields.get("tags", "")),
        flags=flags,
    )
