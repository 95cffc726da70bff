"""Contradictions: denials and negations linked to the incidents they dispute."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.models import Evidence, Incident, Mention, PlaceRef, When
from koreawatch.resolve.contradictions import link_contradictions
from koreawatch.settings import Settings

FEB = When("2021-02-01", "2021-02-28", "month")
KP09 = PlaceRef("KP-09", "North Hamgyong Province", "province", "x", None, None, 0, 0)
KP10 = PlaceRef("KP-10", "Ryanggang Province", "province", "x", None, None, 0, 0)


def inc(iid: str, modality: str, *, type_: str = "smuggling", when: When = FEB,
        where: tuple[PlaceRef, ...] = ()) -> Incident:
    text = "oil products were sold to North Korea by ship in violation of sanctions"
    m = Mention(f"{iid}#e1", iid, "Outlet", date(2021, 3, 1), modality, when, (),
                Evidence(0, len(text), text))
    return Incident(iid, type_, modality, when, text, (m,), where=where)


def test_link_contradictions_denial_links_both_ways_and_keeps_both() -> None:
    factual, denial = inc("f", "reported"), inc("d", "denied")
    linked = link_contradictions([factual, denial], Settings())
    assert [i.id for i in linked] == ["f", "d"]
    assert linked[0].contradicted_by == ("d",) and linked[0].contradicts == ()
    assert linked[1].contradicts == ("f",) and linked[1].modality == "denied"


@pytest.mark.parametrize(("other", "linked"), [
    (inc("d", "negated"), True),
    (inc("d", "denied", type_="arrest"), False),
    (inc("d", "denied", when=When("2021-06-01", "2021-06-30", "month")), False),
    (inc("d", "denied", when=When("2021-03-05", "2021-03-05", "day")), True),  # 5 days later
    (inc("d", "denied", when=When(None, None, "unknown")), True),
    (inc("d", "expected"), False),
])
def test_link_contradictions_rules(other: Incident, linked: bool) -> None:
    result = link_contradictions([inc("f", "asserted"), other], Settings())
    assert (result[0].contradicted_by == ("d",)) is linked


def test_link_contradictions_need_word_overlap() -> None:
    other = Incident("d", "smuggling", "denied", FEB, "a ship docked at a port", (
        Mention("d#e1", "d", "KCNA", date(2021, 3, 1), "denied", FEB, (),
                Evidence(0, 23, "a ship docked at a port")),))
    assert link_contradictions([inc("f", "reported"), other], Settings())[0].contradicted_by == ()


def test_link_contradictions_places_must_be_compatible() -> None:
    result = link_contradictions([inc("f", "reported", where=(KP09,)),
                                  inc("d", "denied", where=(KP10,))], Settings())
    assert result[0].contradicted_by == ()


@pytest.mark.parametrize(("agents", "linked"), [
    ({"f": frozenset({"North Korea"}), "d": frozenset({"North Korea"})}, True),
    ({"f": frozenset({"North Korea"}), "d": frozenset({"China"})}, False),
    ({}, True),
])
def test_link_contradictions_smuggling_needs_compatible_actors(
        agents: dict[str, frozenset[str]], linked: bool) -> None:
    result = link_contradictions([inc("f", "reported"), inc("d", "denied")], Settings(), agents)
    assert bool(result[0].contradicted_by) is linked
