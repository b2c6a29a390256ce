"""Sends messages over the chat page's socketio channel, each in a conversation of its own; prints JSON.

Run with Rasa's python (it has python-socketio):
    .venv/rasa/bin/python tests/privacy/socketio_corpus.py RASA_URL ORIGIN < messages.json
Input: a JSON list of messages. Output: a JSON list, per message {"sender": …, "replies": "…"}, where
sender is the conversation's id in the tracker store. tests/privacy/test_corpus_end_to_end.py judges it.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.socketio_chat import SocketioChat, texts  # noqa: E402

AT_ONCE = 8


async def one(base: str, origin: str, message: str, gate: asyncio.Semaphore) -> dict:
    async with gate:
        chat = SocketioChat(base)
        session = await chat.connect(None, origin=origin)
        replies = await chat.say(message, quiet=0.5)
        await chat.close()
    return {"sender": f"web-{session.split('-')[0]}", "replies": texts(replies)}


async def main(base: str, origin: str, messages: list[str]) -> list[dict]:
    gate = asyncio.Semaphore(AT_ONCE)
    return list(await asyncio.gather(*(one(base, origin, m, gate) for m in messages)))


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2], json.load(sys.stdin))), ensure_ascii=False))
