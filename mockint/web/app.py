"""The web app: its routes, behind the guard, with the engines and store it is given."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from mockint.engines import Engines
from mockint.errors import UserError
from mockint.web import pages, prep_pages
from mockint.web.live import Practice
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from mockint.web.security import MAX_BODY_BYTES, BodyTooLarge, Guard, Launch
from mockint.web.socket import practice_socket

STATIC = Path(__file__).parent / "static"


def routes() -> list:
    return [
        Route("/", pages.practice_page),
        Route("/speech/{clip:str}", pages.speech_clip),
        Route("/sessions", pages.sessions_page),
        Route("/sessions/{session:int}/review", pages.review_page),
        Route("/progress", pages.progress_page),
        Route("/stories", prep_pages.stories_page),
        Route("/stories", prep_pages.add_story, methods=["POST"]),
        Route("/stories/{story:int}", prep_pages.story_page),
        Route("/stories/{story:int}/retell", prep_pages.retell_story, methods=["POST"]),
        Route("/ask", prep_pages.ask_page, methods=["GET", "POST"]),
        Route("/followup", prep_pages.followup_page, methods=["GET", "POST"]),
        WebSocketRoute("/ws", practice_socket),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def too_large(request: Request, exc: BodyTooLarge) -> PlainTextResponse:
    return PlainTextResponse(f"Too much at once: at most {MAX_BODY_BYTES // 1024} kB can be sent.", 413)


def create_app(engines: Engines, launch: Launch, *, seed: int | None = None) -> Guard:
    """The app for one launch: every request guarded, every page on these engines."""
    app = Starlette(routes=routes(), exception_handlers={UserError: pages.handle_user_error,
                                                         BodyTooLarge: too_large})
    app.state.engines = engines
    app.state.practice = Practice(engines, seed=seed)
    store = engines.store(None)  # opened once now, so a damaged file is set aside and said so before anything else
    app.state.store_notice = store.recovery.describe(store.path) if store.recovery is not None else None
    app.state.home = store.home
    store.close()
    return Guard(app, launch)
