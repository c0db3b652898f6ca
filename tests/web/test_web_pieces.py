"""The web app's pure pieces: the start form's checks, the live feedback, the review's way back."""

from __future__ import annotations

import pytest

from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.errors import UserError
from mockint.feedback import analyze
from mockint.web.live import start_request
from mockint.web.pages import with_way_back
from mockint.web.view import feedback_fragment, summary_fragment


def test_the_start_form_is_checked_with_a_line_saying_what_to_fix():
    request = start_request({"role": "  nurse ", "notes": "", "mode": "voice", "count": "3", "debrief": "2"})
    assert (request.role, request.notes, request.mode, request.count, request.debrief) == ("nurse", None, "voice", 3, 2)
    for message, fix in [({"role": "", "mode": "text"}, "Type the role"),
                         ({"role": "x", "mode": "shout"}, "Choose Type answers"),
                         ({"role": "x", "mode": "text", "count": 40}, "1 to 10 questions"),
                         ({"role": "x", "mode": "text", "count": "five"}, "must be numbers"),
                         ({"role": "x" * 201, "mode": "text"}, "too long")]:
        with pytest.raises(UserError, match=fix):
            start_request(message)


def test_the_live_feedback_escapes_the_answer_and_marks_its_fillers():
    text = "Um, I fixed <script>alert(1)</script> the build, uh, in a day."
    question = Question(text="What did you fix?", kind=QuestionKind.technical)
    turn = Turn(index=0, question=question, answer=Answer(text=text),
                feedback=analyze(Transcript(text=text), question=question.text, kind=question.kind))
    html = feedback_fragment(turn)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="filler" title="filler">Um</mark>' in html and ">uh</mark>" in html
    summary = summary_fragment(Session(id=4, role="Engineer", role_key="software_engineer", turns=[turn]), False)
    assert "1 answered · 0 skipped · saved as session 4." in summary and 'href="/sessions/4/review"' in summary


def test_the_review_page_gets_a_way_back_and_nothing_else_changes():
    page = "<html><head></head><body class='x'><h1>Session 1</h1></body></html>"
    changed = with_way_back(page)
    assert changed.replace(changed[changed.index("<nav"):changed.index("</nav>") + 6], "") == page
    assert '<a href="/sessions">← All sessions</a>' in changed
