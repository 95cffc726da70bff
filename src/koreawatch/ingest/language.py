"""Offline language identification with py3langid (its model ships in the package)."""

from __future__ import annotations

MIN_CHARS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    import py3langid

    sample = text[:1500]
    if len(sample.strip()) < MIN_CHARS:
        return None
    lang, _score = py3langid.classify(sample)
    return str(lang)
