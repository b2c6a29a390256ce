"""Every input channel, wrapped so that messages are redacted before Rasa sees them.

Rasa hands each channel an `on_new_message` callback; wrapping that callback is the one
place every message passes before the tracker store, the NLU and the logs. Only the
redacted text goes on; the kinds of data found travel in the message metadata, so the
actions can remind the user (once) to ask anonymously.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.botframework import BotFrameworkInput
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.slack import SlackInput
from rasa.core.channels.socketio import SocketIOInput

from bot.privacy import redact

Handler = Callable[[UserMessage], Awaitable[Any]]


def redacting(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> Any:
        result = redact(message.text or "")
        message.text = result.text
        if result.found:
            message.metadata = {**(message.metadata or {}), "client_data": list(result.found)}
        return await on_new_message(message)
    return handle


class RedactingRestInput(RestInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))


class RedactingSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))


class RedactingSlackInput(SlackInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))


class RedactingBotFrameworkInput(BotFrameworkInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))
