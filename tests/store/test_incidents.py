"""Incidents in the store, on SQLite and PostgreSQL: rebuilding, the changes feed, queries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Connection, func, select

from koreawatch.errors import NotFoundError, UsageError
from koreawatch.models import Actor, Article, Event, Evidence, PlaceRef, When
from koreawatch.settings import Settings
from koreawatch.store.articles import SaveOptions, delete_article, get_article, save_article
from koreawatch.store.db import Store
from koreawatch.store.events import replace_extraction
from koreawatch.store.incidents import (
    IncidentFilter,
    changes_since,
    get_incident,
    incident_detail,
    load_incidents,
    rebuild_incidents,
)
from koreawatch.store.schema import incident_changes, incident_links, incident_members

KP09 = PlaceRef("KP-09", "North Hamgyong Province", "province", "North Hamgyong", 41.8, 129.6,
                0, 0)
SAEBYOL = PlaceRef("KP-09/saebyol", "Saebyol County", "county", "Saebyol", 42.7, 130.1, 0, 0)
FEB = When("2021-02-01", "2021-02-10", "part_of_month", "at the start of February")
JUNE = When("2021-06-01", "2021-06-30", "month", "in June")
CLOSURE = "North Korea closed the bridges to China in North Hamgyong Province"
T1 = datetime(2021, 4, 1, 12, 0, tzinfo=UTC)
T2 = datetime(2021, 4, 2, 12, 0, tzinfo=UTC)


def event(article: str, *, modality: str = "reported", when: When = FEB,
          where: tuple[PlaceRef, ...] = (KP09,),
          sources: tuple[tuple[str, ...], ...] = ()) -> Event:
    return Event(id=f"{article}#e1", article_id=article, type="border_closure",
                 modality=modality, when=when, evidence=Evidence(0, len(CLOSURE), CLOSURE),
                 summary=CLOSURE, reason="hand-built", where=where,
                 actors=(Actor("North Korea", "agent"),), sources=sources)


def put(conn: Connection, article: str, outlet: str, day: int, *events: Event) -> None:
    """Store an illustrative article (distinct text per id) with these events."""
    text = f"Illustrative article {article} by {outlet}. " + " ".join(
        f"Word{article}{i}" for i in range(40))
    save_article(conn, Article(text=text, source="test", input_id=article, outlet=outlet,
                               published=date(2021, 3, day)), SaveOptions())
    replace_extraction(conn, article, get_article(conn, article).content_hash, list(events),
                       [], "test")


@pytest.fixture
def filled(store: Store) -> Store:
    """A Daily NK report, NK News citing it, a county-level RFA report, a KCNA denial."""
    with store.engine.begin() as conn:
        put(conn, "a", "Daily NK", 1, event("a", sources=(("a source in Hoeryong",),)))
        put(conn, "b", "NK News", 2, event("b", sources=(("Daily NK",),)))
        put(conn, "c", "RFA", 3, event("c", where=(SAEBYOL,), sources=(("residents",),)))
        put(conn, "d", "KCNA", 4, event("d", modality="denied", where=()))
        rebuild_incidents(conn, Settings(), now=T1)
    return store


def test_rebuild_incidents_writes_incidents_and_links(filled: Store) -> None:
    with filled.engine.connect() as conn:
        found = load_incidents(conn, IncidentFilter())
        members = conn.execute(select(func.count()).select_from(incident_members)).scalar()
        links = conn.execute(select(incident_links.c.kind)).scalars().all()
    closure = next(i for i in found if i.modality == "reported")
    denial = next(i for i in found if i.modality == "denied")
    assert [m.article_id for m in closure.mentions] == ["a", "b", "c"]
    assert closure.corroboration() == "reported by 3 outlets from 2 independent origins"
    assert closure.contradicted_by == (denial.id,) and denial.contradicts == (closure.id,)
    assert [o.kind for o in denial.origins] == ["state_media"]
    assert members == 4 and links == ["contradicts"]


def test_rebuild_incidents_twice_records_no_changes(filled: Store) -> None:
    with filled.engine.begin() as conn:
        summary = rebuild_incidents(conn, Settings(), now=T2)
        rows = conn.execute(select(incident_changes.c.change)).scalars().all()
    assert (summary.created, summary.updated, summary.retracted) == ((), (), ())
    assert summary.unchanged == 2
    assert rows == ["created", "created"]


def test_rebuild_incidents_changed_and_removed_articles(filled: Store) -> None:
    with filled.engine.begin() as conn:
        closure_id = next(i.id for i in load_incidents(conn, IncidentFilter(modality="reported")))
        denial_id = next(i.id for i in load_incidents(conn, IncidentFilter(modality="denied")))
        replace_extraction(conn, "c", get_article(conn, "c").content_hash,
                           [event("c", when=JUNE, where=(SAEBYOL,))], [], "test-2")
        delete_article(conn, "d")
        summary = rebuild_incidents(conn, Settings(), now=T2)
    assert summary.updated == (closure_id,)
    assert summary.retracted == (denial_id,)
    assert len(summary.created) == 1
    with filled.engine.connect() as conn:
        feed = changes_since(conn, T2)
        assert [i.article_id for i in get_incident(conn, closure_id).mentions] == ["a", "b"]
    by_change = {row["change"]: row for row in feed}
    assert set(by_change) == {"created", "updated", "retracted"}
    assert by_change["updated"]["detail"]["removed_mentions"] == ["c#e1"]
    assert "contradicted_by" in by_change["updated"]["detail"]["changed"]
    assert by_change["retracted"]["incident_id"] == denial_id
    assert all(row["at"] == T2 for row in feed)


@pytest.mark.parametrize(("since", "count"), [(datetime(2021, 3, 31), 2), (T2, 0)])
def test_changes_since_filters_by_time(filled: Store, since: datetime, count: int) -> None:
    with filled.engine.connect() as conn:
        feed = changes_since(conn, since)
    assert len(feed) == count
    assert all(set(row) == {"incident_id", "change", "at", "detail"} for row in feed)


@pytest.mark.parametrize(("filters", "count"), [
    (IncidentFilter(type="border_closure"), 2),
    (IncidentFilter(type="arrest"), 0),
    (IncidentFilter(place="KP-09/saebyol"), 1),
    (IncidentFilter(place="North Hamgyong"), 1),
    (IncidentFilter(place="KP-10"), 0),
    (IncidentFilter(min_origins=2), 1),
    (IncidentFilter(date_from=date(2021, 5, 1)), 0),
    (IncidentFilter(date_to=date(2021, 2, 5)), 2),
    (IncidentFilter(limit=1, offset=1), 1),
])
def test_load_incidents_filters(filled: Store, filters: IncidentFilter, count: int) -> None:
    with filled.engine.connect() as conn:
        assert len(load_incidents(conn, filters)) == count


@pytest.mark.parametrize("bad", [{"type": "closure"}, {"min_origins": 0}, {"modality": "x"}])
def test_incident_filter_bad_values_name_them(bad: dict[str, object]) -> None:
    with pytest.raises(UsageError, match="closure|min-origins|'x'"):
        IncidentFilter(**bad)  # type: ignore[arg-type]


def test_get_incident_unknown_id_names_it(filled: Store) -> None:
    with filled.engine.connect() as conn, pytest.raises(NotFoundError, match="inc-nope"):
        get_incident(conn, "inc-nope")


def test_incident_detail_has_graph_and_stances(filled: Store) -> None:
    with filled.engine.connect() as conn:
        closure = load_incidents(conn, IncidentFilter(modality="reported"))[0]
        detail = incident_detail(conn, closure.id)
    assert detail["contradictions"][0]["stance"] == "denied"
    assert {n["kind"] for n in detail["attribution_graph"]["nodes"]} >= {"article", "outlet"}
