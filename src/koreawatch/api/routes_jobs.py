"""``GET /api/jobs/{id}``: the status of a background job of ``POST /api/articles``."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from koreawatch.api.auth import require_read
from koreawatch.api.deps import StoreDep
from koreawatch.api.schemas import ErrorResponse, JobOut
from koreawatch.store import jobs as job_store

router = APIRouter(prefix="/api/jobs", tags=["jobs"], dependencies=[Depends(require_read)],
                   responses={404: {"model": ErrorResponse}, 401: {"model": ErrorResponse}})


def job_out(job: job_store.Job) -> JobOut:
    """The response model of a stored job."""
    return JobOut.model_validate({  # validating checks the status against the Literal
        "id": job.id, "kind": job.kind, "status": job.status, "created_at": job.created_at,
        "updated_at": job.updated_at, "result": job.result, "error": job.error,
        "href": f"/api/jobs/{job.id}"})


@router.get("/{job_id}", response_model=JobOut, summary="A background job's status")
def get_job(job_id: str, store: StoreDep) -> JobOut:
    """``queued``, ``running``, ``done`` (with the ingest summary and each item's outcome
    in ``result``) or ``failed`` (with ``error``)."""
    with store.engine.connect() as conn:
        return job_out(job_store.get_job(conn, job_id))
