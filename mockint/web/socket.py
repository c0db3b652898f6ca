"""The practice page's WebSocket: the page's messages and microphone audio in, the session's messages out.

One tab drives practice at a time; a second tab is told so and closed. Messages are
capped in size and in rate (a token bucket per kind), so a page gone wrong cannot flood
the session; audio comes as binary frames of 16 kHz mono int16, about ten a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import json

from starlette.websockets import WebSocket, WebSocketDisconnect

from mockint.web.channel import Inbox
from mockint.web.live import Practice
from mockint.web.security import RateLimit

MAX_AUDIO_FRAME_BYTES = 64 * 1024  # two seconds of audio; the page sends a tenth of a second at a time
MAX_TEXT_FRAME_CHARS = 64 * 1024  # a typed answer or the start form with notes
AUDIO_FRAMES_PER_SECOND, AUDIO_BURST = 40, 120  # four times the page's rate, and a burst after a stall
CONTROLS_PER_SECOND, CONTROL_BURST = 5, 30
BUSY = "mockint is already open in another tab. Use that tab, or close it: this one then takes over."
POLICY_VIOLATION = 1008
BUSY_CLOSE = 4001


async def practice_socket(websocket: WebSocket) -> None:
    """Serve one tab: claim the practice slot, relay messages both ways until the tab goes away."""
    practice: Practice = websocket.app.state.practice
    await websocket.accept()
    tab = object()
    if not practice.claim(tab):
        await websocket.send_json({"type": "busy", "text": BUSY})
        await websocket.close(BUSY_CLOSE)
        return
    loop = asyncio.get_running_loop()
    outbox: asyncio.Queue[dict] = asyncio.Queue()

    def send(message: dict) -> None:
        with contextlib.suppress(RuntimeError):  # the server is shutting down: nobody is listening
            loop.call_soon_threadsafe(outbox.put_nowait, message)

    sender = asyncio.create_task(pump(websocket, outbox))
    inbox = Inbox()
    await websocket.send_json({"type": "ready", "running": practice.running()})
    try:
        await relay(websocket, practice, inbox, send)
    except WebSocketDisconnect:
        pass
    finally:
        inbox.close()
        practice.release(tab)
        sender.cancel()


async def relay(websocket: WebSocket, practice: Practice, inbox: Inbox, send) -> None:
    """Take the tab's messages until it disconnects or breaks a limit."""
    audio_rate = RateLimit(AUDIO_FRAMES_PER_SECOND, AUDIO_BURST)
    control_rate = RateLimit(CONTROLS_PER_SECOND, CONTROL_BURST)
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        data, text = message.get("bytes"), message.get("text")
        if data is not None:
            if len(data) > MAX_AUDIO_FRAME_BYTES or not audio_rate.allow():
                return await violation(websocket, "Too much audio at once; the connection was closed.")
            inbox.put_audio(data)
            continue
        if text is None:
            continue
        if len(text) > MAX_TEXT_FRAME_CHARS:
            return await violation(websocket, "That message is too long (at most 64 kB).")
        if not control_rate.allow():
            return await violation(websocket, "Too many messages at once; the connection was closed.")
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            continue
        if not isinstance(parsed, dict):
            continue
        if parsed.get("type") == "start":
            if practice.running_for(inbox):
                send({"type": "error", "text": "A session is already running: end it before starting another."})
                continue
            practice.start(parsed, inbox, send)
        else:
            inbox.put_control(parsed)


async def violation(websocket: WebSocket, text: str) -> None:
    """Tell the page why, then close the connection as a policy violation."""
    with contextlib.suppress(Exception):
        await websocket.send_json({"type": "error", "text": text})
        await websocket.close(POLICY_VIOLATION)


async def pump(websocket: WebSocket, outbox: asyncio.Queue) -> None:
    """Send the session's messages to the page, in order."""
    with contextlib.suppress(Exception):  # the tab went away: the session ends by itself through the inbox
        while True:
            await websocket.send_json(await outbox.get())
