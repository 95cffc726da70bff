"""PLOVER JSON: one event object per incident, in the PLOVER event ontology.

PLOVER codes what happened as event type + mode (how) + context (why / setting); actors
are ISO 3166-1 alpha-3 countries (or ``IGO``) with a sector code (GOV, MIL, COP, CVL,
CRM). Incidents carry no actors, so both actors come from the type and the places: the
country across the border (a foreign place) is the other side when there is one.

Rules, in the order they are tried (the full table is in docs/exports.md):

1. ``official_statement``: ACCUSE when the text accuses, blames or condemns; THREATEN
   when it threatens or warns; REJECT when it denies, rejects or claims there are no
   cases. PLOVER codes no plain statements (it dropped CAMEO's "make public statement"),
   so any other statement is left out (``plover_skipped`` counts them).
2. An ``expected`` border reopening, trade resumption or aid delivery is AGREE (PLOVER
   reads cooperation in the future tense as a promise).
3. ``aid_delivery`` that was refused or rejected is REJECT, mode ``assist``.
4. ``illegal_crossing`` or ``punishment`` with shooting, killing or an execution in its
   text is ASSAULT (mode ``firearms`` / ``execute``).
5. Otherwise ``BASE`` gives the event type and mode; ``security_reinforcement``,
   ``crackdown``, ``health_measure`` and ``aid_delivery`` pick their mode by keyword.

Contexts: the type's base contexts, ``disease`` when the text names the pandemic or a
virus, ``future`` for ``expected`` and ``negation`` for ``negated`` or ``denied``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, TextIO

from koreawatch.exports.common import (
    COUNTRY_ALPHA3,
    anchor_date,
    country_name,
    first_evidence,
    foreign_countries,
    has_cue,
    place_info,
    source_chains,
)
from koreawatch.models import Incident

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
               "MOBILIZE", "COERCE", "ASSAULT")
"""The PLOVER event types this export may write."""

BASE: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    # our type: (PLOVER event type, mode, base contexts)
    "border_closure": ("COERCE", "restrict", ("migration",)),
    "border_reopening": ("COOPERATE", None, ("migration", "economic")),
    "trade_suspension": ("SANCTION", "discontinue", ("economic",)),
    "trade_resumption": ("COOPERATE", None, ("economic",)),
    "security_reinforcement": ("MOBILIZE", "troops", ("military",)),
    "crackdown": ("COERCE", "restrict", ("rights_freedoms",)),
    "arrest": ("COERCE", "arrest", ("legal",)),
    "punishment": ("COERCE", "arrest", ("legal",)),
    "illegal_crossing": ("REJECT", None, ("migration",)),
    "smuggling": ("REJECT", None, ("crime", "economic")),
    "health_measure": ("COERCE", "restrict", ("disease",)),
    "aid_delivery": ("AID", "humanitarian", ("humanitarian",)),
    "official_statement": ("REJECT", None, ("political",)),
}

ACCUSE_CUE = re.compile(r"\b(accus\w*|blam\w*|condemn\w*|denounc\w*|critici[sz]\w*|"
                        r"slam\w*|rumou?rs?|fabricat\w*|infamiz\w*|rubbish)\b")
THREAT_CUE = re.compile(r"\b(threat\w*|warn\w*|retaliat\w*|will continue to test)\b")
REJECT_CUE = re.compile(r"\b(den(y|ies|ied)|reject\w*|refus\w*|no (confirmed )?cases?|"
                        r"not (had|admitted|reported)|virus-free|single (coronavirus )?"
                        r"(virus )?case|cut off)\b")
REFUSAL_CUE = re.compile(r"\b(reject\w*|refus\w*|declin\w*|turn(ed|s)? down)\b")
VIOLENT_CUE = re.compile(r"\b(shot|shootings?|gunfire|gunned down|opened fire|"
                         r"fired (?:on|at)|killed|executed|executions?|firing squad)\b")
DISEASE_CUE = re.compile(r"(covid|coronavirus|pandemic|virus|epidemic|quarantin)")
POLICE_CUE = re.compile(r"\b(police|agents?|security officials|inspectors?|"
                        r"state security|bowibu|mss|mps)\b")
WEAPONS_CUE = re.compile(r"\b(mines?|landmines?|weapons?|guns?|artillery)\b")
CENSOR_CUE = re.compile(r"\b(phones?|radios?|foreign (media|films?|dramas?|videos?)|"
                        r"dvds?|usbs?|k-pop|videos?|broadcasts?)\b")
CONFISCATE_CUE = re.compile(r"\b(confiscat\w*|seiz\w*)\b")
CURFEW_CUE = re.compile(r"\b(curfew|lockdowns?|locked down|stay (at )?home)\b")
ECONOMIC_AID_CUE = re.compile(r"\b(loans?|grants?|cash|money|funds?|fertili[sz]ers?)\b")
MILITARY_AID_CUE = re.compile(r"\b(arms|weapons?|ammunition|military aid)\b")
SANCTIONS_CUE = re.compile(r"\bsanction\w*")
DOMESTIC_AID_CUE = re.compile(r"\b(party|wpk|central committee|kim jong[- ]un|victims)\b")

COOPERATIVE = frozenset({"border_reopening", "trade_resumption", "aid_delivery"})


def _coded(incident: Incident) -> tuple[str, str | None] | None:
    """(event type, mode) by rules 1-5, or None for a plain statement (rule 1)."""
    kind = incident.type
    if kind == "official_statement":
        for pattern, code in ((ACCUSE_CUE, "ACCUSE"), (THREAT_CUE, "THREATEN"),
                              (REJECT_CUE, "REJECT")):
            if has_cue(incident, pattern):
                return code, ("violence" if code == "THREATEN" else None)
        return None
    if kind in COOPERATIVE and incident.modality == "expected":
        return "AGREE", None
    if kind == "aid_delivery" and has_cue(incident, REFUSAL_CUE):
        return "REJECT", "assist"
    if kind in ("illegal_crossing", "punishment") and has_cue(incident, VIOLENT_CUE):
        return "ASSAULT", ("firearms" if kind == "illegal_crossing" else "execute")
    event_type, mode, _ = BASE[kind]
    return event_type, _keyword_mode(incident, mode)


def _keyword_mode(incident: Incident, default: str | None) -> str | None:
    """The mode picked by keyword for the types whose mode varies (rule 5)."""
    checks: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
        "security_reinforcement": ((POLICE_CUE, "police"), (WEAPONS_CUE, "weapons")),
        "crackdown": ((CONFISCATE_CUE, "confiscate"), (CENSOR_CUE, "censor")),
        "health_measure": ((CURFEW_CUE, "curfew"),),
        "aid_delivery": ((MILITARY_AID_CUE, "military"), (ECONOMIC_AID_CUE, "economic")),
    }
    for pattern, mode in checks.get(incident.type, ()):
        if has_cue(incident, pattern):
            return mode
    return default


def contexts(incident: Incident) -> list[str]:
    """PLOVER contexts: the type's, ``disease``, ``future``, ``negation``."""
    found = list(BASE[incident.type][2])
    if has_cue(incident, DISEASE_CUE):
        found.append("disease")
    if incident.modality == "expected":
        found.append("future")
    if incident.modality in ("negated", "denied"):
        found.append("negation")
    return list(dict.fromkeys(found))


def _actor(code: str | None, sector: str | None, name: str | None = None) -> dict[str, Any]:
    """A PLOVER actor: alpha-3 country (or IGO), sector and a readable name."""
    if name is None and code is not None:
        name = next((country_name(a2) for a2, a3 in COUNTRY_ALPHA3.items() if a3 == code),
                    code)
    return {"name": name, "country": code, "sector": sector}


def actors(incident: Incident, event_type: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(actor1, actor2) of an incident: from its type, text and foreign places."""
    foreign = [COUNTRY_ALPHA3.get(c, c) for c in foreign_countries(incident)]
    other = _actor(foreign[0], "GOV") if foreign else None
    nk_gov, nk_cvl = _actor("PRK", "GOV"), _actor("PRK", "CVL")
    kind = incident.type
    if event_type == "ASSAULT":
        return _actor("PRK", "MIL" if kind == "illegal_crossing" else "GOV"), nk_cvl
    if kind == "trade_suspension" and has_cue(incident, SANCTIONS_CUE):
        return _actor("IGO", None, "sanctioning states and bodies"), nk_gov
    if kind == "aid_delivery":
        if other is not None:
            return other, nk_gov
        if has_cue(incident, DOMESTIC_AID_CUE):
            return nk_gov, nk_cvl
        return _actor(None, None, "unidentified donor"), nk_gov
    fixed = {"security_reinforcement": (_actor("PRK", "MIL"), None),
             "crackdown": (_actor("PRK", "COP"), nk_cvl),
             "arrest": (_actor("PRK", "COP"), nk_cvl),
             "punishment": (nk_gov, nk_cvl),
             "health_measure": (nk_gov, nk_cvl),
             "illegal_crossing": (nk_cvl, nk_gov),
             "smuggling": (_actor("PRK", "CRM", "smugglers"), other)}
    return fixed.get(kind, (nk_gov, other))


def _locations(incident: Incident) -> list[dict[str, Any]]:
    out = []
    for ref in incident.where:
        info = place_info(ref)
        out.append({"place_id": info.place_id, "name": info.name, "feature_type": info.level,
                    "admin1": info.admin1, "admin2": info.admin2,
                    "country": COUNTRY_ALPHA3.get(info.country, info.country),
                    "lat": info.lat, "lon": info.lon, "raw_placename": ref.text})
    return out


def plover_event(incident: Incident) -> dict[str, Any] | None:
    """The PLOVER event object of an incident (None for an uncoded plain statement)."""
    coded = _coded(incident)
    if coded is None:
        return None
    event_type, mode = coded
    actor1, actor2 = actors(incident, event_type)
    locations = _locations(incident)
    day, rule = anchor_date(incident)
    return {
        "id": incident.id, "date": day, "date_rule": rule,
        "date_end": incident.when.end, "date_precision": incident.when.precision,
        "event_type": event_type, "mode": mode, "context": contexts(incident),
        "actor1": actor1, "actor2": actor2,
        "location": next((loc for loc in locations if loc["lat"] is not None), None),
        "locations": locations,
        "source": {"outlets": list(incident.outlets),
                   "origins": [o.name for o in incident.origins],
                   "articles": list(dict.fromkeys(m.article_id for m in incident.mentions)),
                   "chains": source_chains(incident),
                   "corroboration": incident.corroboration()},
        "text": first_evidence(incident),
        "native": {"type": incident.type, "modality": incident.modality,
                   "when": incident.when.to_dict(), "flow": incident.flow,
                   "summary": incident.summary},
    }


def plover_skipped(incidents: Sequence[Incident]) -> int:
    """How many incidents PLOVER cannot code (plain official statements, rule 1)."""
    return sum(1 for i in incidents if _coded(i) is None)


def write_plover(incidents: Sequence[Incident], stream: TextIO) -> int:
    """A JSON array of PLOVER event objects, one per line inside it; returns the count."""
    events = [e for e in (plover_event(i) for i in incidents) if e is not None]
    stream.write("[")
    for n, event in enumerate(events):
        stream.write(("," if n else "") + "\n" + json.dumps(event, ensure_ascii=False))
    stream.write("\n]\n")
    return len(events)
