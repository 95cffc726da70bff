"""The event detector alone: triggers, vetoes, modality, time choice, restatements."""

from __future__ import annotations

from datetime import date

import pytest

from koreawatch.extract import event_time as et
from koreawatch.extract import events as ev
from koreawatch.extract.attribution import find_attributions
from koreawatch.extract.nlp import parse
from koreawatch.extract.time import ranges, tag

pytestmark = pytest.mark.model
DCT = date(2021, 3, 15)


def candidates(text: str) -> list[ev.Candidate]:
    _norm, doc = parse(text)
    return ev.find_candidates(doc, find_attributions(doc))


def found_among(text: str, *types: str) -> str | None:
    """The one type of ``types`` the text's candidates have (None if none; fails on two)."""
    found = {c.type for c in candidates(text)} & set(types)
    assert len(found) <= 1, found
    return next(iter(found), None)


def modalities(text: str, etype: str) -> list[str]:
    """The modalities of the text's candidates of one type, in text order."""
    return [c.modality for c in candidates(text) if c.type == etype]


def kinds(text: str) -> set[tuple[str, str]]:
    """The (type, modality) pairs of the text's candidates."""
    return {(c.type, c.modality) for c in candidates(text)}


def states(text: str) -> bool:
    """Whether the text's candidates include an official statement."""
    return "official_statement" in {c.type for c in candidates(text)}


def timed(text: str) -> list[tuple[ev.Candidate, et.TimeChoice]]:
    norm, doc = parse(text)
    timexes = tag(norm.text, DCT, doc=doc)
    spans = ranges(norm.text, DCT, timexes)
    found = ev.find_candidates(doc, find_attributions(doc))
    return [(c, et.choose_time(c, timexes, spans, DCT, norm.text)) for c in found]


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("North Korea shut the border with China in January.", "border_closure"),
        ("Officials reopened the bridge to Dandong last week.", "border_reopening"),
        ("Pyongyang halted all imports from China in February.", "trade_suspension"),
        ("The two countries resumed trade in April.", "trade_resumption"),
        ("The regime deployed more border guards along the Yalu River in January.",
         "security_reinforcement"),
        ("Police launched a crackdown on smuggling in Hyesan in February.", "crackdown"),
        ("Three traders were arrested in Sinuiju in January.", "arrest"),
        ("Two smugglers were executed in public in Hyesan in January.", "punishment"),
        ("A soldier defected across the border in January.", "illegal_crossing"),
        ("Two men smuggled medicine across the river in January.", "smuggling"),
        ("The city of Kaesong was put under quarantine in July.", "health_measure"),
        ("The country received a shipment of vaccines in February.", "aid_delivery"),
        ("KCNA said on Monday that the country had no cases of the virus.",
         "official_statement"),
        ("Pyongyang executed five officials last month after a failed project.", "punishment"),
        ("The navy seized a ship suspected of transferring oil to a North Korean tanker.",
         "smuggling"),
        ("North Korea has ordered its soldiers to shoot on sight anyone who approaches the "
         "border.", "security_reinforcement"),
        ("The roads and railways leading to the South were completely blocked on Tuesday.",
         "border_closure"),
        ("Two women who crossed into China were caught and sent back.", "illegal_crossing"),
        ("The country suspended all flights and train services to Beijing in February.",
         "border_closure"),
        ("The country switched to a maximum emergency anti-epidemic system in May.",
         "health_measure"),
        ("Inspection teams were dispatched to root out anti-socialist behaviour.", "crackdown"),
        ("His arrival prompted officials to lock down a border city in July.",
         "health_measure"),
        ("Authorities have stepped up inspections of homes to find foreign videos.",
         "crackdown"),
        ("The country has been subjected to U.N. sanctions since 2006.", "trade_suspension"),
        ("Pyongyang has closed its borders and declared an emergency against the virus.",
         "health_measure"),
        ("In late November the navy seized the Panama-flagged Sea Star.", "crackdown"),
        ("The soldier dashed across the line and crossed into North Korea in July.",
         "illegal_crossing"),
        ("North Korea has cut itself off from the outside world.", "border_closure"),
        ("A defector who had tried to return to the North was arrested.", "illegal_crossing"),
        ("Border guards caught two smugglers near Hyesan on Monday.", "arrest"),
        ("Media reports say one of his aides has sought asylum in South Korea.",
         "illegal_crossing"),
        ("He was intercepted in April 2017 at Pyongyang International Airport.", "arrest"),
        ("North Korea avoids sanctions by illicitly trading with countries at sea.",
         "smuggling"),
        ("Russian tankers have transferred fuel to North Korean ships at sea.", "smuggling"),
        ("North Korea has shipped coal to China through ship-to-ship transfers.", "smuggling"),
        ("China's recent mobilization at the North Korea border keeps refugees out.",
         "security_reinforcement"),
        ("He was sentenced to ten years of hard labor in 2016.", "punishment"),
        ("The Security Council has strengthened sanctions on the North.", "trade_suspension"),
        ("The impoverished country has been hit by a series of U.N. sanctions.",
         "trade_suspension"),
        # illustrative sentences written for the kinds of report the tool is for
        ("Freight trains began crossing the Friendship Bridge again last week.",
         "border_reopening"),
        ("Border guards have installed new fences and cameras along the Yalu River.",
         "security_reinforcement"),
        ("Police have been carrying out house-to-house searches for people watching dramas.",
         "crackdown"),
        ("Police took a smuggler into custody in Sinuiju in late February.", "arrest"),
        ("A man swam across the Tumen River into China in February.", "illegal_crossing"),
        ("Thae Yong Ho, the deputy ambassador in London, defected in 2016.",
         "illegal_crossing"),
        ("Smugglers in Hyesan have been bringing Chinese goods across the river.",
         "smuggling"),
        ("Pyongyang was placed under a five-day lockdown in January.", "health_measure"),
        ("Residents returning from the border region must quarantine for 21 days.",
         "health_measure"),
        ("North Korea began vaccinating people in border areas in late February.",
         "health_measure"),
        ("The soldier ran across the border into North Korea during a tour of the Joint "
         "Security Area.", "illegal_crossing"),
        ("A buffer zone was set up along the border with China in August.",
         "security_reinforcement"),
        ("The officials were shot in front of other workers.", "punishment"),
        ("Authorities collected handwriting samples from every resident of the "
         "neighbourhood.", "crackdown"),
        ("The army blew up sections of the roads connecting to the South on Tuesday.",
         "border_closure"),
        ("In February the regime turned down an offer of masks and test kits from the South.",
         "aid_delivery"),
        ("North Korea reopened to Russian tourists in February.", "border_reopening"),
        ("The Rason special zone reopened to Chinese trucks in January.", "border_reopening"),
        ("Soldiers were told to shoot on sight anyone who tries to cross.",
         "security_reinforcement"),
        ("The crackdown began two weeks ago, the source explained.", "crackdown"),
        ("Guards were sent to the river in recent days.", "security_reinforcement"),
        ("Residents were ordered to stay home for 20 days.", "health_measure"),
        ("The authorities restricted the movement of people between cities.",
         "health_measure"),
        ("Russia donated 50,000 tons of wheat to North Korea in April.", "aid_delivery"),
        ("Authorities have intensified surveillance of residents near the border.",
         "crackdown"),
        ("Two fishermen crossed the Northern Limit Line in a wooden boat.", "illegal_crossing"),
        ("North Korean ships have been caught transferring coal to Chinese vessels.",
         "smuggling"),
        ("He was stripped of his party membership and banished to a remote farm.",
         "punishment"),
        ("Security agents raided the house and took away the man and his wife.", "arrest"),
        ("The border guard unit in Hyesan was replaced with soldiers from Pyongyang.",
         "security_reinforcement"),
        ("The student had been held captive in North Korea for 17 months.", "arrest"),
        ("In 2009 the North cut off access to the industrial zone three times.",
         "border_closure"),
        ("The North barred South Korean workers from entering the factory park.",
         "border_closure"),
        ("The student, who had been held in North Korea for ten months, died in May.", "arrest"),
        ("The envoy flew home with two Canadian prisoners held by North Korea.", "arrest"),
        ("Two American prisoners held in North Korea are flying home.", "arrest"),
        ("North Korea is holding six South Koreans.", "arrest"),
        ("Every province is rendering assistance to the storm victims.", "aid_delivery"),
        ("He credited Beijing with cutting off diesel to Pyongyang.", "trade_suspension"),
        ("The U.S. ratcheted up sanctions on North Korea last year.", "trade_suspension"),
        ("The UN has barred North Korean exports of coal and textiles since 2017.",
         "trade_suspension"),
        ("At least 40 relatives of defectors were detained last year after being traced "
         "through calls on Chinese phones.", "arrest"),
        ("A man in Hyesan had been shot for reselling smuggled Chinese phones.",
         "punishment"),
        ("Extra troops stationed along the river last month have begun night patrols.",
         "security_reinforcement"),
        ("Several soldiers were packed off to a labor camp.", "punishment"),
        ("Medical workers have been visiting each household to take temperatures.",
         "health_measure"),
        ("All persons who came into the country after January 13 have been placed under "
         "medical observation for 30 days.", "health_measure"),
        ("The new school term will be put off until the epidemic situation is stabilized.",
         "health_measure"),
        ("The new school term has been postponed by a month.", "health_measure"),
        ("A soldier sprinted across the demarcation line in November.", "illegal_crossing"),
        ("Authorities raided the grain stalls at the main market early this week.",
         "crackdown"),
        ("It followed a similar sweep at the market in Onsong in late October.", "crackdown"),
        ("Trade between the two countries more than doubled last year.", "trade_resumption"),
        ("A woman was shot dead in September while trying to wade across the Yalu.",
         "illegal_crossing"),
        ("Several residential blocks in Sinuiju had been sealed off after a fever case.",
         "health_measure"),
        ("Traders caught a second time have been fined 50,000 won.", "punishment"),
        ("Authorities have banned individuals from selling rice and fuel in the markets.",
         "crackdown"),
        ("Authorities have dismantled a smuggling ring in Sinuiju.", "crackdown"),
        ("Police broke up a smuggling ring in Hyesan last month.", "crackdown"),
        ("Small-scale smuggling by boat on the Yalu has continued, traders said.",
         "smuggling"),
        ("Smuggling has thrived along the Tumen since the border closed.", "smuggling"),
        ("Near Hoeryong a single wire fence has been replaced by a double fence line.",
         "security_reinforcement"),
        ("In Onsong County, at least 14 new guard posts appeared between March and November.",
         "security_reinforcement"),
        ("Imagery from this spring shows two more posts under construction near Namyang.",
         "security_reinforcement"),
        ("The double fence will likely be extended upstream before winter.",
         "security_reinforcement"),
        ("The North has also sharply curtailed trade with China.", "trade_suspension"),
        ("KCNA brushed aside foreign media reports that authorities had hidden cases.",
         "official_statement"),
        ("Officers have been summoning the family's neighbors one at a time.", "crackdown"),
        ("Private grain sellers had been ordered to close their stalls.", "crackdown"),
        ("She was locked in a holding centre run by the Ministry of State Security.",
         "arrest"),
        ("Hundreds of kilometres of new fencing have gone up along the Yalu.",
         "security_reinforcement"),
        ("The committee declared a curfew that bans residents from coming within 500 meters "
         "of the riverbank at night.", "border_closure"),
        ("A similar ban on approaching the river at night was introduced in Hyesan.",
         "border_closure"),
        ("Crews of foreign vessels calling at the ports are forbidden to go ashore.",
         "border_closure"),
        ("Passage through the land border crossings is limited strictly to approved "
         "personnel.", "border_closure"),
        ("A convoy of trucks loaded with antibiotics and remedies reached Hongwon on "
         "Monday.", "aid_delivery"),
        ("Russian tour groups have been flying from Vladivostok to the Masikryong ski "
         "resort since February.", "border_reopening"),
        ("North Korea has sent millions of artillery shells and dozens of missiles to "
         "Russia.", "smuggling"),
        ("Moscow and Pyongyang deny any arms trade.", "smuggling"),
        # kin held or taken away; relief handed out; a trial before crowds; web domains
        # seized; detection gear deployed; wells chlorinated
        ("Her mother was held for nine days by security agents in Musan.", "arrest"),
        ("My brother was taken away by state security in April.", "arrest"),
        ("Volunteers of the North's Red Cross society had handed out tarpaulins and kitchen "
         "sets in South Hamgyong.", "aid_delivery"),
        ("Local officials in Uiju were reportedly put on trial in front of crowds last week.",
         "punishment"),
        ("Prosecutors also seized 21 web domains used by North Korean IT workers.",
         "crackdown"),
        ("North Korea's Ministry of State Security has deployed new radio-detection vehicles "
         "in Hyesan.", "crackdown"),
        ("The authorities have installed radio jamming equipment along the Tumen River in "
         "Hoeryong.", "crackdown"),
        ("Anti-epidemic workers chlorinated the wells in Musan and Yonsa counties.",
         "health_measure"),
        # planes that fly, land, take off (the airline named is the North's)
        ("An Air Koryo plane landed in Beijing on Tuesday last week.", "border_reopening"),
        ("On Aug. 22, an Air Koryo flight took off from Pyongyang's Sunan airport for "
         "Beijing.", "border_reopening"),
        ("A second Air Koryo flight, to Vladivostok, took place on Friday.",
         "border_reopening"),
        # hunts, phones handed in, detectors used, luggage and boats searched, denials
        # that deliveries broke the sanctions
        ("North Korea's Ministry of State Security has also stepped up its hunt for Chinese "
         "mobile phones.", "crackdown"),
        ("Residents living near the river were ordered in early October to hand in Chinese "
         "mobile phones.", "crackdown"),
        ("North Korea's MSS has been using radio wave detectors in border areas such as "
         "Hoeryong and Musan.", "crackdown"),
        ("North Korean officials had searched visitors' luggage far more thoroughly since the "
         "arrest.", "crackdown"),
        ("Security officials have been conducting intensive inspections of fishing boats and "
         "their crews at Kimchaek port.", "crackdown"),
        ("Moscow has denied that its deliveries to the North Korean port of Rajin broke the "
         "limit.", "smuggling"),
        # ending up in a camp; vendors taken away; money for aid agencies; aid flown in
        ("They will be interrogated by the Ministry of State Security and most likely end up "
         "in a prison camp.", "punishment"),
        ("In North Korea, several vendors caught with banned goods were taken away for "
         "questioning.", "arrest"),
        ("Seoul also gave $8 million last month to the WFP and UNICEF for nutrition "
         "programmes for children in North Korea.", "aid_delivery"),
        ("South Korean military cargo planes flew 200 tonnes of tangerines to Pyongyang.",
         "aid_delivery"),
        # goods moved in breach of sanctions; the sanctions broken veto nothing
        ("North Korea has sent millions of artillery shells to Russia, much of it by rail, "
         "in violation of U.N. sanctions.", "smuggling"),
        ("North Korea has received more than 1 million barrels of oil from Russia since "
         "March in violation of U.N. sanctions.", "smuggling"),
        ("Fuel flows the other way, in defiance of a UN cap, imposed in 2017, that limits "
         "the North to 500,000 barrels of oil a year and bans its exports of coal.",
         "trade_suspension"),
        ("Chinese police picked up one of the three in a village outside Changbai.",
         "arrest"),
        ("Military security officers have been interrogating soldiers across the brigade.",
         "crackdown"),
        ("Since 2011, security along the Yalu and Tumen has been steadily tightened.",
         "security_reinforcement"),
        ("Busloads of Chinese tourists rolled across the Yalu River into Sinuiju on Monday.",
         "border_reopening"),
        ("The agency plans to revive its four-day rail tours to Pyongyang.",
         "border_reopening"),
        ("The MSS sent about 30 signal-tracking specialists to the two cities last month.",
         "security_reinforcement"),
        ("Residents caught with a Chinese phone are being let off with fines of 3,000 yuan.",
         "punishment"),
        ("A similar sweep took place in Hyesan in the spring.", "crackdown"),
        ("South Korean authorities impounded a bulk carrier at the port of Pohang in March.",
         "crackdown"),
        ("About 200 were handed to State Security officers, who took them into custody.",
         "arrest"),
        ("About 1.3m doses of the vaccine arrived by freight train in the border city of "
         "Sinuiju in late October.", "aid_delivery"),
        ("The families of the three soldiers were moved out of Hyesan and sent to work on "
         "collective farms in a remote county.", "punishment"),
    ],
)
def test_events_trigger_gives_type(sentence: str, etype: str) -> None:
    assert etype in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The officials were sent to the region in order to cut down on smuggling and "
        "illegal border crossings.",
        "She closed the door and walked to the market.",
        "Defectors flee the North and come to the South to build new lives.",
        "The committee executed its plan to rebuild the flooded villages.",
        "The regime banned the import of foreign goods in March.",
        "North Korea has ordered its soldiers to shoot on sight anyone who approaches the "
        "border.",
        "Over the years, thousands of defectors have fled across the river.",
        "Many women from the North are trafficked across the border.",
        "Smugglers often cross the river at night.",
        "In the past, when floods came, factories sent aid and food to the victims.",
        "The leader has a reputation for sending officials to prison camps.",
        "Kim Yo Jong said balloons, leaflets and other material sent from the South were "
        "found near the border.",
        "A tall fence keeps residents from crossing the border.",
        "The talks would give Pyongyang a chance to win sanctions relief.",
        "Kim left North Korea for Russia on Tuesday.",
        "The photographer captured the mood of the crowd on camera.",
        "Every sentence he utters will be examined.",
        "If permitted, the inspectors would likely send in robots to the site.",
        "We will resolutely punish North Korea if it launches any provocation.",
        "The House investigation into the campaign ended in May.",
        "Building work has slipped behind schedule in North Korea.",
        "They should ensure that fuel is supplied without running short of it.",
        "The two countries are separated by a border preventing anyone from crossing.",
        "Residents returning from the border region must quarantine for 21 days.",
        "After Moon stepped out of the hall, two security guards swept into the lobby.",
        "Trump had informed Abe that he would urge North Korea to resolve the abductions.",
        "He commended China for offering assistance in putting pressure on North Korea.",
        "Heavy rains destroyed roads and bridges in the county.",
        "Britain and France condemned North Korea's missile tests as violating U.N. sanctions.",
        "Pharmacies have been set up in all counties, supplying medicines to the people.",
        "Anyone who approaches the river without permission will be shot without warning.",
        "Soldiers were told to shoot on sight anyone who tries to cross.",
        "Owning South Korean films could get you arrested.",
        "KCNA criticised him, without saying if Jang had been detained.",
        "Officials delivered the promise that the U.S. would provide economic aid.",
        "Trump has sent out tweets threatening to cut foreign aid to Honduras.",
        "It would fire at naval vessels that it claims have been violating its waters.",
        "Guards at the river have been told to shoot on sight.",
        "The country expelled two foreign diplomats from its embassy.",
        "Officials took away the documents from the office.",
        "The ministry was trying to check whether the North had actually closed the border.",
        "He fell into a coma while in custody and was held in that condition for months.",
        "Japan banned North Korean ships from entering its ports.",
        "The regime cut off access to the internet for most citizens.",
        "Pompeo is on the last stop of a four-leg Asian tour that began in Japan.",
        "The talks were held in Singapore for two days.",
        "Kim held Moon's hand in Panmunjom.",
        "The party held him responsible for the failure in Pyongyang.",
        "The missionary was held in high regard in Pyongyang.",
        "The new sanctions target dozens of ships and shipping firms at sea.",
        "Ships armed with interceptors can intercept the missiles in flight.",
        "The new law will punish and deter bad behaviour by North Korea.",
        "Congress voted to punish the regime's misconduct at sea.",
        "He pictures the agency supplying its rivals with software designs.",
        "The agency had run a months-long campaign in border towns.",
        "South Korean President Moon Jae-in met Kim at the truce village. Moon walked over "
        "the military demarcation line to shake hands with Kim.",
        "The foreign minister crossed the border into North Korea by train.",
        "All goods brought in through border crossings and ports shall be disinfected.",
        "The UN has barred North Korean exports of coal and textiles since 2017.",
        "Police found smuggled Chinese phones in his house in March.",
        "Her sister had climbed a hill above the Tumen River to catch the signal from China.",
        "Pictures show crews putting up long runs of new fencing along the river border.",
        "Public executions appear to have become more frequent in the border towns.",
        "The authorities declared a buffer zone along the river and ordered guards to shoot "
        "anyone entering it without permission.",
        "North Korea reopened its road crossings to tour groups last year.",
        "China has reopened a border crossing into the Rason zone to cargo traffic.",
        "South Korea has said Kim wants to deal away his nuclear weapons for economic "
        "benefits.",
        "International broadcasters showed the demolition after the talks reached a deal "
        "on energy aid.",
        "About 200 of those held were driven by bus across the Friendship Bridge.",
    ],
)
def test_events_no_event_in_purpose_generic_or_unrelated_text(sentence: str) -> None:
    found = {c.type for c in candidates(sentence)}
    assert not found & {"border_closure", "illegal_crossing", "smuggling", "punishment",
                        "aid_delivery", "arrest", "crackdown"}


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Pyongyang has also expressed anger over the military exercises.", True),
        ("North Korea acknowledged that two of its ships had sunk.", True),
        ("Kim stepped onto the podium, clapping to acknowledge the soldiers.", False),
        ("But 38 North, a website, says satellite imagery shows new tunnels.", False),
        # a specialist on the country is not its state; no one announcing is no statement
        ("Dr Marsh, a North Korea specialist at the University of Leeds, said the case was "
         "about deterrence.", False),
        ("Neither Pyongyang nor Beijing has publicly announced any flood aid.", False),
        ("One of Kim's top officials warned that the North would respond.", True),
        ("Pyongyang's envoy said the talks were over.", True),
        ("Kim stepped out, clapping to acknowledge the soldiers taking part.", False),
        ("North Korea has long insisted that its goal is peace.", False),
        ("On Monday, Xinhua quoted Kim as saying that he hoped to build trust.", True),
        ("The Korea Times reports that the North Korean leader was reported to be visiting "
         "a fishery.", False),
        ("North Korean leader Kim Jong Un wrote a letter to President Trump.", True),
        ("North Korea has issued a string of threats against the South.", True),
        ("N. Korea says it will cut all communication channels with the South.", True),
        ("The Korean People's Army warned that it would respond.", True),
        ("North Korea threatened to cancel the meeting with the U.S.", True),
        ("The roads have been blocked, the General Staff of the Korean People's Army said.",
         True),
        ("North Korea's actions seriously threaten the safety of our citizens.", False),
        ("Nobody knows what he will do when North Korea says something worse.", False),
        ("A North Korean health official told the state news agency that no case had been "
         "found.", True),
        ("North Korea told its guards to shoot.", False),
        ("Chinese state media reported last month that the city had locked down.", False),
        ("Iran's regime denied the report on Monday.", False),
        ("The North's army General Staff said it would send troops back to the park.", True),
        ("In a statement carried by KCNA last week, the ministry called the drills a "
         "rehearsal for war.", True),
        ("In a statement last week, North Korea's foreign ministry called the sanctions a "
         "blockade.", True),
        ("In a statement last week, Japan's foreign ministry called the launch a threat.",
         False),
        ("Last week the party newspaper, Rodong Sinmun, urged the guards to hold the line.",
         True),
        ("When North Korea said it would shut the border, traders panicked.", True),
        ("Soon after, Mr Kim declared that his country had become a nuclear state.", True),
        ("Kim pledged to scrap the time zone Pyongyang created in 2015.", True),
        ("North Korea urged the United States to stop its military drills.", True),
        ("The spokeswoman said they will look at what North Korea has said.", False),
        ("The Rodong Sinmun called for stronger vigilance against the virus.", True),
        ("It even calls for pressure on the DPRK, the statement said.", False),
        ("The president called for calm after the test.", False),
        ("Kim Jong Un responded by denouncing the US president as a frightened dog.", True),
        ("North Korea called a meeting of the politburo.", False),
        ("The ships sailed on, despite officially declaring that they were headed elsewhere.",
         False),
        ("Town took note of a speech Kim delivered to the People's Assembly in April.", True),
        ("Trump canceled the summit after North Korea suddenly hurled invective at Washington.",
         True),
        ("North Korea's pledge to dismantle the site sounds like a step forward.", False),
        ("First, the Kim government threatened to pull out of the summit.", True),
        ("North Korea's mission to the United Nations said the drills were a provocation.",
         True),
        ("The primary topic of the trip: North Korea's nuclear threats.", False),
        ("The ministry said Pyongyang's cancellation was regrettable and did not conform "
         "with the dialogue pledged last month.", False),
        ("At the summit, Moon and Kim promised to work for a lasting peace.", True),
        ("North and South Korea agreed on Friday to reopen a liaison office.", True),
        ("Japan and South Korea agreed Friday to share intelligence.", False),
        ("North Korea's latest warning came after the drills began.", True),
        ("The fear grew, considering North Korea's statement that the regime plans to sink "
         "Japan's ships.", True),
        ("Budget cuts driven by a misreading of the North Korea threat and a Cold War-era "
         "doctrine weakened the fleet.", False),
        ("North Korea may say it is closing its test site.", False),
        ("Trade suffered from North Korea's strict quarantine (of which it still claims to "
         "have no cases).", True),
        ("Trade suffered from Japan's strict quarantine (of which it still claims to have "
         "few cases).", False),
        ("North Korea has reported no infections. Yet it still claims the virus is foreign.",
         True),
        ("What would reassure us: North Korea revealing its hidden sites.", False),
        ("Even if Kim arrives at the talks and says he has given up his missiles, nothing "
         "will change.", False),
        ("The envoy went to Pyongyang in the hope that Kim would agree to free the "
         "sailors.", False),
        ("But the Rodong Sinmun on Sunday called on border residents to guard the frontier.",
         True),
        ("On Monday, the Rodong Sinmun carried an editorial urging young people to work.",
         True),
        ("The propaganda website Uriminzokkiri on Sunday described defectors as human scum.",
         True),
        ("In September, the North's Defense Ministry rejected as groundless U.S. reports "
         "that it sold shells.", True),
        ("A North Korean woman who reached Seoul in 2018 told the Post her sister was taken.",
         False),
        ("North Korean officials told the agency that the doses should go elsewhere.", True),
        ("North Korean state media has not reported the arrests.", False),
        ("State media have said nothing about the Sinuiju inspection.", False),
        ("North Korea acknowledged its first outbreak of the virus in May 2022.", True),
        ("North Korea's health ministry confirmed two cases of the fever.", True),
        ("China confirmed two cases of the fever in Dandong.", False),
        ("A former North Korean diplomat who now lives in Seoul told VOA that life was "
         "watched.", False),
        ("Every person sent back is a message to the others, said Lee, a former North Korean "
         "diplomat.", False),
        ("Pyongyang has never reported a confirmed case of the virus.", True),
        ("A spokesman for the Foreign Ministry of the DPRK on Sunday answered a question "
         "put by KCNA.", True),
        ("Kim Chol Ung, head of the DPRK delegation, told the ceremony that his country was "
         "ready to work with China.", True),
        ("In August, Kim Jong-un declared victory over the virus, although residents are "
         "still required to wear masks.", True),
        ("In a statement carried by KCNA, a foreign ministry spokesperson denounced what it "
         "called a smear campaign.", True),
        ("An official of the Central Emergency Anti-Epidemic Headquarters said that no case "
         "had been found.", True),
        ("A foreign ministry spokesperson in Tokyo denounced the launch.", False),
        ("The plan will work, said Steve Biegun, special representative for North Korea.",
         False),
        # a group named after the country is not its state; a habit is no statement
        ("The London-based group North Korea Rescue Watch urged China to halt all forced "
         "returns.", False),
        ("North Korea urged China to halt all forced returns.", True),
        ("North Korea itself rarely admits to shortages.", False),
        ("North Korea admitted to shortages on Monday.", True),
        # a scholar of the state is not of it
        ("Jung Da-eun, a professor of North Korean studies at Dongguk University, said the "
         "new fences are aimed at information.", False),
        ("Ri Chol, an official of the North Korean foreign ministry, said the new fences are "
         "aimed at smugglers.", True),
        # "former" hung on the army; an ally; another body's representative; "it" told
        # inside a named speaker's words is that speaker
        ("Kim Chol-jun, a former Korean People's Army border guard who served near Onsong, "
         "said the second fence line changes the calculus.", False),
        ("China, the North's main ally, has said it is ready to help.", False),
        ("The doses will save lives, said Ingrid Solheim, UNICEF Representative for the "
         "DPRK.", False),
        ("A U.N. panel of experts said in March that North Korea had continued to defy "
         "sanctions through transfers of oil, which it said had increased last year.", False),
        ("A U.N. panel of experts said in March that North Korea had continued to defy "
         "sanctions, which KCNA said was a lie.", True),
        # a demand on another government (not the leader's orders at home); "called X
        # groundless" after a date; "repeated that"; "he" who takes a stand is looked up
        ("A spokesman for the Ministry of Fisheries of the DPRK demanded that the Japanese "
         "government compensate for the loss of the boat.", True),
        ("Kim has demanded that the hospital be finished before October 10.", False),
        ("In December 2014, North Korea's Foreign Ministry called the accusation groundless.",
         True),
        ("State media has since repeated that the recovery will rely on the country's own "
         "resources.", True),
        ("Kim Jong Un visited Sinuiju on Monday. Last week he denounced South Korean media "
         "reports as a smear campaign.", True),
        ("Kim Jong Un appeared in public on Monday. He was walking with a cane, suggesting he "
         "had undergone surgery.", False),
    ],
)
def test_events_statement_verbs(sentence: str, statement: bool) -> None:
    assert states(sentence) is statement


@pytest.mark.parametrize(
    ("sentence", "flow"),
    [
        ("North Korea is expected to reopen the Sinuiju crossing in April.", "both"),
        ("North Korea closed the border to tourists and travelers in January.", "people"),
        ("Freight trains between Dandong and Sinuiju resumed operations on Monday.", "cargo"),
    ],
)
def test_events_flow_of_a_border_event(sentence: str, flow: str) -> None:
    border = [c for c in candidates(sentence) if c.type.startswith("border_")]
    assert border and border[0].flow == flow


def test_events_a_trigger_verb_saying_that_is_speech_not_the_act() -> None:
    said = "Cronin, who heads the center's security program, added that Trump will press Kim."
    assert not candidates(said)
    assert {c.type for c in candidates("The regime added more guards along the river.")} == {
        "security_reinforcement"}


@pytest.mark.parametrize(("sentence", "etype"), [
    ("North Korea's trade with China has since climbed back towards pre-pandemic levels.",
     "trade_resumption"),
    ("Shipments from China picked up in the last three months of 2020.", "trade_resumption"),
    ("Trade between Moscow and Pyongyang dwindled to almost nothing.", "trade_suspension"),
    ("Trade with China has since slumped.", "trade_suspension"),
    ("Trump expressed frustration with China over its expanding trade with North Korea.",
     None),
    ("He launched a trade war and picked fights with allies over North Korea.", None),
    ("Prices of rice climbed sharply in Hyesan.", None),
])
def test_events_trade_that_climbs_back_or_dwindles(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "trade_resumption", "trade_suspension") == etype


@pytest.mark.parametrize(("sentence", "modality"), [
    ("The men could face as much as ten years in a reform camp, the source said.",
     "expected"),
    ("The trader is likely to face a heavier sentence, the partner added.", "expected"),
    ("North Korea said it faced a shortfall of food this year.", None),
])
def test_events_facing_a_sentence_is_an_expected_punishment(sentence: str,
                                                            modality: str | None) -> None:
    assert modalities(sentence, "punishment") == ([modality] if modality else [])


@pytest.mark.parametrize(("sentence", "kind"), [
    # the guard posts taken down under the 2018 pact, put back
    ("The army restored all the guard posts it had withdrawn from the frontline.",
     ("security_reinforcement", "asserted")),
    # goods taken from traders by the authorities: a crackdown, not an arrest
    ("Guards at the main market confiscated corn from more than 20 women traders.",
     ("crackdown", "asserted")),
    # a noun trigger of a subject takes its verb's future
    ("Inspection teams will be sent to collective farms across the province.",
     ("crackdown", "expected")),
    # market hours cut
    ("Markets across the province were ordered to open only between 2pm and 6pm.",
     ("crackdown", "asserted")),
])
def test_events_wordings_of_sets_an_and_ao(sentence: str, kind: tuple[str, str]) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    # illustrative wordings of sets AR and AS (religion and drugs, detained foreigners,
    # party meetings, the leader and the economy, the 2018 thaw)
    ("In mid-June, Mr Kim conceded that the food situation had become tense.",
     ("official_statement", "asserted")),
    ("Pyongyang notified Seoul on Monday that a delegation would visit on Friday.",
     ("official_statement", "asserted")),
    ("Days later Mr Kim sent Seoul a rare apology.", ("official_statement", "asserted")),
    ("Schools across the country have stayed closed since February.",
     ("health_measure", "asserted")),
    ("The anti-epidemic authorities totally blocked the city on the afternoon of July 24.",
     ("health_measure", "asserted")),
    ("Pyongyang flatly denies that any drug trade exists.", ("smuggling", "denied")),
    ("The men had sold the drug for months until their arrest in March.",
     ("arrest", "asserted")),
    ("A North Korean delegation crossed the inter-Korean border on Wednesday via the "
     "western land route.", ("border_reopening", "asserted")),
    ("The athletes are expected to return home via the Gyeongui road on Feb. 26.",
     ("border_reopening", "expected")),
    # travel and exit bans close the border to people
    ("Washington has barred U.S. passport holders from travelling to North Korea since "
     "September 2017.", ("border_closure", "asserted")),
    ("In March, North Korea barred nine Malaysians from leaving the country.",
     ("border_closure", "asserted")),
    ("The State Department renewed the travel restriction for another year last August.",
     ("border_closure", "asserted")),
    ("Police launched a three-month operation against drug smuggling in October.",
     ("crackdown", "asserted")),
    ("That limit, 500,000 barrels of refined petroleum a year, was set by the UN Security "
     "Council in December 2017.", ("trade_suspension", "asserted")),
    ("By February, North Korean athletes, cheerleaders and musicians were crossing into the "
     "South by road, sea and air.", ("border_reopening", "asserted")),
    ("She was reportedly handed over to a political prison camp in Kaechon on Monday.",
     ("punishment", "reported")),
    ("Police in Hyesan stamped out the smuggling ring in May.", ("crackdown", "asserted")),
    ("Exports are the highest since the border closure in January 2020.",
     ("border_closure", "asserted")),
    # athletes and a cheering squad sent south: people crossing, not guards deployed
    ("The DPRK sent its athletes, a large cheering squad and an art troupe to the south "
     "side in February for the Winter Olympic Games.", ("border_reopening", "asserted")),
])
def test_events_wordings_of_sets_ar_and_as(sentence: str, kind: tuple[str, str]) -> None:
    assert kind in kinds(sentence)


def test_events_a_person_taken_for_an_organisation_is_still_sentenced() -> None:
    # the model tags "Hyeon Soo Lim" as an organisation here; only a company is fined
    text = ("Kenneth Bae was arrested in Rason in November 2012 and sentenced to 15 years of "
            "hard labour the following spring; he was flown home in 2014. Hyeon Soo Lim was "
            "sentenced to life with hard labour in December 2015.")
    assert modalities(text, "punishment") == ["asserted", "asserted"]
    assert modalities("The US said ZTE would be fined and forced to shake up its management.",
                      "punishment") == []


@pytest.mark.parametrize(("sentence", "etype"), [
    # a city's roads blocked by police is no lockdown of the city
    ("Police blocked the border bridge into the city on Monday.", "health_measure"),
    # a website run by defectors, a ribbon cut among the production lines, memories
    # revived of a tour, and a drug trade that grows: no crossing, closure, reopening or
    # trade
    ("Daily NK, a website run largely by defectors, reported the arrests.",
     "illegal_crossing"),
    ("The agency said Kim cut the tape himself and toured the production lines.",
     "border_closure"),
    ("The case revived memories of a student arrested at the end of a New Year tour.",
     "border_reopening"),
    ("A defector expects the drug trade to grow.", "trade_resumption"),
    # the report on it is no drug trade
    ("The report on drug trafficking was published on Monday.", "smuggling"),
    # barred from leaving their homes: a lockdown, not a travel ban; a ship's crew barred
    # from leaving: held with the ship
    ("Residents were barred from leaving their homes for two weeks.", "border_closure"),
    ("The crew members have been barred from leaving the country.", "border_closure"),
    ("The military operation against the rebels began in May.", "crackdown"),
    ("The DPRK sent its athletes and a large cheering squad to the south side in February.",
     "security_reinforcement"),
    # an aim to stamp something out is no crackdown told; an undated closure named as a
    # bound ("since the border closure") is background
    ("The authorities deployed another battalion in a bid to stamp out smuggling.",
     "crackdown"),
    ("Exports reached $190 million in September, the highest total since the border closure.",
     "border_closure"),
    # a North Korean partner or guide passing word to a tour agency is no state statement
    ("Koryo Tours said its North Korean partner had told it that tours to Rason were paused.",
     "official_statement"),
    ("A participant said North Korean guides had told the group that more Europeans would "
     "come soon.", "official_statement"),
    ("Separated families met at Mt Kumgang, with those from the south side crossing the "
     "Military Demarcation Line by the east coast road.", "illegal_crossing"),
    # fuel crossing the river is goods, not people crossing; trucks that "continued to
    # cross" had never stopped; power received is no aid
    ("Smaller volumes of fuel had also crossed by rail over the Tumen River bridge.",
     "illegal_crossing"),
    ("Trucks continued to cross the Friendship Bridge between Dandong and Sinuiju this week.",
     "border_reopening"),
    ("Households in Hyesan received power for only two hours a day through January.",
     "aid_delivery"),
    # a soldier crossing the line is no delegation
    ("A North Korean soldier crossed the Military Demarcation Line at Panmunjom on Monday.",
     "border_reopening"),
])
def test_events_not_of_the_type_in_sets_ar_and_as(sentence: str, etype: str) -> None:
    assert etype not in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "etype"), [
    # a ban on private grain sales is a crackdown on the markets, not a trade sanction
    ("In October 2005, the government banned private grain sales.", "crackdown"),
    ("North Korea has banned the private sale of rice and corn at markets in Hyesan.",
     "crackdown"),
    ("The authorities plan to extend the ban on private grain sales to nearby counties.",
     "crackdown"),
    ("China banned imports of North Korean coal in 2017.", "trade_suspension"),
])
def test_events_a_ban_on_private_sales_is_a_crackdown(sentence: str, etype: str) -> None:
    assert found_among(sentence, "crackdown", "trade_suspension") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    # seizing control, or what is taken from a person, is no confiscation of goods
    ("Rebels seized control of the town after a week of fighting.", "crackdown"),
    ("The guards confiscated it from him, a source said.", "crackdown"),
    ("The new market opened only last year.", "crackdown"),
    # what was done instead of it did not happen
    ("He was executed for visiting a bathhouse after returning from China instead of going "
     "into quarantine.", "health_measure"),
    ("Instead of going into quarantine, the traders went straight to the market.",
     "health_measure"),
])
def test_events_seizing_control_or_what_was_done_instead_is_no_event(sentence: str,
                                                                     etype: str) -> None:
    assert etype not in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "modality"), [
    # people coming home from abroad over the border reopen it
    ("About 300 people came back by bus over the Friendship Bridge last month.", "asserted"),
    ("The returnees who crossed the bridge from Dandong were held in quarantine.",
     "asserted"),
    ("A larger group of returnees is expected to cross from Dandong next month.",
     "expected"),
    # a defector swimming back from the South is no reopening, nor is one man
    ("A man who had fled to the South came back across the inter-Korean border.", None),
    ("A runaway who had fled to the South came back across the border on July 19.", None),
    ("The woman came back from China with a sack of rice.", None),
])
def test_events_people_coming_home_reopen_the_border(sentence: str,
                                                     modality: str | None) -> None:
    assert modalities(sentence, "border_reopening") == ([modality] if modality else [])


@pytest.mark.parametrize(("sentence", "modality"), [
    # "due", "scheduled": a plan still coming; told in the past, it was a plan then
    ("About 100 Russian tourists are due to fly from Vladivostok to Pyongyang next week.",
     "expected"),
    ("North Korea had been due to receive 1.7 million doses of the vaccine in May.",
     "asserted"),
])
def test_events_a_scheduled_event_is_expected_unless_told_as_past(sentence: str,
                                                                  modality: str) -> None:
    assert {c.modality for c in candidates(sentence)
            if c.type in ("border_reopening", "aid_delivery")} == {modality}


@pytest.mark.parametrize(("sentence", "found"), [
    ("A freight train from Dandong rolled across the Yalu River into Sinuiju on Sunday.",
     True),
    ("Cargo trucks have begun crossing the bridge between Rason and China's Jilin Province.",
     True),
    ("Freight trains have been running between Sinuiju and Dandong since last year.", True),
    ("Kim's armoured train arrived in Vladivostok on Tuesday for the summit.", False),
    ("Air Koryo operated its first international passenger flights in three years.", True),
    ("Railway authorities are preparing to bring back passenger trains between Dandong and "
     "Pyongyang.", True),
    ("Freight trains between Dandong and Sinuiju, which restarted in January 2022 after a "
     "long halt, now run most days.", True),
    ("The trucks drove through the capital during the parade.", False),
])
def test_events_vehicles_crossing_the_border_reopen_it(sentence: str, found: bool) -> None:
    # a vehicle and a border, river or place across it; not a leader's train to a summit
    types = {c.type for c in candidates(sentence)}
    assert ("border_reopening" in types) is found


@pytest.mark.parametrize(("sentence", "found"), [
    ("A trader was arrested by the security police in late February, the partner added.",
     False),
    ("The Ministry of State Security has sent two residents to a labor-training camp.", False),
    ("Police in Jilin have rounded up hundreds of people and sent many of them back.", False),
    ("Extra guards were sent to the riverbank last month.", True),
    ("Several border guards who took bribes were sent to a prison camp last winter.", False),
    ("The ministry sent more soldiers to the border towns.", True),
    ("Soldiers from a recently reinforced guard company opened fire.", True),
    # what a clause after "after" acts on is another act's
    ("Smugglers moved a shipment of phones across the river after paying off a guard unit.",
     False),
    ("The ministry moved a guard unit to the river after the inspection.", True),
])
def test_events_security_forces_are_what_is_sent_not_who_sends(sentence: str,
                                                               found: bool) -> None:
    # a deployment needs forces in what the verb acts on; a trailing "the partner added"
    # is a verb of saying
    types = {c.type for c in candidates(sentence)}
    assert ("security_reinforcement" in types) is found


@pytest.mark.parametrize(("sentence", "found"), [
    ("China blocked a U.S. effort at the United Nations to blacklist six ships.", set()),
    ("China blocked a U.S. effort to blacklist six ships at the United Nations.", set()),
    ("Russia vetoed a resolution to impose new sanctions on North Korea.", set()),
    ("The council adopted a resolution to impose new sanctions on North Korea.",
     {"trade_suspension"}),
    # stopped from entering: kept from happening, unless nothing stopped it
    ("North Korean authorities have stopped Chinese trucks from entering Sinuiju, halting "
     "road imports from Dandong.", {"trade_suspension"}),
    ("But that hasn't stopped North Korea's government from accepting vaccines.",
     {"aid_delivery"}),
])
def test_events_a_thwarted_attempt_is_no_event(sentence: str, found: set[str]) -> None:
    assert {c.type for c in candidates(sentence)} == found


@pytest.mark.parametrize("sentence", [
    "So why didn't the minister order the navy to shoot down the rocket?",
    "Did North Korea close the border with China?",
    "If North Korea closes the border again, trade will collapse.",
    # the "if" hung on the verb just before the trigger
    "If the border remains shut through the winter, food prices will rise sharply.",
    "\"If the trucks stay stopped until December, the price of flour will jump,\" he said.",
    "Unless Pyongyang arrests the smugglers, the trade will go on.",
    "If Moscow had voted against it, it would have made it harder to impose broad "
    "sanctions on Pyongyang.",
])
def test_events_questions_and_conditions_tell_no_event(sentence: str) -> None:
    assert candidates(sentence) == []


def test_events_a_dated_forecast_under_a_condition_is_expected() -> None:
    found = candidates("The freight rail link could resume service in the second half of "
                       "the year if the virus situation in China remains stable.")
    assert [(c.type, c.modality) for c in found] == [("border_reopening", "expected")]


def test_events_a_disaster_emergency_is_no_health_measure() -> None:
    assert not candidates("Some areas should be declared as special-level disaster emergency "
                          "areas.")
    assert {c.type for c in candidates("The city declared a state of emergency over the "
                                       "epidemic.")} == {"health_measure"}


@pytest.mark.parametrize("sentence", [
    "Sanctions have hit North Korea's trade with China.",
    "Washington imposed sanctions on both North Korea exports and imports.",
    "He thanked Beijing for cutting off some diesel to Pyongyang.",
])
def test_events_sanctions_hitting_trade_are_no_smuggling(sentence: str) -> None:
    assert {c.type for c in candidates(sentence)} == {"trade_suspension"}


@pytest.mark.parametrize(("sentence", "count"), [
    ("The groups were not stopping this crude stunt, she said.", 0),
    ("Defense cuts fueled by a miscalculation weakened the navy.", 0),
    ("The council imposed sanctions, seeking to limit the North's access to refined oil.", 1),
])
def test_events_goods_cut_off_are_named_goods_and_no_aim(sentence: str, count: int) -> None:
    assert [c.type for c in candidates(sentence)].count("trade_suspension") == count


def test_events_sanctions_of_the_security_council_are_no_security_measure() -> None:
    assert {c.type for c in candidates(
        "The Security Council has strengthened sanctions on the North.")} == {"trade_suspension"}


def test_events_counted_events_with_a_date_are_not_generic() -> None:
    assert "illegal_crossing" in {c.type for c in candidates(
        "Hundreds of people fled across the river in January.")}
    assert "illegal_crossing" in {c.type for c in candidates(
        "Guards stopped two women from crossing the river.")}
    assert "illegal_crossing" in {c.type for c in candidates(
        "Police arrested two defectors who fled across the river in May.")}
    assert "illegal_crossing" not in {c.type for c in candidates(
        "Seoul has engaged in a crackdown on defectors who have fled the regime.")}


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("In April 2018, authorities in Busan held a Togo-flagged tanker for two months.",
         "crackdown"),
        ("One woman waded across the river near Musan in the spring of 2019.",
         "illegal_crossing"),
        ("The army plans to move troops back into the joint factory park.",
         "security_reinforcement"),
        ("The North refused the AstraZeneca shots offered to it in July.", "aid_delivery"),
        ("The court jailed him for eight years of hard labour.", "punishment"),
        ("Dozens of people have been detained in the city since the team came, among them "
         "students caught with songs on their phones.", "arrest"),
        ("The committee will send vegetables, fuel and daily necessities to the city.",
         "aid_delivery"),
    ],
)
def test_events_more_words_for_seizures_crossings_deployments_and_aid(sentence: str,
                                                                      etype: str) -> None:
    assert etype in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "found"), [
    ("India halted vaccine exports in the spring.", False),
    ("Syria closed its border with Turkey in March.", False),
    ("India halted its exports to North Korea in the spring.", True),
    ("China closed its side of the border in January.", True),
    ("Russia closed its road crossings with China in March.", False),
    ("Russia closed its road crossings with China and North Korea in March.", True),
    # the country that owns the trade; the other side "to" or "from" it
    ("South Korea's own trade with China shrank last year.", False),
    ("Japan's exports to China fell sharply last year.", False),
    ("China's trade with North Korea shrank last year.", True),
])
def test_events_a_third_countrys_trade_or_border_act_is_none_of_ours(sentence: str,
                                                                      found: bool) -> None:
    # the North's neighbours act on it even unnamed; a third country only when it is named
    types = {c.type for c in candidates(sentence)}
    assert bool(types & {"trade_suspension", "border_closure"}) is found


def test_events_an_act_in_a_present_once_clause_is_supposed() -> None:
    # "once it starts vaccinating": the condition of a forecast, not a measure taken
    assert "health_measure" not in {c.type for c in candidates(
        "Analysts expect the North to relax its rules once it starts vaccinating people.")}
    assert "health_measure" in {c.type for c in candidates(
        "The North started vaccinating people against the virus in May.")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bank paid a fine in order to end the penalties that were imposed on it for its "
         "earlier evasion of sanctions on North Korea.", True),
        ("Investigators described the circumvention of sanctions on North Korea by tankers.",
         True),
        ("Guards were posted in order to stop the evasion of sanctions on North Korea.", False),
    ],
)
def test_events_sanctions_evasion_and_facts_told_inside_a_purpose(text: str,
                                                                   found: bool) -> None:
    # evading sanctions is smuggling; a purpose clause leaves its act undone, but a relative
    # clause inside it tells a fact about its noun
    assert ("smuggling" in {c.type for c in candidates(text)}) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The new bill also imposes financial sanctions on North Korea.", True),
        ("The resolution was drafted by Washington. It also imposes new sanctions on North "
         "Korea.", True),
        ("The talks were about the peninsula. It also imposes new sanctions on North Korea.",
         False),
        ("Washington imposes sanctions on North Korea.", False),
    ],
)
def test_events_a_law_tells_its_sanctions_in_the_present(text: str, found: bool) -> None:
    # the simple present is habitual, but a law (or "it" after one) enacts what it tells
    assert ("trade_suspension" in {c.type for c in candidates(text)}) is found


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("North Korea closed the border with China in January.", "asserted"),
        ("North Korea reportedly closed the border with China in January.", "reported"),
        ("According to Daily NK, North Korea closed the border in January.", "reported"),
        ("North Korea will reopen the border with China in May.", "expected"),
        ("North Korea is unlikely to reopen the border with China before spring.", "expected"),
        ("North Korea is preparing to resume trade with China.", "expected"),
        ("North Korea did not close the border with China in January.", "negated"),
        ("China denied that it had smuggled oil to North Korea.", "denied"),
        ("North Korea has refused outside help even as floods destroyed thousands of homes.",
         "negated"),
        ("China has offered to send vaccines to North Korea.", "expected"),
        ("He authorized the envoys to convey the relief goods to the storm victims.",
         "expected"),
        ("The leader offered an apology after a fisherman was shot dead by border guards.",
         "asserted"),
        ("The party will ensure that medicines are supplied to the flood victims.",
         "expected"),
        ("Measures should be taken to supply relief materials to the flood victims.",
         "expected"),
        ("Troops were sent to the river to arrest smugglers.", "asserted"),
        ("The regime imposed a lockdown on the city of Hyesan after a suspected case of the "
         "virus.", "asserted"),
        ("The regime reportedly imposed a lockdown on the city of Hyesan.", "reported"),
        ("Russia expressed its willingness to provide humanitarian aid to the North.",
         "expected"),
        ("It is necessary to supply medicines to the flood victims.", "expected"),
        ("The U.S. tabled a proposal to blacklist six ships at the United Nations.",
         "expected"),
        ("In June it turned down a shipment of vaccines from South Korea.", "negated"),
        ("UNICEF hopes to send a second batch of medicine through the crossing next year.",
         "expected"),
        ("Residents called for the punishment of officials who failed to prepare for floods.",
         "expected"),
        ("The Cabinet decided to supply building materials to the flood-hit areas.",
         "expected"),
        ("The country may have reopened the bridge in April.", "reported"),
        ("There is no sign that the border has reopened.", "negated"),
        ("North Korean state media has not mentioned the resumed passenger service.",
         "asserted"),
        ("China has not confirmed that it resumed trade with North Korea.", "reported"),
        ("North Korea did not confirm a case until May, when it ordered a nationwide "
         "lockdown.", "asserted"),
        ("That May she was sentenced to six months in a labor camp.", "asserted"),
        ("She said a second vessel, loaded with 3,000 tons of wheat flour, was due at Nampo "
         "in August.", "expected"),
        ("No one was arrested at the border last week.", "negated"),
        ("Nobody was arrested at the border last week.", "negated"),
        # a noun subject of "is expected to"; "hoped" (the model's lemma is "hop")
        ("A public trial for the brokers is expected to be held in early February.",
         "expected"),
        ("A public trial for the brokers was held in early February.", "asserted"),
        ("UNICEF said it hoped to ship more vaccines to North Korea in the second quarter.",
         "expected"),
        # feared: to come, or, in the perfect, already past
        ("Residents fear harsher punishment once the inspectors arrive.", "expected"),
        ("The employee is feared to have been sent to a political prison camp.", "reported"),
    ],
)
def test_events_modality(sentence: str, modality: str) -> None:
    found = candidates(sentence)
    assert found and found[0].modality == modality, found


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("Back in January, North Korea reportedly shut the border with China.",
         "2021-01-01", "2021-01-31", "month"),
        ("At the start of February, North Korea closed the bridges to China.",
         "2021-02-01", "2021-02-10", "part_of_month"),
        ("North Korea has increased the number of border guards.",
         "2021-02-13", "2021-03-15", "approx"),
        ("The regime might re-open borders for trade at some point between April and June.",
         "2021-04-01", "2021-06-30", "month"),
        ("In early March, PRI reported that North Korea would be reopening its borders.",
         "2021-03-01", None, "unknown"),
        ("The country has closed its schools throughout the pandemic.",
         "2020-01-01", "2021-03-15", "approx"),
        ("Since January, when it shut its border with China, the country has been isolated.",
         "2021-01-01", "2021-01-31", "month"),
        ("China on Friday denied that it had illicitly sold oil to North Korea.",
         None, "2021-03-12", "unknown"),
        ("North Korea said at the time that the soldier had crossed of his own will.",
         None, "2021-03-15", "unknown"),
        ("North Korea said that the soldier had crossed of his own will.",
         "2021-03-15", "2021-03-15", "day"),
        ("Rainfall was triple the year earlier, KCNA said.", "2021-03-15", "2021-03-15",
         "day"),
        ("After her release in 2001 she crossed the Tumen River into China in 2002.",
         "2002-01-01", "2002-12-31", "year"),
        ("Police arrested two traders on Thursday night.", "2021-03-11", "2021-03-11", "day"),
        ("Kim said the wall would be finished this month.",
         "2021-03-15", "2021-03-15", "day"),
        ("Kim said this month that the talks would resume.", "2021-03-01", "2021-03-15",
         "day"),
        ("On Thursday, Xinhua quoted Kim as saying that he hoped for more trade.",
         "2021-03-11", "2021-03-15", "day"),
        ("The country has sealed its borders to keep out the coronavirus.", "2020-01-01",
         "2021-03-15", "approx"),
        ("Guards shot a smuggler at the river as a precaution against the coronavirus.",
         None, "2021-03-15", "unknown"),
        ("The country may have reopened the bridge in April.", "2020-04-01", "2020-04-30",
         "month"),
        ("The bridge reopened a day later.", None, "2021-03-15", "unknown"),
        ("The border has been closed for three months.", "2020-12-15", "2021-03-15",
         "approx"),
        ("The Cabinet decided to supply building materials so that houses can be built by "
         "October.", "2021-03-15", None, "unknown"),
        ("North Korea agreed in 2005 to freeze its reactor.", "2005-01-01",
         "2021-03-15", "day"),
        ("North Korea said this year that it would give up its program.", "2021-03-15",
         "2021-03-15", "day"),
        ("In January, Seoul accepted the offer after Kim agreed to pause the drills.",
         "2021-01-01", "2021-03-15", "day"),
        ("In September alone, exports to North Korea surged 42 percent from a year "
         "earlier.", "2020-09-01", "2020-09-30", "month"),
        ("Trade with North Korea grew sharply compared with the previous year.", None,
         "2021-03-15", "unknown"),
        ("It was the first aid shipment to reach the country by sea since it sealed its "
         "borders in January 2020.", None, "2021-03-15", "unknown"),
        ("The pact collapsed in November, when Pyongyang declared that it would no longer "
         "abide by it.", "2020-11-01", "2021-03-15", "day"),
        ("Resolutions adopted in 2017 banned the North's exports of coal, and trade shrank "
         "by half the following year.", "2017-01-01", "2017-12-31", "year"),
        ("Since November, when talks failed, the North has kept its border closed to "
         "traders.", "2020-11-01", "2021-03-15", "approx"),
        ("China was expected to halt its coal imports from North Korea in December 2017.",
         "2017-12-01", "2017-12-31", "month"),
        ("North Korea will reopen the border in December.", "2021-12-01", "2021-12-31",
         "month"),
        ("The ministry said in a statement carried by KCNA on Feb. 9 that Pyongyang would "
         "broaden cooperation with Russia.", "2021-02-09", "2021-03-15", "day"),
        ("Four years had passed since the October 2019 night when they waded across the Yalu "
         "river from Hyesan.", "2019-10-01", "2019-10-31", "month"),
        ("The biggest factor is an order issued in August 2020 that set up a buffer zone "
         "along the northern border.", "2020-08-01", "2020-08-31", "month"),
        ("In May 2020, Daily NK reported that the virus was spreading, and the authorities "
         "ordered every city and county locked down.", "2020-05-01", "2020-05-31", "month"),
        ("Under sanctions adopted by the UN Security Council in August 2017 following the "
         "launches, all exports of North Korean coal are banned.", "2017-08-01", "2017-08-31",
         "month"),
        # the statement a claim was made in dates it, wherever the parser hangs the phrase;
        # a report the article cites does not date what it tells
        ("The Foreign Ministry denounced the resolution as an act of war in a statement "
         "carried by KCNA on March 2.", "2021-03-02", "2021-03-15", "day"),
        ("Aid was held in quarantine at a port warehouse, according to a UN report "
         "published on March 2.", None, "2021-03-15", "unknown"),
        # a statement told in the past is not made after publication: "April 23rd" in
        # March is last April
        ("North Korea insisted in a statement on April 23rd that he had fallen ill.",
         "2020-04-23", "2021-03-15", "day"),
        # a clause of beginning hung by the parser on the campaign's last noun still dates
        # the campaign
        ("Police launched a campaign against drug dealing across Ryanggang, which began on "
         "March 1.", "2021-03-01", "2021-03-01", "day"),
    ],
)
def test_events_time_choice(sentence: str, start: str, end: str | None,
                            precision: str) -> None:
    (cand, when), *_ = timed(sentence)
    assert (when.start, when.end, when.precision) == (start, end, precision), cand


def test_events_since_then_runs_from_the_date_told_before_to_publication() -> None:
    text = ("The country sealed its borders in late January 2020 and has since required "
            "imported goods to be held in quarantine.")
    health = [(c, w) for c, w in timed(text) if c.type == "health_measure"]
    assert health and all((w.start, w.end, w.precision) == ("2020-01-21", "2021-03-15",
                                                            "approx") for _, w in health)
    closure = [w for c, w in timed(text) if c.type == "border_closure"]
    assert [(w.start, w.end) for w in closure] == [("2020-01-21", "2020-01-31")]


def test_events_a_modal_reaches_a_conjunct_four_words_down() -> None:
    text = ("Towns, villages and farms should improve the storm victims' living by giving "
            "them in an orderly way the rice and other goods in need with those in store and "
            "quickly supplying them with relief materials of the state.")
    supplying = [c for c in candidates(text) if text[c.trigger_start:c.trigger_end] == "supplying"]
    assert [(c.type, c.modality) for c in supplying] == [("aid_delivery", "expected")]


def test_events_present_perfect_conjunct_is_not_dated_by_its_sibling() -> None:
    found = {c.type: w for c, w in timed(
        "It shut its borders in early 2020 and has only partially reopened them.")}
    assert found["border_closure"].start == "2020-01-01"
    reopened = found["border_reopening"]
    assert (reopened.start, reopened.end, reopened.precision) == (
        "2021-02-13", "2021-03-15", "approx")


@pytest.mark.parametrize(("text", "start", "end"), [
    # a date inside a past "before" clause dates that clause's event, when the sentence
    # dates the main one elsewhere
    ("The North acknowledged an outbreak in May 2020 and imposed a lockdown, before Kim "
     "declared victory in August that year.", "2020-05-01", "2020-05-31"),
    # with no other date (a length is none), the "before" clause still dates it
    ("A lockdown was imposed in Hyesan for several days, before traffic resumed on "
     "Friday.", "2021-03-12", "2021-03-12"),
])
def test_events_a_past_before_clause_dates_its_own_event(
        text: str, start: str, end: str) -> None:
    when = next(w for c, w in timed(text) if c.type == "health_measure")
    assert (when.start, when.end) == (start, end)


def test_events_plan_of_the_main_clause_does_not_reach_its_after_clause() -> None:
    found = {c.type: c.modality for c in candidates(
        "The crossing will reopen after two smugglers were arrested in Hyesan.")}
    assert found == {"border_reopening": "expected", "arrest": "asserted"}


def test_events_after_clause_is_bounded_by_the_main_event() -> None:
    text = ("Back in January, North Korea shut the border with China, after two people were "
            "arrested for smuggling sugar across the river.")
    pairs = timed(text)
    closure = next(w for c, w in pairs if c.type == "border_closure")
    arrest, arrest_when = next((c, w) for c, w in pairs if c.type == "arrest")
    assert (closure.start, closure.end) == ("2021-01-01", "2021-01-31")
    assert (arrest_when.start, arrest_when.end) == (None, None)
    bounded = et.bound_by_other(arrest, pairs, text)
    assert bounded is not None
    assert (bounded.start, bounded.end, bounded.precision) == (None, "2021-01-31", "unknown")


def test_events_same_sentence_clauses_with_dates_that_cannot_meet_are_two_events() -> None:
    pairs = timed("Trade with China fell to almost nothing in the spring and plunged again "
                  "in September.")
    trade = [(c, w, ()) for c, w in pairs if c.type == "trade_suspension"]
    assert len(trade) == 2
    assert not ev.same_event(trade[0], trade[1])


def test_events_same_sentence_candidates_of_one_type_are_one_event() -> None:
    pairs = timed("The country has also closed schools and imposed social distancing rules.")
    health = [(c, w, ()) for c, w in pairs if c.type == "health_measure"]
    assert len(health) >= 2
    assert ev.same_event(health[0], health[1])


def test_events_a_statement_told_as_coming_after_another_is_another_event() -> None:
    pairs = timed("North Korea said it may cancel the summit. Pyongyang then accused the "
                  "adviser of making reckless statements.")
    said = [(c, w, ()) for c, w in pairs if c.type == "official_statement"]
    assert len(said) == 2
    assert said[1][0].sequel and not said[0][0].sequel
    assert not ev.same_event(said[0], said[1])


@pytest.mark.parametrize("sentence", [
    "The decision on repairing the flood damage was adopted unanimously.",
    "The puppets fabricated and spread groundless rumours about the republic.",
    "An official of the headquarters said that no case had been found so far.",
])
@pytest.mark.parametrize(("own_media", "found"), [(True, {"official_statement"}), (False, set())])
def test_events_decisions_and_rebuttals_are_statements_only_in_state_media(
    sentence: str, own_media: bool, found: set[str]
) -> None:
    _norm, doc = parse(sentence)
    assert {c.type for c in ev.find_candidates(doc, own_media=own_media)} == found


@pytest.mark.parametrize(("phrase", "state"), [
    ("the General Staff of the KPA", True), ("Mr Kim", True), ("the WPK", True),
    ("Kim Dong-yeon", False), ("a kpa-style parade", False)])
def test_events_state_names_and_acronyms(phrase: str, state: bool) -> None:
    assert ev.is_state_name(phrase) is state


def test_events_lexicon_rejects_unknown_type(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ev.LexiconError, match="unknown type 'closure'"):
        ev._rule({"type": "closure", "rule": "x", "lemmas": ["a"], "pos": ["VERB"]}, 0)


def test_events_lexicon_rejects_a_rule_name_given_twice() -> None:
    rule = ev._rule({"type": "arrest", "rule": "arrest.x.v1", "lemmas": ["a"],
                     "pos": ["VERB"]}, 0)
    with pytest.raises(ev.LexiconError, match="rule 1: duplicate name 'arrest.x.v1'"):
        ev._unique((rule, rule))
    assert ev._unique((rule,)) == (rule,)


def test_events_lexicon_rule_borrows_the_word_lists_it_does_not_give() -> None:
    entries = [
        {"type": "aid_delivery", "rule": "aid.a.v1", "lemmas": ["send"], "pos": ["VERB"],
         "with": ["aid", "rice"], "without": ["balloon"]},
        {"type": "aid_delivery", "rule": "aid.b.v1", "lemmas": ["pick"], "pos": ["VERB"],
         "words_of": "aid.a.v1"},
        {"type": "aid_delivery", "rule": "aid.c.v1", "lemmas": ["hand"], "pos": ["VERB"],
         "words_of": "aid.a.v1", "without": []}]
    rules = [ev._rule(entry, i) for i, entry in enumerate(ev._borrow_words(entries))]
    assert rules[1].with_ == {"aid", "rice"} and rules[1].without == {"balloon"}
    assert rules[2].with_ == {"aid", "rice"} and rules[2].without == frozenset()
    with pytest.raises(ev.LexiconError, match="rule 0: 'words_of' names 'aid.a.v1'"):
        ev._borrow_words(entries[1:2] + entries[:1])  # only an earlier rule can lend
    # the packaged lexicon lends: 'pick up' aid has the words of 'deliver'
    by_name = {rule.rule: rule for rule in ev.load_lexicon().rules}
    assert by_name["aid.pick_up.v1"].with_ == by_name["aid.deliver.v1"].with_


def test_events_an_event_told_as_later_runs_from_the_sentences_date() -> None:
    text = ("Police in Hoeryong arrested seven people in early February, and three of them "
            "were later given labor-camp terms at a public trial.")
    times = {c.type: t for c, t in timed(text)}
    assert (times["arrest"].start, times["arrest"].end) == ("2021-02-01", "2021-02-10")
    assert (times["punishment"].start, times["punishment"].end) == ("2021-02-01",
                                                                      "2021-03-15")


@pytest.mark.parametrize(("sentence", "etype"), [
    ("All Party members are devoting their all to stamping out the spread of the fever.",
     None),
    ("The campaign to root out the epidemic goes on.", None),
    ("Medical workers are checking every household for fever.", "health_measure"),
    ("Police have been checking homes for Chinese phones.", "crackdown"),
])
def test_events_rooting_out_a_disease_is_no_crackdown(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "crackdown", "health_measure") == etype


def test_events_an_expected_event_is_not_dated_since_the_pandemic() -> None:
    text = ("The men could face ten years in a reform camp under the rules introduced during "
            "the pandemic, the source added.")
    (punishment,) = [t for c, t in timed(text) if c.type == "punishment"]
    assert (punishment.start, punishment.end) == ("2021-03-15", None)


def test_events_a_participle_on_the_subject_shares_the_sentences_date() -> None:
    text = "A ship carrying corn and flour from the World Food Programme docked at Nampo on " \
           "Thursday."
    (aid,) = [t for c, t in timed(text) if c.type == "aid_delivery"]
    assert (aid.start, aid.end, aid.precision) == ("2021-03-11", "2021-03-11", "day")


@pytest.mark.parametrize(("sentence", "etype"), [
    ("North Korea began allowing its citizens stranded abroad to return in August 2023.",
     "border_reopening"),
    ("Western tour groups were let into the Rason economic zone in October.",
     "border_reopening"),
    ("North Korea allowed UN inspectors to enter the site in May.", None),
    ("The Cabinet on Tuesday approved extending Japan's own sanctions on North Korea.",
     "trade_suspension"),
    ("The council could not get Moscow to renew its mission mandates, let alone agree on "
     "new sanctions.", None),
    ("Those trips were halted abruptly later that month.", "border_closure"),
    ("A broker said trucks were still crossing into Sinuiju on Wednesday.", None),
    ("Medical teams are examining the health of residents in Sinuiju.", None),
])
def test_events_returns_allowed_sanctions_extended_and_trips_halted(sentence: str,
                                                                    etype: str | None) -> None:
    assert found_among(sentence, "border_reopening", "border_closure", "trade_suspension",
                       "crackdown") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("The headquarters ordered that everyone arriving from abroad be quarantined for ten "
     "days.", "health_measure"),
    ("Guards will shoot anyone who approaches the river.", None),
    # what no one may do is a rule too
    ("The army declared a buffer zone along the border that no person or animal could "
     "enter without authorization.", None),
    # leaving something so is no leaving
    ("Dry weather has left the river shallow and easy to ford in many places.", None),
])
def test_events_a_rule_for_everyone_is_a_health_measure_but_no_event_else(
        sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "health_measure", "illegal_crossing",
                       "security_reinforcement") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    # a ban on selling in the markets is a crackdown at home, not a halt of trade
    ("Authorities have banned individuals from selling fuel in the markets of Haeju.",
     "crackdown"),
    ("China banned exports of fuel to North Korea in 2017.", "trade_suspension"),
    # a company fined is no one punished
    ("The US said ZTE would be fined and forced to shake up its management.", None),
])
def test_events_market_bans_and_fines(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "crackdown", "trade_suspension", "punishment") == etype

@pytest.mark.parametrize(("sentence", "etype"), [
    # a relative clause on the object is no part of the act ("where patients live and set up
    # checkpoints"); blocks of flats sealed are a lockdown, not a border closed
    ("In Sinuiju, authorities have sealed off entire apartment blocks where fever patients "
     "live and set up checkpoints on roads leading out of the city.", "health_measure"),
    ("Authorities sealed the checkpoints on roads leading out of the city.", "border_closure"),
    # a capacity to test tells no testing; masks sent are aid
    ("The country has very limited capacity to test for COVID-19.", None),
    ("The country tested 3,000 people for COVID-19 last week.", "health_measure"),
    ("Seoul offered on Monday to send COVID-19 vaccines, masks and medical staff.", None),
    ("Residents were ordered to wear masks against the virus.", "health_measure"),
])
def test_events_lockdowns_of_blocks_and_tests_untold(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "health_measure", "border_closure") == etype


@pytest.mark.parametrize(("sentence", "found"), [
    ("An inspection team from the Ministry of State Security arrived in Hyesan in late "
     "December.", True),
    ("A joint group from the MSS began an investigation of Sinuiju Customs.", True),
    # an inspection of the epidemic or of nuclear sites is no crackdown
    ("An inspection team checked the quarantine of the virus at the port.", False),
    ("An IAEA inspection team left the country in 2009.", False),
])
def test_events_an_inspection_team_is_a_crackdown(sentence: str, found: bool) -> None:
    assert (found_among(sentence, "crackdown") == "crackdown") is found


def test_events_a_teams_arrival_dates_its_inspection() -> None:
    text = ("The halt coincides with an inspection of the customs office by a joint team "
            "from the prosecutors office, which arrived in the city in early March.")
    (when,) = [w for c, w in timed(text) if c.type == "crackdown"]
    assert (when.start, when.end, when.precision) == ("2021-03-01", "2021-03-10",
                                                      "part_of_month")


@pytest.mark.parametrize(("sentence", "absent"), [
    # a military deal suspended and reconnaissance flights resumed are no border acts
    ("Seoul suspended the military deal on Wednesday, resuming aerial reconnaissance flights "
     "near the MDL.", {"border_closure", "border_reopening"}),
    # what such an act is, a past habit, goods coming across, a ceremony taking place
    ("Rebuilding a guard post is cheap and reversible.", {"security_reinforcement"}),
    ("The border, through which much of the food used to arrive, has been sealed.",
     {"aid_delivery"}),
    ("Half the rice sold in Hyesan came across the river from Changbai.",
     {"illegal_crossing"}),
    ("A ceremony for a road bridge across the Tuman River took place on April 30.",
     {"smuggling"}),
])
def test_events_deals_habits_goods_and_ceremonies_are_no_events(sentence: str,
                                                               absent: set[str]) -> None:
    assert not {c.type for c in candidates(sentence)} & absent


@pytest.mark.parametrize(("sentence", "etype"), [
    # still events: a use that is not a habit, a border sealed, people coming across
    ("The ship had been used to carry coal across the border to China.", "smuggling"),
    ("The border, through which much of the food used to arrive, has been sealed.",
     "border_closure"),
    ("Two soldiers came across the river from Changbai last week.", "illegal_crossing"),
])
def test_events_near_the_habits_and_goods_still_events(sentence: str, etype: str) -> None:
    assert etype in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "found"), [
    # tourists returning, arriving at a resort, received; flights begun; tours started
    ("Russian groups began returning to the Masikryong ski resort in February 2024.", True),
    ("The first Russian group arrived at the new Wonsan-Kalma beach resort in early July.",
     True),
    ("It began receiving Russian tour groups in February last year.", True),
    ("The Russian carrier Nordwind Airlines began flying between Moscow and Pyongyang in "
     "late July.", True),
    ("The agency hoped to start rail tours across the Tumangang-Khasan bridge to Rason.",
     True),
    # a tour that began somewhere, a leader back from a tour, a delegation received
    ("Pompeo is on the last stop of a four-leg Asian tour that began in Japan.", False),
    ("The leader returned from a tour of the factory on Monday.", False),
    ("The minister received a delegation of inspectors in March.", False),
])
def test_events_tourists_flights_and_tours_reopen_the_border(sentence: str,
                                                            found: bool) -> None:
    assert (found_among(sentence, "border_reopening") == "border_reopening") is found


def test_events_a_notice_delivered_is_no_aid() -> None:
    assert found_among("The ministry tried to deliver a formal notice proposing talks on the "
                       "aid.", "aid_delivery") is None
    assert found_among("The ministry tried to deliver the aid to the North.",
                       "aid_delivery") == "aid_delivery"


@pytest.mark.parametrize("sentence", ["Sanctions on North Korea were extended in 2018.",
                                      "Construction of new apartments in Pyongyang went on.",
                                      "Old posts appeared in the photographs."])
def test_events_extensions_and_construction_of_other_things(sentence: str) -> None:
    assert "security_reinforcement" not in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "etype"), [
    # detainees bused across are no reopening
    ("About 200 of those held were driven by bus across the Friendship Bridge.", None),
    ("Trucks drove across the Friendship Bridge into Sinuiju on Monday.",
     "border_reopening"),
    # a curfew on the riverbank closes the border, not a health measure
    ("The committee declared a curfew that bans residents from coming within 500 meters "
     "of the riverbank at night.", "border_closure"),
    # a train loaded with flour that left is trade, not aid
    ("A 30-car train loaded with flour and sunflower oil left Khasan on Wednesday.", None),
    # questioning one defector is no crackdown
    ("Authorities plan to question the soldier about the exact route he took.", None),
    # nuclear inspections are no crackdown
    ("The agency may conduct the inspections at the nuclear site, he said.", None),
    # families moved away are no troops
    ("The families of the three soldiers were moved out of Hyesan.", None),
])
def test_events_wordings_of_set_z(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_reopening", "border_closure", "health_measure",
                       "crackdown", "security_reinforcement", "aid_delivery") == etype


@pytest.mark.parametrize("sentence", ["The campaign against smuggling has continued.",
                                      "Efforts to curb smuggling continued."])
def test_events_a_fight_against_smuggling_going_on_is_no_smuggling(sentence: str) -> None:
    assert "smuggling" not in {c.type for c in candidates(sentence)}


@pytest.mark.parametrize(("sentence", "etype"), [
    ("A former soldier came back across the inter-Korean border in July.",
     "illegal_crossing"),
    ("Three soldiers made it across the river last week, the source said.",
     "illegal_crossing"),
    # goods, calls and signals that come across are no crossers
    ("The vaccines came across the Yalu River on a route that had only just reopened.",
     None),
    ("Residents were caught using Chinese phones to make calls across the border.", None),
    # walking away from a job is no crossing
    ("Chinese police have rounded up at least a dozen North Korean women who walked away "
     "from seafood processing plants in the border city of Dandong.", None),
])
def test_events_coming_across_the_border(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "illegal_crossing") == etype


def test_events_a_trigger_with_after_on_it_is_not_in_an_after_clause() -> None:
    text = ("In 2016, the man arrived in Toronto and asked for asylum after spending years in "
            "South Korea.")
    (asylum,) = [t for c, t in timed(text) if c.type == "illegal_crossing"]
    assert (asylum.start, asylum.end) == ("2016-01-01", "2016-12-31")


@pytest.mark.parametrize("sentence", [
    "In June the country turned down 10,000 tons of fertilizer offered by an aid group.",
    "The North had also turned down AstraZeneca shots over worries about side effects.",
    "Last year the North rejected about 3m Sinovac doses.",
    "North Korea turned away 3 million doses of a vaccine offered through COVAX.",
    "In May, it also ignored offers of vaccines and medicine from Seoul.",
    # the giver's side in the sentence of a refusal is the refused aid, not a second
    "It turned down 3 million doses of vaccine and asked that they be sent elsewhere.",
    "North Korea had been allocated 2 million doses, but none of them has been shipped.",
    # a clause before a colon is what the refusal explains, not a report of it
    "It has shunned help from abroad: in 2019 it turned down 5,000 tons of rice that Seoul "
    "had offered.",
])
def test_events_aid_turned_down_is_one_negated_delivery(sentence: str) -> None:
    found = [c for c in candidates(sentence) if c.type == "aid_delivery"]
    assert found and {c.modality for c in found} == {"negated"}, found


def test_events_a_participle_describing_a_noun_is_not_under_the_negation() -> None:
    found = kinds("Tourism is not banned under the sanctions imposed over the weapons "
                  "program in 2017.")
    assert ("border_closure", "negated") in found  # tourism is not banned
    assert ("trade_suspension", "asserted") in found  # the sanctions were imposed


def test_events_aid_accepted_beside_aid_refused_is_told() -> None:
    found = [c for c in candidates("North Korea has accepted its first shipment of vaccines, "
                                   "having turned away offers of doses last year.")
             if c.type == "aid_delivery"]
    assert "asserted" in {c.modality for c in found}


@pytest.mark.parametrize(("sentence", "etype"), [
    ("North Korea has put up a second line of fencing and new guard posts along the Yalu.",
     "security_reinforcement"),
    ("At least nine new guard posts have gone up along the riverbank north of Manpo.",
     "security_reinforcement"),
    ("The fence that rain washed away in August was rebuilt in September with barbed wire.",
     "security_reinforcement"),
    ("Soldiers have been stringing new barbed wire along the Yalu River.",
     "security_reinforcement"),
    ("Satellite images show a new double fence along the river bank.",
     "security_reinforcement"),
    ("A fresh platoon from Musan was rotated into the Hoeryong posts last week.",
     "security_reinforcement"),
    ("The North sent a team and delegates to the Winter Olympics.", None),
    ("Mobile medical squads were dispatched to the flooded county.", None),
    # counts of posts or guards that rise, current run through a fence, a unit reinforced,
    # defences built, construction along the border
    ("Around Hyesan the number of guard posts rose from 44 to 121 between 2020 and March.",
     "security_reinforcement"),
    ("Authorities had begun running electric current through sections of the border fence.",
     "security_reinforcement"),
    ("Parts of the fencing along the Tumen have carried electric current since 2021.",
     "security_reinforcement"),
    ("His old unit had been reinforced with an additional company in the spring of 2020.",
     "security_reinforcement"),
    ("The General Staff said it would build defensive structures along the border.",
     "security_reinforcement"),
    ("Hwang expects construction on the northern border to move east this year.",
     "security_reinforcement"),
    # a count of something else rising, a current in a river, a labour unit, a resort built
    ("The number of crossings rose sharply in the spring.", None),
    ("The current of the Yalu carried the boat downstream.", None),
    ("The two officers were sent to a labor unit for re-education.", None),
    ("Construction of a new customs facility at the border began in May.", None),
])
def test_events_barriers_put_up_and_units_rotated_in(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "security_reinforcement") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Two North Korean men swam across the mouth of the Han River estuary on Tuesday.",
     "illegal_crossing"),
    ("In November 2017, a soldier ran across the line at the truce village of Panmunjom.",
     "illegal_crossing"),
    ("Defectors swim across the river in summer.", None),
])
def test_events_swimming_or_running_across_the_line(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "illegal_crossing") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Two men were caught as they tried to ferry copper and dried medicinal herbs across "
     "the Yalu River near Manpo.", "smuggling"),
    ("A ring that carried copper out and brought Chinese medicine back across the Tumen "
     "River was broken up.", "smuggling"),
    ("A patrol aircraft spotted a North Korean tanker tied up alongside an unidentified "
     "ship.", "smuggling"),
    ("A freight train carried flour across the Yalu River to Sinuiju.", None),
    ("Brokers took a family of five across the Tumen River.", None),
])
def test_events_goods_carried_across_the_river_or_ships_alongside_are_smuggling(
        sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "smuggling") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("The trucks were sprayed with disinfectant twice before anyone touched the cargo.",
     "health_measure"),
    ("The authorities are holding hundreds of laborers back from China in quarantine "
     "facilities in Sinuiju.", "health_measure"),
    ("North Korea has stopped issuing travel permits for trips between provinces after a "
     "fever outbreak.", "health_measure"),
    ("North Korea has stopped passenger trains to China after a fever outbreak.",
     "border_closure"),
])
def test_events_disinfection_quarantine_and_travel_inside_the_country(
        sentence: str, etype: str) -> None:
    assert found_among(sentence, "health_measure", "border_closure", "crackdown") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("A woman who was caught in September talking on the phone to Seoul was sentenced "
     "to five years.", "arrest"),
    ("The company commander was taken away by the Military Security Command for "
     "questioning.", "arrest"),
    ("Fishermen caught more squid this year.", None),
])
def test_events_people_caught_or_taken_away_are_arrested(sentence: str,
                                                          etype: str | None) -> None:
    assert found_among(sentence, "arrest") == etype


def test_events_a_when_clause_on_a_date_happened_then() -> None:
    text = ("Troops have laid mines near the line since November, when Pyongyang declared "
            "that it would no longer abide by the pact.")
    found = {c.type: (t.start, t.end, t.precision) for c, t in timed(text)}
    assert found["official_statement"] == ("2020-11-01", "2021-03-15", "day")
    assert found["security_reinforcement"] == ("2020-11-01", "2021-03-15", "approx")


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Neighborhood watch units have been told to report any household that receives "
     "unexplained goods.", "crackdown"),
    ("At least four smugglers were also picked up by the Ministry of State Security.",
     "arrest"),
    ("Last week, state security agents took away a returnee from the Rason barracks.",
     "arrest"),
    ("The authorities have launched an inspection of every border guard unit along the "
     "Tumen.", "crackdown"),
    ("The reporter was told to report on the weather.", None),
    ("Trade picked up in March.", None),
])
def test_events_informers_pick_ups_and_inspections_of_guards(sentence: str,
                                                            etype: str | None) -> None:
    assert found_among(sentence, "crackdown", "arrest") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Officials told him passenger buses would begin crossing as early as September.",
     "border_reopening"),
    ("Red Lantern Tours said it hoped to bring its first groups back before the end of the "
     "year.", "border_reopening"),
    ("Day trips from Dandong to Sinuiju are expected to restart in mid-December.",
     "border_reopening"),
    ("Tanks crossed the square during the parade.", None),
])
def test_events_vehicles_crossing_and_groups_or_trips_coming_back(sentence: str,
                                                                 etype: str | None) -> None:
    assert found_among(sentence, "border_reopening") == etype


@pytest.mark.parametrize(("sentence", "types"), [
    ("Last week, the Rodong Sinmun carried an editorial urging citizens to reject all "
     "anti-socialist practices in the distribution of grain.", {"official_statement"}),
    ("On November 3, the party newspaper Rodong Sinmun ran an editorial urging soldiers on "
     "the frontier to \"block every crack through which the virus could creep in.\"",
     {"official_statement"}),
    ("The US envoy urged the Security Council to cut off oil supplies to North Korea.",
     {"trade_suspension"}),
])
def test_events_what_state_media_urge_is_their_statement(sentence: str,
                                                         types: set[str]) -> None:
    # an editorial run or carried is a statement; the acts it urges are part of it, but
    # a foreign envoy's call for sanctions is still an expected suspension
    assert {c.type for c in candidates(sentence)} == types


def test_events_where_a_unit_is_stationed_is_no_reinforcement() -> None:
    # a posting described, with no date saying the unit just went there
    assert "security_reinforcement" not in {c.type for c in candidates(
        "The team punished officers of the border guard unit stationed in Sinuiju.")}


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Border troops were told to open fire on anyone approaching the river at night.",
     "security_reinforcement"),
    ("Guards were told to fire on intruders without warning.", "security_reinforcement"),
    ("Soldiers were told to open the gates for the convoy.", None),
    ("Guard posts along the Tumen have been topped up with soldiers from an army corps.",
     "security_reinforcement"),
    ("He was told to top up his phone account.", None),
    ("The fences around Musan were thickened last year.", "security_reinforcement"),
    ("The rail link was suspended after an outbreak in Dandong.", "border_closure"),
    ("Illicit oil deliveries continued throughout the pandemic, the panel found.",
     "smuggling"),
    ("Aid deliveries continued throughout the pandemic.", "aid_delivery"),  # not smuggling
    ("The authorities put the whole country under lockdown after the outbreak.",
     "health_measure"),
    ("Anti-epidemic units on the coast were placed on maximum alert.", "health_measure"),
    ("Front-line troops were placed on high alert after the missile launch.", None),
])
def test_events_wordings_of_set_aa(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "security_reinforcement", "border_closure", "smuggling",
                       "health_measure", "aid_delivery") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Freight trains began trundling across the bridge again in 2022.", "border_reopening"),
    ("The state airline restored its flights to Beijing last August.", "border_reopening"),
    ("Chinese tourists returned to their hotel in Dandong.", None),
    ("Bilateral trade reached about $2.3bn in 2023, more than double the year before.",
     "trade_resumption"),
    ("Imports from China totaled a mere $253,000 that month, the low point.", None),
    ("At least 40 of the women had been moved to a labour camp in Hoeryong.", "punishment"),
    ("Travellers were swabbed for COVID-19 at the border post.", "health_measure"),
    ("Kim Yo Jong dismissed talk of arms exports as a fantasy.", "official_statement"),
    ("North Korea branded the pop songs a poison corrupting its youth.",
     "official_statement"),
])
def test_events_wordings_of_set_ab(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_reopening", "trade_resumption", "punishment",
                       "health_measure", "official_statement") == etype


@pytest.mark.parametrize(("sentence", "modality"), [
    ("Soldiers have been planting fresh minefields along the border.", "asserted"),
    ("The army plans to lay mines along the border.", "expected"),
    ("Officials are planning to build a second fence along the river.", "expected"),
])
def test_events_planting_is_no_plan(sentence: str, modality: str) -> None:
    # "plan" is a plan word; "planting" only begins like one
    found = {c.modality for c in candidates(sentence) if c.type == "security_reinforcement"}
    assert found == {modality}


def test_events_a_subheading_reports_nothing() -> None:
    # illustrative: a feature's subheading names a topic; the paragraph under it reports
    text = ("Trade fell sharply last year.\n\nSealed borders\n\n"
            "North Korea sealed its border in January 2020.")
    closures = [c for c in candidates(text) if c.type == "border_closure"]
    assert [text[c.sent_start:c.sent_end].strip()[:11] for c in closures] == ["North Korea"]


@pytest.mark.parametrize(("sentence", "etype", "modality"), [
    # an accident: they crossed without meaning to
    ("The soldiers did not intend to cross the border, officials believe.", "illegal_crossing",
     "asserted"),
    ("The soldiers intend to cross the river tonight.", "illegal_crossing", "expected"),
    # silence about a suspension does not deny it
    ("State media has not mentioned the suspension of the tours.", "border_closure",
     "reported"),
])
def test_events_a_negated_intent_or_mention_does_not_deny(sentence: str, etype: str,
                                                          modality: str) -> None:
    assert {c.modality for c in candidates(sentence) if c.type == etype} == {modality}


@pytest.mark.parametrize(("sentence", "etype"), [
    # tourists crossing are a reopening, not an illegal crossing
    ("Thirteen tourists crossed into Rason from Hunchun on Thursday.", "border_reopening"),
    ("Two soldiers crossed the border into China.", "illegal_crossing"),
    # troops sent to a foreign war reinforce no border
    ("The North has sent thousands of troops to Russia.", None),
    # residents summoned to a meeting are not questioned
    ("Border residents were summoned to meetings about the new rules.", None),
    # sweeps and searches stepped up are a crackdown; security stepped up is not
    ("Police have stepped up sweeps of North Koreans living without papers.", "crackdown"),
    ("Police intensified house-to-house searches in Hyesan.", "crackdown"),
    ("Authorities stepped up security along the border.", "security_reinforcement"),
    ("The senator endorsed expanded background checks.", None),
    # the leader's tour of a fleet is no inspection of anyone
    ("State media covered Kim Jong Un's inspection of a new fishing fleet and a satellite "
     "launch.", None),
])
def test_events_wordings_of_set_ab_in_context(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_reopening", "illegal_crossing",
                       "security_reinforcement", "crackdown", "trade_suspension",
                       "border_closure") == etype


def test_events_a_trade_zone_is_a_place_not_trade() -> None:
    assert found_among("North Korea has halted foreign tours to its Rason trade zone.",
                       "trade_suspension") is None


def test_events_a_border_slammed_shut_is_no_statement() -> None:
    # "slammed" here shuts a border; as a verb of speech it was dropped for this reason
    found = {c.type for c in candidates(
        "North Korea slammed its border with China shut in January 2020.")}
    assert found == {"border_closure"}


@pytest.mark.parametrize(("sentence", "found"), [
    ("RFA could not verify the execution, which has not been reported by state media.",
     False),
    ("Pyongyang itself has said little about trade.", False),
    ("North Korea has not commented on the report.", False),
    ("North Korea has never reported a confirmed case of the virus.", True),  # a claim
    ("North Korea denied the report on Monday.", True),
])
def test_events_saying_nothing_is_no_statement(sentence: str, found: bool) -> None:
    assert states(sentence) is found


@pytest.mark.model
def test_events_an_event_in_a_before_clause_is_not_dated_by_the_main_one() -> None:
    # illustrative: the sealing came after 2019; "in 2019" dates the guiding
    (closure,) = [t for c, t in timed("She guided six people across the Tumen River in 2019, "
                                      "before the country sealed its border.")
                  if c.type == "border_closure"]
    assert closure.start is None and closure.reason.startswith("publication:")


@pytest.mark.parametrize(("sentence", "etype"), [
    # a border sealed is a closure, even with a lockdown word further on in the sentence
    ("North Korea sealed its land border in January 2020 to keep out the virus, and the "
     "trade it bothers to declare has dried up.", "border_closure"),
    ("Manpo City was totally blockaded on the afternoon of September 17.", "health_measure"),
    # market stalls shut in a border town close no border
    ("In the border town of Hyesan, stalls selling Chinese clothes were shut in the autumn.",
     None),
    # an official shot for a failure was executed, not shot crossing
    ("The official blamed for that fiasco was shot the following year.", None),
    # a grip tightened, or a guard, is no border closed
    ("The regime has used the pandemic to tighten its grip on the border region.", None),
    ("The decision called for tightening the guard on the frontier.", None),
    # goods that crossed are no illegal crossing
    ("The port is holding freight that already crossed the border.", None),
    # "guards" (misparsed as the object of "sealed") does not veto the sealing; only a
    # tightened guard is no closure
    ("North Korea sealed its frontier with China in January 2020 and has since ordered "
     "guards to shoot anyone who approaches it.", "border_closure"),
    ("Pyongyang shut its border to guard against the coronavirus.", "border_closure"),
    # people guided across the river crossed it; goods ferried across were smuggled
    ("She was accused of guiding at least six people across the Tumen River into China.",
     "illegal_crossing"),
    ("The men tried to ferry copper and herbs across the Yalu River.", None),
    # pupils ordered to attend an execution close no school
    ("Even middle school students were ordered to attend and watch.", None),
])
def test_events_wordings_of_set_ac(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_closure", "health_measure", "illegal_crossing") \
        == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    # those a health measure holds are no vague count of actors
    ("Thousands of North Koreans had been placed in medical isolation, state media said.",
     "health_measure"),
    ("In February, foreign diplomats were confined to their compounds for 30 days.",
     "health_measure"),
    # declaring victory over the virus is no measure taken
    ("Kim declared victory over the epidemic at a national meeting on epidemic control.",
     None),
    ("It did not say how many of them had tested positive for the virus.", None),
])
def test_events_health_measures_on_many_people(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "health_measure") == etype


@pytest.mark.parametrize(("sentence", "modality"), [
    # the negation governs the seeing; the closure in the time phrase happened
    ("Some families have not seen their children since the day the border closed.",
     "asserted"),
    ("Officials did not close the border, despite the outbreak.", "negated"),
    # a conjoined clause with a subject of its own is not under the first one's "not"
    ("The tour groups have not come back, and the passenger train is still suspended.",
     "asserted"),
    ("Officials did not close the border or suspend the trains.", "negated"),
])
def test_events_a_negation_stops_at_a_time_phrase_or_a_new_clause(sentence: str,
                                                                  modality: str) -> None:
    assert {c.modality for c in candidates(sentence) if c.type == "border_closure"} \
        == {modality}


@pytest.mark.parametrize(("sentence", "found"), [
    # before it confirmed one, it had confirmed none: no statement
    ("North Korea closed its borders weeks before it had confirmed a single case.", False),
    ("North Korea confirmed its first case of the virus in May.", True),
])
def test_events_a_confirmation_in_a_before_clause_is_none(sentence: str, found: bool) -> None:
    assert states(sentence) is found


@pytest.mark.parametrize(("text", "found"), [
    # "its" foreign ministry is the ministry of the state just named
    ("North Korea is accused of smuggling oil. Its foreign ministry said last month that "
     "the findings were a fabrication.", True),
    ("South Korea's army fired warning shots. Its defence ministry said the troops had "
     "retreated.", False),
])
def test_events_its_ministry_speaks_for_the_state_named(text: str, found: bool) -> None:
    assert states(text) is found


@pytest.mark.parametrize(("sentence", "found"), [
    # in the state's own media, "the puppet ..." is the South's
    ("On November 18, the puppet Ministry of Unification announced that it would send "
     "rice.", False),
    ("On November 18, the Ministry of Public Security announced new rules.", True),
])
def test_events_a_puppet_body_does_not_speak_for_the_state(sentence: str,
                                                           found: bool) -> None:
    _norm, doc = parse(sentence)
    types = {c.type for c in ev.find_candidates(doc, own_media=True)}
    assert ("official_statement" in types) is found


@pytest.mark.parametrize(("sentence", "found"), [
    # calling something something is saying it
    ('Rodong Sinmun last month called the use of foreign cash "a betrayal of socialism".',
     True),
    ("Kim Jong Un called the summit a success.", True),
    ("North Korea called the meeting off.", False),
    ("North Korea called a meeting of the Politburo.", False),
    ("North Korea called on the United States to drop its sanctions.", True),  # call_on
])
def test_events_calling_it_something_is_a_statement(sentence: str, found: bool) -> None:
    assert states(sentence) is found


@pytest.mark.parametrize(("sentence", "etype"), [
    # the subject of a relative clause is the noun it describes
    ("Pyongyang, which insists it has not recorded a single case of the virus, turned the "
     "doses away.", "official_statement"),
    ("A South Korean group, which insists the North has recorded cases, sent masks.", None),
    # ... and, when the clause hangs on a place, the noun the place belongs to
    ("Freight trains between Dandong and Sinuiju, which restarted in January 2022, now run "
     "most days.", "border_reopening"),
])
def test_events_which_stands_for_the_noun_described(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "official_statement", "border_reopening") == etype


@pytest.mark.parametrize(("sentence", "etype"), [
    ("North Korea has stopped accepting goods from China.", "trade_suspension"),
    ("Troops were seen posting extra sentries near the spot where he crossed.",
     "security_reinforcement"),
    ("Last December, Pyongyang passed a sweeping law against reactionary thought.",
     "crackdown"),
    ("The assembly passed a law on the protection of forests.", None),
    ("Last week Air Koryo flew to Beijing for the first time since the pandemic began.",
     "border_reopening"),
    ("Kim Jong Un flew to Vladivostok on his private jet.", None),
])
def test_events_wordings_of_set_ac_new_rules(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "trade_suspension", "security_reinforcement", "crackdown",
                       "border_reopening", "border_closure") == etype


def test_events_goods_seized_in_a_market_ban_are_no_trade_halt() -> None:
    # goods are a trade word only where the state stops taking them in
    found = {c.type for c in candidates(
        "The ban was handed down in February, and inspectors began confiscating goods.")}
    assert "trade_suspension" not in found


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Agencies expect the first Chinese tour groups to be allowed in before the end of the "
     "year.", "border_reopening"),
    ("Inspectors were not allowed in.", None),
    ("Before boarding, every passenger had to show a negative PCR test.", "health_measure"),
    ("Students had to show their results to the teacher.", None),
    ("Those who arrived were driven straight to a quarantine facility in Sinuiju.",
     "health_measure"),
    ("The officials took the defectors to a detention centre.", None),
])
def test_events_tourists_let_in_tests_shown_people_driven_to_quarantine(
        sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_reopening", "health_measure") == etype


@pytest.mark.parametrize(("sentence", "new"), [
    ("The three were shot by a firing squad on Monday.", False),  # those told of already
    ("Three men were shot by a firing squad on Monday.", True),
    ("All three were detained in August.", False),
    # "the first time X had ...": the act just told, named as a kind
    ("It was the first time Washington had seized a cargo ship over sanctions.", False),
    ("Washington seized a cargo ship over sanctions.", True),
])
def test_events_a_number_with_the_points_back(sentence: str, new: bool) -> None:
    (cand,) = [c for c in candidates(sentence)
               if c.type in ("punishment", "arrest", "crackdown")]
    assert cand.new_referent is new


def test_events_people_who_travel_by_bus_across_a_bridge_cross_legally() -> None:
    # illustrative: returnees bussed over the Friendship Bridge are let in, not sneaking
    found = {c.type for c in candidates(
        "Several hundred people travelled by bus from Dandong to Sinuiju on Monday, crossing "
        "the Yalu River on the Friendship Bridge.")}
    assert "illegal_crossing" not in found


@pytest.mark.parametrize(("sentence", "found"), [
    # letting people in, setting up a zone, withholding a right: acts, not speech
    ("Russians are the only foreign holidaymakers the North has admitted since it shut its "
     "borders.", False),
    ("North Korea admitted 13 tourists into Rason.", False),
    ("North Korea admitted an outbreak of the virus in May.", True),
    ("In August 2020 the North declared a buffer zone along the Chinese frontier.", False),
    ("North Korea declared victory over the virus in August.", True),
    ("The court ruled that Pyongyang had denied them the freedom to leave.", False),
    ("Pyongyang denied the report on Monday.", True),
])
def test_events_speech_verbs_that_act(sentence: str, found: bool) -> None:
    assert states(sentence) is found


@pytest.mark.parametrize(("sentence", "etype"), [
    # the subject that "return" shares with "expected" is part of its phrase, compounds too
    ("Chinese tour groups are expected to return later this year.", "border_reopening"),
    ("Chinese investors are expected to return later this year.", None),
    # tourists sent across are let in
    ("The region plans to send the first organized group of Russian tourists to Rason by "
     "train in March.", "border_reopening"),
])
def test_events_tour_groups_expected_or_sent(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "border_reopening") == etype


@pytest.mark.parametrize(("sentence", "found"), [
    # a health word naming a thing is no measure taken ...
    ("The shipment included 15,000 coronavirus test kits and protective suits.", False),
    ("Bribery will punch holes in their quarantine wall, she said.", False),
    # ... but sites built for one are
    ("The North has set up large disinfection sites in Sinuiju to handle imported goods.",
     True),
    ("Arrivals were quarantined for a month.", True),
])
def test_events_a_health_word_naming_a_thing_is_no_measure(sentence: str,
                                                           found: bool) -> None:
    assert ("health_measure" in {c.type for c in candidates(sentence)}) is found


@pytest.mark.parametrize(("sentence", "modality"), [
    # "shall" is a decree's rule, in force from the decree; "will" tells what is to come
    ("Imports that are not urgently needed shall be suspended until further notice, the "
     "decree says.", "asserted"),
    ("Imports that are not urgently needed will be suspended next month, the decree says.",
     "expected"),
])
def test_events_shall_is_a_rule_in_force(sentence: str, modality: str) -> None:
    assert {c.modality for c in candidates(sentence) if c.type == "trade_suspension"} \
        == {modality}


def test_events_freight_trains_read_as_a_verb_still_cross() -> None:
    # illustrative; the parser takes "trains" for a verb whose subject is "Freight"
    found = {c.type for c in candidates(
        "Freight trains carrying flour, medical supplies and fertilizer crossed the "
        "Sino-Korean Friendship Bridge to Sinuiju on Monday for the first time since late "
        "April, the traders said.")}
    assert "border_reopening" in found


@pytest.mark.parametrize(("sentence", "etype"), [
    # goods that enter or move are no people crossing and no troops deployed
    ("A consignment of measles and polio vaccines has finally entered the country.", None),
    ("For years, he said, goods moved across it at night with the guards' blessing.", None),
    ("Security officials had been posted at the Sinuiju freight yard last week.",
     "security_reinforcement"),
])
def test_events_goods_that_move_are_no_people(sentence: str, etype: str | None) -> None:
    assert found_among(sentence, "illegal_crossing", "security_reinforcement") == etype


@pytest.mark.parametrize(("text", "statement"), [
    # a defector named Kim, introduced in full, keeps the bare surname afterwards
    ("Kim Eun-hee, a former nurse, crossed the Tumen in 2019. Kim said that a neighbour "
     "was caught on the riverbank.", False),
    # with only the leaders named in full, a bare "Kim" is the leader
    ("Kim Il Sung founded the state. Kim said that the border would stay shut.", True),
    ("Kim said that the border would stay shut.", True),
])
def test_events_a_bare_surname_follows_the_private_person_named_before(
        text: str, statement: bool) -> None:
    assert states(text) is statement


@pytest.mark.parametrize(("text", "statement"), [
    # "it" after sentences about the country, with no body quoted before it, is the state
    ("Pyongyang hid the outbreak for weeks. It acknowledged an outbreak in May.", True),
    ("The regime is secretive. It said on Tuesday that six more people had died.", True),
    # the subject before is no body ("the measures"), or another country
    ("The measures were strict. It said on Tuesday that six more people had died.", False),
    ("China kept its border shut. It said on Tuesday that six more people had died.", False),
    # a person in between: the story is about someone else now
    ("Pyongyang hid the outbreak. He said on Tuesday that six more people had died.", False),
    # a country named after the last body quoted is the one "it" stands for
    ("Seoul's ministry said talks were off. North Korea kept quiet for a week. It said on "
     "Tuesday that six more people had died.", True),
])
def test_events_it_stands_for_the_country_the_story_was_about(
        text: str, statement: bool) -> None:
    assert states(text) is statement


@pytest.mark.parametrize("sentence", [
    # a virus, a leaf or people arriving from abroad cross nothing illegally; measures
    # taken carry nothing across
    "The headquarters has made public how the malignant virus entered the country across "
    "the border.",
    "A leaf or a scrap of vinyl drifting across the river may carry the virus.",
    "No infection was traced to persons entering from abroad across the land border.",
    "It has taken thoroughgoing measures to cut off every route of its inflow across the "
    "border.",
])
def test_events_things_and_arrivals_cross_nothing(sentence: str) -> None:
    assert found_among(sentence, "illegal_crossing", "smuggling") is None


@pytest.mark.parametrize(("sentence", "found"), [
    # a border kept sealed is a closure, whatever the clause after it blocks
    ("North Korea has kept its border with China sealed since January 2020, when it moved "
     "to block the spread of COVID-19.", {("border_closure", "asserted")}),
    # a reopening said to be likely or unlikely is a forecast, as the verb would be
    ("A reopening of the border to travelers is unlikely before 2023, she said.",
     {("border_reopening", "expected")}),
    ("A resumption of trade is likely next month.", {("trade_resumption", "expected")}),
    # wanting or wishing to defect is why one crossed, not another crossing to come
    ("The soldier crossed the Military Demarcation Line on Monday and was escorted to "
     "safety after he signaled that he wanted to defect.", {("illegal_crossing", "asserted")}),
    ("He crossed the border on Monday and expressed his wish to defect to the South.",
     {("illegal_crossing", "asserted")}),
    ("The soldier plans to defect to the South next week.", {("illegal_crossing", "expected")}),
    # aid refused or not taken is one record, not also the offer it was
    ("Pyongyang still hasn't accepted a single dose from Covax, which has offered it "
     "shots since early 2021.", {("aid_delivery", "negated")}),
    ("North Korea turned down three million doses of vaccine that China offered it.",
     {("aid_delivery", "negated")}),
    # "set up" and "set forth" do things; only "is set to" plans them
    ("In the months that followed, it set up a buffer zone along its northern border and "
     "ordered troops to shoot anyone who entered it.", {("security_reinforcement", "asserted")}),
    ("The North has set up large disinfection sites in Sinuiju to quarantine imported goods.",
     {("health_measure", "asserted")}),
    ("The bridge is set to reopen next month.", {("border_reopening", "expected")}),
])
def test_events_kinds_and_modalities_of_whole_sentences(
        sentence: str, found: set[tuple[str, str]]) -> None:
    assert kinds(sentence) == found


@pytest.mark.parametrize(("sentence", "found"), [
    # a country that admits tourists lets them in; admitting an outbreak is a statement
    ("North Korea admitted 13 tourists into Rason last month.",
     {("border_reopening", "asserted")}),
    ("North Korea admitted its first outbreak of the virus last month.",
     {("official_statement", "asserted")}),
])
def test_events_admitting_visitors_is_a_reopening(
        sentence: str, found: set[tuple[str, str]]) -> None:
    assert {k for k in kinds(sentence) if k[0] != "health_measure"} == found


@pytest.mark.parametrize(("sentence", "found"), [
    # freight that grows is trade that grows; a train back in service is a reopening
    ("Russian railway officials said freight through the Khasan-Tumangang rail crossing "
     "rose sharply in 2023.", {("trade_resumption", "reported")}),
    ("The Beijing-Pyongyang passenger train has still not returned to service.",
     {("border_reopening", "negated")}),
    # a return that is no train's service, people stopped on the street and the penalties
    # for smuggling are none of these
    ("The delegation returned to Pyongyang on Monday.", set()),
    ("Inspection teams have been stopping pedestrians and bus passengers in Chongjin to "
     "check their phones.", set()),
    ("Penalties for smuggling have grown much harsher since the pandemic.", set()),
])
def test_events_freight_service_and_look_alikes(
        sentence: str, found: set[tuple[str, str]]) -> None:
    assert {k for k in kinds(sentence)
            if k[0] in ("trade_resumption", "border_reopening", "border_closure",
                        "smuggling")} == found


@pytest.mark.parametrize(("sentence", "found"), [
    # trade that returns resumes; people and trucks that return are no trade
    ("Trade between the two countries returned to pre-pandemic levels in August.",
     {("trade_resumption", "asserted")}),
    ("Analysts expect trade with China to return to normal next year.",
     {("trade_resumption", "expected")}),
    ("The two inspectors returned to Pyongyang on Monday.", set()),
])
def test_events_trade_that_returns_resumes(sentence: str, found: set[tuple[str, str]]) -> None:
    assert {k for k in kinds(sentence) if k[0].startswith("trade")} == found


@pytest.mark.parametrize(("sentence", "kind"), [
    # a directive to open fire is an order to shoot, a warning shot in it no shooting
    ("Last week, border guard units in Hyesan received a new directive telling them to open "
     "fire without a warning shot at anyone who approaches the river.",
     "security_reinforcement"),
    # a directive received is no aid, even one about shots
    ("Clinics in Hyesan received a new directive on medical checks.", None),
])
def test_events_a_directive_is_no_aid(sentence: str, kind: str | None) -> None:
    assert found_among(sentence, "aid_delivery", "security_reinforcement") == kind


@pytest.mark.parametrize(("sentence", "aid"), [
    # what a train or a ship carries is cargo until something marks it as aid
    ("Freight trains carrying flour, medical supplies and fertilizer crossed the bridge to "
     "Sinuiju on Monday.", False),
    ("On the return trips the smugglers carried antibiotics and painkillers.", False),
    ("A ship carrying wheat donated by Russia docked at Rajin on Wednesday.", True),
    ("A convoy of lorries carried the UNICEF cargo over the bridge on Monday.", True),
    ("About a million doses were carried by freight train to Sinuiju on Monday.", True),
    # a shipment of a commodity is trade, of vaccines or relief aid
    ("Shipments of Chinese rice stopped entirely in January.", False),
    ("A shipment of vaccines reached Nampo in January.", True),
])
def test_events_carried_goods_are_aid_only_when_marked_as_aid(sentence: str,
                                                              aid: bool) -> None:
    assert ("aid_delivery" in {c.type for c in candidates(sentence)}) is aid


SHIPS_STOPPED_LOADED_AND_SANCTIONED = [
    # a ship stopped, taken into custody or searched is a crackdown on sanctions-breaking
    ("The United States government took custody of the ship on Thursday.", "crackdown",
     "asserted"),
    ("Indonesian authorities stopped the ship in April off Balikpapan.", "crackdown",
     "asserted"),
    ("Washington was preparing further seizures of ships involved in the trade.",
     "crackdown", "expected"),
    # the crew of a ship is arrested; the ship itself is not
    ("The ship's 25 North Korean crew members were arrested.", "arrest", "asserted"),
    ("None of the ship's 25 North Korean crew members were arrested.", "arrest", "negated"),
    # coal loaded onto ships at sea is smuggled
    ("Coal had been loaded at night onto foreign-flagged ships at the port.", "smuggling",
     "asserted"),
    # imports capped and sanctions announced cut trade
    ("The resolution limits North Korea's imports of refined petroleum products.",
     "trade_suspension", "asserted"),
    ("The U.S. administration announced new sanctions against dozens of vessels.",
     "trade_suspension", "asserted"),
]


def test_events_a_detained_ship_is_no_arrest() -> None:
    assert found_among("Police detained the ship at Busan on Friday.", "arrest") is None


PLACES_OPENED_AND_SERVICES_BEGUN = [
    # a place opened or closed to tourists, a service that begins, a train that pulls in
    ("Rason had been closed to tourists until further notice.", "border_closure",
     "asserted"),
    ("The company hoped Rason would reopen to Western travelers in the autumn.",
     "border_reopening", "expected"),
    ("Scheduled flights between Moscow and Pyongyang will begin on July 27.",
     "border_reopening", "expected"),
    ("A direct passenger train from Moscow pulled into Pyongyang last month.",
     "border_reopening", "asserted"),
    ("About 250 workers returned from Russia by train in late January.", "border_reopening",
     "asserted"),
    # what could not be done did not happen
    ("Lorries were unable to cross the Friendship Bridge into Sinuiju.", "border_reopening",
     "negated"),
]


def test_events_a_museum_opened_to_visitors_is_no_border() -> None:
    assert found_among("The museum was opened to visitors in Pyongyang in 2019.",
                       "border_reopening") is None


def test_time_the_start_of_a_gap_does_not_date_the_event() -> None:
    [(_cand, when)] = timed("Last month, a passenger train from Moscow pulled into Pyongyang "
                            "for the first time since 2020.")
    assert (when.start, when.end, when.precision) == ("2021-02-01", "2021-02-28", "month")


TRADERS_STOPPED_LAWS_AND_CONTROLS = [
    ("Officials have tried to stop private traders from selling rice and maize.",
     "crackdown", "asserted"),
    ("The parliament passed an act which prescribes up to 15 years of hard labour for "
     "watching South Korean films.", "crackdown", "asserted"),
    ("The North was likely to tighten its ideological controls in the coming months.",
     "crackdown", "expected"),
    # "the three" counted just before are people held
    ("The three have been held at the county detention facility since February.", "arrest",
     "asserted"),
]


def test_events_traders_who_stop_selling_are_no_crackdown() -> None:
    assert found_among("Traders stopped selling rice in the market last week.",
                       "crackdown") is None


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Kim Yo Jong dismissed reports of arms exports to Russia as absurd.", "punishment"),
    ("The U.S. is talking about imposing a maritime blockade on the DPRK.", "health_measure"),
    ("The trial is the result of a crackdown on phones that the MSS has been running in "
     "border areas since January.", "illegal_crossing"),
    ("Two soldiers were executed last year for taking bribes from smugglers.", "smuggling"),
    ("The North is likely to tighten its ideological controls in border regions.",
     "border_closure"),
    ("North Korea has sent thousands of troops to fight alongside Russian forces.",
     "security_reinforcement"),
    ("Kim ordered that no aid be accepted, for fear it would carry the coronavirus across "
     "the sealed border.", "smuggling"),
    ("The returnees will be kept in the quarantine facility for 30 days.", "arrest"),
    ("Pyongyang has not responded, and no aid has crossed the border.", "illegal_crossing"),
    ("On February 20, a tour group crossed the Tumen River bridge into Rason.",
     "illegal_crossing"),
    ("Indonesia stopped the ship in April, and it has been detained there ever since.",
     "arrest"),
])
def test_events_words_that_only_look_like_an_event(sentence: str, etype: str) -> None:
    assert found_among(sentence, etype) is None


def test_events_a_trial_held_is_not_a_phone_seized() -> None:
    found = candidates("Authorities held a public trial last week at which two women "
                       "accused of arranging illegal phone calls were sentenced.")
    assert "crackdown.seize.v1" not in {c.rule for c in found}


def test_time_an_offset_after_clause_dates_the_earlier_event_only() -> None:
    found = timed("Passenger traffic across the bridge has still not resumed, nearly five "
                  "years after North Korea closed its borders in January 2020.")
    when = {c.type: (t.start, t.end, t.precision) for c, t in found}
    assert when["border_reopening"] == ("2021-02-13", "2021-03-15", "approx")
    assert when["border_closure"] == ("2020-01-01", "2020-01-31", "month")


def test_time_expected_before_the_end_of_the_year_runs_from_now_to_its_end() -> None:
    [(cand, when)] = timed("Truck traffic across the Yalu could resume before the end of "
                           "the year.")
    assert cand.modality == "expected"
    assert (when.start, when.end) == ("2021-03-15", "2021-12-31")


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Trucks stopped crossing the Friendship Bridge on July 28.", "border_reopening"),
    ("North Koreans stranded in China have begun coming home across the Yalu River.",
     "illegal_crossing"),
    ("Many roads, bridges and sections of railway were washed away or destroyed.",
     "border_closure"),
    ("Millions of students and soldiers are sent to the farms every spring.",
     "security_reinforcement"),
    ("Pyongyang launched balloons carrying rubbish over the border.", "smuggling"),
    ("Daily rations handed out through the state's Public Distribution System were cut "
     "in January.", "aid_delivery"),
    ("The defectors have also sent over chocolate biscuits to the North.", "aid_delivery"),
    ("Three Air Koryo planes flew to Shenyang in mid-May to pick up medical supplies.",
     "border_reopening"),
    ("We are closely monitoring whether the North will resume the passenger train to "
     "China.", "crackdown"),
    ("The ministry recorded 67 arrivals in 2022, compared with 1,047 in 2019.", "crackdown"),
    ("The ICBM was flying too fast for the interceptors to have an effective shot at it.",
     "aid_delivery"),
    ("The talks ended early, UNICEF said, without giving a reason.", "aid_delivery"),
    ("The former ambassador dismissed the threat that it could deliver a Christmas gift.",
     "aid_delivery"),
    ("The group waded across the river at night to collect goods that Chinese partners had "
     "left on the far bank.", "crackdown"),
    # idioms, results, nature, states of mind, domestic bars and health posts
    ("Brokers who deliver money to the families of defectors have also been caught up in "
     "the campaign.", "arrest"),
    ("Residents close to the river could make calls in return for a small payment to the "
     "border guards.", "illegal_crossing"),
    ("The law reportedly provides for long terms in a labor camp for people caught "
     "smuggling.", "smuggling"),
    ("North Korea has stepped up its hunt for people using Chinese phones, leaving many "
     "defectors in South Korea unable to reach their families.", "illegal_crossing"),
    ("The guards are growing more careful.", "security_reinforcement"),
    ("The DPRK has faced repeated natural disasters in recent years.", "punishment"),
    ("Heavy rain cut the railway lines along the coast.", "border_closure"),
    ("Authorities have barred people from other provinces from entering the flooded "
     "areas.", "border_closure"),
    ("Last year disinfection posts were set up at every entrance to the Komdok area.",
     "security_reinforcement"),
    ("The tanker pumped fuel to North Korean ships, a breach of sanctions that cap how "
     "much fuel Pyongyang may buy from abroad.", "smuggling"),
    ("The US accuses Pyongyang of sending thousands of workers to Russia in breach of a "
     "2017 resolution.", "smuggling"),
    ("Vessels had delivered coal to Chinese waters in breach of the export ban.",
     "trade_suspension"),
    ("The official was shot in front of hundreds of traders summoned to watch the "
     "execution.", "crackdown"),
])
def test_events_stopped_crossings_homecomings_and_floods_are_not_those_events(
        sentence: str, etype: str) -> None:
    assert found_among(sentence, etype) is None


TEAMS_CROSSINGS_AND_BRIDGES = [
    ("In early January, authorities set up teams to catch money changers in the markets.",
     "crackdown", "asserted"),
    ("Security officials had formed squads to comb the hillsides for defectors.",
     "crackdown", "asserted"),
    ("Trucks stopped crossing the Friendship Bridge on July 28.", "border_closure",
     "asserted"),
    ("The meeting instructed the border guard units to reinforce their watch along the "
     "land border.", "security_reinforcement", "expected"),
    ("The New Yalu River Bridge has still not opened to traffic.", "border_reopening",
     "negated"),
    ("The bridge was completed in 2014 but has yet to open to traffic.", "border_reopening",
     "negated"),
]


def test_events_teams_sent_to_catch_are_a_crackdown_not_an_arrest() -> None:
    assert found_among("Authorities set up teams to catch money changers in the markets.",
                       "arrest") is None


@pytest.mark.parametrize(("sentence", "modality"), [
    ("Freight transport through the border station in Sinuiju will be resumed in a planned way.",
     "expected"),
    ("It has not allowed the U.N.'s international staff to return to Pyongyang.", "negated"),
])
def test_events_freight_resumed_and_staff_let_back_reopen_the_border(sentence: str,
                                                                     modality: str) -> None:
    assert ("border_reopening", modality) in kinds(sentence)


def test_time_an_offer_made_in_a_past_month_stays_in_that_month() -> None:
    # the offer was made in mid-May; the coming May is for plans, not for offers made
    found = timed("Seoul offered in mid-February to send vaccines, but the North has not "
                  "responded.")
    offers = [t for c, t in found if c.type == "aid_delivery"]
    assert offers and all((t.start, t.end) == ("2021-02-11", "2021-02-20") for t in offers)


NONE_OF_THE_PEOPLE_OR_THE_EVENTS = [
    ("Not a single resident of Hyesan has made it across the river this year.",
     "illegal_crossing", "negated"),
    ("No public executions have been held in Hoeryong so far this year.", "punishment",
     "negated"),
    # a "not" inside an apposition negates nothing
    ("Lee Soon-ok, not her real name, escaped from Hyesan in 2018.", "illegal_crossing",
     "asserted"),
]


def test_events_a_parcel_crossing_is_no_illegal_crossing() -> None:
    assert found_among("Not a single parcel crossed the border without disinfection.",
                       "illegal_crossing") is None


def test_events_a_purpose_vetoes_only_through_its_own_words() -> None:
    # "to buy food", two clauses down, is no food aid that vetoes the patrols
    assert found_among("The authorities have stepped up patrols along the river to stop "
                       "people from crossing into China to buy food.",
                       "security_reinforcement") == "security_reinforcement"


@pytest.mark.parametrize(("sentence", "etype", "modality"), [
    *SHIPS_STOPPED_LOADED_AND_SANCTIONED, *PLACES_OPENED_AND_SERVICES_BEGUN,
    *TRADERS_STOPPED_LAWS_AND_CONTROLS, *TEAMS_CROSSINGS_AND_BRIDGES,
    *NONE_OF_THE_PEOPLE_OR_THE_EVENTS])
def test_events_sentence_yields_kind(sentence: str, etype: str, modality: str) -> None:
    """The cases of the lists above (each with its own comments): the sentence yields an
    event of that type and modality."""
    assert (etype, modality) in kinds(sentence)


AID_HELD_UP = [
    ("Supplies procured by UN agencies sat in warehouses in Dandong for months.", "negated"),
    ("Food aid bound for the country has been stuck in the port of Dalian since last year.",
     "negated"),
    ("Several hundred pallets of medical kits have sat under plastic sheeting since 2022.",
     "negated"),
    ("The 50,000 tonnes of rice are still sitting in government warehouses.", "negated"),
    # held in quarantine after it came in: it arrived
    ("Some shipments of medical equipment sat in quarantine for months.", "asserted"),
    # people waiting or stuck, whatever they came for, hold up no aid
    ("Residents waited for hours in line to buy rice at state shops.", None),
    ("Merchants who used to come down from Sariwon with rice are stuck at home.", None),
]
STAFF_RETURNING = [
    # foreign staff or diplomats coming back reopen the border to people; a plan "under
    # way" for them to come is expected
    ("Planning was under way for a first group of international staff to return to "
     "Pyongyang before the end of the year.", "expected"),
    ("The U.N. said its international staff would return as soon as conditions allow.",
     "expected"),
    ("Chinese diplomats returned to Pyongyang last month after a four-year absence.",
     "asserted"),
    # guards back at their posts, workers back at a factory: no border crossed
    ("The guards returned to their posts after the inspection.", None),
    ("The workers returned to the factory after the holiday.", None),
]


@pytest.mark.parametrize(("etype", "sentence", "modality"), [
    *(("aid_delivery", s, m) for s, m in AID_HELD_UP),
    *(("border_reopening", s, m) for s, m in STAFF_RETURNING)])
def test_events_aid_held_up_and_staff_coming_back(etype: str, sentence: str,
                                                  modality: str | None) -> None:
    """Aid held up on its way has not arrived; staff returning reopen the border (the
    cases of the two lists above): the sentence's records of ``etype`` have that
    modality, or there are none."""
    found = {c.modality for c in candidates(sentence) if c.type == etype}
    assert found == ({modality} if modality else set())


def test_events_a_plan_under_way_reaches_only_an_infinitive() -> None:
    assert ("border_reopening", "expected") in kinds(
        "Preparations are under way for the border to reopen in April.")
    assert ("border_closure", "asserted") in kinds(
        "The plan was a failure, and the border was closed in April.")


@pytest.mark.parametrize(("sentence", "found"), [
    # China sending North Koreans back, or handing them to the North's security: arrests
    ("Last October, China sent back an estimated 500 North Koreans to the custody of North "
     "Korean security agencies in a single night.", True),
    ("China this week forcibly repatriated hundreds of North Koreans, activists said.", True),
    ("China's biggest single repatriation came on the night of 9 October 2023.", True),
    ("Chinese authorities handed about 60 North Koreans over to North Korean security "
     "officials at the Tumen-Namyang crossing.", True),
    ("Human rights groups said China had forcibly returned as many as 600 North Koreans.",
     True),
    # the particle the model hangs on the long object's relative clause is the verb's
    ("Chinese authorities handed about 60 North Koreans who had been held in Jilin Province "
     "over to North Korean security officials at the crossing.", True),
    # remains, fishermen, a letter, goods, a repatriation programme: no one detained
    ("The repatriation of the remains of US soldiers began in July.", False),
    ("The ministry handed over a letter of protest to the Chinese ambassador.", False),
    ("Traders sent back the goods to Dandong.", False),
    ("The goods were handed over to North Korean health authorities.", False),
    ("Five people moved to the North under a repatriation program in the 1960s.", False),
])
def test_events_forced_repatriation_is_an_arrest(sentence: str, found: bool) -> None:
    assert ("arrest" in {c.type for c in candidates(sentence)}) is found


def test_events_goods_held_and_disinfected_are_not_seized() -> None:
    text = ("Satellite imagery shows the yard at Uiju Airfield, where imported cargo has been "
            "held and sprayed since early 2022.")
    assert found_among(text, "crackdown") is None
    assert found_among("Customs officers seized the cargo at the port.", "crackdown") == \
        "crackdown"


@pytest.mark.parametrize(("sentence", "found"), [
    ("It also decided to further tighten the blockade of the border and the coastal areas.",
     True),
    # tighter controls, checks or rules at a border close nothing
    ("Pyongyang has also tightened control of the frontier itself.", False),
    ("Arrivals plunged as both North Korea and China tightened border controls.", False),
    ("MSS agents began tightening checks on drivers at the bridge.", False),
])
def test_events_a_tightened_blockade_closes_a_tightened_control_does_not(
        sentence: str, found: bool) -> None:
    assert (found_among(sentence, "border_closure") == "border_closure") is found


@pytest.mark.parametrize(("sentence", "found"), [
    # "the arrest of" someone tells one; "placed under arrest" too
    ("The arrest of a British citizen in February drew protests.", True),
    ("The crew have not been placed under arrest, the official added.", True),
    # the risk, a wave or a mention of arrests tells none
    ("The reinforcement comes amid a wave of arrests in the area.", False),
    ("She spoke on condition of anonymity because of the risk of arrest.", False),
    ("The group had moved goods across the river twice a month until the arrests.", False),
])
def test_events_an_arrest_noun_tells_one_only_with_whom(sentence: str, found: bool) -> None:
    assert (found_among(sentence, "arrest") == "arrest") is found


@pytest.mark.parametrize(("sentence", "found"), [
    ("China denied that its ships had been illicitly selling oil to North Korea at sea.",
     True),
    # selling grain in the market, above the state's price: a market offence, no smuggling
    ("Those caught selling rice above the cap have had their goods confiscated.", False),
    ("The pair had been caught hoarding Chinese rice and selling it far above state prices.",
     False),
])
def test_events_selling_at_the_market_is_no_smuggling(sentence: str, found: bool) -> None:
    assert (found_among(sentence, "smuggling") == "smuggling") is found


def test_events_a_particle_on_the_objects_clause_belongs_to_the_verb() -> None:
    found = {(c.type, c.rule) for c in candidates(
        "Chinese authorities handed about 60 North Koreans who had been held in Jilin "
        "Province over to North Korean security officials at the crossing.")}
    assert ("arrest", "arrest.hand_over.v1") in found


TOURS_BRIDGES_AND_OFFERS = [
    # tourists coming (or not) reopen the border; "is due to arrive" takes the subject of
    # "is due"
    ("The first group of tourists from Russia is due to arrive in early July.",
     "border_reopening", "expected"),
    ("Chinese tour groups have not come back since the pandemic.", "border_reopening",
     "negated"),
    # a bridge to open: a crossing opened, and what it lets cross shares its plan
    ("The new road bridge at Tumangang is scheduled to open next year, allowing trucks to "
     "cross for the first time.", "border_reopening", "expected"),
    ("The New Yalu River Bridge, finished in 2014, has never opened.", "border_reopening",
     "negated"),
    # the Kaesong complex shut or to be reopened
    ("The Kaesong complex has been shut since Feb. 10, 2016.", "trade_suspension",
     "asserted"),
    ("The two leaders agreed to restart operations at the Kaesong complex.",
     "trade_resumption", "expected"),
    # what is threatened is not yet done
    ("Kim Yo Jong threatened to permanently shut down the factory park in Kaesong.",
     "trade_suspension", "expected"),
    # disinfectant offered, and help with quarantine, is aid, not a measure
    ("The Unification Ministry offered on May 31 to send disinfectants and quarantine "
     "equipment.", "aid_delivery", "expected"),
    ("Seoul offered to send disinfectant and help with quarantine.", "aid_delivery",
     "expected"),
]
NOT_THOSE_EVENTS = [
    ("Seoul offered to send disinfectant and help with quarantine.", "health_measure"),
    # a habit of the years before: no reopening
    ("Before the pandemic, Chinese tour groups crossed almost daily.", "border_reopening"),
    # the reduced condition of a forecast is no event
    ("He said that the bridge, once opened, would increase the volume of freight.",
     "border_reopening"),
    # sealing off a zone as a military area is no lockdown
    ("The North expelled all South Koreans and sealed the zone off as a military area.",
     "health_measure"),
    # trucks crossing that were stopped did not cross
    ("Cargo trucks crossing the bridge at Manpo have been stopped since last week.",
     "border_reopening"),
]


def test_events_what_follows_a_reduced_condition_is_still_expected() -> None:
    assert ("trade_resumption", "expected") in kinds(
        "He said that the bridge, once opened, would sharply increase the volume of freight.")


CAPS_RAIDS_PICKUPS = [
    # buying or supplying beyond a cap is sanctions-busting
    ("A UN panel said the North had imported refined petroleum far in excess of the cap.",
     "smuggling", "reported"),
    ("In mid-February, border police raided two seafood warehouses in Dandong.", "crackdown",
     "asserted"),
    ("Air Koryo planes flew to Shenyang in May to pick up medical supplies.", "aid_delivery",
     "asserted"),
    ("Freight trains, which returned in January after a two-year hiatus, stopped again in "
     "April.", "border_reopening", "asserted"),
    ("Authorities have set up quarantine checkpoints on the main roads out of Sinuiju.",
     "health_measure", "asserted"),
    # a speech verb's relative clause is the report, not something taken as given
    ("Planes flew to Shenyang on Monday, Yonhap reported, citing unnamed sources who said "
     "the aircraft appeared to have picked up medical supplies.", "aid_delivery",
     "reported"),
]
NOT_CAPS_OR_PICKUPS = [
    # a cap as a verb, or a price cap in the market
    ("It breached sanctions that cap how much fuel Pyongyang may buy from abroad.",
     "smuggling"),
    ("Inspectors check that corn is sold no higher than a price cap set by the city.",
     "smuggling"),
    # trade that picks up is no aid picked up
    ("The smuggling of food across the river has picked up again this autumn.",
     "aid_delivery"),
]


@pytest.mark.parametrize(("sentence", "etype", "modality"),
                         [*TOURS_BRIDGES_AND_OFFERS, *CAPS_RAIDS_PICKUPS])
def test_events_tours_bridges_kaesong_offers_caps_and_pickups(sentence: str, etype: str,
                                                               modality: str) -> None:
    """The cases of the two lists above: the sentence yields that type and modality."""
    assert (etype, modality) in kinds(sentence)


@pytest.mark.parametrize(("sentence", "etype"), [*NOT_THOSE_EVENTS, *NOT_CAPS_OR_PICKUPS])
def test_events_habits_conditions_caps_and_trade_picking_up_are_not_those(
        sentence: str, etype: str) -> None:
    """The cases of the two lists above: no event of that type."""
    assert etype not in {t for t, _ in kinds(sentence)}


@pytest.mark.parametrize(("sentence", "etype"), [
    # what "once" supposes is no event, even where the model tags the verb a noun
    ("Ferrante expected the trawlers to come back once North Korea's border reopens.",
     "border_reopening"),
    # a red line crossed is a figure of speech
    ("China is testing the edges of what is allowed without crossing any red lines.",
     "illegal_crossing"),
])
def test_events_once_a_border_reopens_and_red_lines_are_not_events(sentence: str,
                                                                    etype: str) -> None:
    assert (etype, "asserted") not in kinds(sentence) and (etype, "reported") not in kinds(
        sentence)


def test_events_a_forecast_dated_by_a_once_clause_stays_expected() -> None:
    assert ("security_reinforcement", "expected") in kinds(
        "Cleared ground near Musan suggests the second fence will be extended past the city, "
        "possibly once the ground thaws next spring.")


@pytest.mark.parametrize(("sentence", "etype", "modality"), [
    # a harbour sealed to boats closes a crossing; patrol boats assigned reinforce
    ("Authorities had sealed the harbor to fishing boats, a source in Nampo said.",
     "border_closure", "reported"),
    ("The army plans to assign patrol boats to escort fishing fleets out of Haeju.",
     "security_reinforcement", "expected"),
])
def test_events_harbours_sealed_and_patrol_boats_assigned(sentence: str, etype: str,
                                                          modality: str) -> None:
    assert (etype, modality) in kinds(sentence)


def test_events_crew_killed_at_sea_by_their_shipmates_is_no_crossing() -> None:
    assert "illegal_crossing" not in {t for t, _ in kinds(
        "The pair killed the captain and 15 other crew members at sea in late October.")}


def test_events_cutting_off_a_countrys_export_closes_no_border() -> None:
    found = {t for t, _ in kinds("China will suspend all imports of coal from North Korea, "
                                 "cutting off the isolated country's most important export.")}
    assert "border_closure" not in found and "trade_suspension" in found


@pytest.mark.parametrize(("sentence", "etype", "found"), [
    # every thing coming across is a rule of vigilance, not a crossing
    ("It stressed that every alien thing coming across the Military Demarcation Line must be "
     "dealt with in a vigilant manner.", "illegal_crossing", False),
    # but "any" under a negation is none crossing, and "every truck" searched is real
    ("The military says it has not detected any North Koreans crossing the Yalu since the "
     "floods.", "illegal_crossing", True),
    ("Customs officers at Wonjong searched every truck for mobile phones.", "crackdown", True),
])
def test_events_every_thing_coming_across_is_a_rule(sentence: str, etype: str,
                                                    found: bool) -> None:
    assert (etype in {t for t, _ in kinds(sentence)}) is found


@pytest.mark.parametrize(("sentence", "found"), [
    # words quoted as an example ("remarks like ...") tell no event
    ('He let out offensive remarks like "border blockade-brought deterioration of human '
     'rights situation".', False),
    # a quoted allegation the state denies is still the alleged act
    ('The DPRK has never engaged in any "ship-to-ship transfer" prohibited by anyone.', True),
])
def test_events_words_quoted_as_an_example_tell_no_event(sentence: str, found: bool) -> None:
    assert bool(kinds(sentence)) is found


def test_events_refusing_to_accept_aid_is_one_refusal() -> None:
    found = [c for c in candidates("North Korea refused to accept aid from South Korea last "
                                   "week.") if c.type == "aid_delivery"]
    assert len(found) == 1


@pytest.mark.parametrize("sentence", [
    "The Treasury Department was preparing new sanctions against North Korean networks.",
    "Seoul was considering sanctions of its own against the North Korean company.",
])
def test_events_sanctions_prepared_or_weighed_are_expected(sentence: str) -> None:
    assert kinds(sentence) == {("trade_suspension", "expected")}


def test_time_what_a_law_does_takes_the_date_of_its_adoption() -> None:
    found = timed("The U.N. Security Council in January adopted a resolution that expanded a "
                  "ban on exports of luxury goods to North Korea.")
    when = {c.type: (t.start, t.end) for c, t in found}
    assert when["trade_suspension"] == ("2021-01-01", "2021-01-31")


def test_time_an_occasion_staged_on_a_date_dates_the_act_at_it() -> None:
    text = ("A broker was sentenced to eight years of hard labour at a public trial held in "
            "Hyesan in January.")
    when = {text[c.trigger_start:c.trigger_end]: (t.start, t.end) for c, t in timed(text)}
    assert when["sentenced"] == ("2021-01-01", "2021-01-31")


def test_events_neither_nor_negates_the_trigger() -> None:
    assert ("border_reopening", "negated") in kinds(
        "When North Korea sealed its borders in January 2020, workers abroad could neither "
        "come home nor be replaced.")


@pytest.mark.parametrize(("sentence", "attributed"), [
    # a counted group of people a relative clause tells about is the source's news
    ("Her daughter is believed to be among hundreds of North Koreans who were detained by "
     "Chinese police this year, according to a Seoul-based rights group.", True),
    # the person a relative clause describes is taken for granted
    ("The man who was detained by Chinese police this year is her brother, according to a "
     "Seoul-based rights group.", False),
])
def test_events_claims_in_relative_clauses(sentence: str, attributed: bool) -> None:
    norm, doc = parse(sentence)
    [cand] = [c for c in ev.find_candidates(doc, find_attributions(doc)) if c.type == "arrest"]
    assert cand.presupposed is not attributed


def test_events_a_denied_breach_of_sanctions_is_denied_smuggling() -> None:
    assert ("smuggling", "denied") in kinds(
        "Pyongyang denied that the coal shipment from Nampo broke any law.")


def test_events_a_flight_that_did_not_take_off_is_a_negated_reopening() -> None:
    assert ("border_reopening", "negated") in kinds(
        "An Air Koryo service to Beijing listed for this Tuesday did not take off.")


@pytest.mark.parametrize(("sentence", "kind", "attributed"), [
    # a "since" clause after the source's words recalls the article's background
    ("A freight train crossed into Dandong on Sunday, the ministry said, the first such "
     "crossing since Pyongyang shut its borders in January 2020.", "border_closure", False),
    # inside what the source says, the clause is part of the source's account
    ("The source said smuggling has not resumed since the authorities deployed more guards "
     "along the river.", "security_reinforcement", True),
])
def test_events_background_clauses_and_the_source(sentence: str, kind: str,
                                                  attributed: bool) -> None:
    norm, doc = parse(sentence)
    [cand] = [c for c in ev.find_candidates(doc, find_attributions(doc)) if c.type == kind]
    assert cand.presupposed is not attributed
