"""Background jobs of the REST API in the store (``POST /api/articles``).

A job goes ``queued`` → ``running`` → ``done`` or ``failed``; ``payload`` is what was
submitted, ``result`` the ingest summary, ``error`` why it failed. Every function takes a
Connection; the caller owns the transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from koreawatch.errors import NotFoundError, UsageError
from koreawatch.store.schema import ingest_log, ingest_runs, jobs

JOB_KINDS = ("url", "text")
JOB_STATUSES = ("queued", "running", "done", "failed")


@dataclass(frozen=True)
class Job:
    """One background job as stored."""

    id: str
    kind: str
    status: str
    payload: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    updated_at: datetime
    token_name: str | None


def _row(row: Any) -> Job:
    return Job(row.id, row.kind, row.status, dict(row.payload or {}),
               dict(row.result) if row.result is not None else None, row.error,
               row.created_at, row.updated_at, row.token_name)


def create_job(conn: Connection, kind: str, payload: dict[str, Any],
               token_name: str | None = None) -> Job:
    """Store a new queued job and return it."""
    if kind not in JOB_KINDS:
        raise UsageError(f"unknown job kind {kind!r}; valid: {', '.join(JOB_KINDS)}")
    now = datetime.now(UTC)
    job_id = uuid.uuid4().hex
    conn.execute(insert(jobs).values(id=job_id, kind=kind, status="queued", payload=payload,
                                     created_at=now, updated_at=now, token_name=token_name))
    return get_job(conn, job_id)


def get_job(conn: Connection, job_id: str) -> Job:
    """One job, or NotFoundError."""
    row = conn.execute(select(jobs).where(jobs.c.id == job_id)).first()
    if row is None:
        raise NotFoundError(f"no job with id {job_id!r}")
    return _row(row)


def set_status(conn: Connection, job_id: str, status: str,
               result: dict[str, Any] | None = None, error: str | None = None) -> None:
    """Move a job to ``status``, with its result or error."""
    if status not in JOB_STATUSES:
        raise UsageError(f"unknown job status {status!r}; valid: {', '.join(JOB_STATUSES)}")
    conn.execute(update(jobs).where(jobs.c.id == job_id).values(
        status=status, result=result, error=error, updated_at=datetime.now(UTC)))


def jobs_with_status(conn: Connection, status: str) -> list[Job]:
    """Jobs in one status, oldest first."""
    query = select(jobs).where(jobs.c.status == status).order_by(jobs.c.created_at, jobs.c.id)
    return [_row(r) for r in conn.execute(query)]


def last_run_id(conn: Connection) -> int:
    """The id of the latest ingest run (0 when there is none)."""
    found = conn.execute(select(ingest_runs.c.id).order_by(ingest_runs.c.id.desc())
                         .limit(1)).scalar()
    return int(found or 0)


def outcomes_after(conn: Connection, run_id: int, source: str) -> list[dict[str, Any]]:
    """Ingest-log entries of ``source`` (or its feed entries ``source#...``) in runs after
    ``run_id``: what a job's ingest did with each item."""
    query = (select(ingest_log.c.source, ingest_log.c.status, ingest_log.c.article_id,
                    ingest_log.c.reason)
             .where(ingest_log.c.run_id > run_id,
                    or_(ingest_log.c.source == source,
                        ingest_log.c.source.startswith(source + "#", autoescape=True)))
             .order_by(ingest_log.c.id))
    return [dict(r._mapping) for r in conn.execute(query)]
