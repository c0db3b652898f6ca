"""The SQLite store: migrations, turns committed at once, listing and loading, bad folders."""

import json
import sqlite3

import pytest

from mockint.domain import Answer, Question, QuestionKind, Session, Turn
from mockint.errors import StoreError
from mockint.store import Store
from mockint.store.migrations import MIGRATIONS


def make_turn(i, text="An answer."):
    return Turn(index=i, question=Question(text=f"Question {i} about you, and why?", kind=QuestionKind.culture),
                answer=Answer(text=text))


def test_a_saved_turn_is_on_disk_before_the_session_ends(mockint_home):
    store = Store()
    session = store.start_session(Session(role="Teacher", role_key="teacher"))
    store.save_turn(session.id, make_turn(0, "I planned the lesson."))
    # A second connection sees it at once: the turn was committed, not left in a transaction.
    other = sqlite3.connect(mockint_home / "mockint.db")
    (answer,) = other.execute("SELECT answer FROM turns WHERE session_id = ?", (session.id,)).fetchone()
    assert "I planned the lesson." in answer
    assert other.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_sessions_list_newest_first_and_load_in_order():
    store = Store()
    first = store.start_session(Session(role="Teacher", role_key="teacher"))
    second = store.start_session(Session(role="Accountant", role_key="accountant", mode="voice"))
    for i in (1, 0):
        store.save_turn(second.id, make_turn(i))
    assert [s.id for s in store.list_sessions()] == [second.id, first.id]
    loaded = store.load_session("last")
    assert loaded.id == second.id and [t.index for t in loaded.turns] == [0, 1]
    assert loaded.mode == "voice" and loaded.turns[0].answer.text == "An answer."


def test_reopening_runs_no_migration_twice(mockint_home):
    Store().start_session(Session(role="Teacher", role_key="teacher"))
    assert len(Store().list_sessions()) == 1


def test_unknown_and_missing_sessions_give_clear_errors():
    store = Store()
    with pytest.raises(StoreError, match="No sessions saved yet"):
        store.load_session("last")
    with pytest.raises(StoreError, match="There is no session 42"):
        store.load_session("42")
    with pytest.raises(StoreError, match="is not a session id"):
        store.load_session("yesterday")


def test_home_that_is_a_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Set MOCKINT_HOME to a folder you can write to"):
        Store(blocker)


def test_a_retry_saved_before_retries_had_their_own_field_is_linked_on_upgrade(mockint_home):
    mockint_home.mkdir(parents=True)
    old = sqlite3.connect(mockint_home / "mockint.db")
    for migration in MIGRATIONS[:3]:
        migration(old)
    old.execute("PRAGMA user_version = 3")
    for n in (1, 2):
        old.execute("INSERT INTO sessions (role, role_key, mode, started_at) VALUES ('Teacher', 'teacher', 'text', "
                    "'2025-01-01T00:00:00+00:00')")
    question = {"text": "Why?", "kind": "behavioral", "source": "retry",
                "reason": "Retry of session 1, question 2: asks for evidence"}
    old.execute("INSERT INTO turns (session_id, idx, question, started_at) VALUES (2, 0, ?, '2025-01-01T00:00:00')",
                (json.dumps(question),))
    old.commit()
    old.close()
    store = Store()
    assert store.load_session(2).retry_of.model_dump() == {"session_id": 1, "question": 2}
    assert store.load_session(1).retry_of is None
