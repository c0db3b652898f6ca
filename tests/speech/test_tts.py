"""The speech engine behind the Speaker: pyttsx3 with espeak-ng, rendered to samples."""

from types import SimpleNamespace

import numpy as np
import pytest

from mockint.errors import DeviceError
from mockint.speech.tts import Speaker, check_tts, pick_voice

LONG_QUESTION = (
    "After a deploy, p99 latency of one endpoint jumps from 200 to 900 milliseconds but nothing reproduces "
    "locally: how do you find the cause, step by step, and how would you make sure it cannot happen again?"
)


def test_a_long_question_is_rendered_whole_every_time(capsys):
    """pyttsx3 returns before espeak-ng has finished a long text; the Speaker waits for the whole of it."""
    speaker = Speaker(None, 170)
    lengths = [speaker.render(LONG_QUESTION, 16000).size / 16000 for _ in range(3)]
    assert min(lengths) > 8.0  # about 40 words at 170 words a minute
    assert max(lengths) - min(lengths) < 0.2
    assert capsys.readouterr().out == ""  # the driver's "Audio saved to ..." stays off the CLI's output


def test_the_rate_setting_changes_the_speed():
    slow = Speaker(None, 120).render(LONG_QUESTION, 16000).size
    fast = Speaker(None, 220).render(LONG_QUESTION, 16000).size
    assert fast < 0.7 * slow


def test_speakers_with_different_rates_and_voices_never_mix_even_from_two_threads():
    """One engine per process: each render sets its own voice and rate and waits for its own file."""
    import threading

    text = "Tell me about a time you changed your plan."
    speakers = [Speaker(None, 130), Speaker("en-us", 230)]
    expected = [s.render(text, 16000).size for s in speakers]
    assert expected[1] < 0.7 * expected[0]
    got: list[tuple[int, int]] = []

    def render_in_turn(order):
        for i in order:
            got.append((i, speakers[i].render(text, 16000).size))

    threads = [threading.Thread(target=render_in_turn, args=(order,)) for order in ([0, 1, 0, 1], [1, 0, 1, 0])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8
    assert all(size == pytest.approx(expected[i], rel=0.01) for i, size in got), (expected, got)


def test_nothing_to_say_renders_nothing():
    assert Speaker(None).render("  ").size == 0


VOICES = [
    SimpleNamespace(id="sit/hy", name="Armenian (East Armenia)", languages=["hy"]),
    SimpleNamespace(id="gmw/en", name="English (Great Britain)", languages=["en-gb"]),
    SimpleNamespace(id="gmw/en-us", name="English (America)", languages=["en-us"]),
    SimpleNamespace(id="roa/fr", name="French (France)", languages=["fr-fr"]),
]


@pytest.mark.parametrize(
    "wanted, voice_id",
    [("en", "gmw/en"), ("en-us", "gmw/en-us"), ("English (America)", "gmw/en-us"), ("FRENCH", "roa/fr"),
     ("fr-fr", "roa/fr"), ("armenia", "sit/hy")],
)
def test_voices_are_chosen_from_the_most_exact_match(wanted, voice_id):
    assert pick_voice(VOICES, wanted) == voice_id


def test_an_unknown_voice_is_one_line_saying_what_to_change():
    with pytest.raises(DeviceError, match="No text-to-speech voice matches 'xyzzy'.*change the voice setting"):
        pick_voice(VOICES, "xyzzy")
    problems = check_tts("xyzzy")
    assert len(problems) == 1 and "\n" not in problems[0]
    assert check_tts(None) == []


def test_rendered_speech_is_audible():
    samples = Speaker("en-us", 170).render("Tell me about a time you changed your mind.", 22050)
    assert np.abs(samples.astype(np.int32)).max() > 3000
