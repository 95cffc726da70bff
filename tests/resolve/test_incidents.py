"""build_incidents: merging event records of different articles into incidents."""

from __future__ import annotations

import random
from datetime import date

import pytest

from koreawatch.models import Actor, Event, Evidence, PlaceRef, When
from koreawatch.resolve.incidents import ArticleMeta, build_incidents, incident_id, merged_when
from koreawatch.settings import Settings

KP09 = PlaceRef("KP-09", "North Hamgyong Province", "province", "North Hamgyong", 41.8, 129.6,
                0, 0)
SAEBYOL = PlaceRef("KP-09/saebyol", "Saebyol County", "county", "Saebyol", 42.7, 130.1, 0, 0)
KP10 = PlaceRef("KP-10", "Ryanggang Province", "province", "Yanggang", 41.2, 128.2, 0, 0)
CLOSURE = "North Korea closed the bridges to China in North Hamgyong Province"
FEB = When("2021-02-01", "2021-02-10", "part_of_month", "at the start of February")


def ev(eid: str, text: str = CLOSURE, *, type_: str = "border_closure",
       modality: str = "reported", when: When = FEB, where: tuple[PlaceRef, ...] = (KP09,),
       actors: tuple[Actor, ...] = (Actor("North Korea", "agent"),),
       sources: tuple[tuple[str, ...], ...] = ()) -> Event:
    """An illustrative event record; the article id is the part before '#'."""
    return Event(id=eid, article_id=eid.split("#")[0], type=type_, modality=modality,
                 when=when, evidence=Evidence(0, len(text), text), summary=text,
                 reason="hand-built", where=where, actors=actors, sources=sources)


def meta(article_id: str, outlet: str, day: int, copy_of: str | None = None) -> ArticleMeta:
    return ArticleMeta(article_id, outlet, date(2021, 3, day), copy_of)


def ids(incidents) -> list[list[str]]:
    return sorted(sorted(m.event_id for m in inc.mentions) for inc in incidents)


@pytest.fixture
def cfg() -> Settings:
    return Settings()


def test_build_incidents_syndicated_copy_merges_with_reason(cfg: Settings) -> None:
    found = build_incidents([(ev("a#e1"), meta("a", "Daily NK", 1)),
                             (ev("b#e1"), meta("b", "Illustrative Wire", 2, copy_of="a"))], cfg)
    assert ids(found) == [["a#e1", "b#e1"]]
    assert found[0].merge_reasons[0].startswith("b#e1 joined via a#e1: syndicated copy of a")
    assert [o.name for o in found[0].origins] == ["Daily NK"]


def test_build_incidents_two_outlets_citing_same_origin(cfg: Settings) -> None:
    text2 = "The bridges to China in North Hamgyong Province were closed, Daily NK reported"
    found = build_incidents([
        (ev("a#e1", sources=(("a source in North Hamgyong Province",),)),
         meta("a", "Daily NK", 1)),
        (ev("b#e1", text2, sources=(("Daily NK", "a source"),)), meta("b", "NK News", 3)),
        (ev("c#e1", text2, sources=(("Daily NK",),)), meta("c", "UPI", 4)),
    ], cfg)
    assert ids(found) == [["a#e1", "b#e1", "c#e1"]]
    inc = found[0]
    assert [(o.name, o.reports) for o in inc.origins] == [("Daily NK", 3)]
    assert inc.corroboration() == "reported by 3 outlets from 1 independent origin"


def test_build_incidents_different_closures_same_month_stay_apart(cfg: Settings) -> None:
    other = "Authorities sealed the Hyesan customs crossing in Yanggang Province to traders"
    late = When("2021-02-21", "2021-02-28", "part_of_month", "late February")
    found = build_incidents([
        (ev("a#e1"), meta("a", "Daily NK", 1)),
        (ev("b#e1", other, where=(KP10,)), meta("b", "RFA", 2)),
        (ev("c#e1", when=late, where=(KP10,)), meta("c", "NK News", 3)),
    ], cfg)
    assert len(found) == 3


@pytest.mark.parametrize(("first", "second"), [((KP09,), (SAEBYOL,)), ((SAEBYOL,), (KP09,))])
def test_build_incidents_county_inside_province_merges(
        cfg: Settings, first: tuple[PlaceRef, ...], second: tuple[PlaceRef, ...]) -> None:
    found = build_incidents([(ev("a#e1", where=first), meta("a", "Daily NK", 1)),
                             (ev("b#e1", where=second), meta("b", "RFA", 2))], cfg)
    assert ids(found) == [["a#e1", "b#e1"]]
    assert "KP-09/saebyol inside KP-09" in found[0].merge_reasons[0]
    assert [p.place_id for p in found[0].where] == ["KP-09/saebyol"]  # the most specific


def test_build_incidents_same_article_events_never_merge(cfg: Settings) -> None:
    found = build_incidents([(ev("a#e1"), meta("a", "Daily NK", 1)),
                             (ev("a#e2"), meta("a", "Daily NK", 1))], cfg)
    assert len(found) == 2


def test_build_incidents_denial_never_merges_with_factual(cfg: Settings) -> None:
    found = build_incidents([(ev("a#e1"), meta("a", "Daily NK", 1)),
                             (ev("b#e1", modality="denied"), meta("b", "KCNA", 2))], cfg)
    assert len(found) == 2


def test_build_incidents_conflicting_agents_stay_apart(cfg: Settings) -> None:
    found = build_incidents([
        (ev("a#e1"), meta("a", "Daily NK", 1)),
        (ev("b#e1", actors=(Actor("China", "agent"),)), meta("b", "RFA", 2)),
    ], cfg)
    assert len(found) == 2


def test_build_incidents_order_independent_and_stable_ids(cfg: Settings) -> None:
    text2 = "North Hamgyong Province bridges to China closed, residents said"
    items = [(ev("a#e1"), meta("a", "Daily NK", 1)),
             (ev("b#e1", where=(SAEBYOL,)), meta("b", "RFA", 2)),
             (ev("c#e1", text2), meta("c", "NK News", 3)),
             (ev("d#e1", when=When("2021-06-01", "2021-06-30", "month")),
              meta("d", "VOA", 4))]
    expected = build_incidents(items, cfg)
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        assert build_incidents(shuffled, cfg) == expected
    assert expected[0].id == incident_id("a#e1")
    assert expected[0].id.startswith("inc-") and len(expected[0].id) == 16


@pytest.mark.parametrize(("threshold", "groups"), [(0.2, 1), (0.95, 2)])
def test_build_incidents_min_similarity_from_settings(threshold: float, groups: int) -> None:
    text2 = "North Korea shut the bridges to China in North Hamgyong Province after a warning"
    found = build_incidents([(ev("a#e1"), meta("a", "Daily NK", 1)),
                             (ev("b#e1", text2), meta("b", "RFA", 2))],
                            Settings(incident_min_similarity=threshold))
    assert len(found) == groups


@pytest.mark.parametrize(("gap", "groups"), [(7, 1), (1, 2)])
def test_build_incidents_max_gap_days_from_settings(gap: int, groups: int) -> None:
    one = When("2021-02-01", "2021-02-01", "day")
    two = When("2021-02-04", "2021-02-04", "day")
    found = build_incidents([(ev("a#e1", when=one), meta("a", "Daily NK", 1)),
                             (ev("b#e1", when=two), meta("b", "RFA", 2))],
                            Settings(incident_max_gap_days=gap))
    assert len(found) == groups


def test_build_incidents_undated_records_need_strong_overlap(cfg: Settings) -> None:
    undated = When(None, None, "unknown")
    loose = "North Korea closed a bridge to China, smugglers say, citing fears"
    found = build_incidents([(ev("a#e1", when=undated), meta("a", "Daily NK", 1)),
                             (ev("b#e1", loose, when=undated), meta("b", "RFA", 2)),
                             (ev("c#e1", when=undated), meta("c", "VOA", 3))], cfg)
    assert ids(found) == [["a#e1", "c#e1"], ["b#e1"]]


def test_build_incidents_fields_modality_summary_mentions(cfg: Settings) -> None:
    found = build_incidents([
        (ev("b#e1", "Bridges closed in Saebyol", where=(SAEBYOL,), modality="asserted"),
         meta("b", "RFA", 5)),
        (ev("a#e1", modality="reported"), meta("a", "Daily NK", 1)),
    ], Settings(incident_min_similarity=0.1))
    inc = found[0]
    assert [m.event_id for m in inc.mentions] == ["a#e1", "b#e1"]
    assert inc.summary == CLOSURE
    assert inc.modality == "asserted"  # a tie goes to the most certain


@pytest.mark.parametrize(("whens", "expected"), [
    ([FEB, When("2021-02-01", "2021-02-28", "month")], ("2021-02-01", "2021-02-10",
                                                          "part_of_month")),
    ([When("2021-02-03", "2021-02-03", "day"), FEB], ("2021-02-03", "2021-02-03", "day")),
    ([When(None, "2021-02-05", "unknown"), FEB], ("2021-02-01", "2021-02-05",
                                                   "part_of_month")),
    ([When("2021-02-01", "2021-02-01", "day"), When("2021-02-04", "2021-02-04", "day")],
     ("2021-02-01", "2021-02-04", "day")),
    ([When(None, None, "unknown")], (None, None, "unknown")),
])
def test_merged_when_tightest_interval(whens: list[When],
                                       expected: tuple[str | None, str | None, str]) -> None:
    got = merged_when(whens)
    assert (got.start, got.end, got.precision) == expected
