"""Recording an answer: energy-based speech detection, end-of-answer rules, and the Recorder.

The decisions (is this frame speech? has the answer ended?) are pure functions over
frame levels and sample counts, so they test without a sound card; the Recorder only
moves blocks from sounddevice through them. All durations come from sample counts,
never from the clock, so a recording fed faster than real time (a test's virtual
microphone) gives the same answer as a live one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from mockint.errors import DeviceError

SAMPLE_RATE = 16000
FRAME_SECONDS = 0.02  # one speech/no-speech decision per 20 ms
SILENT_DB = -100.0  # the level of digital silence, instead of -inf

StopReason = Literal["silence", "max_length", "enter", "no_speech", "input_ended"]


# ---- Speech detection ----------------------------------------------------------


@dataclass(frozen=True)
class VadParams:
    """Thresholds of the energy speech detector, in dB relative to full scale."""

    margin_db: float = 10.0  # speech must be this far above the noise floor
    min_speech_db: float = -50.0  # nothing quieter than this is speech, however quiet the room
    # The first moments set the floor (people take a breath before answering), so a noisy
    # room is not taken for speech; after that the floor follows the room down at once but
    # rises slowly, so speech does not become the floor yet a louder room is learnt in seconds.
    calibration_seconds: float = 0.3
    floor_rise_db_per_s: float = 2.0


def level_db(frame: np.ndarray) -> float:
    """The RMS level of int16 or float samples in dBFS (full scale = 0 dB)."""
    if frame.size == 0:
        return SILENT_DB
    samples = as_unit_float(frame)
    rms = float(np.sqrt(np.mean(samples * samples)))
    return max(SILENT_DB, 20.0 * np.log10(rms)) if rms > 0 else SILENT_DB


def frame_levels(audio: np.ndarray, frame_size: int) -> np.ndarray:
    """level_db of each whole frame of a clip, computed at once."""
    count = len(audio) // frame_size
    frames = as_unit_float(audio[: count * frame_size]).reshape(count, frame_size)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    with np.errstate(divide="ignore"):
        return np.maximum(SILENT_DB, 20.0 * np.log10(rms))


def as_unit_float(samples: np.ndarray) -> np.ndarray:
    """Samples as float64 in [-1, 1], from int16 or float."""
    scaled = samples.astype(np.float64)
    return scaled / 32768.0 if samples.dtype == np.int16 else scaled


def next_noise_floor(floor_db: float | None, level: float, elapsed_seconds: float, params: VadParams) -> float:
    """The noise floor including one more frame heard `elapsed_seconds` into the recording."""
    if floor_db is None or level <= floor_db:
        return level
    if elapsed_seconds < params.calibration_seconds:
        return floor_db
    return min(level, floor_db + params.floor_rise_db_per_s * FRAME_SECONDS)


def is_speech(level: float, floor_db: float, params: VadParams) -> bool:
    """Whether a frame at this level is speech, given the noise floor."""
    return level >= params.min_speech_db and level >= floor_db + params.margin_db


class SpeechDetector:
    """Classifies consecutive frames as speech or not, tracking the room's noise floor."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, params: VadParams = VadParams()):
        self.params = params
        self.frame_size = round(sample_rate * FRAME_SECONDS)
        self.floor_db: float | None = None
        self.frames = 0

    def classify(self, frame: np.ndarray) -> tuple[bool, float]:
        """(is speech, level in dBFS) for the next frame, updating the noise floor first."""
        level = level_db(frame)
        self.floor_db = next_noise_floor(self.floor_db, level, self.frames * FRAME_SECONDS, self.params)
        self.frames += 1
        return is_speech(level, self.floor_db, self.params), level


def speech_span(
    audio: np.ndarray, sample_rate: int = SAMPLE_RATE, min_seconds: float = 0.1
) -> tuple[float, float] | None:
    """(start, end) in seconds of the speech in a whole clip, or None if it has less than min_seconds.

    The clip is all there, so the floor is simply its quietest tenth: this also works for
    a clip that starts mid-word, where a running floor would still be calibrating.
    """
    levels = frame_levels(audio, round(sample_rate * FRAME_SECONDS))
    if levels.size == 0:
        return None
    params = VadParams()
    floor = float(np.percentile(levels, 10))
    loud = np.flatnonzero((levels >= params.min_speech_db) & (levels >= floor + params.margin_db))
    if loud.size * FRAME_SECONDS < min_seconds:
        return None
    return loud[0] * FRAME_SECONDS, (loud[-1] + 1) * FRAME_SECONDS


# ---- End of answer -------------------------------------------------------------


@dataclass(frozen=True)
class EndpointRules:
    """When an answer starts and ends, in seconds (see Settings for the user-facing ones)."""

    end_silence_seconds: float = 2.0
    max_answer_seconds: float = 240.0
    no_speech_timeout_seconds: float = 20.0
    min_speech_seconds: float = 0.12  # a shorter burst (a click, a cough) does not start the answer


@dataclass(frozen=True)
class EndpointState:
    """What the endpointer knows so far, all in samples from the start of recording."""

    samples: int = 0
    speech_start: int | None = None  # where the answer began; None while waiting
    speech_run_start: int | None = None  # where the current run of speech frames began
    last_speech_end: int = 0  # just after the most recent speech frame


def advance(
    state: EndpointState, frame_samples: int, speech: bool, rules: EndpointRules, sample_rate: int = SAMPLE_RATE
) -> tuple[EndpointState, StopReason | None]:
    """Take one frame's verdict; return the new state and why to stop, or None to go on."""
    start, end = state.samples, state.samples + frame_samples
    run_start = (state.speech_run_start if state.speech_run_start is not None else start) if speech else None
    speech_start = state.speech_start
    if speech_start is None and run_start is not None and end - run_start >= rules.min_speech_seconds * sample_rate:
        speech_start = run_start
    new = replace(
        state,
        samples=end,
        speech_start=speech_start,
        speech_run_start=run_start,
        last_speech_end=end if speech else state.last_speech_end,
    )
    if speech_start is None:
        waited = end >= rules.no_speech_timeout_seconds * sample_rate
        return new, "no_speech" if waited else None
    if end - speech_start >= rules.max_answer_seconds * sample_rate:
        return new, "max_length"
    if end - new.last_speech_end >= rules.end_silence_seconds * sample_rate:
        return new, "silence"
    return new, None


# ---- Collecting an answer from blocks ------------------------------------------


class SampleBuffer:
    """A growing array of samples: appends are amortised O(1), slices are views."""

    def __init__(self, dtype=np.int16):
        self._data = np.zeros(SAMPLE_RATE, dtype)
        self.size = 0

    def append(self, samples: np.ndarray) -> None:
        """Add samples at the end, doubling the storage when it is full."""
        needed = self.size + samples.size
        if needed > self._data.size:
            grown = np.zeros(max(needed, 2 * self._data.size), self._data.dtype)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : needed] = samples
        self.size = needed

    def view(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Samples [start, stop) without copying (valid until the next append)."""
        stop = self.size if stop is None else min(stop, self.size)
        return self._data[start:stop]


@dataclass
class Recording:
    """One recorded answer: the audio from just before the first word to just after the last."""

    audio: np.ndarray  # int16 mono; time 0 of the transcript's word timings
    sample_rate: int
    stop_reason: StopReason
    waited_seconds: float  # silence before the candidate started, not part of the answer
    speech_seconds: float  # from the start of speech to the end of the last speech, by sample count

    @property
    def spoke(self) -> bool:
        """Whether the candidate said anything at all."""
        return self.audio.size > 0

    @property
    def duration_seconds(self) -> float:
        """Length of the kept audio."""
        return self.audio.size / self.sample_rate


class AnswerCollector:
    """Feeds blocks of int16 audio through speech detection and the end-of-answer rules.

    Once speech starts, every block (and a little audio from just before it) is passed
    to `on_chunk` as it arrives, so a streaming transcriber can work while the
    candidate is still talking; what it gets is exactly the Recording's timeline.
    """

    PRE_ROLL_SECONDS = 0.4  # keep the breath before the first word: Whisper hears onsets better
    TAIL_SECONDS = 0.4  # and a little after the last one

    def __init__(
        self,
        rules: EndpointRules,
        sample_rate: int = SAMPLE_RATE,
        on_chunk: Callable[[np.ndarray], None] | None = None,
    ):
        self.rules = rules
        self.sample_rate = sample_rate
        self.on_chunk = on_chunk
        self.detector = SpeechDetector(sample_rate)
        self.state = EndpointState()
        self.received = SampleBuffer()
        self.pending = np.zeros(0, np.int16)  # samples not yet a whole frame
        self.origin: int | None = None  # sample where the answer's audio begins
        self.emitted = 0  # samples already passed to on_chunk
        self.stop_reason: StopReason | None = None
        self.last_level = SILENT_DB

    def push(self, block: np.ndarray) -> StopReason | None:
        """Take the next block of samples; return why to stop, or None to keep recording."""
        block = np.asarray(block, np.int16).reshape(-1)
        self.received.append(block)
        frames = np.concatenate([self.pending, block]) if self.pending.size else block
        size = self.detector.frame_size
        used = 0
        while used + size <= frames.size and self.stop_reason is None:
            speech, self.last_level = self.detector.classify(frames[used : used + size])
            self.state, self.stop_reason = advance(self.state, size, speech, self.rules, self.sample_rate)
            used += size
        self.pending = frames[used:].copy()
        if self.state.speech_start is not None and self.origin is None:
            self.origin = max(0, self.state.speech_start - round(self.PRE_ROLL_SECONDS * self.sample_rate))
        self._emit()
        return self.stop_reason

    def _emit(self) -> None:
        """Pass the audio received since the last call on to on_chunk, once the answer has begun."""
        if self.on_chunk is None or self.origin is None:
            return
        new = self.received.view(self.origin + self.emitted).copy()
        if new.size:
            self.emitted += new.size
            self.on_chunk(new)

    @property
    def elapsed_seconds(self) -> float:
        """Seconds of the answer so far (0 until the candidate starts)."""
        if self.state.speech_start is None:
            return 0.0
        return (self.state.samples - self.state.speech_start) / self.sample_rate

    def finish(self, reason: StopReason | None = None) -> Recording:
        """The Recording, trimmed to the speech; `reason` when stopped from outside (Enter, end of input)."""
        reason = self.stop_reason or reason or "input_ended"
        rate = self.sample_rate
        start = self.state.speech_start
        if start is None or self.origin is None:
            return Recording(np.zeros(0, np.int16), rate, "no_speech", self.state.samples / rate, 0.0)
        received = self.received.size
        end = min(received, self.state.last_speech_end + round(self.TAIL_SECONDS * rate))
        if reason in ("enter", "input_ended", "max_length"):
            end = received  # cut off mid-answer: keep everything up to the stop
        return Recording(
            audio=self.received.view(self.origin, end).copy(),
            sample_rate=rate,
            stop_reason=reason,
            waited_seconds=start / rate,
            speech_seconds=(self.state.last_speech_end - start) / rate,
        )


# ---- The Recorder --------------------------------------------------------------


class Recorder:
    """Records one spoken answer from an input device until the candidate stops."""

    BLOCK_SECONDS = 0.1

    def __init__(
        self,
        input_device: int | str | None,
        sample_rate: int = SAMPLE_RATE,
        end_silence_seconds: float = 2.0,
        max_answer_seconds: float = 240,
        no_speech_timeout_seconds: float = 20,
        *,
        console=None,
    ):
        self.input_device = input_device
        self.sample_rate = sample_rate
        self.rules = EndpointRules(end_silence_seconds, max_answer_seconds, no_speech_timeout_seconds)
        self.console = console

    def record_answer(self, on_chunk: Callable[[np.ndarray], None] | None = None) -> Recording:
        """Record until ~end_silence_seconds of silence after speech, the length limit, or Enter."""
        from mockint.speech.devices import load_sounddevice

        sd = load_sounddevice()
        block = round(self.BLOCK_SECONDS * self.sample_rate)
        try:
            stream = sd.InputStream(
                device=self.input_device, samplerate=self.sample_rate, channels=1, dtype="int16", blocksize=block
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise DeviceError(
                f"Cannot open the microphone {self.input_device!r}: {exc}. Run `mockint devices` to pick another."
            ) from None
        with stream:
            return self.collect(read_blocks(stream, block), on_chunk, enter_pressed if sys.stdin.isatty() else None)

    def collect(
        self,
        blocks: Iterable[np.ndarray],
        on_chunk: Callable[[np.ndarray], None] | None = None,
        stop_requested: Callable[[], bool] | None = None,
    ) -> Recording:
        """Run blocks of int16 audio from any source through end-of-answer detection."""
        collector = AnswerCollector(self.rules, self.sample_rate, on_chunk)
        with LevelMeter(self.console, self.rules) as meter:
            for block in blocks:
                if collector.push(block):
                    break
                meter.show(collector)
                if stop_requested is not None and stop_requested():
                    return collector.finish("enter")
        return collector.finish()


def read_blocks(stream, block: int) -> Iterator[np.ndarray]:
    """Blocks of mono int16 samples from an open sounddevice InputStream, for as long as asked."""
    while True:
        data, _overflowed = stream.read(block)  # an overflow loses a little audio; the answer goes on
        yield data[:, 0]


def blocks_of(
    audio: np.ndarray, block: int, paced: bool = False, sample_rate: int = SAMPLE_RATE
) -> Iterator[np.ndarray]:
    """A recording cut into blocks, optionally released at real-time speed like a microphone's."""
    started = time.perf_counter()
    for start in range(0, audio.size, block):
        if paced:  # wait until this block would have been heard
            time.sleep(max(0.0, started + (start + block) / sample_rate - time.perf_counter()))
        yield audio[start : start + block]


def enter_pressed() -> bool:
    """Whether the candidate pressed Enter (a whole line is waiting on stdin), without blocking."""
    if sys.platform == "win32":
        import msvcrt

        return msvcrt.kbhit() and msvcrt.getwch() in "\r\n"
    import select

    ready, _, _ = select.select([sys.stdin], [], [], 0)
    if ready:
        sys.stdin.readline()
        return True
    return False


def discard_typed_input() -> None:
    """Drop keys pressed while the question was spoken, so a stray Enter does not end the answer."""
    if not sys.stdin.isatty() or sys.platform == "win32":
        return
    import termios

    termios.tcflush(sys.stdin, termios.TCIFLUSH)


def meter_bar(level: float, width: int = 20) -> str:
    """A text level meter for a dBFS level: empty at -60 dB, full at 0 dB."""
    filled = round(width * min(1.0, max(0.0, (level + 60.0) / 60.0)))
    return "█" * filled + "·" * (width - filled)


class LevelMeter:
    """Elapsed time and a level meter on one live line, only when the console is a terminal.

    It is redrawn once per block read (10 times a second live), so it costs nothing extra.
    """

    def __init__(self, console, rules: EndpointRules):
        self.console = console if console is not None and console.is_terminal else None
        self.rules = rules
        self.live = None

    def __enter__(self) -> "LevelMeter":
        if self.console is not None:
            from rich.live import Live

            self.live = Live("", console=self.console, transient=True, auto_refresh=False)
            self.live.__enter__()
        return self

    def show(self, collector: AnswerCollector) -> None:
        """Redraw the line with the state after the latest block."""
        if self.live is None:
            return
        if collector.state.speech_start is None:
            status = "[dim]listening, start when you are ready…[/]"
        else:
            seconds = int(collector.elapsed_seconds)
            status = f"[red]●[/] {seconds // 60}:{seconds % 60:02d}"
        hint = f"pause {self.rules.end_silence_seconds:g} s or press Enter to finish"
        self.live.update(f"{status}  {meter_bar(collector.last_level)}  [dim]{hint}[/]", refresh=True)

    def __exit__(self, *exc) -> None:
        if self.live is not None:
            self.live.__exit__(*exc)
