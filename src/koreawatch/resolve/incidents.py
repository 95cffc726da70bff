"""Incidents: event records from different articles that describe one real-world event.

``build_incidents`` is a pure function of the event records and their articles' metadata
(it reads only the packaged gazetteer and outlet data).

Two records of *different* articles are **linked** when one of these rules fires; the
rules are tried in priority order and the first that fires gives the link's reason:

1. **Syndicated copy**: one article is a near-duplicate of the other (or both copy the
   same original), and the records have the same type, the same modality class and
   overlapping intervals. Reason: ``syndicated copy of ART, same type, ...``.
2. **Same event reported again**: all of

   a. the same type and the same modality class: *factual* (asserted, reported),
      *expected*, *contrary* (denied, negated). A denial never merges with a factual
      record: ``contradictions.py`` links the two instead;
   b. the intervals overlap (an open end is unbounded; an undated record overlaps
      everything). Two records dated to the day or week need not overlap but must lie at
      most ``settings.incident_max_gap_days`` apart;
   c. compatible places: the same place, one inside the other in the gazetteer (a county
      inside its province), or no places on one side. When both sides name places in
      North Korea only those are compared;
   d. compatible actors: the agents' countries do not conflict (both known and disjoint);
   e. word overlap (Jaccard of the content words of summary and evidence) of at least
      ``settings.incident_min_similarity``; two undated records need a strong overlap,
      ``max(0.5, 2 * incident_min_similarity)``.

   Reason: ``same type, overlapping dates 2021-02-01..2021-02-10, KP-09/saebyol inside
   KP-09, word overlap 0.41``.

Records of one article never merge with each other (the extractor already merged an
article's restatements of one event).

**Clustering** (deterministic, independent of input order): records are sorted by
(published date, event id), undated articles last. Each record in turn joins the
incident built so far that it links to best (single link: to any member; best = lower
rule number, then higher word overlap, then the earlier incident), unless that incident
already holds a record of the same article; with no link it starts a new incident.

**Incident fields**:

- ``id``: ``inc-`` + 12 hex digits of the SHA-256 of the earliest mention's event id
  (earliest by published date, then event id): stable while that mention exists.
- ``modality``: the most common among the mentions; a tie goes to the most certain
  (asserted > reported > expected > denied > negated).
- ``when``: the intersection of the dated mentions' intervals, with the finest
  precision among them (and that mention's text). When the intersection is empty
  (day-dated reports a few days apart) it is their span, with the coarsest precision.
  With no dated mention the incident is undated.
- ``where``: the union of the mentions' places without any place that another one lies
  inside (the most specific are kept), in mention order.
- ``flow``: the one flow the mentions name, ``both`` when they name different ones.
- ``duration_days``: the first one a mention gives. ``summary``: the earliest mention's.
- ``mentions``: sorted by (published, event id); ``merge_reasons``: one line per joined
  mention, ``EVENT joined via EVENT: reason``.
- ``origins``: see ``corroboration.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from koreawatch.extract.events import is_state_name, load_lexicon
from koreawatch.extract.outlets import Outlets, load_outlets
from koreawatch.extract.places import Gazetteer, load_gazetteer
from koreawatch.models import MODALITIES, Actor, Event, Incident, Mention, PlaceRef, When
from koreawatch.resolve.corroboration import origins
from koreawatch.settings import Settings


def _wordset(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` (the data below is easier to read that way)."""
    return frozenset(text.split())


PRECISE = frozenset({"day", "week"})
PRECISION_ORDER = ("day", "week", "part_of_month", "month", "quarter", "season", "year",
                   "approx", "unknown")
_STOPWORDS = _wordset(
    "the and for that with from this have has had was were are been being its their his her "
    "said says say will would could should which who whom what when where into about after "
    "before also than then there they them over under more most some such not but only other "
    "north korea korean koreans korea's regime country reported reportedly according "
    "year years month months week weeks day days")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ArticleMeta:
    """What incidents need to know of an event's article."""

    article_id: str
    outlet: str | None
    published: date | None
    near_duplicate_of: str | None = None


@dataclass(frozen=True)
class Link:
    """Why two records are one incident: the rule that fired (1 or 2), the word overlap
    and the reason line."""

    rule: int
    score: float
    reason: str


@dataclass(frozen=True)
class _Rec:
    event: Event
    meta: ArticleMeta
    words: frozenset[str]
    agents: frozenset[str]

    @property
    def order(self) -> tuple[bool, date, str]:
        published = self.meta.published
        return (published is None, published or date.min, self.event.id)


@dataclass
class _Cluster:
    members: list[_Rec]
    articles: set[str]
    reasons: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- comparisons


def modality_class(modality: str) -> str:
    """``factual`` (asserted, reported), ``expected``, or ``contrary`` (denied, negated)."""
    return {"asserted": "factual", "reported": "factual", "expected": "expected"}.get(
        modality, "contrary")


def content_words(*texts: str) -> frozenset[str]:
    """Lower-cased words of three letters or more, without common function words."""
    return frozenset(w for text in texts for w in _WORD.findall(text.lower())
                     if len(w) > 2 and w not in _STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def interval(when: When) -> tuple[date | None, date | None]:
    """The interval's ends as dates (None: open, or not an ISO date)."""
    def parse(value: str | None) -> date | None:
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None
    return parse(when.start), parse(when.end)


def is_dated(when: When) -> bool:
    """Whether either end of the interval is known."""
    start, end = interval(when)
    return start is not None or end is not None


def gap_days(a: When, b: When) -> int:
    """Days between two intervals: 0 when they overlap (open ends are unbounded)."""
    a_start, a_end = interval(a)
    b_start, b_end = interval(b)
    if a_end is not None and b_start is not None and a_end < b_start:
        return (b_start - a_end).days
    if b_end is not None and a_start is not None and b_end < a_start:
        return (a_start - b_end).days
    return 0


def _span_text(a: When, b: When) -> str:
    starts = [d for d in (interval(a)[0], interval(b)[0]) if d is not None]
    ends = [d for d in (interval(a)[1], interval(b)[1]) if d is not None]
    low = max(starts).isoformat() if starts else "…"
    high = min(ends).isoformat() if ends else "…"
    return f"{low}..{high}"


def time_match(a: When, b: When, max_gap: int) -> str | None:
    """Why the two intervals are compatible (rule 2b), or None."""
    if not is_dated(a) and not is_dated(b):
        return "both undated"
    if not is_dated(a) or not is_dated(b):
        return "undated on one side"
    gap = gap_days(a, b)
    if gap == 0:
        return f"overlapping dates {_span_text(a, b)}"
    if a.precision in PRECISE and b.precision in PRECISE and gap <= max_gap:
        return f"dates {gap} day{'s' if gap != 1 else ''} apart (at most {max_gap})"
    return None


def _inside(outer: str, inner: str, gaz: Gazetteer) -> bool:
    if gaz.get(outer) is not None and gaz.get(inner) is not None:
        return gaz.contains(outer, inner)
    return inner == outer or inner.startswith(outer + "/")


def place_match(a: Sequence[PlaceRef], b: Sequence[PlaceRef], gaz: Gazetteer) -> str | None:
    """Why two place lists are compatible (rule 2c), or None."""
    if not a or not b:
        return "no places on one side"
    ids_a = sorted({p.place_id for p in a})
    ids_b = sorted({p.place_id for p in b})
    kp_a = [i for i in ids_a if i.startswith("KP")]
    kp_b = [i for i in ids_b if i.startswith("KP")]
    if kp_a and kp_b:
        ids_a, ids_b = kp_a, kp_b
    for x in ids_a:
        for y in ids_b:
            if x == y:
                return f"same place {x}"
            if _inside(x, y, gaz):
                return f"{y} inside {x}"
            if _inside(y, x, gaz):
                return f"{x} inside {y}"
    return None


def agent_countries(actors: Iterable[Actor]) -> frozenset[str]:
    """The countries of the agents that the state-actor data knows ("North Korea" for the
    state, its leaders and media)."""
    countries = load_lexicon().countries
    found: set[str] = set()
    for actor in actors:
        if actor.role != "agent":
            continue
        low = re.sub(r"^the\s+", "", actor.name.lower().strip())
        country = countries.get(low) or countries.get("the " + low)
        if country is None and is_state_name(actor.name):
            country = "North Korea"
        if country:
            found.add(country)
    return frozenset(found)


def actors_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """No conflict: one side has no known agent country, or the two share one."""
    return not a or not b or bool(a & b)


# --------------------------------------------------------------------------- linking


def _syndicated(a: ArticleMeta, b: ArticleMeta) -> str | None:
    """The original article when one of the two copies the other, or both copy one."""
    if a.near_duplicate_of == b.article_id:
        return b.article_id
    if b.near_duplicate_of == a.article_id:
        return a.article_id
    if a.near_duplicate_of and a.near_duplicate_of == b.near_duplicate_of:
        return a.near_duplicate_of
    return None


def link(a: _Rec, b: _Rec, settings: Settings, gaz: Gazetteer) -> Link | None:
    """The link between two records of different articles (see the module docstring)."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or a.meta.article_id == b.meta.article_id:
        return None
    if modality_class(ea.modality) != modality_class(eb.modality):
        return None
    score = round(jaccard(a.words, b.words), 2)
    original = _syndicated(a.meta, b.meta)
    if original is not None and gap_days(ea.when, eb.when) == 0:
        return Link(1, score, f"syndicated copy of {original}, same type, "
                              f"dates {_span_text(ea.when, eb.when)}")
    timing = time_match(ea.when, eb.when, settings.incident_max_gap_days)
    places = place_match(ea.where, eb.where, gaz)
    if timing is None or places is None or not actors_compatible(a.agents, b.agents):
        return None
    needed = settings.incident_min_similarity
    if timing == "both undated":
        needed = max(0.5, 2 * needed)
    if score < needed:
        return None
    return Link(2, score, f"same type, {timing}, {places}, word overlap {score:.2f}")


def _best_cluster(rec: _Rec, clusters: list[_Cluster], settings: Settings,
                  gaz: Gazetteer) -> tuple[int, _Rec, Link] | None:
    best: tuple[tuple[int, float, int], int, _Rec, Link] | None = None
    for index, cluster in enumerate(clusters):
        if rec.meta.article_id in cluster.articles:
            continue
        for member in cluster.members:
            found = link(member, rec, settings, gaz)
            if found is None:
                continue
            key = (found.rule, -found.score, index)
            if best is None or key < best[0]:
                best = (key, index, member, found)
    if best is None:
        return None
    return best[1], best[2], best[3]


def cluster_records(records: Sequence[_Rec], settings: Settings,
                    gaz: Gazetteer) -> list[_Cluster]:
    """Greedy single-link clustering in (published, event id) order (module docstring)."""
    by_type: dict[str, list[_Cluster]] = {}
    everything: list[_Cluster] = []
    for rec in sorted(records, key=lambda r: r.order):
        clusters = by_type.setdefault(rec.event.type, [])
        best = _best_cluster(rec, clusters, settings, gaz)
        if best is None:
            cluster = _Cluster([rec], {rec.meta.article_id})
            clusters.append(cluster)
            everything.append(cluster)
            continue
        index, member, found = best
        target = clusters[index]
        target.members.append(rec)
        target.articles.add(rec.meta.article_id)
        target.reasons.append(f"{rec.event.id} joined via {member.event.id}: {found.reason}")
    return everything


# --------------------------------------------------------------------------- incidents


def incident_id(event_id: str) -> str:
    """``inc-`` + 12 hex digits of the SHA-256 of the founding event's id."""
    return "inc-" + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12]


def _modality(events: Sequence[Event]) -> str:
    counts = Counter(e.modality for e in events)
    rank = {m: i for i, m in enumerate(MODALITIES)}
    return min(counts, key=lambda m: (-counts[m], rank.get(m, len(rank))))


def _precision_rank(precision: str) -> int:
    return PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else len(
        PRECISION_ORDER)


def merged_when(whens: Sequence[When]) -> When:
    """The incident's interval (see the module docstring for the rule)."""
    dated = [w for w in whens if is_dated(w)]
    if not dated:
        first = whens[0] if whens else When(None, None, "unknown")
        return When(None, None, first.precision, first.text, "no mention is dated")
    finest = min(dated, key=lambda w: _precision_rank(w.precision))
    starts = [s for s, _ in map(interval, dated) if s is not None]
    ends = [e for _, e in map(interval, dated) if e is not None]
    start = max(starts) if starts else None
    end = min(ends) if ends else None
    if start is None or end is None or start <= end:
        return When(start.isoformat() if start else None, end.isoformat() if end else None,
                    finest.precision, finest.text,
                    f"intersection of {len(dated)} dated mention(s); precision of the finest")
    coarsest = max(dated, key=lambda w: _precision_rank(w.precision))
    return When(min(starts).isoformat(), max(ends).isoformat(), coarsest.precision,
                coarsest.text, f"{len(dated)} dated mentions do not overlap: their span")


def merged_places(events: Sequence[Event], gaz: Gazetteer) -> tuple[PlaceRef, ...]:
    """The union of the places, keeping only the most specific (module docstring)."""
    seen: dict[str, PlaceRef] = {}
    for event in events:
        for place in event.where:
            seen.setdefault(place.place_id, place)
    return tuple(p for p in seen.values()
                 if not any(q != p.place_id and _inside(p.place_id, q, gaz) for q in seen))


def _flow(events: Sequence[Event]) -> str | None:
    flows = sorted({e.flow for e in events if e.flow})
    if not flows:
        return None
    return flows[0] if len(flows) == 1 else "both"


def to_mention(event: Event, meta: ArticleMeta) -> Mention:
    """The mention record of one event."""
    return Mention(event_id=event.id, article_id=event.article_id, outlet=meta.outlet,
                   published=meta.published, modality=event.modality, when=event.when,
                   sources=event.sources, evidence=event.evidence,
                   near_duplicate_of=meta.near_duplicate_of)


def _incident(cluster: _Cluster, gaz: Gazetteer, outlets: Outlets,
              article_outlets: Mapping[str, str | None]) -> Incident:
    recs = sorted(cluster.members, key=lambda r: r.order)
    events = [r.event for r in recs]
    mentions = tuple(to_mention(r.event, r.meta) for r in recs)
    first = events[0]
    return Incident(
        id=incident_id(first.id), type=first.type, modality=_modality(events),
        when=merged_when([e.when for e in events]), summary=first.summary,
        mentions=mentions, where=merged_places(events, gaz), flow=_flow(events),
        duration_days=next((e.duration_days for e in events if e.duration_days is not None),
                           None),
        origins=origins(mentions, outlets, article_outlets),
        merge_reasons=tuple(cluster.reasons),
    )


def build_incidents(mentions: Sequence[tuple[Event, ArticleMeta]], settings: Settings,
                    gazetteer: Gazetteer | None = None,
                    outlets: Outlets | None = None) -> list[Incident]:
    """Merge event records of different articles into incidents (module docstring).

    Returns the incidents sorted by their interval's start (undated last), then id.
    ``contradicted_by`` / ``contradicts`` stay empty: ``contradictions.py`` fills them.
    """
    gaz = gazetteer or load_gazetteer()
    known = outlets or load_outlets()
    records = [_Rec(event, meta, content_words(event.summary, event.evidence.text),
                    agent_countries(event.actors)) for event, meta in mentions]
    article_outlets = {meta.article_id: meta.outlet for _, meta in mentions}
    built = [_incident(c, gaz, known, article_outlets)
             for c in cluster_records(records, settings, gaz)]
    return sorted(built, key=incident_order)


def incident_order(incident: Incident) -> tuple[bool, str, str]:
    """Sort key: interval start (or end for an open start), undated last, then id."""
    anchor = incident.when.start or incident.when.end
    return (anchor is None, anchor or "", incident.id)


def incident_agents(incidents: Sequence[Incident],
                    events: Mapping[str, Event]) -> dict[str, frozenset[str]]:
    """Incident id → the agent countries of its mentions' events (for contradictions)."""
    return {
        inc.id: frozenset().union(*(agent_countries(events[m.event_id].actors)
                                    for m in inc.mentions if m.event_id in events))
        for inc in incidents
    }
