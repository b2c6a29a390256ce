"""Every input channel, wrapped so that messages are redacted before Rasa sees them.

Rasa hands each channel an `on_new_message` callback; wrapping that callback is the one
place every message passes before the tracker store, the NLU and the logs. Only the
redacted text goes on; the kinds of data found travel in the message metadata. When anything
was redacted, the reply ends with the reminder to ask anonymously, once per conversation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot.privacy import ONLY_CLIENT_DATA_REPLY, REMINDER, holds_a_question, redact
from bot.privacy_lexicon import lexicon
from channels.always_answer import always_answering
from channels.lenient_rest import LenientRestInput
from channels.normalise import EMPTY_MESSAGE_REPLY, normalise, one_line
from channels.reminders import reminded

Handler = Callable[[UserMessage], Awaitable[Any]]

# The word and name lists take about a second to read: at start-up, not at the first message.
lexicon()
_reminded = reminded()


def redacting(on_new_message: Handler) -> Handler:
    async def handle(message: UserMessage) -> Any:
        normalised = normalise(message.text)
        if not normalised.text:
            # Rasa would answer an empty message with silence; say what we need instead.
            return await message.output_channel.send_response(message.sender_id, {"text": EMPTY_MESSAGE_REPLY})
        # Redacted with its line breaks (a line break ends a name); stored and read as one line.
        result = redact(normalised.lines)
        if result.found and not holds_a_question(result.text):
            _reminded.first_time(message.sender_id)
            return await message.output_channel.send_response(message.sender_id, {"text": ONLY_CLIENT_DATA_REPLY})
        message.text = one_line(result.text)
        if not isinstance(message.metadata, dict):
            message.metadata = None
        if result.found:
            message.metadata = {**(message.metadata or {}), "client_data": list(result.found)}
        if normalised.truncated:
            message.metadata = {**(message.metadata or {}), "truncated": True}
        return await on_new_message(message)

    # Never silence: a Dutch message when the turn fails or takes too long (channels/always_answer.py).
    answered = always_answering(handle)

    async def reminding(message: UserMessage) -> Any:
        outcome = await answered(message)
        # After the answer (or the failure message), so that always_answer judges the answer alone.
        metadata = message.metadata if isinstance(message.metadata, dict) else {}
        if metadata.get("client_data") and _reminded.first_time(message.sender_id):
            await message.output_channel.send_response(message.sender_id, {"text": REMINDER})
        return outcome

    return reminding


class RedactingRestInput(LenientRestInput):
    def blueprint(self, on_new_message: Handler):
        return super().blueprint(redacting(on_new_message))
