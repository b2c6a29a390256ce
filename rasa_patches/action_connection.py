"""Keep the connection to the action server open between custom actions.

Rasa 3.6's EndpointConfig.request opens a new aiohttp session, and so a new TCP connection to
the action server, for every custom action, and closes it afterwards: about 1–1.5 ms of each
knowledge turn on these machines (timed against the real action server, 30-11). Here
each endpoint keeps one session per event loop, with its connections kept alive for
KEEPALIVE_SECONDS: less than the action server's own 5 s (Sanic's default), so that it is
always our side that lets an idle connection go. Should the server still close a kept
connection just as a request goes out (a restart of the action server), that request is sent
once more on a new connection; our actions only read, so sending again is harmless.

Requests, headers, authentication, time-outs and errors are Rasa's own (EndpointConfig.request
is unchanged apart from where its session comes from).
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import EndpointConfig

KEEPALIVE_SECONDS = 2.0

_original_request = EndpointConfig.request
_sessions: dict[int, tuple[EndpointConfig, asyncio.AbstractEventLoop, aiohttp.ClientSession]] = {}
stats = {"sessions": 0, "resent": 0}


class _Borrowed:
    """`async with` around a kept session that leaves it open afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *_exc) -> None:
        return None


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """Rasa's EndpointConfig.session, with connections kept alive."""
    auth = None
    if endpoint.basic_auth:
        auth = aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
    stats["sessions"] += 1
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
    )


def kept_session(self: EndpointConfig) -> _Borrowed:
    loop = asyncio.get_running_loop()
    kept = _sessions.get(id(self))
    if kept is None or kept[0] is not self or kept[1] is not loop or kept[2].closed:
        kept = (self, loop, _new_session(self))
        _sessions[id(self)] = kept
    return _Borrowed(kept[2])


async def request(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
    try:
        return await _original_request(self, *args, **dict(kwargs))
    except aiohttp.ServerDisconnectedError:
        stats["resent"] += 1
        return await _original_request(self, *args, **dict(kwargs))


def install() -> None:
    EndpointConfig.session = kept_session
    EndpointConfig.request = request
