"""What routes get from the app: its settings, its store and its job runner
(FastAPI dependencies reading ``app.state``, set up by ``create_app``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from koreawatch.settings import Settings
from koreawatch.store.db import Store

if TYPE_CHECKING:
    from koreawatch.api.jobs import JobRunner

MAX_PAGE = 500
"""The largest ``limit`` a list endpoint accepts."""
DEFAULT_PAGE = 50


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_runner(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.runner
    return runner


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
