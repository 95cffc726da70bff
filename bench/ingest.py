"""Ingest throughput against a bare insert, on SQLite and PostgreSQL.

Reads ``../shared/corpus/general-news.jsonl`` (3,000 articles), ingests it with the
full ``koreawatch ingest`` path (parsing, language identification, hashing, MinHash
and LSH buckets, near-duplicate look-ups, full-text index, ingest log, batched
transactions) into a fresh store, and, in the same run, inserts the same rows with
a bare DB-API ``executemany`` into a plain table. Prints articles per second of both
and their ratio.

    .venv/bin/python bench/ingest.py [--corpus FILE] [--pg URL] [--limit N]

PostgreSQL is measured when ``--pg`` or ``KOREAWATCH_TEST_PG`` names a database
that may be wiped (its public schema is dropped and recreated).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from koreawatch.ingest.pipeline import ingest
from koreawatch.settings import Settings
from koreawatch.store.db import open_store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "general-news.jsonl"
BARE_TABLE = ("CREATE TABLE bare_articles (id VARCHAR(255) PRIMARY KEY, title TEXT, "
              "published VARCHAR(10), outlet VARCHAR(255), url TEXT, text TEXT)")


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def bare_insert(url: str, rows: list[dict]) -> float:
    """Seconds for one executemany of ``rows`` into a plain table, committed."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bare_articles"))
        conn.execute(text(BARE_TABLE))
    params = [(r.get("id"), r.get("title"), r.get("published"), r.get("outlet"), r.get("url"),
               r.get("text")) for r in rows]
    mark = "?" if engine.dialect.name == "sqlite" else "%s"
    sql = f"INSERT INTO bare_articles VALUES ({', '.join([mark] * 6)})"
    raw = engine.raw_connection()
    try:
        start = time.perf_counter()
        cursor = raw.cursor()
        cursor.executemany(sql, params)
        raw.commit()
        elapsed = time.perf_counter() - start
    finally:
        raw.close()
        engine.dispose()
    return elapsed


def full_ingest(url: str, corpus: Path) -> tuple[float, dict]:
    store = open_store(url)
    settings = Settings(offline=True)
    start = time.perf_counter()
    report = ingest([str(corpus)], settings, store)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed, report.to_dict()


def run_backend(name: str, url: str, corpus: Path, rows: list[dict]) -> None:
    print(f"\n== {name}", flush=True)
    elapsed, report = full_ingest(url, corpus)
    stored = report["added"] + report["near_duplicates"]
    print(f"koreawatch ingest : {len(rows)} articles in {elapsed:6.2f} s = "
          f"{len(rows) / elapsed:8.1f} articles/s  (stored {stored}, near-duplicates "
          f"{report['near_duplicates']}, duplicates {report['duplicates']}, "
          f"skipped {len(report['skipped'])})")
    for row in report["skipped"][:5]:
        print(f"  skipped: {row['source']}: {row['reason']}")
    bare = bare_insert(url, rows)
    print(f"bare executemany  : {len(rows)} rows     in {bare:6.2f} s = "
          f"{len(rows) / bare:8.1f} rows/s")
    print(f"ratio (ingest / bare): {bare / elapsed:.3f} of the bare insert's speed "
          f"({elapsed / bare:.1f}x slower)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pg", default=os.environ.get("KOREAWATCH_TEST_PG"))
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N rows.")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus {args.corpus} not found (needs ../shared)", file=sys.stderr)
        return 2
    corpus = args.corpus
    lines = corpus.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[:args.limit]
    rows = [json.loads(line) for line in lines if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        if args.limit:
            corpus = Path(tmp) / "corpus.jsonl"
            corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"corpus: {args.corpus} ({len(rows)} articles)")
        run_backend("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", corpus, rows)
        if args.pg:
            reset_postgres(args.pg)
            run_backend("PostgreSQL", args.pg, corpus, rows)
        else:
            print("\n(PostgreSQL not measured: pass --pg URL or set KOREAWATCH_TEST_PG)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
