"""Feedback on one answer: length, pace, pauses, fillers, rambling, STAR, whether it addressed the
question and which talking points it covered, computed locally.

`analyze(transcript, question, kind, talking_points) -> Feedback` runs every signal. Showing the
result is the review package's job (mockint.review); nothing here imports a UI library.
"""

from mockint.feedback.analyze import analyze

__all__ = ["analyze"]
