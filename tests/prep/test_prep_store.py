"""The store's prep tables: an existing database gains them without losing its sessions."""

import sqlite3

from mockint.store import Store
from mockint.store.migrations import MIGRATIONS


def test_a_database_from_before_the_prep_tables_is_upgraded_in_place(mockint_home):
    mockint_home.mkdir(parents=True)
    old = sqlite3.connect(mockint_home / "mockint.db")
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO sessions (role, role_key, mode, started_at) VALUES ('Teacher', 'teacher', 'text', '2025-01-01T00:00:00+00:00')")
    old.commit()
    old.close()

    store = Store()
    assert [s.role for s in store.list_sessions()] == ["Teacher"]
    debrief_id = store.start_debrief(None, None)
    store.save_debrief_step(debrief_id, "struggled", 3, "the salary question")
    store.save_debrief_step(debrief_id, "their_questions", 1, "Why this school?")
    store.save_debrief_step(debrief_id, "struggled", 3, "the salary question, again")  # replaced, not added
    assert list(store.load_debrief("last").steps.items()) == [
        ("their_questions", "Why this school?"), ("struggled", "the salary question, again")]
    story_id = store.add_story("Title", "Text.")
    store.save_story_attempt(story_id, "Retold well.", "voice", 70, {"score": 70})
    store.save_story_attempt(story_id, "Retold worse.", "text", 40, {"score": 40})
    (row,) = store.list_stories()
    assert (row.attempts, row.best_score, row.last_score) == (2, 70, 40)
    assert [a.comparison["score"] for a in store.story_attempts(story_id)] == [70, 40]
    assert sqlite3.connect(mockint_home / "mockint.db").execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
