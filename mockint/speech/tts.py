"""Speaking the questions: pyttsx3 renders the text to a WAV, sounddevice plays it.

pyttsx3 can play by itself, but only on the system's default output; rendering to a
file and playing it ourselves honours the chosen output device and lets tests capture
the sound (an ALSA file-plugin speaker). The sound is decoded at the device's own rate,
so devices that only take 44.1 or 48 kHz play it too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from mockint.errors import DeviceError
from mockint.speech.tts_engine import TTS_MISSING, speech_engine


class Speaker:
    """Speaks text aloud on one output device with a chosen voice and rate."""

    def __init__(self, voice: str | None = None, rate: int = 170, output_device: int | str | None = None):
        self.voice = voice
        self.rate = rate
        self.output_device = output_device
        self._voice_id: str | None = None

    def check(self) -> None:
        """Start the speech engine and find the voice now; DeviceError if that fails."""
        self._resolved_voice()

    def _resolved_voice(self) -> str | None:
        """The engine's id of this Speaker's voice (None: the system default)."""
        if self.voice and self._voice_id is None:
            self._voice_id = pick_voice(speech_engine().voices, self.voice)
        return self._voice_id

    def render(self, text: str, sample_rate: int = 22050) -> np.ndarray:
        """The spoken text as int16 mono samples at sample_rate (nothing is played)."""
        from mockint.speech.audiofile import decode

        if not text.strip():
            return np.zeros(0, np.int16)
        voice_id = self._resolved_voice()
        with tempfile.TemporaryDirectory(prefix="mockint-tts-") as tmp:
            path = Path(tmp) / "speech.wav"
            speech_engine().render_to_file(text, path, voice_id, self.rate)
            try:
                samples, _ = decode(path, sample_rate)
            except Exception:  # missing or unreadable file: the engine failed silently
                samples = None
        if samples is None or samples.size == 0:
            raise DeviceError(f"The speech engine wrote no audio for the question. {TTS_MISSING}")
        return samples

    def speak(self, text: str) -> None:
        """Say text on the output device and return when it has been played."""
        from mockint.speech.devices import load_sounddevice

        sd = load_sounddevice()
        try:
            rate = int(sd.query_devices(self.output_device, "output")["default_samplerate"])
        except (sd.PortAudioError, ValueError) as exc:
            raise DeviceError(f"Cannot use the speaker {self.output_device!r}: {exc}. Run `mockint devices`.") from None
        samples = self.render(text, rate)
        if samples.size == 0:
            return
        try:
            sd.play(samples, rate, device=self.output_device, blocking=True)
        except sd.PortAudioError as exc:
            device = self.output_device
            raise DeviceError(f"Cannot play on the speaker {device!r}: {exc}. Run `mockint devices`.") from None


def pick_voice(voices, wanted: str) -> str:
    """The id of the voice `wanted` names: its id, its name, its language, else part of its name or id."""
    w = wanted.lower()

    def languages(voice) -> list[str]:
        return [lang.decode() if isinstance(lang, bytes) else str(lang) for lang in (voice.languages or [])]

    rules = (
        lambda v: v.id.lower() == w or v.id.lower().endswith("/" + w),
        lambda v: (v.name or "").lower() == w,
        lambda v: w in (lang.lower() for lang in languages(v)),
        lambda v: w in (v.name or "").lower() or w in v.id.lower(),
    )
    for rule in rules:  # from the most to the least exact, so "en" is English, not Armenian
        for voice in voices:
            if rule(voice):
                return voice.id
    examples = ", ".join(v.name for v in voices[:5])
    raise DeviceError(
        f"No text-to-speech voice matches '{wanted}' (some voices: {examples}): change the voice setting."
    )


def check_tts(voice: str | None = None) -> list[str]:
    """What is wrong with text-to-speech, one line each with the fix; empty when it works."""
    try:
        Speaker(voice).render("Check.")
    except DeviceError as exc:
        return [str(exc)]
    return []
