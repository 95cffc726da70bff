"""End to end: illustrative articles (tests/data/incidents) ingested with extraction give
one corroborated closure incident and a linked state-media denial."""

from __future__ import annotations

from pathlib import Path

import pytest

from koreawatch.settings import Settings
from koreawatch.store.db import open_store
from koreawatch.store.incidents import IncidentFilter, changes_since, load_incidents

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "incidents"

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_ingest_fixture_articles_builds_incidents(sqlite_url: str, settings: Settings) -> None:
    from datetime import UTC, datetime

    from koreawatch.ingest.pipeline import ingest

    start = datetime.now(UTC)
    store = open_store(sqlite_url)
    try:
        report = ingest(sorted(str(p) for p in FIXTURES.glob("*.json")), settings, store,
                        extract=True)
        with store.engine.connect() as conn:
            closures = load_incidents(conn, IncidentFilter(type="border_closure"))
            feed = changes_since(conn, start)
    finally:
        store.close()
    assert (report.added, report.near_duplicates) == (5, 1)
    closure = next(i for i in closures if i.modality == "reported")
    denial = next(i for i in closures if i.modality == "denied")
    assert {m.article_id for m in closure.mentions} == {
        "inc-fx-dailynk", "inc-fx-wire", "inc-fx-nknews", "inc-fx-upi", "inc-fx-rfa"}
    assert [(o.name, o.reports) for o in closure.origins] == [("Daily NK", 4), ("RFA", 1)]
    assert closure.corroboration() == "reported by 5 outlets from 2 independent origins"
    assert any("syndicated copy of inc-fx-dailynk" in r for r in closure.merge_reasons)
    assert closure.contradicted_by == (denial.id,) and denial.contradicts == (closure.id,)
    assert [(o.name, o.kind) for o in denial.origins] == [("KCNA", "state_media")]
    assert {row["change"] for row in feed} == {"created"}
