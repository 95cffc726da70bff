#!/usr/bin/env python3
"""Save screenshots of every page to ``docs/screenshots/`` (laptop 1280x800, phone 390x844).

Ingests the bundled ``demo/`` folder (with extraction; needs the spaCy model) into a temporary
SQLite store, serves the app on 127.0.0.1 and visits each page in headless Chromium from
``/usr/bin/chromium`` (never ``playwright install``). Run by hand, not by the tests:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.helpers import (  # noqa: E402 (after the path set-up)
    CHROMIUM,
    CHROMIUM_ARGS,
    build_app,
    serve,
    test_settings,
)

OUT = ROOT / "docs" / "screenshots"
VIEWPORTS = {"laptop": (1280, 800), "phone": (390, 844)}


def demo_store(folder: Path):  # -> Store
    from koreawatch.ingest.pipeline import ingest
    from koreawatch.store.db import open_store

    store = open_store(f"sqlite:///{folder / 'demo.db'}")
    ingest([str(ROOT / "demo")], test_settings(), store, extract=True)
    return store


def pages(base: str) -> dict[str, str]:
    """Page name -> path, picking a placed, dated event and a known incident."""
    events = httpx.get(base + "/api/events?limit=200", timeout=30).json()["items"]
    placed = [e for e in events if e["where"] and e["when"]["start"]] or events
    out = {"timeline": "/", "map": "/map", "ingest": "/ingest",
           "status": "/status/KP-10"}
    if placed:
        event = placed[0]
        out["event"] = "/events/" + quote(event["id"], safe="")
        out["timeline-filtered"] = "/?place=" + event["where"][0]["place_id"].split("/")[0]
    incidents = httpx.get(base + "/api/incidents?limit=5", timeout=30)
    if incidents.status_code == 200 and incidents.json().get("items"):
        out["incident"] = "/incidents/" + quote(incidents.json()["items"][0]["id"], safe="")
    return out


def shoot(base: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in pages(base).items():
                page.goto(base + path)
                page.wait_for_selector("body[data-ready=true]", timeout=20_000)
                target = OUT / f"{name}-{device}.png"
                page.screenshot(path=str(target))
                saved.append(target)
            context.close()
        browser.close()
    return saved


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = demo_store(Path(tmp))
        try:
            with serve(build_app(test_settings(), store)) as base:
                for path in shoot(base):
                    print(f"{path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
        finally:
            store.close()


if __name__ == "__main__":
    main()
