"""Rule table of the time-expression tagger: one compiled regex and one handler per rule.

A handler receives the match and the :class:`~koreawatch.extract.timex.resolve.Context` and
returns a :class:`Norm` (type, value, mod, reason) or None to drop the candidate. A rule may
mark the expression extent with a named group ``x`` (leading context words such as "once"
in "once a year" are then matched but not tagged). ``RULES`` is in priority order; overlapping
candidates are resolved by the tagger (longest extent first, then this order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from koreawatch.extract.timex import calendar as cal
from koreawatch.extract.timex import lexicon as lx
from koreawatch.extract.timex.context import FUTURE, PAST
from koreawatch.extract.timex.resolve import THAT_BEFORE, Context


@dataclass
class Norm:
    type: str
    value: str
    mod: str | None = None
    reason: str = ""
    reference: bool = False  # an explicit date/quarter later anaphora may resolve against


Handler = Callable[[re.Match[str], Context], Norm | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


WORD_LEFT = r"(?<![\w$#.-])"  # left word boundary that also refuses "$1998", "#12", "1.1998"
WORD_RIGHT = r"(?![\w-])"


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month(name: str) -> int:
    return lx.MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else
                     name.lower().rstrip(".")[:3]]


def _day(text: str) -> int:
    t = text.lower()
    if t in lx.ORDINALS:
        return lx.ORDINALS[t]
    return int(re.sub(r"\D", "", t))


def _part_mod(part: str | None) -> str | None:
    if not part:
        return None
    p = part.lower()
    for key, mod in lx.PART_MOD.items():
        if key in p:
            return mod
    return None


def _quant_mod(word: str | None) -> str | None:
    if not word:
        return None
    return lx.APPROX_MOD.get(re.sub(r"\s+", " ", word.lower()))


# --------------------------------------------------------------------------- explicit dates
def h_iso(m: re.Match[str], ctx: Context) -> Norm | None:
    try:
        day = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return Norm("DATE", day.isoformat(), reason="rule date.iso.v1: YYYY-MM-DD", reference=True)


def h_numeric(m: re.Match[str], ctx: Context) -> Norm | None:
    year = int(m["y"])
    year += 1900 if year < 100 and year > 40 else 2000 if year < 100 else 0
    try:
        day = dt.date(year, int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return Norm("DATE", day.isoformat(), reason="rule date.numeric.v1: M/D/Y", reference=True)


def _relative_year(rel: str, ctx: Context) -> int:
    """The year of "this", "last" or "next year" (from the DCT), or of "that year" or "the
    same year" ("in August of that year": the year last named)."""
    if rel in ("this", "last", "next"):
        return ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return ctx.anchor("Y").year


def h_month_day(m: re.Match[str], ctx: Context) -> Norm | None:
    month, day = _month(m["mon"]), _day(m["day"])
    year, rel = _g(m, "year"), (_g(m, "rel") or "").lower()
    if rel:  # "August 15 that year", "May 2 last year"
        year = str(_relative_year(rel, ctx))
    try:
        if year:
            when = dt.date(int(year), month, day)
        else:
            found = ctx.date_for_month_day(month, day, m.start(), m.end())
            if found is None:
                return None
            when = found
    except ValueError:
        return None
    how = f"'{rel} year'" if rel else "explicit year" if year else "year from DCT and tense"
    return Norm("DATE", when.isoformat(), reason=f"rule date.month_day.v1: month + day, {how}",
                reference=True)


def h_month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    month = _month(m["mon"])
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else lx.spoken_year(m["year"]) or 0
    else:
        year = _relative_year(m["rel"].lower(), ctx)
    mod = _part_mod(_g(m, "part"))
    ctx.months_named[m.start()] = (year, month)
    return Norm("DATE", f"{year:04d}-{month:02d}", mod, "rule date.month_year.v1: month + year",
                reference=True)


_MAY_CONTEXT = re.compile(
    r"(?i)(?:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|between|and|"
    r"or|early|late|mid|last|next|this|since|each|every|for|on|'s)\s+|-)$"
)
# the month and year that close a range a bare month opens ("from March to June 2020",
# "between January and August of last year")
_RANGE_CLOSE = re.compile(
    rf"\s*(?:and|to|through|until|till|-|–)\s+(?:(?:early|mid|late)[- ]?)?(?P<mon>{lx.MONTH})"
    rf",?\s+(?:of\s+)?(?:(?P<year>{lx.YEAR})|(?P<rel>last|this|next)\s+year\b)")
_ABBR_ONLY = re.compile(r"(?i)^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$")


_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+$")


def h_month(m: re.Match[str], ctx: Context) -> Norm | None:
    name, rel, part = m["mon"], _g(m, "rel"), _g(m, "part")
    if not rel and not part:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if _ABBR_ONLY.match(name):
            return None
        if name.lower() in ("may", "march") and not _MAY_CONTEXT.search(before) and not (
                name[0].isupper() and THAT_BEFORE.search(before)):  # "That May she was"
            return None
    month = _month(name)
    r = (rel or "").lower()
    closing = None
    if r in ("last", "past"):
        year = ctx.dct.year - (1 if month >= ctx.dct.month else 0)
    elif r in ("next", "coming", "this coming"):
        year = ctx.dct.year + (1 if month <= ctx.dct.month else 0)
    elif r == "this":
        year = ctx.dct.year
    else:
        closing = _RANGE_CLOSE.match(ctx.text, m.end())
        if closing:  # "between March and November 2021": the year the range closes in
            end_year = int(closing["year"]) if closing["year"] else ctx.dct.year + {
                "last": -1, "next": 1}.get(closing["rel"].lower(), 0)
            year = end_year - (1 if month > _month(closing["mon"]) else 0)
        elif _SINCE_BEFORE.search(ctx.text[max(0, m.start() - 12):m.start()]):
            year = ctx.dct.year - (1 if month > ctx.dct.month else 0)  # "since February":
            # the last February, whatever the tense ("have been visiting since February")
        else:
            year = ctx.year_for_month(month, m.start(), m.end())
    mod = _part_mod(part)
    rule = "month.part.v1" if mod else "month.v1"
    how = f"'{part.strip()}' + month" if part else "month"
    how += ", year of the month that closes the range" if closing else ", year by tense/DCT"
    return Norm("DATE", f"{year:04d}-{month:02d}", mod, f"rule {rule}: {how}", reference=True)


_WEEK_MODS = {"first": "WEEK1", "second": "WEEK2", "third": "WEEK3", "fourth": "WEEK4",
              "last": "WEEKLAST", "final": "WEEKLAST"}


def h_week_of_month(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the first week of March", "the last week of last month"."""
    mod = _WEEK_MODS[m["ord"].lower()]
    if _g(m, "unit_rel"):  # "of this/last/next month"
        anchor = cal.add_months(ctx.dct.replace(day=1),
                                {"last": -1, "next": 1}.get(m["unit_rel"].lower(), 0))
        year, month = anchor.year, anchor.month
    else:
        month = _month(m["mon"])
        if m["year"]:
            year = int(m["year"])
        elif m["rel"]:
            year = ctx.dct.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        else:
            year = ctx.year_for_month(month, m.start(), m.end())
    return Norm("DATE", f"{year:04d}-{month:02d}", mod,
                f"rule date.week_of_month.v1: '{m['ord'].lower()} week' of a month")


def h_day_of_month(m: re.Match[str], ctx: Context) -> Norm | None:
    """"on the 5th": a day of the publication's month, or of the month before when that day
    is still to come and the sentence tells the past (and the month after for a future)."""
    day = int(m["day"])
    rel = (_g(m, "unit_rel") or "").lower()
    anchor = ctx.dct.replace(day=1)
    if rel:
        anchor = cal.add_months(anchor, {"last": -1, "next": 1}.get(rel, 0))
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == FUTURE and day < ctx.dct.day:
            anchor = cal.add_months(anchor, 1)
        elif tense != FUTURE and day > ctx.dct.day:
            anchor = cal.add_months(anchor, -1)
    if day > cal.month_end(anchor.year, anchor.month):
        return None
    return Norm("DATE", anchor.replace(day=day).isoformat(),
                reason="rule date.day_of_month.v1: 'the Nth', month from DCT and tense",
                reference=True)


def h_year(m: re.Match[str], ctx: Context) -> Norm | None:
    text = m["year"]
    year = int(text) if text.isdigit() else lx.spoken_year(text)
    if year is None:
        return None
    prepost = (_g(m, "prepost") or "").lower()
    mod = {"pre": "BEFORE", "post": "AFTER"}.get(prepost) or _part_mod(_g(m, "part"))
    return Norm("DATE", f"{year:04d}", mod, "rule date.year.v1: four-digit year",
                reference=not mod)


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|our|your)\s+(?:\w+\s+(?:and|or|to)\s+)?$",
                         re.I)  # "in their thirties and forties": both ages


def h_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    if _AGE_BEFORE.search(m.string[max(0, m.start() - 30):m.start()]):
        return None  # "a man in his twenties", "women in their late 30s": an age
    if m["dec"] or m["dec2"]:
        digits = m["dec"] or m["dec2"]
        if len(digits) == 2:
            century = 19 if int(digits) > (ctx.dct.year % 100) else 20
            digits = f"{century}{digits}"
        value = digits[:3]
    else:
        value = "19" + str(lx.DECADE_WORDS[m["word"].lower()])
    return Norm("DATE", value, _part_mod(_g(m, "part")), "rule date.decade.v1: the 1990s")


def h_century(m: re.Match[str], ctx: Context) -> Norm | None:
    ordinal = m["ord"]
    n = _day(ordinal) if ordinal.lower() in lx.ORDINALS or ordinal[0].isdigit() else None
    if not n or n < 1:
        return None
    return Norm("DATE", f"{n - 1:02d}", _part_mod(_g(m, "part")),
                "rule date.century.v1: ordinal century")


def h_holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
    if name in lx.FLOATING_HOLIDAYS:
        return _floating_holiday(m, ctx, name)
    month, day = lx.HOLIDAYS[name]
    year = int(m["year"]) if m["year"] else None
    if year is None:
        when = ctx.date_for_month_day(month, day, m.start(), m.end())
        if when is None:
            return None
        year = when.year
    return Norm("DATE", f"{year:04d}-{month:02d}-{day:02d}", reason="rule date.holiday.v1")


def _floating_holiday(m: re.Match[str], ctx: Context, name: str) -> Norm | None:
    month, weekday, nth = lx.FLOATING_HOLIDAYS[name]

    def on(year: int) -> dt.date:
        first = cal.next_weekday(dt.date(year, month, 1), weekday, inclusive=True)
        if nth > 0:
            return first + dt.timedelta(weeks=nth - 1)
        last = dt.date(year, month, cal.month_end(year, month))
        return cal.previous_weekday(last, weekday, inclusive=True)

    if m["year"]:
        day = on(int(m["year"]))
    else:
        day = on(ctx.dct.year)
        tense = ctx.tense(m.start(), m.end())
        if (m["hrel"] or "").lower() == "last" or (tense == PAST and day > ctx.dct):
            day = on(ctx.dct.year - 1) if day >= ctx.dct else day
    if name == "election day":
        day += dt.timedelta(days=1)
    return Norm("DATE", day.isoformat(), reason=f"rule date.holiday.v1: {name}")


# -------------------------------------------------------------------- quarters and seasons
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4}


def _quarter_year(m: re.Match[str], ctx: Context, q: int) -> int:
    for key in ("year", "year2"):
        if _g(m, key):
            return int(m[key])
    pre = " ".join(filter(None, [_g(m, "pre"), _g(m, "rel2")])).lower()
    digits = re.search(r"\d{4}", pre)
    if digits:
        return int(digits.group(0))
    if "last" in pre:
        return ctx.dct.year - 1
    if "next" in pre:
        return ctx.dct.year + 1
    if "this" in pre:
        return ctx.dct.year
    if q <= cal.quarter_of(ctx.dct) or ctx.tense(m.start(), m.end()) == FUTURE:
        return ctx.dct.year
    return ctx.dct.year - 1


def h_quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    adj = re.sub(r"\s+", " ", (_g(m, "adj") or "").lower())
    ordinal = (_g(m, "ord") or "").lower()
    if m["qn"]:
        q = int(m["qn"])
        year = int(m["qy"]) if m["qy"] else ctx.dct.year
        if m["qy"] and year < 100:
            year += 2000
        return Norm("DATE", f"{year:04d}-Q{q}", reason="rule date.quarter.v1: Qn", reference=True)
    if not ordinal and not adj and not (_g(m, "the") or _g(m, "pre") or _g(m, "year2")):
        return None
    if ordinal:
        q = _QUARTER_WORDS[ordinal]
        year = _quarter_year(m, ctx, q)
    else:
        year, q = _relative_quarter(adj + " " + (_g(m, "pre") or "").lower(), m, ctx)
    if "year-earlier" in adj or "year-ago" in adj or "year earlier" in adj:
        year -= 1
    return Norm("DATE", f"{year:04d}-Q{q}", reason="rule date.quarter.v1: quarter",
                reference=bool(ordinal) and "year" not in adj)


def _relative_quarter(adj: str, m: re.Match[str], ctx: Context) -> tuple[int, int]:
    if any(k in adj for k in ("next", "coming")):
        day = cal.add_months(ctx.dct, 3)
        return day.year, cal.quarter_of(day)
    if "last year" in adj:
        year, q = ctx.quarter()
        return year - 1, q
    if any(k in adj for k in ("current", "this")):
        return ctx.dct.year, cal.quarter_of(ctx.dct)
    if any(k in adj for k in ("previous",)):
        year, q = ctx.quarter()
        day = cal.add_months(dt.date(year, 3 * q - 2, 1), -3)
        return day.year, cal.quarter_of(day)
    year, q = ctx.quarter()
    if _g(m, "year2"):
        year = int(m["year2"])
    return year, q


def h_half(m: re.Match[str], ctx: Context) -> Norm | None:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        year = int(m["year"])
    else:
        rel = (m["rel"] or "").lower()
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return Norm("DATE", f"{year:04d}-H{half}", reason="rule date.half.v1: half year")


def h_season(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    part, year_text = _g(m, "part"), _g(m, "year")
    if not (rel or part or year_text):
        before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
        if not re.search(r"\b(?:in|during|since|until|by|before|after|last|this|next)\s+$", before):
            return None
    code = lx.SEASONS[m["season"].lower()]
    season_start = cal.SEASON_MONTHS[code][0]
    if year_text:
        year = int(year_text) if year_text.isdigit() else lx.spoken_year(year_text) or 0
    elif rel in ("last", "past", "this past"):
        year = ctx.dct.year - (1 if rel != "this past" or season_start > ctx.dct.month else 0)
    elif rel in ("next", "coming"):
        year = ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    elif rel in ("following", "the following"):  # "arrested in November 2012 and
        anchor = ctx.anchor("M")  # sentenced the following spring": the first such season
        year = anchor.year + (0 if season_start > anchor.month else 1)  # after the date named
    elif rel in ("that", "that same", "the same"):  # "that summer": of the year the text
        anchor = ctx.anchor("Y")  # was last in; "that winter" after a January, the one
        year = anchor.year - (1 if code == "WI" and anchor.month <= 2 else 0)  # it is in
    else:
        year = ctx.dct.year
        tense = ctx.tense(m.start(), m.end())
        if tense == PAST and season_start > ctx.dct.month:
            year -= 1
    return Norm("DATE", f"{year:04d}-{code}", _part_mod(part), "rule date.season.v1: season",
                reference=bool(year_text))  # "the spring of 2019" is the year "that" means


# ------------------------------------------------------------------ relative days and weeks
_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def h_relative_day(m: re.Match[str], ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    else:
        offset = _REL_DAY[word]
    day = ctx.dct + dt.timedelta(days=offset)
    pod = _g(m, "pod")
    mod = _part_mod(_g(m, "part"))
    if word == "tonight":
        return Norm("TIME", f"{day.isoformat()}TNI", reason="rule time.tonight.v1")
    if pod:
        code = lx.PARTS_OF_DAY[pod.lower()]
        return Norm("TIME", f"{day.isoformat()}T{code}", mod,
                    "rule time.relative_day_part.v1: day + part of day")
    return Norm("DATE", day.isoformat(), mod, f"rule date.relative_day.v1: '{word}' from DCT")


def h_this_part_of_day(m: re.Match[str], ctx: Context) -> Norm | None:
    offset = -1 if m["rel"].lower() in ("last", "yesterday") else 0
    day = ctx.dct + dt.timedelta(days=offset)
    code = lx.PARTS_OF_DAY[m["pod"].lower()]
    return Norm("TIME", f"{day.isoformat()}T{code}", _part_mod(_g(m, "part")),
                "rule time.this_part_of_day.v1")


def h_weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["plural"]:
        wd = lx.WEEKDAYS[m["wd"].lower()]
        pod = _g(m, "pod")
        suffix = f"T{lx.PARTS_OF_DAY[pod.lower()]}" if pod else ""
        return Norm("SET", f"XXXX-WXX-{wd}{suffix}", reason="rule set.weekday_plural.v1")
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower()) or None
    week = re.sub(r"\s+", " ", (_g(m, "wk") or "").lower())
    if week and not rel:  # "on Tuesday last week": that weekday of the week named
        shift = {"last": -7, "the previous": -7, "next": 7, "the following": 7}.get(week, 0)
        monday = ctx.dct - dt.timedelta(days=ctx.dct.weekday()) + dt.timedelta(days=shift)
        day = monday + dt.timedelta(days=lx.WEEKDAYS[m["wd"].lower()] - 1)
        return Norm("DATE", day.isoformat(), _part_mod(_g(m, "part")),
                    f"rule date.weekday_of_week.v1: weekday of '{week} week'")
    day = ctx.date_for_weekday(lx.WEEKDAYS[m["wd"].lower()], m.start(), m.end(), rel)
    mod = _part_mod(_g(m, "part"))
    pod = _g(m, "pod")
    if pod:
        code = lx.PARTS_OF_DAY[pod.lower()]
        return Norm("TIME", f"{day.isoformat()}T{code}", mod, "rule time.weekday_part.v1")
    return Norm("DATE", day.isoformat(), mod, "rule date.weekday.v1: weekday by tense",
                reference=True)


_FISCAL_PERIOD = re.compile(r"(?i)\s+(?:ended|ending|ends|to\s+date|through|that\s+ended)\b")
_UNIT_CODES = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE",
               "century": "CE", "day": "D", "quarter": "Q"}


def h_unit_relative(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = _UNIT_CODES[m["unit"].lower()]
    part = _g(m, "part")
    mod = _part_mod(part)
    if rel in ("the", "that") and unit == "WE" and not mod:
        return _the_weekend(m, ctx)
    if (rel in ("the", "that") and unit in ("D", "M", "WE", "DE", "CE")
            and not (mod or (rel == "that" and unit == "D"))):
        return None
    base = ctx.dct
    if any(k in rel for k in ("following", "next", "coming")):
        n = 1
        if "following" in rel or rel == "the next":
            base = ctx.anchor(unit)
    elif any(k in rel for k in ("last", "past", "previous")):
        n = -1
        if "previous" in rel:
            base = ctx.anchor(unit)
    else:
        n = 0
        if rel in ("that", "the same", "that same"):
            base = ctx.anchor(unit)
    if unit == "W" and rel in ("the", "that") and not mod:
        return Norm("DATE", f"{ctx.anchor().year}-WXX", reason="rule date.the_week.v1")
    if unit == "Y" and rel == "the" and _FISCAL_PERIOD.match(ctx.text, m.end()):
        return Norm("DURATION", "P1Y", reason="rule duration.the_year_ended.v1")
    value = cal.format_at(cal.shift(base, unit, n), unit)
    if unit == "D" and rel == "that":
        value = ctx.anchor().isoformat()
    return Norm("DATE", value, mod, f"rule date.unit_relative.v1: '{rel}' + {m['unit'].lower()}")


def _the_weekend(m: re.Match[str], ctx: Context) -> Norm:
    if ctx.tense(m.start(), m.end()) == FUTURE:
        saturday = cal.next_weekday(ctx.dct, 6, inclusive=True)
    else:
        saturday = cal.previous_weekday(ctx.dct, 6, inclusive=True)
    return Norm("DATE", cal.week_value(saturday) + "-WE", reason="rule date.the_weekend.v1")


def h_year_end(m: re.Match[str], ctx: Context) -> Norm | None:
    year = ctx.dct.year
    if ctx.tense(m.start(), m.end()) == PAST and ctx.dct.month < 4:
        year -= 1
    return Norm("DATE", f"{year:04d}", "END", "rule date.year_end.v1: year-end")


def h_period(m: re.Match[str], ctx: Context) -> Norm | None:
    year, q = ctx.quarter()
    adj = (m["adj"] or "").lower()
    if m["year"]:
        year = int(m["year"])
    elif "year" in adj or "last year" in (m["post"] or "").lower():
        year -= 1
    return Norm("DATE", f"{year:04d}-Q{q}", reason="rule date.period.v1: reporting period")


def h_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    n = lx.number_value(m["num"])
    word = m["unit"].lower().rstrip("s")
    unit = lx.UNITS.get(word, lx.UNITS.get(m["unit"].lower(), "D"))
    direction = m["dir"].lower()
    mod = _quant_mod(_g(m, "mod")) or ("APPROX" if _g(m, "orso") else None)
    if n is None:
        value = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
        return Norm("DATE", value, mod, "rule date.ago_vague.v1: vague amount + ago")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    base = ctx.dct if direction in ("ago", "from now", "hence") else ctx.anchor(unit)
    if unit in ("S", "H") or word in lx.TIME_UNITS:
        unit = "D"
        n = 0 if word in ("second", "minute") or n < 12 else n // 24
    if unit == "Y" and direction in ("earlier", "ago") and ctx.ref_quarter and n == 1:
        year, q = ctx.ref_quarter
        return Norm("DATE", f"{year - 1:04d}-Q{q}", mod, "rule date.year_earlier_quarter.v1")
    whole = int(n) if n == int(n) else None
    if whole is None:
        unit, whole = "M", int(round(n * {"Y": 12, "M": 1}.get(unit, 1)))
    value = cal.format_at(cal.shift(base, unit, sign * whole), unit)
    return Norm("DATE", value, mod, f"rule date.ago.v1: N {word}s {direction}")


def h_year_earlier(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DATE", f"{ctx.anchor().year - 1:04d}", reason="rule date.year_earlier.v1")


def h_earlier_this(m: re.Match[str], ctx: Context) -> Norm | None:
    mod = "START" if m["dir"].lower().startswith("earl") else "END"
    rel = (m["rel"] or "").lower()
    unit_word = m["unit"].lower()
    if unit_word in lx.PARTS_OF_DAY:
        code = lx.PARTS_OF_DAY[unit_word]
        day = ctx.dct - dt.timedelta(days=1 if rel in ("last", "yesterday") else 0)
        return Norm("TIME", f"{day.isoformat()}T{code}", mod, "rule time.earlier_this.v1")
    if unit_word in lx.WEEKDAYS or unit_word in _REL_DAY:
        if unit_word in _REL_DAY:
            day = ctx.dct + dt.timedelta(days=_REL_DAY[unit_word])
        else:
            day = ctx.date_for_weekday(lx.WEEKDAYS[unit_word], m.start(), m.end(), None)
        return Norm("DATE", day.isoformat(), mod, "rule date.earlier_day.v1")
    unit = _UNIT_CODES[unit_word]
    n = {"this": 0, "last": -1, "next": 1}.get(rel, 0)
    base = ctx.anchor(unit) if rel == "that" else ctx.dct  # "later that month": the last
    value = cal.format_at(cal.shift(base, unit, n), unit)  # month named, not the last day
    return Norm("DATE", value, mod, f"rule date.earlier_this.v1: '{m['dir'].lower()} {rel}'")


# ------------------------------------------------------------------------- times of day
def h_clock(m: re.Match[str], ctx: Context) -> Norm | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if _g(m, "mi") else 0
    ampm = (_g(m, "ap") or "").lower()
    if hour > 24 or minute > 59 or (ampm and hour > 12):
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    day = _clock_day(m, ctx)
    mod = _quant_mod(_g(m, "mod"))
    return Norm("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", mod,
                "rule time.clock.v1: clock time")


def _clock_day(m: re.Match[str], ctx: Context) -> dt.date:
    word = (_g(m, "dayw") or "").lower()
    if _g(m, "mday"):
        found = ctx.date_for_month_day(_month(m["mon"]), _day(m["mday"]), m.start(), m.end())
        if found:
            return found
    if word in _REL_DAY:
        return ctx.dct + dt.timedelta(days=_REL_DAY[word])
    if word in lx.WEEKDAYS:
        return ctx.date_for_weekday(lx.WEEKDAYS[word], m.start(), m.end(), None)
    return ctx.dct


def h_named_time(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["w"].lower()
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24"}[word]
    day = _clock_day(m, ctx)
    return Norm("TIME", f"{day.isoformat()}T{clock}", _quant_mod(_g(m, "mod")),
                "rule time.named.v1: noon/midnight")


# ------------------------------------------------------------------- durations and sets
def duration_value(n: float | None, unit_word: str) -> str:
    word = unit_word.lower()
    word = word if word in lx.UNITS else word.rstrip("s")
    if word == "centurie":
        word = "century"
    unit = lx.UNITS.get(word, "D")
    time_unit = word in lx.TIME_UNITS
    if n is None:
        code = {"WE": "WE", "Q": "Q", "DE": "DE", "CE": "CE", "F": "W"}.get(unit, unit)
        return f"PTX{code}" if time_unit else f"PX{code}"
    scale = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"),
             "F": (2, "W"), "SE": (3, "M")}
    if unit in scale:
        factor, unit = scale[unit]
        n *= factor
    if n != int(n):
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"),
                   "WE": (2, "D")}
        if unit in smaller:
            factor, unit = smaller[unit]
            time_unit = time_unit or unit in ("H",) or (word == "hour")
            n *= factor
    amount = str(int(n)) if n == int(n) else f"{n:g}"
    return f"PT{amount}{unit}" if time_unit else f"P{amount}{unit}"


_AGE = re.compile(r"(?i)\s+old\b|-old\b")
_RATE = re.compile(r"(?i)(?:\d|million|billion|thousand|hundred|cents?|dollars|shares|"
                   r"flights|seats|barrels|tons|tonnes|percent)"
                   r"(?:\s+of(?:\s+[\w-]+){1,3})?\s+$")  # "barrels of refined petroleum a year"


def h_duration(m: re.Match[str], ctx: Context) -> Norm | None:
    num, unit_word, det = _g(m, "num"), m["unit"], (_g(m, "det") or "").lower()
    plural = unit_word.lower().endswith("s") or unit_word.lower() == "centuries"
    if not num:
        if not plural and not re.search(
            r"first|remaining|entire|whole|full|another|additional|further", det
        ):
            return None
        if not plural and not det:
            return None
    if num and num.lower() in ("a", "an") and unit_word.lower() in ("second", "quarter"):
        return None
    if _AGE.match(ctx.text, m.end()) or m.group(0).lower().endswith("year-old"):
        return None
    if num and num.lower() in ("a", "an") and _RATE.search(ctx.text, max(0, m.start() - 30),
                                                           m.start()):
        return None
    n = lx.number_value(num) if num else (1.0 if not plural else None)
    mod = _quant_mod(_g(m, "mod")) or _quant_mod(_g(m, "post"))
    if n is None and plural and re.search(r"past|last|recent|previous", det):
        return Norm("DATE", "PAST_REF", mod, "rule ref.vague_past_units.v1")
    if n is None and plural and re.search(r"coming", det):
        return Norm("DATE", "FUTURE_REF", mod, "rule ref.vague_future_units.v1")
    value = duration_value(n, unit_word)
    return Norm("DURATION", value, mod, "rule duration.v1: amount + unit")


def h_bare_units(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DURATION", duration_value(None, m["unit"]), reason="rule duration.vague.v1")


SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
                "quarterly": "P3M", "semiannually": "P6M"}


_NAME_NEXT = re.compile(r"[ \t]+[A-Z]")


def h_set_adverb(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["w"].lower() == "quarterly" and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
        return None
    if m["w"][:1].isupper() and _NAME_NEXT.match(ctx.text, m.end()):
        return None  # part of a name: "Daily NK", "Philadelphia Weekly Review"
    return Norm("SET", SET_ADVERBS[m["w"].lower()], reason="rule set.adverb.v1: daily/annually")


def h_set_every(m: re.Match[str], ctx: Context) -> Norm | None:
    what = m["what"]
    low = what.lower()
    if low in lx.WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{lx.WEEKDAYS[low]}", reason="rule set.every.v1")
    if low.rstrip(".") in lx.MONTHS:
        return Norm("SET", f"XXXX-{_month(what):02d}", reason="rule set.every.v1")
    if low in ("morning", "afternoon", "evening", "night"):
        return Norm("SET", f"TXX{lx.PARTS_OF_DAY[low]}", reason="rule set.every.v1")
    n = lx.number_value(m["num"]) if _g(m, "num") else 1.0
    if _g(m, "other"):
        n = (n or 1.0) * 2
    return Norm("SET", duration_value(n, what), reason="rule set.every.v1: every/each + unit")


# ------------------------------------------------------------------------- vague refs
_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "at this time": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF",
    "recent days": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "coming years": "FUTURE_REF", "coming months": "FUTURE_REF", "coming weeks": "FUTURE_REF",
    "coming days": "FUTURE_REF", "the years ahead": "FUTURE_REF", "soon": "FUTURE_REF",
}


def h_ref(m: re.Match[str], ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word in ("future", "soon") or (word == "current" and not m["w"].islower()):
        if word == "soon":
            return None
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if word == "future" and not re.search(r"\b(?:in|near|for)\s+$", before):
            return None
    return Norm("DATE", _REFS[word], reason=f"rule ref.v1: '{word}'")
