"""Unit tests for koreawatch.extract.time (time-expression tagging and normalisation)."""

from __future__ import annotations

import datetime as dt

import pytest

from koreawatch.extract.nlp import parse
from koreawatch.extract.time import Timex, document_timexes, jsonl_timexes, ranges, tag

DCT = dt.date(2021, 3, 15)  # a Monday


def only(text: str, dct: dt.date = DCT) -> Timex:
    """The single timex of ``text`` (fails when there are zero or several)."""
    found = tag(text, dct)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def find(text: str, needle: str, dct: dt.date = DCT) -> Timex:
    for t in tag(text, dct):
        if t.text == needle:
            return t
    raise AssertionError(f"{needle!r} not tagged in {[t.text for t in tag(text, dct)]}")


@pytest.mark.parametrize(
    ("text", "needle", "value", "start", "end", "precision"),
    [
        ("Back in January, prices rose.", "January", "2021-01", "2021-01-01", "2021-01-31",
         "month"),
        ("At the start of February the talks stalled.", "the start of February", "2021-02",
         "2021-02-01", "2021-02-10", "part_of_month"),
        ("It happened early in March.", "early in March", "2021-03", "2021-03-01",
         "2021-03-10", "part_of_month"),
        ("Officials met in mid March.", "mid March", "2021-03", "2021-03-11", "2021-03-20",
         "part_of_month"),
        ("The test was in late February.", "late February", "2021-02", "2021-02-21",
         "2021-02-28", "part_of_month"),
    ],
)
def test_month_part_interval(text, needle, value, start, end, precision):
    t = find(text, needle)
    assert (t.type, t.value) == ("DATE", value)
    assert (t.interval_start, t.interval_end, t.precision) == (start, end, precision)
    assert t.text == text[t.start : t.end]


@pytest.mark.parametrize(
    ("text", "needle", "mod"),
    [
        ("It happened early in March.", "early in March", "START"),
        ("Officials met in mid March.", "mid March", "MID"),
        ("The test was in late February.", "late February", "END"),
        ("Growth slowed in late 2020.", "late 2020", "END"),
    ],
)
def test_month_part_mod(text, needle, mod):
    assert find(text, needle).mod == mod


@pytest.mark.parametrize(
    ("text", "needle", "start", "end"),
    [
        ("The border was sealed in the first week of March.", "the first week of March",
         "2021-03-01", "2021-03-07"),
        ("Trade stopped in the second week of February.", "the second week of February",
         "2021-02-08", "2021-02-14"),
        ("It happened in the last week of February.", "the last week of February",
         "2021-02-22", "2021-02-28"),
        ("They met in the last week of last month.", "the last week of last month",
         "2021-02-22", "2021-02-28"),
    ],
)
def test_week_of_month_is_seven_days_of_that_month(text, needle, start, end):
    t = find(text, needle)
    assert (t.interval_start, t.interval_end, t.precision) == (start, end, "week")


@pytest.mark.parametrize(
    ("text", "needle", "day"),
    [
        ("Police arrested two smugglers on the 5th.", "the 5th", "2021-03-05"),
        ("It happened on the 20th.", "the 20th", "2021-02-20"),  # still to come in March
        ("He will arrive on the 20th.", "the 20th", "2021-03-20"),
        ("He will arrive on the 2nd.", "the 2nd", "2021-04-02"),
        ("They met on the 3rd of last month.", "the 3rd of last month", "2021-02-03"),
    ],
)
def test_day_of_month_resolves_by_publication_month_and_tense(text, needle, day):
    t = find(text, needle)
    assert (t.interval_start, t.interval_end, t.precision) == (day, day, "day")
    assert "date.day_of_month" in t.reason


@pytest.mark.parametrize("text", ["Delegates met on the 8th Party Congress.",
                                  "It fell on the 5th anniversary of the test.",
                                  "It happened on the 31st."])  # February has no 31st
def test_ordinals_that_are_no_day_of_month(text):
    assert not [t for t in tag(text, DCT) if "day_of_month" in t.reason]


@pytest.mark.parametrize("text", ["They executed a man in his twenties on Feb. 24.",
                                  "Two women in their early thirties were held."])
def test_an_age_is_no_decade(text):
    assert not [t for t in tag(text, DCT) if "decade" in t.reason]


@pytest.mark.parametrize("text", [
    "It may import no more than 500,000 barrels of refined petroleum a year.",
    "The mine ships 300 tons of coal a month to China."])
def test_a_rate_is_no_duration(text):
    assert not [t for t in tag(text, DCT) if t.type == "DURATION"]


def test_month_part_reason_names_rule():
    assert find("It happened early in March.", "early in March").reason.startswith(
        "rule month.part.v1"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit took place on March 22, 2013.", "2013-03-22"),
        ("The summit took place on 22 March 2013.", "2013-03-22"),
        ("The summit was held 2013-03-22 in Seoul.", "2013-03-22"),
        ("The summit took place on Friday, March 12.", "2021-03-12"),
        ("The missile was launched in 1998.", "1998"),
        ("Relations soured in the 1990s.", "199"),
        ("Relations soured in March 2019.", "2019-03"),
        ("The missile was launched on 3/2/2021.", "2021-03-02"),
    ],
)
def test_explicit_date_value(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He said on Tuesday that talks had failed.", "2021-03-09"),
        ("The envoy met Kim on Friday.", "2021-03-12"),
        ("The envoy will meet Kim on Friday.", "2021-03-19"),
        ("Talks will resume on Tuesday.", "2021-03-16"),
        # a weekday of the week named (DCT Monday 15 March 2021)
        ("The plane landed in Beijing on Tuesday last week.", "2021-03-09"),
        ("The park restarted on Monday of last week.", "2021-03-08"),
        ("Talks will open on Friday next week.", "2021-03-26"),
        ("The ferry sailed on Wednesday this week.", "2021-03-17"),
    ],
)
def test_weekday_tense_direction(text, value):
    t = only(text)
    assert (t.type, t.value, t.precision) == ("DATE", value, "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The army will hold drills in December.", "2021-12"),
        ("The army held drills in December.", "2020-12"),
        ("The parade is planned for next month.", "2021-04"),
        ("Exports fell last month.", "2021-02"),
        ("Exports rose last year.", "2020"),
        ("Trade will recover next year.", "2022"),
    ],
)
def test_month_and_relative_unit_direction(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value", "start", "end", "precision"),
    [
        ("Pyongyang fired a missile last week.", "2021-W10", "2021-03-08", "2021-03-14",
         "week"),
        ("The talks collapsed last summer.", "2020-SU", "2020-06-01", "2020-08-31", "season"),
        ("Output fell in the first quarter of 2020.", "2020-Q1", "2020-01-01", "2020-03-31",
         "quarter"),
        ("Exports rose yesterday.", "2021-03-14", "2021-03-14", "2021-03-14", "day"),
        ("Prices rose in 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
    ],
)
def test_relative_period_interval(text, value, start, end, precision):
    t = only(text)
    assert (t.value, t.interval_start, t.interval_end, t.precision) == (
        value, start, end, precision)


@pytest.mark.parametrize(
    ("text", "needle", "type_", "value"),
    [
        ("The launch came at 10:30 a.m. local time.", "10:30 a.m. local time", "TIME",
         "2021-03-15T10:30"),
        ("Sirens sounded this morning.", "this morning", "TIME", "2021-03-15TMO"),
        ("The ship sailed Sunday night.", "Sunday night", "TIME", "2021-03-14TNI"),
        ("They met at noon.", "noon", "TIME", "2021-03-15T12:00"),
    ],
)
def test_time_of_day_value(text, needle, type_, value):
    t = find(text, needle)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "needle", "value", "days", "mod"),
    [
        ("Sanctions were extended for another 30 days.", "another 30 days", "P30D", 30, None),
        ("He spent two years in prison.", "two years", "P2Y", 730, None),
        ("They began a three-day visit.", "three-day", "P3D", 3, None),
        ("The meeting lasted about two weeks.", "about two weeks", "P2W", 14, "APPROX"),
        ("The standoff lasted more than a decade.", "more than a decade", "P10Y", 3650,
         "MORE_THAN"),
        ("The talks lasted two hours.", "two hours", "PT2H", None, None),
    ],
)
def test_duration_value_and_days(text, needle, value, days, mod):
    t = find(text, needle)
    assert (t.type, t.value, t.duration_days, t.mod) == ("DURATION", value, days, mod)


def test_duration_past_n_units_interval_ends_at_dct():
    t = find("Tension rose over the past two weeks.", "the past two weeks")
    assert (t.value, t.interval_start, t.interval_end) == ("P2W", "2021-03-01", "2021-03-15")


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Inspections happen every week.", "every week", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("The ferry sails twice a month.", "a month", "P1M"),
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_set_value(text, needle, value):
    t = find(text, needle)
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "needle", "value", "start", "end"),
    [
        ("The talks are now stalled.", "now", "PRESENT_REF", "2021-03-15", "2021-03-15"),
        ("Seoul is currently reviewing it.", "currently", "PRESENT_REF", "2021-03-15",
         "2021-03-15"),
        ("The envoy recently visited.", "recently", "PAST_REF", "2021-02-13", "2021-03-15"),
        ("Talks may resume in the future.", "the future", "FUTURE_REF", "2021-03-15", None),
    ],
)
def test_reference_value_and_interval(text, needle, value, start, end):
    t = find(text, needle)
    assert (t.value, t.interval_start, t.interval_end, t.precision) == (
        value, start, end, "approx")


def test_ranges_between_months_merges_interval():
    text = "Drills are planned between April and June."
    timexes = tag(text, DCT)
    assert [(t.text, t.value) for t in timexes] == [("April", "2021-04"), ("June", "2021-06")]
    (merged,) = ranges(text, DCT, timexes)
    assert (merged.text, merged.interval_start, merged.interval_end) == (
        "between April and June", "2021-04-01", "2021-06-30")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("New posts appeared between March and November 2019.", "2019-03-01", "2019-11-30"),
    ("Trade fell from March to June 2020.", "2020-03-01", "2020-06-30"),
    ("It ran from November to February 2019.", "2018-11-01", "2019-02-28"),
])
def test_ranges_a_bare_month_takes_the_year_that_closes_the_range(text, start, end):
    # read by tense the opening month would fall in the DCT's year, after the range's end
    (merged,) = ranges(text, DCT, tag(text, DCT))
    assert (merged.interval_start, merged.interval_end) == (start, end)


@pytest.mark.parametrize(("text", "start", "end"), [
    # DCT 2021-03-15 is a Monday: "Wednesday" by tense is March 10, and the range's Sunday
    # comes after it, not before
    ("Residents stayed home from Wednesday until the end of Sunday.", "2021-03-10",
     "2021-03-14"),
    ("The market was shut from Friday until Sunday.", "2021-03-12", "2021-03-14"),
])
def test_ranges_of_weekdays_run_forward_to_the_end_of_the_last(text, start, end):
    (merged,) = ranges(text, DCT, tag(text, DCT))
    assert (merged.interval_start, merged.interval_end) == (start, end)


@pytest.mark.parametrize(("text", "span"), [
    ("Imports rose in January and February.", ("2021-01-01", "2021-02-28")),
    ("The border stayed shut during 2019 and 2020.", ("2019-01-01", "2020-12-31")),
    ("Trains halted in February and in May the border shut.", None),
    ("Posts went up in March and a week later mines were laid.", None),
])
def test_ranges_two_months_or_years_joined_by_and_are_one_span(text, span):
    # "in January and February" is both months; a second date with its own event is not
    found = [(r.interval_start, r.interval_end) for r in ranges(text, DCT, tag(text, DCT))]
    assert found == ([span] if span else [])


@pytest.mark.parametrize(("text", "span"), [
    ("In the first nine months of 2020, imports rose.", ("2020-01-01", "2020-09-30")),
    ("In the last three months of 2019 the border shut.", ("2019-10-01", "2019-12-31")),
    ("For the first time in nine months, trade rose in 2020.", None),
])
def test_ranges_the_first_months_of_a_year_are_a_span(text, span):
    # a count of months from one end of the year named right after it
    found = [(r.interval_start, r.interval_end, r.precision)
             for r in ranges(text, DCT, tag(text, DCT))]
    assert found == ([(*span, "month")] if span else [])


def test_ranges_none_for_unrelated_dates():
    text = "Talks began in April. They ended in June."
    assert ranges(text, DCT) == []


def test_offsets_nbsp_and_curly_quotes():
    text = ("\u201cIt was fired on\u00a0March\u00a022,\u00a02013,\u201d he said \u2014 "
            "last\u00a0week.")
    found = tag(text, DCT)
    assert [t.text for t in found] == ["March\u00a022,\u00a02013", "last\u00a0week"]
    for t in found:
        assert text[t.start : t.end] == t.text
    assert found[0].value == "2013-03-22"
    assert found[0].start == text.index("March")


def test_relative_anchor_following_day_uses_sentence_date():
    text = "Talks opened on March 2, 2021. The next day the envoy left."
    t = find(text, "The next day")
    assert t.value == "2021-03-03"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In August 2017 the council banned coal. The following month it banned gas.",
         "2017-09"),
        ("Trade fell in June. The previous month it had grown.", "2020-05"),
        ("Talks opened on March 2, 2021. In May, trade grew. The next day the envoy left.",
         "2021-03-03"),
        ("Talks opened on March 2, 2018. The following month the envoy left.", "2018-04"),
    ],
)
def test_relative_anchor_month_uses_the_last_month_or_day_named(text, value):
    anaphor = "The next day" if "next day" in text else (
        "The following month" if "following" in text else "The previous month")
    assert find(text, anaphor).value == value


@pytest.mark.parametrize(
    ("text", "anaphor", "value"),
    [
        ("The virus appeared in January 2020. The border shut that same month.",
         "that same month", "2020-01"),
        ("The virus appeared in January 2020. Later that month the border shut.",
         "Later that month", "2020-01"),
        ("Kim visited on May 4, 2019. He came back later that year.", "later that year",
         "2019"),
    ],
)
def test_that_month_is_the_last_month_named(text, anaphor, value):
    # "that same month", "later that month": the month the text named, not the DCT's
    assert find(text, anaphor).value == value


@pytest.mark.parametrize(
    ("text", "anaphor", "value"),
    [
        ("The border shut in January 2020. Guards were told in August of that year to "
         "shoot.", "August of that year", "2020-08"),
        ("The border shut in January 2020, and in late January of that year trade stopped.",
         "late January of that year", "2020-01"),
        ("Trade collapsed in 2017. That year, exports fell.", "That year", "2017"),
        # a day of a month with "that year" or "the same year": the year named before
        ("China cut coal imports in February 2017 and stopped seafood from August 15 that "
         "year.", "August 15 that year", "2017-08-15"),
        ("The man was shot in 2020. In a message on Sept. 25 that year, the North apologized.",
         "Sept. 25 that year", "2020-09-25"),
        ("Talks were held in 2018, and again on 14 March of the same year.",
         "14 March of the same year", "2018-03-14"),
        # a month told in the past perfect after a dated report is before it
        ("In September 2020, a US commander said the North had, in late August, set up a "
         "buffer zone.", "late August", "2020-08"),
        ("In November 2021 officials said the border had been shut in February.", "February",
         "2021-02"),
        ("Trains, which had been halted, resumed in January 2022, only to be suspended "
         "again in late April.", "late April", "2022-04"),
        ("It admitted an outbreak in May 2022. Three months later it declared victory.",
         "Three months later", "2022-08"),
        ("The border shut in January 2020. That August guards were told to shoot.",
         "August", "2020-08"),
        ("She was caught in April 2012. That May she was sentenced.", "May", "2012-05"),
        ("Trains resumed in January 2019, only to be suspended again in late April.",
         "late April", "2019-04"),
        ("It shut in December 2019 and reopened in March.", "March", "2020-03"),
        ("It shut in January 2019. It reopened in March.", "March", "2021-03"),
        # a bare month in a sentence that speaks of "that year": the year named before
        ("A resolution was adopted on Dec. 22, 2017. Earlier that year, in August, seafood "
         "exports were banned.", "August", "2017-08"),
        ("Kim tested missiles in 2017. Resolutions passed in August and September that year "
         "banned coal.", "August", "2017-08"),
    ],
)
def test_that_year_is_the_year_last_named(text, anaphor, value):
    # the month of "August of that year" is not placed by tense, and a year named on its
    # own ("in 2017") is what a later "that year" means
    assert find(text, anaphor).value == value


@pytest.mark.parametrize("text", ["The fence will be extended before winter.",
                                  "Work stopped after winter."])
def test_season_after_before_or_after_is_tagged(text):
    assert only(text).value.endswith("-WI")


@pytest.mark.parametrize("text", ["The May Day parade", "She may go.", "Troops march on.",
                                  "That may be true.", "A move that may hurt trade."])
def test_month_word_ambiguity_not_tagged(text):
    assert all(t.value != "2021-05" and t.value != "2021-03" for t in tag(text, DCT))


def test_to_dict_shape():
    d = only("Exports rose last year.").to_dict()
    assert d == {
        "start": 13, "end": 22, "text": "last year", "type": "DATE", "value": "2020",
        "mod": None, "interval": {"start": "2020-01-01", "end": "2020-12-31"},
        "precision": "year", "duration_days": None,
        "reason": "rule date.unit_relative.v1: 'last' + year",
    }


def test_document_timexes_and_jsonl_shape():
    doc = document_timexes("Drills are planned between April and June.", DCT)
    assert doc["dct"] == "2021-03-15"
    assert [t["value"] for t in doc["timexes"]] == ["2021-04", "2021-06"]
    assert doc["ranges"][0]["interval"] == {"start": "2021-04-01", "end": "2021-06-30"}
    out = jsonl_timexes({"id": "a1", "dct": "2021-03-15", "text": "It rained yesterday."})
    assert out == {"id": "a1", "timexes": [
        {"start": 10, "end": 19, "text": "yesterday", "type": "DATE", "value": "2021-03-14"}]}


@pytest.mark.model
def test_tag_with_spacy_doc_uses_parse_for_tense():
    from koreawatch.extract.nlp import load_model

    nlp = load_model()
    text = "The envoy will meet Kim on Friday. The envoy met Kim on Tuesday."
    values = [t.value for t in tag(text, DCT, doc=nlp(text))]
    assert values == ["2021-03-19", "2021-03-09"]


@pytest.mark.parametrize("text", ["According to Daily NK, the border closed.",
                                  "The Weekly Standard reported it."])
def test_tag_capitalized_set_adverb_in_a_name_is_no_timex(text: str) -> None:
    assert [t.text for t in tag(text, dt.date(2021, 3, 15)) if t.type == "SET"] == []


def test_tag_skips_a_date_too_far_off_to_compute() -> None:
    found = tag("It happened 1535850 months ago, officials said on Monday.",
                dt.date(2021, 3, 15))
    assert [(t.text, t.type) for t in found] == [("1535850 months", "DURATION"),
                                                  ("Monday", "DATE")]


@pytest.mark.model
def test_tag_infinitive_at_the_root_of_a_sentence_has_no_endless_tense_climb() -> None:
    text = "To be sure, the talks resumed on Friday."
    _norm, doc = parse(text)
    found = tag(text, dt.date(2021, 3, 15), doc=doc)
    assert [(t.text, t.interval_start) for t in found] == [("Friday", "2021-03-12")]


def test_tag_new_years_address_is_the_first_of_january() -> None:
    found = tag("During his New Year's address, Kim said the launch was near.",
                dt.date(2017, 4, 15))
    assert [(t.text, t.value) for t in found] == [("New Year's", "2017-01-01")]


@pytest.mark.parametrize(("text", "found"), [
    # without the possessive too, but only as the speech: "the New Year" is no day
    ("In his New Year address, Kim declared the programme complete.",
     [("New Year", "2017-01-01")]),
    ("Kim said in a New Year speech that he would meet Trump.", [("New Year", "2017-01-01")]),
    ("Talks could resume in the New Year.", []),
])
def test_tag_new_year_speech_without_the_possessive(text: str,
                                                     found: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, dt.date(2017, 4, 15))] == found


@pytest.mark.parametrize(("text", "start", "end"), [
    # a first month without a year takes the second's: never a range that ends first
    ("Barges unloaded coal between January and August of last year.", "2020-01-01",
     "2020-08-31"),
    ("The crossing stayed shut from November to February 2021.", "2020-11-01", "2021-02-28"),
    ("Exports fell between January and August 2019.", "2019-01-01", "2019-08-31"),
])
def test_time_a_range_takes_its_year_from_the_second_month(text: str, start: str,
                                                           end: str) -> None:
    [found] = ranges(text, DCT)
    assert (found.interval_start, found.interval_end) == (start, end)


@pytest.mark.parametrize(("text", "dct", "values"), [
    # a year named later in the sentence does not date the month before it
    ("Air Koryo resumed flights in late August, the first since North Korea sealed its "
     "borders in January 2020.", dt.date(2023, 9, 20), ["2023-08", "2020-01"]),
    # "since February" is the last February whatever the tense
    ("Russian groups have been visiting Pyongyang since February.", dt.date(2024, 12, 5),
     ["2024-02"]),
    # ages are no decades, also when coordinated
    ("The men, in their thirties and forties, were shot last Wednesday.",
     dt.date(2021, 10, 18), ["2021-10-13"]),
])
def test_time_months_since_and_ages(text: str, dct: dt.date, values: list[str]) -> None:
    assert [t.value for t in tag(text, dct)] == values


@pytest.mark.parametrize(("text", "dct", "values"), [
    # "January this year" dates the bare month after it, like "January 2022" would
    ("Trains, suspended since late January 2020, resumed in January this year, only to be "
     "halted again in late April.", dt.date(2022, 8, 19), ["2020-01", "2022-01", "2022-04"]),
    # "that September" follows "late April that year", resolved in its own place
    ("Trains resumed in January 2022 but were halted in late April that year. Service "
     "restarted that September.", dt.date(2023, 9, 5), ["2022-01", "2022-04", "2022-09"]),
])
def test_time_a_bare_month_takes_the_year_of_the_month_named_before_it(
        text: str, dct: dt.date, values: list[str]) -> None:
    assert [t.value for t in tag(text, dct)] == values


@pytest.mark.parametrize(("text", "needle", "value"), [
    # "that <season>" is of the year the text was last in, a season's own year counts
    ("A woman sent back in the spring of 2019 was sentenced that summer.", "that summer",
     "2019-SU"),
    ("The border was shut in 2020. That same autumn the guards were doubled.",
     "That same autumn", "2020-FA"),
    # "that winter" after a January is the winter that January is in
    ("Song was sentenced in January 2021. That winter, soldiers opened fire.",
     "That winter", "2020-WI"),
    # with no year named before, the publication year
    ("That summer the river flooded.", "That summer", "2021-SU"),
    # "the following <season>": the first such season after the date named before
    ("He was arrested in November 2012 and sentenced the following spring.",
     "the following spring", "2013-SP"),
    ("The bridge was closed in March 2020 and reopened the following autumn.",
     "the following autumn", "2020-FA"),
])
def test_that_season_takes_the_year_named_before(text: str, needle: str, value: str) -> None:
    assert find(text, needle).value == value


@pytest.mark.parametrize(
    ("text", "needle", "start", "end", "precision"),
    [
        # "earlier this month/year": from its start to publication (DCT 2021-03-15)
        ("A man was caught earlier this month.", "earlier this month", "2021-03-01",
         "2021-03-15", "approx"),
        ("It happened earlier this year.", "earlier this year", "2021-01-01", "2021-03-15",
         "approx"),
        # "earlier that month": the month named before, whole
        ("Daily NK reported in late February that a man had been caught earlier that month.",
         "earlier that month", "2021-02-01", "2021-02-28", "month"),
    ],
)
def test_earlier_this_or_that_runs_from_the_periods_start(text, needle, start, end,
                                                          precision):
    found = find(text, needle)
    assert (found.interval_start, found.interval_end, found.precision) == (start, end,
                                                                            precision)
    assert found.mod == "START"  # the TimeML value keeps its modifier
