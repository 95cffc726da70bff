"""TempEval-3 Task A bench for ``koreawatch.extract.time`` against a dateparser baseline.

Usage::

    .venv/bin/python bench/tempeval3.py [--shared PATH] [--split platinum|train|all] [--errors N]

Reads the TimeML files under ``<shared>/eval/tempeval3/`` (``platinum/`` and
``train/{TimeBank,AQUAINT}/``), strips every tag from the ``<TEXT>`` element to get plain text
plus gold TIMEX3 spans (character offsets into that text), takes the DCT from the ``<DCT>``
TIMEX3, runs both systems and prints Task A figures.

This is NOT the official TempEval-3 scorer (``TE3-evaluation.py``); it follows the definitions
of the task paper (UzZaman et al. 2013, section 4.1):

* strict match: identical extents; relaxed match: overlapping extents (one-to-one pairing);
* value / type F1: a relaxed match whose attribute is equal; precision over the system's
  expressions, recall over the gold expressions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from koreawatch.extract.time import tag  # noqa: E402


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date
    gold: list[Span]


def _walk(elem: ET.Element, parts: list[str], pos: list[int], gold: list[Span]) -> None:
    """Append the text under ``elem`` to ``parts``, recording TIMEX3 spans."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, pos, gold)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        text = "".join(parts)[start : pos[0]]
        gold.append(Span(start, pos[0], elem.get("type", ""), elem.get("value", ""), text))


def load_document(path: Path) -> Document:
    """Parse one ``.tml`` file into plain text, DCT and gold spans."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date.fromisoformat(dct_el.get("value", "")[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT")
    parts: list[str] = []
    gold: list[Span] = []
    text_el.tail = None
    _walk(text_el, parts, [0], gold)
    text = "".join(parts)
    gold = [g for g in gold if g.text and g is not None]
    gold.sort(key=lambda s: s.start)
    return Document(path.stem, text, dct, gold)


def load_split(shared: Path, split: str) -> list[Document]:
    base = shared / "eval" / "tempeval3"
    dirs = {
        "platinum": [base / "platinum"],
        "train": [base / "train" / "TimeBank", base / "train" / "AQUAINT"],
    }
    chosen = dirs["platinum"] + dirs["train"] if split == "all" else dirs[split]
    return [load_document(p) for d in chosen for p in sorted(d.glob("*.tml"))]


# ---------------------------------------------------------------- systems


def run_koreawatch(doc: Document) -> list[Span]:
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in tag(doc.text, doc.dct)]


def run_koreawatch_spacy(doc: Document) -> list[Span]:
    """The tagger given a spaCy parse for tense (parsing time included in the speed)."""
    from koreawatch.extract.nlp import load_model

    parsed = load_model()(doc.text)
    found = tag(doc.text, doc.dct, doc=parsed)
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in found]


_DATEPARSER_SEARCH: Callable | None = None


def run_dateparser(doc: Document) -> list[Span]:
    """The baseline: ``dateparser.search.search_dates`` with the DCT as relative base."""
    global _DATEPARSER_SEARCH
    if _DATEPARSER_SEARCH is None:
        from dateparser.search import search_dates

        _DATEPARSER_SEARCH = search_dates
    base = dt.datetime.combine(doc.dct, dt.time(12, 0))
    found = _DATEPARSER_SEARCH(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    cursor = 0
    for substring, when in found:
        at = doc.text.find(substring, cursor)
        if at < 0:
            continue
        cursor = at + len(substring)
        spans.append(Span(at, cursor, "DATE", when.date().isoformat(), substring))
    return spans


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    n_gold: int = 0
    n_sys: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    @staticmethod
    def prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def match(gold: list[Span], sys_: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairing of overlapping spans, exact matches first, then largest overlap."""
    pairs: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        for j, s in enumerate(sys_):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = g.start == s.start and g.end == s.end
                pairs.append((-(10**6 if exact else 0) - ov, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: list[tuple[Span, Span]] = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((gold[i], sys_[j]))
    return out


def score(counts: Counts, gold: list[Span], sys_: list[Span]) -> list[tuple[Span, Span]]:
    pairs = match(gold, sys_)
    counts.n_gold += len(gold)
    counts.n_sys += len(sys_)
    counts.relaxed += len(pairs)
    counts.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
    counts.value += sum(g.value == s.value for g, s in pairs)
    counts.type += sum(g.type == s.type for g, s in pairs)
    return pairs


@dataclass
class Result:
    counts: Counts
    seconds: float
    docs: int
    errors: list[str]


def evaluate(docs: list[Document], system: Callable[[Document], list[Span]], label: str,
             collect_errors: bool) -> Result:
    counts = Counts()
    errors: list[str] = []
    spent = 0.0
    for k, doc in enumerate(docs, 1):
        t0 = time.perf_counter()
        found = system(doc)
        spent += time.perf_counter() - t0
        pairs = score(counts, doc.gold, found)
        if collect_errors:
            errors.extend(_errors(doc, pairs, found))
        if len(docs) > 20 and (k % 10 == 0 or k == len(docs)):
            print(f"\r  {label}: {k}/{len(docs)} docs", end="", file=sys.stderr, flush=True)
    if len(docs) > 20:
        print(file=sys.stderr)
    return Result(counts, spent, len(docs), errors)


def _ctx(doc: Document, start: int, end: int) -> str:
    left = doc.text[max(0, start - 60) : start].replace("\n", " ")
    right = doc.text[end : end + 40].replace("\n", " ")
    return f"...{left}[[{doc.text[start:end]}]]{right}..."


def _errors(doc: Document, pairs: list[tuple[Span, Span]], found: list[Span]) -> Iterable[str]:
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    tag_ = f"{doc.name} dct={doc.dct}"
    for g in doc.gold:
        if id(g) not in matched_g:
            yield f"MISS  {g.type:8} {g.value:14} {tag_} {_ctx(doc, g.start, g.end)}"
    for s in found:
        if id(s) not in matched_s:
            yield f"FP    {s.type:8} {s.value:14} {tag_} {_ctx(doc, s.start, s.end)}"
    for g, s in pairs:
        if g.value != s.value:
            yield (f"VALUE gold={g.value} sys={s.value} {g.type}/{s.type} {tag_} "
                   f"{_ctx(doc, g.start, g.end)}")
        elif g.start != s.start or g.end != s.end:
            yield f"SPAN  gold='{g.text}' sys='{s.text}' {tag_}"


def report(label: str, res: Result) -> None:
    c = res.counts
    rp, rr, rf = Counts.prf(c.relaxed, c.n_sys, c.n_gold)
    sp, sr, sf = Counts.prf(c.strict, c.n_sys, c.n_gold)
    vp, vr, vf = Counts.prf(c.value, c.n_sys, c.n_gold)
    tp, tr, tf = Counts.prf(c.type, c.n_sys, c.n_gold)
    speed = c.n_sys / res.seconds if res.seconds else float("inf")
    dspeed = res.docs / res.seconds if res.seconds else float("inf")
    print(f"  {label}  (gold {c.n_gold}, system {c.n_sys})")
    print(f"    relaxed span  P {rp:6.2f}  R {rr:6.2f}  F1 {rf:6.2f}")
    print(f"    strict span   P {sp:6.2f}  R {sr:6.2f}  F1 {sf:6.2f}")
    print(f"    value         P {vp:6.2f}  R {vr:6.2f}  F1 {vf:6.2f}")
    print(f"    type          P {tp:6.2f}  R {tr:6.2f}  F1 {tf:6.2f}")
    print(f"    speed         {speed:,.0f} expressions/s, {dspeed:,.1f} docs/s "
          f"({res.seconds:.2f} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--split", choices=["platinum", "train", "all"], default="platinum")
    ap.add_argument("--errors", type=int, default=0,
                    help="print up to N error lines for koreawatch (misses, FPs, values)")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--spacy", action="store_true",
                    help="also run the tagger with a spaCy parse for tense")
    args = ap.parse_args(argv)
    splits = ["platinum", "train"] if args.split == "all" else [args.split]
    print("TempEval-3 Task A figures -- NOT the official TempEval-3 scorer; this script follows")
    print("its definitions (relaxed = overlap, strict = exact extent, value/type F1 over relaxed")
    print("matches; P over system expressions, R over gold expressions).")
    for split in splits:
        docs = load_split(args.shared, split)
        print(f"\n== split {split}: {len(docs)} docs, {sum(len(d.gold) for d in docs)} gold TIMEX3")
        res = evaluate(docs, run_koreawatch, "koreawatch", args.errors > 0)
        report("koreawatch.extract.time", res)
        if args.spacy:
            report("koreawatch.extract.time + spaCy doc",
                   evaluate(docs, run_koreawatch_spacy, "koreawatch+spacy", False))
        if not args.no_baseline:
            report("dateparser.search.search_dates (baseline)",
                   evaluate(docs, run_dateparser, "dateparser", False))
        for line in res.errors[: args.errors]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
