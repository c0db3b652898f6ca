"""The spoken channel: say the question, record the answer, transcribe it while it is spoken.

It is given its engines (a TextToSpeech, a Microphone, a SpeechToText), so it knows
nothing of devices or models, and nothing of sessions or feedback.
"""

from __future__ import annotations

from pathlib import Path

from mockint.channels.base import Reply
from mockint.domain import Answer, Question
from mockint.speech.audiofile import write_audio
from mockint.speech.base import Microphone, SpeechToText, TextToSpeech
from mockint.speech.audio import discard_typed_input
from mockint.speech.stt import StreamingTranscriber

AUDIO_SUFFIX = ".flac"  # lossless and half the size of WAV
HELP = "Answer out loud; a pause of a couple of seconds ends your answer. Ctrl-C ends the session."


class VoiceChannel:
    """Questions out through the speaker, answers in through the microphone and speech-to-text."""

    mode = "voice"
    help = HELP

    def __init__(self, speaker: TextToSpeech, microphone: Microphone, transcriber: SpeechToText, audio_dir: Path):
        self.speaker = speaker
        self.microphone = microphone
        self.transcriber = transcriber
        self.audio_dir = Path(audio_dir)

    def ask(self, question: Question) -> None:
        """Say the question aloud (the view shows it)."""
        self.speaker.speak(question.text)

    def listen(self, key: str) -> Reply:
        """Record and transcribe one answer and save its audio; a skip if the candidate never spoke."""
        discard_typed_input()
        stream = StreamingTranscriber(self.transcriber)
        try:
            recording = self.microphone.record_answer(on_chunk=stream.feed)
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
        answer = Answer(**transcript.model_dump(), mode="voice", audio=str(path),
                        complete=recording.stop_reason != "max_length")
        return Reply("answer", answer)
