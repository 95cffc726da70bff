"""API tokens in the store: create (the secret is returned once, only its SHA-256 hash is
kept), list, revoke, and check a presented token.

A token reads ``kw_`` followed by 43 URL-safe characters (256 random bits). Names are
unique for good: a revoked token keeps its name, so the log of who did what stays clear.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from koreawatch.errors import NotFoundError, UsageError
from koreawatch.store.schema import api_tokens

PREFIX = "kw_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_TOUCH_EVERY = timedelta(seconds=60)  # last_used_at is refreshed at most this often


@dataclass(frozen=True)
class ApiToken:
    """A stored token (never its secret)."""

    name: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {"name": self.name, "active": self.active,
                "created_at": iso(self.created_at), "revoked_at": iso(self.revoked_at),
                "last_used_at": iso(self.last_used_at)}


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _row(row: Any) -> ApiToken:
    return ApiToken(row.name, row.created_at, row.revoked_at, row.last_used_at)


def create_token(conn: Connection, name: str) -> str:
    """Store a new token called ``name`` and return its secret (shown once, never stored)."""
    if not _NAME.match(name):
        raise UsageError(f"token name {name!r} is not valid: use 1-64 letters, digits, "
                         "'_', '.' or '-', starting with a letter or digit")
    if conn.execute(select(api_tokens.c.id).where(api_tokens.c.name == name)).first():
        raise UsageError(f"a token named {name!r} exists already (names are never reused, "
                         "even after revoke); choose another name")
    secret = PREFIX + secrets.token_urlsafe(32)
    conn.execute(insert(api_tokens).values(
        name=name, token_hash=hash_token(secret), created_at=datetime.now(UTC)))
    return secret


def list_tokens(conn: Connection) -> list[ApiToken]:
    """Every token, active or revoked, by name."""
    return [_row(r) for r in conn.execute(select(api_tokens).order_by(api_tokens.c.name))]


def revoke_token(conn: Connection, name: str) -> ApiToken:
    """Revoke the token called ``name`` (revoking twice keeps the first time)."""
    row = conn.execute(select(api_tokens).where(api_tokens.c.name == name)).first()
    if row is None:
        known = [t.name for t in list_tokens(conn)]
        raise NotFoundError(f"no token named {name!r}; tokens: "
                            + (", ".join(known) if known else "none"))
    if row.revoked_at is None:
        conn.execute(update(api_tokens).where(api_tokens.c.id == row.id)
                     .values(revoked_at=datetime.now(UTC)))
    return _row(conn.execute(select(api_tokens).where(api_tokens.c.id == row.id)).one())


def check_token(conn: Connection, token: str) -> ApiToken | None:
    """The active token whose secret is ``token``, or None; refreshes its last use."""
    row = conn.execute(select(api_tokens).where(
        api_tokens.c.token_hash == hash_token(token), api_tokens.c.revoked_at.is_(None))).first()
    if row is None:
        return None
    now = datetime.now(UTC)
    last = row.last_used_at
    if last is not None and last.tzinfo is None:  # SQLite returns naive datetimes
        last = last.replace(tzinfo=UTC)
    if last is None or now - last > _TOUCH_EVERY:
        conn.execute(update(api_tokens).where(api_tokens.c.id == row.id)
                     .values(last_used_at=now))
    return _row(row)
