"""Articles in the store: saving with duplicate, version and near-duplicate handling; queries.

``save_article`` decides, in this order:

1. the normalized text is already stored (any article, any version): an exact
   duplicate, not stored again;
2. an article with the same id (the input's id) or, without one, the same canonical
   URL exists: the text is stored as its next version;
3. otherwise a new article; when its MinHash signature is close enough to an
   earlier article's (see ``ingest/dedup.py``), it is linked to that one as a
   near-duplicate (the most similar; on a tie, the earliest stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, text, update

from koreawatch.errors import NotFoundError, UsageError
from koreawatch.ingest import dedup
from koreawatch.ingest.urls import canonical_url
from koreawatch.models import Article, ItemOutcome, StoredArticle
from koreawatch.store.schema import article_versions, articles, lsh_buckets
from koreawatch.text import content_hash, short_hash


def _now() -> datetime:
    return datetime.now(UTC)


def article_id_for(article: Article) -> str:
    """The input's id when it has one, else ``kw-`` + a hash of its canonical URL or text."""
    if article.input_id:
        return article.input_id[:255]
    if article.url:
        return "kw-" + short_hash(canonical_url(article.url))
    return "kw-" + content_hash(article.text)[:16]


def _existing_article(conn: Connection, article: Article, new_id: str) -> str | None:
    found = conn.execute(select(articles.c.id).where(articles.c.id == new_id)).scalar()
    if found or article.input_id or not article.url:
        return found
    return conn.execute(
        select(articles.c.id)
        .where(articles.c.canonical_url == canonical_url(article.url))
        .order_by(articles.c.first_seen)
        .limit(1)
    ).scalar()


def _near_duplicate(
    conn: Connection, sig: bytes, threshold: float
) -> tuple[str, float] | None:
    keys = dedup.band_keys(sig)
    # OR of (band, bucket) pairs, not a row-value IN: SQLite searches the key index for
    # each pair then, where the IN form scans the whole table on every insert.
    in_buckets = select(lsh_buckets.c.version_id).where(or_(*[
        and_(lsh_buckets.c.band == band, lsh_buckets.c.bucket == bucket)
        for band, bucket in keys]))
    candidates = conn.execute(
        select(article_versions.c.article_id, article_versions.c.signature,
               articles.c.first_seen)
        .join(articles, articles.c.id == article_versions.c.article_id)
        .where(article_versions.c.id.in_(in_buckets))
    ).all()
    best: tuple[float, datetime, str] | None = None
    for article_id, other_sig, first_seen in candidates:
        score = dedup.similarity(sig, other_sig)
        if score < threshold:
            continue
        key = (-score, first_seen, article_id)
        if best is None or key < best:
            best = key
    return (best[2], -best[0]) if best else None


def _insert_version(
    conn: Connection, article_id: str, version: int, article: Article, digest: str, sig: bytes
) -> None:
    version_id = conn.execute(
        insert(article_versions).values(
            article_id=article_id, version=version, text=article.text, content_hash=digest,
            source=article.source, title=article.title, published=article.published,
            signature=sig, ingested_at=_now(),
        ).returning(article_versions.c.id)
    ).scalar_one()
    conn.execute(insert(lsh_buckets), [
        {"band": band, "bucket": bucket, "version_id": version_id}
        for band, bucket in dedup.band_keys(sig)
    ])
    _index_text(conn, article_id, article.title, article.text)


def _index_text(conn: Connection, article_id: str, title: str | None, body: str) -> None:
    conn.execute(text("DELETE FROM article_fts WHERE article_id = :id"), {"id": article_id})
    conn.execute(
        text("INSERT INTO article_fts (article_id, title, body) VALUES (:id, :title, :body)"),
        {"id": article_id, "title": title or "", "body": body},
    )


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "url": article.url,
        "canonical_url": canonical_url(article.url) if article.url else None,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "topic": article.topic,
        "brand": article.brand,
        "tags": list(article.tags),
        "language": article.language,
        "flags": list(article.flags),
        "meta": article.extra,
        "updated_at": _now(),
    }


@dataclass(frozen=True)
class SaveOptions:
    """How ``save_article`` judges near-duplicates."""

    near_duplicate_threshold: float = 0.7


def save_article(conn: Connection, article: Article, options: SaveOptions) -> ItemOutcome:
    """Store ``article`` (see the module doc); the caller owns the transaction."""
    digest = content_hash(article.text)
    dup = conn.execute(
        select(article_versions.c.article_id).where(article_versions.c.content_hash == digest)
    ).scalar()
    if dup is not None:
        return ItemOutcome(article.source, "duplicate", dup, f"same text as article {dup}")
    new_id = article_id_for(article)
    sig = dedup.signature(article.text)
    existing = _existing_article(conn, article, new_id)
    if existing is not None:
        version = conn.execute(
            select(articles.c.current_version).where(articles.c.id == existing)
        ).scalar_one() + 1
        _insert_version(conn, existing, version, article, digest, sig)
        conn.execute(update(articles).where(articles.c.id == existing).values(
            current_version=version, **_article_row(article)))
        return ItemOutcome(article.source, "version", existing, f"version {version}",
                           article.flags)
    near = _near_duplicate(conn, sig, options.near_duplicate_threshold)
    conn.execute(insert(articles).values(
        id=new_id, current_version=1, first_seen=_now(),
        near_duplicate_of=near[0] if near else None,
        similarity=round(near[1], 4) if near else None,
        **_article_row(article),
    ))
    _insert_version(conn, new_id, 1, article, digest, sig)
    if near:
        return ItemOutcome(article.source, "near_duplicate", new_id,
                           f"near-duplicate of {near[0]} (similarity {near[1]:.2f})",
                           article.flags)
    return ItemOutcome(article.source, "added", new_id, None, article.flags)


def _stored(row: Any) -> StoredArticle:
    return StoredArticle(
        id=row.id, title=row.title, published=row.published, outlet=row.outlet, url=row.url,
        author=row.author, topic=row.topic, brand=row.brand, tags=tuple(row.tags or ()),
        language=row.language, flags=tuple(row.flags or ()), versions=row.current_version,
        near_duplicate_of=row.near_duplicate_of, similarity=row.similarity,
        first_seen=row.first_seen, text=row.text, content_hash=row.content_hash,
    )


def to_article(stored: StoredArticle) -> Article:
    """The Article record of a stored article's latest version (for re-extraction)."""
    return Article(text=stored.text, source=f"store:{stored.id}", title=stored.title,
                   published=stored.published, outlet=stored.outlet, url=stored.url,
                   author=stored.author, input_id=stored.id, topic=stored.topic,
                   brand=stored.brand, tags=stored.tags, language=stored.language,
                   flags=stored.flags)


def _latest_query():  # -> Select
    return select(articles, article_versions.c.text, article_versions.c.content_hash).join(
        article_versions,
        (article_versions.c.article_id == articles.c.id)
        & (article_versions.c.version == articles.c.current_version),
    )


def list_articles(conn: Connection, limit: int | None = None, offset: int = 0,
                  outlet: str | None = None) -> list[StoredArticle]:
    """Stored articles, newest publication first (undated last), then by id."""
    query = _latest_query().order_by(
        articles.c.published.is_(None), articles.c.published.desc(), articles.c.id)
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if limit is not None:
        query = query.limit(limit)
    return [_stored(row) for row in conn.execute(query.offset(offset))]


def get_article(conn: Connection, article_id: str) -> StoredArticle:
    """One stored article (latest version), or NotFoundError."""
    row = conn.execute(_latest_query().where(articles.c.id == article_id)).first()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return _stored(row)


def article_versions_of(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """Version number, hash, source and time of each stored version of an article."""
    rows = conn.execute(
        select(article_versions.c.version, article_versions.c.content_hash,
               article_versions.c.source, article_versions.c.ingested_at,
               func.length(article_versions.c.text).label("chars"))
        .where(article_versions.c.article_id == article_id)
        .order_by(article_versions.c.version)
    )
    return [dict(row._mapping) for row in rows]


def fts_query(query: str) -> str:
    """An FTS5 query matching all the words of ``query`` (user syntax is not trusted)."""
    words = [w for w in query.replace('"', " ").split() if w.strip()]
    if not words:
        raise UsageError("empty search query: give at least one word")
    return " ".join(f'"{w}"' for w in words)


def search_articles(
    conn: Connection, query: str, limit: int = 20
) -> list[tuple[StoredArticle, float]]:
    """Articles matching every word of ``query``, best first, with a relevance score."""
    if conn.dialect.name == "postgresql":
        if not query.strip():
            raise UsageError("empty search query: give at least one word")
        hits = conn.execute(text(
            "SELECT article_id, ts_rank(tsv, websearch_to_tsquery('english', :q)) AS score "
            "FROM article_fts WHERE tsv @@ websearch_to_tsquery('english', :q) "
            "ORDER BY score DESC, article_id LIMIT :n"), {"q": query, "n": limit}).all()
    else:
        hits = conn.execute(text(
            "SELECT article_id, -bm25(article_fts, 0.0, 5.0, 1.0) AS score FROM article_fts "
            "WHERE article_fts MATCH :q ORDER BY score DESC, article_id LIMIT :n"),
            {"q": fts_query(query), "n": limit}).all()
    return [(get_article(conn, article_id), float(score)) for article_id, score in hits]


def delete_article(conn: Connection, article_id: str) -> None:
    """Remove an article with its versions and search entry."""
    get_article(conn, article_id)
    conn.execute(text("DELETE FROM article_fts WHERE article_id = :id"), {"id": article_id})
    conn.execute(delete(articles).where(articles.c.id == article_id))


def store_stats(conn: Connection) -> dict[str, Any]:
    """Counts of the store's contents (``db stats``)."""
    def count(query: Any) -> int:
        return int(conn.execute(query).scalar_one())

    return {
        "articles": count(select(func.count()).select_from(articles)),
        "versions": count(select(func.count()).select_from(article_versions)),
        "near_duplicates": count(select(func.count()).select_from(articles)
                                 .where(articles.c.near_duplicate_of.is_not(None))),
        "outlets": count(select(func.count(func.distinct(articles.c.outlet)))),
        "flagged": count(select(func.count()).select_from(articles)
                         .where(func.json_array_length(articles.c.flags) > 0)),
        "earliest": _iso(conn.execute(select(func.min(articles.c.published))).scalar()),
        "latest": _iso(conn.execute(select(func.max(articles.c.published))).scalar()),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
