"""The Store: sessions and their turns in one SQLite file, each turn committed the moment it ends.

Besides sessions it keeps the candidate's preparation: debriefs of interviews (each step
committed as it is answered) and the story bank with its practice attempts. Questions,
answers and feedback are stored as the JSON of their pydantic models, so the stored form
is the same as the `--json` contract. Every read returns a model from mockint.domain.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from mockint.config import home_dir
from mockint.domain import (
    Answer, Debrief, DebriefSummary, Feedback, Question, RetryOf, Session, SessionSummary, Story, StoryAttempt,
    Turn, utc_now,
)
from mockint.errors import StoreError
from mockint.store.migrations import migrate
from mockint.store.recovery import Recovery, check_integrity, is_damage, salvage, set_aside

DB_NAME = "mockint.db"


def _cannot(path: Path, exc: Exception) -> StoreError:
    """The one-line error for a data file that cannot be used, with the fix that applies."""
    reason = getattr(exc, "strerror", None) or str(exc)
    if "disk is full" in reason or "No space" in reason:
        return StoreError(f"The disk is full: cannot save to {path}. Free some space and run mockint again.")
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return StoreError(f"mockint's data file {path} is damaged ({reason}). Run mockint again: it will keep the "
                          "damaged file aside and recover what it can.")
    return StoreError(
        f"Cannot write mockint's data to {path} ({reason}). Set MOCKINT_HOME to a folder you can write to."
    )


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Store:
    """The candidate's saved sessions and preparation, in one SQLite file under the data directory.

    A damaged file found on opening is set aside and salvaged into a new one; `recovery`
    then says what happened, for the front end to tell the candidate.
    """

    def __init__(self, home: Path | None = None):
        self.home = home or home_dir()
        self.path = self.home / DB_NAME
        self.recovery: Recovery | None = None
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            self.db = self._open()
            problem = check_integrity(self.db)
            if problem is not None:
                self.db.close()
                self._recover(problem)
            migrate(self.db, self.path)
        except (OSError, sqlite3.Error) as exc:
            raise _cannot(self.path, exc) from None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        return db

    def _recover(self, problem: str) -> None:
        """Set the damaged file aside, start a new one and copy in every row that can be read."""
        damaged = set_aside(self.path)
        self.db = self._open()
        migrate(self.db, self.path)
        self.recovery = Recovery(damaged=damaged, reason=problem, rows=salvage(damaged, self.db))

    def close(self) -> None:
        self.db.close()

    def _write(self, sql: str, params: tuple) -> sqlite3.Cursor:
        """Run one statement in its own transaction: committed when this returns."""
        try:
            with self.db:
                return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise _cannot(self.path, exc) from None

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """All rows of a query; a damaged file becomes one clear error."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _cannot(self.path, exc) from None

    def _resolve(self, table: str, ref: str | int, noun: str, *, start: str, listing: str) -> int:
        """The id of a row of `table` from "last", "latest" or a number, with one-line errors naming the commands."""
        if str(ref).lower() in ("last", "latest"):
            row = self._read(f"SELECT MAX(id) FROM {table}")[0]
            if row[0] is None:
                raise StoreError(f"No {noun}s saved yet. Start one with: {start}")
            return row[0]
        try:
            row_id = int(ref)
        except ValueError:
            raise StoreError(f"'{ref}' is not a {noun} id. See the ids with: {listing}") from None
        if not self._read(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)):
            raise StoreError(f"There is no {noun} {row_id}. See the ids with: {listing}")
        return row_id

    # ---- sessions ------------------------------------------------------------

    def start_session(self, session: Session) -> Session:
        """Save a new session and give it its id."""
        retry = session.retry_of
        cur = self._write(
            "INSERT INTO sessions (role, role_key, mode, notes, model, started_at, retry_of_session,"
            " retry_of_question) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session.role, session.role_key, session.mode, session.notes, session.model,
             session.started_at.isoformat(), retry.session_id if retry else None, retry.question if retry else None),
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

    def list_sessions(self) -> list[SessionSummary]:
        """All sessions, newest first, with how many questions were answered."""
        rows = self._read(
            "SELECT s.*, COUNT(t.id) AS turns, SUM(t.answer IS NOT NULL) AS answered"
            " FROM sessions s LEFT JOIN turns t ON t.session_id = s.id"
            " GROUP BY s.id ORDER BY s.id DESC"
        )
        return [
            SessionSummary(id=r["id"], role=r["role"], role_key=r["role_key"], mode=r["mode"],
                           started_at=r["started_at"], ended_at=r["ended_at"], turns=r["turns"],
                           answered=r["answered"] or 0)
            for r in rows
        ]

    def resolve_id(self, ref: str | int) -> int:
        """A session id from "last", "latest" or a number; StoreError if there is none."""
        return self._resolve("sessions", ref, "session", start="mockint practice", listing="mockint sessions")

    def load_session(self, ref: str | int) -> Session:
        """A whole session with its turns in order."""
        session_id = self.resolve_id(ref)
        row = self._read("SELECT * FROM sessions WHERE id = ?", (session_id,))[0]
        turns = [
            Turn(
                index=t["idx"],
                question=Question.model_validate_json(t["question"]),
                answer=Answer.model_validate_json(t["answer"]) if t["answer"] else None,
                feedback=Feedback.model_validate_json(t["feedback"]) if t["feedback"] else None,
                skipped=bool(t["skipped"]),
                follow_up_of=t["follow_up_of"],
                started_at=_when(t["started_at"]),
                ended_at=_when(t["ended_at"]),
            )
            for t in self._read("SELECT * FROM turns WHERE session_id = ? ORDER BY idx", (session_id,))
        ]
        retry = (RetryOf(session_id=row["retry_of_session"], question=row["retry_of_question"])
                 if row["retry_of_session"] is not None else None)
        return Session(
            id=row["id"], role=row["role"], role_key=row["role_key"], mode=row["mode"], notes=row["notes"],
            model=row["model"], retry_of=retry, started_at=_when(row["started_at"]), ended_at=_when(row["ended_at"]),
            turns=turns,
        )

    # ---- debriefs --------------------------------------------------------------

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

    def list_debriefs(self) -> list[DebriefSummary]:
        """All debriefs, newest first, with how many steps were answered."""
        rows = self._read(
            "SELECT d.*, COUNT(s.step) AS steps FROM debriefs d LEFT JOIN debrief_steps s ON s.debrief_id = d.id"
            " GROUP BY d.id ORDER BY d.id DESC"
        )
        return [DebriefSummary.model_validate(dict(r)) for r in rows]

    def load_debrief(self, ref: str | int) -> Debrief:
        """One debrief with its answered steps, in the order they were asked."""
        debrief_id = self.resolve_debrief_id(ref)
        row = self._read("SELECT * FROM debriefs WHERE id = ?", (debrief_id,))[0]
        steps = self._read("SELECT step, text FROM debrief_steps WHERE debrief_id = ? ORDER BY position",
                           (debrief_id,))
        return Debrief.model_validate({**dict(row), "steps": {s["step"]: s["text"] for s in steps}})

    # ---- story bank ------------------------------------------------------------

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

    def list_stories(self) -> list[Story]:
        """All stories, oldest first, with their practice count and best and latest scores."""
        rows = self._read(
            "SELECT s.*, COUNT(a.id) AS attempts, MAX(a.score) AS best_score,"
            " (SELECT score FROM story_attempts WHERE story_id = s.id ORDER BY id DESC LIMIT 1) AS last_score"
            " FROM stories s LEFT JOIN story_attempts a ON a.story_id = s.id GROUP BY s.id ORDER BY s.id"
        )
        return [Story.model_validate(dict(r)) for r in rows]

    def load_story(self, ref: str | int) -> Story:
        """One story with its practice count and scores."""
        story_id = self.resolve_story_id(ref)
        return next(s for s in self.list_stories() if s.id == story_id)

    def save_story_attempt(self, story_id: int, text: str, mode: str, score: int, comparison: dict) -> int:
        """Save one retelling of a story with its comparison (as JSON); returns the attempt's id."""
        cur = self._write(
            "INSERT INTO story_attempts (story_id, text, mode, score, comparison, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (story_id, text, mode, score, json.dumps(comparison), utc_now().isoformat()),
        )
        return cur.lastrowid

    def story_attempts(self, story_id: int) -> list[StoryAttempt]:
        """A story's practice attempts, oldest first."""
        rows = self._read("SELECT * FROM story_attempts WHERE story_id = ? ORDER BY id", (story_id,))
        return [StoryAttempt.model_validate({**dict(r), "comparison": json.loads(r["comparison"])}) for r in rows]
