"""A virtual microphone and speaker (ALSA file plugin) for tests that run the real audio stack.

PortAudio reads the ALSA configuration when sounddevice is imported, so the code under
test must run in a subprocess started with `VirtualAudio.env`. The microphone replays
`mic_raw` (16 kHz mono S16_LE) from its start each time a stream is opened, as fast as
it is read; past the end of the file it returns garbage, so the answer is followed by
plenty of silence. The speaker writes whatever is played to `speaker_raw`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MIC_RATE = 16000
ALSA_CONF = Path("/usr/share/alsa/alsa.conf")

CONFIG = """<{alsa_conf}>
pcm.mockmic {{
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "{mic}"
    format "raw"
    hint {{ show on description "virtual microphone" }}
}}
pcm.mockspk {{
    type file
    slave.pcm "null"
    file "{speaker}"
    format "raw"
    hint {{ show on description "virtual speaker" }}
}}
"""


@dataclass
class VirtualAudio:
    """Where the virtual devices read and write, and the environment that makes them visible."""

    config: Path
    mic_raw: Path
    speaker_raw: Path
    env: dict[str, str]

    def speaker_samples(self) -> np.ndarray:
        """Everything played on mockspk so far, as int16 (the player opens it as int16)."""
        if not self.speaker_raw.exists():
            return np.zeros(0, np.int16)
        return np.fromfile(self.speaker_raw, dtype="<i2")

    def run_python(self, code: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """Run Python code in a subprocess that sees the virtual devices."""
        return subprocess.run(
            [sys.executable, "-c", code], env=self.env, capture_output=True, text=True, timeout=timeout
        )


def virtual_audio(folder: Path, mic: np.ndarray, pad_seconds: float = 120.0) -> VirtualAudio:
    """Set up mockmic playing `mic` (int16 16 kHz, then pad_seconds of silence) and mockspk."""
    folder.mkdir(parents=True, exist_ok=True)
    mic_raw, speaker_raw, config = folder / "mic.raw", folder / "speaker.raw", folder / "asound.conf"
    silence = np.zeros(round(pad_seconds * MIC_RATE), np.int16)
    np.concatenate([np.asarray(mic, np.int16), silence]).astype("<i2").tofile(mic_raw)
    config.write_text(CONFIG.format(alsa_conf=ALSA_CONF, mic=mic_raw, speaker=speaker_raw))
    env = dict(os.environ, ALSA_CONFIG_PATH=str(config))
    return VirtualAudio(config, mic_raw, speaker_raw, env)
