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
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
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


# Rasa's own replay of the whole conversation, taken before the patch is installed.
RASAS_STATES_FOR_TRACKER_HISTORY = Domain.states_for_tracker_history


async def main(model: str, action_url: str, database: str) -> dict:
    found: list = []

    def recording(
        self: Domain,
        tracker: DialogueStateTracker,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict | None = None,
    ) -> list:
        """The kept replay's answer, compared with Rasa's full replay on every call; Rasa's answer is used."""
        args = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        ours = past_states.states_for_tracker_history(self, tracker, *args)
        rasas = RASAS_STATES_FOR_TRACKER_HISTORY(self, tracker, *args)
        if ours != rasas:
            found.append(f"past states differ for {tracker.sender_id}: {ours} != {rasas}"[:2000])
        return rasas

    past_states.install()
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
