"""Run in Rasa's environment: stores/cached_sql.py against Rasa's own SQLTrackerStore.

    python cached_store_check.py '{"dialect": "sqlite", "db": "/tmp/a.sqlite"}' '{... second, empty database}'

Plays the same scripted conversations, turn by turn the way Rasa's processor does (get the
tracker, add the turn's events, save), through the cached store on the first database and
through Rasa's plain store on the second, and prints one JSON object with what it saw:
whether every tracker handed out equals what Rasa itself reads back from the database, whether
both databases end up with the same rows, how many turns were served from memory, and what
happens after a clean-up, another writer, a change that was not saved, and a new session.
"""

import asyncio
import json
import sys
import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import EventVerbosity

from stores.cached_sql import CachedSQLTrackerStore

DOMAIN = Domain.load("domain.yml")
QUESTIONS = [
    ("welk fonds betaalt een fiets?", "fonds_zoeken", {"behoefte": "fiets"}),
    ("voor een kind van 10", "leeftijd_geven", {"leeftijd": 10.0}),
    ("wie kan dat aanvragen?", "wie_vraagt_aan", {}),
    ("andere fondsen?", "meer", {"getoond": 3.0}),
    ("hoe begin ik over geldzorgen?", "werkwijze", {"laatste_bronnen": [{"document": "handreiking"}]}),
    ("waar staat dat?", "bron", {}),
]


class Clock:
    """Timestamps that go up like real ones, equal in both stores' conversations. They start a
    minute ahead, so that Rasa's own stamp on a new tracker (the real time) always comes first."""

    def __init__(self):
        self.now = time.time() + 60

    def __call__(self):
        self.now += 0.5
        return self.now


async def play_turn(store, sender, question, clock, new_session=False):
    text, intent, slots = question
    tracker = await store.get_or_create_tracker(sender)
    handed_out = (tracker, state(tracker))
    if new_session or not any(isinstance(e, SessionStarted) for e in tracker.events):
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
            event.timestamp = clock()
            tracker.update(event)
    events = [UserUttered(text, {"name": intent, "confidence": 0.9}), ActionExecuted("action_extract_slots")]
    events += [SlotSet(name, value) for name, value in slots.items()]
    events += [ActionExecuted("action_antwoord"), BotUttered(f"antwoord op {text}"), ActionExecuted("action_listen")]
    for event in events:
        event.timestamp = clock()
        tracker.update(event)
    await store.save(tracker)
    return handed_out, tracker


def state(tracker):
    return None if tracker is None else tracker.current_state(EventVerbosity.ALL)


def rows(store, sender):
    table = store.SQLEvent.__table__
    with store.engine.connect() as connection:
        result = connection.execute(
            sa.select(table.c.type_name, table.c.intent_name, table.c.action_name, table.c.timestamp, table.c.data)
            .where(table.c.sender_id == sender)
            .order_by(table.c.id)
        )
        # Rasa stamps the first event of a new tracker with the clock itself: compare without times.
        return [
            (
                type_name,
                intent,
                action,
                timestamp is None,
                {k: v for k, v in json.loads(data).items() if k != "timestamp"},
            )
            for type_name, intent, action, timestamp, data in result
        ]


async def main(first, second):
    cached = CachedSQLTrackerStore(DOMAIN, **first)
    reader = SQLTrackerStore(DOMAIN, **first)  # Rasa's own reading of the cached store's database
    plain = SQLTrackerStore(DOMAIN, **second)
    report = {}

    # A conversation of twelve turns with a new session half-way.
    clock_cached, clock_plain = Clock(), Clock()
    last_saved, same_as_rasa, from_memory = None, [], 0
    for turn in range(12):
        question, new_session = QUESTIONS[turn % len(QUESTIONS)], turn == 6
        expected = state(await reader.retrieve("gesprek"))
        (handed_out, handed_out_state), saved = await play_turn(cached, "gesprek", question, clock_cached, new_session)
        if turn:
            same_as_rasa.append(handed_out_state == expected)
        from_memory += handed_out is last_saved
        await play_turn(plain, "gesprek", question, clock_plain, new_session)
        last_saved = saved
    report["turns"] = 12
    report["handed_out_equals_rasas_reading"] = all(same_as_rasa) and len(same_as_rasa) == 11
    report["served_from_memory"] = from_memory
    report["same_rows_as_rasa"] = rows(cached, "gesprek") == rows(plain, "gesprek")
    report["rows"] = len(rows(cached, "gesprek"))

    # Clean-up (make opruimen) deletes the conversation from the database behind Rasa's back.
    clock = Clock()
    for question in QUESTIONS[:3]:
        await play_turn(cached, "opgeruimd", question, clock)
    report["kept"] = sorted(cached._kept)
    with cached.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 'opgeruimd'"))
    report["after_clean_up"] = state(await cached.retrieve("opgeruimd"))

    # Another writer adds an event to the conversation.
    for question in QUESTIONS[:3]:
        await play_turn(cached, "ander", question, clock)
    report["kept"] += sorted(set(cached._kept) - set(report["kept"]))
    other = await reader.retrieve("ander")
    other.update(SlotSet("gemeente", "Utrecht", timestamp=clock()))
    await reader.save(other)
    report["sees_other_writer"] = (await cached.retrieve("ander")).get_slot("gemeente")

    # Rasa changes a tracker after saving it and never saves again (a turn cut off by a timeout).
    for question in QUESTIONS[:3]:
        _, saved = await play_turn(cached, "afgebroken", question, clock)
    report["kept"] += sorted(set(cached._kept) - set(report["kept"]))
    saved.update(SlotSet("behoefte", "laptop", timestamp=clock()))
    again = await cached.retrieve("afgebroken")
    report["unsaved_change_dropped"] = again.get_slot("behoefte") == "fiets" and again is not saved
    report["unsaved_equals_rasas_reading"] = state(again) == state(await reader.retrieve("afgebroken"))

    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(json.loads(sys.argv[1]), json.loads(sys.argv[2])))
