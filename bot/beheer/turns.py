"""The user turns of the stored conversations (TRACKER_STORE_URL), newest conversations included.

Rasa's SQLTrackerStore keeps one row per event in the table `events` (bot/conversations.py). A turn
here is one user message with what followed it until the next one: the intent the NLU gave, the
actions that ran, what the assistant answered and which records it showed (slot getoonde_records).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import create_engine, inspect, select

from bot.conversations import events


@dataclass
class Turn:
    event_id: int
    sender: str
    text: str
    time: datetime
    intent: str | None
    confidence: float
    ranking: list[str]
    metadata: dict
    actions: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)

    @property
    def payload(self) -> bool:
        """A button press ("/ask_fondsen{…}"), not something the professional typed."""
        return self.text.startswith("/")


def read_turns(url, since: float = 0.0) -> list[Turn]:
    """Every user turn stored from `since` (a Unix time) on, per conversation in stored order."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("events"):
                return []
            rows = conn.execute(
                select(events.c.id, events.c.sender_id, events.c.type_name, events.c.timestamp, events.c.data)
                .where(events.c.timestamp >= since)
                .order_by(events.c.sender_id, events.c.id)
            ).all()
    finally:
        engine.dispose()
    turns: list[Turn] = []
    current: dict[str, Turn] = {}
    for row in rows:
        data = json.loads(row.data or "{}")
        if row.type_name == "user":
            turn = _user_turn(row, data)
            turns.append(turn)
            current[row.sender_id] = turn
            continue
        turn = current.get(row.sender_id)
        if turn is None:
            continue
        if row.type_name == "action" and data.get("name"):
            turn.actions.append(data["name"])
        elif row.type_name == "bot" and data.get("text"):
            turn.replies.append(data["text"])
        elif row.type_name == "slot" and data.get("name") == "getoonde_records":
            turn.records = list(data.get("value") or [])
    return turns


def _user_turn(row, data: dict) -> Turn:
    parse = data.get("parse_data") or {}
    intent = parse.get("intent") or {}
    return Turn(
        event_id=row.id,
        sender=row.sender_id,
        text=(data.get("text") or "").strip(),
        time=datetime.fromtimestamp(row.timestamp or data.get("timestamp") or 0, tz=timezone.utc),
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        ranking=[i.get("name") for i in parse.get("intent_ranking") or [] if i.get("name")],
        metadata=data.get("metadata") if isinstance(data.get("metadata"), dict) else {},
    )
