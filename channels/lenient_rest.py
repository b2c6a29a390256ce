"""Rasa's REST channel, reading the request body leniently and refusing what it cannot use in Dutch.

Rasa's RestInput reads `request.json`: a body with invalid UTF-8 then fails with an English
400, a JSON list with a 500, a missing sender silently lands in the shared conversation
"default". Here invalid bytes become U+FFFD (the message is still answered), and a body
without a usable sender gets a 400 that says in Dutch what to send.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage as BadRequest  # 400; Sanic 21 has no BadRequest
from sanic.request import Request

from channels.session_ids import SENDER_PREFIX as SOCKETIO_SENDER_PREFIX

MAX_SENDER_CHARS = 128
USAGE = 'stuur JSON als {"sender": "een-gespreks-id", "message": "je vraag"}'


def request_body(request: Request) -> dict[str, Any]:
    """The JSON object in the body, read once per request; invalid UTF-8 is replaced, not refused."""
    if not hasattr(request.ctx, "lenient_body"):
        try:
            data = json.loads(request.body.decode("utf-8", errors="replace") or "null")
        except ValueError:
            raise BadRequest(f"Het bericht is geen geldige JSON; {USAGE}.") from None
        if not isinstance(data, dict):
            raise BadRequest(f"Het bericht is geen JSON-object; {USAGE}.")
        request.ctx.lenient_body = data
    return request.ctx.lenient_body


class LenientRestInput(RestInput):
    async def _extract_sender(self, req: Request) -> str | None:
        sender = request_body(req).get("sender")
        if isinstance(sender, int) and not isinstance(sender, bool):
            sender = str(sender)
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
            raise BadRequest(
                f"Het veld 'sender' ontbreekt of is ongeldig (tekst, hoogstens {MAX_SENDER_CHARS} tekens); {USAGE}."
            )
        # Conversations of the chat page are reachable only with their signed socketio session.
        if sender.startswith(SOCKETIO_SENDER_PREFIX):
            raise BadRequest(
                f"Een 'sender' die begint met '{SOCKETIO_SENDER_PREFIX}' is voorbehouden aan de chatpagina."
            )
        return sender

    def _extract_message(self, req: Request) -> str | None:
        message = request_body(req).get("message")
        if isinstance(message, (int, float)) and not isinstance(message, bool):
            return str(message)
        return message if isinstance(message, str) else None  # channels.redacting answers that in Dutch

    def _extract_input_channel(self, req: Request) -> str:
        channel = request_body(req).get("input_channel")
        return channel if isinstance(channel, str) and channel else self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = request_body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None
