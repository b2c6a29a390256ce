"""One conversation over the chat page's socketio channel, as the widget holds it (python-socketio client).

python-socketio lives only in Rasa's environment: run code using this with .venv/rasa/bin/python
(tests/hostile/socketio_probe.py, bench/load.py).
"""

from __future__ import annotations

import asyncio
import secrets
import time

import aiohttp
import socketio

# python-engineio >= 4.13 (needed for python-socketio >= 5.16.2) builds aiohttp.ClientWSTimeout (aiohttp >= 3.11)
# for its websocket client; Rasa 3.6 keeps aiohttp < 3.10, whose ws_connect takes that close timeout as a number.
# Only this test client needs it: Rasa's socket.io server does not use aiohttp.
if not hasattr(aiohttp, "ClientWSTimeout"):
    aiohttp.ClientWSTimeout = lambda ws_close=10.0, ws_receive=None: ws_close


class SocketioChat:
    """Connect, ask for a session (confirmed by the server), say things, collect what comes back."""

    def __init__(self, base: str):
        self.base = base
        self.client = socketio.AsyncClient(reconnection=False)
        self.session_id: str | None = None
        self.confirmed = asyncio.Event()
        self.replies: list[dict] = []  # every bot_uttered, in order
        self.received_at: list[float] = []  # time.monotonic() of each, for latencies
        self.user_confirmed: list[dict] = []  # every user_confirmed, in order
        self._new_reply = asyncio.Event()
        self.client.on("session_confirm", self._on_session_confirm)
        self.client.on("bot_uttered", self._on_bot_uttered)
        self.client.on("user_confirmed", self._on_user_confirmed)

    async def _on_session_confirm(self, session_id):
        self.session_id = session_id
        self.confirmed.set()

    async def _on_bot_uttered(self, data):
        self.replies.append(data)
        self.received_at.append(time.monotonic())
        self._new_reply.set()

    async def _on_user_confirmed(self, data):
        self.user_confirmed.append(data)

    async def connect(
        self,
        session_id: str | None = None,
        request_session: bool = True,
        timeout: float = 30,
        origin: str | None = None,
    ) -> str | None:
        """Connect (websocket, as a page on `origin` if given) and, unless told not to, ask for `session_id`;
        returns the confirmed id."""
        await self.client.connect(
            self.base,
            transports=["websocket"],
            socketio_path="/socket.io",
            wait_timeout=timeout,
            headers={"Origin": origin} if origin else {},
        )
        if request_session:
            self.confirmed.clear()
            await self.client.emit("session_request", {"session_id": session_id})
            await asyncio.wait_for(self.confirmed.wait(), timeout)
        return self.session_id

    async def emit(self, event: str, data) -> None:
        await self.client.emit(event, data)

    async def say(
        self, message: str, session_id: str | None = None, quiet: float = 1.0, timeout: float = 60
    ) -> list[dict]:
        """Send a message; return the bot messages that arrive until `quiet` seconds pass without one."""
        start = len(self.replies)
        await self.client.emit(
            "user_uttered",
            {"message": message, "ref": secrets.token_hex(4), "session_id": session_id or self.session_id},
        )
        await self.wait_for_replies(start, quiet, timeout)
        return self.replies[start:]

    async def wait_for_replies(self, start: int, quiet: float = 1.0, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._new_reply.clear()
            wait = quiet if len(self.replies) > start else deadline - time.monotonic()
            try:
                await asyncio.wait_for(self._new_reply.wait(), max(wait, 0.01))
            except asyncio.TimeoutError:
                if len(self.replies) > start:
                    return
        return

    async def close(self) -> None:
        await self.client.disconnect()


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies if isinstance(r, dict))
