"""The database schema as numbered migrations; `PRAGMA user_version` records how many have run.

Append new migrations to MIGRATIONS; never edit one that has shipped, because a
candidate's database may already have run it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from mockint.errors import StoreError


def _m001_sessions_and_turns(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            role TEXT NOT NULL,
            role_key TEXT NOT NULL,
            mode TEXT NOT NULL,
            notes TEXT,
            model TEXT,
            started_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            question TEXT NOT NULL,
            answer TEXT,
            feedback TEXT,
            skipped INTEGER NOT NULL DEFAULT 0,
            follow_up_of INTEGER,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            UNIQUE (session_id, idx)
        );
        """
    )


def _m002_debriefs(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE debriefs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            role TEXT,
            role_key TEXT,
            started_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE TABLE debrief_steps (
            debrief_id INTEGER NOT NULL REFERENCES debriefs(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (debrief_id, step)
        );
        """
    )


def _m003_stories(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE story_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            mode TEXT NOT NULL,
            score INTEGER NOT NULL,
            comparison TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )


# Before migration 4, a retry's origin was only written into its question's reason.
_LEGACY_RETRY_REASON = re.compile(r"^Retry of session (\d+), question (\d+)")


def _m004_retry_of(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        ALTER TABLE sessions ADD COLUMN retry_of_session INTEGER;
        ALTER TABLE sessions ADD COLUMN retry_of_question INTEGER;
        """
    )
    rows = db.execute(
        "SELECT t.session_id, json_extract(t.question, '$.reason') FROM turns t"
        " WHERE t.idx = 0 AND json_extract(t.question, '$.source') = 'retry'"
    ).fetchall()
    for session_id, reason in rows:
        if match := _LEGACY_RETRY_REASON.match(reason or ""):
            db.execute("UPDATE sessions SET retry_of_session = ?, retry_of_question = ? WHERE id = ?",
                       (int(match.group(1)), int(match.group(2)), session_id))


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m001_sessions_and_turns, _m002_debriefs, _m003_stories, _m004_retry_of,
]


def migrate(db: sqlite3.Connection, path) -> None:
    """Run the migrations this database has not had yet, each in its own transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(f"{path} was written by a newer mockint; upgrade mockint to open it.")
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with db:
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
