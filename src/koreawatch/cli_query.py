"""Query commands of the CLI (``events``, ``timeline``), registered on the main app.

Both take the same filters (see ``koreawatch.store.events`` for their meaning), query the
store once and print; errors are KoreaWatchError subclasses that ``cli.main`` turns into
one line on stderr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when a command runs
    from koreawatch.models import Event
    from koreawatch.store.events import EventFilter

TypeOpt = Annotated[str | None, typer.Option(
    "--type", help="Only this event type (border_closure, arrest, smuggling... one of the "
    "13 types of the event spec; a bad value lists them).")]
PlaceOpt = Annotated[str | None, typer.Option(
    "--place", help="A gazetteer id (KP-09, KP-09/saebyol) or place name; a province "
    "includes its counties, cities and crossings.")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", help="Only what happened on or after this date (YYYY-MM-DD, "
    "YYYY-MM or YYYY).")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="Only what happened on or before this date (YYYY-MM-DD, "
    "YYYY-MM or YYYY; a month or year means its last day).")]
ModalityOpt = Annotated[str | None, typer.Option(
    "--modality", help="Only this modality: asserted, reported, expected, denied, negated.")]
SourceOpt = Annotated[str | None, typer.Option(
    "--source", help="Events with a source chain containing this text (any case).")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Only this article's events.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def build_filter(type_: str | None, place: str | None, date_from: str | None,
                 date_to: str | None, modality: str | None, source: str | None,
                 article: str | None, limit: int | None, offset: int) -> EventFilter:
    """The EventFilter for the command-line options (dates parsed, values checked)."""
    from koreawatch.store.events import EventFilter, parse_date_bound

    return EventFilter(
        type=type_, place=place, modality=modality, source=source, article_id=article,
        date_from=parse_date_bound(date_from, label="--from") if date_from else None,
        date_to=parse_date_bound(date_to, end=True, label="--to") if date_to else None,
        limit=limit, offset=offset,
    )


def _query(ctx: typer.Context, filters: EventFilter) -> list[Event]:
    from koreawatch.cli import store_connection
    from koreawatch.store.events import query_events

    with store_connection(ctx) as conn:
        return query_events(conn, filters)


def events_command(
    ctx: typer.Context, type_: TypeOpt = None, place: PlaceOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None, modality: ModalityOpt = None,
    source: SourceOpt = None, article: ArticleOpt = None, limit: LimitOpt = None,
    offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """List stored events, earliest first (--json: an array of spec records)."""
    from koreawatch.cli import err, out, print_json
    from koreawatch.timeline import format_places, format_when

    found = _query(ctx, build_filter(type_, place, date_from, date_to, modality, source,
                                     article, limit, offset))
    if as_json:
        print_json([event.to_spec() for event in found])
        return
    if not found:
        err.print("no events match", markup=False)
    for event in found:
        modality_cell = "" if event.modality == "asserted" else f" ({event.modality})"
        out.print(f"{event.id}  {format_when(event.when)}  {event.type}{modality_cell}  "
                  f"{format_places(event)}  {event.summary}", markup=False)


def timeline_command(
    ctx: typer.Context, type_: TypeOpt = None, place: PlaceOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None, modality: ModalityOpt = None,
    source: SourceOpt = None, article: ArticleOpt = None, limit: LimitOpt = None,
    offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Show stored events as a chronology: date, type, modality, place, source, summary."""
    from koreawatch.cli import err, out, print_json
    from koreawatch.timeline import render_timeline, timeline_rows

    rows = timeline_rows(_query(ctx, build_filter(
        type_, place, date_from, date_to, modality, source, article, limit, offset)))
    if as_json:
        print_json([row.to_dict() for row in rows])
        return
    if not rows:
        err.print("no events match", markup=False)
        return
    render_timeline(rows, out)


def register(app: typer.Typer) -> None:
    """Add the query commands to ``app``."""
    app.command("events")(events_command)
    app.command("timeline")(timeline_command)
