"""Scope: which sentences of an article can hold events of interest.

Korea Watch records what happens in and around North Korea. An article about something
else that names North Korea once (a US campaign story with a line on Pyongyang) must not
turn its arrests and investigations into events. Rules, in order:

1. ``relevant``: an article that names neither North Korea, its state, nor a place on its
   border cannot hold an event of interest (the relevance pre-filter; it is not parsed);
2. ``focused``: the state's own media, an article whose title names North Korea (or,
   when it has no title, whose first three sentences do), or where at least a fifth of
   the sentences do: every sentence is in scope. A titled opinion piece on foreign policy
   that opens on Pyongyang and moves on to Japan in the 1930s is not about North Korea;
   its title says so;
3. ``passing``: otherwise only a sentence that names North Korea (or one of its places),
   and the sentence after it in the same paragraph, are in scope.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

NORTH_KOREA = re.compile(
    r"\b(north korean?s?|pyongyang|dprk|kim jong|kim yo[- ]jong|kim il[- ]sung|kcna|"
    r"korean peninsula|n\. ?korean?|north's|(?-i:[Tt]he North(?!\s+[A-Z]))|"
    r"korean central news|rodong sinmun|"
    r"wpk|workers' party of korea|korean people's army|supreme people's assembly|"
    r"yalu|tumen|amnok|tuman|sinuiju|hyesan|dandong|rason|"
    r"ryanggang|yanggang|hamgyong|hamkyong|jagang|chagang|kaesong|panmunjom)\b", re.I)
_LEAD_SENTENCES = 3
_FOCUS_SHARE = 0.2


def is_relevant(text: str, title: str | None = None) -> bool:
    """Rule 1: whether an article can hold an event of interest at all."""
    return bool(NORTH_KOREA.search(text[:20000]) or (title and NORTH_KOREA.search(title)))


def sentences_in_scope(
    text: str, sentences: Sequence[tuple[int, int]], place_offsets: Sequence[int] = (),
    title: str | None = None, own_media: bool = False,
) -> set[int] | None:
    """Start offsets of the sentences in scope (rules 2-3); None when all are.
    ``place_offsets`` are where the text names a North Korean place."""
    if own_media or (title and NORTH_KOREA.search(title)):
        return None
    naming = [bool(NORTH_KOREA.search(text[s:e])) or any(s <= p < e for p in place_offsets)
              for s, e in sentences]
    if (not title and any(naming[:_LEAD_SENTENCES])) \
            or sum(naming) >= _FOCUS_SHARE * max(1, len(naming)):
        return None
    keep: set[int] = set()
    for i, (start, _end) in enumerate(sentences):
        follows = i > 0 and naming[i - 1] and "\n\n" not in text[sentences[i - 1][1]:start + 1]
        if naming[i] or follows:
            keep.add(start)
    return keep
