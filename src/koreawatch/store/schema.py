"""Table definitions (storage rows, not the records of ``models.py``).

The migrations in ``migrations/versions`` create these tables; a test compares the
two so that they cannot drift apart. Full-text search tables differ per database
and are created by the migrations only (SQLite FTS5, PostgreSQL tsvector).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = String(255)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("url", Text),
    Column("canonical_url", Text, index=True),
    Column("outlet", String(255)),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("author", Text),
    Column("topic", Text),
    Column("brand", Text),
    Column("tags", JSON, nullable=False),
    Column("language", String(16)),
    Column("flags", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("near_duplicate_of", ID, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("similarity", Float),
    Column("current_version", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

article_versions = Table(
    "article_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("version", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("signature", LargeBinary, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("article_id", "version", name="uq_article_versions_article_version"),
)

lsh_buckets = Table(
    "lsh_buckets",
    metadata,
    Column("band", SmallInteger, primary_key=True),
    Column("bucket", BigInteger, primary_key=True),
    Column("version_id", Integer, ForeignKey("article_versions.id", ondelete="CASCADE"),
           primary_key=True),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),
    Column("sources", JSON, nullable=False),
    Column("summary", JSON),
)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("source", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("article_id", ID),
    Column("reason", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

Index("ix_lsh_buckets_version", lsh_buckets.c.version_id)

# --------------------------------------------------------------------------- extraction
# Events and quotes extracted from an article version (spec v1.2). ``record`` keeps the
# spec JSON as written; the other columns are what queries filter and sort on, and what
# ``store/events.py`` rebuilds ``Event`` records from. Dates are ``Date`` columns so that
# interval overlap is two indexed comparisons; NULL is an open end.

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("content_hash", String(64), nullable=False),
    Column("type", String(32), nullable=False, index=True),
    Column("modality", String(16), nullable=False),
    Column("when_start", Date, index=True),
    Column("when_end", Date, index=True),
    Column("precision", String(16), nullable=False),
    Column("when_text", Text),
    Column("when_reason", Text, nullable=False),
    Column("duration_days", Integer),
    Column("flow", String(16)),
    Column("summary", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("extractor_version", String(64), nullable=False),
    Column("record", JSON, nullable=False),
)

event_places = Table(
    "event_places",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", SmallInteger, primary_key=True),
    Column("place_id", String(128), nullable=False, index=True),
    Column("province_id", String(16), index=True),
    Column("name", Text, nullable=False),
    Column("level", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("chain_index", SmallInteger, primary_key=True),
    Column("position", SmallInteger, primary_key=True),
    Column("name", Text, nullable=False),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", SmallInteger, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", SmallInteger, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("content_hash", String(64), nullable=False),
    Column("speaker", Text, nullable=False),
    Column("affiliation", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("via", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("extractor_version", String(64), nullable=False),
)

# --------------------------------------------------------------------------- incidents
# Incidents built across articles (``resolve/incidents.py``), rewritten by
# ``store/incidents.rebuild_incidents``. ``record`` is ``Incident.to_dict()``; the columns
# are what queries filter and sort on. Members and changes refer to event and incident ids
# without foreign keys: events are replaced on re-extraction before the rebuild, and a
# retracted incident's change rows outlive it.

incidents = Table(
    "incidents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("type", String(32), nullable=False, index=True),
    Column("modality", String(16), nullable=False),
    Column("when_start", Date, index=True),
    Column("when_end", Date, index=True),
    Column("precision", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("flow", String(16)),
    Column("duration_days", Integer),
    Column("n_outlets", Integer, nullable=False),
    Column("n_origins", Integer, nullable=False),
    Column("record", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

incident_members = Table(
    "incident_members",
    metadata,
    Column("incident_id", ID, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("reason", Text, nullable=False),
    Index("ix_incident_members_event_id", "event_id"),
)

incident_links = Table(
    "incident_links",
    metadata,
    Column("incident_id", ID, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("other_id", ID, primary_key=True),
    Column("kind", String(16), primary_key=True),
)

incident_changes = Table(
    "incident_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", ID, nullable=False, index=True),
    Column("change", String(16), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("detail", JSON, nullable=False),
)

# --------------------------------------------------------------------------- REST API
# API tokens (only a SHA-256 hash of each secret is kept) and the background jobs of
# ``POST /api/articles`` (``store/tokens.py``, ``store/jobs.py``).

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("last_used_at", DateTime(timezone=True)),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("payload", JSON, nullable=False),
    Column("result", JSON),
    Column("error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("token_name", String(64)),
)
