"""Settings: config.toml, MOCKINT_<NAME> overrides on top, every value type-checked, bad ones one clear line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.config import Settings
from mockint.errors import UserError


def write_config(home, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text, encoding="utf-8")


def test_defaults_without_a_config_file():
    settings = Settings.load()
    assert settings.speech_rate == 170 and settings.end_silence_seconds == 2.5 and settings.voice is None


def test_the_environment_overrides_the_config_file(mockint_home, monkeypatch):
    write_config(mockint_home, 'speech_rate = 150\nvoice = "en-gb"\n')
    monkeypatch.setenv("MOCKINT_SPEECH_RATE", "200")
    monkeypatch.setenv("MOCKINT_END_SILENCE_SECONDS", "3.5")
    settings = Settings.load()
    assert (settings.speech_rate, settings.voice, settings.end_silence_seconds) == (200, "en-gb", 3.5)


@pytest.mark.parametrize("text, said", [
    ('speech_rate = "fast"\n', "speech_rate"),
    ("speech_rate = 5\n", "speech_rate"),
    ("end_silence_seconds = -1\n", "end_silence_seconds"),
    ("speach_rate = 150\n", "Unknown setting 'speach_rate'"),
    ("speech_rate = \n", "Cannot read the config file"),
])
def test_a_bad_setting_is_one_line_naming_it(mockint_home, text, said):
    write_config(mockint_home, text)
    with pytest.raises(UserError, match=said) as caught:
        Settings.load()
    assert "\n" not in str(caught.value)


def test_a_bad_environment_value_is_one_line_from_any_command(monkeypatch):
    monkeypatch.setenv("MOCKINT_LLM_THREADS", "many")
    result = CliRunner().invoke(cli, ["questions", "--role", "teacher", "--count", "1"])
    assert result.exit_code == 2
    assert result.output.startswith("mockint: The setting 'llm_threads'") and result.output.count("\n") == 1
