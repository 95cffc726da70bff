#!/usr/bin/env python3
"""Build the bundled province map (``src/koreawatch/data/map/provinces.geojson``).

Input: ``../shared/geo/boundaries/PRK_ADM1_cgaz_clipNE10m.geojson`` and the ADM2 layer of the
same kind, plus ``crosswalk/kp_admin1_crosswalk.csv`` for the ISO 3166-2:KP codes.

Why the ``_clipNE10m`` layers: the plain CGAZ layers replace parts of the Yalu/Tumen border
with long straight segments that cut across river meanders (0.18 deg² outside the country,
most of it in China); the clipped layers follow the Natural Earth 10 m outline instead while
keeping the CGAZ internal boundaries. For a map that shades border provinces this matters.

Steps (all deterministic, no dependency beyond the standard library):

1. The ADM1 layer has 11 units. Rason City (KP-13) and Kaesong City (KP-15) are ADM2 units
   inside North Hamgyong and North Hwanghae: each is taken from the ADM2 layer and *cut out* of
   its parent by splicing the parent's outer ring: the stretch of the parent ring lying on
   the child's boundary (within ``CUT_EPS``) is replaced by the child's inland boundary.
2. Rings are split at junctions (vertices where the set of units sharing them changes) and
   each piece is simplified by Douglas-Peucker (``TOLERANCE`` degrees), so a boundary shared by
   two provinces is simplified the same way on both sides and no gaps open between them.
3. Coordinates are rounded to 3 decimals (~100 m), repeated points dropped, rings with fewer
   than 4 points or a tiny area dropped, exterior rings counter-clockwise (RFC 7946).

Usage: ``python scripts/build_map.py [--shared ../shared] [--tolerance 0.002]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "koreawatch" / "data" / "map"
CUT_EPS = 0.002  # degrees: a parent vertex this close to the child's ring is on their boundary
GAP = 20  # a shared stretch may have this many off-boundary vertices (clipping noise) in a row
TOLERANCE = 0.002
MIN_RING_AREA = 2e-5  # deg²; smaller islands are dropped (~0.2 km²)
CUTS = {"Rason City": "North Hamgyong", "Kaesong City": "North Hwanghae"}

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]


def polygons(geometry: dict) -> list[Polygon]:
    """The polygons of a Polygon or MultiPolygon, rings without the closing point."""
    parts = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        parts = [parts]
    return [[[(float(x), float(y)) for x, y in ring[:-1]] for ring in poly] for poly in parts]


def ring_area(ring: Ring) -> float:
    """Signed area (shoelace); positive for counter-clockwise rings."""
    total = 0.0
    for i, (x1, y1) in enumerate(ring):
        x2, y2 = ring[(i + 1) % len(ring)]
        total += x1 * y2 - x2 * y1
    return total / 2


def seg_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy)
                                             / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def ring_distance(p: Point, ring: Ring) -> float:
    return min(seg_distance(p, ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))


def longest_run(flags: list[bool], gap: int) -> tuple[int, int]:
    """(start, length) of the longest circular run of True, bridging gaps of <= ``gap``."""
    n = len(flags)
    if all(flags):
        return 0, n
    begin = next(i for i in range(n) if not flags[i]) + 1  # start right after a False
    best = (0, 0)
    run_start, last_true, misses = None, None, 0
    for k in range(n):
        i = (begin + k) % n
        if flags[i]:
            if run_start is None:
                run_start = k
            last_true, misses = k, 0
            continue
        misses += 1
        if run_start is not None and last_true is not None and misses > gap:
            best = max(best, (last_true - run_start + 1, run_start), key=lambda r: r[0])
            run_start = None
    if run_start is not None and last_true is not None:
        best = max(best, (last_true - run_start + 1, run_start), key=lambda r: r[0])
    length, start = best
    return (begin + start) % n, length


def cut_out(parent: Ring, child: Ring) -> Ring:
    """``parent`` minus ``child`` when the child lies inside the parent and shares one stretch
    of its outer ring: that stretch is replaced by the child's inland path."""
    near = [ring_distance(p, child) < CUT_EPS for p in parent]
    start, length = longest_run(near, GAP)
    n = len(parent)
    before, after = parent[(start - 1) % n], parent[(start + length) % n]
    kept = [parent[(start + length + k) % n] for k in range(n - length)]
    ja = min(range(len(child)), key=lambda j: math.dist(child[j], before))
    jb = min(range(len(child)), key=lambda j: math.dist(child[j], after))
    forward = _path(child, ja, jb, 1)
    backward = _path(child, ja, jb, -1)
    on_parent = [ring_distance(p, parent) < CUT_EPS for p in child]

    def shared(path: list[int]) -> int:
        return sum(on_parent[j] for j in path)

    inland = min((forward, backward), key=shared)
    return kept + [child[j] for j in inland]


def _path(ring: Ring, a: int, b: int, step: int) -> list[int]:
    out, i = [a], a
    while i != b:
        i = (i + step) % len(ring)
        out.append(i)
    return out


def douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Keep the end points and, recursively, the farthest point beyond ``tolerance``."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = seg_distance(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend([(lo, index), (index, hi)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Ring, owners: dict[Point, frozenset[str]], tolerance: float) -> Ring:
    """Simplify between junctions so shared boundaries stay identical on both sides."""
    n = len(ring)
    locked = [owners[ring[i]] != owners[ring[i - 1]] or owners[ring[i]] != owners[ring[(i + 1) % n]]
              for i in range(n)]
    if not any(locked):
        far = max(range(n), key=lambda i: math.dist(ring[0], ring[i]))
        locked[0] = locked[far] = True
    anchors = [i for i in range(n) if locked[i]]
    out: Ring = []
    for k, a in enumerate(anchors):
        b = anchors[(k + 1) % len(anchors)]
        piece = [ring[(a + j) % n] for j in range((b - a) % n or n) ] + [ring[b]]
        # Simplify in a canonical direction so both neighbours get the same result.
        if piece[-1] < piece[0]:
            out.extend(list(reversed(douglas_peucker(piece[::-1], tolerance)))[:-1])
        else:
            out.extend(douglas_peucker(piece, tolerance)[:-1])
    return out


def finish_ring(ring: Ring, exterior: bool) -> list[list[float]] | None:
    """Round, drop repeats, orient and close a ring (None when it collapses)."""
    pts: list[tuple[float, float]] = []
    for x, y in ring:
        p = (round(x, 3), round(y, 3))
        if not pts or pts[-1] != p:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) < 3 or abs(ring_area(pts)) < MIN_RING_AREA:
        return None
    if (ring_area(pts) > 0) != exterior:
        pts.reverse()
    return [[x, y] for x, y in pts + [pts[0]]]


def load_units(boundaries: Path) -> dict[str, list[Polygon]]:
    """The 13 units by WFP name: the 11 ADM1 units with Rason and Kaesong cut out."""
    adm1 = json.loads((boundaries / "PRK_ADM1_cgaz_clipNE10m.geojson").read_text("utf-8"))
    adm2 = json.loads((boundaries / "PRK_ADM2_cgaz_clipNE10m.geojson").read_text("utf-8"))
    units = {f["properties"]["shapeName"]: polygons(f["geometry"]) for f in adm1["features"]}
    by_name = {f["properties"]["shapeName"]: f["geometry"] for f in adm2["features"]}
    for child_name, parent_name in CUTS.items():
        child = polygons(by_name[child_name])
        main = max(child, key=lambda poly: abs(ring_area(poly[0])))
        parent = units[parent_name]
        host = max(range(len(parent)), key=lambda i: abs(ring_area(parent[i][0])))
        parent[host][0] = cut_out(parent[host][0], main[0])
        units[child_name] = child
    return units


def read_crosswalk(shared: Path) -> dict[str, dict[str, str]]:
    """WFP name -> crosswalk row (the two cut-out cities by their ADM2 name)."""
    path = shared / "geo" / "crosswalk" / "kp_admin1_crosswalk.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = {}
    for row in rows:
        wfp = row["wfp_geoboundaries_cgaz_name"]
        for name in CUTS:
            if name in wfp:
                wfp = name
        out[wfp] = row
    return out


def gazetteer_names() -> dict[str, dict]:
    data = json.loads((ROOT / "src/koreawatch/data/gazetteer/places.json").read_text("utf-8"))
    return {p["id"]: p for p in data["places"] if p["level"] == "province"}


def build(shared: Path, tolerance: float) -> dict:
    units = load_units(shared / "geo" / "boundaries")
    crosswalk = read_crosswalk(shared)
    gaz = gazetteer_names()
    owners: dict[Point, set[str]] = {}
    for name, polys in units.items():
        for poly in polys:
            for ring in poly:
                for p in ring:
                    owners.setdefault(p, set()).add(name)
    frozen = {p: frozenset(s) for p, s in owners.items()}
    features = []
    for name, polys in units.items():
        row = crosswalk[name]
        code = row["iso_3166_2"]
        parts = []
        for poly in polys:
            rings = [finish_ring(simplify_ring(r, frozen, tolerance), i == 0)
                     for i, r in enumerate(poly)]
            if rings[0] is not None:
                parts.append([r for r in rings if r is not None])
        place = gaz.get(code, {})
        features.append({
            "type": "Feature", "id": code,
            "properties": {"id": code, "name": place.get("name", name), "wfp_name": name,
                           "iso_name": row["iso_name_dprk_romanization"],
                           "type": row["iso_type"], "korean": row["korean_hangul"].split("|")[0],
                           "lat": place.get("lat"), "lon": place.get("lon")},
            "geometry": {"type": "MultiPolygon", "coordinates": parts},
        })
    features.sort(key=lambda f: str(f["id"]))
    return {"type": "FeatureCollection",
            "about": "13 ISO 3166-2:KP units; geoBoundaries CGAZ / WFP-OCHA boundaries clipped "
                     "to Natural Earth 10 m; see ATTRIBUTION.md. Generated by "
                     "scripts/build_map.py.",
            "features": features}


ATTRIBUTION = """# Map data: sources and licences

`provinces.geojson` is generated by `scripts/build_map.py` from `shared/geo/boundaries/`
(see `shared/geo/README.md`). It holds the 13 ISO 3166-2:KP province-level units as
MultiPolygons in WGS84 (lon, lat), simplified (Douglas-Peucker, tolerance {tol} deg, split at
shared-boundary junctions) and rounded to 3 decimals. Rason City and Kaesong City, county-level
units of the source's ADM2 layer, were cut out of North Hamgyong and North Hwanghae.

| source | what was used | licence / attribution |
|---|---|---|
| `boundaries/PRK_ADM1_cgaz_clipNE10m.geojson`, `PRK_ADM2_cgaz_clipNE10m.geojson` (from repo WelcomeToYourGalaxy/cgaz-boundaries, commit 51473a23, matching **geoBoundaries CGAZ**) | province and city polygons | **geoBoundaries (CGAZ); WFP/OCHA** DPRK boundaries: attribution required (geoBoundaries CGAZ CC BY 4.0; WFP/OCHA metadata CC BY 3.0 IGO) |
| Natural Earth 10 m admin-0 (v5.1.1), used in shared/geo to clip the outline | outer border and coast | **Natural Earth, public domain** |
| `crosswalk/kp_admin1_crosswalk.csv` | WFP name to ISO 3166-2:KP code, hangul | derived in shared/geo from GeoNames (CC BY 4.0), iso-codes (LGPL-2.1) |
| `src/koreawatch/data/gazetteer/places.json` | display names and label points | see `../gazetteer/ATTRIBUTION.md` |

Required attribution line for anything that displays this map:

> Boundaries: geoBoundaries CGAZ / WFP-OCHA (CC BY), outline Natural Earth (public domain).

Good enough for province choropleths; not for boundary adjudication. Boundaries shown do not
imply endorsement by any of the sources.
"""  # noqa: E501 (markdown table rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args()
    collection = build(args.shared, args.tolerance)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    (OUT_DIR / "provinces.geojson").write_text(text + "\n", encoding="utf-8")
    (OUT_DIR / "ATTRIBUTION.md").write_text(ATTRIBUTION.format(tol=args.tolerance),
                                            encoding="utf-8")
    points = sum(len(r) for f in collection["features"]
                 for p in f["geometry"]["coordinates"] for r in p)
    print(f"wrote {len(collection['features'])} units, {points} points, "
          f"{len(text) // 1024} KB to {OUT_DIR / 'provinces.geojson'}")


if __name__ == "__main__":
    main()
