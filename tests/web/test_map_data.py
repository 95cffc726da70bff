"""The bundled province map: valid GeoJSON, 13 ISO units inside North Korea, Rason and Kaesong
cut out of North Hamgyong and North Hwanghae."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

KP_CODES = {"KP-01", "KP-02", "KP-03", "KP-04", "KP-05", "KP-06", "KP-07", "KP-08", "KP-09",
            "KP-10", "KP-13", "KP-14", "KP-15"}
BBOX = (124.0, 37.5, 131.0, 43.1)  # lon/lat box around North Korea


@pytest.fixture(scope="module")
def features() -> dict[str, dict[str, Any]]:
    path = resources.files("koreawatch") / "data" / "map" / "provinces.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    return {f["properties"]["id"]: f for f in data["features"]}


def rings(feature: dict[str, Any]) -> list[list[list[float]]]:
    return [ring for poly in feature["geometry"]["coordinates"] for ring in poly]


def area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def inside(point: tuple[float, float], feature: dict[str, Any]) -> bool:
    x, y = point
    hit = False
    for ring in rings(feature):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def grid(feature: dict[str, Any], steps: int = 40) -> list[tuple[float, float]]:
    """Points of a grid over the feature's bounding box that fall inside it."""
    xs = [p[0] for r in rings(feature) for p in r]
    ys = [p[1] for r in rings(feature) for p in r]
    points = [(min(xs) + (max(xs) - min(xs)) * (i + .5) / steps,
               min(ys) + (max(ys) - min(ys)) * (j + .5) / steps)
              for i in range(steps) for j in range(steps)]
    return [p for p in points if inside(p, feature)]


def test_thirteen_units_with_iso_codes(features: dict[str, dict[str, Any]]) -> None:
    assert set(features) == KP_CODES
    for code, feature in features.items():
        assert feature["id"] == code
        assert feature["properties"]["name"]
        assert feature["geometry"]["type"] == "MultiPolygon"


def test_rings_closed_lon_lat_in_bbox_and_oriented(features: dict[str, dict[str, Any]]) -> None:
    for code, feature in features.items():
        for poly in feature["geometry"]["coordinates"]:
            for index, ring in enumerate(poly):
                assert len(ring) >= 4, code
                assert ring[0] == ring[-1], f"{code}: ring not closed"
                for lon, lat in ring:
                    assert BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3], code
                    assert round(lon, 3) == lon and round(lat, 3) == lat
                assert (area(ring) > 0) == (index == 0), f"{code}: RFC 7946 winding"


def test_file_is_small() -> None:
    path = resources.files("koreawatch") / "data" / "map" / "provinces.geojson"
    assert len(path.read_bytes()) < 300_000


def test_attribution_names_the_sources() -> None:
    text = (resources.files("koreawatch") / "data" / "map" / "ATTRIBUTION.md").read_text("utf-8")
    assert "geoBoundaries" in text and "WFP/OCHA" in text and "Natural Earth" in text


@pytest.mark.parametrize(("child", "parent"), [("KP-13", "KP-09"), ("KP-15", "KP-06")])
def test_cities_cut_out_of_their_former_parents(features: dict[str, dict[str, Any]],
                                                child: str, parent: str) -> None:
    points = grid(features[child])
    assert len(points) > 100
    overlap = sum(inside(p, features[parent]) for p in points)
    assert overlap / len(points) < 0.05, f"{child} still lies inside {parent}"
    child_area = sum(area(r) for r in rings(features[child]))
    parent_area = sum(area(r) for r in rings(features[parent]))
    assert 0.01 < child_area < parent_area


def test_label_points_fall_in_their_units(features: dict[str, dict[str, Any]]) -> None:
    for code in ("KP-09", "KP-10", "KP-13", "KP-15"):
        props = features[code]["properties"]
        assert inside((props["lon"], props["lat"]), features[code]), code
