"""Hand-built illustrative incidents shared by the export tests (not real reports)."""

from __future__ import annotations

from datetime import date

from koreawatch.models import EVENT_TYPES, Evidence, Incident, Mention, Origin, PlaceRef, When

SAEBYOL = PlaceRef("KP-09/saebyol", "Saebyol County", "county", "Saebyol", 42.718, 130.142,
                   0, 7)
HYESAN = PlaceRef("KP-10/hyesan", "Hyesan", "city", "Hyesan", 41.4, 128.2, 0, 6)
NORTH_HAMGYONG = PlaceRef("KP-09", "North Hamgyong Province", "province",
                          "North Hamgyong Province", 41.8, 129.6, 0, 23)
JILIN = PlaceRef("CN-JL", "Jilin", "foreign_province", "Jilin", 43.7, 126.2, 0, 5)
NO_COORDS = PlaceRef("KP-10", "Ryanggang Province", "province", "Ryanggang", None, None, 0, 9)

TRICKY = 'He said "closed", then, in Hyesan — 혜산 — it stopped\nfor good'
"""A summary with quotes, commas, a newline and non-ASCII text."""

WHEN = When("2021-02-01", "2021-02-10", "part_of_month", "at the start of February")


def mention(n: int, outlet: str | None = "Daily NK", text: str = "illustrative evidence",
            sources: tuple[tuple[str, ...], ...] = ()) -> Mention:
    """One illustrative mention of article ``demo-n``."""
    return Mention(event_id=f"demo-{n}#e1", article_id=f"demo-{n}", outlet=outlet,
                   published=date(2021, 3, 15), modality="reported", when=WHEN,
                   sources=sources, evidence=Evidence(0, len(text), text))


def incident(type_: str = "border_closure", *, modality: str = "reported",
             when: When = WHEN, summary: str = "illustrative summary",
             where: tuple[PlaceRef, ...] = (SAEBYOL,), flow: str | None = None,
             mentions: tuple[Mention, ...] | None = None, ident: str = "inc-1") -> Incident:
    """An illustrative incident; by default one Daily NK mention with one named origin."""
    found = mentions if mentions is not None else (
        mention(1, sources=(("Daily NK", "a source in Yanggang Province"),)),)
    origins = (Origin("a source in yanggang province", "a source in Yanggang Province",
                      "named", 1),)
    return Incident(id=ident, type=type_, modality=modality, when=when, summary=summary,
                    mentions=found, where=where, flow=flow, origins=origins)


def every_type() -> list[Incident]:
    """One factual incident of each of the 13 types, each at Saebyol."""
    return [incident(t, ident=f"inc-{i}") for i, t in enumerate(EVENT_TYPES, start=1)]
