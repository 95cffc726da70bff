"""Articles, their versions, near-duplicate buckets, ingest runs and log, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(255)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("canonical_url", sa.Text),
        sa.Column("outlet", sa.String(255)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("author", sa.Text),
        sa.Column("topic", sa.Text),
        sa.Column("brand", sa.Text),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("near_duplicate_of", ID, sa.ForeignKey("articles.id", ondelete="SET NULL")),
        sa.Column("similarity", sa.Float),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_articles_canonical_url", "articles", ["canonical_url"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", TS, nullable=False),
        sa.UniqueConstraint("article_id", "version", name="uq_article_versions_article_version"),
    )
    op.create_index("ix_article_versions_article_id", "article_versions", ["article_id"])
    op.create_table(
        "lsh_buckets",
        sa.Column("band", sa.SmallInteger, primary_key=True),
        sa.Column("bucket", sa.BigInteger, primary_key=True),
        sa.Column("version_id", sa.Integer,
                  sa.ForeignKey("article_versions.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_lsh_buckets_version", "lsh_buckets", ["version_id"])
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("summary", sa.JSON),
    )
    op.create_table(
        "ingest_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("article_id", ID),
        sa.Column("reason", sa.Text),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_ingest_log_run_id", "ingest_log", ["run_id"])
    _create_fts()


def _create_fts() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE article_fts ("
            " article_id VARCHAR(255) PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
            " title TEXT, body TEXT,"
            " tsv tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||"
            "  setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED)"
        )
        op.execute("CREATE INDEX ix_article_fts_tsv ON article_fts USING gin (tsv)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE article_fts USING fts5("
            "article_id UNINDEXED, title, body, tokenize = 'porter unicode61')"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS article_fts")
    for table in ("ingest_log", "ingest_runs", "lsh_buckets", "article_versions", "articles"):
        op.drop_table(table)
