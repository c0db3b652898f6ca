"""The OpenAI wire format as pure functions: request bodies, streamed chunks, errors, chat replies.

Kept apart from the transport so every rule about what a server sends can be tested on
plain data, and so a server that sends something else is one clear FormatError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

# A chat model asked to continue text mid-sentence: said once, as the system message.
CHAT_INSTRUCTION = (
    "Continue the text below. Reply with only the words that come next, starting exactly where the text "
    "stops: no preamble, no quotes, no explanation."
)
TOP_P = 0.9  # as the embedded engine samples
MAX_MESSAGE = 160  # a server's error message is shown in one line
LEADING_LABEL = re.compile(r"^[\s\"'“”*_>]*(?:question|q)\s*[:.\-]\s*", re.IGNORECASE)
LEADING_MARKS = "\"'“”*_> \t\r\n"


class FormatError(ValueError):
    """The server sent something that is not the OpenAI format, or an error in its place."""


def completion_body(model: str, prompt: str, *, max_tokens: int, temperature: float, stop: tuple[str, ...],
                    seed: int | None) -> dict:
    """A streamed /completions request."""
    body = {"model": model, "prompt": prompt, "max_tokens": max_tokens, "temperature": temperature,
            "top_p": TOP_P, "stream": True}
    if stop:
        body["stop"] = list(stop)
    if seed is not None:
        body["seed"] = seed
    return body


def chat_body(model: str, prompt: str, *, max_tokens: int, temperature: float, seed: int | None) -> dict:
    """A streamed /chat/completions request asking for the continuation of `prompt`.

    Stop strings are not sent: a chat reply often opens with a blank line, which would stop
    it before its first word. They are applied to the reply as it streams in instead.
    """
    body = {"model": model, "max_tokens": max_tokens, "temperature": temperature, "top_p": TOP_P, "stream": True,
            "messages": [{"role": "system", "content": CHAT_INSTRUCTION}, {"role": "user", "content": prompt}]}
    if seed is not None:
        body["seed"] = seed
    return body


def _first_choice(data: object) -> dict | None:
    """The first choice of a response or chunk; None for a chunk without one (a usage-only chunk)."""
    if not isinstance(data, dict):
        raise FormatError("sent a reply that is not a JSON object")
    if "error" in data:
        raise FormatError(f"sent an error: {error_text(data)}")
    choices = data.get("choices")
    if not isinstance(choices, list):
        raise FormatError("sent a reply without 'choices'")
    if not choices:
        return None
    if not isinstance(choices[0], dict):
        raise FormatError("sent a choice that is not a JSON object")
    return choices[0]


def _text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError("sent text that is not a string")
    return value


def chunk_text(data: object, chat: bool) -> str:
    """The new text in one streamed chunk."""
    choice = _first_choice(data)
    if choice is None:
        return ""
    if chat:
        delta = choice.get("delta") or {}
        return _text(delta.get("content") if isinstance(delta, dict) else None)
    return _text(choice.get("text"))


def whole_text(data: object, chat: bool) -> str:
    """The text of a reply that came whole, from a server that does not stream."""
    choice = _first_choice(data)
    if choice is None:
        raise FormatError("sent a reply with no choices")
    if chat:
        message = choice.get("message") or {}
        return _text(message.get("content") if isinstance(message, dict) else None)
    return _text(choice.get("text"))


def sse_events(lines: Iterable[str]) -> Iterator[object]:
    """The JSON payload of each server-sent event, up to [DONE]; comments and other fields are skipped."""
    for line in lines:
        if not line.startswith("data:"):
            continue
        payload = line[len("data:"):].strip()
        if payload == "[DONE]":
            return
        if not payload:
            continue
        try:
            yield json.loads(payload)
        except json.JSONDecodeError:
            raise FormatError("sent a stream event that is not JSON") from None


def error_text(data: object) -> str:
    """The message in an error body, however the server shapes it."""
    if isinstance(data, dict):
        for key in ("error", "detail", "message"):
            value = data.get(key)
            if isinstance(value, dict):
                value = value.get("message") or value.get("msg")
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value = value[0].get("msg")
            if isinstance(value, str) and value.strip():
                return one_line(value)
    return one_line(str(data))


def one_line(text: str) -> str:
    """A server's message, whitespace folded and cut to fit one line."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


def http_error(status: int, body: str) -> str:
    """What an error status says, with the server's own message when it gives one."""
    try:
        message = error_text(json.loads(body))
    except json.JSONDecodeError:
        message = one_line(body)
    return f"answered HTTP {status}" + (f": {message}" if message else "")


def model_ids(data: object) -> list[str]:
    """The model names a /models reply lists."""
    entries = data.get("data") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise FormatError("sent a model list that is not the OpenAI format")
    return [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def cut_at_stop(text: str, stops: tuple[str, ...]) -> tuple[str, bool]:
    """`text` up to the earliest stop string, and whether there was one."""
    ends = [i for i in (text.find(s) for s in stops if s) if i >= 0]
    return (text[:min(ends)], True) if ends else (text, False)


def chat_reply_text(raw: str) -> str:
    """What of a chat reply counts: the blank lines and quote marks it opens with are not words."""
    return raw.lstrip(LEADING_MARKS)


def as_continuation(prompt: str, reply: str) -> str:
    """A chat reply as the continuation of `prompt`, as a completion would have written it.

    Chat models often repeat the words they were given ("Tell me about a time you led ...")
    or put a label or preamble first; what comes after the repeated end of the prompt is the
    continuation. Otherwise the reply is the continuation, after a space.
    """
    text = LEADING_LABEL.sub("", chat_reply_text(reply)).strip()
    tail = prompt.rsplit("\n", 1)[-1]
    tail = LEADING_LABEL.sub("", tail).strip()
    words = tail.split()
    lowered = " ".join(text.split()).lower()
    # The longest end of the prompt's last line found in the reply: all of it, or at least two words.
    for start in range(0, max(1, len(words) - 1)):
        piece = " ".join(words[start:]).lower()
        at = lowered.find(piece) if piece else -1
        if at >= 0:
            text = " ".join(text.split())[at + len(piece):]
            break
    text = text.rstrip()
    if text and (text[0].isalnum() or text[0] in "\"'“("):
        text = " " + text
    return text
