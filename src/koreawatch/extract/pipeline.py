"""The extraction pipeline: one article in, its event and quote records out.

Steps: normalize and parse the text once (``nlp.parse``); run the components on the
parsed normalized text (time, places, attribution, events, quotes); keep the events
of the sentences in scope (``extract/scope.py``: all of them in an article about North
Korea); settle each event's time, places and sources; merge restatements (in the state's
own media, all of an item's statements are one: the item is the state speaking); map
every offset back to the original text. ``extract_article`` is a pure function of its inputs.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from koreawatch.extract import event_time as et
from koreawatch.extract import events as ev
from koreawatch.extract.attribution import attribution_for, find_attributions
from koreawatch.extract.nlp import parse
from koreawatch.extract.outlets import load_outlets
from koreawatch.extract.places import PlaceMention, find_places, load_gazetteer
from koreawatch.extract.quotes import find_quotes
from koreawatch.extract.scope import sentences_in_scope
from koreawatch.extract.time import ranges, tag
from koreawatch.models import Attribution, Event, Evidence, PlaceRef, Quote, When
from koreawatch.text import NormalizedText

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "0.1.0"
_KP_LEVELS = {"province", "county", "city", "district", "town", "crossing"}


_PLACE_ANAPHOR = re.compile(
    r"\b(the|these|those|this|that)\s+(?:[\w-]+\s+){0,2}?(areas?|regions?|spot|site|"
    r"localit(?:y|ies)|districts?|villages?|bridges?|riverbanks?)\b(?!\s+of\b)", re.I)


@dataclass(frozen=True)
class Extraction:
    """The events and quotes of one article."""

    article_id: str
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    extractor_version: str = EXTRACTOR_VERSION

    def to_spec(self) -> dict[str, Any]:
        return {"article_id": self.article_id,
                "events": [e.to_spec() for e in self.events],
                "quotes": [q.to_spec() for q in self.quotes]}


def _evidence(norm: NormalizedText, start: int, end: int) -> Evidence:
    while start < end and norm.text[start] in "\"' \n":
        start += 1
    while end > start and norm.text[end - 1] in " \n":
        end -= 1
    o_start, o_end = norm.to_original(start, end)
    return Evidence(o_start, o_end, norm.original[o_start:o_end])


def _place_ref(norm: NormalizedText, mention: PlaceMention) -> PlaceRef:
    o_start, o_end = norm.to_original(mention.start, mention.end)
    place = mention.place
    return PlaceRef(place.id, place.name, place.level, norm.original[o_start:o_end],
                    place.lat, place.lon, o_start, o_end)


def _places_for(cand: ev.Candidate, mentions: Sequence[PlaceMention],
                attribution: Attribution | None) -> list[PlaceMention]:
    """North Korean places named in the sentence (outside the attribution cue); else in
    the attribution's origin ("a source in Yanggang Province")."""
    inside = [m for m in mentions if cand.sent_start <= m.start < cand.sent_end
              and m.place.level in _KP_LEVELS and m.place.id.startswith("KP")]
    if attribution is not None:
        own = [m for m in inside if not attribution.cue_start <= m.start < attribution.cue_end]
        if own:
            return own
        cue = [m for m in mentions if attribution.cue_start <= m.start < attribution.cue_end
               and m.place.level in _KP_LEVELS and m.place.id.startswith("KP")]
        if cue:
            return cue
    return inside


_CROSSING_TYPES = frozenset({"border_closure", "border_reopening", "trade_suspension",
                             "trade_resumption", "smuggling"})


def _across_from(cand: ev.Candidate, mentions: Sequence[PlaceMention],
                 attribution: Attribution | None) -> list[PlaceMention]:
    """A border or trade event whose sentence names no North Korean place, but whose
    clause names a foreign city with crossings into the North ("suspended freight train
    service across their border because of an outbreak in Dandong"), happens at its chief
    crossing, named by the foreign city's mention: the town of that crossing (Sinuiju for
    Dandong), or the crossing itself when it has no town. Not where the source is
    ("traders in Dandong said"), nor for a clause that names no such city ("came home from
    Dandong, the first since the border was shut")."""
    if cand.type not in _CROSSING_TYPES:
        return []
    gazetteer = load_gazetteer()
    for m in mentions:
        if cand.clause_start <= m.start < cand.clause_end and not _kp(m) and not (
                attribution is not None
                and attribution.cue_start <= m.start < attribution.cue_end):
            crossings = gazetteer.across(m.place.id)
            if crossings:
                town = gazetteer.get(crossings[0].parent or "")
                place = town if town is not None and town.level in ("city", "county") \
                    else crossings[0]
                return [replace(m, place=place,
                                reason=f"across the border from {m.place.name}")]
    return []


def _not_in_names(mentions: Sequence[PlaceMention], doc: Any) -> list[PlaceMention]:
    """Drop place names that are part of a longer person's name ("Jae Ryong" of "Kim Jae
    Ryong" is no Chaeryong); a place the model tags as a person all by itself stays."""
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    return [m for m in mentions
            if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end)
                       for s, e in people)]


# capitals that stand for their governments ("Pyongyang has rejected such offers")
_CAPITALS = frozenset({"KP-01", "KR-11", "CN-BJ", "RU-MOW", "JP-13"})

# what a capital owns as a place, not as a government: "detained at Pyongyang's airport"
_SITES = frozenset({"airport", "airfield", "station", "port", "harbor", "harbour", "hotel",
                    "hospital", "market", "outskirts", "suburb", "street", "district",
                    "square", "stadium", "prison", "university", "centre", "center"})


def _mention_root(mention: PlaceMention, doc: Any) -> Any | None:
    """The syntactic head token of a place mention, or None where no span aligns."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _where_it_happened(mentions: Sequence[PlaceMention], doc: Any) -> list[PlaceMention]:
    """Drop place names that do not say where anything happened:

    - a capital named as the one who acts or owns ("Pyongyang has rejected such offers",
      "Seoul's response", "rules set by Pyongyang"): the government; but what it owns as a
      city is in it ("detained at Pyongyang's airport");
    - a North Korean place something came from when the sentence names the North Korean
      place it went to ("sent an inspection team from Pyongyang to Hyesan"), or that a
      team was sent from ("An inspection team sent from Pyongyang detained three guards":
      they were detained where the team went), or that a team or officials come from
      ("the arrival of an inspection team from the ministry's headquarters in Pyongyang").
    """
    roots = [_mention_root(m, doc) for m in mentions]
    goals = {root.sent.start for m, root in zip(mentions, roots, strict=True)
             if root is not None and _kp(m) and root.dep_ == "pobj"
             and root.head.lower_ in ("to", "into")}
    kept = []
    for m, root in zip(mentions, roots, strict=True):
        if root is not None and m.place.id in _CAPITALS and (
                root.dep_ in ("nsubj", "nsubjpass")
                or (root.dep_ == "poss" and root.head.lemma_.lower() not in _SITES)
                or (root.dep_ == "pobj" and root.head.dep_ == "agent")  # "set by Pyongyang"
                or _between_capitals(root) or _embassy_in(root)):
            continue
        if root is not None and _kp(m) and root.dep_ == "pobj" and root.head.lower_ == "from" \
                and (root.sent.start in goals or _sent_from(root.head)):
            continue
        if root is not None and _kp(m) and _team_from(root):
            continue
        kept.append(m)
    return kept


_LOCATIVE = frozenset({"in", "at", "into", "to", "near", "around", "outside", "inside",
                       "throughout", "across", "on"})


def _locative_capital(mentions: Sequence[PlaceMention], doc: Any) -> list[PlaceMention]:
    """The places a later sentence may take as its own: Pyongyang only where the text puts
    something in it ("in Pyongyang", "Pyongyang residents"), not where it stands for the
    state or where something came from ("the KPA blew up the roads ... Pyongyang said",
    "specialists sent from Pyongyang")."""
    kept = []
    for m in mentions:
        if m.place.id == "KP-01":
            root = _mention_root(m, doc)
            if root is None or not (root.dep_ == "compound" or (
                    root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE)):
                continue
        kept.append(m)
    return kept


def _between_capitals(root: Any) -> bool:
    """ "ties between Pyongyang and Beijing", "talks between Beijing and Pyongyang": the
    capitals stand for the two states (not "flights between Pyongyang and Beijing", the
    route's ends)."""
    first = ev.first_conjunct(root)
    return first.dep_ == "pobj" and first.head.lower_ == "between" \
        and first.head.head.lemma_.lower() in _RELATIONS


_RELATIONS = frozenset({"tie", "relation", "relationship", "talk", "agreement", "treaty",
                        "dialogue", "summit", "cooperation", "alliance"})


def _embassy_in(root: Any) -> bool:
    """ "Moscow's embassy in Pyongyang said": where a foreign mission sits, not where what
    it tells happened."""
    return root.dep_ == "pobj" and root.head.lower_ == "in" \
        and root.head.head.lemma_.lower() in ("embassy", "mission", "consulate")


def _team_from(root: Any) -> bool:
    """ "an inspection team from the ministry's headquarters in Pyongyang", "officials from
    Pyongyang": the place people came from, not where they act."""
    node = root
    for _ in range(2):
        prep = node.head
        if node.dep_ != "pobj" or prep.dep_ != "prep":
            return False
        if prep.lower_ == "from":
            return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in ev.TEAM_NOUNS
        if prep.lower_ != "in":
            return False
        node = prep.head  # "the headquarters in Pyongyang": where the headquarters are
    return False


# participles of people sent somewhere: the place they came "from" is not where they act
_SENT = frozenset({"send", "dispatch", "deploy", "despatch"})


def _sent_from(prep: Any) -> bool:
    """ "a team sent from Pyongyang": "from" on a participle of sending that describes
    a noun."""
    verb = prep.head
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in _SENT


def _province(mention: PlaceMention) -> str:
    """The province part of a place id ("KP-10" of "KP-10/hyesan"), as the scorer reads it."""
    return mention.place.id.split("/")[0]


def _kp(mention: PlaceMention) -> bool:
    return mention.place.level in _KP_LEVELS and mention.place.id.startswith("KP")


def _foreign_health(cand: ev.Candidate, mentions: Sequence[PlaceMention], text: str) -> bool:
    """ "Dandong reimposed lockdown measures", "authorities in China's Jilin Province
    tightened testing rules", "Chinese authorities locked down the city": a health measure
    that another state takes, or in a clause that names only foreign places, is another
    country's domestic affair (out of scope, spec)."""
    if cand.type != "health_measure" or any(a.name == "North Korea" for a in cand.actors):
        return False
    if any(a.role == "agent" and a.name in _country_names() for a in cand.actors):
        return True  # "Chinese authorities locked down the city": another state acts (but
    # a person is no state: "Kim sealed off the city" is told of the North's leader)
    inside = [m for m in mentions if cand.clause_start <= m.start < cand.clause_end]
    if any(_kp(m) for m in inside) or ev.names_state(text[cand.clause_start:cand.clause_end]):
        return False
    if not inside and cand.shared_subject is not None:  # "after Dandong reported an
        start, end = cand.shared_subject  # outbreak and was placed under lockdown"
        inside = [m for m in mentions if start <= m.start < end]
    return any(not m.place.id.startswith("KP") for m in inside)


@functools.cache
def _country_names() -> frozenset[str]:
    """The canonical names of the countries of the lexicon (built once, not per event)."""
    return frozenset(ev.load_lexicon().countries.values())


def _own_speech(cand: ev.Candidate, attribution: Attribution) -> bool:
    """A cue that cannot source a statement: its own "said", or a chain continued from
    the sentence before when the statement names its own speaker."""
    if cand.type != "official_statement":
        return False
    return attribution.cue_start <= cand.trigger_start < attribution.cue_end or (
        "continued" in attribution.reason and bool(cand.speaker))


def _context_places(cand: ev.Candidate, mentions: Sequence[PlaceMention],
                    sentences: Sequence[tuple[int, int]], text: str) -> list[PlaceMention]:
    """An event whose sentence names no North Korean place happened where the paragraph
    has just been: the places of the nearest of the two sentences before it in the same
    paragraph that names one ("Floods hit Sinuiju. Relief goods were sent the next
    day."); a paragraph's first sentence looks at the two sentences before it, where the
    story last was ("... across Hyesan.\n\nIn early February, authorities ordered ...")."""
    paragraph = text.rfind("\n\n", 0, cand.sent_start)
    paragraph = 0 if paragraph < 0 else paragraph + 2
    before = [(s, e) for s, e in sentences if e <= cand.sent_start]
    near = [(s, e) for s, e in before if paragraph <= s][-2:] or before[-2:]
    if _PLACE_ANAPHOR.search(text[cand.sent_start:cand.sent_end]):
        near = before  # "the flood-hit areas": the places the article last named
    for start, end in reversed(near):
        named = [m for m in mentions if start <= m.start < end and _kp(m)]
        if named:
            return named
    return []


# event types that happen in one place (a county's crackdown, a town's lockdown), unlike a
# border, trade or aid that the state opens or shuts for the whole country
_LOCAL_TYPES = frozenset({"crackdown", "arrest", "punishment", "smuggling", "health_measure",
                          "security_reinforcement"})


def _main_place(cand: ev.Candidate, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """A local event that neither its sentence nor the ones before place happened where the
    article is: in the province it names more often than any other, counting that
    province's towns ("More than twenty students were taken away in our district" in a
    report about Hyesan). The place given is the one named most often there (the first of
    a tie). The capital does not count, for it stands for the state as often as for a city,
    nor does an event that a foreign state takes or whose sentence names a foreign place
    ("South Korean police arrested a defector")."""
    if cand.type not in _LOCAL_TYPES or any(
            a.role == "agent" and a.name != "North Korea" for a in cand.actors):
        return []
    if any(not m.place.id.startswith("KP") and cand.sent_start <= m.start < cand.sent_end
           for m in mentions):
        return []
    named = [m for m in mentions if _kp(m) and m.place.id not in ("KP", "KP-01")
             and not m.place.id.startswith("KP-01/")]
    provinces = Counter(_province(m) for m in named).most_common(2)
    if not provinces or (len(provinces) == 2 and provinces[1][1] == provinces[0][1]):
        return []
    places = Counter(m.place.id for m in named if _province(m) == provinces[0][0]).most_common(1)
    return [next(m for m in named if m.place.id == places[0][0])]


def _sources(cand: ev.Candidate, attribution: Attribution | None
             ) -> tuple[tuple[str, ...], ...]:
    if attribution is None or not attribution.chain:
        return ()
    chain = attribution.chain
    # the state that makes a statement is its actor, not its source ("KCNA said" gives no
    # chain, spec); of any other event a state body that tells it is the source, in the
    # state's own media too ("the trains will run twice a week, the Ministry of Railways
    # said", as the blind annotators of the illustrative sets read the spec)
    if cand.type == "official_statement" and (
            load_outlets().kind(chain[0]) == "state_media" or ev.is_state_name(chain[0])):
        return ()
    return (chain,)


def _dedupe_places(refs: list[PlaceRef]) -> tuple[PlaceRef, ...]:
    seen: dict[str, PlaceRef] = {}
    for ref in refs:
        seen.setdefault(ref.place_id, ref)
    return tuple(seen.values())


def extract_article(text: str, article_id: str, published: date | None,
                    outlet: str | None = None, title: str | None = None) -> Extraction:
    """Extract the events and quotes of one article (see the module doc). ``outlet`` is the
    article's own outlet: "sources told Reuters" in a Reuters article is its own report;
    ``title`` helps tell an article about North Korea from one naming it in passing
    (``extract/scope.py``)."""
    norm, doc = parse(text)
    dct = published
    attributions = find_attributions(doc, outlet=outlet)
    timexes = tag(norm.text, dct, doc=doc) if dct else []
    time_ranges = ranges(norm.text, dct, timexes) if dct else []
    mentions = _where_it_happened(_not_in_names(find_places(norm.text), doc), doc)
    own_media = bool(outlet) and load_outlets().kind(outlet or "") == "state_media"
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    scope = sentences_in_scope(norm.text, sentences, [m.start for m in mentions if _kp(m)],
                               title, own_media)
    candidates = [c for c in ev.find_candidates(doc, attributions, own_media=own_media)
                  if (scope is None or c.sent_start in scope)
                  and not _foreign_health(c, mentions, norm.text)]
    settled: list[tuple[ev.Candidate, et.TimeChoice, Attribution | None]] = []
    for cand in candidates:
        attribution = None if cand.presupposed else attribution_for(
            [a for a in attributions if not _own_speech(cand, a)],
            cand.trigger_start, cand.trigger_end)
        when = et.choose_time(cand, timexes, time_ranges, dct, norm.text)
        settled.append((cand, when, attribution))
        for again in et.repeated(cand, when, timexes, dct, norm.text):  # "in mid-January
            settled.append((cand, again, attribution))  # and again at the end of February"
    dated = [(c, t) for c, t, _ in settled]
    records: list[tuple[ev.Candidate, et.TimeChoice, tuple[str, ...], Attribution | None,
                        list[PlaceMention]]] = []
    merged_mentions: dict[int, list[ev.Candidate]] = {}
    for cand, when, attribution in settled:
        if not (when.start or when.end):
            when = et.bound_by_other(cand, dated, norm.text) or when
        places = _places_for(cand, mentions, attribution) \
            or _across_from(cand, mentions, attribution)
        key = tuple(sorted({_province(m) for m in places}))
        merged = False
        # a record told in the same sentence first: two triggers of one sentence ("a June 9
        # announcement in which North Korea said ...") are likelier one event than either
        # is a restatement of an earlier sentence's
        order = sorted(range(len(records)),
                       key=lambda i: records[i][0].sent_start != cand.sent_start)
        for i in order:
            other, other_when, other_key, other_attr, other_places = records[i]
            if ev.same_event((other, other_when, other_key), (cand, when, key), own_media):
                joined = other_places + [p for p in places if p not in other_places]
                anchors = other.anchors | cand.anchors  # the event now names them all
                restated = cand
                if ev.better_representative(cand, other) \
                        or ev.dates_background(other, other_when, when):
                    kept = other_when if when.reason.startswith("statement.publication") \
                        else when  # "a June 9 announcement in which North Korea said"
                    records[i] = (replace(cand, anchors=anchors), kept, key, attribution,
                                  joined)
                    restated = other  # the replaced telling is now the restatement
                else:
                    sharp = other_when if cand.type == "official_statement" \
                        or cand.sent_start == other.sent_start else et.sharper(other_when, when)
                    records[i] = (replace(other, anchors=anchors), sharp, other_key,
                                  other_attr, joined)
                merged_mentions.setdefault(i, []).append(restated)
                merged = True
                break
        if not merged:
            records.append((cand, when, key, attribution, places))
    events = []
    context_mentions = _locative_capital(mentions, doc)
    for index, (cand, when, _key, attribution, places) in enumerate(records):
        context: list[PlaceMention] = []
        note = ""
        national = any(a.role == "agent" and a.name == "North Korea" for a in cand.actors)
        anaphor = bool(_PLACE_ANAPHOR.search(norm.text[cand.sent_start:cand.sent_end]))
        if not places and cand.type != "official_statement" and (not national or anaphor):
            for told in (cand, *merged_mentions.get(index, [])):  # first report, restatements
                context = _context_places(told, context_mentions, sentences, norm.text)
                if context:
                    break
            note = "; places: named in the sentence before" if context else ""
            if not context:
                context = _main_place(cand, mentions)
                note = "; places: where the article is" if context else ""
        events.append(_event(norm, article_id, index, cand, when, attribution,
                             places or context, merged_mentions.get(index, []), note))
    return Extraction(article_id, tuple(events),
                      tuple(_quotes(norm, doc, article_id, outlet)))


def _event(norm: NormalizedText, article_id: str, index: int, cand: ev.Candidate,
           when: et.TimeChoice, attribution: Attribution | None,
           places: list[PlaceMention], restated: list[ev.Candidate],
           place_note: str = "") -> Event:
    evidence = _evidence(norm, cand.sent_start, cand.sent_end)
    return Event(
        id=f"{article_id}#e{index + 1}",
        article_id=article_id,
        type=cand.type,
        modality=cand.modality,
        when=When(when.start, when.end, when.precision, when.text, when.reason),
        evidence=evidence,
        summary=cand.summary,
        reason=f"{cand.rule}: trigger {norm.text[cand.trigger_start:cand.trigger_end]!r}; "
               f"modality: {cand.modality_reason}; time: {when.reason}{place_note}",
        duration_days=when.duration_days,
        flow=cand.flow,
        where=_dedupe_places([_place_ref(norm, m) for m in places]),
        actors=cand.actors,
        sources=_sources(cand, attribution),
        mentions=tuple(_evidence(norm, c.sent_start, c.sent_end) for c in restated),
    )


def _quotes(norm: NormalizedText, doc: Any, article_id: str,
            outlet: str | None) -> list[Quote]:
    quotes = []
    for found in find_quotes(doc, own_outlet=outlet):
        evidence = _evidence(norm, found.start, found.end)
        quotes.append(Quote(article_id=article_id, speaker=found.speaker, text=evidence.text,
                            evidence=evidence, affiliation=found.affiliation,
                            via=tuple(found.via), reason=found.reason))
    return quotes
