"""Reading audio files for transcription and saving recorded answers, with PyAV.

PyAV comes with faster-whisper and bundles FFmpeg, so WAV, FLAC, MP3 and OGG need no
system codecs. FFmpeg quietly decodes what it can of a damaged file; a transcript of
half an answer would mislead, so a file shorter than its header says is refused.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from mockint.errors import UserError

# Every audio file mockint reads, by suffix, with the MIME type a browser plays it as
# (the HTML review embeds recordings under these types). Opus lives in an Ogg container.
AUDIO_TYPES = {".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
               ".oga": "audio/ogg", ".opus": "audio/ogg"}
SUPPORTED_SUFFIXES = set(AUDIO_TYPES)
SUPPORTED_NAMES = "WAV, FLAC, MP3 or OGG"
COMPLETE_SHARE = 0.98  # decoded/declared length below this means the file was cut short


def read_audio(path: str | Path, sample_rate: int = 16000) -> np.ndarray:
    """A whole audio file as float32 mono samples at sample_rate; a bad file is a UserError."""
    import av

    path = Path(path)
    if not path.is_file():
        raise UserError(f"No audio file at {path}: check the path.")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UserError(f"Cannot read {path.name}: unsupported audio format; use {SUPPORTED_NAMES}.")
    if path.stat().st_size == 0:
        raise UserError(f"The audio file {path} is empty: record the answer again.")
    if path.suffix.lower() == ".wav" and wav_is_truncated(path):
        raise truncated(path)
    try:
        samples, declared = decode(path, sample_rate)
    except av.FFmpegError as exc:
        damaged = f"Cannot decode {path}: the file is damaged or not {SUPPORTED_NAMES} ({exc.strerror})."
        raise UserError(damaged) from None
    if samples is None:
        raise UserError(f"{path} has no audio in it: use a {SUPPORTED_NAMES} recording.")
    if samples.size == 0:
        raise UserError(f"The audio file {path} holds no sound: record the answer again.")
    if declared and samples.size / sample_rate < COMPLETE_SHARE * declared:
        raise truncated(path)
    return samples.astype(np.float32) / 32768.0


def truncated(path: Path) -> UserError:
    """The error for a file cut short (a recording that was interrupted, a partial copy)."""
    return UserError(f"The audio file {path} is truncated (shorter than its header says): record it again.")


def decode(path: str | Path, sample_rate: int) -> tuple[np.ndarray | None, float | None]:
    """(int16 mono samples at sample_rate or None if there is no audio stream, declared seconds)."""
    import av

    resampler = av.AudioResampler(format="s16", layout="mono", rate=sample_rate)
    pieces = []
    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.audio:
            return None, None
        stream = container.streams.audio[0]
        declared = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else None
        for frame in container.decode(stream):
            pieces.extend(r.to_ndarray().reshape(-1) for r in resampler.resample(frame))
        pieces.extend(r.to_ndarray().reshape(-1) for r in resampler.resample(None))
    return (np.concatenate(pieces) if pieces else np.zeros(0, np.int16)), declared


def wav_is_truncated(path: Path) -> bool:
    """Whether a WAV file holds fewer bytes of samples than its data chunk declares."""
    with path.open("rb") as f:
        header = f.read(12)
        if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
            return False  # not a RIFF WAV: the decoder will say what is wrong
        while True:
            chunk = f.read(8)
            if len(chunk) < 8:
                return True  # the header ended before any samples
            name, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if name == b"data":
                if size in (0, 0xFFFFFFFF):  # streaming writers leave the size unknown
                    return False
                remaining = path.stat().st_size - f.tell()
                return remaining < COMPLETE_SHARE * size
            f.seek(size + (size & 1), 1)


# suffix -> (FFmpeg encoder, its sample format)
ENCODERS = {".flac": ("flac", "s16"), ".wav": ("pcm_s16le", "s16"), ".mp3": ("libmp3lame", "s16p")}


def write_audio(path: str | Path, samples: np.ndarray, sample_rate: int = 16000) -> Path:
    """Save int16 mono samples as FLAC, WAV or MP3 (by the suffix); returns the path."""
    import av

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    codec, sample_format = ENCODERS.get(path.suffix.lower(), ENCODERS[".wav"])
    samples = np.ascontiguousarray(samples, np.int16).reshape(1, -1)
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=sample_rate, layout="mono")
        stream.format = sample_format
        if samples.size:  # FFmpeg cannot encode an empty frame; an empty file is still valid
            frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
            frame.sample_rate = sample_rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def as_float_audio(audio: np.ndarray) -> np.ndarray:
    """Mono float32 samples in [-1, 1] from int16 or float input."""
    audio = np.asarray(audio).reshape(-1)
    if audio.dtype == np.int16:
        return audio.astype(np.float32) / 32768.0
    return audio.astype(np.float32, copy=False)
