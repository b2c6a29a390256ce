"""A stand-in for Rasa's socketio channel, for the widget tests (runs in .venv/rasa, which has python-socketio).

Behaves like our Rasa channel (channels/socketio_sessions.py): session_request keeps a session id
this server issued and replaces any other by a new one (session_confirm); user_uttered belongs to
the session confirmed for the connection, is normalised and redacted with the real code, confirmed
to the sender (`user_confirmed` {text, ref}), and answered in that session's room. The replies are
scripted by the message text (see REPLIES); anything else is echoed, markup and all.
GET /log returns what arrived, so tests can check the session ids the widget used.

Usage: .venv/rasa/bin/python tests/web/fake_rasa.py PORT   (prints READY when listening)
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import socketio
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project, for the real redaction
from bot.privacy import redact  # noqa: E402
from channels.normalise import normalise, one_line  # noqa: E402

XSS = '<script>window.__xss=1</script> en <img src=x onerror="window.__xss=1"> en [klik](javascript:window.__xss=1)'

REPLIES = {
    "opmaak": {
        "text": "**Stichting Leergeld** ([site](https://www.leergeld.nl/)) helpt:\n"
        "- fiets\n- laptop voor *school*\n"
        "Lokale afdelingen stellen eigen voorwaarden.\n"
        "Bron: [Handreiking](https://www.ncj.nl/armoede), zie ook https://example.org/pad."
    },
    "xss": {"text": XSS},
    "knoppen": {
        "text": "Hoe oud is het kind?",
        "quick_replies": [
            {"content_type": "text", "title": "Baby", "payload": '/inform{"leeftijd": "baby"}'},
            {"content_type": "text", "title": "<b>Peuter</b>", "payload": "/inform"},
        ],
    },
}

log: list[dict] = []
issued: set[str] = set()
session_of: dict[str, str] = {}  # connection -> its confirmed session id
sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
app = web.Application()
sio.attach(app)


@sio.on("session_request")
async def session_request(sid, data):
    session_id = (data or {}).get("session_id")
    log.append({"event": "session_request", "session_id": session_id})
    if session_id not in issued:
        session_id = f"{secrets.token_hex(16)}-{secrets.token_hex(16)}"  # the shape of a signed id
        issued.add(session_id)
    session_of[sid] = session_id
    # enter_room is a coroutine since python-socketio 5.10 (we pin a newer one), a plain call before.
    entered = sio.enter_room(sid, session_id)
    if entered is not None:
        await entered
    await sio.emit("session_confirm", session_id, room=sid)


@sio.on("user_uttered")
async def user_uttered(sid, data):
    log.append({"event": "user_uttered", **data})
    text = one_line(redact(normalise(data.get("message")).lines).text)
    await sio.emit("user_confirmed", {"text": text, "ref": data.get("ref")}, room=sid)
    reply = REPLIES.get(text, {"text": f"Je zei: {text}"})
    await sio.emit("bot_uttered", reply, room=session_of.get(sid))


async def get_log(request):
    return web.json_response(log)


app.router.add_get("/log", get_log)

if __name__ == "__main__":
    port = int(sys.argv[1])
    web.run_app(app, host="127.0.0.1", port=port, print=lambda *_: print("READY", flush=True))
