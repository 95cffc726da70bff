"""The web pages: HTML shells that plain ES modules in ``static/js`` fill from the JSON API.

Everything a page needs is served by this app (``/static``: scripts, styles, the province map
GeoJSON); nothing is loaded from another host, so the pages work offline. The shells carry the
page's parameters (an event id, a place id) in ``data-`` attributes of ``<body>``, escaped.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path
from string import Template

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAP_FILE = "provinces.geojson"

NAV = (("/", "Timeline"), ("/map", "Map"), ("/status/KP-09", "Border status"),
       ("/ingest", "Ingest"))

PAGE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title · Korea Watch</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script type="module" src="/static/js/$module.js"></script>
</head>
<body data-page="$module"$data>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/">Korea Watch</a>
<nav aria-label="Main"><ul>$nav</ul></nav>
</header>
<main id="main" tabindex="-1">
<h1>$heading</h1>
<noscript><p class="error">These pages need JavaScript to read the API
(<a href="/api/events">/api/events</a> gives the same data as JSON).</p></noscript>
$body
</main>
<footer class="site">
<p>Illustrative demo data must not be cited as fact. Place data: GeoNames (CC BY 4.0);
Open Admin Data (CC BY 4.0); boundaries: geoBoundaries CGAZ / WFP-OCHA (CC BY), outline
Natural Earth (public domain). <a href="/static/ATTRIBUTION.txt">Sources and licences</a>.</p>
</footer>
</body>
</html>
""")


def map_path() -> Path:
    """The bundled province GeoJSON (``koreawatch/data/map``)."""
    return Path(str(resources.files("koreawatch") / "data" / "map" / MAP_FILE))


def render(title: str, module: str, body: str, current: str = "",
           data: dict[str, str] | None = None) -> str:
    """One page: the common frame around ``body`` (trusted markup), loading ``module``."""
    items = []
    for href, label in NAV:
        here = ' aria-current="page"' if href == current else ""
        items.append(f'<li><a href="{href}"{here}>{label}</a></li>')
    attrs = "".join(f' data-{key}="{escape(value, quote=True)}"'
                    for key, value in (data or {}).items())
    return PAGE.substitute(title=escape(title), heading=escape(title), module=module,
                           body=body, nav="".join(items), data=attrs)


def _read(name: str) -> str:
    return (STATIC_DIR / "pages" / name).read_text(encoding="utf-8")


def _html(text: str) -> HTMLResponse:
    return HTMLResponse(text, headers={"Cache-Control": "no-cache"})


def mount_web(app: FastAPI) -> None:
    """Add the page routes, ``/static`` and the map GeoJSON to ``app``."""

    @app.get("/static/map/provinces.geojson", include_in_schema=False)
    def province_map() -> FileResponse:
        return FileResponse(map_path(), media_type="application/geo+json")

    @app.get("/static/ATTRIBUTION.txt", include_in_schema=False)
    def attribution() -> FileResponse:
        return FileResponse(map_path().with_name("ATTRIBUTION.md"),
                            media_type="text/plain; charset=utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page() -> HTMLResponse:
        return _html(render("Timeline", "timeline", _read("timeline.html"), "/"))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page() -> HTMLResponse:
        return _html(render("Map", "map", _read("map.html"), "/map"))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        return _html(render("Event", "record", _read("record.html"),
                            data={"kind": "event", "id": event_id}))

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(incident_id: str) -> HTMLResponse:
        return _html(render("Incident", "record", _read("record.html"),
                            data={"kind": "incident", "id": incident_id}))

    @app.get("/status/{place:path}", response_class=HTMLResponse, include_in_schema=False)
    def status_page(place: str) -> HTMLResponse:
        return _html(render("Border status", "status", _read("status.html"), "/status/KP-09",
                            data={"place": place}))

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page() -> HTMLResponse:
        return _html(render("Ingest", "ingest", _read("ingest.html"), "/ingest"))

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
