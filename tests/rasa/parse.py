"""Parse sentences with a trained model, the way `rasa run` does; prints one JSON object per line.

Usage: .venv/rasa/bin/python tests/rasa/parse.py MODEL SENTENCE...   (runs in the Rasa environment)
"""

import asyncio
import json
import logging
import sys

logging.disable(logging.WARNING)

from rasa.core.agent import Agent  # noqa: E402  (after silencing Rasa's start-up logging)


async def main(model: str, sentences: list[str]) -> None:
    agent = Agent.load(model)
    for sentence in sentences:
        parsed = await agent.parse_message(sentence)
        print(
            json.dumps(
                {
                    "text": sentence,
                    "intent": parsed["intent"]["name"],
                    "entities": {e["entity"]: e["value"] for e in parsed["entities"]},
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
