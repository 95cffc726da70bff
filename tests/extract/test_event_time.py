"""The time choice of one event candidate (``extract/event_time.py``), rule by rule."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.extract import event_time as et
from koreawatch.extract import events as ev
from koreawatch.extract.attribution import find_attributions
from koreawatch.extract.nlp import parse
from koreawatch.extract.time import ranges, tag

DCT = date(2021, 3, 15)  # a Monday


def timed(text: str, dct: date | None = DCT) -> list[tuple[ev.Candidate, et.TimeChoice]]:
    norm, doc = parse(text)
    timexes = tag(norm.text, dct, doc=doc) if dct else []
    spans = ranges(norm.text, dct, timexes) if dct else []
    found = ev.find_candidates(doc, find_attributions(doc))
    return [(c, et.choose_time(c, timexes, spans, dct, norm.text)) for c in found]


def first_of(text: str, etype: str) -> et.TimeChoice:
    return next(w for c, w in timed(text) if c.type == etype)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "start", "end", "rule"),
    [
        ("KCNA said on Thursday that the country had no cases of the virus.",
         "2021-03-11", "2021-03-15", "statement.day"),
        ("State media said the country had no cases of the virus.",
         "2021-03-15", "2021-03-15", "statement.publication"),
        ("The harvest was twice that of the year before, KCNA said.",
         "2021-03-15", "2021-03-15", "statement.publication"),
        ("North Korea has denied that it has any cases of the virus.",
         "2021-02-13", "2021-03-15", "perfect"),
        ("The regime has claimed throughout the pandemic that it has no cases.",
         "2020-01-01", "2021-03-15", "pandemic"),
    ],
)
def test_choose_time_statement_runs_from_the_day_made_to_publication(
        sentence: str, start: str, end: str, rule: str) -> None:
    when = first_of(sentence, "official_statement")
    assert (when.start, when.end) == (start, end)
    assert when.reason.startswith(rule + ":")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "etype", "start", "end", "rule"),
    [
        ("Guards arrested three traders near the river in early February.", "arrest",
         "2021-02-01", "2021-02-10", "clause"),
        ("Trade with China could resume between April and June.", "trade_resumption",
         "2021-04-01", "2021-06-30", "range"),
        ("The authorities executed two smugglers in public.", "punishment",
         None, "2021-03-15", "publication"),
        ("The regime is expected to reopen the border to trucks.", "border_reopening",
         "2021-03-15", None, "publication"),
        ("The country has sealed its border with China.", "border_closure",
         "2021-02-13", "2021-03-15", "perfect"),
    ],
)
def test_choose_time_rule_gives_interval(sentence: str, etype: str, start: str | None,
                                         end: str | None, rule: str) -> None:
    when = first_of(sentence, etype)
    assert (when.start, when.end) == (start, end), when
    assert when.reason.startswith(rule + ":")


@pytest.mark.model
def test_choose_time_expected_event_dated_by_a_past_day_starts_then() -> None:
    when = first_of("On Tuesday, Washington proposed to blacklist ten ships trading with "
                    "North Korea.", "trade_suspension")
    assert (when.start, when.end, when.precision) == ("2021-03-09", None, "unknown")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "start", "end"), [
    # a forecast for the year of publication is that year; for a past one, from then on
    ("Analysts expect trade with China to climb further this year.", "2021-01-01",
     "2021-12-31"),
    ("In 2019 the ministry planned to resume trade with China.", "2019-01-01", None),
])
def test_choose_time_expected_in_the_current_year_is_that_year(
        sentence: str, start: str, end: str | None) -> None:
    when = first_of(sentence, "trade_resumption")
    assert (when.start, when.end) == (start, end)


@pytest.mark.model
def test_choose_time_expected_event_in_a_past_month_is_the_coming_one() -> None:
    when = first_of("North Korea will reopen the border in February.", "border_reopening")
    assert (when.start, when.end) == ("2022-02-01", "2022-02-28")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "start", "end", "precision"), [
    # from publication up to the day before the coming season or month
    ("The double fence will likely be extended upstream before winter.", "2021-03-15",
     "2021-11-30", "approx"),
    ("North Korea will reopen the border by June.", "2021-03-15", "2021-06-30", "approx"),
    # not before it: from then on
    ("North Korea is unlikely to reopen the border before next spring.", "2022-03-01",
     None, "unknown"),
])
def test_choose_time_expected_before_a_coming_date(sentence: str, start: str,
                                                   end: str | None, precision: str) -> None:
    when = next(w for c, w in timed(sentence) if c.modality == "expected")
    assert (when.start, when.end, when.precision) == (start, end, precision)
    assert when.reason.startswith("deadline")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "end"), [
    # "later this month/year": from publication to the end of the period, not its last part
    ("A second consignment of flour is expected to arrive later this month.", "2021-03-31"),
    ("Chinese tour groups are expected to return later this year.", "2021-12-31"),
])
def test_choose_time_later_this_runs_from_publication(sentence: str, end: str) -> None:
    when = next(w for c, w in timed(sentence) if c.modality == "expected")
    assert (when.start, when.end, when.precision) == ("2021-03-15", end, "approx")


@pytest.mark.model
def test_choose_time_a_past_event_told_in_a_report_of_a_year_is_of_that_year() -> None:
    # as of a month ("In July 2020, state media said ..."), a report dated only by its
    # year places what it tells in that year
    when = first_of("In 2020 the commander of US Forces Korea said troops had been ordered to "
                    "shoot anyone approaching the border.", "security_reinforcement")
    assert (when.start, when.end, when.precision) == ("2020-01-01", "2020-12-31", "year")


@pytest.mark.model
def test_choose_time_a_where_clause_goes_on_at_the_time_of_its_sentence() -> None:
    when = first_of("In early April 2012 she was driven back to Hyesan, where she was "
                    "locked in a holding centre.", "arrest")
    assert (when.start, when.end) == ("2012-04-01", "2012-04-10")


@pytest.mark.model
def test_choose_time_a_clause_set_off_by_a_comma_goes_on_at_the_time_of_its_sentence() -> None:
    when = first_of("Last week, about 200 were handed to State Security officers, who took "
                    "them into custody.", "arrest")
    assert (when.start, when.end) == ("2021-03-08", "2021-03-14")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "start", "end"), [
    # a bare clock time is on the day the story tells, which this sentence does not name
    ("Roughly 70 tourists in three coaches drove over the Friendship Bridge shortly after "
     "9 a.m.", None, "2021-03-15"),
    ("Three coaches drove over the Friendship Bridge at 9 a.m. on Thursday.", "2021-03-11",
     "2021-03-11"),
])
def test_choose_time_a_clock_time_dates_only_with_its_day(sentence: str, start: str | None,
                                                         end: str) -> None:
    when = first_of(sentence, "border_reopening")
    assert (when.start, when.end) == (start, end)


@pytest.mark.model
def test_choose_time_date_in_a_facility_name_is_no_date() -> None:
    when = first_of("The workers were arrested at the April 25 Hostel.", "arrest")
    assert (when.start, when.end) == (None, "2021-03-15")


@pytest.mark.model
def test_choose_time_report_date_after_the_clause_bounds_a_past_event() -> None:
    when = first_of("A tanker has transferred oil to North Korean ships at sea, an official "
                    "said on Friday.", "smuggling")
    assert (when.start, when.end) == (None, "2021-03-12")
    assert when.reason.startswith("report:")


@pytest.mark.model
def test_choose_time_a_report_of_a_month_dates_a_past_event_in_it() -> None:
    when = first_of("In July 2020, state media said the country had locked down the border "
                    "city of Kaesong.", "health_measure")
    assert (when.start, when.end, when.precision) == ("2020-07-01", "2020-07-31", "month")
    assert when.reason.startswith("report: in the report's period")


@pytest.mark.model
def test_choose_time_a_said_with_no_subject_is_no_report() -> None:
    # illustrative; the parser takes "said" (of "a crowd said to number") for the root
    when = first_of("The three were shot by a firing squad on the edge of Hyesan, in "
                    "Ryanggang Province, on Monday, in front of a crowd said to number more "
                    "than 2,000.", "punishment")
    assert (when.start, when.end) == ("2021-03-15", "2021-03-15")


@pytest.mark.model
def test_choose_time_the_pandemic_in_a_participants_clause_dates_nothing() -> None:
    # "during the pandemic" tells when the citizens were stranded, not when they return
    when = first_of("North Korea is letting citizens who were stranded in China during the "
                    "pandemic return home.", "border_reopening")
    assert not when.reason.startswith("pandemic")
    when = first_of("North Korea let a few citizens return home from China during the "
                    "pandemic.", "border_reopening")
    assert when.reason.startswith("pandemic")


@pytest.mark.model
def test_choose_time_since_the_outbreak_before_2020_is_not_the_pandemic() -> None:
    # an outbreak told of in 2019 (swine fever) is not the pandemic, which began later
    (_cand, when), *_ = timed("The whole county has been sealed off since the outbreak was "
                              "reported.", dct=date(2019, 6, 13))
    assert when.end == "2019-06-13" and (when.start or "") <= when.end
    assert not when.reason.startswith("pandemic")


@pytest.mark.model
def test_choose_time_no_publication_date_gives_no_interval() -> None:
    (_cand, when), *_ = timed("The authorities executed two smugglers in public.", dct=None)
    assert (when.start, when.end) == (None, None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "end", "rule"),
    [
        ("Kim apologised yesterday after a fisherman was killed at sea by border guards.",
         "2021-03-14", "after"),
        ("Kim apologised after a fisherman was killed at sea by border guards.",
         "2021-03-15", "publication"),
    ],
)
def test_bound_by_other_after_clause_is_bounded(text: str, end: str, rule: str) -> None:
    pairs = timed(text)
    after = [(c, w) for c, w in pairs if c.after_clause]
    assert after, pairs
    cand, when = after[0]
    assert (when.start, when.end) == (None, None)
    bounded = et.bound_by_other(cand, pairs, text)
    assert bounded is not None
    assert (bounded.start, bounded.end) == (None, end)
    assert bounded.reason.startswith(rule + ":")


@pytest.mark.model
def test_choose_time_event_in_a_modifier_clause_ignores_the_main_clause_date() -> None:
    when = first_of("The Sea Star, a tanker suspected of transferring oil to North Korea "
                    "illegally, is seen in a picture taken on December 29, 2020.", "smuggling")
    assert (when.start, when.end) == (None, "2021-03-15")


@pytest.mark.model
def test_choose_time_date_of_a_clause_about_a_participant_dates_nothing_else() -> None:
    pairs = timed("In July, a man who had defected three years ago crossed back over the "
                  "border into the North.")
    crossings = {(w.start, w.end) for c, w in pairs if c.type == "illegal_crossing"}
    assert ("2020-07-01", "2020-07-31") in crossings  # crossed back: the main clause
    assert ("2018-01-01", "2018-12-31") in crossings  # defected: its own clause


@pytest.mark.model
def test_choose_time_since_a_date_runs_to_publication() -> None:
    when = first_of("The country has been subjected to U.N. sanctions since 2006.",
                    "trade_suspension")
    assert (when.start, when.end, when.precision) == ("2006-01-01", "2021-03-15", "approx")
    assert when.reason.startswith("since:")


@pytest.mark.model
def test_choose_time_date_of_a_concessive_clause_stays_there() -> None:
    pairs = timed("Experts said the North kept up illicit exports of coal, though it suspended "
                  "these between late January and early March.")
    halt = next(w for c, w in pairs if c.type == "trade_suspension")
    assert (halt.start, halt.end) == ("2021-01-21", "2021-03-10")
    smuggling = next(w for c, w in pairs if c.type == "smuggling")
    assert smuggling.start is None  # not dated by the suspension's range


@pytest.mark.model
def test_choose_time_statement_participle_takes_the_main_clause_date() -> None:
    pairs = timed("Last week, North Korea threatened to cancel the meeting over the drills, "
                  "claiming that they were a rehearsal for an invasion.")
    claiming = [w for c, w in pairs if c.type == "official_statement"]
    assert claiming and all(w.start == "2021-03-08" for w in claiming)


@pytest.mark.model
def test_choose_time_the_clause_own_date_outranks_a_range_told_after_it() -> None:
    # illustrative: the reopening is dated by "in January", not by the imports' range
    text = ("Freight trains between Dandong and Sinuiju restarted in January, and customs "
            "data showed imports from China rising in February and March.")
    reopening = first_of(text, "border_reopening")
    assert (reopening.start, reopening.end) == ("2021-01-01", "2021-01-31")
    rising = first_of(text, "trade_resumption")
    assert (rising.start, rising.end) == ("2021-02-01", "2021-03-31")


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "span"), [
    # illustrative: the year describes the pact, not the rebuilding
    ("In November last year, the North tore up a 2018 military pact and began rebuilding "
     "the guard posts.", "security_reinforcement", ("2020-11-01", "2020-11-30")),
    # alone, it is still the best date there is
    ("Under its 2017 sanctions, the council banned coal exports.", "trade_suspension",
     ("2017-01-01", "2017-12-31")),
])
def test_choose_time_a_year_inside_another_noun_phrase_yields(text: str, etype: str,
                                                              span: tuple[str, str]) -> None:
    choice = first_of(text, etype)
    assert (choice.start, choice.end) == span


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "etype", "end"), [
    # illustrative: a past event "before" a date ended by the day before it
    ("Most of the women had crossed the Tumen River before 2020.", "illegal_crossing",
     "2019-12-31"),
    ("Police arrested the smugglers before March 2020, the ministry said.", "arrest",
     "2020-02-29"),
    # "before the pandemic" (the virus, COVID-19): by the end of 2019
    ("Many of those who escaped before the pandemic crossed near Musan.",
     "illegal_crossing", "2019-12-31"),
])
def test_choose_time_a_past_event_before_a_date_ends_before_it(sentence: str, etype: str,
                                                               end: str) -> None:
    when = first_of(sentence, etype)
    assert (when.start, when.end, when.precision) == (None, end, "unknown")


@pytest.mark.model
def test_choose_time_before_the_end_of_a_period_is_no_bound_before_it() -> None:
    # illustrative: "before the end of 2020" ends with 2020, not before it
    when = first_of("The guards were rotated before the end of 2020.",
                    "security_reinforcement")
    assert when.end != "2019-12-31"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "start", "end"), [
    # a period still running at publication is the expected event's interval
    ("North Korea is due to receive 1.99 million doses in the first half of the year.",
     "2021-01-01", "2021-06-30"),
    # a past day is where the plan starts
    ("The ministry said on March 8 it would lift the blockade of the city.", "2021-03-08",
     None),
])
def test_choose_time_expected_in_a_running_period_is_that_period(sentence: str, start: str,
                                                                 end: str | None) -> None:
    when = next(w for c, w in timed(sentence) if c.modality == "expected")
    assert (when.start, when.end) == (start, end)


@pytest.mark.model
def test_choose_time_the_first_since_a_date_is_not_dated_by_it() -> None:
    # illustrative: the gap began in 2020; the tourists came later, on a day not told here
    when = first_of("They were the first Western holidaymakers allowed into North Korea "
                    "since early 2020.", "border_reopening")
    assert when.start is None and when.end == "2021-03-15"


@pytest.mark.model
def test_choose_time_a_coming_february_after_a_leap_year_ends_on_the_28th() -> None:
    # illustrative: February 2020 had 29 days, February 2021 has 28; never an interval
    # that ends before it starts
    pairs = timed("Officials plan to reopen the bridge in February.", date(2020, 7, 26))
    when = next(w for c, w in pairs if c.type == "border_reopening")
    assert (when.start, when.end) == ("2021-02-01", "2021-02-28")


@pytest.mark.model
def test_choose_time_a_range_of_hours_dates_nothing() -> None:
    # illustrative: "between 2pm and 6pm" are opening hours, not the day of the order
    when = first_of("In February, markets were ordered to open only between 2pm and 6pm.",
                    "crackdown")
    assert (when.start, when.end) == ("2021-02-01", "2021-02-28")
