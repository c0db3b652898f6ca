"""When a follow-up message may be sent: the dates of the interview, the last message and this one.

Career guides agree on the rhythm: the thank-you within a day or two of the interview,
then silence for about a week (five working days) before one short nudge, and as long
again before any other. A message sent sooner than that after the interview or the
last message pressures the interviewer, however polite its words are.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, model_validator

MessageType = Literal["thank_you", "nudge"]
# Working days to leave after the interview or the last message before writing again.
WAIT_WORKING_DAYS = 5


class SendDates(BaseModel):
    """The dates that decide whether a message is too soon; any may be unknown."""

    interview: date | None = None
    last_sent: date | None = None
    send: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "SendDates":
        if self.interview and self.last_sent and self.last_sent < self.interview:
            raise ValueError("the last message cannot be before the interview")
        for name, earlier in (("interview", self.interview), ("last message", self.last_sent)):
            if earlier and self.send and self.send < earlier:
                raise ValueError(f"the send date cannot be before the {name}")
        return self


def working_days_between(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (0 when end is not later)."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += day.weekday() < 5
    return days


def earliest_send(message_type: MessageType, dates: SendDates) -> date | None:
    """The first day this message may go out, or None when nothing holds it back.

    A thank-you right after the interview is never early; a second message of any kind,
    or a nudge with no message before it, waits five working days after the latest of the
    interview and the last message.
    """
    if dates.last_sent is None and (message_type == "thank_you" or dates.interview is None):
        return None
    since = max(d for d in (dates.interview, dates.last_sent) if d is not None)
    day, waited = since, 0
    while waited < WAIT_WORKING_DAYS:
        day += timedelta(days=1)
        waited += day.weekday() < 5
    return day


def too_soon(message_type: MessageType, dates: SendDates) -> str:
    """Why the message would be sent too soon (one sentence), or empty when its timing is fine or unknown."""
    earliest = earliest_send(message_type, dates)
    if earliest is None or dates.send is None or dates.send >= earliest:
        return ""
    since = "your last message" if dates.last_sent and (not dates.interview or dates.last_sent >= dates.interview) \
        else "the interview"
    start = dates.last_sent if since == "your last message" else dates.interview
    waited = working_days_between(start, dates.send)
    return (f"Sending it on {dates.send:%a %d %b} leaves {waited} working day(s) after {since}; "
            f"wait until {earliest:%a %d %b} or later.")
