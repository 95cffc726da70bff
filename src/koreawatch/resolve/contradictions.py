"""Contradictions: denials and negations linked to the incidents they dispute.

An incident whose modality is ``denied`` or ``negated`` (the *contrary* class) disputes a
*factual* incident (``asserted`` or ``reported``) when all of these hold (checked in this
order, the first that fails rules the pair out):

1. the same type;
2. compatible intervals: they overlap (open ends are unbounded, undated overlaps
   everything) or lie at most ``settings.incident_max_gap_days`` apart: a denial is
   often dated to the day it was made, just after the event it denies;
3. compatible places (``incidents.place_match``: equal, one inside the other, or none
   on one side);
4. for ``smuggling`` and ``official_statement`` only: compatible actors (the agents'
   countries do not conflict; "China denied smuggling" does not dispute North Korean
   smuggling);
5. they speak of the same thing: word overlap (Jaccard of the content words of summary
   and mention evidence) of at least ``settings.incident_min_similarity``, or
   ``max(0.5, 2 * incident_min_similarity)`` when both are undated (as for merging).

Both incidents stay, each with its own stance (modality): the factual one lists the
contrary one in ``contradicted_by``, the contrary one lists it in ``contradicts``.
Nothing is merged, dropped or overwritten. Expected incidents are never linked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from koreawatch.extract.places import Gazetteer, load_gazetteer
from koreawatch.models import Incident
from koreawatch.resolve.incidents import (
    actors_compatible,
    content_words,
    gap_days,
    is_dated,
    jaccard,
    modality_class,
    place_match,
)
from koreawatch.settings import Settings

ACTOR_TYPES = frozenset({"smuggling", "official_statement"})


def dispute_reason(contrary: Incident, factual: Incident, settings: Settings,
                   agents: Mapping[str, frozenset[str]], gaz: Gazetteer) -> str | None:
    """Why ``contrary`` disputes ``factual`` (rules in the module docstring), or None."""
    if contrary.type != factual.type:
        return None
    gap = gap_days(contrary.when, factual.when)
    if gap > settings.incident_max_gap_days:
        return None
    places = place_match(contrary.where, factual.where, gaz)
    if places is None:
        return None
    if contrary.type in ACTOR_TYPES and not actors_compatible(
            agents.get(contrary.id, frozenset()), agents.get(factual.id, frozenset())):
        return None
    overlap = round(jaccard(_words(contrary), _words(factual)), 2)
    needed = settings.incident_min_similarity
    if not is_dated(contrary.when) and not is_dated(factual.when):
        needed = max(0.5, 2 * needed)
    if overlap < needed:
        return None
    timing = "overlapping dates" if gap == 0 else f"dates {gap} days apart"
    return f"{contrary.modality} {contrary.type}, {timing}, {places}, word overlap {overlap:.2f}"


def _words(incident: Incident) -> frozenset[str]:
    return content_words(incident.summary, *(m.evidence.text for m in incident.mentions))


def find_contradictions(incidents: Sequence[Incident], settings: Settings,
                        agents: Mapping[str, frozenset[str]] | None = None,
                        gazetteer: Gazetteer | None = None) -> list[tuple[str, str, str]]:
    """(contrary id, factual id, reason) for every disputing pair, sorted."""
    gaz = gazetteer or load_gazetteer()
    known = agents or {}
    contrary = [i for i in incidents if modality_class(i.modality) == "contrary"]
    factual = [i for i in incidents if modality_class(i.modality) == "factual"]
    pairs = []
    for c in contrary:
        for f in factual:
            reason = dispute_reason(c, f, settings, known, gaz)
            if reason is not None:
                pairs.append((c.id, f.id, reason))
    return sorted(pairs)


def link_contradictions(incidents: Sequence[Incident], settings: Settings,
                        agents: Mapping[str, frozenset[str]] | None = None,
                        gazetteer: Gazetteer | None = None) -> list[Incident]:
    """The incidents, in the same order, with ``contradicted_by`` / ``contradicts`` filled
    (``agents``: incident id → agent countries, see ``incidents.incident_agents``)."""
    disputed_by: dict[str, list[str]] = {}
    disputes: dict[str, list[str]] = {}
    for contrary_id, factual_id, _ in find_contradictions(incidents, settings, agents,
                                                          gazetteer):
        disputed_by.setdefault(factual_id, []).append(contrary_id)
        disputes.setdefault(contrary_id, []).append(factual_id)
    return [replace(inc, contradicted_by=tuple(sorted(disputed_by.get(inc.id, ()))),
                    contradicts=tuple(sorted(disputes.get(inc.id, ()))))
            for inc in incidents]
