"""Article JSON and JSON Lines in the format of ``shared/spec/events.md``.

Each record is an object with ``text`` (required) and ``id``, ``title``,
``published``, ``outlet``, ``url`` (optional); other keys (``provenance``,
``source_path``...) are kept as extra metadata. ``content``/``body`` are accepted
for ``text``, ``date`` for ``published``, ``source`` for ``outlet``. A file may
hold one object, an array of objects, or one object per line (JSON Lines).
A bad record is reported on its own; the other records of the file go on. JSON Lines
files are read line by line, so the size limit applies to each line, not to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from koreawatch.errors import BadInputError
from koreawatch.ingest.dates import parse_date
from koreawatch.ingest.items import Item
from koreawatch.models import Article

_ALIASES = {
    "text": ("text", "content", "body"),
    "published": ("published", "date", "published_at", "pubdate"),
    "outlet": ("outlet", "source", "publisher", "site"),
}
_KNOWN = {"id", "title", "url", "author", "tags", "language"} | {
    key for names in _ALIASES.values() for key in names
}


def _first(record: dict[str, Any], field: str) -> Any:
    for key in _ALIASES[field]:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise BadInputError(f"field {key!r} is a {type(value).__name__}, not a string")
    text = str(value).strip()
    return text or None


def article_from_record(record: Any, source: str) -> Article:
    """Build an Article from one JSON record, or raise BadInputError naming the problem."""
    if not isinstance(record, dict):
        raise BadInputError(f"JSON record is a {type(record).__name__}, not an object")
    text = _first(record, "text")
    if text is None:
        raise BadInputError("JSON record has no 'text'")
    if not isinstance(text, str):
        raise BadInputError(f"JSON record's 'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        raise BadInputError("JSON record's 'text' is empty")
    published, flag = parse_date(_first(record, "published"))
    tags = record.get("tags") or ()
    if isinstance(tags, str):
        tags = (tags,)
    outlet = _first(record, "outlet")
    return Article(
        text=text,
        source=source,
        title=_optional_str(record, "title"),
        published=published,
        outlet=str(outlet).strip() if isinstance(outlet, str | int) else None,
        url=_optional_str(record, "url"),
        author=_optional_str(record, "author"),
        input_id=_optional_str(record, "id"),
        tags=tuple(str(t) for t in tags if isinstance(t, str | int)),
        flags=(flag,) if flag else (),
        extra={k: v for k, v in record.items() if k not in _KNOWN},
    )


def _record_source(source: str, record: Any, position: str) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), str | int):
        return f"{source}#{record['id']}"
    return f"{source}{position}"


def read_json(text: str, source: str) -> Iterator[Item]:
    """Items of a JSON document (an object or an array of objects)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n" in text.strip() and text.lstrip().startswith("{"):
            # Possibly JSON Lines saved with a .json extension.
            yield from read_jsonl(text.splitlines(), source)
            return
        raise BadInputError(f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise BadInputError("JSON array holds no records")
    for index, record in enumerate(records):
        position = f"[{index}]" if isinstance(data, list) else ""
        item_source = _record_source(source, record, position)
        try:
            yield Item(item_source, article_from_record(record, item_source))
        except BadInputError as exc:
            yield Item(item_source, error=str(exc))


def read_jsonl(
    lines: Iterable[str | bytes], source: str, max_line_bytes: int | None = None
) -> Iterator[Item]:
    """Items of JSON Lines (text, or raw UTF-8 lines read lazily from a large file);
    a malformed line is one skipped item."""
    seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        if max_line_bytes is not None and len(line) > max_line_bytes:
            yield Item(f"{source}:{lineno}", error=f"line {lineno} is larger than the size "
                                                   f"limit of {max_line_bytes:,} bytes")
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Item(f"{source}:{lineno}", error=f"line {lineno} is not UTF-8: {exc.reason}")
                continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(f"{source}:{lineno}", error=f"malformed JSON on line {lineno}: {exc.msg}")
            continue
        item_source = _record_source(source, record, f":{lineno}")
        try:
            yield Item(item_source, article_from_record(record, item_source))
        except BadInputError as exc:
            yield Item(item_source, error=str(exc))
    if not seen:
        raise BadInputError("empty input")
