"""Slack in Socket Mode: for organisations that cannot give the assistant a public address.

In Socket Mode the assistant opens the connection itself: with the app-level token (xapp-…, scope
connections:write) it asks Slack's apps.connections.open for a WebSocket address and receives
events and button clicks over that socket. No webhook, no public URL, no signing secret: only
outgoing https to Slack.

Each envelope is acknowledged at once ({"envelope_id": …}; Slack sends an envelope again when the
acknowledgement does not come within a few seconds) and then handed to the same handler as the
Events API webhook (SlackEventsInput.handle_event / handle_interaction in channels/slack.py): the
same redaction (channels/redacting.py), the same thread replies, the same de-duplication of retries.

The connection is slack-sdk's asyncio SocketModeClient (slack_sdk.socket_mode.aiohttp), started once
Rasa's server has started (the model is loaded by then) and closed when it stops. It connects anew
when Slack sends a "disconnect" envelope (Slack refreshes connections every few hours), when the
socket closes, or when it stops answering pings.

Credentials: slack_token (xoxb-…, for chat.postMessage), app_token (xapp-…), api_url (optional),
use_threads, conversation_granularity (as channels/slack.py).
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

from rasa.core.channels.channel import InputChannel
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from channels.redacting import redacting
from channels.slack import DEFAULT_API_URL, Handler, SlackEventsInput, _with_slash

logger = logging.getLogger(__name__)
# slack-sdk's own messages, never at DEBUG: it then logs every envelope whole, client data as typed
# included, before the redaction has seen it (Rasa's --debug would switch that on).
sdk_logger = logging.getLogger(__name__ + ".sdk")
sdk_logger.setLevel(logging.INFO)

# Waiting between attempts when Slack refuses or cannot be reached: from 5 seconds up to 2 minutes.
FIRST_WAIT_SECONDS, LONGEST_WAIT_SECONDS = 5, 120


class SlackSocketModeInput(SlackEventsInput):
    """Slack over a WebSocket the assistant opens itself; answered by the Events API's handler."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = cls(
            credentials.get("slack_token"),
            proxy=credentials.get("proxy"),
            use_threads=credentials.get("use_threads", False),
            conversation_granularity=credentials.get("conversation_granularity", "sender"),
            app_token=credentials.get("app_token") or "",
        )
        channel.api_url = _with_slash(credentials.get("api_url") or DEFAULT_API_URL)
        return channel

    def __init__(self, *args: Any, app_token: str = "", **kwargs: Any) -> None:
        self.app_token = app_token  # before SlackInput.__init__, which validates the credentials
        super().__init__(*args, **kwargs)
        self.client: SocketModeClient | None = None
        self._connecting: asyncio.Task | None = None

    @classmethod
    def url_prefix(cls) -> str:
        # name() stays "slack": the conversation is a Slack one (mrkdwn answers, same conversation ids).
        return "slack_socket_mode"

    def _validate_credentials(self) -> None:
        # Socket Mode has no signing secret: what arrives over the socket Slack itself sent.
        if not str(self.app_token or "").startswith("xapp-"):
            raise InvalidConfigException(
                "Slack Socket Mode: app_token (SLACK_APP_TOKEN) moet een app-token zijn dat met 'xapp-' begint "
                "(Slack-app › Basic Information › App-Level Tokens, scope connections:write)."
            )

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        handler = redacting(on_new_message)
        bp = Blueprint("slack_socket_mode", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            connected = self.client is not None and await self.client.is_connected()
            return response.json({"status": "ok", "verbonden": connected})

        @bp.listener("after_server_start")
        async def connect(app, loop) -> None:
            self.start(handler)

        @bp.listener("before_server_stop")
        async def disconnect(app, loop) -> None:
            await self.stop()

        return bp

    def start(self, handler: Handler) -> None:
        """Connects in the background: Rasa keeps serving its other channels while Slack is unreachable."""
        web_client = AsyncWebClient(self.slack_token, base_url=self.api_url, proxy=self.proxy, logger=sdk_logger)
        self.client = SocketModeClient(self.app_token, logger=sdk_logger, web_client=web_client, proxy=self.proxy)
        self.client.socket_mode_request_listeners.append(partial(self._on_request, handler))
        self._connecting = asyncio.create_task(self._first_connection(self.client))

    async def _first_connection(self, client: SocketModeClient) -> None:
        # The first address ourselves, to say in Dutch what is wrong; after that slack-sdk reconnects.
        wait = FIRST_WAIT_SECONDS
        while not client.closed:
            try:
                client.wss_uri = await client.issue_new_wss_url()
                break
            except SlackApiError as exc:
                logger.error(
                    "Slack Socket Mode: apps.connections.open weigerde (%s). Controleer SLACK_APP_TOKEN "
                    "(xapp-…, scope connections:write) en of Socket Mode in de Slack-app aan staat. "
                    "Nieuwe poging over %d s.",
                    exc.response.get("error"),
                    wait,
                )
            except Exception as exc:  # network, DNS, proxy
                logger.error("Slack Socket Mode: Slack niet bereikbaar (%s). Nieuwe poging over %d s.", exc, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT_SECONDS)
        await client.connect()
        logger.info("Slack Socket Mode: verbonden met Slack")

    async def _on_request(self, handler: Handler, client: SocketModeClient, request: SocketModeRequest) -> None:
        # Acknowledge first: the answer takes seconds, and an envelope without acknowledgement comes again.
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
        if request.type == "events_api":
            retry = f"{request.retry_attempt}, {request.retry_reason}" if request.retry_attempt else ""
            await self.handle_event(request.payload, handler, retry)
        elif request.type == "interactive":
            await self.handle_interaction(request.payload, handler)
        else:
            logger.info("Slack Socket Mode: %s genegeerd (alleen berichten en knoppen)", request.type)

    async def stop(self) -> None:
        if self._connecting is not None and not self._connecting.done():
            self._connecting.cancel()
        if self.client is not None:
            await self.client.close()
