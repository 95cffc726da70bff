"""The ``export`` command: incidents in one of the export formats, or the changes feed.

``koreawatch export --format jsonl|csv|geojson|acled|plover [filters] [--output FILE]``
writes the matching incidents; ``koreawatch export --changes-since DATE`` writes the
incident changes (created, updated, retracted) since DATE as JSON Lines. Output goes to
standard output, or to FILE atomically (a temporary file in the same folder, renamed
over FILE once complete). Notes about skipped incidents go to stderr.

Incidents come from ``koreawatch.store.incidents``; in a build without it the command
falls back to the stored events, each wrapped as a one-mention incident.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from koreawatch.cli_incidents import MinOriginsOpt
from koreawatch.cli_query import FromOpt, PlaceOpt, ToOpt, TypeOpt
from koreawatch.errors import UsageError

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when the command runs
    from sqlalchemy import Connection

    from koreawatch.models import Incident

FormatOpt = Annotated[str | None, typer.Option(
    "--format", help="jsonl, csv, geojson, acled or plover (default jsonl); see "
    "docs/exports.md.")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write to this file (atomically) instead of standard output.")]
ChangesOpt = Annotated[str | None, typer.Option(
    "--changes-since", help="List incident changes since DATE (YYYY-MM-DD, or an ISO "
    "timestamp such as 2024-05-01T12:00:00Z) as JSON Lines.")]

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?"
                        r"(Z|[+-]\d{2}:?\d{2})?$")


def parse_since(value: str) -> datetime:
    """A ``--changes-since`` value as an aware datetime (UTC when no offset is given;
    a bare date means its midnight UTC)."""
    text = value.strip()
    if _TIMESTAMP.match(text):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise UsageError(f"--changes-since {value!r} is not a date or timestamp: use "
                     "YYYY-MM-DD or an ISO timestamp YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]")


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file next to ``output`` that replaces it when the
    block ends without error (and is removed when it fails)."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = output.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"--output {str(output)!r}: folder {str(folder)!r} does not exist")
    handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; give it the usual mode
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _with_conn(ctx: typer.Context, work: Callable[[Connection], Any]) -> Any:
    from koreawatch.cli import store_connection

    with store_connection(ctx) as conn:
        return work(conn)


def load_export_incidents(conn: Connection, type_: str | None, place: str | None,
                          date_from: date | None, date_to: date | None,
                          min_origins: int | None) -> list[Incident]:
    """The stored incidents to export."""
    from koreawatch.store.incidents import IncidentFilter, load_incidents

    filters = IncidentFilter(type=type_, place=place, date_from=date_from, date_to=date_to,
                             min_origins=min_origins)
    return list(load_incidents(conn, filters))


def _load_changes(conn: Connection, since: datetime) -> list[dict[str, Any]]:
    from koreawatch.store.incidents import changes_since

    return list(changes_since(conn, since))


def export_command(
    ctx: typer.Context, fmt: FormatOpt = None, type_: TypeOpt = None,
    place: PlaceOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
    min_origins: MinOriginsOpt = None, output: OutputOpt = None,
    changes_since: ChangesOpt = None,
) -> None:
    """Export incidents (jsonl, csv, geojson, acled, plover) or the changes feed."""
    from koreawatch.cli import err
    from koreawatch.exports import check_format, export_notes, write_changes
    from koreawatch.store.events import parse_date_bound

    if changes_since is not None:
        if fmt not in (None, "jsonl") or any((type_, place, date_from, date_to,
                                              min_origins)):
            raise UsageError("--changes-since takes no filters and only --format jsonl")
        since = parse_since(changes_since)
        changes = _with_conn(ctx, lambda conn: _load_changes(conn, since))
        with open_output(output) as stream:
            write_changes(changes, stream)
        return
    name = fmt or "jsonl"
    writer = check_format(name)
    start = parse_date_bound(date_from, label="--from") if date_from else None
    end = parse_date_bound(date_to, end=True, label="--to") if date_to else None
    if start and end and start > end:
        raise UsageError(f"date range is empty: --from {date_from} is after --to {date_to}")
    incidents = _with_conn(ctx, lambda conn: load_export_incidents(
        conn, type_, place, start, end, min_origins))
    with open_output(output) as stream:
        count = writer(incidents, stream)
    for line in export_notes(name, incidents):
        err.print(f"koreawatch: {line}", markup=False)
    if output is not None:
        err.print(f"koreawatch: wrote {count} {name} records to {output}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the ``export`` command to ``app``."""
    app.command("export")(export_command)
