"""Spoken commands, recognised on real Whisper transcripts of espeak-ng speech, never inside an answer."""

import pytest

from mockint.speech.commands import spoken_command
from tests.speech.speech_data import espeak

pytestmark = pytest.mark.slow

SPOKEN = [
    ("Could you repeat the question?", "en-us", "repeat"),
    ("Sorry, can you say that again?", "en", "repeat"),
    ("Skip this one.", "en-us", "skip"),
    ("Next question, please.", "en", "skip"),
    ("Let's stop here.", "en-us", "quit"),
    ("Can we stop here?", "en", "quit"),
    ("I would skip this one step and ship the fix on Friday.", "en-us", None),
    ("We decided to stop here and move the budget to the next project.", "en", None),
    ("The next question the client asked was about the price.", "en-us", None),
]


@pytest.mark.parametrize("said, voice, command", SPOKEN)
def test_commands_are_heard_from_a_real_transcript(transcriber, said, voice, command):
    transcript = transcriber.transcribe(espeak(said, voice)).text
    assert spoken_command(transcript) == command, transcript


@pytest.mark.parametrize(
    "text, command",
    [
        ("Um, sorry, could you repeat that, please?", "repeat"),
        ("Pardon?", "repeat"),
        ("Can we skip this one?", "skip"),
        ("Let's move on.", "skip"),
        ("OK, let's stop here. Thank you.", "quit"),
        ("Next question.", "skip"),
        ("I stopped.", None),
        ("That's all.", None),
        ("Let's stop here and think about what went wrong in the release.", None),
        ("", None),
    ],
)
def test_only_a_whole_short_utterance_is_a_command(text, command):
    assert spoken_command(text) == command


class Played:
    """A speaker that only notes what it was asked to say."""

    def __init__(self):
        self.said = []

    def speak(self, text):
        self.said.append(text)


class FromAudio:
    """A microphone that plays a fixed recording through the real Recorder's collection path."""

    def __init__(self, audio):
        self.audio = audio

    def record_answer(self, on_chunk=None, transcript=None, on_level=None, expected=None):
        from mockint.speech.audio import Recorder, blocks_of

        return Recorder(None).collect(blocks_of(self.audio, 1600), on_chunk, transcript=transcript, on_level=on_level,
                                      expected=expected)


@pytest.mark.parametrize("said, action", [("Could you repeat the question?", "repeat"),
                                          ("Skip this one.", "skip"), ("Let's stop here.", "quit")])
def test_the_voice_channel_replies_with_the_command_said(tmp_path, transcriber, said, action):
    import numpy as np

    from mockint.channels.voice import VoiceChannel
    from tests.speech.speech_data import silence

    mic = FromAudio(np.concatenate([silence(1.0), espeak(said), silence(6.0)]))
    reply = VoiceChannel(Played(), mic, transcriber, tmp_path).listen("q1")
    assert reply.action == action and reply.answer is None
