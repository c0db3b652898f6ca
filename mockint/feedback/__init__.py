"""Feedback on one answer: length, pace, pauses, fillers, rambling, STAR, whether it addressed the
question and which talking points it covered, computed locally.

`analyze(transcript, question, kind, talking_points) -> Feedback` runs every signal; `render_feedback`
shows the result in the terminal and `feedback_headline` sums it up in one line.
"""

from mockint.feedback.analyze import analyze
from mockint.feedback.render import feedback_headline, render_feedback

__all__ = ["analyze", "feedback_headline", "render_feedback"]
