"""Server-issued, signed session ids for the chat page's socketio conversations.

Rasa 3.6 takes the socketio session id from the client and uses it as the conversation's
sender id, so anyone who sends another user's id reads and writes that conversation. Here
the server issues every id: `<nonce>-<HMAC-SHA256(secret, nonce)>`. Only the nonce becomes
the conversation ("web-<nonce>"), so the tracker store never holds what a client needs to
get in. The secret comes from SOCKETIO_SESSION_SECRET or, when that is unset, from a file in
STATE_DIR that is generated on first use (so ids survive a restart of the same instance).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path

SENDER_PREFIX = "web-"
SECRET_ENV = "SOCKETIO_SESSION_SECRET"
SECRET_FILE = "socketio_session_secret"
MIN_SECRET_CHARS = 32
_TOKEN = re.compile(r"^([0-9a-f]{32})-([0-9a-f]{32})$")


class SessionSecretError(RuntimeError):
    pass


def load_secret(env: Mapping[str, str] | None = None) -> bytes:
    """The signing secret: SOCKETIO_SESSION_SECRET, else $STATE_DIR/socketio_session_secret (made when absent)."""
    env = os.environ if env is None else env
    configured = env.get(SECRET_ENV, "")
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise SessionSecretError(
                f"{SECRET_ENV} is te kort: gebruik minstens {MIN_SECRET_CHARS} willekeurige "
                "tekens, bijvoorbeeld de uitvoer van `openssl rand -hex 32`."
            )
        return configured.encode()
    path = Path(env.get("STATE_DIR") or "var") / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_text().strip()
        if len(secret) < MIN_SECRET_CHARS:
            raise SessionSecretError(
                f"{path} bevat geen bruikbaar geheim; verwijder het bestand, dan wordt een nieuw gemaakt."
            ) from None
        return secret.encode()
    with os.fdopen(fd, "w") as file:
        secret = secrets.token_hex(32)
        file.write(secret + "\n")
    return secret.encode()


class SessionSigner:
    def __init__(self, secret: bytes):
        self._secret = secret

    def _signature(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        """A fresh session id for a client to keep."""
        nonce = secrets.token_hex(16)
        return f"{nonce}-{self._signature(nonce)}"

    def sender_id(self, session_id: object) -> str | None:
        """The conversation a session id gives access to, or None when it was not issued by us."""
        match = _TOKEN.match(session_id) if isinstance(session_id, str) else None
        if not match or not hmac.compare_digest(match.group(2), self._signature(match.group(1))):
            return None
        return SENDER_PREFIX + match.group(1)
