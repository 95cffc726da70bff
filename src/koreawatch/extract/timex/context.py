"""Sentence boundaries and tense around a time expression.

Tense decides the direction of under-specified expressions ("on Tuesday", "in December").
Two strategies:

* with a spaCy ``Doc``: the governing verb of the expression (walking up the dependency
  tree) and its auxiliaries: ``will/shall/'ll`` or ``going to`` -> future, ``VBD`` or a
  ``have`` + ``VBN`` perfect -> past, other finite verbs -> present;
* without one: the nearest tense cue in the same sentence (modal "will", past forms such as
  "was", "said", regular ``-ed`` verbs after a subject-like word), weighted by distance.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

PAST, PRESENT, FUTURE = "past", "present", "future"

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n\s*\n")

_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|wo\s*n't|'ll|going\s+to|plans?\s+to|planned\s+to|"
    r"expects?\s+to|scheduled\s+to|set\s+to|due\s+to|intends?\s+to|would|is\s+to|are\s+to|"
    r"upcoming|forthcoming|coming|next)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|didn't|said|told|announced|reported|came|went|took|made|met|"
    r"gave|began|fell|rose|left|held|won|lost|sold|bought|paid|became|saw|got|found|"
    r"began|ended|closed|earned|posted|fired|launched|killed|struck|ago|back\s+in|"
    r"has\s+been|have\s+been|last|earlier|previously|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_NOT_PAST_ED = re.compile(
    r"(?i)^(?:need|speed|seed|feed|bleed|breed|indeed|red|bed|shed|wed|hundred|united|"
    r"proceed|exceed|succeed|limited|based|related|expected|scheduled|planned|proposed|"
    r"so-called|detailed|advanced|armed|interested|concerned|supposed|used|unexpected|"
    r"unprecedented|continued|added|increased|reduced|combined|renewed|sustained|"
    r"heightened|elevated|named|owned|led)$"
)
_PRESENT_CUE = re.compile(r"\b(?:is|are|says|say|am|remains|continues)\b", re.IGNORECASE)


class Sentences:
    """Sentence start offsets of a text, for O(log n) lookup of a character's sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _SENT_END.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end


def _nearest(cues: list[tuple[int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for pos, tense in cues:
        dist = start - pos if pos < start else max(0, pos - end) + 15
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else None


def lexical_tense(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    """Tense of the sentence around ``[start, end)`` from word cues; None if no cue."""
    a, b = sent
    cues: list[tuple[int, str]] = []
    for m in _FUTURE_CUE.finditer(text, a, b):
        if not (start <= m.start() < end):
            cues.append((m.start(), FUTURE))
    for m in _PAST_CUE.finditer(text, a, b):
        word = m.group(0)
        if start <= m.start() < end or _NOT_PAST_ED.match(word):
            continue
        if word.lower() in ("last", "earlier", "next") and m.start() < start - 1:
            continue
        cues.append((m.start(), PAST))
    for m in _PRESENT_CUE.finditer(text, a, b):
        if not (start <= m.start() < end):
            cues.append((m.start(), PRESENT))
    return _nearest(cues, start, end)


def _verb_tense(verb: Any) -> str | None:
    """Tense from a verb's auxiliaries; an infinitive ("to close") takes its governor's,
    climbing at most eight steps (a damaged parse may hold a cycle)."""
    for _ in range(8):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lemmas = {c.lemma_.lower() for c in auxes} | {c.text.lower() for c in auxes}
        if lemmas & {"will", "shall", "'ll", "wo", "would"}:
            return FUTURE
        if any(c.tag_ == "VBD" for c in auxes) or verb.tag_ == "VBD":
            return PAST
        if verb.tag_ == "VBN" and "have" in lemmas:
            return PAST
        if any(c.lower_ == "to" for c in auxes) and verb.head != verb:
            verb = verb.head
            continue
        if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
            return PRESENT
        return None
    return None


def doc_tense(doc: Any, start: int, end: int) -> str | None:
    """Tense of the verb governing the expression at ``[start, end)`` in a spaCy ``Doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(token)
            if tense:
                return tense
        if token.head == token:
            break
        token = token.head
    return None
