"""Extracted events and quotes in the store, on SQLite and PostgreSQL: replacing an
article's extraction, cascades, every query filter, ordering, bad filter values."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from koreawatch.errors import NotFoundError, StoreError, UsageError
from koreawatch.extract.places import load_gazetteer
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, Quote, When
from koreawatch.store.articles import SaveOptions, delete_article, get_article, save_article
from koreawatch.store.db import Store, downgrade
from koreawatch.store.events import (
    EventFilter,
    events_for_article,
    extraction_stats,
    get_event,
    parse_date_bound,
    query_events,
    quotes_for_article,
    replace_extraction,
    resolve_place,
)
from koreawatch.store.schema import (
    event_actors,
    event_mentions,
    event_places,
    event_sources,
    events,
    quotes,
)

TEXT = ("Illustrative test article. North Korea closed the bridges to China in North Hamgyong "
        "Province at the start of February, a source in Yanggang Province told Daily NK.")


def place(place_id: str, start: int = 0) -> PlaceRef:
    """A PlaceRef for a gazetteer id, as the extractor would build it."""
    found = load_gazetteer().get(place_id)
    assert found is not None
    return PlaceRef(place_id, found.name, found.level, found.name, found.lat, found.lon,
                    start, start + len(found.name))


def ev(article: str, n: int, type_: str = "border_closure", *, start: str | None = None,
       end: str | None = None, precision: str = "day", modality: str = "asserted",
       where: tuple[str, ...] = (), sources: tuple[tuple[str, ...], ...] = ()) -> Event:
    """An illustrative event ``<article>#e<n>``."""
    return Event(
        id=f"{article}#e{n}", article_id=article, type=type_, modality=modality,
        when=When(start, end, precision, "at the start of February", "rule.test"),
        evidence=Evidence(27, 60, TEXT[27:60]), summary=f"illustrative event {n}",
        reason="hand-built for a test", flow="both" if "border" in type_ else None,
        where=tuple(place(pid, 10 * i) for i, pid in enumerate(where)),
        actors=(Actor("North Korea", "agent"), Actor("China", "counterpart")),
        sources=sources, mentions=(Evidence(27, 33, TEXT[27:33]),),
    )


QUOTE = Quote(article_id="a1", speaker="source", text="the bridges are closed",
              evidence=Evidence(5, 27, TEXT[5:27]), affiliation=None, via=("Daily NK",),
              reason="quote.test")


def add_article(store: Store, article_id: str) -> str:
    """Save an article; return its content hash."""
    with store.engine.begin() as conn:
        save_article(conn, Article(text=f"{TEXT} ({article_id})", source="test",
                                   input_id=article_id, published=date(2021, 3, 15)),
                     SaveOptions())
        return get_article(conn, article_id).content_hash


def fill(store: Store, by_article: dict[str, list[Event]]) -> None:
    for article_id, records in by_article.items():
        digest = add_article(store, article_id)
        with store.engine.begin() as conn:
            replace_extraction(conn, article_id, digest, records, [], "test-1")


def ids(store: Store, **filters: object) -> list[str]:
    with store.engine.connect() as conn:
        return [e.id for e in query_events(conn, EventFilter(**filters))]  # type: ignore[arg-type]


def count(store: Store, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


# --------------------------------------------------------------------------- writing


def test_events_round_trip_rebuilds_records(store: Store) -> None:
    digest = add_article(store, "a1")
    records = [ev("a1", 1, start="2021-02-01", end="2021-02-10", precision="part_of_month",
                  where=("KP-09", "KP-09/saebyol"),
                  sources=(("Daily NK", "a source in Yanggang Province"), ("Yonhap",)))]
    with store.engine.begin() as conn:
        replace_extraction(conn, "a1", digest, records, [QUOTE], "test-1")
    with store.engine.connect() as conn:
        assert events_for_article(conn, "a1") == records
        assert quotes_for_article(conn, "a1") == [QUOTE]
        stored = conn.execute(select(events.c.record, events.c.content_hash,
                                     events.c.extractor_version)).one()
    assert stored == (records[0].to_spec(), digest, "test-1")


def test_events_replace_extraction_replaces_only_that_article(store: Store) -> None:
    fill(store, {"a1": [ev("a1", 1), ev("a1", 2)], "a2": [ev("a2", 1)]})
    with store.engine.begin() as conn:
        replace_extraction(conn, "a1", "h", [ev("a1", 3, where=("KP-10",))], [QUOTE], "test-2")
    assert ids(store) == ["a1#e3", "a2#e1"]
    assert (count(store, event_places), count(store, quotes)) == (1, 1)
    assert count(store, event_actors) == 4


def test_events_replace_extraction_is_atomic(store: Store) -> None:
    fill(store, {"a1": [ev("a1", 1)], "a2": [ev("a2", 1)]})
    clash = ev("a2", 1)  # another article's event id: the insert fails after the delete
    clash = Event(**{**clash.__dict__, "article_id": "a1"})
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        replace_extraction(conn, "a1", "h", [ev("a1", 2), clash], [QUOTE], "test-2")
    assert ids(store) == ["a1#e1", "a2#e1"]
    assert count(store, quotes) == 0


@pytest.mark.parametrize(
    ("article", "records", "error", "message"),
    [
        ("nope", [], NotFoundError, "no article with id 'nope'"),
        ("a1", [ev("a2", 1)], StoreError, "record of article 'a2' given with article 'a1'"),
        ("a1", [ev("a1", 1), ev("a1", 1)], StoreError, "duplicate event id 'a1#e1'"),
        ("a1", [ev("a1", 1, start="Feb 2021")], StoreError, "'Feb 2021' is not an ISO date"),
    ],
)
def test_events_replace_extraction_rejects_bad_records(
        store: Store, article: str, records: list[Event], error: type[Exception],
        message: str) -> None:
    add_article(store, "a1")
    with pytest.raises(error, match=message), store.engine.begin() as conn:
        replace_extraction(conn, article, "h", records, [], "test-1")


def test_events_cascade_on_article_delete(store: Store) -> None:
    fill(store, {"a1": [ev("a1", 1, where=("KP-09",), sources=(("Daily NK",),))]})
    with store.engine.begin() as conn:
        replace_extraction(conn, "a1", "h", [ev("a1", 1, where=("KP-09",),
                                                sources=(("Daily NK",),))], [QUOTE], "t")
        delete_article(conn, "a1")
    for table in (events, event_places, event_sources, event_actors, event_mentions, quotes):
        assert count(store, table) == 0, table.name


def test_events_migration_downgrade_drops_tables(store: Store) -> None:
    downgrade(store.engine, "0001")
    names = set(inspect(store.engine).get_table_names())
    assert "articles" in names
    assert not names & {"events", "event_places", "event_sources", "event_actors",
                        "event_mentions", "quotes"}


# --------------------------------------------------------------------------- filters

FILTER_EVENTS = {
    "a1": [
        ev("a1", 1, "border_closure", start="2021-02-01", end="2021-02-10", where=("KP-09",),
           sources=(("Daily NK", "a source in Yanggang Province"),), modality="reported"),
        ev("a1", 2, "border_closure", start="2021-02-03", end="2021-02-03",
           where=("KP-09/saebyol",)),
        ev("a1", 3, "smuggling", start="2021-01-01", end="2021-01-31", precision="month",
           where=("KP-09/kyongwon-shatuozi-crossing",), modality="denied"),
    ],
    "a2": [
        ev("a2", 1, "arrest", start="2021-01-05", end="2021-01-05", where=("KP-10/hyesan",),
           sources=(("Radio Free Asia", "a resident"),), modality="reported"),
        ev("a2", 2, "aid_delivery", start="2021-03-01", end=None, precision="approx",
           where=("CN-JL",), modality="expected"),
        ev("a2", 3, "crackdown", where=("KP-10",)),
    ],
}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a1#e3", "a2#e1", "a1#e1", "a1#e2", "a2#e2", "a2#e3"]),
        ({"type": "border_closure"}, ["a1#e1", "a1#e2"]),
        ({"modality": "reported"}, ["a2#e1", "a1#e1"]),
        ({"article_id": "a2"}, ["a2#e1", "a2#e2", "a2#e3"]),
        ({"source": "daily nk"}, ["a1#e1"]),
        ({"source": "YANGGANG"}, ["a1#e1"]),
        ({"source": "a "}, ["a2#e1", "a1#e1"]),
        ({"source": "100%"}, []),
        ({"place": "KP-09"}, ["a1#e3", "a1#e1", "a1#e2"]),
        ({"place": "kp-09"}, ["a1#e3", "a1#e1", "a1#e2"]),
        ({"place": "North Hamgyong Province"}, ["a1#e3", "a1#e1", "a1#e2"]),
        ({"place": "KP-09/saebyol"}, ["a1#e3", "a1#e2"]),
        ({"place": "Kyongwon"}, ["a1#e3", "a1#e2"]),
        ({"place": "Ryanggang"}, ["a2#e1", "a2#e3"]),
        ({"place": "Yanggang"}, ["a2#e1", "a2#e3"]),
        ({"place": "Hyesan"}, ["a2#e1"]),
        ({"place": "CN"}, ["a2#e2"]),
        ({"place": "KP"}, ["a1#e3", "a2#e1", "a1#e1", "a1#e2", "a2#e3"]),
        ({"type": "border_closure", "place": "KP-09/saebyol"}, ["a1#e2"]),
        ({"limit": 2}, ["a1#e3", "a2#e1"]),
        ({"limit": 2, "offset": 4}, ["a2#e2", "a2#e3"]),
    ],
)
def test_events_query_filters(store: Store, filters: dict[str, object],
                              expected: list[str]) -> None:
    fill(store, FILTER_EVENTS)
    assert ids(store, **filters) == expected


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (None, None, {"a", "b", "c", "d", "e"}),
        ("2021-02-05", "2021-02-05", {"b", "e"}),
        ("2021-03-10", None, {"d", "e"}),
        (None, "2021-01-10", {"a", "c", "e"}),
        ("2021-01-31", "2021-02-01", {"a", "b", "e"}),
        ("2021-01-16", "2021-01-16", {"a", "e"}),
    ],
)
def test_events_interval_overlap_with_open_ends(store: Store, date_from: str | None,
                                                date_to: str | None,
                                                expected: set[str]) -> None:
    spans = {"a": ("2021-01-01", "2021-01-31", "month"), "b": ("2021-02-01", "2021-02-10",
             "part_of_month"), "c": (None, "2021-01-15", "unknown"),
             "d": ("2021-03-01", None, "approx"), "e": (None, None, "approx")}
    fill(store, {k: [ev(k, 1, start=s, end=e, precision=p)] for k, (s, e, p) in spans.items()})
    bounds = {"date_from": date.fromisoformat(date_from) if date_from else None,
              "date_to": date.fromisoformat(date_to) if date_to else None}
    assert {i.split("#")[0] for i in ids(store, **bounds)} == expected


def test_events_ordering_by_start_or_end_then_article_then_id(store: Store) -> None:
    fill(store, {
        "b": [ev("b", 1, start="2021-02-01", end="2021-02-01"), ev("b", 2)],
        "a": [ev("a", 2, start="2021-02-01", end="2021-02-01"),
              ev("a", 1, start="2021-02-01", end="2021-02-28"), ev("a", 3),
              ev("a", 4, start=None, end="2021-12-31", precision="unknown")],
        "c": [ev("c", 1, start="2020-12-31", end="2021-01-01")],
    })
    # an open start sorts at its end date; undated events come last
    assert ids(store) == ["c#e1", "a#e1", "a#e2", "b#e1", "a#e4", "a#e3", "b#e2"]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"type": "closure"}, "unknown event type 'closure'; valid: border_closure, "),
        ({"modality": "maybe"}, "unknown modality 'maybe'; valid: asserted, reported"),
        ({"date_from": date(2021, 3, 1), "date_to": date(2021, 2, 1)},
         "from 2021-03-01 is after to 2021-02-01"),
        ({"limit": 0}, "limit must be 1 or more"),
        ({"offset": -1}, "offset must be 0 or more"),
        ({"source": " "}, "empty source filter"),
    ],
)
def test_events_bad_filter_values_raise_usage_error(filters: dict[str, object],
                                                   message: str) -> None:
    with pytest.raises(UsageError, match=message):
        EventFilter(**filters)  # type: ignore[arg-type]


def test_events_unknown_place_raises_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="unknown place 'Atlantis'"), \
            store.engine.connect() as conn:
        query_events(conn, EventFilter(place="Atlantis"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("KP-09", "KP-09"), ("kp-09/SAEBYOL", "KP-09/saebyol"), ("Ryanggang", "KP-10"),
     ("Yanggang Province", "KP-10"), ("Saebyul County", "KP-09/saebyol"), ("cn-jl", "CN-JL")],
)
def test_events_resolve_place(value: str, expected: str) -> None:
    assert resolve_place(value) == expected


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [("2021-02-13", False, date(2021, 2, 13)), ("2021-02", False, date(2021, 2, 1)),
     ("2021-02", True, date(2021, 2, 28)), ("2020-02", True, date(2020, 2, 29)),
     ("2021-12", True, date(2021, 12, 31)), ("2021", False, date(2021, 1, 1)),
     ("2021", True, date(2021, 12, 31))],
)
def test_events_parse_date_bound(value: str, end: bool, expected: date) -> None:
    assert parse_date_bound(value, end=end) == expected


@pytest.mark.parametrize("value", ["not-a-date", "2021-13", "2021-02-30", "21-02-01", ""])
def test_events_parse_date_bound_rejects(value: str) -> None:
    with pytest.raises(UsageError, match=f"--from {value!r} is not a date: use YYYY-MM-DD"):
        parse_date_bound(value, label="--from")


def test_events_extraction_stats(store: Store) -> None:
    fill(store, FILTER_EVENTS)
    with store.engine.begin() as conn:
        replace_extraction(conn, "a1", "h", FILTER_EVENTS["a1"], [QUOTE], "test-1")
        stats = extraction_stats(conn)
    assert stats == {"events": 6, "quotes": 1, "articles_with_records": 2,
                     "events_by_type": {"aid_delivery": 1, "arrest": 1, "border_closure": 2,
                                        "crackdown": 1, "smuggling": 1}}


def test_events_text_filter_needs_every_word_in_any_case(store: Store) -> None:
    fill(store, {"a": [ev("a", 1), ev("a", 2)]})
    with store.engine.connect() as conn:
        everything = query_events(conn, EventFilter())
        first = everything[0]
        words = " ".join(first.summary.upper().split()[:2])
        found = query_events(conn, EventFilter(text=words))
        none = query_events(conn, EventFilter(text=words + " zzzqqq"))
    assert first.id in [e.id for e in found]
    assert none == []


def test_events_get_event_by_id_or_not_found(store: Store) -> None:
    fill(store, {"a": [ev("a", 1)]})
    with store.engine.connect() as conn:
        assert get_event(conn, "a#e1").id == "a#e1"
        with pytest.raises(NotFoundError, match="no event with id 'a#e9'"):
            get_event(conn, "a#e9")
