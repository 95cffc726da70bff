"""Tests of the gazetteer data, the name lookup and the place finder."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from koreawatch.errors import KoreaWatchError
from koreawatch.extract.places import (
    Gazetteer,
    GazetteerDataError,
    Place,
    find_places,
    load_gazetteer,
    name_key,
    parse_gazetteer,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def raw_data() -> dict[str, Any]:
    ref = resources.files("koreawatch").joinpath("data", "gazetteer", "places.json")
    return json.loads(ref.read_text("utf-8"))


def _mentions(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in find_places(text, gaz)]


# --------------------------------------------------------------------------- the data


PROVINCES = [
    ("KP-01", "Pyongyang"),
    ("KP-02", "South Pyongan Province"),
    ("KP-03", "North Pyongan Province"),
    ("KP-04", "Jagang Province"),
    ("KP-05", "South Hwanghae Province"),
    ("KP-06", "North Hwanghae Province"),
    ("KP-07", "Kangwon Province"),
    ("KP-08", "South Hamgyong Province"),
    ("KP-09", "North Hamgyong Province"),
    ("KP-10", "Ryanggang Province"),
    ("KP-13", "Rason"),
    ("KP-14", "Nampo"),
    ("KP-15", "Kaesong"),
]


@pytest.mark.parametrize(("code", "name"), PROVINCES)
def test_gazetteer_has_province_with_iso_code(gaz: Gazetteer, code: str, name: str) -> None:
    place = gaz.get(code)
    assert place is not None
    assert place.level == "province"
    assert place.name == name
    assert place.parent == "KP"


def test_gazetteer_has_exactly_thirteen_provinces(gaz: Gazetteer) -> None:
    kp = sorted(p.id for p in gaz if p.level == "province")
    assert kp == [code for code, _ in PROVINCES]


def test_gazetteer_has_counties_crossings_and_foreign_places(gaz: Gazetteer) -> None:
    levels = [p.level for p in gaz]
    assert levels.count("county") + levels.count("city") >= 170
    assert levels.count("crossing") == 12
    for pid in ("CN", "CN-LN", "CN-JL", "CN-LN/dandong", "CN-JL/hunchun", "RU-PRI/khasan", "KR-11"):
        assert gaz.get(pid) is not None, pid


@pytest.mark.parametrize(
    ("place_id", "parent"),
    [
        ("CN-LN/dandong", "CN-LN"),
        ("CN-JL/changbai", "CN-JL"),
        ("CN-JL/tumen", "CN-JL"),
        ("CN-JL/jian", "CN-JL"),
        ("RU-PRI/khasan", "RU-PRI"),
        ("KR-11", "KR"),
        ("KP-03/sino-korean-friendship-bridge", "KP-03/sinuiju"),
        ("KP-13/korea-russia-friendship-bridge", "KP-13"),
    ],
)
def test_gazetteer_place_has_parent(gaz: Gazetteer, place_id: str, parent: str) -> None:
    place = gaz.get(place_id)
    assert place is not None and place.parent == parent


def test_gazetteer_coordinates_are_rounded_and_in_region(gaz: Gazetteer) -> None:
    for place in gaz:
        assert round(place.lat, 4) == place.lat and round(place.lon, 4) == place.lon
        if place.country == "KP" and place.level != "country":
            assert 37.5 < place.lat < 43.1 and 124.1 < place.lon < 130.8, place.id


def test_gazetteer_crossing_names_chinese_side(raw_data: dict[str, Any]) -> None:
    bridge = next(
        p for p in raw_data["places"] if p["id"].endswith("sino-korean-friendship-bridge")
    )
    assert bridge["partner"] == "CN-LN/dandong"
    assert bridge["level"] == "crossing"


def test_gazetteer_crossings_across_a_foreign_city(gaz: Gazetteer) -> None:
    across = gaz.across("CN-LN/dandong")
    assert [p.id for p in across][:1] == ["KP-03/sino-korean-friendship-bridge"]  # by rank
    assert {p.id for p in across} >= {"KP-03/new-yalu-river-bridge"}
    assert all(p.level == "crossing" and p.partner == "CN-LN/dandong" for p in across)
    assert gaz.across("KP-03/sinuiju") == []


def test_gazetteer_data_file_is_small() -> None:
    ref = resources.files("koreawatch").joinpath("data", "gazetteer", "places.json")
    assert len(ref.read_bytes()) < 500_000


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Ryanggang", "KP-10"),
        ("Yanggang", "KP-10"),
        ("Ryangkang", "KP-10"),
        ("Yanggang Province", "KP-10"),
        ("량강도", "KP-10"),
        ("Saebyol", "KP-09/saebyol"),
        ("Saebyul County", "KP-09/saebyol"),
        ("Saebyeol", "KP-09/saebyol"),
        ("Kyongwon", "KP-09/saebyol"),
        ("Kyŏngwŏn", "KP-09/saebyol"),
        ("새별군", "KP-09/saebyol"),
        ("Sinuiju", "KP-03/sinuiju"),
        ("Sinŭiju", "KP-03/sinuiju"),
        ("Shingishu", "KP-03/sinuiju"),
        ("SINUIJU CITY", "KP-03/sinuiju"),
        ("Jagang", "KP-04"),
        ("Chagang", "KP-04"),
        ("Chagang-do", "KP-04"),
        ("North Hamgyong Province", "KP-09"),
        ("North Hamgyong", "KP-09"),
        ("Hamgyong-bukto", "KP-09"),
        ("Hamgyŏng-bukto", "KP-09"),
        ("Hamkyongbuk-do", "KP-09"),
        ("Hamgyeongbuk-do", "KP-09"),
        ("North Hamkyong", "KP-09"),
        ("North Hamkyung", "KP-09"),
        ("South Hamkyong", "KP-08"),
        ("Hamkyeongnamto", "KP-08"),
        ("Rason", "KP-13"),
        ("Rasŏn", "KP-13"),
        ("Raseon", "KP-13"),
        ("Rajin-Sonbong", "KP-13"),
        ("Nampho", "KP-14"),
        ("Kaeseong", "KP-15"),
        ("Panmunjom", "KP-15/panmun"),  # the truce village, in Kaesong's Panmun District
        ("P'yŏngyang", "KP-01"),
        ("Hyesan", "KP-10/hyesan"),
        ("Hyesan-si", "KP-10/hyesan"),
        ("Dandong", "CN-LN/dandong"),
        ("Primorsky Krai", "RU-PRI"),
    ],
)
def test_lookup_variant_resolves_to_id(gaz: Gazetteer, name: str, place_id: str) -> None:
    assert [p.id for p in gaz.lookup(name)][:1] == [place_id]


def test_lookup_unknown_name_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Atlantis") == []


def test_lookup_ambiguous_name_lists_bigger_place_first(gaz: Gazetteer) -> None:
    assert [p.id for p in gaz.lookup("Jilin")] == ["CN-JL", "CN-JL/jilin-city"]
    assert {p.id for p in gaz.lookup("Unsan")} == {"KP-02/unsan", "KP-03/unsan"}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Hamgyŏng-bukto", "hamgyongbukto"),
        ("Saebyul County", "saebyul"),
        ("Ch’ŏngjin-si", "chongjin"),
        ("Rason Special City", "rason"),
        ("Kangwon-do", "kangwon"),
    ],
)
def test_name_key_normalises_variant(name: str, key: str) -> None:
    assert name_key(name) == key


# --------------------------------------------------------------------------- hierarchy


@pytest.mark.parametrize(
    ("place_id", "province"),
    [
        ("KP-09/saebyol", "KP-09"),
        ("KP-10/hyesan", "KP-10"),
        ("KP-13/rajin", "KP-13"),
        ("KP-13/sonbong", "KP-13"),
        ("KP-15/panmun", "KP-15"),
        ("KP-13", "KP-13"),
        ("KP-03/sino-korean-friendship-bridge", "KP-03"),
        ("CN-LN/dandong", "CN-LN"),
        ("KP", None),
        ("XX-99", None),
    ],
)
def test_province_of_returns_province_level_unit(
    gaz: Gazetteer, place_id: str, province: str | None
) -> None:
    assert gaz.province_of(place_id) == province


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("KP-09", "KP-09/saebyol", True),
        ("KP", "KP-09/saebyol", True),
        ("KP-13", "KP-13/rajin", True),
        ("KP-13", "KP-13/korea-russia-friendship-bridge", True),
        ("KP-09", "KP-13/rajin", False),
        ("KP-06", "KP-15/panmun", False),
        ("KP-03/sinuiju", "KP-03/sino-korean-friendship-bridge", True),
        ("KP-10", "KP-10", True),
        ("CN", "CN-JL/hunchun", True),
        ("KP", "CN-JL/hunchun", False),
        ("KP-10", "nowhere", False),
    ],
)
def test_contains_follows_parents(gaz: Gazetteer, outer: str, inner: str, expected: bool) -> None:
    assert gaz.contains(outer, inner) is expected


# --------------------------------------------------------------------------- find_places


def test_find_places_offsets_with_nbsp(gaz: Gazetteer) -> None:
    text = "Guards in North\xa0Hamgyong\xa0Province sealed Saebyul\xa0County near Hyesan."
    found = find_places(text, gaz)
    assert [(m.place.id, m.text) for m in found] == [
        ("KP-09", "North\xa0Hamgyong\xa0Province"),
        ("KP-09/saebyol", "Saebyul\xa0County"),
        ("KP-10/hyesan", "Hyesan"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_find_places_prefers_longest_match(gaz: Gazetteer) -> None:
    found = _mentions("Trucks crossed the Sino-Korean Friendship Bridge from Sinuiju.", gaz)
    assert found == [
        ("Sino-Korean Friendship Bridge", "KP-03/sino-korean-friendship-bridge"),
        ("Sinuiju", "KP-03/sinuiju"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A source in Yanggang Province said", [("Yanggang Province", "KP-10")]),
        ("Sinuiju's traders", [("Sinuiju", "KP-03/sinuiju")]),
        ("in Hamgyŏng-bukto", [("Hamgyŏng-bukto", "KP-09")]),
        ("from Rajin-Sonbong", [("Rajin-Sonbong", "KP-13")]),
        ("in Jagang, or Chagang-do", [("Jagang", "KP-04"), ("Chagang-do", "KP-04")]),
        ("혜산에서 밀수꾼이", [("혜산", "KP-10/hyesan")]),
    ],
)
def test_find_places_matches_variant(gaz: Gazetteer, text: str, expected: list) -> None:
    assert _mentions(text, gaz) == expected


def test_find_places_resolves_ambiguity_by_province_context(gaz: Gazetteer) -> None:
    south = find_places("Farmers in Unsan, South Pyongan Province, were mobilised.", gaz)
    north = find_places("Farmers in Unsan, North Pyongan Province, were mobilised.", gaz)
    assert (south[0].place.id, south[0].reason) == ("KP-02/unsan", "context")
    assert (north[0].place.id, north[0].reason) == ("KP-03/unsan", "context")


def test_find_places_resolves_ambiguity_by_designator(gaz: Gazetteer) -> None:
    found = find_places("Traders from Jilin City and officials in Jilin Province", gaz)
    assert [(m.place.id, m.reason) for m in found] == [
        ("CN-JL/jilin-city", "designator"),
        ("CN-JL", "designator"),
    ]


def test_find_places_defaults_to_bigger_place(gaz: Gazetteer) -> None:
    found = find_places("Exports via Jilin rose.", gaz)
    assert (found[0].place.id, found[0].reason) == ("CN-JL", "default")


def test_find_places_border_phrase_gives_country(gaz: Gazetteer) -> None:
    found = find_places("Smuggling along the Chinese border and the border with Russia.", gaz)
    assert [(m.text, m.place.id, m.reason) for m in found] == [
        ("Chinese border", "CN", "border_phrase"),
        ("border with Russia", "RU", "border_phrase"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Hwasong-15 missile flew over the sea.",
        "Students at Kim Chaek University of Technology.",
        "Barges on the Taedong River and the Tumen River.",
        "Satan is a word, and so is sin.",
        "Let us go, said the officials.",
        "과일을 샀다.",
    ],
)
def test_find_places_skips_non_place_use(gaz: Gazetteer, text: str) -> None:
    assert find_places(text, gaz) == []


def test_find_places_stoplisted_name_matches_with_designator(gaz: Gazetteer) -> None:
    assert _mentions("He was born in Kim Chaek City.", gaz) == [
        ("Kim Chaek City", "KP-09/kim-chaek")
    ]


def test_find_places_no_false_positives_in_plain_english(gaz: Gazetteer) -> None:
    text = (
        "On Monday the committee met again. An official said that prices had risen and "
        "that the market would open soon. Ok, the minister added, nothing is certain. "
        "Sea levels, oil, rice, corn and sugar were discussed; Kim and Lee took notes. "
        "Under the new rules, most traders must register by March. Some Sunday mornings "
        "are quiet. Hope remains. The Union, the Senate and the House voted. Pay rose."
    )
    assert find_places(text, gaz) == []


def test_find_places_requires_capital_letter(gaz: Gazetteer) -> None:
    assert find_places("in hyesan and musan", gaz) == []


def test_find_places_uses_default_gazetteer() -> None:
    found = find_places("Dandong")
    assert found and isinstance(found[0].place, Place)
    assert found[0].place.id == "CN-LN/dandong"


# --------------------------------------------------------------------------- validation


def _minimal() -> dict[str, Any]:
    return {
        "places": [
            {
                "id": "KP",
                "level": "country",
                "name": "North Korea",
                "parent": None,
                "lat": 40.0,
                "lon": 127.0,
            },
            {
                "id": "KP-09",
                "level": "province",
                "name": "North Hamgyong Province",
                "parent": "KP",
                "lat": 41.8,
                "lon": 129.4,
                "aliases": ["Hamgyong-bukto"],
            },
            {
                "id": "KP-09/musan",
                "level": "county",
                "name": "Musan County",
                "parent": "KP-09",
                "lat": 42.2,
                "lon": 129.2,
            },
        ],
        "stoplist": [{"key": "musan", "policy": "designator"}],
    }


def test_parse_gazetteer_accepts_minimal_data() -> None:
    gaz = parse_gazetteer(_minimal())
    assert len(gaz) == 3
    assert gaz.province_of("KP-09/musan") == "KP-09"
    assert find_places("Musan and Musan County", gaz)[0].text == "Musan County"


@pytest.mark.parametrize(
    ("index", "field", "value", "message"),
    [
        (2, "lat", "north", "KP-09/musan"),
        (2, "lat", 123.0, "'lat'"),
        (2, "level", "village", "bad 'level'"),
        (2, "parent", "KP-08", "'parent' 'KP-08'"),
        (2, "id", "kp-09 musan", "bad 'id'"),
        (2, "id", "KP-08/musan", "id prefix"),
        (1, "aliases", "Hamgyong", "'aliases'"),
        (1, "name", "", "'name'"),
        (2, "id", "KP-09", "duplicate id"),
        (2, "partner", ["CN-JL/tumen"], "'partner'"),
    ],
)
def test_parse_gazetteer_rejects_malformed_entry(
    index: int, field: str, value: Any, message: str
) -> None:
    data = copy.deepcopy(_minimal())
    data["places"][index][field] = value
    with pytest.raises(GazetteerDataError, match=message.replace("(", r"\(")) as info:
        parse_gazetteer(data)
    assert isinstance(info.value, KoreaWatchError)


def test_parse_gazetteer_rejects_parent_cycle() -> None:
    data = _minimal()
    data["places"][0]["parent"] = "KP-09/musan"
    data["places"][0]["level"] = "province"
    with pytest.raises(GazetteerDataError, match="loops"):
        parse_gazetteer(data)


def test_parse_gazetteer_rejects_bad_stoplist_policy() -> None:
    data = _minimal()
    data["stoplist"] = [{"key": "musan", "policy": "sometimes"}]
    with pytest.raises(GazetteerDataError, match="stoplist #0"):
        parse_gazetteer(data)


def test_load_gazetteer_reports_unreadable_file(tmp_path) -> None:
    bad = tmp_path / "places.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="cannot read"):
        load_gazetteer(bad)


@pytest.mark.parametrize(("text", "place_id"), [
    # "Friendship Bridge" names two crossings: the one facing a foreign place the text
    # names, else the Yalu one at Sinuiju
    ("Freight trains resumed running across the Friendship Bridge from Khasan in 2022.",
     "KP-13/korea-russia-friendship-bridge"),
    ("Trucks crossed the Friendship Bridge from Dandong to Sinuiju.",
     "KP-03/sino-korean-friendship-bridge"),
    ("Trucks crossed the Friendship Bridge on Monday.", "KP-03/sino-korean-friendship-bridge"),
])
def test_places_the_friendship_bridge_by_the_place_it_faces(text: str, place_id: str) -> None:
    bridge = next(m for m in find_places(text) if m.text == "Friendship Bridge")
    assert bridge.place.id == place_id
