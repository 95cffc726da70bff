"""Benchmark of ``GET /api/events`` under a bounded concurrent load.

Builds a temporary SQLite store (and, with ``--pg URL``, a store in a schema
``kw_bench_api`` of that PostgreSQL database, dropped and created again) holding
``--events`` synthetic events (bulk-inserted through the store's tables), starts the API
with uvicorn on 127.0.0.1 in a child process, sends ``--requests`` requests from
``--concurrency`` concurrent clients (each with a timeout) cycling through typical filters
(type, province, date range, page size 50), and prints p50/p95 latency and requests per
second beside the time of the equivalent raw SQL query (the page's event rows) measured
in the same run.

    .venv/bin/python bench/api.py                       # SQLite, 100,000 events
    .venv/bin/python bench/api.py --pg postgresql+psycopg://kw:kw@127.0.0.1/kw_bench

The synthetic events are random but seeded (the same store every run).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Connection, create_engine, insert, text

from koreawatch.extract.places import load_gazetteer
from koreawatch.models import EVENT_TYPES, MODALITIES
from koreawatch.store.db import Store, open_store
from koreawatch.store.events import province_id
from koreawatch.store.schema import (
    articles,
    event_actors,
    event_mentions,
    event_places,
    event_sources,
    events,
)

EVENTS_PER_ARTICLE = 50
BATCH = 5000
FIRST_DAY = date(2018, 1, 1)
SPAN_DAYS = 7 * 365
OUTLETS = ("Daily NK", "NK News", "Yonhap", "RFA", "KCNA", "Asia Press")

FILTERS: list[dict[str, str]] = [
    {"type": "border_closure", "place": "KP-09", "from": "2020-01", "to": "2020-12"},
    {"type": "smuggling", "place": "KP-10", "from": "2021-03", "to": "2021-09"},
    {"type": "arrest", "from": "2019-06-01", "to": "2019-06-30"},
    {"place": "KP-03", "from": "2022", "to": "2022"},
    {"type": "crackdown"},
    {"place": "KP-13", "modality": "reported"},
]
"""Typical queries of a dashboard; every request adds ``limit=50``."""


# --------------------------------------------------------------------------- the store


PG_SCHEMA = "kw_bench_api"


def pg_bench_url(url: str) -> str:
    """A fresh schema of its own in the PostgreSQL database ``url`` (dropped and created
    again; nothing else in the database is touched), and the URL that works in it."""
    from sqlalchemy.engine import make_url

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    engine.dispose()
    parsed = make_url(url)
    query = {**parsed.query, "options": f"-csearch_path={PG_SCHEMA}"}
    return parsed.update_query_dict(query).render_as_string(hide_password=False)


def _article_rows(n: int) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    return [{"id": f"bench-{i:06d}", "outlet": OUTLETS[i % len(OUTLETS)],
             "title": f"Synthetic article {i}",
             "published": FIRST_DAY + timedelta(days=i % SPAN_DAYS),
             "tags": [], "flags": [], "meta": {}, "current_version": 1, "first_seen": now,
             "updated_at": now} for i in range(n)]


def _event_rows(rng: random.Random, article_id: str, n: int, places: list[tuple[str, str, str]]
                ) -> dict[Any, list[dict[str, Any]]]:
    rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in (events, event_places,
                                                             event_sources, event_actors,
                                                             event_mentions)}
    for k in range(1, n + 1):
        eid = f"{article_id}#e{k}"
        start = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
        dated = rng.random() > 0.05
        summary = f"synthetic event {eid}"
        rows[events].append({
            "id": eid, "article_id": article_id, "content_hash": "0" * 64,
            "type": rng.choice(EVENT_TYPES), "modality": rng.choice(MODALITIES),
            "when_start": start if dated else None,
            "when_end": start + timedelta(days=rng.choice((0, 0, 6, 9, 30))) if dated else None,
            "precision": "day", "when_text": None, "when_reason": "synthetic",
            "duration_days": None, "flow": None, "summary": summary, "reason": "synthetic",
            "evidence_start": 0, "evidence_end": len(summary), "evidence_text": summary,
            "extractor_version": "bench", "record": {}})
        for pos, (pid, name, level) in enumerate(rng.sample(places, rng.choice((1, 1, 2)))):
            rows[event_places].append({
                "event_id": eid, "position": pos, "place_id": pid,
                "province_id": PROVINCE[pid], "name": name, "level": level, "text": name,
                "lat": None, "lon": None, "start": 0, "end": 1})
        chain = [rng.choice(OUTLETS), "a source in the province"][:rng.choice((1, 2))]
        rows[event_sources] += [{"event_id": eid, "chain_index": 0, "position": i,
                                 "name": name} for i, name in enumerate(chain)]
        rows[event_actors].append({"event_id": eid, "position": 0, "name": "North Korea",
                                   "role": "agent"})
        rows[event_mentions].append({"event_id": eid, "position": 0, "start": 0,
                                     "end": len(summary), "text": summary})
    return rows


PROVINCE: dict[str, str | None] = {}


def build_store(url: str, n_events: int) -> Store:
    """Open (and migrate) the store at ``url`` and bulk-insert the synthetic events."""
    gaz = load_gazetteer()
    places = [(p.id, p.name, p.level) for p in gaz if p.id.startswith("KP-")]
    PROVINCE.update({pid: province_id(pid, gaz) for pid, _, _ in places})
    store = open_store(url)
    rng = random.Random(20211)
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    with store.engine.begin() as conn:
        conn.execute(insert(articles), _article_rows(n_articles))
        pending: dict[Any, list[dict[str, Any]]] = {}
        for i in range(n_articles):
            for table, rows in _event_rows(rng, f"bench-{i:06d}", EVENTS_PER_ARTICLE,
                                           places).items():
                pending.setdefault(table, []).extend(rows)
            if len(pending[events]) >= BATCH or i == n_articles - 1:
                _flush(conn, pending)
        conn.execute(text("ANALYZE"))
    return store


def _flush(conn: Connection, pending: dict[Any, list[dict[str, Any]]]) -> None:
    for table in (events, event_places, event_sources, event_actors, event_mentions):
        if pending.get(table):
            conn.execute(insert(table), pending[table])
            pending[table] = []


# --------------------------------------------------------------------------- raw SQL

RAW_SQL = """
SELECT e.* FROM events e
WHERE (:type IS NULL OR e.type = :type)
  AND (:modality IS NULL OR e.modality = :modality)
  AND (:place IS NULL OR EXISTS (SELECT 1 FROM event_places p
                                 WHERE p.event_id = e.id AND p.province_id = :place))
  AND (:to IS NULL OR e.when_start IS NULL OR e.when_start <= :to)
  AND (:from IS NULL OR e.when_end IS NULL OR e.when_end >= :from)
ORDER BY COALESCE(e.when_start, e.when_end) IS NULL, COALESCE(e.when_start, e.when_end),
         e.article_id, e.id
LIMIT 51
"""


def _sql_params(filters: dict[str, str]) -> dict[str, Any]:
    from koreawatch.store.events import parse_date_bound

    return {"type": filters.get("type"), "modality": filters.get("modality"),
            "place": filters.get("place"),
            "from": parse_date_bound(filters["from"]) if "from" in filters else None,
            "to": parse_date_bound(filters["to"], end=True) if "to" in filters else None}


def time_raw_sql(store: Store, rounds: int) -> list[float]:
    """Seconds per execution of the equivalent SQL, over every filter, ``rounds`` times."""
    timings: list[float] = []
    statement = text(RAW_SQL)
    if store.dialect == "postgresql":  # typed NULL checks
        statement = text(RAW_SQL.replace(":type IS NULL", "CAST(:type AS TEXT) IS NULL")
                         .replace(":modality IS NULL", "CAST(:modality AS TEXT) IS NULL")
                         .replace(":place IS NULL", "CAST(:place AS TEXT) IS NULL")
                         .replace(":to IS NULL", "CAST(:to AS DATE) IS NULL")
                         .replace(":from IS NULL", "CAST(:from AS DATE) IS NULL"))
    with store.engine.connect() as conn:
        for _ in range(rounds):
            for filters in FILTERS:
                params = _sql_params(filters)
                began = time.perf_counter()
                conn.execute(statement, params).all()
                timings.append(time.perf_counter() - began)
    return timings


# --------------------------------------------------------------------------- the server


def serve(url: str, port: int) -> None:
    """Child process: the API over ``url`` on 127.0.0.1:``port``."""
    import uvicorn

    from koreawatch.api.app import create_app
    from koreawatch.settings import Settings

    uvicorn.run(create_app(Settings(db=url, offline=True)), host="127.0.0.1", port=port,
                log_level="warning", access_log=False)


def start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, __file__, "--serve", url, "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/api/places?level=country", timeout=2).raise_for_status()
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("bench: the API server did not start") from None
            time.sleep(0.2)


# --------------------------------------------------------------------------- the load


async def load(base: str, total: int, concurrency: int, timeout: float
               ) -> tuple[list[float], int, float]:
    """``total`` requests from ``concurrency`` clients; latencies, errors, wall seconds."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        for i in counter:
            params = {**FILTERS[i % len(FILTERS)], "limit": "50"}
            began = time.perf_counter()
            try:
                r = await http.get("/api/events", params=params)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - began)
            errors += not ok

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as http:
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        wall = time.perf_counter() - began
    return latencies, errors, wall


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(label: str, n_events: int, latencies: list[float], errors: int, wall: float,
           sql: list[float], concurrency: int) -> None:
    p50, p95 = pct(latencies, 50), pct(latencies, 95)
    s50, s95 = pct(sql, 50), pct(sql, 95)
    print(f"{label}: {n_events:,} events; GET /api/events (limit 50, {len(FILTERS)} typical "
          f"filters), {len(latencies)} requests, {concurrency} concurrent clients")
    print(f"  API      p50 {p50 * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms  "
          f"{len(latencies) / wall:7.1f} req/s  errors {errors}")
    print(f"  raw SQL  p50 {s50 * 1000:7.2f} ms  p95 {s95 * 1000:7.2f} ms  (one connection, "
          "the page's event rows only)")
    print(f"  ratio    API p50 / SQL p50 = {p50 / s50:.1f}x")


def run(url: str, label: str, args: argparse.Namespace) -> None:
    began = time.perf_counter()
    store = build_store(url, args.events)
    print(f"{label}: built {args.events:,} events in {time.perf_counter() - began:.1f} s",
          flush=True)
    proc, base = start_server(url)
    try:
        asyncio.run(load(base, min(50, args.requests), args.concurrency, args.timeout))  # warm
        latencies, errors, wall = asyncio.run(
            load(base, args.requests, args.concurrency, args.timeout))
    finally:
        proc.terminate()
        proc.wait(30)
    sql = time_raw_sql(store, args.sql_rounds)
    store.close()
    report(label, args.events, latencies, errors, wall, sql, args.concurrency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000, help="total requests")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--sql-rounds", type=int, default=20,
                        help="times each filter's raw SQL is timed")
    parser.add_argument("--pg", metavar="URL", help="also run on this PostgreSQL database "
                        f"(in a schema {PG_SCHEMA} of its own, dropped and created again)")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    parser.add_argument("--serve", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory(prefix="kw-bench-api-") as folder:
            run(f"sqlite:///{Path(folder) / 'bench.db'}", "SQLite", args)
    if args.pg:
        run(pg_bench_url(args.pg), "PostgreSQL", args)


if __name__ == "__main__":
    main()
