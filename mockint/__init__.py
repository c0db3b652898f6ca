"""mockint: an offline mock interviewer for second-round interview practice."""

__version__ = "0.1.0"
