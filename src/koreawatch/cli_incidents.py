"""Incident commands of the CLI (``incidents``, ``incident``, ``incidents-rebuild``).

Each command opens the store, calls one function of ``koreawatch.store.incidents`` and
prints; every incident shown carries its "reported by N outlets from K independent
origins" line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when a command runs
    from koreawatch.models import Incident

from koreawatch.cli_query import (
    FromOpt,
    JsonOpt,
    LimitOpt,
    ModalityOpt,
    OffsetOpt,
    PlaceOpt,
    ToOpt,
    TypeOpt,
)

MinOriginsOpt = Annotated[int | None, typer.Option(
    "--min-origins", min=1, help="Only incidents with at least this many independent "
    "origins.")]


def _places(incident: Incident) -> str:
    return ", ".join(p.place_id for p in incident.where) or "—"


def incidents_command(
    ctx: typer.Context, type_: TypeOpt = None, place: PlaceOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None, modality: ModalityOpt = None,
    min_origins: MinOriginsOpt = None, limit: LimitOpt = None, offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """List incidents (events merged across articles), earliest first, each with how many
    outlets and independent origins report it."""
    from koreawatch.cli import err, out, print_json, store_connection
    from koreawatch.store.events import parse_date_bound
    from koreawatch.store.incidents import IncidentFilter, load_incidents
    from koreawatch.timeline import format_when

    filters = IncidentFilter(
        type=type_, place=place, modality=modality, min_origins=min_origins,
        date_from=parse_date_bound(date_from, label="--from") if date_from else None,
        date_to=parse_date_bound(date_to, end=True, label="--to") if date_to else None,
        limit=limit, offset=offset)
    with store_connection(ctx) as conn:
        found = load_incidents(conn, filters)
    if as_json:
        print_json([inc.to_dict() for inc in found])
        return
    if not found:
        err.print("no incidents match", markup=False)
        return
    for inc in found:
        kind = inc.type if inc.modality == "asserted" else f"{inc.type} ({inc.modality})"
        disputed = f" [disputed by {', '.join(inc.contradicted_by)}]" if inc.contradicted_by else ""
        out.print(f"{inc.id}  {format_when(inc.when)}  {kind}{disputed}  {_places(inc)}  "
                  f"{inc.corroboration()}  {inc.summary}", markup=False)


def incident_command(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(help="The incident's id (inc-...).")],
    as_json: JsonOpt = False,
) -> None:
    """Show one incident: mentions with evidence, merge reasons, origins, the attribution
    graph and contradictions with their stance."""
    from koreawatch.cli import print_json, store_connection
    from koreawatch.store.incidents import incident_detail

    with store_connection(ctx) as conn:
        detail = incident_detail(conn, incident_id)
    if as_json:
        print_json(detail)
        return
    _print_detail(detail)


def _print_detail(detail: dict[str, Any]) -> None:
    from koreawatch.cli import out
    from koreawatch.resolve.corroboration import graph_paths

    when = detail["when"]
    places = ", ".join(p["place_id"] for p in detail["where"]) or "—"
    lines = [
        f"{detail['id']}  {detail['type']} ({detail['stance']})",
        f"summary: {detail['summary']}",
        f"when: {when['start'] or '…'} .. {when['end'] or '…'} ({when['precision']})",
        f"where: {places}",
        detail["corroboration"],
        "origins:",
        *(f"  {o['name']} [{o['kind']}]: {o['reports']} report(s)" for o in detail["origins"]),
        "mentions:",
    ]
    for m in detail["mentions"]:
        chains = "; ".join(" ← ".join(c) for c in m["sources"]) or "no attribution"
        lines.append(f"  {m['published'] or 'undated'}  {m['outlet'] or '—'}  {m['article_id']}"
                     f"  {m['event_id']}  {m['modality']}  sources: {chains}")
        lines.append(f"      \"{m['evidence']['text']}\"")
    lines.append("merge reasons:")
    lines.extend(f"  {r}" for r in detail["merge_reasons"] or ["(a single mention)"])
    lines.append("attribution graph:")
    lines.extend("  " + " → ".join(p) for p in graph_paths(detail["attribution_graph"]))
    lines.append("contradictions:")
    lines.extend(f"  {c['relation'].replace('_', ' ')} {c['id']} ({c['stance']}): "
                 f"{c['summary']} — {c['corroboration']}" for c in detail["contradictions"])
    if not detail["contradictions"]:
        lines.append("  none")
    for line in lines:
        out.print(line, markup=False)


def rebuild_command(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Recompute the incidents from every stored event and record what changed."""
    from koreawatch.cli import _settings, out, print_json, store_connection
    from koreawatch.store.incidents import rebuild_incidents

    with store_connection(ctx, write=True) as conn:
        summary = rebuild_incidents(conn, _settings(ctx))
    if as_json:
        print_json(summary.to_dict())
        return
    out.print(summary.line(), markup=False)
    for label, ids in (("created", summary.created), ("updated", summary.updated),
                       ("retracted", summary.retracted)):
        for one in ids:
            out.print(f"  {label}: {one}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the incident commands to ``app``."""
    app.command("incidents")(incidents_command)
    app.command("incident")(incident_command)
    app.command("incidents-rebuild")(rebuild_command)
