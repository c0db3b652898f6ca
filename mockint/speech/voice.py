"""The spoken channel of a session: speak a question, record and transcribe the answer.

The orchestrator calls prepare() once, then ask() and listen() per question; it knows
nothing of devices or models, and this knows nothing of sessions or feedback.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from mockint.config import Settings, find_whisper_model
from mockint.domain import Answer, Question
from mockint.interview import AnswerEvent
from mockint.speech.audio import Recorder, discard_typed_input
from mockint.speech.commands import COMMAND_MAX_SPEECH_SECONDS, spoken_command
from mockint.speech.audiofile import write_audio
from mockint.speech.devices import resolve_device
from mockint.speech.stt import StreamingTranscriber, Transcriber
from mockint.speech.tts import Speaker

AUDIO_SUFFIX = ".flac"  # lossless and half the size of WAV


class VoiceChannel:
    """Questions out through the speaker, answers in through the microphone and Whisper."""

    def __init__(self, settings: Settings, audio_dir: Path, meter=None):
        self.settings = settings
        self.audio_dir = Path(audio_dir)
        self.meter = meter  # an on_level callback that is also a context manager (mockint.cli.meter)
        self.speaker: Speaker | None = None
        self.recorder: Recorder | None = None
        self.transcriber: Transcriber | None = None

    def prepare(self) -> None:
        """Resolve the devices, start the voice and load Whisper once; DeviceError/ModelError if not possible."""
        s = self.settings
        microphone = resolve_device(s.input_device, "input")
        speaker = resolve_device(s.output_device, "output")
        self.speaker = Speaker(s.voice, s.speech_rate, speaker.index)
        self.speaker.check()
        self.recorder = Recorder(
            microphone.index,
            end_silence_seconds=s.end_silence_seconds,
            max_answer_seconds=s.max_answer_seconds,
            no_speech_timeout_seconds=s.no_speech_timeout_seconds,
        )
        self.transcriber = Transcriber(find_whisper_model(settings=s))
        self.transcriber.load()

    def ask(self, question: Question) -> None:
        """Say the question aloud (the orchestrator prints it)."""
        if self.speaker is None:
            self.prepare()
        self.speaker.speak(question.text)

    def listen(self, turn_key: str) -> Answer | AnswerEvent | None:
        """Record and transcribe one answer and save its audio; None if the candidate never spoke.

        A short utterance that is a spoken command ("could you repeat the question",
        "skip this one", "let's stop here") comes back as that action instead.
        """
        if self.recorder is None:
            self.prepare()
        discard_typed_input()
        stream = StreamingTranscriber(self.transcriber)
        try:
            with self.meter or nullcontext():
                recording = self.recorder.record_answer(on_chunk=stream.feed, transcript=stream, on_level=self.meter)
        except BaseException:
            stream.cancel()
            raise
        if not recording.spoke:
            stream.cancel()
            return None
        # The recording is written before transcription, so a failure there loses no answer.
        path = write_audio(self.audio_dir / f"{turn_key}{AUDIO_SUFFIX}", recording.audio, recording.sample_rate)
        transcript = stream.finish()
        command = spoken_command(transcript.text) if recording.speech_seconds <= COMMAND_MAX_SPEECH_SECONDS else None
        if command is not None:
            return AnswerEvent(command)
        return Answer(
            mode="voice",
            text=transcript.text,
            words=transcript.words,
            duration_seconds=transcript.duration_seconds,
            audio=str(path),
            complete=recording.stop_reason != "max_length",
        )
