"""When an event happened: the interval, precision and reason chosen for one event
candidate from the time expressions around it (rule 3 of ``extract/events.py``).

Rules, in priority order (each ``TimeChoice.reason`` starts with the rule's name):

1. ``statement.day``: an official statement is dated from the day it was made through
   publication: [the day, week or month named in its clause, publication] ("KCNA said
   on Monday"; "recently" gives ``approx``; a year only when it has ended: "agreed in
   2005"); a participle ("Last week, the North threatened to cancel the talks, claiming
   that ...") and a statement in an "after" clause ("In March, Trump accepted after Kim
   agreed to ...") take the date of their main clause;
2. ``range``: a range in the sentence ("between April and June") is the interval;
3. ``clause``: the date expression of the trigger's own clause nearest to it;
   "recently" (PAST_REF) is ``approx`` [publication - 30 days, publication];
4. ``after``: no date in the clause, and the trigger sits in an "after ..." clause: no
   interval here; ``bound_by_other`` bounds it by the end of the event it led to, else
   by the end of the sentence's other date, else by publication ([open, that end]);
5. ``report``: no date in the clause, and a reporting verb governs the trigger ("UPI
   reported in early March that ...", "..., an official said on Sunday"): the date is the
   report's, so an expected event starts then ([report start, open]) and a past one
   ended by then ([open, report end]), or, when the report names only its year, month or
   part of a month, happened in it ("In July 2020, state media said it had declared ...");
6. ``sentence``: another date in the sentence, nearest to the trigger; an event told as
   coming "later" (or "then", "subsequently") runs from that date to publication;
7. ``pandemic``: "since / throughout / during the pandemic" → [2020-01-01, publication]
   (``approx``); so is an undated closure, suspension, health measure, aid or (not
   simple past) claim in a sentence naming COVID-19, the coronavirus or the pandemic,
   in an article of the pandemic years (2020 to May 2023: "has closed its borders to
   keep out the coronavirus"), but not one incident (a shooting, an arrest); "before the
   pandemic" (the virus, COVID-19) → [open, 2019-12-31] (``unknown``);
8. ``perfect``: present perfect → ``approx`` [publication - 30 days, publication] (a
   statement in the present perfect is a series of claims: "has denied", "has not
   admitted");
9. ``statement.publication``: an official statement without a date was made on the day
   of publication (the article's date for a KCNA item): [publication, publication];
10. ``publication``: else the publication date bounds it (``unknown``): an expected
    event comes after it ([publication, open]), any other happened by then ([open,
    publication]).

Dates in rules 1-6 (``modifier``): an event in a relative or adjectival clause ("a vessel
suspected of transferring oil ..., seen in a picture taken on December 29") is dated only
by the dates inside that clause, and dates inside a clause that describes something else
("a man who had defected three years ago crossed back in July") date nothing else. An
event told in a "since", "before" or "until" clause ("running again in January, for the
first time since the border closed"; "in 2019, before the country sealed its border") is
dated only by dates inside that clause; without one it is background, bounded by
publication, and joins the event told before it.

A clock time dates nothing unless it names its day ("9 a.m. on Monday", "Thursday
night"; not a bare "shortly after 9 a.m."). A date of rules 3 and 6 after "since"
("since 2006", "since the start of January") gives ``approx`` [that date, publication]
(``since``); a past event "before" a date ended the day before it ("had crossed before
2020": [open, 2019-12-31], ``before``); a coming date after "before", "by" or "until"
bounds an expected event from publication ("will be extended before winter": [publication,
the day before winter], ``deadline``); a negated one ("unlikely to reopen before spring")
starts at that date ([spring, open]); an expected event "later this month" (week, year)
runs from publication to the end of that period (``later``).

Dates in rules 2-6: an expected event dated by a bare month or season that resolved into
the past is the coming one; an expected event dated by a past day, week or year starts
then ([start, open]: the day of the plan or the period that has begun), but one dated
by a period still running at publication ("expect trade to climb this year", "is due to
receive doses in the first half of the year") is that period. Expressions that
are part of a name ("the April 25 Hostel", "the May Day Stadium") are not dates; a year
inside another noun phrase ("tore up a 2018 pact and began rebuilding the posts") yields to
the sentence's other dates. A range (rule 2) yields to a date of the clause nearer the
trigger ("restarted in January, and imports rose in February and March"). Without
a publication date, an event without a date in its sentence gets no interval.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from koreawatch.extract.timex import lexicon as lx

if TYPE_CHECKING:
    from koreawatch.extract.events import Candidate

_PANDEMIC_START = date(2020, 1, 1)
_PANDEMIC_END = date(2023, 5, 5)  # the WHO ended the COVID-19 emergency
# the kinds of event that last through the pandemic, not one incident of it (a shooting)
_PANDEMIC_MEASURES = frozenset({"border_closure", "trade_suspension", "health_measure",
                                "official_statement", "aid_delivery"})
_PANDEMIC_WORDS = re.compile(r"\b(covid(?:-19)?|coronavirus|pandemic)\b", re.I)
_STATEMENT_PRECISIONS = ("day", "week", "part_of_month", "month", "approx")
_BARE_PERIODS = ("month", "part_of_month", "season")
# a prison term, not time elapsed: "has been jailed for eight years" is no detention since
_TERM_VERBS = re.compile(r"(?i)(jail|imprison|sentenc)")
_SINCE = re.compile(r"\b(throughout|during|since the (start|beginning) of|amid|since)\s+the\s+"
                    r"(pandemic|coronavirus|covid|outbreak)", re.I)
_SINCE_DATE = re.compile(r"\b(since|ever since)\s+(?:(?:the\s+)?(?:start|beginning|end|middle)"
                         r"\s+of\s+)?$", re.I)
_BEFORE_PANDEMIC = re.compile(r"\b(?:before|prior to)\s+the\s+(?:covid(?:-19)?\s+)?"
                              r"(?:pandemic|coronavirus|virus|covid(?:-19)?)\b", re.I)
_PERIOD_END = re.compile(r"(?:the\s+)?end\b", re.I)
_LATER_THIS = re.compile(r"later\s+(?:this|in\s+the)\s+(?:week|month|year)\b", re.I)
_OFFSET_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago)\b", re.I)
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;:]{0,60}\bsince\s+(?:the\s+)?$", re.I)
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.I)
# a clock time names its day only with one of these ("9 a.m. on Monday", "Thursday night");
# a bare "shortly after 9 a.m." is on the day the story is telling, not publication day
_DAY_NAMED = re.compile(rf"(?i:day\b|night|tonight|tomorrow)|\d{{4}}|{lx.MONTH}\s+\d")
_DEADLINE = re.compile(r"\b(?P<prep>before|by|until|till)\s+$", re.I)
_NOT_BEFORE = re.compile(r"\b(?:unlikely|not|never|no)\b", re.I)
_NAME_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'-]*\s+){0,2}(?:Hostel|Street|Stadium|Factory|Complex|Works|Mine|Hall|"
    r"House|Bridge|Square|Park|Hotel|School|University|Plant|Station|Farm|Prize|Movement|"
    r"Club|Theatre|Theater|Hospital|Institute|Shipyard|Enterprise)\b")


@dataclass(frozen=True)
class TimeChoice:
    """The interval chosen for an event and why. ``fallback`` is the interval to use when
    ``bound_by_other`` finds no event to bound an undated one (the publication bound)."""

    start: str | None
    end: str | None
    precision: str
    text: str | None
    reason: str
    duration_days: int | None = None
    fallback: TimeChoice | None = None


def _approx(dct: date, text: str | None, reason: str, days: int = 30) -> TimeChoice:
    return TimeChoice((dct - timedelta(days=days)).isoformat(), dct.isoformat(), "approx",
                      text, reason)


def _with(choice: TimeChoice, duration: int | None) -> TimeChoice:
    return TimeChoice(choice.start, choice.end, choice.precision, choice.text, choice.reason,
                      duration, choice.fallback)


_COMPARED_WITH = re.compile(
    r"\b(?:from|than|over|on|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?$", re.I)
_BASE_PERIOD = re.compile(
    r"^(?:an?|one|the)?\s*(?:year|month|week|quarter)s?\s+(?:earlier|ago|before)$|"
    r"^(?:the\s+)?(?:previous|prior|same)\s+(?:year|month|week|quarter|period)$", re.I)


def _comparison_base(timex: Any, text: str) -> bool:
    """ "exports rose 42 percent from a year earlier": the period compared with, not when
    anything happened."""
    return bool(_BASE_PERIOD.match(timex.text.strip())
                and _COMPARED_WITH.search(text[max(0, timex.start - 20):timex.start]))


_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:a|an|the|its|their|his|her|this|that|'s)\s+$")
_YEAR_ONLY = re.compile(r"\d{4}")
_WORDS_AFTER = re.compile(r"^(?:\s+[a-z][\w-]*){1,3}")  # the noun phrase a year begins


def _describes_other_noun(timex: Any, cand: Candidate, text: str) -> bool:
    """ "tore up a 2018 military pact and began rebuilding the posts": a year inside a noun
    phrase dates that thing, not an event told outside the phrase (but "the 2020 border
    closure" dates the closure, its own head). Such a year yields to the sentence's other
    dates; alone, it is still the best there is ("banned under its 2017 sanctions")."""
    phrase = _WORDS_AFTER.match(text[timex.end:timex.end + 60])
    if not (phrase and _YEAR_ONLY.fullmatch(timex.text.strip())
            and _DETERMINER_BEFORE.search(text[max(0, timex.start - 12):timex.start])):
        return False
    return not timex.end <= cand.trigger_start < timex.end + phrase.end()


def _is_name(timex: Any, text: str) -> bool:
    """ "the April 25 Hostel": a date that begins the name of a place or institution."""
    return bool(_NAME_AFTER.match(text[timex.end:timex.end + 60]))


def _nearest(pool: Sequence[Any], pos: int) -> Any:
    return min(pool, key=lambda t: abs(t.start - pos))


def choose_time(
    cand: Candidate, timexes: Sequence[Any], time_ranges: Sequence[Any], dct: date | None,
    text: str,
) -> TimeChoice:
    """The interval of one candidate (rules of the module doc, in order)."""
    usable = [t for t in timexes if t.type in ("DATE", "TIME") and t.value != "PRESENT_REF"
              and not (t.type == "TIME" and not _DAY_NAMED.search(t.text))
              and cand.sent_start <= t.start < cand.sent_end and t.interval_start
              and not _is_name(t, text) and not _comparison_base(t, text)
              and _dates_candidate(cand, t.start)]
    usable = [t for t in usable if not _describes_other_noun(t, cand, text)] or usable
    usable = [t for t in usable if not _FIRST_SINCE.search(text[max(0, t.start - 90):t.start])
              ]  # "last month ... for the first time since 2020": the gap's start, no date
    durations = [t for t in timexes if t.type == "DURATION" and cand.sent_start <= t.start
                 < cand.sent_end and t.duration_days
                 and not _OFFSET_AFTER.match(text[t.end:t.end + 12])]  # "five years after"
    duration = _nearest(durations, cand.trigger_start).duration_days if durations else None
    sentence = text[cand.sent_start:cand.sent_end]
    if cand.background_clause:  # "running again in January, for the first time since the
        usable = [t for t in usable  # border closed": only the clause's own dates date it
                  if cand.clause_start <= t.start < cand.clause_end]
        time_ranges = [r for r in time_ranges if cand.clause_start <= r.start < cand.clause_end]
        if not usable and dct is not None:
            return TimeChoice(None, dct.isoformat(), "unknown", None,
                              "publication: told in a since/before/until clause, as background")
    choice = (_statement_day(cand, usable, dct) or _dated(cand, usable, time_ranges, dct, text)
              or _undated(cand, sentence, dct))
    # "has been closed for three months": [DCT - 3 months, DCT]; but "has been jailed for
    # eight years" tells a prison term, not the time since
    term = cand.type == "punishment" or _TERM_VERBS.match(
        text[cand.trigger_start:cand.trigger_end])
    if duration and dct and choice.reason.startswith("perfect:") and not term:
        choice = _approx(dct, None, f"perfect: for {duration} days up to publication",
                         days=duration)
    return _with(choice, duration)


def _dates_candidate(cand: Candidate, position: int) -> bool:
    """A date can date the candidate unless the candidate sits in a relative or adjectival
    clause that does not hold the date, or the date sits in one that describes something
    else (the ``modifier`` rule of the module doc)."""
    if cand.modifier is not None:
        return cand.modifier[0] <= position < cand.modifier[1]
    return not any(start <= position < end for start, end in cand.foreign_modifiers)


def _statement_day(cand: Candidate, usable: Sequence[Any], dct: date | None) -> TimeChoice | None:
    """Rule 1: an official statement runs from the day named in its clause to publication."""
    if cand.type != "official_statement" or dct is None:
        return None
    made = {id(t): _made_on(t, cand, dct) for t in usable}
    pool = [t for t in usable if (cand.participle or cand.after_clause
                                  or cand.clause_start <= t.start
                                  < cand.clause_end)
            and (t.precision in _STATEMENT_PRECISIONS
                 or (t.precision == "year" and (t.interval_end or "") < dct.isoformat()))
            and (made[id(t)] or _NEVER) <= dct.isoformat()
            and not (cand.said and cand.said[0] <= t.start < cand.said[1]
                     and (t.interval_end or "") > dct.isoformat())]
    if not pool:
        return None
    best = _nearest(pool, cand.trigger_start)
    if best.value == "PAST_REF":
        return _approx(dct, best.text, "statement.day: made recently")
    return TimeChoice(made[id(best)], dct.isoformat(), "day", best.text,
                      "statement.day: from the day it was made to publication: " + best.reason)


_NEVER = "9999-12-31"  # the start of a date that cannot have been a statement's day


def _made_on(timex: Any, cand: Candidate, dct: date) -> str | None:
    """The start of a date a statement was made on. A statement told in the past cannot
    be made after publication: a day whose year was only guessed from the tense and that
    falls after the DCT ("insisted in a statement on June 23rd", in May) is last year's."""
    start: str | None = timex.interval_start
    if start and start > dct.isoformat() and cand.tense == "past" \
            and timex.precision == "day" and "year from DCT and tense" in timex.reason:
        earlier = date.fromisoformat(start)
        try:
            start = earlier.replace(year=earlier.year - 1).isoformat()
        except ValueError:  # 29 February
            return None
    return start


def _dated(cand: Candidate, usable: Sequence[Any], time_ranges: Sequence[Any],
           dct: date | None, text: str) -> TimeChoice | None:
    """Rules 2-6: the interval from a date expression of the sentence."""
    if cand.type == "official_statement":
        return None
    in_clause = [t for t in usable if cand.clause_start <= t.start < cand.clause_end]
    sentence_ranges = [r for r in time_ranges if cand.sent_start <= r.start < cand.sent_end
                       and _dates_candidate(cand, r.start) and not all(
                           p.type == "TIME" and not _DAY_NAMED.search(p.text)
                           for p in r.parts)]  # "open only between 2pm and 6pm": hours
    nearest = _nearest(in_clause, cand.trigger_start) if in_clause else None
    for rng in sentence_ranges:  # a date of the clause nearer the trigger outranks a range
        if nearest is not None and nearest not in rng.parts:  # ("restarted in January,
            continue  # and imports rose in February and March")
        start, end = _shift_future(rng.interval_start, rng.interval_end, rng.precision,
                                   cand, dct, rng.text)
        return TimeChoice(start, end, rng.precision, rng.text, "range: " + rng.reason)
    if in_clause:
        return _from_timex(cand, _nearest(in_clause, cand.trigger_start), dct, "clause", text)
    outside = [t for t in usable if not cand.clause_start <= t.start < cand.clause_end]
    if cand.after_clause:
        return _after(dct, outside, cand)
    if cand.reported_by and outside:
        return _reported(cand, outside)
    earlier = [t for t in outside if t.end <= cand.clause_start and t.interval_start
               and t.interval_start <= dct.isoformat()] \
        if cand.since_then and dct is not None else []
    if earlier:  # "sealed its borders in late January 2020 and has since required goods
        best = _nearest(earlier, cand.trigger_start)  # to be held in quarantine"
        return TimeChoice(best.interval_start, dct.isoformat() if dct else None, "approx",
                          best.text, "since then: from the date told before to publication: "
                          + best.reason)
    if cand.tense == "present_perfect" and cand.clause_start > cand.sent_start:
        return None  # "shut its borders in early 2020 and has partially reopened them"
    if usable and cand.sequel and dct is not None:  # "arrested in early February, and
        best = _nearest(usable, cand.trigger_start)  # three were later given terms"
        if best.interval_start and best.interval_start <= dct.isoformat():
            return TimeChoice(best.interval_start, dct.isoformat(), "unknown", best.text,
                              "sequel: later than the sentence's date: " + best.reason)
    if usable:
        return _from_timex(cand, _nearest(usable, cand.trigger_start), dct, "sentence", text)
    return None


def _from_timex(cand: Candidate, best: Any, dct: date | None, rule: str,
                text: str) -> TimeChoice:
    """The interval of one date expression for the candidate (rules 3 and 6); after
    "since", from that date to publication, except for the event of a clause describing
    the date itself ("since January, when it shut its border": the shutting was in
    January)."""
    if best.value == "PAST_REF" and dct is not None:
        return _approx(dct, best.text, f"{rule}: recently: {best.reason}")
    describes_date = (cand.modifier is not None and 0 <= cand.modifier[0] - best.end <= 3) or (
        cand.trigger_start > best.end and best.start - 3 <= cand.clause_start <= best.end + 3
        and _WHEN_AFTER.match(text[best.end:best.end + 8]))  # its "when" clause, from the
    # date it hangs on ("since January, when it shut its border") or just after it
    if dct is not None and best.interval_start <= dct.isoformat() and not describes_date \
            and _SINCE_DATE.search(text[max(0, best.start - 30):best.start]):
        return TimeChoice(best.interval_start, dct.isoformat(), "approx", best.text,
                          f"since: from the date named to publication: {rule}: {best.reason}")
    if cand.modality == "expected" and dct is not None and _LATER_THIS.match(best.text) \
            and best.interval_end and best.interval_end >= dct.isoformat():
        return TimeChoice(dct.isoformat(), best.interval_end, "approx", best.text,
                          f"later: from publication to the end of the period: {rule}: "
                          f"{best.reason}")  # "will be shipped later this month"
    start, end = _shift_future(best.interval_start, best.interval_end, best.precision,
                               cand, dct, best.text)
    deadline = _DEADLINE.search(text[max(0, best.start - 10):best.start])
    if cand.modality == "expected" and dct is not None and deadline and start and end \
            and start > dct.isoformat():  # "will be extended before winter": from now on
        if _NOT_BEFORE.search(text[cand.sent_start:best.start]):  # "unlikely to reopen
            return TimeChoice(start, None, "unknown", best.text,  # before spring": after
                              f"deadline: not before the date: {rule}: {best.reason}")
        last = (date.fromisoformat(start) - timedelta(days=1)).isoformat() \
            if deadline["prep"].lower() == "before" and not _PERIOD_END.match(best.text) \
            else end  # "before July": June at the latest; "before the end of the year": December
        return TimeChoice(dct.isoformat(), last, "approx", best.text,
                          f"deadline: from publication to {deadline['prep'].lower()} the "
                          f"date: {rule}: {best.reason}")
    if cand.modality == "expected" and dct is not None and deadline and start and end \
            and start <= dct.isoformat() < end:  # "could resume before the end of the year"
        return TimeChoice(dct.isoformat(), end, "approx", best.text,
                          f"deadline: from publication to the end of the period: {rule}: "
                          f"{best.reason}")
    if cand.modality not in ("expected", "negated") and deadline \
            and deadline["prep"].lower() == "before" \
            and start and not _PERIOD_END.match(best.text):  # "had crossed before 2020":
        last = (date.fromisoformat(start) - timedelta(days=1)).isoformat()  # by 2019's end
        return TimeChoice(None, last, "unknown", best.text,
                          f"before: ended before the date: {rule}: {best.reason}")
    if cand.modality != "expected" and cand.tense in ("past", "present_perfect") and dct \
            and start and start > dct.isoformat():  # "reopened a day later": of what?
        return TimeChoice(None, dct.isoformat(), "unknown", best.text,
                          f"{rule}: a past event cannot come after publication: {best.reason}")
    # (a period still running at publication is the expected event's period)
    if cand.modality == "expected" and start and dct and start <= dct.isoformat() \
            and best.precision not in _BARE_PERIODS and not (end and end > dct.isoformat()):
        return TimeChoice(start, None, "unknown", best.text,
                          f"{rule}: expected, from the start of: {best.reason}")
    return TimeChoice(start, end, best.precision, best.text, f"{rule}: {best.reason}")


def _after(dct: date | None, outside: Sequence[Any], cand: Candidate) -> TimeChoice:
    """Rule 4: an event in an "after ..." clause is left to ``bound_by_other``; its fallback
    is [open, the end of the sentence's other date], else the publication bound."""
    before = [t for t in outside if t.interval_end]
    fallback: TimeChoice | None = None
    if before:
        best = _nearest(before, cand.trigger_start)
        fallback = TimeChoice(None, best.interval_end, "unknown", best.text,
                              "after: before the event it led to: " + best.reason)
    elif dct is not None:
        fallback = _publication(cand, dct)
    return TimeChoice(None, None, "unknown", None, "after: in an 'after' clause",
                      fallback=fallback)


def _reported(cand: Candidate, outside: Sequence[Any]) -> TimeChoice:
    """Rule 5: the date of the report that governs the trigger bounds the event."""
    best = min(outside, key=lambda t: min(abs(t.start - cand.clause_start),
                                          abs(t.start - cand.clause_end)))
    if cand.modality == "expected":
        return TimeChoice(best.interval_start, None, "unknown", best.text,
                          "report: expected, from the report's date: " + best.reason)
    if cand.tense == "past" and best.precision in ("month", "part_of_month", "year"):
        return TimeChoice(best.interval_start, best.interval_end, best.precision, best.text,
                          "report: in the report's period: " + best.reason)  # "In July 2020,
        # state media said the country had declared an emergency": a day would be too fine
    return TimeChoice(None, best.interval_end, "unknown", best.text,
                      "report: before the report's date: " + best.reason)


_EARLIER_BEFORE = re.compile(r"\b(?:previously|earlier|had(?: \w+ly)?)\s+$", re.I)
_EARLIER_AFTER = re.compile(r"\s+(?:at the time|previously|earlier)\b", re.I)


def _undated(cand: Candidate, sentence: str, dct: date | None) -> TimeChoice:
    """Rules 7-10: no date expression for the event in its sentence."""
    if dct is None:
        return TimeChoice(None, None, "unknown", None, "no date and no publication date")
    before = _dating_match(_BEFORE_PANDEMIC, cand, sentence)
    if before and cand.modality not in ("expected", "negated") and dct >= _PANDEMIC_START:
        return TimeChoice(None, (_PANDEMIC_START - timedelta(days=1)).isoformat(), "unknown",
                          before.group(0), "pandemic: before the pandemic began")
    since = _dating_match(_SINCE, cand, sentence)  # not "citizens who were stranded during"
    if since and cand.modality != "expected" and dct >= _PANDEMIC_START and (  # "could face
            cand.type != "official_statement"  # ten years under rules introduced during
            or cand.tense == "present_perfect"):  # the pandemic"; "says it will let those
        # stuck since ... return"; before 2020, "since the outbreak" is another one's
        return TimeChoice(_PANDEMIC_START.isoformat(), dct.isoformat(), "approx",
                          since.group(0), "pandemic: since the start of the pandemic")
    virus = _PANDEMIC_WORDS.search(sentence)
    if virus and _PANDEMIC_START <= dct <= _PANDEMIC_END and cand.modality != "expected" \
            and cand.type in _PANDEMIC_MEASURES \
            and (cand.type != "official_statement" or cand.tense != "past"):
        return TimeChoice(_PANDEMIC_START.isoformat(), dct.isoformat(), "approx",
                          virus.group(0), "pandemic: an undated act against or claim about "
                          "the virus, since the pandemic began")
    if cand.tense == "present_perfect" and cand.modality != "expected":
        return _approx(dct, None, "perfect: undated present perfect: [DCT-30d, DCT]")
    if cand.type == "official_statement":
        start, end = cand.trigger_start - cand.sent_start, cand.trigger_end - cand.sent_start
        earlier = _EARLIER_BEFORE.search(sentence[max(0, start - 20):start]) or \
            _EARLIER_AFTER.match(sentence[end:end + 20])  # "had said", "said at the time"
        if earlier:  # "North Korea said at the time that ...", "had said"
            return TimeChoice(None, dct.isoformat(), "unknown", earlier.group(0),
                              "statement.earlier: made before publication, day not told")
        return TimeChoice(dct.isoformat(), dct.isoformat(), "day", None,
                          "statement.publication: made on the day of publication")
    return _publication(cand, dct)


def _dating_match(pattern: re.Pattern[str], cand: Candidate, sentence: str
                  ) -> re.Match[str] | None:
    """The first match of ``pattern`` in the candidate's sentence that may date it (not one
    inside a clause that describes something else)."""
    return next((m for m in pattern.finditer(sentence)
                 if _dates_candidate(cand, cand.sent_start + m.start())), None)


def _publication(cand: Candidate, dct: date) -> TimeChoice:
    """Rule 10: the publication date bounds an undated event."""
    if cand.modality == "expected":
        return TimeChoice(dct.isoformat(), None, "unknown", None,
                          "publication: expected after publication")
    return TimeChoice(None, dct.isoformat(), "unknown", None,
                      "publication: happened by publication")


_YEAR_NAMED = re.compile(r"\b\d{4}\b|'\d\d\b")


def _shift_future(
    start: str | None, end: str | None, precision: str, cand: Candidate, dct: date | None,
    text: str = "",
) -> tuple[str | None, str | None]:
    """An expected event dated by a bare month or season that resolved into the past is the
    coming one (a past day is the day of the plan, never a day a year on; "December 2017"
    names its year, so it stays), unless it was offered or pledged then ("Seoul offered in
    mid-May to send vaccines")."""
    if cand.modality != "expected" or dct is None or not end or end >= dct.isoformat() \
            or precision not in _BARE_PERIODS or _YEAR_NAMED.search(text) \
            or cand.offer_made:
        return start, end  # "Seoul offered in mid-May to send ...": the offer was made then

    def bump(value: str | None) -> str | None:
        if value is None:
            return None
        day = date.fromisoformat(value)
        try:
            return day.replace(year=day.year + 1).isoformat()
        except ValueError:  # 29 February: the next year's month ends on the 28th
            return day.replace(year=day.year + 1, day=28).isoformat()

    return bump(start), bump(end)


def bound_by_other(cand: Candidate, others: Iterable[tuple[Candidate, TimeChoice]],
                   text: str) -> TimeChoice | None:
    """An undated event in an "after ..." clause of a dated event happened before it; with no
    such event, the candidate's own fallback (the publication bound) applies."""
    own: TimeChoice | None = None
    for other, when in others:
        if other is cand:
            own = when
            continue
        if other.sent_start != cand.sent_start or not when.end:
            continue
        between = text[other.trigger_end:cand.trigger_start]
        if other.trigger_start < cand.trigger_start and re.search(r"\bafter\b", between):
            return TimeChoice(None, when.end, "unknown", None,
                              f"after: before the {other.type} it led to (ends {when.end})")
    return own.fallback if own is not None else None


_INFERRED = ("approx", "unknown")
_FINENESS = {"day": 0, "week": 1, "part_of_month": 2, "month": 3, "quarter": 4, "season": 4,
             "year": 5}


def sharper(told: TimeChoice, again: TimeChoice) -> TimeChoice:
    """The interval of an event told first as ``told`` and restated as ``again``: the
    restatement's when it names a finer date inside an interval the first telling only
    inferred or gave more coarsely ("has executed five officials" ... "the men were shot
    last month"; "a year ago" ... "in July 2023"; "earlier this month" ... "on October 9")."""
    if again.precision in _INFERRED or not (again.start and again.end):
        return told
    if told.precision not in _INFERRED and not (
            told.precision in _FINENESS and again.precision in _FINENESS
            and _FINENESS[again.precision] < _FINENESS[told.precision]):
        return told
    if (told.end and again.start > told.end) or (told.start and again.end < told.start):
        return told  # a date outside what was inferred is no sharper view of it
    return replace(again, reason="restatement: " + again.reason)


_AGAIN = re.compile(r"^,?\s*(?:and|but|then)\s+(?:again|then|later|once more)\s+(?:in|on|at|"
                    r"during|by)?\s*$", re.I)


def repeated(cand: Candidate, when: TimeChoice, timexes: Sequence[Any], dct: date | None,
             text: str) -> list[TimeChoice]:
    """More occasions of one act told with one verb: "was sealed in mid-January and again
    at the end of February" is a second sealing, dated by the second expression."""
    if cand.type == "official_statement" or not when.text or dct is None:
        return []
    dates = sorted((t for t in timexes if t.type == "DATE" and t.interval_start
                    and cand.clause_start <= t.start < cand.clause_end), key=lambda t: t.start)
    current = next((t for t in dates if t.text == when.text
                    and t.interval_start == when.start), None)
    out: list[TimeChoice] = []
    if current is None:
        return out
    for before, after in zip(dates, dates[1:], strict=False):
        if before is current and _AGAIN.match(text[before.end:after.start]):
            out.append(TimeChoice(after.interval_start, after.interval_end, after.precision,
                                  after.text, "again: a further occasion: " + after.reason))
            current = after
    return out

