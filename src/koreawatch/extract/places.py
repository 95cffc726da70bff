"""The North Korea gazetteer: load it, look names up, and find place names in text.

The data live in ``koreawatch/data/gazetteer/places.json`` (built by
``scripts/build_gazetteer.py``; provenance in ``ATTRIBUTION.md`` next to it). Ids follow the
event spec: ``KP-01`` .. ``KP-15`` for the 13 province-level units, ``KP-NN/slug`` for a county,
city, district, town or border crossing inside one, ISO 3166-1/3166-2 codes for places abroad
(``CN``, ``CN-JL``) and ``CN-JL/slug`` for a foreign city.

Name normalisation (``name_key``): case, diacritics (ŏ/ŭ/é...), apostrophes (’ ' ʼ), hyphens,
dots and spaces are ignored, and a trailing designator ("Province", "County", "City", "District",
"-do", "-gun", "-kun", "-si", "-up", "-guyok"...) is stripped, so "Hamgyŏng-bukto",
"Hamgyong Bukto" and "HAMGYONGBUKTO" share one key, and "Saebyul County" looks up "saebyul".

``find_places`` rules, in priority order (the ``reason`` of a mention names the rule that
decided it):

1. Tokens are runs of letters (apostrophes inside a word allowed, a trailing possessive "'s"
   dropped); two tokens join into one name only across spaces (incl. U+00A0), hyphens or dashes.
   A hangul word matches when it is a known name of two or more syllables, optionally followed
   by a particle (혜산에서, 혜산시의).
2. Longest match first, left to right, no overlaps: "North Hamgyong Province" wins over
   "Hamgyong"; a crossing name ("Tumen River Bridge") wins over the city in it.
3. A Latin name must start with a capital letter in the text; an alias written in capitals only
   in the data (US, ROK, DPRK) must be all capitals in the text. Fixed phrases from the data's
   ``phrases`` list (e.g. "the Chinese border") are matched in any case (see rule 9).
4. A designator right after the name ("Province", "County", "City", "District", "Special
   City", "Krai", or a hyphenated "-do", "-gun", "-si", "-up"...) becomes part of the mention.
5. Stop-list (``stoplist`` in the data file, never in code): a name with policy ``never`` is not
   matched in running text at all (English words, South Korean places written in Revised
   Romanization); policy ``designator`` is matched only when a designator follows
   ("Hwasong County" yes, "Hwasong-15" no; "Kim Chaek City" yes, "Kim Chaek University" no).
6. A name followed by a word from the data's ``not_place_after`` list ("River", "University",
   "Airlines"...) names something else and is skipped ("Taedong River", "Tumen River").
7. Ambiguous names, first by designator fit (reason ``designator``): "Jilin City" is the
   city, "Jilin Province" the province, "Unsan County" a county, not a town.
8. Then by context (reason ``context``): prefer candidates in a province (or foreign country)
   that an unambiguous mention elsewhere in the same text belongs to; failing that, a
   crossing whose place across the border is in one ("Friendship Bridge" in a text naming
   Khasan is the Tumen bridge to Russia).
9. Else the bigger place (reason ``default``): country > province > city > county > district >
   town > crossing, then larger ``rank`` (GeoNames population where known), then id order.
   Fixed phrases have reason ``border_phrase``: "the Chinese border", "border with China" and
   "Sino-North Korean border" resolve to the country across the border (CN; RU for Russia).
   They say that something happened at that border, not in China: callers that only want
   places in North Korea can drop mentions whose reason is ``border_phrase``.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from koreawatch.errors import KoreaWatchError

log = logging.getLogger(__name__)

DATA_FILE = "places.json"

LEVELS = (
    "country",
    "province",
    "foreign_province",
    "city",
    "foreign_city",
    "county",
    "district",
    "town",
    "crossing",
)
# Smaller number = bigger place (rule 9).
LEVEL_SIZE = {
    "country": 0,
    "province": 1,
    "foreign_province": 1,
    "city": 2,
    "foreign_city": 2,
    "county": 3,
    "district": 4,
    "town": 5,
    "crossing": 6,
}
PROVINCE_LEVELS = frozenset({"province", "foreign_province"})
STOP_POLICIES = frozenset({"never", "designator"})

# Designator words (folded) and the levels they fit. Korean suffixes count only after a hyphen.
ENGLISH_DESIGNATORS: dict[tuple[str, ...], frozenset[str]] = {
    ("province",): PROVINCE_LEVELS,
    ("special", "city"): frozenset({"province", "city", "foreign_province"}),
    ("krai",): PROVINCE_LEVELS,
    ("prefecture",): PROVINCE_LEVELS | {"foreign_city"},
    ("county",): frozenset({"county"}),
    ("city",): frozenset({"city", "foreign_city"}),
    ("district",): frozenset({"district"}),
    ("town",): frozenset({"town", "city"}),
}
KOREAN_DESIGNATORS: dict[str, frozenset[str]] = {
    "do": frozenset({"province"}),
    "to": frozenset({"province"}),
    "gun": frozenset({"county"}),
    "kun": frozenset({"county"}),
    "si": frozenset({"city"}),
    "shi": frozenset({"city"}),
    "up": frozenset({"town", "city", "county"}),
    "eup": frozenset({"town", "city", "county"}),
    "guyok": frozenset({"district"}),
    "kuyok": frozenset({"district"}),
    "guyeok": frozenset({"district"}),
    "gu": frozenset({"district"}),
    "ku": frozenset({"district"}),
}
# Endings allowed after a hangul place name inside one hangul word (grammar, not a stop-list).
HANGUL_PARTICLES = frozenset(
    (
        "- 에서 에 의 은 는 이 가 을 를 와 과 로 으로 까지 부터 도 만 "
        "에서는 에서도 에는 으로는 지역 일대 쪽 측 에서의 과의 와의 까지의 으로의 로의"
    )
    .replace("-", "")
    .split(" ")
)
_SUFFIX_WORDS = {"province", "county", "city", "district", "krai", "prefecture", "town"}
_SUFFIX_WORDS |= set(KOREAN_DESIGNATORS) | {"special"}

_ID_KP = re.compile(r"^KP(-(0[1-9]|1[0-5]))?(/[a-z0-9]+(-[a-z0-9]+)*)?$")
_ID_FOREIGN = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?(/[a-z0-9]+(-[a-z0-9]+)*)?$")
_APOSTROPHES = "'’‘ʼ`´"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’‘ʼ][^\W\d_]+)*", re.UNICODE)
_GAP = re.compile(r"[\s\-‐‑‒–—]{1,3}")
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


class GazetteerDataError(KoreaWatchError):
    """The gazetteer data file is malformed; the message names the bad entry and field."""


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (a province, county, city, crossing or foreign place)."""

    id: str
    level: str
    name: str
    parent: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    korean: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    rank: int = 0
    partner: str | None = None  # a crossing's place across the border ("CN-LN/dandong")

    @property
    def country(self) -> str:
        """The ISO 3166-1 code of the country the place is in (``KP``, ``CN``...)."""
        return self.id[:2]


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text: offsets into the original text and the resolved place."""

    start: int
    end: int
    text: str
    place: Place
    reason: str


@dataclass(frozen=True)
class _Rules:
    """The text-matching settings read from the data file (stop-list, phrases...)."""

    stop: Mapping[str, str] = field(default_factory=dict)
    not_place_after: frozenset[str] = frozenset()
    phrases: Mapping[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- normalisation


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes; keep hangul syllables as they are."""
    out: list[str] = []
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            out.append(ch)
        elif ch in _APOSTROPHES:
            continue
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii()))
    return "".join(out).lower()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z\uac00-\ud7a3]+", fold(text)) if w]


def name_key(name: str) -> str:
    """The lookup key of a name: folded words, trailing designators stripped, joined."""
    words = _words(name)
    while len(words) > 1 and words[-1] in _SUFFIX_WORDS:
        words.pop()
    return "".join(words)


# --------------------------------------------------------------------------- loading


def _fail(where: str, problem: str) -> GazetteerDataError:
    return GazetteerDataError(f"gazetteer entry {where}: {problem}")


def _str_list(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"'{key}' must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _number(entry: Mapping[str, Any], key: str, where: str, limit: float) -> float:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise _fail(where, f"'{key}' must be a number within ±{limit:g}, got {value!r}")
    return float(value)


def _place_from_dict(entry: Any, index: int) -> Place:
    if not isinstance(entry, dict):
        raise _fail(f"#{index}", f"must be an object, got {type(entry).__name__}")
    pid = entry.get("id")
    if not isinstance(pid, str) or not (_ID_KP.match(pid) or _ID_FOREIGN.match(pid)):
        raise _fail(f"#{index}", f"bad 'id' {pid!r} (want KP-NN, KP-NN/slug, CN-JL...)")
    where = f"#{index} ({pid})"
    level = entry.get("level")
    if level not in LEVELS:
        raise _fail(where, f"bad 'level' {level!r}; valid: {', '.join(LEVELS)}")
    name, parent, rank = entry.get("name"), entry.get("parent"), entry.get("rank", 0)
    if not isinstance(name, str) or not name.strip():
        raise _fail(where, f"'name' must be a non-empty string, got {name!r}")
    if parent is not None and not isinstance(parent, str):
        raise _fail(where, f"'parent' must be an id or null, got {parent!r}")
    if not isinstance(rank, int) or rank < 0:
        raise _fail(where, f"'rank' must be a non-negative integer, got {rank!r}")
    partner = entry.get("partner")
    if partner is not None and not isinstance(partner, str):
        raise _fail(where, f"'partner' must be an id or absent, got {partner!r}")
    return Place(
        id=pid,
        level=level,
        name=name,
        parent=parent,
        lat=_number(entry, "lat", where, 90),
        lon=_number(entry, "lon", where, 180),
        aliases=_str_list(entry, "aliases", where),
        korean=_str_list(entry, "korean", where),
        source=_str_list(entry, "source", where),
        rank=rank,
        partner=partner,
    )


def _check_tree(places: Mapping[str, Place]) -> None:
    """Every parent exists, no cycles, and a KP-NN/... id sits inside province KP-NN."""
    for place in places.values():
        if place.parent is not None and place.parent not in places:
            raise _fail(place.id, f"'parent' {place.parent!r} is not a gazetteer id")
        seen = {place.id}
        node = place
        while node.parent is not None:
            if node.parent in seen:
                raise _fail(place.id, f"parent chain loops through {node.parent!r}")
            seen.add(node.parent)
            node = places[node.parent]
        if place.level == "country" and place.parent is not None:
            raise _fail(place.id, "a country has no parent")
        if "/" in place.id and not _ancestors_include(places, place, place.id.split("/")[0]):
            raise _fail(place.id, f"id prefix is not among its ancestors (parent {place.parent})")


def _ancestors_include(places: Mapping[str, Place], place: Place, target: str) -> bool:
    node: Place | None = place
    while node is not None and node.parent is not None:
        if node.parent == target:
            return True
        node = places.get(node.parent)
    return False


def _rules_from_dict(data: Mapping[str, Any], places: Mapping[str, Place]) -> _Rules:
    stop: dict[str, str] = {}
    for i, item in enumerate(data.get("stoplist", [])):
        key, policy = (item.get("key"), item.get("policy")) if isinstance(item, dict) else (0, 0)
        if not isinstance(key, str) or key != name_key(key) or policy not in STOP_POLICIES:
            raise _fail(
                f"stoplist #{i}",
                f"want a folded 'key' and a policy in {sorted(STOP_POLICIES)}, got {item!r}",
            )
        stop[key] = policy
    phrases: dict[str, str] = {}
    for i, item in enumerate(data.get("phrases", [])):
        text, pid = (item.get("text"), item.get("id")) if isinstance(item, dict) else (None, None)
        if not isinstance(text, str) or not isinstance(pid, str) or pid not in places:
            raise _fail(f"phrases #{i}", f"want 'text' and a known 'id', got {item!r}")
        phrases[name_key(text)] = pid
    after = data.get("not_place_after", [])
    if not isinstance(after, list) or not all(isinstance(w, str) for w in after):
        raise _fail("not_place_after", f"must be a list of words, got {after!r}")
    return _Rules(stop=stop, not_place_after=frozenset(fold(w) for w in after), phrases=phrases)


def parse_gazetteer(data: Any) -> Gazetteer:
    """Build and validate a :class:`Gazetteer` from the decoded JSON document."""
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise GazetteerDataError("gazetteer data: want an object with a 'places' list")
    places: dict[str, Place] = {}
    for index, entry in enumerate(data["places"]):
        place = _place_from_dict(entry, index)
        if place.id in places:
            raise _fail(f"#{index} ({place.id})", "duplicate id")
        places[place.id] = place
    _check_tree(places)
    return Gazetteer(places, _rules_from_dict(data, places))


def _read_default() -> Any:
    ref = resources.files("koreawatch").joinpath("data", "gazetteer", DATA_FILE)
    with ref.open(encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=4)
def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (once per path, cached) and validate the gazetteer; default: the package data."""
    try:
        data = _read_default() if path is None else json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GazetteerDataError(f"cannot read gazetteer {path or DATA_FILE}: {exc}") from exc
    gazetteer = parse_gazetteer(data)
    log.debug("gazetteer loaded: %d places, %d keys", len(gazetteer), len(gazetteer.keys))
    return gazetteer


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Places by id, an alias index and the settings that ``find_places`` uses."""

    def __init__(self, places: Mapping[str, Place], rules: _Rules | None = None) -> None:
        self.places: dict[str, Place] = dict(places)
        self.rules = rules or _Rules()
        self.keys: dict[str, tuple[str, ...]] = self._index(self.places.values())
        self.hangul: dict[str, tuple[str, ...]] = {
            k: v for k, v in self.keys.items() if _HANGUL.match(k) and len(k) >= 2
        }
        self.upper_only: frozenset[str] = frozenset(
            name_key(a)
            for p in self.places.values()
            for a in (p.name, *p.aliases)
            if a.isupper() and len(name_key(a)) <= 5
        )
        all_keys = set(self.keys) | set(self.rules.phrases)
        self.prefixes: frozenset[str] = frozenset(k[:i] for k in all_keys for i in range(1, len(k)))
        crossings: dict[str, list[Place]] = {}
        for place in self.places.values():
            if place.partner is not None:
                crossings.setdefault(place.partner, []).append(place)
        self._across: dict[str, tuple[Place, ...]] = {
            k: tuple(sorted(v, key=lambda p: (-p.rank, p.id))) for k, v in crossings.items()}

    @staticmethod
    def _index(places: Iterable[Place]) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for place in places:
            for alias in (place.name, *place.aliases, *place.korean):
                key = name_key(alias)
                if key and place.id not in index.setdefault(key, []):
                    index[key].append(place.id)
        return {k: tuple(sorted(v)) for k, v in index.items()}

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        return self.places.get(place_id)

    def lookup(self, name: str) -> list[Place]:
        """All places that have this name (any romanisation), biggest first."""
        return self._sorted(self.keys.get(name_key(name), ()))

    def _sorted(self, ids: Iterable[str]) -> list[Place]:
        return sorted((self.places[i] for i in ids), key=_size_order)

    def across(self, foreign_id: str) -> list[Place]:
        """The crossings whose place across the border is ``foreign_id`` ("CN-LN/dandong":
        the Friendship Bridge and the New Yalu River Bridge), by rank."""
        return list(self._across.get(foreign_id, ()))

    def ancestors(self, place_id: str) -> list[str]:
        """Ids of the parent, grandparent... of a place (empty for unknown ids)."""
        out: list[str] = []
        node = self.places.get(place_id)
        while node is not None and node.parent is not None:
            out.append(node.parent)
            node = self.places.get(node.parent)
        return out

    def province_of(self, place_id: str) -> str | None:
        """The province-level unit a place is in (itself for a province), else None.

        Follows parents, so Rason's own units give ``KP-13`` and Kaesong's ``KP-15``, never the
        North Hamgyong / North Hwanghae that some map layers put them in.
        """
        for pid in (place_id, *self.ancestors(place_id)):
            place = self.places.get(pid)
            if place is not None and place.level in PROVINCE_LEVELS:
                return pid
        return None

    def contains(self, outer_id: str, inner_id: str) -> bool:
        """True when ``inner_id`` is ``outer_id`` or lies inside it."""
        if inner_id not in self.places or outer_id not in self.places:
            return False
        return outer_id == inner_id or outer_id in self.ancestors(inner_id)

    def _region_of(self, place_id: str) -> str:
        """The province of a place, or its country when it is not inside any province."""
        return self.province_of(place_id) or place_id[:2]


def _size_order(place: Place) -> tuple[int, int, str]:
    return (LEVEL_SIZE[place.level], -place.rank, place.id)


# --------------------------------------------------------------------------- finding in text


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str
    raw: str


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    key: str
    designator: frozenset[str] | None
    phrase: bool


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        raw = m.group()
        if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in _APOSTROPHES:
            end -= 2
            raw = raw[:-2]
        out.append(_Token(start, end, fold(raw), raw))
    return out


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end : right.start]
    return bool(_GAP.fullmatch(gap))


def _designator_at(text: str, tokens: list[_Token], j: int) -> tuple[int, frozenset[str]] | None:
    """A designator starting at token j (right after a name ending at token j-1)."""
    if j >= len(tokens) or not _joined(text, tokens[j - 1], tokens[j]):
        return None
    gap = text[tokens[j - 1].end : tokens[j].start]
    word = tokens[j].key
    if "-" in gap and word in KOREAN_DESIGNATORS:
        return j + 1, KOREAN_DESIGNATORS[word]
    for words, levels in ENGLISH_DESIGNATORS.items():
        stop = j + len(words)
        if (
            stop <= len(tokens)
            and tuple(t.key for t in tokens[j:stop]) == words
            and all(_joined(text, tokens[k - 1], tokens[k]) for k in range(j + 1, stop))
        ):
            return stop, levels
    return None


def _case_ok(gaz: Gazetteer, key: str, raw: str) -> bool:
    if _HANGUL.match(key):
        return True
    if key in gaz.upper_only:
        return raw.replace(" ", "").isupper()
    return raw[:1].isupper()


def _longest_at(gaz: Gazetteer, text: str, tokens: list[_Token], i: int) -> tuple[int, str] | None:
    """The longest known key starting at token i: (index after the last token, key)."""
    best: tuple[int, str] | None = None
    key = ""
    for j in range(i, len(tokens)):
        if j > i and not _joined(text, tokens[j - 1], tokens[j]):
            break
        key += tokens[j].key
        if key in gaz.keys or key in gaz.rules.phrases:
            best = (j + 1, key)
        if key not in gaz.prefixes:
            break
    return best


def _hangul_at(gaz: Gazetteer, token: _Token) -> _Match | None:
    word = token.key
    for size in range(len(word), 1, -1):
        if word[:size] in gaz.hangul and word[size:] in HANGUL_PARTICLES:
            return _Match(token.start, token.start + size, word[:size], None, False)
    return None


def _scan(gaz: Gazetteer, text: str) -> list[_Match]:
    """Rules 1-6: candidate spans, longest first, left to right, without overlaps."""
    tokens = _tokens(text)
    found: list[_Match] = []
    i = 0
    while i < len(tokens):
        match, nxt = _match_at(gaz, text, tokens, i)
        if match is not None:
            found.append(match)
        i = nxt
    return found


def _match_at(gaz: Gazetteer, text: str, tokens: list[_Token], i: int) -> tuple[_Match | None, int]:
    if _HANGUL.match(tokens[i].key):
        found = _hangul_at(gaz, tokens[i])
        return (None if found and found.key in gaz.rules.stop else found), i + 1
    hit = _longest_at(gaz, text, tokens, i)
    if hit is None:
        return None, i + 1
    stop, key = hit
    raw = text[tokens[i].start : tokens[stop - 1].end]
    phrase = key in gaz.rules.phrases and key not in gaz.keys
    if not phrase and not _case_ok(gaz, key, raw):
        return None, i + 1
    designator = _designator_at(text, tokens, stop)
    end_token = designator[0] if designator else stop
    if gaz.rules.stop.get(key) == "never" or (
        gaz.rules.stop.get(key) == "designator" and designator is None
    ):
        return None, end_token
    if (
        designator is None
        and stop < len(tokens)
        and _joined(text, tokens[stop - 1], tokens[stop])
        and tokens[stop].key in gaz.rules.not_place_after
    ):
        return None, stop + 1
    levels = designator[1] if designator else None
    return _Match(tokens[i].start, tokens[end_token - 1].end, key, levels, phrase), end_token


def _candidates(gaz: Gazetteer, match: _Match) -> list[Place]:
    if match.phrase:
        return [gaz.places[gaz.rules.phrases[match.key]]]
    return gaz._sorted(gaz.keys[match.key])


def _resolve(gaz: Gazetteer, match: _Match, context: set[str]) -> tuple[Place, str]:
    """Rules 7-9: pick one place for a span with one or more candidates."""
    if match.phrase:
        return _candidates(gaz, match)[0], "border_phrase"
    cands = _candidates(gaz, match)
    if len(cands) == 1:
        return cands[0], "unique"
    if match.designator is not None:
        fitting = [p for p in cands if p.level in match.designator]
        if len(fitting) == 1:
            return fitting[0], "designator"
        cands = fitting or cands
    in_context = [p for p in cands if gaz._region_of(p.id) in context] or [
        p for p in cands if p.partner and gaz._region_of(p.partner) in context]  # a crossing
    if len(in_context) == 1:  # by the place it faces ("Friendship Bridge" near Khasan)
        return in_context[0], "context"
    cands = in_context or cands
    return cands[0], "default"


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Find and resolve the place names in ``text`` (see the module docstring for the rules)."""
    gaz = gazetteer or load_gazetteer()
    matches = _scan(gaz, text)
    context: set[str] = set()
    for match in matches:
        cands = _candidates(gaz, match)
        if len(cands) == 1 and not match.phrase:
            context.add(gaz._region_of(cands[0].id))
            context.add(cands[0].country)
    mentions: list[PlaceMention] = []
    for match in matches:
        place, reason = _resolve(gaz, match, context)
        mentions.append(
            PlaceMention(match.start, match.end, text[match.start : match.end], place, reason)
        )
    return mentions
