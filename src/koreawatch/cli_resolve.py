"""Cross-article commands of the CLI (incidents, status, export), registered on the main app.

Each group of commands lives in its own module and adds itself here."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the cross-article commands to ``app``."""
    from koreawatch import cli_export, cli_incidents, cli_status

    cli_incidents.register(app)
    cli_status.register(app)
    cli_export.register(app)
