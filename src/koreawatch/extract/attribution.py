"""Attribution: who says so. Finds attribution chains and the stretch of text each covers.

Works on the spaCy ``Doc`` of the normalized text (``koreawatch.extract.nlp.parse``) and reports
offsets into ``doc.text``. Outlet and source aliases are data (``koreawatch/data/outlets.json``,
loaded by ``load_outlets``); ``normalize_source`` maps an alias to its canonical press name.

A chain runs from what the article cites first to the origin that one relied on
("A source told Daily NK" -> ``("Daily NK", "A source")``). Cue rules, in priority order (the
``reason`` of each ``Attribution`` names the rule; a sentence keeps the cues of the highest rule
that fired there, and cues of lower rules only inside clauses that those do not already cover):

1. ``according_to.citing``: "according to X, which cited Y" / "according to X, citing Y" /
   "..., quoting Y" -> (X, Y); the sentence.
2. ``according_to.speech``: "according to X" in a sentence whose main verb is a speech verb
   with another subject Y ("..., the letter said, according to Suh Hoon") -> (X, Y).
3. ``speech.citing``: "X reported, citing Y" / "X, citing Y, reported" -> (X, Y), also when
   the parser makes X the subject of "citing" ("Radio Free Asia (RFA), citing Y, said") or
   the root of the sentence ("Daily NK, a Seoul-based website ..., reported, citing Y").
4. ``speech.quoted``: "X quoted Y as saying" / "X cited Y as saying" -> (X, Y).
5. ``speech.told``: "Y told X" / "speaking to X, Y said" -> (X, Y) when X is a known outlet or a
   proper name other than a person's; just (Y,) when X is the article's own outlet
   (``outlet=``), a person ("Xi told Kim"), a pronoun or a common noun ("told reporters").
   A trailing ", a source in Hyesan told Daily NK" that the parser hangs on the main clause
   (the speaker as an apposition, or a clause of its own after a comma) is still this cue,
   for the whole sentence.
6. ``according_to``: "according to X" -> (X,); "according to a report in/by X" and
   "according to X's report" -> (X,); "according to (media) reports" is a hedge (rule 9).
7. ``per``: ", per X" where X is a known outlet or a proper name -> (X,).
8. ``speech``: a speech verb (said, says, reported, claimed, stated, told, added, noted,
   found, ...) with the source as subject -> (X,). "X's report said" / "a report by X found"
   -> (X,). Unnamed subjects keep their words ("sources", "Seoul military officials"); of
   two subjects the parser gives one verb ("A tourist, Martin Kessler, told ...") the name.
   Acts that use these verbs say nothing: "declared a buffer zone", "told guards to
   shoot", "admitted tourists".
   A pronoun subject ("he added", "it stated") or an anaphoric one ("the source",
   "the report", "the official"; "the report" also refers back to a body that spoke
   "in a report") continues the chain it refers to (reason
   ``<rule>.anaphora``): inside a relative or adverbial clause the main clause's subject,
   else the latest named chain of the previous ``ANAPHORA_SENTENCES`` sentences (one with
   the same head word first, then one whose informant has it: "RFA, citing a resident"
   for "the resident"; "the broadcaster", "the outlet" or "the website" is the latest
   outlet cited, alone). A pronoun with nothing to refer to gives no attribution.
9. ``hedge``: "reportedly", "allegedly", "purportedly", "is said/believed/reported to",
   "according to reports" with no named source -> chain ``()``, ``hedged=True``.

Scope (the stretch ``start``/``end``): a cue on the main clause (the speech verb is the
sentence root or a parenthetical beside it, a trailing "..., said a second source" that
the parser coordinates with the root, or an "according to"/"per" phrase) covers its
sentence, less the speaker's own noun phrase when that stands at the start or the end of it
("Park, a defector who fled in 2006, said ..." does not attribute the flight to Park) and
less the speaker's own acts conjoined after its verb ("The North acknowledged an outbreak
and imposed a lockdown": the lockdown is the North's act, not its claim); a cue
in an embedded or coordinated clause ("..., which Pyongyang said was proof", "... and told
CNN that ...") covers that clause only. Paragraphs are separated by any line break.

Continuation (reason ``<rule>+continued``): a named sentence-level chain also covers the
following sentences of the same paragraph that have no sentence-level cue of their own; a
following sentence whose only cue is a hedge ("Those officials have reportedly ordered...") is
absorbed into the chain (``hedged=True``). It runs on into the next paragraph only while that
paragraph is a quotation that opens with a quotation mark and names no speaker. An anaphoric
cue ("The source added", "According to the source") restarts the chain it refers to, also
after a paragraph break. Continuation stops at a paragraph break or at a sentence with its
own named or hedged sentence-level cue.

``attribution_for`` picks, among the attributions that cover at least ``COVER_SHARE`` of a
span, the innermost (shortest) one.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from koreawatch.extract.outlets import is_own_outlet, load_outlets, normalize_source, outlet_key
from koreawatch.extract.quotes import PersonResolver
from koreawatch.models import Attribution

log = logging.getLogger(__name__)



def _words(text: str) -> frozenset[str]:
    """A word list written as one string (lexicon entries are single words)."""
    return frozenset(text.split())


ANAPHORA_SENTENCES = 8  # how far back a pronoun or "the source" looks for its chain
COVER_SHARE = 0.85  # share of a span that an attribution must cover in attribution_for

# verbs of opinion that attribute what follows to their subject ("analysts expect the border
# to reopen", "Yoon predicts that tours will resume") only in the active voice: "the border
# is expected to reopen" names no one
OPINION_LEMMAS = _words("expect predict forecast")
SPEECH_LEMMAS = _words(
    "say report claim tell state announce add note warn confirm reveal allege write insist "
    "explain estimate find assert acknowledge admit disclose quote cite conclude "
    "testify recount recall describe tweet show indicate suggest"
) | OPINION_LEMMAS
HEDGE_WORDS = _words("reportedly allegedly purportedly supposedly")
HEDGE_PASSIVES = _words("say believe report rumor rumour think")
HEDGE_NAMES = frozenset(
    ("reports", "media reports", "news reports", "unconfirmed reports", "local reports",
     "some reports", "several reports", "multiple reports")
)
# pictures report like documents: "satellite imagery shows", "according to the images"
_IMAGE_NOUNS = "image images imagery photo photos photograph photographs footage picture pictures"
REPORT_NOUNS = _words(
    "report reports statement article story survey study analysis data bulletin broadcast "
    "assessment findings document documents dispatch estimate estimates notice memo "
    + _IMAGE_NOUNS
)
ANAPHORIC_HEADS = _words(
    "source sources official officials report reports outlet site company agency paper "
    "newspaper study statement defector resident insider expert experts letter broadcaster "
    "website"
)
# the words for an outlet: "the broadcaster" is the last outlet cited, not its informant
OUTLET_HEADS = _words("outlet site website paper newspaper broadcaster")
SOURCE_NOUNS = _words(
    "source sources official officials report reports document documents notice memo data "
    "expert experts analyst analysts diplomat diplomats witness witnesses resident residents "
    "defector defectors insider insiders observer observers estimate estimates survey study "
    "statement "
    "researcher researchers authority authorities ministry agency government police media "
    "spokesman spokeswoman spokesperson member members investigator investigators panel "
    "letter paper newspaper outlet site website broadcaster military army navy person people "
    "adviser advisor envoy minister president lawmaker lawmakers legislator prosecutors "
    "prosecutor court office committee commission council institute group organisation "
    "organization monitor monitors correspondent reporter reporters journalist journalists "
    "trader traders merchant merchants smuggler smugglers worker workers farmer farmers "
    "soldier soldiers officer officers refugee refugees activist activists professor scholar "
    "economist scientist director chief head chairman secretary ambassador commander "
    "citizen citizens student students teacher doctor leader leaders tank think-tank embassy "
    "consulate post centre center foundation firm company operator programme program "
    "association federation partner partners contact contacts bureau figures statistics "
    "participant participants visitor visitors traveler travelers traveller travellers "
    "tourist tourists broker brokers villager villagers "
    + _IMAGE_NOUNS
)
SOURCE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PRONOUNS = _words("he she it they we i this that these those")
_CUT_DEPS = frozenset({"relcl", "appos", "punct", "cc", "conj", "advcl", "parataxis"})
_PARA = re.compile(r"\n\s*")  # any line break: some feeds use one newline per paragraph
_QUOTE_OPEN = ("'", '"', "\u2018", "\u201c")
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------- noun phrases


def _np_tokens(head: Any) -> list[Any]:
    """The tokens of the noun phrase headed by ``head``, without relative clauses,
    appositions and anything after a comma or a dash."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS or child.lower_ in ("which", "who"):
            continue
        if child.i > head.i and any(t.is_punct for t in head.doc[head.i + 1 : child.i]):
            continue
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    cut = next((k for k, t in enumerate(tokens) if t.i > head.i and t.text in (",", "—", "–")),
               None)  # "imagery reviewed by NK News, a sign that ...": the comma ends it
    tokens = tokens if cut is None else tokens[:cut]
    gap = next((k for k, t in enumerate(tokens) if k and t.i > head.i
                and t.i != tokens[k - 1].i + 1), None)  # "defectors and satellite imagery
    tokens = tokens if gap is None else tokens[:gap]  # studied by ...": a cut conjunct ends it
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _np_text(head: Any) -> str:
    tokens = _np_tokens(head)
    if not tokens:
        return head.text
    return head.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _owner(head: Any) -> Any | None:
    """For a report-like noun ("X's report", "a report by/in/from X"), the token naming X."""
    if head.lemma_.lower() not in REPORT_NOUNS and head.lower_ not in REPORT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS | {"its", "their", "his", "her"}:
            return child
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "in", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or (
                        child.lower_ == "by" and _is_source_like(obj))):
                    return obj  # "a report by Daily NK", "estimates by the central bank"
    for child in head.children:  # "a government notice obtained by NK News", "a notice
        # posted by the police"
        if child.dep_ == "acl" and child.lemma_.lower() in (
                "obtain", "see", "acquire", "post", "issue", "publish", "release"):
            for obj in (o for a in child.children if a.dep_ == "agent"
                        for o in a.children if o.dep_ == "pobj"):
                if obj.pos_ == "PROPN" or _is_source_like(obj):
                    return obj
    return None


def _named_word(head: Any) -> str:
    """The lemma of the word that names a source (a report's owner, else the head)."""
    owner = _owner(head)
    return _named_word(owner) if owner is not None else head.lemma_.lower()


def _source_name(head: Any) -> str:
    """The source that a noun phrase names: a report's owner, a known outlet, or its words."""
    owner = _owner(head)
    if owner is not None:
        return _source_name(owner)
    if head.pos_ == "NOUN":  # "a Seoul-based think tank, the Hanmaum Institute": the name
        named = next((c for c in head.children if c.dep_ == "appos"
                      and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON"))), None)
        if named is not None:
            return _source_name(named)
    text = _np_text(head)
    if _UN_AGENCY.fullmatch(text):  # "the UN agency says": the one the text named last
        named = _last_un_agency(head)
        if named is not None:
            return named
    if head.lemma_.lower() in REPORT_NOUNS or head.lower_ in REPORT_NOUNS:
        for tok in _np_tokens(head):
            if tok.dep_ == "compound" and tok.pos_ == "PROPN":
                known = load_outlets().canonical(_np_text(tok))
                if known:
                    return known
    return normalize_source(text)


_UN_AGENCY = re.compile(r"(?i)(?:the\s+)?(?:UN|U\.N\.|United Nations)\s+agency")
_UN_AGENCIES = frozenset({"WFP", "UNICEF", "WHO", "FAO"})


def _last_un_agency(head: Any) -> str | None:
    """The United Nations agency (WFP, UNICEF, WHO, FAO) the text named last before
    ``head``, or None (names as written, acronyms in capitals: "who" is no agency)."""
    found = list(_un_agency_names().finditer(head.doc.text, 0, head.idx))
    return load_outlets().canonical(found[-1].group(0)) if found else None


@functools.cache
def _un_agency_names() -> re.Pattern[str]:
    """The names and aliases of the UN agencies in the outlet list, as one pattern."""
    names = [name for o in load_outlets().outlets if o.name in _UN_AGENCIES
             for name in (o.name, *o.aliases)]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def _is_pronoun(head: Any) -> bool:
    return head.pos_ == "PRON" or head.lower_ in PRONOUNS


def _is_anaphoric(head: Any) -> bool:
    """A bare definite noun phrase that points back ("the source", "the report", "those
    officials"); "the weather agency" or "the Daily NK source" name a source themselves."""
    if _is_pronoun(head):
        return True
    if head.lemma_.lower() not in ANAPHORIC_HEADS and head.lower_ not in ANAPHORIC_HEADS:
        return False
    children = list(head.children)
    if any(c.dep_ in ("compound", "amod", "nmod", "prep", "acl", "poss")
           and c.lower_ != "same" for c in children):
        return False  # (but "the same source" points back)
    dets = [c.lower_ for c in children if c.dep_ == "det"]
    return bool(dets) and dets[0] in ("the", "this", "that", "those", "these")


def _is_source_like(head: Any) -> bool:
    """Whether a noun phrase can name a source: a name, a known outlet, an organisation or
    country, a pronoun, or a common noun for people, bodies and documents that report."""
    if _is_pronoun(head) or head.pos_ == "PROPN" or head.ent_type_ in SOURCE_ENTS:
        return True
    if head.lemma_.lower() in SOURCE_NOUNS or head.lower_ in SOURCE_NOUNS:
        return True
    return load_outlets().canonical(_np_text(head)) is not None


def _bare_report(head: Any) -> bool:
    """A report-like noun that says nothing about whose it is ("a rough estimate")."""
    if head.lemma_.lower() not in REPORT_NOUNS and head.lower_ not in REPORT_NOUNS:
        return False
    return not any(c.dep_ in ("compound", "poss", "prep", "acl", "nmod") for c in head.children)


# --------------------------------------------------------------------------- cues

_ANAPHOR = "\0"  # placeholder in a chain for a source still to be resolved from context
_TOLD_OUTLET = "\1"  # placeholder for "told the outlet": the latest outlet cited


@dataclass(frozen=True)
class _Cue:
    """One attribution cue in a sentence, before continuation and anaphora."""

    chain: tuple[str, ...]
    cue_start: int
    cue_end: int
    start: int
    end: int
    reason: str
    rank: int
    sentence_level: bool
    hedged: bool = False
    anaphor: str | None = None  # the words of an anaphoric source ("he", "the source")
    head: str = ""  # lemma of the word that names the (last) source, for anaphora

    @property
    def named(self) -> bool:
        return bool(self.chain)


def _span_of(tokens: Sequence[Any]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _subtree_span(tok: Any) -> tuple[int, int]:
    return _span_of([tok.left_edge, tok.right_edge])


def _speech_span(verb: Any) -> tuple[int, int]:
    """What a speech verb inside the sentence covers: its subtree up to a verb conjoined
    to it ("when it admitted an outbreak and ordered a lockdown": the order is its act,
    not what it said)."""
    after = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i]
    if not after:
        return _subtree_span(verb)
    last = max((t for t in verb.subtree if t.i < after[0].left_edge.i), key=lambda t: t.i)
    return _span_of([verb.left_edge, last])


# what one declares in doing, not saying, it ("declared a buffer zone", "an emergency")
DECLARED_THINGS = frozenset({"zone", "area", "emergency", "curfew", "lockdown", "quarantine",
                             "holiday"})


def _own_acts_start(verb: Any) -> int:
    """Where the speaker's own acts begin after a speech verb at the head of a sentence: a
    verb conjoined to it that shares its subject and says nothing ("The North acknowledged
    an outbreak in May and imposed a lockdown": the lockdown is the North's act, not a
    claim) or gives an order ("... and told guards to shoot"); the end of the sentence
    when there is none."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.i > verb.i and conj.pos_ in ("VERB", "AUX") \
                and (conj.lemma_.lower() not in SPEECH_LEMMAS or _orders(conj)) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            return conj.left_edge.idx
    last = verb.sent[-1]
    return last.idx + len(last.text)


# the people a country admits when it lets them in, which "admitted" then says nothing about
ADMITTED_VISITORS = frozenset({"tourist", "visitor", "holidaymaker", "foreigner", "traveller",
                               "traveler", "group", "delegation", "people", "citizen"})


def _admits(verb: Any) -> bool:
    """ "Pyongyang began admitting Russian tour groups": letting people in, not admitting a
    fact."""
    return verb.lemma_.lower() == "admit" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ADMITTED_VISITORS for c in verb.children)


def _orders(verb: Any) -> bool:
    """ "told guards to shoot": telling someone to do something is an order, not speech."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "xcomp" for c in verb.children)


def _declares(verb: Any) -> bool:
    """ "declared a buffer zone", "declared an emergency": a declaration that acts."""
    return verb.lemma_.lower() == "declare" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DECLARED_THINGS for c in verb.children)


def _sentence_level(tok: Any) -> bool:
    """True for a word of the main clause: the root, a clause beside it, or a phrase on it."""
    if tok.dep_ == "ROOT":
        return True
    return tok.head.dep_ == "ROOT" and tok.dep_ in ("parataxis", "conj", "prep", "advmod",
                                                    "npadvmod", "advcl")


def _subject(verb: Any) -> Any | None:
    """The verb's active subject (one it shares with the verb it is conjoined to); of two
    ("A tourist on the trip, Martin Kessler, ..., told Reuters", the apposition parsed as a
    second subject), the one that is a name, else the one after a comma before the verb
    (the model's parse of "A shipment ... crossed in February, UNICEF said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        if subjects[0].dep_ != "nsubj":
            return None
        named = [c for c in subjects if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
        if len(subjects) > 1 and named:
            return named[0]
        last = subjects[-1]  # "A consignment ... crossed in February, UNICEF said": the
        if len(subjects) > 1 and last.i < verb.i and last.left_edge.i > 0 \
                and verb.doc[last.left_edge.i - 1].text == ",":  # one after the comma
            return last
        return subjects[0]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _source_or_anaphor(head: Any, sent: Any, verb: Any) -> tuple[str, str | None]:
    """The name of a subject; ``(_ANAPHOR, words)`` when it must be resolved from context."""
    if head.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return _source_name(verb.head), None
    if _is_pronoun(head) and not _sentence_level(verb):
        main = _subject(sent.root)
        if main is not None and not _is_pronoun(main) and main.i != head.i:
            return _source_name(main), None
    if _is_anaphoric(head):
        return _ANAPHOR, _np_text(head)
    return _source_name(head), None


def _listener(verb: Any, outlet: str | None) -> str | None:
    """Who was told ("told PRI", "speaking to CNN"), when it is a named outlet or person;
    ``_TOLD_OUTLET`` for "told the outlet" (or "the website", "the paper")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "talk"):
            heads += [o for p in child.children if p.lower_ in ("to", "with")
                      for o in p.children if o.dep_ == "pobj"]
    for head in heads:
        if head.lemma_.lower() in OUTLET_HEADS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return _TOLD_OUTLET  # "told the outlet": the outlet cited before
        name = _source_name(head)
        known = load_outlets().canonical(name)
        if known is None and (head.pos_ != "PROPN" or _is_pronoun(head)
                              or head.ent_type_ == "PERSON"):
            continue  # "Xi told Kim that ...": a listener, not an outlet
        return None if is_own_outlet(name, outlet) else (known or name)
    return None


def _speech_scope(sent: Any, subj: Any) -> tuple[int, int]:
    """The sentence without the speaker's own noun phrase when that stands at either edge
    ("Park, a defector who fled in 2006, said ..." does not attribute the flight to Park)."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    start, end = _span_of(list(sent))
    if not words:
        return start, end
    left, right = subj.left_edge, subj.right_edge
    if left.i <= words[0].i:
        return right.idx + len(right.text), end
    if right.i >= words[-1].i:
        return start, left.idx
    return start, end


def _trailing_speaker(verb: Any) -> Any | None:
    """ "..., a source in Ryanggang told Daily NK." parsed as a verb conjoined to the main
    clause, or as a subjectless root over it, with the speaker as an apposition before it:
    that apposition is the speaker."""
    if verb.dep_ not in ("conj", "ROOT") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = [t for t in verb.doc[verb.sent.start:verb.i] if t.dep_ == "appos"
              and t.right_edge.i == verb.i - 1]
    return before[-1] if before else None


def _appended_speaker(verb: Any, subj: Any) -> Any | None:
    """ "... and detained five people found with phones, a source in North Hamgyong told
    Daily NK": the model makes "people" the subject of "told" and the speaker its
    apposition, right before the verb after a comma (an apposition set off by commas on
    both sides, "Kim, a defector, told", is not so placed). A source-like one is the
    speaker."""
    if subj is None or subj.i > verb.i:
        return None
    return next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i
                 and c.right_edge.i == verb.i - 1 and c.left_edge.i > 0
                 and verb.doc[c.left_edge.i - 1].text == "," and _is_source_like(c)), None)


def _citing_subject(verb: Any) -> Any | None:
    """ "Radio Free Asia (RFA), citing a resident ..., said ...", parsed with the outlet as
    the subject of "citing" and none for "said": that subject is the speaker's."""
    return next((c for a in verb.children if a.dep_ == "advcl" and a.i < verb.i
                 and a.lemma_.lower() in ("cite", "quote") for c in a.children
                 if c.dep_ == "nsubj"), None)


def _rootless_speaker(verb: Any) -> Any | None:
    """ "Daily NK, a Seoul-based website ..., reported in April, citing a source, that ..."
    parsed with the outlet as the sentence's root and the speech verb as a clause on it: a
    known outlet so placed is the speaker."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ != "PROPN" \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return head if load_outlets().canonical(_source_name(head)) is not None else None


def _fronted_report(verb: Any) -> bool:
    """ "Radio Free Asia (RFA) reported last month, citing a resident, that agents had begun
    ...", parsed with the reported clause as the root and the speech verb as a clause before
    its "that": the verb speaks for the sentence."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and verb.i < head.i and any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i for c in head.children)


def _closing_speaker(verb: Any, subj: Any) -> bool:
    """ "Teams have been stopping pedestrians ..., a source in North Hamgyong Province told
    NK News, requesting anonymity": a speaker and verb after a comma at the end of the
    sentence, parsed as a clause conjoined to the main one, speak for the whole sentence
    (not "..., and officials said ...", which adds a claim)."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ROOT" or subj.head != verb or subj.i > verb.i:
        return False  # (a subject of its own: "... and said", sharing one, adds a claim)
    doc = verb.doc
    before = subj.left_edge.i - 1
    last = max(t.i for t in verb.sent if not (t.is_punct or t.is_space))
    return before > verb.sent.start and doc[before].text == "," \
        and verb.right_edge.i >= last


def _colon_report(verb: Any) -> bool:
    """ "Chinese customs data show what happened next: imports fell by 90 percent", parsed
    with the clause after the colon as the root and the speech verb as a clause before it:
    what follows the colon is what the source tells."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and verb.i < head.i and any(
        t.text == ":" for t in verb.doc[verb.right_edge.i + 1:head.i])


def _report_named(verb: Any) -> str:
    """ "In a report released Tuesday, KINU said ...": the report a later "the report
    said" refers back to (its lemma), else ""."""
    return next((o.lemma_.lower() for p in verb.children if p.dep_ == "prep"
                 and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"
                 and o.lemma_.lower() in REPORT_NOUNS), "")


def _speech_cue(verb: Any, sent: Any, outlet: str | None) -> _Cue | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_LEMMAS:
        return None
    if verb.lower_ in ("citing", "quoting"):
        return None
    if lemma in OPINION_LEMMAS and (verb.tag_ == "VBN" or not any(
            c.dep_ == "nsubj" for c in verb.children) or not any(
            c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) or any(
            c.dep_ == "nsubj" and _is_pronoun(c) for c in verb.children)):
        return None  # "is expected to", "expected arrivals": no one's opinion; "we expect",
        # "they expect": the authors', or the speaker's already cited
    if lemma in ("cite", "quote") and verb.dep_ == "relcl":
        return None
    if _declares(verb) or _orders(verb) or _admits(verb):
        return None  # "the North declared a buffer zone and told guards to shoot": acts
    if (lemma == "find" and
                                                not any(c.dep_ == "ccomp" for c in verb.children)):
        return None
    if lemma == "show" and any(c.dep_ == "dative" for c in verb.children):
        return None  # "she has shown him the body's worth": a demonstration, no report
    if verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() in SPEECH_LEMMAS:
        return None  # "said ..., adding that": one cue
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "North Korea did not confirm a single case": nothing told
    if lemma == "add" and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                              for c in verb.children):
        return None  # "North Korea has added soldiers to its guard posts": no speech
    quoted = _quoted_as_saying(verb)
    subj = quoted or _subject(verb) or _citing_subject(verb)
    rootless = _rootless_speaker(verb)
    misparsed = _trailing_speaker(verb) or rootless or _appended_speaker(verb, subj)
    if misparsed is not None:
        subj = misparsed
    if subj is None or not _is_source_like(subj):
        return None
    name, anaphor = _source_or_anaphor(subj, sent, verb)
    chain: tuple[str, ...] = (name,)
    reason, rank = "speech", 8
    if lemma in ("quote", "cite"):
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"), None)
        if objs:
            chain, reason, rank = (name, _source_name(objs[0])), "speech.quoted", 4
        elif quoted is not None and agent is not None:  # "Y was quoted by X as saying"
            chain, reason, rank = (_source_name(agent), name), "speech.quoted", 4
    elif lemma in ("tell", "say", "add", "admit", "claim", "state", "explain", "insist"):
        heard = _listener(verb, outlet)
        if heard:
            chain, reason, rank = (heard, name), "speech.told", 5
    if anaphor is None and _owner(subj) is not None:
        reason = "speech.report"
    inverted = subj.i > verb.i and verb.head.dep_ == "ROOT" and verb.dep_ in (
        "conj", "parataxis", "ccomp")  # "..., said a second source": spaCy's conj of the root
    level = verb.dep_ == "ROOT" or (verb.head.dep_ == "ROOT" and verb.dep_ == "parataxis") \
        or misparsed is not None or inverted or _closing_speaker(verb, subj) \
        or _fronted_report(verb) or _colon_report(verb)
    start, end = _speech_scope(sent, subj) if level else _speech_span(verb)
    if level and not inverted and misparsed is None:
        end = min(end, _own_acts_start(verb))
        opening = verb.doc[subj.left_edge.i - 1] if subj.left_edge.i > sent.start else None
        if opening is not None and opening.text == ":":  # "Trade has all but vanished:
            start = max(start, opening.idx + 1)  # customs figures suggest it fell by 80%":
            # what comes before the colon is the article's
    if rootless is not None:  # the outlet's subtree is the whole sentence: what it said
        start = verb.idx  # follows its verb
    return _Cue(chain, subj.idx, verb.idx + len(verb.text), start, end, reason, rank, level,
                anaphor=anaphor, head=_report_named(verb) or _named_word(subj))


def _quoted_as_saying(verb: Any) -> Any | None:
    """ "the source was quoted as saying": the passive subject of "quoted (cited) as
    saying" is the speaker."""
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(
            p.dep_ == "pcomp" and p.lemma_.lower() in SPEECH_LEMMAS for p in c.children)
            for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _according_cue(tok: Any, sent: Any) -> _Cue | None:
    if tok.lower_ != "according":
        return None
    objs = [o for p in tok.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    if not objs:
        return None
    head = objs[0]
    if not _is_source_like(head) or _bare_report(head):
        return None
    start, end = _span_of(list(sent))
    cue_end = head.right_edge.idx + len(head.right_edge.text)
    if _np_text(head).casefold().removeprefix("the ") in HEDGE_NAMES:
        return _Cue((), tok.idx, cue_end, start, end, "hedge", 9, True, hedged=True)
    if _is_anaphoric(head):
        return _Cue((_ANAPHOR,), tok.idx, cue_end, start, end, "according_to", 6, True,
                    anaphor=_np_text(head), head=_named_word(head))
    return _Cue((_source_name(head),), tok.idx, cue_end, start, end, "according_to", 6, True,
                head=_named_word(head))


def _per_cue(tok: Any, sent: Any) -> _Cue | None:
    if tok.lower_ != "per":
        return None
    objs = [o for o in tok.children if o.dep_ == "pobj"]
    if not objs or tok.i + 1 >= len(tok.doc) or not tok.nbor().text[:1].isupper():
        return None
    name = _source_name(objs[0])
    if objs[0].pos_ != "PROPN" and load_outlets().canonical(name) is None:
        return None
    start, end = _span_of(list(sent))
    return _Cue((name,), tok.idx, objs[0].right_edge.idx + len(objs[0].right_edge.text), start,
                end, "per", 7, True)


def _hedge_cue(tok: Any, sent: Any) -> _Cue | None:
    hedge = tok.lower_ in HEDGE_WORDS
    if not hedge and tok.lemma_.lower() in HEDGE_PASSIVES and tok.tag_ == "VBN":
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        hedge = passive and any(c.dep_ == "xcomp" for c in tok.children)
    if not hedge:
        return None
    start, end = _span_of(list(sent))
    return _Cue((), tok.idx, tok.idx + len(tok.text), start, end, "hedge", 9, True, hedged=True)


def _citations(sent: Any) -> list[tuple[Any, str]]:
    """("citing"/"quoting"/"which cited" token, the source cited) pairs of a sentence."""
    out = []
    for tok in sent:
        cites = tok.lower_ in ("citing", "quoting") or (
            tok.lemma_.lower() in ("cite", "quote") and tok.dep_ == "relcl")
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if cites and objs and _is_source_like(objs[0]):  # not "citing the risk of the virus"
            out.append((tok, _source_name(objs[0])))
    return out


def _attach_citations(sent: Any, according: list[_Cue], speech: list[_Cue]) -> None:
    """Rules 1 and 3: add the cited origin to the cue that a "citing Y" belongs to."""
    for tok, origin in _citations(sent):
        for k, cue in enumerate(according):
            if cue.named and cue.cue_start <= tok.idx <= cue.cue_end + 3:
                according[k] = replace(cue, chain=(*cue.chain, origin),
                                       reason="according_to.citing", rank=1)
                break
        else:
            named = [c for c in speech if c.named and len(c.chain) == 1]
            if named:
                k = speech.index(min(named, key=lambda c: abs(c.cue_start - tok.idx)))
                speech[k] = replace(speech[k], chain=(*speech[k].chain, origin),
                                    reason="speech.citing", rank=3)


def _merge_according(according: list[_Cue], speech: list[_Cue]) -> None:
    """Rule 2: "..., Y said, according to X" -> (X, Y)."""
    for k, acc in enumerate(according):
        if not acc.named or acc.anaphor or len(acc.chain) > 1:
            continue
        for sp in speech:
            if sp.anaphor is not None and sp.anaphor.casefold() in PRONOUNS:
                continue
            # an anaphoric "the letter" here is introduced by X itself: keep its words
            own = (sp.anaphor,) if sp.anaphor is not None else sp.chain
            if sp.sentence_level and own and outlet_key(own[0]) != outlet_key(acc.chain[0]):
                according[k] = replace(acc, chain=(*acc.chain, *own),
                                       reason="according_to.speech", rank=2)
                speech.remove(sp)
                break


def _sentence_cues(sent: Any, outlet: str | None) -> list[_Cue]:
    """Every cue of one sentence (rules 1-9), sentence-level ones and clause-level ones."""
    according = [c for t in sent if (c := _according_cue(t, sent)) is not None]
    inside = {t.i for a in sent if a.lower_ == "according" for t in a.subtree}
    speech = [c for t in sent if t.i not in inside
              and (c := _speech_cue(t, sent, outlet)) is not None]
    _attach_citations(sent, according, speech)
    _merge_according(according, speech)
    per = [c for t in sent if (c := _per_cue(t, sent)) is not None]
    hedges = [c for t in sent if (c := _hedge_cue(t, sent)) is not None]
    return [*according, *speech, *per, *hedges]


def _main_cue(cues: Sequence[_Cue]) -> _Cue | None:
    """The sentence's own attribution: the best named sentence-level cue, else a hedge."""
    level = [c for c in cues if c.sentence_level]
    named = [c for c in level if c.named]
    pool = named or level
    return min(pool, key=lambda c: (c.rank, c.cue_start)) if pool else None


# --------------------------------------------------------------------------- the document


@dataclass
class _Open:
    """The chain being continued over the sentences of a paragraph."""

    cue: _Cue
    end: int
    paragraph: int
    hedged: bool
    continued: bool = False

    def close(self) -> Attribution:
        reason = self.cue.reason + ("+continued" if self.continued else "")
        return Attribution(self.cue.chain, self.cue.start, self.end, self.cue.cue_start,
                           self.cue.cue_end, self.hedged or not self.cue.chain, reason)


def _paragraph_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _PARA.finditer(text))]


def _paragraph_of(starts: Sequence[int], offset: int) -> int:
    return sum(1 for s in starts if s <= offset) - 1


_History = list[tuple[int, tuple[str, ...], str]]  # (sentence index, chain, head lemma)


def _resolve(cue: _Cue, history: _History, index: int, sent: Any = None,
             people: PersonResolver | None = None) -> _Cue | None:
    """Fill an anaphoric source from the latest named chain within reach ("told the outlet"
    takes the latest outlet cited; for "the report",
    the latest whose source was also a report, else its own words, never a person's
    chain; for "the broadcaster" or "the outlet", the latest outlet cited, without the
    informant it cited); "he" or "she" is the person ``people``
    resolves it to (the quotation speakers' resolver: the last person named outside
    quotation marks that fits), through the latest chain naming that person, else the
    person alone, else the latest chain; else drop the cue (a pronoun) or keep its own
    words ("the report")."""
    recent = [(chain, head) for i, chain, head in history if index - i <= ANAPHORA_SENTENCES]
    cited = [chain[0] for chain, _ in recent if load_outlets().canonical(chain[0])]
    if _TOLD_OUTLET in cue.chain:  # "a source told the outlet": the latest outlet cited,
        told = tuple(cited[-1:])  # else the speaker alone
        cue = replace(cue, chain=tuple(
            name for c in cue.chain for name in (told if c == _TOLD_OUTLET else (c,))))
    if cue.anaphor is None:
        return cue
    pronoun = cue.anaphor.casefold() in PRONOUNS
    if cited and not pronoun and cue.head in OUTLET_HEADS:  # "according to the
        chain = tuple(cited[-1] if c == _ANAPHOR else c for c in cue.chain)  # broadcaster"
        return replace(cue, chain=chain, anaphor=None, reason=cue.reason + ".anaphora")
    same = [chain for chain, head in recent if head == cue.head] or [
        chain for chain, _ in recent if cue.head in SOURCE_NOUNS  # else one whose informant
        and cue.head in _name_words(chain[-1])  # it names ("RFA, citing a resident ..."),
        and not chain[-1].casefold().startswith("the ")]  # not by another "the agency"
    recent_chains = same if same and not pronoun else [chain for chain, _ in recent]
    if not pronoun and not same and cue.head in REPORT_NOUNS:
        recent_chains = []  # "the report says" with no report before: its own words
    person = _person_meant(cue, sent, people) if cue.anaphor.casefold() in ("he", "she") \
        and sent is not None and people is not None else None
    if person is not None:
        naming = [chain for chain in recent_chains if _names(chain, person)]
        if not naming:
            chain = tuple(person if c == _ANAPHOR else c for c in cue.chain)
            return replace(cue, chain=chain, anaphor=None, reason=cue.reason + ".anaphora.person")
        recent_chains = naming
    if not recent_chains:
        if pronoun:
            return None
        chain = tuple(cue.anaphor if c == _ANAPHOR else c for c in cue.chain)
        return replace(cue, chain=chain, anaphor=None)
    ref = recent_chains[-1]
    if cue.chain == (_ANAPHOR,):
        chain = ref
    else:
        chain = tuple(ref[-1] if c == _ANAPHOR else c for c in cue.chain)
    return replace(cue, chain=chain, anaphor=None, reason=cue.reason + ".anaphora")


def _name_words(name: str) -> set[str]:
    """The words of a source's name, in the singular ("residents" gives "resident")."""
    words = name.casefold().split()
    return set(words) | {w[:-1] for w in words if w.endswith("s")}


def _person_meant(cue: _Cue, sent: Any, people: PersonResolver) -> str | None:
    """The person a "he"/"she" cue stands for, when the text named them within the
    sentence or the ``ANAPHORA_SENTENCES`` before it."""
    word = cue.anaphor.casefold() if cue.anaphor else ""
    pronoun = next((t for t in sent if t.lower_ == word
                    and cue.cue_start <= t.idx < cue.cue_end), None) \
        or next((t for t in sent if t.lower_ == word), None)
    if pronoun is None:
        return None
    found = people.person(pronoun)
    if found is None:
        return None
    doc, first = sent.doc, sent.start
    for _ in range(ANAPHORA_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    name, where = found
    return normalize_source(name) if where >= doc[first].idx else None


def _names(chain: tuple[str, ...], person: str) -> bool:
    """Whether a chain names ``person`` ("Kang" names "Kang Na-ra")."""
    words = set(person.casefold().split())
    return any(words & set(source.casefold().split()) for source in chain)


def _continues(open_: _Open, sent: Any, paragraph: int) -> bool:
    """Whether an unmarked sentence still belongs to the open chain: not when the source
    itself acts in it ("North Korea has claimed it has no cases. The North shut its border
    in January": the article tells what the state did)."""
    if not open_.cue.named or _source_acts(open_.cue.chain[-1], sent):
        return False
    if paragraph == open_.paragraph:
        return True
    text = sent.text.lstrip()
    return paragraph == open_.paragraph + 1 and text.startswith(_QUOTE_OPEN)


# the North Korean state by its usual names, to tell the state acting from the state speaking
_THE_STATE = re.compile(r"(?i)^(?:the\s+)?(?:north(?:\s+korea)?|pyongyang|dprk|regime|"
                        r"north\s+korean\s+(?:government|regime|authorities))$")


def _source_acts(source: str, sent: Any) -> bool:
    """Whether the subject of the sentence's main verb is the chain's last source."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    words = " ".join(t.text for t in subject.subtree).strip()
    return _bare_name(words) == _bare_name(source) or bool(
        _THE_STATE.match(words) and _THE_STATE.match(source.strip()))


def _bare_name(name: str) -> str:
    return re.sub(r"(?i)^the\s+", "", name.strip()).casefold()


def find_attributions(doc: Any, outlet: str | None = None) -> list[Attribution]:
    """Find the attributions of a parsed (normalized) text; offsets index ``doc.text``.

    ``outlet`` is the article's own outlet, if known: "told Reuters" in a Reuters article is
    the speaker alone. See the module docstring for the rules.
    """
    starts = _paragraph_starts(doc.text)
    # in the state's own media "he said" is the state speaking, not a person to name
    own_media = outlet is not None and load_outlets().kind(outlet) == "state_media"
    out: list[Attribution] = []
    history: _History = []
    open_: _Open | None = None
    people: PersonResolver | None = None
    for index, sent in enumerate(doc.sents):
        paragraph = _paragraph_of(starts, sent.start_char)
        found = _sentence_cues(sent, outlet)
        if people is None and not own_media and any(
                (c.anaphor or "").casefold() in ("he", "she") for c in found):
            people = PersonResolver(doc)
        cues = [c for c in (_resolve(c, history, index, None if own_media else sent, people)
                            for c in found) if c is not None]
        main = _main_cue(cues)
        out.extend(_clause_attributions(cues, main))
        if open_ is not None and (main is None or not main.named) and _continues(
                open_, sent, paragraph):
            open_.end, open_.continued = sent.end_char, True
            open_.hedged = open_.hedged or main is not None
            open_.paragraph = paragraph
            continue
        if open_ is not None:
            out.append(open_.close())
            open_ = None
        if main is not None:
            open_ = _Open(main, main.end, paragraph, main.hedged)
            if main.named:
                history.append((index, main.chain, main.head))
    if open_ is not None:
        out.append(open_.close())
    out = _within_cited(out)
    if not own_media:
        out = _full_person_names(out, doc, people)
    out = [replace(a, chain=_outlet_sources(a.chain, outlet)) for a in out]
    out = [a for a in (_not_own(a, outlet) for a in out) if a is not None]
    out.extend(_learned_leads(doc, out, outlet))
    return sorted(out, key=lambda a: (a.start, -a.end))



_SURNAME = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.? )?(?P<name>[A-Z][a-z]+)")


def _full_person_names(found: list[Attribution], doc: Any,
                       people: PersonResolver | None) -> list[Attribution]:
    """ "Han said" after "Rep. Han Seung-chul": a source named by one word (with or without
    a title) is the person the text named in full before it."""
    out: list[Attribution] = []
    for att in found:
        chain = list(att.chain)
        for i, link in enumerate(chain):
            m = _SURNAME.fullmatch(link)
            if m is None or load_outlets().canonical(link):
                continue
            people = people or PersonResolver(doc)
            chain[i] = people.full_name(m["name"], att.start) or link
        out.append(replace(att, chain=tuple(chain)) if tuple(chain) != att.chain else att)
    return out


def _within_cited(found: list[Attribution]) -> list[Attribution]:
    """ "Yonhap reported, citing unnamed sources who said the planes picked up supplies":
    the cited sources' own "said" inside the chain that cites them tells them through it
    (Yonhap <- unnamed sources), not alone."""
    out = []
    for att in found:
        outer = next((o for o in found if o is not att and len(o.chain) > len(att.chain)
                      and o.start <= att.start and att.end <= o.end
                      and o.chain[-len(att.chain):] == att.chain), None)
        out.append(att if outer is None else replace(att, chain=outer.chain))
    return out


def _not_own(att: Attribution, outlet: str | None) -> Attribution | None:
    """ "Daily NK reported at the time" in Daily NK itself: the outlet is no source of its
    own article; what it cited stays, and with nothing cited the article tells it."""
    if not (att.chain and outlet and is_own_outlet(att.chain[0], outlet)):
        return att
    return replace(att, chain=att.chain[1:]) if len(att.chain) > 1 else None


_INFORMANT = re.compile(r"\b(?:sources?|residents?|partners?|informants?|contacts?)\b", re.I)


def _learned_leads(doc: Any, found: list[Attribution], outlet: str | None) -> list[Attribution]:
    """ "..., Daily NK has learned.": a sentence the article's own outlet says it has
    learned is told by the informant the article goes on to cite (the first chain after
    it whose origin is a source, resident or reporting partner)."""
    if not outlet:
        return []
    learned = re.compile(rf"\b{re.escape(outlet)}\s+(?:has|have)\s+learned\b", re.I)
    out = []
    for sent in doc.sents:
        cue = learned.search(sent.text)
        if cue is None or any(a.start <= sent.start_char < a.end and a.chain for a in found):
            continue
        later = [a for a in found if a.start >= sent.end_char and a.chain
                 and _INFORMANT.search(a.chain[-1])]
        if later:
            origin = min(later, key=lambda a: a.start)
            start = sent.start_char + cue.start()
            out.append(Attribution(origin.chain, sent.start_char, sent.end_char, start,
                                   sent.start_char + cue.end(), False,
                                   "learned: told by the informant the article cites next"))
    return out


_OUTLET_SOURCE = re.compile(
    r"^(?:(?P<det>an?|the|one|two|three|several|many)\s+)?(?P<outlet>.+?)\s+"
    r"(?P<who>sources?|informants?|contacts?|correspondents?|reporters?)\b(?P<rest>.*)$",
    re.IGNORECASE)


def _outlet_sources(chain: tuple[str, ...], outlet: str | None) -> tuple[str, ...]:
    """"a Daily NK source in Ryanggang Province" is the outlet's source: the chain runs
    ("Daily NK", "a source in Ryanggang Province"), or from the source alone in that
    outlet's own article."""
    out: list[str] = []
    for link in chain:
        m = _OUTLET_SOURCE.match(link)
        known = load_outlets().canonical(m["outlet"]) if m else None
        if m is None or known is None:
            out.append(link)
            continue
        det = m["det"] or ("" if m["who"].lower().endswith("s") else "a")
        if not is_own_outlet(known, outlet) and (not out or out[-1] != known):
            out.append(known)
        out.append(f"{det} {m['who']}{m['rest']}".strip())
    return tuple(out)


def _clause_attributions(cues: Iterable[_Cue], main: _Cue | None) -> Iterator[Attribution]:
    for cue in cues:
        if cue is main or cue.sentence_level or not cue.named:
            continue
        yield Attribution(cue.chain, cue.start, cue.end, cue.cue_start, cue.cue_end, False,
                          cue.reason)


def attribution_for(attributions: Iterable[Attribution], start: int, end: int
                    ) -> Attribution | None:
    """The attribution covering ``[start, end)``: of those that cover at least
    ``COVER_SHARE`` of it, the innermost (shortest); None when none does."""
    size = max(end - start, 1)
    best: Attribution | None = None
    for att in attributions:
        covered = min(end, att.end) - max(start, att.start)
        if covered / size < COVER_SHARE:
            continue
        if best is None or att.end - att.start < best.end - best.start:
            best = att
    return best
