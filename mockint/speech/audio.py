"""The Recorder: records one spoken answer from a microphone until the candidate has finished.

Device input only: blocks are read on a thread of their own into a queue, so the
collector (collector.py) may hold on at a pause for the transcript without the
microphone losing audio; all durations come from sample counts, never from the clock.
Levels go to an `on_level(level_db, elapsed_seconds, speaking)` callback (the terminal
meter is mockint.cli.meter), so this module draws nothing.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator

import numpy as np

from mockint.errors import DeviceError
from mockint.speech.collector import AnswerCollector, OnLevel, Recording, TranscriptSoFar
from mockint.speech.turn import ExpectedAnswer, TurnRules
from mockint.speech.vad import SAMPLE_RATE

QUEUE_SECONDS = 60.0  # audio the reader may run ahead of the collector (a virtual microphone is unpaced)


class Recorder:
    """Records one spoken answer from an input device until the candidate stops."""

    BLOCK_SECONDS = 0.1

    def __init__(
        self,
        input_device: int | str | None,
        sample_rate: int = SAMPLE_RATE,
        end_silence_seconds: float = 2.5,
        max_answer_seconds: float = 240,
        no_speech_timeout_seconds: float = 20,
    ):
        self.input_device = input_device
        self.sample_rate = sample_rate
        self.rules = TurnRules(
            end_silence_seconds=end_silence_seconds,
            max_answer_seconds=max_answer_seconds,
            no_speech_timeout_seconds=no_speech_timeout_seconds,
        )

    def record_answer(
        self,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        transcript: TranscriptSoFar | None = None,
        on_level: OnLevel | None = None,
        expected: ExpectedAnswer | None = None,
    ) -> Recording:
        """Record until the end of the answer (see turn.py), the length limit, or Enter.

        `expected`: what the question asks for; a pause before its shortest sensible answer
        is not taken for the end after a short silence, unless the answer has reached its end.
        """
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
        with stream, BlockReader(stream, block, round(QUEUE_SECONDS / self.BLOCK_SECONDS)) as blocks:
            stop = enter_pressed if sys.stdin.isatty() else None
            return self.collect(blocks, on_chunk, stop, transcript=transcript, on_level=on_level, expected=expected)

    def collect(
        self,
        blocks: Iterable[np.ndarray],
        on_chunk: Callable[[np.ndarray], None] | None = None,
        stop_requested: Callable[[], bool] | None = None,
        *,
        transcript: TranscriptSoFar | None = None,
        on_level: OnLevel | None = None,
        expected: ExpectedAnswer | None = None,
    ) -> Recording:
        """Run blocks of int16 audio from any source through the end-of-answer rules."""
        collector = AnswerCollector(self.rules, self.sample_rate, on_chunk, transcript, on_level, expected)
        for block in blocks:
            if collector.push(block):
                break
            if stop_requested is not None and stop_requested():
                return collector.finish("enter")
        return collector.finish()


class BlockReader:
    """Reads an open sounddevice InputStream on its own thread; iterate for the blocks in order."""

    def __init__(self, stream, block: int, max_blocks: int):
        self.stream = stream
        self.block = block
        self.blocks: queue.Queue = queue.Queue(max_blocks)
        self.stopped = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._read, name="mockint-mic", daemon=True)

    def __enter__(self) -> "BlockReader":
        self.thread.start()
        return self

    def _read(self) -> None:
        try:
            while not self.stopped.is_set():
                data, _overflowed = self.stream.read(self.block)  # an overflow loses a little audio
                self._put(data[:, 0].copy())
        except BaseException as exc:  # handed to the collecting thread, which reports it
            self.error = exc
        self._put(None)

    def _put(self, item) -> None:
        while not self.stopped.is_set():
            try:
                self.blocks.put(item, timeout=0.1)
                return
            except queue.Full:  # the collector is behind (only an unpaced virtual microphone gets here)
                continue

    def __iter__(self) -> Iterator[np.ndarray]:
        while (item := self.blocks.get()) is not None:
            yield item
        if self.error is not None:
            raise DeviceError(f"The microphone stopped: {self.error}. Run `mockint devices` to check it.")

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.thread.join(timeout=2.0)


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
