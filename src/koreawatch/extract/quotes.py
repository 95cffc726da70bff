"""Direct quotations: the quoted words, who said them, and the outlets they came through.

Works on the spaCy ``Doc`` of the normalized text (straight quotes only) and reports
offsets into ``doc.text``.

Quotation spans (``find_quote_spans``, text only):

1. Double quotes pair up within a paragraph; a mark is an opener or a closer by the
   characters around it. Single quotes (British style) pair up the same way outside
   double-quoted spans; an apostrophe inside a word is neither.
2. A quotation that is still open at the end of its paragraph ends there (a quotation
   that runs over several paragraphs re-opens each paragraph): one span per paragraph.
   An open single quote counts only when its paragraph or the next one starts with it.
3. An opener met while a quotation is open closes it (a missing closing mark); the span
   is cut before a trailing ", he said" if there is one.
4. Kept: at least 6 words, not nested in a longer quotation, and not a title (right
   after "entitled", "the decision" and the like).

Speaker rules, in priority order (``FoundQuote.reason`` names the rule that fired):

1. ``clause``: the speech verb whose clause contains the quotation ("X said that ... '...'").
2. ``adjacent``: a speech verb right before or after the marks ('"...," X said', 'said X').
3. ``sentence``: the subject of another speech verb in the same sentence.
4. ``according``: "according to X" in the same sentence.
5. ``colon``: the preceding sentence ends with a colon and has a speech verb with a subject.
6. ``continued``: no attribution of its own: the speaker of the previous quotation in the
   same paragraph or the two before it.
7. ``unattributed``: "source".

A pronoun subject is resolved: "he"/"she"/"they" to the last person mentioned (a PERSON
entity or a subject noun such as "one defector"; not a town the model took for a person),
"it" to the last body that spoke. A surname is expanded to the full name of its last
mention, of the pronoun's or title's sex first ("Ms Kim" after "Kim Ye-jin ... her" and
"Kim Jong Un"). An unnamed person ("a resident", "the trader", "one official") is
"source", as the spec asks; a title that may stand for someone the reader knows keeps its
words ("Foreign Ministry spokesman", "the president").

Via: outlets named in the sentence ("told PRI", "per Reuters", "according to X" when X
is not the speaker, "in an interview with CNN", "speaking to CNN", "carried by",
"published by", an outlet's "X reported" around another speaker's verb, "a Daily NK
source"); else the via of the previous quotation by the same speaker when no other
speaker came in between; else (). Affiliation: an organization or title in the
speaker's apposition, "of"-phrase or title before the name, at its first mention.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from koreawatch.errors import KoreaWatchError
from koreawatch.extract.outlets import is_own_outlet, load_outlets, normalize_source
from koreawatch.extract.places import load_gazetteer
from koreawatch.extract.quote_spans import find_quote_spans, paragraphs, word_count

log = logging.getLogger(__name__)

DATA_FILE = "speech_verbs.json"
MIN_WORDS = 6
CONTINUE_PARAGRAPHS = 2
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her"}
_HONORIFICS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "the", "a", "an"}
_DETERMINERS = {"the", "a", "an", "one", "another", "this", "that", "some", "its", "their"}
_SUBJ = {"nsubj", "nsubjpass"}
_VIA_BY_HEADS = {"carry", "publish", "quote", "cite", "air", "broadcast", "report", "release"}


class QuoteDataError(KoreaWatchError):
    """The speech-verb lexicon is missing or malformed."""


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/speech_verbs.json`` (see its ``_about``)."""

    speech_verbs: frozenset[str]
    person_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    title_cues: frozenset[str]


@dataclass(frozen=True)
class FoundQuote:
    """One quotation found in a Doc.

    ``start``/``end`` delimit the quoted words inside the marks, as offsets into
    ``doc.text`` (the normalized text). ``speaker`` is a person's or body's name, a noun
    phrase for an unnamed speaker, or "source"; ``affiliation`` the organization or title
    that goes with the speaker; ``via`` the outlets the quote came through (() when the
    article quotes directly); ``reason`` the rule that chose the speaker.
    """

    start: int
    end: int
    speaker: str
    affiliation: str | None
    via: tuple[str, ...]
    reason: str


# --------------------------------------------------------------------------- the lexicon


def parse_lexicon(data: Any) -> Lexicon:
    """Validate the lexicon's JSON and build a :class:`Lexicon`."""
    keys = ("speech_verbs", "person_nouns", "outlet_nouns", "title_cues")
    if not isinstance(data, dict):
        raise QuoteDataError(f"{DATA_FILE}: expected an object with keys {keys}")
    lists: dict[str, frozenset[str]] = {}
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise QuoteDataError(f"{DATA_FILE}: {key!r} must be a list of words, got {value!r}")
        lists[key] = frozenset(w.lower() for w in value)
    return Lexicon(**lists)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load (once) and validate the package's speech-verb lexicon."""
    ref = resources.files("koreawatch").joinpath("data", DATA_FILE)
    try:
        with ref.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise QuoteDataError(f"cannot read {DATA_FILE}: {exc}") from exc
    return parse_lexicon(data)


def _strip_outlet(name: str) -> str:
    """An unknown outlet's name without articles or a "web site" tail; a parenthesized
    acronym ("... (KCNA)") stands for the whole name."""
    acronym = re.search(r"\(([A-Z][A-Za-z]{1,7})\)?$", name)
    if acronym:
        return acronym.group(1)
    name = re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+(web\s?site|website|news site)$", "", name, flags=re.IGNORECASE)


_OUTLET_EPITHETS = re.compile(
    r"^(?:the\s+)?(?:(?:official|state-run|state|government-run|north\s+korean|"
    r"south\s+korean|chinese|russian|japanese|pyongyang's|north's)\s+)+", re.IGNORECASE)


def normalize_outlet(name: str) -> str:
    """An outlet's common short press name ("Korean Central News Agency (KCNA)" -> "KCNA",
    "the official Korean Central News Agency" -> "KCNA")."""
    if load_outlets().get(name) is None:
        bare = _OUTLET_EPITHETS.sub("", name.strip())
        if bare != name and load_outlets().get(bare) is not None:
            name = bare
    known = load_outlets().get(name) is not None
    return normalize_source(name if known else _strip_outlet(name))


def _is_title(text: str, start: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 30) : max(0, start - 1)].rstrip()
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and before[-1:].isalpha() and words[-1].lower() in lex.title_cues


# --------------------------------------------------------------------------- the Doc side


@dataclass(frozen=True, order=True)
class _Mention:
    """A name in the text that a later pronoun may stand for."""

    pos: int
    name: str
    person: bool
    subject: bool
    plural: bool
    main: bool = False  # the subject of its sentence's main verb


@dataclass
class _State:
    """What one pass over a Doc has learnt so far (mentions, genders, the last outlet)."""

    doc: Any
    lex: Lexicon
    skip: set[int]
    own_outlet: str | None
    mentions: list[_Mention]
    gender: dict[str, str]
    affiliation: dict[str, str]
    last_outlet: str | None = None


def _ent_of(tok: Any) -> Any:
    if not tok.ent_type_:
        return None
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def _clean(name: str) -> str:
    name = re.split(r"\s+[-\u2013\u2014]\s+", name.strip())[0]  # "Kim - not her real name"
    name = re.sub(r"'s$|'$", "", name.strip().strip(",.:;\"' "))
    words = name.split()
    while words and words[0].lower() in _DETERMINERS | _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _phrase(tok: Any) -> str:
    """The noun phrase headed by ``tok``: its left modifiers and a trailing "(ACRONYM)"."""
    doc, right = tok.doc, tok.i
    if right + 3 < len(doc) and doc[right + 1].text == "(" and doc[right + 3].text == ")":
        right += 3
    return _clean(doc[tok.left_edge.i : right + 1].text)


def _person_in(tok: Any) -> Any:
    """A PERSON entity that is ``tok`` or its apposition ("one attendee, Han Bong-hee")."""
    for cand in (tok, *[c for c in tok.children if c.dep_ == "appos"]):
        ent = _ent_of(cand)
        if ent is not None and ent.label_ == "PERSON":
            return ent
    return None


# nouns for people the article does not name ("a resident of Hyesan told RFA"); titles
# ("spokesman", "president", "minister") are not among them
_UNNAMED_PEOPLE = frozenset({
    "source", "resident", "trader", "merchant", "smuggler", "official", "officer", "defector",
    "worker", "farmer", "student", "soldier", "woman", "man", "person", "refugee", "insider",
    "informant", "witness", "driver", "broker", "forwarder", "villager", "diplomat", "doctor",
    "nurse", "pastor", "missionary", "guard", "teacher", "businessman", "businesswoman",
    "employee", "engineer", "fisherman", "tourist", "traveller", "traveler", "passenger",
    "participant"})


def _is_outlet(tok: Any, lex: Lexicon) -> bool:
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return False
    if load_outlets().canonical(tok.text) is not None:
        return True  # "told Yonhap", whatever entity the model took it for (a PERSON)
    ent = _ent_of(tok)
    if ent is not None:
        return ent.label_ in ("ORG", "NORP", "WORK_OF_ART", "FAC", "PRODUCT")
    return tok.pos_ == "PROPN" or bool({tok.lower_, tok.lemma_.lower()} & lex.outlet_nouns)


def _is_subject(tok: Any) -> bool:
    return tok.dep_ in _SUBJ or (tok.dep_ in ("appos", "compound") and tok.head.dep_ in _SUBJ)


def _is_main_subject(tok: Any) -> bool:
    """Whether ``tok`` is (in) the subject of its sentence's main verb, not of a relative or
    other subordinate clause ("Town took note of a speech Kim delivered": Town)."""
    if tok.dep_ in ("appos", "compound"):
        tok = tok.head
    return tok.dep_ in _SUBJ and tok.head.dep_ == "ROOT"


_TITLE_SEX = {"ms": "f", "mrs": "f", "miss": "f", "madam": "f", "mr": "m", "sir": "m"}


def _own_pronoun_sex(ent: Any) -> str | None:
    """The sex of a person whose own clause refers back to them with "his" or "her"
    ("Kim Jong-un had shown through his actions"), or the main clause after theirs when
    they are the only person the sentence names ("When Kim Ye-jin was 16, her teachers
    ...")."""
    verb = ent.root.head
    if ent.root.dep_ not in _SUBJ:
        return None
    if verb.dep_ == "advcl" and sum(e.label_ == "PERSON" for e in ent.sent.ents) == 1:
        verb = verb.head
    words = {t.lower_ for t in verb.subtree if t.i >= ent.end}
    if words & {"his", "himself"} and not words & {"her", "herself"}:
        return "m"
    if words & {"her", "herself"} and not words & {"his", "himself"}:
        return "f"
    return None


def _places_as_people(doc: Any) -> set[int]:
    """Where the model tagged a place as a person: a one-word name the gazetteer knows
    ("the outskirts of Hyesan, ..., he said": Hyesan says nothing), unless it is a word of
    a longer person's name in the text ("Chung Eui-yong ... Chung said")."""
    gazetteer = load_gazetteer()
    words = {w.lower() for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
             for w in (e[0].text, e[-1].text)}
    return {e.start for e in doc.ents if e.label_ == "PERSON" and len(e) == 1
            and e.text.lower() not in words and gazetteer.lookup(e.text)}


def _collect_mentions(st: _State) -> None:
    """PERSON entities and person-noun subjects (for "he"/"she"), bodies that speak ("it")."""
    places = _places_as_people(st.doc)
    for ent in st.doc.ents:
        if ent.label_ == "PERSON" and ent.start not in st.skip and ent.start not in places:
            # a full name opening its sentence is its subject, however the parser hangs it
            # ("Lee Soon-ok, not her real name, escaped"), unless it owns ("Kim's husband")
            opens = ent.start == ent.sent.start and len(ent) > 1 and not (
                ent.end < len(st.doc) and st.doc[ent.end].tag_ == "POS")
            mention = _Mention(ent.start, _clean(ent.text), True,
                               _is_subject(ent.root) or opens, False,
                               _is_main_subject(ent.root) or opens)
            st.mentions.append(mention)
            title = st.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            sex = _TITLE_SEX.get(title) or _TITLE_SEX.get(ent[0].lower_.rstrip(".")) \
                or _own_pronoun_sex(ent)  # "Ms Haley", "Kim ... his"
            if sex:
                holders = _full_names(mention.name, ent.start, st)
                if len(holders) <= 1:  # (with two Kims named, "Ms Kim" tells neither's sex)
                    st.gender.setdefault(holders[0] if holders else mention.name, sex)
                st.gender.setdefault(mention.name, sex)
    named = [m for m in st.mentions if " " in m.name]
    for tok in st.doc:
        if tok.dep_ not in _SUBJ or tok.i in st.skip or tok.lower_ in _PRONOUNS:
            continue
        full = next((m.name for m in reversed(named)  # "Park still speaks" after "Park
                     if m.pos < tok.i and tok.text in m.name.split()),  # Jin-su": a name
                    None) if tok.pos_ == "PROPN" and not tok.ent_type_ else None  # the model
        if full:  # tagged as nothing
            st.mentions.append(_Mention(tok.i, full, True, True, False, _is_main_subject(tok)))
            continue
        if _person_in(tok) is not None:
            continue
        plural = tok.tag_ in ("NNS", "NNPS")
        if tok.lemma_.lower() in st.lex.person_nouns:
            st.mentions.append(_Mention(tok.i, _phrase(tok), True, True, plural,
                                        _is_main_subject(tok)))
        elif tok.head.lemma_.lower() in st.lex.speech_verbs:
            st.mentions.append(_Mention(tok.i, _phrase(tok), False, True, plural,
                                        _is_main_subject(tok)))
    st.mentions.sort()


def _antecedent(tok: Any, st: _State) -> tuple[str, int] | None:
    """The name a pronoun stands for and the token where it was last named."""
    low = tok.lower_
    want_person = low not in ("it", "its")  # "its ministry said": a body
    sex = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(low)
    fits = [m for m in st.mentions if m.pos < tok.i and m.person == want_person
            and not (sex and (m.plural or st.gender.get(m.name, sex) != sex))]
    best = next((m for m in reversed(fits) if m.subject), fits[-1] if fits else None)
    if best is None:
        return None
    sentence = st.doc[best.pos].sent  # in an earlier sentence, its main subject before a
    if sentence.start != tok.sent.start:  # subordinate one; in the pronoun's own, the nearest
        best = next((m for m in fits if m.main and sentence.start <= m.pos < sentence.end),
                    best)
    name = _expand(best.name, best.pos + 1, st, sex or st.gender.get(best.name))
    if sex:
        st.gender.setdefault(name, sex)
    return name, best.pos


def _resolve_pronoun(tok: Any, st: _State) -> str | None:
    found = _antecedent(tok, st)
    return found[0] if found else None


def _new_state(doc: Any, own_outlet: str | None = None) -> tuple[_State, list[tuple[
        int, int, bool, int, int]]]:
    """A pass's state with the names outside long quotations collected, and the quotation
    spans as (start, end, long, first token, end token)."""
    lex = load_lexicon()
    spans = [(s, e, long, *_token_range(doc, s, e)) for s, e, long in _spans(doc, lex)]
    st = _State(doc, lex, set(), own_outlet, [], {}, {})
    for _, _, long, t0, t1 in spans:
        if long:
            st.skip.update(range(t0, t1))
    _collect_mentions(st)
    return st, spans


class PersonResolver:
    """Who "he" or "she" stands for, by the rules that resolve a quotation's speaker (the
    last person named outside quotation marks whose sex does not contradict the pronoun),
    for other components (attribution's "she told NPR")."""

    def __init__(self, doc: Any) -> None:
        self._state, _ = _new_state(doc)

    def person(self, pronoun: Any) -> tuple[str, int] | None:
        """The name ``pronoun`` (a token) stands for and the character offset where the
        text named that person, or None."""
        found = _antecedent(pronoun, self._state)
        if found is None:
            return None
        return found[0], self._state.doc[found[1]].idx

    def full_name(self, name: str, before: int) -> str | None:
        """The full name of the person last named before character ``before`` whose name
        holds the one word ``name`` ("Han" after "Rep. Han Seung-chul"), or None."""
        doc = self._state.doc
        position = next((t.i for t in doc if t.idx >= before), len(doc))
        full = _full_names(name, position, self._state)
        return full[0] if full else None


def _titled(tok: Any, st: _State) -> str | None:
    """The person the text named earlier with this title of two words or more right before
    the name ("North Korean leader Kim Jong Un" for a later "the North Korean leader")."""
    words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
    if len(words) < 2:
        return None  # "the president" alone could be anyone's
    for m in reversed(st.mentions):
        before = [t.lower_ for t in st.doc[max(0, m.pos - len(words)):m.pos]]
        if m.person and " " in m.name and m.pos < tok.i and before == words:
            return m.name
    return None


def _expand(name: str, before: int, st: _State, sex: str | None = None) -> str:
    """A one-word name ("Park") becomes the full name of its last full mention; of a person
    known to be of ``sex`` first ("Ms Kim ... she" after "Kim Ye-jin ... her" and "Kim Jong
    Un": Kim Ye-jin)."""
    if " " in name:
        return name
    full = _full_names(name, before, st)
    same_sex = [n for n in full if sex and st.gender.get(n) == sex]
    return (same_sex or full or [name])[0]


def _full_names(name: str, before: int, st: _State) -> list[str]:
    """The full names, latest first, of the people named before ``before`` that hold the
    one-word ``name``."""
    return list(dict.fromkeys(m.name for m in reversed(st.mentions) if m.person
                              and m.pos < before and " " in m.name and name in m.name.split()))


def _quoting(verb: Any) -> Any:
    """ "KCNA quoted Kim as saying": the verb "quoted" above "saying", else None."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_.lower() == "quote":
        return head.head
    return None


def _subject(verb: Any, depth: int = 0) -> Any:
    quoting = _quoting(verb)
    if quoting is not None:  # "KCNA quoted Kim as saying": Kim says it
        return next((c for c in quoting.children if c.dep_ == "dobj"), None)
    for child in verb.children:
        if child.dep_ == "nsubj":  # a passive subject ("dozens ... were found") is no speaker
            return child
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return _subject(verb.head, depth + 1)
    return None


def _affiliation(tok: Any, ent: Any, st: _State) -> str | None:
    """An ORG or title in the apposition, an "of" phrase or the words before the name."""
    head = ent.root if ent is not None else tok
    for child in head.children:
        if child.dep_ == "appos" and child.i not in st.skip:
            orgs = [e for e in st.doc.ents if e.label_ == "ORG"
                    and child.left_edge.i <= e.start < child.right_edge.i + 1]
            return _clean(orgs[0].text) if orgs else _phrase(child)
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
    if ent is not None and head.left_edge.i < ent.start:
        return _clean(st.doc[head.left_edge.i : ent.start].text) or None
    orgs = [c for c in tok.children if c.dep_ == "compound" and _is_outlet(c, st.lex)]
    return _phrase(orgs[0]) if orgs else None


def _speaker(tok: Any, st: _State) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(speaker, affiliation, via from the phrase) for a subject token."""
    if tok.lower_ in _PRONOUNS:
        name = _resolve_pronoun(tok, st)
        affiliation = st.affiliation.get(name or "")
        if name and name == name.lower() and name.split()[-1] in _UNNAMED_PEOPLE:
            name = "source"  # "A police officer in Tumen told CNN ... 'We ...,' he said"
        return name, affiliation, ()
    ent = _person_in(tok)
    if ent is not None:
        name = _expand(_clean(ent.text), ent.start, st)
    else:
        name = _phrase(tok)
        lemma = tok.lemma_.lower()
        has_proper = any(t.pos_ == "PROPN" for t in tok.subtree)
        if lemma in st.lex.outlet_nouns and not has_proper and st.last_outlet:
            name = st.last_outlet
        elif lemma in st.lex.person_nouns and not has_proper:
            name = _titled(tok, st) or name  # "the North Korean leader": Kim Jong Un
        if name == _phrase(tok) and lemma in _UNNAMED_PEOPLE:
            name = "source"  # "a resident of Hoeryong", "the trader": unnamed (spec)
    affiliation = _affiliation(tok, ent, st)
    if name and affiliation:
        st.affiliation.setdefault(name, affiliation)
    via: tuple[str, ...] = ()
    if tok.lemma_.lower() == "source":
        name = "source"
        outlets = [c for c in tok.children if c.dep_ == "compound" and _is_outlet(c, st.lex)]
        via = (normalize_outlet(_phrase(outlets[0])),) if outlets else ()
    return name or None, st.affiliation.get(name or "", affiliation), via


def _pobj(tok: Any) -> Any:
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def _cue_object(tok: Any, lex: Lexicon) -> tuple[Any, bool] | None:
    """The named thing of a via cue at ``tok`` and whether it must look like an outlet."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in ("per", "via") and tok.dep_ == "prep":
        return (_pobj(tok), False) if _pobj(tok) is not None else None
    if low == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        return (_pobj(to), False) if to is not None and _pobj(to) is not None else None
    if lemma in ("tell", "speak", "talk"):
        for child in tok.children:
            if child.dep_ in ("dobj", "dative"):
                return child, True
            if child.dep_ == "prep" and child.lower_ in ("to", "with") and _pobj(child):
                return _pobj(child), True
    if low == "with" and tok.head.lemma_.lower() == "interview" and _pobj(tok) is not None:
        return _pobj(tok), True
    if low == "on" and tok.head.lemma_.lower() in lex.speech_verbs and _pobj(tok) is not None:
        show = _pobj(tok)  # "said on CBS's 'Face the Nation'", "said on Fox News Radio"
        named = [*(c for c in show.children if c.dep_ in ("poss", "compound", "nmod")), show]
        outlet = next((t for t in named if _is_outlet(t, lex)), None)
        return (outlet, True) if outlet is not None else None
    if low in ("by", "through") and tok.head.lemma_.lower() in _VIA_BY_HEADS \
            and _pobj(tok) is not None:
        return _pobj(tok), True  # "a statement carried by KCNA", "released through KCNA"
    return None


def _via_cues(a: int, b: int, st: _State, verb: Any, speaker: str) -> tuple[str, ...]:
    """Outlets named by via cues in tokens ``a``..``b`` (not the speaker itself)."""
    found: list[str] = []
    for tok in st.doc[a:b]:
        if tok.i in st.skip:
            continue
        cue = _cue_object(tok, st.lex)
        if cue is None and tok.i != verb.i and tok.lemma_.lower() in st.lex.speech_verbs:
            subj = _subject(tok)
            if subj is not None and subj.i not in st.skip and _person_in(subj) is None:
                cue = (subj, True)
        if cue is None or cue[0] is None or cue[0].lower_ in _PRONOUNS \
                or cue[0].lemma_.lower() in _UNNAMED_PEOPLE:
            continue  # "a resident told RFA": a person, not an outlet
        obj, need_outlet = cue
        if _outlet_anaphor(obj, st.lex):  # "told the outlet": the outlet the text last named
            name = st.last_outlet or _last_outlet_before(st.doc, obj.i) or ""
            if name and name.lower() != speaker.lower() and name not in found:
                found.append(name)
            continue
        if need_outlet and not _is_outlet(obj, st.lex):
            continue
        ent = _person_in(obj)
        name = _clean(ent.text) if ent is not None else normalize_outlet(_phrase(obj))
        if name and name.lower() != speaker.lower() and name not in found:
            found.append(name)
    return tuple(found[:2])


def _outlet_anaphor(tok: Any, lex: Lexicon) -> bool:
    """ "the outlet", "the newspaper": a definite outlet noun with no name of its own."""
    return tok.lemma_.lower() in lex.outlet_nouns and not any(
        t.pos_ == "PROPN" for t in tok.subtree) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _last_outlet_before(doc: Any, i: int) -> str | None:
    """The known outlet the text names last before token ``i``."""
    outlets = load_outlets()
    for ent in reversed([e for e in doc.ents if e.end <= i]):
        known = outlets.canonical(ent.text)
        if known:
            return known
    return None


def _token_range(doc: Any, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def _context(doc: Any, t0: int, t1: int, para: tuple[int, int]) -> tuple[int, int]:
    """Token range of the sentences around the quote, kept inside its paragraph."""
    first, last = doc[t0].sent, doc[max(t0, t1 - 1)].sent
    a, b = first.start, last.end
    text = doc.text
    after = text[doc[t1 - 1].idx + len(doc[t1 - 1]) : para[1]] if t1 > t0 else ""
    if re.match(r"^\W*\s*[a-z]", after) and b < len(doc):
        b = doc[b].sent.end
    before = text[para[0] : doc[t0].idx].rstrip(" \"'")
    if before.endswith((":", ",")) and a > 0:
        a = doc[a - 1].sent.start
    lo = next((t.i for t in doc[a:b] if t.idx >= para[0]), a)
    hi = next((t.i for t in doc[a:b] if t.idx >= para[1]), b)
    return lo, hi


def _verbs(t0: int, t1: int, a: int, b: int, st: _State) -> list[tuple[str, Any]]:
    """Speech verbs around the quote, best first, each with the rule it would fire."""
    cands = [t for t in st.doc[a:b] if t.i not in st.skip
             and t.lemma_.lower() in st.lex.speech_verbs and t.pos_ in ("VERB", "AUX")]
    containing = [v for v in cands if v.left_edge.i <= t0 <= v.right_edge.i]
    containing.sort(key=lambda v: -len(list(v.ancestors)))
    rest = sorted((v for v in cands if v not in containing),
                  key=lambda v: min(abs(v.i - t0), abs(v.i - t1)))
    ranked = [("clause", v) for v in containing]
    for v in rest:
        near = v.i in range(t1, t1 + 4) or v.i in range(t0 - 4, t0)
        ranked.append(("adjacent" if near else "sentence", v))
    return ranked


def _attribute(t0: int, t1: int, a: int, b: int, st: _State) -> FoundQuote | None:
    """Speaker, affiliation and via from the quote's own sentence (rules 1-4); None if none."""
    for reason, verb in _verbs(t0, t1, a, b, st):
        subj = _subject(verb)
        if subj is None or subj.i in st.skip:
            continue
        name, affiliation, via = _speaker(subj, st)
        if not name:
            continue
        quoting = _quoting(verb)
        teller = _subject(quoting) if quoting is not None else None
        if teller is not None and _is_outlet(teller, st.lex):  # "KCNA quoted Kim as saying"
            via = via or (normalize_outlet(_phrase(teller)),)
        via = via or _via_cues(a, b, st, verb, name)
        return FoundQuote(0, 0, name, affiliation, via, reason)
    for tok in st.doc[a:b]:
        if tok.lower_ == "according" and tok.i not in st.skip:
            cue = _cue_object(tok, st.lex)
            if cue is not None and cue[0] is not None:
                name, affiliation, _ = _speaker(cue[0], st)
                if name:
                    return FoundQuote(0, 0, name, affiliation, (), "according")
    return None


def _colon_intro(t0: int, para: tuple[int, int], st: _State) -> FoundQuote | None:
    """Rule 5: the sentence before the quote ends with a colon and names a speaker."""
    doc = st.doc
    sent = doc[t0].sent
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    if prev is None or not prev.text.rstrip().endswith(":") or prev.end_char > para[0] + 1:
        return None
    found = _attribute(prev.end - 1, prev.end, prev.start, prev.end, st)
    if found is None:
        return None
    return FoundQuote(0, 0, found.speaker, found.affiliation, found.via, "colon")


def _cut_tail(doc: Any, start: int, end: int, lex: Lexicon) -> int:
    """Rule 3: end a quote with a missing closing mark before its ", he said" tail."""
    t0, t1 = _token_range(doc, start, end)
    for tok in doc[t0:t1]:
        if tok.lemma_.lower() in lex.speech_verbs and tok.pos_ == "VERB":
            commas = [t for t in doc[max(t0, tok.i - 6) : tok.i] if t.text == ","]
            if commas:
                return commas[-1].idx + 1
    return end


def _spans(doc: Any, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """Rule 4 of the spans: (start, end, long enough); nested spans and titles dropped."""
    text, kept = doc.text, list[tuple[int, int, bool]]()
    for start, end, how in find_quote_spans(text):
        if how == "cut":
            end = _cut_tail(doc, start, end, lex)
        if _is_title(text, start, lex) or any(s <= start and end <= e for s, e, _ in kept):
            continue
        kept.append((start, end, word_count(text[start:end]) >= MIN_WORDS))
    return kept


def _is_fragment(text: str, start: int, para_start: int) -> bool:
    """A quote that starts in mid-sentence with a small letter ("... to "provide ...")."""
    before = text[para_start : max(para_start, start - 1)].rstrip()
    return text[start : start + 1].islower() and bool(before) and before[-1] not in ".!?:"


def _between(lo: int, hi: int, st: _State) -> tuple[FoundQuote, int] | None:
    """The last sentence between two quotes whose main verb is a speech verb or that names
    an outlet ("However, Lee said ...", "Speaking to CNN, Lee admitted"): its speaker,
    affiliation and via, and where it ends (a character offset)."""
    result = None
    for sent in sorted({t.sent for t in st.doc[lo:hi]}, key=lambda s: s.start):
        if sent.start < lo or sent.end > hi:
            continue
        root = sent.root
        subj = _subject(root)
        if subj is None or subj.i in st.skip:
            continue
        via = _via_cues(sent.start, sent.end, st, root, "")
        if via or root.lemma_.lower() in st.lex.speech_verbs:
            name, affiliation, own = _speaker(subj, st)
            if name:
                via = own or tuple(v for v in via if v.lower() != name.lower())
                if not via and result is not None and result[0].speaker == name:
                    via = result[0].via
                result = (FoundQuote(0, 0, name, affiliation, via, "between"), sent.end_char)
    return result


def _own(via: tuple[str, ...], own_outlet: str | None) -> tuple[str, ...]:
    if via and (is_own_outlet(via[0], own_outlet) or own_outlet is not None
                and via[0].lower() == normalize_outlet(own_outlet).lower()):
        return via[1:]
    return via


def find_quotes(doc: Any, own_outlet: str | None = None) -> list[FoundQuote]:
    """All quotations of at least 6 words in ``doc`` with speaker, affiliation and via.

    ``own_outlet`` is the article's outlet, if known: a quote given to it ("told CNN" in
    a CNN article) is direct, so that outlet is left out of ``via``.
    """
    st, spans = _new_state(doc, own_outlet)
    paras = paragraphs(doc.text)
    out: list[FoundQuote] = []
    last: tuple[int, FoundQuote] | None = None  # paragraph and attribution of the last quote
    carry: tuple[str, tuple[str, ...]] | None = None
    prev_end = 0
    for start, end, long, t0, t1 in spans:
        if t1 <= t0:
            continue
        n = next(i for i, (lo, hi) in enumerate(paras) if lo <= start <= hi)
        between = _between(prev_end, t0, st) if prev_end < t0 else None
        if between is not None:
            said, where = between
            via = _own(said.via, own_outlet) or (carry[1] if carry and carry[0] == said.speaker
                                                 else ())
            carry = (said.speaker, via)
            p = next(i for i, (lo, hi) in enumerate(paras) if lo <= where <= hi + 1)
            last = (p, replace(said, via=via))
        prev_end = max(prev_end, t1)
        a, b = _context(doc, t0, t1, paras[n])
        found = _attribute(t0, t1, a, b, st) or _colon_intro(t0, paras[n], st)
        if found is None and (not long or _is_fragment(doc.text, start, paras[n][0])):
            continue
        if found is None and last is not None and n - last[0] <= CONTINUE_PARAGRAPHS:
            found = replace(last[1], reason="continued")
        found = found or FoundQuote(0, 0, "source", None, (), "unattributed")
        via = _own(found.via, own_outlet)
        if not via and carry is not None and carry[0] == found.speaker:
            via = carry[1]
        carry, last = (found.speaker, via), (n, replace(found, via=via))
        st.last_outlet = via[0] if via else st.last_outlet
        if long:
            out.append(replace(found, start=start, end=end, via=via))
            log.debug("quote %d-%d: %s via %s (%s)", start, end, found.speaker, via, found.reason)
    return out
