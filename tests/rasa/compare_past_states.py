"""Run in Rasa's environment: rasa_patches.past_states against Rasa's own replay, on real turns.

    python compare_past_states.py MODEL.tar.gz http://127.0.0.1:PORT/webhook /tmp/conversations.sqlite

Loads the trained model with the action server at the URL and the tracker store `make run`
uses (stores/cached_sql.py, SQLite), installs the patch in its checking form (every call also
runs Rasa's full replay and compares), and plays conversations with fund finding, a missing
age, follow-ups, werkwijzen, the source question, out-of-scope and unclear messages, a restart,
a new session and Rasa's `back` (reverted turns). Prints one JSON object: the calls, how many
continued a kept replay, and every difference found.
"""

import asyncio
import json
import logging
import sys

from rasa.core.agent import Agent
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.log_utils import configure_structlog

from rasa_patches import past_states
from stores.cached_sql import CachedSQLTrackerStore

CONVERSATIONS = {
    "fondsen": [
        "hallo",
        "welk fonds betaalt een fiets?",
        "10 jaar",
        "wie kan dat aanvragen?",
        "andere fondsen?",
        "hoe vraag ik dat aan?",
        "waar staat dat?",
        "en voor zwemles voor een puber?",
        "dank je",
        "doei",
    ],
    "werkwijzen": [
        "hoe begin ik over geldzorgen met een puber?",
        "welke signalen van armoede zie je bij een baby?",
        "welke vragenlijst gebruik je bij kleuters?",
        "wat is VoorZorg?",
        "waar staat dat?",
        "hoe laat is het in Tokio?",
        "asdf qwerty zxcv",
        "wat kun je?",
        "ben jij een robot?",
        "wat is de definitie van armoede?",
    ],
    "opnieuw": [
        "welk fonds helpt met een laptop?",
        "/restart",
        "welk fonds helpt met een laptop?",
        "voor een 14-jarige",
        "/session_start",
        "andere fondsen?",
        "hoe begin ik over geldzorgen met zwangere ouders?",
        # Rasa's `back`: the last two user turns are reverted, so the history continues from earlier.
        "wat is VoorZorg?",
        "/back",
        "welke signalen van armoede zie je bij een peuter?",
        "waar staat dat?",
        "wie kan dat aanvragen?",
        "bedankt",
    ],
}


async def main(model: str, action_url: str, database: str) -> dict:
    found: list = []
    checked = past_states.checked_states_for_tracker_history

    def recording(*args, **kwargs):
        try:
            return checked(*args, **kwargs)
        except AssertionError as difference:
            found.append(str(difference)[:2000])
            return past_states._original_states_for_tracker_history(*args, **kwargs)

    past_states.install()
    from rasa.shared.core.domain import Domain

    Domain.states_for_tracker_history = recording

    store = CachedSQLTrackerStore(dialect="sqlite", db=database)
    agent = Agent.load(model, action_endpoint=EndpointConfig(action_url), tracker_store=store)
    replies = 0
    for name, messages in CONVERSATIONS.items():
        for message in messages:
            replies += bool(await agent.handle_text(message, sender_id=f"vergelijk-{name}"))
    return {
        "calls": past_states.stats["fresh"] + past_states.stats["continued"],
        **past_states.stats,
        "replies": replies,
        "differences": found,
    }


if __name__ == "__main__":
    logging.disable(logging.WARNING)
    configure_structlog(logging.WARNING)
    print(json.dumps(asyncio.run(main(*sys.argv[1:4]))))
