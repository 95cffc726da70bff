"""The ``status`` command: day-by-day border status for people and cargo.

The rules live in ``koreawatch.resolve.status``; this module reads the incidents from
the store, calls ``status_series`` and prints a table, JSON, CSV or a PNG chart. Errors
are KoreaWatchError subclasses that ``cli.main`` turns into one line on stderr.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from koreawatch.errors import UsageError

if TYPE_CHECKING:  # the store, SQLAlchemy and matplotlib load only when a command runs
    from koreawatch.models import Incident
    from koreawatch.resolve.status import DayStatus, DimensionStatus, Region
    from koreawatch.settings import Settings

FORMATS = ("table", "json", "csv", "png")

PlaceOpt = Annotated[str | None, typer.Option(
    "--place", help="A border region: KP-09 (all its borders), KP-13:RU (one border), a "
    "crossing id (KP-09/tumen-border-bridge) or a province or crossing name. Without it: "
    "the latest status of every border region.")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", help="First day (YYYY-MM-DD, YYYY-MM or YYYY); default: the earliest evidence.")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="Last day (YYYY-MM-DD, YYYY-MM or YYYY; a month or year means its last day);"
    " default: today, or the last evidence plus status_unknown_days if earlier.")]
FormatOpt = Annotated[str, typer.Option(
    "--format", help="table, json, csv or png (png: a chart; needs --place).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write to this file instead of standard output.")]


def load_status_incidents(ctx: typer.Context, settings: Settings) -> list[Incident]:
    """The store's incidents (``load_incidents``); when none are stored yet, the incidents
    computed from the stored events (``compute_incidents``, nothing is written)."""
    from koreawatch.cli import store_connection
    from koreawatch.store.incidents import IncidentFilter, compute_incidents, load_incidents

    with store_connection(ctx) as conn:
        stored = list(load_incidents(conn, IncidentFilter()))
        return stored or list(compute_incidents(conn, settings))


def _dates(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    from koreawatch.store.events import parse_date_bound

    start = parse_date_bound(date_from, label="--from") if date_from else None
    end = parse_date_bound(date_to, end=True, label="--to") if date_to else None
    if start and end and start > end:
        raise UsageError(f"date range is empty: --from {date_from} is after --to {date_to}")
    return start, end


def _dim_text(dim: DimensionStatus) -> str:
    from koreawatch.resolve.status import LEVEL_NAMES

    if dim.level is None:
        return "unknown"
    text = f"{dim.level} {LEVEL_NAMES[dim.level]}"
    return text + " (stale)" if dim.state == "stale" else text


def _csv(rows: list[dict[str, Any]], lead: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*lead, "date", "people_level", "people_state", "cargo_level",
                     "cargo_state", "evidence"])
    for row in rows:
        writer.writerow([*(row[k] for k in lead), row["date"],
                         "" if row["people"]["level"] is None else row["people"]["level"],
                         row["people"]["state"],
                         "" if row["cargo"]["level"] is None else row["cargo"]["level"],
                         row["cargo"]["state"], " ".join(row["evidence"])])
    return buffer.getvalue()


def _runs(series: list[DayStatus]) -> list[tuple[DayStatus, DayStatus]]:
    """Consecutive days with the same status and evidence, as (first, last) pairs."""
    runs: list[tuple[DayStatus, DayStatus]] = []
    for day in series:
        key = (_dim_text(day.people), _dim_text(day.cargo), day.evidence)
        if runs and (_dim_text(runs[-1][1].people), _dim_text(runs[-1][1].cargo),
                     runs[-1][1].evidence) == key:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _print_table(table: Any, output: Path | None) -> None:
    from rich.console import Console

    if output is None:
        from koreawatch.cli import out

        out.print(table)
        return
    with output.open("w", encoding="utf-8") as fh:
        Console(file=fh, width=200, highlight=False).print(table)


def _series_table(region: Region, series: list[DayStatus], output: Path | None) -> None:
    from rich.table import Table

    table = Table("from", "to", "people", "cargo", box=None, pad_edge=False,
                  title=f"{region.id} {region.name}", title_justify="left")
    table.add_column("evidence", overflow="fold")
    for first, last in _runs(series):
        table.add_row(first.date.isoformat(), last.date.isoformat(), _dim_text(first.people),
                      _dim_text(first.cargo), ", ".join(first.evidence) or "-")
    _print_table(table, output)


def _write_png(series: list[DayStatus], title: str, output: Path | None) -> None:
    from koreawatch.resolve.status_chart import draw_status_png

    if output is not None:
        draw_status_png(series, title, output)
        return
    if sys.stdout.isatty():
        raise UsageError("--format png writes binary data: give --output FILE.png or "
                         "redirect standard output to a file")
    buffer = io.BytesIO()
    draw_status_png(series, title, buffer)
    sys.stdout.flush()
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.buffer.flush()


def _one_region(incidents: list[Incident], region: Region, span: tuple[date | None, ...],
                fmt: str, output: Path | None, settings: Settings) -> None:
    from koreawatch.resolve.status import status_series

    series = status_series(incidents, region, span[0], span[1], settings)
    if fmt == "png":
        _write_png(series, f"Border status: {region.name} ({region.id})", output)
    elif fmt == "json":
        _emit(json.dumps([d.to_dict() for d in series], ensure_ascii=False) + "\n", output)
    elif fmt == "csv":
        _emit(_csv([d.to_dict() for d in series], []), output)
    else:
        _series_table(region, series, output)


def _latest_rows(incidents: list[Incident], span: tuple[date | None, ...],
                 settings: Settings) -> list[dict[str, Any]]:
    from koreawatch.resolve.status import border_regions, latest_known, status_series

    rows: list[dict[str, Any]] = []
    for region in border_regions():
        day = latest_known(status_series(incidents, region, span[0], span[1], settings))
        if day is None:
            rows.append({"region": region.id, "name": region.name, "date": None,
                         "people": {"level": None, "state": "unknown", "reason": ""},
                         "cargo": {"level": None, "state": "unknown", "reason": ""},
                         "evidence": []})
        else:
            rows.append({"region": region.id, "name": region.name, **day.to_dict()})
    return rows


def _all_regions(incidents: list[Incident], span: tuple[date | None, ...], fmt: str,
                 output: Path | None, settings: Settings) -> None:
    from rich.table import Table

    from koreawatch.resolve.status import DimensionStatus

    if fmt == "png":
        raise UsageError("--format png draws one region: give --place (e.g. KP-09)")
    rows = _latest_rows(incidents, span, settings)
    if fmt == "json":
        _emit(json.dumps(rows, ensure_ascii=False) + "\n", output)
        return
    if fmt == "csv":
        _emit(_csv([{**r, "date": r["date"] or ""} for r in rows], ["region", "name"]), output)
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("region", overflow="fold")
    for column in ("name", "latest", "people", "cargo", "evidence"):
        table.add_column(column)
    for r in rows:
        dims = [DimensionStatus(r[k]["level"], r[k]["state"]) for k in ("people", "cargo")]
        table.add_row(r["region"], r["name"], r["date"] or "-", _dim_text(dims[0]),
                      _dim_text(dims[1]), str(len(r["evidence"])))
    _print_table(table, output)


def status_command(
    ctx: typer.Context, place: PlaceOpt = None, date_from: FromOpt = None,
    date_to: ToOpt = None, fmt: FormatOpt = "table", output: OutputOpt = None,
) -> None:
    """Day-by-day border status for people and cargo (0 open ... 3 closed), with the
    incidents behind each day; without --place, every border region's latest status."""
    from koreawatch.cli import _settings
    from koreawatch.resolve.status import find_region

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if place is not None and not place.strip():
        raise UsageError("empty --place: give a border region (KP-09, KP-13:RU, "
                         "KP-09/tumen-border-bridge) or leave it out")
    span = _dates(date_from, date_to)
    region = find_region(place) if place is not None else None
    settings = _settings(ctx)
    incidents = load_status_incidents(ctx, settings)
    if region is None:
        _all_regions(incidents, span, fmt, output, settings)
    else:
        _one_region(incidents, region, span, fmt, output, settings)


def register(app: typer.Typer) -> None:
    """Add the ``status`` command to ``app``."""
    app.command("status")(status_command)
