"""Which Slack events were already answered: `first_time(keys)`, in memory or shared in Redis.

Slack retries an event (after 0 s, 1 min, 5 min) when an answer was slow or failed. With one Rasa
instance a memory of the last hour suffices. With more instances (make run-cluster) a retry may land
on another instance, or on one that restarted since: then the keys live in the Redis of REDIS_URL
(bot/deploy/lock_store.py), each `SET key NX EX 3600`, all keys of one event in one MULTI/EXEC so
two instances never both count the same event as new.

Both stores answer the same question for every Slack entry point (Events API, Socket Mode):
True when none of the keys was seen before; the keys are remembered either way.
"""

from __future__ import annotations

import logging
import os
import time
from collections import OrderedDict
from typing import Protocol

logger = logging.getLogger(__name__)

# Slack retries within minutes; remember events well beyond that.
SEEN_FOR_SECONDS = 3600
SEEN_MAX = 10_000
REDIS_SETTING = "REDIS_URL"
KEY_PREFIX = "armoedeassistent:slack:gezien:"
REDIS_TIMEOUT_SECONDS = 1.0


class SeenEvents(Protocol):
    def first_time(self, keys: list[str]) -> bool: ...


class MemorySeenEvents:
    """Event keys seen in the last hour by this process."""

    def __init__(self, ttl: float = SEEN_FOR_SECONDS, limit: int = SEEN_MAX):
        self.ttl, self.limit = ttl, limit
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, keys: list[str]) -> bool:
        now = time.monotonic()
        while self._seen and (next(iter(self._seen.values())) < now - self.ttl or len(self._seen) > self.limit):
            self._seen.popitem(last=False)
        new = not any(key in self._seen for key in keys)
        for key in keys:
            self._seen[key] = now
            self._seen.move_to_end(key)
        return new


class RedisSeenEvents:
    """Event keys seen in the last hour by any instance that shares this Redis (also used, with its
    own prefix, for the conversations already reminded to ask anonymously: channels/reminders.py)."""

    def __init__(self, url: str, ttl: int = SEEN_FOR_SECONDS, prefix: str = KEY_PREFIX, what: str = "Slack"):
        import redis  # Rasa's environment has it (Rasa's own RedisLockStore uses it)

        self.ttl, self.prefix, self.what = ttl, prefix, what
        self.redis = redis.Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )

    def first_time(self, keys: list[str]) -> bool:
        try:
            with self.redis.pipeline(transaction=True) as pipe:
                for key in keys:
                    pipe.set(self.prefix + key, 1, nx=True, ex=self.ttl)
                results = pipe.execute()
        except Exception as exc:  # noqa: BLE001 — better once too often than never
            logger.warning("%s: Redis (%s) niet bereikbaar (%s); behandeld als nieuw", self.what, REDIS_SETTING, exc)
            return True
        return all(results)


def seen_events(env: dict[str, str] | None = None) -> SeenEvents:
    """Redis when REDIS_URL is set (more than one instance), else this process's memory."""
    url = (os.environ if env is None else env).get(REDIS_SETTING, "").strip()
    return RedisSeenEvents(url) if url else MemorySeenEvents()
