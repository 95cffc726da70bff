"""One JSON error shape for every error the API answers with.

Every error response is ``{"error": {"code": ..., "message": ..., "details": [...]}}``
with exactly these keys. ``code`` is one of ``ERROR_CODES``; ``details`` lists the bad
fields of a validation error (``{"loc": [...], "message": ..., "type": ...}``) and is
empty otherwise. The handlers installed by ``install_error_handlers`` turn
KoreaWatchError subclasses, request validation errors, HTTP errors (unknown routes,
wrong methods, refused tokens) and unexpected exceptions into that shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from koreawatch.errors import (
    BadInputError,
    FetchError,
    KoreaWatchError,
    NotFoundError,
    UsageError,
)

log = logging.getLogger(__name__)

ERROR_CODES = ("not_found", "invalid", "unauthorized", "forbidden", "too_large",
               "not_implemented", "internal")

_CODE_OF_STATUS = {401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "too_large",
                   501: "not_implemented"}


class ApiError(Exception):
    """An error with its HTTP status, code and message, raised by routes and dependencies."""

    def __init__(self, status: int, code: str, message: str,
                 details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}; valid: {', '.join(ERROR_CODES)}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers


def invalid_param(name: str, message: str, where: str = "query") -> ApiError:
    """A 422 naming one bad request parameter."""
    return ApiError(422, "invalid", message,
                    [{"loc": [where, name], "message": message, "type": "value_error"}])


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None
               ) -> dict[str, Any]:
    """The JSON of an error response."""
    return {"error": {"code": code, "message": message, "details": details or []}}


def error_response(status: int, code: str, message: str,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status,
                        headers=headers)


def code_for_status(status: int) -> str:
    """The error code of an HTTP status (4xx other than the named ones are ``invalid``)."""
    if status in _CODE_OF_STATUS:
        return _CODE_OF_STATUS[status]
    return "internal" if status >= 500 else "invalid"


def _for_korea_watch(exc: KoreaWatchError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, UsageError | BadInputError):
        return 422, "invalid"
    if isinstance(exc, FetchError):
        return 502, "internal"
    return 500, "internal"


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        details.append({"loc": [str(part) for part in err.get("loc", ())],
                        "message": str(err.get("msg", "")), "type": str(err.get("type", ""))})
    return details


def _describe(details: list[dict[str, Any]]) -> str:
    first = details[0] if details else None
    if first is None:
        return "the request is not valid"
    where = ".".join(first["loc"][1:] or first["loc"]) or "request"
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    return f"{where}: {first['message']}{more}"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


async def _kw_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KoreaWatchError)
    status, code = _for_korea_watch(exc)
    if status >= 500:
        log.error("request failed: %s: %s", type(exc).__name__, exc)
    return error_response(status, code, str(exc))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc)
    return error_response(422, "invalid", _describe(details), details)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers) if exc.headers else None
    return error_response(exc.status_code, code_for_status(exc.status_code), str(exc.detail),
                          headers=headers)


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal", "internal server error (see the server log)")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` answer in the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(KoreaWatchError, _kw_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
