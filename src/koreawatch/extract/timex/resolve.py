"""Normalisation context: the DCT, the reference date of the discourse, and tense.

``Context`` carries what the rule handlers need to turn under-specified expressions into
values: the document creation time (DCT), sentence bounds, the optional spaCy ``Doc`` for
tense, and the *reference* (the last explicit date or quarter mentioned), which anaphoric
expressions such as "the next day", "a year earlier" or "the quarter" resolve against.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from koreawatch.extract.timex import calendar as cal
from koreawatch.extract.timex.context import FUTURE, PAST, Sentences, doc_tense, lexical_tense

THAT_BEFORE = re.compile(r"(?i)\bthat\s+$")  # "that August", "That May"
_THAT_YEAR = re.compile(r"(?i)\b(?:that|the same) year\b")  # the year last named
_HAD = re.compile(r"(?i)\bhad\b")  # a past perfect just before a month: before the one named
_FUTURE_PREP = re.compile(r"(?i)\b(?:by|until|till|through|effective|due|starting|beginning)"
                          r"(?:\s+(?:early|late|mid|the\s+end\s+of))?\s+$")


@dataclass
class Context:
    """Per-document state shared by the rule handlers."""

    text: str
    dct: dt.date
    doc: Any = None
    sentences: Sentences = field(init=False)
    ref_day: dt.date | None = None
    ref_quarter: tuple[int, int] | None = None
    ref_month: dt.date | None = None  # the first day of the last month named
    month_latest: bool = False  # the last reference named a month, not a day
    ref_year: int | None = None  # the last year named on its own ("in 2020")
    year_latest: bool = False  # ... and no day or month was named after it
    # offset -> (year, month) of every month named with its year ("in January 2022",
    # "January this year"); a later resolution of the same words replaces an earlier one
    months_named: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = Sentences(self.text)
        self._tenses: dict[tuple[int, int], str | None] = {}

    # ------------------------------------------------------------------ tense
    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = self._tense(start, end)
        return self._tenses[key]

    def _tense(self, start: int, end: int) -> str | None:
        if _FUTURE_PREP.search(self.text, max(0, start - 14), start):
            return FUTURE
        if self.doc is not None:
            found = doc_tense(self.doc, start, end)
            if found:
                return found
        return lexical_tense(self.text, self.sentences.bounds(start), start, end)

    # -------------------------------------------------------------- reference
    def note(self, value: str) -> None:
        """Remember an explicit DATE value (a day, a month, a quarter, a year) as the
        discourse reference."""
        self.year_latest = len(value) == 4 and value.isdigit() or (
            len(value) == 7 and value[:4].isdigit() and value[5:] in ("SP", "SU", "FA", "WI"))
        if self.year_latest:  # a year, or a season of one ("the spring of 2019")
            self.ref_year = int(value[:4])
        elif len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace(
            "-", ""
        ).isdigit():
            self.ref_day = dt.date.fromisoformat(value[:10])
            self.month_latest = False
        elif len(value) == 7 and value[4] == "-" and value.replace("-", "").isdigit() \
                and 1 <= int(value[5:]) <= 12:
            self.ref_month = dt.date(int(value[:4]), int(value[5:]), 1)
            self.month_latest = True
        elif len(value) == 7 and value[5] == "Q" and value[:4].isdigit():
            self.ref_quarter = (int(value[:4]), int(value[6]))

    def anchor(self, unit: str | None = None) -> dt.date:
        """The date anaphora resolves against: for a month or a year ("the following
        month") the last month named when it came after the last day named; else the last
        day named; else the DCT. For a year ("that year"), a year named on its own counts
        when nothing finer came after it."""
        if unit == "Y" and self.year_latest and self.ref_year is not None:
            return dt.date(self.ref_year, 1, 1)
        if unit in ("M", "Y") and self.ref_month is not None and (
                self.month_latest or self.ref_day is None):
            return self.ref_month
        return self.ref_day or self.dct

    def quarter(self) -> tuple[int, int]:
        """The quarter "the quarter" refers to: the last one mentioned, else the last closed."""
        if self.ref_quarter:
            return self.ref_quarter
        prev = cal.add_months(self.dct, -3)
        return prev.year, cal.quarter_of(prev)

    # ------------------------------------------------------------- direction
    def year_for_month(self, month: int, start: int, end: int) -> int:
        """Year of a bare month name: after a month named with its year earlier in the same
        sentence, that year or the next ("resumed in January 2022, only to be suspended
        again in late April"; "that August" after it anywhere), or, told in the past
        perfect after it ("In September 2020 he said it had, in late August, ..."), that
        year or the one before; in a sentence that speaks of "that year", the year last
        named; else by tense relative to the DCT month."""
        tense = self.tense(start, end)
        that = THAT_BEFORE.search(self.text, max(0, start - 6), start)
        before = [at for at in self.months_named if at < start and (
            that or self.sentences.bounds(at) == self.sentences.bounds(start))]
        if not before and _THAT_YEAR.search(self.text, *self.sentences.bounds(start)):
            last = self.anchor("Y")  # "Earlier that year, in August", "in August and
            if last != self.dct:  # September that year"
                return last.year
        if before and tense != FUTURE:
            at = max(before)  # the nearest before it
            year, named = self.months_named[at]
            if _HAD.search(self.text, max(at, start - 30), start):  # "In September 2020, he
                # said the North had, in late August, set up": the August before
                return year - (1 if month > named else 0)
            return year + (1 if month < named else 0)
        year = self.dct.year
        if tense == PAST:
            return year - 1 if month > self.dct.month else year
        if tense == FUTURE:
            return year + 1 if month < self.dct.month else year
        diff = month - self.dct.month
        return year + (1 if diff < -6 else -1 if diff > 6 else 0)

    def date_for_month_day(self, month: int, day: int, start: int, end: int) -> dt.date | None:
        tense = self.tense(start, end)
        options = []
        for year in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            try:
                options.append(dt.date(year, month, day))
            except ValueError:
                continue
        if not options:
            return None
        slack = dt.timedelta(days=60)
        if tense == PAST:
            past = [d for d in options if d <= self.dct + slack]
            return max(past) if past else min(options)
        if tense == FUTURE:
            future = [d for d in options if d >= self.dct - slack]
            return min(future) if future else max(options)
        return min(options, key=lambda d: abs((d - self.dct).days))

    def date_for_weekday(self, weekday: int, start: int, end: int, rel: str | None) -> dt.date:
        base = self.dct
        if rel in ("last", "past"):
            return cal.previous_weekday(base, weekday, inclusive=False)
        if rel in ("next", "coming", "this coming"):
            return cal.next_weekday(base, weekday, inclusive=False)
        tense = self.tense(start, end)
        if tense == FUTURE:
            return cal.next_weekday(base, weekday, inclusive=True)
        if tense == PAST:
            return cal.previous_weekday(base, weekday, inclusive=True)
        back = cal.previous_weekday(base, weekday, inclusive=True)
        ahead = cal.next_weekday(base, weekday, inclusive=True)
        return back if (base - back) <= (ahead - base) else ahead
