"""Choosing a session's channel: spoken when asked for and possible, typed otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from mockint.channels.base import Channel
from mockint.channels.scripted import ScriptedChannel, split_answers
from mockint.channels.text import TextChannel
from mockint.channels.voice import VoiceChannel
from mockint.config import Settings
from mockint.domain import Mode
from mockint.engines import Engines
from mockint.errors import DeviceError, ModelError
from mockint.speech.base import LevelMeter


def default_mode(engines: Engines, settings: Settings, interactive: bool) -> Mode:
    """Voice when a person is at the keyboard and a microphone is there, else text."""
    return "voice" if interactive and engines.microphone_present(settings) else "text"


def open_channel(
    mode: Mode,
    engines: Engines,
    settings: Settings,
    audio_dir: Path,
    offer_text: Callable[[Exception], bool] | None = None,
    meter: LevelMeter | None = None,
    written_answers: str | None = None,
) -> Channel:
    """The channel for `mode`; when voice cannot work, typing instead if `offer_text(problem)` says so.

    With `written_answers` (a file's text) the answers come from there, shown as if typed.
    """
    if written_answers is not None:
        return ScriptedChannel(split_answers(written_answers), echo=sys.stdout)
    if mode == "voice":
        try:
            return VoiceChannel(
                engines.text_to_speech(settings), engines.microphone(settings), engines.speech_to_text(settings),
                audio_dir, meter,
            )
        except (DeviceError, ModelError) as problem:  # no microphone, no voice or no Whisper model
            if offer_text is None or not offer_text(problem):
                raise
    return TextChannel()
