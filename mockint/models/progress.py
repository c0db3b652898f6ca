"""What fetching and checking models report their progress to, without knowing how it is drawn.

rich's `Progress` has exactly these methods, so the command line passes one in
(mockint/cli/models.py draws the bars); a caller that shows nothing passes None.
"""

from __future__ import annotations

from typing import Any, Protocol


class ProgressSink(Protocol):
    """Tasks with a size that advance as bytes are downloaded, unpacked or hashed."""

    def add_task(self, description: str, total: float | None = None) -> Any:
        """Start a task; returns its id for the other calls."""

    def update(self, task_id: Any, *, completed: float | None = None, total: float | None = None) -> None:
        """Set how far a task is, and its size when that was not known at the start."""

    def advance(self, task_id: Any, advance: float) -> None:
        """Move a task on by this many units (bytes)."""

    def remove_task(self, task_id: Any) -> None:
        """The task is done: stop showing it."""
