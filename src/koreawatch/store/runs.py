"""The ingest log: one row per run, one row per item with its outcome and reason."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from koreawatch.models import ItemOutcome
from koreawatch.store.schema import ingest_log, ingest_runs

MAX_LOGGED_SOURCES = 1000


def start_run(engine: Engine, sources: list[str]) -> int:
    """Record the start of a run (in its own transaction) and return its id."""
    with engine.begin() as conn:
        return int(conn.execute(
            insert(ingest_runs).values(
                started_at=datetime.now(UTC), status="running",
                sources=sources[:MAX_LOGGED_SOURCES],
            ).returning(ingest_runs.c.id)
        ).scalar_one())


def finish_run(engine: Engine, run_id: int, summary: dict[str, Any], status: str = "done") -> None:
    with engine.begin() as conn:
        conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(
            finished_at=datetime.now(UTC), status=status, summary=summary))


def log_outcome(conn: Connection, run_id: int, outcome: ItemOutcome) -> None:
    """Record one item's outcome in the caller's transaction."""
    reason = outcome.reason
    if outcome.flags:
        reason = "; ".join(filter(None, [reason, *outcome.flags]))
    conn.execute(insert(ingest_log).values(
        run_id=run_id, source=outcome.source, status=outcome.status,
        article_id=outcome.article_id, reason=reason, at=datetime.now(UTC)))


def run_log(conn: Connection, run_id: int | None = None) -> list[dict[str, Any]]:
    """The items of one run (the latest when ``run_id`` is None)."""
    if run_id is None:
        run_id = conn.execute(select(ingest_runs.c.id).order_by(ingest_runs.c.id.desc())
                              .limit(1)).scalar()
    rows = conn.execute(select(ingest_log).where(ingest_log.c.run_id == run_id)
                        .order_by(ingest_log.c.id))
    return [dict(row._mapping) for row in rows]
