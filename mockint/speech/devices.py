"""Audio devices: loading sounddevice, listing devices, and choosing one by name or index.

Names match the way sounddevice matches them: every space-separated part of the query
must appear, in order and ignoring case, in "device name, host API". So ALSA devices
defined in an asoundrc (`mockmic`, `mockspk`), which PortAudio lists by their pcm name,
are chosen with `--input-device mockmic`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mockint.errors import DeviceError

Kind = Literal["input", "output"]

PORTAUDIO_MISSING = "PortAudio is not installed: apt install libportaudio2 / brew install portaudio"


def load_sounddevice():
    """Import sounddevice on first use; a missing PortAudio becomes one clear DeviceError."""
    try:
        import sounddevice
    except OSError:  # raised by sounddevice when the PortAudio shared library is not found
        raise DeviceError(PORTAUDIO_MISSING) from None
    except ImportError:
        raise DeviceError("The sounddevice package is missing: pip install sounddevice") from None
    return sounddevice


@dataclass(frozen=True)
class AudioDevice:
    """One device as PortAudio reports it."""

    index: int
    name: str
    hostapi: str
    input_channels: int
    output_channels: int
    default_samplerate: float
    default_input: bool = False
    default_output: bool = False

    def channels(self, kind: Kind) -> int:
        """How many channels it has for recording ("input") or playing ("output")."""
        return self.input_channels if kind == "input" else self.output_channels


def list_devices() -> list[AudioDevice]:
    """All devices PortAudio knows, with the default input and output marked."""
    sd = load_sounddevice()
    try:
        infos = sd.query_devices()
        hostapis = sd.query_hostapis()
    except sd.PortAudioError as exc:
        raise DeviceError(f"The audio system did not answer: {exc}. Check that sound works on this machine.") from None
    default_in, default_out = _default_indexes(sd)
    return [
        AudioDevice(
            index=i,
            name=info["name"],
            hostapi=hostapis[info["hostapi"]]["name"],
            input_channels=info["max_input_channels"],
            output_channels=info["max_output_channels"],
            default_samplerate=info["default_samplerate"],
            default_input=i == default_in,
            default_output=i == default_out,
        )
        for i, info in enumerate(infos)
    ]


def _default_indexes(sd) -> tuple[int, int]:
    """The default input and output device indexes (-1 when there is none)."""
    default = sd.default.device
    try:
        return int(default[0]), int(default[1])
    except (TypeError, ValueError):  # a name was set as default: let PortAudio resolve it
        return -1, -1


def match_device(devices: list[AudioDevice], spec: int | str | None, kind: Kind) -> AudioDevice:
    """The one device of this kind that `spec` names (index, name parts, or None for the default)."""
    usable = [d for d in devices if d.channels(kind) > 0]
    noun = "microphone" if kind == "input" else "speaker"
    if not usable:
        raise DeviceError(f"No {noun} found. Connect one, or check the audio system (`mockint devices` lists devices).")
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        default = [d for d in usable if (d.default_input if kind == "input" else d.default_output)]
        return default[0] if default else usable[0]
    if isinstance(spec, int) or spec.strip().isdigit():
        index = int(spec)
        for d in usable:
            if d.index == index:
                return d
        raise DeviceError(f"There is no {kind} device number {index}. Run `mockint devices` to see the numbers.")
    query = spec.lower()
    matches = [d for d in usable if _parts_in_order(query.split(), f"{d.name}, {d.hostapi}".lower())]
    if len(matches) == 1:
        return matches[0]
    exact = [d for d in matches if d.name.lower() == query]
    if len(exact) == 1:
        return exact[0]
    if not matches:
        raise DeviceError(f"No {kind} device matches '{spec}'. Run `mockint devices` to list them.")
    names = ", ".join(f"{d.index}: {d.name}" for d in matches)
    raise DeviceError(f"'{spec}' matches several {kind} devices ({names}): use a longer name or the number.")


def _parts_in_order(parts: list[str], text: str) -> bool:
    """Whether every part occurs in text, each after the previous one."""
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def resolve_device(spec: int | str | None, kind: Kind = "input") -> AudioDevice:
    """The device to use for recording or playing, from an option or setting (None = system default)."""
    return match_device(list_devices(), spec, kind)


def check_audio(input_device: int | str | None = None, output_device: int | str | None = None) -> list[str]:
    """What is wrong with the audio set-up, one line each with the fix; empty when all is well."""
    try:
        devices = list_devices()
    except DeviceError as exc:
        return [str(exc)]
    problems = []
    for kind, spec in (("input", input_device), ("output", output_device)):
        try:
            match_device(devices, spec, kind)
        except DeviceError as exc:
            problems.append(str(exc))
    return problems
