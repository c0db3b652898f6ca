"""mockint with --llm-url through the real CLI: questions and a session through llama.cpp's server, the
server killed mid-session, doctor seeing it up and down, and nothing sent anywhere without a URL."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.config import Settings
from mockint.engines import open_language_model
from tests.llm.conftest import SERVED_AS, start_llama_server

COMPLETIONS = '"POST /v1/completions HTTP/1.1" 200 OK'
ANSWERS = [
    "In my last job our checkout failed every Friday. I profiled it, found a missing index and added it; "
    "p99 latency fell from 900 to 200 milliseconds.",
    "I would ship the safest part first behind a flag and measure errors before going further.",
    "I asked the designer for the data behind her view, we ran a one-week test together and her version won.",
]
# Under a loaded CI machine the 135M model on one server thread can be slow; the tests are about
# what reaches the server, not its speed (the time limit has its own test in test_fallback.py).
PATIENT = {"MOCKINT_LLM_TIMEOUT_SECONDS": "600"}


def invoke(args, input_text=""):
    result = CliRunner().invoke(cli, args, input=input_text)
    assert "Traceback" not in result.output, result.output
    return result


def test_questions_are_written_through_the_server(llama_server, monkeypatch):
    monkeypatch.setenv("MOCKINT_LLM_TIMEOUT_SECONDS", "600")
    before = llama_server.requests(COMPLETIONS)
    result = invoke(["questions", "--role", "product manager", "--count", "2", "--seed", "4", "--json",
                     "--llm-url", f"http://127.0.0.1:{llama_server.port}"])  # /v1 is added
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # a server on this computer: nothing to warn about
    data = json.loads(result.stdout)
    server_name = f"{SERVED_AS} via 127.0.0.1:{llama_server.port}"
    assert data["model"] == server_name
    # Every draft the planner asked for is one request in the server's own log.
    assert llama_server.requests(COMPLETIONS) - before == data["from_llm"] + len(data["rejected"]) >= 2
    for q in data["questions"]:
        assert q["model"] == (server_name if q["source"] == "llm" else None), q


def test_a_session_through_the_server(llama_server, monkeypatch):
    monkeypatch.setenv("MOCKINT_LLM_URL", llama_server.url)
    monkeypatch.setenv("MOCKINT_LLM_TIMEOUT_SECONDS", "600")
    before = llama_server.requests(COMPLETIONS)
    result = invoke(["practice", "--text", "--role", "software engineer", "--count", "2", "--seed", "2",
                     "--no-follow-ups"], "".join(a + "\n\n" for a in ANSWERS[:2]))
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and "2 answered" in result.stdout
    assert llama_server.requests(COMPLETIONS) > before  # question 2 was asked of the server
    review = json.loads(invoke(["review", "last", "--format", "json"]).stdout)
    server_name = f"{SERVED_AS} via 127.0.0.1:{llama_server.port}"
    assert review["model"] == server_name
    assert [t["answer"]["text"] for t in review["turns"]] == ANSWERS[:2]
    for turn in review["turns"]:
        q = turn["question"]
        assert q["model"] == (server_name if q["source"] == "llm" else None)
    markdown = invoke(["review", "last", "--format", "md"]).stdout
    assert f"**Questions written by:** `{server_name}`" in markdown


def _saved_turns(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as con:
        return con.execute("SELECT COUNT(*) FROM turns").fetchone()[0]


def test_the_server_killed_mid_session_and_the_session_finishes_with_the_embedded_model(own_llama_server,
                                                                                         mockint_home):
    server = own_llama_server
    env = {**os.environ, **PATIENT, "MOCKINT_LLM_URL": server.url}
    proc = subprocess.Popen([sys.executable, "-m", "mockint", "practice", "--text", "--role", "software engineer",
                             "--count", "3", "--seed", "5", "--no-follow-ups"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    # Question 1 comes from the bank at once; question 2 is being written by the server meanwhile.
    deadline = time.monotonic() + 600
    while server.requests(COMPLETIONS) == 0:
        assert proc.poll() is None and time.monotonic() < deadline, "the session never asked the server"
        time.sleep(0.2)
    server.kill()
    out, err = proc.communicate("".join(a + "\n\n" for a in ANSWERS), timeout=600)
    assert proc.returncode == 0, (out, err)
    assert "Traceback" not in out + err
    (warning,) = err.splitlines()  # one line, whether the server went during a request or between two
    assert warning.startswith(f"mockint: the LLM server at {server.url} ")
    assert warning.endswith("; questions come from SmolLM2-135M-Instruct.Q4_1.gguf on this computer instead.")
    assert "3 answered" in out
    db = mockint_home / "mockint.db"
    assert _saved_turns(db) == 3
    review = json.loads(invoke(["review", "last", "--format", "json"]).stdout)
    assert [t["answer"]["text"] for t in review["turns"]] == ANSWERS
    server_name = f"{SERVED_AS} via 127.0.0.1:{server.port}"
    assert review["model"] == server_name  # what the session started with
    last = review["turns"][2]["question"]  # written after the server was gone
    assert last["model"] == ("SmolLM2-135M-Instruct.Q4_1.gguf" if last["source"] == "llm" else None)


def test_doctor_sees_the_server_up_then_down(own_llama_server, monkeypatch):
    monkeypatch.setenv("MOCKINT_LLM_URL", own_llama_server.url)
    result = invoke(["doctor", "--json"])
    server = {c["name"]: c for c in json.loads(result.stdout)}["LLM server"]
    assert server["ok"] and server["found"].startswith(f"{own_llama_server.url} is up, serving ")
    assert server["found"].endswith(SERVED_AS)

    monkeypatch.setenv("MOCKINT_LLM_SERVER_MODEL", "qwen2.5:7b")
    server = {c["name"]: c for c in json.loads(invoke(["doctor", "--json"]).stdout)}["LLM server"]
    assert not server["ok"] and "does not list qwen2.5:7b" in server["found"]
    assert server["fix"].startswith("set llm_server_model to one it lists")

    monkeypatch.delenv("MOCKINT_LLM_SERVER_MODEL")
    own_llama_server.stop()
    result = invoke(["doctor", "--json"])
    server = {c["name"]: c for c in json.loads(result.stdout)}["LLM server"]
    assert not server["ok"] and server["found"] == f"{own_llama_server.url} is not reachable (nothing answers at that address)"
    assert server["fix"].startswith("start it (ollama serve")
    assert result.exit_code == 0  # text practice still works: the local model stands in


def test_doctor_without_a_server_says_none_is_set():
    checks = {c["name"]: c for c in json.loads(invoke(["doctor", "--json"]).stdout)}
    assert checks["LLM server"]["ok"] and checks["LLM server"]["found"].startswith("none set")


def test_a_bad_address_is_one_line():
    result = invoke(["questions", "--role", "nurse", "--llm-url", "localhost:11434"])
    assert result.exit_code == 2
    assert "'localhost:11434' is not an http:// or https:// address" in result.output


def test_a_server_elsewhere_is_said_once_before_anything_is_sent(capsys):
    """192.0.2.1 is reserved for documentation: nothing is sent, only the line is checked."""
    model = open_language_model(None, Settings(llm_url="http://192.0.2.1:8000/v1"))
    assert capsys.readouterr().err.splitlines() == [
        "mockint: questions will be written by the LLM server at http://192.0.2.1:8000/v1, which is not this "
        "computer: your first-round notes and answers are sent there."]
    assert model.fault is None  # created, not contacted


def outward_address() -> str | None:
    """An address of this machine that is not loopback, if it has one (no packet is sent to find it)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 9))
            address = sock.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_a_server_on_another_address_works_with_one_line(embedded_llm_path, tmp_path, monkeypatch):
    address = outward_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    server = start_llama_server(embedded_llm_path, tmp_path / "server.log", host=address)
    try:
        monkeypatch.setenv("MOCKINT_LLM_TIMEOUT_SECONDS", "600")
        result = invoke(["questions", "--role", "teacher", "--count", "1", "--json", "--llm-url", server.url])
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == [
            f"mockint: questions will be written by the LLM server at {server.url}, which is not this computer: "
            "your first-round notes and answers are sent there."]
        assert server.requests(COMPLETIONS) >= 1
        assert json.loads(result.stdout)["model"].endswith(f"via {address}:{server.port}")
    finally:
        server.stop()


def test_nothing_is_sent_without_a_url(mockint_home):
    """Without llm_url the engine is the local GGUF, and the HTTP client is never even imported."""
    code = (
        "import sys\n"
        "from mockint.cli import cli\n"
        "from mockint.config import Settings\n"
        "from mockint.engines import Engines\n"
        "model = Engines().language_model(None, Settings.load())\n"
        "print(type(model).__name__, sorted(m for m in ('httpx', 'mockint.llm.server') if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "MOCKINT_LLM_URL"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LlamaModel []"
