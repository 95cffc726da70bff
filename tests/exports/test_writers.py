"""JSON Lines, CSV and GeoJSON writers, the format registry and the changes feed."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from koreawatch.errors import UsageError
from koreawatch.exports import FORMATS, export_notes, write_changes, write_export
from koreawatch.exports.writers import CSV_COLUMNS
from tests.exports import (
    HYESAN,
    JILIN,
    NO_COORDS,
    SAEBYOL,
    TRICKY,
    every_type,
    incident,
    mention,
)


def _export(fmt: str, incidents: list) -> tuple[str, int]:
    stream = io.StringIO()
    count = write_export(fmt, incidents, stream)
    return stream.getvalue(), count


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_export_empty_input_is_a_valid_document(fmt: str) -> None:
    text, count = _export(fmt, [])
    assert count == 0
    if fmt == "jsonl":
        assert text == ""
    elif fmt in ("csv", "acled"):
        assert _csv_rows(text) == [] and text.startswith(("id,", "event_id_cnty,"))
    elif fmt == "geojson":
        assert json.loads(text) == {"type": "FeatureCollection", "features": []}
    else:
        assert json.loads(text) == []


@pytest.mark.parametrize("fmt", ["xml", "JSONL", ""])
def test_write_export_bad_format_names_valid_ones(fmt: str) -> None:
    with pytest.raises(UsageError, match="jsonl, csv, geojson, acled, plover"):
        _export(fmt, [])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_export_special_characters_survive(fmt: str) -> None:
    text, count = _export(fmt, [incident("arrest", summary=TRICKY, modality="asserted")])
    assert count == 1
    if fmt == "jsonl":
        assert json.loads(text.splitlines()[0])["summary"] == TRICKY
    elif fmt == "csv":
        assert _csv_rows(text)[0]["summary"] == TRICKY
    elif fmt == "acled":
        assert _csv_rows(text)[0]["notes"].startswith(TRICKY)
    elif fmt == "geojson":
        assert json.loads(text)["features"][0]["properties"]["summary"] == TRICKY
    else:
        assert json.loads(text)[0]["native"]["summary"] == TRICKY
    assert "혜산" in text  # non-ASCII written as is, not escaped


def test_write_jsonl_one_line_per_incident_with_mentions() -> None:
    items = every_type()
    text, count = _export("jsonl", items)
    lines = [json.loads(line) for line in text.splitlines()]
    assert count == len(lines) == 13
    assert lines[0] == json.loads(json.dumps(items[0].to_dict()))
    assert lines[0]["mentions"][0]["article_id"] == "demo-1"


def test_write_csv_columns_and_cells() -> None:
    two = incident("border_closure", where=(SAEBYOL, JILIN), flow="both",
                   mentions=(mention(1, sources=(("Daily NK", "a source"),)),
                             mention(2, outlet="RFA", text="first, \"second\"")))
    text, count = _export("csv", [two])
    rows = _csv_rows(text)
    assert count == 1 and list(rows[0]) == list(CSV_COLUMNS)
    row = rows[0]
    assert row["place_ids"] == "KP-09/saebyol; CN-JL"
    assert row["place_names"] == "Saebyol County; Jilin"
    assert (row["n_outlets"], row["n_origins"], row["flow"]) == ("2", "1", "both")
    assert row["corroboration"] == "reported by 2 outlets from 1 independent origin"
    assert row["evidence"] == "illustrative evidence" and row["sources"] == "Daily NK > a source"
    assert (row["start"], row["end"], row["precision"]) == ("2021-02-01", "2021-02-10",
                                                            "part_of_month")


def test_write_geojson_points_are_lon_lat_one_per_place() -> None:
    items = [incident(where=(SAEBYOL, HYESAN)), incident(where=(NO_COORDS,), ident="inc-2"),
             incident(where=(), ident="inc-3")]
    text, count = _export("geojson", items)
    doc = json.loads(text)
    assert doc["type"] == "FeatureCollection" and count == len(doc["features"]) == 2
    for feature, place in zip(doc["features"], (SAEBYOL, HYESAN), strict=True):
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and lon > lat  # Korea: lon ~ 125-131
        assert feature["properties"]["incident_id"] == "inc-1"
        assert feature["properties"]["place_id"] == place.place_id
    assert export_notes("geojson", items) == ["geojson: skipped 2 incidents: no place "
                                              "with coordinates"]


def test_write_geojson_geometries_build_with_shapely() -> None:
    from shapely import geometry

    text, _ = _export("geojson", [incident(where=(SAEBYOL,))])
    point = geometry.shape(json.loads(text)["features"][0]["geometry"])
    assert (point.x, point.y) == (SAEBYOL.lon, SAEBYOL.lat)


def test_write_changes_is_jsonl_with_iso_timestamps() -> None:
    at = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    changes = [{"incident_id": "inc-1", "change": "created", "at": at, "detail": "new"},
               {"incident_id": "inc-2", "change": "retracted", "at": at.isoformat(),
                "detail": 'said "no", again'}]
    stream = io.StringIO()
    assert write_changes(changes, stream) == 2
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0] == {"incident_id": "inc-1", "change": "created",
                        "at": "2024-05-01T12:30:00+00:00", "detail": "new"}
    assert lines[1]["detail"] == 'said "no", again'


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_notes_none_for_lossless_formats(fmt: str) -> None:
    assert export_notes(fmt, [incident(where=(), modality="expected")]) == []
