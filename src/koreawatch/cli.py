"""The ``koreawatch`` command line. Each command parses its arguments, calls one library
function and prints; errors become one line on stderr and an exit code."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from koreawatch import __version__
from koreawatch.errors import KoreaWatchError, UsageError
from koreawatch.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Connection

app = typer.Typer(
    help="Korea Watch: turn news about North Korea into a sourced, queryable record.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
)
articles_app = typer.Typer(help="List, show and search stored articles.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the store: schema, counts, ingest log.", no_args_is_help=True)
app.add_typer(articles_app, name="articles")
app.add_typer(db_app, name="db")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    settings: Settings


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_json_default, indent=None))
    sys.stdout.write("\n")


def _settings(ctx: typer.Context) -> Settings:
    return ctx.ensure_object(State).settings if ctx.obj else load_settings()


def _open(ctx: typer.Context):  # -> Store
    from koreawatch.store.db import open_store

    return open_store(_settings(ctx).resolved_db())


@contextlib.contextmanager
def store_connection(ctx: typer.Context, write: bool = False) -> Iterator[Connection]:
    """A connection to the store of ``ctx`` (a transaction when ``write``), closing the
    store afterwards."""
    store = _open(ctx)
    try:
        with store.engine.begin() if write else store.engine.connect() as conn:
            yield conn
    finally:
        store.close()


def _version(value: bool) -> None:
    if value:
        print(f"koreawatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="KOREAWATCH_DB", show_envvar=True,
        help="SQLAlchemy URL of the store (default: SQLite in the user's data directory).")
    ] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", help="TOML file of settings (see docs/settings.md).")] = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True,
                                         help="More log output (-v info, -vv debug).")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Korea Watch."""
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr,
    )
    ctx.obj = State(load_settings(config_file=config, overrides={"db": db}))


@app.command()
def ingest(
    ctx: typer.Context,
    sources: Annotated[list[str], typer.Argument(
        help="Files, folders (recursive), http(s) URLs, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    extract: Annotated[bool, typer.Option(
        "--extract/--no-extract", help="Extract and store the events and quotes of each new "
        "article or version (English articles that mention North Korea).")] = True,
    offline: Annotated[bool | None, typer.Option(
        "--offline", help="Never use the network.")] = None,
    max_bytes: Annotated[int | None, typer.Option(
        "--max-bytes", help="Largest input accepted, in bytes.")] = None,
) -> None:
    """Read articles and keep them in the store."""
    from koreawatch.ingest.pipeline import ingest as run_ingest

    settings = _settings(ctx).replace(offline=offline, max_input_bytes=max_bytes)
    store = _open(ctx)
    try:
        with _progress() as progress:
            report = run_ingest(sources, settings, store, progress=progress, extract=extract)
    finally:
        store.close()
    if as_json:
        print_json(report.to_dict())
        return
    out.print(
        f"added {report.added}, new versions {report.versions}, near-duplicates "
        f"{report.near_duplicates}, duplicates {report.duplicates}, flagged "
        f"{len(report.flagged)}, skipped {len(report.skipped)}"
    )
    for label, rows in (("flagged", report.flagged), ("skipped", report.skipped)):
        for row in rows:
            out.print(f"  {label}: {row['source']}: {row['reason']}", markup=False)


class _progress:
    """A progress bar on stderr for runs of several sources, when stderr is a terminal."""

    def __enter__(self):  # -> Callable | None
        if not err.is_terminal:
            self._bar = None
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress("[progress.description]{task.description}", BarColumn(),
                             MofNCompleteColumn(), TimeRemainingColumn(), console=err,
                             transient=True)
        self._bar.start()
        self._task = self._bar.add_task("ingesting", total=None)

        def update(source: Any, done: int, total: int) -> None:
            self._bar.update(self._task, completed=done, total=total,
                             description=Path(source.ref).name[:30])
        return update

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


@articles_app.command("list")
def articles_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
) -> None:
    """List stored articles, newest first."""
    from koreawatch.store.articles import list_articles

    with store_connection(ctx) as conn:
        rows = list_articles(conn, limit=limit, outlet=outlet)
    if as_json:
        print_json([row.summary() for row in rows])
        return
    table = Table("id", "published", "outlet", "title", box=None, pad_edge=False)
    for row in rows:
        table.add_row(row.id, row.published.isoformat() if row.published else "-",
                      row.outlet or "-", row.title or "-")
    out.print(table)


@articles_app.command("show")
def articles_show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="The article's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one article: metadata, versions and text."""
    from koreawatch.store.articles import article_versions_of, get_article

    with store_connection(ctx) as conn:
        article = get_article(conn, article_id)
        versions = article_versions_of(conn, article_id)
    data = {**article.summary(), "author": article.author, "topic": article.topic,
            "brand": article.brand, "similarity": article.similarity,
            "version_history": versions, "text": article.text}
    if as_json:
        print_json(data)
        return
    for key in ("id", "title", "published", "outlet", "url", "author", "topic", "brand",
                "tags", "language", "flags", "versions", "near_duplicate_of"):
        value = data[key]
        if value not in (None, [], ""):
            out.print(f"[bold]{key}[/bold]: " + (", ".join(value) if isinstance(value, list)
                                               else str(value)))
    out.print()
    out.print(article.text, markup=False)


@articles_app.command("search")
def articles_search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words that must all occur.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 20,
) -> None:
    """Full-text search over stored articles."""
    from koreawatch.store.articles import search_articles

    with store_connection(ctx) as conn:
        hits = search_articles(conn, query, limit=limit)
    if as_json:
        print_json([{**a.summary(), "score": round(score, 4)} for a, score in hits])
        return
    for article, score in hits:
        out.print(f"{score:7.3f}  {article.id}  {article.title or '-'}", markup=False)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Bring the store's schema up to date."""
    from koreawatch.store.db import create_store_engine, current_revision, upgrade

    engine = create_store_engine(_settings(ctx).resolved_db())
    upgrade(engine)
    out.print(f"store at revision {current_revision(engine)}: "
              f"{engine.url.render_as_string(hide_password=True)}", markup=False)


@db_app.command("stats")
def db_stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count what the store holds."""
    from koreawatch.store.articles import store_stats
    from koreawatch.store.events import extraction_stats

    with store_connection(ctx) as conn:
        url = conn.engine.url.render_as_string(hide_password=True)
        stats = {"store": url, **store_stats(conn), **extraction_stats(conn)}
    if as_json:
        print_json(stats)
        return
    for key, value in stats.items():
        out.print(f"{key}: {value}", markup=False)


@db_app.command("reextract")
def db_reextract(
    ctx: typer.Context,
    article_ids: Annotated[list[str] | None, typer.Argument(
        help="Ids of stored articles (default: every stored article).")] = None,
) -> None:
    """Extract stored articles again (after an extractor upgrade), replacing their events."""
    from koreawatch.ingest.pipeline import reextract_stored

    store = _open(ctx)
    try:
        with _progress() as progress:
            done = reextract_stored(store, article_ids or None, progress=progress)
    finally:
        store.close()
    out.print(f"re-extracted {done['articles']} articles: {done['events']} events", markup=False)


@db_app.command("log")
def db_log(
    ctx: typer.Context,
    run: Annotated[int | None, typer.Option(help="Run id (default: the latest run).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the ingest log: each item of a run with its outcome and reason."""
    from koreawatch.store.runs import run_log

    with store_connection(ctx) as conn:
        rows = run_log(conn, run)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        out.print(f"{row['status']:<15} {row['source']}  {row['reason'] or ''}", markup=False)


@app.command()
def extract(
    ctx: typer.Context,
    sources: Annotated[list[str] | None, typer.Argument(
        help="Files, folders, URLs or - (anything ingest reads); nothing is stored.")] = None,
    article_id: Annotated[list[str] | None, typer.Option(
        "--id", help="A stored article's id (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
) -> None:
    """Print the events and quotes of each article, one JSON line per article."""
    from koreawatch.extract.batch import extract_one, extract_sources

    if fmt != "jsonl":
        raise UsageError(f"--format {fmt!r} is not supported; valid formats: jsonl")
    if not sources and not article_id:
        raise UsageError("give SOURCE files, folders or URLs, or --id ID of stored articles")
    settings = _settings(ctx)
    for result in extract_sources(list(sources or []), settings):
        if result.note and result.extraction is None:
            err.print(f"koreawatch: {result.source}: {result.note}", markup=False)
        print_json(result.to_json())
    if article_id:
        from koreawatch.store.articles import get_article, to_article

        with store_connection(ctx) as conn:
            stored = [get_article(conn, one) for one in article_id]
        for row in stored:
            print_json(extract_one(to_article(row), row.id).to_json())


def _parse_dct(value: str, label: str = "--dct") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{label} {value!r} is not a date of the form YYYY-MM-DD") from None


@app.command()
def timex(
    file: Annotated[Path | None, typer.Argument(
        help="A text file (or - for standard input), with --dct.")] = None,
    dct: Annotated[str | None, typer.Option(
        help="Document creation time YYYY-MM-DD that relative expressions resolve against.")
    ] = None,
    jsonl: Annotated[Path | None, typer.Option(
        help='JSON Lines of {"id", "dct", "text"}; prints one line per input line.')] = None,
) -> None:
    """Tag and normalize the time expressions of a text (TimeML values and intervals)."""
    from koreawatch.extract.time import document_timexes, jsonl_timexes
    from koreawatch.ingest.decode import decode_bytes

    if jsonl is not None:
        if file is not None or dct is not None:
            raise UsageError("--jsonl takes neither FILE nor --dct (each line has its own dct)")
        for lineno, line in enumerate(_read_input(jsonl).splitlines(), start=1):
            if line.strip():
                print_json(_timex_line(line, lineno, jsonl_timexes))
        return
    if file is None or dct is None:
        raise UsageError("give FILE and --dct YYYY-MM-DD, or --jsonl IN.jsonl")
    text, _ = decode_bytes(_read_bytes(file))
    print_json(document_timexes(text, _parse_dct(dct)))


def _read_bytes(path: Path) -> bytes:
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {str(path)!r}: {exc.strerror}") from None


def _read_input(path: Path) -> str:
    from koreawatch.ingest.decode import decode_bytes

    return decode_bytes(_read_bytes(path))[0]


def _timex_line(line: str, lineno: int, tagger: Any) -> dict[str, Any]:
    """One output line; a bad input line gives ``{"id", "error"}`` and a warning."""
    try:
        record = json.loads(line)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ValueError("a line must be an object with a string 'text'")
        _parse_dct(str(record.get("dct", "")), label="'dct'")
        return tagger(record)
    except (ValueError, UsageError) as exc:
        record_id = None
        with contextlib.suppress(ValueError, AttributeError):
            record_id = json.loads(line).get("id")
        err.print(f"koreawatch: line {lineno} skipped: {exc}", markup=False)
        return {"id": record_id, "error": f"line {lineno}: {exc}"}


def _register_more() -> None:
    from koreawatch import cli_api, cli_query, cli_resolve

    cli_query.register(app)
    cli_resolve.register(app)
    cli_api.register(app)


_register_more()


def main() -> None:
    """Entry point: run the CLI, turning our errors into one line on stderr."""
    try:
        app()
    except KoreaWatchError as exc:
        err.print(f"koreawatch: error: {exc}", markup=False)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("koreawatch: interrupted", markup=False)
        raise SystemExit(130) from None


__all__ = ["app", "main", "UsageError"]
