"""RSS and Atom feeds through feedparser: each entry becomes an article.

Rules, in order:

1. a feed with no entries is refused, naming feedparser's error when it is malformed;
2. an entry's text is its full content, else its summary (HTML turned into text);
3. an entry with a summary only has its page fetched (when fetching is allowed and
   the link is http(s)); when the page cannot be had, the summary is kept and flagged;
4. entries of a feed that feedparser found malformed are kept, flagged;
5. the outlet is the feed's title, else the host of the feed's or entry's link.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import feedparser

from koreawatch.errors import BadInputError, KoreaWatchError
from koreawatch.ingest.dates import parse_date
from koreawatch.ingest.html import host_outlet, html_fragment_to_text
from koreawatch.ingest.items import Item
from koreawatch.models import Article

log = logging.getLogger(__name__)

PageReader = Callable[[str], Article]


def _entry_date(entry: Any) -> tuple[date | None, str | None]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                return parse_date(date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday))
            except ValueError:
                continue
    raw = entry.get("published") or entry.get("updated")
    return parse_date(raw if isinstance(raw, str) else None)


def _content_text(entry: Any) -> tuple[str, bool]:
    """The entry's text and whether it is a full content (not only a summary)."""
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return _as_text(value, content.get("type", "")), True
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _as_text(summary, detail.get("type", "")), False


def _as_text(value: str, mime: str) -> str:
    return value.strip() if mime == "text/plain" else html_fragment_to_text(value)


def _feed_outlet(parsed: Any) -> str | None:
    feed = parsed.get("feed") or {}
    title = (feed.get("title") or "").strip()
    return title or host_outlet(feed.get("link"))


def read_feed(
    data: bytes, source: str, fetch_page: PageReader | None = None
) -> Iterator[Item]:
    """Items of a feed document; ``fetch_page`` reads the page of a summary-only entry."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser is robust, but guard the batch all the same
        raise BadInputError(f"malformed feed: {exc}") from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise BadInputError(f"malformed feed: {parsed.get('bozo_exception')}")
        raise BadInputError("feed has no entries")
    outlet = _feed_outlet(parsed)
    malformed = (
        f"read from a malformed feed ({parsed.get('bozo_exception')})" if parsed.get("bozo")
        else None
    )
    for index, entry in enumerate(entries):
        item_source = f"{source}#entry{index + 1}"
        try:
            yield Item(item_source, _entry_article(entry, item_source, outlet, fetch_page,
                                                   malformed))
        except BadInputError as exc:
            yield Item(item_source, error=str(exc))


def _entry_article(
    entry: Any, source: str, outlet: str | None, fetch_page: PageReader | None,
    malformed: str | None,
) -> Article:
    text, full = _content_text(entry)
    title = html_fragment_to_text(entry.get("title") or "") or None
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    flags: list[str] = [malformed] if malformed else []
    published, date_flag = _entry_date(entry)
    if not full and link and link.startswith(("http://", "https://")):
        if fetch_page is None:
            flags.append("summary only: page not fetched (fetching is off)")
        else:
            try:
                page = fetch_page(link)
                text = page.text
                title = title or page.title
                published, date_flag = (published, date_flag) if published else (
                    page.published, None if page.published else date_flag)
            except KoreaWatchError as exc:
                flags.append(f"summary only: page not fetched ({exc})")
    if not text.strip():
        raise BadInputError("feed entry has no text" + (f", {malformed}" if malformed else ""))
    if date_flag:
        flags.append(date_flag)
    tags = tuple(t.get("term") for t in entry.get("tags") or () if t.get("term"))
    return Article(
        text=text,
        source=source,
        title=title,
        published=published,
        outlet=outlet or host_outlet(link),
        url=link,
        author=(entry.get("author") or None),
        tags=tags,
        flags=tuple(flags),
    )
