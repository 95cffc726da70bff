"""When an event happened: the interval, precision and reason chosen for one event
candidate from the time expressions around it (rule 3 of ``extract/events.py``).

Rules, in priority order:

1. a range in the sentence ("between April and June") is the interval;
2. the date expression of the trigger's own clause nearest to it; "recently" (PAST_REF)
   is ``approx`` [publication - 30 days, publication];
3. no date in the clause, and the trigger sits in an "after ..." clause: no date here,
   the event it led to bounds it (``bound_by_other``: [open, that event's end]);
4. no date in the clause, and a reporting verb governs the trigger ("UPI reported in
   early March that ..."): the date is the report's, so an expected event starts then
   ([report start, open]) and a past one ended by then ([open, report end]);
5. another date in the sentence, nearest to the trigger;
6. "since / throughout / during the pandemic" → [2020-01-01, publication] (``approx``);
7. present perfect or "recently" → ``approx`` [publication - 30 days, publication];
8. else no date (``unknown``, both ends open).

An expected event dated by a bare month that resolved into the past is the coming one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from koreawatch.extract.events import Candidate

_PANDEMIC_START = date(2020, 1, 1)


@dataclass(frozen=True)
class TimeChoice:
    """The interval chosen for an event and why."""

    start: str | None
    end: str | None
    precision: str
    text: str | None
    reason: str
    duration_days: int | None = None


def _approx(dct: date, days: int = 30) -> TimeChoice:
    return TimeChoice((dct - timedelta(days=days)).isoformat(), dct.isoformat(), "approx",
                      None, f"undated present perfect or recent: [DCT-{days}d, DCT]")


_SINCE = re.compile(r"\b(throughout|during|since the (start|beginning) of|amid|since)\s+the\s+"
                    r"(pandemic|coronavirus|covid|outbreak)", re.I)


def choose_time(
    cand: Candidate, timexes: Sequence[Any], time_ranges: Sequence[Any], dct: date | None,
    text: str,
) -> TimeChoice:
    """The interval of one candidate (rule 3 of the module doc)."""
    usable = [t for t in timexes if t.type == "DATE" and t.value not in ("PRESENT_REF",)
              and cand.sent_start <= t.start < cand.sent_end and t.interval_start]
    durations = [t for t in timexes if t.type == "DURATION" and cand.sent_start <= t.start
                 < cand.sent_end and t.duration_days]
    duration = min(durations, key=lambda t: abs(t.start - cand.trigger_start)).duration_days \
        if durations else None
    for rng in time_ranges:
        if cand.sent_start <= rng.start < cand.sent_end:
            start, end = _shift_future(rng.interval_start, rng.interval_end, cand, dct)
            return TimeChoice(start, end, rng.precision, rng.text, rng.reason, duration)
    in_clause = [t for t in usable if cand.clause_start <= t.start < cand.clause_end]
    if not in_clause and cand.after_clause:
        return TimeChoice(None, None, "unknown", None, "in an 'after' clause", duration)
    if not in_clause and cand.reported_by:
        report = [t for t in usable if t.start < cand.clause_start]
        if report:
            best = min(report, key=lambda t: cand.clause_start - t.start)
            if cand.modality == "expected":
                return TimeChoice(best.interval_start, None, "unknown", best.text,
                                  "expected, from the report's date: " + best.reason, duration)
            return TimeChoice(None, best.interval_end, "unknown", best.text,
                              "before the report's date: " + best.reason, duration)
    pool = in_clause or usable
    if pool:
        best = min(pool, key=lambda t: abs(t.start - cand.trigger_start))
        if best.value == "PAST_REF" and dct is not None:
            choice = _approx(dct)
            return TimeChoice(choice.start, choice.end, "approx", best.text, best.reason,
                              duration)
        start, end = _shift_future(best.interval_start, best.interval_end, cand, dct)
        if cand.modality == "expected" and start and dct and start <= dct.isoformat() \
                and best.precision not in ("month", "part_of_month", "season", "day"):
            return TimeChoice(start, None, "unknown", best.text,
                              "expected after the report: " + best.reason, duration)
        return TimeChoice(start, end, best.precision, best.text, best.reason, duration)
    if dct is None:
        return TimeChoice(None, None, "unknown", None, "no date and no publication date",
                          duration)
    sentence = text[cand.sent_start:cand.sent_end]
    if _SINCE.search(sentence):
        return TimeChoice(_PANDEMIC_START.isoformat(), dct.isoformat(), "approx",
                          _SINCE.search(sentence).group(0),  # type: ignore[union-attr]
                          "since the start of the pandemic", duration)
    if cand.tense == "present_perfect" or re.search(r"\brecent(ly)?\b", sentence, re.I):
        choice = _approx(dct)
        return TimeChoice(choice.start, choice.end, "approx", None, choice.reason, duration)
    return TimeChoice(None, None, "unknown", None, "no date in the sentence", duration)


def _shift_future(
    start: str | None, end: str | None, cand: Candidate, dct: date | None
) -> tuple[str | None, str | None]:
    """An expected event dated by a bare month that resolved into the past is the coming one."""
    if cand.modality != "expected" or dct is None or not end or end >= dct.isoformat():
        return start, end

    def bump(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            day = date.fromisoformat(value)
            return day.replace(year=day.year + 1).isoformat()
        except ValueError:
            return value

    return bump(start), bump(end)


def bound_by_other(cand: Candidate, others: Iterable[tuple[Candidate, TimeChoice]],
                   text: str) -> TimeChoice | None:
    """An undated event in an "after ..." clause of a dated event happened before it."""
    for other, when in others:
        if other is cand or other.sent_start != cand.sent_start or not when.end:
            continue
        between = text[other.trigger_end:cand.trigger_start]
        if other.trigger_start < cand.trigger_start and re.search(r"\bafter\b", between):
            return TimeChoice(None, when.end, "unknown", None,
                              f"before the {other.type} it led to (ends {when.end})")
    return None
