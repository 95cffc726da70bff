"""Whole ingest runs: mixed folders, bad input, reruns, a killed process, the shared corpus."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from koreawatch.ingest.pipeline import ingest
from koreawatch.settings import Settings
from koreawatch.store.articles import get_article, store_stats
from koreawatch.store.db import Store, open_store
from koreawatch.store.runs import run_log
from koreawatch.store.schema import article_versions, articles, lsh_buckets

DEMO = Path(__file__).resolve().parents[2] / "demo"
BROKEN_FEED = b"<?xml version='1.0'?><rss><channel><title>Broken</title><item><titl"


def make_bad_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(random.Random(1).randbytes(4096))
    (folder / "broken.json").write_text('{"id": "x", "text": "unterminated', encoding="utf-8")
    (folder / "broken.xml").write_bytes(BROKEN_FEED)
    (folder / "notes.md").write_text("# not an article\n", encoding="utf-8")


def reasons(report_rows: tuple[dict[str, str], ...]) -> dict[str, str]:
    return {Path(row["source"]).name.split("#")[0]: row["reason"] for row in report_rows}


def test_ingest_demo_folder_reads_every_format(store: Store, settings: Settings) -> None:
    report = ingest([str(DEMO)], settings, store)
    assert report.added == 6
    assert reasons(report.skipped) == {
        "README.md": reasons(report.skipped)["README.md"]}
    assert "unsupported file type '.md'" in reasons(report.skipped)["README.md"]
    with store.engine.connect() as conn:
        demo = get_article(conn, "demo-0002")
    assert demo.outlet == "Illustrative Wire (demo)"


def test_ingest_mixed_folder_keeps_good_and_names_each_bad_item(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    make_bad_folder(tmp_path / "in")
    (tmp_path / "in" / "good.txt").write_bytes((DEMO / "hyesan-border.txt").read_bytes())
    report = ingest([str(tmp_path / "in")], settings, store)
    assert report.added == 1
    why = reasons(report.skipped)
    assert set(why) == {"empty.txt", "noise.txt", "broken.json", "broken.xml", "notes.md"}
    assert "empty" in why["empty.txt"]
    assert "binary" in why["noise.txt"]
    assert "malformed JSON" in why["broken.json"]
    assert "malformed feed" in why["broken.xml"]
    with store.engine.connect() as conn:
        logged = {Path(row["source"]).name: row["status"] for row in run_log(conn)}
    assert logged["good.txt"] == "added" and logged["broken.json"] == "skipped"


def test_ingest_rerun_adds_nothing(store: Store, settings: Settings) -> None:
    first = ingest([str(DEMO)], settings, store)
    second = ingest([str(DEMO)], settings, store)
    assert (first.added, second.added, second.duplicates) == (6, 0, 6)
    with store.engine.connect() as conn:
        assert store_stats(conn)["articles"] == 6


def test_ingest_non_english_is_stored_and_flagged(store: Store, settings: Settings,
                                                  tmp_path: Path) -> None:
    record = {"id": "ko-1", "published": "2021-03-15", "text": (
        "북한이 중국과의 국경을 30일 더 봉쇄했다고 한 소식통이 전했다. "
        "밀수 혐의로 두 명이 체포되었다.")}
    path = tmp_path / "ko.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    report = ingest([str(path)], settings, store)
    assert report.added == 1
    assert "not English" in report.flagged[0]["reason"]
    with store.engine.connect() as conn:
        assert get_article(conn, "ko-1").language == "ko"


@pytest.mark.model
def test_ingest_extractor_failure_keeps_the_article_and_the_rest(
    store: Store, settings: Settings, break_extractor: Callable[[object, str], None]
) -> None:
    from koreawatch.extract import pipeline as extract_pipeline
    from koreawatch.store.events import EventFilter, query_events

    break_extractor(extract_pipeline, "demo-0002")
    report = ingest([str(DEMO)], settings, store, extract=True)
    assert report.added == 6
    flagged = {Path(row["source"]).name: row["reason"] for row in report.flagged}
    assert any("extraction failed" in reason and "extractor bug" in reason
               for reason in flagged.values())
    with store.engine.connect() as conn:
        assert get_article(conn, "demo-0002") is not None
        owners = {e.article_id for e in query_events(conn, EventFilter(limit=500))}
    assert "demo-0002" not in owners and len(owners) >= 3


def test_ingest_offline_url_is_skipped_with_reason(store: Store, settings: Settings) -> None:
    report = ingest(["http://127.0.0.1:9/none"], settings, store)
    assert report.skipped[0]["reason"].endswith("the network is off (offline setting)")


def _write_many(folder: Path, count: int) -> None:
    words = [
        "border", "guard", "river", "bridge", "trade", "truck", "closure", "customs",
        "market", "rice", "flour", "oil", "smuggler", "arrest", "camp", "trial",
        "province", "county", "city", "official", "source", "resident", "phone",
        "money", "price", "winter", "spring", "train", "port", "ship", "cargo", "vaccine",
        "aid",
    ]
    rng = random.Random(7)
    folder.mkdir()
    for i in range(count):
        body = " ".join(rng.choice(words) for _ in range(120))
        record = {"id": f"gen-{i:04d}", "published": "2021-03-01",
                  "title": f"Illustrative generated article {i}", "text": body}
        (folder / f"a{i:04d}.json").write_text(json.dumps(record), encoding="utf-8")


@pytest.mark.slow
def test_ingest_killed_halfway_leaves_store_consistent_and_rerun_completes(
    tmp_path: Path,
) -> None:
    count = 1500
    _write_many(tmp_path / "many", count)
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    open_store(url).close()
    env = {**os.environ, "KOREAWATCH_DB": url, "KOREAWATCH_BATCH_SIZE": "10",
           "KOREAWATCH_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "koreawatch", "ingest", str(tmp_path / "many"), "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    engine = create_engine(url)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        if stored >= 50:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        n_versions = conn.execute(select(func.count()).select_from(article_versions)).scalar_one()
        n_buckets = conn.execute(select(func.count()).select_from(lsh_buckets)).scalar_one()
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert 50 <= n_articles < count
    assert n_versions == n_articles and n_buckets == 32 * n_articles
    engine.dispose()
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=True)
    summary = json.loads(rerun.stdout)
    assert summary["added"] == count - n_articles
    assert summary["duplicates"] == n_articles
    with open_store(url).engine.connect() as conn:
        assert store_stats(conn)["articles"] == count


@pytest.mark.shared
def test_ingest_nk_news_twice_leaves_42(store: Store, settings: Settings, shared: Path) -> None:
    folder = shared / "corpus" / "nk-news"
    first = ingest([str(folder)], settings, store)
    second = ingest([str(folder)], settings, store)
    assert (first.added + first.near_duplicates, first.skipped) == (42, ())
    assert (second.added, second.duplicates) == (0, 42)
    with store.engine.connect() as conn:
        assert store_stats(conn)["articles"] == 42
        kcna = get_article(conn, "kcna-2024-08-05-standard-pharmacies-in-dprk")
    assert (kcna.outlet or "").startswith("KCNA")


@pytest.mark.shared
def test_ingest_seed_with_bad_files(settings: Settings, shared: Path, tmp_path: Path,
                                    sqlite_url: str) -> None:
    make_bad_folder(tmp_path / "mix")
    (tmp_path / "mix" / "seed.txt").write_bytes(
        (shared / "seed" / "kim-afraid-border.txt").read_bytes())
    store = open_store(sqlite_url)
    report = ingest([str(tmp_path / "mix")], settings, store)
    assert report.added == 1
    assert len(report.skipped) == 5 and all(row["reason"] for row in report.skipped)


@pytest.mark.shared
@pytest.mark.slow
def test_ingest_feedparser_robustness_corpus_never_crashes(
    settings: Settings, shared: Path, sqlite_url: str
) -> None:
    folder = shared / "eval" / "robustness" / "feeds"
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    store = open_store(sqlite_url)
    report = ingest([str(folder)], settings.replace(fetch_linked_pages=False), store)
    with store.engine.connect() as conn:
        logged = run_log(conn)
    accounted = {row["source"].split("#")[0].rsplit(":", 1)[0] for row in logged}
    assert {str(p) for p in files} <= accounted
    assert {row["status"] for row in logged} <= {
        "added", "version", "near_duplicate", "duplicate", "skipped"}
    stored = report.added + report.near_duplicates + report.versions + report.duplicates
    assert stored + len(report.skipped) == len(logged)
    assert stored > 300
    assert all(row["reason"] for row in report.skipped)
    assert not [row for row in report.skipped if "unexpected error" in row["reason"]]


def test_ingest_large_jsonl_applies_size_limit_per_line(store: Store, settings: Settings,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"id": f"l{i}", "published": "2021-03-01",
                         "text": f"Illustrative line {i}. " + "word " * 60 + str(i) * 3})
             for i in range(40)]
    lines.insert(5, json.dumps({"id": "huge", "text": "x" * 3000}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([str(path)], settings.replace(max_input_bytes=2000), store)
    assert report.added + report.near_duplicates == 40
    assert len(report.skipped) == 1 and "line 6 is larger" in report.skipped[0]["reason"]
