"""Who may talk to the web app: this launch's browser tab, and nothing else.

The server listens on the loopback interface, but that alone does not stop a web page
the candidate visits from reaching it: a cross-site form or WebSocket would, and so
would a page that re-points its own host name at 127.0.0.1 (DNS rebinding). So every
request must name this server in its Host header, must not come from another origin
(Origin, Sec-Fetch-Site), and must carry the key printed at launch: in the URL the
first time, in a same-site cookie after that. The decision is a pure function of the
request's facts (`refusal`); `Guard` is the ASGI middleware that applies it and caps
request bodies.
"""

from __future__ import annotations

import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

MAX_BODY_BYTES = 256 * 1024  # a pasted story, notes or draft is a few kB; nothing needs more
TOKEN_PARAM = "token"


def is_loopback(host: str) -> bool:
    """Whether a listening address only this machine can reach ("localhost", 127.x, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Launch:
    """What identifies this launch: its key and the host names it answers to."""

    token: str
    port: int
    extra_host: str | None = None  # a non-loopback address the user explicitly chose to listen on

    @classmethod
    def new(cls, port: int, extra_host: str | None = None) -> "Launch":
        return cls(secrets.token_urlsafe(24), port, extra_host)

    @property
    def hosts(self) -> frozenset[str]:
        """Every Host header value that names this server."""
        names = ["127.0.0.1", "localhost", "[::1]"] + ([self.extra_host] if self.extra_host else [])
        return frozenset(f"{name}:{self.port}".lower() for name in names)

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    @property
    def cookie(self) -> str:
        # Cookies are shared between ports of one host: a per-port name keeps two launches apart.
        return f"mockint_key_{self.port}"

    def url(self, path: str = "/") -> str:
        """The address to open: the first page with this launch's key."""
        return f"http://127.0.0.1:{self.port}{path}?{urlencode({TOKEN_PARAM: self.token})}"


@dataclass(frozen=True)
class RequestFacts:
    """What the guard looks at in one request."""

    host: str | None
    origin: str | None
    fetch_site: str | None  # Sec-Fetch-Site: same-origin, same-site, cross-site or none
    url_token: str | None
    cookie_token: str | None
    websocket: bool
    method: str = "GET"
    content_length: int | None = None


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused, as an HTTP status and one line for the candidate."""

    status: int
    message: str


SAFE_METHODS = frozenset({"GET", "HEAD"})


def refusal(facts: RequestFacts, launch: Launch) -> Refusal | None:
    """Why this request must be refused, or None if it comes from this launch's own pages."""
    if (facts.host or "").lower() not in launch.hosts:
        return Refusal(421, f"This is mockint's own server; open it at http://127.0.0.1:{launch.port}/ instead.")
    if facts.origin is not None and facts.origin.lower() not in launch.origins:
        return Refusal(403, "Refused: the request came from another web site.")
    if facts.fetch_site == "cross-site":
        return Refusal(403, "Refused: the request came from another web site.")
    if (facts.websocket or facts.method not in SAFE_METHODS) and facts.origin is None:
        return Refusal(403, "Refused: a change was asked for without saying which page it came from.")
    if not (matches(facts.url_token, launch.token) or matches(facts.cookie_token, launch.token)):
        return Refusal(403, "This page needs the link that `mockint web` printed (it carries this launch's key). "
                            "If mockint was restarted, open the new link.")
    if facts.content_length is not None and facts.content_length > MAX_BODY_BYTES:
        return Refusal(413, f"Too much at once: at most {MAX_BODY_BYTES // 1024} kB can be sent.")
    return None


def matches(given: str | None, token: str) -> bool:
    """Whether a presented key is this launch's, compared in constant time."""
    return given is not None and secrets.compare_digest(given.encode(), token.encode())


def facts_of(scope: dict) -> RequestFacts:
    """The guard's facts from an ASGI HTTP or WebSocket scope."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    cookies = SimpleCookie()
    try:
        cookies.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is just no cookie
        cookies = SimpleCookie()
    length = headers.get("content-length")
    return RequestFacts(
        host=headers.get("host"),
        origin=headers.get("origin"),
        fetch_site=headers.get("sec-fetch-site"),
        url_token=query.get(TOKEN_PARAM),
        cookie_token=_cookie(cookies, scope),
        websocket=scope["type"] == "websocket",
        method=scope.get("method", "GET"),
        content_length=int(length) if length and length.isdigit() else None,
    )


def _cookie(cookies: SimpleCookie, scope: dict) -> str | None:
    """This launch's cookie (named after the port the request arrived on)."""
    server = scope.get("server") or (None, None)
    morsel = cookies.get(f"mockint_key_{server[1]}")
    return morsel.value if morsel is not None else None


# Everything the pages use is served from here; nothing may be framed, posted or fetched elsewhere.
CONTENT_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                  "media-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                  "base-uri 'none'; object-src 'none'")
RESPONSE_HEADERS = [
    (b"content-security-policy", CONTENT_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make a form's Origin "null"
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"microphone=(self), camera=(), geolocation=()"),
]


class Guard:
    """ASGI middleware: refuses what `refusal` refuses, trades a URL key for a cookie, caps bodies.

    It also adds the headers that keep the pages from being framed or mixed with other sites.
    """

    def __init__(self, app, launch: Launch):
        self.app = app
        self.launch = launch
        self.state = app.state  # the wrapped Starlette app's state, for whoever runs the server

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        facts = facts_of(scope)
        refused = refusal(facts, self.launch)
        if refused is not None:
            return await refuse(scope, send, refused)
        if scope["type"] == "http" and facts.url_token is not None and scope.get("method") == "GET":
            return await self._swap_key_for_cookie(scope, send)
        if scope["type"] == "http":
            receive = capped(receive, MAX_BODY_BYTES)
            send = with_headers(send)
        await self.app(scope, receive, send)

    async def _swap_key_for_cookie(self, scope, send) -> None:
        """Answer the printed link with a cookie and a redirect, so the key leaves the address bar."""
        query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode()) if k != TOKEN_PARAM]
        location = scope.get("path", "/") + (f"?{urlencode(query)}" if query else "")
        cookie = f"{self.launch.cookie}={self.launch.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", location.encode()), (b"set-cookie", cookie.encode()),
                                (b"cache-control", b"no-store"), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})


def with_headers(send):
    """A send callable that adds RESPONSE_HEADERS to every response."""

    async def send_with_headers(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *RESPONSE_HEADERS]}
        await send(message)

    return send_with_headers


class BodyTooLarge(Exception):
    """A request body went over the limit while it was being read (no Content-Length was given)."""


def capped(receive, limit: int):
    """A receive callable that fails once more than `limit` body bytes have arrived."""
    seen = 0

    async def receive_capped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return receive_capped


async def refuse(scope, send, why: Refusal) -> None:
    """Send the refusal: a short plain-text page, or a closed WebSocket handshake."""
    if scope["type"] == "websocket":
        if "websocket.http.response" not in scope.get("extensions", {}):
            await send({"type": "websocket.close", "code": 1008})  # the server answers the handshake with 403
            return
        await send({"type": "websocket.http.response.start", "status": why.status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
        await send({"type": "websocket.http.response.body", "body": why.message.encode()})
        return
    body = (why.message + "\n").encode()
    await send({"type": "http.response.start", "status": why.status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@dataclass
class RateLimit:
    """A token bucket: `rate` events a second on average, bursts of up to `burst`."""

    rate: float
    burst: float
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _tokens: float | None = None
    _last: float = 0.0

    def allow(self) -> bool:
        """Whether one more event fits now (and count it if so)."""
        now = self.clock()
        if self._tokens is None:
            self._tokens, self._last = self.burst, now
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
