"""The incident commands over a store filled with illustrative events."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, When
from koreawatch.store.articles import SaveOptions, get_article, save_article
from koreawatch.store.db import open_store
from koreawatch.store.events import replace_extraction

runner = CliRunner()
KP09 = PlaceRef("KP-09", "North Hamgyong Province", "province", "North Hamgyong", 41.8, 129.6,
                0, 0)
TEXT = "North Korea closed the bridges to China in North Hamgyong Province"


def _event(article: str, sources: tuple[tuple[str, ...], ...]) -> Event:
    return Event(id=f"{article}#e1", article_id=article, type="border_closure",
                 modality="reported", when=When("2021-02-01", "2021-02-10", "part_of_month"),
                 evidence=Evidence(0, len(TEXT), TEXT), summary=TEXT, reason="hand-built",
                 where=(KP09,), actors=(Actor("North Korea", "agent"),), sources=sources)


@pytest.fixture
def db(sqlite_url: str) -> str:
    """Two illustrative articles: a Daily NK report and NK News citing it."""
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        for n, (article, outlet, chains) in enumerate([
                ("demo-a", "Daily NK", (("a source",),)),
                ("demo-b", "NK News", (("Daily NK",),))]):
            body = f"Illustrative demo article {article}. " + " ".join(
                f"w{article}{i}" for i in range(30))
            save_article(conn, Article(text=body, source="t", input_id=article, outlet=outlet,
                                       published=date(2021, 3, 1 + n)), SaveOptions())
            replace_extraction(conn, article, get_article(conn, article).content_hash,
                               [_event(article, chains)], [], "test")
    store.close()
    return sqlite_url


def run(db: str, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_cli_incidents_rebuild_list_and_show(db: str) -> None:
    assert "1 created" in run(db, "incidents-rebuild")
    assert "0 created" in run(db, "incidents-rebuild")
    listing = run(db, "incidents")
    assert "reported by 2 outlets from 1 independent origin" in listing
    records = json.loads(run(db, "incidents", "--json", "--min-origins", "1"))
    assert [len(r["mentions"]) for r in records] == [2]
    shown = run(db, "incident", records[0]["id"])
    assert "Daily NK [named]: 2 report(s)" in shown
    assert "NK News → Daily NK [origin]" in shown
    detail = json.loads(run(db, "incident", records[0]["id"], "--json"))
    assert detail["attribution_graph"]["incident_id"] == records[0]["id"]


@pytest.mark.parametrize(("args", "code"), [
    (("incident", "inc-nope"), 3), (("incidents", "--type", "closure"), 2),
    (("incidents", "--from", "soon"), 2)])
def test_cli_incidents_errors_exit_codes(db: str, args: tuple[str, ...], code: int) -> None:
    from koreawatch.cli import main

    with pytest.raises(SystemExit) as exc:
        import sys
        old = sys.argv
        sys.argv = ["koreawatch", "--db", db, *args]
        try:
            main()
        finally:
            sys.argv = old
    assert exc.value.code == code
