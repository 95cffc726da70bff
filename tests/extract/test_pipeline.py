"""The whole extraction of an article, its CLI, and extraction during ingest."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from koreawatch.cli import app
from koreawatch.extract.pipeline import extract_article
from koreawatch.ingest.pipeline import ingest
from koreawatch.settings import Settings
from koreawatch.store.db import Store
from koreawatch.store.events import EventFilter, events_for_article, query_events

pytestmark = pytest.mark.model

# Illustrative text written for these tests (not a real report).
TEXT = (
    "Illustrative\xa0report. According to Daily NK, which cited a source in Yanggang Province, "
    "North Korea has increased the number of border guards in the region.\n\n"
    "Back in January, North Korea reportedly shut the border with China for another 30 days, "
    "after two people were arrested for smuggling sugar across the river.\n\n"
    "\u201cThe guards now patrol the riverbank every night, and nobody dares to cross,\u201d "
    "the source told Daily NK.\n\n"
    "KCNA said on Monday that the country had no cases of the virus."
)


def _one(result: Any, etype: str) -> Any:
    """The one event of ``etype`` in an extraction (fails when there are none or several)."""
    (event,) = [e for e in result.events if e.type == etype]
    return event


def _report(text: str, published: date, outlet: str) -> Any:
    """The extraction of an illustrative report titled as one about North Korea."""
    return extract_article(text, "t", published, outlet=outlet,
                           title="North Korea: illustrative")


def test_pipeline_offsets_index_the_original_text() -> None:
    result = extract_article(TEXT, "ill-1", date(2021, 3, 15))
    assert result.events and result.quotes
    for event in result.events:
        assert TEXT[event.evidence.start:event.evidence.end] == event.evidence.text
        for place in event.where:
            assert TEXT[place.start:place.end] == place.text
    for quote in result.quotes:
        assert TEXT[quote.evidence.start:quote.evidence.end] == quote.text


def test_pipeline_wire_dateline_is_not_the_subject_of_the_lead() -> None:
    text = ("SEOUL, South Korea (AP) - North Korea said Monday it will cut off all "
            "communication channels with South Korea.\n\nThe move follows weeks of anger.")
    result = extract_article(text, "dateline", date(2020, 6, 8), "AP",
                             "North Korea to cut lines (illustrative)")
    statement = _one(result, "official_statement")
    assert statement.evidence.text.startswith("North Korea said Monday")
    assert text[statement.evidence.start:statement.evidence.end] == statement.evidence.text
    assert (statement.when.start, statement.when.end) == ("2020-06-08", "2020-06-08")


def test_pipeline_restatement_dates_an_event_told_undated_and_known_people_are_no_news(
) -> None:
    text = ("North Korea has executed five officials from its trade ministry, according to "
            "reports.\n\nThe men were shot by firing squad in Pyongyang last month, a source "
            "told Radio Free Asia.\n\n'They were executed to send a warning to others,' the "
            "source said.\n\nTheir families were sent to a prison camp, the source added.")
    result = extract_article(text, "restated", date(2020, 9, 11), "Daily Mail",
                             "Five officials executed (illustrative)")
    punishments = [e for e in result.events if e.type == "punishment"]
    assert len(punishments) == 2  # the executions, told three times; the families' exile
    executions, exile = punishments
    assert executions.evidence.text.startswith("North Korea has executed five officials")
    assert (executions.when.start, executions.when.end, executions.when.precision) == (
        "2020-08-01", "2020-08-31", "month")
    assert "restatement" in executions.reason
    assert exile.evidence.text.startswith("Their families were sent")
    assert not [e for e in result.events if e.type == "security_reinforcement"]


@pytest.mark.parametrize(("text", "published", "etype", "when"), [
    # a year ago ... in July 2023: one crossing, dated by the month
    ("Lawyers for the soldier who ran across the border into North Korea a year ago asked a "
     "judge to drop the charges.\n\nKing dashed across the Military Demarcation Line during "
     "a tour of the Joint Security Area in July 2023.", date(2024, 7, 18), "illegal_crossing",
     ("2023-07-01", "2023-07-31", "month")),
    # earlier this month ... on October 9: the day
    ("Border guards arrested three smugglers near Manpo earlier this month, a source in "
     "Jagang Province told Daily NK.\n\nThe men were arrested on October 9 as they tried to "
     "ferry copper across the river, the source said.", date(2021, 10, 22), "arrest",
     ("2021-10-09", "2021-10-09", "day")),
    # early 2020 ... in late January 2020: part of a year, then a part of it
    ("Trucks crossed the bridge from Dandong on Monday, the first since the North shut its "
     "border in early 2020, traders said.\n\nNorth Korea shut the border in late January "
     "2020, cutting off its trade with China.", date(2022, 1, 18), "border_closure",
     ("2020-01-21", "2020-01-31", "part_of_month")),
])
def test_pipeline_a_restatement_naming_a_finer_date_inside_the_first_dates_the_event(
        text: str, published: date, etype: str, when: tuple[str, str, str]) -> None:
    result = extract_article(text, "sharper", published, "CNN", "Restated (illustrative)")
    event = _one(result, etype)
    assert (event.when.start, event.when.end, event.when.precision) == when


def test_pipeline_a_background_event_dated_later_is_one_record_told_by_its_date() -> None:
    text = ("Forty workers came home from Dandong on Tuesday, the first group to return since "
            "the border was shut, a resident told Daily NK.\n\nThe workers were sent to "
            "quarantine for a month.\n\nNorth Korea sealed its border with China in "
            "January 2020.")
    result = extract_article(text, "background", date(2023, 9, 14), "NK News",
                             "Workers return (illustrative)")
    closure = _one(result, "border_closure")
    assert (closure.when.start, closure.when.end, closure.when.precision) == (
        "2020-01-01", "2020-01-31", "month")
    assert closure.evidence.text.startswith("North Korea sealed")  # the dated telling speaks
    assert closure.sources == ()  # the article's own, not the resident's
    assert "Forty" in [m.text[:5] for m in closure.mentions]  # the first telling kept


def test_pipeline_the_same_speaker_far_on_makes_another_statement() -> None:
    filler = ("Analysts in Seoul were divided over what the summit had achieved, and "
              "officials in Washington declined to comment on the talks. ") * 3
    text = ("Soon after, Mr Kim declared that his country had achieved its mission of "
            "becoming a nuclear state.\n\n" + filler + "\n\nMr Kim has also said he "
            "now wants to focus on building the North Korean economy.")
    result = extract_article(text, "speaker", date(2018, 6, 10), "BBC",
                             "Kim's pledges (illustrative)")
    statements = [e for e in result.events if e.type == "official_statement"]
    assert [s.evidence.text[:12] for s in statements] == ["Soon after, ", "Mr Kim has a"]


def test_pipeline_capital_standing_for_its_government_is_no_place() -> None:
    text = ("Seoul said it was ready to send aid to the North if asked, but Pyongyang has "
            "refused all offers.\n\nRelief supplies were delivered to Pyongyang on Tuesday.")
    result = extract_article(text, "capital", date(2024, 7, 29), "CNN",
                             "North Korea floods (illustrative)")
    places = {e.evidence.text[:4]: [p.place_id for p in e.where] for e in result.events}
    assert places.get("Seou") == []
    assert places.get("Reli") == ["KP-01"]


def test_pipeline_a_team_sent_from_the_capital_acts_where_it_went() -> None:
    text = ("A family of four escaped across the Yalu from Hyesan in March.\n\nAn inspection "
            "team sent from Pyongyang in early April questioned every soldier in the company "
            "and detained three guards who had been on duty that night.")
    arrest = _one(extract_article(text, "sent", date(2024, 5, 15), "NK News",
                                  "Guards detained"), "arrest")
    assert [p.place_id for p in arrest.where] == ["KP-10/hyesan"]


def test_pipeline_state_bodies_source_what_they_tell_but_not_their_statements() -> None:
    # a state body that tells of an event is its source, in the state's own media as in
    # anyone else's (spec: only a statement's maker is its actor rather than its source)
    text = ("Pyongyang, October 17 (KCNA) -- The Korean People's Army blew up the roads "
            "and railways linking the DPRK with the ROK on October 15, the General Staff of "
            "the KPA said.")
    for outlet in ("KCNA", "AP"):
        closure = _one(extract_article(text, outlet, date(2024, 10, 17), outlet,
                                       "Roads blocked"), "border_closure")
        assert closure.sources == (("the General Staff of the KPA",),)
        assert (closure.when.start, closure.when.precision) == ("2024-10-15", "day")
    statement = _one(extract_article(
        "The General Staff of the KPA declared on Wednesday that the roads would be cut off.",
        "own", date(2024, 10, 17), "KCNA", "Roads blocked"), "official_statement")
    assert statement.sources == ()


def test_pipeline_a_statement_reported_by_an_outlet_has_that_outlet_as_source() -> None:
    text = ("The Washington Post first reported that North Korean authorities insisted the "
            "envoy sign a pledge to pay the bill.")
    result = extract_article(text, "wapo", date(2019, 4, 26), "CNN", "North Korea bill")
    statement = _one(result, "official_statement")
    assert statement.sources == (("The Washington Post",),)


@pytest.mark.parametrize(("text", "published", "etype", "intervals"), [
    # one verb with dates joined by "again" tells each occasion
    ("North Korean authorities locked down the border in Hyesan in early March, a source "
     "told Daily NK.\n\nThe border was also sealed in mid-January and again at the end of "
     "February, the source said.", date(2021, 3, 20), "border_closure",
     [("2021-01-11", "2021-01-20"), ("2021-02-21", "2021-02-28"), ("2021-03-01", "2021-03-10")]),
    # two kinds of health measure (a quarantine, a school closure) are two events
    ("Four villages near Kaesong have been under quarantine since last Friday, with security "
     "officers posted on the roads, a resident said. Schools and kindergartens across "
     "Kaesong have been shut since Monday, she added.", date(2024, 3, 15), "health_measure",
     [("2024-03-08", "2024-03-15"), ("2024-03-11", "2024-03-15")]),
])
def test_pipeline_events_of_one_type_that_stay_apart(
        text: str, published: date, etype: str, intervals: list[tuple[str, str]]) -> None:
    result = extract_article(text, "apart", published, "Daily NK", "Apart (illustrative)")
    assert sorted((e.when.start, e.when.end) for e in result.events
                  if e.type == etype) == intervals


def test_pipeline_the_place_something_came_from_is_not_where_it_happened() -> None:
    text = ("The Ministry of State Security sent an inspection team from Pyongyang to Hyesan "
            "on Monday to root out smuggling.")
    result = extract_article(text, "origin", date(2021, 3, 20), "Daily NK", "Hyesan")
    assert result.events
    for event in result.events:
        assert [p.place_id for p in event.where] == ["KP-10/hyesan"]


def test_pipeline_a_decision_adopted_speaks_for_the_meetings_statements() -> None:
    text = ("Pyongyang, July 31 (KCNA) -- Going round the flooded areas,Kim Jong Unexpressed "
            "deep concern for the victims.\n\nThe decision on repairing the flood damage "
            "was adopted at the meeting.")
    result = extract_article(text, "decision", date(2024, 7, 31), "KCNA", "Meeting")
    statement = _one(result, "official_statement")
    assert statement.evidence.text.startswith("The decision on repairing")
    assert len(statement.mentions) == 1  # Kim's words are told in it


def test_pipeline_the_states_own_media_item_is_one_statement() -> None:
    text = ("Pyongyang, October 14 (KCNA) -- A spokesperson for the ministry released a press "
            "statement on October 13.\n\nThe ministry rejects the report outright. The "
            "West fabricated groundless rumours about the republic's harvest.")
    result = extract_article(text, "item", date(2024, 10, 14), "KCNA", "Press statement")
    statement = _one(result, "official_statement")  # the rebuttal, dated otherwise, joins it
    assert statement.evidence.text.startswith("A spokesperson for the ministry released")
    assert [m.text[:8] for m in statement.mentions] == ["The mini", "The West"]


def test_pipeline_a_statement_recalled_from_another_day_is_another_statement() -> None:
    text = ("Pyongyang, February 26 (KCNA) -- The spokesman of the Foreign Ministry said on "
            "Sunday that the sanctions are an act of war.\n\nThe Foreign Ministry already "
            "declared in its statement of December 24 that it rejects the resolution. The "
            "spokesman stressed on Sunday that the republic will not yield.")
    result = extract_article(text, "item", date(2018, 2, 26), "KCNA", "Answer")
    statements = [e for e in result.events if e.type == "official_statement"]
    assert [e.when.start for e in statements] == ["2018-02-25", "2017-12-24"]
    assert [m.text[:17] for m in statements[0].mentions] == ["The spokesman str"]


def test_pipeline_records_follow_the_spec() -> None:
    result = extract_article(TEXT, "ill-1", date(2021, 3, 15))
    by_type = {e.type: e for e in result.events}
    guards = by_type["security_reinforcement"]
    assert guards.sources == (("Daily NK", "a source in Yanggang Province"),)
    assert [p.place_id for p in guards.where] == ["KP-10"]
    assert (guards.when.start, guards.when.end, guards.when.precision) == (
        "2021-02-13", "2021-03-15", "approx")
    closure = by_type["border_closure"]
    assert (closure.modality, closure.sources, closure.duration_days) == ("reported", (), 30)
    assert closure.flow == "both"
    assert by_type["arrest"].when.end == "2021-01-31"
    assert by_type["official_statement"].sources == ()
    assert [e.id for e in result.events] == [f"ill-1#e{i}" for i in
                                             range(1, len(result.events) + 1)]
    quote = result.quotes[0]
    assert (quote.speaker, quote.via) == ("source", ("Daily NK",))
    spec = result.to_spec()
    assert spec["article_id"] == "ill-1"
    assert {"id", "type", "modality", "when", "where", "sources", "evidence", "flow",
            "reason", "summary", "actors", "duration_days"} <= set(spec["events"][0])


def test_pipeline_restatement_is_one_record_with_a_mention() -> None:
    text = ("Illustrative. North Korea has increased the number of border guards in Hyesan. "
            "Residents said more guards arrived.\n\n"
            "North Korea has increased the number of border guards in Hyesan, the source "
            "repeated.")
    result = extract_article(text, "ill-2", date(2021, 3, 15))
    guards = [e for e in result.events if e.type == "security_reinforcement"]
    assert len(guards) == 1
    assert len(guards[0].mentions) >= 1


def test_pipeline_main_clause_trigger_speaks_for_a_sentence_event() -> None:
    text = ("Illustrative. In July, a man who had defected three years ago crossed back over "
            "the border into the North.")
    result = extract_article(text, "ill-3", date(2021, 3, 15))
    crossings = [e for e in result.events if e.type == "illegal_crossing"]
    assert len(crossings) == 1
    assert (crossings[0].when.start, crossings[0].when.end) == ("2020-07-01", "2020-07-31")
    assert "crossed" in crossings[0].reason


def test_pipeline_event_without_a_place_takes_the_place_just_named() -> None:
    text = ("Illustrative. Heavy rain flooded Sinuiju on Monday. Officials sent relief food "
            "on Tuesday.\n\nSmugglers were arrested on Friday.\n\nThe weather was mild "
            "elsewhere. More soldiers were deployed to the border on Saturday.")
    result = extract_article(text, "ill-4", date(2021, 3, 15))
    aid = next(e for e in result.events if e.type == "aid_delivery")
    assert {p.place_id for p in aid.where} == {"KP-03/sinuiju"}
    assert "named in the sentence before" in aid.reason
    arrest = next(e for e in result.events if e.type == "arrest")
    assert {p.place_id for p in arrest.where} == {"KP-03/sinuiju"}  # opens a paragraph
    soldiers = next(e for e in result.events if e.type == "security_reinforcement")
    # its paragraph has moved on and names no place: the place is the article's own
    assert "where the article is" in soldiers.reason
    assert "named in the sentence before" not in soldiers.reason


@pytest.mark.parametrize(("text", "place"), [
    # the capital standing for the state, or where specialists came from, places nothing
    ("Illustrative. Pyongyang said on Tuesday that its army had blown up the roads. Troops "
     "later planted mines along the border.", None),
    ("Illustrative. Seoul criticised the decision by Pyongyang on Monday. Troops later "
     "planted mines along the border.", None),
    # the capital as a place does
    ("Illustrative. Officials in Pyongyang met on Monday. Troops later planted mines around "
     "the city.", "KP-01"),
])
def test_pipeline_the_capital_as_the_state_is_no_place_for_the_next_sentence(
        text: str, place: str | None) -> None:
    result = extract_article(text, "ill-5", date(2021, 3, 15))
    mines = next(e for e in result.events if e.type == "security_reinforcement")
    assert {p.place_id for p in mines.where} == ({place} if place else set())


@pytest.mark.parametrize(("text", "expected"), [
    # a local event far from any place name happened where the report is
    ("Illustrative. Police raided homes in Hyesan on Monday. Traders in Hyesan were "
     "fined.\n\nThe weather was cold.\n\nThe weather stayed cold all week.\n\n"
     "Two students were arrested on Friday.", {"KP-10/hyesan"}),
    # the province named most often wins, counting its towns, and gives its likeliest town
    ("Illustrative. Police raided homes in Hoeryong and Onsong on Monday. Traders in "
     "Hoeryong were fined. A visitor came from Sinuiju.\n\nThe weather was cold.\n\nThe "
     "weather stayed cold all week.\n\nTwo students were arrested on Friday.",
     {"KP-09/hoeryong"}),
    # a tie says nothing
    ("Illustrative. Police raided homes in Hyesan on Monday. Traders in Sinuiju were "
     "fined.\n\nThe weather was cold.\n\nThe weather stayed cold all week.\n\n"
     "Two students were arrested on Friday.", set()),
    # the capital stands for the state: it makes no article's place
    ("Illustrative. Pyongyang raised prices on Monday. Officials in Pyongyang met. "
     "Traders in Hyesan were fined.\n\nThe weather was cold.\n\nThe weather stayed cold "
     "all week.\n\nTwo students were arrested on Friday.", {"KP-10/hyesan"}),
    # another state's act, or one in a sentence that names a foreign place, is not here
    ("Illustrative. Police raided homes in Hyesan on Monday. Traders in Hyesan were "
     "fined.\n\nThe weather was cold.\n\nThe weather stayed cold all week.\n\n"
     "South Korean police arrested two defectors on Friday.", set()),
    ("Illustrative. Police raided homes in Hyesan on Monday. Traders in Hyesan were "
     "fined.\n\nThe weather was cold.\n\nThe weather stayed cold all week.\n\n"
     "Two students were arrested in Dandong on Friday.", set()),
    ("Illustrative. Police raided homes in Hyesan on Monday. Traders in Hyesan were "
     "fined.\n\nThe weather was cold.\n\nThe weather stayed cold all week.\n\n"
     "The border was closed on Friday.", set()),
])
def test_pipeline_local_event_without_a_place_nearby_is_where_the_article_is(
        text: str, expected: set[str]) -> None:
    result = extract_article(text, "ill-main", date(2021, 3, 15))
    # a border the state closes is national: it takes no article place
    event = next(e for e in result.events if e.type in ("arrest", "border_closure"))
    assert {p.place_id for p in event.where} == expected
    assert ("where the article is" in event.reason) == bool(expected)


def test_pipeline_what_the_country_does_takes_no_place_from_the_sentence_before() -> None:
    text = ("The parade in Pyongyang on Saturday had no foreign guests. Since the pandemic "
            "began, North Korea has sealed itself off from the world.")
    result = extract_article(text, "national", date(2020, 10, 24), "The Economist",
                             "North Korea is lonelier than ever (illustrative)")
    closure = next(e for e in result.events if e.type == "border_closure")
    assert closure.where == ()


@pytest.mark.parametrize(("text", "published", "etype", "places"), [
    # "the bridge" named before places even what the country does
    ("Satellite images of the Sinuiju end of the New Yalu River Bridge show that North "
     "Korea has finished a customs complex.\n\nThe images also show a new double fence "
     "with watchtowers roughly every 500 meters along the riverbank south of the bridge, "
     "part of a border barrier the North has been extending since 2020.", date(2024, 1, 19),
     "security_reinforcement", {"KP-03/sinuiju", "KP-03/new-yalu-river-bridge"}),
    # the place a team comes from is not where it acts: where the story was
    ("Border guards in Hoeryong have arrested four brokers, a source told Daily NK.\n\nThe "
     "arrests followed the arrival in late December of an inspection team from the "
     "ministry's headquarters in Pyongyang, the source said.", date(2019, 1, 24),
     "crackdown", {"KP-09/hoeryong"}),
    # the event names only the Chinese city: its crossing's town across the river
    ("China and North Korea have suspended freight train service across their border "
     "because of an outbreak in the Chinese border city of Dandong, officials said.",
     date(2022, 4, 29), "border_closure", {"KP-03/sinuiju"}),
    # so is goods carried over to partners in the Chinese town across from Hyesan
    ("Two of them had carried goods across the Yalu for years, working with partners on "
     "the Chinese side in Changbai.", date(2023, 5, 18), "smuggling", {"KP-10/hyesan"}),
    # where the source is says nothing of where the event is
    ("North Korea has resumed imports of goods from China, Chinese traders in the border "
     "city of Dandong said.", date(2022, 4, 29), "trade_resumption", set()),
    ("A train carrying flour crossed into North Korea on Monday, Moscow's embassy in "
     "Pyongyang said.", date(2020, 3, 16), "border_reopening", set()),
    # capitals that stand for their states, and capitals at the ends of a route
    ("An official said the bridge could open to traffic this year, noting that 2024 marks "
     "75 years of diplomatic ties between Pyongyang and Beijing.", date(2024, 1, 19),
     "border_reopening", set()),
    ("Air Koryo resumed flights between Pyongyang and Beijing on Aug. 22.",
     date(2023, 8, 27), "border_reopening", {"KP-01"}),
])
def test_pipeline_places_a_sentence_implies(text: str, published: date, etype: str,
                                            places: set[str]) -> None:
    result = extract_article(text, "implied", published, "AP", "North Korea (illustrative)")
    assert {p.place_id for p in _one(result, etype).where} == places


def test_pipeline_reports_naming_different_ships_are_different_events() -> None:
    text = ("Illustrative. Officials seized a ship suspected of carrying oil to the North."
            "\n\nThe ship, Sea Star, was seized at the port of Yeosu.\n\nThe customs office "
            "said it had also seized the Blue Heron, another tanker.")
    result = extract_article(text, "ill-7", date(2021, 3, 15))
    seizures = [e for e in result.events if e.type == "crackdown"]
    assert len(seizures) == 2
    assert len(seizures[0].mentions) == 1  # the first two reports name one ship


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Illustrative. Trade has slowed, Mr Park adds, because of the closure of North "
         "Korea's border with China.", "border_closure"),
        ("Illustrative. He said he fears being sent back to South Korea, the country to "
         "which he defected from the North in 2000.", "illegal_crossing"),
    ],
)
def test_pipeline_presupposed_event_is_not_the_speakers_claim(text: str, etype: str) -> None:
    result = extract_article(text, "ill-8", date(2021, 3, 15))
    event = next(e for e in result.events if e.type == etype)
    assert (event.modality, event.sources) == ("asserted", ())


@pytest.mark.parametrize("text", [
    "Illustrative. Mr Park said smuggling at sea had grown since the pandemic, when North "
    "Korea closed its border with China.",
    "Illustrative. Mr Park said building sped up after August 2020, when North Korea closed "
    "its border with China.",
])
def test_pipeline_a_clause_on_a_time_is_the_speakers_claim(text: str) -> None:
    # "the pandemic, when ...": the clause tells what happened then, as Mr Park does
    result = extract_article(text, "ill-8", date(2021, 3, 15))
    event = next(e for e in result.events if e.type == "border_closure")
    assert event.sources and event.sources[0][0] == "Mr Park"


def test_pipeline_reported_event_keeps_its_source() -> None:
    result = extract_article("Illustrative. Mr Park said North Korea closed the border with "
                             "China in January.", "ill-9", date(2021, 3, 15))
    event = next(e for e in result.events if e.type == "border_closure")
    assert (event.modality, event.sources) == ("reported", (("Mr Park",),))


@pytest.mark.parametrize(
    ("second", "records"),
    [
        ("One of his advisers was also sent to a labor camp in North Korea.", 2),
        ("Kim Jong Un (pictured) ruled while a defector was sent to a labor camp.", 1),
        ("The defector was sent to a labor camp in North Korea, his lawyer said.", 1),
        ("Two of his associates were also sent to a labor camp in North Korea.", 2),
    ],
)
def test_pipeline_a_new_participant_is_a_new_event(second: str, records: int) -> None:
    text = ("Illustrative. A defector from North Korea was sent to a labor camp in the North."
            "\n\n" + second)
    result = extract_article(text, "ill-11", date(2021, 3, 15))
    assert len([e for e in result.events if e.type == "punishment"]) == records


def test_pipeline_a_definite_report_refers_back_to_the_event() -> None:
    text = ("Illustrative. North Korean state media say the leader's uncle has been executed."
            "\n\nThe execution of Jang comes days after he was removed from his posts.")
    result = extract_article(text, "ill-12", date(2013, 12, 12))
    executions = [e for e in result.events if e.type == "punishment"]
    assert len(executions) == 1 and len(executions[0].mentions) == 1


def test_pipeline_statement_reported_by_state_media_citing_the_military_has_no_source() -> None:
    text = ('Illustrative. "Our retaliation will start without notice," North Korea\'s state-run '
            "media reported on Tuesday, citing military leaders.")
    result = extract_article(text, "ill-13", date(2013, 4, 16))
    statement = next(e for e in result.events if e.type == "official_statement")
    assert statement.sources == ()


def test_pipeline_another_states_media_is_a_source_of_the_norths_statement() -> None:
    # illustrative: Xinhua is China's state media, not North Korea's own
    text = ("Illustrative. On Monday, China's official news agency, Xinhua, quoted Kim as "
            "saying that he hoped to build trust through dialogue.")
    (statement,) = _statements(text, date(2018, 5, 10), "North Korea's leader speaks")
    assert statement.sources and statement.sources[0][0] == "Xinhua"


def _statements(text: str, published: date, title: str | None = None) -> list[Any]:
    """The official statements extracted from ``text``, in order."""
    return [e for e in extract_article(text, "t", published, title=title).events
            if e.type == "official_statement"]


def test_pipeline_statements_made_on_different_days_stay_apart() -> None:
    # illustrative: a detention announced in February and a sentence announced this week
    text = ("Illustrative. The regime announced on Wednesday that the student had been "
            "sentenced to eight years of hard labour. The regime first announced his "
            "detention on February 14, saying he had committed hostile acts.")
    statements = _statements(text, date(2019, 4, 17), "North Korea jails a student")
    assert sorted(e.when.start for e in statements) == ["2019-02-14", "2019-04-17"]


def test_pipeline_a_statement_noun_and_its_speakers_verb_are_one_record() -> None:
    # illustrative: the verb speaks for the record, so her later words restate it
    text = ("Illustrative. In a statement carried by state media earlier this month, Kim Yo "
            "Jong said the leaflets must stop. The activists were not stopping, Kim Yo Jong "
            "said in a warning published by KCNA.")
    statements = _statements(text, date(2024, 7, 24), "North Korea warns activists")
    assert len(statements) == 1 and statements[0].when.start == "2024-07-01"


def test_pipeline_a_prison_term_is_no_time_elapsed() -> None:
    # illustrative: "for eight years" is the sentence, not how long ago the jailing was
    text = "Illustrative. A student has been jailed for eight years of hard labour."
    (event,) = extract_article(text, "t", date(2019, 4, 17),
                               title="North Korea jails a student").events
    assert event.when.start is not None and event.when.start >= "2019-03-01"


def test_pipeline_two_triggers_of_one_sentence_are_one_statement() -> None:
    # illustrative: the verb inside the relative clause tells the noun's statement again
    text = ("Illustrative. North Korea blew up the liaison office, and Pyongyang declared "
            "that the building was gone. The demolition followed a June 9 announcement in "
            "which North Korea said it was cutting every hotline.")
    statements = _statements(text, date(2020, 6, 16))
    assert [e.when.start for e in statements] == ["2020-06-16", "2020-06-09"]
    assert not statements[0].mentions  # the June 9 sentence is not folded into the first


def test_pipeline_a_place_name_inside_a_person_name_is_no_place() -> None:
    text = ("Illustrative. Kim Jae Ryong, a party secretary, delivered relief food to flood "
            "victims in Jagang Province on Saturday.")
    result = extract_article(text, "ill-6", date(2021, 3, 15))
    aid = next(e for e in result.events if e.type == "aid_delivery")
    assert {p.place_id for p in aid.where} == {"KP-04"}


def test_pipeline_a_restatement_can_give_the_event_its_context_place() -> None:
    text = ("Illustrative. The party sent relief food to flood victims on Monday.\n\n"
            "Heavy rain flooded Sinuiju last week. The party sent the relief food there on "
            "Monday.")
    result = extract_article(text, "ill-10", date(2021, 3, 15))
    aid = [e for e in result.events if e.type == "aid_delivery"]
    assert len(aid) == 1 and len(aid[0].mentions) == 1
    assert {p.place_id for p in aid[0].where} == {"KP-03/sinuiju"}


def test_pipeline_the_area_refers_to_the_place_last_named() -> None:
    text = ("Illustrative. Heavy rain flooded Hyesan on Monday.\n\nThe leader held a meeting."
            "\n\nHe said the party also sent medicine to the flood-hit areas.")
    result = extract_article(text, "ill-5", date(2021, 3, 15))
    aid = next(e for e in result.events if e.type == "aid_delivery")
    assert {p.place_id.split("/")[0] for p in aid.where} == {"KP-10"}


def test_cli_extract_keeps_input_id_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "ill-3", "published": "2021-03-15", "text": TEXT}),
                    encoding="utf-8")
    db = tmp_path / "never.db"
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "extract", str(path),
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["article_id"] == "ill-3" and line["events"]
    assert not db.exists()


def test_ingest_extracts_and_a_new_version_replaces_events(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "a.json"
    record = {"id": "ill-4", "published": "2021-03-15", "text": TEXT}
    path.write_text(json.dumps(record), encoding="utf-8")
    ingest([str(path)], settings, store, extract=True)
    with store.engine.connect() as conn:
        first = events_for_article(conn, "ill-4")
        closures = query_events(conn, EventFilter(type="border_closure", place=None))
    assert {e.type for e in first} >= {"security_reinforcement", "border_closure", "arrest"}
    assert [e.article_id for e in closures] == ["ill-4"]
    record["text"] = TEXT.split("\n\n")[1]
    path.write_text(json.dumps(record), encoding="utf-8")
    report = ingest([str(path)], settings, store, extract=True)
    assert report.versions == 1
    with store.engine.connect() as conn:
        second = events_for_article(conn, "ill-4")
    assert {e.type for e in second} == {"border_closure", "arrest"}


def test_reextract_stored_articles_fills_and_replaces_events(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    from koreawatch.ingest.pipeline import reextract_stored

    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "ill-5", "published": "2021-03-15", "text": TEXT}),
                    encoding="utf-8")
    ingest([str(path)], settings, store, extract=False)
    with store.engine.connect() as conn:
        assert events_for_article(conn, "ill-5") == []
    first = reextract_stored(store)
    second = reextract_stored(store, ["ill-5"])
    assert first["articles"] == 1 and first["events"] == second["events"] > 0
    with store.engine.connect() as conn:
        assert len(events_for_article(conn, "ill-5")) == second["events"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Traders wait for the border to reopen\nIllustrative text about Sinuiju.", 2),
        ("The border was closed\nin early February.", 1),
        ("One paragraph.\n\nanother paragraph in lower case.", 2),
    ],
)
def test_parse_line_breaks_start_sentences(text: str, sentences: int) -> None:
    from koreawatch.extract.nlp import parse

    _norm, doc = parse(text)
    assert len(list(doc.sents)) == sentences


def test_batch_extractor_failure_is_a_note_and_the_batch_goes_on(
    tmp_path: Path, break_extractor: Callable[[object, str], None]
) -> None:
    from koreawatch.extract import batch

    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(json.dumps({
            "id": name, "published": "2021-03-15",
            "text": "Illustrative. North Korea closed the border with China on Monday."}),
            encoding="utf-8")
    break_extractor(batch, "a")
    results = {r.article_id: r for r in batch.extract_sources([str(tmp_path)], Settings())}
    assert results["a"].extraction is None
    assert "extraction failed" in (results["a"].note or "")
    assert results["b"].extraction is not None and results["b"].extraction.events


def test_batch_article_without_north_korea_is_not_parsed(tmp_path: Path) -> None:
    from koreawatch.extract import batch

    (tmp_path / "x.json").write_text(json.dumps({
        "id": "x", "published": "2021-03-15",
        "text": "Illustrative. Police arrested two protesters in Ohio on Monday."}),
        encoding="utf-8")
    (result,) = batch.extract_sources([str(tmp_path)], Settings())
    assert result.note == "skipped by the relevance pre-filter"
    assert result.to_json() == {"article_id": "x", "events": [], "quotes": []}


def test_restatement_bounded_only_by_publication_joins_the_dated_event() -> None:
    # illustrative: the second sentence tells the closure again without a date of its own
    text = ("North Korea shut its border with China in late January, Reuters reported. "
            "Officials in Dandong said the North had sealed the crossing to keep out the virus.")
    result = _report(text, date(2021, 3, 18), "Reuters")
    closures = [e for e in result.events if e.type == "border_closure"]
    assert len(closures) == 1
    assert (closures[0].when.start, closures[0].when.end) == ("2021-01-21", "2021-01-31")


@pytest.mark.parametrize(("text", "found"), [
    ("Chinese state media reported last month that Dandong had reimposed lockdown measures "
     "on several neighborhoods after a cluster of COVID-19 cases.", False),
    ("Authorities in China's Jilin Province have tightened COVID-19 testing rules for "
     "residents of border towns.", False),
    ("Officials locked down Sinuiju after a cluster of COVID-19 cases in Dandong.", True),
    ("Infections were confirmed in Dandong and Chinese authorities locked down the city.",
     False),
    ("Pyongyang has declared an emergency to protect itself against the virus which first "
     "emerged in neighbouring China.", True),
    # the city that reported the outbreak is the one placed under lockdown
    ("Trains to Sinuiju stopped in late April, after Dandong reported its own outbreak and "
     "was placed under lockdown.", False),
    ("Sinuiju reported an outbreak in late April and was placed under lockdown.", True),
    # a person who acts is no foreign state: the North's leader seals off its city
    ("Kim sealed off the city for three weeks after a man swam back from the South.", True),
])
def test_a_health_measure_naming_only_foreign_places_is_out_of_scope(text: str,
                                                                     found: bool) -> None:
    # illustrative sentences; another country's own health measures are not the North's
    result = _report(text, date(2021, 12, 14), "UPI")
    assert any(e.type == "health_measure" for e in result.events) is found


def test_a_statement_naming_its_own_speaker_takes_no_chain_from_the_sentence_before() -> None:
    # illustrative: KCNA speaks in the second sentence; the first sentence's chain is not
    # its source
    text = ("North Korea told the United Nations in February that it faced a shortfall of "
            "food. In May, the official Korean Central News Agency accused officials in Seoul "
            "of exaggerating the problem.")
    result = _report(text, date(2019, 7, 12), "AP")
    accused = [e for e in result.events if e.type == "official_statement"
               and e.evidence.text.startswith("In May")]
    assert accused and accused[0].sources == ()


def test_pipeline_rules_set_by_the_capital_happen_at_the_border_village() -> None:
    text = ("Illustrative. Under rules set by Pyongyang, wagons arriving from Russia are "
            "sprayed with disinfectant and left to stand at Tumangang for ten days.")
    result = extract_article(text, "ill-tumangang", date(2022, 11, 4))
    health = _one(result, "health_measure")
    assert [p.place_id for p in health.where] == ["KP-13/korea-russia-friendship-bridge"]


@pytest.mark.parametrize(("text", "places"), [
    ("Illustrative. A student was detained at Pyongyang's airport in January 2016.",
     ["KP-01"]),
    ("Illustrative. Pyongyang's response was to close the border in January 2020.", [])])
def test_pipeline_what_the_capital_owns_as_a_city_is_in_it(text: str,
                                                           places: list[str]) -> None:
    # the capital's airport is in the capital; its response is the government's
    result = extract_article(text, "ill-capital", date(2017, 9, 1))
    assert [p.place_id for e in result.events for p in e.where] == places


def test_pipeline_a_city_blocked_is_the_lockdown_told_again() -> None:
    # "blocked" and "placed under total blockade" tell one lockdown of the city
    text = ("Illustrative. The authorities totally blocked Kaesong City on the afternoon of "
            "July 24. Rice will be sent to the citizens of Kaesong City, which has been "
            "placed under total blockade.")
    result = extract_article(text, "ill-blockade", date(2020, 7, 26))
    health = _one(result, "health_measure")
    assert health.when.start == "2020-07-24"


def test_pipeline_an_act_done_earlier_is_another_event() -> None:
    text = ("Illustrative. North Korea turned down three million Sinovac doses in "
            "September. It had earlier balked at AstraZeneca shots.")
    result = extract_article(text, "ill-earlier", date(2021, 11, 4))
    refusals = [e for e in result.events if e.type == "aid_delivery"]
    assert [e.modality for e in refusals] == ["negated", "negated"]
    assert "balked" in refusals[1].evidence.text


def test_events_bounded_only_by_different_report_dates_stay_apart() -> None:
    # illustrative: each is known only as "before" the day it was reported; two reports on
    # different days are no evidence that the guard posts and the mines are one event
    text = ("A JCS official said on May 2 that North Korean troops had built new guard posts "
            "near the border. Another official said on May 20 that soldiers had laid mines "
            "along the border.")
    result = _report(text, date(2024, 5, 22), "Yonhap")
    ends = sorted(e.when.end for e in result.events if e.type == "security_reinforcement")
    assert ends == ["2024-05-02", "2024-05-20"]


def test_a_statement_told_again_by_a_pronoun_is_one_record() -> None:
    # illustrative: "she" is Kim Yo Jong, quoted right after her warning was reported
    text = ("Kim Yo Jong, the sister of the North Korean leader, warned on Sunday of a new "
            "response. \"If Seoul keeps up the leaflets, it will be made to pay a dear "
            "price,\" she said in a statement carried by state media.")
    result = _report(text, date(2024, 6, 11), "AP")
    statements = [e for e in result.events if e.type == "official_statement"]
    assert len(statements) == 1
    assert statements[0].when.start == "2024-06-09"


@pytest.mark.parametrize(("text", "closures"), [
    # the closure "since" which trains ran again is the one told before, not January's
    ("North Korea sealed its border in January 2020. The trains started running again in "
     "January, for the first time since the border closed.",
     [("2020-01-01", "2020-01-31")]),
    # a "since" clause with its own date keeps it
    ("Trains started running again in January for the first time since North Korea sealed "
     "its border in late January 2020.", [("2020-01-21", "2020-01-31")]),
])
def test_an_event_told_as_the_start_of_a_since_clause_is_background(
        text: str, closures: list[tuple[str, str]]) -> None:
    result = _report(text, date(2022, 10, 14), "CS Monitor")
    assert [(e.when.start, e.when.end) for e in result.events
            if e.type == "border_closure"] == closures


def test_pipeline_a_city_locked_down_is_the_target_not_a_foreign_agent() -> None:
    # illustrative: the passive subject undergoes the lockdown; read as the agent, it made
    # the measure look like another state's own act and dropped it
    result = _report("The headquarters said that Manpo City was totally blockaded on the "
                     "afternoon of September 17.", date(2020, 9, 20), "KCNA")
    (measure,) = [e for e in result.events if e.type == "health_measure"]
    assert [(a.name, a.role) for a in measure.actors] == [("Manpo City", "target")]
    assert (measure.when.start, measure.when.end) == ("2020-09-17", "2020-09-17")


@pytest.mark.parametrize(("text", "records"), [
    # illustrative: a lead in the present perfect, dated by the next sentence, is one event
    ("North Korea has publicly executed three people in a border city. The three were shot "
     "by a firing squad in Hyesan on Monday.", 1),
    # ... not when the dated one is further on in the article
    ("North Korea has publicly executed three people in a border city. " + "Residents say "
     "food prices have doubled and the markets are half empty this winter. " * 6
     + "Two men were shot by a firing squad in Hyesan on Monday.", 2),
])
def test_pipeline_a_lead_and_its_dated_detail_are_one_event(text: str, records: int) -> None:
    result = _report(text, date(2021, 11, 18), "Daily Mail")
    found = [e for e in result.events if e.type == "punishment"]
    assert len(found) == records
    assert found[-1].when.start == "2021-11-15"


def test_a_reopening_by_another_vehicle_is_another_reopening() -> None:
    # illustrative: flights resumed, then buses crossing, are two reopenings; the same
    # trains told twice are one
    text = ("Buses carrying returnees from China began crossing the Friendship Bridge from "
            "Dandong in late August. Air Koryo resumed flights to Beijing and Vladivostok in "
            "late August.")
    result = _report(text, date(2023, 9, 20), "RFA")
    assert len([e for e in result.events if e.type == "border_reopening"]) == 2
    text = ("Freight trains crossed the Friendship Bridge into Sinuiju in late August. The "
            "trains crossed the bridge again, carrying flour.")
    result = _report(text, date(2023, 9, 20), "RFA")
    assert len([e for e in result.events if e.type == "border_reopening"]) == 1
