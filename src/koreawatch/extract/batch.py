"""Extraction over many inputs: files, folders, URLs, standard input or stored articles.

Reading is the ingest stage's (the same readers and the same article ids), but
nothing is written: ``extract_sources`` is a pure function of its inputs. An item
that cannot be read, an article that is not in English, or one the extractor fails on
(a bug, logged with its traceback) gives a result with a ``note`` instead of events.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from koreawatch.extract.pipeline import Extraction, extract_article
from koreawatch.extract.scope import is_relevant
from koreawatch.ingest.language import detect_language
from koreawatch.ingest.sources import SourceReader, expand_sources
from koreawatch.models import Article
from koreawatch.settings import Settings
from koreawatch.store.articles import article_id_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractResult:
    """The extraction of one input item, or why there is none."""

    source: str
    article_id: str | None
    extraction: Extraction | None = None
    note: str | None = None

    def to_json(self) -> dict:
        if self.extraction is not None:
            return self.extraction.to_spec()
        return {"article_id": self.article_id, "events": [], "quotes": [],
                "note": self.note, "source": self.source}


def extract_one(article: Article, article_id: str, prefilter: bool = False) -> ExtractResult:
    """Extract one article; non-English (and, with ``prefilter``, irrelevant) ones are noted."""
    language = article.language or detect_language(article.text)
    if language not in (None, "en"):
        return ExtractResult(article.source, article_id,
                             note=f"language {language!r} is not English: not processed")
    if prefilter and not is_relevant(article.text, article.title):
        return ExtractResult(article.source, article_id,
                             extraction=Extraction(article_id, (), ()),
                             note="skipped by the relevance pre-filter")
    try:
        extraction = extract_article(article.text, article_id, article.published,
                                     article.outlet, article.title)
    except Exception as exc:  # an extractor bug on one article must not end the batch
        log.exception("extracting %s failed", article_id)
        return ExtractResult(article.source, article_id, note=f"extraction failed: {exc!r}")
    return ExtractResult(article.source, article_id, extraction)


def extract_sources(sources: list[str], settings: Settings) -> Iterator[ExtractResult]:
    """Extraction results of every item of ``sources``, in order. An article that names
    neither North Korea nor a place on its border is not parsed (it could hold no event
    in scope, ``extract/scope.py``): it gets an empty record."""
    reader = SourceReader(settings)
    try:
        for source in expand_sources(sources):
            for item in reader.read(source):
                if item.article is None:
                    yield ExtractResult(item.source, None, note=item.error)
                    continue
                yield extract_one(item.article, article_id_for(item.article), prefilter=True)
    finally:
        reader.close()
