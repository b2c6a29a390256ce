"""Which sites may open the chat page's websocket: the same ones Rasa's --cors (CORS_ORIGINS) allows.

Browsers apply CORS to socket.io's long-polling but not to websockets, and Rasa's socketio
channel accepts a websocket from any site. A page on another site could then talk to the
assistant in the name of whoever visits it. Here a browser connection (one with an Origin
header) is accepted only when sanic-cors, configured by Rasa from --cors, would allow that
origin for the socket.io path; clients without an Origin header (not browsers) are accepted.
"""

from __future__ import annotations

import logging
from typing import Any

from sanic_cors.core import get_cors_origins, try_match

logger = logging.getLogger(__name__)


def browser_origin_allowed(environ: dict[str, Any]) -> bool:
    origin = environ.get("HTTP_ORIGIN")
    if not origin:
        return True
    request = environ.get("sanic.request")
    context = getattr(getattr(getattr(request, "app", None), "ctx", None), "sanic_cors", None)
    resources = getattr(context, "resources", None) or []
    for pattern, options in resources:
        if try_match(request.path, pattern):
            if get_cors_origins(options, origin):
                return True
            break
    logger.warning("socket.io-verbinding geweigerd van %s: niet in CORS_ORIGINS (--cors).", origin)
    return False
