"""The practice session the web app runs: one at a time, driven by one tab, on the terminal's engine.

The engines come from an Engines (as in the terminal, so tests hand in their own) and
are made once, on first use, then kept for the server's life: the question model and
Whisper take a second or two to load. The session itself runs `run_session` in a worker
thread; the page talks to it through an Inbox and hears from it through `send`.
"""

from __future__ import annotations

import random
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from mockint.channels.voice import VoiceChannel
from mockint.config import Settings
from mockint.domain import Session
from mockint.engines import Engines
from mockint.errors import UserError
from mockint.feedback import analyze
from mockint.feedback.meaning import load_in_background
from mockint.interview import run_session
from mockint.prep.debrief import is_empty, render_notes
from mockint.questions import QuestionPlanner, quotable
from mockint.roles import resolve_role
from mockint.store import Store
from mockint.web.channel import (
    BrowserMicrophone, BrowserSpeaker, Inbox, Send, SpeechClips, WebChannel, endpointing_recorder,
)
from mockint.web.view import WebView

MAX_QUESTIONS = 10
MAX_ROLE_CHARS = 200
MAX_NOTES_CHARS = 20_000


@dataclass(frozen=True)
class StartRequest:
    """What the start form asked for, checked."""

    role: str
    notes: str | None
    debrief: int | None
    mode: str
    count: int
    aloud: bool


def start_request(message: dict) -> StartRequest:
    """The start form's message as a StartRequest; UserError with what to fix if it is not usable."""
    role = str(message.get("role") or "").strip()
    if not role:
        raise UserError("Type the role you are interviewing for (any job title works), then press Start.")
    if len(role) > MAX_ROLE_CHARS:
        raise UserError(f"That role is too long: at most {MAX_ROLE_CHARS} characters.")
    notes = str(message.get("notes") or "").strip() or None
    if notes and len(notes) > MAX_NOTES_CHARS:
        raise UserError(f"The notes are too long: at most {MAX_NOTES_CHARS:,} characters. Keep what matters most.")
    mode = message.get("mode")
    if mode not in ("text", "voice"):
        raise UserError("Choose Type answers or Speak answers.")
    try:
        count = int(message.get("count", 5))
        debrief = int(message["debrief"]) if message.get("debrief") not in (None, "") else None
    except (TypeError, ValueError):
        raise UserError("The number of questions and the debrief must be numbers.") from None
    if not 1 <= count <= MAX_QUESTIONS:
        raise UserError(f"Ask for 1 to {MAX_QUESTIONS} questions.")
    return StartRequest(role, notes, debrief, mode, count, bool(message.get("aloud", True)))


class Practice:
    """The server's practice sessions: the engines they share, the tab in charge, the session running."""

    def __init__(self, engines: Engines, settings: Settings | None = None, seed: int | None = None):
        self.engines = engines
        self.settings = settings or engines.settings()
        self.seed = seed
        self.clips = SpeechClips()
        self._made: dict[str, object] = {}
        self._making = threading.Lock()
        self._tab_lock = threading.Lock()
        self._tab: object | None = None
        self._worker: threading.Thread | None = None
        self._worker_inbox: Inbox | None = None

    # ---- one tab at a time ---------------------------------------------------

    def claim(self, tab: object) -> bool:
        """Make `tab` the one driving sessions; False if another tab already is."""
        with self._tab_lock:
            if self._tab is not None:
                return False
            self._tab = tab
            return True

    def release(self, tab: object) -> None:
        with self._tab_lock:
            if self._tab is tab:
                self._tab = None

    # ---- engines, made once ----------------------------------------------------

    def _engine(self, name: str, make: Callable[[], object]) -> object:
        with self._making:
            if name not in self._made:
                self._made[name] = make()
            return self._made[name]

    def language_model(self):
        def make():
            llm = self.engines.language_model(None, self.settings)
            llm.warm_up()
            return llm
        return self._engine("llm", make)

    def speech_to_text(self):
        return self._engine("stt", lambda: self.engines.speech_to_text(self.settings))

    def speech_renderer(self):
        return self._engine("tts", lambda: self.engines.speech_renderer(self.settings))

    # ---- a session -------------------------------------------------------------

    def start(self, message: dict, inbox: Inbox, send: Send) -> None:
        """Start a session in a worker thread (after any earlier one has wound down)."""
        earlier = self._worker
        self._worker = threading.Thread(target=self._run, args=(message, inbox, send, earlier),
                                        name="mockint-web-session", daemon=True)
        self._worker_inbox = inbox
        self._worker.start()

    def running(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def running_for(self, inbox: Inbox) -> bool:
        """Whether the tab with this inbox already has a session under way."""
        return self.running() and self._worker_inbox is inbox

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the running session to end (tests, shutdown)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def _run(self, message: dict, inbox: Inbox, send: Send, earlier: threading.Thread | None) -> None:
        if earlier is not None:
            earlier.join()  # a session whose tab went away ends at its next step; never two at once
        store = None
        try:
            request = start_request(message)
            store = self.engines.store(None)
            self._practise(request, store, inbox, send)
        except UserError as problem:
            send({"type": "error", "text": str(problem)})
        except Exception as exc:  # the page gets one line; the terminal running the server gets the details
            traceback.print_exc(file=sys.stderr)
            send({"type": "error", "text": f"Something went wrong: {type(exc).__name__}: {exc}. Every answer "
                                           "given so far is saved; start a new session to go on."})
        finally:
            if store is not None:
                store.close()

    def _practise(self, request: StartRequest, store: Store, inbox: Inbox, send: Send) -> None:
        match = resolve_role(request.role)
        notes = self._notes(request, store)
        channel = self._channel(request, inbox, send, store)
        send({"type": "status", "text": "Loading the question model…"})
        llm = self.language_model()
        session = store.start_session(Session(role=match.title, role_key=match.role.key, mode=channel.mode,
                                              notes=notes, model=llm.name))
        rng = random.Random(self.seed)
        planner = QuestionPlanner(match, notes, llm, rng=rng, instant_first=True)
        sources = "General" if planner.doubted else f"{match.role.title} and General" if match.mixed else match.role.title
        near = "" if match.exact else f" (questions drawn from {sources})"
        send({"type": "started", "session": session.id, "role": match.title + near, "mode": channel.mode,
              "total": request.count, "help": channel.help, "notes": bool(notes)})
        view = WebView(send)
        load_in_background()  # the feedback reads meaning: STAR, rambling, talking points
        quotable.load_in_background()  # the follow-ups' quotes are read by the parser
        run_session(session, planner.questions(request.count), request.count, channel, view, store, analyze,
                    rng=rng, on_turn=view.turn_saved)

    def _notes(self, request: StartRequest, store: Store) -> str | None:
        """The pasted notes and the chosen debrief, as the planner reads them."""
        parts = [request.notes] if request.notes else []
        if request.debrief is not None:
            debrief = store.load_debrief(request.debrief)
            if is_empty(debrief):
                raise UserError(f"Debrief {debrief.id} is empty: choose another, or paste your notes instead.")
            parts.append(render_notes(debrief))
        return "\n\n".join(parts) or None

    def _channel(self, request: StartRequest, inbox: Inbox, send: Send, store: Store) -> WebChannel:
        """The session's channel: typed, or spoken through the browser's microphone and Whisper."""
        renderer = None
        if request.aloud:
            try:
                renderer = self.speech_renderer()
            except UserError as problem:
                send({"type": "notice", "text": f"The questions will not be read aloud: {problem}"})
        speaker = BrowserSpeaker(renderer, self.clips, send)
        if request.mode == "text":
            return WebChannel("text", inbox, send, speaker)
        try:
            transcriber = self.speech_to_text()
        except UserError as problem:
            raise UserError(f"Spoken answers cannot work yet: {problem} Choose Type answers to practise now.") from None
        s = self.settings
        microphone = BrowserMicrophone(inbox, endpointing_recorder(
            s.end_silence_seconds, s.max_answer_seconds, s.no_speech_timeout_seconds), send)
        voice = VoiceChannel(speaker, microphone, transcriber, store.home / "audio")
        return WebChannel("voice", inbox, send, speaker, voice, microphone)
