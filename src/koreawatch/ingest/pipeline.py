"""The ingest run: sources → items → stored articles, with a log entry per item.

Items are written in batches: one transaction per ``batch_size`` items, one
savepoint per item, so a bad item is rolled back alone and a run killed halfway
leaves every committed batch whole (a rerun skips what is stored and completes the
rest). Each item's outcome goes to the ingest log in the same transaction as the
article it stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace

from sqlalchemy import Connection

from koreawatch.ingest.items import Item
from koreawatch.ingest.language import detect_language
from koreawatch.ingest.sources import Source, SourceReader, expand_sources
from koreawatch.models import Article, IngestReport, ItemOutcome
from koreawatch.settings import Settings
from koreawatch.store import runs
from koreawatch.store.articles import SaveOptions, save_article
from koreawatch.store.db import Store

log = logging.getLogger(__name__)

Progress = Callable[[Source, int, int], None]
_NEW = frozenset({"added", "version", "near_duplicate"})  # outcomes that stored new text


def with_language(article: Article) -> Article:
    """The article with its language set, flagged when it is not English."""
    language = article.language or detect_language(article.text)
    flags = article.flags
    if language and language != "en":
        flags = (*flags, f"language {language!r} is not English: stored, not processed")
    return replace(article, language=language, flags=flags)


def _safe_items(reader: SourceReader, source: Source) -> Iterator[Item]:
    """The items of a source; an unexpected failure ends that source with a reason."""
    try:
        yield from reader.read(source)
    except Exception as exc:  # a reader bug must not end the batch
        log.exception("reading %s failed", source.ref)
        yield Item(source.ref, error=f"unexpected error while reading: {type(exc).__name__}: {exc}")


def extract_into_store(conn: Connection, article: Article, article_id: str) -> int:
    """Extract an English, relevant article and replace its stored events and quotes in
    the caller's transaction; returns the number of events (0 when not processed)."""
    from koreawatch.extract.pipeline import EXTRACTOR_VERSION, extract_article
    from koreawatch.extract.scope import is_relevant
    from koreawatch.store.events import replace_extraction
    from koreawatch.text import content_hash

    if article.language not in (None, "en") or not is_relevant(article.text, article.title):
        return 0
    extraction = extract_article(article.text, article_id, article.published, article.outlet,
                                 article.title)
    replace_extraction(conn, article_id, content_hash(article.text), list(extraction.events),
                       list(extraction.quotes), EXTRACTOR_VERSION)
    return len(extraction.events)


def _extract_or_flag(conn: Connection, article: Article, article_id: str,
                     outcome: ItemOutcome) -> ItemOutcome:
    """Extract a stored article in a savepoint of its own: an extractor failure keeps the
    article (flagged, to re-extract later) and loses nothing else."""
    savepoint = conn.begin_nested()
    try:
        extract_into_store(conn, article, article_id)
    except Exception as exc:  # an extractor bug must not cost the article
        savepoint.rollback()
        log.exception("extracting %s failed", article_id)
        return replace(outcome, flags=(*outcome.flags, f"extraction failed: {exc!r}"))
    savepoint.commit()
    return outcome


def _store_item(conn: Connection, item: Item, options: SaveOptions,
                extract: bool = False) -> ItemOutcome:
    if item.article is None:
        return ItemOutcome(item.source, "skipped", reason=item.error or "unreadable")
    savepoint = conn.begin_nested()
    try:
        article = with_language(item.article)
        outcome = save_article(conn, article, options)
        if extract and outcome.article_id and outcome.status != "duplicate":
            outcome = _extract_or_flag(conn, article, outcome.article_id, outcome)
    except Exception as exc:  # one bad item is rolled back alone
        savepoint.rollback()
        log.exception("storing %s failed", item.source)
        return ItemOutcome(item.source, "skipped", reason=f"could not store: {exc}")
    savepoint.commit()
    return outcome


def ingest(
    sources: list[str], settings: Settings, store: Store,
    progress: Progress | None = None, reader: SourceReader | None = None,
    extract: bool = False,
) -> IngestReport:
    """Ingest every source into ``store`` and return the run's summary; with ``extract``,
    each new article or version also gets its events and quotes extracted and stored in
    the same transaction, and when anything new was stored the incidents are rebuilt
    from all stored events at the end, in a transaction of their own."""
    expanded = expand_sources(sources)
    reader = reader or SourceReader(settings)
    options = SaveOptions(near_duplicate_threshold=settings.near_duplicate_threshold)
    run_id = runs.start_run(store.engine, sources)
    outcomes: list[ItemOutcome] = []
    status = "failed"
    try:
        with store.engine.connect() as conn:
            tx = conn.begin()
            pending = 0
            for index, source in enumerate(expanded):
                for item in _safe_items(reader, source):
                    outcome = _store_item(conn, item, options, extract)
                    runs.log_outcome(conn, run_id, outcome)
                    outcomes.append(outcome)
                    pending += 1
                    if pending >= settings.batch_size:
                        tx.commit()
                        tx = conn.begin()
                        pending = 0
                if progress:
                    progress(source, index + 1, len(expanded))
            tx.commit()
            if extract and any(o.status in _NEW for o in outcomes):
                from koreawatch.store.incidents import rebuild_incidents

                with conn.begin():
                    rebuild_incidents(conn, settings)
        status = "done"
    finally:
        if reader is not None:
            reader.close()
        report = IngestReport.from_outcomes(outcomes)
        runs.finish_run(store.engine, run_id, report.to_dict(), status)
    return report


def reextract_stored(
    store: Store, article_ids: list[str] | None = None, progress: Progress | None = None
) -> dict[str, int]:
    """Extract stored articles again (all when ``article_ids`` is None), one transaction per
    article, so each article's previous extraction is replaced atomically."""
    from koreawatch.store.articles import get_article, list_articles, to_article

    with store.engine.connect() as conn:
        ids = article_ids or [a.id for a in list_articles(conn)]
    events = 0
    for index, article_id in enumerate(ids):
        with store.engine.begin() as conn:
            stored = get_article(conn, article_id)
            events += extract_into_store(conn, to_article(stored), stored.id)
        if progress:
            progress(Source("store", article_id), index + 1, len(ids))
    return {"articles": len(ids), "events": events}
