"""Which conversations were already reminded to ask anonymously (once per conversation).

The reminder belongs to the channel, not to an action: every reply passes the channel, also the
ones Rasa gives from a response template (a greeting, "daar kan ik niet mee helpen"), where no
action runs. Kept for as long as a conversation session lasts (domain.yml: session_expiration_time,
60 minutes): in this process, or, when REDIS_URL is set (make run-cluster), in Redis, so that a
conversation whose turns go to different Rasa instances is reminded once, not once per instance.
Without Redis a restart may remind a conversation once more — better once too often than never.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict

SESSION_SECONDS = 60 * 60
MAX_CONVERSATIONS = 20_000


class RecentlyReminded:
    def __init__(self, seconds: float = SESSION_SECONDS, size: int = MAX_CONVERSATIONS, clock=time.monotonic):
        self.seconds, self.size, self.clock = seconds, size, clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, sender_id: str) -> bool:
        """True the first time a conversation asks (within a session); marks it reminded."""
        now = self.clock()
        while self._seen and next(iter(self._seen.values())) < now - self.seconds:
            self._seen.popitem(last=False)
        fresh = sender_id not in self._seen
        self._seen[sender_id] = now
        self._seen.move_to_end(sender_id)
        while len(self._seen) > self.size:
            self._seen.popitem(last=False)
        return fresh


class SharedReminded:
    """The same question, answered by the Redis every Rasa instance shares."""

    def __init__(self, url: str):
        from channels.slack_dedup import RedisSeenEvents

        self.seen = RedisSeenEvents(url, ttl=SESSION_SECONDS, prefix="armoedeassistent:herinnerd:", what="Herinnering")

    def first_time(self, sender_id: str) -> bool:
        return self.seen.first_time([sender_id])


def reminded(env: dict[str, str] | None = None) -> RecentlyReminded | SharedReminded:
    """Shared in Redis when REDIS_URL is set (more than one instance), else this process's memory."""
    url = (os.environ if env is None else env).get("REDIS_URL", "").strip()
    return SharedReminded(url) if url else RecentlyReminded()
