from __future__ import annotations

import pytest

from koreawatch.text import content_hash, normalize, separate_dateline, unglue_names


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("a\xa0 b", "a b"),
        ("  lead and trail  ", "lead and trail"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("one \n two", "one\ntwo"),
        ("it\u2019s \u201cquoted\u201d", "it's \"quoted\""),
        ("", ""),
    ],
)
def test_normalize_text(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize("word", ["officials", "region", "Hyesan"])
def test_normalize_maps_offsets_back_to_original(word: str) -> None:
    original = "MSS\xa0\xa0officials  in the\u2009region\n\n\nof  Hyesan."
    norm = normalize(original)
    start = norm.text.index(word)
    o_start, o_end = norm.to_original(start, start + len(word))
    assert original[o_start:o_end] == word
    assert norm.to_normalized(o_start) == start


def test_normalize_span_across_collapsed_space_covers_original() -> None:
    original = "closed\xa0\xa0 the bridges"
    norm = normalize(original)
    start, end = norm.to_original(0, len("closed the"))
    assert original[start:end] == "closed\xa0\xa0 the"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("North Korea  shut the border.", "North Korea shut the border.\n", True),
        ("It\u2019s closed.", "It's closed.", True),
        ("The border is closed.", "The border is open.", False),
    ],
)
def test_content_hash_ignores_spacing_only(a: str, b: str, same: bool) -> None:
    assert (content_hash(a) == content_hash(b)) is same


@pytest.mark.parametrize(
    ("original", "head", "rest"),
    [
        ("SEOUL, South Korea (AP) - North Korea said Monday it would cut the lines.",
         "SEOUL, South Korea (AP)", "North Korea said Monday"),
        ("Pyongyang, July 29 (KCNA) --Kim Jong Un inspected the flood-hit areas.",
         "Pyongyang, July 29 (KCNA)", "Kim Jong Un inspected"),
        ("SEOUL (Reuters) \u2014 South Korean authorities have seized a ship.",
         "SEOUL (Reuters)", "South Korean authorities"),
    ],
)
def test_separate_dateline_makes_it_a_paragraph_and_keeps_offsets(
        original: str, head: str, rest: str) -> None:
    norm = separate_dateline(normalize(original))
    assert norm.text.startswith(head + "\n\n" + rest)
    start = norm.text.index(rest)
    o_start, o_end = norm.to_original(start, start + len(rest))
    assert original[o_start:o_end] == rest


@pytest.mark.parametrize("original", ["North Korea (DPRK) - the country is isolated.",
                                      "Kim Jong Un (left) - with his sister - waved."])
def test_separate_dateline_leaves_other_brackets_alone(original: str) -> None:
    assert separate_dateline(normalize(original)).text == normalize(original).text


def test_unglue_names_sets_a_leaders_name_apart_and_keeps_offsets() -> None:
    original = "The respected ComradeKim Jong Unexpressed thanks toKim Yo Jong."
    norm = unglue_names(normalize(original))
    assert norm.text == "The respected Comrade Kim Jong Un expressed thanks to Kim Yo Jong."
    for word in ("Kim Jong Un", "expressed", "Kim Yo Jong"):
        start = norm.text.index(word)
        o_start, o_end = norm.to_original(start, start + len(word))
        assert original[o_start:o_end] == word
    assert unglue_names(normalize("Kim Jong Un met Kim Yo Jong.")).text == \
        "Kim Jong Un met Kim Yo Jong."
