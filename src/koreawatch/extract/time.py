"""Time-expression tagging and TimeML normalisation (TempEval-3 Task A style).

``tag(text, dct, doc=None)`` finds DATE, TIME, DURATION and SET expressions in English text
and gives each a TimeML ``value`` (``2013-03-22``, ``2013-W11``, ``2013-Q1``, ``P30D``,
``PRESENT_REF`` ...) and ``mod`` (START/MID/END, APPROX, MORE_THAN ...), plus the closed date
interval and precision the Korea Watch event records use, and the rule that produced it.

How it works: every rule of :data:`koreawatch.extract.timex.patterns.RULES` is a precompiled
regex plus a handler. All candidates are collected; overlaps are resolved by keeping the
longest extent, ties going to the earlier rule in the priority list below. The survivors are
then normalised in document order, so anaphoric expressions ("the next day", "a year
earlier", "the quarter") resolve against the last explicit date or quarter mentioned
(the *reference*), everything else against the document creation time (DCT). Tense (from the
spaCy ``Doc`` when given, else from word cues in the sentence) decides the direction of bare
weekdays, months, month-days and seasons ("said ... Tuesday" is the previous Tuesday, "will
... in December" the coming December).

Rules in priority order (rule names appear in ``Timex.reason``):

1. ``date.iso`` -- ``2013-03-22``;  2. ``date.numeric`` -- ``3/22/2013``;
3. ``date.month_day`` / 4. ``date.day_month`` -- "Friday, March 22, 2013", "22 March";
5. ``time.clock`` / 6. ``time.clock24`` / 7. ``time.named`` -- "10:30 a.m. EST Friday", "noon";
8. ``date.month_year`` -- "March 2013", "January this year";
9. ``date.month`` -- "early March", "the end of February", "last December" (``month.part``);
10. ``date.quarter`` -- "the third quarter of 1998", "first-quarter", "Q1", "the latest quarter";
11. ``date.half`` -- "the first half of 2013";  12. ``date.season`` -- "last summer";
13. ``date.holiday`` -- "Christmas", "Thanksgiving";  14. ``date.year_end`` -- "year-end";
15. ``date.period`` -- "the year-ago period" (the quarter under discussion);
16. ``date.decade`` -- "the 1990s", "the late '80s";  17. ``date.century`` -- "the 20th century";
18. ``date.year`` -- "1998", "fiscal 1998", "early 2013", "mid-1996", "nineteen ninety-six";
19. ``time.this_part_of_day`` -- "this morning", "last night";
20. ``date.relative_day`` -- "today", "yesterday morning", "tonight";
21. ``date.weekday`` -- "Tuesday", "last Friday", "Sunday night", "Tuesdays" (SET);
22. ``date.earlier_this`` -- "earlier this year" (START), "later this month" (END);
23. ``date.ago`` -- "three years ago", "a year earlier", "two days later";
24. ``date.year_earlier`` -- "year-earlier";
25. ``date.unit_relative`` -- "last week", "next month", "the following day", "the weekend";
26. ``set.every`` / 27. ``set.per`` / 28. ``set.adverb`` -- "every week", "twice a year",
    "annually";
29. ``duration`` -- "30 days", "the past two years", "three-day", "more than a decade";
30. ``duration.vague`` -- "for years";
31. ``ref`` -- "now", "currently" (PRESENT_REF), "recently", "the past" (PAST_REF),
    "the future", "the coming months" (FUTURE_REF).

Ranges: TimeML tags "between April and June" as two DATE expressions, and so does ``tag``.
The merged Korea Watch range (interval 2021-04-01..2021-06-30) comes from
:func:`ranges`, which pairs adjacent timexes joined by "between X and Y", "from X to/until Y"
or "X-Y"; :func:`document_timexes` returns both lists.

Interval conventions: "early/mid/late March" -> days 1-10 / 11-20 / 21-end
(``part_of_month``); "recently" -> [DCT-30 days, DCT] (``approx``); PRESENT_REF -> [DCT, DCT];
FUTURE_REF -> [DCT, open); "the past N units" and "the next N units" durations get the
interval ending or starting at the DCT.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from koreawatch.extract.timex import calendar as cal
from koreawatch.extract.timex.patterns import RULES
from koreawatch.extract.timex.resolve import Context
from koreawatch.extract.timex.rules import Norm, Rule

log = logging.getLogger(__name__)

__all__ = ["Timex", "TimeRange", "tag", "ranges", "document_timexes", "jsonl_timexes"]

_PAST_DURATION = re.compile(r"(?i)^(?:the\s+)?(?:past|last|previous|recent)\b")
_NEXT_DURATION = re.compile(r"(?i)^(?:the\s+)?(?:next|coming|following|another|a\s+further)\b|"
                            r"^an\s+additional\b")


@dataclass(frozen=True)
class Timex:
    """One time expression: extent, TimeML attributes and the Korea Watch interval.

    ``start``/``end`` are character offsets into the tagged text; ``type`` is DATE, TIME,
    DURATION or SET; ``value`` and ``mod`` follow TimeML 1.2.1; ``interval_start`` and
    ``interval_end`` are ISO dates (None = open or unknown); ``precision`` is one of day,
    week, part_of_month, month, quarter, season, year, approx, unknown; ``duration_days``
    is set for durations with a known length; ``reason`` names the rule that fired.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    interval_start: str | None
    interval_end: str | None
    precision: str
    duration_days: int | None
    reason: str

    def to_dict(self) -> dict:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "value": self.value, "mod": self.mod,
            "interval": {"start": self.interval_start, "end": self.interval_end},
            "precision": self.precision, "duration_days": self.duration_days,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class TimeRange:
    """A range written as two time expressions ("between April and June")."""

    start: int
    end: int
    text: str
    interval_start: str | None
    interval_end: str | None
    precision: str
    parts: tuple[Timex, Timex]
    reason: str

    def to_dict(self) -> dict:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "interval": {"start": self.interval_start, "end": self.interval_end},
            "precision": self.precision, "parts": [p.to_dict() for p in self.parts],
            "reason": self.reason,
        }


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: re.Match[str]
    norm: Norm


def _extent(m: re.Match[str], text: str) -> tuple[int, int]:
    start, end = m.span("x") if "x" in m.re.groupindex and m.group("x") else m.span()
    while start < end and (text[start].isspace() or text[start] in "-,"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _candidates(ctx: Context) -> list[_Candidate]:
    found: list[_Candidate] = []
    for priority, rule in enumerate(RULES):
        for m in rule.pattern.finditer(ctx.text):
            start, end = _extent(m, ctx.text)
            if end <= start:
                continue
            try:
                norm = rule.handler(m, ctx)
            except (ValueError, OverflowError) as exc:  # "1,535,850 months ago"
                log.debug("rule %s gave no date for %r: %s", rule.name, m.group(0), exc)
                continue
            if norm is not None:
                found.append(_Candidate(start, end, priority, rule, m, norm))
    return found


def _select(found: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: longest first, then rule priority, then position."""
    taken: list[_Candidate] = []
    occupied: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(cand.end <= a or cand.start >= b for a, b in occupied):
            taken.append(cand)
            occupied.append((cand.start, cand.end))
    taken.sort(key=lambda c: c.start)
    return taken


def _interval(
    norm: Norm, text: str, dct: dt.date
) -> tuple[str | None, str | None, str, int | None]:
    """Interval, precision and duration length of a normalised expression."""
    if norm.type == "DURATION":
        days = cal.duration_days(norm.value)
        if days is not None and _PAST_DURATION.match(text):
            return (dct - dt.timedelta(days=days)).isoformat(), dct.isoformat(), "unknown", days
        if days is not None and _NEXT_DURATION.match(text):
            return dct.isoformat(), (dct + dt.timedelta(days=days)).isoformat(), "unknown", days
        return None, None, "unknown", days
    if norm.type == "SET":
        return None, None, "unknown", None
    if norm.value == "PAST_REF" and "recent" in text.lower():
        return (dct - dt.timedelta(days=30)).isoformat(), dct.isoformat(), "approx", None
    if norm.mod == "START" and norm.reason.startswith("rule date.earlier_this.v1"):
        start, end, precision = cal.interval_of(norm.value, None, dct)
        if _THIS.search(text) and start and end and start <= dct.isoformat() <= end:
            return start, dct.isoformat(), "approx", None  # "earlier this month": from its
        return start, end, precision, None  # start to publication; "earlier that month": it
    start, end, precision = cal.interval_of(norm.value, norm.mod, dct)
    if norm.mod == "APPROX" and precision not in ("unknown",):
        precision = "approx"
    return start, end, precision, None


_THIS = re.compile(r"(?i)\bthis\b")


def _to_timex(cand: _Candidate, text: str, dct: dt.date) -> Timex:
    norm = cand.norm
    span_text = text[cand.start : cand.end]
    start, end, precision, days = _interval(norm, span_text, dct)
    return Timex(cand.start, cand.end, span_text, norm.type, norm.value, norm.mod,
                 start, end, precision, days, norm.reason)


def tag(text: str, dct: dt.date, doc: Any = None) -> list[Timex]:
    """Find and normalise the time expressions of ``text`` written on ``dct``.

    ``doc`` is an optional spaCy ``Doc`` of the same text; when given, tense comes from its
    parse, otherwise from lexical cues (no model is loaded, which keeps this fast).
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    ctx = Context(text, dct, doc)
    selected = _select(_candidates(ctx))
    out: list[Timex] = []
    for cand in selected:
        norm = cand.rule.handler(cand.match, ctx) or cand.norm
        cand.norm = norm
        if norm.type == "DATE" and norm.reference:
            ctx.note(norm.value)
        out.append(_to_timex(cand, text, dct))
    log.debug("tagged %d time expressions", len(out))
    return out


_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
_RANGE_JOIN = re.compile(
    r"(?i)^\s*(?:and|to|until|till|through|thru|-|–|—)(?:\s+the\s+end\s+of)?\s*$")
_DASH_JOIN = re.compile(r"^\s*[-–—]\s*$")
# "in January and February", "during 2019 and 2020": both, so the span over them
_COORD_OPEN = re.compile(r"(?i)\b(?:in|during|over)\s+$")
_COORD_JOIN = re.compile(r"(?i)^\s*and\s*$")


def ranges(text: str, dct: dt.date, timexes: list[Timex] | None = None) -> list[TimeRange]:
    """Merged ranges: "between April and June", "from May 1 to May 5", "April-June"."""
    items = timexes if timexes is not None else tag(text, dct)
    found: list[TimeRange] = []
    for first, second in zip(items, items[1:], strict=False):
        months = _months_of_year(text, first, second)
        if months is not None:
            found.append(months)
            continue
        if first.type not in ("DATE", "TIME") or second.type not in ("DATE", "TIME"):
            continue
        between = text[first.end : second.start]
        opened = _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start])
        reason = "rule range.v1: between/from X and/to Y"
        if not (_DASH_JOIN.match(between) or (opened and _RANGE_JOIN.match(between))):
            opened = _COORD_OPEN.search(text[max(0, first.start - 12) : first.start])
            if not (opened and _COORD_JOIN.match(between) and _in_order(first, second)):
                continue
            reason = "rule range.coordinated.v1: in X and Y"
        if first.interval_start is None or second.interval_end is None:
            continue
        start = first.start - len(opened.group(0)) if opened else first.start
        precision = first.precision if first.precision == second.precision else "approx"
        end = second.interval_end
        if "weekday" in first.reason and "weekday" in second.reason:  # "from Wednesday
            opening = dt.date.fromisoformat(first.interval_start)  # until Sunday": the first
            days = (dt.date.fromisoformat(end).weekday() - opening.weekday()) % 7  # Sunday
            end = (opening + dt.timedelta(days=days)).isoformat()  # after that Wednesday
        found.append(TimeRange(start, second.end, text[start : second.end],
                               first.interval_start, end, precision,
                               (first, second), reason))
    return found


# "the first nine months of 2020", "the last three months of last year"
_MONTHS_OF = re.compile(r"(?i)^(?:the\s+)?(?P<end>first|last)\b")
_MONTHS_VALUE = re.compile(r"^P(?P<n>\d{1,2})M$")


def _months_of_year(text: str, first: Timex, second: Timex) -> TimeRange | None:
    """ "The first nine months of 2020" is January to September 2020: a count of months
    counted from one end of a year named right after it."""
    end = _MONTHS_OF.match(first.text)
    count = _MONTHS_VALUE.match(first.value or "")
    if first.type != "DURATION" or end is None or count is None \
            or second.precision != "year" or second.interval_start is None \
            or not re.fullmatch(r"\s+of\s+", text[first.end:second.start]):
        return None
    n, year = int(count["n"]), int(second.interval_start[:4])
    if not 1 <= n < 12:
        return None
    lo, hi = (1, n) if end["end"].lower() == "first" else (13 - n, 12)
    last = cal.month_end(year, hi)
    return TimeRange(first.start, second.end, text[first.start:second.end],
                     f"{year:04d}-{lo:02d}-01", f"{year:04d}-{hi:02d}-{last:02d}", "month",
                     (first, second), "rule range.months_of_year.v1: first/last N months")


def _in_order(first: Timex, second: Timex) -> bool:
    """Two months or two years of the same kind, the second after the first: "in January
    and February" is both; "in May and a week later" is not one span."""
    return first.precision == second.precision and first.precision in ("month", "year") \
        and first.interval_start is not None and second.interval_start is not None \
        and first.interval_start < second.interval_start


def document_timexes(text: str, dct: dt.date) -> dict:
    """``{"dct", "timexes": [...], "ranges": [...]}`` for one document."""
    timexes = tag(text, dct)
    return {
        "dct": dct.isoformat(),
        "timexes": [t.to_dict() for t in timexes],
        "ranges": [r.to_dict() for r in ranges(text, dct, timexes)],
    }


def jsonl_timexes(record: dict) -> dict:
    """Map a ``{"id", "dct", "text"}`` record to ``{"id", "timexes": [...]}`` (TimeML fields)."""
    dct = record["dct"]
    if isinstance(dct, str):
        dct = dt.date.fromisoformat(dct[:10])
    timexes = tag(record["text"], dct)
    return {
        "id": record.get("id"),
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in timexes
        ],
    }
