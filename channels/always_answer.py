"""Every message gets an answer, also when the action server is down, erroring or slow.

What Rasa 3.6 does by itself (rasa/core/processor.py `_run_action`, rasa/core/actions/action.py
`RemoteAction.run`): when the action server cannot be reached or answers with an error, Rasa logs
the exception, drops the action's events and goes on — the user gets no message at all. A slow
action server is waited for up to 5 minutes (DEFAULT_REQUEST_TIMEOUT, not configurable), while the
conversation's lock blocks the user's next message too.

So the channel keeps the promise: it notes whether the turn sent anything, sends a Dutch "try
again" message when it did not, and gives up on a turn after REPLY_TIMEOUT_SECONDS (default 10).
Giving up cancels Rasa's handling of that message before the tracker is saved, so the conversation
stays as it was before the message, and the lock is freed for the next question.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.failure import NO_ANSWER_TEXT

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

TIMEOUT_SETTING = "REPLY_TIMEOUT_SECONDS"
DEFAULT_TIMEOUT_SECONDS = 10.0


def reply_timeout() -> float:
    value = os.environ.get(TIMEOUT_SETTING, "")
    try:
        seconds = float(value) if value else DEFAULT_TIMEOUT_SECONDS
    except ValueError:
        seconds = -1
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"{TIMEOUT_SETTING}={value} is geen geldig aantal seconden (bijvoorbeeld 10).")
    return seconds


class WatchedOutput(OutputChannel):
    """The channel's own output, passed through unchanged; remembers whether anything was sent."""

    def __init__(self, inner: OutputChannel):
        self.inner = inner
        self.sent = False

    def name(self) -> str:  # channel-specific responses and answers depend on this
        return self.inner.name()

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


def _forwarding(method: str):
    async def forward(self: WatchedOutput, *args: Any, **kwargs: Any) -> Any:
        self.sent = True
        return await getattr(self.inner, method)(*args, **kwargs)

    forward.__name__ = method
    return forward


# Every way of sending is forwarded and counted; OutputChannel's own versions would raise
# NotImplementedError (send_text_message) or bypass the inner channel.
for _method in (
    "send_response",
    "send_text_message",
    "send_image_url",
    "send_attachment",
    "send_text_with_buttons",
    "send_quick_replies",
    "send_elements",
    "send_custom_json",
):
    setattr(WatchedOutput, _method, _forwarding(_method))


# Rasa's own commands that rightly answer nothing.
SILENT_COMMANDS = {"/session_start", "/restart"}


def always_answering(on_new_message: Handler, timeout: float | None = None) -> Handler:
    seconds = reply_timeout() if timeout is None else timeout

    async def handle(message: UserMessage) -> Any:
        watched = WatchedOutput(message.output_channel)
        message.output_channel = watched
        result = None
        try:
            result = await asyncio.wait_for(on_new_message(message), seconds)
        except asyncio.TimeoutError:
            logger.error("Geen antwoord binnen %s s in gesprek %s; verwerking afgebroken.", seconds, message.sender_id)
        except asyncio.CancelledError:
            # The client went away (Sanic cancels its request). Rasa's REST channel would log the raw,
            # unredacted message text on this cancellation, so it ends here; nobody waits for an answer.
            logger.warning("Gesprek %s: verbinding verbroken voordat het antwoord klaar was.", message.sender_id)
            return None
        except Exception:  # noqa: BLE001 — whatever broke, the user must hear about it
            logger.exception("Bericht in gesprek %s kon niet verwerkt worden.", message.sender_id)
        if not watched.sent and (message.text or "").strip() not in SILENT_COMMANDS:
            logger.error(
                "Geen antwoord in gesprek %s (actie mislukt of te traag); foutmelding gestuurd.", message.sender_id
            )
            await watched.inner.send_text_message(message.sender_id, NO_ANSWER_TEXT)
        return result

    return handle
