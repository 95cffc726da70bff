"""Opening a store: an SQLAlchemy engine on SQLite (default) or PostgreSQL, migrated to head."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from koreawatch.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class Store:
    """An open store: its URL (password hidden) and engine."""

    url: str
    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder created and safe pragmas."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"{url!r} is not a database URL (e.g. sqlite:///path/to/file.db "
                         "or postgresql+psycopg://user:pass@host/db)") from None
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", None):
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(parsed, future=True, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no driver for {parsed.drivername!r}: {exc} "
                         "(PostgreSQL needs: pip install 'koreawatch[postgres]')") from None
    if engine.dialect.name == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the store's schema to ``revision`` (idempotent)."""
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def open_store(url: str, migrate: bool = True) -> Store:
    """Open the store at ``url``, bringing its schema up to date unless ``migrate`` is False."""
    engine = create_store_engine(url)
    try:
        if migrate and current_revision(engine) != head_revision():
            log.info("migrating store %s to %s", engine.url, head_revision())
            upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {engine.url!r}: {exc.orig}") from None
    return Store(engine.url.render_as_string(hide_password=True), engine)
