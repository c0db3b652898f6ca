"""The terminal's level line (mockint/cli/meter.py), fed by the Recorder's on_level reports."""

import io

import numpy as np
from rich.console import Console

from mockint.cli.meter import LevelMeter, meter_bar, meter_line
from mockint.speech.audio import Recorder, blocks_of
from tests.speech.test_turn import glide


def test_meter_bar_scales_from_minus_60_to_0_db():
    assert meter_bar(-100.0, 10) == "·" * 10
    assert meter_bar(-30.0, 10) == "█" * 5 + "·" * 5
    assert meter_bar(3.0, 10) == "█" * 10


def test_the_line_says_listening_until_the_answer_starts_then_shows_its_time():
    assert "listening" in meter_line(-80.0, 0.0, False)
    assert "1:05" in meter_line(-20.0, 65.4, True)


def test_a_terminal_shows_elapsed_time_and_a_level_meter_and_a_pipe_shows_nothing():
    audio = np.concatenate([np.zeros(8000, np.int16), glide(3.0, 140, 140, 1.0, 1.0), np.zeros(48000, np.int16)])
    for terminal in (True, False):
        screen = io.StringIO()
        with LevelMeter(Console(file=screen, force_terminal=terminal, width=100)) as meter:
            Recorder(None, end_silence_seconds=2.0).collect(blocks_of(audio, 1600), on_level=meter)
        assert ("█" in screen.getvalue() and "0:0" in screen.getvalue()) is terminal
