"""Text practice through the real CLI, the real embedded LLM and a real SQLite file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.roles import load_role

STRONG = (
    "In my last job our checkout service failed every Friday under peak load. I was the engineer on call and "
    "my task was to make it survive the sale weekend. I profiled the service, found a missing database index, "
    "added it, and I set up a load test that ran before every release. As a result, the p99 latency dropped "
    "from 900 to 200 milliseconds and we had zero outages in the next quarter, which saved about 30 hours of "
    "on-call time a month."
)


def run(args, input_text=""):
    result = CliRunner().invoke(cli, args, input=input_text)
    assert "Traceback" not in result.output
    return result


def review(ref="last") -> dict:
    result = run(["review", ref, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_piped_session_is_saved_and_reviewable():
    answers = [STRONG, "I would split the work by risk.\nThen I would ship the safest part first.", STRONG]
    result = run(["practice", "--text", "--role", "software engineer", "--count", "3", "--seed", "1",
                  "--no-follow-ups"], "".join(a + "\n\n" for a in answers))
    assert result.exit_code == 0, result.output
    assert "Question 1 of 3" in result.output and "Question 3 of 3" in result.output
    assert "3 answered" in result.output and "mockint review 1" in result.output
    data = review()
    assert data["id"] == 1 and data["role"] == "Software Engineer"
    assert [t["answer"]["text"] for t in data["turns"]] == [a.strip() for a in answers]
    for turn in data["turns"]:
        assert turn["question"]["text"].endswith("?") and turn["question"]["kind"]
        assert turn["question"]["reason"]
        assert turn["feedback"]["word_count"] == len(turn["answer"]["text"].split())
    listed = json.loads(run(["sessions", "--json"]).output)
    assert listed[0]["id"] == 1 and listed[0]["answered"] == 3


def test_skip_repeat_and_quit_commands():
    script = "/repeat\n/skip\n" + STRONG + "\n\n/quit\n"
    result = run(["practice", "--text", "--role", "teacher", "--count", "4", "--seed", "2", "--no-follow-ups"], script)
    assert result.exit_code == 0, result.output
    assert result.output.count("Question 1 of 4") == 2  # asked again after /repeat
    turns = review()["turns"]
    assert turns[0]["answer"] is None and turns[0]["feedback"] is None  # skipped
    assert turns[1]["answer"]["text"] == STRONG
    assert len(turns) == 2  # /quit before answering the third saves nothing for it


def test_end_of_input_mid_answer_keeps_the_partial_answer():
    result = run(["practice", "--text", "--role", "accountant", "--count", "3", "--seed", "3", "--no-follow-ups"],
                 STRONG + "\n\nI reconciled the accounts and found")
    assert result.exit_code == 0, result.output
    turns = review()["turns"]
    assert len(turns) == 2
    assert turns[1]["answer"]["text"] == "I reconciled the accounts and found"
    assert turns[1]["answer"]["complete"] is False and turns[1]["feedback"] is not None


def test_a_weak_answer_gets_one_follow_up_on_its_gap():
    result = run(["practice", "--text", "--role", "product manager", "--count", "1", "--seed", "4"],
                 "We shipped it.\n\nI cut the scope to two features and it launched in 6 weeks.\n\n")
    assert result.exit_code == 0, result.output
    assert "Follow-up:" in result.output
    turns = review()["turns"]
    assert len(turns) == 2
    assert turns[1]["question"]["kind"] == "follow_up" and turns[1]["follow_up_of"] == 0
    assert "short" in turns[1]["question"]["reason"]


def test_notes_shape_the_questions(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("They asked about the churn model I built for subscriptions. "
                     "I struggled to explain how I validated the churn model.")
    result = run(["questions", "--role", "data scientist", "--notes", str(notes), "--count", "4", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["questions"]) == 4
    first_round = [q for q in data["questions"] if q["kind"] == "first_round"]
    assert first_round and any("churn model" in q["text"] for q in first_round)


@pytest.mark.parametrize("count", [1, 7])
def test_questions_json_gives_exactly_n(count):
    result = run(["questions", "--role", "registered nurse", "--count", str(count), "--json"])
    data = json.loads(result.output)
    assert data["role"] == "Registered Nurse" and len(data["questions"]) == count
    assert all({"text", "kind", "competency", "reason"} <= set(q) for q in data["questions"])


def test_free_text_role_is_fine():
    result = run(["questions", "--role", "game producer", "--count", "2", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["role"] == "Game Producer"


def test_missing_and_non_gguf_models_fail_in_one_line(tmp_path):
    missing = tmp_path / "nope.gguf"
    result = run(["practice", "--text", "--role", "teacher", "--model", str(missing)], "hi\n\n")
    assert result.exit_code == 2 and str(missing) in result.output
    assert len(result.output.strip().splitlines()) == 1
    fake = tmp_path / "fake.gguf"
    fake.write_text("not a model")
    result = run(["questions", "--role", "teacher", "--model", str(fake)])
    assert result.exit_code == 2 and result.output.strip() == f"mockint: Not a GGUF model file: {fake}. mockint needs a llama.cpp .gguf model."


def test_unwritable_home_fails_in_one_line(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MOCKINT_HOME", str(blocker))
    result = run(["practice", "--text", "--role", "teacher"], "hi\n\n")
    assert result.exit_code == 2 and "MOCKINT_HOME" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_notes_file_and_no_role_when_piped(tmp_path):
    result = run(["practice", "--text", "--role", "teacher", "--notes", str(tmp_path / "x.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = run(["practice", "--text"], "")
    assert result.exit_code == 2 and "--role" in result.output


def test_a_binary_notes_file_is_refused_not_read_as_empty_notes(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(bytes(200) + b"IHDR" + bytes(200))  # valid UTF-8, yet no writing in it
    result = run(["questions", "--role", "teacher", "--notes", str(notes)])
    assert result.exit_code == 2 and "not plain text" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_roles_and_doctor():
    result = run(["roles", "--json"])
    keys = [r["key"] for r in json.loads(result.output)]
    assert len(keys) >= 10 and "registered_nurse" in keys
    result = run(["doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(result.output)}
    assert checks["question model (GGUF)"]["ok"] and checks["data folder"]["ok"]
    assert result.exit_code == 0


def _default_ctrl_c() -> None:
    """In the child: Ctrl-C as a terminal gives it. A shell without job control starts background
    jobs with SIGINT ignored, and Python keeps an inherited "ignore": the test would then test that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _mockint(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "mockint", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_ctrl_c, **kw)


def test_ctrl_c_after_two_answers_keeps_both(mockint_home):
    proc = _mockint("practice", "--text", "--role", "sales representative", "--count", "5", "--no-follow-ups")
    proc.stdin.write(STRONG + "\n\n" + "I called every lost customer and won back 12 of 40 accounts.\n\n")
    proc.stdin.flush()
    db = mockint_home / "mockint.db"
    deadline = time.time() + 120
    while time.time() < deadline:
        if db.exists():
            with sqlite3.connect(db) as con:
                if con.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 2:
                    break
        time.sleep(0.2)
    time.sleep(0.5)  # now waiting in the middle of the third question
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in out + err
    assert "saved with 2 answer(s)" in out
    with sqlite3.connect(db) as con:
        answers = [json.loads(a)["text"] for (a,) in con.execute("SELECT answer FROM turns ORDER BY idx")]
    assert answers == [STRONG, "I called every lost customer and won back 12 of 40 accounts."]


@pytest.mark.skipif(not shutil.which("unshare"), reason="needs util-linux unshare")
def test_works_with_no_network_at_all(mockint_home):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow network namespaces")
    env = dict(os.environ)
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "mockint", "practice", "--text", "--role", "data scientist",
         "--count", "2", "--no-follow-ups"],
        input=STRONG + "\n\n" + STRONG + "\n\n", capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "2 answered" in result.stdout


def test_roles_read_well_at_80_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    listing = run(["roles"]).output.splitlines()
    assert all(len(line.rstrip()) <= 80 for line in listing)
    pilots = str(len(load_role("airline_pilot").bank))
    assert any(line.startswith("Airline Pilot ") and line.rstrip().endswith(" " + pilots) for line in listing)
    detail = run(["roles", "airline_pilot"])
    assert detail.exit_code == 0 and "crew resource management and communication" in detail.output
    assert all(len(line.rstrip()) <= 80 for line in detail.output.splitlines())
    assert run(["roles", "astronaut"]).exit_code == 2
