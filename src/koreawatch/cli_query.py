"""Query commands of the CLI (``events``, ``timeline``), registered on the main app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the query commands to ``app``."""
