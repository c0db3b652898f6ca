"""A damaged database: set it aside untouched and salvage what SQLite can still read.

A candidate's practice history must never be lost to a corrupted file (a crash mid-write
on a full disk, a bad sync of the data folder). The damaged file is renamed, never
deleted or written to; every row that can still be read is copied, one row at a time,
into a fresh database, so a damaged page costs only the rows stored on it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

# The tables to salvage, parents before children so references stay valid.
TABLES = ("sessions", "turns", "debriefs", "debrief_steps", "stories", "story_attempts")
# Rows are looked up by rowid; this many missing ids in a row means the table has ended.
MAX_ID_GAP = 1000
DAMAGE_MESSAGES = ("file is not a database", "malformed", "corrupt")
PLURALS = {"story": "stories"}


@dataclass
class Recovery:
    """What happened to a damaged database: where it was put and what was saved from it."""

    damaged: Path  # the damaged file, renamed, as it was
    reason: str
    rows: dict[str, int] = field(default_factory=dict)  # rows copied per table

    def describe(self, path: Path) -> str:
        """One line for the candidate: what happened, what was kept, where the original is."""
        counts = [(self.rows.get(table, 0), noun) for table, noun in
                  (("sessions", "session"), ("turns", "answer"), ("debriefs", "debrief"), ("stories", "story"))]
        found = [f"{n} {noun if n == 1 else PLURALS.get(noun, noun + 's')}" for n, noun in counts if n]
        saved = (f"{', '.join(found)} were recovered into a new {path.name}" if found
                 else f"nothing could be read from it; a new {path.name} was started")
        return (f"mockint's data file {path} was damaged ({self.reason}): {saved}. "
                f"The damaged file is kept unchanged as {self.damaged}.")


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error means the file itself is damaged (not locked, read-only or full)."""
    return isinstance(exc, sqlite3.DatabaseError) and any(m in str(exc).lower() for m in DAMAGE_MESSAGES)


def check_integrity(db: sqlite3.Connection) -> str | None:
    """What is wrong with an open database, or None when SQLite's quick check finds nothing."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    problems = [r[0] for r in rows if r[0] != "ok"]
    return problems[0] if problems else None


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged file to <name>.damaged-<time> (never over an existing file); returns the new path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):  # SQLite's side files belong with the damaged file
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def salvage(damaged: Path, into: sqlite3.Connection) -> dict[str, int]:
    """Copy every readable row of the known tables from a damaged file into a fresh database."""
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    copied: dict[str, int] = {}
    try:
        for table in TABLES:
            copied[table] = _copy_table(source, into, table)
    finally:
        source.close()
    return copied


def _copy_table(source: sqlite3.Connection, into: sqlite3.Connection, table: str) -> int:
    """Copy one table's readable rows, looking each up by rowid so a bad page loses only its own rows."""
    try:
        names = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return 0
    wanted = [r[1] for r in into.execute(f"PRAGMA table_info({table})")]
    columns = [c for c in wanted if c in names]
    if not columns:
        return 0
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE rowid = ?"
    insert = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    copied, rowid, gap = 0, 0, 0
    while gap < MAX_ID_GAP:
        rowid += 1
        try:
            row = source.execute(select, (rowid,)).fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            gap += 1
            continue
        gap = 0
        try:
            with into:
                into.execute(insert, row)
            copied += 1
        except sqlite3.Error:  # a row that breaks a constraint (its parent was lost): skip it
            continue
    return copied
