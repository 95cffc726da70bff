"""The store on SQLite and on PostgreSQL: saving, versions, duplicates, search, migrations."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from koreawatch.errors import NotFoundError, StoreError, UsageError
from koreawatch.models import Article
from koreawatch.store.articles import (
    SaveOptions,
    article_id_for,
    article_versions_of,
    delete_article,
    get_article,
    list_articles,
    save_article,
    search_articles,
    store_stats,
)
from koreawatch.store.db import Store, downgrade, open_store, upgrade
from koreawatch.store.schema import metadata

OPTIONS = SaveOptions(near_duplicate_threshold=0.7)
STORY = (
    "Illustrative test article. North Korea closed the bridges to China in North Hamgyong "
    "Province at the start of February, leaving one bridge in Saebyol County open for "
    "emergencies. Border guards were told to shoot anyone who approached the river without "
    "permission, and traders in Hoeryong said the markets had run short of flour, sugar and "
    "soybean oil since the closure began. A resident said that two smugglers had been arrested "
    "in January and sent to a labour camp after a public trial in the town square."
)


def art(text: str = STORY, **fields: object) -> Article:
    values: dict[str, object] = {"source": "test", "title": "Bridges closed",
                                 "published": date(2021, 3, 15)}
    values.update(fields)
    return Article(text=text, **values)  # type: ignore[arg-type]


def save(store: Store, article: Article):
    with store.engine.begin() as conn:
        return save_article(conn, article, OPTIONS)


def test_store_save_new_article_keeps_input_id_and_fields(store: Store) -> None:
    outcome = save(store, art(input_id="nk-0001", outlet="Demo", tags=("a", "b"),
                              extra={"provenance": {"repo": "x"}}))
    assert (outcome.status, outcome.article_id) == ("added", "nk-0001")
    with store.engine.connect() as conn:
        stored = get_article(conn, "nk-0001")
    assert stored.text == STORY
    assert stored.tags == ("a", "b")
    assert stored.published == date(2021, 3, 15)
    assert stored.versions == 1


def test_store_exact_duplicate_is_stored_once(store: Store) -> None:
    save(store, art(input_id="a"))
    outcome = save(store, art(text=STORY.replace(". ", ".  \n"), input_id="b"))
    assert (outcome.status, outcome.article_id) == ("duplicate", "a")
    with store.engine.connect() as conn:
        assert store_stats(conn)["articles"] == 1


def test_store_changed_text_same_url_is_new_version(store: Store) -> None:
    url = "https://demo.koreawatch.invalid/story?utm_source=x"
    first = save(store, art(url=url))
    second = save(store, art(text=STORY + " The source added that guards were rotated.",
                             url="https://DEMO.koreawatch.invalid/story/"))
    assert first.status == "added"
    assert (second.status, second.article_id) == ("version", first.article_id)
    with store.engine.connect() as conn:
        stored = get_article(conn, first.article_id or "")
        history = article_versions_of(conn, first.article_id or "")
        stats = store_stats(conn)
    assert stored.versions == 2 and stored.text.endswith("guards were rotated.")
    assert [v["version"] for v in history] == [1, 2]
    assert (stats["articles"], stats["versions"]) == (1, 2)


def test_store_near_duplicate_is_linked_to_earlier_copy(store: Store) -> None:
    original = save(store, art(input_id="wire-1", outlet="Wire"))
    syndicated = STORY + " This story was first published by the Wire and is republished here."
    copy = save(store, art(text="Reprinted with permission. " + syndicated, input_id="blog-7"))
    assert copy.status == "near_duplicate"
    with store.engine.connect() as conn:
        stored = get_article(conn, "blog-7")
    assert stored.near_duplicate_of == original.article_id
    assert stored.similarity is not None and 0.7 <= stored.similarity < 1.0


def test_store_different_story_is_not_near_duplicate(store: Store) -> None:
    save(store, art(input_id="one"))
    other = ("Illustrative test article. A shipment of vaccines arrived in Pyongyang by air "
             "on Tuesday, and health officials said the doses would first go to medical "
             "workers in the capital and in the border provinces.")
    outcome = save(store, art(text=other, input_id="two"))
    assert outcome.status == "added"


def test_store_deterministic_ids_without_input_id() -> None:
    by_url = art(url="https://demo.koreawatch.invalid/a?utm_medium=rss")
    assert article_id_for(by_url) == article_id_for(art(url="https://demo.koreawatch.invalid/a"))
    assert article_id_for(art()) == article_id_for(art(text=STORY + "\n"))
    assert article_id_for(art()).startswith("kw-")


def test_store_search_finds_all_words_and_ranks(store: Store) -> None:
    save(store, art(input_id="bridges"))
    save(store, art(text="Illustrative. Vaccines arrived in Pyongyang on a cargo flight.",
                    input_id="vaccines", title="Vaccines arrive"))
    with store.engine.connect() as conn:
        assert [a.id for a, _ in search_articles(conn, "bridges Saebyol")] == ["bridges"]
        assert [a.id for a, _ in search_articles(conn, "vaccines")] == ["vaccines"]
        assert search_articles(conn, "bridges vaccines") == []
        assert [a.id for a, _ in search_articles(conn, 'closed "border')] == ["bridges"]
        with pytest.raises(UsageError, match="empty search query"):
            search_articles(conn, "  ")


def test_store_list_orders_newest_first(store: Store) -> None:
    save(store, art(input_id="old", published=date(2020, 1, 1)))
    save(store, art(text="Illustrative. Another text entirely about trade at Sinuiju.",
                    input_id="new", published=date(2021, 1, 1)))
    save(store, art(text="Illustrative. An undated text about a crackdown in Hyesan.",
                    input_id="undated", published=None))
    with store.engine.connect() as conn:
        assert [a.id for a in list_articles(conn)] == ["new", "old", "undated"]


def test_store_delete_removes_versions_and_search_entry(store: Store) -> None:
    save(store, art(input_id="gone"))
    with store.engine.begin() as conn:
        delete_article(conn, "gone")
    with store.engine.connect() as conn:
        assert search_articles(conn, "bridges") == []
        assert store_stats(conn)["versions"] == 0
        with pytest.raises(NotFoundError, match="no article with id 'gone'"):
            get_article(conn, "gone")


def _not_fts(name: str | None, kind: str, _parents: object) -> bool:
    """Full-text tables are per database and live in the migrations only."""
    return not (name or "").startswith(("article_fts", "ix_article_fts"))


def test_store_migrations_match_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_store_downgrade_then_upgrade_round_trips(store: Store) -> None:
    downgrade(store.engine, "base")
    assert "articles" not in inspect(store.engine).get_table_names()
    upgrade(store.engine)
    assert {"articles", "article_versions", "ingest_log"} <= set(
        inspect(store.engine).get_table_names())


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_open_store_bad_url_names_problem(url: str) -> None:
    with pytest.raises(StoreError, match="not a database URL|no driver"):
        open_store(url)
