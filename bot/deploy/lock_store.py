"""REDIS_URL: the Redis that several Rasa instances share (make run-cluster, docs/deploy.md).

With it, endpoints.yml gets Rasa's RedisLockStore (stores/redis_lock.py: Rasa's own, with each change of
a lock atomic in Redis), so the turns of one conversation are handled one after the other even when
they reach different instances, and
the Slack channel remembers the events it answered in the same Redis (channels/slack_dedup.py).
Without it, one instance: Rasa's in-memory lock store.

    redis://[:wachtwoord@]host[:6379][/db]
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

SETTING = "REDIS_URL"
# Rasa puts this before its own "lock:" in every key; alphanumeric, as RedisLockStore demands.
KEY_PREFIX = "armoedeassistent"
LOCK_STORE_TYPE = "stores.redis_lock.AtomicRedisLockStore"
# How long a turn may hold its conversation's lock: the longest another instance waits when the instance
# that held it died mid-turn. Turns take well under a second; Rasa's default is 60 s.
LOCK_LIFETIME_SECONDS = 20
CONNECT_TIMEOUT_SECONDS = 3


class LockStoreSettingError(ValueError):
    """REDIS_URL cannot be used; the message is Dutch and names the setting."""


@dataclass(frozen=True)
class Redis:
    host: str
    port: int
    db: int
    password: str | None = field(default=None, repr=False)

    def describe(self) -> str:
        return f"Redis {self.host}:{self.port}/{self.db}"

    def endpoint(self) -> dict:
        """The lock_store section of endpoints.yml, with the fields of Rasa 3.6's RedisLockStore."""
        config = {
            "type": LOCK_STORE_TYPE,
            "url": self.host,
            "port": self.port,
            "db": self.db,
            "key_prefix": KEY_PREFIX,
            "lock_lifetime": LOCK_LIFETIME_SECONDS,
        }
        if self.password:
            config["password"] = self.password
        return config


def redis_from_env() -> Redis | None:
    value = os.environ.get(SETTING, "").strip()
    return parse(value) if value else None


def parse(value: str) -> Redis:
    parts = urlsplit(value)
    example = "redis://127.0.0.1:6379/0 (of redis://:wachtwoord@host:6379/0)"
    if parts.scheme != "redis" or not parts.hostname:
        raise LockStoreSettingError(f"{SETTING}={_masked(value)} wordt niet herkend. Gebruik {example}.")
    try:
        port = parts.port or 6379
    except ValueError:
        raise LockStoreSettingError(f"{SETTING}={_masked(value)}: de poort is geen getal.") from None
    db = parts.path.lstrip("/") or "0"
    if not db.isdigit():
        raise LockStoreSettingError(f"{SETTING}={_masked(value)}: de database is een getal, zoals in {example}.")
    password = unquote(parts.password) if parts.password else None
    return Redis(parts.hostname, port, int(db), password)


def check_usable(redis: Redis) -> None:
    """PING over Redis's own protocol (standard library: the bot's environment has no Redis client)."""
    command = b"PING\r\n"
    if redis.password:
        command = f"AUTH {redis.password}\r\n".encode() + command
    try:
        with socket.create_connection((redis.host, redis.port), timeout=CONNECT_TIMEOUT_SECONDS) as conn:
            conn.sendall(command)
            reply = b""
            while b"PONG" not in reply and b"-" not in reply:
                chunk = conn.recv(256)
                if not chunk:
                    break
                reply += chunk
    except OSError as exc:
        raise LockStoreSettingError(
            f"{SETTING}: {redis.describe()} is niet bereikbaar ({exc}). Start Redis (scripts/redis.sh) of "
            f"haal {SETTING} weg voor één Rasa-instantie."
        ) from exc
    if b"PONG" not in reply:
        raise LockStoreSettingError(
            f"{SETTING}: {redis.describe()} antwoordt niet op PING ({reply.decode(errors='replace').strip()}); "
            "klopt het wachtwoord?"
        )


def _masked(value: str) -> str:
    parts = urlsplit(value)
    if parts.password is None:
        return value
    return value.replace(f":{parts.password}@", ":***@", 1)
