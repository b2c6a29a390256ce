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

Credentials: slack_token, slack_signing_secret, api_url (optional), use_threads,
conversation_granularity (as Rasa's).
"""

from __future__ import annotations

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
        bp = super().blueprint(redacting(on_new_message))

        @bp.middleware("request")
        async def url_verification(request: Request):
            if request.method != "POST" or request.headers.get("content-type") != "application/json":
                return None
            if not self.is_request_from_slack_authentic(request):
                return None  # Rasa's handler refuses it
            payload = request.json or {}
            if payload.get("type") == "url_verification":
                return response.json({"challenge": payload.get("challenge")})
            return None

        return bp

    async def process_message(
        self, request: Request, on_new_message: Handler, text: str, sender_id: str | None, metadata: dict | None
    ) -> Any:
        payload = request.json if request.headers.get("content-type") == "application/json" else {}
        keys = event_keys(payload or {})
        if keys and not self.seen.first_time(keys):
            logger.info(
                "Slack: gebeurtenis al eerder ontvangen (herhaling %s, %s); niet opnieuw beantwoord",
                request.headers.get(self.retry_num_header),
                request.headers.get(self.retry_reason_header),
            )
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return ThreadedSlackBot(self.slack_token, self.api_url, channel or self.slack_channel, thread_id, self.proxy)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
