"""Calendar arithmetic for TimeML values: shifting, ISO weeks, quarters and intervals.

``interval_of(value, mod, dct)`` turns a TimeML value (plus modifier) into the closed
``[start, end]`` ISO-date interval and the precision label the Korea Watch event records use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PART_DAYS = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}
# "the first week of March" is 1-7 March, ..., "the last week" the month's last seven days
_WEEK_OF_MONTH = {"WEEK1": 1, "WEEK2": 8, "WEEK3": 15, "WEEK4": 22}
_YEAR_THIRDS = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_end(year, month + 1)))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """Move ``day`` by ``n`` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    if unit == "F":
        return day + dt.timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000, "SE": 3}.get(unit, 0)
    return add_months(day, months * n)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def format_at(day: dt.date, unit: str) -> str:
    """TimeML value of the ``unit``-sized period holding ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "F"):
        return week_value(day)
    if unit == "WE":
        return week_value(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit in ("Q", "SE"):
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _year_interval(year: int, mod: str | None) -> tuple[str, str, str]:
    if mod in _YEAR_THIRDS:
        first, last = _YEAR_THIRDS[mod]
        start = dt.date(year, first, 1)
        return _iso(start), _iso(dt.date(year, last, month_end(year, last))), "approx"
    return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"


def _month_interval(year: int, month: int, mod: str | None) -> tuple[str, str, str]:
    last = month_end(year, month)
    if mod in _PART_DAYS:
        a, b = _PART_DAYS[mod]
        return _iso(dt.date(year, month, a)), _iso(dt.date(year, month, min(b, last))), \
            "part_of_month"
    if mod in _WEEK_OF_MONTH or mod == "WEEKLAST":
        first = _WEEK_OF_MONTH.get(mod or "", last - 6)
        return _iso(dt.date(year, month, first)), _iso(dt.date(year, month, first + 6)), "week"
    return _iso(dt.date(year, month, 1)), _iso(dt.date(year, month, last)), "month"


def _span(first: dt.date, last: dt.date, precision: str) -> tuple[str, str, str]:
    return _iso(first), _iso(last), precision


def interval_of(
    value: str, mod: str | None, dct: dt.date
) -> tuple[str | None, str | None, str]:
    """``(interval_start, interval_end, precision)`` of a DATE/TIME value."""
    if value == "PRESENT_REF":
        return _iso(dct), _iso(dct), "approx"
    if value == "PAST_REF":
        return None, _iso(dct), "approx"
    if value == "FUTURE_REF":
        return _iso(dct), None, "approx"
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        day = _iso(dt.date(int(m[1]), int(m[2]), int(m[3])))
        return day, day, "day"
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        first = monday + dt.timedelta(days=5) if m[3] else monday
        return _span(first, monday + dt.timedelta(days=6), "week")
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        return _month_interval(int(m[1]), int(m[2]), mod)
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if m:
        size = 3 if m[2] == "Q" else 6
        first_month = (int(m[3]) - 1) * size + 1
        last = add_months(dt.date(int(m[1]), first_month, 1), size) - dt.timedelta(days=1)
        return _span(dt.date(int(m[1]), first_month, 1), last,
                     "quarter" if size == 3 else "approx")
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        a, b = SEASON_MONTHS[m[2]]
        first = dt.date(int(m[1]), a, 1)
        last = add_months(dt.date(int(m[1]), 1, 1), b) - dt.timedelta(days=1)
        return _span(first, last, "season")
    if re.fullmatch(r"\d{4}", value):
        return _year_interval(int(value), mod)
    if re.fullmatch(r"\d{3}", value):
        start = int(value) * 10
        return f"{start:04d}-01-01", f"{start + 9:04d}-12-31", "approx"
    if re.fullmatch(r"\d{2}", value):
        start = int(value) * 100
        return f"{start:04d}-01-01", f"{start + 99:04d}-12-31", "approx"
    return None, None, "unknown"


_DAYS_PER = {"D": 1, "W": 7, "M": 30, "Q": 91, "Y": 365, "DE": 3652, "CE": 36524}


def duration_days(value: str) -> int | None:
    """Whole days in a duration value (P30D -> 30, P2W -> 14, P1M -> 30); None if unknown."""
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)(D|W|M|Q|Y|DE|CE)", value)
    if not m:
        return None
    return round(float(m[1]) * _DAYS_PER[m[2]])


def previous_weekday(day: dt.date, weekday: int, inclusive: bool = True) -> dt.date:
    """The latest date on or before ``day`` (strictly before if not inclusive) on ``weekday``."""
    back = (day.isoweekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return day - dt.timedelta(days=back)


def next_weekday(day: dt.date, weekday: int, inclusive: bool = True) -> dt.date:
    ahead = (weekday - day.isoweekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return day + dt.timedelta(days=ahead)
