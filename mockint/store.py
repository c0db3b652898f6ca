"""SQLite store: sessions and their turns, each turn committed the moment it ends.

Besides sessions it keeps the candidate's preparation: first-round debriefs (each step
committed as it is answered) and the story bank with its practice attempts.

The schema evolves through numbered migration functions; `PRAGMA user_version`
records how many have run. Questions, answers and feedback are stored as the JSON of
their pydantic models, so the stored form is the same as the `--json` contract.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from mockint.config import home_dir
from mockint.domain import Answer, Feedback, Question, Session, Turn, utc_now
from mockint.errors import StoreError

DB_NAME = "mockint.db"


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


# Append new migrations here; never edit one that has shipped.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m001_sessions_and_turns, _m002_debriefs, _m003_stories]


def _cannot(path: Path, exc: Exception) -> StoreError:
    reason = getattr(exc, "strerror", None) or str(exc)
    if "disk is full" in reason or "No space" in reason:
        return StoreError(f"The disk is full: cannot save to {path}. Free some space and run mockint again.")
    return StoreError(
        f"Cannot write mockint's data to {path} ({reason}). Set MOCKINT_HOME to a folder you can write to."
    )


class Store:
    """The candidate's saved sessions, in one SQLite file under the data directory."""

    def __init__(self, home: Path | None = None):
        self.home = home or home_dir()
        self.path = self.home / DB_NAME
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=10)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise _cannot(self.path, exc) from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was written by a newer mockint; upgrade mockint to open it.")
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db:
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        self.db.close()

    def _write(self, sql: str, params: tuple) -> sqlite3.Cursor:
        """Run one statement in its own transaction: committed when this returns."""
        try:
            with self.db:
                return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise _cannot(self.path, exc) from None

    # ---- writing -------------------------------------------------------------

    def start_session(self, session: Session) -> Session:
        """Save a new session and give it its id."""
        cur = self._write(
            "INSERT INTO sessions (role, role_key, mode, notes, model, started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (session.role, session.role_key, session.mode, session.notes, session.model, session.started_at.isoformat()),
        )
        session.id = cur.lastrowid
        return session

    def save_turn(self, session_id: int, turn: Turn) -> None:
        """Save (or replace) one turn, committed at once so an interruption loses nothing."""
        self._write(
            "INSERT OR REPLACE INTO turns (session_id, idx, question, answer, feedback, skipped, follow_up_of,"
            " started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                turn.index,
                turn.question.model_dump_json(),
                turn.answer.model_dump_json() if turn.answer else None,
                turn.feedback.model_dump_json() if turn.feedback else None,
                int(turn.skipped),
                turn.follow_up_of,
                turn.started_at.isoformat(),
                (turn.ended_at or utc_now()).isoformat(),
            ),
        )

    def end_session(self, session_id: int) -> None:
        """Mark a session finished."""
        self._write("UPDATE sessions SET ended_at = ? WHERE id = ?", (utc_now().isoformat(), session_id))

    # ---- reading -------------------------------------------------------------

    def list_sessions(self) -> list[dict]:
        """All sessions, newest first, with how many questions were answered."""
        rows = self.db.execute(
            "SELECT s.*, COUNT(t.id) AS turns, SUM(t.answer IS NOT NULL) AS answered"
            " FROM sessions s LEFT JOIN turns t ON t.session_id = s.id"
            " GROUP BY s.id ORDER BY s.id DESC"
        ).fetchall()
        return [
            {
                "id": r["id"],
                "role": r["role"],
                "role_key": r["role_key"],
                "mode": r["mode"],
                "started_at": r["started_at"],
                "ended_at": r["ended_at"],
                "turns": r["turns"],
                "answered": r["answered"] or 0,
            }
            for r in rows
        ]

    def resolve_id(self, ref: str | int) -> int:
        """A session id from "last", "latest" or a number; StoreError if there is none."""
        return self._resolve("sessions", ref, "session", start="mockint practice", listing="mockint sessions")

    def _resolve(self, table: str, ref: str | int, noun: str, *, start: str, listing: str) -> int:
        """The id of a row of `table` from "last", "latest" or a number, with one-line errors naming the commands."""
        if str(ref).lower() in ("last", "latest"):
            row = self.db.execute(f"SELECT MAX(id) FROM {table}").fetchone()
            if row[0] is None:
                raise StoreError(f"No {noun}s saved yet. Start one with: {start}")
            return row[0]
        try:
            row_id = int(ref)
        except ValueError:
            raise StoreError(f"'{ref}' is not a {noun} id. See the ids with: {listing}") from None
        if not self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone():
            raise StoreError(f"There is no {noun} {row_id}. See the ids with: {listing}")
        return row_id

    def load_session(self, ref: str | int) -> Session:
        """A whole session with its turns in order."""
        session_id = self.resolve_id(ref)
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        turns = [
            Turn(
                index=t["idx"],
                question=Question.model_validate_json(t["question"]),
                answer=Answer.model_validate_json(t["answer"]) if t["answer"] else None,
                feedback=Feedback.model_validate_json(t["feedback"]) if t["feedback"] else None,
                skipped=bool(t["skipped"]),
                follow_up_of=t["follow_up_of"],
                started_at=datetime.fromisoformat(t["started_at"]),
                ended_at=datetime.fromisoformat(t["ended_at"]) if t["ended_at"] else None,
            )
            for t in self.db.execute("SELECT * FROM turns WHERE session_id = ? ORDER BY idx", (session_id,))
        ]
        return Session(
            id=row["id"],
            role=row["role"],
            role_key=row["role_key"],
            mode=row["mode"],
            notes=row["notes"],
            model=row["model"],
            started_at=datetime.fromisoformat(row["started_at"]),
            ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
            turns=turns,
        )

    # ---- first-round debriefs -----------------------------------------------

    def start_debrief(self, role: str | None, role_key: str | None) -> int:
        """Save a new, empty debrief and return its id."""
        cur = self._write(
            "INSERT INTO debriefs (role, role_key, started_at) VALUES (?, ?, ?)",
            (role, role_key, utc_now().isoformat()),
        )
        return cur.lastrowid

    def save_debrief_step(self, debrief_id: int, step: str, position: int, text: str) -> None:
        """Save (or replace) one answered step, committed at once."""
        self._write(
            "INSERT OR REPLACE INTO debrief_steps (debrief_id, step, position, text, saved_at) VALUES (?, ?, ?, ?, ?)",
            (debrief_id, step, position, text, utc_now().isoformat()),
        )

    def end_debrief(self, debrief_id: int) -> None:
        """Mark a debrief finished (every step was offered)."""
        self._write("UPDATE debriefs SET ended_at = ? WHERE id = ?", (utc_now().isoformat(), debrief_id))

    def resolve_debrief_id(self, ref: str | int) -> int:
        """A debrief id from "last" or a number; StoreError if there is none."""
        return self._resolve("debriefs", ref, "debrief", start="mockint debrief", listing="mockint debrief --list")

    def list_debriefs(self) -> list[dict]:
        """All debriefs, newest first, with how many steps were answered."""
        rows = self.db.execute(
            "SELECT d.*, COUNT(s.step) AS steps FROM debriefs d LEFT JOIN debrief_steps s ON s.debrief_id = d.id"
            " GROUP BY d.id ORDER BY d.id DESC"
        ).fetchall()
        return [{key: r[key] for key in ("id", "role", "role_key", "started_at", "ended_at", "steps")} for r in rows]

    def load_debrief(self, ref: str | int) -> dict:
        """One debrief with its answered steps, in the order they were asked."""
        debrief_id = self.resolve_debrief_id(ref)
        row = self.db.execute("SELECT * FROM debriefs WHERE id = ?", (debrief_id,)).fetchone()
        steps = self.db.execute(
            "SELECT step, text FROM debrief_steps WHERE debrief_id = ? ORDER BY position", (debrief_id,)
        ).fetchall()
        return {**{key: row[key] for key in row.keys()}, "steps": {s["step"]: s["text"] for s in steps}}

    # ---- story bank ----------------------------------------------------------

    def add_story(self, title: str, text: str) -> int:
        """Save a story and return its id."""
        cur = self._write(
            "INSERT INTO stories (title, text, created_at) VALUES (?, ?, ?)", (title, text, utc_now().isoformat())
        )
        return cur.lastrowid

    def resolve_story_id(self, ref: str | int) -> int:
        """A story id from "last" or a number; StoreError if there is none."""
        return self._resolve("stories", ref, "story", start="mockint stories add FILE --title TITLE",
                             listing="mockint stories list")

    def list_stories(self) -> list[dict]:
        """All stories, oldest first, with their practice count and best and latest scores."""
        rows = self.db.execute(
            "SELECT s.*, COUNT(a.id) AS attempts, MAX(a.score) AS best_score,"
            " (SELECT score FROM story_attempts WHERE story_id = s.id ORDER BY id DESC LIMIT 1) AS last_score"
            " FROM stories s LEFT JOIN story_attempts a ON a.story_id = s.id GROUP BY s.id ORDER BY s.id"
        ).fetchall()
        return [dict(r) for r in rows]

    def load_story(self, ref: str | int) -> dict:
        """One story: id, title, text, created_at."""
        story_id = self.resolve_story_id(ref)
        return dict(self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone())

    def save_story_attempt(self, story_id: int, text: str, mode: str, score: int, comparison: dict) -> int:
        """Save one retelling of a story with its comparison (as JSON); returns the attempt's id."""
        cur = self._write(
            "INSERT INTO story_attempts (story_id, text, mode, score, comparison, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (story_id, text, mode, score, json.dumps(comparison), utc_now().isoformat()),
        )
        return cur.lastrowid

    def story_attempts(self, story_id: int) -> list[dict]:
        """A story's practice attempts, oldest first, with their comparisons decoded."""
        rows = self.db.execute("SELECT * FROM story_attempts WHERE story_id = ? ORDER BY id", (story_id,)).fetchall()
        return [{**dict(r), "comparison": json.loads(r["comparison"])} for r in rows]
