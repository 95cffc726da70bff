"""HTTP fetching against real servers on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import pytest

from koreawatch.errors import FetchError
from koreawatch.ingest.fetch import Fetcher
from koreawatch.ingest.sources import Source, SourceReader
from koreawatch.settings import Settings
from tests.conftest import LoopbackServer

HTML = b"""<html><head><title>Loopback page</title>
<meta property="article:published_time" content="2021-02-03"></head><body><article>
<p>Illustrative test page: the crossing at Hyesan was closed again, a resident said.</p>
<p>Guards were added along the river and traders were told to wait for new orders.</p>
</article></body></html>"""


def online(settings: Settings, **changes: object) -> Settings:
    return settings.replace(offline=False, **changes)


def test_fetch_sends_user_agent_and_returns_body(settings: Settings,
                                                 http_server: LoopbackServer) -> None:
    http_server.routes["/a"] = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML)
    with Fetcher(online(settings, user_agent="KW-test/1")) as fetcher:
        resp = fetcher.fetch(http_server.url("/a"))
    assert resp.content == HTML
    assert resp.content_type == "text/html"
    headers = next(h for p, h, _ in http_server.requests if p == "/a")
    assert headers["User-Agent"] == "KW-test/1"
    assert http_server.hits("/robots.txt") == 1


def test_fetch_obeys_robots_disallow(settings: Settings, http_server: LoopbackServer) -> None:
    http_server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private/\n")
    http_server.routes["/private/x"] = (200, {}, HTML)
    with Fetcher(online(settings)) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(http_server.url("/private/x"))
    assert http_server.hits("/private/x") == 0


def test_fetch_robots_server_error_disallows(settings: Settings,
                                             http_server: LoopbackServer) -> None:
    http_server.routes["/robots.txt"] = (500, {}, b"oops")
    with Fetcher(online(settings)) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(http_server.url("/a"))


def test_fetch_retries_server_errors_then_succeeds(settings: Settings,
                                                   http_server: LoopbackServer) -> None:
    http_server.handlers["/flaky"] = lambda hits: (
        (503, {}, b"busy") if hits <= 2 else (200, {"Content-Type": "text/html"}, HTML))
    with Fetcher(online(settings, http_retries=3)) as fetcher:
        resp = fetcher.fetch(http_server.url("/flaky"))
    assert resp.status == 200
    assert http_server.hits("/flaky") == 3


def test_fetch_gives_up_after_retries(settings: Settings, http_server: LoopbackServer) -> None:
    http_server.routes["/down"] = (502, {}, b"bad gateway")
    with Fetcher(online(settings, http_retries=2)) as fetcher, \
            pytest.raises(FetchError, match="HTTP 502 .after 3 tries"):
        fetcher.fetch(http_server.url("/down"))
    assert http_server.hits("/down") == 3


def test_fetch_client_error_is_not_retried(settings: Settings,
                                           http_server: LoopbackServer) -> None:
    with Fetcher(online(settings)) as fetcher, pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(http_server.url("/missing"))
    assert http_server.hits("/missing") == 1


def test_fetch_spaces_requests_to_one_host(settings: Settings,
                                           http_server: LoopbackServer) -> None:
    http_server.routes["/a"] = (200, {}, HTML)
    with Fetcher(online(settings, http_rate_limit=0.3)) as fetcher:
        fetcher.fetch(http_server.url("/a"))
        fetcher.fetch(http_server.url("/a"))
    times = [t for p, _, t in http_server.requests]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(times) == 3  # robots.txt, then the page twice
    assert min(gaps) >= 0.28


def test_fetch_refuses_oversized_response(settings: Settings,
                                          http_server: LoopbackServer) -> None:
    http_server.routes["/big"] = (200, {}, b"x" * 5000)
    with Fetcher(online(settings, max_input_bytes=1000)) as fetcher, \
            pytest.raises(FetchError, match="larger than the size limit"):
        fetcher.fetch(http_server.url("/big"))


@pytest.mark.parametrize("url", ["ftp://example.org/x", "http://", "file:///etc/passwd"])
def test_fetch_refuses_non_http_urls(settings: Settings, url: str) -> None:
    with Fetcher(online(settings)) as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.fetch(url)


def test_fetch_offline_setting_refuses(settings: Settings, http_server: LoopbackServer) -> None:
    with Fetcher(settings) as fetcher, pytest.raises(FetchError, match="offline"):
        fetcher.fetch(http_server.url("/a"))
    assert http_server.requests == []


def test_reader_url_source_reads_html_page(settings: Settings,
                                           http_server: LoopbackServer) -> None:
    http_server.routes["/page"] = (200, {"Content-Type": "text/html"}, HTML)
    reader = SourceReader(online(settings))
    (item,) = list(reader.read(Source("url", http_server.url("/page"))))
    reader.close()
    assert item.article is not None
    assert (item.article.outlet or "").startswith("127.0.0.1")
    assert "crossing at Hyesan" in item.article.text


def test_reader_feed_fetches_page_of_summary_only_entry(settings: Settings,
                                                        http_server: LoopbackServer) -> None:
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Wire</title><item>'
            b"<title>Closure</title><link>" + http_server.url("/story").encode() +
            b"</link><description>Short.</description></item></channel></rss>")
    http_server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    http_server.routes["/story"] = (200, {"Content-Type": "text/html"}, HTML)
    reader = SourceReader(online(settings))
    (item,) = list(reader.read(Source("url", http_server.url("/feed"))))
    reader.close()
    assert item.article is not None
    assert item.article.outlet == "Loop Wire"
    assert "Guards were added" in item.article.text
    assert item.article.flags == ()
