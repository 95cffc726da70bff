"""The ``export`` command over a SQLite store filled with illustrative events."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app
from koreawatch.cli_export import parse_since
from koreawatch.errors import UsageError
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, When
from koreawatch.settings import Settings
from koreawatch.store.articles import SaveOptions, get_article, save_article
from koreawatch.store.db import open_store
from koreawatch.store.events import replace_extraction
from koreawatch.store.incidents import rebuild_incidents

runner = CliRunner()
TEXT = ("Illustrative demo article. North Korea closed the bridges to China in Saebyol "
        "\"at once\", a source told Daily NK. Three smugglers were caught in Hyesan — 혜산.")
SAEBYOL = PlaceRef("KP-09/saebyol", "Saebyol County", "county", "Saebyol", 42.718, 130.142,
                   0, 7)
HYESAN = PlaceRef("KP-10/hyesan", "Hyesan", "city", "Hyesan", 41.4, 128.2, 0, 6)


def _event(n: int, type_: str, when: When, place: PlaceRef, summary: str) -> Event:
    return Event(id=f"demo-1#e{n}", article_id="demo-1", type=type_, modality="reported",
                 when=when, evidence=Evidence(27, 60, TEXT[27:60]), summary=summary,
                 reason="hand-built", where=(place,), actors=(Actor("North Korea", "agent"),),
                 sources=(("Daily NK", "a source"),))


EVENTS = [
    _event(1, "border_closure", When("2021-02-01", "2021-02-10", "part_of_month"), SAEBYOL,
           'bridges closed "at once", in Saebyol'),
    _event(2, "arrest", When("2021-03-02", "2021-03-02", "day"), HYESAN,
           "three smugglers caught in Hyesan — 혜산"),
]


@pytest.fixture
def db(sqlite_url: str) -> str:
    """A SQLite store with one article, its two events and the incidents rebuilt from
    them."""
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        save_article(conn, Article(text=TEXT, source="test", input_id="demo-1",
                                   outlet="Daily NK", published=date(2021, 3, 15)),
                     SaveOptions())
        digest = get_article(conn, "demo-1").content_hash
        replace_extraction(conn, "demo-1", digest, EVENTS, [], "test-1")
        rebuild_incidents(conn, Settings())
    store.close()
    return sqlite_url


def run(db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, "export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_export_jsonl_default(db: str) -> None:
    records = [json.loads(line) for line in run(db).splitlines()]
    assert [r["type"] for r in records] == ["border_closure", "arrest"]
    assert records[1]["summary"] == "three smugglers caught in Hyesan — 혜산"
    assert records[0]["mentions"][0]["article_id"] == "demo-1"


def test_cli_export_csv(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "--format", "csv"), newline="")))
    assert [r["type"] for r in rows] == ["border_closure", "arrest"]
    assert rows[0]["summary"] == 'bridges closed "at once", in Saebyol'


def test_cli_export_geojson(db: str) -> None:
    doc = json.loads(run(db, "--format", "geojson"))
    assert doc["type"] == "FeatureCollection"
    assert [f["geometry"]["coordinates"] for f in doc["features"]] == [
        [SAEBYOL.lon, SAEBYOL.lat], [HYESAN.lon, HYESAN.lat]]


def test_cli_export_acled(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "--format", "acled"), newline="")))
    assert [(r["event_date"], r["sub_event_type"]) for r in rows] == [
        ("2021-02-01", "Other"), ("2021-03-02", "Arrests")]
    assert rows[1]["admin1"] == "Ryanggang Province" and rows[1]["time_precision"] == "1"


def test_cli_export_plover(db: str) -> None:
    events = json.loads(run(db, "--format", "plover"))
    assert [(e["event_type"], e["mode"]) for e in events] == [
        ("COERCE", "restrict"), ("COERCE", "arrest")]


@pytest.mark.parametrize(("args", "types"), [
    (["--type", "arrest"], ["arrest"]),
    (["--place", "KP-09"], ["border_closure"]),
    (["--place", "Hyesan"], ["arrest"]),
    (["--from", "2021-03"], ["arrest"]),
    (["--to", "2021-02"], ["border_closure"]),
    (["--min-origins", "2"], []),
])
def test_cli_export_filters(db: str, args: list[str], types: list[str]) -> None:
    records = [json.loads(line) for line in run(db, *args).splitlines()]
    assert [r["type"] for r in records] == types


def test_cli_export_output_file_is_written_atomically(db: str, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "out.csv"
    target.parent.mkdir()
    target.write_text("old content", encoding="utf-8")
    run(db, "--format", "csv", "--output", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 2
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]  # no temp file left
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml"], "valid formats: jsonl, csv, geojson, acled, plover"),
    (["--from", "March"], "YYYY-MM-DD, YYYY-MM or YYYY"),
    (["--type", "riot"], "border_closure"),
    (["--changes-since", "last week"], "YYYY-MM-DD or an ISO timestamp"),
    (["--changes-since", "2021-01-01", "--format", "csv"], "only --format jsonl"),
    (["--output", "/nonexistent-folder/out.csv"], "does not exist"),
])
def test_cli_export_bad_values_name_valid_forms(db: str, args: list[str],
                                                message: str) -> None:
    result = runner.invoke(app, ["--db", db, "export", *args])
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)


def test_cli_export_changes_since(db: str) -> None:
    lines = [json.loads(line) for line in run(db, "--changes-since", "2000-01-01")
             .splitlines()]
    assert len(lines) == 2 and {line["change"] for line in lines} == {"created"}
    assert all(set(line) == {"incident_id", "change", "at", "detail"} for line in lines)
    assert datetime.fromisoformat(lines[0]["at"]).tzinfo is not None
    assert run(db, "--changes-since", "2999-01-01T00:00:00Z") == ""


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
    ("2024-05-01T12:30:00Z", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
    ("2024-05-01T12:30", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
    ("2024-05-01T14:30:00+02:00", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
])
def test_cli_export_parse_since_forms(value: str, expected: datetime) -> None:
    assert parse_since(value) == expected


