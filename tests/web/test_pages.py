"""The web pages over HTTP (httpx against uvicorn in a thread): every page answers, all
assets are local, the map GeoJSON is served."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from koreawatch.web.routes import STATIC_DIR
from tests.web.helpers import LiveSite, get, live_site

PAGES = ["/", "/?place=KP-09&type=arrest", "/map", "/events/web-0001%23e2",
         "/incidents/inc-unknown", "/status/KP-10", "/status/KP-03/sino-korean-friendship-bridge",
         "/ingest"]
URL = re.compile(r"""https?://[^\s"'<>)]+""")
# Namespace identifiers are names, not requests.
ALLOWED = ("http://www.w3.org/2000/svg",)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    with live_site(tmp_path_factory.mktemp("web"), fill=False) as running:
        yield running


def external_urls(text: str) -> list[str]:
    return [u for u in URL.findall(text) if not u.startswith(ALLOWED)]


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_with_local_assets_only(site: LiveSite, path: str) -> None:
    response = get(site.base, path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert external_urls(html) == []
    assert '<main id="main"' in html and "<h1>" in html
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert get(site.base, asset).status_code == 200, asset


def test_page_parameters_are_escaped(site: LiveSite) -> None:
    response = get(site.base, "/events/%22%3E%3Cscript%3Ealert(1)%3Cb%3E")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert 'data-id="&quot;&gt;&lt;script&gt;alert(1)&lt;b&gt;"' in response.text


def test_static_files_have_no_external_urls() -> None:
    files = [p for p in STATIC_DIR.rglob("*") if p.suffix in {".js", ".css", ".html", ".svg"}]
    assert len(files) >= 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert external_urls(text) == [], path.name
        assert "@import" not in text and "url(http" not in text, path.name


def test_scripts_never_use_inner_html() -> None:
    for path in (STATIC_DIR / "js").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path.name
        assert len(text.splitlines()) < 600, path.name


@pytest.mark.parametrize("asset", ["/static/app.css", "/static/js/common.js",
                                   "/static/js/timeline.js", "/static/js/map.js",
                                   "/static/js/record.js", "/static/js/status.js",
                                   "/static/js/ingest.js", "/static/favicon.svg",
                                   "/static/ATTRIBUTION.txt"])
def test_static_assets_are_served(site: LiveSite, asset: str) -> None:
    response = get(site.base, asset)
    assert response.status_code == 200
    if asset.endswith(".js"):
        assert "javascript" in response.headers["content-type"]


def test_map_geojson_is_served_with_13_kp_units(site: LiveSite) -> None:
    response = get(site.base, "/static/map/provinces.geojson")
    assert response.status_code == 200
    assert "geo+json" in response.headers["content-type"]
    features = response.json()["features"]
    assert len(features) == 13
    assert all(re.fullmatch(r"KP-\d\d", f["properties"]["id"]) for f in features)


def test_unknown_static_file_is_404(site: LiveSite) -> None:
    assert get(site.base, "/static/js/nothing.js").status_code == 404


def test_page_files_exist() -> None:
    for name in ("timeline", "map", "record", "status", "ingest"):
        assert (STATIC_DIR / "pages" / f"{name}.html").is_file()
        assert Path(STATIC_DIR / "js" / f"{name}.js").is_file()
