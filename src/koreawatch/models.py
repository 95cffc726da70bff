"""The typed records every stage passes on. Stages take records and return new ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Article:
    """An article as read from one input, before it is stored.

    ``text`` is the body exactly as received (for a plain-text file: the part after
    the title and dateline). ``input_id`` is the id the input carried, if any;
    ``source`` says where it came from (a path, a URL, or ``path#entry``).
    ``flags`` are warnings worth keeping with the article (no date, not English...).
    """

    text: str
    source: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    input_id: str | None = None
    topic: str | None = None
    brand: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    flags: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class StoredArticle:
    """An article as kept in the store, with its latest version's text."""

    id: str
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None
    author: str | None
    topic: str | None
    brand: str | None
    tags: tuple[str, ...]
    language: str | None
    flags: tuple[str, ...]
    versions: int
    near_duplicate_of: str | None
    similarity: float | None
    first_seen: datetime
    text: str
    content_hash: str

    def summary(self) -> dict[str, Any]:
        """The JSON form used by ``articles list``."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
            "tags": list(self.tags),
            "language": self.language,
            "flags": list(self.flags),
            "versions": self.versions,
            "near_duplicate_of": self.near_duplicate_of,
        }


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one input item during an ingest.

    ``status`` is one of ``added``, ``version``, ``near_duplicate``, ``duplicate``,
    ``skipped``; ``flags`` lists warnings of an item that was stored all the same.
    """

    source: str
    status: str
    article_id: str | None = None
    reason: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestReport:
    """The summary of one ingest run (the JSON of ``ingest --json``)."""

    added: int = 0
    versions: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    flagged: tuple[dict[str, str], ...] = ()
    skipped: tuple[dict[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "versions": self.versions,
            "near_duplicates": self.near_duplicates,
            "duplicates": self.duplicates,
            "flagged": list(self.flagged),
            "skipped": list(self.skipped),
        }

    @classmethod
    def from_outcomes(cls, outcomes: list[ItemOutcome]) -> IngestReport:
        counts = {"added": 0, "version": 0, "near_duplicate": 0, "duplicate": 0}
        flagged: list[dict[str, str]] = []
        skipped: list[dict[str, str]] = []
        for item in outcomes:
            if item.status in counts:
                counts[item.status] += 1
            if item.status == "skipped":
                skipped.append({"source": item.source, "reason": item.reason or "unknown"})
            elif item.flags:
                flagged.append({"source": item.source, "reason": "; ".join(item.flags)})
        return cls(
            added=counts["added"],
            versions=counts["version"],
            near_duplicates=counts["near_duplicate"],
            duplicates=counts["duplicate"],
            flagged=tuple(flagged),
            skipped=tuple(skipped),
        )
