"""ACLED-style CSV: one row per incident and place, in the ACLED codebook's vocabulary.

Mapping rules (the tables are in docs/exports.md):

1. Only factual incidents are exported (modality ``asserted`` or ``reported``); ACLED
   records events that took place, so ``expected``, ``denied`` and ``negated`` incidents
   are left out (``acled_skipped`` counts them).
2. ``event_type`` / ``sub_event_type`` come from ``TYPE_MAP``; two keyword rules refine
   it: an ``illegal_crossing`` or ``punishment`` whose summary or evidence tells of
   shooting, killing or an execution is "Violence against civilians" / "Attack".
3. ``event_date`` is the interval's start; for an open start its end; for an undated
   incident the earliest mention's publication date (``time_precision`` 3).
4. ``time_precision``: 1 for ``day``; 2 for ``week`` and ``part_of_month``; 3 for
   ``month``, ``quarter``, ``season``, ``year``, ``approx`` and ``unknown``.
5. ``geo_precision``: 1 for a town, crossing or city; 2 for a county or district;
   3 for a province or country. An incident without places gives one country-level row
   (North Korea's reference point, precision 3).
6. ``source`` joins the outlets with "; "; ``source_scale`` is "National" for North
   Korea's state media, "International" for every other outlet in the outlet list and
   "Other" for outlets it does not know, joined with "-" when they differ.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from typing import Any, TextIO

from koreawatch.exports.common import (
    NK_STATE_MEDIA,
    anchor_date,
    country_name,
    country_point,
    has_cue,
    outlet_canonical,
    outlet_kind,
    place_info,
    year_of,
)
from koreawatch.models import Incident, PlaceRef

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "tags",
)
"""The columns, in order: ACLED's names for the fields this export fills."""

FACTUAL = frozenset({"asserted", "reported"})

STRATEGIC = "Strategic developments"
VAC = "Violence against civilians"
GOVERNMENT = "Government of North Korea (2011-)"
MILITARY = "Military Forces of North Korea (2011-)"
POLICE = "Police Forces of North Korea (2011-)"
CIVILIANS = "Civilians (North Korea)"

TYPE_MAP: dict[str, tuple[str, str, str, str]] = {
    # our type: (event_type, sub_event_type, actor1, actor2)
    "border_closure": (STRATEGIC, "Other", GOVERNMENT, ""),
    "border_reopening": (STRATEGIC, "Other", GOVERNMENT, ""),
    "trade_suspension": (STRATEGIC, "Other", GOVERNMENT, ""),
    "trade_resumption": (STRATEGIC, "Other", GOVERNMENT, ""),
    "security_reinforcement": (STRATEGIC, "Change to group/activity", MILITARY, ""),
    "crackdown": (STRATEGIC, "Other", POLICE, CIVILIANS),
    "arrest": (STRATEGIC, "Arrests", POLICE, CIVILIANS),
    "punishment": (STRATEGIC, "Other", GOVERNMENT, CIVILIANS),
    "illegal_crossing": (STRATEGIC, "Other", CIVILIANS, ""),
    "smuggling": (STRATEGIC, "Other", CIVILIANS, ""),
    "health_measure": (STRATEGIC, "Other", GOVERNMENT, ""),
    "aid_delivery": (STRATEGIC, "Other", GOVERNMENT, ""),
    "official_statement": (STRATEGIC, "Other", GOVERNMENT, ""),
}
"""Our 13 types → ACLED event type, sub-event type and default actors."""

VIOLENT_CUE = re.compile(r"\b(shot|shootings?|gunfire|gunned down|opened fire|fired (?:on|at)|"
                         r"killed|executed|executions?|firing squad)\b")
"""Words that make a crossing or a punishment an attack on civilians (rule 2)."""

TIME_PRECISION = {"day": 1, "week": 2, "part_of_month": 2, "month": 3, "quarter": 3,
                  "season": 3, "year": 3, "approx": 3, "unknown": 3}
GEO_PRECISION = {"town": 1, "crossing": 1, "city": 1, "foreign_city": 1, "county": 2,
                 "district": 2, "province": 3, "foreign_province": 3, "country": 3}
SCALE_ORDER = ("National", "International", "Other")


def event_types(incident: Incident) -> tuple[str, str, str, str]:
    """ACLED (event_type, sub_event_type, actor1, actor2) of an incident (rules 2)."""
    mapped = TYPE_MAP[incident.type]
    if incident.type in ("illegal_crossing", "punishment") and has_cue(incident, VIOLENT_CUE):
        actor1 = MILITARY if incident.type == "illegal_crossing" else GOVERNMENT
        return VAC, "Attack", actor1, CIVILIANS
    return mapped


def source_scale(outlets: Sequence[str]) -> str:
    """ACLED source scale of a set of outlets (rule 6)."""
    scales = set()
    for name in outlets:
        canonical = outlet_canonical(name)
        if canonical in NK_STATE_MEDIA:
            scales.add("National")
        elif outlet_kind(name) is not None:
            scales.add("International")
        else:
            scales.add("Other")
    return "-".join(s for s in SCALE_ORDER if s in scales)


def notes(incident: Incident) -> str:
    """The summary, the modality when not asserted, and the corroboration line."""
    hedge = "" if incident.modality == "asserted" else f" ({incident.modality})"
    summary = incident.summary.rstrip(" .,:;…")
    line = incident.corroboration()
    return f"{summary}{hedge}. {line[:1].upper()}{line[1:]}."


def _location_cells(ref: PlaceRef | None) -> dict[str, Any]:
    if ref is None:
        point = country_point("KP")
        return {"country": country_name("KP"), "admin1": "", "admin2": "",
                "location": country_name("KP"),
                "latitude": point[0] if point else "", "longitude": point[1] if point else "",
                "geo_precision": 3}
    info = place_info(ref)
    return {"country": country_name(info.country), "admin1": info.admin1 or "",
            "admin2": info.admin2 or "", "location": info.name,
            "latitude": "" if info.lat is None else info.lat,
            "longitude": "" if info.lon is None else info.lon,
            "geo_precision": GEO_PRECISION.get(info.level, 3)}


def acled_rows(incident: Incident) -> list[dict[str, Any]]:
    """The ACLED rows of one factual incident: one per place, or one at country level."""
    event_type, sub_type, actor1, actor2 = event_types(incident)
    day, rule = anchor_date(incident)
    precision = 3 if rule == "published" else TIME_PRECISION.get(incident.when.precision, 3)
    common = {
        "event_date": day or "", "year": year_of(day) or "", "time_precision": precision,
        "event_type": event_type, "sub_event_type": sub_type, "actor1": actor1,
        "actor2": actor2, "source": "; ".join(incident.outlets),
        "source_scale": source_scale(incident.outlets), "notes": notes(incident),
        "tags": f"koreawatch type={incident.type}; modality={incident.modality}; "
                f"precision={incident.when.precision}; date_rule={rule}",
    }
    refs: Sequence[PlaceRef | None] = incident.where or (None,)
    return [{"event_id_cnty": f"{incident.id}-{n}", **common, **_location_cells(ref)}
            for n, ref in enumerate(refs, start=1)]


def acled_skipped(incidents: Sequence[Incident]) -> int:
    """How many incidents the ACLED export leaves out (not factual, rule 1)."""
    return sum(1 for i in incidents if i.modality not in FACTUAL)


def write_acled(incidents: Sequence[Incident], stream: TextIO) -> int:
    """ACLED-style CSV with a header row (columns ``ACLED_COLUMNS``); returns the rows."""
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    written = 0
    for incident in incidents:
        if incident.modality not in FACTUAL:
            continue
        rows = acled_rows(incident)
        writer.writerows(rows)
        written += len(rows)
    return written
