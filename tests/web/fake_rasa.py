"""A stand-in for Rasa's socketio channel, for the widget tests (runs in .venv/rasa, which has python-socketio).

Behaves like Rasa with `session_persistence: true`: session_request puts the connection in the
room of its session_id and answers session_confirm; replies go to that room. The replies are
scripted by the message text (see REPLIES); anything else is echoed, markup and all.
GET /log returns what arrived, so tests can check the session ids the widget used.

Usage: .venv/rasa/bin/python tests/web/fake_rasa.py PORT   (prints READY when listening)
"""
from __future__ import annotations

import sys

import socketio
from aiohttp import web

XSS = '<script>window.__xss=1</script> en <img src=x onerror="window.__xss=1"> en [klik](javascript:window.__xss=1)'

REPLIES = {
    "opmaak": {"text": "**Stichting Leergeld** ([site](https://www.leergeld.nl/)) helpt:\n"
                       "- fiets\n- laptop voor *school*\n"
                       "Lokale afdelingen stellen eigen voorwaarden.\n"
                       "Bron: [Handreiking](https://www.ncj.nl/armoede), zie ook https://example.org/pad."},
    "xss": {"text": XSS},
    "knoppen": {"text": "Hoe oud is het kind?",
                "quick_replies": [{"content_type": "text", "title": "Baby", "payload": '/inform{"leeftijd": "baby"}'},
                                  {"content_type": "text", "title": "<b>Peuter</b>", "payload": "/inform"}]},
}

log: list[dict] = []
sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
app = web.Application()
sio.attach(app)


@sio.on("session_request")
async def session_request(sid, data):
    session_id = (data or {}).get("session_id")
    log.append({"event": "session_request", "session_id": session_id})
    # Like Rasa 3.6 itself: enter_room is a plain call in the python-socketio we pin (< 5.10).
    entered = sio.enter_room(sid, session_id)
    if entered is not None:
        await entered
    await sio.emit("session_confirm", session_id, room=sid)


@sio.on("user_uttered")
async def user_uttered(sid, data):
    log.append({"event": "user_uttered", **data})
    reply = REPLIES.get(data.get("message", ""), {"text": f"Je zei: {data.get('message', '')}"})
    await sio.emit("bot_uttered", reply, room=data.get("session_id"))


async def get_log(request):
    return web.json_response(log)


app.router.add_get("/log", get_log)

if __name__ == "__main__":
    port = int(sys.argv[1])
    web.run_app(app, host="127.0.0.1", port=port, print=lambda *_: print("READY", flush=True))
