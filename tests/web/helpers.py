"""Helpers for the web tests: illustrative articles, a filled store, and the app (API plus
pages) served by uvicorn in a thread on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from koreawatch.settings import Settings
from koreawatch.store.db import Store, open_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# Illustrative articles written for these tests (not real reports).
NOTE = "[Illustrative article written for Korea Watch; not a real report.]\n\n"
ARTICLES = [
    {"id": "web-0001", "title": "Illustrative: Hyesan border sealed",
     "published": "2021-03-15", "outlet": "Illustrative Daily (demo)",
     "text": NOTE + "North Korea closed the "
             "border crossing at Hyesan in Ryanggang Province in early March, according to "
             "Daily NK, citing a source in Ryanggang Province. Guards were ordered to shoot "
             "anyone approaching the Yalu River.\n\nTrade with China has stopped, the "
             "source said."},
    {"id": "web-0002", "title": "Illustrative: Arrests in Hoeryong", "published": "2021-06-20",
     "outlet": "Illustrative Wire (demo)",
     "text": NOTE + "Security officials in "
             "Hoeryong, North Hamgyong Province, arrested five people for smuggling copper "
             "to China in mid-June, Radio Free Asia reported, citing a resident of the city."
             "\n\nThe authorities also launched a crackdown on mobile phones."},
    {"id": "web-0003", "title": "Illustrative: Sinuiju trucks to resume",
     "published": "2021-09-02", "outlet": "Illustrative Wire (demo)",
     "text": NOTE + "North Korea resumed "
             "freight traffic across the bridge between Sinuiju and Dandong in late August, "
             "Yonhap reported, citing a trade official in Liaoning Province."},
]


def test_settings() -> Settings:
    return Settings(offline=True, http_rate_limit=0.0, http_backoff=0.01, http_retries=2,
                    http_timeout=5.0)


def fill_store(store: Store, folder: Path, settings: Settings) -> None:
    """Ingest the illustrative articles with extraction (needs the spaCy model)."""
    from koreawatch.ingest.pipeline import ingest

    path = folder / "web-articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    ingest([str(path)], settings, store, extract=True)


def build_app(settings: Settings, store: Store) -> FastAPI:
    """The API app with the web pages on it (mounted here when the API does not yet)."""
    from koreawatch.api.app import create_app
    from koreawatch.web import mount_web

    app = create_app(settings, store)
    paths = {getattr(route, "path", None) for route in app.routes}
    if "/map" not in paths:
        mount_web(app)
    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class LiveSite:
    base: str
    store: Store
    token: str


@contextmanager
def live_site(folder: Path, fill: bool = True) -> Iterator[LiveSite]:
    """A store filled with the illustrative articles, an API token, and the running app."""
    from koreawatch.store.tokens import create_token

    settings = test_settings()
    store = open_store(f"sqlite:///{folder / 'web.db'}")
    try:
        if fill:
            fill_store(store, folder, settings)
        with store.engine.begin() as conn:
            token = create_token(conn, "web-test")
        with serve(build_app(settings, store)) as base:
            yield LiveSite(base, store, token)
    finally:
        store.close()


def get(base: str, path: str) -> httpx.Response:
    return httpx.get(base + path, timeout=30)


def chromium_or_skip() -> str:
    """The Chromium path; in CI (CI=true) a missing browser fails the test instead."""
    found = Path(CHROMIUM).exists() or shutil.which("chromium") is not None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        found = False
    if not found:
        message = ("browser tests need Chromium at /usr/bin/chromium and the playwright "
                   "package: apt-get install -y chromium fonts-dejavu-core; "
                   "pip install playwright (never 'playwright install')")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM
