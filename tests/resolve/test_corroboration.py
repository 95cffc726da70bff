"""Independent origins and the attribution graph of an incident."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.models import Evidence, Incident, Mention, When
from koreawatch.resolve.corroboration import (
    attribution_graph,
    chain_origin,
    graph_paths,
    is_named,
    origins,
)

WHEN = When("2021-02-01", "2021-02-10", "part_of_month")


def mention(article_id: str, outlet: str | None, *chains: tuple[str, ...],
            copy_of: str | None = None) -> Mention:
    return Mention(f"{article_id}#e1", article_id, outlet, date(2021, 3, 1), "reported", WHEN,
                   tuple(chains), Evidence(0, 4, "text"), copy_of)


@pytest.mark.parametrize(("element", "named"), [
    ("Daily NK", True), ("Radio Free Asia", True), ("KIEP", True), ("Kim Jong Un", True),
    ("the Unification Ministry", True),
    ("a source in Yanggang Province", False), ("sources", False), ("officials", False),
    ("residents", False), ("South Korean officials", False), ("state media", False),
    ("a North Korean defector", False), ("", False),
])
def test_is_named_rules(element: str, named: bool) -> None:
    assert is_named(element) is named


@pytest.mark.parametrize(("chain", "origin"), [
    (("Daily NK", "a source in Yanggang Province"), "Daily NK"),
    (("UPI", "KIEP"), "KIEP"),
    (("Korean Central News Agency",), "KCNA"),
    (("sources",), None),
])
def test_chain_origin_is_deepest_named_element(chain: tuple[str, ...],
                                               origin: str | None) -> None:
    assert chain_origin(chain) == origin


def test_origins_two_outlets_repeating_daily_nk_are_one_origin() -> None:
    found = origins([mention("a", "Daily NK", ("a source in Hyesan",)),
                     mention("b", "NK News", ("Daily NK",)),
                     mention("c", "UPI", ("Daily NK", "a source"))])
    assert [(o.name, o.kind, o.reports) for o in found] == [("Daily NK", "named", 3)]


def test_origins_unnamed_sources_in_different_outlets_are_different() -> None:
    found = origins([mention("a", "RFA", ("sources",)), mention("b", "VOA", ("officials",)),
                     mention("c", "NK News")])
    assert sorted((o.name, o.kind) for o in found) == [
        ("NK News", "outlet"), ("RFA", "outlet"), ("VOA", "outlet")]


def test_origins_syndicated_copy_counts_toward_original() -> None:
    found = origins([mention("a", "Daily NK", ("a source",)),
                     mention("b", "Illustrative Wire", ("a source",), copy_of="a")])
    assert [(o.name, o.reports) for o in found] == [("Daily NK", 2)]


def test_origins_syndicated_copy_of_absent_original_uses_article_outlets() -> None:
    found = origins([mention("b", "Illustrative Wire", copy_of="a")], None, {"a": "RFA"})
    assert [o.name for o in found] == ["RFA"]


def test_origins_state_media_is_its_own_origin() -> None:
    found = origins([mention("a", "Yonhap", ("KCNA",)), mention("b", "KCNA"),
                     mention("c", "Daily NK")])
    assert {(o.name, o.kind) for o in found} == {("KCNA", "state_media"),
                                                 ("Daily NK", "outlet")}
    assert next(o for o in found if o.name == "KCNA").reports == 2


def test_origins_mention_without_outlet_is_its_own_origin() -> None:
    found = origins([mention("x", None), mention("y", None)])
    assert [o.key for o in found] == ["article:x", "article:y"]


def test_attribution_graph_nodes_edges_and_paths() -> None:
    mentions = (mention("a", "Daily NK", ("a source",)), mention("b", "NK News", ("Daily NK",)),
                mention("c", "Wire", copy_of="a"))
    inc = Incident("inc-x", "border_closure", "reported", WHEN, "s", mentions,
                   origins=origins(mentions))
    graph = attribution_graph(inc)
    kinds = {n["id"]: n["kind"] for n in graph["nodes"]}
    assert kinds["src:daily nk"] == "outlet"
    assert kinds["unnamed:daily nk/a source"] == "unnamed"
    edges = {(e["from"], e["to"], e["kind"]) for e in graph["edges"]}
    assert ("src:nk news", "src:daily nk", "cites") in edges
    assert ("article:c", "article:a", "copies") in edges
    origin_nodes = [n["id"] for n in graph["nodes"] if n["origin"]]
    assert origin_nodes == ["src:daily nk"]
    paths = graph_paths(graph)
    assert ["b (2021-03-01)", "NK News", "Daily NK [origin]", "a source"] in paths
