"""Extraction speed: the full pipeline against the bare spaCy model, and the relevance
pre-filter on general news.

1. Over the 42 real North Korea articles (``../shared/corpus/nk-news``): articles per
   second of ``extract_article`` (parse, time, places, attribution, events, quotes)
   beside the bare model's ``nlp.pipe`` over the same texts, in the same run.
2. Over ``../shared/corpus/general-news.jsonl`` (3,000 articles, mostly not about North
   Korea): throughput with the relevance pre-filter that skips the parse for articles
   that cannot hold an event of interest, how many it skipped, and how many of the 42
   relevant articles it would wrongly skip.

    .venv/bin/python bench/extract.py [--shared PATH] [--general-limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from koreawatch.extract.nlp import load_model
from koreawatch.extract.pipeline import extract_article
from koreawatch.extract.scope import is_relevant

ROOT = Path(__file__).resolve().parent.parent


def _published(record: dict) -> date | None:
    try:
        return date.fromisoformat(record["published"]) if record.get("published") else None
    except ValueError:
        return None


def bench_real(records: list[dict]) -> None:
    texts = [r["text"] for r in records]
    nlp = load_model()
    nlp("warm up")
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    bare = time.perf_counter() - start
    start = time.perf_counter()
    events = 0
    for record in records:
        events += len(extract_article(record["text"], record["id"], _published(record),
                                      record.get("outlet"), record.get("title")).events)
    full = time.perf_counter() - start
    n = len(records)
    print(f"bare nlp.pipe      : {n} articles in {bare:6.2f} s = {n / bare:6.2f} articles/s")
    print(f"full pipeline      : {n} articles in {full:6.2f} s = {n / full:6.2f} articles/s "
          f"({events} events)")
    print(f"ratio (full / bare): {bare / full:.3f} of the bare model's speed")
    missed = [r["id"] for r in records if not is_relevant(r["text"], r.get("title"))]
    print(f"pre-filter on the {n} relevant articles: wrongly skipped {len(missed)}"
          + (f" ({', '.join(missed)})" if missed else ""))


def bench_general(records: list[dict]) -> None:
    start = time.perf_counter()
    relevant = [r for r in records if is_relevant(r["text"], r.get("title"))]
    filtered = time.perf_counter() - start
    events = 0
    for record in relevant:
        events += len(extract_article(record["text"], record["id"], _published(record),
                                      record.get("outlet"), record.get("title")).events)
    total = time.perf_counter() - start
    n = len(records)
    print(f"general news       : {n} articles; pre-filter kept {len(relevant)}, skipped "
          f"{n - len(relevant)} ({filtered:.2f} s for the filter)")
    print(f"with pre-filter    : {n} articles in {total:6.2f} s = {n / total:7.2f} articles/s "
          f"({events} events)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--general-limit", type=int, default=None)
    args = parser.parse_args()
    folder = args.shared / "corpus" / "nk-news"
    if not folder.is_dir():
        print(f"bench: {folder} not found (needs ../shared)", file=sys.stderr)
        return 2
    real = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    print("== 42 real North Korea articles")
    bench_real(real)
    general_path = args.shared / "corpus" / "general-news.jsonl"
    lines = general_path.read_text(encoding="utf-8").splitlines()[:args.general_limit]
    print("\n== general news")
    bench_general([json.loads(line) for line in lines if line.strip()])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
