"""The HTML review's inline SVG charts: pure functions from numbers to markup, and the four a session gets.

No JavaScript, no external assets, not even a namespace URL (inline SVG in HTML needs
none): each chart is one `<svg>` element that scales to its container (viewBox plus
width 100%) and prints the same as it shows. Colours are attributes rather than CSS
classes so a chart also reads correctly on its own.
Every label is escaped, since answer labels may come from the candidate's text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from mockint.domain import STAR_PARTS, Session
from mockint.feedback.thresholds import FILLER_TIP_PER_100, PACE_FAST_WPM, PACE_SLOW_WPM
from mockint.review.facts import short_label

INK = "#1f2933"
MUTED = "#6b7785"
GRID = "#e4e7eb"
BAR = "#3d6fb6"
BAND = "#dcefe1"  # the target range: a calm green wash behind the bars
WARN = "#c2410c"
OK = "#2f855a"
SHORT = "#b7791f"
EMPTY = "#eef1f4"
WIDTH = 440  # viewBox width: at the page's half-column width, 13 units of text show at about 12 px


def nice_step(top: float, ticks: int = 4) -> float:
    """A round gridline step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` lines up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _number(value: float) -> str:
    """A compact axis or bar label: no trailing .0, one decimal below ten."""
    if value >= 10 or float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.1f}"


def _measure(value: float) -> str:
    """A length label: whole numbers as they are, fractions (seconds) to one decimal."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _text(x: float, y: float, content: str, *, anchor: str = "start", fill: str = INK, extra: str = "") -> str:
    """One escaped text label."""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-family="inherit" '
            f'font-size="13"{extra}>{escape(content)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, *, rx: float = 0, tip: str = "") -> str:
    """One rectangle, with a hover tooltip when `tip` is given."""
    tooltip = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx}" fill="{fill}">{tooltip}</rect>'


def _svg(height: int, label: str, body: list[str]) -> str:
    """The chart element around its drawn parts, labelled for screen readers."""
    return (
        f'<svg viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _note(height: int, label: str, note: str) -> str:
    """A chart that has nothing to plot: a quiet sentence in its place, so the layout holds."""
    return _svg(height, label, [_rect(0, 0, WIDTH, height, EMPTY, rx=6),
                                _text(WIDTH / 2, height / 2 + 4, note, anchor="middle", fill=MUTED)])


def bar_chart(
    label: str,
    names: Sequence[str],
    values: Sequence[float | None],
    *,
    unit: str,
    band: tuple[float, float] | None = None,
    limit: float | None = None,
    empty_note: str = "Nothing to show.",
) -> str:
    """Vertical bars, one per answer, over an optional shaded target band and a dashed limit line.

    A None value (the measure does not apply to that answer) gets "n/a" instead of a bar.
    Bars outside the band or over the limit are drawn in the warning colour.
    """
    height, left, right, top, bottom = 210, 40, 8, 20, 30
    if not names or all(v is None for v in values):
        return _note(height, label, empty_note)
    highest = max([v for v in values if v is not None] + [band[1] if band else 0, limit or 0]) * 1.1
    step = nice_step(highest)
    scale_top = step * math.ceil(highest / step) or step
    plot_w, plot_h = WIDTH - left - right, height - top - bottom

    def y(v: float) -> float:
        return top + plot_h * (1 - v / scale_top)

    body: list[str] = []
    if band:
        body.append(_rect(left, y(band[1]), plot_w, y(band[0]) - y(band[1]), BAND))
    for i in range(int(round(scale_top / step)) + 1):
        tick = i * step
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y(tick) + 4, _number(tick), anchor="end", fill=MUTED))
    if limit is not None:
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(limit):.1f}" y2="{y(limit):.1f}" '
                    f'stroke="{WARN}" stroke-dasharray="5 4"/>')
    slot = plot_w / len(names)
    bar_w = min(56.0, slot * 0.6)
    for i, (name, value) in enumerate(zip(names, values)):
        cx = left + slot * (i + 0.5)
        if value is None:
            body.append(_text(cx, y(0) - 6, "n/a", anchor="middle", fill=MUTED))
        else:
            off_target = (limit is not None and value > limit) or (band is not None and not band[0] <= value <= band[1])
            body.append(_rect(cx - bar_w / 2, y(value), bar_w, max(y(0) - y(value), 1), WARN if off_target else BAR,
                              rx=3, tip=f"{name}: {_number(value)} {unit}"))
            body.append(_text(cx, y(value) - 5, _number(value), anchor="middle"))
        body.append(_text(cx, height - bottom + 18, name, anchor="middle"))
    body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{MUTED}"/>')
    return _svg(height, label, body)


@dataclass(frozen=True)
class LengthRow:
    """One answer's length against its target range, in one unit (words or seconds)."""

    name: str
    value: float
    low: float
    high: float
    verdict: str  # "empty", "too_short", "ok" or "too_long"


LENGTH_COLOURS = {"ok": OK, "too_short": SHORT, "too_long": WARN, "empty": MUTED}


def length_chart(label: str, rows: Sequence[LengthRow], *, unit: str, empty_note: str = "No answers.") -> str:
    """Horizontal bars, one per answer, each over its own shaded target range."""
    row_h, left, right, top = 34, 48, 74, 6
    if not rows:
        return _note(80, label, empty_note)
    height = top + row_h * len(rows) + 26
    highest = max(max(r.value, r.high) for r in rows) * 1.08
    plot_w = WIDTH - left - right

    def x(v: float) -> float:
        return left + plot_w * min(v, highest) / highest

    body: list[str] = []
    for i, r in enumerate(rows):
        y0 = top + i * row_h
        middle = y0 + row_h / 2 + 4
        body.append(_text(left - 8, middle, r.name, anchor="end"))
        body.append(_rect(left, y0 + 4, plot_w, row_h - 8, EMPTY, rx=4))
        body.append(_rect(x(r.low), y0 + 4, x(r.high) - x(r.low), row_h - 8, BAND,
                          tip=f"target {_number(r.low)}–{_number(r.high)} {unit}"))
        body.append(_rect(left, y0 + 10, max(x(r.value) - left, 2), row_h - 20, LENGTH_COLOURS.get(r.verdict, BAR),
                          rx=2, tip=f"{r.name}: {_measure(r.value)} {unit}"))
        body.append(_text(x(r.value) + 6, middle, f"{_measure(r.value)} {unit}"))
    legend_y = top + len(rows) * row_h + 12
    body.append(_rect(left, legend_y - 9, 14, 10, BAND))
    body.append(_text(left + 20, legend_y, "target range for the question", fill=MUTED))
    return _svg(height, label, body)


def star_grid(label: str, names: Sequence[str], rows: Sequence[Sequence[bool] | None], *, empty_note: str) -> str:
    """A grid of answers by STAR part: a filled cell where the part was found; None rows are not stories."""
    if not names or all(r is None for r in rows):
        return _note(80, label, empty_note)
    left, top, cell_w, row_h = 48, 24, 80, 34
    height = top + row_h * len(names) + 8
    body = [_text(left + cell_w * (j + 0.5), top - 10, part.capitalize(), anchor="middle", fill=MUTED)
            for j, part in enumerate(STAR_PARTS)]
    for i, (name, parts) in enumerate(zip(names, rows)):
        y0 = top + i * row_h
        middle = y0 + row_h / 2 + 4
        body.append(_text(left - 8, middle, name, anchor="end"))
        if parts is None:
            body.append(_text(left + 8, middle, "not a story question", fill=MUTED, extra=' font-style="italic"'))
            continue
        for j, present in enumerate(parts):
            cx = left + cell_w * j
            body.append(_rect(cx + 3, y0 + 3, cell_w - 6, row_h - 6, OK if present else EMPTY, rx=4,
                              tip=f"{name}: {STAR_PARTS[j].capitalize()} {'found' if present else 'missing'}"))
            body.append(_text(cx + cell_w / 2, middle, "✓" if present else "–", anchor="middle",
                              fill="#ffffff" if present else MUTED))
        share = sum(bool(p) for p in parts) / len(parts)
        body.append(_text(left + cell_w * 4 + 10, middle, f"{share:.0%}"))
    return _svg(height, label, body)


def session_charts(session: Session) -> list[tuple[str, str, str]]:
    """(title, note, svg) for each chart of the session: pace, fillers, STAR coverage, length."""
    answered = [t for t in session.turns if t.feedback is not None]
    names = [short_label(t) for t in answered]
    fbs = [t.feedback for t in answered]
    spoken = any(f.words_per_minute is not None for f in fbs)
    pace = bar_chart(
        "Pace per answer, words a minute", names, [f.words_per_minute for f in fbs], unit="wpm",
        band=(PACE_SLOW_WPM, PACE_FAST_WPM),
        empty_note="Typed answers: pace applies to spoken ones." if answered else "No answers.",
    )
    fillers = bar_chart(
        "Fillers per 100 words, per answer", names, [f.fillers.per_100_words for f in fbs], unit="per 100 words",
        limit=FILLER_TIP_PER_100, empty_note="No answers.",
    )
    star = star_grid(
        "STAR parts found per answer", names,
        [[part.present for _, part in f.star.parts()] if f.star.applicable else None for f in fbs],
        empty_note="No story questions in this session." if answered else "No answers.",
    )
    timed = bool(fbs) and all(f.length.seconds is not None for f in fbs)
    unit = "s" if timed else "words"
    rows = [
        LengthRow(n, f.length.seconds if timed else f.word_count,
                  *(f.length.target_seconds if timed else f.length.target_words), f.length.verdict)
        for n, f in zip(names, fbs)
    ]
    length = length_chart("Answer length against the target", rows, unit=unit)
    pace_note = (f"Shaded: comfortable {PACE_SLOW_WPM}–{PACE_FAST_WPM} wpm; orange bars are outside it."
                 if spoken else "Only spoken answers have a pace.")
    return [
        ("Pace", pace_note, pace),
        ("Filler words", f"Per 100 words; dashed line: {FILLER_TIP_PER_100:.0f}, where listeners notice them.",
         fillers),
        ("STAR coverage", "Situation, Task, Action, Result found in each story answer.", star),
        ("Length", f"In {'seconds of speech' if timed else 'words'}; shaded: the target for that question.", length),
    ]
