"""``GET /api/status``: border status for people and cargo (0 open ... 3 closed).

With ``place``: that border region's day-by-day series between ``from`` and ``to``
(defaults: from the earliest evidence to today or the last evidence plus
``status_unknown_days``). Without: every border region's latest known day. The rules are
those of ``koreawatch.resolve.status``; the incidents are the store's, or, before any
are stored, the ones computed from the stored events (nothing is written).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from koreawatch.api.auth import require_read
from koreawatch.api.deps import SettingsDep, StoreDep
from koreawatch.api.errors import invalid_param
from koreawatch.api.routes_events import date_bound
from koreawatch.api.schemas import DayOut, ErrorResponse, RegionOut, RegionStatus
from koreawatch.models import Incident
from koreawatch.resolve.status import (
    DayStatus,
    Region,
    border_regions,
    find_region,
    latest_known,
    status_series,
)
from koreawatch.settings import Settings
from koreawatch.store.db import Store
from koreawatch.store.incidents import IncidentFilter, compute_incidents, load_incidents

router = APIRouter(prefix="/api/status", tags=["status"], dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})

MAX_DAYS = 3660
"""The longest series one request may ask for (about ten years)."""


def _incidents(store: Store, settings: Settings) -> list[Incident]:
    with store.engine.connect() as conn:
        stored = list(load_incidents(conn, IncidentFilter()))
        return stored or list(compute_incidents(conn, settings))


def _region(region: Region) -> RegionOut:
    return RegionOut(id=region.id, name=region.name, kind=region.kind,
                     province=region.province, borders=list(region.borders),
                     crossings=list(region.crossings))


def _day(day: DayStatus | None) -> DayOut | None:
    return None if day is None else DayOut.model_validate(day.to_dict())


@router.get("", response_model=list[RegionStatus], summary="Border status")
def status(
    store: StoreDep, settings: SettingsDep,
    place: Annotated[str | None, Query(min_length=1, description="a border region: KP-09, "
                                       "KP-13:RU, a crossing id or a province or crossing "
                                       "name; without it, every region's latest day")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="first day")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="last day")] = None,
) -> list[RegionStatus]:
    """One region's series (``place``), or every region's latest known status."""
    start, end = date_bound(date_from, "from", False), date_bound(date_to, "to", True)
    if start and end and (end - start).days >= MAX_DAYS:
        raise invalid_param("to", f"at most {MAX_DAYS} days per request: narrow from/to")
    region = find_region(place) if place is not None else None
    incidents = _incidents(store, settings)
    if region is not None:
        series = status_series(incidents, region, start, end, settings)
        if len(series) > MAX_DAYS:
            raise invalid_param("from", f"the series would have {len(series)} days, more "
                                f"than {MAX_DAYS}: give from and to")
        return [RegionStatus(region=_region(region),
                             series=[DayOut.model_validate(d.to_dict()) for d in series])]
    return [RegionStatus(region=_region(r),
                         latest=_day(latest_known(status_series(incidents, r, start, end,
                                                                settings))))
            for r in border_regions()]
