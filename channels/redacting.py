"""Every input channel, wrapped so that messages are redacted before Rasa sees them.

Rasa hands each channel an `on_new_message` callback; wrapping that callback is the one
place every message passes before the tracker store, the NLU and the logs. Only the
redacted text goes on; the kinds of data found travel in the message metadata, so the
actions can remind the user (once) to ask anonymously.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

import rasa_patches
from bot.privacy import redact
from channels.always_answer import always_answering
from channels.lenient_rest import LenientRestInput
from channels.normalise import EMPTY_MESSAGE_REPLY, normalise

Handler = Callable[[UserMessage], Awaitable[Any]]

# Every channel Rasa serves comes through this module: the place to install our measured
# fixes to Rasa itself (rasa_patches/).
rasa_patches.install()


def redacting(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> Any:
        normalised = normalise(message.text)
        if not normalised.text:
            # Rasa would answer an empty message with silence; say what we need instead.
            return await message.output_channel.send_response(message.sender_id, {"text": EMPTY_MESSAGE_REPLY})
        result = redact(normalised.text)
        message.text = result.text
        if not isinstance(message.metadata, dict):
            message.metadata = None
        if result.found:
            message.metadata = {**(message.metadata or {}), "client_data": list(result.found)}
        if normalised.truncated:
            message.metadata = {**(message.metadata or {}), "truncated": True}
        return await on_new_message(message)
    # Never silence: a Dutch message when the turn fails or takes too long (channels/always_answer.py).
    return always_answering(handle)


class RedactingRestInput(LenientRestInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))
