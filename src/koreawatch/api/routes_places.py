"""The gazetteer: places as JSON or as a GeoJSON FeatureCollection, and one place."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from koreawatch.api.auth import require_read
from koreawatch.api.errors import invalid_param
from koreawatch.api.schemas import ErrorResponse, PlaceOut
from koreawatch.errors import NotFoundError
from koreawatch.extract.places import LEVELS, Place, load_gazetteer, name_key

router = APIRouter(prefix="/api/places", tags=["places"], dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 404: {"model": ErrorResponse},
                              422: {"model": ErrorResponse}})


def place_out(place: Place) -> PlaceOut:
    return PlaceOut(id=place.id, name=place.name, level=place.level, parent=place.parent,
                    country=place.country, lat=place.lat, lon=place.lon,
                    aliases=list(place.aliases), korean=list(place.korean))


def feature(place: Place) -> dict[str, Any]:
    """A GeoJSON Point feature (coordinates are longitude, latitude)."""
    props = place_out(place).model_dump(exclude={"lat", "lon"})
    return {"type": "Feature", "id": place.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": props}


def _select(level: str | None, parent: str | None, q: str | None) -> list[Place]:
    gaz = load_gazetteer()
    if level is not None and level not in LEVELS:
        raise invalid_param("level", f"unknown level {level!r}; valid: {', '.join(LEVELS)}")
    if parent is not None and gaz.get(parent) is None:
        raise invalid_param("parent", f"unknown place id {parent!r} (e.g. KP-09, CN-JL)")
    found = []
    key = name_key(q) if q else None
    for place in gaz:
        if level is not None and place.level != level:
            continue
        if parent is not None and (place.id == parent or not gaz.contains(parent, place.id)):
            continue
        if key and not any(key in name_key(n) for n in (place.name, *place.aliases,
                                                          *place.korean)):
            continue
        found.append(place)
    return sorted(found, key=lambda p: p.id)


@router.get("", summary="Gazetteer places (JSON or GeoJSON)",
            responses={200: {"description": "`{\"items\": [place...], \"count\": n}`, or a "
                             "GeoJSON FeatureCollection with `format=geojson`"}})
def places(
    level: Annotated[str | None, Query(description="one of: " + ", ".join(LEVELS))] = None,
    parent: Annotated[str | None, Query(description="places inside this one (KP-09)")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100,
                                   description="a part of a name, any romanization")] = None,
    fmt: Annotated[Literal["json", "geojson"], Query(alias="format", description="json or geojson")]
    = "json",
) -> JSONResponse:
    """Every place of the gazetteer (or those matching the filters)."""
    found = _select(level, parent, q)
    if fmt == "geojson":
        return JSONResponse({"type": "FeatureCollection",
                             "features": [feature(p) for p in found]},
                            media_type="application/geo+json")
    return JSONResponse({"items": [place_out(p).model_dump() for p in found],
                         "count": len(found)})


@router.get("/{place_id:path}", response_model=PlaceOut, summary="One place")
def place(place_id: str) -> PlaceOut:
    """One gazetteer entry by id (``KP-09``, ``KP-09/saebyol``, ``CN-JL``)."""
    found = load_gazetteer().get(place_id)
    if found is None:
        raise NotFoundError(f"no place with id {place_id!r} (ids read KP-01 ... KP-15, "
                            "KP-09/saebyol, CN-JL)")
    return place_out(found)
