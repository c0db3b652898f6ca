"""The OpenAI wire format on plain data: streamed events, errors, and chat replies read as continuations."""

import pytest

from mockint.llm import openai_format as wire

# As llama.cpp's server streams a completion (one event per token), with a keep-alive comment.
COMPLETION_STREAM = [
    ': ping',
    'data: {"id": "cmpl-1", "object": "text_completion", "choices": [{"text": " lead", "index": 0}]}',
    '',
    'data: {"id": "cmpl-1", "object": "text_completion", "choices": [{"text": " a team", "index": 0}]}',
    'data: [DONE]',
    'data: {"choices": [{"text": "after the end"}]}',
]
CHAT_STREAM = [
    'data: {"choices": [{"delta": {"role": "assistant"}, "index": 0}]}',
    'data: {"choices": [{"delta": {"content": "Hello"}, "index": 0}]}',
    'data: {"choices": [], "usage": {"completion_tokens": 1}}',
    'data: [DONE]',
]


def test_a_completion_stream_is_read_up_to_done():
    text = "".join(wire.chunk_text(e, chat=False) for e in wire.sse_events(COMPLETION_STREAM))
    assert text == " lead a team"


def test_a_chat_stream_counts_only_content():
    assert "".join(wire.chunk_text(e, chat=True) for e in wire.sse_events(CHAT_STREAM)) == "Hello"


@pytest.mark.parametrize("lines, says", [
    (["data: <html>oops</html>"], "not JSON"),
    (['data: {"error": {"message": "model not loaded"}}'], "model not loaded"),
    (['data: {"result": "no choices here"}'], "without 'choices'"),
    (['data: {"choices": [{"text": 42}]}'], "not a string"),
    (['data: ["a", "list"]'], "not a JSON object"),
])
def test_garbage_in_a_stream_is_a_format_error(lines, says):
    with pytest.raises(wire.FormatError, match=says):
        for event in wire.sse_events(lines):
            wire.chunk_text(event, chat=False)


def test_a_whole_reply_from_a_server_that_does_not_stream():
    assert wire.whole_text({"choices": [{"text": " why"}]}, chat=False) == " why"
    assert wire.whole_text({"choices": [{"message": {"role": "assistant", "content": "why"}}]}, chat=True) == "why"
    with pytest.raises(wire.FormatError):
        wire.whole_text({"choices": []}, chat=False)


@pytest.mark.parametrize("status, body, says", [
    (404, '{"error": {"message": "model \\"qwen2.5:7b\\" not found, try pulling it first"}}',
     'answered HTTP 404: model "qwen2.5:7b" not found, try pulling it first'),
    (422, '{"detail": [{"loc": ["body", "prompt"], "msg": "Field required"}]}', "answered HTTP 422: Field required"),
    (500, "Internal Server Error\n\n", "answered HTTP 500: Internal Server Error"),
    (401, '{"error": "Invalid API key"}', "answered HTTP 401: Invalid API key"),
    (503, "", "answered HTTP 503"),
])
def test_error_statuses_keep_the_servers_own_message_on_one_line(status, body, says):
    assert wire.http_error(status, body) == says


def test_a_long_error_is_cut_to_one_line():
    message = wire.http_error(500, "x " * 400)
    assert "\n" not in message and len(message) < 200


def test_model_lists():
    assert wire.model_ids({"object": "list", "data": [{"id": "qwen2.5:7b"}, {"id": "llama3.1:8b"}]}) == [
        "qwen2.5:7b", "llama3.1:8b"]
    with pytest.raises(wire.FormatError):
        wire.model_ids({"models": ["a"]})


def test_stop_strings_cut_at_the_earliest():
    assert wire.cut_at_stop(" led the team? And then\nmore", ("\n", "?")) == (" led the team", True)
    assert wire.cut_at_stop(" led the team", ("\n", "?")) == (" led the team", False)


def test_requests_carry_what_the_planner_asked_for():
    body = wire.completion_body("m", "Question: Why", max_tokens=64, temperature=0.7, stop=("\n", "?"), seed=None)
    assert body["prompt"] == "Question: Why" and body["stop"] == ["\n", "?"] and body["stream"] is True
    assert "seed" not in body
    chat = wire.chat_body("m", "Question: Why", max_tokens=64, temperature=0.7, seed=3)
    assert chat["messages"][-1] == {"role": "user", "content": "Question: Why"} and chat["seed"] == 3
    assert "stop" not in chat  # applied to the streamed reply instead (it may open with a blank line)


PROMPT = "Competency: teamwork\nKind: behavioral\nQuestion: Tell me about a time you"


@pytest.mark.parametrize("reply, continuation", [
    ("led a team through a hard deadline", " led a team through a hard deadline"),
    ("Tell me about a time you led a team through a hard deadline", " led a team through a hard deadline"),
    ("\n\n\"Tell me about a time you disagreed with your manager", " disagreed with your manager"),
    ("Question: Tell me about a time you shipped late", " shipped late"),
    ("Sure! Here it is: Tell me about a time you changed your mind", " changed your mind"),
    ("a time you owned a mistake", " owned a mistake"),  # the end of the prompt, repeated in part
    (", and what did you learn", ", and what did you learn"),
    ("", ""),
])
def test_chat_replies_read_as_continuations(reply, continuation):
    assert wire.as_continuation(PROMPT, reply) == continuation


def test_a_one_word_opener_repeated_is_dropped():
    assert wire.as_continuation("Question: Suppose", "Suppose the launch slips a week") == " the launch slips a week"
