"""How the figures moved, in the terminal: a retry beside its original, and progress across sessions."""

from __future__ import annotations

from datetime import datetime

from rich import box
from rich.table import Table

from mockint.domain import STAR_PARTS, Turn
from mockint.progress import answer_metrics, judge
from mockint.review.facts import LENGTH_WORDS

TREND_STYLES = {"improving": "green", "worse": "red", "steady": "dim"}
TREND_WORDS = {"improving": "better", "worse": "worse", "steady": "about the same"}
TREND_MARKS = {"improving": "✓", "worse": "✗", "steady": "="}
METRIC_NAMES = {"words_per_minute": "pace", "fillers_per_100_words": "fillers", "star_completeness": "STAR",
                "too_long": f"{LENGTH_WORDS['too_long'].replace(' ', '-')} answers",
                "too_short": f"{LENGTH_WORDS['too_short'].replace(' ', '-')} answers"}


def styled(trend: str, text: str) -> str:
    """Text in the colour of a trend, as rich markup."""
    return f"[{TREND_STYLES[trend]}]{text}[/]"


# ---- A retry beside the original -----------------------------------------------


def attempt_figure(metrics: dict | None, key: str) -> str:
    """One figure of an attempt as the comparison shows it."""
    if metrics is None:
        return "skipped"
    value = metrics[key]
    if value is None:
        return "n/a"
    if key == "length":
        return LENGTH_WORDS[value]
    if key == "star_parts":
        missing = [p.capitalize() for p in STAR_PARTS if p not in value]
        return f"{len(value)}/{len(STAR_PARTS)}" + (f": no {', '.join(missing)}" if missing else "")
    if key == "fillers_per_100_words":
        return f"{value:.1f}"
    if key == "result_quantified":
        return "yes" if value else "no"
    if key == "words_per_minute":
        return f"{value:.0f} wpm"
    return f"{value:g}"


def attempt_change(old: dict | None, new: dict | None, key: str) -> str:
    """Whether a figure got better from one attempt to the next, as a coloured word; "" if it does not compare."""
    if old is None or new is None or old[key] is None or new[key] is None:
        return ""
    if key in ("fillers_per_100_words", "words_per_minute", "star_completeness"):
        trend = judge(key, old[key], new[key])
    elif key == "length":
        was_ok, is_ok = old[key] == "ok", new[key] == "ok"
        trend = "steady" if was_ok == is_ok else ("improving" if is_ok else "worse")
    elif key == "result_quantified":
        trend = "steady" if old[key] == new[key] else ("improving" if new[key] else "worse")
    else:
        return ""
    return styled(trend, "same" if trend == "steady" else TREND_WORDS[trend])  # "same": the column is narrow


def compare_attempts(before: Turn, after: Turn, before_title: str, after_title: str) -> Table:
    """Old and new feedback on the same question in two columns, with whether each figure got better."""
    old, new = answer_metrics(before.feedback), answer_metrics(after.feedback)
    table = Table(title=f"“{after.question.text}”", title_justify="left", show_lines=False)
    table.add_column("")
    table.add_column(before_title)
    table.add_column(after_title)
    table.add_column("")
    rows = [("Words", "word_count", "word_count"), ("Length", "length", "length"),
            ("Fillers / 100 words", "fillers_per_100_words", "fillers_per_100_words"),
            ("Pace", "words_per_minute", "words_per_minute"), ("STAR parts", "star_parts", "star_completeness"),
            ("Result quantified", "result_quantified", "result_quantified")]
    for label, key, judged_by in rows:
        table.add_row(label, attempt_figure(old, key), attempt_figure(new, key), attempt_change(old, new, judged_by))
    return table


# ---- Progress across sessions --------------------------------------------------


def session_figure(metric: str, value: float | None) -> str | None:
    """A session's metric as the progress table shows it."""
    if value is None:
        return None
    if metric == "words_per_minute":
        return f"{value:.0f}"
    if metric == "fillers_per_100_words":
        return f"{value:.1f}"
    if metric == "star_completeness":
        return f"{value:.0%}"
    return str(value)


def progress_cell(row: dict, metric: str) -> str:
    """A value with, from the second session on, a mark saying whether it beat the sessions before."""
    text = session_figure(metric, row[metric]) if row["answers"] else None
    if text is None:
        return "[dim]–[/]"
    trend = row["trend"].get(metric)
    return f"{text} {styled(trend['trend'], TREND_MARKS[trend['trend']])}" if trend else text


def progress_table(report: dict) -> Table:
    """The progress report as a compact table (fits 80 columns), oldest session first."""
    table = Table(title="Your progress, oldest session first", title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("date")
    table.add_column("role", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("answers", justify="right", min_width=7)
    table.add_column("wpm", justify="right")
    table.add_column("fillers", justify="right", min_width=7)
    table.add_column("STAR", justify="right")
    table.add_column("long", justify="right")
    table.add_column("short", justify="right")
    for r in report["sessions"]:
        date = datetime.fromisoformat(r["date"]).astimezone().strftime("%d %b")
        table.add_row(str(r["id"]), date, r["role"], str(r["answers"]),
                      *(progress_cell(r, m) for m in ("words_per_minute", "fillers_per_100_words",
                                                      "star_completeness", "too_long", "too_short")))
    return table


def latest_line(report: dict) -> str | None:
    """One sentence on how the latest session compares with the ones before it."""
    last = report["sessions"][-1]
    said = []
    for metric, trend in last["trend"].items():
        if trend and trend["trend"] != "steady":
            said.append(f"{METRIC_NAMES[metric]} {TREND_WORDS[trend['trend']]}")
    if not any(last["trend"].values()):
        return None
    return (f"Session {last['id']} against your earlier ones: " + ", ".join(said) + "."
            if said else f"Session {last['id']} was about the same as your earlier ones.")
