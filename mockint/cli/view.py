"""The terminal view of a session: questions, feedback, notices and the closing summary."""

from __future__ import annotations

from statistics import mean

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from mockint.domain import KIND_NAMES, Feedback, Question, QuestionKind, Session, main_question_numbers
from mockint.review import feedback_headline, render_feedback


class TerminalView:
    """Shows a session on a rich Console (plain text when output is piped)."""

    def __init__(self, console: Console, help_text: str = ""):
        self.console = console
        self.help_text = help_text
        self._shown_help = False

    def question(self, question: Question, number: int, total: int) -> None:
        """Print a question with its number and kind; the first time, how to answer."""
        if question.kind == QuestionKind.follow_up:
            self.console.print(f"\n[bold magenta]Follow-up:[/] {escape(question.text)}")
        else:
            title = f"Question {number} of {total} · {KIND_NAMES[question.kind]}"
            self.console.print()
            self.console.print(Panel(escape(question.text), title=title, title_align="left", border_style="cyan"))
        if self.help_text and not self._shown_help:
            self.console.print(f"[dim]{self.help_text}[/]")
            self._shown_help = True

    def feedback(self, feedback: Feedback) -> None:
        """Print the analyzer's feedback on one answer."""
        self.console.print(render_feedback(feedback))

    def notice(self, text: str) -> None:
        self.console.print(f"[dim]{escape(text)}[/]")

    def summary(self, session: Session, stopped: bool) -> None:
        """How the session went, one line per answered question, and how to review it."""
        answered = [t for t in session.turns if t.feedback is not None]
        if stopped:
            self.console.print(f"\nStopped. Session {session.id} is saved with {len(answered)} answer(s): "
                               f"mockint review {session.id}")
            return
        self.console.print()
        if not answered:
            self.console.print("No answers this time. When you're ready: mockint practice")
            return
        table = Table(title=f"Session {session.id} · {escape(session.role)}", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Question")
        table.add_column("Words", justify="right")
        table.add_column("How it went")
        labels = dict(zip((t.index for t in session.turns), main_question_numbers(session.turns)))
        for turn in answered:
            label = labels[turn.index]
            text = turn.question.text if len(turn.question.text) < 70 else turn.question.text[:67] + "..."
            table.add_row(label, escape(text), str(turn.feedback.word_count), feedback_headline(turn.feedback))
        self.console.print(table)
        fillers = mean(t.feedback.fillers.per_100_words for t in answered)
        star = [t.feedback.star.completeness for t in answered if t.feedback.star.completeness is not None]
        parts = [f"{len(answered)} answered", f"{sum(t.skipped for t in session.turns)} skipped",
                 f"{fillers:.1f} fillers per 100 words"]
        if star:
            parts.append(f"STAR {mean(star):.0%} complete")
        self.console.print(" · ".join(parts))
        self.console.print(f"Saved. Review it any time: [bold]mockint review {session.id}[/]")
