"""Settings are data: one typed object, a default and a help line per setting.

Precedence, lowest first: the defaults below, a TOML file (``--config FILE`` or
``KOREAWATCH_CONFIG``; keys as named here, optionally under a ``[koreawatch]``
table), environment variables ``KOREAWATCH_<NAME>`` (upper case), and explicit
overrides passed by the CLI. ``docs/settings.md`` documents every setting; a test
fails when it misses one.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from koreawatch.errors import UsageError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


def default_db_url() -> str:
    """The SQLite file in the user's data directory (never inside the repository)."""
    data_dir = Path(platformdirs.user_data_dir("koreawatch", appauthor=False))
    return f"sqlite:///{data_dir / 'koreawatch.db'}"


@dataclass(frozen=True)
class Settings:
    """Every tunable value of Korea Watch."""

    db: str = _setting("", "SQLAlchemy URL of the store; empty means the SQLite file in the "
                           "user's data directory (e.g. ~/.local/share/koreawatch/koreawatch.db)")
    max_input_bytes: int = _setting(5_000_000, "largest input file or HTTP response accepted, "
                                               "in bytes; larger items are skipped with a reason")
    near_duplicate_threshold: float = _setting(0.7, "estimated Jaccard similarity of word "
                                                    "5-shingles above which a new article is "
                                                    "linked to an earlier one as a near-duplicate")
    batch_size: int = _setting(50, "articles written per transaction during an ingest")
    http_timeout: float = _setting(20.0, "seconds before an HTTP request times out")
    http_retries: int = _setting(3, "retries of a failed HTTP request (connection errors, "
                                    "429 and 5xx), with exponential backoff")
    http_backoff: float = _setting(1.0, "seconds before the first retry; doubles each retry")
    http_rate_limit: float = _setting(1.0, "minimum seconds between two requests to one host")
    user_agent: str = _setting("KoreaWatch/0.1 (+https://example.org/koreawatch; news research)",
                               "User-Agent header of every HTTP request")
    respect_robots: bool = _setting(True, "obey robots.txt before fetching a page")
    fetch_linked_pages: bool = _setting(True, "fetch the page of a feed entry that carries "
                                              "only a summary")
    offline: bool = _setting(False, "never use the network: URL sources are skipped and feed "
                                    "entries keep their summaries")
    incident_min_similarity: float = _setting(0.2, "least word overlap (Jaccard of content "
                                                   "words) of two event records from different "
                                                   "articles for them to be one incident, when "
                                                   "type, dates, places and actors agree")
    incident_max_gap_days: int = _setting(7, "two records with precise dates (a day or a "
                                             "week) are one incident only if their intervals "
                                             "overlap or lie at most this many days apart")
    status_stale_days: int = _setting(30, "days without fresh evidence after which a border "
                                          "status turns from known to stale")
    api_private_reads: bool = _setting(False, "API reads (GET) need a token too; writes "
                                              "always do")
    api_max_body_bytes: int = _setting(2_000_000, "largest API request body accepted, in "
                                                  "bytes; larger bodies get HTTP 413")
    status_unknown_days: int = _setting(90, "days without fresh evidence after which a border "
                                            "status turns unknown")

    def resolved_db(self) -> str:
        """The store URL to use."""
        return self.db or default_db_url()

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (values are converted and validated)."""
        return load_settings(base=self, environ={}, overrides=changes)


def setting_help() -> dict[str, tuple[Any, str]]:
    """Name → (default, help line) for every setting."""
    return {f.name: (f.default, f.metadata["help"]) for f in fields(Settings)}


def _convert(name: str, value: Any, target: Any) -> Any:
    kind = type(target)
    try:
        if kind is bool:
            if isinstance(value, str):
                low = value.strip().lower()
                if low not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                    raise ValueError(value)
                return low in {"1", "true", "yes", "on"}
            return bool(value)
        converted = kind(value)
    except (TypeError, ValueError):
        raise UsageError(
            f"setting {name!r}: {value!r} is not a valid {kind.__name__}"
        ) from None
    if kind in (int, float) and converted < 0:
        raise UsageError(f"setting {name!r}: {value!r} must not be negative")
    return converted


def load_settings(
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Build the settings from defaults, a TOML file, the environment and overrides."""
    base = base or Settings()
    values: dict[str, Any] = {}
    known = {f.name: getattr(base, f.name) for f in fields(Settings)}
    env = os.environ if environ is None else environ
    config_file = config_file or env.get("KOREAWATCH_CONFIG")
    if config_file:
        path = Path(config_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise UsageError(f"config file {str(path)!r} cannot be read: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"config file {str(path)!r} is not valid TOML: {exc}") from None
        data = data.get("koreawatch", data)
        for key, value in data.items():
            if key not in known:
                raise UsageError(
                    f"config file {str(path)!r}: unknown setting {key!r}; "
                    f"valid settings: {', '.join(sorted(known))}"
                )
            values[key] = value
    for name in known:
        env_value = env.get(f"KOREAWATCH_{name.upper()}")
        if env_value is not None:
            values[name] = env_value
    for key, value in (overrides or {}).items():
        if key not in known:
            raise UsageError(f"unknown setting {key!r}; valid settings: {', '.join(sorted(known))}")
        if value is not None:
            values[key] = value
    converted = {k: _convert(k, v, known[k]) for k, v in values.items()}
    return dataclasses.replace(base, **converted)
