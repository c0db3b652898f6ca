"""The real audio stack (sounddevice, PortAudio, ALSA) on a virtual microphone and speaker.

PortAudio reads the ALSA configuration when sounddevice is imported, so each test runs
its code in a subprocess whose environment points ALSA at the virtual devices.
"""

import json

import numpy as np
import pytest

from mockint.errors import DeviceError
from mockint.speech.devices import AudioDevice, match_device
from tests.speech.speech_data import espeak, silence
from tests.speech.virtual_audio import virtual_audio

pytestmark = pytest.mark.skipif(
    not __import__("pathlib").Path("/usr/share/alsa/alsa.conf").is_file(), reason="needs ALSA (libasound2)"
)


def run_json(audio, code: str) -> dict:
    """Run code that prints one JSON line, in a subprocess that sees the virtual devices."""
    done = audio.run_python(code)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_devices_listing_shows_the_virtual_microphone_and_speaker(tmp_path):
    audio = virtual_audio(tmp_path, silence(1.0))
    found = run_json(
        audio,
        "import json; from mockint.speech.devices import list_devices, resolve_device\n"
        "names = [d.name for d in list_devices()]\n"
        "print(json.dumps({'names': names, 'mic': resolve_device('mockmic', 'input').name,"
        " 'spk': resolve_device('MOCKSPK', 'output').name}))",
    )
    assert {"mockmic", "mockspk"} <= set(found["names"])
    assert found["mic"] == "mockmic" and found["spk"] == "mockspk"


def test_devices_command_lists_them_with_numbers_and_defaults(tmp_path):
    audio = virtual_audio(tmp_path, silence(1.0))
    done = audio.run_python("from mockint.cli.devices import devices\ndevices.main([], standalone_mode=False)")
    assert done.returncode == 0, done.stderr
    rows = {line.split()[1]: line.split() for line in done.stdout.splitlines() if "mock" in line}
    assert rows["mockmic"][0] == "0" and rows["mockspk"][0] == "1"
    assert "input," in rows["mockmic"] and "output" in rows["mockmic"]  # ALSA's default is the first device


def test_recorder_ends_the_answer_on_silence_and_counts_time_by_samples(tmp_path):
    answer = espeak("I would start by measuring where the time goes, then fix the slowest part.")
    audio = virtual_audio(tmp_path, np.concatenate([silence(3.0), answer]))
    result = run_json(
        audio,
        "import json, time\n"
        "from mockint.speech.audio import Recorder\n"
        "chunks = []\n"
        "started = time.monotonic()\n"
        "rec = Recorder('mockmic', end_silence_seconds=2.0).record_answer(on_chunk=chunks.append)\n"
        "print(json.dumps({'reason': rec.stop_reason, 'waited': rec.waited_seconds, 'speech': rec.speech_seconds,"
        " 'seconds': rec.duration_seconds, 'chunked': sum(c.size for c in chunks), 'size': int(rec.audio.size),"
        " 'wall': time.monotonic() - started}))",
    )
    spoken = answer.size / 16000
    assert result["reason"] == "silence"
    assert result["waited"] == pytest.approx(3.0, abs=0.1)  # the leading silence, not part of the answer
    assert result["speech"] == pytest.approx(spoken, abs=0.4)
    assert result["seconds"] < spoken + 1.0
    assert result["chunked"] >= result["size"]
    # the virtual microphone is not paced: durations really came from samples, not the clock
    assert result["wall"] < spoken


def test_recorder_gives_up_when_nobody_speaks(tmp_path):
    audio = virtual_audio(tmp_path, silence(1.0))
    result = run_json(
        audio,
        "import json\nfrom mockint.speech.audio import Recorder\n"
        "rec = Recorder('mockmic', no_speech_timeout_seconds=5).record_answer()\n"
        "print(json.dumps({'spoke': rec.spoke, 'reason': rec.stop_reason, 'waited': rec.waited_seconds}))",
    )
    assert result == {"spoke": False, "reason": "no_speech", "waited": pytest.approx(5.0, abs=0.1)}


def test_speaker_plays_the_question_into_the_virtual_speaker(tmp_path):
    audio = virtual_audio(tmp_path, silence(1.0))
    done = audio.run_python(
        "from mockint.speech.tts import Speaker\n"
        "Speaker(None, 170, 'mockspk').speak('Tell me about a time you changed your mind.')"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # the TTS engine's own chatter does not reach the CLI's output
    played = audio.speaker_samples()
    assert played.size > 44100  # more than a second at the device's 44.1 kHz
    assert np.abs(played.astype(np.int32)).max() > 3000


def test_a_missing_device_is_one_clear_device_error(tmp_path):
    audio = virtual_audio(tmp_path, silence(1.0))
    done = audio.run_python(
        "from mockint.speech.devices import resolve_device\n"
        "from mockint.errors import DeviceError\n"
        "try:\n    resolve_device('usb headset', 'input')\n"
        "except DeviceError as e:\n    print(e)"
    )
    assert done.stdout.strip() == "No input device matches 'usb headset'. Run `mockint devices` to list them."


DEVICES = [
    AudioDevice(0, "HDA Intel PCH: ALC257 Analog (hw:0,0)", "ALSA", 2, 2, 44100.0),
    AudioDevice(1, "USB Headset: Audio (hw:1,0)", "ALSA", 1, 2, 48000.0),
    AudioDevice(2, "pulse", "ALSA", 32, 32, 44100.0),
    AudioDevice(3, "default", "ALSA", 32, 32, 44100.0, default_input=True, default_output=True),
    AudioDevice(4, "HDMI 0", "ALSA", 0, 8, 48000.0),
]


@pytest.mark.parametrize(
    "spec, kind, index",
    [
        (None, "input", 3),
        ("usb", "input", 1),
        ("USB audio", "input", 1),  # parts in order, any case, like sounddevice
        ("4", "output", 4),
        (4, "output", 4),
        ("hdmi", "output", 4),
        ("default", "input", 3),
    ],
)
def test_device_matching_follows_sounddevice(spec, kind, index):
    assert match_device(DEVICES, spec, kind).index == index


@pytest.mark.parametrize(
    "spec, kind, message",
    [
        ("hdmi", "input", "No input device matches 'hdmi'"),
        ("4", "input", "no input device number 4"),
        ("hw", "output", "matches several output devices"),
        ("audio usb", "input", "No input device matches"),  # parts must come in order
    ],
)
def test_device_matching_errors_say_what_to_do(spec, kind, message):
    with pytest.raises(DeviceError, match=message):
        match_device(DEVICES, spec, kind)


def test_no_microphone_at_all():
    speakers_only = [d for d in DEVICES if d.input_channels == 0]
    with pytest.raises(DeviceError, match="No microphone found"):
        match_device(speakers_only, None, "input")


def test_missing_portaudio_is_one_line_saying_what_to_install(monkeypatch):
    import sys

    from mockint.speech.devices import load_sounddevice

    class NoPortAudio:
        """Makes `import sounddevice` fail the way it does when libportaudio is absent."""

        def find_spec(self, name, path=None, target=None):
            if name == "sounddevice":
                raise OSError("PortAudio library not found")

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [NoPortAudio(), *sys.meta_path])
    with pytest.raises(DeviceError) as caught:
        load_sounddevice()
    assert str(caught.value) == "PortAudio is not installed: apt install libportaudio2 / brew install portaudio"
