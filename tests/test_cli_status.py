"""The ``status`` command over a store of illustrative events, and the seed Done-when check."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app
from koreawatch.errors import UsageError
from koreawatch.models import Article, Event, Evidence, PlaceRef, When
from koreawatch.settings import Settings
from koreawatch.store.articles import SaveOptions, get_article, save_article
from koreawatch.store.db import open_store
from koreawatch.store.events import replace_extraction

runner = CliRunner()
TEXT = ("Illustrative demo article. North Korea closed the bridges to China in North Hamgyong "
        "Province, leaving one bridge open for emergencies. Trade later resumed.")
KP09 = PlaceRef("KP-09", "North Hamgyong Province", "province", "North Hamgyong Province",
                41.8, 129.6, 68, 91)


def _event(n: int, type_: str, when: When, flow: str, where: tuple[PlaceRef, ...],
           span: tuple[int, int]) -> Event:
    return Event(id=f"demo-1#e{n}", article_id="demo-1", type=type_, modality="reported",
                 when=when, evidence=Evidence(span[0], span[1], TEXT[span[0]:span[1]]),
                 summary=f"illustrative {type_}", reason="hand-built", flow=flow, where=where)


EVENTS = [
    _event(1, "border_closure", When("2021-02-01", "2021-02-10", "part_of_month"), "both",
           (KP09,), (27, 141)),
    _event(2, "trade_resumption", When("2021-02-20", "2021-02-20", "day"), "cargo", (),
           (142, 162)),
]


@pytest.fixture
def db(sqlite_url: str) -> str:
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        save_article(conn, Article(text=TEXT, source="test", input_id="demo-1",
                                   published=date(2021, 3, 15)), SaveOptions())
        digest = get_article(conn, "demo-1").content_hash
        replace_extraction(conn, "demo-1", digest, EVENTS, [], "test-1")
    store.close()
    return sqlite_url


def run(db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, "status", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_status_json_series(db: str) -> None:
    days = json.loads(run(db, "--place", "KP-09", "--from", "2021-02-01", "--to",
                          "2021-02-21", "--format", "json"))
    assert len(days) == 21 and days[0]["date"] == "2021-02-01"
    assert {d["people"]["level"] for d in days} == {2}
    assert days[0]["people"]["state"] == "known" and days[0]["evidence"]
    assert days[-1]["cargo"]["level"] == 1 and days[-1]["people"]["level"] == 2


def test_status_csv_parses(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "--place", "North Hamgyong", "--from",
                                               "2021-02", "--to", "2021-02", "--format",
                                               "csv"))))
    assert len(rows) == 28 and rows[0]["people_level"] == "2" and rows[0]["evidence"]


def test_status_without_place_lists_regions(db: str) -> None:
    rows = json.loads(run(db, "--to", "2021-03-01", "--format", "json"))
    by_id = {r["region"]: r for r in rows}
    assert by_id["KP-09:CN"]["people"]["level"] == 2
    assert by_id["KP-13:RU"]["cargo"]["level"] == 1  # the national resumption
    assert "KP-09:CN" in run(db, "--to", "2021-03-01")


def test_status_png_to_file(db: str, tmp_path: Path) -> None:
    path = tmp_path / "kp09.png"
    run(db, "--place", "KP-09", "--format", "png", "--output", str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("args", "needle"), [
    (["--place", "Atlantis"], "Atlantis"),
    (["--place", "KP-09", "--from", "February"], "February"),
    (["--format", "xml"], "xml"),
    (["--format", "png"], "--place"),
    (["--from", "2021-03-01", "--to", "2021-02-01"], "empty"),
])
def test_status_bad_values_are_usage_errors(db: str, args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["--db", db, "status", *args])
    assert isinstance(result.exception, UsageError)
    assert needle in str(result.exception)


@pytest.mark.shared
@pytest.mark.model
def test_status_seed_kp09_early_february(shared: Path, sqlite_url: str,
                                         settings: Settings) -> None:
    from koreawatch.ingest.pipeline import ingest

    store = open_store(sqlite_url)
    try:
        ingest([str(shared / "seed" / "kim-afraid-border.txt")], settings, store,
               extract=True)
    finally:
        store.close()
    days = json.loads(run(sqlite_url, "--place", "KP-09", "--from", "2021-02-01", "--to",
                          "2021-02-10", "--format", "json"))
    assert len(days) == 10
    for day in days:
        assert day["people"]["level"] in (2, 3), day
        assert day["evidence"], day
