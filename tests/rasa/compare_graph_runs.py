"""Run in Rasa's environment: rasa_patches.graph_runs against Rasa's own DaskGraphRunner.run.

    python compare_graph_runs.py MODEL.tar.gz

Loads the trained model, parses sentences and plays a conversation with Rasa's run, then the
same with the patched run, and prints one JSON object: the parses and the actions each chose.
"""

import asyncio
import json
import logging
import sys

from rasa.core.agent import Agent
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted
from rasa.utils.log_utils import configure_structlog

from rasa_patches import graph_runs

SENTENCES = [
    "hallo",
    "welk fonds betaalt een fiets voor een kind van 10?",
    "hoe begin ik over geldzorgen met een puber?",
    "wat is VoorZorg?",
    "asdf qwerty",
    "waar staat dat?",
    "10 jaar",
    "dank je",
]


async def play(agent: Agent, sender: str) -> dict:
    parses = [await agent.parse_message(sentence) for sentence in SENTENCES]
    for sentence in SENTENCES:
        await agent.handle_text(sentence, sender_id=sender)
    tracker = await agent.tracker_store.retrieve(sender)
    actions = [event.action_name for event in tracker.events if isinstance(event, ActionExecuted)]
    return {"parses": parses, "actions": actions}


async def main(model: str) -> dict:
    agent = Agent.load(model)
    rasas = await play(agent, "rasa")
    graph_runs.install()
    ours = await play(agent, "gepatcht")
    return {
        "patched": DaskGraphRunner.run is graph_runs.run,
        "same": rasas == ours,
        "actions": len(ours["actions"]),
        "rasa": rasas if rasas != ours else None,
        "ours": ours if rasas != ours else None,
    }


if __name__ == "__main__":
    logging.disable(logging.WARNING)
    configure_structlog(logging.WARNING)
    print(json.dumps(asyncio.run(main(sys.argv[1])), default=str))
