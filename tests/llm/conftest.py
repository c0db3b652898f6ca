"""Real servers for the server engine's tests.

`llama_server`: llama.cpp's own OpenAI-compatible server (llama-cpp-python[server]) serving
the embedded GGUF on 127.0.0.1, started by the test, waited for, and stopped. Its log is
how a test sees what reached it: uvicorn writes `"POST /v1/completions HTTP/1.1" 200 OK`
for every request. `stub_server`: a few lines of http.server that misbehave on purpose
(an error, garbage, silence, a redirect), for the faults a real server rarely shows on cue.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

# The name the test servers serve the embedded GGUF under: like "mistral" on Ollama it states
# no size, so the planner lets it write freely (a name stating 135M would only get bank questions).
SERVED_AS = "house-model"
READY_SECONDS = 180  # loading fastapi and the model takes seconds, longer on a busy shared machine


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@dataclass
class LlamaServer:
    """A running `python -m llama_cpp.server`, its address and its log."""

    process: subprocess.Popen
    host: str
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def requests(self, line: str) -> int:
        """How many requests the log shows, e.g. '"POST /v1/completions HTTP/1.1" 200 OK'."""
        return self.log.read_text(errors="replace").count(line)

    def stop(self) -> None:
        """End the server (terminate, then kill if it does not go)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)

    def kill(self) -> None:
        """The server going away at once, as a crash would."""
        self.process.kill()
        self.process.wait(timeout=15)


def start_llama_server(model: Path, log: Path, host: str = "127.0.0.1") -> LlamaServer:
    """Start llama.cpp's server on a free port and wait until it lists its model."""
    port = free_port(host)
    handle = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", host, "--port", str(port),
         "--n_ctx", "2048", "--model_alias", SERVED_AS],
        stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    handle.close()
    server = LlamaServer(process, host, port, log)
    deadline = time.monotonic() + READY_SECONDS
    with httpx.Client(trust_env=False, timeout=5) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"llama.cpp's server exited with {process.returncode}:\n{log.read_text()[-2000:]}")
            try:
                if client.get(f"{server.url}/models").status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
    server.stop()
    raise AssertionError(f"llama.cpp's server was not ready in {READY_SECONDS} s:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def llama_server(embedded_llm_path, tmp_path_factory):
    """One llama.cpp server for the tests that only send it requests (they count log lines before and after)."""
    server = start_llama_server(embedded_llm_path, tmp_path_factory.mktemp("llama-server") / "server.log")
    yield server
    server.stop()


@pytest.fixture
def own_llama_server(embedded_llm_path, tmp_path):
    """A llama.cpp server of this test's own, which the test may kill."""
    server = start_llama_server(embedded_llm_path, tmp_path / "server.log")
    yield server
    server.stop()


# ---- a server that misbehaves on purpose ------------------------------------------


@dataclass
class Stub:
    """What the stub server does per path, and what it was asked."""

    routes: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # path -> (status, content type, body)
    hang: set[str] = field(default_factory=set)  # paths that never answer
    redirect: dict[str, str] = field(default_factory=dict)  # path -> Location
    trickle: dict[str, tuple[float, list[str]]] = field(default_factory=dict)  # path -> (pause, event bodies)
    seen: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""


def stub_handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _answer(self):
            length = int(self.headers.get("content-length") or 0)
            self.rfile.read(length)
            stub.seen.append(f"{self.command} {self.path}")
            if self.path in stub.hang:
                stub.release.wait(60)
                return
            if self.path in stub.trickle:  # alive, but slow: one event at a time
                pause, events = stub.trickle[self.path]
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for event in events:
                    if stub.release.wait(pause):
                        return
                    self.wfile.write(f"data: {event}\n\n".encode())
                    self.wfile.flush()
                return
            if self.path in stub.redirect:
                self.send_response(307)
                self.send_header("Location", stub.redirect[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, kind, body = stub.routes.get(self.path, (404, "application/json", '{"error": "not found"}'))
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer

    return Handler


@pytest.fixture
def stub_server():
    """A misbehaving OpenAI-style server on 127.0.0.1; set its routes in the test."""
    stub = Stub()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), stub_handler(stub))
    httpd.daemon_threads = True
    stub.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield stub
    stub.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def trap():
    """A listening socket that must never be called: the address proxies and redirects would send to."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    host, port = sock.getsockname()

    def calls() -> int:
        count = 0
        while True:
            try:
                conn, _ = sock.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    yield f"http://{host}:{port}", calls
    sock.close()
