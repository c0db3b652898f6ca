"""A damaged database is set aside untouched, what can be read is recovered, and the candidate is told."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from mockint.cli import cli
from mockint.domain import Answer, Question, QuestionKind, Session, Turn
from mockint.store import DB_NAME, Store

PAGE = 4096


def fill(home, sessions: int) -> None:
    """A database with sessions, each with two answered turns of about a page of text."""
    store = Store(home)
    for n in range(sessions):
        session = store.start_session(Session(role=f"Role {n}", role_key="general"))
        for i in range(2):
            question = Question(text=f"Question {i} of session {n}?", kind=QuestionKind.behavioral)
            store.save_turn(session.id, Turn(index=i, question=question, answer=Answer(text=f"answer {n}.{i} " * 200)))
    store.close()


def test_a_file_that_is_not_a_database_is_kept_aside_and_a_new_one_started(mockint_home):
    mockint_home.mkdir(parents=True)
    (mockint_home / DB_NAME).write_bytes(b"this is not a database at all " * 100)

    store = Store()
    assert store.recovery is not None and store.list_sessions() == []
    kept = store.recovery.damaged
    assert kept.parent == mockint_home and kept.name.startswith(f"{DB_NAME}.damaged-")
    assert kept.read_bytes() == b"this is not a database at all " * 100  # never deleted or overwritten
    assert "nothing could be read" in store.recovery.describe(store.path)


def test_readable_sessions_survive_a_damaged_page(mockint_home):
    fill(mockint_home, 30)
    path = mockint_home / DB_NAME
    original = path.read_bytes()
    damaged = bytearray(original)
    middle = (len(damaged) // PAGE // 2) * PAGE
    damaged[middle:middle + 2 * PAGE] = b"\xff" * (2 * PAGE)  # two pages of garbage in the middle
    path.write_bytes(bytes(damaged))

    store = Store()
    recovered = store.list_sessions()
    assert store.recovery is not None
    turns = sum(s.turns for s in recovered)
    assert 54 <= turns < 60 and len(recovered) >= 27  # the rows on the two damaged pages are lost, not the rest
    first = store.load_session(recovered[-1].id)
    assert first.role == "Role 0" and first.turns[0].answer.text.startswith("answer 0.0")
    assert store.recovery.damaged.read_bytes() == bytes(damaged)
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    # New work goes into the new file.
    session = store.start_session(Session(role="After", role_key="general"))
    assert store.load_session(session.id).role == "After"


def test_the_cli_says_what_happened_in_one_line_and_carries_on(mockint_home):
    mockint_home.mkdir(parents=True)
    (mockint_home / DB_NAME).write_bytes(b"\0garbage" * 512)
    result = CliRunner().invoke(cli, ["sessions"])
    assert result.exit_code == 0, result.output
    notice = [line for line in result.output.splitlines() if line.startswith("mockint: ")]
    assert len(notice) == 1 and "was damaged" in notice[0] and ".damaged-" in notice[0]
    assert "No sessions yet" in result.output
    again = CliRunner().invoke(cli, ["sessions"])
    assert "damaged" not in again.output  # told once, not on every command
