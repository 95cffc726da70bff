"""Tests of the quotes component (koreawatch.extract.quotes)."""

from __future__ import annotations

import pytest

from koreawatch.extract.quote_spans import find_quote_spans, word_count
from koreawatch.extract.quotes import QuoteDataError, find_quotes, load_lexicon, parse_lexicon


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will open the gate soon" on Monday.', ["we will open the gate soon"]),
        ("'The mine's party works all night,' the trader's cousin said.",
         ["The mine's party works all night,"]),
        ("The farmers' union met. 'Prices rose again this week,' she said.",
         ["Prices rose again this week,"]),
        ("'First part of the long remark.\n\n'Second part of it here.'",
         ["First part of the long remark.", "Second part of it here."]),
        ("The '90s band played for the workers' union at the mine.", []),
    ],
)
def test_find_quote_spans_pairs_marks(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ('"We open the gate today, he said. "Then trucks cross."', ["cut", "closed"]),
        ('"A quote that runs on.\n\n"And ends here."', ["open", "closed"]),
    ],
)
def test_find_quote_spans_reports_missing_closers(text: str, how: list[str]) -> None:
    assert [h for _, _, h in find_quote_spans(text)] == how


@pytest.mark.parametrize(
    ("text", "count"),
    [("fault...our supreme leadership", 4), ("the border's gate re-opened today", 5)],
)
def test_word_count_counts_words(text: str, count: int) -> None:
    assert word_count(text) == count


@pytest.mark.parametrize(
    "data",
    [[], {"speech_verbs": "say"}, {"speech_verbs": ["say"], "person_nouns": [""]}],
)
def test_parse_lexicon_rejects_bad_data(data: object) -> None:
    with pytest.raises(QuoteDataError):
        parse_lexicon(data)


def test_load_lexicon_has_core_verbs() -> None:
    assert {"say", "tell", "add"} <= load_lexicon().speech_verbs


# --------------------------------------------------------------------------- with the model


def _find(text: str, own_outlet: str | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    from koreawatch.extract.nlp import parse

    _, doc = parse(text)
    return [(doc.text[q.start : q.end], q.speaker, q.via) for q in find_quotes(doc, own_outlet)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The border will stay closed until the spring thaw," Maria Lopez said.', "Maria Lopez"),
        ('"Trade has almost stopped along the whole river," said Daniel Brooks, an analyst.',
         "Daniel Brooks"),
        ("Anna Berg spoke at the forum. She said: \"Nobody has crossed the river since March.\"",
         "Anna Berg"),
        ('Tom Hale runs a shop in Seoul.\n\n"Prices have doubled since the winter began," he said.',
         "Tom Hale"),
        ('"The guards now search every single truck at the bridge," a source said.', "source"),
        ('"Officials have closed the market for a second week," the spokesman said.',
         "spokesman"),
        ("Mara Lind, who studies the North, took note of an address Kim gave in May."
         '\n\n"Kim more or less said that he would wait for the Americans until autumn," '
         "she told NPR.", "Mara Lind"),
        # a full name opening its sentence is the subject even when the parser hangs it
        # elsewhere; "she" is her, not the analyst quoted before
        ("'The camp has grown faster than any we have seen,' said Martin Ellery.\n\n"
         "Lee Soon-ok, not her real name, escaped from Hyesan in 2018 and now lives in Seoul."
         "\n\n'They want you to carry that picture home and be too frightened to think "
         "about the river ever again,' she said.", None),
        # a town the model tags as a person says nothing; "he" is the man named before it
        ("Choi Min-ho served as a border guard.\n\nHe waded across the river from the "
         "outskirts of Hyesan, a smuggling hub. \"We held our boots above our heads the "
         "whole way,\" he said.", "Choi Min-ho"),
        # an aside set off by dashes is no part of the name
        ("Kim Ye-jin was 16 then.\n\nMs Kim - not her real name - fled across the Yalu two "
         "years later. \"It was like looking through a window into another world,\" she "
         "says.", "Kim Ye-jin"),
        # "she" for "Ms Kim" is the woman named Kim before, not a later man of that name
        ("When Kim Ye-jin was 16, her teachers marched the class to a trial.\n\nKim Jong Un "
         "later called for more weapons.\n\nMs Kim still thinks about her classmates. \"Some of "
         "them are probably in those camps now,\" she says.", "Kim Ye-jin"),
        # "its foreign ministry" is the ministry
        ('North Korea denies it. "The report is a fabrication cooked up by hostile forces '
         'against us," its foreign ministry said.', "foreign ministry"),
    ],
)
def test_find_quotes_finds_speaker(text: str, speaker: str | None) -> None:
    if speaker is None:  # two quotes: the analyst's, then hers
        assert [s for _, s, _ in _find(text)] == ["Martin Ellery", "Lee Soon-ok"]
        return
    assert [s for _, s, _ in _find(text)] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "via"),
    [
        ('"The trains will run again next month," Ken Adams told Reuters.', ("Reuters",)),
        ('"The trains will run again next month," Ken Adams said, per Reuters.', ("Reuters",)),
        ('"The trains will run again next month," Ken Adams said.', ()),
        ('"The trains will run again next month," a source told Daily NK.', ("Daily NK",)),
        # "the outlet" is the outlet the text named last
        ('Daily NK reported the order on Monday. "Anyone who approaches the river will be '
         'shot," the source told the outlet.', ("Daily NK",)),
        ('"Anyone who approaches the river will be shot," the source told the outlet.', ()),
        # a statement carried by or released through the agency
        ('"We will never tolerate such provocations," Kim Yo Jong said in a statement '
         'carried by the official Korean Central News Agency.', ("KCNA",)),
        ('"We will never tolerate such provocations," Kim Yo Jong said in a statement '
         'released through KCNA.', ("KCNA",)),
        # said on a broadcaster's programme
        ('"We can create conditions for real economic prosperity," Pompeo said on CBS '
         '"Face the Nation."', ("CBS",)),
        ('"Smuggling is a multibillion dollar industry in the region," Judd said on Fox News '
         'Radio\'s "The Todd Starnes Show."', ("Fox News Radio",)),
        ('"We will keep the border closed until the end of the year," Ken Adams said on '
         'Monday.', ()),
    ],
)
def test_find_quotes_finds_via(text: str, via: tuple[str, ...]) -> None:
    assert [v for _, _, v in _find(text)] == [via]


@pytest.mark.model
def test_find_quotes_she_is_not_a_man_met_as_such() -> None:
    text = ('Ms Haley said the council must act.\n\nKim Jong-un had shown through his '
            'actions that he wanted a fight, she said.\n\n"War is never something the '
            'United States wants," she continued.')
    assert [s for _, s, _ in _find(text)] == ["Haley"]


@pytest.mark.model
def test_find_quotes_a_surname_the_model_missed_is_the_person_named_before() -> None:
    # illustrative: "Park" alone is no entity to the model, but it is Park Jin-su again,
    # and "he" is Park, not the general named in between
    text = ('Park Jin-su, 46, drove a lorry for a state trading company.\n\n'
            'In September 2020, Gen Robert Abrams said troops had orders to shoot.\n\n'
            'Park still speaks now and then with a cousin in Onsong. "Now the soldiers '
            'do not take cigarettes from anyone," he said.')
    assert [s for _, s, _ in _find(text)] == ["Park Jin-su"]


@pytest.mark.model
def test_find_quotes_a_title_met_before_a_name_is_that_person() -> None:
    text = ('North Korean leader Kim Jong Un visited the port.\n\n"We will strike any ship '
            'that enters our waters," the North Korean leader said.\n\n"The trade talks '
            'went very well for both sides today," the president said.')
    assert [s for _, s, _ in _find(text)] == ["Kim Jong Un", "president"]


@pytest.mark.model
def test_find_quotes_quoted_as_saying_is_the_person_via_the_outlet() -> None:
    text = '"The South will pay dearly for this provocation," KCNA quoted Kim Yo Jong as saying.'
    assert [(s, v) for _, s, v in _find(text)] == [("Kim Yo Jong", ("KCNA",))]


@pytest.mark.model
def test_find_quotes_carries_speaker_and_via_to_the_next_paragraph() -> None:
    text = ('"We have waited for the aid trucks for weeks," Lena Cho told CNN.\n\n'
            '"Nobody in the village has eaten meat since spring."')
    assert [(s, v) for _, s, v in _find(text)] == [("Lena Cho", ("CNN",))] * 2


@pytest.mark.model
@pytest.mark.parametrize("own_outlet", ["CNN", "CNN (Web News)", "CNN - Editorial"])
def test_find_quotes_drops_via_to_own_outlet(own_outlet: str) -> None:
    text = '"We have waited for the aid trucks for weeks," Lena Cho told CNN.'
    assert [v for _, _, v in _find(text, own_outlet=own_outlet)] == [()]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The party put "people first" this year, Sam Reed said.',
        'The decision "On improving the supply of fertilizer to the farms" was adopted.',
        'Officials were told to "report any strangers seen near the river bank" at once.',
    ],
)
def test_find_quotes_skips_scare_quotes_and_titles(text: str) -> None:
    assert _find(text) == []


def test_find_quotes_a_known_outlet_the_model_took_for_a_person_is_still_the_via() -> None:
    # illustrative: spaCy tags "Yonhap" here as a PERSON; it is a known outlet
    found = _find('"Pyongyang will probably prefer Chinese vaccines," Moon Hye-rin, a '
                  'researcher, told Yonhap.', own_outlet="The New York Times")
    assert [(speaker, via) for _text, speaker, via in found] == [("Moon Hye-rin", ("Yonhap",))]


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker"), [
    # an unnamed person is "source", as the spec asks
    ('"Nobody dares go near the river now," a resident of Hoeryong told the outlet.',
     "source"),
    ('"They tell us to sell at the state price," the trader said.', "source"),
    ('"Nobody is given a date to leave," the diplomat told NK News.', "source"),
    # "he" for an unnamed person named before is that person, unnamed
    ('A police officer in Tumen spoke to CNN. "We are catching fewer couriers than before," '
     'he said.', "source"),
    # a title can stand for someone known and keeps its words
    ('"The talks will go ahead as planned next week," a foreign ministry spokesman said.',
     "foreign ministry spokesman"),
])
def test_find_quotes_an_unnamed_person_is_source(text: str, speaker: str) -> None:
    assert [s for _t, s, _v in _find(text)] == [speaker]


@pytest.mark.model
def test_find_quotes_an_unnamed_speaker_is_no_via_of_another_quote() -> None:
    text = ('A Sinuiju resident told RFA that the workers had come home. "The directive said '
            'the workers were sent abroad to earn money for the state," the resident said.')
    assert [(s, v) for _t, s, v in _find(text)] == [("source", ("RFA",))]


@pytest.mark.model
def test_a_town_tagged_as_a_person_is_no_person() -> None:
    from spacy.tokens import Span

    from koreawatch.extract.nlp import parse
    from koreawatch.extract.quotes import _places_as_people

    text = "Chung Eui-yong met Ri Chol near Hyesan. Chung said Ri waded across from Hyesan."
    _, doc = parse(text)
    words = [t.text for t in doc]
    # force the model's occasional tags: towns and bare surnames as people
    spans = [(i, i + 1) for i, w in enumerate(words) if w in ("Hyesan", "Chung", "Ri")]
    spans += [(0, words.index("met")), (words.index("Ri"), words.index("Ri") + 2)]
    doc.ents = [Span(doc, a, b, label="PERSON") for a, b in sorted(set(spans))
                if (a, b) not in ((0, 1), (words.index("Ri"), words.index("Ri") + 1))]
    places = _places_as_people(doc)
    # Hyesan is a town wherever it stands; Chung, a district of Pyongyang too, is the
    # surname of the man named in full
    assert {words[i] for i in places} == {"Hyesan"}
    assert len(places) == 2
