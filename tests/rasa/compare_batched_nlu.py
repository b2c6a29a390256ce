"""Run in Rasa's environment: rasa_patches.batched_nlu against Rasa parsing one message at a time.

    python compare_batched_nlu.py MODEL.tar.gz

Installs the patch before loading the model (as `rasa run` does: Rasa's graph nodes keep the
component functions of loading time). Parses every sentence of the NLU test set (tests/nlu/)
and some odd ones with Rasa's own parse_message, one at a time (the model graph for one
message, DIET as Rasa's own); then again, arriving together in groups of 2, 7 and 20 and all
at once. Then a batch in which one message makes the NLU fail: the others must still get
their own parse and only that one the error. Prints one JSON object: per group size how many
parses differ from Rasa's (intent, ranking order, entities), the largest difference in a
confidence and how the patch batched them; and the outcome of the failing batch.
"""

import asyncio
import json
import logging
import sys

from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.log_utils import configure_structlog

from bot.config import PROJECT_ROOT
from rasa_patches import batched_nlu

ODD = [
    "",
    "/greet",
    "/restart",
    "asdf qwerty",
    "?",
    "🙂🙂",
    "fiets " * 150,
    "welk fonds betaalt een fiets voor een kind van 10? " * 8,
]


def summary(parse: dict) -> dict:
    return {
        "intent": parse["intent"]["name"],
        "ranking": [r["name"] for r in parse.get("intent_ranking", [])],
        "entities": [(e["entity"], e["value"], e["start"], e["end"], e.get("extractor")) for e in parse["entities"]],
    }


def confidences(parse: dict) -> list[float]:
    return (
        [parse["intent"]["confidence"]]
        + [r["confidence"] for r in parse.get("intent_ranking", [])]
        + [e.get("confidence_entity") or 0.0 for e in parse["entities"]]
    )


async def main(model: str) -> dict:
    batched_nlu.install()
    agent = Agent.load(model)
    sentences = [m.get("text") for m in load_data(str(PROJECT_ROOT / "tests/nlu")).training_examples] + ODD
    alone = [await batched_nlu._original_parse_message(agent.processor, UserMessage(text)) for text in sentences]
    assert batched_nlu.stats["batches"] == batched_nlu.stats["diet_batches"] == 0
    outcome = {"sentences": len(sentences), "groups": {}}
    for size in (2, 7, 20, len(sentences)):
        before = dict(batched_nlu.stats)
        together = []
        for start in range(0, len(sentences), size):
            group = sentences[start : start + size]
            together += await asyncio.gather(*(agent.processor.parse_message(UserMessage(t)) for t in group))
        differ = [
            sentences[i] for i, (a, b) in enumerate(zip(alone, together, strict=True)) if summary(a) != summary(b)
        ]
        largest = max(
            max((abs(x - y) for x, y in zip(confidences(a), confidences(b), strict=False)), default=0.0)
            for a, b in zip(alone, together, strict=True)
        )
        outcome["groups"][size] = {
            "differ": differ,
            "largest_confidence_difference": largest,
            "batches": batched_nlu.stats["batches"] - before["batches"],
            "largest_batch": batched_nlu.stats["largest"],
            "diet_batches": batched_nlu.stats["diet_batches"] - before["diet_batches"],
        }
    outcome["failing_batch"] = await failing_batch(agent, sentences[:3], alone[:3])
    return outcome


async def failing_batch(agent: Agent, good: list[str], good_alone: list[dict]) -> dict:
    """A batch of good sentences and one that breaks the NLU graph (an injected failure)."""
    run_nlu = batched_nlu.run_nlu

    def breaking(processor, messages):
        if any(m.text == "KAPOT" for m in messages):
            raise RuntimeError("kapot")
        return run_nlu(processor, messages)

    batched_nlu.run_nlu = breaking
    try:
        outcomes = await asyncio.gather(
            *(agent.processor.parse_message(UserMessage(t)) for t in good + ["KAPOT"]), return_exceptions=True
        )
    finally:
        batched_nlu.run_nlu = run_nlu
    return {
        "good_same": [summary(a) == summary(b) for a, b in zip(good_alone, outcomes, strict=False)],
        "failed": repr(outcomes[-1]),
    }


if __name__ == "__main__":
    logging.disable(logging.WARNING)
    configure_structlog(logging.WARNING)
    print(json.dumps(asyncio.run(main(sys.argv[1])), ensure_ascii=False))
