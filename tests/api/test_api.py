"""The REST API over a running server (uvicorn on 127.0.0.1), on SQLite and PostgreSQL:
every read endpoint, filters, pagination, sorting, incidents, status, export, OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from koreawatch.api.app import create_app
from koreawatch.settings import Settings
from koreawatch.store.db import Store
from koreawatch.store.incidents import rebuild_incidents
from tests.api.helpers import EVENT_IDS, LATEST_FIRST, Live, live_server, seed


@pytest.fixture
def api(store: Store, settings: Settings) -> Iterator[Live]:
    """The app over the illustrative fixture store, running."""
    seed(store)
    with live_server(create_app(settings, store), store) as live:
        yield live


def _ids(body: dict[str, Any]) -> list[str]:
    return [item["id"] for item in body["items"]]


def test_events_list_returns_every_event_in_timeline_order(api: Live) -> None:
    r = api.client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert _ids(body) == EVENT_IDS
    assert body["limit"] == 50 and body["offset"] == 0 and body["next_offset"] is None
    first = body["items"][0]
    assert first["evidence"]["text"] == "arrested three smugglers in Hoeryong"
    assert first["where"][0]["place_id"] == "KP-09/hoeryong"
    assert first["sources"] == [["Illustrative Wire", "a source"]]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "arrest"}, ["ill-0002#e1"]),
    ({"place": "KP-10"}, ["ill-0001#e1"]),
    ({"place": "Ryanggang"}, ["ill-0001#e1"]),
    ({"place": "KP-09/hoeryong"}, ["ill-0002#e1"]),
    ({"from": "2021-03", "to": "2021-03"}, ["ill-0001#e1", "ill-0001#e2"]),
    ({"from": "2021-07-15"}, ["ill-0003#e1", "ill-0001#e2"]),
    ({"to": "2021-01"}, ["ill-0002#e1", "ill-0001#e2"]),
    ({"modality": "expected"}, ["ill-0003#e1"]),
    ({"source": "ryanggang"}, ["ill-0001#e1", "ill-0001#e2"]),
    ({"article": "ill-0001"}, ["ill-0001#e1", "ill-0001#e2"]),
    ({"q": "SMUGGLERS"}, ["ill-0002#e1", "ill-0001#e2"]),
    ({"q": "smugglers Hoeryong"}, ["ill-0002#e1"]),
    ({"type": "border_closure", "place": "KP-10", "from": "2021-01", "to": "2021-12"},
     ["ill-0001#e1"]),
    ({"sort": "-when"}, LATEST_FIRST),
    ({"type": "smuggling"}, []),
])
def test_events_filters_select_expected_events(api: Live, params: dict[str, str],
                                               expected: list[str]) -> None:
    r = api.client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert _ids(r.json()) == expected


@pytest.mark.parametrize("sort", ["when", "-when"])
def test_events_pagination_walks_all_pages(api: Live, sort: str) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = api.client.get("/api/events", params={"limit": 3, "offset": offset,
                                                     "sort": sort}).json()
        assert len(body["items"]) <= 3
        seen += _ids(body)
        offset = body["next_offset"]
    assert seen == (EVENT_IDS if sort == "when" else LATEST_FIRST)


@pytest.mark.parametrize("event_id", ["ill-0001#e1", "ill-0003#e1"])
def test_event_by_id_returns_it(api: Live, event_id: str) -> None:
    r = api.client.get("/api/events/" + event_id.replace("#", "%23"))
    assert r.status_code == 200
    assert r.json()["id"] == event_id


def test_articles_list_newest_first_with_pages(api: Live) -> None:
    body = api.client.get("/api/articles", params={"limit": 2}).json()
    assert _ids(body) == ["ill-0003", "ill-0001"]
    assert body["next_offset"] == 2
    rest = api.client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert _ids(rest) == ["ill-0002"] and rest["next_offset"] is None
    only = api.client.get("/api/articles", params={"outlet": "illustrative wire"}).json()
    assert _ids(only) == ["ill-0002"]


def test_article_detail_has_text_versions_and_events(api: Live) -> None:
    body = api.client.get("/api/articles/ill-0001").json()
    assert body["text"].startswith("ILLUSTRATIVE TEXT")
    assert body["published"] == "2021-03-15"
    assert [v["version"] for v in body["version_history"]] == [1]
    assert [e["id"] for e in body["events"]] == ["ill-0001#e1", "ill-0001#e2"]
    event = body["events"][0]
    assert body["text"][event["evidence"]["start"]:event["evidence"]["end"]] == \
        event["evidence"]["text"]
    assert body["quotes"] == []


def test_places_json_geojson_and_one(api: Live) -> None:
    provinces = api.client.get("/api/places", params={"level": "province"}).json()
    assert provinces["count"] == 13
    inside = api.client.get("/api/places", params={"parent": "KP-10", "q": "hyesan",
                                                    "level": "city"}).json()
    assert [p["id"] for p in inside["items"]] == ["KP-10/hyesan"]
    geo = api.client.get("/api/places", params={"format": "geojson", "level": "province"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    feature = geo.json()["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 124 < lon < 131 and 37 < lat < 43
    one = api.client.get("/api/places/KP-10/hyesan").json()
    assert one["id"] == "KP-10/hyesan" and one["parent"] == "KP-10"


@pytest.mark.parametrize(("q", "expected"), [
    ("smugglers Hoeryong", ["ill-0002"]),
    ("Sinuiju", ["ill-0003"]),
    ("nothingmatcheshere", []),
])
def test_search_finds_articles(api: Live, q: str, expected: list[str]) -> None:
    hits = api.client.get("/api/search", params={"q": q}).json()
    assert [h["article"]["id"] for h in hits] == expected
    assert all(h["score"] > 0 for h in hits)


def test_incidents_after_rebuild_have_graph_origins_and_mentions(
        api: Live, settings: Settings) -> None:
    assert api.client.get("/api/incidents").json()["items"] == []
    with api.store.engine.begin() as conn:
        rebuild_incidents(conn, settings)
    listed = api.client.get("/api/incidents", params={"type": "border_closure"}).json()
    assert len(listed["items"]) == 1
    incident_id = listed["items"][0]["id"]
    r = api.client.get("/api/incidents/" + incident_id.replace("#", "%23"))
    assert r.status_code == 200
    detail = r.json()
    assert detail["origin_count"] == len(detail["origins"]) >= 1
    assert detail["mentions"][0]["evidence"]["text"] == "closed the border crossings near Hyesan"
    assert {"nodes", "edges"} <= set(detail["attribution_graph"])
    assert detail["contradictions"] == []


def test_status_series_for_a_region(api: Live) -> None:
    r = api.client.get("/api/status", params={"place": "KP-10", "from": "2021-03-01",
                                              "to": "2021-03-31"})
    assert r.status_code == 200, r.text
    [region] = r.json()
    assert region["region"]["province"] == "KP-10"
    series = region["series"]
    assert len(series) == 31 and series[0]["date"] == "2021-03-01"
    assert series[0]["people"]["level"] == 3  # the illustrative closure
    every = api.client.get("/api/status").json()
    assert len(every) > 5 and all(row["series"] is None for row in every)


@pytest.mark.parametrize(("fmt", "media"), [
    ("jsonl", "application/x-ndjson"), ("csv", "text/csv"),
    ("geojson", "application/geo+json"), ("acled", "text/csv"), ("plover", "application/json"),
])
def test_export_formats(api: Live, settings: Settings, fmt: str, media: str) -> None:
    with api.store.engine.begin() as conn:
        rebuild_incidents(conn, settings)
    r = api.client.get("/api/export", params={"format": fmt, "type": "border_closure"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(media)
    assert "attachment" in r.headers["content-disposition"]
    assert r.text.strip()


def test_openapi_lists_every_route(api: Live) -> None:
    paths = set(api.client.get("/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events",
            "/api/events/{event_id}", "/api/incidents", "/api/incidents/{incident_id}",
            "/api/status", "/api/places", "/api/places/{place_id}", "/api/search",
            "/api/export", "/api/jobs/{job_id}"} <= paths
