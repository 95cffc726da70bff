"""Extracted events and quotes in the store: replacing an article's extraction, queries.

Storage: one ``events`` row per event (the spec JSON in ``record`` beside the columns that
queries use), child rows for its places, source chains, actors and mentions, and one
``quotes`` row per quote (see ``schema.py``). Every function takes a Connection; the
caller owns the transaction.

``query_events`` filters (all optional, combined with AND):

- ``type``: one of ``EVENT_TYPES``; ``modality``: one of ``MODALITIES``.
- ``place``: a gazetteer id or name. A province-level unit (``KP-09``, ``CN-JL``) matches
  every place inside it (counties, cities, crossings: ``KP-09/saebyol``); a county or city
  matches itself and the places the gazetteer puts inside it; a country (``KP``, ``CN``)
  matches everything in it. A name resolves through the gazetteer (any romanisation:
  "Ryanggang", "Yanggang Province" → ``KP-10``; an ambiguous name → its biggest place).
- ``date_from`` / ``date_to``: the event's interval overlaps ``[date_from, date_to]``;
  NULL ends of the event's interval and missing bounds of the filter are unbounded, so an
  undated event matches every date range (as in the spec's scorer).
- ``source``: a case-insensitive substring of any element of any source chain.
- ``article_id``: the article's id.
- ``text``: words that must all occur (any case) in the summary, evidence or time
  expression.
- ``descending``: latest first (undated events still last).

Results come ordered by ``when_start``, or ``when_end`` for an open start (so "before
2021-01-31" sorts at the end of January), undated events last; then by article id and
event id.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
)

from koreawatch.errors import NotFoundError, StoreError, UsageError
from koreawatch.extract.places import PROVINCE_LEVELS, Gazetteer, load_gazetteer
from koreawatch.models import EVENT_TYPES, MODALITIES, Actor, Event, Evidence, PlaceRef, Quote, When
from koreawatch.store.schema import (
    articles,
    event_actors,
    event_mentions,
    event_places,
    event_sources,
    events,
    quotes,
)

_CHUNK = 500  # ids per IN (...) list when loading child rows
_DATE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class EventFilter:
    """What ``query_events`` selects (see the module docstring); None means any.

    Bad values raise UsageError on construction, naming the value and the valid ones
    (an unknown ``place`` is reported by ``query_events``, which reads the gazetteer).
    """

    type: str | None = None
    place: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    modality: str | None = None
    source: str | None = None
    article_id: str | None = None
    text: str | None = None
    descending: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in EVENT_TYPES:
            raise UsageError(f"unknown event type {self.type!r}; valid: "
                             + ", ".join(EVENT_TYPES))
        if self.modality is not None and self.modality not in MODALITIES:
            raise UsageError(f"unknown modality {self.modality!r}; valid: "
                             + ", ".join(MODALITIES))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"date range is empty: from {self.date_from.isoformat()} "
                             f"is after to {self.date_to.isoformat()}")
        for label, value in (("place", self.place), ("source", self.source),
                             ("article", self.article_id), ("text", self.text)):
            if value is not None and not value.strip():
                raise UsageError(f"empty {label} filter: give a value or leave it out")
        if self.limit is not None and self.limit < 1:
            raise UsageError(f"limit must be 1 or more, got {self.limit}")
        if self.offset < 0:
            raise UsageError(f"offset must be 0 or more, got {self.offset}")


def parse_date_bound(value: str, *, end: bool = False, label: str = "date") -> date:
    """A filter bound from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    A month or year stands for its first day as a start bound and its last day as an end
    bound (``end=True``), so ``--from 2021-02 --to 2021-02`` is all of February 2021.
    """
    text = value.strip()
    form = next((name for pattern, name in _DATE_FORMS if pattern.match(text)), None)
    try:
        if form == "day":
            return date.fromisoformat(text)
        if form == "month":
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, monthrange(year, month)[1] if end else 1)
        if form == "year":
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    except ValueError:
        pass
    raise UsageError(f"{label} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


def resolve_place(value: str, gazetteer: Gazetteer | None = None) -> str:
    """The gazetteer id that a place filter names: an id (any case) or a name."""
    gaz = gazetteer or load_gazetteer()
    text = value.strip()
    head, slash, slug = text.partition("/")
    for candidate in (text, head.upper() + slash + slug.lower()):
        if gaz.get(candidate) is not None:
            return candidate
    found = gaz.lookup(text)
    if found:
        return found[0].id
    raise UsageError(f"unknown place {value!r}: give a gazetteer id (KP-01 ... KP-15, "
                     "KP-09/saebyol, CN-JL) or a place name ('North Hamgyong', 'Hyesan')")


def _place_condition(place_id: str, gaz: Gazetteer) -> ColumnElement[bool]:
    place = gaz.get(place_id)
    if place is not None and place.level in PROVINCE_LEVELS:
        match = event_places.c.province_id == place_id
    else:
        inside = sorted(p.id for p in gaz if gaz.contains(place_id, p.id))
        match = event_places.c.place_id.in_(inside or [place_id])
    return exists(select(1).where(event_places.c.event_id == events.c.id, match))


def _conditions(filters: EventFilter, gaz: Gazetteer) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    for column, value in ((events.c.type, filters.type), (events.c.modality, filters.modality),
                          (events.c.article_id, filters.article_id)):
        if value is not None:
            conds.append(column == value)
    if filters.place is not None:
        conds.append(_place_condition(resolve_place(filters.place, gaz), gaz))
    if filters.date_to is not None:
        conds.append(or_(events.c.when_start.is_(None), events.c.when_start <= filters.date_to))
    if filters.date_from is not None:
        conds.append(or_(events.c.when_end.is_(None), events.c.when_end >= filters.date_from))
    if filters.source is not None:
        needle = filters.source.strip().lower()
        conds.append(exists(select(1).where(
            event_sources.c.event_id == events.c.id,
            func.lower(event_sources.c.name).contains(needle, autoescape=True))))
    if filters.text is not None:
        haystack = func.lower(func.coalesce(events.c.summary, "") + " "
                              + func.coalesce(events.c.evidence_text, "") + " "
                              + func.coalesce(events.c.when_text, ""))
        conds.extend(haystack.contains(word, autoescape=True)
                     for word in filters.text.lower().split())
    return conds


# --------------------------------------------------------------------------- writing


def replace_extraction(conn: Connection, article_id: str, content_hash: str,
                       events_: list[Event], quotes_: list[Quote],
                       extractor_version: str) -> None:
    """Replace the article's stored events and quotes with these (extracted from the
    article version ``content_hash`` by ``extractor_version``).

    Deletes and inserts inside the caller's transaction, so a failure leaves the previous
    extraction in place once the caller rolls back. Raises NotFoundError for an unknown
    article and StoreError for records of another article or duplicate event ids.
    """
    _check_records(conn, article_id, events_, quotes_)
    conn.execute(delete(events).where(events.c.article_id == article_id))
    conn.execute(delete(quotes).where(quotes.c.article_id == article_id))
    if events_:
        gaz = load_gazetteer()
        conn.execute(insert(events), [
            _event_row(e, content_hash, extractor_version) for e in events_])
        children: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        for event in events_:
            for table, rows in _child_rows(event, gaz).items():
                children[table].extend(rows)
        for table, rows in children.items():
            if rows:
                conn.execute(insert(table), rows)
    if quotes_:
        conn.execute(insert(quotes), [
            _quote_row(article_id, i, q, content_hash, extractor_version)
            for i, q in enumerate(quotes_, start=1)])


def _check_records(conn: Connection, article_id: str, events_: Sequence[Event],
                   quotes_: Sequence[Quote]) -> None:
    if conn.execute(select(articles.c.id).where(articles.c.id == article_id)).scalar() is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    for other in {r.article_id for r in events_} | {r.article_id for r in quotes_}:
        if other != article_id:
            raise StoreError(f"record of article {other!r} given with article {article_id!r}")
    seen: set[str] = set()
    for event in events_:
        if event.id in seen:
            raise StoreError(f"duplicate event id {event.id!r} in article {article_id!r}")
        seen.add(event.id)


def _iso_date(value: str | None, event_id: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"event {event_id!r}: when {value!r} is not an ISO date "
                         "YYYY-MM-DD") from None


def _event_row(event: Event, content_hash: str, extractor_version: str) -> dict[str, Any]:
    return {
        "id": event.id, "article_id": event.article_id, "content_hash": content_hash,
        "type": event.type, "modality": event.modality,
        "when_start": _iso_date(event.when.start, event.id),
        "when_end": _iso_date(event.when.end, event.id),
        "precision": event.when.precision, "when_text": event.when.text,
        "when_reason": event.when.reason, "duration_days": event.duration_days,
        "flow": event.flow, "summary": event.summary, "reason": event.reason,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text, "extractor_version": extractor_version,
        "record": event.to_spec(),
    }


def province_id(place_id: str, gazetteer: Gazetteer) -> str | None:
    """The province-level unit a place id is in (KP-09 for KP-09/saebyol); for an id
    the gazetteer does not know, the ``KP-NN`` / ``CN-JL`` part of it; None for countries."""
    found = gazetteer.province_of(place_id)
    if found is not None:
        return found
    head = place_id.split("/")[0]
    return head if "-" in head else None


def _child_rows(event: Event, gaz: Gazetteer) -> dict[Table, list[dict[str, Any]]]:
    eid = event.id
    return {
        event_places: [
            {"event_id": eid, "position": i, "place_id": p.place_id,
             "province_id": province_id(p.place_id, gaz), "name": p.name, "level": p.level,
             "text": p.text, "lat": p.lat, "lon": p.lon, "start": p.start, "end": p.end}
            for i, p in enumerate(event.where)],
        event_sources: [
            {"event_id": eid, "chain_index": c, "position": i, "name": name}
            for c, chain in enumerate(event.sources) for i, name in enumerate(chain)],
        event_actors: [
            {"event_id": eid, "position": i, "name": a.name, "role": a.role}
            for i, a in enumerate(event.actors)],
        event_mentions: [
            {"event_id": eid, "position": i, "start": m.start, "end": m.end, "text": m.text}
            for i, m in enumerate(event.mentions)],
    }


def _quote_row(article_id: str, index: int, quote: Quote, content_hash: str,
               extractor_version: str) -> dict[str, Any]:
    return {
        "id": f"{article_id}#q{index}", "article_id": article_id,
        "content_hash": content_hash, "speaker": quote.speaker,
        "affiliation": quote.affiliation, "text": quote.text,
        "start": quote.evidence.start, "end": quote.evidence.end,
        "evidence_text": quote.evidence.text, "via": list(quote.via),
        "reason": quote.reason, "extractor_version": extractor_version,
    }


# --------------------------------------------------------------------------- reading


def query_events(conn: Connection, filters: EventFilter) -> list[Event]:
    """The events matching ``filters`` (see the module docstring), in timeline order."""
    anchor = func.coalesce(events.c.when_start, events.c.when_end)
    keys = [anchor, events.c.article_id, events.c.id]
    order = [key.desc() for key in keys] if filters.descending else keys
    query = select(events).where(*_conditions(filters, load_gazetteer())).order_by(
        anchor.is_(None), *order)
    if filters.limit is not None:
        query = query.limit(filters.limit)
    if filters.offset:
        query = query.offset(filters.offset)
    return _rebuild(conn, list(conn.execute(query)))


def get_event(conn: Connection, event_id: str) -> Event:
    """One stored event by id, or NotFoundError naming it."""
    rows = list(conn.execute(select(events).where(events.c.id == event_id)))
    if not rows:
        raise NotFoundError(f"no event with id {event_id!r} (event ids read ARTICLE#eN)")
    return _rebuild(conn, rows)[0]


def events_for_article(conn: Connection, article_id: str) -> list[Event]:
    """The stored events of one article, in timeline order ([] when it has none)."""
    return query_events(conn, EventFilter(article_id=article_id))


def quotes_for_article(conn: Connection, article_id: str) -> list[Quote]:
    """The stored quotes of one article, in text order."""
    rows = conn.execute(select(quotes).where(quotes.c.article_id == article_id)
                        .order_by(quotes.c.start, quotes.c.id))
    return [
        Quote(article_id=row.article_id, speaker=row.speaker, text=row.text,
              evidence=Evidence(row.start, row.end, row.evidence_text),
              affiliation=row.affiliation, via=tuple(row.via or ()), reason=row.reason)
        for row in rows
    ]


def _children(conn: Connection, table: Table, ids: list[str],
              order: Iterable[str]) -> dict[str, list[Any]]:
    """Child rows of the events ``ids``, grouped by event id, in ``order`` within each."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for i in range(0, len(ids), _CHUNK):
        query = select(table).where(table.c.event_id.in_(ids[i:i + _CHUNK])).order_by(
            *(table.c[name] for name in order))
        for row in conn.execute(query):
            grouped[row.event_id].append(row)
    return grouped


def _rebuild(conn: Connection, rows: list[Any]) -> list[Event]:
    ids = [row.id for row in rows]
    places = _children(conn, event_places, ids, ["position"])
    sources = _children(conn, event_sources, ids, ["chain_index", "position"])
    actors = _children(conn, event_actors, ids, ["position"])
    mentions = _children(conn, event_mentions, ids, ["position"])
    return [_event(row, places[row.id], sources[row.id], actors[row.id], mentions[row.id])
            for row in rows]


def _chains(rows: list[Any]) -> tuple[tuple[str, ...], ...]:
    chains: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        chains[row.chain_index].append(row.name)
    return tuple(tuple(chains[i]) for i in sorted(chains))


def _event(row: Any, places: list[Any], sources: list[Any], actors: list[Any],
           mentions: list[Any]) -> Event:
    when = When(start=row.when_start.isoformat() if row.when_start else None,
                end=row.when_end.isoformat() if row.when_end else None,
                precision=row.precision, text=row.when_text, reason=row.when_reason)
    return Event(
        id=row.id, article_id=row.article_id, type=row.type, modality=row.modality,
        when=when, evidence=Evidence(row.evidence_start, row.evidence_end, row.evidence_text),
        summary=row.summary, reason=row.reason, duration_days=row.duration_days,
        flow=row.flow,
        where=tuple(PlaceRef(p.place_id, p.name, p.level, p.text, p.lat, p.lon, p.start, p.end)
                    for p in places),
        actors=tuple(Actor(a.name, a.role) for a in actors),
        sources=_chains(sources),
        mentions=tuple(Evidence(m.start, m.end, m.text) for m in mentions),
    )


def extraction_stats(conn: Connection) -> dict[str, Any]:
    """Counts of extracted records: events (in all and per type), quotes, and articles
    with at least one event or quote."""
    counts = select(events.c.type, func.count()).group_by(events.c.type).order_by(events.c.type)
    by_type: dict[str, int] = {kind: int(n) for kind, n in conn.execute(counts)}
    with_events = select(events.c.article_id).union(select(quotes.c.article_id)).subquery()
    return {
        "events": sum(by_type.values()),
        "events_by_type": by_type,
        "quotes": int(conn.execute(select(func.count()).select_from(quotes)).scalar_one()),
        "articles_with_records": int(conn.execute(select(func.count()).select_from(with_events))
                        .scalar_one()),
    }
