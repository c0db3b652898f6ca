"""The browser channel without a browser: what the page sends, in order, turned into the engine's replies.

The audio is real speech (espeak-ng) through the real end-of-answer rules; the transcriber
is scripted here, since the real one is exercised by the spoken session in Chromium."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.channels.voice import VoiceChannel
from mockint.domain import Question, QuestionKind, Word
from mockint.speech.stt import Piece
from mockint.web.channel import BrowserMicrophone, BrowserSpeaker, Inbox, SpeechClips, WebChannel, endpointing_recorder
from tests.speech.speech_data import espeak, silence

QUESTION = Question(text="Tell me about a hard decision.", kind=QuestionKind.behavioral)


class ScriptedTranscriber:
    """Says each piece of audio was "We shipped it." (a finished sentence, so a plain pause ends the answer)."""

    def load(self) -> None: ...

    def transcribe_piece(self, audio, offset_seconds=0.0, context=""):
        return Piece("We shipped it.", [Word(text=w, start=offset_seconds + i * 0.3, end=offset_seconds + i * 0.3 + 0.2)
                                       for i, w in enumerate(["We", "shipped", "it."])])


class Page:
    """What the page was sent."""

    def __init__(self):
        self.messages = []

    def __call__(self, message):
        self.messages.append(message)

    def of(self, kind):
        return [m for m in self.messages if m["type"] == kind]


@pytest.fixture
def channel_for(tmp_path):
    def make(mode="voice"):
        inbox, page = Inbox(), Page()
        speaker = BrowserSpeaker(None, SpeechClips(), page)
        if mode == "text":
            return WebChannel("text", inbox, page, speaker), inbox, page
        mic = BrowserMicrophone(inbox, endpointing_recorder(2.5, 240, 20), page)
        voice = VoiceChannel(speaker, mic, ScriptedTranscriber(), tmp_path / "audio")
        return WebChannel("voice", inbox, page, speaker, voice, mic), inbox, page
    return make


def send_audio(inbox: Inbox, audio: np.ndarray, block: int = 1600) -> None:
    for start in range(0, audio.size, block):
        inbox.put_audio(audio[start:start + block].astype("<i2").tobytes())


SPEECH = np.concatenate([silence(0.5), espeak("We shipped the new billing system on time.")])


def test_typed_answers_and_the_buttons(channel_for):
    channel, inbox, _ = channel_for("text")
    inbox.put_control({"type": "answer", "text": "   "})  # an empty send is not an answer
    inbox.put_control({"type": "answer", "text": " I chose the safer plan. "})
    reply = channel.listen("1-1")
    assert reply.action == "answer" and reply.answer.text == "I chose the safer plan." and reply.answer.mode == "text"
    for action in ("skip", "repeat", "quit"):
        inbox.put_control({"type": action})
        assert channel.listen("1-1").action == action
    inbox.close()
    assert channel.listen("1-1").action == "end"


def test_a_recorded_answer_ends_at_the_pause_and_is_saved(channel_for, tmp_path):
    channel, inbox, page = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, np.concatenate([SPEECH, silence(6.0)]))
    reply = channel.listen("1-1")
    assert reply.action == "answer" and reply.answer.mode == "voice" and reply.answer.complete
    assert reply.answer.text.startswith("We shipped it.")
    assert (tmp_path / "audio" / "1-1.flac").is_file()
    assert page.of("recording_ended") == [{"type": "recording_ended", "reason": "silence"}]


def test_stop_ends_the_answer_at_once(channel_for):
    channel, inbox, page = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, SPEECH)
    inbox.put_control({"type": "stop"})
    reply = channel.listen("1-1")
    assert reply.action == "answer" and reply.answer.complete
    assert page.of("recording_ended")[0]["reason"] == "enter"


def test_a_lost_microphone_keeps_what_was_said_as_unfinished(channel_for):
    channel, inbox, page = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, SPEECH)
    inbox.put_control({"type": "mic_lost"})
    reply = channel.listen("1-1")
    assert reply.action == "answer" and not reply.answer.complete
    assert "What you said up to then is kept" in page.of("mic_problem")[0]["text"]


def test_nothing_said_lets_the_candidate_try_again(channel_for):
    channel, inbox, page = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, silence(1.0))
    inbox.put_control({"type": "stop"})
    inbox.put_control({"type": "answer", "text": "Typed instead."})
    reply = channel.listen("1-1")
    assert reply.answer.text == "Typed instead."
    assert "No speech was heard" in page.of("notice")[0]["text"]


def test_ending_the_session_while_recording_keeps_the_answer(channel_for):
    channel, inbox, _ = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, SPEECH)
    inbox.put_control({"type": "quit"})
    reply = channel.listen("1-1")
    assert reply.action == "quit" and reply.answer.text.startswith("We shipped it.")


def test_the_tab_closing_while_recording_ends_the_session(channel_for):
    channel, inbox, _ = channel_for()
    inbox.put_control({"type": "record"})
    send_audio(inbox, SPEECH)
    inbox.close()
    assert channel.listen("1-1").action == "end"


def test_a_typed_session_has_no_recording(channel_for):
    channel, inbox, page = channel_for("text")
    inbox.put_control({"type": "record"})
    inbox.put_control({"type": "skip"})
    assert channel.listen("1-1").action == "skip"
    assert page.of("error")[0]["text"].startswith("This session is typed")
