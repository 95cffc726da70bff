from __future__ import annotations

from pathlib import Path

import pytest

from koreawatch.errors import UsageError
from koreawatch.settings import Settings, load_settings, setting_help

DOCS = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def test_settings_defaults_without_sources() -> None:
    assert load_settings(environ={}) == Settings()


def test_settings_environment_overrides_file(tmp_path: Path) -> None:
    config = tmp_path / "kw.toml"
    config.write_text("[koreawatch]\nbatch_size = 7\nhttp_timeout = 3.5\n", encoding="utf-8")
    settings = load_settings(config_file=config, environ={"KOREAWATCH_BATCH_SIZE": "9"})
    assert settings.batch_size == 9
    assert settings.http_timeout == 3.5


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"KOREAWATCH_BATCH_SIZE": "many"}, "'many' is not a valid int"),
        ({"KOREAWATCH_OFFLINE": "perhaps"}, "'perhaps' is not a valid bool"),
        ({"KOREAWATCH_MAX_INPUT_BYTES": "-5"}, "must not be negative"),
    ],
)
def test_settings_bad_value_names_setting(environ: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        load_settings(environ=environ)


def test_settings_unknown_key_in_file_lists_valid_ones(tmp_path: Path) -> None:
    config = tmp_path / "kw.toml"
    config.write_text("bach_size = 3\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown setting 'bach_size'.*batch_size"):
        load_settings(config_file=config, environ={})


def test_settings_docs_list_every_setting() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    missing = [name for name in setting_help() if f"`{name}`" not in docs]
    assert not missing, f"docs/settings.md misses {missing}"
