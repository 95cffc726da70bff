"""The chronology: date rendering per precision, source chains, places, plain and rich output."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from koreawatch.models import Event, Evidence, PlaceRef, When
from koreawatch.timeline import (
    COLUMNS,
    format_places,
    format_sources,
    format_when,
    plain_lines,
    render_timeline,
    timeline_rows,
)

ANSI = re.compile(r"\x1b\[")


def event(n: int = 1, *, when: When | None = None, modality: str = "asserted",
          sources: tuple[tuple[str, ...], ...] = (), places: tuple[str, ...] = (),
          summary: str = "North Korea closed the bridges") -> Event:
    """An illustrative event record."""
    return Event(
        id=f"demo#e{n}", article_id="demo", type="border_closure", modality=modality,
        when=when or When("2021-02-01", "2021-02-10", "part_of_month"),
        evidence=Evidence(0, 10, "North Kore"), summary=summary, reason="test",
        where=tuple(PlaceRef(f"KP-0{i}", name, "province", name, None, None, 0, 1)
                    for i, name in enumerate(places, start=1)),
        sources=sources,
    )


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2021-02-13", "2021-02-13", "day", "2021-02-13"),
        ("2021-02-13", "2021-02-14", "day", "2021-02-13..14"),
        ("2021-02-08", "2021-02-14", "week", "2021-02-08..14 (week)"),
        ("2021-12-27", "2022-01-02", "week", "2021-12-27..2022-01-02 (week)"),
        ("2021-02-01", "2021-02-10", "part_of_month", "2021-02-01..10 (early Feb)"),
        ("2021-03-11", "2021-03-20", "part_of_month", "2021-03-11..20 (mid Mar)"),
        ("2021-02-21", "2021-02-28", "part_of_month", "2021-02-21..28 (late Feb)"),
        ("2021-02-03", "2021-02-10", "part_of_month", "2021-02-03..10"),
        ("2021-01-01", "2021-01-31", "month", "2021-01"),
        ("2021-01-01", "2021-03-31", "month", "2021-01..03"),
        ("2020-11-01", "2021-02-28", "month", "2020-11..2021-02"),
        ("2021-01-03", "2021-01-20", "month", "2021-01-03..20"),
        ("2021-01-01", "2021-03-31", "quarter", "2021-Q1"),
        ("2021-04-01", "2021-09-30", "quarter", "2021-Q2..2021-Q3"),
        ("2021-03-01", "2021-05-31", "season", "2021-03..05 (spring)"),
        ("2020-12-01", "2021-02-28", "season", "2020-12..2021-02 (winter)"),
        ("2021-01-01", "2021-12-31", "year", "2021"),
        ("2020-01-01", "2021-12-31", "year", "2020..2021"),
        ("2021-02-13", "2021-03-15", "approx", "≈2021-02-13..03-15"),
        ("2021-03-01", "2021-03-31", "approx", "≈2021-03"),
        ("2021-01-01", "2021-01-31", "unknown", "within 2021-01"),
        (None, "2021-01-31", "unknown", "before 2021-01-31"),
        ("2021-03-01", None, "approx", "from 2021-03-01"),
        (None, None, "approx", "undated"),
    ],
)
def test_timeline_format_when_per_precision(start: str | None, end: str | None,
                                            precision: str, expected: str) -> None:
    assert format_when(When(start, end, precision)) == expected


@pytest.mark.parametrize(
    ("sources", "modality", "expected"),
    [
        ((("Daily NK", "a source in Yanggang Province"),), "reported",
         "Daily NK ← a source in Yanggang Province"),
        ((("Yonhap", "KCNA"), ("NK News",)), "reported", "Yonhap ← KCNA; NK News"),
        ((), "reported", "reportedly"),
        ((), "asserted", "—"),
        ((), "expected", "—"),
    ],
)
def test_timeline_source_chains(sources: tuple[tuple[str, ...], ...], modality: str,
                                expected: str) -> None:
    assert format_sources(event(sources=sources, modality=modality)) == expected


@pytest.mark.parametrize(
    ("places", "expected"),
    [((), "—"), (("North Hamgyong Province",), "North Hamgyong Province"),
     (("Ryanggang Province", "Chagang Province", "Ryanggang Province"),
      "Ryanggang Province, Chagang Province")],
)
def test_timeline_places(places: tuple[str, ...], expected: str) -> None:
    assert format_places(event(places=places)) == expected


def test_timeline_rows_show_modality_only_when_not_asserted() -> None:
    rows = timeline_rows([event(1), event(2, modality="expected")])
    assert [row.modality for row in rows] == ["", "expected"]
    assert rows[0].cells() == ("2021-02-01..10 (early Feb)", "border_closure", "", "—", "—",
                               "demo", "North Korea closed the bridges")
    assert set(rows[1].to_dict()) == {*COLUMNS, "event_id"}


def test_timeline_plain_lines_are_aligned() -> None:
    rows = timeline_rows([event(1, places=("North Hamgyong Province",)),
                          event(2, when=When("2021-02-13", "2021-02-13", "day"))])
    lines = plain_lines(rows)
    assert lines[0].split() == list(COLUMNS)
    type_column = lines[0].index("type")
    assert all(line[type_column:].startswith("border_closure") for line in lines[1:])
    assert all(line == line.rstrip() for line in lines)


def test_timeline_piped_output_is_plain_text() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=80)
    render_timeline(timeline_rows([event(sources=(("Daily NK", "a source"),),
                                         modality="reported", summary="[bold]x[/bold]")]),
                    console)
    text = buffer.getvalue()
    assert not ANSI.search(text)
    assert "Daily NK ← a source" in text and "[bold]x[/bold]" in text
    assert len(text.splitlines()) == 2


def test_timeline_terminal_output_is_coloured() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=200)
    render_timeline(timeline_rows([event(modality="expected", summary="[bold]x[/bold]")]),
                    console)
    text = buffer.getvalue()
    assert ANSI.search(text)
    assert "[bold]x[/bold]" in text  # article text is never read as markup
