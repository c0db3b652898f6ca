"""Speaking the questions: pyttsx3 renders the text to a WAV, sounddevice plays it.

pyttsx3 can play by itself, but only on the system's default output; rendering to a
file and playing it ourselves honours the chosen output device and lets tests capture
the sound (an ALSA file-plugin speaker). The sound is decoded at the device's own rate,
so devices that only take 44.1 or 48 kHz play it too.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np

from mockint.errors import DeviceError

SYNTHESIS_TIMEOUT_SECONDS = 30.0
TTS_MISSING = (
    "No text-to-speech voice: install espeak-ng (apt install espeak-ng libespeak-ng1 / brew install espeak-ng); "
    "Windows and macOS have one built in."
)


class Speaker:
    """Speaks text aloud on one output device with a chosen voice and rate."""

    def __init__(self, voice: str | None = None, rate: int = 170, output_device: int | str | None = None):
        self.voice = voice
        self.rate = rate
        self.output_device = output_device
        self._engine = None
        self._lock = threading.Lock()  # pyttsx3 engines are not thread-safe
        self._finished = threading.Event()

    def _engine_locked(self):
        """The pyttsx3 engine, started once, with the voice and rate applied."""
        if self._engine is not None:
            return self._engine
        try:
            import pyttsx3

            engine = pyttsx3.init()
            voices = engine.getProperty("voices") or []
        except Exception:  # pyttsx3 raises anything from ImportError to OSError when no engine works
            raise DeviceError(TTS_MISSING) from None
        if self.voice:
            engine.setProperty("voice", pick_voice(voices, self.voice))
        engine.setProperty("rate", self.rate)
        engine.connect("finished-utterance", lambda **_: self._finished.set())
        self._engine = engine
        return engine

    def check(self) -> None:
        """Start the speech engine and select the voice now; DeviceError if that fails."""
        with self._lock:
            self._engine_locked()

    def render(self, text: str, sample_rate: int = 22050) -> np.ndarray:
        """The spoken text as int16 mono samples at sample_rate (nothing is played)."""
        from mockint.speech.audiofile import decode

        if not text.strip():
            return np.zeros(0, np.int16)
        with self._lock, tempfile.TemporaryDirectory(prefix="mockint-tts-") as tmp:
            engine = self._engine_locked()
            path = Path(tmp) / "speech.wav"
            # The espeak driver prints "Audio saved to ..." on stdout, which is the CLI's output.
            with contextlib.redirect_stdout(io.StringIO()):
                self._finished.clear()
                engine.save_to_file(text, str(path))
                engine.runAndWait()
                if sys.platform.startswith("linux"):
                    # pyttsx3's espeak driver returns from runAndWait while espeak's own thread
                    # is still synthesizing a long text; the file is whole once it reports so.
                    self._finished.wait(SYNTHESIS_TIMEOUT_SECONDS)
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
