"""Rasa's RedisLockStore, with each change of a conversation's lock made atomically in Redis.

Rasa 3.6's RedisLockStore reads a conversation's ticket lock, changes it in Python and writes it
back (GET, then SET). Two instances that get a message of the same conversation at the same moment
both read "no lock", both write a lock holding only their own ticket 0, and both handle their
message at once: in tests/cluster one of the two turns was lost from the tracker store in 2 of 15
tries. (Rasa's fix, a ConcurrentRedisLockStore, is in Rasa Pro only: RasaHQ/rasa#11256.) Here the
same read-change-write runs inside Redis's WATCH/MULTI/EXEC, retried when another instance changed
the lock in between, so ticket numbers are unique and a finished ticket never removes a new one.

Also, a waiting message looks again every WAIT_SECONDS instead of Rasa's 1 s, and a ticket lives
`lock_lifetime` seconds (endpoints.yml; Rasa's default 60): the longest a conversation waits when
the instance that held its lock died mid-turn.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

WAIT_SECONDS = 0.05


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        settings = dict(endpoint_config.kwargs) if endpoint_config else {}
        settings.update(kwargs)
        self.lifetime = float(settings.pop("lock_lifetime", LOCK_LIFETIME))
        host = endpoint_config.url if endpoint_config and endpoint_config.url else settings.pop("host", "localhost")
        super().__init__(host=host, **settings)

    def lock(
        self, conversation_id: str, lock_lifetime: float | None = None, wait_time_in_seconds: float = WAIT_SECONDS
    ):
        return super().lock(conversation_id, lock_lifetime or self.lifetime, wait_time_in_seconds)

    def _change(self, conversation_id: str, change: Callable[[TicketLock], Any]) -> Any:
        """Applies `change` to the stored lock atomically; an empty lock is deleted, as Rasa's cleanup does."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else TicketLock(conversation_id)
                    result = change(lock)
                    lock.remove_expired_tickets()
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another instance changed this lock between our read and our write

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: None)  # _change drops the expired tickets

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving already deletes the lock when no ticket is left, in the same transaction.
        self.finish_serving(conversation_id, ticket_number)
