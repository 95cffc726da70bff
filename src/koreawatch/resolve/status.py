"""Border status: a day-by-day series of how open each land border is, for people and cargo.

**Regions** (``border_regions``, ``find_region``). Ids:

- ``KP-NN:CC`` — a province-level unit on one land border: ``KP-09:CN``, ``KP-13:CN``,
  ``KP-13:RU``, ``KP-15:KR``. ``CC`` is the ISO 3166-1 code of the country across.
- ``KP-NN`` — the same unit over all its borders (``KP-13`` is Rason towards China and
  Russia; for a unit with one border it is the same as ``KP-NN:CC``).
- a crossing's gazetteer id (``KP-09/tumen-border-bridge``): that crossing, on the border
  of its ``partner`` place in the gazetteer data.

The units and their borders are ``LAND_BORDERS`` (with China KP-03, KP-04, KP-09, KP-10,
KP-13; with Russia KP-13; with South Korea KP-05, KP-06, KP-07, KP-15) plus the border of
every crossing in the gazetteer.

**Rules**, in priority order (``DimensionStatus.reason`` names the one that fired):

1. *Types.* Only ``border_closure``, ``border_reopening``, ``trade_suspension`` and
   ``trade_resumption`` incidents count, and only with a factual modality (``asserted``,
   ``reported``): ``expected`` ones (plans, forecasts) and ``denied``/``negated`` ones are
   ignored, as are incidents without any date.
2. *Scope.* An incident is relevant to a region through its places (``_scope``):
   a place in the unit (the unit itself, a county or city in it, one of its crossings on
   that border) makes it *regional*; a crossing region takes incidents of the crossing
   itself, of the county or city it lies in, and of its province. A foreign city named
   by the incident stands for the crossings that lead to it (Dandong → the two Sinuiju
   bridges). An incident with no North Korean place, only ``KP``, or only the capital
   (``KP-01``: "Pyongyang closed its borders" speaks of the state) is *national*: it
   applies to every region, except that naming a neighbouring country (a place in
   ``CN``, ``RU``, ``KR``, or failing that a word of ``NEIGHBOUR_CUES`` in the evidence:
   "China", "ROK"...) limits it to the borders with that country. Other North
   Korean places off the land borders (a port in Nampo) make it irrelevant here.
3. *Levels* (``incident_levels``; 0 open, 1 restricted, 2 partly closed, 3 closed),
   read from the type, ``flow`` (``people``, ``cargo``, ``both``; none means both) and
   the words of the mentions' evidence (cue lists below):
   ``border_closure`` → 3, or 2 with a *partial* cue ("open for emergencies", "one
   bridge", "partially"...), or 1 with a *restriction* cue ("restricted", "tightened")
   and no closing word; ``trade_suspension`` → cargo 3, or 2 with a partial cue;
   ``trade_resumption`` → cargo 1, or 0 with a *full* cue ("fully", "normal");
   ``border_reopening`` → 0, or 1 with a *limited* cue ("limited", "some", "only").
   A closure known only through one crossing of a unit that has several crossings on
   that border gives the unit 2, not 3: some crossings closed.
4. *Windows.* An incident's effect starts at its interval's start (or its end, when
   only the end is known) and is *fresh* through the interval's end; ``duration_days``
   extends the fresh window to ``start + duration - 1``.
5. *Day value, fresh evidence.* When fresh windows cover the day, the most specific
   scope wins (crossing > county or city > province > national), then the latest start,
   then the higher level, then the incident id. State ``known``.
6. *Day value, carried.* Otherwise the level of the incident with the latest window end
   before the day carries on (a closure lasts until a reopening or resumption in scope
   replaces it): ``known`` up to ``settings.status_stale_days`` days after that end,
   ``stale`` (level kept) up to ``settings.status_unknown_days`` days, then ``unknown``
   (level None). An incident with a duration ends its stated period at the window's
   end, so past it the level is at best ``stale``.
7. *No evidence.* Days before any relevant incident are ``unknown``.

Each day's ``evidence`` lists the deciding incidents (people, then cargo) and the other
fresh incidents of the same scope that give the same level. Output is deterministic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from koreawatch.errors import UsageError
from koreawatch.extract.places import PROVINCE_LEVELS, Gazetteer, load_gazetteer
from koreawatch.models import Incident
from koreawatch.settings import Settings

log = logging.getLogger(__name__)

LAND_BORDERS: Mapping[str, tuple[str, ...]] = {
    "KP-03": ("CN",), "KP-04": ("CN",), "KP-09": ("CN",), "KP-10": ("CN",),
    "KP-13": ("CN", "RU"),
    "KP-05": ("KR",), "KP-06": ("KR",), "KP-07": ("KR",), "KP-15": ("KR",),
}
"""Province-level units on a land border and the countries across (geography, ISO codes)."""

NEIGHBOURS = frozenset({"CN", "RU", "KR"})
CAPITAL = "KP-01"
STATUS_TYPES = ("border_closure", "border_reopening", "trade_suspension", "trade_resumption")
FACTUAL = frozenset({"asserted", "reported"})
FLOWS = ("people", "cargo")
LEVEL_NAMES = ("open", "restricted", "partly closed", "closed")
TIER_NAMES = ("national", "province", "county or city", "crossing")

PARTIAL_CUES = ("for emergencies", "emergencies only", "emergency use", "emergency purposes",
                "partially", "partial", "some crossings", "one bridge", "one crossing",
                "left open", "left one", "kept open", "remained open", "remains open",
                "stays open", "stayed open")
RESTRICTION_CUES = ("restrict", "tighten", "limited")
CLOSING_WORDS = ("close", "shut", "seal", "lock", "suspend", "block", "halt", "cut off",
                 "ban")
LIMITED_CUES = ("restricted", "limited", "some", "partial", "partially", "only", "trial",
                "test", "gradual", "low-level", "small")
NEIGHBOUR_CUES: Mapping[str, tuple[str, ...]] = {
    "CN": ("china", "chinese", "sino-"),
    "RU": ("russia", "russian"),
    "KR": ("south korea", "rok", "seoul", "inter-korean", "demilitarized zone", "dmz"),
}
FULL_CUES = ("fully", "full", "normal", "completely", "all trade")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Region:
    """A stretch of land border whose status is tracked (see the module docstring for ids).

    ``kind`` is ``province`` (a unit over all its borders), ``province_border`` (a unit on
    one border) or ``crossing``; ``crossings`` are the gazetteer crossings it includes."""

    id: str
    name: str
    kind: str
    province: str
    borders: tuple[str, ...]
    crossings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DimensionStatus:
    """One flow's status on one day: ``level`` 0-3 or None, ``state`` known|stale|unknown,
    and the rule that gave it."""

    level: int | None
    state: str
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "state": self.state, "reason": self.reason}


@dataclass(frozen=True)
class DayStatus:
    """The status of a region on one day, for people and cargo, with the incidents behind it."""

    date: date
    people: DimensionStatus
    cargo: DimensionStatus
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "people": self.people.to_dict(),
                "cargo": self.cargo.to_dict(), "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Effect:
    """What one incident says about one region: levels per flow, its scope tier, its window
    (``start``..``end`` fresh; ``bounded`` when a duration states when it ends) and why."""

    incident_id: str
    levels: Mapping[str, int]
    tier: int
    start: date
    end: date
    bounded: bool
    why: str = ""
    cues: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- regions


def crossing_partners(gazetteer: Gazetteer) -> dict[str, str]:
    """Crossing id → the place across the border (``partner`` in the gazetteer data)."""
    out: dict[str, str] = {}
    for place in gazetteer:
        if place.level != "crossing":
            continue
        if place.partner is not None:
            out[place.id] = place.partner
        else:
            log.warning("crossing %s has no partner place; left out of the border status",
                        place.id)
    return out


def _borders(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Province → sorted border countries (LAND_BORDERS plus every crossing's border)."""
    borders = {pid: set(codes) for pid, codes in LAND_BORDERS.items()}
    for crossing, partner in crossing_partners(gazetteer).items():
        province = gazetteer.province_of(crossing)
        if province is not None:
            borders.setdefault(province, set()).add(partner[:2])
    return {pid: tuple(sorted(codes)) for pid, codes in sorted(borders.items())}


def _province_region(gazetteer: Gazetteer, province: str, borders: Iterable[str],
                     union: bool = False) -> Region:
    """A unit on the given borders; ``union`` gives the ``KP-NN`` (all borders) region."""
    codes = tuple(sorted(borders))
    crossings = tuple(sorted(
        c for c, partner in crossing_partners(gazetteer).items()
        if gazetteer.province_of(c) == province and partner[:2] in codes))
    place = gazetteer.get(province)
    name = place.name if place else province
    several = len(_borders(gazetteer).get(province, ())) > 1
    if union:
        return Region(province, name + (" (all borders)" if several else ""), "province",
                      province, codes, crossings)
    if several:
        across = gazetteer.get(codes[0])
        name += f" (border with {across.name if across else codes[0]})"
    return Region(f"{province}:{codes[0]}", name, "province_border", province, codes,
                  crossings)


def _crossing_region(gazetteer: Gazetteer, crossing: str) -> Region:
    partner = crossing_partners(gazetteer)[crossing]
    place = gazetteer.get(crossing)
    province = gazetteer.province_of(crossing) or crossing.split("/")[0]
    return Region(crossing, place.name if place else crossing, "crossing", province,
                  (partner[:2],), (crossing,))


def border_regions(gazetteer: Gazetteer | None = None) -> list[Region]:
    """Every province-level unit on a land border, once per border (``KP-13:CN`` and
    ``KP-13:RU``), then every crossing of the gazetteer; in id order within each group."""
    gaz = gazetteer or load_gazetteer()
    units = [_province_region(gaz, pid, (code,))
             for pid, codes in _borders(gaz).items() for code in codes]
    crossings = [_crossing_region(gaz, c) for c in sorted(crossing_partners(gaz))]
    return units + crossings


def find_region(value: str, gazetteer: Gazetteer | None = None) -> Region:
    """The region an id or name stands for: ``KP-09``, ``KP-13:RU``, a crossing id, or a
    province or crossing name ("North Hamgyong", "Tumen Border Bridge")."""
    gaz = gazetteer or load_gazetteer()
    text = value.strip()
    head, colon, code = text.partition(":")
    borders = _borders(gaz)
    pid = _place_id(head, gaz)
    if pid in borders and colon:
        if code.upper() in borders[pid]:
            return _province_region(gaz, pid, (code.upper(),))
    elif pid in borders:
        return _province_region(gaz, pid, borders[pid], union=True)
    elif pid is not None and not colon and pid in crossing_partners(gaz):
        return _crossing_region(gaz, pid)
    units = ", ".join(f"{p}:{c}" for p, codes in borders.items() for c in codes)
    raise UsageError(f"no border region {value!r}: give a border unit ({', '.join(borders)}), "
                     f"a unit and border ({units}), a crossing id (KP-09/tumen-border-bridge)"
                     " or a province or crossing name ('North Hamgyong')")


def _place_id(text: str, gaz: Gazetteer) -> str | None:
    head, slash, slug = text.partition("/")
    for candidate in (text, head.upper() + slash + slug.lower()):
        if gaz.get(candidate) is not None:
            return candidate
    found = gaz.lookup(text) if text else []
    return found[0].id if found else None


# --------------------------------------------------------------------------- scope


def _foreign_crossings(pid: str, gaz: Gazetteer) -> list[str]:
    """The crossings that lead to a foreign city or county (none for provinces, countries)."""
    place = gaz.get(pid)
    if place is None or place.level in PROVINCE_LEVELS or place.level == "country":
        return []
    return sorted(c for c, partner in crossing_partners(gaz).items()
                  if partner == pid or gaz.contains(pid, partner))


def _match(pid: str, region: Region, gaz: Gazetteer) -> tuple[int, bool] | None:
    """(tier, via a crossing only) of one North Korean place for a region, or None."""
    if region.kind == "crossing":
        crossing = region.crossings[0]
        if pid == crossing:
            return 3, False
        if gaz.contains(pid, crossing):
            place = gaz.get(pid)
            return (1 if place is not None and place.level in PROVINCE_LEVELS else 2), False
        return None
    if not gaz.contains(region.province, pid):
        return None
    place = gaz.get(pid)
    if place is not None and place.level == "crossing":
        return (1, True) if pid in region.crossings else None
    return 1, False


def _scope(incident: Incident, region: Region, gaz: Gazetteer) -> tuple[int, bool] | None:
    """(tier, via a crossing only) of an incident for a region (rule 2), or None."""
    local: list[str] = []
    countries: set[str] = set()
    off_border = False
    for ref in incident.where:
        pid = ref.place_id
        if pid.startswith("KP-"):
            if gaz.province_of(pid) in LAND_BORDERS or pid in crossing_partners(gaz):
                local.append(pid)
            elif gaz.province_of(pid) != CAPITAL:
                off_border = True
        elif not pid.startswith("KP"):
            countries.add(pid[:2])
            local.extend(_foreign_crossings(pid, gaz))
    if local:
        matches = [m for m in (_match(pid, region, gaz) for pid in local) if m is not None]
        if not matches:
            return None
        return max(t for t, _ in matches), all(via for _, via in matches)
    named = countries & NEIGHBOURS or _named_neighbours(incident)
    if off_border or (named and not named & set(region.borders)):
        return None
    return 0, False


def _named_neighbours(incident: Incident) -> set[str]:
    """Neighbouring countries that the evidence of a national incident names."""
    text = " ".join(m.evidence.text for m in incident.mentions).lower()
    return {code for code, cues in NEIGHBOUR_CUES.items() if _cues(text, cues)}


# --------------------------------------------------------------------------- levels


def _cues(text: str, cues: Sequence[str]) -> list[str]:
    return [c for c in cues if re.search(r"\b" + re.escape(c), text)]


def incident_levels(incident: Incident) -> tuple[dict[str, int], str]:
    """The level per flow an incident sets (rule 3) and the cue that decided it ("" for
    none); {} for other types."""
    text = " ".join(m.evidence.text for m in incident.mentions).lower()
    flows = FLOWS if incident.flow in (None, "both") else (incident.flow,)
    if incident.type in ("trade_suspension", "trade_resumption"):
        flows = ("cargo",)
    level, cue = _level(incident.type, text)
    if level is None:
        return {}, ""
    return {flow: level for flow in flows if flow in FLOWS}, cue


def _level(type_: str, text: str) -> tuple[int | None, str]:
    if type_ in ("border_closure", "trade_suspension"):
        partial = _cues(text, PARTIAL_CUES)
        if partial:
            return 2, partial[0]
        restricted = _cues(text, RESTRICTION_CUES)
        if type_ == "border_closure" and restricted and not _cues(text, CLOSING_WORDS):
            return 1, restricted[0]
        return 3, ""
    if type_ == "trade_resumption":
        full = _cues(text, FULL_CUES)
        return (0, full[0]) if full else (1, "")
    if type_ == "border_reopening":
        limited = _cues(text, LIMITED_CUES)
        return (1, limited[0]) if limited else (0, "")
    return None, ""


# --------------------------------------------------------------------------- effects


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _window(incident: Incident) -> tuple[date, date, bool] | None:
    """(start, end of the fresh window, bounded by a duration) — rule 4; None if undated."""
    start, end = _iso(incident.when.start), _iso(incident.when.end)
    first = start or end
    if first is None:
        return None
    last = max(end or first, first)
    duration = incident.duration_days
    if duration is not None and duration > 0:
        last = max(last, first + timedelta(days=duration - 1))
        return first, last, True
    return first, last, False


def region_effects(incidents: Sequence[Incident], region: Region,
                   gazetteer: Gazetteer | None = None) -> list[Effect]:
    """What each relevant, factual, dated incident says about the region (rules 1-4)."""
    gaz = gazetteer or load_gazetteer()
    effects: list[Effect] = []
    for incident in incidents:
        if incident.type not in STATUS_TYPES or incident.modality not in FACTUAL:
            continue
        window, scope = _window(incident), _scope(incident, region, gaz)
        levels, cue = incident_levels(incident)
        if window is None or scope is None or not levels:
            continue
        tier, via_crossing = scope
        why = f"{TIER_NAMES[tier]} {incident.type}"
        if via_crossing and len(region.crossings) > 1 and max(levels.values()) == 3:
            levels = {flow: min(level, 2) for flow, level in levels.items()}
            why += " at one of its crossings"
        if cue:
            why += f" ('{cue}')"
        effects.append(Effect(incident.id, levels, tier, window[0], window[1], window[2],
                              why, (cue,) if cue else ()))
    return sorted(effects, key=lambda e: (e.start, e.end, e.incident_id))


# --------------------------------------------------------------------------- the series


def _decide(effects: Sequence[Effect], flow: str, day: date,
            settings: Settings) -> tuple[DimensionStatus, list[str]]:
    """One flow on one day (rules 5-7): the status and the incident ids behind it."""
    mine = [e for e in effects if flow in e.levels and e.start <= day]
    if not mine:
        return DimensionStatus(None, "unknown", "rule 7: no evidence yet"), []
    fresh = [e for e in mine if e.end >= day]
    if fresh:
        win = max(fresh, key=lambda e: (e.tier, e.start, e.levels[flow], e.incident_id))
        level = win.levels[flow]
        backing = sorted(e.incident_id for e in fresh if e is not win and e.tier == win.tier
                         and e.levels[flow] == level)
        reason = f"rule 5: {win.why} {win.incident_id} → {level} ({LEVEL_NAMES[level]})"
        return DimensionStatus(level, "known", reason), [win.incident_id, *backing]
    last = max(mine, key=lambda e: (e.end, e.tier, e.start, e.levels[flow], e.incident_id))
    age = (day - last.end).days
    level = last.levels[flow]
    if age > settings.status_unknown_days:
        return DimensionStatus(None, "unknown", f"rule 6: last evidence {last.end} is "
                               f"{age} days old (> {settings.status_unknown_days})"), []
    stale = age > settings.status_stale_days or last.bounded
    why = (f"{age} days after its stated period" if last.bounded and
           age <= settings.status_stale_days else f"{age} days after its evidence")
    reason = f"rule 6: carried from {last.why} {last.incident_id}, {why}"
    return DimensionStatus(level, "stale" if stale else "known", reason), [last.incident_id]


def default_range(effects: Sequence[Effect], settings: Settings,
                  today: date | None = None) -> tuple[date, date] | None:
    """From the earliest evidence to today, or to the last evidence plus
    ``status_unknown_days`` when that comes first; None without evidence."""
    if not effects:
        return None
    now = today or date.today()
    first = min(e.start for e in effects)
    last = max(e.end for e in effects) + timedelta(days=settings.status_unknown_days)
    return first, max(first, min(now, last))


def status_series(incidents: Sequence[Incident], region_or_place_id: str | Region,
                  date_from: date | None, date_to: date | None, settings: Settings,
                  gazetteer: Gazetteer | None = None) -> list[DayStatus]:
    """The day-by-day status of a region (see the module docstring for the rules).

    ``region_or_place_id`` is a Region or anything ``find_region`` accepts. Missing dates
    default to ``default_range``; with no evidence and no dates the series is empty."""
    gaz = gazetteer or load_gazetteer()
    region = (region_or_place_id if isinstance(region_or_place_id, Region)
              else find_region(region_or_place_id, gaz))
    effects = region_effects(incidents, region, gaz)
    if date_from is None or date_to is None:
        span = default_range(effects, settings)
        if span is None and (date_from or date_to) is None:
            return []
        fallback = date_from or date_to or date.today()
        date_from = date_from or (span[0] if span else fallback)
        date_to = date_to or (span[1] if span else fallback)
    if date_from > date_to:
        raise UsageError(f"date range is empty: from {date_from.isoformat()} is after "
                         f"to {date_to.isoformat()}")
    days: list[DayStatus] = []
    day = date_from
    while day <= date_to:
        people, p_ids = _decide(effects, "people", day, settings)
        cargo, c_ids = _decide(effects, "cargo", day, settings)
        evidence = tuple(dict.fromkeys([*p_ids, *c_ids]))
        days.append(DayStatus(day, people, cargo, evidence))
        day += timedelta(days=1)
    return days


def latest_known(series: Sequence[DayStatus]) -> DayStatus | None:
    """The last day of a series with a level on either flow (None when there is none)."""
    for day in reversed(series):
        if day.people.level is not None or day.cargo.level is not None:
            return day
    return None
