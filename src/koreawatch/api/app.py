"""The REST API application: ``create_app(settings, store)``.

Routers (one module each): articles, events, incidents, status, places, search, export,
jobs. Every error answers in the one shape of ``api/errors.py``; request bodies larger
than ``api_max_body_bytes`` get 413 before any route runs; list endpoints take ``limit``
1..500 (default 50) and ``offset``. The OpenAPI document is at ``/openapi.json``, the
interactive docs at ``/docs``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from koreawatch import __version__
from koreawatch.api import (
    routes_articles,
    routes_events,
    routes_export,
    routes_incidents,
    routes_jobs,
    routes_places,
    routes_search,
    routes_status,
)
from koreawatch.api.errors import error_response, install_error_handlers
from koreawatch.api.jobs import JobRunner
from koreawatch.settings import Settings
from koreawatch.store.db import Store, open_store

log = logging.getLogger(__name__)

"""Largest request body accepted when the ``api_max_body_bytes`` setting is absent."""


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 in the error shape.

    A declared ``Content-Length`` over the limit is refused before reading; otherwise the
    body is read up to the limit (chunked bodies too) and replayed to the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "too_large", f"the request body is larger than "
                                  f"{self.limit} bytes (setting api_max_body_bytes)")
        await response(scope, receive, send)


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The API over ``store`` (opened from ``settings`` at startup and closed at shutdown
    when not given; a given store stays the caller's to close)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        app.state.store = store if store is not None else open_store(settings.resolved_db())
        app.state.runner = JobRunner(settings, app.state.store)
        app.state.runner.start()
        try:
            yield
        finally:
            app.state.runner.stop()
            if own:
                app.state.store.close()

    app = FastAPI(title="Korea Watch API", version=__version__, lifespan=lifespan,
                  description="Sourced events, incidents and border status from news about "
                              "North Korea. Errors: `{\"error\": {\"code\", \"message\", "
                              "\"details\"}}`. See docs/api.md.")
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.api_max_body_bytes)
    for module in (routes_articles, routes_events, routes_incidents, routes_status,
                   routes_places, routes_search, routes_export, routes_jobs):
        app.include_router(module.router)
    from koreawatch.web import mount_web

    mount_web(app)
    return app
