"""A fake Slack Web API on loopback that records chat.postMessage, and signed Events API requests."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any

from aiohttp import web

from tests.channels.loopback import LoopbackServer

BOT_TOKEN = "xoxb-test-token"
SIGNING_SECRET = "test-signing-secret-8f3a"
BOT_USER = "UBOT0001"


def signed_headers(body: bytes, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers as Slack sends them: v0 HMAC-SHA256 of 'v0:<timestamp>:<body>'."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": f"v0={digest}",
    }


def message_event(text: str, channel: str, user: str = "UUSER001", kind: str = "message") -> dict[str, Any]:
    """An Events API callback for a direct message (kind 'message') or a mention ('app_mention')."""
    ts = f"{time.time():.6f}"
    event = {
        "type": kind,
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "client_msg_id": str(uuid.uuid4()),
        "event_ts": ts,
    }
    if kind == "message":
        event["channel_type"] = "im"
    return {
        "token": "ignored",
        "team_id": "T0001",
        "api_app_id": "A0001",
        "type": "event_callback",
        "event_id": "Ev" + uuid.uuid4().hex[:10].upper(),
        "event_time": int(time.time()),
        "event": event,
        "authorizations": [{"user_id": BOT_USER, "is_bot": True}],
    }


class FakeSlack:
    def __init__(self, port: int):
        self.server = LoopbackServer(self._app(), port)
        self.url = self.server.url
        self.api_url = self.url + "/api/"
        self.posts: list[dict[str, Any]] = []

    def start(self) -> FakeSlack:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    def posts_in(self, channel: str) -> list[dict[str, Any]]:
        return [p for p in self.posts if p.get("channel") == channel]

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        return app

    async def _api(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {BOT_TOKEN}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if request.match_info["method"] != "chat.postMessage":
            return web.json_response({"ok": False, "error": "unknown_method"})
        if request.content_type == "application/json":
            body = await request.json()
        else:
            body = dict(await request.post())
        for key in ("blocks", "attachments"):
            if isinstance(body.get(key), str):
                body[key] = json.loads(body[key])
        self.posts.append(body)
        return web.json_response({"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"})
