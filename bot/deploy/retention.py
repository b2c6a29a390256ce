"""Deleting conversations whose latest event is older than the retention period.

Works on the table Rasa's SQLTrackerStore writes (`events`: one row per event, with sender_id and a
Unix timestamp), in the bot's own environment (SQLAlchemy 2), on SQLite and PostgreSQL alike.
A conversation is every event of one sender_id, over all its sessions.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, create_engine, delete, func, inspect, select

SETTING = "BEWAARTERMIJN_DAGEN"
DEFAULT_DAYS = 30

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("timestamp", Float),
)


class RetentionSettingError(ValueError):
    """The retention period cannot be used; the message is Dutch and names the setting."""


@dataclass(frozen=True)
class Outcome:
    deleted: int
    kept: int


def retention_days(option: str | None = None) -> int:
    """--dagen if given, else BEWAARTERMIJN_DAGEN, else 30; a whole number of at least 1."""
    source, value = ("--dagen", option) if option is not None else (SETTING, os.environ.get(SETTING))
    if value is None or value == "":
        return DEFAULT_DAYS
    if not value.strip().isdigit() or int(value) < 1:
        raise RetentionSettingError(
            f"{source}={value} is geen geldige bewaartermijn: geef een heel aantal dagen van minstens 1."
        )
    return int(value)


def delete_old_conversations(url, days: int, now: float | None = None) -> Outcome:
    """Delete, in one transaction, every conversation whose latest event is more than `days` days old."""
    cutoff = (time.time() if now is None else now) - days * 86400
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if not inspect(conn).has_table("events"):
                return Outcome(0, 0)  # Rasa has not stored a conversation yet
            old = select(events.c.sender_id).group_by(events.c.sender_id).having(func.max(events.c.timestamp) < cutoff)
            deleted = conn.execute(select(func.count()).select_from(old.subquery())).scalar_one()
            conn.execute(delete(events).where(events.c.sender_id.in_(old)))
            kept = conn.execute(select(func.count(func.distinct(events.c.sender_id)))).scalar_one()
        return Outcome(deleted, kept)
    finally:
        engine.dispose()
