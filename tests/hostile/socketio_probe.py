"""Tries to get into someone else's socketio conversation, and sends odd events; prints what was seen, as JSON.

Run with Rasa's python (it has python-socketio):
    .venv/rasa/bin/python tests/hostile/socketio_probe.py RASA_URL ALLOWED_ORIGIN
tests/hostile/test_socketio_sessions.py starts it against the running stack and judges the output.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.socketio_chat import SocketioChat, texts  # noqa: E402

FUND_QUESTION = "welk fonds betaalt een fiets voor een kind van 10?"
OTHER_QUESTION = "hoe begin ik over geldzorgen met een puber?"


def forge(session_id: str) -> list[str]:
    """Ids an attacker could make from a glimpse of the victim's id (or from nothing)."""
    nonce, signature = session_id.split("-")
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    return [f"{nonce}-{flipped}", nonce, f"web-{nonce}", f"{nonce}-{'0' * 32}", "alice", "../" + nonce]


# Odd user_uttered payloads: each should get a Dutch answer on the same, still working connection.
ODD_EVENTS = {
    "leeg": {"message": ""},
    "nulbytes": {"message": "\x00\x00"},
    "10000-tekens": {"message": "fiets " * 1700},
    "geen-object": "welk fonds betaalt een fiets?",
    "bericht-is-lijst": {"message": ["fiets"]},
    "metadata-kapot": {"message": "welk fonds betaalt een fiets?", "metadata": "{kapot"},
    "script": {"message": "<script>alert(1)</script>"},
}


async def odd_events(base: str) -> dict:
    chat = SocketioChat(base)
    await chat.connect(None)
    answers = {}
    for kind, payload in ODD_EVENTS.items():
        start = len(chat.replies)
        await chat.emit("user_uttered", payload)
        await chat.wait_for_replies(start, quiet=1.0, timeout=60)
        answers[kind] = texts(chat.replies[start:])
    answers["daarna"] = texts(await chat.say(FUND_QUESTION))
    await chat.close()
    return answers


async def opens_websocket(base: str, origin: str) -> bool:
    chat = SocketioChat(base)
    try:
        await chat.connect(None, origin=origin, timeout=10)
    except Exception:  # noqa: BLE001 — refused, in whatever way the client reports it
        return False
    await chat.close()
    return True


async def main(base: str, allowed_origin: str) -> dict:
    report: dict = {"odd": await odd_events(base)}
    report["websocket_from"] = {
        origin: await opens_websocket(base, origin) for origin in (allowed_origin, "https://kwaadwillend.example")
    }
    alice = SocketioChat(base)
    victim_id = await alice.connect(None)  # a new visitor: the server issues the id
    report["alice_session"] = victim_id
    report["alice_first_answer"] = texts(await alice.say(FUND_QUESTION))
    report["alice_confirmed_text"] = [c["text"] for c in alice.user_confirmed]
    seen_by_alice = len(alice.replies)

    mallory = SocketioChat(base)
    report["forged"] = {}
    await mallory.connect(None)
    for forged in forge(victim_id):
        mallory.confirmed.clear()
        await mallory.emit("session_request", {"session_id": forged})
        await asyncio.wait_for(mallory.confirmed.wait(), 30)
        report["forged"][forged] = mallory.session_id
    # With its own (confirmed) session, Mallory names Alice's session in the message itself.
    report["mallory_answer"] = texts(await mallory.say(OTHER_QUESTION, session_id=victim_id))
    await mallory.close()

    # A socket that never asked for a session, naming Alice's session.
    stranger = SocketioChat(base)
    await stranger.connect(request_session=False)
    report["stranger_answer"] = texts(await stranger.say(OTHER_QUESTION, session_id=victim_id))
    await stranger.close()

    await asyncio.sleep(2)
    report["alice_saw_meanwhile"] = texts(alice.replies[seen_by_alice:])
    await alice.close()

    # Alice reloads the page: same signed id, same conversation ("waar staat dat?" = source of her last answer).
    reloaded = SocketioChat(base)
    report["reload_session"] = await reloaded.connect(victim_id)
    report["reload_answer"] = texts(await reloaded.say("waar staat dat?"))
    await reloaded.close()
    return report


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2]))))
