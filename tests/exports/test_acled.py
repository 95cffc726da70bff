"""ACLED-style CSV: columns, type mapping, dates and precisions, places, sources."""

from __future__ import annotations

import csv
import io

import pytest

from koreawatch.exports.acled import ACLED_COLUMNS, TYPE_MAP, source_scale, write_acled
from koreawatch.models import EVENT_TYPES, When
from tests.exports import HYESAN, JILIN, NORTH_HAMGYONG, SAEBYOL, every_type, incident, mention

ACLED_EVENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence",
                     "Riots", "Protests", "Strategic developments"}


def _rows(items: list) -> list[dict[str, str]]:
    stream = io.StringIO()
    count = write_acled(items, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert count == len(rows)
    return rows


def test_acled_columns_in_order() -> None:
    stream = io.StringIO()
    write_acled([], stream)
    assert next(csv.reader(io.StringIO(stream.getvalue()))) == list(ACLED_COLUMNS)


def test_acled_every_type_mapped_to_acled_vocabulary() -> None:
    assert set(TYPE_MAP) == set(EVENT_TYPES)
    rows = _rows(every_type())
    assert len(rows) == 13
    for row in rows:
        assert row["event_type"] in ACLED_EVENT_TYPES and row["sub_event_type"]
        assert row["actor1"]


@pytest.mark.parametrize(("type_", "summary", "event_type", "sub_type"), [
    ("arrest", "three smugglers were caught", "Strategic developments", "Arrests"),
    ("crackdown", "inspections of phones", "Strategic developments", "Other"),
    ("security_reinforcement", "more guards", "Strategic developments",
     "Change to group/activity"),
    ("illegal_crossing", "a crosser was shot dead by guards", "Violence against civilians",
     "Attack"),
    ("illegal_crossing", "two people fled across the river", "Strategic developments",
     "Other"),
    ("punishment", "five officials were executed", "Violence against civilians", "Attack"),
    ("punishment", "sent to a labour camp", "Strategic developments", "Other"),
    ("official_statement", "KCNA said there were no cases", "Strategic developments",
     "Other"),
])
def test_acled_type_mapping(type_: str, summary: str, event_type: str, sub_type: str) -> None:
    row = _rows([incident(type_, summary=summary)])[0]
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub_type)


@pytest.mark.parametrize(("when", "event_date", "precision"), [
    (When("2021-02-03", "2021-02-03", "day"), "2021-02-03", "1"),
    (When("2021-02-01", "2021-02-07", "week"), "2021-02-01", "2"),
    (When("2021-02-01", "2021-02-10", "part_of_month"), "2021-02-01", "2"),
    (When("2021-02-01", "2021-02-28", "month"), "2021-02-01", "3"),
    (When("2021-03-01", "2021-05-31", "season"), "2021-03-01", "3"),
    (When("2021-02-13", "2021-03-15", "approx"), "2021-02-13", "3"),
    (When(None, "2021-01-31", "unknown"), "2021-01-31", "3"),
    (When(None, None, "unknown"), "2021-03-15", "3"),  # the mention's publication date
])
def test_acled_event_date_and_time_precision(when: When, event_date: str,
                                             precision: str) -> None:
    row = _rows([incident(when=when)])[0]
    assert (row["event_date"], row["time_precision"]) == (event_date, precision)
    assert row["year"] == event_date[:4]


@pytest.mark.parametrize(("place", "admin1", "admin2", "geo"), [
    (SAEBYOL, "North Hamgyong Province", "Saebyol County", "2"),
    (HYESAN, "Ryanggang Province", "Hyesan City", "1"),  # gazetteer names
    (NORTH_HAMGYONG, "North Hamgyong Province", "", "3"),
])
def test_acled_admin_units_and_geo_precision(place, admin1: str, admin2: str,
                                             geo: str) -> None:
    row = _rows([incident(where=(place,))])[0]
    assert row["admin1"].casefold() == admin1.casefold()
    assert row["admin2"].casefold() == admin2.casefold()
    assert (row["geo_precision"], row["location"]) == (geo, place.name)
    assert (float(row["latitude"]), float(row["longitude"])) == (place.lat, place.lon)


def test_acled_one_row_per_place_or_country_level() -> None:
    rows = _rows([incident(where=(SAEBYOL, JILIN)), incident(where=(), ident="inc-2")])
    assert [r["event_id_cnty"] for r in rows] == ["inc-1-1", "inc-1-2", "inc-2-1"]
    assert rows[1]["country"] == "China"
    assert (rows[2]["country"], rows[2]["location"], rows[2]["geo_precision"]) == (
        "North Korea", "North Korea", "3")


@pytest.mark.parametrize("modality", ["expected", "denied", "negated"])
def test_acled_skips_non_factual(modality: str) -> None:
    assert _rows([incident(modality=modality)]) == []


@pytest.mark.parametrize(("outlets", "scale"), [
    (["Daily NK"], "International"),
    (["KCNA"], "National"),
    (["Korean Central News Agency", "Reuters"], "National-International"),
    (["Some Local Blog"], "Other"),
    (["Reuters", "Some Local Blog"], "International-Other"),
])
def test_acled_source_scale(outlets: list[str], scale: str) -> None:
    assert source_scale(outlets) == scale


def test_acled_source_and_notes() -> None:
    item = incident(mentions=(mention(1), mention(2, outlet="RFA")),
                    summary="Bridges closed.")
    row = _rows([item])[0]
    assert row["source"] == "Daily NK; RFA"
    assert row["notes"] == ("Bridges closed (reported). Reported by 2 outlets from 1 "
                            "independent origin.")
    assert "modality=reported" in row["tags"]
