"""The app's pages for the rest of second-round prep: stories, questions to ask, the follow-up message.

Each is a form and a result, on the same prep code as the terminal's commands; forms
are posted to the page itself (the guard checks where they came from).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from mockint.channels.base import Reply
from mockint.domain import STAR_PARTS, Answer, Question
from mockint.errors import UserError
from mockint.prep.ask import questions_to_ask
from mockint.prep.debrief import is_empty, render_notes
from mockint.prep.followup import checked_draft
from mockint.prep.followup_check import check_message
from mockint.prep.stories import describe
from mockint.prep.story_practice import practise_story
from mockint.roles import list_roles, resolve_role
from mockint.web.pages import form_fields, opened_store, page, problem_page

MAX_TITLE_CHARS = 120
MAX_TEXT_CHARS = 20_000


def field(fields: dict[str, str], name: str, what: str, limit: int = MAX_TEXT_CHARS, required: bool = True) -> str:
    """One stripped form field; UserError naming it when it is missing or too long."""
    value = fields.get(name, "").strip()
    if required and not value:
        raise UserError(f"The {what} is empty: fill it in and try again.")
    if len(value) > limit:
        raise UserError(f"The {what} is too long: at most {limit:,} characters.")
    return value


# ---- stories ----------------------------------------------------------------------


def stories_page(request: Request) -> HTMLResponse:
    with opened_store(request) as store:
        saved = [(story, describe(story)) for story in store.list_stories()]
    return page(request, "stories.html", "Stories", here="/stories", stories=saved, parts=STAR_PARTS)


async def add_story(request: Request) -> HTMLResponse | RedirectResponse:
    fields = await form_fields(request)
    try:
        title = field(fields, "title", "story's title", MAX_TITLE_CHARS)
        text = field(fields, "text", "story")
    except UserError as problem:
        return problem_page(request, str(problem), back="/stories")
    with opened_store(request) as store:
        story_id = store.add_story(title, text)
    return RedirectResponse(f"/stories/{story_id}", status_code=303)


def story_page(request: Request, comparison=None, previous=None) -> HTMLResponse:
    with opened_store(request) as store:
        story = store.load_story(request.path_params["story"])
        attempts = store.story_attempts(story.id)
    return page(request, "story.html", story.title, here="/stories", story=story, analysis=describe(story),
                attempts=attempts, parts=STAR_PARTS, comparison=comparison, previous=previous or [])


class TypedRetelling:
    """A channel holding one retelling the candidate typed into the page, for practise_story."""

    mode = "text"
    help = ""

    def __init__(self, text: str):
        self.text = text

    def ask(self, question: Question) -> None:
        """The page already asked."""

    def listen(self, key: str) -> Reply:
        return Reply("answer", Answer(text=self.text, mode="text"))


async def retell_story(request: Request) -> HTMLResponse:
    """Compare a typed retelling with the saved story and save the attempt, as `stories practice` does."""
    fields = await form_fields(request)
    story_ref = request.path_params["story"]
    try:
        told = field(fields, "retelling", "retelling")
    except UserError as problem:
        return problem_page(request, str(problem), back=f"/stories/{story_ref}")
    with opened_store(request) as store:
        story = store.load_story(story_ref)
        retelling = practise_story(story, TypedRetelling(told), store, lambda: None)
    return story_page(request, retelling.comparison, retelling.previous_scores)


# ---- questions to ask --------------------------------------------------------------


async def ask_page(request: Request) -> HTMLResponse:
    with opened_store(request) as store:
        debriefs = store.list_debriefs()
    values = {"roles": list_roles(), "debriefs": debriefs, "chosen": None, "form": {}}
    if request.method == "POST":
        form = await form_fields(request)
        values["form"] = form
        try:
            role_text = field(form, "role", "role", 200)
            match = resolve_role(role_text)
            notes = notes_with_debrief(request, field(form, "notes", "notes", required=False), form.get("debrief"))
            values["chosen"] = questions_to_ask(match.role, match.title, notes, 8)
            values["role_title"] = match.title
        except UserError as problem:
            values["problem"] = str(problem)
    return page(request, "ask.html", "Questions to ask", here="/ask", **values)


def notes_with_debrief(request: Request, notes: str, debrief_ref: str | None) -> str | None:
    """Pasted notes and a chosen saved debrief together, as the planner and `ask` read them."""
    parts = [notes] if notes else []
    if debrief_ref:
        with opened_store(request) as store:
            debrief = store.load_debrief(debrief_ref)
        if is_empty(debrief):
            raise UserError(f"Debrief {debrief.id} is empty: choose another, or paste your notes instead.")
        parts.append(render_notes(debrief))
    return "\n\n".join(parts) or None


# ---- the follow-up message ----------------------------------------------------------


async def followup_page(request: Request) -> HTMLResponse:
    """Draft a thank-you from a debrief of the real interview (and a practice session), or check one the candidate wrote."""
    with opened_store(request) as store:
        sessions = [s for s in store.list_sessions() if s.answered]
        debriefs = [d for d in store.list_debriefs() if d.steps]
    form = await form_fields(request) if request.method == "POST" else dict(request.query_params)
    values = {"sessions": sessions, "debriefs": debriefs, "form": form, "draft": None, "problems": None,
              "checked": False}
    try:
        if request.method == "POST" and form.get("action") == "check":
            values["problems"] = check_message(field(form, "draft_text", "draft"))
            values["checked"] = True
        elif form.get("action") == "draft":
            values["draft"], values["problems"] = draft_for(request, form)
    except UserError as problem:
        values["problem"] = str(problem)
    return page(request, "followup.html", "Follow-up", here="/followup", **values)


def draft_for(request: Request, form: dict[str, str]):
    """A drafted message from the chosen debrief and session (either may be absent), and what the check finds."""
    with opened_store(request) as store:
        session = store.load_session(form["session"]) if form.get("session") else None
        debrief = store.load_debrief(form["debrief"]) if form.get("debrief") else None
    return checked_draft(debrief, session, field(form, "to", "name", 120, required=False) or None,
                         field(form, "sender", "name", 120, required=False) or None)
