"""`rasa interactive` through the front door: what the trainer types is normalised and redacted first.

Interactive learning does not use an input channel: it posts each typed message to Rasa's HTTP
API (/conversations/<id>/messages), from where it goes into the tracker store and, when saved,
into the training data. Here the typed text goes through the same normalise → redact as every
channel's messages (channels/redacting.py) before it is sent.
"""

from __future__ import annotations

import questionary
from rasa.core.training import interactive
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.constants import USER_INTENT_RESTART
from rasa.utils.endpoints import EndpointConfig

from bot.privacy import redact
from channels.normalise import normalise, one_line


def typed(message: str) -> str:
    return one_line(redact(normalise(message).lines).text)


async def enter_user_message(conversation_id: str, endpoint: EndpointConfig) -> None:
    """Rasa's _enter_user_message (rasa/core/training/interactive.py, 3.6.21), sending the redacted text."""
    question = questionary.text("Your input ->")
    message = await interactive._ask_questions(question, conversation_id, endpoint, lambda a: not a)
    if message == (INTENT_MESSAGE_PREFIX + USER_INTENT_RESTART):
        raise interactive.RestartConversation()
    text = typed(message)
    if not text:  # nothing left after normalising (only control characters): ask again
        return await enter_user_message(conversation_id, endpoint)
    await interactive.send_message(endpoint, conversation_id, text)


def install() -> None:
    interactive._enter_user_message = enter_user_message
