"""Rasa's SQL tracker store, with each active conversation kept in memory between its turns.

Rasa's SQLTrackerStore reads a conversation back from the database on every message: all its
events since the session started, decoded and replayed. In a conversation of ten questions
that is about 6 ms (greeting) to 12 ms (knowledge answers, whose remembered slots make more
events) of Rasa's single event loop per turn (py-spy on bench/rest_bench.py). Here the tracker
Rasa has just saved stays in memory, and the next message of that conversation gets it back
after one small query proves the database still holds exactly what was saved: same number of
events and same last event id. Anything else — a clean-up (`make opruimen`) removed the
conversation, another process wrote to it, Rasa changed the tracker after saving it without
saving again, a new session began — falls back to Rasa's own read from the database.

The database stays the only truth: every event is written, in one transaction per turn and
row for row as Rasa's own save writes it, before the tracker is kept. Kept trackers hold what
Rasa stores, already redacted (channels/redacting.py); at most CACHE_SIZE conversations, each
for at most IDLE_SECONDS.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

CACHE_SIZE = 200
IDLE_SECONDS = 30 * 60


@dataclass
class _Kept:
    tracker: DialogueStateTracker
    events: int  # len(tracker.events) when saved: more means changed after saving
    rows: int  # the sender's rows in the database when saved
    last_id: int | None
    kept_at: float


class CachedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that hands the last saved tracker back instead of rebuilding it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        # Events of the tracker handed out for a sender that are already in the database.
        self._stored_events: dict[str, tuple[DialogueStateTracker, int]] = {}
        if self.engine.dialect.name == "sqlite":
            self._keep_sqlite_connections_open()

    def _keep_sqlite_connections_open(self) -> None:
        """Rasa's SQLite engine (SQLAlchemy 1.4's NullPool) opens and closes a connection for every
        query: about 2.5 ms a time, twice per turn. A pool keeps them open; all use is from Rasa's
        one event loop, so the pool's connections may be used by another thread than their maker's."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})
        sa.event.listen(self.engine, "connect", _sqlite_settings)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        kept = self._kept.pop(sender_id, None)
        if kept is not None and self._still_current(sender_id, kept):
            self._stored_events[sender_id] = (kept.tracker, kept.events)
            while len(self._stored_events) > CACHE_SIZE:  # turns that were cut off never save
                del self._stored_events[next(iter(self._stored_events))]
            return kept.tracker
        self._stored_events.pop(sender_id, None)
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save, with the new events written in one multi-row insert instead of through
        the ORM one by one (same rows: tests/persistence/test_cached_store.py)."""
        await self.stream_events(tracker)
        table = self.SQLEvent.__table__
        with self.session_scope() as session:
            rows = [_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
            if rows:
                session.execute(table.insert(), rows)
            marker = session.execute(_marker_query(table, tracker.sender_id)).one()
            session.commit()
        self._keep(tracker, *marker)

    def _additional_events(self, session, tracker: DialogueStateTracker) -> Iterator:
        """Rasa counts the stored events with a query; for a tracker we handed out we know it."""
        handed_out = self._stored_events.pop(tracker.sender_id, None)
        if handed_out is not None and handed_out[0] is tracker:
            return itertools.islice(tracker.events, handed_out[1], len(tracker.events))
        return super()._additional_events(session, tracker)

    def _keep(self, tracker: DialogueStateTracker, rows: int, last_id: int | None) -> None:
        sender_id = tracker.sender_id
        self._kept.pop(sender_id, None)
        if not _as_read_back(tracker, rows):
            return
        now = time.monotonic()
        self._kept[sender_id] = _Kept(tracker, len(tracker.events), rows, last_id, now)
        while self._kept:
            oldest_sender, oldest = next(iter(self._kept.items()))
            if len(self._kept) <= CACHE_SIZE and now - oldest.kept_at <= IDLE_SECONDS:
                break
            del self._kept[oldest_sender]

    def _still_current(self, sender_id: str, kept: _Kept) -> bool:
        if len(kept.tracker.events) != kept.events or time.monotonic() - kept.kept_at > IDLE_SECONDS:
            return False
        return self._rows(sender_id) == (kept.rows, kept.last_id)

    def _rows(self, sender_id: str) -> tuple[int, int | None]:
        with self.engine.connect() as connection:
            rows, last_id = connection.execute(_marker_query(self.SQLEvent.__table__, sender_id)).one()
        return rows, last_id


def _marker_query(table, sender_id: str):
    """How many events the database holds for the sender, and the id of the last one."""
    return sa.select(sa.func.count(table.c.id), sa.func.max(table.c.id)).where(table.c.sender_id == sender_id)


def _row(sender_id: str, event) -> dict:
    """The row Rasa's SQLTrackerStore.save writes for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def _as_read_back(tracker: DialogueStateTracker, rows: int) -> bool:
    """Whether Rasa would read back exactly this tracker: its events from the last session start.

    Rasa reads a conversation from its latest SessionStarted event on. A tracker that holds one
    more session start than at its very beginning (the first turn of a conversation, or a turn
    that began a new session) would read back shorter, so it is not kept; the next turn reads
    it from the database and is kept from then on. Without any session start Rasa reads all
    events, so they must all be in this tracker.
    """
    starts = [i for i, event in enumerate(tracker.events) if isinstance(event, SessionStarted)]
    if not starts:
        return rows == len(tracker.events)
    return starts == [0]


def _sqlite_settings(dbapi_connection, _record) -> None:
    """Write-ahead log: readers (`make opruimen`, tests) never wait for a save. synchronous=NORMAL,
    SQLite's advice for WAL: no fsync per saved turn (about 2 ms); a crash of Rasa loses nothing,
    a power failure at most the last turns before the next checkpoint, never the database."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
