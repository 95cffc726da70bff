"""Tests of the outlet data, source-name normalization and the attribution finder."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib import resources
from typing import Any

import pytest

from koreawatch.errors import KoreaWatchError
from koreawatch.extract.attribution import attribution_for, find_attributions
from koreawatch.extract.outlets import (
    KINDS,
    OutletDataError,
    is_own_outlet,
    load_outlets,
    normalize_source,
    parse_outlets,
)
from koreawatch.extract.pipeline import extract_article
from koreawatch.models import Attribution


@pytest.fixture(scope="module")
def raw_data() -> dict[str, Any]:
    ref = resources.files("koreawatch").joinpath("data", "outlets.json")
    return json.loads(ref.read_text("utf-8"))


# --------------------------------------------------------------------------- the data


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Radio Free Asia", "RFA"),
        ("RFA's Korean Service", "RFA"),
        ("Korean Central News Agency", "KCNA"),
        ("Yonhap News Agency", "Yonhap"),
        ("the Associated Press", "AP"),
        ("the AP", "AP"),
        ("Public Radio International", "PRI"),
        ("Korea Institute for International Economic Policy", "KIEP"),
        ("South Korea's spy agency", "NIS"),
        ("National Intelligence Service", "NIS"),
        ("the U.N.", "UN"),
        ("DailyNK", "Daily NK"),
        ("the Daily NK web site", "Daily NK"),
        ("reuters", "Reuters"),
        # China's customs agency under the name reports (and annotators) give it most
        ("China's General Administration of Customs", "Chinese customs"),
        ("China Customs", "Chinese customs"),
    ],
)
def test_outlets_canonical_maps_alias(alias: str, canonical: str) -> None:
    assert load_outlets().canonical(alias) == canonical


@pytest.mark.parametrize(
    ("name", "kind"),
    [("KCNA", "state_media"), ("Daily NK", "outlet"), ("Yonhap", "agency"),
     ("38 North", "think_tank"), ("Ministry of Unification", "government"),
     ("UN", "international_org"), ("Human Rights Watch", "ngo"), ("a source", None)],
)
def test_outlets_kind_of_name(name: str, kind: str | None) -> None:
    assert load_outlets().kind(name) == kind


def test_outlets_data_has_provenance_and_valid_kinds(raw_data: dict[str, Any]) -> None:
    assert "provenance" in raw_data["_about"]
    assert {e["kind"] for e in raw_data["outlets"]} <= set(KINDS)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["outlets"][0].update(kind="blog"), "bad 'kind' 'blog'"),
        (lambda d: d["outlets"][1].update(name=""), "outlets #1"),
        (lambda d: d["outlets"][0].update(aliases="RFA"), "'aliases' must be a list"),
        (lambda d: d["outlets"][0].update(colour="red"), "unknown keys"),
        (lambda d: d["outlets"][1]["aliases"].append("Daily NK"), "already names 'Daily NK'"),
        (lambda d: d.pop("_about"), "_about"),
        (lambda d: d.pop("outlets"), "'outlets' list"),
    ],
)
def test_parse_outlets_rejects_bad_entry_with_its_name(
    raw_data: dict[str, Any], mutate: Any, message: str
) -> None:
    data = copy.deepcopy(raw_data)
    mutate(data)
    with pytest.raises(OutletDataError, match=message) as info:
        parse_outlets(data)
    assert isinstance(info.value, KoreaWatchError)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Radio Free Asia", "RFA"),
        ("the Associated Press,", "AP"),
        ("a source in Yanggang Province", "a source in Yanggang Province"),
        ("  \"a source in Yanggang Province.\" ", "a source in Yanggang Province"),
        ("sources", "sources"),
        ("Seoul military officials", "Seoul military officials"),
        ("the North's official KCNA news agency", "KCNA"),
        ("South Korea's Yonhap news agency", "Yonhap"),
        ("the official Rodong Sinmun newspaper", "Rodong Sinmun"),
        ("South Korean media", "South Korean media"),
        ("the official in charge", "the official in charge"),
    ],
)
def test_normalize_source_canonical_or_cleaned(name: str, expected: str) -> None:
    assert normalize_source(name) == expected


# --------------------------------------------------------------------------- attribution_for


def _att(chain: tuple[str, ...], start: int, end: int) -> Attribution:
    return Attribution(chain, start, end, start, start + 1, not chain, "test")


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((10, 20), ("inner",)),  # innermost wins
        ((0, 90), ("outer",)),  # only the sentence covers it
        ((45, 100), ("outer",)),  # 'inner' covers too little of it
        ((150, 160), None),  # nothing covers it
        ((28, 60), ("inner",)),  # 'inner' covers 30 of 32 chars (at least 85 %)
    ],
)
def test_attribution_for_picks_innermost_covering(
    span: tuple[int, int], expected: tuple[str, ...] | None
) -> None:
    atts = [_att(("outer",), 0, 100), _att(("inner",), 5, 58)]
    found = attribution_for(atts, *span)
    assert (found.chain if found else None) == expected


# --------------------------------------------------------------------------- find_attributions


@pytest.fixture(scope="module")
def nlp() -> Any:
    from koreawatch.extract.nlp import load_model

    return load_model()


def _chain_at(nlp: Any, text: str, phrase: str, outlet: str | None = None
              ) -> tuple[tuple[str, ...] | None, str | None]:
    doc = nlp(text)
    start = doc.text.index(phrase)
    att = attribution_for(find_attributions(doc, outlet=outlet), start, start + len(phrase))
    return (att.chain, att.reason) if att else (None, None)


CASES = [
    # (text, phrase to look up, expected chain, reason prefix)
    # the model makes the outlet the root and its verb a clause on it; still the speaker
    ("Daily NK, a Seoul-based website with informants in the North, reported in April, "
     "citing a source in Ryanggang Province, that more than 30 people had been arrested in "
     "Hyesan.", "more than 30 people had been arrested in Hyesan",
     ("Daily NK", "a source in Ryanggang Province"), "speech.citing"),
    # declaring a zone and telling guards to shoot are acts, not claims: the source is
    # whoever the article cites
    ("In 2020 the North declared a buffer zone along the Yalu and told guards to shoot "
     "anyone who entered it, according to United States Forces Korea.",
     "told guards to shoot anyone", ("United States Forces Korea",), "according_to"),
    # a speaker closing the sentence after a comma, parsed as a conjoined clause, still
    # speaks for all of it
    ("Since late August, mobile inspection teams have been stopping pedestrians in Chongjin "
     "and ordering them to unlock their phones, a source in North Hamgyong Province told NK "
     "News, requesting anonymity.", "stopping pedestrians in Chongjin",
     ("NK News", "a source in North Hamgyong Province"), "speech.told"),
    # a name in apposition that the model parses as a second subject is the speaker
    ("A tourist on the first trip, Martin Kessler, a 52-year-old software engineer from "
     "Germany, told Reuters that guides had taken the group's temperatures every morning.",
     "guides had taken the group's temperatures", ("Martin Kessler",), "speech"),
    # a speech verb conjoined to the first is still the speaker's claim
    ("Daily NK reported that guards were moved and said fences were built.",
     "fences were built", ("Daily NK",), "speech"),
    ("According to Daily NK, which cited a source in Ryanggang Province, the state has "
     "sent more guards to the river.", "the state has sent more guards to the river",
     ("Daily NK", "a source in Ryanggang Province"), "according_to.citing"),
    ("According to RFA, citing a resident of Hyesan, the market was shut in May.",
     "the market was shut in May", ("RFA", "a resident of Hyesan"), "according_to.citing"),
    ("Yonhap, citing KCNA, reported that the bridge was closed.", "the bridge was closed",
     ("Yonhap", "KCNA"), "speech.citing"),
    ("The Associated Press reported on Monday, citing the Korean Central News Agency, that "
     "the schools were closed.", "the schools were closed", ("AP", "KCNA"), "speech.citing"),
    ("Yonhap quoted a border trader as saying that trucks had stopped crossing.",
     "trucks had stopped crossing", ("Yonhap", "a border trader"), "speech.quoted"),
    ("Reuters quoted a border trader as saying that trucks had stopped crossing.",
     "trucks had stopped crossing", ("a border trader",), "speech.quoted"),  # its own
    # the passive: the one quoted is the speaker, the one quoting (if named) cites them
    ("Five traders were detained last week, a resident of Hyesan was quoted as saying.",
     "Five traders were detained last week", ("a resident of Hyesan",), "speech"),
    ("Five traders were detained last week, a resident was quoted by Yonhap as saying.",
     "Five traders were detained last week", ("Yonhap", "a resident"), "speech.quoted"),
    ("A source told Daily NK that two smugglers were arrested last week.",
     "two smugglers were arrested last week", ("Daily NK", "A source"), "speech.told"),
    ("Ten fishermen were detained at the port, a trader in Sinuiju told Radio Free Asia.",
     "Ten fishermen were detained at the port", ("RFA", "a trader in Sinuiju"),
     "speech.told"),
    ("The crossing was sealed, an official told reporters.", "The crossing was sealed",
     ("an official",), "speech"),
    ("The ferry service was halted, according to the Unification Ministry.",
     "The ferry service was halted", ("Ministry of Unification",), "according_to"),
    ("Exports of coal resumed in June, according to a report by 38 North.",
     "Exports of coal resumed in June", ("38 North",), "according_to"),
    ("The factory was closed for a month, per Yonhap News Agency.",
     "The factory was closed for a month", ("Yonhap",), "per"),
    ("South Korea's spy agency said the country had executed two officials.",
     "the country had executed two officials", ("NIS",), "speech"),
    ("Officials said the quarantine would last 40 days.", "the quarantine would last 40 days",
     ("Officials",), "speech"),
    ("Sources said the guards fired at a man crossing the river.",
     "the guards fired at a man crossing the river", ("Sources",), "speech"),
    ("The country reportedly closed its border in January.",
     "The country reportedly closed its border in January", (), "hedge"),
    ("The man is said to have crossed the river at night.",
     "The man is said to have crossed the river at night", (), "hedge"),
    ("Traders were allegedly fined for selling rice.",
     "Traders were allegedly fined for selling rice", (), "hedge"),
    ("The guards fired at the boat, the letter said, according to the South's security "
     "adviser Suh Hoon.", "The guards fired at the boat",
     ("the South's security adviser Suh Hoon", "the letter"), "according_to.speech"),
    ("Troops were deployed to the border, sources told Reuters.",
     "Troops were deployed to the border", ("sources",), "speech"),
    ("Security forces arrested three people in Hyesan for using Chinese mobile phones, a "
     "source in Ryanggang Province told Daily NK on Thursday.",
     "Security forces arrested three people", ("Daily NK", "a source in Ryanggang Province"),
     "speech.told"),
    ("Chinese President Xi Jinping told Kim that China was willing to provide assistance.",
     "China was willing to provide assistance", ("Chinese President Xi Jinping",), "speech"),
    # an outlet's source: the outlet, then its source
    ("According to a Daily NK source in Ryanggang Province, the border was sealed.",
     "the border was sealed", ("Daily NK", "a source in Ryanggang Province"), "according_to"),
    ("RFA sources in Sinuiju said the market was shut.", "the market was shut",
     ("RFA", "sources in Sinuiju"), "speech"),
    ("The president tweeted on Wednesday that trade with North Korea had grown.",
     "trade with North Korea had grown", ("The president",), "speech"),
    ("Chinese customs data show that coal shipments stopped in March.",
     "coal shipments stopped in March", ("Chinese customs data",), "speech"),
    ("The economy shrank, according to estimates by South Korea's central bank.",
     "The economy shrank", ("Bank of Korea",), "according_to"),
    # a reason cited is no source
    ("Kim said the country would not accept outside help, citing the risk of the virus.",
     "the country would not accept outside help", ("Kim",), "speech"),
    # "citing X, that ...": the small model hangs the reported clause on X
    ("Yonhap reported, citing the National Intelligence Service, that the North deployed "
     "more troops to the border.", "the North deployed more troops", ("Yonhap", "NIS"),
     "speech.citing"),
    # bodies that speak: a think tank, an embassy
    ("Freight trains could run again next month, a South Korean think tank said Tuesday.",
     "Freight trains could run again", ("a South Korean think tank",), "speech"),
    ("The train reached the station on Monday, the embassy said in a post.",
     "The train reached the station", ("the embassy",), "speech"),
    # a described source named by its apposition
    ("The Beijing-based company that ran the trip, Eastern Gate Travel, said it had "
     "suspended its tours.", "it had suspended its tours", ("Eastern Gate Travel",), "speech"),
    # imagery shows
    ("Satellite imagery shows that new fences were built along the river.",
     "new fences were built", ("Satellite imagery",), "speech"),
    # the speaker after its verb, which spaCy coordinates with the root
    ("Pyongyang sent a special team of about 40 police officers to the county in early "
     "May, said a second source, a resident of Musan county.",
     "Pyongyang sent a special team", ("a second source",), "speech"),
    # ... or as a second subject of the speech verb, after a comma
    ("A first, smaller consignment of UNICEF supplies, mainly essential medicines and "
     "nutrition items, crossed by rail from Dandong to Sinuiju in February, UNICEF said at "
     "the time.", "crossed by rail", ("UNICEF",), "speech"),
    # ... and a subjectless root over the main clause, its speaker an apposition before it
    ("North Korean authorities have detained at least five suspected smugglers in Manpo, "
     "Jagang Province, since an inspection team sent from Pyongyang began searching the "
     "city's riverside markets, a source in the province told Reuters.",
     "have detained at least five",
     ("a source in the province",), "speech"),
    # trade associations, reporting partners and customs figures are sources too
    ("Cargo trucks have begun crossing the bridge into Rason, a Seoul-based trade "
     "association said on Thursday.", "Cargo trucks have begun crossing",
     ("a Seoul-based trade association",), "speech"),
    ("A trader was arrested in late February, the partner added.", "A trader was arrested",
     ("the partner",), "speech"),
    ("Trade dwindled to almost nothing, according to Russian customs figures.",
     "Trade dwindled", ("Russian customs figures",), "according_to"),
    # a comment after a comma is no part of the source's name
    ("North Korea has put up new fencing since April, according to satellite imagery "
     "reviewed by NK News, a sign that the measures are hardening.", "put up new fencing",
     ("satellite imagery reviewed by NK News",), "according_to"),
    # two sources joined by "and": the first is named alone, not the words up to the
    # second one's modifier
    ("Through 2020 and 2021, according to defectors and satellite imagery studied by "
     "researchers, the authorities added a second fence along the riverbank.",
     "added a second fence", ("defectors",), "according_to"),
    # the speaker parsed as an apposition of the last noun, right before its verb
    ("MSS agents carried out searches of homes and detained at least five people found "
     "with Chinese phones, a source in North Hamgyong Province told Daily NK.",
     "detained at least five", ("Daily NK", "a source in North Hamgyong Province"),
     "speech.told"),
    # what follows a colon is what the data show; what comes before one is the article's
    ("Chinese customs data show what happened next: China's imports from North Korea fell "
     "by almost 90 percent last year.", "imports from North Korea fell",
     ("Chinese customs data",), "speech"),
    ("North Korea sealed its border in January 2020, and trade has all but vanished: Chinese "
     "customs figures suggest official commerce between the two fell by around 80% last "
     "year.", "official commerce", ("Chinese customs figures",), "speech"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "chain", "reason"), CASES)
def test_find_attributions_chain_by_rule(
    nlp: Any, text: str, phrase: str, chain: tuple[str, ...], reason: str
) -> None:
    found_chain, found_reason = _chain_at(nlp, text, phrase, outlet="Reuters")
    assert found_chain == chain
    assert found_reason is not None and found_reason.startswith(reason)


def test_find_attributions_before_a_colon_the_article_speaks(nlp: Any) -> None:
    text = ("North Korea sealed its border in January 2020, and trade has all but vanished: "
            "Chinese customs figures suggest official commerce between the two fell by "
            "around 80% last year.")
    assert _chain_at(nlp, text, "sealed its border") == (None, None)


def test_find_attributions_speakers_own_act_after_its_claim_is_no_claim(nlp: Any) -> None:
    text = ("The North acknowledged its first outbreak in May 2022 and imposed a nationwide "
            "lockdown.")
    assert _chain_at(nlp, text, "imposed a nationwide lockdown")[0] is None
    assert _chain_at(nlp, text, "its first outbreak")[0] == ("The North",)
    # "..., and said ..." with the subject of the main clause adds a claim: the act before
    # it is the speaker's own
    text = ("Kim Yo Jong dismissed reports of arms exports as absurd and said the country "
            "had no intention of selling weapons.")
    assert _chain_at(nlp, text, "dismissed reports of arms exports")[0] is None
    # letting tourists in is no admission of a fact
    text = ("Pyongyang began admitting Russian tour groups in February last year, when nearly "
            "100 tourists from Vladivostok went skiing at the Masikryong resort, but has kept "
            "its borders largely shut to other foreign visitors.")
    assert _chain_at(nlp, text, "has kept its borders largely shut")[0] is None
    # an order given is no report of what the order is about
    assert _chain_at(nlp, "Officials told residents to stay away from the river.",
                     "stay away from the river")[0] is None


CONTINUATION = [
    # a named chain covers the rest of its paragraph; a hedge there keeps the chain
    # "Radio Free Asia (RFA), citing ..., said" parsed with the outlet as the subject of
    # "citing"; later "the broadcaster" is the outlet alone, "the resident" its informant
    ("Radio Free Asia (RFA), citing a resident of South Hamgyong Province, said the trial "
     "took place last Thursday in Hamhung.", "the trial took place last Thursday",
     ("RFA", "a resident of South Hamgyong Province")),
    ("Radio Free Asia (RFA), citing a resident of South Hamgyong Province, said the trial "
     "took place last Thursday in Hamhung.\n\nNo death sentences were handed down, "
     "according to the broadcaster.", "No death sentences were handed down", ("RFA",)),
    ("Radio Free Asia (RFA), citing a resident of South Hamgyong Province, said the trial "
     "took place last Thursday in Hamhung.\n\nThe team has been searching phones at "
     "schools since January, according to the resident.", "searching phones at schools",
     ("RFA", "a resident of South Hamgyong Province")),
    ("According to Daily NK, which cited a source in Hyesan, more agents were sent to the "
     "city. Those agents have reportedly searched homes for phones.",
     "Those agents have reportedly searched homes for phones",
     ("Daily NK", "a source in Hyesan")),
    ("UPI reported, citing KIEP, that trade could resume in April. That suggested that the "
     "border might reopen.", "the border might reopen", ("UPI", "KIEP")),
    # "she says" with no chain before it: the person just named
    ("Kang Na-ra fled to the South in 2014. She says she was caught twice by the guards.",
     "she was caught twice by the guards", ("Kang Na-ra",)),
    # "told the outlet": the outlet cited before, with the new informant; with no outlet
    # before it, the informant alone
    ("Daily NK reported, citing a source in Sinuiju, that guards were sent to a camp.\n\n"
     "A separate source in Hyesan told the outlet that three people had been arrested.",
     "three people had been arrested", ("Daily NK", "A separate source in Hyesan")),
    ("A source in Hyesan told the website that three people had been arrested.",
     "three people had been arrested", ("A source in Hyesan",)),
    # the source acting in the next sentence is told by the article, not by the source
    ("North Korea has repeatedly claimed that it has no coronavirus cases. The North shut "
     "its border with China in late January.", "The North shut its border", None),
    # a paragraph break ends it
    ("According to Daily NK, more agents were sent to the city.\n\nThe border was closed "
     "in March.", "The border was closed in March", None),
    # an anaphoric cue restarts the chain after a paragraph break
    ("A source in Hoeryong told Daily NK that the market was shut.\n\nThe source added "
     "that three traders were arrested.", "three traders were arrested",
     ("Daily NK", "A source in Hoeryong")),
    ("The police arrested two men. He said nothing about it.", "The police arrested two men",
     None),
    # "the report says" with only a person's chain before it: the report, not the person
    ("Choi, a farmer, told the BBC she fled in 2019.\n\nThe group published its study on "
     "Monday. Among other cases, the report says, a man was shot in Hyesan in 2020.",
     "a man was shot in Hyesan", ("the report",)),
    # "the report said" goes back to the body that spoke "in a report", past a person
    ("In a report released on Tuesday, the Hanmaum Institute said the camps had grown. "
     "Ms Lim said prices rose. The border would stay shut for months, the report said.",
     "The border would stay shut for months", ("the Hanmaum Institute",)),
    # a bare "reportedly" in a paragraph with no named chain stays unnamed
    ("Back in January, the country reportedly shut the border. It was reopened in May.",
     "the country reportedly shut the border", ()),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "chain"), CONTINUATION)
def test_find_attributions_continuation_reach(
    nlp: Any, text: str, phrase: str, chain: tuple[str, ...] | None
) -> None:
    assert _chain_at(nlp, text, phrase)[0] == chain


EMBEDDED = [
    # an embedded speech verb covers its clause only, not the sentence, and not a verb
    # conjoined to it: that is the speaker's own act
    ("The outbreak began in May, when Kim admitted an outbreak in Kaesong and ordered a "
     "lockdown of the city.", "ordered a lockdown", None),
    ("The outbreak began in May, when Kim admitted an outbreak in Kaesong and ordered a "
     "lockdown of the city.", "an outbreak in Kaesong", ("Kim",)),
    # a negated speech verb tells nothing; "added soldiers" is no speech
    ("North Korea did not confirm a single case until May, when it ordered a lockdown.",
     "it ordered a lockdown", None),
    ("North Korea has added soldiers to its guard posts in Kangwon province.",
     "added soldiers to its guard posts", None),
    ("China denied the smuggling, after the president said he was unhappy.",
     "China denied the smuggling", None),
    ("The army blew up the tunnels, which Pyongyang said was proof of its pledge.",
     "which Pyongyang said was proof of its pledge", ("Pyongyang",)),
    # the speaker's own description is the article's, not the speaker's
    ("Park, a defector who fled North Korea in 2006, said the event was moving.",
     "a defector who fled North Korea in 2006", None),
    # "according to" a plan or an estimate is no source
    ("Repairs went ahead according to the plan.", "Repairs went ahead", None),
    # the reported clause parsed as the root, the speech verb as a clause before its "that"
    ("Radio Free Asia (RFA) reported last month, citing a resident of Sinuiju, that MSS "
     "agents had begun searching trucks from Dandong at the bridge.",
     "searching trucks from Dandong", ("RFA", "a resident of Sinuiju")),
    # the cited sources' own "said" tells through the chain that cites them
    ("Three planes flew to Shenyang on Monday, South Korea's Yonhap news agency reported, "
     "citing unnamed sources who said the aircraft picked up medical supplies.",
     "picked up medical supplies", ("Yonhap", "unnamed sources")),
    # a notice is a document; one obtained, posted or released by someone is theirs
    ("The capital was locked down for five days, according to a government notice obtained "
     "by the website NK News.", "locked down for five days", ("NK News",)),
    ("Two smugglers were detained, according to a notice posted by the Ji'an public "
     "security bureau.", "Two smugglers were detained", ("the Ji'an public security bureau",)),
    ("The border was closed, according to a notice from the city office.",
     "The border was closed", ("a notice from the city office",)),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "chain"), EMBEDDED)
def test_find_attributions_scope_of_clause(
    nlp: Any, text: str, phrase: str, chain: tuple[str, ...] | None
) -> None:
    assert _chain_at(nlp, text, phrase)[0] == chain


@pytest.mark.model
@pytest.mark.parametrize(
    ("outlet", "chain"),
    [("Reuters", ("a customs official",)), ("CNN", ("Reuters", "a customs official")),
     (None, ("Reuters", "a customs official"))],
)
def test_find_attributions_told_own_outlet_is_dropped(
    nlp: Any, outlet: str | None, chain: tuple[str, ...]
) -> None:
    text = "The ship was seized at the port, a customs official told Reuters."
    assert _chain_at(nlp, text, "The ship was seized at the port", outlet)[0] == chain


@pytest.mark.parametrize(
    ("name", "outlet", "own"),
    [("NPR", "NPR Online News", True), ("The New York Times", "New York Times - News", True),
     ("Fox News", "Fox News (Online)", True), ("Reuters", "Reuters", True),
     ("Reuters", "NPR Online News", False), ("NPR", None, False)],
)
def test_is_own_outlet_sees_through_decorations(name: str, outlet: str | None,
                                                own: bool) -> None:
    assert is_own_outlet(name, outlet) is own


@pytest.mark.model
@pytest.mark.parametrize(("outlet", "chain"),
                         [(None, ("NPR", "Mara Lind")), ("NPR Online News", ("Mara Lind",))])
def test_find_attributions_she_is_the_last_main_subject_not_a_name_in_a_quote(
    nlp: Any, outlet: str | None, chain: tuple[str, ...]
) -> None:
    text = ('"We will not sign a bad deal," Trump added then.\n\nMara Lind, who studies '
            "the North, took note of an address Kim gave in May.\n\n"
            '"Kim Jong Un more or less said that he would wait for the Americans until the '
            'autumn," she told NPR.')
    told = [a for a in find_attributions(nlp(text), outlet=outlet)
            if ".anaphora" in a.reason]
    assert [a.chain for a in told] == [chain]


@pytest.mark.model
def test_find_attributions_shown_someone_something_is_no_report(nlp: Any) -> None:
    text = ("The president has long doubted the alliance, though Mills told Reuters that "
            "she has shown him its value by pressing the council to tighten sanctions on "
            "North Korea.")
    assert _chain_at(nlp, text, "tighten sanctions on North Korea")[0] == ("Reuters", "Mills")


@pytest.mark.model
@pytest.mark.parametrize(("outlet", "chain"), [("KCNA", None), (None, ("Kim Jong Un",))])
def test_find_attributions_he_said_in_the_states_own_media_names_nobody(
    nlp: Any, outlet: str | None, chain: tuple[str, ...] | None
) -> None:
    text = "Kim Jong Un visited the area. He said relief goods were sent to the victims."
    assert _chain_at(nlp, text, "relief goods were sent", outlet)[0] == chain


@pytest.mark.model
@pytest.mark.parametrize(("outlet", "chain"), [
    ("Daily NK", ("A source in Hyesan",)), (None, ("Daily NK", "A source in Hyesan"))])
def test_find_attributions_outlet_source_in_own_article_is_the_source(
    nlp: Any, outlet: str | None, chain: tuple[str, ...]
) -> None:
    text = "A Daily NK source in Hyesan said the market was shut."
    assert _chain_at(nlp, text, "the market was shut", outlet)[0] == chain


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["According to Daily NK, the border was shut.\nThe source added that guards were sent."],
)
def test_find_attributions_offsets_index_doc_text(nlp: Any, text: str) -> None:
    doc = nlp(text)
    for att in find_attributions(doc):
        assert 0 <= att.cue_start < att.cue_end <= len(doc.text)
        assert 0 <= att.start < att.end <= len(doc.text)
        assert doc.text[att.cue_start : att.cue_end].strip()
        assert att.reason


@pytest.mark.parametrize(
    "name", ["KCNA (Korean Central News Agency)", "KCNA (Korean Central News Agency",
             "Korean Central News Agency (KCNA)"])
def test_outlets_bracketed_alias_is_known(name: str) -> None:
    assert load_outlets().kind(name) == "state_media"
    assert normalize_source(name) == "KCNA"


@pytest.mark.model
def test_attribution_what_the_outlet_has_learned_comes_from_its_informant(nlp: Any) -> None:
    text = ("Illustrative. Police in Musan have broken up a smuggling ring, Daily NK has "
            "learned.\n\nAgents detained seven residents on Oct. 27, a source in North "
            "Hamgyong Province told Daily NK on Monday.")
    chain, reason = _chain_at(nlp, text, "broken up a smuggling ring", outlet="Daily NK")
    assert chain == ("a source in North Hamgyong Province",)
    assert reason is not None and reason.startswith("learned")
    other, _ = _chain_at(nlp, text, "broken up a smuggling ring", outlet="Reuters")
    assert other is None  # only the article's own outlet learns for its informant


@pytest.mark.model
def test_attribution_the_same_source_is_the_source_named_before(nlp: Any) -> None:
    text = ("Daily NK reported, citing a source in North Pyongan province, that officials "
            "began inspecting boats. The state has also sent extra agents to watch the "
            "workers, the same source said.")
    chain, _ = _chain_at(nlp, text, "sent extra agents", outlet="Reuters")
    assert chain == ("Daily NK", "a source in North Pyongan province")


@pytest.mark.model
def test_attribution_the_articles_own_outlet_is_no_source_of_it(nlp: Any) -> None:
    text = ("Illustrative. In October 2021, three teenagers in Hoeryong were sent to a camp, "
            "Daily NK reported at the time. Guards were told to shoot intruders, Daily NK "
            "reported, citing a source in Jagang Province.")
    assert _chain_at(nlp, text, "three teenagers", outlet="Daily NK")[0] is None
    assert _chain_at(nlp, text, "Guards were told", outlet="Daily NK")[0] == (
        "a source in Jagang Province",)
    assert _chain_at(nlp, text, "three teenagers", outlet="Reuters")[0] == ("Daily NK",)


@pytest.mark.parametrize(("text", "phrase", "chain"), [
    # who expects or predicts something is its source; a passive or a pronoun names no one
    ("Most traders here expect the border to open to travelers next spring.",
     "the border to open", ("Most traders here",)),
    ("Yoon Ha-rin, a fellow at the Asan Institute, predicts that tour groups will be allowed "
     "back next year.", "tour groups will be allowed back", ("Yoon Ha-rin",)),
    ("The border with China is expected to reopen in the spring.", "reopen in the spring",
     None),
    ("A former soldier said the posts fit a pattern.\n\nWe expect the fortification to "
     "continue.", "the fortification to continue", None),
    # people on a trip speak for what they saw
    ("Participants said they were swabbed for COVID-19 at the border post.",
     "they were swabbed", ("Participants",)),
])
def test_attribution_opinions_and_participants(nlp: Any, text: str, phrase: str,
                                               chain: tuple[str, ...] | None) -> None:
    assert _chain_at(nlp, text, phrase)[0] == chain


@pytest.mark.model
@pytest.mark.parametrize(("outlet", "chain"), [
    ("Reuters", ("Han Seung-chul", "NIS")), ("KCNA", ("Han", "NIS"))])
def test_attribution_a_surname_is_the_person_named_in_full_before(
    nlp: Any, outlet: str, chain: tuple[str, ...]
) -> None:
    # illustrative; in the state's own media names are left as they are
    text = ("Rep. Han Seung-chul briefed reporters on Wednesday.\n\nAccording to Han, the "
            "NIS said new brigades were sent to the border. Mr. Park, a trader, said trucks "
            "stopped crossing.")
    assert _chain_at(nlp, text, "new brigades were sent", outlet)[0] == chain
    # nobody named in full before: the one word stays
    assert _chain_at(nlp, text, "trucks stopped crossing", outlet)[0] == ("Mr. Park",)


@pytest.mark.model
def test_attribution_a_definite_event_someone_foresees_is_theirs() -> None:
    # illustrative; "the crackdown" is taken as known, but its tightening is Lee's forecast
    text = ("Lee Ji-soo, a fellow at a Seoul institute, spoke on Monday.\n\nLee expects the "
            "crackdown to tighten further in the coming months.")
    record = extract_article(text, "t", date(2024, 6, 28), "Reuters", "North Korea").to_spec()
    (event,) = [e for e in record["events"] if e["type"] == "crackdown"]
    assert event["modality"] == "expected"
    assert event["sources"] == [["Lee Ji-soo"]]


@pytest.mark.model
@pytest.mark.parametrize(("text", "chain"), [
    # "the UN agency" is the United Nations agency the text named last
    ("The World Food Programme (WFP) has resumed shipments. A ship docked at Nampo last "
     "week, the UN agency says.", ("WFP",)),
    ("UNICEF sent vaccines in May. The doses arrived at Nampo, the U.N. agency said.",
     ("UNICEF",)),
    # with none named, the United Nations
    ("A ship docked at Nampo last week, the UN agency says.", ("UN",)),
])
def test_attribution_the_un_agency_is_the_one_named_before(
    nlp: Any, text: str, chain: tuple[str, ...]
) -> None:
    assert _chain_at(nlp, text, "docked" if "docked" in text else "arrived")[0] == chain
