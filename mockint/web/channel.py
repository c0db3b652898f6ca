"""The browser as a session channel: questions shown and spoken in the page, answers typed or recorded there.

The session engine runs in a worker thread and calls this channel as it calls the
terminal's; the WebSocket handler puts what the page sends into an Inbox, in order,
and the channel takes it from there. Spoken answers go through the terminal's own
VoiceChannel: the page's microphone (BrowserMicrophone) feeds the same end-of-answer
rules (Recorder.collect) and the same StreamingTranscriber, and each question is
rendered by the same Speaker (BrowserSpeaker), only played by the page.
"""

from __future__ import annotations

import io
import queue
import secrets
import threading
import wave
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from mockint.channels.base import Reply
from mockint.channels.voice import VoiceChannel
from mockint.domain import Answer, Question
from mockint.feedback.meaning import read_question_ahead
from mockint.errors import DeviceError
from mockint.speech.audio import Recorder
from mockint.speech.collector import OnLevel, Recording, TranscriptSoFar
from mockint.speech.turn import ExpectedAnswer
from mockint.speech.base import SpeechRenderer

Send = Callable[[dict], None]  # hands a message to the page (thread-safe, never blocks)

TEXT_HELP = "Type your answer and press Send (Ctrl+Enter sends too)."
VOICE_HELP = ("Press Record and answer out loud; when you stop talking at the end of a sentence the answer ends by "
              "itself (a thinking pause mid-sentence does not), or press Stop.")
MIC_SILENT_SECONDS = 3.0  # no sound at all from the page for this long while recording: the microphone is gone
SPEECH_SAMPLE_RATE = 22050
EMPTY_BLOCK = np.zeros(0, np.int16)


@dataclass(frozen=True)
class Event:
    """One thing the page sent: a control message, a block of audio, or the end of the connection."""

    kind: Literal["control", "audio", "closed"]
    message: dict = field(default_factory=dict)
    audio: bytes = b""

    @property
    def type(self) -> str | None:
        return self.message.get("type") if self.kind == "control" else None


class Inbox:
    """What the page sent, in order, waiting for the session thread."""

    def __init__(self):
        self._events: queue.Queue[Event] = queue.Queue()
        self.closed = False

    def put_control(self, message: dict) -> None:
        self._events.put(Event("control", message=message))

    def put_audio(self, data: bytes) -> None:
        self._events.put(Event("audio", audio=data))

    def close(self) -> None:
        """The page went away (tab closed, connection lost)."""
        self.closed = True
        self._events.put(Event("closed"))

    def get(self, timeout: float | None = None) -> Event:
        """The next event; queue.Empty if none came within `timeout` seconds."""
        return self._events.get(timeout=timeout)


class SpeechClips:
    """Question audio waiting to be fetched by the page, kept in memory (nothing is written to disk)."""

    KEEP = 8

    def __init__(self):
        self._clips: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, wav: bytes) -> str:
        """Keep a clip and return its id (unguessable, though the guard already keeps others out)."""
        clip_id = secrets.token_hex(8)
        with self._lock:
            self._clips[clip_id] = wav
            while len(self._clips) > self.KEEP:
                self._clips.popitem(last=False)
        return clip_id

    def get(self, clip_id: str) -> bytes | None:
        with self._lock:
            return self._clips.get(clip_id)


def wav_bytes(samples: np.ndarray, sample_rate: int) -> bytes:
    """int16 mono samples as a WAV file in memory."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(np.ascontiguousarray(samples, "<i2").tobytes())
    return out.getvalue()


class BrowserSpeaker:
    """Says a question by rendering it with the Speaker and handing the sound to the page to play."""

    def __init__(self, renderer: SpeechRenderer | None, clips: SpeechClips, send: Send):
        self.renderer = renderer  # None: the candidate chose not to hear the questions
        self.clips = clips
        self.send = send

    def check(self) -> None:
        """Nothing to start: the renderer was checked when it was made."""

    def speak(self, text: str) -> None:
        """Render the text and tell the page where to fetch it; a voice that fails leaves the text on screen."""
        if self.renderer is None:
            return
        try:
            samples = self.renderer.render(text, SPEECH_SAMPLE_RATE)
        except DeviceError as problem:
            self.send({"type": "notice", "text": f"This question could not be spoken: {problem}"})
            return
        if samples.size:
            self.send({"type": "speech", "url": f"/speech/{self.clips.add(wav_bytes(samples, SPEECH_SAMPLE_RATE))}"})


class BrowserMicrophone:
    """The page's microphone: 16 kHz int16 blocks from the Inbox through the terminal's end-of-answer rules."""

    def __init__(self, inbox: Inbox, recorder: Recorder, send: Send):
        self.inbox = inbox
        self.recorder = recorder  # only its rules are used: the blocks come from the page, not a device
        self.send = send
        self.lost = False  # the microphone stopped mid-answer (unplugged, or the page stopped sending)
        self.interrupted_by: Literal["skip", "quit", "end"] | None = None
        self.spoke = False
        self._stop = False

    def record_answer(self, on_chunk: Callable[[np.ndarray], None] | None = None,
                      transcript: TranscriptSoFar | None = None, on_level: OnLevel | None = None,
                      expected: ExpectedAnswer | None = None) -> Recording:
        """Take the page's audio until the answer ends (pause, Stop, length limit, lost microphone).

        `expected`: as for the terminal's Recorder, what the question asks for.
        """
        self.lost, self.interrupted_by, self._stop = False, None, False
        recording = self.recorder.collect(self._blocks(), on_chunk, lambda: self._stop, transcript=transcript,
                                          on_level=on_level, expected=expected)
        self.spoke = recording.spoke
        self.send({"type": "recording_ended", "reason": "lost" if self.lost else recording.stop_reason})
        if self.lost:  # said at once: the transcription of what was said still takes a moment
            said = "What you said up to then is kept." if recording.spoke else "Nothing was recorded."
            self.send({"type": "mic_problem", "text": "The microphone stopped in the middle of your answer "
                       f"(was it unplugged?). {said} Plug it back in and press Record, or type your answer."})
        return recording

    def _blocks(self) -> Iterator[np.ndarray]:
        """Audio blocks from the Inbox; controls that end the answer end the stream."""
        while True:
            try:
                event = self.inbox.get(timeout=MIC_SILENT_SECONDS)
            except queue.Empty:
                self.lost = True
                return
            if event.kind == "audio":
                usable = len(event.audio) - len(event.audio) % 2
                yield np.frombuffer(event.audio[:usable], "<i2")
            elif event.kind == "closed":
                self.interrupted_by = "end"
                return
            elif event.type == "mic_lost":
                self.lost = True
                return
            elif event.type in ("stop", "skip", "quit"):
                self.interrupted_by = None if event.type == "stop" else event.type
                self._stop = True
                yield EMPTY_BLOCK  # lets the collector see the stop at once, without waiting for audio


class WebChannel:
    """A session's channel in the browser: typed answers, recorded answers, and the page's buttons."""

    def __init__(self, mode: Literal["text", "voice"], inbox: Inbox, send: Send, speaker: BrowserSpeaker,
                 voice: VoiceChannel | None = None, microphone: BrowserMicrophone | None = None):
        self.mode = mode
        self.help = VOICE_HELP if mode == "voice" else TEXT_HELP
        self.inbox = inbox
        self.send = send
        self.speaker = speaker
        self.voice = voice  # None in a typed session: the page offers no Record button
        self.microphone = microphone

    def ask(self, question: Question) -> None:
        """Speak the question in the page (the view has shown it), and encode what the feedback needs of it."""
        read_question_ahead(question.text, question.talking_points)
        self.speaker.speak(question.text)

    def listen(self, key: str) -> Reply:
        """Wait for the page: a typed answer, a recording, Skip, Repeat, End session, or the tab going away."""
        while True:
            event = self.inbox.get()
            if event.kind == "closed":
                return Reply("end")
            if event.kind == "audio":
                continue  # the last blocks of a recording that has already ended
            if event.type == "answer":
                text = str(event.message.get("text", "")).strip()
                if text:
                    return Reply("answer", Answer(text=text, mode="text"))
            elif event.type in ("skip", "repeat", "quit"):
                return Reply(event.type)
            elif event.type == "record":
                if self.voice is None:
                    self.send({"type": "error", "text": "This session is typed: type your answer and press Send."})
                    continue
                reply = self._recorded(key)
                if reply is not None:
                    return reply
            # "stop" or "mic_lost" outside a recording: it has already ended; nothing to do

    def _recorded(self, key: str) -> Reply | None:
        """Record one answer through the voice channel; None to wait for another try (nothing was said)."""
        reply = self.voice.listen(key)
        mic = self.microphone
        answer = reply.answer
        if mic.lost and answer is not None:
            answer = answer.model_copy(update={"complete": False})
        if mic.interrupted_by is not None:
            return Reply(mic.interrupted_by, answer)
        if answer is None and mic.spoke:  # a spoken command: "could you repeat the question", "skip this one"
            return Reply(reply.action)
        if answer is None:  # nothing was said: let the candidate try again rather than skip the question
            if not mic.lost:
                self.send({"type": "notice", "text": "No speech was heard. Check that the level meter moves "
                           "when you talk, then press Record again, or type your answer."})
            return None
        return Reply(reply.action, answer)


def endpointing_recorder(end_silence_seconds: float, max_answer_seconds: float,
                         no_speech_timeout_seconds: float) -> Recorder:
    """A Recorder used only for its end-of-answer rules (its collect takes blocks from any source)."""
    return Recorder(None, end_silence_seconds=end_silence_seconds, max_answer_seconds=max_answer_seconds,
                    no_speech_timeout_seconds=no_speech_timeout_seconds)
