"""A PNG chart of a border status series: one step line per flow (people, cargo).

Levels run up the y axis with their names (open, restricted, partly closed, closed);
``known`` days are drawn solid, ``stale`` days as a faded dashed line over a hatched band,
``unknown`` days are left blank (the line breaks). Uses matplotlib's Agg backend, so it
needs no display.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402 (the backend must be chosen first)
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from koreawatch.resolve.status import LEVEL_NAMES, DayStatus  # noqa: E402

Segment = tuple[list[date], list[float]]

FLOW_STYLE = {"people": ("#c0392b", 0.06), "cargo": ("#2c6fbb", -0.06)}
"""Colour and a small vertical offset per flow, so equal levels stay both visible."""


def _runs(series: Sequence[DayStatus], flow: str, state: str) -> list[Segment]:
    """Consecutive days in ``state`` as step-line segments (x: day edges, y: levels)."""
    runs: list[Segment] = []
    xs: list[date] = []
    ys: list[float] = []
    offset = FLOW_STYLE[flow][1]
    for day in series:
        dim = getattr(day, flow)
        if dim.state == state and dim.level is not None:
            xs.append(day.date)
            ys.append(dim.level + offset)
        elif xs:
            runs.append((xs, ys))
            xs, ys = [], []
    if xs:
        runs.append((xs, ys))
    # a step line needs a right edge: repeat the last level one day later
    return [(x + [x[-1] + timedelta(days=1)], y + [y[-1]]) for x, y in runs]


def _stale_spans(series: Sequence[DayStatus]) -> list[tuple[date, date]]:
    spans: list[tuple[date, date]] = []
    for day in series:
        if "stale" in (day.people.state, day.cargo.state):
            end = day.date + timedelta(days=1)
            if spans and spans[-1][1] == day.date:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((day.date, end))
    return spans


def _draw(ax: Any, series: Sequence[DayStatus]) -> None:
    for start, end in _stale_spans(series):
        ax.axvspan(start, end, facecolor="#eeeeee", hatch="//", edgecolor="#bbbbbb",
                   linewidth=0)
    for flow, (colour, _) in FLOW_STYLE.items():
        for xs, ys in _runs(series, flow, "known"):
            ax.step(xs, ys, where="post", color=colour, linewidth=2.2)
        for xs, ys in _runs(series, flow, "stale"):
            ax.step(xs, ys, where="post", color=colour, linewidth=1.6, alpha=0.45,
                    linestyle="--")


def _decorate(fig: Figure, ax: Any, series: Sequence[DayStatus], title: str) -> None:
    ax.set_ylim(-0.5, 3.5)
    ax.set_yticks(range(len(LEVEL_NAMES)), [f"{i} {n}" for i, n in enumerate(LEVEL_NAMES)])
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    if series:
        ax.set_xlim(series[0].date, series[-1].date + timedelta(days=1))
        ax.set_title(f"{title}\n{series[0].date.isoformat()} – {series[-1].date.isoformat()}",
                     fontsize=11)
    else:
        ax.set_title(f"{title}\n(no days)", fontsize=11)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    handles = [Patch(color=FLOW_STYLE["people"][0], label="people"),
               Patch(color=FLOW_STYLE["cargo"][0], label="cargo"),
               Patch(facecolor="#eeeeee", hatch="//", edgecolor="#bbbbbb",
                     label="stale (level carried)")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
              frameon=False)
    fig.text(0.01, 0.01, "blank: unknown", fontsize=7, color="#777777")


def draw_status_png(series: Sequence[DayStatus], title: str,
                    path_or_file: str | Path | IO[bytes]) -> None:
    """Draw ``series`` as a PNG into a path or a binary file object."""
    fig = Figure(figsize=(10, 3.6), dpi=100)
    ax = fig.add_subplot()
    _draw(ax, series)
    _decorate(fig, ax, series, title)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path_or_file, format="png")
