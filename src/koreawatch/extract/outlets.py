"""Outlets and other bodies that articles cite, with their aliases (data in
``koreawatch/data/outlets.json``): lookup by any alias, the canonical press name, the kind
(outlet, state media, agency, think tank, government, international organisation, NGO)."""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from koreawatch.errors import KoreaWatchError

log = logging.getLogger(__name__)

DATA_FILE = "outlets.json"
# state_media: North Korea's own (KCNA, Rodong Sinmun); foreign_state_media: another
# state's (Xinhua, TASS), an outlet like any other for what it reports of North Korea
KINDS = ("outlet", "state_media", "foreign_state_media", "agency", "think_tank", "government",
         "international_org", "ngo")
_KEY_JUNK = re.compile(r"[^\w ]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['\u2019]s$")
# words that describe an outlet around its name: whose it is, "official", "news agency"
_DESCRIBED = re.compile(
    r"^(?:the\s+)?(?:[\w.-]+(?:\s+[\w.-]+)?['\u2019]s\s+)?(?:(?:official|state-run|state|"
    r"government-run|ruling party's|party)\s+)*|\s+(?:news\s+agency|agency|newspaper|"
    r"daily|news\s+service|broadcaster|tv|television)$", re.I)


class OutletDataError(KoreaWatchError):
    """The outlet data file is malformed (the message names the bad entry)."""


# --------------------------------------------------------------------------- the outlet data


@dataclass(frozen=True)
class Outlet:
    """A news outlet, agency or other body that articles cite, with its aliases."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


# how article records decorate an outlet's name ("NPR Online News", "CNN (Web News)",
# "New York Times - News", "Fox News (Online)", "CNN - Editorial")
_DECORATION = re.compile(r"\s*(?:\((?:web\s+)?(?:news|online)\)|-\s*(?:news|editorial|opinion)|"
                         r"\bonline(?:\s+news)?|\bopinion)\s*$", re.I)


def is_own_outlet(name: str, outlet: str | None) -> bool:
    """Whether ``name`` (a source, a listener) is the article's own ``outlet``, whatever
    alias or decoration either carries: "NPR" in an article of "NPR Online News"."""
    if not outlet or not name:
        return False
    outlets = load_outlets()
    keys = {outlet_key(outlet), outlet_key(_DECORATION.sub("", outlet))}
    known = {outlets.canonical(k) for k in keys} - {None}
    return outlet_key(name) in keys or (outlets.canonical(name) or "") in known


def outlet_key(name: str) -> str:
    """Fold a name for lookup: case, a leading "the", a possessive "'s", punctuation."""
    text = _SPACES.sub(" ", name.strip()).casefold()
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^the ", "", text)
    return _SPACES.sub(" ", _KEY_JUNK.sub("", text)).strip()


class Outlets:
    """Outlets by folded alias; ``canonical`` and ``kind`` look a name up."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self.index: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for alias in (outlet.name, *outlet.aliases):
                key = outlet_key(alias)
                other = self.index.get(key)
                if other is not None and other.name != outlet.name:
                    raise OutletDataError(
                        f"outlet {outlet.name!r}: alias {alias!r} already names {other.name!r}"
                    )
                self.index[key] = outlet

    def __len__(self) -> int:
        return len(self.outlets)

    def get(self, name: str) -> Outlet | None:
        """The outlet that ``name`` (any alias) names, or None. "KCNA (Korean Central News
        Agency)" is looked up whole, then by the part before and inside the brackets."""
        found = self.index.get(outlet_key(name))
        if found is None and "(" in name:
            before, _, inside = name.partition("(")
            found = self.index.get(outlet_key(before)) or self.index.get(
                outlet_key(inside.rstrip(") ")))
        if found is None:  # "the North's official KCNA news agency" is KCNA
            core = _DESCRIBED.sub("", _SPACES.sub(" ", name.strip()))
            if core and core != name.strip():
                found = self.index.get(outlet_key(core))
        return found

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name``, or None when it is not a known outlet."""
        outlet = self.get(name)
        return outlet.name if outlet else None

    def kind(self, name: str) -> str | None:
        """The kind of the outlet ``name`` names, or None."""
        outlet = self.get(name)
        return outlet.kind if outlet else None


def _outlet_from_dict(entry: Any, index: int) -> Outlet:
    if not isinstance(entry, dict):
        raise OutletDataError(f"outlets #{index}: must be an object, got {type(entry).__name__}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OutletDataError(f"outlets #{index}: 'name' must be a non-empty string, got {name!r}")
    where = f"outlets #{index} ({name})"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise OutletDataError(f"{where}: bad 'kind' {kind!r}; valid: {', '.join(KINDS)}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise OutletDataError(f"{where}: 'aliases' must be a list of non-empty strings")
    unknown = set(entry) - {"name", "kind", "aliases"}
    if unknown:
        raise OutletDataError(
            f"{where}: unknown keys {sorted(unknown)}; valid: name, kind, aliases"
        )
    return Outlet(name=name, kind=kind, aliases=tuple(aliases))


def parse_outlets(data: Any) -> Outlets:
    """Build and validate :class:`Outlets` from the decoded JSON document."""
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise OutletDataError("outlet data: want an object with an 'outlets' list")
    if not isinstance(data.get("_about"), dict):
        raise OutletDataError("outlet data: want an '_about' object with the provenance")
    return Outlets(_outlet_from_dict(e, i) for i, e in enumerate(data["outlets"]))


@functools.lru_cache(maxsize=4)
def load_outlets(path: str | Path | None = None) -> Outlets:
    """Load (once per path, cached) and validate the outlet data; default: the package data."""
    try:
        if path is None:
            ref = resources.files("koreawatch").joinpath("data", DATA_FILE)
            data = json.loads(ref.read_text("utf-8"))
        else:
            data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OutletDataError(f"cannot read outlet data {path or DATA_FILE}: {exc}") from exc
    outlets = parse_outlets(data)
    log.debug("outlet data loaded: %d outlets", len(outlets))
    return outlets


def normalize_source(name: str) -> str:
    """The canonical outlet name when ``name`` is a known alias, else the cleaned name
    (outer spaces, quotes and punctuation removed; the words stay as written)."""
    cleaned = _SPACES.sub(" ", name).strip(" \t\n,;:.!?\"'()[]-\u2018\u2019\u201c\u201d")
    return load_outlets().canonical(cleaned) or cleaned
