"""Independent corroboration: the attribution graph of an incident and its distinct origins.

An **origin** is where a report ultimately comes from. Per mention, in priority order:

1. A syndicated copy (``near_duplicate_of``) stands in for the article it copies: its
   unnamed or unattributed reports count toward the original's outlet.
2. For each attribution chain, the origin is the chain's deepest *named* element,
   normalized with ``normalize_source``: ``["Daily NK", "a source in Yanggang Province"]``
   → Daily NK; ``["UPI", "KIEP"]`` → KIEP.
3. A chain without a named element (``["sources"]``, ``["officials"]``), or a mention
   without any chain, has the mention's own outlet as its origin; so unnamed sources in
   two outlets are two origins, and an outlet's own report is the same origin as other
   outlets citing it (Daily NK's report plus two outlets repeating it: one origin, three
   reports). A mention without an outlet is an origin of its own (``article:ID``).

An origin's ``kind`` is ``state_media`` when the outlet data says so (KCNA, Rodong
Sinmun: state media is an origin of its own), else ``named`` when some chain names it,
else ``outlet``. Its ``key`` is the folded canonical name (``outlet_key``), so aliases
("Korean Central News Agency", "KCNA") are one origin. ``reports`` counts the mentions
that trace back to it (a mention counts once per origin).

What counts as **named** (``is_named``), in priority order:

1. a name the outlet data knows (any alias): named;
2. the phrase's head (the words before "in", "from", "of", "at", "with", "close to",
   "familiar with"...), without leading determiners and quantifiers ("a", "the", "one",
   "several", "local", "unnamed"...), ends in a generic source noun ("source",
   "officials", "residents", "defector", "insiders", "traders"...): unnamed ("a source
   in Yanggang Province", "South Korean officials");
3. the head contains a capitalized word (a proper name or acronym: "KIEP", "Kim Jong
   Un", "the Unification Ministry"): named; otherwise unnamed ("sources", "state media").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from koreawatch.extract.outlets import Outlets, load_outlets, normalize_source, outlet_key
from koreawatch.models import Incident, Mention, Origin


def _wordset(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` (the data below is easier to read that way)."""
    return frozenset(text.split())


GENERIC_HEADS = _wordset(
    "source sources official officials resident residents insider insiders person people "
    "informant informants defector defectors trader traders smuggler smugglers witness "
    "witnesses diplomat diplomats observer observers expert experts analyst analysts "
    "report reports authorities authority worker workers member members contact contacts "
    "acquaintance acquaintances relative relatives citizen citizens merchant merchants "
    "soldier soldiers guard guards businessman businessmen someone")
DETERMINERS = _wordset(
    "a an the one two three four several some many multiple other another local unnamed "
    "anonymous unidentified various numerous these those his her their its our")
_HEAD_END = re.compile(
    r"\b(?:in|from|of|at|near|inside|within|with|close|familiar|based|on|who|that|for|"
    r"across|along)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[\w.'\u2019-]+")
_KIND_RANK = {"state_media": 0, "named": 1, "outlet": 2}


def is_named(element: str, outlets: Outlets | None = None) -> bool:
    """Whether a chain element names someone (rules in the module docstring)."""
    text = element.strip()
    if not text:
        return False
    if (outlets or load_outlets()).get(text) is not None:
        return True
    head = _HEAD_END.split(text, maxsplit=1)[0]
    words = _TOKEN.findall(head)
    while words and words[0].casefold() in DETERMINERS:
        words.pop(0)
    if not words:
        return False
    last = re.sub(r"['\u2019]s?$", "", words[-1].casefold())
    if last in GENERIC_HEADS:
        return False
    return any(w[0].isupper() for w in words)


def chain_origin(chain: Sequence[str], outlets: Outlets | None = None) -> str | None:
    """The deepest named element of a chain, normalized; None when none is named."""
    for element in reversed(chain):
        if is_named(element, outlets):
            return normalize_source(element)
    return None


def _kind(name: str, outlets: Outlets, default: str) -> str:
    return "state_media" if outlets.kind(name) == "state_media" else default


def _home(mention: Mention, by_article: Mapping[str, Mention],
          article_outlets: Mapping[str, str | None]) -> tuple[str | None, str]:
    """(outlet, article id) that unnamed reports of this mention count toward: the
    original article's for a syndicated copy (rule 1)."""
    current, seen = mention, {mention.article_id}
    while current.near_duplicate_of and current.near_duplicate_of not in seen:
        original = current.near_duplicate_of
        seen.add(original)
        if original in by_article:
            current = by_article[original]
            continue
        return article_outlets.get(original), original
    return current.outlet, current.article_id


def mention_origins(mention: Mention, outlets: Outlets, by_article: Mapping[str, Mention],
                    article_outlets: Mapping[str, str | None]) -> list[tuple[str, str, str]]:
    """The (key, name, kind) origins of one mention, without repeats."""
    outlet, article_id = _home(mention, by_article, article_outlets)
    found: dict[str, tuple[str, str, str]] = {}
    for chain in mention.sources or ((),):
        named = chain_origin(chain, outlets)
        if named is not None:
            found.setdefault(outlet_key(named), (outlet_key(named), named,
                                                 _kind(named, outlets, "named")))
        elif outlet:
            name = normalize_source(outlet)
            found.setdefault(outlet_key(name), (outlet_key(name), name,
                                                _kind(name, outlets, "outlet")))
        else:
            key = f"article:{article_id}"
            found.setdefault(key, (key, article_id, "outlet"))
    return list(found.values())


def origins(incident_mentions: Sequence[Mention], outlets_info: Outlets | None = None,
            article_outlets: Mapping[str, str | None] | None = None) -> tuple[Origin, ...]:
    """The distinct independent origins of an incident's mentions (module docstring),
    most reports first, then by key.

    ``outlets_info`` is the outlet data (default: the packaged one); ``article_outlets``
    maps article ids to outlets, for syndicated copies whose original is not a mention.
    """
    outlets = outlets_info or load_outlets()
    by_article = {m.article_id: m for m in incident_mentions}
    counts: dict[str, int] = {}
    best: dict[str, tuple[str, str]] = {}
    for mention in incident_mentions:
        for key, name, kind in mention_origins(mention, outlets, by_article,
                                               article_outlets or {}):
            counts[key] = counts.get(key, 0) + 1
            if key not in best or _KIND_RANK[kind] < _KIND_RANK[best[key][1]]:
                best[key] = (name, kind)
    return tuple(sorted((Origin(key, best[key][0], best[key][1], counts[key]) for key in counts),
                        key=lambda o: (-o.reports, o.key)))


# --------------------------------------------------------------------------- the graph


def _entity_id(name: str) -> str:
    return "src:" + outlet_key(normalize_source(name))


def attribution_graph(incident: Incident, outlets_info: Outlets | None = None) -> dict[str, Any]:
    """The incident's attribution graph: article → its outlet → cited source → its source.

    Nodes are ``{"id", "kind", "label", "origin"}`` with kind ``article``, ``outlet``
    (a named outlet, organisation or person, whether it publishes or is cited) or
    ``unnamed`` (an unnamed source, one per node citing it). Edges are
    ``{"from", "to", "kind"}`` with kind ``published_by``, ``cites`` or ``copies``.
    """
    outlets = outlets_info or load_outlets()
    origin_keys = {o.key for o in incident.origins}
    nodes: dict[str, dict[str, Any]] = {}
    edges: set[tuple[str, str, str]] = set()

    def node(node_id: str, kind: str, label: str) -> str:
        key = node_id.split(":", 1)[1]
        nodes.setdefault(node_id, {"id": node_id, "kind": kind, "label": label,
                                   "origin": kind != "article" and key in origin_keys})
        return node_id

    for mention in incident.mentions:
        published = mention.published.isoformat() if mention.published else "undated"
        art = node(f"article:{mention.article_id}", "article",
                   f"{mention.article_id} ({published})")
        top = art
        if mention.outlet:
            top = node(_entity_id(mention.outlet), "outlet", normalize_source(mention.outlet))
            edges.add((art, top, "published_by"))
        if mention.near_duplicate_of:
            original = node(f"article:{mention.near_duplicate_of}", "article",
                            mention.near_duplicate_of)
            edges.add((art, original, "copies"))
        for chain in mention.sources:
            previous = top
            for element in chain:
                if is_named(element, outlets):
                    current = node(_entity_id(element), "outlet", normalize_source(element))
                else:
                    scope = previous.split(":", 1)[1]  # unnamed: one per citing node
                    current = node(f"unnamed:{scope}/{element.strip().casefold()}",
                                   "unnamed", element.strip())
                edges.add((previous, current, "cites"))
                previous = current
    return {
        "incident_id": incident.id,
        "nodes": [nodes[k] for k in sorted(nodes)],
        "edges": [{"from": a, "to": b, "kind": k} for a, b, k in sorted(edges)],
    }


def graph_paths(graph: Mapping[str, Any]) -> list[list[str]]:
    """Every path from an article node along the edges, as node labels (origins marked
    ``[origin]``): the graph drawn as text lines."""
    labels = {n["id"]: n["label"] + (" [origin]" if n["origin"] else "") for n in graph["nodes"]}
    out: dict[str, list[str]] = {}
    for edge in graph["edges"]:
        out.setdefault(edge["from"], []).append(edge["to"])
    paths: list[list[str]] = []

    def walk(node_id: str, path: list[str]) -> None:
        nexts = [n for n in out.get(node_id, []) if n not in path]
        if not nexts:
            paths.append([labels[n] for n in path])
        for nxt in nexts:
            walk(nxt, [*path, nxt])

    for node in graph["nodes"]:
        if node["kind"] == "article" and any(e["from"] == node["id"] for e in graph["edges"]):
            walk(node["id"], [node["id"]])
    return paths
