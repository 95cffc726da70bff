"""Incidents across articles: their members, contradiction links and the changes feed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.String(255)


def _incident_fk() -> sa.Column:
    return sa.Column("incident_id", ID, sa.ForeignKey("incidents.id", ondelete="CASCADE"),
                     primary_key=True)


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", ID, primary_key=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("when_start", sa.Date),
        sa.Column("when_end", sa.Date),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("flow", sa.String(16)),
        sa.Column("duration_days", sa.Integer),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("n_origins", sa.Integer, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for column in ("type", "when_start", "when_end"):
        op.create_index(f"ix_incidents_{column}", "incidents", [column])
    op.create_table(
        "incident_members",
        _incident_fk(),
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_incident_members_event_id", "incident_members", ["event_id"])
    op.create_table(
        "incident_links",
        _incident_fk(),
        sa.Column("other_id", ID, primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
    )
    op.create_table(
        "incident_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_incident_changes_incident_id", "incident_changes", ["incident_id"])
    op.create_index("ix_incident_changes_at", "incident_changes", ["at"])


def downgrade() -> None:
    for table in ("incident_changes", "incident_links", "incident_members", "incidents"):
        op.drop_table(table)
