"""The app's pages for practising and reviewing: the practice page, sessions, a review, progress.

Each handler is a plain function Starlette runs in a worker thread, so each opens its
own Store (SQLite connections stay on the thread that made them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from mockint.errors import UserError
from mockint.feedback.thresholds import FILLER_TIP_PER_100, PACE_FAST_WPM, PACE_SLOW_WPM
from mockint.progress import progress_report
from mockint.review import charts
from mockint.review.html import review_html
from mockint.roles import list_roles
from mockint.store import Store
from mockint.web.templates import Markup, render

@contextmanager
def opened_store(request: Request) -> Iterator[Store]:
    """The candidate's store for one request; a recovered (damaged) file is mentioned on the page."""
    store = request.app.state.engines.store(None)
    try:
        yield store
    finally:
        store.close()


def page(request: Request, template: str, title: str, here: str, status: int = 200, **values) -> HTMLResponse:
    """A page of the app in its frame (header, navigation, footer)."""
    notice = request.app.state.store_notice
    return HTMLResponse(render(template, title=title, here=here, store_notice=notice, **values), status_code=status)


def problem_page(request: Request, message: str, status: int = 400, back: str = "/") -> HTMLResponse:
    """A page saying what went wrong and what to do."""
    return page(request, "error.html", "Something to fix", here="", status=status, message=message, back=back)


async def form_fields(request: Request) -> dict[str, str]:
    """A submitted form's fields (application/x-www-form-urlencoded; the guard has capped its size)."""
    body = await request.body()
    return dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


# ---- practice ------------------------------------------------------------------


def practice_page(request: Request) -> HTMLResponse:
    with opened_store(request) as store:
        debriefs = store.list_debriefs()
    return page(request, "practice.html", "Practice", here="/", roles=list_roles(), debriefs=debriefs)


def speech_clip(request: Request) -> Response:
    """A question's audio, rendered by the Speaker for the page to play."""
    clip = request.app.state.practice.clips.get(request.path_params["clip"])
    if clip is None:
        return Response("That question audio is gone; press Repeat the question.", 404, media_type="text/plain")
    return Response(clip, media_type="audio/wav", headers={"cache-control": "no-store"})


# ---- sessions and their review -----------------------------------------------------


def sessions_page(request: Request) -> HTMLResponse:
    with opened_store(request) as store:
        rows = store.list_sessions()
    return page(request, "sessions.html", "Sessions", here="/sessions", sessions=rows)


BODY_TAG = re.compile(r"<body[^>]*>", re.IGNORECASE)


def with_way_back(html: str) -> str:
    """The standalone review page with a link back into the app at the top (and nothing else changed)."""
    link = ('<nav class="app-back" style="margin:0 0 1.5rem;font-size:.95rem"><a href="/sessions">'
            '← All sessions</a> · <a href="/progress">Progress</a> · <a href="/">Practise again</a></nav>')
    found = BODY_TAG.search(html)
    return html[: found.end()] + link + html[found.end():] if found else html


def review_page(request: Request) -> HTMLResponse:
    """The session's review: the same self-contained HTML page `mockint review --format html` writes."""
    with opened_store(request) as store:
        session = store.load_session(request.path_params["session"])
    return HTMLResponse(with_way_back(review_html(session)))


# ---- progress ---------------------------------------------------------------------


def progress_charts(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(title, note, svg) for each measure across sessions, drawn by the review's chart code."""
    names = [f"#{r['id']}" for r in rows]
    star = [None if r["star_completeness"] is None else round(r["star_completeness"] * 100) for r in rows]
    return [
        ("Pace", f"Words a minute in spoken answers; shaded: comfortable {PACE_SLOW_WPM}–{PACE_FAST_WPM}.",
         charts.bar_chart("Pace per session, words a minute", names, [r["words_per_minute"] for r in rows],
                          unit="wpm", band=(PACE_SLOW_WPM, PACE_FAST_WPM),
                          empty_note="Only spoken answers have a pace.")),
        ("Filler words", f"Per 100 words; dashed line: {FILLER_TIP_PER_100:.0f}, where listeners notice them.",
         charts.bar_chart("Fillers per 100 words, per session", names, [r["fillers_per_100_words"] for r in rows],
                          unit="per 100 words", limit=FILLER_TIP_PER_100)),
        ("STAR", "Share of Situation, Task, Action, Result found in story answers.",
         charts.bar_chart("STAR completeness per session, percent", names, star, unit="%",
                          empty_note="No story questions answered yet.")),
        ("Length", "Answers outside the target length, per session.",
         charts.bar_chart("Answers too long or too short, per session", names,
                          [r["too_long"] + r["too_short"] for r in rows], unit="answers")),
    ]


TREND_MARKS = {"improving": " ✓", "worse": " ✗", "steady": " ="}


def trend_mark(row: dict, metric: str) -> str:
    """The mark saying whether a session's figure beat the sessions before it ("" for the first)."""
    trend = row["trend"].get(metric)
    return TREND_MARKS[trend["trend"]] if trend else ""


def progress_page(request: Request) -> HTMLResponse:
    with opened_store(request) as store:
        report = progress_report([store.load_session(r.id) for r in store.list_sessions()])
    rows = report["sessions"]
    figures = [(title, note, Markup(svg)) for title, note, svg in progress_charts(rows)] if rows else []
    return page(request, "progress.html", "Progress", here="/progress", rows=rows, figures=figures, trend=trend_mark)


def handle_user_error(request: Request, exc: UserError) -> HTMLResponse:
    """A UserError raised by any page (no such session, a damaged store) as a page saying what to do."""
    return problem_page(request, str(exc))
