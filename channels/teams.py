"""Microsoft Teams, through Rasa's Bot Framework connector, with the checks Rasa 3.6 leaves out.

Rasa's `BotFrameworkInput` checks the token's signature (key chosen by `kid`), audience and
expiry, but takes the algorithm from the token itself, never checks the issuer, the channel's
endorsement of the key or the token's `serviceUrl`, only knows Microsoft's fixed URLs, and
fetches Microsoft's signing keys with blocking calls. This input channel checks all of those
against configurable OpenID metadata (fetched with aiohttp, so Rasa's event loop keeps
serving others meanwhile) and configurable issuers, strips `<at>…</at>` mentions, redacts
client data (channels/redacting.py) and replies to the activity (so Teams keeps the answer
under the question) with a token from the bot's own tenant.

Since 31 July 2025 Microsoft creates no new multi-tenant bots: a bot is single-tenant
(`tenant_id`) unless it is an existing multi-tenant registration (`multi_tenant: true`).

Credentials (credentials.yml, written by `python -m bot.deploy.credentials`):
  app_id, app_password        the Azure Bot registration
  tenant_id                   the registration's tenant (required, unless multi_tenant)
  multi_tenant                true only for an existing multi-tenant registration
  issuers                     optional: accepted token issuers, separated by spaces or commas
  openid_url, token_url       optional: other Microsoft endpoints (and fakes in tests)
"""

from __future__ import annotations

import asyncio
import datetime
import html
import logging
import re
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp
import jwt
import yarl
from jwt import InvalidKeyError, PyJWTError
from jwt.algorithms import RSAAlgorithm
from rasa.core.channels.botframework import MICROSOFT_OPEN_ID_URI, BotFramework, BotFrameworkInput
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from channels.redacting import redacting

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

# Bot Connector tokens are issued by this issuer, for every tenant (Bot Framework authentication spec);
# other clouds (e.g. https://api.botframework.us) are set with `issuers`.
BOT_CONNECTOR_ISSUER = "https://api.botframework.com"
CONNECTOR_SCOPE = "https://api.botframework.com/.default"
MULTI_TENANT = "botframework.com"
# Clock skew allowed between Microsoft and this server (the Bot Framework SDKs allow 5 minutes).
LEEWAY_SECONDS = 300
# Microsoft rotates signing keys; an unknown `kid` triggers a refresh, at most this often.
KEY_REFRESH_MIN_SECONDS = 300
KEY_REFRESH_MAX_AGE = datetime.timedelta(days=1)
# Before the first successful fetch (Microsoft unreachable), try again at most this often.
KEY_RETRY_SECONDS = 10
METADATA_TIMEOUT = aiohttp.ClientTimeout(total=10)

_MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)


def token_url_for(tenant_id: str | None) -> str:
    return f"https://login.microsoftonline.com/{tenant_id or MULTI_TENANT}/oauth2/v2.0/token"


def parse_issuers(value: Any) -> tuple[str, ...]:
    """`issuers` from credentials.yml: a list, or one string with spaces or commas between the issuers."""
    if value is None or value == "":
        return (BOT_CONNECTOR_ISSUER,)
    items = value if isinstance(value, list) else re.split(r"[\s,]+", str(value))
    issuers = tuple(str(item).strip() for item in items if str(item).strip())
    if not issuers or not all(i.startswith("https://") for i in issuers):
        raise ValueError(f"Teams: issuers in credentials.yml moeten https-adressen zijn, gevonden: {value!r}")
    return issuers


def strip_mentions(text: str) -> str:
    """The message without `<at>Name</at>` mentions (of the bot or anyone else) and HTML entities."""
    return " ".join(html.unescape(_MENTION.sub(" ", text or "")).split())


class SigningKeys:
    """Microsoft's published signing keys (OpenID metadata, then its jwks_uri), fetched with aiohttp.

    One fetch at a time; the others wait for it. An unknown `kid` (Microsoft rotated its keys)
    or keys older than a day cause a refresh, at most every KEY_REFRESH_MIN_SECONDS, so forged
    tokens cannot make us hammer Microsoft."""

    def __init__(self, openid_url: str):
        self.openid_url = openid_url
        self.keys: dict[str, dict[str, Any]] = {}
        self._updated: datetime.datetime | None = None
        self._last_attempt = 0.0
        self._lock = asyncio.Lock()

    def _refresh_due(self, kid: str | None) -> bool:
        since_attempt = time.time() - self._last_attempt
        if self._updated is None:
            return since_attempt > KEY_RETRY_SECONDS
        stale = datetime.datetime.now() - self._updated > KEY_REFRESH_MAX_AGE
        return (stale or kid not in self.keys) and since_attempt > KEY_REFRESH_MIN_SECONDS

    async def _fetch(self) -> None:
        self._last_attempt = time.time()
        try:
            async with aiohttp.ClientSession(timeout=METADATA_TIMEOUT) as session:
                async with session.get(self.openid_url) as resp:
                    resp.raise_for_status()
                    metadata = await resp.json(content_type=None)
                async with session.get(metadata["jwks_uri"]) as resp:
                    resp.raise_for_status()
                    published = (await resp.json(content_type=None))["keys"]
            self.keys = {key["kid"]: key for key in published}
            self._updated = datetime.datetime.now()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, KeyError, TypeError) as exc:
            logger.warning("Teams: ondertekeningssleutels niet te lezen van %s: %s", self.openid_url, exc)

    async def key_for(self, kid: str | None) -> dict[str, Any]:
        if self._lock.locked() or self._refresh_due(kid):  # a fetch under way may bring this key
            async with self._lock:
                if self._refresh_due(kid):  # not already done by the request we waited for
                    await self._fetch()
        if kid not in self.keys:
            raise InvalidKeyError(f"JWT-sleutel {kid!r} staat niet bij de sleutels van {self.openid_url}")
        return self.keys[kid]


class ConnectorToken:
    """The bot's own access token for the Bot Connector service, fetched and renewed as needed."""

    def __init__(self, token_url: str, app_id: str, app_password: str):
        self.token_url, self.app_id, self.app_password = token_url, app_id, app_password
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str | None:
        async with self._lock:
            # Renew a minute early so that no reply leaves with a token that expires on the way.
            if self._token and time.time() < self._expires - 60:
                return self._token
            form = {
                "client_id": self.app_id,
                "client_secret": self.app_password,
                "grant_type": "client_credentials",
                "scope": CONNECTOR_SCOPE,
            }
            try:
                async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
                    async with session.post(self.token_url, data=form) as resp:
                        if resp.status != 200:
                            logger.error("Teams: geen token van %s (HTTP %s)", self.token_url, resp.status)
                            return None
                        data = await resp.json(content_type=None)
            except aiohttp.ClientError as exc:
                logger.error("Teams: tokenadres %s niet bereikbaar: %s", self.token_url, exc)
                return None
            self._token = data["access_token"]
            self._expires = time.time() + int(data.get("expires_in", 3600))
            return self._token


class TeamsOutput(BotFramework):
    """Replies to one activity: markdown text, and buttons as a card with messageBack actions."""

    def __init__(self, token: ConnectorToken, activity: dict[str, Any]) -> None:
        super().__init__(
            token.app_id, token.app_password, activity["conversation"], activity["recipient"], activity["serviceUrl"]
        )
        self.token = token
        self.user = activity.get("from") or {}
        self.activity_id = activity.get("id")

    def prepare_message(self, recipient_id: str, message_data: dict[str, Any]) -> dict[str, Any]:
        data = super().prepare_message(recipient_id, message_data)
        data["recipient"] = self.user or data["recipient"]
        data["conversation"] = {"id": self.conversation["id"]}
        data.setdefault("textFormat", "markdown")
        if self.activity_id:
            data["replyToId"] = self.activity_id
        return data

    def activities_url(self) -> yarl.URL:
        """conversations/{id}/activities[/{replyToId}], each id percent-encoded as Microsoft's SDKs send it.

        Teams channel ids look like `19:…@thread.tacv2;messageid=…`; yarl would decode `:@;=`
        again unless the path is marked as encoded."""
        path = "conversations/" + quote(str(self.conversation["id"]), safe="") + "/activities"
        if self.activity_id:
            path += "/" + quote(str(self.activity_id), safe="")
        base = yarl.URL(self.global_uri)
        return base.with_path(base.raw_path + path, encoded=True)

    async def send(self, message_data: dict[str, Any]) -> None:
        uri = self.activities_url()
        token = await self.token.get()
        if not token:
            return
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
                async with session.post(uri, json=message_data, headers={"Authorization": f"Bearer {token}"}) as resp:
                    if resp.status >= 300:
                        refusal = (await resp.text())[:300]
                        logger.error("Teams: antwoord geweigerd door %s (HTTP %s): %s", uri, resp.status, refusal)
        except aiohttp.ClientError as exc:
            logger.error("Teams: antwoord naar %s mislukt: %s", uri, exc)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        # A hero card's subtitle shows no markdown (no clickable "Bron:" link): send the text as a
        # message, then the buttons. messageBack shows the title in the chat and sends the payload.
        await self.send_text_message(recipient_id, text)
        actions = [
            {"type": "messageBack", "title": b["title"], "displayText": b["title"], "text": b["payload"]}
            for b in buttons
        ]
        card = {"contentType": "application/vnd.microsoft.card.hero", "content": {"buttons": actions}}
        await self.send(self.prepare_message(recipient_id, {"attachments": [card]}))


class TeamsInput(BotFrameworkInput):
    """Bot Framework / Teams input: full token checks, mentions stripped, client data redacted."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("app_id"),
            credentials.get("app_password"),
            tenant_id=credentials.get("tenant_id"),
            openid_url=credentials.get("openid_url"),
            token_url=credentials.get("token_url"),
            issuers=parse_issuers(credentials.get("issuers")),
            multi_tenant=credentials.get("multi_tenant") is True,
        )

    def __init__(
        self,
        app_id: str,
        app_password: str,
        tenant_id: str | None = None,
        openid_url: str | None = None,
        token_url: str | None = None,
        issuers: tuple[str, ...] = (BOT_CONNECTOR_ISSUER,),
        multi_tenant: bool = False,
    ) -> None:
        if not tenant_id and not multi_tenant:
            raise ValueError(
                "Teams: tenant_id ontbreekt in credentials.yml (TEAMS_TENANT_ID). Nieuwe bots zijn single-tenant; "
                "multi_tenant: true (TEAMS_MULTI_TENANT=ja) alleen voor een bestaande multi-tenant registratie."
            )
        self.openid_url = openid_url or MICROSOFT_OPEN_ID_URI
        self.issuers = tuple(issuers)
        self.signing_keys = SigningKeys(self.openid_url)
        self.token = ConnectorToken(token_url or token_url_for(tenant_id), app_id, app_password)
        super().__init__(app_id, app_password)

    def _update_cached_jwk_keys(self) -> None:
        """Rasa fetches the keys here, blocking, at start; ours come from SigningKeys on the first message."""

    # --- tokens --------------------------------------------------------------------------

    async def _claims(self, jwt_token: str) -> dict[str, Any]:
        """The token's claims, if signed by a published key (RS256 only), for us, by an issuer we accept, in time."""
        header = jwt.get_unverified_header(jwt_token)
        key = RSAAlgorithm.from_jwk(await self.signing_keys.key_for(header.get("kid")))
        return jwt.decode(
            jwt_token,
            key=key,
            algorithms=["RS256"],
            audience=self.app_id,
            issuer=self.issuers,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iss", "aud"]},
        )

    async def check_activity(self, auth_header: str | None, activity: Any) -> response.HTTPResponse | None:
        """None if the request is a genuine activity for this bot, else the response that refuses it."""
        match = re.match(r"Bearer\s+(\S+)$", auth_header or "")
        if not match:
            return response.text("Geen Bearer-token.", status=HTTPStatus.UNAUTHORIZED)
        token = match.group(1)
        try:
            claims = await self._claims(token)
            kid = jwt.get_unverified_header(token).get("kid")
        except (PyJWTError, ValueError, TypeError) as exc:
            logger.warning("Teams: token geweigerd: %s", exc)
            return response.text("Ongeldig token.", status=HTTPStatus.UNAUTHORIZED)
        if not isinstance(activity, dict):
            return response.text("Geen activiteit.", status=HTTPStatus.BAD_REQUEST)
        # The key must be endorsed for the channel the activity claims to come from.
        endorsements = self.signing_keys.keys.get(kid, {}).get("endorsements")
        if endorsements is not None and activity.get("channelId") not in endorsements:
            logger.warning("Teams: sleutel %s niet geldig voor kanaal %r", kid, activity.get("channelId"))
            return response.text("Sleutel niet geldig voor dit kanaal.", status=HTTPStatus.FORBIDDEN)
        # Replies go to the activity's serviceUrl with our own token: it must be the one Microsoft signed.
        claimed = claims.get("serviceurl") or claims.get("serviceUrl")
        if not claimed or claimed.rstrip("/") != str(activity.get("serviceUrl", "")).rstrip("/"):
            logger.warning("Teams: serviceUrl van de activiteit klopt niet met het token")
            return response.text("serviceUrl klopt niet met het token.", status=HTTPStatus.FORBIDDEN)
        return None

    # --- webhook -------------------------------------------------------------------------

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        """Rasa's webhook routes, with the full checks first and our own reply channel."""
        handle = redacting(on_new_message)
        bp = Blueprint("botframework_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> response.HTTPResponse:
            try:
                activity = request.json
            except Exception:  # sanic raises on a body that is not JSON
                activity = None
            refused = await self.check_activity(request.headers.get("Authorization"), activity)
            if refused:
                return refused
            if activity.get("type") != "message":
                return response.text("success")  # conversationUpdate, typing, …: nothing to answer
            try:
                message = UserMessage(
                    text=strip_mentions(activity.get("text") or ""),
                    output_channel=TeamsOutput(self.token, activity),
                    sender_id=activity["from"]["id"],
                    input_channel=self.name(),
                    metadata=self.add_attachments_to_metadata(activity, None),
                )
                await handle(message)
            except Exception as exc:  # Teams retries on errors; one failed message must not loop
                logger.exception("Teams: bericht kon niet verwerkt worden: %s", exc)
            return response.text("success")

        return bp
