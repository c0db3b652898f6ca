"""The guard, against the real server on a loopback port: only this launch's own pages get in."""

from __future__ import annotations

import http.client
import json
import socket

import pytest
import websockets
from websockets.sync.client import connect
from click.testing import CliRunner

from mockint.cli import cli
from mockint.web.security import MAX_BODY_BYTES, Launch, RateLimit, RequestFacts, is_loopback, refusal


def request(web, path="/", method="GET", host=None, headers=None, body=None, cookie=True):
    """One raw HTTP request to the app (http.client sends exactly the headers given)."""
    conn = http.client.HTTPConnection("127.0.0.1", web.server.port, timeout=10)
    sent = {"Host": host or f"127.0.0.1:{web.server.port}", **(headers or {})}
    if cookie:
        sent["Cookie"] = f"{web.launch.cookie}={web.launch.token}"
    conn.request(method, path, body=body, headers=sent)
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode()


def test_the_printed_link_trades_its_key_for_a_cookie(web):
    status, headers, _ = request(web, f"/sessions?token={web.launch.token}", cookie=False)
    assert status == 303 and headers["location"] == "/sessions"
    assert headers["set-cookie"] == f"{web.launch.cookie}={web.launch.token}; Path=/; HttpOnly; SameSite=Strict"
    status, headers, page = request(web, "/sessions")
    assert status == 200 and "No sessions yet" in page
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/sessions", "/static/app.css", "/sessions/1/review"])
def test_without_the_key_nothing_is_served(web, path):
    status, _, body = request(web, path, cookie=False)
    assert status == 403 and "the link that `mockint web` printed" in body
    assert request(web, f"{path}?token=wrong-{web.launch.token}", cookie=False)[0] == 403


@pytest.mark.parametrize("host", ["evil.example:80", "evil.example", "127.0.0.1", "127.0.0.1:1", "192.0.2.2:{port}"])
def test_a_foreign_host_header_is_refused_even_with_the_key(web, host):
    """DNS rebinding: a page of another site re-pointed at 127.0.0.1 still names its own host."""
    status, _, body = request(web, "/sessions", host=host.format(port=web.server.port))
    assert status == 421 and "open it at http://127.0.0.1:" in body


def test_localhost_names_of_this_server_are_accepted(web):
    for host in (f"localhost:{web.server.port}", f"LOCALHOST:{web.server.port}", f"[::1]:{web.server.port}"):
        assert request(web, "/sessions", host=host)[0] == 200


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "http://127.0.0.1:1"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
    {},  # a change asked for without saying where it came from
])
def test_a_cross_site_form_post_is_refused(web, headers):
    form = {"content-type": "application/x-www-form-urlencoded"}
    status, _, body = request(web, "/stories", "POST", headers={**form, **headers}, body="title=x&text=y")
    assert status == 403 and "Refused" in body
    assert request(web, "/stories")[2].count("/stories/") == 0  # nothing was saved


def test_a_same_origin_form_post_is_accepted(web):
    origin = {"Origin": f"http://127.0.0.1:{web.server.port}", "content-type": "application/x-www-form-urlencoded"}
    status, headers, _ = request(web, "/stories", "POST", headers=origin, body="title=Outage&text=We+fixed+it.")
    assert status == 303 and headers["location"] == "/stories/1"


def test_an_oversized_upload_is_refused(web):
    origin = {"Origin": f"http://127.0.0.1:{web.server.port}", "content-type": "application/x-www-form-urlencoded"}
    status, _, body = request(web, "/stories", "POST", headers=origin, body="text=" + "a" * MAX_BODY_BYTES)
    assert status == 413 and "at most 256 kB" in body


def socket_headers(web, origin="own"):
    headers = {"Cookie": f"{web.launch.cookie}={web.launch.token}"}
    if origin:
        headers["Origin"] = f"http://127.0.0.1:{web.server.port}" if origin == "own" else origin
    return headers


def first_message(web, headers):
    """The first thing the practice socket says (websockets' own client: Playwright holds this thread's loop)."""
    with connect(f"ws://127.0.0.1:{web.server.port}/ws", additional_headers=headers, origin=None) as ws:
        return json.loads(ws.recv(timeout=10))


@pytest.mark.parametrize("origin", ["http://evil.example", "http://localhost.evil.example", None])
def test_a_websocket_from_another_origin_is_refused(web, origin):
    with pytest.raises(websockets.InvalidStatus) as refused:
        first_message(web, socket_headers(web, origin))
    assert refused.value.response.status_code == 403


def test_the_practice_websocket_opens_for_the_app_itself(web):
    assert first_message(web, socket_headers(web)) == {"type": "ready", "running": False}


def test_a_flood_of_messages_closes_the_socket(web):
    replies = []
    with connect(f"ws://127.0.0.1:{web.server.port}/ws", additional_headers=socket_headers(web)) as ws:
        ws.recv(timeout=10)
        try:
            for _ in range(200):
                ws.send(json.dumps({"type": "skip"}))
        except websockets.ConnectionClosed:
            pass  # closed while still sending: the server's reason is read below all the same
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:  # what the server sent before closing is read first
                replies.append(json.loads(ws.recv(timeout=10)))
    assert closed.value.rcvd.code == 1008
    assert [r["text"] for r in replies] == ["Too many messages at once; the connection was closed."]


def test_the_server_listens_on_the_loopback_address_only(web):
    assert web.server.sock.getsockname()[0] == "127.0.0.1"
    # Another address of this machine: a server bound to every interface would answer here.
    with socket.socket() as other, pytest.raises(ConnectionRefusedError):
        other.settimeout(5)
        other.connect(("127.0.0.2", web.server.port))


def test_another_host_needs_an_explicit_flag():
    result = CliRunner().invoke(cli, ["web", "--no-browser", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "0.0.0.0 is reachable from other machines: add --expose" in result.output


def test_loopback_addresses():
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "[::1]", "127.8.0.1"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.0.2.2", "::", "example.com"]))


def test_the_refusal_rules_as_facts():
    launch = Launch("key", 8000)
    own = dict(host="127.0.0.1:8000", origin=None, fetch_site=None, url_token=None, cookie_token="key",
               websocket=False)
    assert refusal(RequestFacts(**own), launch) is None
    assert refusal(RequestFacts(**{**own, "cookie_token": "nope"}), launch).status == 403
    assert refusal(RequestFacts(**{**own, "cookie_token": None, "url_token": "key"}), launch) is None
    assert refusal(RequestFacts(**{**own, "websocket": True}), launch).status == 403  # a socket must name its page
    assert refusal(RequestFacts(**{**own, "origin": "http://localhost:8000", "websocket": True}), launch) is None
    assert refusal(RequestFacts(**{**own, "content_length": MAX_BODY_BYTES + 1}), launch).status == 413
    exposed = Launch("key", 8000, extra_host="192.0.2.2")
    assert refusal(RequestFacts(**{**own, "host": "192.0.2.2:8000"}), exposed) is None


def test_the_rate_limit_allows_a_burst_then_the_rate():
    now = [0.0]
    limit = RateLimit(rate=2, burst=3, clock=lambda: now[0])
    assert [limit.allow() for _ in range(4)] == [True, True, True, False]
    now[0] = 0.5  # one more event's worth has come back
    assert [limit.allow(), limit.allow()] == [True, False]
