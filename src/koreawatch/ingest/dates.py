"""Publication dates of inputs: parsing and sanity checks.

A date that is missing, unparseable, impossible (30 February) or implausible
(before 1900, or more than a day in the future) is not stored; the article is kept
with a flag naming the problem.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as dateutil_parser

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
EARLIEST = date(1900, 1, 1)


def parse_date(value: object, *, today: date | None = None) -> tuple[date | None, str | None]:
    """Parse a publication date; returns ``(date, None)`` or ``(None, flag)``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "no publication date"
    if isinstance(value, datetime):
        parsed: date = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        match = _ISO.match(text)
        try:
            if match:
                parsed = date(int(match[1]), int(match[2]), int(match[3]))
            else:
                parsed = dateutil_parser.parse(text, fuzzy=False).date()
        except (ValueError, OverflowError):
            return None, f"impossible or unreadable publication date {text[:40]!r}"
    else:
        return None, f"publication date of type {type(value).__name__} is not a date"
    today = today or datetime.now(UTC).date()
    if parsed < EARLIEST:
        return None, f"implausible publication date {parsed.isoformat()} (before 1900)"
    if parsed > today + timedelta(days=1):
        return None, f"publication date {parsed.isoformat()} is in the future"
    return parsed, None
