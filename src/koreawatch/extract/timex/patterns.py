"""The rule table of the time tagger: each rule's name, its regular expression (built from
the word lists of ``lexicon.py``) and its handler in ``rules.py``, in priority order."""

from __future__ import annotations

import re

from koreawatch.extract.timex import lexicon as lx
from koreawatch.extract.timex.rules import (
    SET_ADVERBS,
    WORD_LEFT,
    WORD_RIGHT,
    Handler,
    Rule,
    h_ago,
    h_bare_units,
    h_century,
    h_clock,
    h_day_of_month,
    h_decade,
    h_duration,
    h_earlier_this,
    h_half,
    h_holiday,
    h_iso,
    h_month,
    h_month_day,
    h_month_year,
    h_named_time,
    h_numeric,
    h_period,
    h_quarter,
    h_ref,
    h_relative_day,
    h_season,
    h_set_adverb,
    h_set_every,
    h_this_part_of_day,
    h_unit_relative,
    h_week_of_month,
    h_weekday,
    h_year,
    h_year_earlier,
    h_year_end,
)


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a rule; matches may only start at the beginning of a word (a big speed-up)."""
    return re.compile(r"(?<![\w'’])(?=[\w'’])(?:" + pattern + ")", re.IGNORECASE)


_WD = lx.WEEKDAY
_MON = lx.MONTH
_YR = lx.YEAR
_NUM = lx.NUMBER
_PART = lx.PART_PREFIX
_DAYN = rf"(?:{lx.DAY_NUM}|{lx._alt([k for k, v in lx.ORDINALS.items() if v > 0])})"
_ON_DAY = (rf"(?:\s*,?\s+(?:on\s+)?(?:(?P<dayw>{_WD}|today|yesterday|tomorrow)|"
           rf"(?P<mon>{_MON})\s+(?P<mday>{lx.DAY_NUM}){WORD_RIGHT}))?")

# "on Sept. 25 that year", "August 15 of the same year": a day in a year named before
_REL_YEAR = r"\s*,?\s+(?:of\s+)?(?P<rel>this|last|next|that\s+same|that|the\s+same)\s+year\b"

PATTERNS: list[tuple[str, str, Handler]] = [
    ("date.iso", r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b", h_iso),
    ("date.numeric", r"\b(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)\b",
     h_numeric),
    ("date.month_day",
     rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAYN}){WORD_RIGHT}"
     rf"(?:\s*,?\s*(?P<year>{_YR})\b|{_REL_YEAR})?", h_month_day),
    ("date.day_month",
     rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<day>{lx.DAY_NUM})\s+(?:of\s+)?(?P<mon>{_MON})"
     rf"(?:,?\s+(?P<year>{_YR})\b|{_REL_YEAR})?", h_month_day),
    ("time.clock",
     rf"(?:(?P<mod>about|around|approximately|roughly)\s+)?{WORD_LEFT}(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?"
     rf"\s*(?P<ap>{lx.AMPM})(?:\s+(?P<tz>{lx.TIMEZONE}))?{_ON_DAY}", h_clock),
    ("time.clock24",
     rf"(?:(?P<mod>about|around|approximately|roughly)\s+)?{WORD_LEFT}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
     rf"(?:\s+(?P<tz>{lx.TIMEZONE}))?(?![\d:]){_ON_DAY}", h_clock),
    ("time.named",
     rf"(?:(?P<mod>about|around|approximately|roughly)\s+)?\b(?P<w>noon|midday|midnight)\b"
     rf"{_ON_DAY}", h_named_time),
    ("date.week_of_month",
     r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?:"
     rf"(?:(?P<rel>last|next|this)\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YR}))?\b|"
     r"(?P<unit_rel>this|last|next)\s+month\b)", h_week_of_month),
    ("date.day_of_month",
     r"\bon\s+(?P<x>the\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)"
     r"(?:\s+of\s+(?P<unit_rel>this|last|next)\s+month)?)(?![\w-])"
     r"(?!\s+(?:of|anniversary|time|floor|day|century|party|congress|plenary|session|"
     r"meeting|round|year|largest|biggest|most)\b)", h_day_of_month),
    ("date.month_year",
     rf"(?P<part>{_PART})?(?P<mon>{_MON}),?\s+(?:of\s+)?(?:(?P<year>{_YR}|{lx.SPOKEN_YEAR})\b|"
     rf"(?P<rel>this|last|next|that\s+same|that|the\s+same)\s+year\b)", h_month_year),
    ("date.month",
     rf"(?P<part>{_PART})?(?:(?P<rel>last|next|this\s+coming|this|coming|past)\s+)?"
     rf"\b(?P<mon>{_MON})(?![\w-])", h_month),
    ("date.quarter",
     rf"(?:(?P<the>the)\s+)?(?P<pre>(?:{_YR}|this\s+year|last\s+year|next\s+year)(?:['’]s)?\s+)?"
     r"(?P<adj>(?:(?:latest|last|past|previous|current|recent|same|year-earlier|year-ago|"
     r"comparable|corresponding|next|coming|this|fiscal|flat|strong|weak|disappointing|"
     r"year\s+earlier|just-ended|just-completed)\s+)*)"
     r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?quarter(?![\w-]*\s*point|-)"
     rf"\b(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{_YR})|(?P<rel2>this|last|next|the)\s+"
     r"(?:fiscal\s+)?year)\b)?"
     r"|\b(?-i:Q(?P<qn>[1-4]))(?:\s+(?P<qy>\d{4}))?\b", h_quarter),
    ("date.half",
     rf"(?:the\s+)?(?P<ord>first|second)[\s-]+half\b(?:\s+of\s+(?:(?P<year>{_YR})|"
     r"(?:the|this|(?P<rel>last|next))\s+year)\b)?", h_half),
    ("date.season",
     rf"(?P<part>{_PART})?(?:(?P<rel>this\s+past|this|last|next|past|coming|that\s+same|that|the\s+same|"
     r"the\s+following|following|the)\s+)?\b"
     rf"(?P<season>{lx.SEASON})\b(?:\s+(?:of\s+)?(?P<year>{_YR}|{lx.SPOKEN_YEAR})\b)?", h_season),
    ("date.holiday",
     rf"(?:(?P<hrel>last|next|this)\s+)?(?P<hol>{lx.HOLIDAY})(?:\s+(?P<year>{_YR}))?",
     h_holiday),
    ("date.year_end",
     r"\b(?:(?:the\s+)?year[\s-]end|(?:the\s+)?end\s+of\s+the\s+year|year['’]s\s+end)\b",
     h_year_end),
    ("date.period",
     rf"\b(?:the\s+)?(?:(?P<year>{_YR})\s+|(?P<adj>latest|year-earlier|year-ago|year\s+earlier|"
     r"comparable|same|corresponding|that|prior-year|year-before)\s+)(?:fiscal\s+)?"
     r"(?:period|quarter)\b(?P<post>\s+(?:a\s+)?(?:last\s+)?year(?:\s+(?:earlier|ago))?)?",
     h_period),
    ("date.decade",
     rf"(?:the\s+)?(?P<part>early|mid|late)?[\s-]*\b(?:(?P<dec>1\d\d0|20\d0)['’]?s|['’](?P<dec2>\d0)s"
     rf"|(?:nineteen[\s-]+)?(?P<word>{lx._alt(lx.DECADE_WORDS)}))\b", h_decade),
    ("date.century",
     rf"(?:the\s+)?(?P<part>early|mid|late)?[\s-]*\b(?P<ord>{lx.ORDINAL})[\s-]+century\b",
     h_century),
    ("date.year",
     rf"(?P<part>{_PART}|(?P<prepost>pre|post)-)?(?:(?:the\s+)?(?:fiscal|calendar|financial|model)"
     rf"(?:\s+year)?\s+|the\s+year\s+)?(?<![\w$#.])(?P<year>{_YR}|{lx.SPOKEN_YEAR})\b(?!-\d)",
     h_year),
    ("time.this_part_of_day",
     r"(?P<part>early|late|earlier|later)?\s*\b(?P<rel>this|last|yesterday)\s+"
     r"(?P<pod>morning|afternoon|evening|night)\b", h_this_part_of_day),
    ("date.relative_day",
     r"(?P<part>early|late|earlier|later)?\s*\b(?P<w>today|tonight|yesterday|tomorrow|"
     r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b"
     r"(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?", h_relative_day),
    ("date.weekday",
     rf"(?P<part>\b(?:early|late|earlier|later)\s+)?(?:\b(?P<rel>last|next|this\s+coming|"
     rf"this|coming|past)\s+)?(?P<wd>{_WD})(?P<plural>s(?=\s|[,.;:)]))?"
     r"(?:\s+(?P<pod>morning|afternoon|evening|night)s?\b)?"
     r"(?:\s+(?:of\s+)?(?P<wk>last|next|this|the\s+previous|the\s+following)\s+week\b)?",
     h_weekday),
    ("date.earlier_this",
     r"\b(?P<dir>earlier|later)\s+(?:(?P<rel>this|last|next|that)\s+)?"
     rf"(?P<unit>week|month|year|morning|afternoon|evening|{_WD}|today|yesterday)\b",
     h_earlier_this),
    ("date.ago",
     rf"(?:(?P<mod>{lx.QUANT_MOD})\s+)?\b(?P<num>{_NUM})\s+(?P<unit>{lx.UNIT_WORD})"
     r"(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b", h_ago),
    ("date.year_earlier", r"\byear-(?:earlier|ago)\b(?!\s+(?:period|quarter))", h_year_earlier),
    ("date.unit_relative",
     rf"(?P<part>{_PART})?\b(?P<rel>this|last|next|past|previous|coming|current|following|"
     r"the\s+following|the\s+previous|the\s+past|the\s+last|the\s+next|the\s+coming|"
     r"the\s+current|the\s+same|that\s+same|that|the)\s+(?:fiscal\s+|calendar\s+)?"
     r"(?P<unit>week|weekend|month|year|decade|century|day)\b(?!-)", h_unit_relative),
    ("set.every",
     rf"\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<num>{_NUM})\s+)?"
     rf"(?P<what>{lx.UNIT_WORD}|{_WD}|{_MON}|morning|afternoon|evening|night)\b", h_set_every),
    ("set.per",
     r"(?:\b(?:once|twice|thrice|times)\s+|\d\s+|\b(?:per)\s+)(?P<x>(?:a|an|per|each)\s+"
     r"(?P<what>year|month|week|day|hour|quarter|minute))\b", h_set_every),
    ("set.adverb", rf"\b(?P<w>{lx._alt(SET_ADVERBS)})\b", h_set_adverb),
    ("duration",
     rf"(?:(?P<mod>{lx.QUANT_MOD})\s+(?!the\b))?(?:(?P<det>the|another|an\s+additional|a\s+further|"
     r"the\s+(?:first|past|last|next|coming|previous|final|following|latest|remaining|"
     r"entire|whole|full)|(?:first|past|last|next|coming|previous|final|following|recent|"
     r"an\s+entire|a\s+full|a\s+whole))\s+)?\b(?:(?P<num>" + _NUM + r")[\s-]+"
     r"(?:more\s+|additional\s+|straight\s+|consecutive\s+|full\s+|long\s+)?)?"
     rf"(?P<unit>{lx.UNIT_WORD})(?:-(?:long|old))?(?!-)\b"
     rf"(?:\s+(?P<post>or\s+so|or\s+more))?", h_duration),
    ("duration.vague",
     r"\b(?:for|over)\s+(?P<x>(?P<unit>years|months|weeks|days|decades|hours|centuries))\b",
     h_bare_units),
    ("ref",
     r"(?<!the\s)(?<!\ba\s)\b(?P<w>right\s+now|now|currently|current|presently|at\s+present|the\s+present(?!\s+\w+ing)|"
     r"nowadays|these\s+days|at\s+the\s+moment|more\s+recently|recently|recent(?:\s+(?:years|months|"
     r"weeks|days))?|lately|(?:in\s+)?the\s+past(?=\s*[,.;:)]|\s+(?:and|but|or|when|as|is|was|"
     r"has|had|the|that|it|they|he|she|we)\b)|the\s+(?:near\s+|foreseeable\s+)?future|future|"
     r"(?:the\s+)?coming\s+(?:years|months|weeks|days)|the\s+years\s+ahead|soon)\b", h_ref),
]

RULES: list[Rule] = [Rule(name, _compile(p), h) for name, p, h in PATTERNS]
