"""Articles: list, one with its text, versions, events and quotes; submit (a background
job, token needed) and delete (token needed)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from koreawatch.api.auth import TokenName, require_read, require_token
from koreawatch.api.deps import DEFAULT_PAGE, MAX_PAGE, StoreDep, get_runner
from koreawatch.api.jobs import JobRunner
from koreawatch.api.routes_jobs import job_out
from koreawatch.api.schemas import (
    ArticleDetail,
    ArticleSubmit,
    ArticleSummary,
    ErrorResponse,
    JobOut,
    Page,
)
from koreawatch.store.articles import (
    article_versions_of,
    delete_article,
    get_article,
    list_articles,
)
from koreawatch.store.events import events_for_article, quotes_for_article

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (401, 404, 413, 422)}
router = APIRouter(prefix="/api/articles", tags=["articles"], responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


@router.get("", response_model=Page[ArticleSummary], dependencies=[Depends(require_read)],
            summary="Stored articles, newest first")
def articles(store: StoreDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
             outlet: Annotated[str | None, Query(description="only this outlet (any case)")]
             = None) -> Page[ArticleSummary]:
    """Articles by publication date, newest first (undated last)."""
    with store.engine.connect() as conn:
        rows = list_articles(conn, limit=limit + 1, offset=offset, outlet=outlet)
    return Page[ArticleSummary](
        items=[ArticleSummary.of(a) for a in rows[:limit]], limit=limit, offset=offset,
        next_offset=offset + limit if len(rows) > limit else None)


@router.get("/{article_id:path}", response_model=ArticleDetail,
            dependencies=[Depends(require_read)], summary="One article")
def article(article_id: str, store: StoreDep) -> ArticleDetail:
    """An article's latest text, its version history and the events and quotes found in
    it."""
    with store.engine.connect() as conn:
        found = get_article(conn, article_id)
        return ArticleDetail.build(found, article_versions_of(conn, article_id),
                                   events_for_article(conn, article_id),
                                   quotes_for_article(conn, article_id))


@router.post("", response_model=JobOut, status_code=202,
             summary="Submit a URL or a text (processed in the background)")
def submit(body: ArticleSubmit, response: Response, token: TokenName,
           runner: Annotated[JobRunner, Depends(get_runner)]) -> JobOut:
    """Queue an ingest (with extraction) of ``url`` or of ``text``; poll the returned
    job's ``href`` for its status. Needs a token."""
    if body.url is not None:
        job = runner.submit("url", {"url": body.url}, token)
    else:
        payload = body.model_dump(exclude={"url"}, exclude_none=True)
        job = runner.submit("text", payload, token)
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return job_out(job)


@router.delete("/{article_id:path}", status_code=204, response_class=Response,
               dependencies=[Depends(require_token)], summary="Delete an article")
def remove(article_id: str, store: StoreDep) -> Response:
    """Remove an article with its versions, events and quotes. Needs a token."""
    with store.engine.begin() as conn:
        delete_article(conn, article_id)
    return Response(status_code=204)
