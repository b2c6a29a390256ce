"""Parse the bank turns with a trained Rasa model; keep the ranking per turn.

    .venv/rasa/bin/python bench/experiments/response_selector/parse.py MODEL.tar.gz NAME [HALF]

Writes /tmp/rs/<NAME>_<HALF>.json: per turn [[label, confidence], …] best first — the intent
ranking, or for a model with a ResponseSelector the selector's ranking (labels "situatie/<unit>").
Also prints the time per parse.
"""

from __future__ import annotations

import asyncio
import sys
import time

from common import OUT, read_json, turns_path, write_json


async def parse_all(model: str, turns: list[dict]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    out = []
    start = time.perf_counter()
    for turn in turns:
        parsed = await agent.parse_message(turn["question"])
        selector = parsed.get("response_selector", {})
        if selector.get("default", {}).get("ranking"):
            ranking = [[r["intent_response_key"], r["confidence"]] for r in selector["default"]["ranking"]]
        else:
            ranking = [[r["name"], r["confidence"]] for r in parsed.get("intent_ranking", [])]
        out.append({"id": turn["id"], "ranking": ranking})
    print(f"{len(turns)} beurten, {1000 * (time.perf_counter() - start) / max(1, len(turns)):.1f} ms per parse")
    return out


def main(model: str, name: str, half: str) -> None:
    write_json(OUT / f"{name}_{half}.json", asyncio.run(parse_all(model, read_json(turns_path(half)))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "afstemmen")
