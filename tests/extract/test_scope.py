"""Which sentences of an article can hold events (``extract/scope.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.extract.pipeline import extract_article
from koreawatch.extract.scope import is_relevant, sentences_in_scope

# Illustrative texts written for these tests, not news reports.
PASSING = ("Illustrative. The senator toured a factory in Ohio on Monday. Police arrested two "
           "protesters outside. Workers asked about wages and pensions. The union planned a "
           "march. Reporters asked about the budget. The mayor spoke about roads.\n\n"
           "He also said North Korea closed its border with China in January. Guards arrested "
           "two smugglers there.")


def spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append((start, i + 1))
            start = i + 2
    return out


@pytest.mark.parametrize(
    ("title", "own_media", "expected"),
    [
        (None, False, {"Police arrested": False, "He also said": True, "Guards": True}),
        ("North Korea shuts border", False, {"Police arrested": True, "He also said": True,
                                            "Guards": True}),
        (None, True, {"Police arrested": True, "He also said": True, "Guards": True}),
    ],
)
def test_scope_passing_mention_keeps_only_its_sentences(
    title: str | None, own_media: bool, expected: dict[str, bool]
) -> None:
    sentences = spans(PASSING)
    scope = sentences_in_scope(PASSING, sentences, title=title, own_media=own_media)
    for prefix, kept in expected.items():
        start = next(s for s, _e in sentences if PASSING[s:].lstrip().startswith(prefix))
        assert (scope is None or start in scope) is kept, prefix


def test_scope_article_about_north_korea_keeps_everything() -> None:
    text = "Illustrative. North Korea closed the border. Police arrested two traders."
    assert sentences_in_scope(text, spans(text)) is None


# a titled opinion piece that opens on Pyongyang and then turns elsewhere
OPINION = ("Illustrative. The talks with North Korea have stalled. Critics say the policy "
           "failed. Police arrested two protesters in Paris. Japan imposed sanctions on its "
           "rival in 1938. The senator asked about wages. The mayor spoke about roads. The "
           "union planned a march. Reporters asked about the budget. Voters wanted change.")


@pytest.mark.parametrize(("title", "everything"),
                         [(None, True), ("", True), ("The end of maximum pressure", False)])
def test_scope_lead_stands_in_only_for_a_missing_title(title: str | None,
                                                        everything: bool) -> None:
    # a lead naming North Korea tells what an untitled article is about; a title that
    # names it not, with few sentences naming it, makes the lead a passing mention
    sentences = spans(OPINION)
    scope = sentences_in_scope(OPINION, sentences, title=title)
    assert (scope is None) is everything
    if scope is not None:
        kept = [OPINION[s:e].strip() for s, e in sentences if s in scope]
        assert kept[0].startswith("The talks") and not any("Paris" in k for k in kept)


@pytest.mark.parametrize(
    ("text", "title", "relevant"),
    [
        ("Pyongyang closed the border.", None, True),
        ("Traders in Sinuiju waited.", None, True),
        ("North Korean state media reported the news.", None, True),
        ("N. Korean troops moved.", None, True),
        ("Kim Yo Jong issued a press statement on Wednesday.", None, True),
        ("The WPK Central Committee sent relief materials.", None, True),
        ("The city council approved the budget on Tuesday.", None, False),
        ("The city council approved the budget.", "Kim Jong Un inspects a farm", True),
        ("The North has refused to talk.", None, True),
        ("Aid reached the North, which thanked Beijing.", None, True),
        ("The North Tower fell half an hour later.", None, False),
        ("Ships patrol the North Atlantic; food banks in the North Texas area are busy.", None,
         False),
        ("Rebels hold the north of the country.", None, False),
    ],
)
def test_scope_relevance_prefilter(text: str, title: str | None, relevant: bool) -> None:
    assert is_relevant(text, title) is relevant


@pytest.mark.model
def test_scope_pipeline_drops_events_of_an_unrelated_story() -> None:
    result = extract_article(PASSING, "ill-scope", date(2021, 3, 15))
    arrests = [e for e in result.events if e.type == "arrest"]
    assert [e.evidence.text.startswith("Guards") for e in arrests] == [True]
    assert any(e.type == "border_closure" for e in result.events)
