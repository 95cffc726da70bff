"""Word lists and regular-expression fragments for the time-expression tagger.

Everything here is data: month and weekday names, number words, units, parts of day,
seasons, holidays and the regex fragments built from them. Fragments are plain strings
meant to be embedded in the rule patterns of :mod:`koreawatch.extract.timex.rules`, which are
compiled once with ``re.IGNORECASE``; names that must be capitalised (months, weekdays,
holidays) are wrapped in a case-sensitive ``(?-i:...)`` group.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
for _i, _name in enumerate(_MONTH_NAMES, 1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], 1
    )
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "midday": "MI", "noon": "MI", "dawn": "MO", "daybreak": "MO",
}

# (month, day) fixed holidays; value is computed in the year in context.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "veterans day": (11, 11),
    "st. patrick's day": (3, 17), "boxing day": (12, 26), "may day": (5, 1),
    "new year": (1, 1),  # only before "address", "speech" or "message" (NEW_YEAR_SPEECH)
}
# "Kim's New Year address": the leader's speech of January 1 (a bare "the New Year" is the
# coming year, no day)
NEW_YEAR_SPEECH = r"(?-i:New\s+Year)(?=\s+(?i:address|speech|message)\b)"

# name -> (month, ISO weekday, nth; -1 = last) for holidays on the nth weekday of a month.
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3),
    "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3), "election day": (11, 1, 1),
    "mother's day": (5, 7, 2), "father's day": (6, 7, 3), "columbus day": (10, 1, 2),
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "F", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centuries": "CE", "millennium": "ML",
    "millennia": "ML", "season": "SE",
}
TIME_UNITS = {"second", "minute", "hour"}

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "twenty-first": 21,
    "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29,
    "thirty-first": 31, "last": -1, "final": -1,
}
VAGUE_QUANTITIES = {
    "several", "a few", "few", "a couple of", "a couple", "couple of", "many", "some",
    "a number of", "dozens of", "hundreds of", "the", "numerous", "multiple", "these",
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def _alt(words: object) -> str:
    """Regex alternation of ``words``, longest first, with regex metacharacters escaped."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _cap(words: object) -> str:
    """Case-sensitive alternation accepting Capitalised or UPPER-CASE forms."""
    forms = []
    for w in {str(w) for w in words}:  # type: ignore[attr-defined]
        forms += [w.capitalize(), w.upper()]
    return "(?-i:" + _alt(forms) + ")"


HOLIDAY = r"(?-i:(?=[A-Z]))(?:" + _alt(
    [h for h in HOLIDAYS if h != "new year"] + list(FLOATING_HOLIDAYS)).replace("'", "['’]") \
    + "|" + NEW_YEAR_SPEECH + ")"

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = "(?:" + _cap(_FULL_MONTHS) + "|" + _cap(_ABBR_MONTHS) + r"\.?)"
MONTH_ABBR_DOT = _cap(_ABBR_MONTHS) + r"\."
WEEKDAY = _cap(WEEKDAYS)
SEASON = _alt(SEASONS)
PART_OF_DAY = _alt(["morning", "afternoon", "evening", "night", "overnight"])
UNIT = _alt(UNITS) + r"s?"
UNIT_WORD = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|" \
    r"quarters?|years?|decades?|century|centuries|millenni(?:um|a)|seasons?)"
_ONE_WORD = _alt(list(ONES) + list(TENS))
NUMWORD = rf"(?:{_alt(TENS)}(?:[\s-]+{_alt(list(ONES)[1:10])})?|{_alt(ONES)})"
DIGITS = r"\d+(?:[.,]\d+)?(?:\s+\d/\d)?"
FRACTION = r"(?:and\s+(?:a\s+)?half|and\s+a\s+quarter|1/2)"
NUMBER = (
    rf"(?:{DIGITS}|{NUMWORD}(?:\s+{FRACTION})?|an?|{_alt(VAGUE_QUANTITIES - {'the', 'these'})}"
    rf"|a\s+dozen|dozens|a\s+half|one\s+and\s+a\s+half)"
)
ORDINAL = rf"(?:{_alt(ORDINALS)}|\d+(?:st|nd|rd|th))"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d|\s*(?:%|percent|per\s+cent))"
SPOKEN_YEAR = (rf"(?:nineteen|two\s+thousand)(?:[\s-]+(?:and\s+)?{NUMWORD})?"
               r"(?!\s+(?:years|days|months|people|dollars|troops|soldiers|miles|men|women)\b)")
AMPM = r"(?:[ap]\.\s?m\.?|[ap]m\b|[AP]M\b)"
TIMEZONE = r"(?-i:(?:[ECMP][SD]T|ET|GMT|UTC|[ECMP]T|local\s+time|KST))"
APPROX_MOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "some other": "APPROX",
    "or so": "APPROX", "or more": "EQUAL_OR_MORE",
}
QUANT_MOD = _alt([k for k in APPROX_MOD if k not in ("or so", "or more")])
PART_MOD = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "dawn": "START", "opening": "START", "first part": "START",
    "mid": "MID", "middle": "MID", "midst": "MID",
    "late": "END", "later": "END", "end": "END", "close": "END", "final part": "END",
}
PART_PREFIX = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid)(?:[\s-]+|\s+in\s+)"
    r"|(?:the\s+)?(?:beginning|start|middle|end|close|first\s+part|final\s+part)\s+of\s+"
    r"(?:the\s+month\s+of\s+)?|mid-?)"
)


def number_value(text: str) -> float | None:
    """Numeric value of a number phrase; None when vague ("several", "a few")."""
    t = re.sub(r"[\s\u00a0-]+", " ", text.lower()).strip()
    if t in ("a", "an", "one", "a single"):
        return 1.0
    if t in ("a couple of", "a couple", "couple of"):
        return 2.0
    if t in VAGUE_QUANTITIES or t in ("dozens",):
        return None
    if t == "a dozen":
        return 12.0
    if t in ("a half",):
        return 0.5
    frac = 0.0
    m = re.search(r"\s*(and\s+(?:a\s+)?half|and\s+a\s+quarter|1/2)$", t)
    if m:
        frac = 0.25 if "quarter" in m.group(1) else 0.5
        t = t[: m.start()].strip()
    m = re.fullmatch(r"(\d+)(?: (\d)/(\d))?", t.replace(",", ""))
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value + frac
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t) + frac
    total = 0
    for word in t.split():
        if word in ONES:
            total += ONES[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "and":
            continue
        else:
            return None
    return total + frac


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand and one' -> 2001."""
    t = re.sub(r"[\s-]+", " ", text.lower()).strip()
    if t.startswith("two thousand"):
        rest = t[len("two thousand") :].replace("and", "").strip()
        n = number_value(rest) if rest else 0
        return 2000 + int(n) if n is not None else None
    if t.startswith("nineteen "):
        n = number_value(t[len("nineteen ") :])
        return 1900 + int(n) if n is not None and n < 100 else None
    return None
