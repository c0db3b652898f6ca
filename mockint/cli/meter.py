"""The live line under a spoken question: elapsed time and the microphone's level.

The Recorder reports levels through `on_level(level_db, elapsed_seconds, speaking)`;
a LevelMeter is such a callback that draws them on one transient line, and only when
the console is a terminal (piped output stays clean). Use it around one recording:

    with LevelMeter(console) as meter:
        recorder.record_answer(on_chunk=..., on_level=meter)
"""

from __future__ import annotations

HINT = "stop when you are done, or press Enter"


def meter_bar(level: float, width: int = 20) -> str:
    """A text level meter for a dBFS level: empty at -60 dB, full at 0 dB."""
    filled = round(width * min(1.0, max(0.0, (level + 60.0) / 60.0)))
    return "█" * filled + "·" * (width - filled)


def meter_line(level: float, elapsed_seconds: float, speaking: bool) -> str:
    """The meter's line (rich markup): waiting, or the answer's time so far, and the level."""
    if not speaking:
        status = "[dim]listening, start when you are ready…[/]"
    else:
        seconds = int(elapsed_seconds)
        status = f"[red]●[/] {seconds // 60}:{seconds % 60:02d}"
    return f"{status}  {meter_bar(level)}  [dim]{HINT}[/]"


class LevelMeter:
    """An on_level callback that redraws one live line per block (10 times a second live)."""

    def __init__(self, console):
        self.console = console if console is not None and console.is_terminal else None
        self.live = None

    def __enter__(self) -> "LevelMeter":
        if self.console is not None:
            from rich.live import Live

            self.live = Live("", console=self.console, transient=True, auto_refresh=False)
            self.live.__enter__()
        return self

    def __call__(self, level_db: float, elapsed_seconds: float, speaking: bool) -> None:
        """Redraw the line with the latest level."""
        if self.live is not None:
            self.live.update(meter_line(level_db, elapsed_seconds, speaking), refresh=True)

    def __exit__(self, *exc) -> None:
        if self.live is not None:
            self.live.__exit__(*exc)
            self.live = None
