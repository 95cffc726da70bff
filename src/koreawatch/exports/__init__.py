"""Exports of incidents: JSON Lines, CSV, GeoJSON, ACLED-style CSV and PLOVER JSON, and
the changes feed.

Every writer is a pure function ``(incidents, stream) -> records written``; the formats,
their columns and the type mappings are documented in ``docs/exports.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from koreawatch.errors import UsageError
from koreawatch.exports.acled import acled_skipped, write_acled
from koreawatch.exports.plover import plover_skipped, write_plover
from koreawatch.exports.writers import (
    geojson_skipped,
    write_changes,
    write_csv,
    write_geojson,
    write_jsonl,
)
from koreawatch.models import Incident

Writer = Callable[[Sequence[Incident], TextIO], int]

FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "acled": write_acled,
    "plover": write_plover,
}
"""Export format name → writer."""

_SKIP_NOTES: dict[str, tuple[Callable[[Sequence[Incident]], int], str]] = {
    "geojson": (geojson_skipped, "no place with coordinates"),
    "acled": (acled_skipped, "not factual (expected, denied or negated)"),
    "plover": (plover_skipped, "plain official statements, which PLOVER does not code"),
}


def check_format(fmt: str) -> Writer:
    """The writer of a format; UsageError naming the valid formats otherwise."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown export format {fmt!r}; valid formats: "
                         + ", ".join(FORMATS))
    return writer


def write_export(fmt: str, incidents: Sequence[Incident], stream: TextIO) -> int:
    """Write ``incidents`` to ``stream`` in format ``fmt``; returns the records written."""
    return check_format(fmt)(incidents, stream)


def export_notes(fmt: str, incidents: Sequence[Incident]) -> list[str]:
    """Lines to tell the user about incidents the format left out ([] when none)."""
    check_format(fmt)
    note = _SKIP_NOTES.get(fmt)
    if note is None:
        return []
    count = note[0](incidents)
    if not count:
        return []
    noun = "incident" if count == 1 else "incidents"
    return [f"{fmt}: skipped {count} {noun}: {note[1]}"]


__all__ = ["FORMATS", "Writer", "check_format", "export_notes", "write_changes",
           "write_export"]
