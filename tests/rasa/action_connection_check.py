"""Run in Rasa's environment: EndpointConfig.request with rasa_patches.action_connection.

Starts a small aiohttp server on loopback that counts the TCP connections it accepts and
answers like an action server, then sends requests the way RemoteAction does, plain Rasa first
and patched after: answers, connections per request, an error status, and a server that closes
every connection right after answering (what a restarted action server does to a kept one).
Prints one JSON object.
"""

import asyncio
import json
import socket

from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from rasa_patches import action_connection

ANSWER = {"events": [{"event": "slot", "name": "getoond", "value": 3.0}], "responses": [{"text": "Bron: x"}]}


async def close_sessions() -> None:
    """Close the sessions the patch kept for this event loop (at the end of the script)."""
    loop = asyncio.get_running_loop()
    for key, (_, session_loop, session) in list(action_connection._sessions.items()):
        if session_loop is loop:
            await session.close()
            del action_connection._sessions[key]


class CountingServer:
    """Counts connections by the client's port: each new TCP connection has its own."""

    def __init__(self) -> None:
        self.peers: list = []
        self.close_after_answer = False

    async def webhook(self, request: web.Request) -> web.Response:
        self.peers.append(request.transport.get_extra_info("peername"))
        body = await request.json()
        if body.get("next_action") == "action_fout":
            return web.json_response({"error": "kapot"}, status=500)
        response = web.json_response({**ANSWER, "echo": body["next_action"]})
        if self.close_after_answer:
            response.force_close()
        return response

    async def start(self, port: int = 0) -> int:
        app = web.Application()
        app.router.add_post("/webhook", self.webhook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        await web.SockSite(self.runner, sock).start()
        return sock.getsockname()[1]

    async def stop(self) -> None:
        await self.runner.cleanup()


async def calls(endpoint: EndpointConfig, server: CountingServer, names: list) -> dict:
    """Answers, and how many connections the server saw for them."""
    server.peers.clear()
    answers = []
    for name in names:
        try:
            answer = await endpoint.request(json={"next_action": name}, method="post", timeout=10)
            answers.append(answer["echo"])
        except ClientResponseError as error:
            answers.append(f"HTTP {error.status}")
    return {"answers": answers, "connections": len(set(server.peers))}


async def main() -> dict:
    server = CountingServer()
    port = await server.start()
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
    names = ["action_een", "action_twee", "action_fout", "action_drie"]
    outcome = {"rasa": await calls(endpoint, server, names)}
    action_connection.install()
    outcome["patched"] = await calls(endpoint, server, names)
    server.close_after_answer = True
    outcome["server_closes"] = await calls(endpoint, server, ["action_een", "action_twee"])
    server.close_after_answer = False
    await calls(endpoint, server, ["action_een"])  # a kept connection again
    await server.stop()  # the action server restarts
    await server.start(port)
    outcome["after_restart"] = await calls(endpoint, server, ["action_een", "action_twee"])
    await asyncio.sleep(action_connection.KEEPALIVE_SECONDS + 1)
    outcome["after_idle"] = await calls(endpoint, server, ["action_een", "action_twee"])
    outcome["stats"] = dict(action_connection.stats)
    await server.stop()
    await close_sessions()
    return outcome


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
