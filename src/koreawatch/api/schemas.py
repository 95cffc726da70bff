"""Request and response models of the REST API (not storage rows, not ``models.py``
records): each response model builds itself from a record with ``of(...)``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from koreawatch.models import Event, Evidence, Incident, Quote, StoredArticle

T = TypeVar("T")


# --------------------------------------------------------------------------- errors


class ErrorBody(BaseModel):
    """What went wrong: a code, a message naming the bad value, the bad fields."""

    code: Literal["not_found", "invalid", "unauthorized", "forbidden", "too_large",
                  "not_implemented", "internal"]
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """The one shape of every error response."""

    error: ErrorBody


# --------------------------------------------------------------------------- pages


class Page(BaseModel, Generic[T]):
    """One page of results; ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


# --------------------------------------------------------------------------- events


class EvidenceOut(BaseModel):
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, evidence: Evidence) -> EvidenceOut:
        return cls(text=evidence.text, start=evidence.start, end=evidence.end)


class WhenOut(BaseModel):
    start: str | None
    end: str | None
    precision: str
    text: str | None


class PlaceRefOut(BaseModel):
    place_id: str
    name: str
    level: str
    text: str
    lat: float | None
    lon: float | None


class ActorOut(BaseModel):
    name: str
    role: str


class EventOut(BaseModel):
    """An event record (spec v1.2, plus ``mentions``)."""

    id: str
    article_id: str
    type: str
    modality: str
    when: WhenOut
    duration_days: int | None
    flow: str | None
    where: list[PlaceRefOut]
    actors: list[ActorOut]
    sources: list[list[str]]
    evidence: EvidenceOut
    summary: str
    reason: str
    mentions: list[EvidenceOut]

    @classmethod
    def of(cls, event: Event) -> EventOut:
        return cls.model_validate(event.to_spec())


class QuoteOut(BaseModel):
    speaker: str
    affiliation: str | None
    text: str
    via: list[str]
    evidence: EvidenceOut
    reason: str

    @classmethod
    def of(cls, quote: Quote) -> QuoteOut:
        return cls(speaker=quote.speaker, affiliation=quote.affiliation, text=quote.text,
                   via=list(quote.via), evidence=EvidenceOut.of(quote.evidence),
                   reason=quote.reason)


# --------------------------------------------------------------------------- articles


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None
    tags: list[str]
    language: str | None
    flags: list[str]
    versions: int
    near_duplicate_of: str | None

    @classmethod
    def of(cls, article: StoredArticle) -> ArticleSummary:
        return cls.model_validate(article.summary())


class VersionOut(BaseModel):
    version: int
    content_hash: str
    source: str
    ingested_at: datetime
    chars: int


class ArticleDetail(ArticleSummary):
    """An article with its text, version history and what was extracted from it."""

    author: str | None
    topic: str | None
    brand: str | None
    similarity: float | None
    first_seen: datetime
    text: str
    version_history: list[VersionOut]
    events: list[EventOut]
    quotes: list[QuoteOut]

    @classmethod
    def build(cls, article: StoredArticle, versions: list[dict[str, Any]],
              events: list[Event], quotes: list[Quote]) -> ArticleDetail:
        return cls(**article.summary(), author=article.author, topic=article.topic,
                   brand=article.brand, similarity=article.similarity,
                   first_seen=article.first_seen, text=article.text,
                   version_history=[VersionOut.model_validate(v) for v in versions],
                   events=[EventOut.of(e) for e in events],
                   quotes=[QuoteOut.of(q) for q in quotes])


class SearchHit(BaseModel):
    article: ArticleSummary
    score: float


class ArticleSubmit(BaseModel):
    """``POST /api/articles``: a ``url`` to fetch, or a ``text`` with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$",
                            description="an http(s) page or feed to fetch and ingest")
    text: str | None = Field(None, min_length=1, description="the article's body")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=64,
                                  description="publication date, e.g. 2021-03-15")
    outlet: str | None = Field(None, max_length=255)
    id: str | None = Field(None, max_length=255, description="an id for the article")

    @model_validator(mode="after")
    def _url_or_text(self) -> ArticleSubmit:
        if (self.url is None) == (self.text is None):
            raise ValueError("give exactly one of 'url' or 'text'")
        if self.text is not None and not self.text.strip():
            raise ValueError("'text' is empty")
        if self.url is not None and any(
                v is not None for v in (self.title, self.published, self.outlet, self.id)):
            raise ValueError("'title', 'published', 'outlet' and 'id' go with 'text', "
                             "not with 'url' (the page says them)")
        return self


class JobOut(BaseModel):
    """A background job: ``queued``, ``running``, ``done`` (with the ingest summary in
    ``result``) or ``failed`` (with ``error``)."""

    id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    created_at: datetime
    updated_at: datetime
    result: dict[str, Any] | None
    error: str | None
    href: str


# --------------------------------------------------------------------------- places


class PlaceOut(BaseModel):
    id: str
    name: str
    level: str
    parent: str | None
    country: str
    lat: float
    lon: float
    aliases: list[str]
    korean: list[str]


# --------------------------------------------------------------------------- incidents


class MentionOut(BaseModel):
    """One event record reporting an incident, with its evidence."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    modality: str
    when: WhenOut
    sources: list[list[str]]
    evidence: EvidenceOut
    near_duplicate_of: str | None


class OriginOut(BaseModel):
    key: str
    name: str
    kind: str
    reports: int


class IncidentSummaryOut(BaseModel):
    """An incident as listed: what, when, where, how well corroborated."""

    id: str
    type: str
    modality: str
    when: WhenOut
    summary: str
    where: list[PlaceRefOut]
    flow: str | None
    duration_days: int | None
    outlets: list[str]
    origins: list[OriginOut]
    origin_count: int
    corroboration: str
    mention_count: int
    contradicted_by: list[str]
    contradicts: list[str]

    @classmethod
    def of(cls, incident: Incident) -> IncidentSummaryOut:
        data = incident.to_dict()
        data.pop("mentions")
        data.pop("merge_reasons")
        return cls(**data, origin_count=len(incident.origins),
                   mention_count=len(incident.mentions))


class IncidentOut(IncidentSummaryOut):
    """An incident with its mentions (evidence included), why each joined, its attribution
    graph (``{"nodes", "edges"}``, see ``resolve/corroboration.py``) and the incidents it
    contradicts or that contradict it, each with its stance."""

    mentions: list[MentionOut]
    merge_reasons: list[str]
    stance: str
    attribution_graph: dict[str, Any]
    contradictions: list[dict[str, Any]]

    @classmethod
    def build(cls, detail: dict[str, Any]) -> IncidentOut:
        return cls(**detail, origin_count=len(detail["origins"]),
                   mention_count=len(detail["mentions"]))


# --------------------------------------------------------------------------- status


class DimensionOut(BaseModel):
    level: int | None = Field(description="0 open, 1 restricted, 2 partly closed, 3 closed; "
                                          "null when unknown")
    state: str
    reason: str


class DayOut(BaseModel):
    date: date
    people: DimensionOut
    cargo: DimensionOut
    evidence: list[str]


class RegionOut(BaseModel):
    id: str
    name: str
    kind: str
    province: str
    borders: list[str]
    crossings: list[str]


class RegionStatus(BaseModel):
    """A border region with its day-by-day series (``place`` given) or its latest known
    day (``latest``; null when nothing is known)."""

    region: RegionOut
    series: list[DayOut] | None = None
    latest: DayOut | None = None
