"""Helpers the export formats share: places in the gazetteer, outlets, dates, text cues.

Everything here reads an :class:`~koreawatch.models.Incident` and the package data (the
gazetteer, the outlet list); nothing writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from koreawatch.extract.outlets import load_outlets
from koreawatch.extract.places import PROVINCE_LEVELS, Gazetteer, load_gazetteer
from koreawatch.models import Incident, PlaceRef

COUNTRY_ALPHA3 = {"KP": "PRK", "CN": "CHN", "KR": "KOR", "RU": "RUS", "JP": "JPN", "US": "USA"}
"""ISO 3166-1 alpha-3 codes of the countries the gazetteer holds (PLOVER actor codes)."""

NK_STATE_MEDIA = frozenset({"KCNA", "Rodong Sinmun", "Korean Central Television",
                            "Uriminzokkiri"})
"""Canonical outlet names of North Korea's own state media (its *national* sources)."""

_ADMIN2_LEVELS = frozenset({"city", "county", "district", "foreign_city"})


@dataclass(frozen=True)
class PlaceInfo:
    """A place as the exports describe it: its admin units and country."""

    place_id: str
    name: str
    level: str
    lat: float | None
    lon: float | None
    admin1: str | None  # province-level unit's name
    admin2: str | None  # county / city / district name (the unit right below admin1)
    country: str  # ISO 3166-1 alpha-2


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The package gazetteer (loaded once)."""
    return load_gazetteer()


def place_info(ref: PlaceRef) -> PlaceInfo:
    """Admin1/admin2 names and coordinates of a place (coordinates from the gazetteer when
    the record has none)."""
    gaz = gazetteer()
    chain = [ref.place_id, *gaz.ancestors(ref.place_id)]  # the place, then bigger ones
    admin1 = admin2 = None
    for i, pid in enumerate(chain):
        place = gaz.get(pid)
        if place is None or place.level not in PROVINCE_LEVELS:
            continue
        admin1 = place.name
        below = [gaz.get(p) for p in chain[:i]]
        units = [p for p in below if p is not None and p.level in _ADMIN2_LEVELS]
        admin2 = units[-1].name if units else None  # the one closest to the province
        break
    known = gaz.get(ref.place_id)
    lat, lon = ref.lat, ref.lon
    if (lat is None or lon is None) and known is not None:
        lat, lon = known.lat, known.lon
    return PlaceInfo(ref.place_id, ref.name, ref.level, lat, lon, admin1, admin2,
                     ref.place_id[:2])


def country_name(code: str) -> str:
    """The gazetteer's name for an ISO 3166-1 alpha-2 code (the code itself if unknown)."""
    place = gazetteer().get(code)
    return place.name if place is not None else code


def country_point(code: str = "KP") -> tuple[float, float] | None:
    """(lat, lon) of a country's reference point in the gazetteer."""
    place = gazetteer().get(code)
    return (place.lat, place.lon) if place is not None else None


def foreign_countries(incident: Incident) -> list[str]:
    """Alpha-2 codes of the countries other than North Korea among the incident's places."""
    seen: dict[str, None] = {}
    for ref in incident.where:
        code = ref.place_id[:2]
        if code != "KP" and code.isalpha():
            seen.setdefault(code.upper(), None)
    return list(seen)


def outlet_kind(name: str | None) -> str | None:
    """The outlet list's kind for an outlet name (None when unknown or missing)."""
    return load_outlets().kind(name) if name else None


def outlet_canonical(name: str) -> str:
    """The canonical outlet name, or the name as given."""
    return load_outlets().canonical(name) or name


def anchor_date(incident: Incident) -> tuple[str | None, str]:
    """The single date an incident is filed under, and which rule chose it.

    Rules in order: ``start`` (the interval's first day); ``end`` (open start: the last
    day it can have happened by); ``published`` (undated: the earliest mention's article
    date); otherwise ``none``.
    """
    if incident.when.start:
        return incident.when.start, "start"
    if incident.when.end:
        return incident.when.end, "end"
    dates = [m.published for m in incident.mentions if m.published is not None]
    if dates:
        return min(dates).isoformat(), "published"
    return None, "none"


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date string."""
    return date.fromisoformat(iso).year if iso else None


def source_chains(incident: Incident) -> list[str]:
    """The distinct attribution chains of all mentions, each as ``A > B``."""
    seen: dict[str, None] = {}
    for mention in incident.mentions:
        for chain in mention.sources:
            if chain:
                seen.setdefault(" > ".join(chain), None)
    return list(seen)


def incident_text(incident: Incident) -> str:
    """The summary and every mention's evidence, lower-cased (for keyword rules)."""
    parts = [incident.summary, *(m.evidence.text for m in incident.mentions)]
    return " ".join(parts).lower()


def has_cue(incident: Incident, pattern: re.Pattern[str]) -> bool:
    """True when ``pattern`` occurs in the incident's summary or evidence."""
    return pattern.search(incident_text(incident)) is not None


def first_evidence(incident: Incident) -> str:
    """The evidence text of the first mention ('' when there is none)."""
    return incident.mentions[0].evidence.text if incident.mentions else ""
