"""Where the engines come from: one factory per engine kind, gathered in Engines.

Front ends (the CLI through its click context, the web app) ask an Engines for what they
need, so a test hands in scripted engines instead of patching modules. The real factories
import their engine modules only when called, so commands that need no model start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mockint.config import Settings, find_llm_model, find_whisper_model
from mockint.llm.base import LanguageModel
from mockint.speech.base import Microphone, SpeechRenderer, SpeechToText, TextToSpeech
from mockint.store import Store


def warn(line: str) -> None:
    """One line on stderr, beside the session on stdout."""
    print(f"mockint: {line}", file=sys.stderr, flush=True)


def open_language_model(model: str | None, settings: Settings) -> LanguageModel:
    """The LLM that writes the questions: the server at llm_url if one is set, else the local GGUF.

    With a server, the GGUF (`model`, else the default) stands in if the server fails; it is
    loaded by warm_up, not here. Without llm_url nothing is ever sent anywhere.
    """
    from mockint.llm import load_model

    def local() -> LanguageModel:
        return load_model(find_llm_model(model, settings), threads=settings.llm_threads)

    if not settings.llm_url:
        return local()
    from mockint.llm.fallback import FallbackModel
    from mockint.llm.server import ServerModel
    from mockint.llm.urls import is_this_computer

    if model:
        local()  # a GGUF named on the command line is checked now, like without a server
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    server = ServerModel(settings.llm_url, model=settings.llm_server_model, api_key=key,
                         timeout=settings.llm_timeout_seconds, api=settings.llm_api)
    if not is_this_computer(server.url):
        warn(f"questions will be written by the LLM server at {server.url}, which is not this computer: "
             "your first-round notes and answers are sent there.")
    return FallbackModel(server, local, warn, what=f"the LLM server at {server.url}")


def open_speech_to_text(settings: Settings) -> SpeechToText:
    """The Whisper transcriber, loaded now so a missing model is reported before the session."""
    from mockint.speech.stt import Transcriber

    transcriber = Transcriber(find_whisper_model(settings=settings), threads=settings.llm_threads)
    transcriber.load()
    return transcriber


def open_text_to_speech(settings: Settings) -> TextToSpeech:
    """The voice that says the questions, on the chosen speaker, started now."""
    from mockint.speech.devices import resolve_device
    from mockint.speech.tts import Speaker

    speaker = Speaker(settings.voice, settings.speech_rate, resolve_device(settings.output_device, "output").index)
    speaker.check()
    return speaker


def open_speech_renderer(settings: Settings) -> SpeechRenderer:
    """The voice that says the questions, rendering to samples that a browser plays (no speaker needed)."""
    from mockint.speech.tts import Speaker

    speaker = Speaker(settings.voice, settings.speech_rate)
    speaker.check()
    return speaker


def open_microphone(settings: Settings) -> Microphone:
    """The recorder on the chosen microphone, with the end-of-answer settings."""
    from mockint.speech.audio import Recorder
    from mockint.speech.devices import resolve_device

    return Recorder(
        resolve_device(settings.input_device, "input").index,
        end_silence_seconds=settings.end_silence_seconds,
        max_answer_seconds=settings.max_answer_seconds,
        no_speech_timeout_seconds=settings.no_speech_timeout_seconds,
    )


def has_microphone(settings: Settings) -> bool:
    """Whether a microphone is there to record with (no PortAudio or no device: False)."""
    from mockint.errors import DeviceError
    from mockint.speech.devices import resolve_device

    try:
        resolve_device(settings.input_device, "input")
        return True
    except (DeviceError, ImportError):
        return False


@dataclass
class Engines:
    """The factories a front end builds its engines with; swap any of them in tests."""

    language_model: Callable[[str | None, Settings], LanguageModel] = open_language_model
    speech_to_text: Callable[[Settings], SpeechToText] = open_speech_to_text
    text_to_speech: Callable[[Settings], TextToSpeech] = open_text_to_speech
    speech_renderer: Callable[[Settings], SpeechRenderer] = open_speech_renderer
    microphone: Callable[[Settings], Microphone] = open_microphone
    microphone_present: Callable[[Settings], bool] = has_microphone
    store: Callable[[Path | None], Store] = field(default=Store)
    settings: Callable[[], Settings] = Settings.load
