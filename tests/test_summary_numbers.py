"""The end-of-session summary counts main questions: 1, ↳, 2, ↳ (issue 15), in the terminal and the browser."""

from __future__ import annotations

import io
import re

from rich.console import Console

from mockint.cli.view import TerminalView
from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.web.view import summary_fragment

ANSWER = "I rebuilt the deploy script and cut the release time from two hours to twenty minutes."


def turn(index: int, follow_up_of: int | None = None) -> Turn:
    kind = QuestionKind.follow_up if follow_up_of is not None else QuestionKind.technical
    question = Question(text=f"Question text {index}?", kind=kind)
    return Turn(index=index, question=question, answer=Answer(text=ANSWER), follow_up_of=follow_up_of,
                feedback=analyze(Transcript(text=ANSWER), question=question.text, kind=kind))


SESSION = Session(id=7, role="Engineer", role_key="software_engineer",
                  turns=[turn(0), turn(1, follow_up_of=0), turn(2), turn(3, follow_up_of=2)])


def test_the_terminal_summary_numbers_main_questions():
    out = io.StringIO()
    TerminalView(Console(file=out, width=100, color_system=None), help_text="").summary(SESSION, stopped=False)
    rows = [line.split("│")[1].strip() for line in out.getvalue().splitlines() if "Question text" in line]
    assert rows == ["1", "↳", "2", "↳"]


def test_the_browser_summary_numbers_main_questions():
    html = summary_fragment(SESSION, False)
    assert re.findall(r"<td[^>]*>\s*(\d|↳)\s*</td>", html) == ["1", "↳", "2", "↳"]
