"""PLOVER JSON: event types, modes, contexts, actors, locations and skipped statements."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from koreawatch.exports import export_notes
from koreawatch.exports.plover import BASE, EVENT_TYPES, write_plover
from koreawatch.models import EVENT_TYPES as OUR_TYPES
from tests.exports import JILIN, NO_COORDS, SAEBYOL, every_type, incident


def _events(items: list) -> list[dict[str, Any]]:
    stream = io.StringIO()
    count = write_plover(items, stream)
    events = json.loads(stream.getvalue())
    assert isinstance(events, list) and count == len(events)
    return events


def test_plover_every_type_mapped() -> None:
    assert set(BASE) == set(OUR_TYPES)
    items = [i for i in every_type() if i.type != "official_statement"]
    items.append(incident("official_statement", summary="KCNA denied the reports",
                          ident="inc-s"))
    events = _events(items)
    assert len(events) == 13
    for event in events:
        assert event["event_type"] in EVENT_TYPES
        assert event["actor1"]["name"] and event["context"]
        assert event["native"]["type"] in OUR_TYPES


@pytest.mark.parametrize(("type_", "summary", "modality", "event_type", "mode"), [
    ("border_closure", "bridges closed", "reported", "COERCE", "restrict"),
    ("trade_suspension", "imports halted", "reported", "SANCTION", "discontinue"),
    ("arrest", "smugglers caught", "asserted", "COERCE", "arrest"),
    ("aid_delivery", "vaccines delivered", "reported", "AID", "humanitarian"),
    ("aid_delivery", "a loan was granted", "reported", "AID", "economic"),
    ("aid_delivery", "it rejected offers of help", "asserted", "REJECT", "assist"),
    ("aid_delivery", "aid will be sent", "expected", "AGREE", None),
    ("trade_resumption", "trade to resume in spring", "expected", "AGREE", None),
    ("trade_resumption", "trucks cross again", "reported", "COOPERATE", None),
    ("border_reopening", "trains crossed again", "reported", "COOPERATE", None),
    ("security_reinforcement", "more troops sent", "reported", "MOBILIZE", "troops"),
    ("security_reinforcement", "security agents deployed", "reported", "MOBILIZE",
     "police"),
    ("security_reinforcement", "new mines laid", "reported", "MOBILIZE", "weapons"),
    ("crackdown", "inspections of phones", "reported", "COERCE", "censor"),
    ("crackdown", "goods were confiscated", "reported", "COERCE", "confiscate"),
    ("crackdown", "a campaign against smuggling", "reported", "COERCE", "restrict"),
    ("health_measure", "city lockdown ordered", "reported", "COERCE", "curfew"),
    ("health_measure", "masks required", "reported", "COERCE", "restrict"),
    ("punishment", "three were executed", "reported", "ASSAULT", "execute"),
    ("punishment", "sent to a labour camp", "reported", "COERCE", "arrest"),
    ("illegal_crossing", "a crosser was shot dead", "reported", "ASSAULT", "firearms"),
    ("illegal_crossing", "two fled across the river", "reported", "REJECT", None),
    ("smuggling", "ship-to-ship transfers", "reported", "REJECT", None),
    ("official_statement", "KCNA accused Seoul of lying", "asserted", "ACCUSE", None),
    ("official_statement", "it warned of retaliation", "asserted", "THREATEN", "violence"),
    ("official_statement", "it claims to have no cases", "asserted", "REJECT", None),
])
def test_plover_type_and_mode(type_: str, summary: str, modality: str, event_type: str,
                              mode: str | None) -> None:
    event = _events([incident(type_, summary=summary, modality=modality)])[0]
    assert (event["event_type"], event["mode"]) == (event_type, mode)


def test_plover_plain_statement_is_skipped_and_counted() -> None:
    plain = incident("official_statement", summary="KCNA reported a factory opened")
    assert _events([plain]) == []
    assert export_notes("plover", [plain]) == [
        "plover: skipped 1 incident: plain official statements, which PLOVER does not "
        "code"]


@pytest.mark.parametrize(("modality", "summary", "expected"), [
    ("expected", "closure planned", ["migration", "future"]),
    ("negated", "no closure", ["migration", "negation"]),
    ("denied", "closure denied", ["migration", "negation"]),
    ("reported", "closed over coronavirus fears", ["migration", "disease"]),
])
def test_plover_contexts(modality: str, summary: str, expected: list[str]) -> None:
    event = _events([incident(summary=summary, modality=modality)])[0]
    assert event["context"] == expected


def test_plover_actors_country_codes_and_counterpart() -> None:
    event = _events([incident(where=(SAEBYOL, JILIN), summary="bridges closed")])[0]
    assert event["actor1"] == {"name": "North Korea", "country": "PRK", "sector": "GOV"}
    assert event["actor2"] == {"name": "China", "country": "CHN", "sector": "GOV"}
    sanction = _events([incident("trade_suspension", summary="new UN sanctions")])[0]
    assert sanction["actor1"]["country"] == "IGO" and sanction["actor2"]["country"] == "PRK"


def test_plover_location_first_with_coordinates() -> None:
    event = _events([incident(where=(NO_COORDS, SAEBYOL))])[0]
    assert [loc["place_id"] for loc in event["locations"]] == ["KP-10", "KP-09/saebyol"]
    assert event["locations"][0]["lat"] is not None  # filled from the gazetteer
    assert event["location"]["place_id"] == "KP-10"
    assert event["location"]["admin1"] == "Ryanggang Province"
    assert event["location"]["country"] == "PRK"
    none = _events([incident(where=())])[0]
    assert none["location"] is None and none["locations"] == []


def test_plover_source_and_native_fields() -> None:
    event = _events([incident()])[0]
    assert event["id"] == "inc-1" and event["date"] == "2021-02-01"
    assert event["date_end"] == "2021-02-10" and event["date_precision"] == "part_of_month"
    assert event["source"]["outlets"] == ["Daily NK"]
    assert event["source"]["chains"] == ["Daily NK > a source in Yanggang Province"]
    assert event["source"]["corroboration"] == "reported by 1 outlet from 1 independent origin"
    assert event["native"]["modality"] == "reported"
    assert event["text"] == "illustrative evidence"
