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


# --------------------------------------------------------------------------- extraction

EVENT_TYPES = (
    "border_closure", "border_reopening", "trade_suspension", "trade_resumption",
    "security_reinforcement", "crackdown", "arrest", "punishment", "illegal_crossing",
    "smuggling", "health_measure", "aid_delivery", "official_statement",
)
"""The event types of spec v1.2, in the spec's order."""

MODALITIES = ("asserted", "reported", "expected", "denied", "negated")
"""The modalities of spec v1.2."""

# Offsets in these records index the article's original text (spec v1.2), even though
# the components work on a normalized copy (see ``text.py``).


@dataclass(frozen=True)
class Evidence:
    """A span of the article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class When:
    """When an event happened (or is expected to): an inclusive ISO date interval with its
    precision (``day``, ``week``, ``part_of_month``, ``month``, ``quarter``, ``season``,
    ``year``, ``approx``, ``unknown``), the expression it came from and the rule used."""

    start: str | None
    end: str | None
    precision: str
    text: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision,
                "text": self.text}


@dataclass(frozen=True)
class PlaceRef:
    """A place an event happened in, resolved against the gazetteer, with the words the
    article used and where."""

    place_id: str
    name: str
    level: str
    text: str
    lat: float | None
    lon: float | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"place_id": self.place_id, "name": self.name, "level": self.level,
                "text": self.text, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Actor:
    """A named actor with its role: ``agent``, ``target`` or ``counterpart``."""

    name: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Attribution:
    """Who says so: an attribution chain and the stretch of text it covers.

    ``chain`` runs from what the article cites first to the origin that one relied on,
    e.g. ``("Daily NK", "a source in Yanggang Province")``; it is empty for a bare
    "reportedly" (``hedged`` is then True). ``start``/``end`` is the covered stretch
    (the clause, sentence or continuing sentences); ``cue_start``/``cue_end`` the
    words that gave it ("According to ...", "told PRI")."""

    chain: tuple[str, ...]
    start: int
    end: int
    cue_start: int
    cue_end: int
    hedged: bool
    reason: str


@dataclass(frozen=True)
class Event:
    """One real-world event reported by one article (spec v1.2 event record)."""

    id: str
    article_id: str
    type: str
    modality: str
    when: When
    evidence: Evidence
    summary: str
    reason: str
    duration_days: int | None = None
    flow: str | None = None
    where: tuple[PlaceRef, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[tuple[str, ...], ...] = ()
    mentions: tuple[Evidence, ...] = ()

    def to_spec(self) -> dict[str, Any]:
        """The record as ``shared/spec/events.md`` defines it (plus ``mentions``)."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "modality": self.modality,
            "when": self.when.to_dict(),
            "duration_days": self.duration_days,
            "flow": self.flow,
            "where": [p.to_dict() for p in self.where],
            "actors": [a.to_dict() for a in self.actors],
            "sources": [list(chain) for chain in self.sources],
            "evidence": self.evidence.to_dict(),
            "summary": self.summary,
            "reason": self.reason,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Quote:
    """A direct quotation (spec v1.2 quote record): one per pair of quotation marks
    (per paragraph when a quotation runs over several)."""

    article_id: str
    speaker: str
    text: str
    evidence: Evidence
    affiliation: str | None = None
    via: tuple[str, ...] = ()
    reason: str = ""

    def to_spec(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "speaker": self.speaker,
                "affiliation": self.affiliation, "text": self.text, "via": list(self.via),
                "evidence": {"start": self.evidence.start, "end": self.evidence.end},
                "reason": self.reason}


# --------------------------------------------------------------------------- across articles


@dataclass(frozen=True)
class Mention:
    """One event record that reports an incident: the article it comes from, that article's
    outlet and date, what the event says (modality, interval, sources) and its evidence."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    modality: str
    when: When
    sources: tuple[tuple[str, ...], ...]
    evidence: Evidence
    near_duplicate_of: str | None = None  # the article this one syndicates, if any

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "article_id": self.article_id,
                "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None,
                "modality": self.modality, "when": self.when.to_dict(),
                "sources": [list(c) for c in self.sources],
                "evidence": self.evidence.to_dict(),
                "near_duplicate_of": self.near_duplicate_of}


@dataclass(frozen=True)
class Origin:
    """An independent origin of reports: a named source at the end of the attribution
    chains ("Daily NK", "KCNA"), or, for unnamed or unattributed reports, the outlet that
    made them (``kind`` is ``named``, ``state_media`` or ``outlet``)."""

    key: str
    name: str
    kind: str
    reports: int  # how many mentions trace back to it


@dataclass(frozen=True)
class Incident:
    """One real-world event as reported across articles: the merged event records
    (``mentions``), when and where it happened, and how well it is corroborated.

    ``id`` is deterministic (from the earliest mention) and stable across runs;
    ``merge_reasons`` says, per merged mention, why it joined; ``contradicted_by`` lists
    the incidents (denials, negations) that dispute this one, ``contradicts`` the ones this
    one disputes."""

    id: str
    type: str
    modality: str
    when: When
    summary: str
    mentions: tuple[Mention, ...]
    where: tuple[PlaceRef, ...] = ()
    flow: str | None = None
    duration_days: int | None = None
    origins: tuple[Origin, ...] = ()
    merge_reasons: tuple[str, ...] = ()
    contradicted_by: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets (or article ids, for articles without an outlet)."""
        seen: dict[str, None] = {}
        for mention in self.mentions:
            seen.setdefault(mention.outlet or mention.article_id, None)
        return tuple(seen)

    def corroboration(self) -> str:
        """'reported by N outlets from K independent origins'."""
        n, k = len(self.outlets), len(self.origins)
        return (f"reported by {n} outlet{'s' if n != 1 else ''} from {k} independent "
                f"origin{'s' if k != 1 else ''}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "modality": self.modality,
            "when": self.when.to_dict(), "summary": self.summary,
            "where": [p.to_dict() for p in self.where], "flow": self.flow,
            "duration_days": self.duration_days,
            "outlets": list(self.outlets),
            "origins": [{"key": o.key, "name": o.name, "kind": o.kind, "reports": o.reports}
                        for o in self.origins],
            "corroboration": self.corroboration(),
            "mentions": [m.to_dict() for m in self.mentions],
            "merge_reasons": list(self.merge_reasons),
            "contradicted_by": list(self.contradicted_by),
            "contradicts": list(self.contradicts),
        }
