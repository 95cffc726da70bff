"""The generic export formats: JSON Lines, CSV and GeoJSON, and the changes feed.

Each writer takes incidents and a text stream, writes one complete document (an empty
input still gives a valid one: no lines, a header row, an empty FeatureCollection) and
returns the number of records written (lines, rows, features).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from koreawatch.exports.common import first_evidence, source_chains
from koreawatch.models import Incident

CSV_COLUMNS = (
    "id", "type", "modality", "start", "end", "precision", "when_text", "place_ids",
    "place_names", "flow", "duration_days", "n_outlets", "n_origins", "corroboration",
    "outlets", "origins", "summary", "evidence", "evidence_article", "sources",
    "contradicted_by",
)
"""The CSV columns, in order (see docs/exports.md)."""

LIST_SEPARATOR = "; "
"""How list-valued CSV cells join their items."""


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(data: Any) -> str:
    """Compact JSON with non-ASCII kept as is; dates become ISO strings."""
    return json.dumps(data, ensure_ascii=False, default=_json_default)


def write_jsonl(incidents: Sequence[Incident], stream: TextIO) -> int:
    """One JSON object per line: ``Incident.to_dict()`` (with its mentions)."""
    for incident in incidents:
        stream.write(dumps(incident.to_dict()) + "\n")
    return len(incidents)


def csv_row(incident: Incident) -> dict[str, Any]:
    """The CSV cells of one incident."""
    first = incident.mentions[0] if incident.mentions else None
    join = LIST_SEPARATOR.join
    return {
        "id": incident.id, "type": incident.type, "modality": incident.modality,
        "start": incident.when.start or "", "end": incident.when.end or "",
        "precision": incident.when.precision, "when_text": incident.when.text or "",
        "place_ids": join(p.place_id for p in incident.where),
        "place_names": join(p.name for p in incident.where),
        "flow": incident.flow or "",
        "duration_days": "" if incident.duration_days is None else incident.duration_days,
        "n_outlets": len(incident.outlets), "n_origins": len(incident.origins),
        "corroboration": incident.corroboration(),
        "outlets": join(incident.outlets),
        "origins": join(o.name for o in incident.origins),
        "summary": incident.summary, "evidence": first_evidence(incident),
        "evidence_article": first.article_id if first else "",
        "sources": join(source_chains(incident)),
        "contradicted_by": join(incident.contradicted_by),
    }


def write_csv(incidents: Sequence[Incident], stream: TextIO) -> int:
    """RFC 4180 CSV with a header row, one row per incident (columns: ``CSV_COLUMNS``)."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for incident in incidents:
        writer.writerow(csv_row(incident))
    return len(incidents)


def feature_properties(incident: Incident) -> dict[str, Any]:
    """The incident's properties as a GeoJSON feature carries them."""
    return {
        "incident_id": incident.id, "type": incident.type, "modality": incident.modality,
        "start": incident.when.start, "end": incident.when.end,
        "precision": incident.when.precision, "when_text": incident.when.text,
        "flow": incident.flow, "duration_days": incident.duration_days,
        "summary": incident.summary, "corroboration": incident.corroboration(),
        "n_outlets": len(incident.outlets), "n_origins": len(incident.origins),
        "outlets": list(incident.outlets), "sources": source_chains(incident),
        "evidence": first_evidence(incident),
        "contradicted_by": list(incident.contradicted_by),
    }


def geojson_features(incident: Incident) -> list[dict[str, Any]]:
    """One Point feature per place of the incident that has coordinates ([lon, lat])."""
    features = []
    for ref in incident.where:
        if ref.lat is None or ref.lon is None:
            continue
        features.append({
            "type": "Feature", "id": f"{incident.id}@{ref.place_id}",
            "geometry": {"type": "Point", "coordinates": [ref.lon, ref.lat]},
            "properties": {**feature_properties(incident), "place_id": ref.place_id,
                           "place_name": ref.name, "place_level": ref.level,
                           "place_text": ref.text},
        })
    return features


def geojson_skipped(incidents: Sequence[Incident]) -> int:
    """How many incidents have no place with coordinates (so no feature)."""
    return sum(1 for i in incidents
               if not any(p.lat is not None and p.lon is not None for p in i.where))


def write_geojson(incidents: Sequence[Incident], stream: TextIO) -> int:
    """An RFC 7946 FeatureCollection, one feature per line inside it."""
    features = [f for incident in incidents for f in geojson_features(incident)]
    stream.write('{"type": "FeatureCollection", "features": [')
    for i, feature in enumerate(features):
        stream.write(("," if i else "") + "\n" + dumps(feature))
    stream.write("\n]}\n")
    return len(features)


def write_changes(changes: Sequence[Mapping[str, Any]], stream: TextIO) -> int:
    """The changes feed as JSON Lines: ``{"incident_id", "change", "at", "detail"}`` each
    (``at`` as an ISO timestamp), in the order given."""
    for change in changes:
        record = {key: change.get(key) for key in ("incident_id", "change", "at", "detail")}
        stream.write(dumps(record) + "\n")
    return len(changes)
