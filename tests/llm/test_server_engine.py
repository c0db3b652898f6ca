"""The server engine against the real llama.cpp server serving the embedded GGUF on 127.0.0.1."""

import random

import pytest

from mockint.llm.server import ServerModel
from tests.llm.conftest import SERVED_AS
from mockint.questions import QuestionPlanner
from mockint.questions.validate import check_question
from mockint.roles import resolve_role

COMPLETIONS = '"POST /v1/completions HTTP/1.1" 200 OK'
CHAT = '"POST /v1/chat/completions HTTP/1.1" 200 OK'
MODELS = '"GET /v1/models HTTP/1.1" 200 OK'
PROMPT = ("Interview questions for a second round.\nQuestion: How would you design a rate limiter?\n"
          "Question: Tell me about a time you")


def test_warm_up_finds_the_servers_model(llama_server, embedded_llm_path):
    before = llama_server.requests(MODELS)
    model = ServerModel(llama_server.url)
    assert model.list_models() == [SERVED_AS]
    model.warm_up()
    assert model.model_id == SERVED_AS
    assert model.name == f"{SERVED_AS} via 127.0.0.1:{llama_server.port}"
    assert llama_server.requests(MODELS) == before + 2
    model.close()


def test_a_completion_streams_and_stops_at_a_stop_string(llama_server):
    before = llama_server.requests(COMPLETIONS)
    model = ServerModel(llama_server.url, timeout=300)
    completion = model.complete(PROMPT, max_tokens=48, temperature=0.7, stop=("\n", "?"))
    assert llama_server.requests(COMPLETIONS) == before + 1
    assert "\n" not in completion.text and "?" not in completion.text
    assert completion.tokens >= 1 and completion.seconds > 0
    assert model.api == "completions"
    model.close()


def test_chat_form_gives_a_continuation(llama_server):
    before = llama_server.requests(CHAT), llama_server.requests(COMPLETIONS)
    model = ServerModel(llama_server.url, timeout=300, api="chat")
    completion = model.complete(PROMPT, max_tokens=48, temperature=0.7, stop=("\n", "?"))
    assert (llama_server.requests(CHAT), llama_server.requests(COMPLETIONS)) == (before[0] + 1, before[1])
    assert "\n" not in completion.text and "?" not in completion.text
    assert completion.text == "" or completion.text[0] in " ,;:'\"(" or not completion.text[0].isalnum()
    model.close()


@pytest.mark.parametrize("api, line", [("completions", COMPLETIONS), ("chat", CHAT)])
def test_the_planner_writes_questions_through_the_server(llama_server, api, line):
    """Every draft is one request the server logged; every question shown passes the checker."""
    before = llama_server.requests(line)
    model = ServerModel(llama_server.url, timeout=300, api=api)
    planner = QuestionPlanner(resolve_role("data scientist"), None, model, rng=random.Random(11))
    questions = list(planner.questions(2))
    drafts = planner.stats.from_llm + len(planner.stats.rejections)
    assert drafts >= 2  # neither came from the bank without asking the model first
    assert llama_server.requests(line) == before + drafts
    asked = []
    for q in questions:
        assert check_question(q.text, asked=asked).ok, q.text
        asked.append(q.text)
    model.close()


def test_proxy_settings_in_the_environment_are_not_used(llama_server, trap, monkeypatch):
    """Requests go to the configured address only, whatever proxy the shell has set."""
    trap_url, calls = trap
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, trap_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    before = llama_server.requests(COMPLETIONS)
    model = ServerModel(llama_server.url, timeout=300)
    model.complete(PROMPT, max_tokens=8, stop=("\n",))
    assert llama_server.requests(COMPLETIONS) == before + 1
    assert calls() == 0
    model.close()
