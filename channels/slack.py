"""Slack, through Rasa's Slack connector: one reply per message, in a thread, client data redacted.

What Rasa 3.6's `SlackInput` already does and we keep: the X-Slack-Signature check (HMAC of the
body with the signing secret, requests older than 5 minutes refused), the bot's own mention
removed from the text, bot messages ignored, replies in threads (`use_threads`).
What we add:
- Slack retries an event (X-Slack-Retry-Num/-Reason) when we were slow or failed; Rasa only drops
  retries whose reason is `http_timeout`, so others gave a second answer. We drop every event we
  have already seen (by event_id, and by channel + message ts, which app_mention and message
  events for one message share), whatever the reason; shared between instances through Redis
  when REDIS_URL is set (channels/slack_dedup.py).
- `url_verification` answered with {"challenge": …} (Rasa answers a bare JSON string).
- A configurable Web API URL (api_url), for a proxy or a fake Slack in tests.
- Buttons keep their text in mrkdwn (Rasa sends it as plain_text, which shows the link syntax).
- One handler for what Slack sends, whatever the transport: `handle_event` (an Events API payload)
  and `handle_interaction` (a button click). The webhook here and Socket Mode
  (channels/slack_socket_mode.py) both call them, so redaction, threads and de-duplication are
  the same code for both.

Credentials: slack_token, slack_signing_secret, api_url (optional), use_threads,
conversation_granularity (as Rasa's).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient

from channels.redacting import redacting
from channels.slack_dedup import seen_events

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

DEFAULT_API_URL = "https://slack.com/api/"
# What became of one payload from Slack.
ANSWERED, DUPLICATE, IGNORED = "answered", "duplicate", "ignored"


def event_keys(payload: dict[str, Any]) -> list[str]:
    """The keys that identify one user message across retries and across event types."""
    event = payload.get("event") or {}
    keys = []
    if payload.get("event_id"):
        keys.append("event:" + str(payload["event_id"]))
    if event.get("channel") and event.get("ts"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    if event.get("client_msg_id"):
        keys.append("client:" + str(event["client_msg_id"]))
    return keys


def event_metadata(payload: dict[str, Any]) -> dict[str, Any]:
    """Where to answer an Events API payload (as Rasa's SlackInput.get_metadata, from the payload itself)."""
    event = payload.get("event") or {}
    users = list(payload.get("authed_users") or [])
    if not users and payload.get("authorizations"):
        users.append(payload["authorizations"][0].get("user_id"))
    return {"out_channel": event.get("channel"), "thread_id": event.get("thread_ts", event.get("ts")), "users": users}


def interaction_metadata(payload: dict[str, Any]) -> dict[str, Any]:
    """Where to answer a button click (block_actions payload), as Rasa does for its form posts."""
    message = payload.get("message") or {}
    user = (payload.get("user") or {}).get("id")
    return {
        "out_channel": (payload.get("channel") or {}).get("id"),
        "thread_id": message.get("thread_ts", message.get("ts")),
        "users": [user] if user else [],
    }


class ThreadedSlackBot(SlackBot):
    """Rasa's Slack output channel, posting to a configurable Web API URL."""

    def __init__(
        self,
        token: str,
        api_url: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if len(buttons) > 5:  # Slack shows no more than 5: Rasa's fallback, text only
            return await self.send_text_message(recipient_id, text, **kwargs)
        elements = [
            {"type": "button", "text": {"type": "plain_text", "text": b["title"][:75]}, "value": b["payload"]}
            for b in buttons
        ]
        blocks = [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {"type": "actions", "elements": elements},
        ]
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True, text=text, blocks=blocks)


class SlackEventsInput(SlackInput):
    """Slack Events API input: deduplicated, threaded, redacted."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = super().from_credentials(credentials)
        channel.api_url = _with_slash(credentials.get("api_url") or DEFAULT_API_URL)
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = DEFAULT_API_URL
        # In Redis when REDIS_URL is set, so a retry that reaches another instance is known there too.
        self.seen = seen_events()
        # Every retry is judged by `seen` below, not by its reason.
        self.errors_ignore_retry = ()

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        handler = redacting(on_new_message)
        bp = super().blueprint(handler)

        @bp.middleware("request")
        async def signed_posts(request: Request):
            # Signed posts are answered here, through the handler Socket Mode uses too; Rasa's own
            # webhook only refuses what is not signed (400) and answers GET.
            if request.method != "POST" or not self.is_request_from_slack_authentic(request):
                return None
            content_type = request.headers.get("content-type")
            if content_type == "application/json":
                payload = request.json or {}
                if payload.get("type") == "url_verification":
                    return response.json({"challenge": payload.get("challenge")})
                number = request.headers.get(self.retry_num_header)
                retry = f"{number}, {request.headers.get(self.retry_reason_header)}" if number else ""
                if await self.handle_event(payload, handler, retry) == DUPLICATE:
                    return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
                return response.text("")
            if content_type == "application/x-www-form-urlencoded" and request.form.get("payload"):
                await self.handle_interaction(json.loads(request.form.get("payload")), handler)
                return response.text("")
            return None

        return bp

    async def handle_event(self, payload: dict[str, Any], on_new_message: Handler, retry: str = "") -> str:
        """One Events API payload (webhook body or Socket Mode envelope): ANSWERED, DUPLICATE or IGNORED.
        `retry`: Slack's retry number and reason, for the log ("" for a first delivery).

        The answer is worked out in the background: Slack wants its acknowledgement within 3 seconds."""
        metadata = event_metadata(payload)
        if not self._is_user_message(payload):
            return IGNORED  # the bot's own messages, edits, joins, …
        if not self._is_supported_channel(payload, metadata):
            logger.warning("Slack: bericht in een kanaal dat de assistent niet bedient (%s)", metadata["out_channel"])
            return IGNORED
        keys = event_keys(payload)
        if keys and not self.seen.first_time(keys):
            logger.info(
                "Slack: gebeurtenis al eerder ontvangen (%s); niet opnieuw beantwoord",
                f"herhaling {retry}" if retry else "hetzelfde bericht als ander event",
            )
            return DUPLICATE
        event = payload["event"]
        text = self._sanitize_user_message(event.get("text", ""), metadata["users"])
        self._answer_in_background(text, event.get("user", ""), metadata, on_new_message)
        return ANSWERED

    async def handle_interaction(self, payload: dict[str, Any], on_new_message: Handler) -> str:
        """A click on a button (the age choice, …): its value goes to Rasa as the user's message."""
        if not self._is_interactive_message(payload):
            return IGNORED
        text = self._get_interactive_response(payload["actions"][0])
        if text is None:  # a link button: Slack opens the link, nothing to answer
            return IGNORED
        metadata = interaction_metadata(payload)
        self._answer_in_background(text, (payload.get("user") or {}).get("id", ""), metadata, on_new_message)
        return ANSWERED

    def _answer_in_background(self, text: str, user: str, metadata: dict[str, Any], on_new_message: Handler) -> None:
        channel, thread_id = metadata.get("out_channel"), metadata.get("thread_id")
        message = UserMessage(
            text,
            self.get_output_channel(channel, thread_id if self.use_threads else None),
            self._get_conversation_id(user, channel, thread_id),
            input_channel=self.name(),
            metadata=metadata,
        )
        # Keep a reference, or the task may be collected before it ran (asyncio.create_task's docs).
        task = asyncio.create_task(on_new_message(message))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return ThreadedSlackBot(self.slack_token, self.api_url, channel or self.slack_channel, thread_id, self.proxy)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
