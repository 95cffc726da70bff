"""The one JSON error shape, pinned: exact keys and codes for every kind of error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from koreawatch.api.app import create_app
from koreawatch.settings import Settings
from koreawatch.store.db import Store
from tests.api.helpers import Live, live_server, seed


@pytest.fixture
def api(store: Store, settings: Settings) -> Iterator[Live]:
    seed(store)
    app = create_app(settings.replace(api_max_body_bytes=1000), store)

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/boom", boom)
    with live_server(app, store) as live:
        yield live


def assert_error_shape(body: Any, code: str) -> dict[str, Any]:
    """The pinned shape: exactly {"error": {"code", "message", "details"}}."""
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "details"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    return error


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), [
    ("GET", "/api/nowhere", {}, 404, "not_found"),
    ("GET", "/api/articles/no-such-article", {}, 404, "not_found"),
    ("GET", "/api/events/no-such%23e1", {}, 404, "not_found"),
    ("GET", "/api/incidents/no-such-incident", {}, 404, "not_found"),
    ("GET", "/api/places/KP-99", {}, 404, "not_found"),
    ("GET", "/api/jobs/0000", {}, 404, "not_found"),
    ("GET", "/api/events?from=not-a-date", {}, 422, "invalid"),
    ("GET", "/api/events?to=2021-13", {}, 422, "invalid"),
    ("GET", "/api/events?from=2021-05&to=2021-01", {}, 422, "invalid"),
    ("GET", "/api/events?type=picnic", {}, 422, "invalid"),
    ("GET", "/api/events?modality=rumoured", {}, 422, "invalid"),
    ("GET", "/api/events?place=Atlantis", {}, 422, "invalid"),
    ("GET", "/api/events?limit=0", {}, 422, "invalid"),
    ("GET", "/api/events?limit=501", {}, 422, "invalid"),
    ("GET", "/api/events?offset=-1", {}, 422, "invalid"),
    ("GET", "/api/events?sort=sideways", {}, 422, "invalid"),
    ("GET", "/api/search", {}, 422, "invalid"),
    ("GET", "/api/places?level=planet", {}, 422, "invalid"),
    ("GET", "/api/export?format=pdf", {}, 422, "invalid"),
    ("GET", "/api/status?place=Atlantis", {}, 422, "invalid"),
    ("PUT", "/api/events", {}, 405, "invalid"),
    ("POST", "/api/articles", {"json": {"text": "x"}}, 401, "unauthorized"),
    ("DELETE", "/api/articles/ill-0001", {}, 401, "unauthorized"),
    ("DELETE", "/api/articles/ill-0001", {"headers": {"Authorization": "Bearer nope"}},
     401, "unauthorized"),
    ("DELETE", "/api/articles/ill-0001", {"headers": {"Authorization": "Basic a2V5"}},
     401, "unauthorized"),
    ("POST", "/api/articles", {"content": b"x" * 2000}, 413, "too_large"),
    ("GET", "/api/boom", {}, 500, "internal"),
])
def test_error_shape_for_every_kind(api: Live, method: str, path: str,
                                    kwargs: dict[str, Any], status: int, code: str) -> None:
    r = api.client.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert_error_shape(r.json(), code)


def test_error_from_not_a_date_names_the_parameter(api: Live) -> None:
    r = api.client.get("/api/events", params={"from": "not-a-date"})
    assert r.status_code == 422
    error = assert_error_shape(r.json(), "invalid")
    assert "not-a-date" in error["message"] and "YYYY-MM-DD" in error["message"]
    assert error["details"] == [{"loc": ["query", "from"], "message": error["message"],
                                 "type": "value_error"}]


def test_error_validation_details_list_each_bad_field(api: Live) -> None:
    r = api.client.get("/api/events", params={"limit": "many", "offset": "-3"})
    error = assert_error_shape(r.json(), "invalid")
    assert sorted(tuple(d["loc"]) for d in error["details"]) == [
        ("query", "limit"), ("query", "offset")]
    assert all(set(d) == {"loc", "message", "type"} for d in error["details"])


def test_error_unauthorized_asks_for_bearer(api: Live) -> None:
    r = api.client.post("/api/articles", json={"text": "x"})
    assert r.headers["www-authenticate"] == "Bearer"


def test_error_internal_hides_the_exception(api: Live) -> None:
    r = api.client.get("/api/boom")
    assert "secret internals" not in r.text


def test_error_too_large_chunked_body(api: Live) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 500

    r = api.client.post("/api/articles", content=chunks())
    assert r.status_code == 413
    assert_error_shape(r.json(), "too_large")


def test_error_bad_json_body_with_token(api: Live) -> None:
    token = api.token()
    r = api.client.post("/api/articles", content=b"{not json", headers={
        **api.auth(token), "Content-Type": "application/json"})
    assert r.status_code == 422
    assert_error_shape(r.json(), "invalid")
