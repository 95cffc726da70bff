"""Saved web pages and fetched pages: main text and metadata through trafilatura and htmldate.

Rules, in order:

1. trafilatura's ``bare_extraction`` gives the main text, title, author, site name
   and canonical URL (comments are left out);
2. htmldate gives the original publication date (extensive search); when it finds
   none, trafilatura's date is used;
3. the outlet is the site name, else the host name of the canonical or given URL.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura

from koreawatch.errors import BadInputError
from koreawatch.ingest.dates import parse_date
from koreawatch.models import Article

log = logging.getLogger(__name__)

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre"}


def host_outlet(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, used as an outlet name of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one blank line between blocks."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n\n")]
    return "\n\n".join(line for line in lines if line)


def _find_date(html: str, url: str | None) -> str | None:
    try:
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception as exc:  # htmldate raises assorted errors on odd markup
        log.debug("htmldate failed on %s: %s", url, exc)
        return None


def parse_html(html: str, source: str, url: str | None = None) -> Article:
    """Read an HTML page into an Article, or raise BadInputError when it has no main text."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise BadInputError(f"malformed HTML: {exc}") from None
    if doc is None:
        raise BadInputError("no article text found in the HTML")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if not text:
        raise BadInputError("no article text found in the HTML")
    canonical = meta.get("url") or url
    published, flag = parse_date(_find_date(html, canonical) or meta.get("date"))
    return Article(
        text=text,
        source=source,
        title=(meta.get("title") or "").strip() or None,
        published=published,
        outlet=(meta.get("sitename") or "").strip() or host_outlet(canonical),
        url=canonical,
        author=(meta.get("author") or "").strip() or None,
        tags=tuple(meta.get("tags") or ()),
        flags=(flag,) if flag else (),
    )
