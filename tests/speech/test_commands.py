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
