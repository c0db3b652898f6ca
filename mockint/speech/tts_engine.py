"""The process's one pyttsx3 engine: renders text to WAV files, one render at a time.

`pyttsx3.init()` hands every caller in a process the same cached engine while it lives,
so two Speakers used to share one engine, its queued properties and its "finished"
callbacks; a Speaker's engine that the garbage collector freed later reset espeak's
global synthesis callback under the next one. And pyttsx3's espeak driver ends every
`runAndWait()` with espeak_Cancel() whenever espeak's command thread is still busy
(for instance applying a rate just set), and Cancel restores the rate of the previous
synthesis: a rate set just before a render was undone about one run in six.

So: one engine per process, kept for the process's life; a lock held from setting the
voice and rate to the finished file; with espeak, a changed property is applied at once
and left to settle (espeak idle) before the render, so Cancel has nothing to undo; and
a render is finished only by a "finished" notice that comes after its own file exists.
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from pathlib import Path

from mockint.errors import DeviceError

TTS_MISSING = (
    "No text-to-speech voice: install espeak-ng (apt install espeak-ng libespeak-ng1 / brew install espeak-ng); "
    "Windows and macOS have one built in."
)
SYNTHESIS_TIMEOUT_SECONDS = 30.0
# espeak's command thread wakes once more about 150 ms after its last command (to close
# its stream), and counts as busy for that instant: settle past it.
ESPEAK_SETTLE_SECONDS = 0.2
ESPEAK_SETTLE_TIMEOUT_SECONDS = 5.0

_shared: SpeechEngine | None = None
_shared_lock = threading.Lock()


def speech_engine() -> SpeechEngine:
    """The process's speech engine, started on first use; DeviceError if none works."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SpeechEngine()
        return _shared


class SpeechEngine:
    """pyttsx3 behind a lock: every render sets its own voice and rate and waits for its own file."""

    def __init__(self):
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
            self.voices = list(self._engine.getProperty("voices") or [])
            self.default_voice = self._engine.getProperty("voice")
        except Exception:  # pyttsx3 raises anything from ImportError to OSError when no engine works
            raise DeviceError(TTS_MISSING) from None
        self._espeak = self._engine.driver_name == "espeak"
        self._lock = threading.Lock()
        self._finished = threading.Condition()
        self._finish_count = 0
        self._applied: tuple[str | None, int] | None = None
        self._engine.connect("finished-utterance", self._on_finished)

    def _on_finished(self, **_) -> None:
        """pyttsx3's notice that a synthesis ended (from espeak's thread on Linux)."""
        with self._finished:
            self._finish_count += 1
            self._finished.notify_all()

    def render_to_file(self, text: str, path: Path, voice_id: str | None, rate: int) -> None:
        """Write `text` spoken with this voice (None: the system default) and rate to a WAV at `path`."""
        path = Path(path)
        with self._lock:
            self._apply(voice_id or self.default_voice, rate)
            before = self._finish_count
            # The espeak driver prints "Audio saved to ..." (from its own thread) on stdout, the CLI's output.
            with contextlib.redirect_stdout(io.StringIO()):
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
                if self._espeak:
                    # runAndWait returns while espeak's thread still synthesizes; the driver writes
                    # the whole file before it reports the end, so ours is done once both are true.
                    with self._finished:
                        done = self._finished.wait_for(
                            lambda: self._finish_count > before and path.exists(), SYNTHESIS_TIMEOUT_SECONDS
                        )
                    if not done:
                        raise DeviceError(f"The speech engine did not finish the question in time. {TTS_MISSING}")

    def _apply(self, voice_id: str | None, rate: int) -> None:
        """Set the voice and rate for the next render (nothing to do when they are already set)."""
        if self._applied == (voice_id, rate):
            return
        if self._espeak:
            from pyttsx3.drivers.espeak import EspeakDriver

            # The driver's own setter acts at once; the engine's would wait in pyttsx3's queue
            # until runAndWait, right before the Cancel that can undo it.
            if voice_id:
                EspeakDriver.setProperty("voice", voice_id)
            EspeakDriver.setProperty("rate", rate)
            self._settle_espeak()
        else:
            if voice_id:
                self._engine.setProperty("voice", voice_id)
            self._engine.setProperty("rate", rate)
        self._applied = (voice_id, rate)

    @staticmethod
    def _settle_espeak() -> None:
        """Wait until espeak's command thread has been idle for ESPEAK_SETTLE_SECONDS."""
        from pyttsx3.drivers import _espeak

        deadline = time.monotonic() + ESPEAK_SETTLE_TIMEOUT_SECONDS
        idle_since = None
        while time.monotonic() < deadline:
            now = time.monotonic()
            if _espeak.IsPlaying():
                idle_since = None
            elif idle_since is None:
                idle_since = now
            elif now - idle_since >= ESPEAK_SETTLE_SECONDS:
                return
            time.sleep(0.005)
        raise DeviceError(f"The speech engine stayed busy. {TTS_MISSING}")
