"""API tokens on requests: ``Authorization: Bearer <token>``.

Writes (``POST``/``DELETE /api/articles``) always need an active token. Reads are public
unless the ``api_private_reads`` setting is true; then they need one as well. A missing,
malformed, unknown or revoked token gets 401 in the one error shape, with a
``WWW-Authenticate: Bearer`` header. Tokens are made by ``koreawatch token create``
(see ``store/tokens.py``: only a SHA-256 hash of each is kept).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from koreawatch.api.deps import SettingsDep, StoreDep
from koreawatch.api.errors import ApiError
from koreawatch.store.db import Store
from koreawatch.store.tokens import check_token

bearer = HTTPBearer(auto_error=False, description="A token from `koreawatch token create`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def authenticate(store: Store, credentials: HTTPAuthorizationCredentials | None) -> str:
    """The name of the active token presented, or a 401 ApiError."""
    if credentials is None:
        raise _unauthorized("this endpoint needs an API token: send 'Authorization: Bearer "
                            "<token>' (make one with 'koreawatch token create NAME')")
    if credentials.scheme.lower() != "bearer" or not credentials.credentials.strip():
        raise _unauthorized("the Authorization header must read 'Bearer <token>'")
    with store.engine.begin() as conn:
        token = check_token(conn, credentials.credentials.strip())
    if token is None:
        raise _unauthorized("the API token is unknown or revoked")
    return token.name


def require_token(store: StoreDep, credentials: Credentials) -> str:
    """Dependency of write endpoints: the caller's token name."""
    return authenticate(store, credentials)


def require_read(store: StoreDep, settings: SettingsDep, credentials: Credentials) -> None:
    """Dependency of read endpoints: a token only when reads are private."""
    if settings.api_private_reads:
        authenticate(store, credentials)


TokenName = Annotated[str, Depends(require_token)]
