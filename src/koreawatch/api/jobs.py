"""Background processing of ``POST /api/articles``: a job per submission, run by one
worker thread through the ingest pipeline with extraction.

One worker keeps ingests sequential (SQLite has one writer). Jobs live in the store
(``store/jobs.py``), so their status outlives the request; when the app starts, jobs still
``queued`` are queued again and jobs left ``running`` by a stopped server are marked
``failed``. A job that stores no article because its only item was skipped (a page that
could not be fetched, an unreadable text) fails with the skip reason.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from typing import Any

from koreawatch.errors import KoreaWatchError
from koreawatch.ingest.items import Item
from koreawatch.ingest.jsonfile import article_from_record
from koreawatch.ingest.sources import Source, SourceReader
from koreawatch.settings import Settings
from koreawatch.store import jobs as job_store
from koreawatch.store.db import Store

log = logging.getLogger(__name__)

_STOP = object()


class _TextReader(SourceReader):
    """Reads the submitted text of one job as the article of its source ref."""

    def __init__(self, settings: Settings, ref: str, record: dict[str, Any]) -> None:
        super().__init__(settings)
        self.ref = ref
        self.record = record

    def read(self, source: Source) -> Iterator[Item]:
        try:
            yield Item(source.ref, article_from_record(self.record, source.ref))
        except KoreaWatchError as exc:
            yield Item(source.ref, error=str(exc))


def job_source(job_id: str) -> str:
    """The source name under which a text job's article is ingested and logged."""
    return f"api-job-{job_id}"


def process(job: job_store.Job, settings: Settings, store: Store) -> dict[str, Any]:
    """Ingest a job's URL or text with extraction; the summary plus each item's outcome.

    Raises KoreaWatchError when nothing was stored because the items were skipped."""
    from koreawatch.ingest.pipeline import ingest

    with store.engine.connect() as conn:
        floor = job_store.last_run_id(conn)
    if job.kind == "url":
        ref = str(job.payload["url"])
        report = ingest([ref], settings, store, extract=True)
    else:
        ref = job_source(job.id)
        record = {k: v for k, v in job.payload.items() if v is not None}
        report = ingest([ref], settings, store, reader=_TextReader(settings, ref, record),
                        extract=True)
    with store.engine.connect() as conn:
        items = job_store.outcomes_after(conn, floor, ref)
    if report.skipped and not any(i["article_id"] for i in items):
        reasons = "; ".join(s["reason"] for s in report.skipped)
        raise KoreaWatchError(f"nothing stored: {reasons}")
    return {**report.to_dict(), "items": items}


class JobRunner:
    """A worker thread that runs queued jobs one at a time."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self._queue: queue.Queue[object] = queue.Queue()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Recover jobs a previous server left behind and start the worker."""
        with self.store.engine.begin() as conn:
            for job in job_store.jobs_with_status(conn, "running"):
                job_store.set_status(conn, job.id, "failed",
                                     error="interrupted: the server stopped while it ran")
            pending = [job.id for job in job_store.jobs_with_status(conn, "queued")]
        for job_id in pending:
            self._queue.put(job_id)
        self._thread = threading.Thread(target=self._loop, name="koreawatch-jobs", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Let the running job finish, then stop (queued jobs stay queued)."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    def submit(self, kind: str, payload: dict[str, Any], token_name: str | None
               ) -> job_store.Job:
        """Store a queued job and hand it to the worker."""
        with self.store.engine.begin() as conn:
            job = job_store.create_job(conn, kind, payload, token_name)
        self._queue.put(job.id)
        return job

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            self._run(str(item))

    def _run(self, job_id: str) -> None:
        with self.store.engine.begin() as conn:
            job = job_store.get_job(conn, job_id)
            if job.status != "queued":
                return
            job_store.set_status(conn, job_id, "running")
        try:
            result = process(job, self.settings, self.store)
        except KoreaWatchError as exc:
            self._finish(job_id, "failed", error=str(exc))
        except Exception as exc:  # a bug must fail the job, not the worker
            log.exception("job %s failed", job_id)
            self._finish(job_id, "failed", error=f"internal error: {type(exc).__name__}: {exc}")
        else:
            self._finish(job_id, "done", result=result)

    def _finish(self, job_id: str, status: str, result: dict[str, Any] | None = None,
                error: str | None = None) -> None:
        with self.store.engine.begin() as conn:
            job_store.set_status(conn, job_id, status, result=result, error=error)
