"""Extracted events (with their places, source chains, actors and mentions) and quotes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(255)


def _event_fk() -> sa.Column:
    return sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"),
                     primary_key=True)


def _article_fk() -> sa.Column:
    return sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    _create_events()
    _create_event_children()
    _create_quotes()


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        _article_fk(),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("when_start", sa.Date),
        sa.Column("when_end", sa.Date),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("when_text", sa.Text),
        sa.Column("when_reason", sa.Text, nullable=False),
        sa.Column("duration_days", sa.Integer),
        sa.Column("flow", sa.String(16)),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    for column in ("article_id", "type", "when_start", "when_end"):
        op.create_index(f"ix_events_{column}", "events", [column])


def _create_event_children() -> None:
    op.create_table(
        "event_places",
        _event_fk(),
        sa.Column("position", sa.SmallInteger, primary_key=True),
        sa.Column("place_id", sa.String(128), nullable=False),
        sa.Column("province_id", sa.String(16)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_places_place_id", "event_places", ["place_id"])
    op.create_index("ix_event_places_province_id", "event_places", ["province_id"])
    op.create_table(
        "event_sources",
        _event_fk(),
        sa.Column("chain_index", sa.SmallInteger, primary_key=True),
        sa.Column("position", sa.SmallInteger, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "event_actors",
        _event_fk(),
        sa.Column("position", sa.SmallInteger, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
    )
    op.create_table(
        "event_mentions",
        _event_fk(),
        sa.Column("position", sa.SmallInteger, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )


def _create_quotes() -> None:
    op.create_table(
        "quotes",
        sa.Column("id", ID, primary_key=True),
        _article_fk(),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])


def downgrade() -> None:
    for table in ("quotes", "event_mentions", "event_actors", "event_sources",
                  "event_places", "events"):
        op.drop_table(table)
