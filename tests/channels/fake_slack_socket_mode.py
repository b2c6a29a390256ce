"""Slack's Socket Mode on loopback: apps.connections.open, the WebSocket with its envelopes, and the
Web API's chat.postMessage (fake_slack.py), as https://docs.slack.dev/apis/events-api/using-socket-mode
describes them.

- POST /api/apps.connections.open with the app token (Bearer xapp-…) gives a one-time ws:// address;
  a bot token there gets `not_allowed_token_type`, as at Slack.
- On that address the socket says `hello`; the test sends envelopes (`events_api`, `interactive`,
  `disconnect`) and every `{"envelope_id": …}` the assistant sends back is recorded as an acknowledgement.
- drop() closes the socket without warning, as a network or Slack failure would.
- While `refusing` is set, apps.connections.open answers `invalid_auth` (a revoked app token).
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from aiohttp import WSMsgType, web

from tests.channels.fake_slack import BOT_TOKEN, FakeSlack

APP_TOKEN = "xapp-1-A0001-1234567890-test"


def envelope(payload: dict[str, Any], kind: str = "events_api", retry_attempt: int = 0, retry_reason: str = ""):
    """One Socket Mode envelope around an Events API (or interactive) payload."""
    return {
        "envelope_id": str(uuid.uuid4()),
        "type": kind,
        "accepts_response_payload": False,
        "retry_attempt": retry_attempt,
        "retry_reason": retry_reason,
        "payload": payload,
    }


class FakeSlackSocketMode(FakeSlack):
    def __init__(self, port: int):
        self.addresses_issued = 0  # apps.connections.open answered
        self.connections = 0  # sockets opened on those addresses
        self.sockets: list[web.WebSocketResponse] = []  # open now
        self.acks: list[str] = []
        self.refusing = False
        self.ack_seconds: dict[str, float] = {}  # envelope id -> seconds from sending to acknowledgement
        self._sent_at: dict[str, float] = {}
        self._tickets: set[str] = set()
        super().__init__(port)

    # --- what the test does -----------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        """Sends a message (an envelope, a disconnect) on the newest open socket."""
        assert self.sockets, "geen open Socket Mode-verbinding"
        if message.get("envelope_id"):
            self._sent_at[message["envelope_id"]] = time.monotonic()
        self.server.run(self.sockets[-1].send_str(json.dumps(message)))

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """What Slack sends before it closes a connection (every few hours, or when it moves servers)."""
        self.send({"type": "disconnect", "reason": reason, "debug_info": {"host": "fake-slack"}})

    def drop(self) -> None:
        """Closes the newest socket without a disconnect message first."""
        self.server.run(self.sockets[-1].close())

    # --- Slack's side -----------------------------------------------------------------------------

    def _app(self) -> web.Application:
        app = super()._app()
        app.router.add_get("/link/", self._socket)
        return app

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] != "apps.connections.open":
            return await super()._api(request)
        token = request.headers.get("Authorization", "")
        if token == f"Bearer {BOT_TOKEN}":
            return web.json_response({"ok": False, "error": "not_allowed_token_type"})
        if token != f"Bearer {APP_TOKEN}" or self.refusing:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        ticket = uuid.uuid4().hex
        self._tickets.add(ticket)
        self.addresses_issued += 1
        return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.server.port}/link/?ticket={ticket}"})

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self._tickets:  # each address serves one connection
            return web.Response(status=401, text="unknown ticket")
        self._tickets.discard(ticket)
        socket = web.WebSocketResponse()  # answers the client's pings itself
        await socket.prepare(request)
        self.connections += 1
        self.sockets.append(socket)
        await socket.send_str(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": len(self.sockets),
                    "debug_info": {"host": "fake-slack", "approximate_connection_time": 18060},
                    "connection_info": {"app_id": "A0001"},
                }
            )
        )
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    data = json.loads(message.data)
                    if data.get("envelope_id"):
                        self.acks.append(data["envelope_id"])
                        sent_at = self._sent_at.get(data["envelope_id"])
                        if sent_at is not None:
                            self.ack_seconds.setdefault(data["envelope_id"], time.monotonic() - sent_at)
        finally:
            self.sockets.remove(socket)
        return socket
