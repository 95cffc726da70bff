"""The ``events`` and ``timeline`` commands over a store filled with illustrative events."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app
from koreawatch.errors import UsageError
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, Quote, When
from koreawatch.store.articles import SaveOptions, get_article, save_article
from koreawatch.store.db import open_store
from koreawatch.store.events import replace_extraction

runner = CliRunner()
TEXT = ("Illustrative demo article. North Korea closed the bridges to China in North Hamgyong "
        "Province at the start of February, a source in Yanggang Province told Daily NK. "
        "Trade through Hyesan is expected to resume in spring.")


def _event(n: int, type_: str, modality: str, when: When, place: PlaceRef,
           sources: tuple[tuple[str, ...], ...] = ()) -> Event:
    return Event(
        id=f"demo-1#e{n}", article_id="demo-1", type=type_, modality=modality, when=when,
        evidence=Evidence(27, 60, TEXT[27:60]), summary=f"illustrative {type_}",
        reason="hand-built", where=(place,), actors=(Actor("North Korea", "agent"),),
        sources=sources,
    )


NORTH_HAMGYONG = PlaceRef("KP-09", "North Hamgyong Province", "province",
                          "North Hamgyong Province", 41.8, 129.6, 68, 91)
SAEBYOL = PlaceRef("KP-09/saebyol", "Saebyol County", "county", "Saebyol", 42.7, 130.1, 0, 7)
HYESAN = PlaceRef("KP-10/hyesan", "Hyesan", "city", "Hyesan", 41.4, 128.2, 165, 171)
EVENTS = [
    _event(1, "border_closure", "reported",
           When("2021-02-01", "2021-02-10", "part_of_month", "at the start of February"),
           NORTH_HAMGYONG, (("Daily NK", "a source in Yanggang Province"),)),
    _event(2, "trade_resumption", "expected",
           When("2021-03-01", "2021-05-31", "season", "in spring"), HYESAN),
    _event(3, "arrest", "asserted", When(None, "2021-01-31", "unknown"), SAEBYOL),
]
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def db(sqlite_url: str) -> str:
    """A SQLite store with one article and its three illustrative events."""
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        save_article(conn, Article(text=TEXT, source="test", input_id="demo-1",
                                   published=date(2021, 3, 15)), SaveOptions())
        digest = get_article(conn, "demo-1").content_hash
        quote = Quote("demo-1", "source", "closed", Evidence(40, 46, TEXT[40:46]))
        replace_extraction(conn, "demo-1", digest, EVENTS, [quote], "test-1")
    store.close()
    return sqlite_url


def run(db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def event_ids(db: str, *args: str) -> list[str]:
    return [record["id"] for record in json.loads(run(db, "events", "--json", *args))]


def test_cli_query_events_json_is_spec_records(db: str) -> None:
    records = json.loads(run(db, "events", "--json"))
    # an open start sorts at its end date (2021-01-31), before the February closure
    assert records == [e.to_spec() for e in (EVENTS[2], EVENTS[0], EVENTS[1])]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["demo-1#e3", "demo-1#e1", "demo-1#e2"]),
        (("--type", "arrest"), ["demo-1#e3"]),
        (("--place", "KP-09"), ["demo-1#e3", "demo-1#e1"]),
        (("--place", "Ryanggang"), ["demo-1#e2"]),
        (("--place", "KP-09/saebyol"), ["demo-1#e3"]),
        (("--from", "2021-02"), ["demo-1#e1", "demo-1#e2"]),
        (("--to", "2021-02"), ["demo-1#e3", "demo-1#e1"]),
        (("--from", "2021-02-11", "--to", "2021-02-28"), []),
        (("--from", "2021", "--to", "2021"), ["demo-1#e3", "demo-1#e1", "demo-1#e2"]),
        (("--modality", "expected"), ["demo-1#e2"]),
        (("--source", "daily nk"), ["demo-1#e1"]),
        (("--article", "demo-1", "--limit", "1"), ["demo-1#e3"]),
        (("--article", "other"), []),
        (("--offset", "2"), ["demo-1#e2"]),
    ],
)
def test_cli_query_events_filters(db: str, args: tuple[str, ...], expected: list[str]) -> None:
    assert event_ids(db, *args) == expected


def test_cli_query_events_text_lists_one_line_each(db: str) -> None:
    lines = run(db, "events").splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("demo-1#e3  before 2021-01-31  arrest  Saebyol County")
    assert "trade_resumption (expected)" in lines[2]


def test_cli_query_timeline_plain_when_piped(db: str) -> None:
    text = run(db, "timeline")
    lines = text.splitlines()
    assert not ANSI.search(text)
    assert lines[0].split() == ["date", "type", "modality", "place", "source", "article",
                                "summary"]
    assert lines[1].startswith("before 2021-01-31")  # sorted at its end date
    assert lines[2].startswith("2021-02-01..10 (early Feb)")
    assert "Daily NK ← a source in Yanggang Province" in lines[2]
    assert lines[3].startswith("2021-03..05 (spring)") and "expected" in lines[3]


def test_cli_query_timeline_json_rows(db: str) -> None:
    rows = json.loads(run(db, "timeline", "--json", "--type", "border_closure"))
    assert rows == [{"date": "2021-02-01..10 (early Feb)", "type": "border_closure",
                     "modality": "reported", "place": "North Hamgyong Province",
                     "source": "Daily NK ← a source in Yanggang Province",
                     "article": "demo-1", "summary": "illustrative border_closure",
                     "event_id": "demo-1#e1"}]


def test_cli_query_timeline_no_match_prints_nothing_on_stdout(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "timeline", "--source", "Reuters"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no events match" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "--from", "not-a-date"),
         "--from 'not-a-date' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"),
        (("timeline", "--to", "2021-02-30"), "--to '2021-02-30' is not a date"),
        (("events", "--type", "closure"), "unknown event type 'closure'; valid: border_closure"),
        (("timeline", "--modality", "likely"), "unknown modality 'likely'; valid: asserted"),
        (("events", "--place", "Atlantis"), "unknown place 'Atlantis'"),
        (("events", "--from", "2021-03", "--to", "2021-02"), "date range is empty"),
    ],
)
def test_cli_query_bad_values_raise_usage_error(db: str, args: tuple[str, ...],
                                                message: str) -> None:
    result = runner.invoke(app, ["--db", db, *args])
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)


def test_cli_query_bad_date_is_one_line_exit_2(db: str) -> None:
    done = subprocess.run([sys.executable, "-m", "koreawatch", "--db", db, "timeline",
                           "--from", "March"], capture_output=True, text=True, timeout=120,
                          env={"KOREAWATCH_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2
    assert done.stderr.strip() == ("koreawatch: error: --from 'March' is not a date: "
                                   "use YYYY-MM-DD, YYYY-MM or YYYY")
