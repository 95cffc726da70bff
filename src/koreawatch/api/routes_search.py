"""Full-text search over stored articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from koreawatch.api.auth import require_read
from koreawatch.api.deps import DEFAULT_PAGE, MAX_PAGE, StoreDep
from koreawatch.api.schemas import ArticleSummary, ErrorResponse, SearchHit
from koreawatch.store.articles import search_articles

router = APIRouter(prefix="/api/search", tags=["search"], dependencies=[Depends(require_read)],
                   responses={401: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})


@router.get("", response_model=list[SearchHit], summary="Full-text search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500,
                            description="words that must all occur (stemmed)")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
) -> list[SearchHit]:
    """Articles matching every word of ``q``, best first, with a relevance score."""
    with store.engine.connect() as conn:
        hits = search_articles(conn, q, limit=limit)
    return [SearchHit(article=ArticleSummary.of(a), score=round(s, 4)) for a, s in hits]
