"""Border status rules over small hand-built, illustrative incidents (not real reports)."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.errors import UsageError
from koreawatch.models import Evidence, Incident, Mention, PlaceRef, When
from koreawatch.resolve.status import (
    border_regions,
    find_region,
    incident_levels,
    status_series,
)
from koreawatch.settings import Settings

SETTINGS = Settings(status_stale_days=5, status_unknown_days=10)


def _place(pid: str, level: str = "province") -> PlaceRef:
    return PlaceRef(pid, pid, level, pid, None, None, 0, 0)


def _inc(iid: str, type_: str, start: str | None, end: str | None, *places: PlaceRef,
         modality: str = "reported", flow: str | None = "both", text: str = "closed",
         duration: int | None = None) -> Incident:
    when = When(start, end, "day")
    mention = Mention(iid, "demo", None, None, modality, when, (),
                      Evidence(0, len(text), text))
    return Incident(id=iid, type=type_, modality=modality, when=when, summary=text,
                    mentions=(mention,), where=places, flow=flow, duration_days=duration)


def _day(series, day: str):  # noqa: ANN001, ANN202 (test helper)
    return next(d for d in series if d.date == date.fromisoformat(day))


def _series(incidents, region: str, start: str, end: str):  # noqa: ANN001, ANN202
    return status_series(incidents, region, date.fromisoformat(start),
                         date.fromisoformat(end), SETTINGS)


KP09 = _place("KP-09")
SAEBYOL = _place("KP-09/saebyol", "county")
TUMEN_BRIDGE = _place("KP-09/tumen-border-bridge", "crossing")


def test_regions_one_per_border_and_crossing() -> None:
    ids = [r.id for r in border_regions()]
    for rid in ("KP-03:CN", "KP-04:CN", "KP-09:CN", "KP-10:CN", "KP-13:CN", "KP-13:RU",
                "KP-05:KR", "KP-06:KR", "KP-07:KR", "KP-15:KR", "KP-09/tumen-border-bridge",
                "KP-13/korea-russia-friendship-bridge"):
        assert rid in ids
    assert "KP-01:CN" not in ids and len(ids) == len(set(ids))


@pytest.mark.parametrize(("value", "rid", "borders"), [
    ("KP-13", "KP-13", ("CN", "RU")),
    ("KP-13:ru", "KP-13:RU", ("RU",)),
    ("North Hamgyong", "KP-09", ("CN",)),
    ("kp-09/tumen-border-bridge", "KP-09/tumen-border-bridge", ("CN",)),
])
def test_find_region_forms(value: str, rid: str, borders: tuple[str, ...]) -> None:
    region = find_region(value)
    assert (region.id, region.borders) == (rid, borders)


@pytest.mark.parametrize("value", ["KP-01", "KP-09:RU", "Atlantis", "KP-09/saebyol"])
def test_find_region_bad_value_names_it(value: str) -> None:
    with pytest.raises(UsageError, match="KP-13:RU"):
        find_region(value)


@pytest.mark.parametrize(("type_", "text", "flow", "expected"), [
    ("border_closure", "closed the bridges", "both", {"people": 3, "cargo": 3}),
    ("border_closure", "closed the bridges, left one bridge open for emergencies", "people",
     {"people": 2}),
    ("border_closure", "travel across the border was restricted", "both",
     {"people": 1, "cargo": 1}),
    ("trade_suspension", "trade halted", "cargo", {"cargo": 3}),
    ("trade_resumption", "trade resumed", "cargo", {"cargo": 1}),
    ("trade_resumption", "trade fully resumed", "cargo", {"cargo": 0}),
    ("border_reopening", "the border reopened", "both", {"people": 0, "cargo": 0}),
    ("border_reopening", "reopened for limited freight", "cargo", {"cargo": 1}),
    ("arrest", "two arrested", None, {}),
])
def test_incident_levels_cues(type_: str, text: str, flow: str | None,
                              expected: dict[str, int]) -> None:
    levels, _ = incident_levels(_inc("i", type_, "2021-01-01", "2021-01-01", text=text,
                                     flow=flow))
    assert levels == expected


def test_status_partial_closure_is_level_two_with_evidence() -> None:
    inc = _inc("feb", "border_closure", "2021-02-01", "2021-02-10", KP09, SAEBYOL,
               text="closed the bridges, although it left one bridge open for emergencies")
    series = _series([inc], "KP-09", "2021-02-01", "2021-02-10")
    assert all(d.people.level == 2 and d.people.state == "known" for d in series)
    assert all(d.evidence == ("feb",) for d in series)


def test_status_regional_beats_national_on_its_days() -> None:
    national = _inc("nat", "border_closure", "2021-02-01", "2021-02-28")
    regional = _inc("reg", "border_reopening", "2021-02-05", "2021-02-06", KP09,
                    text="reopened")
    series = _series([national, regional], "KP-09", "2021-02-04", "2021-02-07")
    assert [d.people.level for d in series] == [3, 0, 0, 3]
    assert _day(series, "2021-02-05").evidence == ("reg",)
    other = _series([national, regional], "KP-10", "2021-02-05", "2021-02-05")
    assert other[0].people.level == 3 and other[0].evidence == ("nat",)


def test_status_national_named_country_limits_borders() -> None:
    china = _inc("cn", "border_closure", "2021-01-01", "2021-01-31",
                 text="shut the border with China")
    assert _series([china], "KP-09", "2021-01-10", "2021-01-10")[0].people.level == 3
    assert _series([china], "KP-15", "2021-01-10", "2021-01-10")[0].people.state == "unknown"
    assert _series([china], "KP-13:RU", "2021-01-10", "2021-01-10")[0].people.level is None


def test_status_duration_extends_then_bounds_effect() -> None:
    inc = _inc("jan", "border_closure", "2021-01-01", "2021-01-05", duration=30)
    series = _series([inc], "KP-03", "2021-01-29", "2021-02-02")
    assert [d.people.state for d in series] == ["known", "known", "stale", "stale", "stale"]
    assert all(d.people.level == 3 for d in series)


def test_status_reopening_lowers_level() -> None:
    closed = _inc("c", "border_closure", "2021-01-01", "2021-01-01")
    reopened = _inc("r", "border_reopening", "2021-01-03", "2021-01-03",
                    text="trucks crossed again in limited numbers")
    series = _series([closed, reopened], "KP-03", "2021-01-01", "2021-01-04")
    assert [d.people.level for d in series] == [3, 3, 1, 1]
    assert [d.evidence for d in series] == [("c",), ("c",), ("r",), ("r",)]


@pytest.mark.parametrize("modality", ["expected", "denied", "negated"])
def test_status_non_factual_modalities_ignored(modality: str) -> None:
    inc = _inc("x", "border_closure", "2021-01-01", "2021-01-31", modality=modality)
    series = _series([inc], "KP-09", "2021-01-10", "2021-01-10")
    assert series[0].people.state == "unknown" and series[0].evidence == ()


def test_status_stale_then_unknown_by_settings() -> None:
    inc = _inc("c", "border_closure", "2021-01-01", "2021-01-01")
    series = _series([inc], "KP-04", "2020-12-31", "2021-01-13")
    states = [d.people.state for d in series]
    # before: unknown; day 0..5 known; 6..10 stale; then unknown
    assert states == ["unknown"] + ["known"] * 6 + ["stale"] * 5 + ["unknown"] * 2
    assert series[-1].people.level is None and series[-1].evidence == ()
    assert series[8].people.level == 3 and series[8].evidence == ("c",)


def test_status_trade_events_touch_cargo_only() -> None:
    inc = _inc("t", "trade_suspension", "2021-01-01", "2021-01-02", flow="cargo",
               text="imports halted")
    day = _series([inc], "KP-10", "2021-01-01", "2021-01-01")[0]
    assert (day.people.level, day.cargo.level) == (None, 3)


def test_status_crossing_inherits_province_and_own_closures() -> None:
    province = _inc("p", "border_closure", "2021-01-01", "2021-01-01", KP09)
    bridge = _inc("b", "border_reopening", "2021-01-01", "2021-01-01", TUMEN_BRIDGE,
                  text="the bridge reopened")
    crossing = _series([province, bridge], "KP-09/tumen-border-bridge", "2021-01-01",
                       "2021-01-01")[0]
    assert crossing.people.level == 0 and crossing.evidence == ("b",)  # own beats province
    other = _series([province, bridge], "KP-09/musan-nanping-crossing", "2021-01-01",
                    "2021-01-01")[0]
    assert other.people.level == 3 and other.evidence == ("p",)  # inherits the province


def test_status_one_crossing_closed_is_partial_for_province() -> None:
    bridge = _inc("b", "border_closure", "2021-01-01", "2021-01-01", TUMEN_BRIDGE)
    assert _series([bridge], "KP-09", "2021-01-01", "2021-01-01")[0].people.level == 2
    county = _inc("s", "border_closure", "2021-01-01", "2021-01-01", SAEBYOL)
    assert _series([county], "KP-09", "2021-01-01", "2021-01-01")[0].people.level == 3


def test_status_other_provinces_and_ports_not_relevant() -> None:
    hyesan = _inc("h", "border_closure", "2021-01-01", "2021-01-01",
                  _place("KP-10/hyesan", "city"))
    nampo = _inc("n", "border_closure", "2021-01-01", "2021-01-01", _place("KP-14"))
    capital = _inc("k", "border_closure", "2021-01-02", "2021-01-02", _place("KP-01"))
    series = _series([hyesan, nampo, capital], "KP-09", "2021-01-01", "2021-01-02")
    assert series[0].people.state == "unknown"
    assert series[1].people.level == 3 and series[1].evidence == ("k",)


def test_status_deterministic_under_input_order() -> None:
    incs = [_inc("a", "border_closure", "2021-01-01", "2021-01-03"),
            _inc("b", "border_closure", "2021-01-01", "2021-01-03", text="one bridge open"),
            _inc("c", "trade_resumption", "2021-01-02", "2021-01-02", flow="cargo")]
    first = _series(incs, "KP-03", "2021-01-01", "2021-01-05")
    assert first == _series(list(reversed(incs)), "KP-03", "2021-01-01", "2021-01-05")
    assert first[0].people.level == 3 and first[0].evidence == ("a",)


def test_status_default_range_and_empty() -> None:
    inc = _inc("c", "border_closure", "2021-01-01", "2021-01-01")
    series = status_series([inc], "KP-03", None, None, SETTINGS)
    assert series[0].date == date(2021, 1, 1) and series[-1].date == date(2021, 1, 11)
    assert status_series([], "KP-03", None, None, SETTINGS) == []
