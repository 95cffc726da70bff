"""Shared fixtures: stores on SQLite and PostgreSQL, settings, a loopback HTTP server,
the ../shared data folder, and a fault injector for the extractor."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from koreawatch.settings import Settings
from koreawatch.store.db import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("KOREAWATCH_SHARED", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_URL = os.environ.get("KOREAWATCH_TEST_PG")


def need(condition: bool, what: str) -> None:
    """Skip when ``what`` is missing on a developer's machine; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but missing")
    pytest.skip(f"{what} is missing")


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (corpus, seed, spec, eval data)."""
    need(SHARED.is_dir(), f"the shared data folder {SHARED}")
    return SHARED


@pytest.fixture
def break_extractor(monkeypatch: pytest.MonkeyPatch) -> Callable[[object, str], None]:
    """Fault injection: ``break_extractor(module, article_id)`` makes the
    ``extract_article`` that ``module`` calls raise for that one article (an extractor
    bug cannot be produced on demand once it is fixed)."""
    def install(module: object, article_id: str) -> None:
        real = module.extract_article  # type: ignore[attr-defined]

        def failing(text: str, aid: str, *args: object, **kwargs: object) -> object:
            if aid == article_id:
                raise RuntimeError("extractor bug")
            return real(text, aid, *args, **kwargs)

        monkeypatch.setattr(module, "extract_article", failing)
    return install


@pytest.fixture
def settings() -> Settings:
    """Settings for tests: offline, no waiting between requests."""
    return Settings(offline=True, http_rate_limit=0.0, http_backoff=0.01, http_retries=2,
                    http_timeout=5.0)


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store URL on each database (PostgreSQL from KOREAWATCH_TEST_PG)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kw.db'}"
    need(bool(PG_URL), "a PostgreSQL server (set KOREAWATCH_TEST_PG)")
    assert PG_URL
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated store on each database."""
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kw.db'}"


@dataclass
class LoopbackServer:
    """An HTTP server on 127.0.0.1 serving ``routes``: path → (status, headers, body)."""

    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    handlers: dict[str, Callable[[int], tuple[int, dict[str, str], bytes]]] = field(
        default_factory=dict)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.requests if p == path)


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A real HTTP server on loopback; tests fill ``routes`` (or ``handlers`` for
    answers that change with the number of earlier hits)."""
    import time

    state = LoopbackServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            state.requests.append((self.path, dict(self.headers), time.monotonic()))
            if self.path in state.handlers:
                status, headers, body = state.handlers[self.path](state.hits(self.path))
            else:
                status, headers, body = state.routes.get(
                    self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
