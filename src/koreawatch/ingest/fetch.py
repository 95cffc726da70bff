"""Polite HTTP fetching with httpx.

Every request carries the configured User-Agent and timeout. Before a page is
fetched, the host's robots.txt is read once (RFC 9309: a 4xx answer allows
everything, a 5xx or network failure disallows everything) and obeyed. Requests to
one host are spaced by the rate limit. Connection errors, timeouts, 429 and 5xx
answers are retried with exponential backoff (``Retry-After`` is honoured up to 60
seconds). Bodies over the size limit are refused while streaming.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

from koreawatch.errors import FetchError
from koreawatch.settings import Settings

log = logging.getLogger(__name__)

RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Response:
    """A fetched document: the final URL after redirects, its bytes and content type."""

    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None


class Fetcher:
    """An HTTP client with robots.txt, per-host rate limit, retries and a size limit."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self._client = httpx.Client(
            timeout=settings.http_timeout,
            headers={"User-Agent": settings.user_agent},
            follow_redirects=True,
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            delay = 0.0 if last is None else last + self.settings.http_rate_limit - now
            self._last[host] = now + max(delay, 0.0)
        if delay > 0:
            time.sleep(delay)

    def _request(self, url: str) -> Response:
        """GET with retries and backoff; raises FetchError after the last try."""
        host = urlsplit(url).netloc
        attempts = self.settings.http_retries + 1
        for attempt in range(attempts):
            self._wait_for_host(host)
            retry_after: float | None = None
            try:
                return self._get(url)
            except _Retryable as exc:
                error, retry_after = exc.message, exc.retry_after
            except httpx.TransportError as exc:
                error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            if attempt + 1 < attempts:
                pause = self.settings.http_backoff * 2**attempt
                pause = max(pause, min(retry_after or 0.0, 60.0))
                log.info("retrying %s in %.1fs after %s", url, pause, error)
                time.sleep(pause)
        raise FetchError(f"{url}: {error} (after {attempts} tries)")

    def _get(self, url: str) -> Response:
        limit = self.settings.max_input_bytes
        with self._client.stream("GET", url) as resp:
            if resp.status_code in RETRY_STATUS:
                raise _Retryable(f"HTTP {resp.status_code}", _retry_after(resp))
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    raise FetchError(f"{url}: response larger than the size limit of {limit:,}")
            content_type = resp.headers.get("content-type", "")
            return Response(
                url=str(resp.url),
                status=resp.status_code,
                content=bytes(body),
                content_type=content_type.split(";")[0].strip().lower(),
                charset=resp.charset_encoding,
            )

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(key)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser()
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        try:
            resp = self._request(robots_url)
        except FetchError as exc:
            log.info("robots.txt of %s unavailable (%s): not fetching from it", key, exc)
            parser.parse(["User-agent: *", "Disallow: /"])
        else:
            lines = [] if resp.status >= 400 else resp.content.decode("utf-8", "replace")
            parser.parse(lines.splitlines() if isinstance(lines, str) else lines)
        self._robots[key] = parser
        return parser

    def fetch(self, url: str) -> Response:
        """Fetch ``url`` politely; raises FetchError with the reason when it cannot."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url!r} is not an http(s) URL")
        if self.settings.offline:
            raise FetchError(f"{url}: not fetched, the network is off (offline setting)")
        if self.settings.respect_robots and not self._robots_for(url).can_fetch(
            self.settings.user_agent, url
        ):
            raise FetchError(f"{url}: disallowed by the site's robots.txt")
        resp = self._request(url)
        if resp.status >= 400:
            raise FetchError(f"{url}: HTTP {resp.status}")
        return resp


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after", "")
    try:
        return float(value)
    except ValueError:
        return None
