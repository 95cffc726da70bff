"""POST /api/articles: a background job through the ingest pipeline with extraction,
its status at /api/jobs/{id}, and jobs a stopped server left behind."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from koreawatch.api.app import create_app
from koreawatch.settings import Settings
from koreawatch.store import jobs as job_store
from koreawatch.store.db import Store
from tests.api.helpers import Live, live_server

# ILLUSTRATIVE text written for these tests, not real reporting.
ILLUSTRATIVE_TEXT = (
    "According to Illustrative Daily, which cited a source in Ryanggang Province, North "
    "Korea closed the border with China near Hyesan in early March 2021. The source said "
    "that security officials arrested two smugglers in Hyesan last week."
)


@pytest.fixture
def api(store: Store, settings: Settings) -> Iterator[Live]:
    with live_server(create_app(settings, store), store) as live:
        yield live


def wait_job(live: Live, job_id: str, timeout: float = 180.0) -> dict[str, Any]:
    """Poll a job until it is done or failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = live.client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


@pytest.mark.model
def test_jobs_text_job_completes_and_its_events_appear(api: Live) -> None:
    token = api.token()
    r = api.client.post("/api/articles", headers=api.auth(token), json={
        "text": ILLUSTRATIVE_TEXT, "title": "Illustrative: Hyesan border closed",
        "published": "2021-03-15", "outlet": "Illustrative Daily", "id": "ill-job-1"})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "running", "done")
    assert r.headers["location"] == job["href"] == f"/api/jobs/{job['id']}"
    done = wait_job(api, job["id"])
    assert done["status"] == "done", done
    assert done["result"]["added"] == 1
    assert done["result"]["items"][0]["article_id"] == "ill-job-1"
    article = api.client.get("/api/articles/ill-job-1").json()
    assert article["published"] == "2021-03-15" and article["outlet"] == "Illustrative Daily"
    types = {e["type"] for e in article["events"]}
    assert "border_closure" in types
    listed = api.client.get("/api/events", params={"article": "ill-job-1"}).json()
    assert {e["id"] for e in listed["items"]} == {e["id"] for e in article["events"]}


def test_jobs_url_job_offline_fails_with_reason(api: Live) -> None:
    token = api.token()
    r = api.client.post("/api/articles", headers=api.auth(token),
                        json={"url": "https://example.org/a-page"})
    assert r.status_code == 202
    done = wait_job(api, r.json()["id"])
    assert done["status"] == "failed"
    assert "offline" in done["error"] or "network is off" in done["error"]


@pytest.mark.parametrize("body", [
    {}, {"url": "https://example.org/x", "text": "both"}, {"text": "   "},
    {"url": "ftp://example.org/x"}, {"text": "x", "colour": "red"},
    {"url": "https://example.org/x", "title": "titles go with texts"},
])
def test_jobs_bad_submissions_refused(api: Live, body: dict[str, Any]) -> None:
    r = api.client.post("/api/articles", headers=api.auth(api.token()), json=body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid"


def test_jobs_left_behind_are_recovered_at_startup(store: Store, settings: Settings) -> None:
    with store.engine.begin() as conn:
        queued = job_store.create_job(conn, "url", {"url": "https://example.org/later"})
        running = job_store.create_job(conn, "url", {"url": "https://example.org/cut"})
        job_store.set_status(conn, running.id, "running")
    with live_server(create_app(settings, store), store) as live:
        assert "interrupted" in wait_job(live, running.id)["error"]
        assert wait_job(live, queued.id)["status"] == "failed"  # offline: not fetched
