"""The command line as a user runs it (a real subprocess where exit codes matter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app

DEMO = Path(__file__).resolve().parent.parent / "demo"
runner = CliRunner()


def kw(db: str, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "koreawatch", "--db", db, *args],
                          capture_output=True, text=True, input=input, timeout=120,
                          env={"KOREAWATCH_OFFLINE": "1", "PATH": "/usr/bin:/bin"})


def invoke(db: str, *args: str) -> dict | list:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.shared
def test_cli_ingest_seed_lists_title_date_tags(sqlite_url: str, shared: Path) -> None:
    summary = invoke(sqlite_url, "ingest", str(shared / "seed" / "kim-afraid-border.txt"),
                     "--json", "--no-extract")
    assert summary == {"added": 1, "versions": 0, "near_duplicates": 0, "duplicates": 0,
                       "flagged": [], "skipped": []}
    (article,) = invoke(sqlite_url, "articles", "list", "--json")
    assert article["title"].startswith("What Is Kim Afraid Of?")
    assert article["published"] == "2021-03-15"
    assert article["tags"] == ["North Korea", "China", "Military", "Kim Jong Un", "Coronavirus"]
    assert {"id", "title", "published", "outlet", "url", "tags"} <= set(article)


def test_cli_stats_show_and_search(sqlite_url: str) -> None:
    invoke(sqlite_url, "ingest", str(DEMO), "--json")
    stats = invoke(sqlite_url, "db", "stats", "--json")
    assert (stats["articles"], stats["versions"]) == (6, 6)
    shown = invoke(sqlite_url, "articles", "show", "demo-0003", "--json")
    assert shown["outlet"] == "Illustrative Wire (demo)" and "COVAX" in shown["text"]
    hits = invoke(sqlite_url, "articles", "search", "Rajin Vladivostok", "--json")
    assert [h["title"] for h in hits] == ["Illustrative: Rason port reopens to Russian cargo"]


def test_cli_ingest_stdin(sqlite_url: str) -> None:
    text = (DEMO / "hyesan-border.txt").read_text(encoding="utf-8")
    done = kw(sqlite_url, "ingest", "-", "--json", input=text)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("articles", "show", "nope"), 3, "no article with id 'nope'"),
        (("articles", "search", " "), 2, "empty search query"),
    ],
)
def test_cli_errors_are_one_line_with_exit_code(sqlite_url: str, args: tuple[str, ...],
                                               code: int, message: str) -> None:
    done = kw(sqlite_url, *args)
    assert done.returncode == code
    assert done.stderr.strip().startswith(f"koreawatch: error: {message}")
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_bad_db_url_names_it() -> None:
    done = kw("nosuch://x", "db", "stats")
    assert done.returncode == 1
    assert "no driver for 'nosuch'" in done.stderr


def test_cli_db_upgrade_reports_revision(sqlite_url: str) -> None:
    done = kw(sqlite_url, "db", "upgrade")
    from koreawatch.store.db import head_revision

    assert done.returncode == 0 and f"store at revision {head_revision()}" in done.stdout


def test_cli_timex_document_gives_values_and_intervals(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Back in January, North Korea reportedly shut the border\xa0with China "
                    "for another 30 days. Another lockdown followed early in March.",
                    encoding="utf-8")
    result = runner.invoke(app, ["timex", "--dct", "2021-03-15", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dct"] == "2021-03-15"
    by_text = {t["text"]: t for t in data["timexes"]}
    assert by_text["January"]["value"] == "2021-01"
    assert by_text["another 30 days"]["value"] == "P30D"
    early = next(t for t in data["timexes"] if "March" in t["text"])
    assert early["interval"] == {"start": "2021-03-01", "end": "2021-03-10"}
    text = path.read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["text"] for t in data["timexes"])


def test_cli_timex_jsonl_skips_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "dct": "2021-03-15", "text": "last week"}\n{bad\n'
                    '{"id": "c", "dct": "2021-02-30", "text": "today"}\n', encoding="utf-8")
    result = runner.invoke(app, ["timex", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {"id": "a", "timexes": [
        {"start": 0, "end": 9, "text": "last week", "type": "DATE", "value": "2021-W10"}]}
    assert "line 2" in lines[1]["error"] and lines[2]["id"] == "c"
    assert "'2021-02-30' is not a date" in lines[2]["error"]


def test_cli_timex_bad_dct_names_it(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("today", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "koreawatch", "timex", "--dct", "2021-13-01",
                           str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "'2021-13-01' is not a date of the form YYYY-MM-DD" in done.stderr
