"""Collecting one answer from blocks of audio: speech detection, the end of the turn, the Recording.

No devices here: the Recorder (audio.py) or a test feeds blocks of int16 samples in.
At each pause the collector asks the transcript so far (when given one) how the answer
ends, and waits for the silence turn.required_silence() asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from mockint.speech.commands import spoken_command
from mockint.speech.prosody import ProsodyTracker, describe
from mockint.speech.turn import (
    EndpointState, ExpectedAnswer, StopReason, TurnRules, advance, required_silence, text_ending,
)
from mockint.speech.vad import SAMPLE_RATE, SILENT_DB, SpeechDetector

OnLevel = Callable[[float, float, bool], None]  # (level dBFS, seconds of answer so far, answer started)
# How long to hold the audio at a pause for the transcript of the speech before it: a safety
# net only (the text normally comes within a second), so the verdict does not depend on the
# machine's speed. The audio waits in the Recorder's queue meanwhile, so nothing is lost; a
# slower machine only answers later, and an answer whose text is unknown waits PATIENT.
TEXT_WAIT_SECONDS = 30.0


class TranscriptSoFar(Protocol):
    """The transcript of the answer while it is spoken (StreamingTranscriber is one)."""

    def text_until(self, seconds: float, timeout: float) -> str | None:
        """The text of everything said before `seconds` (on the timeline of the audio passed
        to on_chunk), waiting up to `timeout` for it; None if it is not ready."""
        ...

    # Optional: prepare(seconds) says a pause has begun there and the text may be asked for
    # up to that point soon (StreamingTranscriber encodes the audio before it meanwhile).


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
    ended_after_silence_seconds: float | None = None  # the pause that ended it ("silence" only)
    end_verdict: str | None = None  # why that pause was long enough, for benchmarks and logs

    @property
    def spoke(self) -> bool:
        """Whether the candidate said anything at all."""
        return self.audio.size > 0

    @property
    def duration_seconds(self) -> float:
        """Length of the kept audio."""
        return self.audio.size / self.sample_rate


class AnswerCollector:
    """Feeds blocks of int16 audio through speech detection and the end-of-turn rules.

    Once speech starts, every block (and a little audio from just before it) is passed
    to `on_chunk` as it arrives, so a streaming transcriber can work while the
    candidate is still talking; what it gets is exactly the Recording's timeline.
    Without a `transcript`, every pause needs rules.end_silence_seconds, as a plain
    silence detector would.
    """

    PRE_ROLL_SECONDS = 0.4  # keep the breath before the first word: Whisper hears onsets better
    TAIL_SECONDS = 0.4  # and a little after the last one

    def __init__(
        self,
        rules: TurnRules,
        sample_rate: int = SAMPLE_RATE,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        transcript: TranscriptSoFar | None = None,
        on_level: OnLevel | None = None,
        expected: ExpectedAnswer | None = None,
    ):
        if expected is not None:  # no quick end before the question's shortest sensible answer
            rules = replace(rules, quick_after_speech_seconds=max(rules.quick_after_speech_seconds,
                                                                  expected.shortest_seconds))
        self.rules = rules
        self.expected = expected  # what the question asks for (its reached_end is asked at pauses)
        self.sample_rate = sample_rate
        self.on_chunk = on_chunk
        self.transcript = transcript
        self.on_level = on_level
        self.detector = SpeechDetector(sample_rate)
        self.prosody = ProsodyTracker(sample_rate)
        self.state = EndpointState()
        self.received = SampleBuffer()
        self.pending = np.zeros(0, np.int16)  # samples not yet a whole frame
        self.origin: int | None = None  # sample where the answer's audio begins
        self.emitted = 0  # samples already passed to on_chunk
        self.stop_reason: StopReason | None = None
        self.last_level = SILENT_DB
        self.required: float | None = None  # seconds of silence that end the current pause, once known
        self.text_missing = False  # the current pause's transcript was not ready when asked
        self.asked_at = 0.0  # where on the answer's timeline the current pause's text was asked for
        self.after_sentence = False  # the current pause follows a finished sentence, the voice falling
        self.resumed_after_sentence = 0.0  # the longest such pause the candidate came back from
        self.verdict: str | None = None  # how the current pause's silence was decided
        self.prepared_at: float | None = None  # where the current pause's text was prepared for, if it was

    def push(self, block: np.ndarray) -> StopReason | None:
        """Take the next block of samples; return why to stop, or None to keep recording."""
        block = np.asarray(block, np.int16).reshape(-1)
        self.received.append(block)
        frames = np.concatenate([self.pending, block]) if self.pending.size else block
        size = self.detector.frame_size
        used = 0
        while used + size <= frames.size and self.stop_reason is None:
            frame = frames[used : used + size]
            speech, self.last_level = self.detector.classify(frame)
            self.prosody.push(frame, speech, self.last_level)
            if speech and self.after_sentence:  # they came back after a pause at a sentence's end
                pause = self.state.pause_samples() / self.sample_rate
                self.resumed_after_sentence = max(self.resumed_after_sentence, pause)
            self.state, self.stop_reason = advance(self.state, size, speech, self.rules, self.sample_rate)
            used += size
            if self.origin is None and self.state.speech_start is not None:
                self.origin = max(0, self.state.speech_start - round(self.PRE_ROLL_SECONDS * self.sample_rate))
            if self.stop_reason is None and self.state.speech_start is not None:
                self.stop_reason = self._end_of_turn(speech)
        self.pending = frames[used:].copy()
        self._emit(self.received.size)
        if self.on_level is not None:
            self.on_level(self.last_level, self.elapsed_seconds, self.state.speech_start is not None)
        return self.stop_reason

    def _end_of_turn(self, speech: bool) -> StopReason | None:
        """After a frame of the answer: "silence" if the current pause has become its end."""
        if speech:
            self.required, self.text_missing, self.after_sentence, self.prepared_at = None, False, False, None
            return None
        pause = self.state.pause_samples() / self.sample_rate
        prepare = getattr(self.transcript, "prepare", None)
        if (prepare is not None and self.required is None and self.prepared_at is None
                and pause >= self.rules.prepare_after_seconds):
            # A frame short of where the pause has got to: all of the speech before it.
            self.prepared_at = self._answer_seconds(self.state.samples - self.detector.frame_size)
            self._emit(self.state.samples)
            prepare(self.prepared_at)
        if self.required is None and pause >= self.rules.check_after_seconds:
            # Ask for the text up to a point inside the pause (where it was prepared for, if it
            # was, else its middle so far): all of the speech before it.
            middle = self.state.samples - round(pause / 2 * self.sample_rate)
            self.asked_at = self.prepared_at if self.prepared_at is not None else self._answer_seconds(middle)
            self.required = self._silence_needed(TEXT_WAIT_SECONDS)
        elif self.text_missing:  # asked before and it was not ready: look again, without waiting
            self.required = self._silence_needed(0.0)
        if self.required is not None and pause >= self.required:
            return "silence"
        return None

    def _answer_seconds(self, sample: int) -> float:
        """A sample index of the recording as seconds on the answer's timeline (on_chunk's)."""
        return (sample - self.origin) / self.sample_rate

    def _silence_needed(self, wait: float) -> float:
        """The silence that ends this pause, from the transcript before it and the voice's fall."""
        if self.transcript is None:
            return self.rules.end_silence_seconds
        self._emit(self.state.samples)  # the transcriber must have the audio it is asked about
        text = self.transcript.text_until(self.asked_at, wait)
        self.text_missing = text is None
        ending = self.prosody.ending()
        spoken = (self.state.last_speech_end - self.state.speech_start) / self.sample_rate
        text_end = None if text is None else text_ending(text)
        falling = ending is not None and ending.falling()
        judge = self.expected.reached_end if self.expected is not None else None
        reached_end = text_end == "finished" and judge is not None and judge(text)
        required = required_silence(
            text_end,
            falling,
            spoken,
            self.rules,
            command=text is not None and spoken_command(text) is not None,
            resumed_after_sentence_seconds=self.resumed_after_sentence,
            reached_end=reached_end,
        )
        # A pause after a finished sentence, the voice falling, that the candidate comes back
        # from says how long they pause between sentences (however early in the answer).
        self.after_sentence = text_end == "finished" and falling
        tail = " ".join((text or "").split()[-5:])
        self.verdict = (f"text {text_end} (...{tail}), voice {'falling' if falling else 'not falling'} ({describe(ending)}), "
                        f"{spoken:.1f} s spoken{', reached its end' if reached_end else ''}, resumed {self.resumed_after_sentence:.1f} s: {required:.1f} s")
        return required

    def _emit(self, until: int) -> None:
        """Pass the audio received up to sample `until` on to on_chunk, once the answer has begun."""
        if self.on_chunk is None or self.origin is None:
            return
        new = self.received.view(self.origin + self.emitted, until).copy()
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
            ended_after_silence_seconds=self.state.pause_samples() / rate if reason == "silence" else None,
            end_verdict=self.verdict if reason == "silence" else None,
        )
