"""``GET /api/export``: the incidents matching the filters in one export format."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from koreawatch.api.auth import require_read
from koreawatch.api.deps import StoreDep
from koreawatch.api.routes_incidents import Filters
from koreawatch.api.schemas import ErrorResponse
from koreawatch.exports import FORMATS, check_format, write_export
from koreawatch.store.incidents import load_incidents

router = APIRouter(prefix="/api/export", tags=["export"], dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})

MEDIA_TYPES = {"jsonl": ("application/x-ndjson", "jsonl"), "csv": ("text/csv", "csv"),
               "geojson": ("application/geo+json", "geojson"), "acled": ("text/csv", "csv"),
               "plover": ("application/json", "json")}
"""Format → (media type, file suffix); formats missing here are sent as text/plain."""


@router.get("", summary="Export incidents",
            responses={200: {"description": "the export file", "content": {
                media: {} for media, _ in MEDIA_TYPES.values()}}})
def export(
    store: StoreDep, query: Filters,
    fmt: Annotated[str, Query(alias="format", description="one of: " + ", ".join(FORMATS))],
) -> Response:
    """Every stored incident matching the filters, written as ``format`` (see
    ``docs/exports.md``), as a download."""
    check_format(fmt)
    filters = query.filter()
    stream = io.StringIO()
    with store.engine.connect() as conn:
        write_export(fmt, load_incidents(conn, filters), stream)
    media, suffix = MEDIA_TYPES.get(fmt, ("text/plain", "txt"))
    return Response(stream.getvalue(), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="koreawatch-incidents-{fmt}.{suffix}"'})
