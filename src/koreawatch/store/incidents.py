"""Incidents in the store: rebuilding them from the stored events, the changes feed, queries.

``rebuild_incidents`` recomputes every incident from all stored events (``resolve/``) and
compares the result with the stored set, incident by incident (ids are stable, see
``resolve/incidents.py``):

1. an id that is new is **created**;
2. an id that exists in both with a different record (membership, dates, places,
   origins, contradictions, summary...) is **updated**; the change lists what differs;
3. a stored id that is gone is **retracted** (its articles changed or were removed, or an
   earlier report now founds the incident: ``merged_into`` names the incidents that hold
   its former mentions);
4. anything else is left alone, so a rebuild with nothing changed writes nothing.

Each change is a row of ``incident_changes`` with its timestamp (the same for one
rebuild). Every function takes a Connection; the caller owns the transaction.

``load_incidents`` filters (all optional, combined with AND) as ``query_events`` does:
``type``, ``modality``, ``place`` (a gazetteer id or name; a province includes its
counties, cities and crossings; a country everything in it), ``date_from``/``date_to``
(interval overlap, open ends unbounded), ``min_origins`` (at least that many independent
origins); ordered by interval start (or end), undated last, then id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, or_, select, update

from koreawatch.errors import NotFoundError, UsageError
from koreawatch.extract.places import PROVINCE_LEVELS, Gazetteer, load_gazetteer
from koreawatch.models import Evidence, Incident, Mention, Origin, PlaceRef, When
from koreawatch.resolve.contradictions import link_contradictions
from koreawatch.resolve.corroboration import attribution_graph
from koreawatch.resolve.incidents import ArticleMeta, build_incidents, incident_agents
from koreawatch.settings import Settings
from koreawatch.store.events import EventFilter, province_id, query_events, resolve_place
from koreawatch.store.schema import (
    articles,
    incident_changes,
    incident_links,
    incident_members,
    incidents,
)

# --------------------------------------------------------------------------- records


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _when(data: dict[str, Any]) -> When:
    return When(data.get("start"), data.get("end"), data.get("precision") or "unknown",
                data.get("text"))


def _mention(data: dict[str, Any]) -> Mention:
    ev = data["evidence"]
    return Mention(
        event_id=data["event_id"], article_id=data["article_id"], outlet=data.get("outlet"),
        published=_date(data.get("published")), modality=data["modality"],
        when=_when(data["when"]), sources=tuple(tuple(c) for c in data.get("sources", ())),
        evidence=Evidence(ev["start"], ev["end"], ev["text"]),
        near_duplicate_of=data.get("near_duplicate_of"))


def incident_from_record(data: dict[str, Any]) -> Incident:
    """The Incident that ``Incident.to_dict()`` gave ``data`` (place offsets are 0: the
    record does not keep them)."""
    return Incident(
        id=data["id"], type=data["type"], modality=data["modality"], when=_when(data["when"]),
        summary=data["summary"], mentions=tuple(_mention(m) for m in data["mentions"]),
        where=tuple(PlaceRef(p["place_id"], p["name"], p["level"], p["text"], p.get("lat"),
                             p.get("lon"), 0, 0) for p in data.get("where", ())),
        flow=data.get("flow"), duration_days=data.get("duration_days"),
        origins=tuple(Origin(o["key"], o["name"], o["kind"], o["reports"])
                      for o in data.get("origins", ())),
        merge_reasons=tuple(data.get("merge_reasons", ())),
        contradicted_by=tuple(data.get("contradicted_by", ())),
        contradicts=tuple(data.get("contradicts", ())),
    )


def _record(incident: Incident) -> dict[str, Any]:
    """The JSON record as the database will give it back (plain JSON types)."""
    result: dict[str, Any] = json.loads(json.dumps(incident.to_dict()))
    return result


# --------------------------------------------------------------------------- rebuilding


@dataclass(frozen=True)
class ChangeSummary:
    """What one rebuild changed: ids created, updated and retracted, and how many
    incidents stayed as they were."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    retracted: tuple[str, ...] = ()
    unchanged: int = 0
    at: datetime | None = None
    total: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"created": list(self.created), "updated": list(self.updated),
                "retracted": list(self.retracted), "unchanged": self.unchanged,
                "total": self.total, "at": self.at.isoformat() if self.at else None}

    def line(self) -> str:
        return (f"incidents: {self.total} in all; {len(self.created)} created, "
                f"{len(self.updated)} updated, {len(self.retracted)} retracted, "
                f"{self.unchanged} unchanged")


def compute_incidents(conn: Connection, settings: Settings) -> list[Incident]:
    """Incidents (with contradictions) from every stored event; writes nothing."""
    events = query_events(conn, EventFilter())
    metas = {
        row.id: ArticleMeta(row.id, row.outlet, row.published, row.near_duplicate_of)
        for row in conn.execute(select(articles.c.id, articles.c.outlet, articles.c.published,
                                       articles.c.near_duplicate_of))
    }
    gaz = load_gazetteer()
    built = build_incidents([(e, metas[e.article_id]) for e in events], settings, gaz)
    agents = incident_agents(built, {e.id: e for e in events})
    return link_contradictions(built, settings, agents, gaz)


def _row(incident: Incident, record: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {
        "id": incident.id, "type": incident.type, "modality": incident.modality,
        "when_start": _date(incident.when.start), "when_end": _date(incident.when.end),
        "precision": incident.when.precision, "summary": incident.summary,
        "flow": incident.flow, "duration_days": incident.duration_days,
        "n_outlets": len(incident.outlets), "n_origins": len(incident.origins),
        "record": record, "updated_at": now,
    }


def _member_rows(incident: Incident) -> list[dict[str, Any]]:
    reasons = {r.split(" joined via ", 1)[0]: r for r in incident.merge_reasons}
    return [{"incident_id": incident.id, "event_id": m.event_id,
             "reason": reasons.get(m.event_id, "earliest mention: founds the incident")}
            for m in incident.mentions]


def _link_rows(incident: Incident) -> list[dict[str, Any]]:
    return [{"incident_id": incident.id, "other_id": o, "kind": "contradicts"}
            for o in incident.contradicts]


def _write(conn: Connection, incident: Incident, record: dict[str, Any], now: datetime,
           exists: bool) -> None:
    if exists:
        conn.execute(update(incidents).where(incidents.c.id == incident.id)
                     .values(**_row(incident, record, now)))
        for table in (incident_members, incident_links):
            conn.execute(delete(table).where(table.c.incident_id == incident.id))
    else:
        conn.execute(insert(incidents).values(**_row(incident, record, now)))
    conn.execute(insert(incident_members), _member_rows(incident))
    links = _link_rows(incident)
    if links:
        conn.execute(insert(incident_links), links)


def _event_ids(record: dict[str, Any]) -> list[str]:
    return [m["event_id"] for m in record.get("mentions", ())]


def _update_detail(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    before, after = _event_ids(old), _event_ids(new)
    return {"changed": sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k)),
            "added_mentions": [e for e in after if e not in before],
            "removed_mentions": [e for e in before if e not in after],
            "corroboration": new.get("corroboration")}


def _summary_detail(record: dict[str, Any]) -> dict[str, Any]:
    return {"type": record.get("type"), "summary": record.get("summary"),
            "mentions": _event_ids(record), "corroboration": record.get("corroboration")}


def _retract(conn: Connection, incident_id: str, old: dict[str, Any],
             holder: dict[str, str]) -> dict[str, Any]:
    conn.execute(delete(incidents).where(incidents.c.id == incident_id))
    for table in (incident_members, incident_links):
        conn.execute(delete(table).where(table.c.incident_id == incident_id))
    merged = sorted({holder[e] for e in _event_ids(old) if e in holder})
    return {**_summary_detail(old), "merged_into": merged}


def rebuild_incidents(conn: Connection, settings: Settings,
                      now: datetime | None = None) -> ChangeSummary:
    """Recompute every incident and store the new set, recording a change row per created,
    updated and retracted incident (module docstring), in the caller's transaction."""
    at = _utc(now or datetime.now(UTC))
    fresh = {inc.id: inc for inc in compute_incidents(conn, settings)}
    stored = {row.id: row.record for row in conn.execute(select(incidents.c.id,
                                                                incidents.c.record))}
    holder = {m.event_id: inc.id for inc in fresh.values() for m in inc.mentions}
    changes: list[dict[str, Any]] = []
    created: list[str] = []
    updated: list[str] = []
    unchanged = 0
    for incident_id in sorted(fresh):
        record = _record(fresh[incident_id])
        old = stored.get(incident_id)
        if old == record:
            unchanged += 1
            continue
        _write(conn, fresh[incident_id], record, at, exists=old is not None)
        kind = "created" if old is None else "updated"
        (created if old is None else updated).append(incident_id)
        detail = _summary_detail(record) if old is None else _update_detail(old, record)
        changes.append({"incident_id": incident_id, "change": kind, "at": at, "detail": detail})
    retracted = sorted(set(stored) - set(fresh))
    for incident_id in retracted:
        detail = _retract(conn, incident_id, stored[incident_id], holder)
        changes.append({"incident_id": incident_id, "change": "retracted", "at": at,
                        "detail": detail})
    if changes:
        conn.execute(insert(incident_changes), changes)
    return ChangeSummary(tuple(created), tuple(updated), tuple(retracted), unchanged, at,
                         len(fresh))


def _utc(moment: datetime) -> datetime:
    """An aware UTC datetime (a naive one is taken to be UTC already)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def changes_since(conn: Connection, since: datetime) -> list[dict[str, Any]]:
    """The incident changes recorded at or after ``since`` (naive means UTC), oldest first:
    ``{"incident_id", "change", "at", "detail"}`` with ``at`` an aware UTC datetime."""
    rows = conn.execute(select(incident_changes)
                        .where(incident_changes.c.at >= _utc(since))
                        .order_by(incident_changes.c.at, incident_changes.c.id))
    return [{"incident_id": r.incident_id, "change": r.change, "at": _utc(r.at),
             "detail": r.detail} for r in rows]


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class IncidentFilter:
    """What ``load_incidents`` selects (module docstring); None means any. Bad values raise
    UsageError naming the value and the valid ones."""

    type: str | None = None
    place: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    modality: str | None = None
    min_origins: int | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        # EventFilter checks the fields the two share, with the same messages
        EventFilter(type=self.type, place=self.place, date_from=self.date_from,
                    date_to=self.date_to, modality=self.modality, limit=self.limit,
                    offset=self.offset)
        if self.min_origins is not None and self.min_origins < 1:
            raise UsageError(f"min-origins must be 1 or more, got {self.min_origins}")


def _conditions(filters: IncidentFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filters.type is not None:
        conds.append(incidents.c.type == filters.type)
    if filters.modality is not None:
        conds.append(incidents.c.modality == filters.modality)
    if filters.min_origins is not None:
        conds.append(incidents.c.n_origins >= filters.min_origins)
    if filters.date_to is not None:
        conds.append(or_(incidents.c.when_start.is_(None),
                         incidents.c.when_start <= filters.date_to))
    if filters.date_from is not None:
        conds.append(or_(incidents.c.when_end.is_(None),
                         incidents.c.when_end >= filters.date_from))
    return conds


def _in_place(incident: Incident, place_id: str, gaz: Gazetteer) -> bool:
    place = gaz.get(place_id)
    for ref in incident.where:
        if ref.place_id == place_id or gaz.contains(place_id, ref.place_id):
            return True
        if place is not None and place.level in PROVINCE_LEVELS and \
                province_id(ref.place_id, gaz) == place_id:
            return True
        if place is None and ref.place_id.startswith(place_id + "/"):
            return True
    return False


def load_incidents(conn: Connection, filters: IncidentFilter) -> list[Incident]:
    """The stored incidents matching ``filters`` (module docstring), in timeline order."""
    anchor = func.coalesce(incidents.c.when_start, incidents.c.when_end)
    query = select(incidents.c.record).where(*_conditions(filters)).order_by(
        anchor.is_(None), anchor, incidents.c.id)
    found = [incident_from_record(row.record) for row in conn.execute(query)]
    if filters.place is not None:
        gaz = load_gazetteer()
        place_id = resolve_place(filters.place, gaz)
        found = [inc for inc in found if _in_place(inc, place_id, gaz)]
    end = None if filters.limit is None else filters.offset + filters.limit
    return found[filters.offset:end]


def get_incident(conn: Connection, incident_id: str) -> Incident:
    """One stored incident; NotFoundError names the id when there is none."""
    record = conn.execute(select(incidents.c.record)
                          .where(incidents.c.id == incident_id)).scalar()
    if record is None:
        raise NotFoundError(f"no incident with id {incident_id!r} (list them with "
                            "'koreawatch incidents')")
    return incident_from_record(record)


def incident_detail(conn: Connection, incident_id: str) -> dict[str, Any]:
    """Everything ``koreawatch incident ID`` shows: the record, its attribution graph and
    the incidents it disputes or is disputed by, each with its stance (modality)."""
    incident = get_incident(conn, incident_id)
    related = []
    for relation, ids in (("contradicted_by", incident.contradicted_by),
                          ("contradicts", incident.contradicts)):
        for other_id in ids:
            other = get_incident(conn, other_id)
            related.append({"relation": relation, "id": other.id, "stance": other.modality,
                            "summary": other.summary,
                            "corroboration": other.corroboration()})
    return {**incident.to_dict(), "stance": incident.modality,
            "attribution_graph": attribution_graph(incident), "contradictions": related}

