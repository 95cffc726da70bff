"""The error hierarchy.

Every error names the bad value and, where there are any, the valid choices.
"""

from __future__ import annotations


class KoreaWatchError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = 1


class UsageError(KoreaWatchError):
    """A bad argument or setting value given by the user."""

    exit_code = 2


class BadInputError(KoreaWatchError):
    """An input item that cannot be read as an article (empty, binary, malformed...)."""


class FetchError(KoreaWatchError):
    """A URL could not be fetched (network error, HTTP error, robots.txt refusal)."""


class StoreError(KoreaWatchError):
    """The store cannot be opened or is in an unexpected state."""


class NotFoundError(KoreaWatchError):
    """A requested record (article, event...) does not exist."""

    exit_code = 3


class ModelNotInstalledError(KoreaWatchError):
    """The English spaCy model is not installed."""
