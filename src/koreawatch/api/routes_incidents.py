"""Incidents (events merged across articles): a filtered list and one incident with its
mentions, evidence, attribution graph, origins and contradictions.

Incidents exist once ``koreawatch`` has resolved them into the store (the incidents
rebuild); before that the list is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from koreawatch.api.auth import require_read
from koreawatch.api.deps import DEFAULT_PAGE, MAX_PAGE, StoreDep
from koreawatch.api.errors import ApiError
from koreawatch.api.routes_events import date_bound
from koreawatch.api.schemas import ErrorResponse, IncidentOut, IncidentSummaryOut, Page
from koreawatch.errors import UsageError
from koreawatch.models import EVENT_TYPES, MODALITIES
from koreawatch.store.incidents import IncidentFilter, incident_detail, load_incidents

router = APIRouter(prefix="/api/incidents", tags=["incidents"],
                   dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 404: {"model": ErrorResponse},
                              422: {"model": ErrorResponse}})


@dataclass(frozen=True)
class IncidentQuery:
    """The incident filters shared by ``/api/incidents`` and ``/api/export``."""

    type: str | None
    place: str | None
    date_from: date | None
    date_to: date | None
    modality: str | None
    min_origins: int | None

    def filter(self, limit: int | None = None, offset: int = 0) -> IncidentFilter:
        try:
            return IncidentFilter(type=self.type, place=self.place, date_from=self.date_from,
                                  date_to=self.date_to, modality=self.modality,
                                  min_origins=self.min_origins, limit=limit, offset=offset)
        except UsageError as exc:
            raise ApiError(422, "invalid", str(exc)) from None


def incident_query(
    type_: Annotated[str | None, Query(alias="type", description="one of: "
                                       + ", ".join(EVENT_TYPES))] = None,
    place: Annotated[str | None, Query(description="gazetteer id or place name")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD, YYYY-MM "
                                           "or YYYY")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD, YYYY-MM or "
                                         "YYYY (a month or year: its last day)")] = None,
    modality: Annotated[str | None, Query(description="one of: " + ", ".join(MODALITIES))]
    = None,
    min_origins: Annotated[int | None, Query(ge=1, description="at least this many "
                                             "independent origins")] = None,
) -> IncidentQuery:
    """Dependency: the incident filters of a request (dates parsed; 422 naming a bad one)."""
    return IncidentQuery(type_, place, date_bound(date_from, "from", False),
                         date_bound(date_to, "to", True), modality, min_origins)


Filters = Annotated[IncidentQuery, Depends(incident_query)]


@router.get("", response_model=Page[IncidentSummaryOut], summary="Incidents, filtered")
def incidents(
    store: StoreDep, query: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, description="incidents to skip")] = 0,
) -> Page[IncidentSummaryOut]:
    """Stored incidents in timeline order."""
    with store.engine.connect() as conn:
        found = load_incidents(conn, query.filter(limit + 1, offset))
    return Page[IncidentSummaryOut](
        items=[IncidentSummaryOut.of(i) for i in found[:limit]], limit=limit, offset=offset,
        next_offset=offset + limit if len(found) > limit else None)


@router.get("/{incident_id:path}", response_model=IncidentOut, summary="One incident")
def incident(incident_id: str, store: StoreDep) -> IncidentOut:
    """One incident: its mentions with evidence, why each joined, its origins (and their
    count), its attribution graph and the incidents it contradicts or is contradicted by."""
    with store.engine.connect() as conn:
        return IncidentOut.build(incident_detail(conn, incident_id))
