"""An OpenAI-compatible server (Ollama, LM Studio, llama.cpp's server, vLLM) as a LanguageModel.

httpx, not the openai package: mockint needs three requests (list the models, a
completion, a chat completion) and must send them to the configured address and nowhere
else. With httpx that is visible in one place: no proxy or .netrc taken from the
environment (`trust_env=False`), no redirect followed, and a deadline per completion. The
openai package would add its own retries, its OPENAI_* environment variables, an API key
it insists on and half a dozen dependencies, to do less of what is needed here.

Completions stream: the planner needs a whole question, but reading it as it comes lets
mockint stop at the first stop string and close the stream, which stops the server's
work there. That matters for chat, where stop strings are applied here (see
openai_format.chat_body), and for servers that ignore `stop`; it also makes the time limit
a true deadline for a server that is alive but slow.
"""

from __future__ import annotations

import json
import time
from pathlib import PurePath

import httpx

from mockint.errors import ModelError
from mockint.llm import openai_format as wire
from mockint.llm.base import Completion, LanguageModel
from mockint.llm.urls import normalise_url, server_address

CONNECT_SECONDS = 5.0  # a server on this computer or a team's network accepts at once, or is not there
LIST_SECONDS = 10.0  # listing the models is instant on every server; it is the reachability check
APIS = ("auto", "completions", "chat")
# Statuses that mean "no /completions here" (a chat-only server), as opposed to a failed request.
NO_ENDPOINT = {404, 405, 501}


class ServerError(ModelError):
    """The server could not be used: not reachable, too slow, an error, or a reply that is not the OpenAI format."""


class NoCompletionsEndpoint(ServerError):
    """The server has no /completions endpoint (it may still chat)."""


def short_model_name(model_id: str) -> str:
    """A model's name as people say it: llama.cpp's server names a model by its file path."""
    if model_id.endswith(".gguf") or model_id.startswith(("/", "~", "./")) or "\\" in model_id:
        return PurePath(model_id.replace("\\", "/")).name
    return model_id


def served_by(model_id: str | None, url: str) -> str:
    """The name a server's model goes by in sessions and reviews: the model and where it ran."""
    return f"{short_model_name(model_id) if model_id else 'a model'} via {server_address(url)}"


class ServerModel(LanguageModel):
    """A model served over the OpenAI API; the model to ask for is found on first use if not given."""

    def __init__(self, url: str, *, model: str | None = None, api_key: str | None = None,
                 timeout: float = 120.0, api: str = "auto", stream: bool = True):
        if api not in APIS:
            raise ValueError(f"api must be one of {APIS}")
        self.url = normalise_url(url)
        self.model_id = model
        self.api = api
        self.timeout = timeout
        self.stream = stream
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, trust_env=False, follow_redirects=False,
                                    timeout=httpx.Timeout(timeout, connect=min(CONNECT_SECONDS, timeout)))
        self.name = served_by(model, self.url)

    def close(self) -> None:
        self._client.close()

    # ---- requests ---------------------------------------------------------------

    def _failure(self, exc: httpx.HTTPError, seconds: float) -> ServerError:
        """One line on what went wrong with a request."""
        if isinstance(exc, httpx.ConnectTimeout):
            return ServerError(f"did not accept a connection within {min(CONNECT_SECONDS, seconds):g} s")
        if isinstance(exc, httpx.TimeoutException):
            return ServerError(f"did not answer within {seconds:g} s")
        if isinstance(exc, httpx.ConnectError):
            return ServerError("is not reachable (nothing answers at that address)")
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            return ServerError("closed the connection in the middle of an answer")
        return ServerError(f"failed ({type(exc).__name__}: {exc})")

    def list_models(self, timeout: float = LIST_SECONDS) -> list[str]:
        """The models the server offers (GET /models): also the check that it is there at all."""
        try:
            response = self._client.get(f"{self.url}/models", timeout=timeout)
        except httpx.HTTPError as exc:
            raise self._failure(exc, timeout) from None
        if response.status_code != 200:
            raise ServerError(wire.http_error(response.status_code, response.text))
        try:
            return wire.model_ids(response.json())
        except (json.JSONDecodeError, wire.FormatError) as exc:
            raise ServerError(str(exc) if isinstance(exc, wire.FormatError) else "sent a model list that is not JSON")

    def warm_up(self) -> None:
        """Check the server is there and settle which model to ask for (the first it lists, if none was named)."""
        listed = self.list_models(min(LIST_SECONDS, self.timeout))
        if self.model_id is None:
            if not listed:
                raise ServerError("lists no models; load one on the server")
            self.model_id = listed[0]
            self.name = served_by(self.model_id, self.url)

    def _post(self, endpoint: str, body: dict, chat: bool, stops: tuple[str, ...]) -> tuple[str, int]:
        """POST a request and read its text, streamed or whole; stop at a stop string or the deadline."""
        started = time.perf_counter()
        body = {**body, "stream": self.stream}
        try:
            with self._client.stream("POST", f"{self.url}/{endpoint}", json=body) as response:
                if response.status_code != 200:
                    response.read()
                    kind = NoCompletionsEndpoint if endpoint == "completions" and \
                        response.status_code in NO_ENDPOINT else ServerError
                    raise kind(wire.http_error(response.status_code, response.text))
                if "text/event-stream" not in response.headers.get("content-type", ""):
                    response.read()  # a server that does not stream sends the whole answer at once
                    text = wire.whole_text(json.loads(response.text), chat)
                    return self._visible(text, chat, stops)[0], 0
                text, chunks = "", 0
                for event in wire.sse_events(response.iter_lines()):
                    text += wire.chunk_text(event, chat)
                    chunks += 1
                    shown, stopped = self._visible(text, chat, stops)
                    if stopped:
                        return shown, chunks  # leaving the block closes the stream: the server stops here
                    if time.perf_counter() - started > self.timeout:
                        raise ServerError(f"did not finish an answer within {self.timeout:g} s")
                if not chunks:
                    raise ServerError("sent a stream with nothing in it")
                return self._visible(text, chat, stops)[0], chunks
        except httpx.HTTPError as exc:
            raise self._failure(exc, self.timeout) from None
        except json.JSONDecodeError:
            raise ServerError("sent a reply that is not JSON") from None
        except wire.FormatError as exc:
            raise ServerError(str(exc)) from None

    @staticmethod
    def _visible(text: str, chat: bool, stops: tuple[str, ...]) -> tuple[str, bool]:
        """The text so far up to a stop string; a chat reply's opening blank lines and quotes do not count."""
        return wire.cut_at_stop(wire.chat_reply_text(text) if chat else text, stops)

    def complete(self, prompt, *, max_tokens=64, temperature=0.8, stop=("\n",), seed=None) -> Completion:
        if self.model_id is None:
            self.warm_up()
        started = time.perf_counter()
        options = {"max_tokens": max_tokens, "temperature": temperature, "seed": seed}
        stops = tuple(stop)
        if self.api in ("auto", "completions"):
            try:
                text, chunks = self._post("completions", wire.completion_body(self.model_id, prompt, stop=stops,
                                                                              **options), False, stops)
                self.api = "completions"
                return Completion(text=text, tokens=chunks, seconds=time.perf_counter() - started)
            except NoCompletionsEndpoint:
                if self.api == "completions":
                    raise
                self.api = "chat"  # a chat-only server: ask it for the continuation in chat form from now on
        reply, chunks = self._post("chat/completions", wire.chat_body(self.model_id, prompt, **options), True, stops)
        return Completion(text=wire.as_continuation(prompt, reply), tokens=chunks,
                          seconds=time.perf_counter() - started)
