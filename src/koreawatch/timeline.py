"""Events as a chronology, the way an analyst keeps one by hand: one row per event with
its date, type, modality, places, source chain, article and summary.

``timeline_rows`` and the ``format_*`` helpers are pure; ``render_timeline`` prints the
rows, as a coloured rich Table on a terminal and as plain aligned text (no ANSI codes)
when the output is piped.

Date rendering (``format_when``), by ``when.precision``; ranges are written compactly,
repeating only what changes: ``2021-02-01..10``, ``2021-02-13..03-15``,
``2020-12-20..2021-01-10``.

=============== ============================================ ===========================
precision       rule                                         example
=============== ============================================ ===========================
day             the date (a range if several days)           ``2021-02-13``
week            the range, tagged                            ``2021-02-08..14 (week)``
part_of_month   the range, tagged early/mid/late + month     ``2021-02-01..10 (early Feb)``
month           the month(s)                                 ``2021-01``, ``2021-01..03``
quarter         the quarter(s)                               ``2021-Q1``
season          the months, tagged with the season           ``2021-03..05 (spring)``
year            the year(s)                                  ``2021``, ``2020..2021``
approx          ``≈`` + whole years/months when aligned,     ``≈2021-02-13..03-15``
                else the range
unknown         ``within`` + as approx (no ``≈``)            ``within 2021-01``
open start      ``before`` + the inclusive end               ``before 2021-01-31``
open end        ``from`` + the start                         ``from 2021-03-01``
no dates        ``undated``                                  ``undated``
=============== ============================================ ===========================

An interval that does not fit its precision's unit (a "month" from the 3rd to the 20th)
falls back to the plain range, so the rendering never claims more than the dates say.

Source column: each attribution chain from the outlet cited first to its origin, joined
with `` ← `` (``Daily NK ← a source in Yanggang Province``), several chains separated by
``; ``. Without a chain: ``reportedly`` for a reported event (hedged, or attributed to no
one named), ``—`` otherwise (the article asserts it). The modality column is empty for
asserted events and names the modality otherwise (``reported``, ``expected``...).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from koreawatch.models import Event, When

COLUMNS = ("date", "type", "modality", "place", "source", "article", "summary")
NONE = "—"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTS = {(1, 10): "early", (11, 20): "mid", (21, 31): "late"}
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
TYPE_STYLES = {
    "border_closure": "red", "trade_suspension": "red",
    "border_reopening": "green", "trade_resumption": "green", "aid_delivery": "green",
    "security_reinforcement": "magenta", "crackdown": "magenta", "arrest": "magenta",
    "punishment": "magenta", "illegal_crossing": "yellow", "smuggling": "yellow",
    "health_measure": "cyan", "official_statement": "blue",
}
_NO_WRAP = frozenset({"date", "type", "modality", "article"})
MODALITY_STYLES = {"reported": "", "expected": "italic", "denied": "dim",
                   "negated": "dim strike"}


@dataclass(frozen=True)
class TimelineRow:
    """One line of the chronology, every cell already rendered as text."""

    date: str
    type: str
    modality: str
    place: str
    source: str
    article: str
    summary: str
    event_id: str

    def cells(self) -> tuple[str, ...]:
        """The cells in ``COLUMNS`` order."""
        return tuple(getattr(self, name) for name in COLUMNS)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- dates


def _span(start: date, end: date) -> str:
    """A day range, repeating only what changes."""
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.isoformat()}..{end.day:02d}"
    if start.year == end.year:
        return f"{start.isoformat()}..{end.month:02d}-{end.day:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def _month_aligned(start: date, end: date) -> bool:
    return start.day == 1 and end.day == monthrange(end.year, end.month)[1] and start <= end


def _months(start: date, end: date) -> str:
    first = f"{start.year:04d}-{start.month:02d}"
    if (start.year, start.month) == (end.year, end.month):
        return first
    if start.year == end.year:
        return f"{first}..{end.month:02d}"
    return f"{first}..{end.year:04d}-{end.month:02d}"


def _years(start: date, end: date) -> str:
    return str(start.year) if start.year == end.year else f"{start.year}..{end.year}"


def _compact(start: date, end: date) -> str:
    """Whole years, else whole months, else the day range."""
    if _month_aligned(start, end) and (start.month, end.month) == (1, 12):
        return _years(start, end)
    if _month_aligned(start, end):
        return _months(start, end)
    return _span(start, end)


def _part_of_month(start: date, end: date) -> str:
    last = monthrange(end.year, end.month)[1]
    for (first_day, last_day), part in _PARTS.items():
        if ((start.year, start.month) == (end.year, end.month) and start.day == first_day
                and end.day == min(last_day, last)):
            return f"{_span(start, end)} ({part} {_MONTHS[start.month - 1]})"
    return _span(start, end)


def _quarter(start: date, end: date) -> str:
    if not (_month_aligned(start, end) and start.month % 3 == 1 and end.month % 3 == 0):
        return _compact(start, end)
    first = f"{start.year}-Q{start.month // 3 + 1}"
    if (start.year, start.month + 2) == (end.year, end.month):
        return first
    return f"{first}..{end.year}-Q{end.month // 3}"


def _season(start: date, end: date) -> str:
    name = _SEASONS.get(start.month)
    if _month_aligned(start, end) and name and (end.toordinal() - start.toordinal()) < 100:
        return f"{_months(start, end)} ({name})"
    return _compact(start, end)


def _by_precision(precision: str, start: date, end: date) -> str:
    if precision == "week":
        return f"{_span(start, end)} (week)"
    if precision == "part_of_month":
        return _part_of_month(start, end)
    if precision == "quarter":
        return _quarter(start, end)
    if precision == "season":
        return _season(start, end)
    if precision in ("month", "year", "approx", "unknown"):
        return _compact(start, end)
    return _span(start, end)


def _to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def format_when(when: When) -> str:
    """The date cell for an event's interval (see the module docstring for the rules)."""
    start, end = _to_date(when.start), _to_date(when.end)
    if start is None and end is None:
        return "undated"
    if start is None:
        return f"before {end.isoformat()}" if end else "undated"
    if end is None:
        return f"from {start.isoformat()}"
    body = _by_precision(when.precision, start, end)
    if when.precision == "approx":
        return "≈" + body
    if when.precision == "unknown":
        return "within " + body
    return body


# --------------------------------------------------------------------------- other cells


def format_sources(event: Event) -> str:
    """The source cell: the attribution chains, ``reportedly``, or ``—`` (asserted)."""
    if event.sources:
        return "; ".join(" ← ".join(chain) for chain in event.sources)
    return "reportedly" if event.modality == "reported" else NONE


def format_places(event: Event) -> str:
    """The place cell: the places' gazetteer names, each once, in the event's order."""
    names = list(dict.fromkeys(place.name for place in event.where))
    return ", ".join(names) if names else NONE


def timeline_rows(events: Iterable[Event]) -> list[TimelineRow]:
    """One row per event, in the order given (``query_events`` gives timeline order)."""
    return [
        TimelineRow(
            date=format_when(event.when), type=event.type,
            modality="" if event.modality == "asserted" else event.modality,
            place=format_places(event), source=format_sources(event),
            article=event.article_id, summary=event.summary, event_id=event.id,
        )
        for event in events
    ]


# --------------------------------------------------------------------------- rendering


def plain_lines(rows: Iterable[TimelineRow]) -> list[str]:
    """The header and rows as text lines, columns aligned with two spaces, no styling."""
    table = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(cell_len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = []
    for line in table:
        padded = [cell + " " * (width - cell_len(cell)) for cell, width in zip(line, widths,
                                                                                  strict=True)]
        lines.append("  ".join(padded).rstrip())
    return lines


def rich_table(rows: Iterable[TimelineRow]) -> Table:
    """A rich Table of the rows: the type coloured by kind, the row styled by modality."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name in COLUMNS:  # short cells stay on one line; long ones wrap
        table.add_column(name, no_wrap=name in _NO_WRAP, overflow="fold")
    for row in rows:
        cells = [Text(cell) for cell in row.cells()]  # Text: no markup in article words
        cells[1].stylize(TYPE_STYLES.get(row.type, ""))
        table.add_row(*cells, style=MODALITY_STYLES.get(row.modality) or None)
    return table


def render_timeline(rows: list[TimelineRow], console: Console) -> None:
    """Print the rows: a coloured table on a terminal, plain aligned text otherwise."""
    if console.is_terminal:
        console.print(rich_table(rows))
        return
    for line in plain_lines(rows):
        console.out(line, highlight=False)
