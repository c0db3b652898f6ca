"""Faults: a server that is down, silent, erring, sending garbage or redirecting gives one warning and the fallback.

The misbehaving servers are real HTTP servers on 127.0.0.1 (see conftest.stub_server);
the fallback is scripted here so each test says exactly which completion came from where.
"""

import json

import pytest

from mockint.domain import Question, QuestionKind
from mockint.errors import ModelError
from mockint.llm.fallback import NO_MODEL, FallbackModel, credit_writer
from mockint.llm.server import ServerModel
from tests.fakes import ScriptedLLM

MODELS = (200, "application/json", json.dumps({"object": "list", "data": [{"id": "stub-model"}]}))


def stream(*texts: str) -> str:
    events = [json.dumps({"choices": [{"text": t, "index": 0}]}) for t in texts]
    return "".join(f"data: {e}\n\n" for e in events) + "data: [DONE]\n\n"


def wrapped(url: str, replies=("from the fallback",), timeout=5.0):
    warnings: list[str] = []
    fallback = ScriptedLLM(list(replies))
    server = ServerModel(url, timeout=timeout)
    model = FallbackModel(server, lambda: fallback, warnings.append, what=f"the LLM server at {server.url}")
    return model, fallback, warnings


def test_a_working_server_writes_and_the_fallback_waits(stub_server):
    stub_server.routes = {"/v1/models": MODELS,
                          "/v1/completions": (200, "text/event-stream", stream(" led", " a team", "? And more"))}
    model, fallback, warnings = wrapped(stub_server.url)
    model.warm_up()
    assert model.complete("Question: Tell me about a time you", stop=("\n", "?")).text == " led a team"
    assert model.name == "stub-model via " + stub_server.url.split("//")[1].removesuffix("/v1")
    assert warnings == [] and fallback.prompts == []


@pytest.mark.parametrize("setup, says", [
    (lambda s: s.routes.update({"/v1/completions": (500, "application/json", '{"error": {"message": "out of memory"}}')}),
     "answered HTTP 500: out of memory"),
    (lambda s: s.routes.update({"/v1/completions": (200, "text/html", "<html>It works!</html>")}), "sent a reply that is not JSON"),
    (lambda s: s.routes.update({"/v1/completions": (200, "text/event-stream", "data: {{{garbage\n\n")}),
     "sent a stream event that is not JSON"),
    (lambda s: s.routes.update({"/v1/completions": (200, "text/event-stream", "event: nothing\n\n")}),
     "sent a stream with nothing in it"),
    (lambda s: s.hang.add("/v1/completions"), "did not answer within 1 s"),
    # Each word comes well within the time limit, the whole answer does not: the limit is a deadline.
    (lambda s: s.trickle.update({"/v1/completions": (0.25, [json.dumps({"choices": [{"text": " word"}]})] * 40)}),
     "did not finish an answer within 1 s"),
    (lambda s: s.routes.update({"/v1/completions": (403, "text/plain", "Forbidden")}), "answered HTTP 403: Forbidden"),
])
def test_a_fault_is_one_warning_then_the_fallback_for_good(stub_server, setup, says):
    stub_server.routes["/v1/models"] = MODELS
    setup(stub_server)
    model, fallback, warnings = wrapped(stub_server.url, replies=["first", "second"], timeout=1.0)
    model.warm_up()
    assert model.complete("Question: Why").text == "first"  # the failed completion itself is not lost
    asked = len(stub_server.seen)
    assert model.complete("Question: How").text == "second"
    assert len(stub_server.seen) == asked  # the server is not asked again
    assert warnings == [f"the LLM server at {stub_server.url} {says}; "
                        "the session goes on with scripted on this computer and the role's question bank."]
    assert model.name == "scripted" and model.fault


def test_a_server_that_is_down_is_found_before_the_session(trap):
    url, calls = trap
    dead = url.rsplit(":", 1)[0] + ":1"  # nothing listens on port 1
    model, fallback, warnings = wrapped(dead)
    model.warm_up()
    assert warnings == [f"the LLM server at {dead}/v1 is not reachable (nothing answers at that address); "
                        "the session goes on with scripted on this computer and the role's question bank."]
    assert model.name == "scripted"


def test_a_redirect_is_not_followed(stub_server, trap):
    trap_url, calls = trap
    stub_server.routes["/v1/models"] = MODELS
    stub_server.redirect["/v1/completions"] = f"{trap_url}/v1/completions"
    model, fallback, warnings = wrapped(stub_server.url)
    assert model.complete("Question: Why").text == "from the fallback"
    assert calls() == 0
    assert "answered HTTP 307" in warnings[0]


def test_without_a_local_model_the_bank_stands_in(stub_server):
    stub_server.routes = {"/v1/models": MODELS, "/v1/completions": (502, "text/plain", "Bad Gateway")}
    warnings = []

    def no_model():
        raise ModelError("Model file not found: models/x.gguf. Run scripts/setup.sh.")

    model = FallbackModel(ServerModel(stub_server.url), no_model, warnings.append, what="the LLM server")
    model.warm_up()  # the server answers the model list, so nothing is said yet
    assert warnings == []
    assert model.complete("Question: Why").text == ""  # an empty draft: the planner takes a bank question
    assert warnings == ["the LLM server answered HTTP 502: Bad Gateway; the local model cannot stand in "
                        "(Model file not found: models/x.gguf. Run scripts/setup.sh), "
                        "so questions come from the role's question bank."]
    assert model.name == NO_MODEL


def test_a_chat_only_server_is_asked_in_chat_form(stub_server):
    """A server without /completions (404) gets the same request as a chat; its whole, unstreamed reply is read."""
    chat = {"choices": [{"index": 0, "message": {"role": "assistant",
                                                 "content": "Tell me about a time you led a rollout?"}}]}
    stub_server.routes = {"/v1/models": MODELS, "/v1/chat/completions": (200, "application/json", json.dumps(chat))}
    model, fallback, warnings = wrapped(stub_server.url)
    text = model.complete("Question: Tell me about a time you", stop=("\n", "?")).text
    assert text == " led a rollout" and warnings == []
    assert stub_server.seen == ["GET /v1/models", "POST /v1/completions", "POST /v1/chat/completions"]
    model.complete("Question: Tell me about a time you", stop=("\n", "?"))
    assert stub_server.seen[-1] == "POST /v1/chat/completions"  # not /completions again
    assert model.primary.api == "chat"


def test_each_question_names_the_model_that_wrote_it(stub_server):
    stub_server.routes = {"/v1/models": MODELS,
                          "/v1/completions": (200, "text/event-stream", stream(" shipped it"))}
    model, fallback, warnings = wrapped(stub_server.url, replies=[" shipped it"])
    model.warm_up()
    server_name = model.name

    def written():
        yield Question(text="Q1?", kind=QuestionKind.technical, source="bank")
        model.complete("x")
        yield Question(text="Q2?", kind=QuestionKind.technical, source="llm")
        stub_server.routes["/v1/completions"] = (500, "text/plain", "gone")
        model.complete("x")
        yield Question(text="Q3?", kind=QuestionKind.technical, source="llm")

    assert [q.model for q in credit_writer(written(), model)] == [None, server_name, "scripted"]
