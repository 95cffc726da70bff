"""Event detection: triggers, modality, time, places, actors and sources per sentence.

Works on the spaCy ``Doc`` of the normalized article text (offsets into that text);
the extraction pipeline maps them back to the original. The trigger lexicon lives in
``data/event_triggers.json``; names of the North Korean state in
``data/state_actors.json``.

Rules, in priority order:

1. **Trigger** (``rule`` names of the lexicon): a token whose lemma and part of speech
   fit a rule, with one of the rule's ``with`` lemmas in its phrase and none of its
   ``without`` lemmas, fires the first rule that fits. ``official_statement`` needs a
   speech verb whose subject names the North Korean state or its media. A trade or border
   act of a third country (not the North or a neighbour the lexicon knows) fires only
   when its clause names North Korea ("India halted vaccine exports" does not).
2. **Modality**: a negation on the trigger or a refusal ("refused outside help") →
   ``negated`` (a blocked attempt, "blocked an effort to blacklist ships", is no event); a
   denial verb above it → ``denied``; a modal, future, plan or obligation word ("would",
   "will", "expected", "preparing to", "plans", "a proposal to", "it is necessary to") →
   ``expected``, read through "will ensure that" and purpose infinitives but not from a
   main clause into its adverbial clause; an attribution chain or a hedge on the trigger
   ("reportedly", "allegedly", "suspected of") → ``reported``, unless the event is taken
   for granted (a definite nominal event, "the closure of the border", or one in a
   relative clause, except one on a time: "since the pandemic, when it sealed the
   border" is told by the speaker): a speech report around it does not attribute it;
   else ``asserted``. An offer of aid in a sentence that says the aid was refused or not
   taken is that aid, not a second, expected delivery.
3. **Time**: the date expression of the trigger's clause nearest to it (a range such
   as "between April and June" as one interval); else, for a trigger in an "after" or
   "before" clause, the other event's date bounds it (``unknown``); else "since X",
   "throughout the pandemic" → [X, publication]; else present perfect or "recently" →
   ``approx`` [publication - 30 days, publication]; else no date.
4. **Places**: North Korean places (province, county, city, crossing) named in the
   sentence; else those named in the attribution's origin ("a source in Yanggang");
   else (not for statements) those of the nearest of the two sentences before it in its
   paragraph, or, when it speaks of "the area" or "the flood-hit regions", of the
   nearest sentence before it that names one, for its first report or else a restatement
   (the event's reason says so).
5. **Sources**: the attribution covering the sentence; none for an official statement
   made by the state itself or for an event taken for granted (rule 2).
6. **Restatements**: a later candidate of the same type whose interval overlaps and
   whose places agree with an earlier one is the same event (its evidence becomes a
   mention); in one sentence, a trigger outside relative clauses speaks for the event;
   reports naming different things acted on ("KOTI was seized", "the Lighthouse Winmore
   was seized"), and a later report that introduces its participant as new ("One advisor
   ... was deported"; photo captions aside), are different events; a definite nominal
   report ("the execution of Jang") refers back to the event of its kind told before.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from koreawatch.errors import KoreaWatchError
from koreawatch.extract.attribution import (
    ADMITTED_VISITORS,
    DECLARED_THINGS,
    OPINION_LEMMAS,
    SPEECH_LEMMAS,
    attribution_for,
)
from koreawatch.extract.event_time import TimeChoice
from koreawatch.extract.quotes import PersonResolver
from koreawatch.extract.scope import NORTH_KOREA
from koreawatch.extract.timex import lexicon as lx
from koreawatch.models import EVENT_TYPES, Actor, Attribution

log = logging.getLogger(__name__)

_BACKGROUND_MARKS = frozenset({"since", "before", "until", "till"})
_PLAN_FORMS = frozenset({"plan", "plans", "planned", "planning"})  # not "planting"
_EXPECT_WORDS = {"would", "will", "could", "might", "may", "should", "expect",
                 "authorize", "instruct", "plan", "prepare", "intend", "propose", "aim",
                 "consider", "likely", "unlikely", "set", "going", "possible", "possibly",
                 "ready", "willingness", "offer", "seek", "must", "need", "necessary", "ought",
                 "hope", "hopes", "hoped", "hoping", "want", "willing",  # (the model's lemma
                 # of "hopes" and "hoped" is "hop")
                 "proposal", "motion", "decide", "agree", "vow", "promise", "pledge",
                 "resolve", "determine", "fear", "due", "scheduled", "slated", "threaten"}
# triggers that only weigh an act ("Seoul was considering sanctions of its own")
_WEIGHING = frozenset({"consider", "weigh", "mull", "propose", "draft", "study", "review",
                       "seek"})
_ATTEMPT_NOUNS = {"effort", "attempt", "bid", "proposal", "push", "motion", "plan", "move",
                  "resolution", "initiative"}
_FOIL_VERBS = {"block", "veto", "reject", "thwart", "foil", "scuttle", "derail", "defeat",
               "oppose", "stall", "stymie"}
_HEDGE_WORDS = {"reportedly", "allegedly", "purportedly", "apparently", "suspected",
                "suspect", "rumored", "rumoured", "believed"}
_DENY_WORDS = {"deny", "denial", "dismiss", "reject", "refute", "rebut"}
_PURPOSE = re.compile(r"\b(in order to|so as to|aimed at|to prevent|to stop|to curb|to deter|"
                      r"to block|in an effort to|to try to|designed to|in the hopes? that|"
                      r"seeking to|aiming to|"
                      r"in hopes? that)\s+(\w+\s+){0,2}$", re.I)
_PLAN_PHRASE = re.compile(r"\b(with a view to|in a bid to|in preparation for)\b", re.I)
_REFUSE_WORDS = {"refuse", "reject", "decline", "rebuff", "spurn", "ignore", "snub", "balk"}
_UNCONFIRMED = {"confirm", "verify", "know", "disclose", "reveal", "comment", "announce",
                "mention", "acknowledge"}  # "state media has not mentioned the suspension"
_EVIDENCE_NOUNS = {"sign", "evidence", "indication", "proof", "report", "record", "trace"}
_OFFER_WORDS = {"offer", "pledge", "promise", "propose"}
# a negated verb above that does not deny the event ("did not stop them from crossing",
# "did not intend to cross": they crossed)
_INTENT_VERBS = frozenset({"intend", "mean"})
# words that say an act could not be done ("lorries were unable to cross", "failed to reach")
_UNABLE = frozenset({"unable", "fail"})
# words that say aid is held up on its way ("supplies sat in warehouses in Dandong", "food
# aid has been stuck in Chinese ports"): it has not arrived
_HELD_UP = frozenset({"sit", "stick", "stuck", "languish", "wait", "pile"})
_UNDO_NEGATION = {"stop", "prevent", "keep", "deter", "halt", *_INTENT_VERBS}
_HABITUAL = {"often", "usually", "routinely", "typically", "frequently", "regularly",
             "sometimes", "commonly", "generally", "habitually"}
_HABITUAL_SAYING = frozenset(_HABITUAL | {"rarely", "seldom", "never"})  # "rarely admits"
_HABITUAL_PHRASE = re.compile(r"\bover the years\b|\bin the past\b(?!\s+(?:\d|few|two|three|"
                              r"several|week|month|year|decade|day))"
                              r"|\b(?:almost|nearly|virtually) (?:daily|weekly|every day)\b")
_HABIT_NOUNS = {"reputation", "history", "record", "habit", "practice", "tendency",
                "penchant", "tradition", "propensity"}
_VAGUE_AMOUNTS = {"many", "most", "countless", "numerous", "thousands", "hundreds", "millions",
                  "tens"}
# acts in force that speak in the present ("the law imposes new sanctions on North Korea")
_LAW_NOUNS = {"law", "bill", "resolution", "legislation", "act", "decree", "order",
              "package", "measure", "amendment"}
_PREVENT_VERBS = {"prevent", "keep", "deter", "bar", "discourage", "prohibit", "forbid",
                  "ban", "dissuade", "restrain"}
_CLAUSE_EDGES = {"advcl", "relcl", "acl", "parataxis"}
_REPORT_VERBS = {"report", "say", "state", "tell", "claim", "announce", "write", "note",
                 "deny", "confirm", "insist", "allege", "admit", "acknowledge",
                 "cite", "quote"}


class LexiconError(KoreaWatchError):
    """A data file of the event lexicon is malformed."""


@dataclass(frozen=True)
class TriggerRule:
    """One rule of the trigger lexicon."""

    type: str
    rule: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    with_: frozenset[str]
    without: frozenset[str] = frozenset()
    particle: str | None = None
    flow: str | None = None
    state_subject: bool = False
    without_object: frozenset[str] = frozenset()
    own_media_only: bool = False  # only in the state's own media ("The decision was adopted")
    needs_clause: bool = False  # must report a clause ("acknowledged that", "threatened to")
    # lemmas one of which the trigger must take as its infinitive ("told to shoot")
    to_do: frozenset[str] = frozenset()
    prep: str | None = None  # a preposition the trigger must govern ("called for")
    # the trigger must hold a person somewhere, by someone or for a time ("held in North
    # Korea", "prisoners held by the North", "held for 15 months")
    person_held: bool = False
    with_nouns: bool = False  # the 'with' word must be a noun ("fuel", not "fueled")
    # the 'with' word must be in what the verb acts on, not its subject ("the Ministry of
    # State Security sent two residents to a camp" deploys no security forces)
    with_object: bool = False
    # the 'with' word must be in the trigger's direct object ("started rail tours", not "a
    # tour that began in Japan")
    direct_object: bool = False
    # the 'with' word must be in the trigger's subject ("supplies sat in warehouses", not
    # "residents waited to buy rice")
    with_subject: bool = False
    # a second list, one lemma of which must occur in the phrase too ("a freight train
    # rolled across the Yalu": a vehicle, and a border or a place across it)
    with_also: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """The trigger rules and the state-actor names."""

    rules: tuple[TriggerRule, ...]
    state_names: frozenset[str]
    countries: dict[str, str] = field(hash=False, compare=False)
    own_media_names: frozenset[str] = frozenset()

    @functools.cached_property
    def by_lemma(self) -> dict[str, tuple[TriggerRule, ...]]:
        table: dict[str, list[TriggerRule]] = {}
        for rule in self.rules:
            for lemma in rule.lemmas:
                table.setdefault(lemma, []).append(rule)
        return {k: tuple(v) for k, v in table.items()}


def _load_json(name: str) -> Any:
    return json.loads(resources.files("koreawatch.data").joinpath(name).read_text("utf-8"))


def _rule(entry: dict[str, Any], index: int) -> TriggerRule:
    try:
        rule = TriggerRule(
            type=entry["type"], rule=entry["rule"], lemmas=frozenset(entry["lemmas"]),
            pos=frozenset(entry["pos"]), with_=frozenset(entry.get("with", ())),
            without=frozenset(entry.get("without", ())), particle=entry.get("particle"),
            flow=entry.get("flow"), state_subject=bool(entry.get("state_subject", False)),
            without_object=frozenset(entry.get("without_object", ())),
            own_media_only=bool(entry.get("own_media_only", False)),
            needs_clause=bool(entry.get("needs_clause", False)),
            to_do=frozenset(entry.get("to_do", ())), prep=entry.get("prep"),
            person_held=bool(entry.get("person_held", False)),
            with_nouns=bool(entry.get("with_nouns", False)),
            with_object=bool(entry.get("with_object", False)),
            direct_object=bool(entry.get("direct_object", False)),
            with_subject=bool(entry.get("with_subject", False)),
            with_also=frozenset(entry.get("with_also", ())),
        )
    except (KeyError, TypeError) as exc:
        raise LexiconError(f"event_triggers.json rule {index}: missing or bad field {exc}") \
            from None
    if rule.type not in EVENT_TYPES:
        raise LexiconError(f"event_triggers.json rule {rule.rule!r}: unknown type {rule.type!r}"
                           f"; valid types: {', '.join(EVENT_TYPES)}")
    return rule


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon, validated (cached)."""
    triggers = _load_json("event_triggers.json")
    actors = _load_json("state_actors.json")
    entries = _borrow_words(triggers["rules"])
    rules = _unique(tuple(_rule(entry, i) for i, entry in enumerate(entries)))
    return Lexicon(rules, frozenset(actors["state"]), dict(actors["countries"]),
                   frozenset(actors.get("state_in_own_media", ())))


def _borrow_words(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries with each 'words_of' resolved: a rule that names an earlier rule there
    takes that rule's 'with' and 'without' lists where it gives none of its own ('pick up'
    aid uses the words of 'deliver'), so that one list is kept in one place."""
    by_name: dict[str, dict[str, Any]] = {}
    resolved = []
    for index, entry in enumerate(entries):
        source_name = entry.get("words_of") if isinstance(entry, dict) else None
        if source_name is not None:
            source = by_name.get(source_name)
            if source is None:
                raise LexiconError(f"event_triggers.json rule {index}: 'words_of' names "
                                   f"{source_name!r}, which is not an earlier rule")
            entry = {"with": source.get("with", ()), "without": source.get("without", ()),
                     **entry}
        if isinstance(entry, dict) and isinstance(entry.get("rule"), str):
            by_name.setdefault(entry["rule"], entry)
        resolved.append(entry)
    return resolved


def _unique(rules: tuple[TriggerRule, ...]) -> tuple[TriggerRule, ...]:
    """The rules, each name once: a reason names the rule that fired, so two of one name
    would make it ambiguous."""
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        if rule.rule in seen:
            raise LexiconError(f"event_triggers.json rule {index}: duplicate name {rule.rule!r}")
        seen.add(rule.rule)
    return rules


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    """An event found in one sentence, before time, places and merging are settled.

    Offsets index the normalized text."""

    type: str
    rule: str
    trigger_start: int
    trigger_end: int
    sent_start: int
    sent_end: int
    clause_start: int
    clause_end: int
    modality: str
    modality_reason: str
    flow: str | None
    actors: tuple[Actor, ...]
    summary: str
    tense: str  # past | present_perfect | present | future
    speaker: str = ""  # for statements: the speaking subject's core phrase, lower-cased
    reported_by: bool = False  # a reporting verb governs the trigger ("UPI reported that ...")
    after_clause: bool = False  # the trigger is in an "after ..." clause of another event
    # "for the first time since the border closed", "in 2019, before the country sealed its
    # border": an event told as the bound of another's time, background to it
    background_clause: bool = False
    # the relative or adjectival clause the trigger sits in ("a vessel suspected of
    # transferring oil"): only dates inside it date the event
    modifier: tuple[int, int] | None = None
    # relative or adjectival clauses of the sentence that describe something else ("a man
    # who had defected three years ago"): their dates do not date the event
    foreign_modifiers: tuple[tuple[int, int], ...] = ()
    # names of what the event acts on ("the Lighthouse Winmore" of a seizure), lower-cased:
    # two reports naming different things are two events
    anchors: frozenset[str] = frozenset()
    # a fact the report takes for granted ("..., Mr Lankov adds, is compounded by the
    # closure of the border"): the speech report does not attribute it
    presupposed: bool = False
    # the trigger's participant is introduced as new ("One advisor was deported", "another
    # defector fled"): a new referent, so not a restatement of an earlier event
    new_referent: bool = False
    # told as coming after something already told ("Pyongyang then accused ..."): a
    # further event, not a restatement
    sequel: bool = False
    # a definite nominal trigger ("the execution of Jang", "the closure") refers back to
    # an event already told
    definite: bool = False
    # a participle adjunct ("..., claiming that ...") shares the time of its main clause
    participle: bool = False
    # told as going on since an earlier date of the sentence ("sealed its borders in
    # January 2020 and has since required goods to be held in quarantine")
    since_then: bool = False
    # what a statement says ("said that he would wait until the end of the year"): a date
    # in it that reaches past publication tells what was said, not when
    said: tuple[int, int] | None = None
    # the subject a conjoined verb shares with the verb before it ("Dandong reported an
    # outbreak and was placed under lockdown": Dandong)
    shared_subject: tuple[int, int] | None = None
    # made as an offer or pledge in the past ("Seoul offered in mid-May to send vaccines"):
    # its date is the offer's, not a plan's for the coming year
    offer_made: bool = False
    # the kinds of vehicle the trigger's phrase names ("buses ... began crossing", "Air
    # Koryo resumed flights"): a border event of one kind is not a restatement of another's
    vehicles: frozenset[str] = frozenset()


def _phrase_lemmas(token: Any) -> set[str]:
    """Lemmas of the trigger's phrase (``_phrase_tokens``), and hyphenated words of its
    window and its subtree whole ("ship-to-ship")."""
    tokens, window = _phrase_tokens(token)
    subtree = token.doc[token.left_edge.i:token.right_edge.i + 1].text
    lemmas = {word.strip(".,;:()\"'").lower() for word in f"{window} {subtree}".split()
              if "-" in word}
    for tok in tokens:
        lemmas |= _forms(tok)
    return lemmas


def _forms(tok: Any) -> set[str]:
    """A token's lemma and lower-case text, and a sentence-initial plural made singular
    ("Guards were sent": the small model keeps "guards" as a proper noun)."""
    forms = {tok.lemma_.lower(), tok.lower_}
    if tok.tag_ == "NNS" and tok.lower_.endswith("es"):
        forms.add(tok.lower_[:-1])  # "doses", which the small model lemmatizes as "dos"
    if tok.is_sent_start and tok.lower_.endswith("s") and tok.lemma_.lower() == tok.lower_:
        forms.add(tok.lower_[:-1])
    return forms


def _phrase_tokens(token: Any) -> tuple[list[Any], str]:
    """The trigger's phrase: its subtree, its head and the head's children, the noun its
    relative clause describes, and a window of four words on each side within the
    sentence (ten before it when its object is a pronoun, whose antecedent comes earlier:
    "exports of coal, though it suspended these"); and the window's text."""
    tokens = list(token.subtree)
    head = token.head
    if head != token:
        tokens.append(head)
        tokens.extend(child for child in head.children if child.dep_ in
                      ("nsubj", "nsubjpass", "dobj", "prep", "attr", "agent", "pobj"))
        if token.dep_ == "xcomp":  # "tour groups are expected to return": the subject the
            tokens.extend(g for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                          for g in c.children if g.dep_ == "compound")  # verb shares
    for node in (token, head):  # "a defector who had tried to return": the antecedent
        if node.dep_ in _MODIFIER_EDGES:
            tokens.append(node.head)
            tokens.extend(_owner_of_place(node.head))
    sent = token.sent
    back = 10 if any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PRON"
                     for c in token.children) else 4  # "suspended these": look back for them
    lo, hi = max(sent.start, token.i - back), min(sent.end, token.i + 5)
    tokens.extend(token.doc[lo:hi])
    return tokens, token.doc[lo:hi].text


def _owner_of_place(name: Any) -> list[Any]:
    """ "Freight trains between Dandong and Sinuiju, which restarted in January": the
    parser hangs the relative clause on the place name; the noun the names belong to
    (the trains) is what it describes."""
    node = name
    for _ in range(4):  # up through "and", "between" and their objects
        if node.dep_ not in ("conj", "pobj", "prep") or node.head == node:
            return []
        node = node.head
        if node.pos_ == "NOUN":
            return [node]
    return []


def _subject(token: Any) -> Any | None:
    """The subject token of a verb (following conjunctions and auxiliaries up)."""
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                    # "Pyongyang, which insists ...": Pyongyang
                    return (_owner_of_place(current.head) or [current.head])[0]
                return child
        if current.dep_ in ("conj", "xcomp", "advcl", "relcl", "acomp") and current.head != current:
            current = current.head
        elif current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.lower_ in (
                "by", "after", "before", "while") and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "responded by calling ...": the responder calls
        else:
            break
    return None


def _span_text(token: Any) -> str:
    """The core noun phrase of ``token``: itself with its determiners, compounds, modifiers
    and possessives, without appositions, relative clauses or prepositional phrases."""
    if token is None:
        return ""
    keep = {token.i}
    for child in token.children:
        if child.dep_ in ("compound", "det", "amod", "poss", "nmod", "case", "flat", "nummod"):
            keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    return token.doc[lo:hi + 1].text


def is_state_name(phrase: str) -> bool:
    """Whether ``phrase`` names the North Korean state, its leaders or its media."""
    return _is_state(phrase, load_lexicon())


# another country named first: the generic state words after it ("state media", "the
# regime", "the foreign ministry") are that country's
_FOREIGN_OWNER = re.compile(
    r"(chinese|china'?s?|russian|russia'?s?|south korean?|south korea'?s|seoul'?s?|japanese|"
    r"japan'?s?|u\.?s\.?|american|america'?s|iranian|iran'?s|syrian|syria'?s|cuban|"
    r"vietnamese|british|french|german|indian|israeli|turkish|venezuelan|"
    # international bodies: "UNICEF Representative for the DPRK", "a U.N. panel"
    r"u\.?n\.?|united nations|unicef|wfp|world food programme|world health|red cross|iaea|"
    r"european union|eu)\b")


def _is_state(phrase: str, lexicon: Lexicon, own_media: bool = False) -> bool:
    """Whether ``phrase`` names the North Korean state; in the state's own media
    (``own_media``) generic names ("the government", "a spokesperson", "it") do too."""
    low = phrase.lower().strip()
    low = re.sub(r"^(the|a|an)\s+", "", low)
    low = re.sub(r"^(mr|mrs|ms|comrade)\.?\s+", "", low)  # "Mr Kim" is Kim
    if _FOREIGN_OWNER.match(low):
        return False  # "Chinese state media", "Iran's regime": another state's
    if _CIVIL_BODY.search(low):
        return False  # "the group North Korea Rescue Watch", "a network that monitors
        # North Korea", "a North Korea specialist at the University of Leeds": named after
        # the country, not its state
    names = lexicon.state_names | lexicon.own_media_names if own_media else lexicon.state_names
    if low in names or ("the " + low) in names:
        return True
    if any(re.search(rf"\b{re.escape(name)}\b", low) for name in names if len(name) > 3):
        return True
    # a short name only as a capitalised acronym ("the General Staff of the KPA"), never
    # "Kim" inside another name
    return any(re.search(rf"\b{re.escape(name.upper())}\b", phrase) for name in names
               if len(name) <= 3 and name.isalpha() and name != "kim")


_CIVIL_BODY = re.compile(r"\b(?:group|watch|network|foundation|alliance|coalition|association"
                         r"|society|forum|database|initiative|ngo|charity|campaigners?"
                         r"|activists?|monitors?|specialists?|experts?|analysts?|scholars?"
                         r"|researchers?|watchers?|university|observers?)\b")


def names_state(text: str) -> bool:
    """Whether ``text`` names the North Korean state (a name of ``state_actors.json``)."""
    return _is_state(text, load_lexicon())


def _acted_on_lemmas(verb: Any) -> set[str]:
    """Lemmas of what a verb acts on: its object, passive subject, complements and
    prepositional phrases, or the noun it modifies ("a reinforced guard company")."""
    nodes = [c for c in verb.children if c.dep_ in (
        "dobj", "nsubjpass", "attr", "oprd", "dative", "prep", "npadvmod", "compound")
        and not (c.lower_ in _TIME_PREPS and any(p.dep_ == "pcomp" for p in c.children))]
    # (a clause after "after" or "before" is another act: "moved phones across the river
    # after paying off a guard unit" moves no unit; "banned them from selling" acts on it)
    if verb.dep_ in ("amod", "acl", "relcl"):
        nodes.append(verb.head)
    return {form for node in nodes for t in node.subtree for form in _forms(t)}


def _vetoing_lemmas(token: Any) -> set[str]:
    """Lemmas that can veto a rule: the trigger's own phrase and its head (not the words
    around it, which may belong to a neighbouring event); a conjoined verb's head is a
    sibling event, not part of its phrase; a relative or adjectival clause also sees the
    whole list of nouns it describes ("balloons, leaflets and other material sent")."""
    lemmas = (_own_lemmas(token) - _breached(token)) | _purpose_lemmas(token)
    if token.dep_ == "conj":  # "closed its borders and declared an emergency": a sibling
        return lemmas | {token.lower_}
    if token.dep_ == "compound" and token.head != token:  # "an IAEA inspection team", "an
        head = token.head  # inspection team checked the quarantine": the whole phrase
        lemmas |= _own_lemmas(head) | {head.head.lemma_.lower()}  # and what it does
        lemmas.update(t.lemma_.lower() for c in head.head.children
                      if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree)
    if token.head != token:
        lemmas.add(token.head.lemma_.lower())
        lemmas.update(c.lemma_.lower() for c in token.head.children
                      if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" \
            and token.head.head.pos_ == "NOUN":  # "penalties for smuggling": the penalty's
        lemmas.add(token.head.head.lemma_.lower())
    if token.dep_ == "pcomp" and token.head.lower_ == "as":  # "condemned the tests as violating"
        lemmas.update(t.lemma_.lower() for c in token.head.head.children if c.dep_ == "dobj"
                      for t in c.subtree)
    if token.dep_ in _MODIFIER_EDGES:  # "balloons, leaflets and other material sent from"
        noun = first_conjunct(token.head)
        phrase = noun.head if noun.dep_ == "pobj" and noun.head.head != noun.head else noun
        lemmas.update(t.lemma_.lower() for t in phrase.subtree)
    return lemmas | {token.lower_}


def _rule_fits(rule: TriggerRule, token: Any, lemmas: set[str], lexicon: Lexicon,
               own_media: bool = False, people: Callable[[], PersonResolver] | None = None
               ) -> bool:
    if token.pos_ not in rule.pos or (rule.own_media_only and not own_media):
        return False
    if rule.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == rule.particle
                                 for c in token.children) \
            and not _particle_in_object(token, rule.particle):  # "took away": an adverb to
        return False  # spaCy
    if rule.needs_clause and not any((c.dep_ == "ccomp" and _finite(c)) or (
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children))
            for c in token.children):
        return False  # "clapping to acknowledge the soldiers" reports nothing
    if rule.prep and not any(c.dep_ == "prep" and c.lower_ == rule.prep
                             for c in token.children):
        return False
    if rule.prep and getattr(_subject(token), "pos_", "") == "PRON":
        return False  # "it calls for ...": whose call is not said
    if rule.to_do and not any(c.dep_ == "xcomp" and c.lemma_.lower() in rule.to_do
                              for c in token.children):
        return False  # "a source told RFA the men were shot" orders nothing
    if rule.type != "official_statement" and any(
            c.dep_ == "ccomp" and ((c.i < token.i and not _colon_between(c, token)) or any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
            for c in token.children):
        return False  # "Cronin added that ...", "..., the partner added": verbs of saying
    if rule.with_ and not rule.with_subject and not rule.with_ & lemmas:
        return False  # (``with_subject``: the words are the subject's, checked below)
    if rule.with_also and not rule.with_also & lemmas:
        return False
    if rule.with_nouns and not any((t.pos_ in ("NOUN", "PROPN") or _noun_read_as_verb(t))
                                   and _forms(t) & rule.with_
                                   for t in _phrase_tokens(token)[0]):
        return False  # "cuts fueled by a miscalculation": no fuel is cut
    if rule.with_object and not rule.with_ & _acted_on_lemmas(token):
        return False
    if rule.direct_object and not any(_forms(t) & rule.with_ for c in token.children
                                      if c.dep_ == "dobj" for t in c.subtree):
        return False
    if rule.with_subject:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (subject is None or subject.tag_ in ("WDT", "WP")) \
                and token.dep_ in ("relcl", "xcomp", "acomp"):  # "returnees who crossed",
            subject = _subject(token)  # "a group of returnees is expected to cross",
            # "schools have stayed closed"
        if subject is None or not any(_forms(t) & rule.with_ for t in _subject_nouns(subject)):
            return False
    if rule.type == "smuggling" and (_restricted(token) or (
            token.pos_ == "NOUN" and token.lemma_.lower() == "ship")):
        return False  # "the sanctions target dozens of ships": vessels, not shipping
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in _BREACH \
            and not any(c.dep_ in ("acl", "relcl") for c in token.children):
        return False  # "in breach of the export ban": a ban broken, not one imposed (but
        # "in defiance of a UN cap, imposed in 2017, that ...": that one is told)
    if _idiom(token):
        return False
    if rule.type == "border_closure" and token.pos_ == "VERB" \
            and getattr(_subject(token), "lemma_", "").lower() in _NATURE:
        return False  # "a typhoon flooded homes and cut railway lines": damage, no closure
    if rule.person_held and not _holds_person(token, lexicon):
        return False
    if rule.without & _vetoing_lemmas(token):
        return False
    if rule.without_object and any(c.lemma_.lower() in rule.without_object
                                   for c in _objects_shared(token)):
        return False
    if rule.state_subject:
        if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in token.children):
            return False  # "North Korea may say it is dismantling ...": no statement yet
        if token.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in token.children) and not any(
                c.dep_ in ("aux", "auxpass") for c in token.children):
            return False  # "what might make you hopeful: North Korea revealing its sites"
        if token.pos_ == "NOUN" and not any(t.ent_type_ in ("DATE", "TIME")
                                            for t in _own_subtree(token)) and not any(
                c.dep_ == "amod" and c.lower_ in _FRESH for c in token.children) \
                and not _says_what(token):
            return False  # "North Korea's pledge" mostly names a statement told elsewhere
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            return False  # "the dialogue pledged last month" names a pledge, tells none
        if any(c.dep_ == "dobj" and c.tag_ == "WP" for c in token.children):
            return False  # "will look at what North Korea has said": said before, not now
        if token.lemma_.lower() == "call" and not rule.prep and not _names_as(token):
            return False  # "called for talks", "called the meeting off": no naming
        if _acts_not_says(token):
            return False
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before"
                                         for c in token.children):
            return False  # "closed its borders weeks before it had confirmed a single case"
        subject = _speaker_token(token, own_media)
        pronoun = subject if subject is None or subject.lower_ == "it" else next(
            (c for c in subject.children if c.dep_ == "poss" and c.lower_ == "its"
             and subject.lemma_.lower() in _OWN_BODIES), None)  # "its foreign ministry said"
        outer = _outer_speaker(token) if pronoun is subject and pronoun is not None else None
        if outer is not None:  # "A U.N. panel said that North Korea kept up transfers,
            return _state_speaker(outer, lexicon, own_media)  # which it said had increased"
        if subject is not None and subject.lower_ in ("he", "she") and not own_media \
                and people is not None \
                and token.lemma_.lower() in _TAKING_A_STAND:  # "Last week he denounced
            # ...": whom "he" stands for (not "he said", which quotes whoever was last named)
            named = people().person(subject)
            return named is not None and _is_state(named[0], lexicon)
        if pronoun is not None and not own_media \
                and people is not None:  # "..., of which it still claims to have no cases"
            named = [e for e in pronoun.sent.ents if e.end <= pronoun.i
                     and e.label_ in ("GPE", "ORG", "NORP")]  # "North Korea's quarantine
            if named:  # (of which it claims ...)": the body its own sentence named last
                return _is_state(named[-1].text, lexicon)
            body = people().person(pronoun)  # else the last body that spoke, or the
            acted = _last_subject(pronoun)  # country the sentences since were about
            if acted is not None and (body is None or acted[1] > body[1]):
                body = acted
            return body is not None and _is_state(body[0], lexicon)
        return subject is not None and _state_speaker(subject, lexicon, own_media)
    return True


# verbs by which a named leader takes a stand; "he" before one is looked up
_TAKING_A_STAND = frozenset({"deny", "denounce", "condemn", "accuse", "warn", "declare",
                             "announce", "claim", "insist", "brand", "label", "dismiss", "vow",
                             "pledge", "promise", "threaten", "decry", "lambast", "blame",
                             "admit", "concede", "reveal", "proclaim", "reject"})
_REPORTING = frozenset({"say", "report", "claim", "tell", "state", "add", "note", "find",
                        "allege", "estimate", "write", "conclude"})


def _outer_speaker(verb: Any) -> Any:
    """The named subject of a verb of saying that ``verb`` (whose subject is "it") is told
    inside: "A U.N. panel said North Korea defied sanctions through transfers, which it said
    had increased" (the panel, not the country named last)."""
    for outer in verb.ancestors:
        if outer.lemma_.lower() in _REPORTING:
            subject = next((c for c in outer.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    return None


def _colon_between(clause: Any, verb: Any) -> bool:
    """ "It has shunned help: in 2019 it turned down rice": a clause the model hangs before
    the verb across a colon or semicolon is what the verb's clause explains, not what a
    verb of saying reports."""
    return any(t.text in (":", ";") for t in verb.doc[clause.right_edge.i + 1:verb.i])


def _particle_in_object(verb: Any, particle: str) -> bool:
    """ "handed about 60 North Koreans who had been held in Jilin over to security
    officials": the model hangs the verb's particle on the relative clause of its long
    object; a bare particle so placed, after that clause's verb, is the verb's."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for clause in obj.children:
            if clause.dep_ in ("relcl", "acl") and any(
                    c.lower_ == particle and c.dep_ in ("prt", "advmod", "prep")
                    and c.i > clause.i and not list(c.children) for c in clause.children):
                return True
    return False


def _subject_nouns(subject: Any) -> list[Any]:
    """The nouns a subject names: its head, the head's compounds and conjuncts, and what
    it measures ("tonnes of rice", "pallets of medical kits"), not the nouns of its
    relative clauses ("merchants who came with rice")."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    nouns = heads + [p for h in heads for p in _objects_of(h, "of")]
    return [t for n in nouns for t in (n, *n.children) if t == n or t.dep_ in ("compound", "conj")]


def _last_subject(pronoun: Any, back: int = 2) -> tuple[str, int] | None:
    """The country "it" may stand for: the subject of the main verb of the nearest of the
    ``back`` sentences before that names a body or a country ("Pyongyang hid the outbreak
    for weeks. It acknowledged one in May."), passing over other subjects ("The measures
    were needed") and "it" itself; None after a person ("He said ..."). The name and where
    the text gives it."""
    start = pronoun.sent.start
    for _ in range(back):
        if start == 0:
            return None
        sent = pronoun.doc[start - 1].sent
        start = sent.start
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is None or subject.lower_ == "it":
            continue
        if subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
            return None  # "He said ...": the story is about a person now
        if subject.ent_type_ in ("GPE", "ORG", "NORP") or subject.pos_ == "PROPN" \
                or subject.lemma_.lower() in _COUNTRY_NOUNS:
            return _span_text(subject), subject.idx
    return None  # "The measures were needed": no body


def _acts_not_says(verb: Any) -> bool:
    """ "The only holidaymakers the North has admitted", "admitted 13 tourists into Rason":
    let in; "declared a buffer zone": set one up; "denied them the freedom to leave":
    withheld. None of these says anything."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "admit":
        people = objects + ([verb.head] if verb.dep_ == "relcl" else [])
        return any(_forms(p) & _ADMITTED for p in people)
    if lemma == "declare":
        return any(o.lemma_.lower() in DECLARED_THINGS for o in objects)
    if lemma == "deny":
        return any(c.dep_ == "dative" for c in verb.children) and bool(objects)
    return False


def _names_as(verb: Any) -> bool:
    """ "Called the summit a success", "called Trump a 'frightened dog'", "called the use
    of foreign cash 'a betrayal'": "call" names something as something (a predicate, a
    second object, or a quotation after the object), which is saying it."""
    if any(c.dep_ in ("prt", "xcomp", "ccomp") or (c.dep_ == "prep" and not _when_phrase(c))
           for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "oprd" for c in verb.children) or len(objects) > 1:
        return True
    return bool(objects) and any(t.is_quote for t in verb.doc[objects[0].i:verb.sent.end])


def _when_phrase(prep: Any) -> bool:
    """ "In December 2014", "after the FBI blamed it", "on Monday": a phrase that only says
    when, not the "for" or "on" of "called for talks", "called on China"."""
    if prep.lower_ in ("after", "before", "during", "following"):
        return True
    return prep.lower_ in ("in", "on") and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _noun_read_as_verb(token: Any) -> bool:
    """ "Freight trains carrying flour crossed the bridge": the parser reads "trains" as a
    verb whose subject is "freight"; a plural right after the noun it took for its subject,
    opening the sentence, is that noun's head."""
    if token.pos_ != "VERB" or token.tag_ != "VBZ" or token.i - 1 != token.sent.start:
        return False
    before = token.doc[token.i - 1]
    return before.dep_ == "nsubj" and before.head == token and before.pos_ in ("NOUN", "PROPN")


def _objects_shared(verb: Any) -> list[Any]:
    """A verb's objects (and passive subjects), or, when it has none, those of the verb
    it is coordinated with: "punish and deter bad behavior" punishes the behaviour; or of
    the verb it completes: "kept its border sealed" seals the border."""
    def objects(word: Any) -> list[Any]:
        return [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    found = objects(verb) or [o for c in verb.children if c.dep_ == "conj" for o in objects(c)]
    if not found and verb.dep_ in ("xcomp", "oprd") and verb.tag_ == "VBN":
        found = [c for c in verb.head.children if c.dep_ == "dobj"]
    return found


def _says_what(noun: Any) -> bool:
    """Whether a statement noun carries what was said in a that-clause ("North Korea's
    statement that the regime plans to sink Japan")."""
    return any(c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in noun.children)


# prepositions of a time phrase, whose clause the verb they hang on does not govern
_TIME_PREPS = _BACKGROUND_MARKS | {"after"}
# modals that leave a statement unmade ("may say", "could announce", "would deny")
_MAYBE = frozenset({"may", "might", "could", "would", "should", "can", "must"})
# modal forms that are other words too ("That May", "the will of the people")
_MODAL_FORMS = _MAYBE | {"will", "shall"}
# a statement noun so qualified is news, not one told elsewhere ("the country's recent threat")
_FRESH = frozenset({"recent", "latest", "new", "fresh"})


# bodies whose names end like acts ("the Kim government", "its defence department")
_BODY_NOUNS = frozenset({"government", "parliament", "department", "leadership", "mission",
                         "delegation", "legation", "commission"})
# a state's organs, which speak for it when the text says "its" ("its foreign ministry")
_OWN_BODIES = _BODY_NOUNS | {"ministry", "leader", "media", "agency", "spokesman",
                             "spokeswoman", "spokesperson", "official", "army", "military",
                             "envoy", "embassy", "newspaper", "regime", "committee"}
# the nouns for a country that "it" may stand for, besides names
_COUNTRY_NOUNS = frozenset({"north", "country", "government", "regime", "state"})
_ACT_NOUNS = frozenset({"move", "decision", "test", "launch", "step", "act", "action", "plan",
                        "offer", "response", "refusal", "failure", "closure", "collapse"})


def _speaker_token(token: Any, own_media: bool = False) -> Any | None:
    """Who speaks through a speech verb: its active subject; the agent of a passive ("was
    announced by KCNA"), never its passive subject ("the leader was reported to be
    visiting" is no statement by the leader) except in the state's own media, where an
    agentless passive is the state speaking ("the DPRK's mission cannot be denied"); X of
    "quoted X as saying"."""
    head = token.head
    if token.pos_ == "NOUN":  # "North Korea's threat", "state media threats", "a speech Kim gave"
        owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")] + \
            _objects_of(token, "by", "from") + [g for c in token.children if c.dep_ == "relcl"
                                                for g in c.children if g.dep_ == "nsubj"] + \
            [o for c in token.children if c.dep_ == "acl"  # "a statement carried by KCNA"
             for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        found = next((o for o in owners if o.pos_ in ("PROPN", "NOUN")), None)
        if found is None and token.dep_ == "pobj" and token.head.lower_ in ("in", "through") \
                and token.head.head.pos_ == "VERB":  # "In a statement, its ministry called
            found = _subject(token.head.head)  # ...": the clause's subject made it
        return found
    if head.lower_ == "as" and head.head.lemma_.lower() == "quote":
        return next((c for c in head.head.children if c.dep_ == "dobj"), None)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        return _subject(token) if own_media else None
    return _subject(token)


_PEOPLE = frozenset({
    "people", "person", "man", "woman", "men", "women", "citizen", "national", "student",
    "tourist", "soldier", "missionary", "journalist", "reporter", "worker", "defector",
    "prisoner", "detainee", "captive", "hostage", "american", "pastor", "businessman",
    "professor", "teacher", "crew", "crewman", "fisherman", "sailor", "child", "family",
    "refugee", "he", "she", "him", "her", "they", "them", "who",
    # kin ("her mother was held for nine days by security agents")
    "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband", "uncle",
    "aunt", "cousin", "relative", "neighbour", "neighbor"})
# people a state lets in ("the only holidaymakers the North has admitted")
_ADMITTED = _PEOPLE | ADMITTED_VISITORS
_HOLDING_PLACES = frozenset({"prison", "camp", "jail", "custody", "detention", "facility",
                             "cell", "captivity", "center", "centre", "hotel"})


def first_conjunct(token: Any) -> Any:
    """The first of the conjuncts ``token`` is one of ("ports and crossings": "ports"), whose
    head is the phrase's: itself when it is no conjunct."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


_RESTRICTIONS = frozenset({"sanction", "ban", "embargo", "restriction", "cap", "tariff",
                           "curb", "limit"})


def _restricted(token: Any) -> bool:
    """ "sanctions on North Korea's exports and imports": the trade a restriction is on,
    not goods moved around it."""
    noun = first_conjunct(token)
    return noun.dep_ == "pobj" and noun.head.lower_ in ("on", "against") \
        and noun.head.head.lemma_.lower() in _RESTRICTIONS


def _own_subtree(token: Any) -> list[Any]:
    """The subtree of ``token`` less what is conjoined to it ("the threat and a Cold
    War-era strategy": not the strategy's date)."""
    skip = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in token.subtree if t.i not in skip]


def _holds_person(token: Any, lexicon: Lexicon) -> bool:
    """Whether a verb like "hold" keeps a person (its object, its passive subject or the
    noun its participle describes: "prisoners held by the North", "Warmbier, who had been
    held") in a place, by someone, for a time or as the state: "held in North Korea",
    "held by Pyongyang", "held for 15 months", "North Korea is holding six South Koreans"
    (not "held talks", "held him in high regard")."""
    patients = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if (token.dep_ in ("acl", "relcl") and token.tag_ == "VBN") or any(
            p.tag_ in ("WP", "WDT") for p in patients):
        patients.append(token.head)
    if not any(p.ent_type_ in ("PERSON", "NORP") or p.lemma_.lower() in _PEOPLE
               or p.lower_ in _PEOPLE or _counted_back(p) for p in patients):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and _is_state(_span_text(subject), lexicon):
        return True
    for child in token.children:
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "agent" and objects:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "at") and any(
                g.ent_type_ in ("GPE", "LOC", "FAC") or g.lemma_.lower() in _HOLDING_PLACES
                for g in objects):
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                t.ent_type_ == "DATE" for g in objects for t in g.subtree):
            return True
    return False


def _counted_back(noun: Any) -> bool:
    """ "The three have been held ...": a number with "the" that stands for people just
    counted."""
    return noun.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ == "the"
                                      for c in noun.children)


def _finite(verb: Any) -> bool:
    """A finite clause ("that two ships had sunk"), not a participle ("soldiers taking part")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def _speaks(noun: Any) -> bool:
    """Whether a noun can name someone who speaks: a person, a body, an office or a medium
    ("Pyongyang's envoy"), not an act ("Pyongyang's cancellation was regrettable")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or lemma in _BODY_NOUNS or (lemma not in _ACT_NOUNS and not noun.lower_.endswith(
            ("tion", "sion", "ment", "ance", "ence", "ing")))


# both Koreas speaking together ("North and South Korea agreed to ...")
_BOTH_KOREAS = re.compile(r"\b(north and south korea|south and north korea|the two koreas|"
                          r"both koreas)\b", re.I)


# people who speak for themselves, whatever their nationality
_PRIVATE_PEOPLE = frozenset({
    "woman", "man", "defector", "escapee", "refugee", "resident", "student", "worker",
    "trader", "fisherman", "mother", "father", "sister", "brother", "daughter", "son", "wife",
    "husband", "family", "relative", "citizen", "people", "person", "source",
    # business partners and guides who pass word to foreign tour agencies and traders
    "partner", "guide", "company"})
# people who study the state from outside ("a professor of North Korean studies")
_OBSERVERS = frozenset({"professor", "researcher", "scholar", "analyst", "expert", "lecturer",
                        "academic", "fellow", "economist"})


# what another state or body is to the North ("its main ally", "Pyongyang's neighbour")
_RELATIONS = frozenset({"ally", "neighbour", "neighbor", "partner", "friend", "patron", "backer",
                        "benefactor", "lifeline", "rival", "enemy", "foe", "adversary"})


_NATURE = frozenset({"typhoon", "storm", "flood", "flooding", "rain", "rainfall", "landslide",
                     "downpour", "earthquake", "snow", "snowstorm", "hurricane", "cyclone"})


def _idiom(token: Any) -> bool:
    """Phrases whose trigger word means something else: "caught up in the campaign"
    (involved), "in return for a payment", "the law provides for long terms" (lays down),
    and a participle of result after a comma ("..., leaving defectors unable to call")."""
    lemma = token.lemma_.lower()
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if lemma == "catch" and "in" in preps and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return True
    if lemma == "return" and token.pos_ == "NOUN" and token.head.lower_ == "in" \
            and "for" in preps:
        return True
    if lemma == "provide" and "for" in preps \
            and not any(c.dep_ == "dobj" for c in token.children):
        return True
    return lemma == "leave" and token.tag_ == "VBG" and token.dep_ == "advcl" \
        and token.i > 0 and token.doc[token.i - 1].text == ","


def _former(noun: Any) -> bool:
    """ "a former North Korean diplomat", "a former Korean People's Army border guard" (where
    the model hangs "former" on the army): someone who no longer speaks for the state."""
    return any(t.dep_ == "amod" and t.lower_ in ("former", "ex")
               for t in noun.doc[noun.left_edge.i:noun.i + 1])


def _state_speaker(subject: Any, lexicon: Lexicon, own_media: bool) -> bool:
    """Whether a speech verb's subject speaks for the state: a state name, or people or
    bodies of it ("one of Kim's top officials", "Pyongyang's envoy", "the General Staff of
    the Korean People's Army"), alone or with others ("Moon and Kim promised", "North and
    South Korea agreed")."""
    if _BOTH_KOREAS.search(_span_text(subject)):
        return True
    return any(_speaks_for_state(s, lexicon, own_media)
               for s in (subject, *(c for c in subject.children if c.dep_ == "conj")))


def _speaks_for_state(subject: Any, lexicon: Lexicon, own_media: bool) -> bool:
    """Whether one noun speaks for the state (see ``_state_speaker``)."""
    if subject.lower_ in ("one", "some", "two", "three", "several", "many", "most"):
        inner = _objects_of(subject, "of")
        subject = inner[0] if inner else subject
    if not _speaks(subject):
        return False
    if subject.lemma_.lower() in _PRIVATE_PEOPLE | _OBSERVERS or _former(subject):
        return False  # "a North Korean woman who reached Seoul told the Post": no official
    if any(c.lower_ == "puppet" for c in subject.children):
        return False  # the state's own media name the South's bodies "the puppet ..."
    if _private_namesake(subject, lexicon):
        return False  # "Kim Eun-hee ... Kim said": the defector, not the leader
    if _is_state(_span_text(subject), lexicon, own_media) or _of_state(subject, lexicon) \
            or _carried_by_state(subject, lexicon):
        return True
    # "the party newspaper, Rodong Sinmun, urged", "Kim Chol Ung, head of the DPRK
    # delegation, told": the apposition names it (not "Lee, a former North Korean diplomat",
    # nor "China, the North's main ally": a country named is that country)
    if subject.ent_type_ == "GPE":
        return False
    return any(c.dep_ == "appos" and not _former(c) and _of_state(c, lexicon)
               and c.lemma_.lower() not in _OBSERVERS | _RELATIONS for c in subject.children)


def _private_namesake(subject: Any, lexicon: Lexicon) -> bool:
    """A bare surname ("Kim") in an article that has introduced, before it, someone of that
    name who does not speak for the state ("Kim Eun-hee, a defector"): reporters then keep
    the bare name for that person and write the leader's in full."""
    if subject.pos_ != "PROPN" or subject.dep_ == "compound" \
            or any(c.dep_ in ("compound", "flat") for c in subject.children):
        return False  # a full name ("Kim Eun-hee") or part of one
    return any(e.label_ == "PERSON" and e.end <= subject.i and len(e) > 1
               and subject.lower_ in (e[0].lower_, e[-1].lower_)
               and not _is_state(e.text, lexicon) for e in subject.doc.ents)


def _carried_by_state(subject: Any, lexicon: Lexicon) -> bool:
    """ "In a statement carried by KCNA, a foreign ministry spokesperson denounced ...": a
    speaker whose words the state's media carry speaks for the state."""
    return any(t.lemma_.lower() in ("carry", "publish", "release", "air", "broadcast")
               and any(a.dep_ == "agent" and _is_state(_span_text(o), lexicon)
                       for a in t.children for o in a.children if o.dep_ == "pobj")
               for t in subject.sent)


def _of_state(noun: Any, lexicon: Lexicon, depth: int = 2) -> bool:
    """Whether a noun phrase names the state or belongs to it: "Pyongyang's envoy", "the
    General Staff of the KPA", "a spokesman for the Foreign Ministry of the DPRK" (not
    "the U.S. special representative for North Korea": for a country, not of it; nor "UNICEF
    Representative for the DPRK": another body's, named before it)."""
    if _is_state(_span_text(noun), lexicon) or any(
            c.dep_ == "poss" and _is_state(re.sub(r"'s$", "", _span_text(c)), lexicon)
            for c in noun.children):
        return True
    if depth <= 0:
        return False
    owned = any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in noun.children)
    bodies = _objects_of(noun, "of") + [g for g in _objects_of(noun, "for")
                                        if g.ent_type_ != "GPE" and not owned]
    return any(_of_state(g, lexicon, depth - 1) for g in bodies)


def _objects_of(token: Any, *prepositions: str) -> list[Any]:
    """The objects of ``token``'s prepositional phrases headed by one of ``prepositions``."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj"]


def _generic(token: Any, etype: str = "") -> bool:
    """A habitual or generic statement, not an event (rule 1):

    - a verb in the simple present with no auxiliary ("defectors flee the North"),
      unless a law is its subject ("the bill imposes sanctions");
    - a habitual adverb in the trigger's clause ("often", "usually", "over the years",
      "in the past" but not "in the past week"), or a habit named ("a reputation for
      sending people to camps"), or a relative clause that describes a kind ("defectors
      who have fled", but not "two defectors who fled");
    - a subject that counts vaguely ("many", "most", "thousands of") with no date in the
      clause ("thousands of defectors have fled", "many women are trafficked"), except
      for what was built or sent ("hundreds of kilometres of fencing have gone up") and
      those a health measure holds ("thousands had been placed in isolation");
    - a trigger noun said to be frequent, common or rare ("public executions have become
      more frequent"): a trend;
    - a subject or object that is anyone at all ("anyone who approaches will be shot",
      "told to shoot anyone who tries to cross"), except for a health measure, which is
      such a rule ("ordered that everyone arriving from abroad be quarantined"), or no one
      with a modal ("a zone that no person could enter").
    """
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if token.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in _TREND_WORDS
            for v in (verb, *(x for x in verb.children if x.dep_ in ("xcomp", "ccomp")))
            for c in v.children):
        return True  # "public executions have become more frequent": a trend, no event
    if token.dep_ in ("pcomp", "pobj") and token.head.head.lemma_.lower() in _HABIT_NOUNS:
        return True  # "a reputation for sending people to camps"
    if token.dep_ == "xcomp" and token.head.lower_ == "used" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
            and not any(c.dep_ in ("dobj", "auxpass", "aux") for c in token.head.children):
        return True  # "the border, through which food used to arrive": a past habit (not
        # "had been used to export coal", "the route that thousands used to escape")
    if token.tag_ == "VBG" and token.dep_ in ("csubj", "nsubj") \
            and token.head.lemma_.lower() == "be":
        return True  # "Rebuilding a guard post is cheap": what such an act is, not one done
    if token.dep_ == "relcl" and token.head.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod", "poss", "quantmod") for c in token.head.children) \
            and not token.doc[token.left_edge.i - 1].is_punct:
        return True  # "a crackdown on defectors who have fled": a kind, not an event (but
        # "handed to officers, who took them into custody" tells what those officers did)
    if token.pos_ == "VERB" and token.tag_ in ("VBP", "VBZ") and token.lower_ != "swam" \
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
            and not _law_subject(token):  # (the small model tags "swam" as a present)
        return True
    clause = list(verb.subtree)
    words = {t.lower_ for t in clause}
    if words & _HABITUAL or _HABITUAL_PHRASE.search(" ".join(t.lower_ for t in clause)):
        return True
    subject = _subject(verb)
    if etype != "health_measure" and ((subject is not None and _anyone(subject))
                                      or any(c.dep_ == "dobj" and _anyone(c)
                                             for c in verb.children)
                                      or (verb.dep_ == "acl" and _anyone(verb.head, True))):
        return True  # "anyone who approaches will be shot", "shoot anyone (entering)",
        # "every alien thing coming across": a rule
    if subject is not None and _with_no(subject) \
            and any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children):
        return True  # "a zone that no person could enter": what may not happen, a rule
    if subject is None or any(t.ent_type_ == "DATE" for t in clause) \
            or etype == "security_reinforcement" or (  # "hundreds of kilometres of new
                etype == "health_measure" and subject.dep_ == "nsubjpass"):  # fencing
        return False  # have gone up": a vague count of things built is still their
    # building; so "thousands had been placed in isolation" are those a measure holds
    counted = {subject.lower_} | {c.lower_ for c in subject.children
                                  if c.dep_ in ("amod", "det", "nummod", "quantmod")}
    return bool(counted & _VAGUE_AMOUNTS)


_TREND_WORDS = frozenset({"frequent", "common", "rare", "widespread", "routine",
                          "commonplace", "rampant", "prevalent"})
_ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever", "whomever",
                     "you"})


def _anyone(noun: Any, described: bool = False) -> bool:
    """Anyone at all: "anyone", "everyone"; and, for a noun a participle describes
    (``described``), "every (alien) thing (coming across)" (not "searched every truck":
    real trucks; nor "has not detected any North Koreans crossing": none crossed)."""
    return noun.lower_ in _ANYONE or (described and any(
        c.dep_ == "det" and c.lower_ == "every" for c in noun.children))


def _law_subject(verb: Any) -> bool:
    """Whether a law is the subject of a verb ("the bill imposes sanctions"), or "it" just
    after a sentence about one ("The legislation is aimed at Moscow. It bars ..."): a law
    tells in the present what its enactment did."""
    subject = _subject(verb)
    if subject is not None and subject.lower_ == "it" and verb.sent.start > 0:
        before = verb.doc[verb.sent.start - 1].sent
        subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")
                        and t.head.dep_ == "ROOT"), None)
    return subject is not None and subject.lemma_.lower() in _LAW_NOUNS


_TITLES = frozenset({"president", "leader", "minister", "premier", "chairman", "chancellor",
                     "secretary", "envoy", "delegation", "ambassador", "pope"})


def _dignitary(token: Any) -> bool:
    """ "President Moon walked over the demarcation line to meet Kim": a leader or envoy
    who crosses, by title or by a name the text gave such a title, is no illegal crosser
    (but "Thae, the deputy ambassador in London, defected" is one)."""
    if token.lemma_.lower() in ("defect", "flee", "escape", "defection"):
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    subject = _subject(verb)
    if subject is None:
        return False
    if {t.lemma_.lower() for t in subject.subtree} & _TITLES:
        return True
    if subject.ent_type_ != "PERSON":
        return False
    doc = subject.doc
    return any(e.label_ == "PERSON" and subject.text in e.text.split() and e.start > 0
               and doc[e.start - 1].lemma_.lower() in _TITLES for e in doc.ents)


_POINT_PREPOSITIONS = frozenset({"through", "at", "via", "near", "from", "to", "past"})
_ROUTE_WORDS = frozenset({"road", "rail", "railway", "land", "ferry", "official", "main",
                          "checkpoint", "port", "bridge", "ports", "bridges"})


def _crossing_point(token: Any) -> bool:
    """ "goods brought in through border crossings and ports", "its road crossings with
    China", "reopened a border crossing": a "crossing" that names a place, not someone's
    crossing (but "a rise in illegal crossings" is one)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() != "crossing":
        return False
    words = {c.lower_ for c in token.children}
    if words & {"illegal", "unauthorized", "illicit", "attempted"}:
        return False
    phrase = first_conjunct(token)  # "ports and crossings": the first conjunct's preposition
    return (phrase.dep_ == "pobj" and phrase.head.lower_ in _POINT_PREPOSITIONS) \
        or bool(words & _ROUTE_WORDS) or any(c.dep_ == "poss" for c in token.children) \
        or (phrase.dep_ in ("dobj", "nsubjpass")
            and phrase.head.lemma_.lower() in _OPENED_OR_SHUT)  # "reopened a border crossing"


# what is done to a place ("China has reopened a border crossing into Rason")
_OPENED_OR_SHUT = frozenset({"open", "reopen", "close", "shut", "seal", "build", "upgrade",
                             "expand", "use", "inspect", "visit", "tour"})


_BORDER_TRADE = frozenset({"trade_suspension", "trade_resumption", "border_closure",
                           "border_reopening"})


def _foreign_act(token: Any, rule: TriggerRule, lexicon: Lexicon) -> bool:
    """ "India halted vaccine exports in the spring": a trade or border act of a country
    other than the North and its neighbours, in a clause that names neither North Korea
    nor its places, is none of ours; so is a neighbour's act whose clause names another
    country as the other side ("Russia reopened its crossings with China")."""
    if rule.type not in _BORDER_TRADE:
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    subject = _subject(verb)
    owner = None if subject is None else next(  # "South Korea's own trade with China shrank"
        (c for c in subject.children if c.dep_ == "poss" and c.ent_type_ == "GPE"), None)
    subject = owner if owner is not None else subject
    if subject is None or subject.ent_type_ not in ("GPE", "NORP"):
        return False
    name = re.sub(r"^the\s+|'s$", "", _span_text(subject).lower())
    # China, Russia, the South, the US, Japan: the North's neighbours act on it even when
    # the clause does not say so ("China closed its side of the border")
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    if _is_state(name, lexicon):
        return False
    if name in lexicon.countries:  # unless another country is named as the other side:
        # "Russia reopened its road crossings with China"
        return not NORTH_KOREA.search(clause) and any(
            t.dep_ == "pobj" and t.head.lower_ in ("with", "between", "to", "from")
            and t.ent_type_ == "GPE"
            and not _is_state(t.text, lexicon) and t.text.lower() != name
            for t in verb.subtree)
    return not NORTH_KOREA.search(clause)


def _silence(token: Any, rule: TriggerRule) -> bool:
    """ "State media has not reported the arrests": the state saying nothing makes no
    statement ("has not admitted a single case" claims there is none, so it is one)."""
    if rule.type != "official_statement" or token.lemma_.lower() not in _SILENT_VERBS:
        return False
    if any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in token.children):
        return True  # "State media have said nothing about the inspection"
    if not any(c.dep_ == "neg" for c in token.children):
        return False
    for child in token.children:  # "the arrests", "when the visit happened": nothing said
        if child.dep_ == "dobj" and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE_DETS)
                for c in child.children):
            return True
        if child.dep_ in ("ccomp", "dobj") and child.left_edge.lower_ in _WH_WORDS:
            return True
    return False  # "has never reported a case": a claim that there is none


_SILENT_VERBS = frozenset({"report", "mention", "comment", "announce", "say", "disclose"})
_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
_WH_WORDS = frozenset({"when", "where", "why", "how", "whether", "what", "who", "if"})


def _long_standing(token: Any) -> bool:
    """ "North Korea has long insisted ...", "has long banned ...": a standing position
    or state of affairs, not an event; so is where a unit is posted when no date says it
    just went there ("the border guard unit stationed in Sinuiju")."""
    if token.lemma_.lower() in ("station", "post", "base") and token.dep_ == "acl" \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in token.children)


def _with_no(noun: Any) -> bool:
    """ "no person", "no sign", "not a single resident": the noun is quantified as none."""
    return any((c.dep_ == "det" and c.lower_ == "no") or (
        c.dep_ == "neg" and c.i == noun.left_edge.i and c.i + 1 < len(noun.doc)
        and noun.doc[c.i + 1].lower_ in ("a", "one", "single", "even", "any"))
        for c in noun.children)


def _speaker(token: Any) -> str:
    subject = _subject(token)
    text = _span_text(subject).lower() if subject is not None else ""
    return re.sub(r"^(the|a|an)\s+", "", text)


def _tense(token: Any) -> str:
    """past, present_perfect, present or future, from the trigger's auxiliaries."""
    words = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    head = token.head
    if token.dep_ in ("xcomp", "ccomp", "conj") and head != token:
        words |= {t.lower_ for t in head.children if t.dep_ in ("aux", "auxpass")}
        words.add(head.lower_)
    if words & {"will", "would", "'ll"}:  # not "shall": a decree's rule, in force
        return "future"
    if words & {"has", "have", "'s", "'ve"} and token.tag_ in ("VBN",):
        return "present_perfect"
    if token.tag_ in ("VBD",) or words & {"had", "was", "were", "did"}:
        return "past"
    if token.tag_ == "VBN" and words & {"has", "have"}:
        return "present_perfect"
    return "present" if token.tag_ in ("VBZ", "VBP", "VBG") else "past"


def _modality(token: Any, sent: Any, attribution: Attribution | None) -> tuple[str, str]:
    """(modality, why) for a trigger in ``sent``."""
    if any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither")
           for c in token.children):
        return "negated", "negation on the trigger"  # "could neither come home nor ..."
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _UNABLE:
        return "negated", f"{token.head.text!r}: it could not happen"  # "unable to cross"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("have", "be") and any(
            c.lower_ == "yet" for c in token.head.children):
        return "negated", "'yet to': it has not happened"  # "has yet to open to traffic"
    if token.pos_ == "NOUN" and _with_no(token):
        return "negated", f"none of it ({token.text!r})"  # "no public executions have been held"
    subject = _subject(token) if token.pos_ == "VERB" else None
    if subject is not None and (subject.lower_ in ("nobody", "none", "no-one")
                                or _with_no(subject)):
        return "negated", f"no one acts or undergoes it ({_span_text(subject)!r})"
    ancestors = list(token.ancestors)
    for below, anc in zip((token, *ancestors), ancestors[:4], strict=False):
        if below.dep_ == "advcl" or any(c.dep_ == "advmod" and c.lower_ == "when"
                                        for c in below.children) \
                or (below.dep_ == "prep" and below.lower_ in _TIME_PREPS) \
                or (below.dep_ == "acl" and below.tag_ == "VBN" and not any(
                    c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass")
                    for c in below.children)) \
                or (below.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass")
                                                 for c in below.children)):
            break  # "did not confirm a case until May, when it admitted an outbreak";
            # "have not seen their children since the day the border closed"; "not banned
            # under sanctions imposed in 2016": a participle that describes (but "denied
            # reports that goods were smuggled" is what is denied); "tours have not come
            # back, and the train is still suspended": a conjoined clause with its own subject
        if anc.lemma_.lower() in _DENY_WORDS:
            return "denied", f"denial verb {anc.text!r} above the trigger"
        if any(c.dep_ == "neg" for c in anc.children) and anc.pos_ == "VERB" \
                and token.dep_ != "amod" \
                and anc.lemma_.lower() not in ("say", "report", "tell", *_UNDO_NEGATION):
            # ("has not mentioned the resumed service": the resumption is taken as known)
            if anc.lemma_.lower() in _UNCONFIRMED:  # "has not confirmed that it resumed"
                return "reported", f"not confirmed ({anc.text!r}), so only reported"
            return "negated", f"negated governing verb {anc.text!r}"
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in _EVIDENCE_NOUNS and _with_no(anc):
            return "negated", f"no {anc.text!r} of it"  # "there is no sign that it reopened"
    if _PLAN_PHRASE.search(token.doc[max(sent.start, token.i - 6):token.i].text):
        return "expected", "purpose phrase of a plan ('with a view to')"
    plan = _plan_ancestors(token)
    near = [t for t in (*token.children, *plan) if (t.i < token.i or t.dep_ == "aux")
            and (t.dep_ == "aux" or t.lower_ not in _MODAL_FORMS)]  # "That May she was ..."
    near_words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    if _infinitive(token) and any(  # "planning was under way for staff to return"
            a.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and (
                c.lower_ in _PLAN_FORMS or c.lower_.startswith("prepar")) for c in a.children)
            for a in plan):
        near_words.add("plan")
    if token.pos_ == "NOUN" and token.dep_ == "compound" \
            and token.head.dep_ in ("nsubj", "nsubjpass"):  # "inspection teams will be sent"
        near_words |= {c.lower_ for c in token.head.head.children if c.dep_ == "aux"}
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):  # "a reopening is
        near_words |= {c.lower_ for c in token.head.children if c.dep_ == "acomp"}  # likely"
        if any(c.dep_ == "xcomp" for c in token.head.children):  # "a public trial is
            near_words.add(token.head.lemma_.lower())  # expected to be held"
    refusing = token.head if token.dep_ == "dobj" else token  # "turned down a shipment"
    if _refuses(refusing):
        return "negated", f"{refusing.text!r}: refused, so it did not happen"
    if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD"):  # "turned down doses offered"
        refusing = next((a for a in ancestors[1:5] if _refuses(a)), None)
        if refusing is not None:
            return "negated", f"offered, but {refusing.text!r}"
    if token.lemma_.lower() in _OFFER_WORDS:
        return "expected", "an offer or pledge, not yet carried out"
    if token.lemma_.lower() == "face" and token.tag_ != "VBD":
        return "expected", "faced, not yet carried out"
    if _called_for(token):
        return "expected", "called for, not yet carried out"
    if near_words & ({"may", "might", "could", "must", "fear", "feared"}) \
            and token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have"
                                            for c in token.children):
        return "reported", "a past possibility ('may have', 'feared to have')"  # not a plan:
        # already past
    if any(t.lower_ in _SCHEDULED and _past_plan(t) for t in plan):
        near_words -= _SCHEDULED  # "had been due to receive doses in May": a past plan
    if token.lower_.startswith("prepar") or token.lower_ in _PLAN_FORMS or token.lower_ == "due" \
            or near_words & _EXPECT_WORDS:  # "a second vessel was due at Nampo"
        return "expected", "modal or plan word with the trigger"
    if token.lemma_.lower() in _WEIGHING:
        return "expected", "weighed or proposed, not yet done"  # "considering sanctions"
    if any(t.lower_ in ("will", "would") for t in token.children):
        return "expected", "future auxiliary"
    if attribution is not None and attribution.chain:
        return "reported", "attributed: " + " <- ".join(attribution.chain)
    if _hedged(token, sent) or (attribution is not None and attribution.hedged):
        return "reported", "hedged ('reportedly')"
    return "asserted", "stated by the article"


_SCHEDULED = frozenset({"due", "scheduled", "slated"})


def _past_plan(word: Any) -> bool:
    """ "had been due to", "was scheduled to": a plan told in the past, not a coming one."""
    verb = word.head if word.dep_ == "acomp" else word
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ == "had")
        for c in verb.children)


def _refuses(verb: Any) -> bool:
    """A verb of refusing: "rejected", "declined", "turned down", "turned away"."""
    return verb.lemma_.lower() in _REFUSE_WORDS or (verb.lemma_.lower() == "turn" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "away") for c in verb.children))


def _hedged(token: Any, sent: Any) -> bool:
    """A hedge on the trigger: "reportedly" or "allegedly" on it or on a verb above it, or a
    hedging verb governing it ("suspected of smuggling", "believed to have fled"); not a
    hedge elsewhere in the sentence ("after a suspected case")."""
    above = list(token.ancestors)
    if any(t.lower_ in _HEDGE_WORDS for t in (*token.children, *above[:3])):
        return True
    return any(t.lower_ in _HEDGE_WORDS and t.dep_ == "advmod"
               and (t.head == token or t.head in above) for t in sent)


def _plan_ancestors(token: Any) -> list[Any]:
    """Up to four governing words, with their auxiliaries, that can carry a plan or modal
    for the trigger ("plans to reopen", "would close and seal", "will ensure that food is
    supplied"): the climb stops at an adverbial (but not a purpose infinitive), relative
    or adjectival clause, whose governing verb is a different event ("offered an apology
    after he was shot"). A negated intent carries none ("did not intend to cross": an
    accident that happened)."""
    found: list[Any] = []
    node = token
    for _ in range(4):
        if node.head == node or (node.dep_ in _CLAUSE_EDGES and not _infinitive(node)
                                 and not _consequence(node)):
            break
        node = node.head
        if not (node.lemma_.lower() in _INTENT_VERBS
                and any(c.dep_ == "neg" for c in node.children)) and not _set_up(node):
            found.append(node)
        found.extend(c for c in node.children  # "will ensure", "is necessary to"
                     if c.dep_ in ("aux", "acomp") and c.i < token.i)
    return found


_ENABLING = frozenset({"allow", "let", "enable", "permit"})


def _consequence(node: Any) -> bool:
    """ "is scheduled to open next year, allowing trucks to cross": a participle telling
    what the governing act makes possible shares that act's plan."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.lower() in _ENABLING


def _set_up(verb: Any) -> bool:
    """ "set up a buffer zone and ordered troops to shoot", "set forth tasks": a verb of
    doing, not the plan word of "is set to reopen"."""
    return verb.lemma_.lower() == "set" and any(c.dep_ in ("prt", "dobj")
                                                 for c in verb.children)


def _infinitive(node: Any) -> bool:
    """A "to" infinitive of purpose ("measures should be taken to supply relief") or of a
    noun ("her willingness to provide aid") shares the plan of the word it serves."""
    return node.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in node.children)


def _clause(token: Any) -> tuple[int, int]:
    """Character span of the trigger's clause: the subtree of the nearest clausal verb."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "advcl", "conj",
                                                           "relcl", "xcomp", "pcomp"):
            break
        if node.head == node:
            break
        node = node.head
    subtree = list(node.subtree)
    return subtree[0].idx, subtree[-1].idx + len(subtree[-1])


def _summary(token: Any) -> str:
    """A one-line summary: the trigger's clause, trimmed to 24 words."""
    node = token
    if node.pos_ == "NOUN" and node.head != node and node.head.pos_ == "VERB":
        node = node.head
    subtree = [t for t in node.subtree if not t.is_space]
    doc = token.doc
    words = [t.text + (" " if t.whitespace_ or (t.i + 1 < len(doc) and doc[t.i + 1].is_space)
                       else "") for t in subtree]
    text = "".join(words).strip()
    if len(subtree) > 24:
        start = max(0, min(range(len(subtree)), key=lambda i: abs(subtree[i].i - token.i)) - 8)
        text = "".join(words[start:start + 24]).strip() + " ..."
    return re.sub(r"\s+", " ", text)


def _actors(token: Any, lexicon: Lexicon, etype: str) -> tuple[Actor, ...]:
    actors: list[Actor] = []
    subject = _subject(token)
    if subject is not None:
        name = _country(_span_text(subject), lexicon) or (
            _span_text(subject) if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") else "")
        passive = subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in token.children)
        if name and len(name) < 60:  # "Manpo City was blockaded": done to it, not by it
            actors.append(Actor(name, "target" if passive else "agent"))
    for tok in token.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "to", "from") and tok.i > token.i:
            country = _country(_span_text(tok), lexicon)
            if country and all(a.name != country for a in actors):
                actors.append(Actor(country, "counterpart"))
                break
    return tuple(actors)


def _country(phrase: str, lexicon: Lexicon) -> str | None:
    low = re.sub(r"^(the)\s+", "", phrase.lower().strip())
    for key in (low, "the " + low):
        if key in lexicon.countries:
            return lexicon.countries[key]
    for key, name in lexicon.countries.items():
        if len(key) > 4 and re.search(rf"\b{re.escape(key)}\b", low):
            return name
    return None


_BREACH = frozenset({"violation", "breach", "defiance", "contravention"})


def _breached(token: Any) -> set[str]:
    """Lemmas of what the trigger is said to break ("sent shells to Russia in violation of
    U.N. sanctions"): the sanctions broken are no sanctions imposed, and veto nothing."""
    return {t.lemma_.lower() for g in token.subtree
            if g.dep_ == "pobj" and g.lemma_.lower() in _BREACH and g.head.dep_ == "prep"
            for p in g.children if p.dep_ == "prep" for t in p.subtree}


def _own_lemmas(token: Any) -> set[str]:
    """Lemmas of the trigger's own phrase, without its subordinate clauses, nor the
    relative clauses on its nouns ("sealed off apartment blocks where patients live and
    set up checkpoints": the checkpoints are no part of the sealing), except one that
    tells what its object does ("declared a curfew that bans residents from the
    riverbank")."""
    skip: set[int] = set()
    for child in token.children:
        if child.dep_ in ("advcl", "relcl", "ccomp", "conj", "parataxis"):
            skip.update(t.i for t in child.subtree)
    for node in token.subtree:
        if node.dep_ == "relcl" and node.head.i != token.i and (
                node.head.head.i != token.i or node.head.dep_ != "dobj"
                or node.left_edge.lower_ in ("where", "who", "whom", "whose")):
            skip.update(t.i for t in node.subtree)
    return {t.lemma_.lower() for t in token.subtree if t.i not in skip}


def _purpose_lemmas(token: Any) -> set[str]:
    """Lemmas of the trigger's purpose verb and the words it governs directly ("sent troops
    to fight alongside Russian forces"): what an act is for can tell what it is not (not
    deeper: "patrols stepped up to stop people crossing to buy food" are no food aid)."""
    return {t.lemma_.lower() for c in token.children
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for t in (c, *c.children)}


def _flow(rule: TriggerRule, lemmas: set[str]) -> str | None:
    if rule.type in ("trade_suspension", "trade_resumption", "smuggling"):
        return "cargo"
    if rule.type not in ("border_closure", "border_reopening", "illegal_crossing"):
        return None
    if rule.type == "illegal_crossing":
        return "people"
    cargo = bool(lemmas & {"trade", "cargo", "freight", "goods", "truck", "import", "export"})
    people = bool(lemmas & {"people", "travel", "traveler", "tourist", "passenger", "flight",
                            "worker", "resident", "defector"})  # "the Sinuiju crossing": both
    if cargo and not people:
        return "cargo"
    if people and not cargo:
        return "people"
    return rule.flow or "both"


def _lemma(token: Any) -> str:
    """The token's lemma; "re-open" (split by the tokenizer) counts as "reopen"."""
    lemma = token.lemma_.lower()
    if token.lower_.startswith("re-"):
        return "re" + token.lower_[3:].removesuffix("ing").removesuffix("ed").removesuffix("s")
    return lemma


def _stem_rules(token: Any, lexicon: Lexicon) -> tuple[TriggerRule, ...] | None:
    """Rules for a verb the small model lemmatizes wrongly ("installed" as "instal"): its
    form without the regular ending, when that is a trigger."""
    if token.pos_ != "VERB":
        return None
    for ending in ("ed", "ing"):
        if token.lower_.endswith(ending) and len(token.lower_) > len(ending) + 3:
            rules = lexicon.by_lemma.get(token.lower_[:-len(ending)])
            if rules:
                return rules
    return None


def _in_purpose(token: Any) -> bool:
    """A trigger in a purpose clause ("in order to cut down on smuggling and illegal border
    crossings") is not an event: the trigger, or an infinitive above it, follows a purpose
    phrase. A relative clause tells a fact of its noun: the search stops there ("in order to
    be relieved of the punishments that were slapped on it for its evasion of sanctions")."""
    for node in (token, *list(token.ancestors)[:4]):
        start = max(node.sent.start, node.i - 6)
        if _PURPOSE.search(node.doc[start:node.i].text + " "):
            return True
        if node.dep_ == "relcl":
            break
    return False



_MODIFIER_EDGES = ("acl", "relcl")
_CONCESSIVE = {"though", "although", "whereas"}


def _char_span(token: Any) -> tuple[int, int]:
    subtree = list(token.subtree)
    return subtree[0].idx, subtree[-1].idx + len(subtree[-1])


def _modifier_span(token: Any) -> tuple[int, int] | None:
    """The relative or adjectival clause (within four steps up) the trigger belongs to; a
    present participle on the subject ("a train carrying flour crossed on Monday") tells
    what the subject does as the sentence tells it, and so does a "where" clause on a
    place the story moves to, so neither is one."""
    for node in (token, *list(token.ancestors)[:4]):
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.dep_ in (
                "nsubj", "nsubjpass"):
            return None
        if node.dep_ == "relcl" and node.head.lemma_.lower() in _LAW_NOUNS:
            law = node.head
            if law.dep_ in ("dobj", "nsubjpass") and law.head.lemma_.lower() in _ENACTED:
                return _char_span(law.head)  # "the Council in March adopted a resolution
                # that expanded a ban": the law's adoption dates what it does
            return _char_span(law)  # "an order issued in August 2020 that set up a
            # buffer zone": what the law does takes the law's date
        if node.dep_ == "relcl" and (any(c.dep_ == "advmod" and c.lower_ == "where"
                                         for c in node.children)
                                     or node.doc[node.left_edge.i - 1].is_punct):
            return None  # "driven back to Hyesan, where she was locked in a cell", "handed
            # to officers, who took them into custody": the story goes on, at its time
        if node.dep_ in _MODIFIER_EDGES:
            return _char_span(node)
    return None


# verbs that make a law
_ENACTED = frozenset({"adopt", "pass", "approve", "issue", "sign", "enact", "impose", "unveil",
                      "announce", "introduce"})
# verbs of a lasting relation: a participle of one describes a thing, not an occasion, so
# a date the parser hangs on it is the sentence's ("the roads linking the DPRK with the
# ROK on October 15")
_STATIVE = frozenset({"link", "connect", "lead", "join", "border", "separate", "divide"})


def _occasion(node: Any) -> bool:
    """ "after her release in 2001": a phrase naming another occasion, with its own date."""
    return node.dep_ == "prep" and node.lower_ in ("after", "before", "following") and any(
        c.dep_ == "pobj" and c.pos_ == "NOUN" and c.ent_type_ != "DATE" for c in node.children)


def _dated_elsewhere(clause: Any) -> bool:
    """Whether the sentence names a date outside ``clause`` (a verb and its subtree): a
    year, month, weekday or a "last ..." date, not a length ("for several days")."""
    inside = {t.i for t in clause.subtree}
    return any(e.label_ == "DATE" and e.start not in inside and _DATE_WORD.search(e.text)
               for e in clause.doc.ents if clause.sent.start <= e.start < clause.sent.end)


_DATE_WORD = re.compile(r"(?i)\b(?:\d{4}|" + "|".join(sorted(
    {*lx.MONTHS, *lx.WEEKDAYS, *lx.SEASONS, "last", "this", "next", "yesterday", "today",
     "ago"}, key=len, reverse=True)) + r")\b")  # the time tagger's month and day names


def _foreign_modifiers(token: Any) -> tuple[tuple[int, int], ...]:
    """Relative, adjectival and concessive ("though it suspended them in March") clauses of
    the sentence, purpose clauses ("so that houses can be built by October") and phrases
    naming an earlier or later occasion ("after her release in 2001"), that do not hold
    the trigger; relative and concessive ones also not when they modify it ("the closure,
    announced in January" modifies the trigger and stays)."""
    spans = []
    first = any(c.lower_ == "first" for c in (*token.children, *token.head.children))
    for node in token.sent:
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"} \
            if node.dep_ == "advcl" else set()
        concessive = bool(marks & _CONCESSIVE)
        earlier = first and "since" in marks  # "the first shipment since it sealed its
        # borders in 2020": the clause dates the earlier event, not the first one since
        purpose = bool(marks & {"so", "lest"})  # "so that houses can be built by October"
        offset = bool(marks & {"after", "before"}) and any(  # "not resumed, five years
            c.dep_ == "npadvmod" and c.i < m.i for c in node.children  # after it closed
            for m in node.children if m.dep_ == "mark")  # in January 2020"
        prior = "before" in marks and node.tag_ == "VBD" and _dated_elsewhere(node) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children)  # "In May it imposed
        # a lockdown, before Kim declared victory in August": August is the victory's
        own_modifier = (node.dep_ in _MODIFIER_EDGES or concessive or earlier) \
            and node.head == token
        if node.dep_ == "acl" and (
                (node.head == _subject(token) and _law_subject(token))
                or (token.dep_ == "relcl" and node.head == token.head
                    and token.head.lemma_.lower() in _LAW_NOUNS)):
            own_modifier = True  # "resolutions adopted in 2017 banned exports", "an order
            # issued in August 2020 that set up a buffer zone": the law's date is its act's
        if node.dep_ == "acl" and node.head.dep_ == "pobj" \
                and _hangs_on(node.head.head, token) \
                and node.head.lemma_.lower() in _DATING_NOUNS:
            own_modifier = True  # "said in a statement carried by KCNA on Feb. 9": its day;
            # "banned under sanctions adopted in 2017": the law's
        if node.dep_ in ("relcl", "acl") and node.lemma_.lower() in _ARRIVALS \
                and node.head.lemma_.lower() in TEAM_NOUNS \
                and token.left_edge.i <= node.head.i <= token.right_edge.i:
            own_modifier = True  # "an inspection by a joint team ..., which arrived in the
            # city in early November": the team's arrival starts its inspection
        if node.dep_ == "relcl" and node.lemma_.lower() in _ASPECTUAL \
                and token.pos_ == "NOUN" and token.i < node.head.i <= token.right_edge.i:
            own_modifier = True  # "a campaign against drug dealing across Ryanggang, which
            # began on June 1": the parser hangs the clause on the last noun; it is the
            # campaign that began
        if node.dep_ == "acl" and node.lemma_.lower() in _STAGED \
                and node.head.lemma_.lower() in _OCCASIONS \
                and token.left_edge.i <= node.head.i <= token.right_edge.i:
            own_modifier = True  # "sentenced at a public trial held in Hyesan in January":
            # the occasion the act happened at is dated by its own clause
        stative = node.lemma_.lower() in _STATIVE  # "the roads linking the two Koreas"
        if not own_modifier and not stative and (node.dep_ in _MODIFIER_EDGES or concessive
                                                 or earlier or purpose or offset or prior
                                                 or _occasion(node)):
            start, end = _char_span(node)
            if not start <= token.idx < end:
                spans.append((start, end))
    return tuple(spans)


def _hangs_on(prep: Any, token: Any) -> bool:
    """Whether a prepositional phrase belongs to the trigger's phrase: directly, or for the
    medium something was said "in", through the phrases it holds ("denounced the
    resolution as an act of war in a statement"; not "according to a report published
    in June", whose date is the report's)."""
    if prep.head == token:
        return True
    node = prep
    for _ in range(4 if prep.lower_ == "in" else 0):
        if node.head == token:
            return True
        if node.dep_ not in ("prep", "pobj") or node.head == node:
            return False
        node = node.head
    return False


_ARRIVALS = frozenset({"arrive", "come", "reach"})
# occasions an act happens at, and the verbs that stage them ("a public trial held in May")
_OCCASIONS = frozenset({"trial", "rally", "meeting", "session", "raid", "inspection",
                        "operation", "sweep", "hearing", "gathering"})
_STAGED = frozenset({"hold", "stage", "conduct", "convene", "organize", "organise"})
_ASPECTUAL = frozenset({"begin", "start", "end", "last", "finish", "conclude"})
# the people who come to act ("an inspection team", "a joint group", "officials from
# Pyongyang"); the pipeline reads them too (where they come from is not where they act)
TEAM_NOUNS = frozenset({"team", "group", "unit", "squad", "delegation", "office", "inspector",
                        "official", "agent", "investigator", "cadre"})
# a phrase describing one of these, in the trigger's own prepositional phrase, dates the
# event: the medium it was said in, the law or sanctions it was done under
_DATING_NOUNS = frozenset({"statement", "commentary", "editorial", "article", "report",
                           "interview", "speech", "letter", "message", "broadcast",
                           "sanction"}) | _LAW_NOUNS
_NOT_ANCHORS = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}


def _anchors(token: Any, lexicon: Lexicon) -> frozenset[str]:
    """Proper names of what the event acts on: the trigger's object or passive subject, or
    the noun its relative or adjectival clause describes, with their compounds and
    appositions ("The ship, KOTI, was seized"); places, dates and the state are no
    anchors."""
    nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for node in (token, *list(token.ancestors)[:3]):
        if node.dep_ in _MODIFIER_EDGES:
            nouns.append(node.head)
            if node.head.dep_ == "appos":
                nouns.append(node.head.head)
            break
    names: set[str] = set()
    for noun in nouns:
        parts = [noun, *(c for c in noun.children if c.dep_ in ("compound", "appos", "flat"))]
        for part in parts:
            for tok in (part, *(c for c in part.children if c.dep_ == "compound")):
                if tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_ANCHORS \
                        and not _is_state(tok.text, lexicon):
                    names.add(tok.lower_)
    return frozenset(names)


_CAPTION = re.compile(r"\(pictured|\bpictured\b|\b(?:is|are) seen (?:in|here|at)\b|"
                      r"\bimage caption\b|\bphoto:", re.I)
_SEQUEL_WORDS = frozenset({"then", "later", "subsequently", "afterwards", "afterward"})
_NEW = {"a", "an", "one", "another", "two", "three", "four", "five", "several", "some"}


def _new_referent(token: Any) -> bool:
    """Whether the trigger's main participant (its passive subject, object or subject) is
    introduced by an indefinite ("One advisor ... was deported", "another defector"); a
    photo caption restates with indefinites all the same, so the caller skips those; "the
    first time X had seized a vessel" names the act just told, as a kind; an act told as
    done "earlier" is another, earlier one ("It had earlier rejected AstraZeneca shots")."""
    if any(c.dep_ == "advmod" and c.lower_ in ("earlier", "previously") for c in token.children) \
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
        return True
    if token.dep_ == "relcl" and token.head.lemma_.lower() == "time" and any(
            c.lower_ in ("first", "second", "third", "last", "only") for c in token.head.children):
        return False  # "It was the first time Washington had seized a cargo vessel"
    for dep in ("nsubjpass", "dobj", "nsubj"):
        arg = next((c for c in token.children if c.dep_ == dep), None)
        if arg is not None:
            if arg.pos_ == "NUM" and any(c.lower_ in _BACK for c in arg.children):
                return False  # "The three were shot on Monday": those told of already
            if arg.pos_ == "NUM" or (arg.lower_ in ("one", "another")
                                     and arg.pos_ in ("PRON", "DET")):
                return True  # "One of his advisers", "two of his associates"
            if arg.lower_ in _KIN and any(c.dep_ == "poss" for c in arg.children):
                return True  # "Their families were sent to a camp": other people
            return arg.pos_ == "NOUN" and any(
                c.dep_ in ("det", "nummod") and c.lower_ in _NEW for c in arg.children)
    return False


# determiners that point back to people already told of ("the three", "all three")
_BACK = frozenset({"the", "these", "those", "all", "both"})
_KIN = frozenset({"family", "families", "relative", "relatives", "wife", "husband",
                  "child", "children", "son", "daughter", "parent", "parents", "sibling"})


def _known_people(token: Any) -> bool:
    """Whether a verb's people are ones already met ("They were executed", "the men were
    shot", "the five had been arrested"): a restatement of what was told about them."""
    arg = next((c for c in token.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if arg is None:
        return False
    if arg.lower_ in ("they", "them", "he", "him", "she", "her"):
        return True
    return arg.tag_ in ("NNS", "CD") and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in arg.children)


def _presupposed(token: Any) -> bool:
    """A definite nominal event ("the closure of the border", "the North's crackdown") or
    one in a relative clause ("the country to which he defected in 2000") is taken for
    granted by the sentence; a speech report around it does not make it a claim."""
    if token.pos_ == "NOUN":
        return _definite_noun(token, ("the",)) and not (
            token.dep_ == "nsubj" and token.head.dep_ in ("ccomp", "xcomp")
            and token.head.head.lemma_.lower() in OPINION_LEMMAS)  # "Lee expects the
        # crackdown to tighten": what he foresees is his
    return any(node.dep_ == "relcl" and not _complement_clause(node)
               and not _about_a_time(node.head) and not _counted_people(node.head)
               and not (node is not token and node.lemma_.lower() in SPEECH_LEMMAS)
               for node in (token, *list(token.ancestors)[:2]))  # ("citing sources who
    # said the aircraft had picked up supplies": the clause is the report, not a given)


def _counted_people(noun: Any) -> bool:
    """ "among hundreds of North Koreans who were detained this year, according to a
    rights group", "three men who crossed": a counted group a relative clause tells about
    is the news the source gives, not a given (unlike "the man who defected")."""
    people = noun.ent_type_ == "NORP" or noun.lemma_.lower() in _PEOPLE
    if noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.dep_ == "pobj":
        noun = noun.head.head  # "hundreds of North Koreans who ..."
    return people and (noun.lemma_.lower() in ("hundred", "thousand", "dozen", "million")
                       or any(c.dep_ == "nummod" for c in noun.children))


# nouns of a time that a "when" clause can describe ("since the pandemic, when it shut")
_TIME_NOUNS = frozenset({"pandemic", "outbreak", "time", "period", "day", "week", "month",
                         "year", "spring", "summer", "autumn", "fall", "winter", "era"})


def _about_a_time(noun: Any) -> bool:
    """ "after August 2020, when authorities issued an order": a clause on a date tells
    what happened then, as the speaker does, rather than describing a participant."""
    return noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in _TIME_NOUNS


def _definite_noun(noun: Any, determiners: tuple[str, ...]) -> bool:
    """A noun with a possessor or one of ``determiners`` ("the closure", "Kim's purge")."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in determiners)
               for c in noun.children)


def _complement_clause(verb: Any) -> bool:
    """A "relative clause" that opens with the conjunction "that" and has its own subject
    is a reported clause the small model attached to a nearby noun ("reported, citing the
    spy agency, that the North had deployed more troops")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _called_for(token: Any) -> bool:
    """ "called for the punishment of officials", "demanded the release": a demand."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for":
        return head.head.lemma_.lower() in ("call", "appeal", "press", "push", "clamor")
    return token.dep_ == "dobj" and head.lemma_.lower() in ("demand", "urge", "seek")


def _urged_by_state(token: Any, lexicon: Lexicon, own_media: bool) -> bool:
    """ "Rodong Sinmun ran an editorial urging soldiers to 'block every crack'": what the
    state urges its people to do is part of its statement, no event of its own."""
    urgers = list(token.ancestors)[:4]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        urgers += [t for t in token.sent if t.i < token.i]  # (an infinitive parsed astray)
    for node in urgers:
        if node.lemma_.lower() not in ("urge", "exhort"):
            continue
        verb = node.head.head if node.dep_ == "acl" else node  # "an editorial urging"
        subject = _speaker_token(verb, own_media)
        return subject is not None and _state_speaker(subject, lexicon, own_media)
    return False


def _ordered_shooting(token: Any) -> bool:
    """ "Guards have been told to shoot on sight": the order is the event (a shoot order),
    the shooting it allows is not."""
    return token.lemma_.lower() in ("shoot", "fire", "kill") and token.dep_ == "xcomp" \
        and token.head.lemma_.lower() in ("order", "tell", "instruct", "command", "authorize")


_QUESTION_START = re.compile(r"^\W*(?:(?:so|but|and|then)\s+)?(?:why|how|what|when|where|"
                             r"who|which|did|does|do|is|are|was|were|will|would|should|could|"
                             r"can|has|have|had)\b", re.I)


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _scare_quoted(token: Any) -> bool:
    """A noun trigger inside a short quoted phrase with no verb that the sentence gives as
    an example of words ("remarks like \"border blockade-brought deterioration of human
    rights\""): words quoted, no event told (but a denied "ship-to-ship transfer" is still
    the alleged act)."""
    if token.pos_ != "NOUN":
        return False
    sent = token.sent
    before = [t for t in sent if t.i < token.i and t.text in _QUOTE_MARKS]
    after = [t for t in sent if t.i > token.i and t.text in _QUOTE_MARKS]
    if len(before) % 2 == 0 or not after:
        return False
    inside = token.doc[before[-1].i + 1:after[0].i]
    opening = before[-1].i
    return opening > 0 and token.doc[opening - 1].lower_ == "like" and len(inside) <= 12 \
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in inside)


def _in_question(token: Any) -> bool:
    """ "trying to check whether the North had cut the lines", "without saying if he had
    been detained", "So why didn't Abe order his military to shoot?": an open question
    tells no event."""
    sent = token.sent.text.strip().rstrip("\"'”’) ")
    if sent.endswith("?") and _QUESTION_START.match(sent):
        return True
    return any(c.dep_ == "mark" and (c.lower_ == "whether" or (
        c.lower_ == "if" and node.dep_ == "ccomp"))  # "without saying if he was detained"
        for node in (token, *list(token.ancestors)[:1]) for c in node.children)


def _conditional(token: Any) -> bool:
    """ "Even if Kim walks in and says ...", "unless the North closes the border", "when
    North Korea says something worse" (a present "when"): what a condition supposes is no
    event, nor what would follow from it ("If the North closes the border, trade will
    collapse")."""
    node = token
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head  # "once it starts vaccinating": the clause of "starts"

    def condition(clause: Any) -> bool:
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"
                 or (c.dep_ == "advmod" and (c.tag_ == "WRB" or c.lower_ == "once"))}
        # (spaCy makes "when" and "once" adverbs)
        if marks & {"if", "unless"}:
            return True
        # "when North Korea says something worse": a present "when" supposes a time; so
        # does the trigger's own clause where the model tags the verb a plural noun ("once
        # the border reopens") or it is reduced ("the bridge, once opened, would ..."),
        # though such a clause still dates what follows it ("extended once the ground
        # thaws"; what would follow from the bridge opening is still expected)
        own = clause is node and clause.dep_ == "advcl" and clause.tag_ in ("NNS", "VBN")
        return bool(marks & {"when", "whenever", "once"}) \
            and (clause.tag_ in ("VBZ", "VBP") or own) \
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)

    if node.dep_ in ("advcl", "ROOT") and condition(node):  # a root with "if": misparsed
        return True
    if any(c.dep_ in ("aux", "auxpass", "advcl") and c.i == node.i - 1 and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in node.children):
        return True  # "if the border remains shut", "if the trucks stay stopped": the "if"
        # hung on the verb just before the trigger
    return any(  # "..., it would have made it harder to impose sanctions"
        any(c.dep_ == "aux" and c.lower_ in _MAYBE | {"will"} for c in clause.children)
        and any(c.dep_ == "advcl" and condition(c) for c in clause.children)
        and not _dated_forecast(clause)
        for clause in (node, *list(node.ancestors)[:3]))


def _dated_forecast(clause: Any) -> bool:
    """ "The rail link could resume service in the second half of the year if the virus
    situation remains stable": a forecast with a date of its own, under a condition, is
    still expected (not so "If the North closes the border, trade will collapse")."""
    return any(t.ent_type_ == "DATE" for c in clause.children
               if c.dep_ not in ("advcl", "nsubj", "nsubjpass") for t in c.subtree)


def _prevented(token: Any) -> bool:
    """ "a border preventing anyone from crossing", "barred from leaving": what is kept from
    happening is not an event; nor is what was done "instead of" ("instead of going into
    quarantine")."""
    kept_from = _kept_from(token)
    if kept_from is not None and kept_from.lemma_.lower() in _PREVENT_VERBS:
        return True
    if any(node.tag_ == "VBG" and node.i >= 2
           and [t.lower_ for t in node.doc[node.i - 2:node.i]] == ["instead", "of"]
           for node in (token, *list(token.ancestors)[:3])):
        return True  # "executed for visiting a bathhouse instead of going into quarantine"
    head = token.head
    # "China blocked a U.S. effort to blacklist six ships": the attempt never came off
    # (spaCy hangs the infinitive on the noun or, as often, on the verb)
    if token.dep_ not in ("acl", "advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    verb = head.head if head.dep_ == "dobj" else head
    attempts = [head] if head.dep_ == "dobj" else [c for c in head.children if c.dep_ == "dobj"]
    return verb.lemma_.lower() in _FOIL_VERBS and any(
        a.lemma_.lower() in _ATTEMPT_NOUNS for a in attempts)


def _said_nothing(token: Any) -> bool:
    """A verb of reporting that says no statement was made ("the execution, which has not
    been reported by state media"; "Pyongyang has said little about trade"; "neither
    Pyongyang nor Beijing has announced it"); "has not
    admitted" or "has never reported a single case" is a claim of none, and stays one."""
    lemma = token.lemma_.lower()
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(
            p.dep_ in ("preconj", "det") and p.lower_ == "neither" for p in c.children)
            for c in token.children):
        return True  # "neither Pyongyang nor Beijing has announced any aid": no one spoke
    if lemma in ("report", "confirm"):  # "has never reported a case" claims there are none
        return any(c.dep_ == "auxpass" for c in token.children) \
            and any(c.dep_ == "neg" for c in token.children)
    if lemma not in ("comment", "mention", "say"):
        return False
    return any(c.dep_ == "neg" or (c.dep_ == "dobj" and c.lower_ in ("little", "nothing"))
               for c in token.children)


def _heading(sent: Any) -> bool:
    """A subheading ("Sealed borders") on a line of its own: a few words without a final
    stop name a topic, they report nothing."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or len(words) > 6:
        return False
    last = next(t for t in reversed(sent) if not t.is_space)
    if last.text[-1] in ".!?:;\"'\u201d\u2019)":
        return False
    doc = sent.doc  # a line break after it (not doc.text: that copies the whole text)
    after = "".join(t.text_with_ws for t in doc[last.i + 1:min(len(doc), sent.end + 1)]
                    if t.is_space) + last.whitespace_
    return "\n" in after or all(t.is_space for t in doc[last.i + 1:])


def find_candidates(
    doc: Any, attributions: Sequence[Attribution] = (), lexicon: Lexicon | None = None,
    own_media: bool = False,
) -> list[Candidate]:
    """Event candidates of a parsed text, one per trigger, in text order; ``own_media``
    when the article is the North Korean state's own media (KCNA)."""
    lexicon = lexicon or load_lexicon()
    found: list[Candidate] = []
    people = functools.cache(lambda: PersonResolver(doc))  # built when "it" must be resolved
    previous_hedged = False
    for sent in doc.sents:
        hedged_here = any(t.lower_ in _HEDGE_WORDS for t in sent)
        continues = previous_hedged and "\n\n" not in doc.text[sent.start_char - 2:
                                                                 sent.start_char] \
            and any(t.lower_ in ("such", "another", "again", "similar") for t in sent)
        previous_hedged = hedged_here or continues
        if _heading(sent):
            continue
        for token in sent:
            lemma = _lemma(token)
            rules = lexicon.by_lemma.get(lemma) or lexicon.by_lemma.get(token.lower_) \
                or _stem_rules(token, lexicon)
            if not rules or _in_purpose(token) or _prevented(token) or _in_question(token) \
                    or _ordered_shooting(token) or _conditional(token) or _scare_quoted(token):
                continue
            lemmas = _phrase_lemmas(token)
            rule = next((r for r in rules
                         if _rule_fits(r, token, lemmas, lexicon, own_media, people)), None)
            if rule is None or _set_aside(token, rule, lexicon, own_media):
                continue
            attribution = attribution_for(attributions, token.idx, token.idx + len(token))
            presupposed = attribution is not None and (
                _presupposed(token) or _background_to_claim(token, attribution))
            modality, why = _modality(token, sent, None if presupposed else attribution)
            if modality == "asserted" and continues:
                modality, why = "reported", "continues the hedged report before it"
            if rule.type == "aid_delivery" and lemma in _HELD_UP:
                modality, why = "negated", f"{token.text!r}: held up, so it has not arrived"
            if rule.type == "official_statement":
                if _said_nothing(token):
                    continue  # "has not been reported by state media", "has said little"
                modality, why = "asserted", "the statement was made"
            clause = _clause(token)
            modifier = _modifier_span(token)
            anchor = _when_anchor(token)
            if anchor is not None:  # "in November, when Pyongyang declared ...": its date
                clause = (min(clause[0], anchor[0]), clause[1])
                modifier = (anchor[0], modifier[1]) if modifier else None
            found.append(Candidate(
                type=rule.type, rule=rule.rule, trigger_start=token.idx,
                trigger_end=token.idx + len(token), sent_start=sent.start_char,
                sent_end=sent.end_char, clause_start=clause[0], clause_end=clause[1],
                modality=modality, modality_reason=why, flow=_flow(rule, _own_lemmas(token)),
                actors=_actors(token, lexicon, rule.type), summary=_summary(token),
                tense=_tense(token),
                speaker=_speaker(token) if rule.type == "official_statement" else "",
                reported_by=_reported_by(token),
                after_clause=_in_after_clause(token),
                background_clause=_in_background_clause(token),
                modifier=modifier,
                anchors=_anchors(token, lexicon),
                presupposed=presupposed,
                new_referent=_new_referent(token) and not _CAPTION.search(sent.text),
                sequel=any(c.dep_ == "advmod" and c.lower_ in _SEQUEL_WORDS
                           for node in _governing(token) for c in node.children),
                since_then=_since_then(token),
                participle=token.tag_ == "VBG" and (token.dep_ in ("advcl", "xcomp") or (
                    token.dep_ == "pcomp" and token.head.lower_ == "as")),  # "quoted X as saying"
                definite=(token.pos_ == "NOUN" and _definite_noun(token, ("the", "this", "that")))
                or _known_people(token),
                foreign_modifiers=_foreign_modifiers(token),
                said=_said_span(token) if rule.type == "official_statement" else None,
                shared_subject=_shared_subject(token),
                vehicles=frozenset(_vetoing_lemmas(token) & _VEHICLES),
                offer_made=any(node.lemma_.lower() in _OFFER_WORDS and node.tag_ == "VBD"
                               for node in (token, *list(token.ancestors)[:4])),
            ))
    return _offers_refused(found, doc.text)


def _offers_refused(found: list[Candidate], text: str) -> list[Candidate]:
    """ "North Korea turned down nearly three million doses ..., which Covax has offered
    it", "Pyongyang still hasn't accepted a single dose from Covax, which has offered it
    shots", "turned down doses ... and asked that they be sent elsewhere", "had been
    allocated doses ..., but none has been shipped": the offer is the aid the sentence says
    was refused or not taken, one record with the refusal, not a second delivery (but
    "accepted its first shipment, having turned away others" tells both)."""
    refused = {c.sent_start for c in found
               if c.type == "aid_delivery" and c.modality == "negated"}
    return [c for c in found if not (
        c.type == "aid_delivery" and c.modality != "negated" and c.sent_start in refused
        and (c.modality == "expected"
             or _OFFERED.match(text, c.trigger_start, c.trigger_end) is not None))]


# the giver's side of aid: what is offered, allocated or sent, not what is received
_OFFERED = re.compile(r"(?i)(?:offer|allocat|sen[dt]|ship|donat|pledg|provid|promis)")


_VEHICLES = frozenset({"train", "flight", "bus", "truck", "lorry", "ferry", "ship", "plane",
                       "coach", "wagon"})


def _shared_subject(token: Any) -> tuple[int, int] | None:
    """The span of the subject of the verb a subjectless conjoined trigger (or the verb a
    trigger noun hangs on: "was placed under lockdown") follows."""
    verb = _governing(token)[-1]
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None else _char_span(subject)


def _reported_by(token: Any) -> bool:
    """A reporting verb governs the trigger ("UPI reported that ..."), within five steps
    up; not a verb it is only conjoined to ("state media admitted ..., and Kim ordered every
    city locked down": the order is no part of what was admitted)."""
    below = token
    for node in list(token.ancestors)[:5]:
        if node.lemma_.lower() in _REPORT_VERBS and below.dep_ != "conj" and any(
                c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in node.children):
            return True  # (one with no subject is a misparse: "a crowd said to number")
        below = node
    return False


# places built for a health measure ("disinfection depots", "quarantine facilities")
_HEALTH_SITES = frozenset({"site", "facility", "depot", "warehouse", "centre", "center",
                           "complex", "station", "camp", "ward", "zone", "area", "point"})


def _set_aside(token: Any, rule: TriggerRule, lexicon: Lexicon, own_media: bool) -> bool:
    """Whether a trigger that fits ``rule`` still tells no event of it: a standing state,
    a habit or trend (a statement too: "rarely admits"), another country's own act, the
    state's silence, a dignitary's or a place's "crossing" or one that makes something so
    ("has left the river shallow"), an act the state only urges, goods described as
    smuggled ("calls on smuggled phones"), a company's penalty ("ZTE would be fined"), or
    aid accepted only in "refused to accept" (the refusal is the record)."""
    if rule.type != "official_statement" and (
            _generic(token, rule.type) or _urged_by_state(token, lexicon, own_media)):
        return True
    if rule.type == "official_statement" and token.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "advmod" and c.lower_ in _HABITUAL_SAYING for c in token.children):
        return True  # "North Korea rarely admits to shortages": a habit, no statement
    if rule.type == "illegal_crossing" and (_dignitary(token) or _crossing_point(token) or (
            token.lemma_.lower() == "leave" and any(c.dep_ == "oprd" for c in token.children))):
        return True  # "has left the river shallow": it made the river so
    if rule.type == "punishment" and token.lower_.startswith(_MONEY_PENALTIES) and any(
            c.dep_ in ("nsubjpass", "dobj") and c.ent_type_ == "ORG" for c in token.children):
        return True  # "ZTE would be fined": a company's penalty, no one punished (but a
        # person the model takes for an organisation can be sentenced: "Hyeon Soo Lim")
    if rule.rule == "health.quarantine.v1" and token.pos_ == "NOUN" and token.dep_ == "compound" \
            and token.head.lemma_.lower() not in _HEALTH_SITES:
        return True  # "test kits", "quarantine rules": a thing named, no measure taken (but
        # "disinfection sites" built are one)
    if token.dep_ in ("acl", "xcomp") and token.head.lemma_.lower() in _ABILITY_NOUNS:
        return True  # "has very limited capacity to test for COVID-19": no testing told
    if rule.type == "health_measure" and _goods_sent(token):
        return True  # "offered to send vaccines, masks and medical staff": aid, no measure
    if rule.type == "aid_delivery" and token.dep_ == "xcomp" and _refuses(token.head):
        return True  # "refused to accept aid": one refusal, which "refused" tells
    if rule.type in _BORDER_TRADE and _stopped_from(token):
        return True  # "stopped Chinese trucks from entering Sinuiju": a closing, no crossing
    if rule.rule == "crackdown.root_out.v1" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "in a bid to stamp out smuggling", "called on officials to root out
        # the selling of grain": an aim, not a crackdown told
    if rule.type == "border_closure" and token.pos_ == "NOUN" and token.dep_ == "pobj" \
            and token.head.lower_ in _BOUNDING and not _dated_noun(token):
        return True  # "the highest total since the border closure", "after pandemic border
        # closures battered its economy": an undated closure told as a bound, background
    return _long_standing(token) or _foreign_act(token, rule, lexicon) \
        or _silence(token, rule) or (rule.type == "smuggling" and token.dep_ == "amod")


_BOUNDING = frozenset({"since", "after", "before", "until", "amid", "despite"})


def _dated_noun(token: Any) -> bool:
    """Whether a noun has a date of its own: in its phrase, or in the phrase right after it
    that the parser hangs elsewhere ("since the border closure in January 2020")."""
    if any(t.ent_type_ == "DATE" for t in token.subtree):
        return True
    after = token.right_edge.i + 1
    return after + 1 < len(token.doc) and token.doc[after].lower_ in ("in", "on") \
        and token.doc[after + 1].ent_type_ == "DATE"


_ABILITY_NOUNS = frozenset({"capacity", "ability", "capability"})
_MONEY_PENALTIES = ("fine", "penali")  # word starts: the model lemmatizes "fined" as "fin"
_SENDING_VERBS = frozenset({"send", "deliver", "ship", "provide", "offer", "donate", "supply",
                            "give"})
_HELPING = frozenset({"help", "assist", "assistance", "support", "cooperate", "cooperation"})


def _goods_sent(token: Any) -> bool:
    """A noun trigger that is (one of) what a verb of sending sends ("to send vaccines,
    masks and medical staff") or what help is offered with ("to send disinfectant and
    help with quarantine")."""
    noun = first_conjunct(token)
    if token.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return noun.head.head.lemma_.lower() in _HELPING
    return token.pos_ == "NOUN" and noun.dep_ == "dobj" \
        and noun.head.lemma_.lower() in _SENDING_VERBS


def _since_then(token: Any) -> bool:
    """A bare "since" on the trigger's verb or a verb of its clause above it ("has since
    required goods to be disinfected and held"): going on from a date told before it."""
    node = token
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ == "since" and not list(c.children)
               for c in node.children):
            return True
        if node.dep_ in ("conj", "ROOT", "ccomp", "advcl", "relcl") or node.head == node:
            return False
        node = node.head
    return False


def _stopped_from(token: Any) -> bool:
    """ "stopped trucks from entering", "blocked ships from leaving port": what the stop
    kept from happening (not "that hasn't stopped the North from accepting vaccines", nor
    guards who "stopped two women from crossing": an attempt, and the crossing one tells);
    so "cargo trucks crossing the bridge have been stopped": the crossing is what stopped."""
    verb, halting = _kept_from(token), _STOPPING
    if verb is None and token.dep_ == "acl" and token.tag_ == "VBG" \
            and token.head.dep_ in ("nsubj", "nsubjpass"):
        verb, halting = token.head.head, _HALTING
    return verb is not None and verb.lemma_.lower() in halting \
        and not any(c.dep_ == "neg" for c in verb.children)


_STOPPING = frozenset({"stop", "block"})
_HALTING = _STOPPING | {"halt", "suspend", "ban", "bar", "cease"}


def _kept_from(token: Any) -> Any | None:
    """The verb a "from" phrase holding the trigger hangs on ("barred from leaving",
    "stopped trucks from entering"), else None."""
    return token.head.head if token.dep_ in ("pcomp", "pobj") \
        and token.head.lower_ == "from" else None


def _when_anchor(token: Any) -> tuple[int, int] | None:
    """The date a "when" clause holding the trigger hangs on ("until May last year, when it
    admitted an outbreak"): the date just before the clause, as character offsets."""
    for node in (token, *list(token.ancestors)[:3]):
        if node.dep_ not in ("relcl", "advcl") or not any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in node.children):
            continue
        j = node.left_edge.i - 1
        if j >= 0 and node.doc[j].is_punct:
            j -= 1
        date_ent = next((e for e in node.doc.ents if e.label_ == "DATE"
                         and e.start <= j < e.end), None) if j >= 0 else None
        if date_ent is None and node.head.lemma_.lower() in _WHEN_NOUNS:
            date_ent = next((e for e in node.doc.ents if e.label_ == "DATE"  # "the October
                             and node.head.left_edge.i <= e.start and e.end <= node.head.i + 1),
                            None)  # 2019 night when they waded across"
        return (date_ent.start_char, date_ent.end_char) if date_ent is not None else None
    return None


_WHEN_NOUNS = frozenset({"night", "day", "morning", "evening", "afternoon", "week", "weekend"})


def _in_after_clause(token: Any) -> bool:
    """The trigger sits in an "after ..." clause ("after Kim agreed to ...", "after
    closing the border"); a trigger that has "after X" on it ("restarted after a two-year
    halt") is the later event, not in one."""
    if any(c.dep_ == "mark" and c.lower_ == "after" for c in token.children):
        return True
    if token.dep_ in ("ROOT", "conj", "relcl") or any(
            c.dep_ == "prep" and c.lower_ == "after" for c in token.children):
        return False  # the head's main event, or itself the later one
    return any(c.dep_ in ("mark", "prep") and c.lower_ == "after" for c in token.head.children)


def _background_to_claim(token: Any, attribution: Attribution) -> bool:
    """ "A freight train crossed into Dandong on Sunday, the ministry said, the first such
    crossing since Pyongyang shut its borders in January 2020": what a "since" or "before"
    clause recalls is the article's background, not what the source tells (unless the
    source's own words stop before it, at the clause's start)."""
    if not _in_background_clause(token):
        return False
    speech = [t for t in token.sent if attribution.cue_start <= t.idx < attribution.cue_end
              and any(c.dep_ in ("ccomp", "xcomp") for c in t.children)]
    # "the source said smuggling has not resumed since the guards were deployed": inside
    # the source's own words, the clause is part of what the source tells.
    return not any(token in c.subtree for t in speech for c in t.children
                   if c.dep_ in ("ccomp", "xcomp"))


def _in_background_clause(token: Any) -> bool:
    """The trigger heads a "since", "before" or "until" clause of another event ("for the
    first time since the border closed")."""
    return token.pos_ == "VERB" and token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in token.children)


def _governing(token: Any) -> tuple[Any, ...]:
    """The trigger, and for a noun the verb its phrase hangs on ("were later given terms
    at a public trial": the giving)."""
    if token.pos_ != "NOUN":
        return (token,)
    verb = token.head.head if token.head.pos_ == "ADP" else token.head
    return (token, verb) if verb.pos_ in ("VERB", "AUX") else (token,)


def _said_span(token: Any) -> tuple[int, int] | None:
    """The character span of the clause a speech verb reports, if it has one."""
    clause = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")), None)
    return None if clause is None else _char_span(clause)


def _nested(outer: TimeChoice, inner: TimeChoice) -> bool:
    """A year told once and a month of it told again ("a year ago" ... "in July 2023"):
    the finer date can be the same event, told more exactly."""
    if not (outer.start and outer.end and inner.start and inner.end):
        return False
    part_of_year = outer.precision == "approx" and outer.reason.startswith("clause") and (
        date.fromisoformat(outer.end) - date.fromisoformat(outer.start)).days <= 200
    return (outer.precision == "year" or part_of_year) \
        and inner.precision not in ("year", "approx", "unknown") \
        and outer.start <= inner.start and inner.end <= outer.end


def _overlap(a: TimeChoice, b: TimeChoice) -> bool:
    a_start, a_end = a.start or "0000", a.end or "9999"
    b_start, b_end = b.start or "0000", b.end or "9999"
    return a_start <= b_end and b_start <= a_end


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})
_RESTATED_WITHIN = 300  # characters from the end of one statement's sentence


def same_event(a: tuple[Candidate, TimeChoice, tuple[str, ...]],
               b: tuple[Candidate, TimeChoice, tuple[str, ...]], own_media: bool = False) -> bool:
    """True when ``b`` restates ``a``: same type, overlapping dates, agreeing places, and
    (for events without dates) nearly the same words; in the state's own media
    (``own_media``) all statements of an item are one: the item is the state speaking."""
    (ca, ta, pa), (cb, tb, pb) = a, b
    if ca.type != cb.type or _modality_class(ca.modality) != _modality_class(cb.modality):
        return False
    if own_media and ca.type == "official_statement":
        return not _days_apart(ta, tb, 7)  # unless one recalls "its statement of December 24"
    if ca.sent_start == cb.sent_start:  # unless two clauses tell dates that cannot meet
        return ca.modifier is not None or cb.modifier is not None or not (
            ta.start and tb.start and ta.end and tb.end and not _overlap(ta, tb))
    if ca.anchors and cb.anchors and not ca.anchors & cb.anchors:
        return False  # "KOTI was seized" and "the Lighthouse Winmore was seized"
    if ca.vehicles and cb.vehicles and not ca.vehicles & cb.vehicles:
        return False  # buses crossing the bridge and flights resumed: two reopenings
    if cb.new_referent or cb.sequel:
        return False  # "One advisor ... was deported": someone new, so another event
    if cb.definite and not (pa and pb and not set(pa) & set(pb)) and _overlap(ta, tb):
        return True  # "the execution of Jang" refers back to the execution told before
    if ca.type == "health_measure" and _measure(ca.rule) != _measure(cb.rule):
        return False  # schools shut and villages quarantined: two measures
    undated_b = _undated(tb)
    if undated_b and (not pb or set(pb) <= set(pa)) and (ta.start or ta.end):
        return True  # an undated restatement of a dated event of the same kind
    if dates_background(ca, ta, tb) and ca.type != "official_statement" \
            and (not pa or set(pa) <= set(pb)) and _overlap(ta, tb):
        return True  # "the first group back since the border was shut ... North Korea shut
        # its border in January 2020": the background event, dated at last
    if ta.reason.startswith("perfect: undated") and ca.type != "official_statement" \
            and tb.start and tb.end and _overlap(ta, tb) \
            and ta.start and ta.start <= tb.start and (not pa or set(pa) <= set(pb)) \
            and cb.sent_start - ca.sent_end < _RESTATED_WITHIN:
        return True  # a lead, then its date: "has executed three people ... The three
        # were shot on Monday"
    if pa and pb:
        return bool(set(pa) & set(pb)) and _overlap(ta, tb)
    if ca.type == "official_statement" and ta.start and tb.start and ta.start != tb.start \
            and not any(t.reason.startswith("statement.publication") for t in (ta, tb)):
        return False  # said on February 14 and said on Wednesday: two statements
    if ca.type == "official_statement" and ca.speaker \
            and (ca.speaker == cb.speaker or cb.speaker in _PERSONAL_PRONOUNS) \
            and cb.sent_start - ca.sent_end < _RESTATED_WITHIN:  # ("Kim Yo Jong warned ...
        # "...," she said in a statement")
        return True  # the same speaker again, a sentence or two on: the same statement
        # (further on, "Mr Kim has also said he wants to focus on the economy" is another)
    if _undated(ta) and undated_b and not pa and not pb:
        return True  # undated, unplaced restatements of one background event
    dated = ta.start or ta.end
    if dated and (tb.start or tb.end):
        return (_overlap(ta, tb) and ta.precision == tb.precision and ta.start == tb.start
                and (ta.start is not None or ta.end == tb.end)) \
            or _nested(ta, tb) or _nested(tb, ta)
    return _words(ca.summary) == _words(cb.summary) or (
        len(_words(ca.summary) & _words(cb.summary)) >= 0.7 * min(
            len(_words(ca.summary)), len(_words(cb.summary))) > 0)


# health rules that tell one kind of measure in other words: a city "blocked" or "cordoned
# off" is the lockdown told elsewhere as "placed under total blockade"
_SAME_MEASURE = {"health.block_city.v1": "health.lockdown_city.v1"}


def _measure(rule: str) -> str:
    return _SAME_MEASURE.get(rule, rule)


def _days_apart(a: TimeChoice, b: TimeChoice, days: int) -> bool:
    """Both start at day precision (a statement's date always has it, whatever the date
    named), more than ``days`` apart."""
    if not (a.start and b.start and a.precision == b.precision == "day"):
        return False
    gap = date.fromisoformat(a.start) - date.fromisoformat(b.start)
    return abs(gap.days) > days


def _undated(when: TimeChoice) -> bool:
    """No date of the text bounds it: none at all, or only the publication date."""
    return not (when.start or when.end) or when.reason.startswith("publication:")


def dates_background(old: Candidate, old_when: TimeChoice, new_when: TimeChoice) -> bool:
    """``old`` was told without a date of its own in a since/before/until clause of another
    event, and the new telling has one: the dated telling speaks for the event."""
    return old.background_clause and _undated(old_when) and not _undated(new_when)


def better_representative(new: Candidate, old: Candidate) -> bool:
    """Of two triggers of one event in one sentence, the one in the sentence's own clauses
    speaks for it rather than one in a clause describing a participant ("a man who had
    defected three years ago crossed back in July": the crossing, not the defection), and
    a speaker's verb rather than the statement noun beside it; of the statements of the
    state's own media, a decision adopted speaks for the rest."""
    if new.rule == "statement.decision.v1" and old.rule != new.rule:
        return True  # the state's decision, adopted, speaks for what its meeting said
    if new.sent_start == old.sent_start and old.rule == "statement.noun.v1" \
            and new.type == old.type and new.rule != old.rule:
        return True  # "In a statement carried by KCNA, Kim Yo Jong said": the speaker's verb
    return new.sent_start == old.sent_start and old.modifier is not None \
        and new.modifier is None


def _modality_class(modality: str) -> str:
    return {"asserted": "factual", "reported": "factual", "expected": "expected"}.get(
        modality, "contrary")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}
