"""The chat page's socketio channel: server-issued signed sessions, redaction, and the redacted text echoed.

Differences from Rasa 3.6's SocketIOInput (whose event names and replies it keeps):
- a browser may connect only from a site in CORS_ORIGINS, also over websocket (channels/socketio_origin.py).
- session_request: a session id we did not sign (absent, made up, or someone else's guess)
  is replaced by a fresh signed one in session_confirm; the socket is bound to that session.
- user_uttered: the conversation is the one confirmed for this socket; the session_id in the
  event is ignored, so a client cannot write into or read from another conversation.
- sessions always persist (the `session_persistence` setting is not needed): a reload continues.
- every message is normalised and redacted (channels.redacting), and the redacted text goes
  back to the sending socket as `user_confirmed` {text, ref} before the answer, so the widget
  keeps only that text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import response
from socketio import AsyncServer

from channels.redacting import redacting
from channels.session_ids import SessionSigner, load_secret
from channels.socketio_origin import browser_origin_allowed

Handler = Callable[[UserMessage], Awaitable[Any]]
CONFIRM_EVENT = "user_confirmed"
NO_SESSION_REPLY = "Dit gesprek is nog niet gestart. Ververs de pagina en stel je vraag opnieuw."
_REF = re.compile(r"^[\w-]{1,64}$")


async def _maybe_await(result: Any) -> None:
    """enter_room/leave_room: coroutines since python-socketio 5.10 (requirements/rasa.txt), plain calls before."""
    if result is not None:
        await result


def _metadata(data: dict, key: str) -> dict | None:
    metadata = data.get(key)
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return None
    return metadata if isinstance(metadata, dict) else None


class SignedSessionSocketIOInput(SocketIOInput):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.signer = SessionSigner(load_secret())

    def blueprint(self, on_new_message: Handler) -> SocketBlueprint:
        # As in Rasa: CORS for socket.io's long-polling is left to Rasa's --cors (sanic-cors).
        sio = self.sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(_: Any) -> Any:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            if not browser_origin_allowed(environ):
                return False
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested
            sender_id = self.signer.sender_id(requested)
            if sender_id is None:
                session_id = self.signer.issue()
                sender_id = self.signer.sender_id(session_id)
            session = await sio.get_session(sid, namespace=namespace)
            if session.get("sender_id") not in (None, sender_id):
                await _maybe_await(sio.leave_room(sid, session["sender_id"], namespace=namespace))
            await _maybe_await(sio.enter_room(sid, sender_id, namespace=namespace))
            await sio.save_session(sid, {"sender_id": sender_id}, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            sender_id = (await sio.get_session(sid, namespace=namespace)).get("sender_id")
            if sender_id is None:
                await sio.emit(self.bot_message_evt, {"text": NO_SESSION_REPLY}, room=sid, namespace=namespace)
                return
            ref = data.get("ref") if isinstance(data.get("ref"), str) and _REF.match(data["ref"]) else None

            async def confirm_then_answer(message: UserMessage) -> Any:
                await sio.emit(CONFIRM_EVENT, {"text": message.text, "ref": ref}, room=sid, namespace=namespace)
                return await on_new_message(message)

            text = data.get("message")
            output = SocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(
                text if isinstance(text, str) else None,
                output,
                sender_id,
                input_channel=self.name(),
                metadata=_metadata(data, self.metadata_key),
            )
            await redacting(confirm_then_answer)(message)

        return webhook
