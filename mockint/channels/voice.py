"""The spoken channel: say the question, record the answer, transcribe it while it is spoken.

It is given its engines (a TextToSpeech, a Microphone, a SpeechToText), so it knows
nothing of devices or models, and nothing of sessions or feedback.
"""

from __future__ import annotations

from contextlib import nullcontext
from functools import partial
from pathlib import Path

from mockint.channels.base import Reply
from mockint.domain import Answer, Question
from mockint.feedback.classify import expects_story
from mockint.feedback.length import targets
from mockint.feedback.meaning import read_ahead
from mockint.feedback.star import reaches_result
from mockint.speech.audio import discard_typed_input
from mockint.speech.audiofile import write_audio
from mockint.speech.base import LevelMeter, Microphone, SpeechToText, TextToSpeech
from mockint.speech.commands import COMMAND_MAX_SPEECH_SECONDS, spoken_command
from mockint.speech.stt import StreamingTranscriber
from mockint.speech.turn import ExpectedAnswer

AUDIO_SUFFIX = ".flac"  # lossless and half the size of WAV
HELP = ("Answer out loud and stop when you are done. Say \"could you repeat the question\", \"skip this one\" "
        "or \"let's stop here\" at any time; Ctrl-C ends the session.")


def expected_answer(question: Question | None) -> ExpectedAnswer | None:
    """What an answer to this question needs before a short pause may end it.

    Its shortest sensible length (the low end of the spoken length target: 25 s for a
    story); a story that has already reached its result may end sooner.
    """
    if question is None:
        return None
    story = bool(expects_story(question.text, question.kind, question.story))
    return ExpectedAnswer(targets(question.kind)[1][0], reaches_result if story else None)


class VoiceChannel:
    """Questions out through the speaker, answers in through the microphone and speech-to-text."""

    mode = "voice"
    help = HELP

    def __init__(self, speaker: TextToSpeech, microphone: Microphone, transcriber: SpeechToText, audio_dir: Path,
                 meter: LevelMeter | None = None):
        self.speaker = speaker
        self.microphone = microphone
        self.transcriber = transcriber
        self.audio_dir = Path(audio_dir)
        self.meter = meter  # the terminal's level line (mockint.cli.meter), or None
        self.question: Question | None = None  # the question being answered

    def ask(self, question: Question) -> None:
        """Say the question aloud (the view shows it)."""
        self.question = question
        self.speaker.speak(question.text)

    def listen(self, key: str) -> Reply:
        """Record and transcribe one answer and save its audio; a skip if the candidate never spoke.

        The microphone asks the stream for the text at each pause, to tell a thinking pause
        from the end of the answer; a short utterance that is a spoken command ("could you
        repeat the question", "skip this one", "let's stop here") is that command.
        """
        discard_typed_input()
        question = self.question
        points = question.talking_points if question is not None else []
        stream = StreamingTranscriber(self.transcriber,
                                      on_text=partial(read_ahead, question.text if question else None, points))
        try:
            with self.meter or nullcontext():
                recording = self.microphone.record_answer(
                    on_chunk=stream.feed, transcript=stream, on_level=self.meter,
                    expected=expected_answer(self.question),
                )
        except KeyboardInterrupt:
            stream.cancel()
            return Reply("interrupt")
        except BaseException:
            stream.cancel()
            raise
        if not recording.spoke:
            stream.cancel()
            return Reply("skip")
        # The recording is written before transcription, so a failure there loses no answer.
        path = write_audio(self.audio_dir / f"{key}{AUDIO_SUFFIX}", recording.audio, recording.sample_rate)
        transcript = stream.finish()
        command = spoken_command(transcript.text) if recording.speech_seconds <= COMMAND_MAX_SPEECH_SECONDS else None
        if command is not None:
            return Reply(command)
        answer = Answer(**transcript.model_dump(), mode="voice", audio=str(path),
                        complete=recording.stop_reason != "max_length")
        return Reply("answer", answer)
