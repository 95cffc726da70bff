"""Helpers of the API tests: a live server (uvicorn in a thread on 127.0.0.1, a free
port) and a small fixture store.

The fixture articles are ILLUSTRATIVE: written for these tests, not real reporting. Their
events are built by hand (not by the extractor), so most tests need no spaCy model.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from koreawatch.ingest.pipeline import with_language
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, When
from koreawatch.store.articles import SaveOptions, save_article
from koreawatch.store.db import Store
from koreawatch.store.events import replace_extraction
from koreawatch.store.tokens import create_token
from koreawatch.text import content_hash


@dataclass
class Live:
    """A running app: its base URL and a client bound to it."""

    url: str
    client: httpx.Client
    store: Store

    def token(self, name: str = "tester") -> str:
        with self.store.engine.begin() as conn:
            return create_token(conn, name)

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}


@contextmanager
def live_server(app: FastAPI, store: Store) -> Iterator[Live]:
    """Run ``app`` with uvicorn on 127.0.0.1 (a free port) in a thread until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.02)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield Live(url, client, store)
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


# --------------------------------------------------------------------------- fixture store

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "ill-0001", "outlet": "Illustrative Daily", "published": date(2021, 3, 15),
        "title": "Illustrative: border with China sealed again in Ryanggang",
        "text": ("ILLUSTRATIVE TEXT written for the Korea Watch tests. According to "
                 "Illustrative Daily, which cited a source in Ryanggang Province, North Korea "
                 "closed the border crossings near Hyesan in early March. Guards were told to "
                 "shoot smugglers on sight."),
    },
    {
        "id": "ill-0002", "outlet": "Illustrative Wire", "published": date(2021, 2, 2),
        "title": "Illustrative: smugglers arrested in North Hamgyong",
        "text": ("ILLUSTRATIVE TEXT written for the Korea Watch tests. Security officials "
                 "arrested three smugglers in Hoeryong, North Hamgyong Province, in late "
                 "January, a source told Illustrative Wire."),
    },
    {
        "id": "ill-0003", "outlet": "Illustrative Times", "published": date(2021, 6, 20),
        "title": "Illustrative: trade through Sinuiju may resume",
        "text": ("ILLUSTRATIVE TEXT written for the Korea Watch tests. Trade with China "
                 "through Sinuiju is expected to resume in July, officials in Dandong said."),
    },
]

PLACES = {"hyesan": ("KP-10/hyesan", "Hyesan", "city", 41.4017, 128.1778),
          "hoeryong": ("KP-09/hoeryong", "Hoeryong", "city", 42.4411, 129.746),
          "sinuiju": ("KP-03/sinuiju", "Sinuiju", "city", 40.1006, 124.3981)}

# article id, type, modality, start, end, precision, evidence phrase, place, source chains
EVENTS = [
    ("ill-0001", "border_closure", "reported", "2021-03-01", "2021-03-10", "part_of_month",
     "closed the border crossings near Hyesan", "hyesan",
     (("Illustrative Daily", "a source in Ryanggang Province"),)),
    ("ill-0001", "security_reinforcement", "reported", None, None, "unknown",
     "Guards were told to shoot smugglers", None,
     (("Illustrative Daily", "a source in Ryanggang Province"),)),
    ("ill-0002", "arrest", "reported", "2021-01-21", "2021-01-31", "part_of_month",
     "arrested three smugglers in Hoeryong", "hoeryong",
     (("Illustrative Wire", "a source"),)),
    ("ill-0003", "trade_resumption", "expected", "2021-07-01", "2021-07-31", "month",
     "Trade with China through Sinuiju is expected to resume", "sinuiju",
     (("officials in Dandong",),)),
]


def _event(index: int, spec: tuple[Any, ...], text: str) -> Event:
    article_id, type_, modality, start, end, precision, phrase, place, sources = spec
    at = text.index(phrase)
    where: tuple[PlaceRef, ...] = ()
    if place:
        pid, name, level, lat, lon = PLACES[place]
        pat = text.index(name)
        where = (PlaceRef(pid, name, level, name, lat, lon, pat, pat + len(name)),)
    evidence = Evidence(at, at + len(phrase), phrase)
    return Event(id=f"{article_id}#e{index}", article_id=article_id, type=type_,
                 modality=modality, when=When(start, end, precision, None, "illustrative"),
                 evidence=evidence, summary=phrase, reason="illustrative", where=where,
                 actors=(Actor("North Korea", "agent"),), sources=sources,
                 mentions=(evidence,))


def seed(store: Store) -> None:
    """Store the illustrative articles with their hand-built events."""
    with store.engine.begin() as conn:
        for record in ARTICLES:
            article = with_language(Article(
                text=str(record["text"]), source=f"test:{record['id']}",
                title=str(record["title"]), published=record["published"],
                outlet=str(record["outlet"]), input_id=str(record["id"])))
            save_article(conn, article, SaveOptions())
            specs = [e for e in EVENTS if e[0] == record["id"]]
            events = [_event(i, spec, article.text) for i, spec in enumerate(specs, start=1)]
            replace_extraction(conn, article.input_id or "", content_hash(article.text),
                               events, [], "illustrative")


EVENT_IDS = ["ill-0002#e1", "ill-0001#e1", "ill-0003#e1", "ill-0001#e2"]
"""The fixture events in timeline order (undated last)."""
LATEST_FIRST = ["ill-0003#e1", "ill-0001#e1", "ill-0002#e1", "ill-0001#e2"]
"""The same events latest first (undated still last)."""
