"""Which conversations were already reminded to ask anonymously (once per conversation).

The reminder belongs to the channel, not to an action: every reply passes the channel, also the
ones Rasa gives from a response template (a greeting, "daar kan ik niet mee helpen"), where no
action runs. Kept in this process for as long as a conversation session lasts (domain.yml:
session_expiration_time, 60 minutes); after a restart, or on a second Rasa instance, a conversation
may be reminded once more — better once too often than never.
"""

from __future__ import annotations

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
