"""Events: filtered, paginated and sorted lists, and one event by id.

Filters are those of ``koreawatch.store.events`` (type, place, from, to, modality,
source, article) plus ``q``: words that must all occur (any case) in the event's
summary, evidence or time expression. Sorting: ``when`` (timeline order, the default) or
``-when`` (latest first).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from koreawatch.api.auth import require_read
from koreawatch.api.deps import DEFAULT_PAGE, MAX_PAGE, StoreDep
from koreawatch.api.errors import ApiError, invalid_param
from koreawatch.api.schemas import ErrorResponse, EventOut, Page
from koreawatch.errors import UsageError
from koreawatch.models import EVENT_TYPES, MODALITIES
from koreawatch.store import events as event_store
from koreawatch.store.events import EventFilter, parse_date_bound, query_events

router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 404: {"model": ErrorResponse},
                              422: {"model": ErrorResponse}})

def date_bound(value: str | None, name: str, end: bool) -> date | None:
    """A ``from``/``to`` query value as a date (None when absent), or a 422 naming it."""
    if value is None:
        return None
    try:
        return parse_date_bound(value, end=end, label=name)
    except UsageError as exc:
        raise invalid_param(name, str(exc)) from None


def _filter(type_: str | None, place: str | None, date_from: str | None, date_to: str | None,
            modality: str | None, source: str | None, article: str | None) -> EventFilter:
    try:
        return EventFilter(type=type_, place=place, modality=modality, source=source,
                           article_id=article,
                           date_from=date_bound(date_from, "from", False),
                           date_to=date_bound(date_to, "to", True))
    except UsageError as exc:
        raise ApiError(422, "invalid", str(exc)) from None


@router.get("", response_model=Page[EventOut], summary="Events, filtered and paginated")
def list_events(
    store: StoreDep,
    type_: Annotated[str | None, Query(alias="type", description="one of: "
                                       + ", ".join(EVENT_TYPES))] = None,
    place: Annotated[str | None, Query(description="gazetteer id (KP-09, KP-09/saebyol) or "
                                       "place name; a province includes what is in it")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="events reaching this "
                                           "date or later: YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="events starting on this "
                                         "date or earlier (a month or year: its last day)")] = None,
    modality: Annotated[str | None, Query(description="one of: " + ", ".join(MODALITIES))]
    = None,
    source: Annotated[str | None, Query(description="text in any attribution chain")] = None,
    article: Annotated[str | None, Query(description="only this article's events")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200,
                                   description="words in the summary or evidence")] = None,
    sort: Annotated[Literal["when", "-when"], Query(description="timeline order, or "
                                                    "latest first")] = "when",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
) -> Page[EventOut]:
    """Stored events matching every filter given."""
    filters = replace(_filter(type_, place, date_from, date_to, modality, source, article),
                      text=q, descending=sort == "-when", limit=limit + 1, offset=offset)
    with store.engine.connect() as conn:
        found = query_events(conn, filters)
    return Page[EventOut](items=[EventOut.of(e) for e in found[:limit]], limit=limit,
                          offset=offset,
                          next_offset=offset + limit if len(found) > limit else None)


@router.get("/{event_id:path}", response_model=EventOut, summary="One event")
def get_event(event_id: str, store: StoreDep) -> EventOut:
    """One event by id (``ARTICLE#eN``; write ``#`` as ``%23`` in a URL)."""
    with store.engine.connect() as conn:
        return EventOut.of(event_store.get_event(conn, event_id))
