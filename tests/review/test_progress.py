"""`mockint progress`: per-session figures and trends, from sessions practised through the real CLI."""

from __future__ import annotations

import json

import pytest

from mockint.domain import STAR_PARTS
from mockint.progress import judge, pace_distance, trends
from tests.review.conftest import invoke


def progress_json() -> dict:
    result = invoke(["progress", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_no_sessions_is_one_kind_line():
    result = invoke(["progress"])
    assert result.exit_code == 0
    assert result.output == "No sessions yet, so no progress to show. Start with: mockint practice\n"
    assert progress_json() == {"sessions": []}


def test_progress_after_two_practice_sessions(two_sessions):
    rows = progress_json()["sessions"]
    assert [r["id"] for r in rows] == [1, 2]
    for row in rows:
        turns = json.loads(invoke(["review", str(row["id"]), "--format", "json"]).output)["turns"]
        fbs = [t["feedback"] for t in turns]
        words = sum(f["word_count"] for f in fbs)
        assert row["role"] == "Software Engineer" and row["answers"] == 2
        assert row["words_per_minute"] is None  # typed answers have no pace
        assert row["fillers_per_100_words"] == round(sum(f["fillers"]["total"] for f in fbs) * 100 / words, 2)
        assert row["too_short"] == sum(f["length"]["verdict"] == "too_short" for f in fbs)
        assert row["too_long"] == sum(f["length"]["verdict"] == "too_long" for f in fbs)
        star = [f["star"] for f in fbs if f["star"]["applicable"]]
        expected = sum(sum(s[p]["present"] for p in STAR_PARTS) / 4 for s in star) / len(star) if star else None
        assert row["star_completeness"] == (None if expected is None else round(expected, 3))
    first, second = rows
    assert all(v is None for v in first["trend"].values())  # nothing earlier to compare with
    # The hesitant short answers came first: the second session has fewer fillers and fewer short answers.
    assert first["fillers_per_100_words"] > 5 and second["fillers_per_100_words"] < 1
    assert second["trend"]["fillers_per_100_words"]["trend"] == "improving"
    assert second["trend"]["fillers_per_100_words"]["delta"] == pytest.approx(
        second["fillers_per_100_words"] - first["fillers_per_100_words"], abs=0.01)
    assert first["too_short"] == 2 and second["too_short"] == 0
    assert second["trend"]["too_short"] == {"trend": "improving", "delta": -1.0, "earlier": 1.0}
    assert second["trend"]["words_per_minute"] is None


def test_progress_table_reads_well_in_80_columns(two_sessions):
    result = invoke(["progress"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if line.startswith("#"))
    assert header.split() == ["#", "date", "role", "answers", "wpm", "fillers", "STAR", "long", "short"]
    second = next(line for line in lines if line.startswith("2 "))
    assert "Software Engineer" in second and "✓" in second and "✗" not in second
    assert "Session 2 against your earlier ones: fillers better" in result.output


def test_a_spoken_session_has_a_pace(voice_session):
    (row,) = progress_json()["sessions"]
    fb = voice_session.turns[0].feedback
    assert row["words_per_minute"] == pytest.approx(fb.word_count * 60 / fb.duration_seconds, abs=0.1)


def test_sessions_without_answers_are_left_out(two_sessions):
    invoke(["practice", "--retry", "1:1", "--text"], "/skip\n")
    assert [r["id"] for r in progress_json()["sessions"]] == [1, 2]


def test_pace_improves_towards_the_comfortable_band_not_upwards():
    assert pace_distance(140) == 0 and pace_distance(190) == 20 and pace_distance(90) == 20
    assert judge("words_per_minute", 190, 150) == "improving"
    assert judge("words_per_minute", 150, 190) == "worse"
    assert judge("words_per_minute", 120, 160) == "steady"  # both comfortable
    assert judge("fillers_per_100_words", 4.0, 3.8) == "steady"
    assert judge("star_completeness", 0.5, 0.75) == "improving"


def test_trend_compares_with_the_mean_of_all_earlier_sessions():
    def row(fillers):
        return {"answers": 4, "words_per_minute": None, "fillers_per_100_words": fillers,
                "star_completeness": None, "too_long": 0, "too_short": 0}

    rows = trends([row(8.0), row(2.0), row(4.0)])
    third = rows[2]["trend"]["fillers_per_100_words"]
    assert third == {"trend": "improving", "delta": -1.0, "earlier": 5.0}  # 4 against the mean of 8 and 2
