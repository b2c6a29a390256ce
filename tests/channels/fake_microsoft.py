"""A fake of the Microsoft side of a Teams bot, on loopback: OpenID metadata, signing keys (a test
RSA key made here), the token endpoint, and a Bot Connector service that records the replies."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.channels.loopback import LoopbackServer

APP_ID = "00000000-aaaa-bbbb-cccc-000000000001"
APP_PASSWORD = "test-geheim-van-de-bot"
TENANT_ID = "11111111-2222-3333-4444-555555555555"
ISSUER = "https://api.botframework.com"
KEY_ID = "test-key-1"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeMicrosoft:
    def __init__(self, port: int):
        self.key = new_key()
        self.server = LoopbackServer(self._app(), port)
        self.url = self.server.url
        self.service_url = self.url + "/"
        self.replies: list[dict[str, Any]] = []  # what the bot posted to the connector
        self.token_requests: list[dict[str, str]] = []  # what the bot asked the token endpoint
        self.metadata_requests = 0  # how often the OpenID metadata was fetched
        self.metadata_delay = 0.0  # seconds the metadata takes to come (a slow Microsoft)

    @property
    def openid_url(self) -> str:
        return f"{self.url}/v1/.well-known/openidconfiguration"

    @property
    def token_url(self) -> str:
        return f"{self.url}/{TENANT_ID}/oauth2/v2.0/token"

    def start(self) -> FakeMicrosoft:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    # --- what Microsoft would send -----------------------------------------------------------

    def token(self, key: rsa.RSAPrivateKey | None = None, **claims: Any) -> str:
        """A Bot Connector token as Microsoft signs it; claims given override the genuine ones."""
        now = int(time.time())
        body = {
            "iss": ISSUER,
            "aud": APP_ID,
            "serviceurl": self.service_url,
            "nbf": now - 5,
            "iat": now - 5,
            "exp": now + 3600,
            **claims,
        }
        return jwt.encode(body, key or self.key, algorithm="RS256", headers={"kid": KEY_ID})

    def activity(self, text: str, conversation_id: str, user_id: str = "29:test-user") -> dict[str, Any]:
        return {
            "type": "message",
            "id": "act-" + uuid.uuid4().hex[:12],
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "text": text,
            "textFormat": "plain",
            "from": {"id": user_id, "name": "Test Gebruiker", "aadObjectId": str(uuid.uuid4())},
            "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": TENANT_ID},
            "recipient": {"id": "28:" + APP_ID, "name": "Assistent"},
            "channelData": {"tenant": {"id": TENANT_ID}},
        }

    def replies_to(self, conversation_id: str) -> list[dict[str, Any]]:
        return [r for r in self.replies if r["conversation"] == conversation_id]

    # --- the fake's endpoints ---------------------------------------------------------------

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._reply)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._reply)
        return app

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        await asyncio.sleep(self.metadata_delay)
        return web.json_response(
            {
                "issuer": ISSUER,
                "jwks_uri": f"{self.url}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        jwk.update({"kid": KEY_ID, "use": "sig", "endorsements": ["msteams"]})
        return web.json_response({"keys": [jwk]})

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({"tenant": request.match_info["tenant"], **form})
        if form.get("client_id") != APP_ID or form.get("client_secret") != APP_PASSWORD:
            return web.json_response({"error": "invalid_client"}, status=401)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3600, "access_token": "connector-token-" + uuid.uuid4().hex}
        )

    async def _reply(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer connector-token-"):
            return web.json_response({"error": "unauthorized"}, status=401)
        self.replies.append(
            {
                "conversation": request.match_info["conversation"],
                "path": request.raw_path,  # as sent, before any percent-decoding
                "reply_to": request.match_info.get("activity"),
                "body": await request.json(),
            }
        )
        return web.json_response({"id": uuid.uuid4().hex})
