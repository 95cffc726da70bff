"""Evaluation gate: the extractor scored with ../shared/eval/score_events.py on the seed
example, on our gold annotations of the dev articles, and on those of 74 articles of
the general-news corpus (annotated without looking at the extractor's output), and on our
illustrative set (tests/data/illustrative: reports written and annotated for the project)
must stay above pinned floors (tests/data/eval-floors.json)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from koreawatch.extract.pipeline import extract_article

DATA = Path(__file__).resolve().parents[1] / "data"
FLOORS = json.loads((DATA / "eval-floors.json").read_text(encoding="utf-8"))
pytestmark = [pytest.mark.shared, pytest.mark.model, pytest.mark.slow]


def _dev_ids(shared: Path) -> list[str]:
    split = (shared / "corpus" / "SPLIT.md").read_text(encoding="utf-8")
    dev = split.split("## dev", 1)[1].split("## held-out", 1)[0]
    return [line[2:].strip() for line in dev.splitlines() if line.startswith("- ")]


def _score(shared: Path, gold: list[Path], articles: list[Path], tmp: Path) -> dict:
    pred = tmp / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in articles:
            record = json.loads(path.read_text(encoding="utf-8"))
            extraction = extract_article(record["text"], record["id"],
                                         date.fromisoformat(record["published"]),
                                         record.get("outlet"), record.get("title"))
            spec = extraction.to_spec()
            inverted = [e["id"] for e in spec["events"]
                        if e["when"].get("start") and e["when"].get("end")
                        and e["when"]["start"] > e["when"]["end"]]
            assert not inverted, f"intervals that end before they start: {inverted}"
            out.write(json.dumps(spec) + "\n")
    done = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_events.py"), "--gold", *map(str, gold),
         "--pred", str(pred), "--articles", *map(str, articles), "--json"],
        capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout)


def _check(scores: dict, floors: dict[str, float]) -> list[str]:
    below = []
    for key, floor in floors.items():
        section, metric = key.split(".")
        value = scores[section][metric]
        print(f"{key}: {value:.4f} (floor {floor})")
        if value < floor:
            below.append(f"{key} = {value:.4f} < floor {floor}")
    return below


def test_eval_seed_example_above_floors(shared: Path, tmp_path: Path) -> None:
    examples = shared / "spec" / "examples"
    scores = _score(shared, [examples / "seed.gold.json"], [examples / "seed.article.json"],
                    tmp_path)
    assert not _check(scores, FLOORS["seed"])


def test_eval_dev_articles_above_floors(shared: Path, tmp_path: Path) -> None:
    ids = _dev_ids(shared)
    gold = [DATA / "dev-gold" / f"{i}.json" for i in ids]
    assert all(p.is_file() for p in gold) and len(gold) == 18
    articles = [shared / "corpus" / "nk-news" / f"{i}.json" for i in ids]
    scores = _score(shared, gold, articles, tmp_path)
    assert not _check(scores, FLOORS["dev"])


def test_eval_general_news_articles_above_floors(shared: Path, tmp_path: Path) -> None:
    gold = sorted((DATA / "general-gold").glob("*.json"))
    published = {p.stem: json.loads(p.read_text(encoding="utf-8"))["published"] for p in gold}
    assert len(published) == 74
    articles = []
    with (shared / "corpus" / "general-news.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in published:  # the scorer reads one JSON file per article
                # eight records carry no date: the annotator's, read from the text, stands in
                record["published"] = record.get("published") or published[record["id"]]
                path = tmp_path / f"{record['id']}.json"
                path.write_text(json.dumps(record), encoding="utf-8")
                articles.append(path)
    assert len(articles) == len(published)
    scores = _score(shared, gold, articles, tmp_path)
    assert not _check(scores, FLOORS["general"])


def test_eval_illustrative_reports_above_floors(shared: Path, tmp_path: Path) -> None:
    folder = DATA / "illustrative"
    gold = sorted((folder / "gold").glob("*.json"))
    articles = [folder / "articles" / p.name for p in gold]
    assert len(gold) == 348 and all(p.is_file() for p in articles)
    assert all(json.loads(p.read_text(encoding="utf-8"))["note"].startswith("illustrative")
               for p in articles)
    scores = _score(shared, gold, articles, tmp_path)
    assert not _check(scores, FLOORS["illustrative"])
