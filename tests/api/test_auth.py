"""API tokens: create/list/revoke (store and CLI), the hash-only store, writes that need a
token, revoked tokens refused, private reads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import pytest
import typer
from sqlalchemy import select
from typer.testing import CliRunner

from koreawatch import cli_api
from koreawatch.api.app import create_app
from koreawatch.errors import NotFoundError, UsageError
from koreawatch.settings import Settings
from koreawatch.store.db import Store
from koreawatch.store.schema import api_tokens
from koreawatch.store.tokens import create_token, list_tokens, revoke_token
from tests.api.helpers import Live, live_server, seed


@pytest.fixture
def api(store: Store, settings: Settings) -> Iterator[Live]:
    seed(store)
    with live_server(create_app(settings, store), store) as live:
        yield live


def test_token_store_keeps_only_a_hash(store: Store) -> None:
    with store.engine.begin() as conn:
        secret = create_token(conn, "alice")
        rows = conn.execute(select(api_tokens)).all()
    assert secret.startswith("kw_") and len(secret) > 40
    assert [r.token_hash for r in rows] == [hashlib.sha256(secret.encode()).hexdigest()]
    assert all(secret not in str(tuple(r)) for r in rows)


@pytest.mark.parametrize("name", ["", "has space", "-dash-first", "x" * 65])
def test_token_bad_names_refused(store: Store, name: str) -> None:
    with store.engine.begin() as conn, pytest.raises(UsageError, match="not valid"):
        create_token(conn, name)


def test_token_lifecycle_create_list_revoke(store: Store) -> None:
    with store.engine.begin() as conn:
        create_token(conn, "bot")
        with pytest.raises(UsageError, match="exists already"):
            create_token(conn, "bot")
        assert [(t.name, t.active) for t in list_tokens(conn)] == [("bot", True)]
        revoked = revoke_token(conn, "bot")
        assert not revoked.active and revoked.revoked_at is not None
        with pytest.raises(NotFoundError, match="no token named 'ghost'"):
            revoke_token(conn, "ghost")


def test_token_write_then_revoked_token_refused(api: Live) -> None:
    token = api.token("editor")
    r = api.client.delete("/api/articles/ill-0002", headers=api.auth(token))
    assert r.status_code == 204
    assert api.client.get("/api/articles/ill-0002").status_code == 404
    assert api.client.get("/api/events", params={"article": "ill-0002"}).json()["items"] == []
    with api.store.engine.begin() as conn:
        revoke_token(conn, "editor")
        assert list_tokens(conn)[0].last_used_at is not None
    r = api.client.delete("/api/articles/ill-0001", headers=api.auth(token))
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"
    assert api.client.get("/api/articles/ill-0001").status_code == 200


def test_token_reads_are_public_by_default(api: Live) -> None:
    assert api.client.get("/api/events").status_code == 200


def test_token_private_reads_need_a_token(store: Store, settings: Settings) -> None:
    seed(store)
    with live_server(create_app(settings.replace(api_private_reads=True), store), store) as live:
        for path in ("/api/events", "/api/articles/ill-0001", "/api/places", "/api/status"):
            r = live.client.get(path)
            assert r.status_code == 401, path
            assert r.json()["error"]["code"] == "unauthorized"
        token = live.token("reader")
        assert live.client.get("/api/events", headers=live.auth(token)).status_code == 200
        assert live.client.get("/openapi.json").status_code == 200


def _cli() -> typer.Typer:
    from koreawatch.cli import app

    if not any(group.name == "token" for group in app.registered_groups):
        cli_api.register(app)
    return app


def test_token_cli_create_list_revoke(store_url: str) -> None:
    runner = CliRunner()
    app = _cli()
    created = runner.invoke(app, ["--db", store_url, "token", "create", "ci-bot"])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip().splitlines()[0]
    assert secret.startswith("kw_")
    listed = runner.invoke(app, ["--db", store_url, "token", "list", "--json"])
    rows = json.loads(listed.stdout)
    assert [(r["name"], r["active"]) for r in rows] == [("ci-bot", True)]
    assert secret not in listed.stdout
    revoked = runner.invoke(app, ["--db", store_url, "token", "revoke", "ci-bot"])
    assert revoked.exit_code == 0
    rows = json.loads(runner.invoke(app, ["--db", store_url, "token", "list", "--json"]).stdout)
    assert rows[0]["active"] is False and rows[0]["revoked_at"]
