"""Running the web app: a socket bound to the loopback interface, uvicorn serving it.

The socket is bound here, not by uvicorn, so the port is known (and the launch's key
made for it) before the server starts, and a port already in use is one clear line.
"""

from __future__ import annotations

import socket
import threading

import uvicorn

from mockint.errors import UserError

WS_MAX_BYTES = 1024 * 1024  # the protocol's cap on one WebSocket message; the app's own caps are lower


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise UserError(f"Cannot listen on {host}:{port} ({exc.strerror}): choose another port with --port.") from None
    sock.listen(64)
    return sock


def server_for(app, log_level: str = "warning") -> uvicorn.Server:
    """A uvicorn server for the app (WebSockets by the websockets library; no proxy headers trusted)."""
    config = uvicorn.Config(app, log_level=log_level, ws="websockets-sansio", ws_max_size=WS_MAX_BYTES, lifespan="off",
                            proxy_headers=False, server_header=False, timeout_graceful_shutdown=2)
    return uvicorn.Server(config)


class BackgroundServer:
    """The app served from a thread (tests and the benchmark): start(), then stop()."""

    def __init__(self, app, sock: socket.socket):
        self.sock = sock
        self.port = sock.getsockname()[1]
        self.server = server_for(app)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       name="mockint-web-server", daemon=True)

    def start(self) -> "BackgroundServer":
        self.thread.start()
        while not self.server.started and self.thread.is_alive():
            self.thread.join(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
