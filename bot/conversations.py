"""Reading stored conversations back from the tracker store (TRACKER_STORE_URL), in the bot's environment.

Rasa's SQLTrackerStore writes one row per event in the table `events`; `data` holds the event as
JSON. What is stored there is already redacted (channels/redacting.py), so what this module reads
is exactly what a privacy officer or a maintainer would find in the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, inspect, select

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("data", Text),
)


@dataclass(frozen=True)
class StoredEvent:
    id: int
    type: str
    data: dict


class ConversationStore:
    """Read access to the events of one tracker store (a SQLAlchemy 2 URL)."""

    def __init__(self, url):
        self.engine = create_engine(url)

    def events(self, sender_id: str, after: int = 0) -> list[StoredEvent]:
        """The conversation's events in stored order, from after event id `after`."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("events"):
                return []
            rows = conn.execute(
                select(events.c.id, events.c.type_name, events.c.data)
                .where(events.c.sender_id == sender_id, events.c.id > after)
                .order_by(events.c.id)
            ).all()
        return [StoredEvent(row.id, row.type_name, json.loads(row.data or "{}")) for row in rows]

    def close(self) -> None:
        self.engine.dispose()


def last_turn(stored: list[StoredEvent]) -> list[StoredEvent]:
    """The events of the latest turn: from the last user message on."""
    starts = [i for i, event in enumerate(stored) if event.type == "user"]
    return stored[starts[-1] :] if starts else []


def slot_value(turn: list[StoredEvent], name: str, default=None):
    """The last value the turn set for a slot, or `default` when the turn did not set it."""
    values = [e.data.get("value") for e in turn if e.type == "slot" and e.data.get("name") == name]
    return values[-1] if values else default
