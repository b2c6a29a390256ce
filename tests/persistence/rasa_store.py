"""Run in Rasa's own environment (.venv/rasa): Rasa's tracker store, built from a generated endpoints.yml.

    python rasa_store.py ENDPOINTS write '{"sender": [age_in_days, ...], ...}'
        stores, per sender, one conversation with an event for each age (days before now)
    python rasa_store.py ENDPOINTS read
        prints {"store": class name, "dialect": …, "senders": {sender: [event timestamps]}} as JSON

So the tests see exactly the rows and the configuration Rasa itself writes and reads.
"""

import asyncio
import json
import sys
import time

from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config


def store_from(endpoints: str):
    return create_tracker_store(read_endpoint_config(endpoints, "tracker_store"), Domain.empty())


async def write(store, plan: dict) -> None:
    now = time.time()
    for sender, ages in plan.items():
        tracker = DialogueStateTracker(sender, [])
        first = now - max(ages) * 86400
        tracker.update(SessionStarted(timestamp=first))
        for age in sorted(ages, reverse=True):
            at = now - age * 86400
            tracker.update(UserUttered(f"vraag {age} dagen geleden", {"name": "ask_fondsen"}, timestamp=at))
            tracker.update(BotUttered("antwoord", timestamp=at))
            tracker.update(ActionExecuted("action_listen", timestamp=at))
        await store.save(tracker)


async def read(store) -> dict:
    inner = getattr(store, "_tracker_store", store)  # create_tracker_store may wrap it
    senders = {}
    for sender in await store.keys():
        tracker = await store.retrieve_full_tracker(sender)
        senders[sender] = [event.timestamp for event in tracker.events] if tracker else []
    engine = getattr(inner, "engine", None)
    return {
        "store": type(inner).__name__,
        "dialect": engine.dialect.name if engine else None,
        "database": engine.url.database if engine else None,
        "senders": senders,
    }


def main() -> None:
    endpoints, command = sys.argv[1], sys.argv[2]
    store = store_from(endpoints)
    if command == "write":
        asyncio.run(write(store, json.loads(sys.argv[3])))
    else:
        print(json.dumps(asyncio.run(read(store))))


if __name__ == "__main__":
    main()
