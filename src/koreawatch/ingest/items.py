"""The unit that flows from readers to the store: one article, or why there is none."""

from __future__ import annotations

from dataclasses import dataclass

from koreawatch.models import Article


@dataclass(frozen=True)
class Item:
    """One input item: an article read from ``source``, or the ``error`` that prevented it."""

    source: str
    article: Article | None = None
    error: str | None = None
